"""Writer for the Markdown drafting dialect: an AKN tree back to text a drafter can edit.

The output reads back (``drafting.readers.markdown``) into the same AKN: every number is written
as printed, an unnumbered heading of a numbered document is marked ``{-}`` and an unnumbered
paragraph ``[]{-}``, a footnote whose reference was lost is defined just after its paragraph and
never referenced, and the masthead goes to the front matter, with the printed forms kept where
they differ from what the keys would give.

pandoc reads the same file as its own Markdown: the front matter's ``title``, ``date`` and
``lang`` are its metadata of the same names, and the subsidiary body is written ``body_`` (pandoc
ignores a key ending in ``_``; a ``body`` key would replace the document's whole text, pandoc's
template variable ``$body$``, with the committee's name).
"""

from __future__ import annotations

import re

import yaml

from drafting.model.session_frame import build_frame
from drafting.model.session_keys import RESOLUTION_KINDS
from drafting.model.akn import doc_element, first, local, paragraphs_of, quoted_documents, text_content, xp
from drafting.locale import lang_of_code
from drafting.model.blocks import Point
from drafting.model.units import masthead as masthead_facts
from drafting.readers.markdown_numbering import relabelling_changes
from drafting.readers.markdown_parser import BULLETS

HEADING_MARKS = {"chapter": "#", "section": "##", "subsection": "###", "article": "###"}
CONTAINERS = {"chapter", "section", "subsection", "part", "division", "hcontainer", "article", "clause"}
INLINE_SPECIALS = re.compile(r"([\\*_^\[\]`])")
# The front matter's keys that pandoc's templates take for their own: written in the form pandoc
# ignores (the Markdown reader takes both)
PANDOC_SAFE_KEYS = {"body": "body_"}
# An unnumbered paragraph's mark: pandoc's empty span of its unnumbered class, which pandoc shows
# as nothing (its ``{-}`` is an attribute of headings only: after a paragraph it prints as text)
UNNUMBERED = "[]{-}"
# A paragraph's start that the dialect reads as a block mark, or pandoc as a list's (its "fancy
# lists": "ii. ", "b. ", "II. ", "B) ", "(B) ", "#. "; a capital letter with a period needs two
# spaces): escaped, so that both show it as text
LINE_START_RISKS = re.compile(
    rf"^(?:#{{1,6}}(?:\s|$)|>|[+{BULLETS}](?:\s|$)|\d{{1,4}}(?:\.| -)(?:\s|$)"
    r"|\(?(?:[a-z]{1,3}|[ivxlc]+|\d{1,3}|[\u0621-\u064a]{1,2})\)(?:\s|$)"
    r"|(?:[a-z]|[ivxlcdm]{1,8}|[IVXLCDM]{2,8}|#)\.(?:\s|$)|\(?[A-Z]{1,8}\)(?:\s|$))"
)


def write(root, **options) -> bytes:
    return to_markdown(root).encode("utf-8")


def to_markdown(root) -> str:
    return _Writer(root).run()


