"""Facts of the real UN documents, written by reading their PDFs, and their measure on a reading.

Each file ``tests/fixtures/real/<path under corpus/real, without .pdf>.toml`` states what the
printed document holds (kind, symbol, dates, title, preamble, operative numbers, points,
footnotes and the paragraph holding each, annexes, page furniture ...). ``check_facts`` compares
one ``ReadResult`` with one fact file and returns one ``Fact`` per statement; ``word_coverage``
checks that every word of the input is kept, in the AKN or in the furniture diagnostics.

Run ``python -m tests.real_facts [--form layout] [-v] [FILTER]`` for a per-document report.

How each fact maps onto the UN profile of Akoma Ntoso (``akn-profile.md``):

- doc_type: the line under a report's title (``Report of the Secretary-General``): ``docType``
  or the preface title block;
- kind: the document element and its ``name`` (``statement name="resolution"``,
  ``statement name="resolutionDraft"``, ``debateReport name="report"``, ``doc name="note"`` ...);
- symbol, date, distribution, original, agenda_item, title, lang: the masthead and preface as
  ``drafting.model.units.masthead`` reads them (``docNumber``, ``docDate/@date``,
  ``inline[@name="distribution"]`` ...); lang is ``FRBRExpression/FRBRlanguage``;
- adopted: the adoption date printed in the preface (``Resolution adopted ... on 1 December
  2025``); the profile has no element for it, so the printed date is looked for in the preface
  text or as a ``docDate/@date`` there;
- formula: ``preamble/formula[@name="enactingFormula"]``; preambular: the ``preamble/container``
  elements; preambular_openers: the first ``i`` of each such container (the italic opening
  words), the container's first word when it has none;
- operative: the printed ``num`` of every ``paragraph`` of ``mainBody`` outside annexes;
- points: ``paragraph/list/point/num`` as printed; key ``"8"`` lists the points of paragraph 8,
  key ``"8(d)"`` the points nested in its point (d); preambular_points the same by preambular
  index;
- footnotes: every ``authorialNote`` in document order (cover page and preface first); its host is
  where the note call stands: ``MASTHEAD`` (cover page, preface), ``PP<n>`` (n-th preambular
  paragraph), ``OP<n>`` (operative paragraph n), ``OP<n>(a)``, ``OP<n>(d)(iii)`` (points),
  ``ANNEX`` (an annex outside its numbered paragraphs), ``ANNEX.<n>`` (paragraph n of the
  annex; ``ANNEX I.<n>`` when the annexes are numbered), ``P<n>`` (paragraph n of any other document: a report, a note), ``HEADING`` (a call on a heading), ``BODY`` (an unnumbered
  body paragraph: a letter, a summary), ``TITLE`` (a call on the title or on the line under it,
  ``docTitle``/``docType`` or the preface title block);
- annexes: ``hcontainer[@name="annex"]`` in ``mainBody`` or ``attachments/attachment``, in order:
  its label (``num``), title (``heading``), numbered paragraphs, chapter numbers, points;
- closing: the meeting line of an adopted resolution; it must be in the document and not glued
  into a paragraph or point;
- sponsors: ``docProponent`` (with ``docType``) in the preface, compared word by word, leaving
  out the words ``draft``, ``resolution``, ``and`` that the profile may keep apart; a submission
  line may instead hold its ``docProponent`` inside the line as printed;
- furniture: strings printed on the page edges (job number, print-date stamp, barcode, page
  marker, running-head symbol): none may appear in the text of a body unit or of the title;
- recommended: the draft resolution a committee report reproduces under its last paragraph,
  read as a quoted document (``embeddedStructure``, ``quotedStructure``, ``subFlow`` or a
  ``component``) holding its own title, preamble and numbered paragraphs; its notes are hosted
  ``DRAFT.PP<n>`` / ``DRAFT.OP<n>``, and its paragraphs are not the report's;
- cross_headings: the unnumbered headings of ``mainBody`` outside annexes (``crossHeading`` or
  ``hcontainer[@name="crossHeading"]``); chapters (reports): ``chapter`` num and heading.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from drafting.model.akn import doc_element, first, local, text_content, xp
from drafting.model.units import masthead

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "real"
FACTS = Path(__file__).resolve().parent / "fixtures" / "real"

# The input forms of one document: file beside the PDF, and the reader format to use.
FORMS = {
    "pdftotext": ".pdftotext.txt",
    "layout": ".layout.txt",
    "pdf": ".pdf",
}

KINDS = {  # fact kind -> (AKN document element, name attribute)
    "resolution": ("statement", "resolution"),
    "draft-resolution": ("statement", "resolutionDraft"),
    "decision": ("statement", "decision"),
    "draft-decision": ("statement", "decisionDraft"),
    "amendment": ("amendment", "amendment"),
    "report": ("debateReport", "report"),
    "draft-report": ("debateReport", "reportDraft"),
    "note": ("doc", "note"),
    # The profile names a letter "doc name=note (or another plain word)": either word is right.
    "letter": ("doc", ("note", "letter")),
    "other": ("doc", None),  # any plain word names a document of no profile kind
}

LANG3 = {"ara": "ar", "chi": "zh", "zho": "zh", "eng": "en", "fra": "fr", "fre": "fr",
         "rus": "ru", "spa": "es"}

MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], 1)}


@dataclass
class Fact:
    name: str
    expected: object
    got: object
    ok: bool

    def __iter__(self):  # a Fact unpacks as the tuple (name, expected, got, ok)
        return iter((self.name, self.expected, self.got, self.ok))


# -- text normalisation -----------------------------------------------------------------------

# A Chinese (or Japanese) character is a word of its own: the script puts no space between words,
# so a run of characters is a clause, and a reader that keeps all of a clause but one character
# must lose one word, not the clause; one that adds or drops a space inside it must lose none.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# (figures and letters apart: a number that extraction glued to the word after it, which a
# right-to-left line often shows as "55/25المؤرخ", is two words whichever side keeps the space)
WORD = re.compile(f"[{HAN}]|\\d+|[^\\W\\d_{HAN}]+")
HAN_CHAR = re.compile(f"[{HAN}]")
WIDE = HAN + "\u3000-\u303f\uff01-\uff60"
# a figure is the same word in Arabic-Indic digits ("٢") as in Western ones ("2")
INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def norm(text) -> str:
    """Compare printed strings modulo spacing, dash and quote shapes and soft hyphens."""
    if text is None:
        return ""
    text = str(text)
    if HAN_CHAR.search(text):
        # beside a Chinese character or full-width mark a space is the printer's spacing, not a
        # character of the text ("2000 年" as pdftotext gives Word's gap between scripts, "2000年"
        # as typed)
        text = re.sub(f"\\s+(?=[{WIDE}])|(?<=[{WIDE}])\\s+", "", text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "").replace("\u2011", "-").replace("\u2010", "-")
    text = re.sub("[\u2018\u2019\u02bc]", "'", text)
    text = re.sub("[\u201c\u201d]", '"', text)
    return re.sub(r"\s+", " ", text).strip()




def words(text: str) -> list[str]:
    # format characters (bidirectional marks, soft hyphens) join or split no word
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    # the tatweel stretches a justified Arabic line: a drawing of the line, not a letter
    text = text.replace("\u0640", "").translate(INDIC_DIGITS)
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


# -- the pieces of the AKN tree the facts speak of ---------------------------------------------

def _annexes(doc) -> list:
    found = xp(doc, ".//a:hcontainer[@name='annex']")
    found += xp(doc, ".//a:attachments/a:attachment")
    return found


# Elements that can hold a whole other document quoted inside this one (a report reproducing
# the draft resolution it recommends): its paragraphs and notes are the quoted draft's.
EMBEDDED = {"embeddedStructure", "quotedStructure", "subFlow", "component"}


def _embedded(doc) -> list:
    return [el for el in doc.iter() if isinstance(el.tag, str) and local(el) in EMBEDDED
            and first(el, ".//a:formula | .//a:preamble | .//a:paragraph") is not None]


def _in_embedded(el) -> bool:
    return any(local(a) in EMBEDDED for a in el.iterancestors())


def _in_annex(el) -> bool:
    for anc in el.iterancestors():
        name = local(anc)
        if (name == "hcontainer" and anc.get("name") == "annex") or name == "attachment":
            return True
    return False


def _num(el) -> str | None:
    num = first(el, "a:num")
    return norm(text_content(num)) if num is not None else None


def _chapter_label(num: str | None) -> str:
    """A chapter's number as the fact files write it: ``IV.`` and ``Chapter IV`` (the Official
    Records print the word) -> ``IV``."""
    return re.sub(r"^(?:Chapter|Chapitre|Capítulo|Глава)", "", _label(num))


def _label(num: str | None) -> str:
    """A printed number as the fact files write it: ``12.`` -> ``12``; a point label stays as
    printed, ``(a)`` or ``a)`` (Russian and French documents print ``a)``)."""
    if not num:
        return ""
    num = re.sub(r"\s+", "", num)
    if re.fullmatch(r"\(?[^\W\d_]{1,5}\)", num):
        return num
    return re.sub(r"[.)]+$", "", num)


def _points_of(el, key: str, out: dict) -> None:
    """Points directly under ``el`` (a paragraph or point), recursively, keyed as in the facts."""
    labels = []
    for point in xp(el, "a:list/a:point"):
        label = _label(_num(point))
        labels.append(label)
        _points_of(point, f"{key}{label}", out)
    if labels:
        out[key] = labels


def _body_paragraphs(main) -> list:
    """Paragraphs of the main body outside annexes and quoted documents, in order."""
    return [p for p in xp(main, ".//a:paragraph") if not _in_annex(p) and not _in_embedded(p)]


def _preamble_containers(doc) -> list:
    return xp(doc, "a:preamble/a:container")


def _opener(container) -> str:
    """The italic opening words of a preambular paragraph."""
    for i in xp(container, ".//a:i[not(ancestor::a:authorialNote)]"):
        before = "".join(_text_before(container, i))
        if not before.strip():
            return norm(text_content(i)).rstrip(",")
        break
    text = norm(text_content(container))
    return text.split(" ")[0] if text else ""


def _text_before(root, target) -> list[str]:
    """Text of ``root`` that precedes ``target`` in document order (notes excluded)."""
    parts: list[str] = []

    def walk(node) -> bool:
        if node is target:
            return True
        if local(node) == "authorialNote":
            return False
        if node.text and node is not root:
            parts.append(node.text)
        elif node is root and node.text:
            parts.append(node.text)
        for child in node:
            if walk(child):
                return True
            if child.tail:
                parts.append(child.tail)
        return False

    walk(root)
    return parts


def _host(note, doc, preamble: list, annexes: list) -> str:
    """Where a footnote call stands, in the names of the fact files."""
    quoted = next((a for a in note.iterancestors() if local(a) in EMBEDDED), None)
    if quoted is not None:  # a note of a quoted draft: named inside the draft, after DRAFT.
        inner = xp(quoted, ".//a:preamble/a:container")
        return "DRAFT." + _host_in(note, quoted, inner, [], report=False)
    # Operative paragraphs are those of a resolution, a decision or an amendment; the numbered
    # paragraphs of any other document (a report, a note, a letter) are its paragraphs P<n>.
    report = local(doc) not in ("statement", "amendment")
    return _host_in(note, doc, preamble, annexes, report)


def _host_in(note, doc, preamble: list, annexes: list, report: bool) -> str:
    point_labels: list[str] = []
    for anc in note.iterancestors():
        name = local(anc)
        if name == "point":
            point_labels.insert(0, _label(_num(anc)))
        elif name == "paragraph":
            num = _label(_num(anc))
            annex = next((a for a in anc.iterancestors() if a in annexes), None)
            if annex is not None:
                tag = _annex_tag(annex, annexes)
                return f"{tag}.{num}{''.join(point_labels)}" if num else tag
            if report:
                return f"P{num}{''.join(point_labels)}" if num else "BODY"
            return f"OP{num}{''.join(point_labels)}" if num else "BODY"
        elif name == "container" and anc in preamble:
            return f"PP{preamble.index(anc) + 1}{''.join(point_labels)}"
        elif name == "formula":
            return "FORMULA"
        elif anc in annexes:
            return _annex_tag(anc, annexes)
        elif anc is doc:
            break
        elif name in ("docTitle", "docType") or (name == "container" and anc.get("name") == "title"):
            return "TITLE"
        elif name in ("coverPage", "preface"):
            return "MASTHEAD"
        elif name == "crossHeading":
            return "HEADING"
        elif name in ("chapter", "section", "subsection", "hcontainer"):
            heading = first(anc, "a:heading")
            if heading is not None and note in heading.iter():
                return "HEADING"
        elif name == "conclusions":
            return "CLOSING"
    return "?"


def _annex_tag(annex, annexes) -> str:
    label = norm(_num(annex) or "Annex")
    numbered = len(annexes) > 1 or bool(re.search(r"\s[IVXLC\d]+$", label))
    return label.upper() if numbered else "ANNEX"


def _unit_texts(doc) -> list[tuple[str, str]]:
    """(where, text) of every body unit: preambular paragraphs, paragraphs, points, headings."""
    out = []
    for el in xp(doc, "a:preamble/a:container | a:preamble/a:formula"):
        out.append((el.get("eId") or "preamble", norm(text_content(el))))
    main = first(doc, "a:mainBody")
    if main is not None:
        for el in xp(main, ".//a:paragraph | .//a:point | .//a:heading | .//a:crossHeading"
                           " | .//a:intro | .//a:wrapUp"):
            own = [c for c in el if local(c) not in ("paragraph", "point", "list")]
            text = " ".join(text_content(c) for c in own) if own else text_content(el)
            text = (el.text or "") + " " + text if local(el) in ("heading", "crossHeading") else text
            out.append((el.get("eId") or local(el), norm(text)))
    for el in xp(doc, ".//a:attachments//a:p[not(ancestor::a:authorialNote)]"):
        out.append(("attachment", norm(text_content(el))))
    return out


# -- the facts ---------------------------------------------------------------------------------

# Plain pdftotext prints a table's cells one a line, out of their rows (the heads, then each
# label, then its figures, the short labels gathered after the table): its rows and columns are
# gone from that form, so the facts of a table's rows and columns are not asked of it.
COLUMNLESS_FORMS = {"pdftotext"}


def check_facts(result, facts: dict, form: str | None = None) -> list[Fact]:
    """Compare one reading (a ``ReadResult``) of one input form with one fact file (parsed TOML)."""
    root = result.root
    doc = doc_element(root)
    head = masthead(root)
    out: list[Fact] = []

    def add(name, expected, got, ok=None):
        out.append(Fact(name, expected, got, (expected == got) if ok is None else bool(ok)))

    # A document whose kind the page leaves open names the other kinds it may be read as.
    kinds = [facts["kind"]] + facts.get("kind_also", [])
    got_kind = f"{local(doc)} {doc.get('name')}"
    wanted, ok = [], False
    for kind in kinds:
        element, name = KINDS[kind]
        names = (name,) if isinstance(name, str) else name
        wanted.append(f"{element} {'|'.join(names) if names else '*'}")
        ok = ok or (local(doc) == element and (not names or doc.get("name") in names))
    add("kind", " or ".join(wanted), got_kind, ok)
    add("symbol", facts["symbol"], norm(head["symbol"]))
    if facts.get("date"):
        add("date", facts["date"], head["date"])
    if "distribution" in facts:
        dist = norm(head["distribution"]).casefold()
        add("distribution", facts["distribution"], dist,
            facts["distribution"] in dist if facts["distribution"] else not dist)
    if "original" in facts:
        got = norm(head["original"])
        # A list of languages wraps after a slash in the masthead: "Arabic/English/French/ Russian".
        add("original", facts["original"], got,
            re.sub(r"\s*/\s*", "/", got).casefold() == facts["original"].casefold())
    if facts.get("lang"):
        lang3 = head["expression_language"] or ""
        add("lang", facts["lang"], LANG3.get(lang3, lang3))
    if "title" in facts:
        got = norm(head["title"])
        add("title", facts["title"], got, norm(facts["title"]).casefold() == got.casefold())
    if facts.get("agenda_item"):
        # A joint document prints one agenda block per organ: any of the printed items is right.
        got = norm(head["agenda_item"])
        accepted = [facts["agenda_item"]] + facts.get("other_agenda_items", [])
        add("agenda_item", facts["agenda_item"], got,
            got.replace(" ", "") in [a.replace(" ", "") for a in accepted])
    if facts.get("doc_type"):
        title_box = first(doc, "a:preface/a:container[@name='title']")
        box = norm(text_content(title_box)) if title_box is not None else ""
        got = head["doc_type"]
        add("doc_type", facts["doc_type"], got or box[:80],
            any(norm(t).casefold() == facts["doc_type"].casefold() for t in got)
            or facts["doc_type"].casefold() in box.casefold())
    if facts.get("adopted"):
        preface = first(doc, "a:preface")
        ptext = norm(text_content(preface)) if preface is not None else ""
        dates = [d.get("date") for d in xp(doc, "a:preface//a:docDate")]
        printed = _printed_date(facts["adopted"])
        add("adopted", facts["adopted"], printed if printed in ptext else dates,
            printed in ptext or facts["adopted"] in dates)
    if "formula" in facts:
        formula = first(doc, "a:preamble/a:formula")
        got = norm(text_content(formula)) if formula is not None else ""
        add("formula", facts["formula"], got, norm(facts["formula"]) == got)
    preamble = _preamble_containers(doc)
    if "preambular" in facts:
        add("preambular", facts["preambular"], len(preamble))
    if "preambular_openers" in facts:
        add("preambular_openers", facts["preambular_openers"], [_opener(c) for c in preamble])
    if facts.get("preambular_points"):  # an empty one would only measure invented points
        got: dict = {}
        for i, container in enumerate(preamble, 1):
            _points_of(container, str(i), got)
            for block in xp(container, ".//a:blockList | .//a:list"):
                labels = [_label(_num(item)) for item in xp(block, "a:item | a:point")]
                if labels and str(i) not in got:
                    got[str(i)] = labels
        add("preambular_points", facts["preambular_points"], got)
    main = first(doc, "a:mainBody")
    paragraphs = _body_paragraphs(main) if main is not None else []
    if "operative" in facts:
        add("operative", facts["operative"], [_label(_num(p)) for p in paragraphs if _num(p)])
    if "points" in facts:
        got = {}
        for p in paragraphs:
            if _num(p):
                _points_of(p, _label(_num(p)), got)
        add("points", facts["points"], got)
    if "cross_headings" in facts:
        got = [norm(text_content(h)) for h in xp(main, ".//a:crossHeading"
                                                 " | .//a:hcontainer[@name='crossHeading']/a:heading")
               if not _in_annex(h) and not _in_embedded(h)] if main is not None else []
        add("cross_headings", facts["cross_headings"], got,
            [norm(x) for x in facts["cross_headings"]] == got)
    if "chapters" in facts:
        got = []
        for ch in xp(doc, "a:mainBody/a:chapter"):
            heading = first(ch, "a:heading")
            got.append([_chapter_label(_num(ch)), norm(text_content(heading)) if heading is not None else ""])
        expected = [[c[0].rstrip("."), norm(c[1])] for c in facts["chapters"]]
        add("chapters", expected, got, [[a, b.casefold()] for a, b in expected]
            == [[a, b.casefold()] for a, b in got])
    if "footnotes" in facts:
        out.extend(_footnote_facts(doc, facts["footnotes"], preamble))
    annexes = _annexes(doc)
    for i, annex_facts in enumerate(facts.get("annexes", []), 1):
        if form in COLUMNLESS_FORMS:
            annex_facts = {k: v for k, v in annex_facts.items() if k != "table"}
        out.extend(_annex_facts(i, annex_facts, annexes[i - 1] if i <= len(annexes) else None))
    if facts.get("recommended"):
        out.extend(_recommended_facts(doc, facts["recommended"]))
    if "closing" in facts and facts["closing"]:
        out.append(_closing_fact(doc, facts["closing"]))
    if facts.get("sponsors"):
        out.append(_sponsor_fact(doc, facts["sponsors"]))
    if facts.get("furniture"):
        units = _unit_texts(doc) + [("title", norm(head["title"]))]
        for item in facts["furniture"]:
            where = [w for w, text in units if _contains_token(text, norm(item))]
            add(f"furniture {item}", "absent", ", ".join(where[:3]) or "absent", not where)
    return out


def _contains_token(text: str, item: str) -> bool:
    """``item`` stands in ``text`` as a whole token (so ``2/3`` is not found in ``12/3``)."""
    return re.search(r"(?<![\w/.*-])" + re.escape(item) + r"(?![\w/*-])", text) is not None


def _printed_date(iso: str) -> str:
    y, m, d = iso.split("-")
    month = next(k for k, v in MONTHS.items() if v == int(m))
    return f"{int(d)} {month} {y}"


def _footnote_facts(doc, expected: list[dict], preamble: list) -> list[Fact]:
    annexes = _annexes(doc)
    notes = xp(doc, ".//a:authorialNote")
    got = []
    for note in notes:
        body = norm(" ".join(text_content(p) for p in xp(note, "a:p")))
        got.append((norm(note.get("marker", "")), _host(note, doc, preamble, annexes), body))
    facts = [Fact("footnotes.count", len(expected), len(got), len(expected) == len(got))]
    # Match by marker and occurrence (markers may repeat: a star, numbers restarting in an annex).
    seen: Counter = Counter()
    by_key: dict = {}
    counts: Counter = Counter()
    for marker, host, body in got:
        counts[marker] += 1
        by_key[(marker, counts[marker])] = (host, body)
    for note in expected:
        marker = str(note["marker"])
        seen[marker] += 1
        key = (marker, seen[marker])
        label = f"footnote {marker}" + (f"#{seen[marker]}" if seen[marker] > 1 else "")
        want = f"{note['host']}: {note['starts']}"
        if key not in by_key:
            facts.append(Fact(label, want, "missing", False))
            continue
        host, body = by_key[key]
        ok = host == note["host"] and body.casefold().startswith(norm(note["starts"]).casefold())
        facts.append(Fact(label, want, f"{host}: {body[:len(note['starts']) + 10]}", ok))
    return facts


def _annex_facts(i: int, expected: dict, annex) -> list[Fact]:
    label = f"annex {i}"
    if annex is None:  # each fact of a missing annex fails, so a lost annex weighs what it holds
        keys = [k for k in ("label", "title", "paragraphs", "chapters", "points", "articles", "tables", "table")
                            if expected.get(k) or k == "paragraphs" and k in expected]
        return [Fact(f"{label}.{k}", expected[k], "missing", False) for k in keys]
    out = []
    num = norm(_num(annex) or "")
    heading = first(annex, "a:heading")
    title = norm(text_content(heading)) if heading is not None else ""
    if local(annex) == "attachment":
        title = norm(xp(annex, "string(.//a:docTitle)")) or title
    if expected.get("label"):  # a letter's annex is named by its heading alone: no label then
        out.append(Fact(f"{label}.label", expected["label"], num, num.casefold() == expected["label"].casefold()))
    if expected.get("title"):
        # The annex title may be the annex heading or its first heading inside.
        titles = [title] + [norm(text_content(h)) for h in xp(annex, ".//a:heading")[:2]]
        out.append(Fact(f"{label}.title", expected["title"], title,
                        norm(expected["title"]).casefold() in [t.casefold() for t in titles]))
    paragraphs = [p for p in xp(annex, ".//a:paragraph") if _num(p)]
    if "paragraphs" in expected:
        got = [_label(_num(p)) for p in paragraphs]
        out.append(Fact(f"{label}.paragraphs", expected["paragraphs"], got, expected["paragraphs"] == got))
    if expected.get("chapters"):
        got = [_label(_num(c)) for c in xp(annex, ".//a:chapter")]
        out.append(Fact(f"{label}.chapters", expected["chapters"], got,
                        [_chapter_label(c) for c in got] == expected["chapters"]))
    if expected.get("points"):
        got: dict = {}
        for p in paragraphs:
            _points_of(p, _label(_num(p)), got)
        out.append(Fact(f"{label}.points", expected["points"], got, expected["points"] == got))
    if expected.get("tables"):
        got = len(xp(annex, ".//a:table"))
        out.append(Fact(f"{label}.tables", expected["tables"], got, expected["tables"] == got))
    if expected.get("table"):
        out += _table_facts(label, expected["table"], first(annex, ".//a:table"))
    if expected.get("articles"):
        got = len(xp(annex, ".//a:article"))
        out.append(Fact(f"{label}.articles", expected["articles"], got, expected["articles"] == got))
    return out


def _table_facts(label: str, want: dict, table) -> list[Fact]:
    """The first table of an annex: its body rows (data cells), its columns, one column head
    and one figure as printed."""
    rows = xp(table, "a:tr") if table is not None else []
    body = [tr for tr in rows if xp(tr, "a:td")]
    heads = {norm(text_content(c)) for tr in rows for c in xp(tr, "a:th")}
    cells = {norm(text_content(c)) for tr in body for c in xp(tr, "a:td")}
    columns = max((sum(int(c.get("colspan", "1")) for c in xp(tr, "a:th|a:td")) for tr in rows), default=0)
    out = []
    if "rows" in want:
        out.append(Fact(f"{label}.table.rows", want["rows"], len(body), want["rows"] == len(body)))
    if "columns" in want:
        out.append(Fact(f"{label}.table.columns", want["columns"], columns, want["columns"] == columns))
    if "head" in want:
        out.append(Fact(f"{label}.table.head", want["head"], sorted(heads)[:4], norm(want["head"]) in heads))
    if "figure" in want:
        out.append(Fact(f"{label}.table.figure", want["figure"], len(cells), norm(want["figure"]) in cells))
    # a head printed over several columns (a unit, a group of columns): how many it spans
    spanned = {norm(text_content(c)): int(c.get("colspan", "1")) for tr in rows for c in xp(tr, "a:th")}
    for head, count in want.get("spans", {}).items():
        got = spanned.get(norm(head))
        out.append(Fact(f"{label}.table.span", f"{head}: {count}", got, got == count))
    return out


def _recommended_facts(doc, expected: dict) -> list[Fact]:
    """The draft resolution a report reproduces, as a quoted document of its own."""
    quoted = _embedded(doc)
    if not quoted:
        return [Fact(f"recommended.{k}", v, "missing", False) for k, v in expected.items()]
    el = quoted[0]
    out = []
    formula = first(el, ".//a:formula")
    containers = xp(el, ".//a:preamble/a:container")
    got = {
        "title": norm(xp(el, "string(.//a:docTitle)")) or norm(xp(el, "string(.//a:heading)")),
        "formula": norm(text_content(formula)) if formula is not None else "",
        "preambular": len(containers),
        "preambular_openers": [_opener(c) for c in containers],
        "operative": [_label(_num(p)) for p in xp(el, ".//a:paragraph") if _num(p)],
    }
    for key, want in expected.items():
        have = got.get(key)
        ok = (norm(want).casefold() == (have or "").casefold()) if isinstance(want, str) else want == have
        out.append(Fact(f"recommended.{key}", want, have, ok))
    return out


def _closing_fact(doc, closing: str) -> Fact:
    """The meeting line is kept, and as its own element, not inside a paragraph or point."""
    want = norm(closing)
    for el in doc.iter():
        if not isinstance(el.tag, str) or local(el) not in ("p", "heading", "crossHeading", "content"):
            continue
        text = norm(text_content(el))
        if want in text:
            glued = text != want and not text.startswith(want)
            owner = next((local(a) for a in el.iterancestors()
                          if local(a) in ("paragraph", "point", "container", "conclusions",
                                          "hcontainer", "blockContainer")), "")
            in_body_unit = owner in ("paragraph", "point") or (owner == "container" and glued)
            got = f"{owner or local(el)}: {text[:60]}"
            return Fact("closing", want, got, not in_body_unit and not glued)
    return Fact("closing", want, "missing", False)


def _sponsor_fact(doc, sponsors: str) -> Fact:
    """The sponsor line is marked as ``docProponent``: either the proponents (with the
    ``docType``) say its words, or the line that holds a ``docProponent`` says them all in order
    (a submission line: ``Draft resolution submitted by the Vice-Chair ..., on the basis of ...``)."""
    skip = {"draft", "resolution", "decision", "and"}
    want = [w for w in words(sponsors) if w not in skip]
    proponents = xp(doc, "a:preface//a:docProponent")
    parts = [text_content(x) for x in xp(doc, "a:preface//a:docProponent | a:preface//a:docType")]
    got_text = norm(" ".join(parts))
    got = [w for w in words(got_text) if w not in skip]
    lines = {x.getparent() for x in proponents}
    in_line = any(_contains_run([w for w in words(text_content(line)) if w not in skip], want)
                  for line in lines)
    return Fact("sponsors", sponsors, got_text[:120], bool(want) and (want == got or in_line))


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


# -- word coverage -------------------------------------------------------------------------------

def word_coverage(input_text: str, result) -> tuple[float, list[str]]:
    """Share of the input's words kept in the AKN text (meta left out) or in the diagnostics of
    code ``furniture`` (or, for a word broken at a line's end that the reader joined, the pieces
    a diagnostic of code ``hyphenation`` names); counted with multiplicity; returns (share, a
    sample of lost words)."""
    have: Counter = Counter()
    doc = doc_element(result.root)
    for child in doc:
        if local(child) != "meta":
            have.update(map(_paired, words(_spaced_text(child))))
    # The marker of a note stands for the number printed twice: at the call and before the note.
    for note in xp(doc, ".//a:authorialNote"):
        have.update(map(_paired, words(note.get("marker", "")) * 2))
    for diag in result.diagnostics:
        code = getattr(diag, "code", "")
        if code == "furniture":
            have.update(map(_paired, words(diag.message)))
        elif code == "hyphenation":
            # a word broken at a line's end and read as one: its printed pieces, as reported
            have.update(map(_paired, words(diag.message.rpartition(": ")[2])))
    printed = words(input_text)
    need = Counter(map(_paired, printed))
    shown = {_paired(w): w for w in reversed(printed)}
    total = sum(need.values())
    lost = need - have
    kept = total - sum(lost.values())
    sample = [shown[w] for w, _ in lost.most_common(12)]
    return (kept / total if total else 1.0), sample


RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufeff]")


def _paired(word: str) -> str:
    """The key a word is paired by. A right-to-left word by its letters in any order: one glyph
    of an Arabic font can stand for two letters (lam-alef, lam-meem), which pdftotext gives in
    printed order (``اإلنسان``) and a reader in reading order (``الإنسان``); its words still
    count one by one, so letters split apart or run together are still lost."""
    return "".join(sorted(word)) if RTL_LETTER.search(word) else word


# Formatting that may fall inside a word ("4<sup>th</sup>", "<i>Recall</i>ing"); every other
# element (p, num, heading, docNumber, a footnote body ...) is separated from its neighbours.
WORD_INLINE = {"i", "b", "u", "sup", "sub", "span"}


def _spaced_text(el) -> str:
    parts: list[str] = []

    def walk(node):
        spaced = local(node) not in WORD_INLINE
        if spaced:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if spaced:
            parts.append(" ")

    walk(el)
    return "".join(parts)


# -- files and forms ------------------------------------------------------------------------------

def fact_files() -> list[Path]:
    """The fact files: those named after a PDF of corpus/real (the directory also holds the
    compare gold files, named after pairs and chains of documents)."""
    return sorted(p for p in FACTS.rglob("*.toml")
                  if (CORPUS / p.relative_to(FACTS).with_suffix(".pdf")).is_file())


def load_facts(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def input_of(facts: dict, form: str) -> Path:
    return CORPUS / (facts["source"][: -len(".pdf")] + FORMS[form])


def pdf_reader_available() -> bool:
    from drafting.readers import EXTENSIONS

    return ".pdf" in EXTENSIONS


def forms_available() -> list[str]:
    return ["pdftotext", "layout"] + (["pdf"] if pdf_reader_available() else [])


def measure(path: Path, form: str):
    """Read one document in one form; its facts and its word coverage."""
    from drafting.readers import read_document

    facts = load_facts(path)
    source = input_of(facts, form)
    result = read_document(source)  # no language hint: telling the language is part of reading
    checked = check_facts(result, facts, form)
    # The words of a PDF are those pdftotext extracts from it; where a text layer is mis-encoded
    # (the Arabic annexes) both extractions are garbage and the share says little.
    words_from = input_of(facts, "pdftotext") if form == "pdf" else source
    coverage, lost = word_coverage(words_from.read_text(encoding="utf-8"), result)
    return facts, checked, coverage, lost


def fact_group(name: str) -> str:
    """The kind of a fact, for totals: ``footnote 12`` -> ``footnote``, ``annex 2.title`` ->
    ``annex.title``, ``furniture 2/7`` -> ``furniture``."""
    if name.startswith("annex "):
        return "annex." + name.partition(".")[2] if "." in name else "annex"
    return name.split(" ")[0]


def group_totals(checked_lists) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = {}
    for checked in checked_lists:
        for f in checked:
            t = totals.setdefault(fact_group(f.name), [0, 0])
            t[0] += f.ok
            t[1] += 1
    return totals


def format_groups(totals: dict[str, list[int]]) -> str:
    return ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in sorted(totals.items()))


def doc_name(path: Path) -> str:
    return str(path.relative_to(FACTS).with_suffix(""))


def _show(value, width: int = 100) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def difference(expected, got) -> str:
    """Where a failing fact differs, briefly: a list at its first difference, a dict by key."""
    if isinstance(expected, str) and isinstance(got, str) and len(expected) > 60:
        same = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
        if same > 20:  # long strings that differ late: show where they part
            return f"from char {same}: expected ...{_show(expected[same - 10:], 60)} | got ...{_show(got[same - 10:], 60)}"
    if isinstance(expected, list) and isinstance(got, list):
        for i, (a, b) in enumerate(zip(expected, got)):
            if a != b:
                return f"at [{i}] {difference(a, b)} (lengths {len(expected)}, {len(got)})"
        return f"lengths {len(expected)}, {len(got)}; extra: {_show((expected if len(expected) > len(got) else got)[min(len(expected), len(got)):], 60)}"
    if isinstance(expected, dict) and isinstance(got, dict):
        keys = [k for k in list(expected) + [k for k in got if k not in expected]
                if expected.get(k) != got.get(k)]
        return "; ".join(f"[{k}] {difference(expected.get(k), got.get(k))}" for k in keys[:4]) + (f"; +{len(keys) - 4} more" if len(keys) > 4 else "")
    return f"expected {_show(expected)} | got {_show(got)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.real_facts",
                                     description="Facts of the real documents: which fail, per document.")
    parser.add_argument("--form", choices=list(FORMS), action="append",
                        help="input form (repeatable; default: every form whose reader exists)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failing fact")
    parser.add_argument("filter", nargs="*", help="only documents whose path contains one of these")
    args = parser.parse_args(argv)
    forms = args.form or forms_available()
    files = [p for p in fact_files() if not args.filter or any(f in str(p) for f in args.filter)]
    totals = {form: [0, 0, 0.0, 0] for form in forms}
    by_form: dict[str, list] = {form: [] for form in forms}
    for path in files:
        for form in forms:
            facts, checked, coverage, lost = measure(path, form)
            ok = sum(f.ok for f in checked)
            by_form[form].append(checked)
            t = totals[form]
            t[0] += ok
            t[1] += len(checked)
            t[2] += coverage
            t[3] += 1
            print(f"{doc_name(path)} [{form}] {ok}/{len(checked)} facts, words {coverage:.2%}")
            if args.verbose:
                for f in checked:
                    if not f.ok:
                        print(f"  {f.name}: {difference(f.expected, f.got)}")
                if lost and coverage < 1:
                    print(f"  words lost (most often): {' '.join(lost)}")
    for form, (ok, n, cov, docs) in totals.items():
        if docs:
            print(f"TOTAL [{form}] {ok}/{n} facts = {ok / n:.1%}, mean words {cov / docs:.2%}, {docs} documents")
            print(f"  by fact: {format_groups(group_totals(by_form[form]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