class _Writer:
    def __init__(self, root) -> None:
        self.root = root
        self.doc = doc_element(root)
        self.kind = self.doc.get("name") or local(self.doc)
        self.numbered = bool(xp(self.doc, "a:mainBody//a:paragraph/a:num")) or self.kind in RESOLUTION_KINDS
        self.notes: list[tuple[str, list[str]]] = []     # anchored definitions, written at the end
        self.labels: set[str] = set()
        self.repeats: dict[str, int] = {}                 # marker -> the last n of its "marker-n"
        self.defined: dict[tuple, str] = {}               # (marker, paragraphs) -> label: a dict, so
                                                          # 50,000 notes are found in linear time

    # -- front matter ---------------------------------------------------------------------------

    def front_matter(self) -> dict:
        facts = masthead_facts(self.root)
        lang = lang_of_code(facts.get("expression_language")) or "en"
        doc = self.doc
        symbol = facts.get("symbol")
        types = facts.get("doc_type") or []
        kind = {"reportDraft": "draft-report", "resolutionDraft": "draft-resolution"}.get(self.kind, self.kind)
        if kind == "draft-report" and (len(types) > 1 or (symbol and "/Add." in symbol)):
            kind = "draft-report-addendum"
        keys: dict = {"kind": kind, "lang": lang}
        if lang == "ar":
            keys["dir"] = "rtl"   # pandoc's page and Word file then run right to left
        organs = facts.get("organs") or []
        if organs:
            keys["organ"] = organs[0]
        if len(organs) > 1:
            keys["organs"] = organs
        if facts.get("body"):
            keys["body"] = facts["body"]
        if symbol:
            keys["symbol"] = symbol
        dist = first(doc, "a:coverPage//a:inline[@name='distribution']")
        if dist is not None and (dist.get("refersTo") or "").startswith("#distribution"):
            keys["distribution"] = dist.get("refersTo")[len("#distribution"):].lower()
        if facts.get("date"):
            import datetime as _dt
            keys["date"] = _dt.date.fromisoformat(facts["date"])
        original = _original_code(facts.get("original"))
        if original:
            keys["original"] = original
        number = facts.get("session_number")
        if number and number.isdigit():
            keys["session"] = int(number)
        if facts.get("agenda_item"):
            keys["agenda_item"] = facts["agenda_item"]
        title_el = first(doc, "a:preface//a:inline[@name='agendaItemTitle']")
        if title_el is not None:
            keys["agenda_title"] = _plain(title_el)
        if facts.get("sponsors"):
            keys["sponsors"] = facts["sponsors"]
        if facts.get("title"):
            keys["title"] = facts["title"]
        if not self.numbered:
            keys["numbered"] = False
        if relabelling_changes(self._point_lists(), lang):
            keys["relabel"] = False  # labels printed out of sequence come back as printed
        self._printed_overrides(keys, facts, lang)
        formula = first(doc, "a:preamble/a:formula")
        if formula is not None:
            # the reader knows a formula by the organ's name in it; one that names another body
            # ("The General Assembly," under a Committee's masthead) is named in the front matter
            text = re.sub(r"\s+", " ", text_content(formula)).strip().rstrip(",،，:").strip()
            named = [keys.get("organ")] + (keys.get("organs") or [])
            if text and not any(n and n.strip().lower() in text.lower() for n in named):
                keys["formula"] = text
        return keys

    def _printed_overrides(self, keys: dict, facts: dict, lang: str) -> None:
        """Add the printed form of every line whose print the keys would not give back."""
        computed = dict(keys)
        _, m, p = build_frame(computed, lang)
        agenda_note = first(self.doc, "a:preface//a:inline[@name='agendaItem']/../a:sup/a:authorialNote")
        if agenda_note is not None:
            keys["agenda_note"] = re.sub(r"\s+", " ", " ".join(text_content(p) for p in xp(agenda_note, "a:p"))).strip()
        title_note = first(self.doc, "a:preface//a:docTitle//a:authorialNote")
        if title_note is not None:
            keys["title_note"] = re.sub(r"\s+", " ", " ".join(text_content(p) for p in xp(title_note, "a:p"))).strip()
        printed_place = self._session_info_lines()
        if printed_place:
            keys["place_dates"] = printed_place
        checks = [
            ("session_text", facts.get("session"), p.session_text),
            ("agenda_text", self._agenda_text(), p.agenda_text),
            ("date_text", facts.get("date_text"), m.date_text),
            ("distribution_text", facts.get("distribution"), m.distribution),
            ("original_text", facts.get("original"), m.original),
        ]
        for key, printed, made in checks:
            if printed and printed != made:
                keys[key] = printed
        if (facts.get("language") or None) != m.language_line:
            keys["language_line"] = facts.get("language") or ""
        if facts.get("job_number"):
            keys["job_number"] = facts["job_number"]
        types = facts.get("doc_type") or []
        made_types = ([p.doc_type] if p.doc_type else []) + list(p.doc_type_extra)
        if types != made_types:
            keys["doc_type"] = types
        title_block = "a:preface/a:container[@name='title']"
        number = first(self.doc, title_block + "//a:docNumber")
        if number is not None:
            keys["number"] = _plain(number)
        printed_as_is = xp(self.doc, title_block + "/a:p[not(a:docType | a:docTitle | a:docNumber)]")
        lines = [" ".join(text_content(row).split()) for row in printed_as_is]
        if lines:
            keys["title_lines"] = lines

    def _session_info_lines(self) -> str | None:
        """The place and dates line: the plain line of the session block (no session, no agenda)."""
        for p in xp(self.doc, "a:preface/a:container[@name='sessionInfo']/a:p"):
            if len(p) == 0 and (p.text or "").strip():
                return re.sub(r"\s+", " ", p.text.strip())
        return None

    def _agenda_text(self) -> str | None:
        item = first(self.doc, "a:preface//a:inline[@name='agendaItem']")
        if item is None:
            return None
        return re.sub(r"\s+", " ", text_content(item.getparent())).strip()

    def _point_lists(self) -> list[list[Point]]:
        """Every paragraph's (and preambular paragraph's) points, as the reader would hold them."""
        def tree(lst) -> list[Point]:
            out = []
            for item in lst:
                if local(item) in ("point", "item"):
                    num = first(item, "a:num")
                    sub = first(item, "a:list") if local(item) == "point" else first(item, "a:blockList")
                    out.append(Point(num=_num_text(num) if num is not None else None, text=[],
                                     points=tree(sub) if sub is not None else []))
            return out
        lists = [tree(el) for el in xp(self.doc, "a:mainBody//a:paragraph/a:list")]
        return lists + [tree(el) for el in xp(self.doc, "a:preamble/a:container/a:blockList")]

    # -- body -------------------------------------------------------------------------------------

    def run(self) -> str:
        keys = {PANDOC_SAFE_KEYS.get(k, k): v for k, v in self.front_matter().items()}
        out = ["---", yaml.safe_dump(keys, allow_unicode=True, sort_keys=False, width=1000).rstrip(), "---", ""]
        preamble = first(self.doc, "a:preamble")
        if preamble is not None:
            for el in preamble:
                if local(el) in ("formula", "container"):
                    unanchored: list = []
                    for p in xp(el, "a:p"):
                        out += [self.block_text(p, unanchored), ""]
                    block = first(el, "a:blockList")
                    if block is not None:
                        # the points (a), (b) of a preambular paragraph, right under it
                        out.pop()
                        self.points(block, 0, out, unanchored)
                        out.append("")
                    for label, paras in unanchored:
                        out += self.definition(label, paras)
        main = first(self.doc, "a:mainBody")
        if main is not None:
            self.container(main, out)
        for attachment in xp(self.doc, "a:attachments/a:attachment"):
            self.annex(attachment, out)
        for label, paras in self.notes:
            out += self.definition(label, paras)
        symbol_note = first(self.doc, "a:coverPage//a:authorialNote")
        if symbol_note is not None:
            out += self.definition(self.label_for(symbol_note.get("marker") or "*"), self.note_paras(symbol_note))
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"

    def container(self, parent, out: list[str]) -> None:
        for el in parent:
            name = local(el)
            if name in HEADING_MARKS:
                num = first(el, "a:num")
                heading = first(el, "a:heading")
                text = _escape_end(self.inline(heading)) if heading is not None else ""
                line = HEADING_MARKS[name] + " " + (_num_text(num) + " " if num is not None else "") + text
                if num is None and self.numbered:
                    line += " {-}"   # pandoc's own attribute of an unnumbered heading
                out += [line.rstrip(), ""]
                self.container(el, out)
            elif name == "hcontainer" and el.get("name") == "annex":
                self.annex(el, out)
            elif name == "hcontainer" and el.get("name") == "crossHeading":
                heading = first(el, "a:heading")
                out += ["#### " + (_escape_end(self.inline(heading)) if heading is not None else ""), ""]
            elif name in CONTAINERS:
                self.container(el, out)
            elif name == "crossHeading":
                out += ["#### " + _escape_end(self.inline(el)), ""]
            elif name == "paragraph":
                self.paragraph(el, out)
            elif name in ("intro", "wrapUp", "content"):
                for p in xp(el, ".//a:p"):
                    out += [self.block_text(p), ""]

    def annex(self, el, out: list[str]) -> None:
        """``# Annex II: Title``, then the annex's body (an attachment's document, or the
        annex container of earlier files)."""
        num, heading = first(el, "a:num"), first(el, "a:heading")
        title = self.inline(heading) if heading is not None else ""
        if num is None and title:
            out += [f"# {title}", ""]   # "Annex to the letter dated ...": named by its title alone
        else:
            label = _num_text(num) if num is not None else "Annex"
            out += [f"# {label}: {title}".rstrip(": ") if title else f"# {label}", ""]
        if local(el) == "attachment":
            for main in xp(el, "*/a:mainBody"):
                self.container(main, out)
        else:
            self.container(el, out)

    def paragraph(self, el, out: list[str]) -> None:
        num = first(el, "a:num")
        prefix = _num_text(num) + " " if num is not None else ""
        quote = xp(el, "a:content/a:blockContainer")
        table = xp(el, "a:content/a:table")
        unanchored_after: list = []
        if table:
            out += self.table(table[0], unanchored_after) + [""]
        elif quote:
            for p in xp(quote[0], "a:p"):
                out += ["> " + self.block_text(p, unanchored_after), ""]
        else:
            lst = first(el, "a:list")
            paras = xp(el, "a:content/a:p[not(a:embeddedStructure)]") if lst is None else xp(lst, "a:intro/a:p")
            texts = [self.block_text(p, unanchored_after) for p in paras] or [""]
            head = prefix + texts[0] if prefix else texts[0]
            if num is None and self.numbered:
                head = (head + " " + UNNUMBERED).lstrip()
            out.append(head if head.strip() else UNNUMBERED)
            for extra in texts[1:]:
                out += ["", extra + (" " + UNNUMBERED if self.numbered else "")]
            if lst is not None:
                self.points(lst, 0, out, unanchored_after)
                for p in xp(lst, "a:wrapUp/a:p"):
                    out += ["", self.block_text(p, unanchored_after) + (" " + UNNUMBERED if self.numbered else "")]
            out.append("")
        for label, paras in unanchored_after:
            out += self.definition(label, paras)
        for quoted in quoted_documents(el):
            self.quoted(quoted, out)

    def quoted(self, doc, out: list[str]) -> None:
        """A draft quoted whole under a paragraph: its label and title as a heading, then its
        formula, preamble and paragraphs."""
        # its label and title as cross-headings over it (the readers quote what follows them)
        for p in xp(doc, "a:preface/a:container/a:p"):
            out += ["#### " + _escape_end(self.inline(p).strip()), ""]
        for el in xp(doc, "a:preamble/*"):
            for p in paragraphs_of(el):
                unanchored: list = []
                out += [self.block_text(p, unanchored) + (" " + UNNUMBERED if self.numbered else ""), ""]
                for label, paras in unanchored:
                    out += self.definition(label, paras)
        main = first(doc, "a:mainBody")
        if main is not None:
            self.container(main, out)

    def table(self, table, unanchored: list) -> list[str]:
        """A pipe table; the dialect's tables have one header row (the first row stands as one)."""
        rows = []
        for tr in xp(table, "a:tr"):
            row = "|"
            for cell in tr:
                if local(cell) not in ("th", "td"):
                    continue
                text = " ".join(self.inline(p, unanchored).replace("|", "\\|") for p in xp(cell, "a:p"))
                span = cell.get("colspan", "1")
                # a cell over several columns: a bar for each further column (MultiMarkdown)
                row += " " + text + " |" + "|" * (int(span) - 1 if span.isdigit() and int(span) > 1 else 0)
            rows.append(row)
        if rows:
            width = len(re.findall(r"(?<!\\)\|", rows[0])) - 1
            rows.insert(1, "|" + "---|" * width)
        return rows

    def points(self, lst, depth: int, out: list[str], unanchored: list) -> None:
        for item in lst:
            name = local(item)
            indent = " " * (4 * depth)
            if name == "item" and first(item, "a:num") is None:
                # an item of a preambular paragraph's list without a label: the builder's form of
                # a cross-heading between its points, and read back as one
                text = _escape_end(" ".join(self.inline(p) for p in xp(item, "a:p")).rstrip())
                out.append(f"{indent or '  '}#### {text}".rstrip())
            elif name in ("point", "item"):  # item: a point of a preambular paragraph (blockList)
                num = first(item, "a:num")
                label = _num_text(num) if num is not None else "-"
                if depth == 0 and re.fullmatch(r"\d+\.", label):
                    indent += "  "  # an indented "1." is an item, not a paragraph number
                if name == "item":
                    sub = first(item, "a:blockList")
                    ps = xp(item, "a:p")
                else:
                    sub = first(item, "a:list")
                    ps = xp(item, "a:content/a:p") if sub is None else xp(sub, "a:intro/a:p")
                text = " ".join(self.block_text(p, unanchored, at_line_start=False) for p in ps)
                out.append(f"{indent}{label} {text}".rstrip())
                if sub is not None:
                    self.points(sub, depth + 1, out, unanchored)
            elif name == "crossHeading":
                out.append(f"{indent or '  '}#### {_escape_end(self.inline(item))}")

    def definition(self, label: str, paras: list[str]) -> list[str]:
        lines = [f"[^{label}]: {paras[0] if paras else ''}"]
        for extra in paras[1:]:
            lines += ["", "    " + extra]
        return lines + [""]

    # -- inline -----------------------------------------------------------------------------------

    def block_text(self, p, unanchored: list | None = None, at_line_start: bool = True) -> str:
        text = self.inline(p, unanchored)
        if at_line_start and LINE_START_RISKS.match(text):
            text = _escape_start(text)
        return _escape_end(text)

    def inline(self, el, unanchored: list | None = None) -> str:
        parts: list[str] = [_esc(el.text or "")]
        for child in el:
            parts.append(self.inline_child(child, unanchored))
            parts.append(_esc(child.tail or ""))
        return re.sub(r"\s*\n\s*", " ", "".join(parts))

    def inline_child(self, child, unanchored) -> str:
        name = local(child)
        if name == "authorialNote":
            return self.note_ref(child, unanchored)
        if name == "sup" and len(child) and all(local(c) == "authorialNote" for c in child):
            return "".join(self.note_ref(c, unanchored) for c in child)
        inner = self.inline(child, unanchored)
        if name in ("i", "b"):
            mark = "*" if name == "i" else "**"
            stripped = inner.strip()
            if not stripped:
                return inner
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()):]
            return f"{lead}{mark}{stripped}{mark}{trail}"
        if name == "sup":
            return "^" + inner.replace(" ", "\\ ") + "^" if inner.strip() else inner
        return inner

    def note_ref(self, note, unanchored) -> str:
        paras = self.note_paras(note)
        marker = note.get("marker") or str(len(self.labels) + 1)
        key = (marker, tuple(paras))
        if note.get("refersTo") != "#unanchored" and key in self.defined:
            # the same footnote called again: one definition serves both calls
            return f"[^{self.defined[key]}]"
        label = self.label_for(marker)
        if note.get("refersTo") == "#unanchored":
            (unanchored if unanchored is not None else self.notes).append((label, paras))
            return ""
        self.notes.append((label, paras))
        self.defined[key] = label
        return f"[^{label}]"

    def note_paras(self, note) -> list[str]:
        return [self.block_text(p) for p in xp(note, "a:p")]

    def label_for(self, marker: str) -> str:
        label = re.sub(r"[\s\]\[^]+", "", marker) or "n"
        base, n = label, self.repeats.get(label, 1)   # counted on, not probed from 2 each time
        while label in self.labels:
            n += 1
            label = f"{base}-{n}"
        self.repeats[base] = n
        self.labels.add(label)
        return label


def _esc(text: str) -> str:
    return INLINE_SPECIALS.sub(r"\\\1", text)


def escape_text(text: str) -> str:
    """Plain text as dialect text on one line: marks escaped, a risky line start defused."""
    text = _esc(re.sub(r"\s*\n\s*", " ", text))
    if LINE_START_RISKS.match(text):
        text = _escape_start(text)
    return _escape_end(text)


def _escape_end(text: str) -> str:
    """A text that ends as an unnumbered mark would (``{-}``, ``{.unnumbered}``) keeps it as text."""
    for mark in ("{-}", "{.unnumbered}"):
        if text.endswith(mark):
            return text[: -len(mark)] + "\\" + mark
    return text


def _escape_start(text: str) -> str:
    """Keep a paragraph that happens to start like a block marker a plain paragraph."""
    m = re.match(r"(\d{1,4})\.(\s|$)", text)
    if m:
        return f"{m.group(1)}\\.{text[m.end(1) + 1:]}"
    m = re.match(r"(\d{1,4}) -(\s|$)", text)
    if m:  # "21 - 25" (a range in a table of contents), not the Arabic paragraph number "21 -"
        return f"{m.group(1)} \\-{text[m.end(1) + 2:]}"
    m = re.match(r"([A-Za-z#]{1,8})\.(\s|$)", text)
    if m:  # "ii. ", "b. ", "II. ": a list's number to pandoc
        return f"{m.group(1)}\\.{text[m.end(1) + 1:]}"
    if text[0] in "#>+(" + BULLETS:
        return "\\" + text
    m = re.match(r"([^\s)]+)\)", text)
    if m:
        return f"{m.group(1)}\\){text[m.end():]}"
    return text


def _num_text(num) -> str:
    return re.sub(r"\s+", " ", "".join(num.itertext())).strip()


def _plain(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _original_code(word: str | None) -> str | None:
    """The language code of the word after "Original:" ("anglais" -> "en"), in any of the six."""
    if not word:
        return None
    from drafting import locale

    folded = word.strip().lower()
    for in_lang in locale.languages():
        for code in locale.languages():
            if locale.language_name(code, in_lang).lower() == folded:
                return code
    return None
