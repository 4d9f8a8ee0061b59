"""Pass 5: the masthead, the preface, the document's kind and its title.

The front of a UN document, line by line, as every UN document prints it:

- the masthead: the organization's name, the organ(s), the symbol, ``Distr.``, the date, the
  language line, ``Original:`` (fields PDF extraction may put on one line or split over two);
- the preface: the subsidiary body, the session (and for the Security Council the year), place
  and dates, the agenda line and the agenda item's title under it;
- the document line, which says what the document is: ``Resolution adopted by the General
  Assembly on ...`` with ``[on the report of ...]`` and the resolution's number; ``Austria,
  Belgium ...: draft resolution`` (a sponsors' list wrapped over lines); ``Draft resolution
  submitted by the Vice-Chair ...``; ``Report of the Secretary-General``; ``Note by ...``;
- the title: in a resolution the lines between the document line and the enacting formula; in a
  report the lines between the agenda title and the document line.

The body begins at the enacting formula (found by its words, in six languages), at the first
numbered paragraph or chapter, or at a report's summary.
"""

from __future__ import annotations


import re
from functools import lru_cache

from drafting.locale import languages, terms
from drafting.model.blocks import NoteRef, plain_text
from drafting.model.numbering import forms
from drafting.readers import text_masthead as mh
from drafting.readers.lines import Line
from drafting.readers.passes.contents import all_table_lines
from drafting.readers.passes.reading import Reading
from drafting.readers.passes.text import ends_clause, ends_sentence, join_lines, plain
from drafting.readers.text_inline import parse_inline
from drafting.readers.text_ocr import LOST_NUMERAL, ROMAN_LOOKALIKE
from drafting.regex import LazyPattern, lazy_compile

# "80/57.", "2023/5." (the Economic and Social Council numbers by year), "55/..." (a draft's number
# to come: "55/... The right to education"), then the title on the same line or the next
RESOLUTION_NUMBER = re.compile(r"^(?P<num>\d{1,4}/(?:\d{1,4}\.|\.\.\.|\u2026))(?:\s+(?P<title>\S.*))?$")
BRACKETED = re.compile(r"^\[.*")
STARS = re.compile(r"\*+$")
SECURITY_COUNCIL_YEAR = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)? year$")


def _without_stars(text: str) -> str:
    """``STARS.sub("", text)``: the stars that end the text (or stand before its final line
    break, where ``$`` matches too) left out. (The pattern, which opens with a repeat, is tried
    at every position of the text; the ends are asked in C.)"""
    if text.endswith("*"):
        return text.rstrip("*")
    if text.endswith("*\n"):
        return text[:-1].rstrip("*") + "\n"
    return text


def _ends_with_stars(text: str) -> bool:
    """``bool(STARS.search(text))``."""
    return text.endswith("*") or text.endswith("*\n")


@lru_cache(maxsize=8192)   # (each line of the front matter is folded for several tables, several times)
def _fold(text: str) -> str:
    # (split and join collapse and strip the white space in one step)
    return " ".join(plain(text).replace("\u2019", "'").replace("\u00a0", " ").split()).casefold()


@lru_cache(maxsize=None)
def words(key: str) -> tuple[str, ...]:
    """A list of the ``[reader]`` table in every language, folded, longest first."""
    found = {_fold(w) for lang in languages() for w in terms(lang).get("reader", {}).get(key, [])}
    return tuple(sorted(found, key=len, reverse=True))


def _starts_with(text: str, key: str, folded: str | None = None) -> str | None:
    """The words of ``key`` that open the text (``folded``: the text already folded)."""
    folded = _fold(text) if folded is None else folded
    if not folded.startswith(words(key)):
        return None  # (one test in C over the whole table: most texts open with none of its words)
    for w in words(key):
        if folded.startswith(w) and (len(folded) == len(w) or not folded[len(w)].isalnum()):
            return w
    return None


@lru_cache(maxsize=4096)   # (asked of the same lines by the body's start, the preface and the preamble)
def is_formula(text: str) -> bool:
    """``The General Assembly,`` ``L'Assemblée générale,`` ``La Conférence des Parties ...,``:
    an organ named after an optional article, closed by a comma (a lone ``The General Assembly``
    opens a resolution of one unnumbered paragraph)."""
    t = _without_stars(text.strip()).strip()
    if not t or len(t) > 250:
        return False
    closed = t.endswith((",", "،", "，"))
    core = t.rstrip(",،，").strip()
    article = False
    folded_core = _fold(core)  # once, not once per article word
    articles = words("formula_articles")
    for word in articles if folded_core.startswith(articles) else ():   # (one test in C first)
        if folded_core.startswith(word + " ") or (word.endswith(("'", "’")) and folded_core.startswith(word)):
            core, article = core[len(word):].strip(), True
            break
    folded = _fold(core) if article else folded_core
    organs = words("organs")
    if not folded.startswith(organs):
        # (a language that names an organ by its head noun last: "...公约缔约方会议，")
        return closed and _organ_named_last(folded)
    for organ in organs:
        if folded == organ or (closed and folded.startswith(organ + " ") and len(folded) < 200):
            # without its comma only "The General Assembly" itself, article and all
            return closed or (article and folded == organ)
    return False


def formula_lines(lines: list[Line], i: int) -> int:
    """How many printed lines the enacting formula that opens at line ``i`` takes: one, or up
    to three where the name of an organ is too long for one line (``The Conference of the
    Parties to the United Nations Convention against`` / ``Transnational Organized Crime,``);
    0 where no formula opens there."""
    text = plain(lines[i].text).strip()
    if is_formula(text):
        return 1
    if not text or len(text) > 150 or ends_clause(text):
        return 0
    for k in range(i + 1, min(i + 3, len(lines))):
        if lines[k].gap_before or lines[k].page_break_before or is_formula(plain(lines[k].text).strip()):
            return 0   # (the formula opens below: the lines above it are the title's)
        text = join_lines(text, plain(lines[k].text))
        if ends_clause(text):
            return k - i + 1 if is_formula(text) else 0
    return 0


@lru_cache(maxsize=None)
def _organs_last() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The organs of the languages that print an organ's head noun last (``[reader]
    organ_last``), and the preambular openings of those languages."""
    langs = [lang for lang in languages() if terms(lang).get("reader", {}).get("organ_last")]
    organs = {_fold(w) for lang in langs for w in terms(lang)["reader"].get("organs", [])}
    openings = {_fold(w) for lang in langs for w in terms(lang).get("preambular", {})}
    return tuple(sorted(organs, key=len, reverse=True)), tuple(sorted(openings, key=len, reverse=True))


def _organ_named_last(folded: str) -> bool:
    """``联合国打击跨国有组织犯罪公约缔约方会议``: a name that ends on an organ's word (its
    head noun) with no clause mark inside and no preambular opening before it."""
    organs, openings = _organs_last()
    return (bool(organs) and len(folded) <= 80 and folded.endswith(organs)
            and not any(mark in folded for mark in CLAUSE_MARKS) and not folded.startswith(openings))


# marks inside a clause that an organ's name never holds
CLAUSE_MARKS = ("，", "、", "。", "；", "：", ",", ";", ":")


@lru_cache(maxsize=None)
def _numbered_pattern() -> re.Pattern[str]:
    """``Resolution 2719 (2023)``, ``Резолюция 2719 (2023),``, ``第 2719(2023)号决议``: the number
    line of a Security Council resolution, from the ``numbered`` forms of every language (read
    with its white space collapsed: every space of the pattern is one, or none)."""
    forms_ = {w for lang in languages() for w in terms(lang).get("reader", {}).get("numbered", [])}
    number = r" ?\d{1,5} ?\(\d{4}\) ?"
    alternatives = sorted((number.join(re.escape(part) for part in f.split("{n}")) for f in forms_),
                          key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(alternatives) + r")[,，،]?$", re.I)


def numbered_line(text: str) -> bool:
    """Is the line a resolution's number line printed instead of a title (``Resolution 2719 (2023)``)?"""
    t = " ".join(_without_stars(plain(text)).split())
    return len(t) < 40 and bool(_numbered_pattern().match(t))


def _adopted_at_meeting(text: str) -> bool:
    """``Adopted by the Security Council at its 9518th meeting, on ...``: the line under a number line."""
    t = plain(text).strip()
    return bool(_starts_with(t, "adopted_meeting")) or _fold(t).endswith(words("adopted_meeting_end"))


def is_summary(text: str) -> bool:
    return _fold(_without_stars(text)) in words("summary")


def body_starts(line: Line, lang: str, unwrapped: bool) -> bool:
    if line.opens_body:
        return True
    t = plain(line.text).strip()
    f = forms(lang)
    if is_formula(t) or is_summary(t):
        return True
    if f.chapter.match(t) or LOST_NUMERAL.match(t) or _chapter_label_alone(t, lang):
        return True
    lookalike = ROMAN_LOOKALIKE.match(t)
    if lookalike and not lookalike.group("tok").isdigit():
        return True
    if f.paragraph.match(t) and not mh.agenda_item(t) and not RESOLUTION_NUMBER.match(t):
        m = f.paragraph.match(t)
        return m.group("dot") != "," or int(m.group("num")) == 1
    section = f.section.match(t)
    if section and f.section_value(section.group("num")) == 1 and not mh.is_place_dates(t):
        return True
    # a long unwrapped line opens the body, unless it is a long sponsors' list (one paragraph
    # per paragraph: "Austria, Belgium, ... (Bolivarian Republic of): draft resolution")
    return unwrapped and len(t) >= 200 and not t.startswith("**") and not _sponsors_line(t)


@lru_cache(maxsize=None)
def _colons() -> tuple[str, ...]:
    """The marks other than ":" that stand between a draft's sponsors and its kind (Chinese
    full-width "："), from the locale."""
    marks = {terms(lang).get("lists", {}).get("sponsors_colon", ":").strip() for lang in languages()}
    return tuple(sorted(marks - {":", ""}))


def latin_colons(text: str) -> str:
    """The text with every sponsors' colon of the locale written ":" (one mark to split at)."""
    for mark in _colons():
        if mark in text:
            text = text.replace(mark, ":")
    return text


def _sponsors_line(text: str) -> bool:
    """``... and Zimbabwe: draft resolution``: a sponsors' list ending on its kind word."""
    head, colon, kind = _without_stars(latin_colons(text)).rstrip().rpartition(":")
    if not colon or not head:
        return False
    kind = _fold(kind).strip("* ").rstrip(".")
    return kind in words("sponsored") or any(kind.startswith(w) for w in words("amendment"))


# -- the masthead -----------------------------------------------------------------------------------


def _masthead_fields(lines: list[Line], i: int) -> tuple[list[mh.MastheadField], int, str | None] | None:
    """The fields of line ``i`` (with the next line, when OCR split a field from its value) and
    how many lines they took; an organ printed before a field on the same line comes back apart."""
    text = plain(lines[i].text).strip()
    if len(text) >= 200:
        return None
    fields = mh.masthead_fields(text)
    if fields:
        return fields, 1, None
    lead = mh.split_masthead_line(text)
    if lead:
        return lead[1], 1, lead[0]
    columns = re.split(r"\s{4,}", text)
    if len(columns) == 2:
        # "ECONOMIQUE          23 mai 1980": the organ's column and the fields' column on one line
        fields = mh.masthead_fields(columns[1])
        if fields:
            return fields, 1, columns[0]
    if i + 1 < len(lines) and (re.fullmatch(r"(?i)(Distr\.?|ORIGINAL\s*:?)", text) or _ocr_distr(text)):
        label = "Distr." if _ocr_distr(text) else text
        fields = mh.masthead_fields(label + " " + plain(lines[i + 1].text).strip())
        if fields:
            return fields, 2, None
    if i + 1 < len(lines) and text.endswith("/"):
        # "Original: Arabic/English/French/" / "Russian/Spanish": a list of languages wrapped
        fields = mh.masthead_fields(text + plain(lines[i + 1].text).strip())
        if fields:
            return fields, 2, None
    return None


def _ocr_distr(text: str) -> bool:
    """``Dis cr.``, ``Distr,``: the masthead's ``Distr.`` as OCR reads it, one letter or mark
    wrong or a space inside."""
    word = text.replace(" ", "").lower()
    if len(word) not in (5, 6) or word == "distr." or not word.startswith("di"):
        return False
    target = "distr." if len(word) == 6 else "distr"
    return sum(a != b for a, b in zip(word, target)) == 1


def _is_organ_line(text: str) -> bool:
    folded = _fold(text)
    return bool(folded) and (folded in words("organization") or folded in words("organs"))


def read_masthead(reading: Reading, lines: list[Line]) -> int:
    """Read the masthead at the head of ``lines``; return how many lines it took."""
    for line in lines[:12]:
        if _ocr_distr(plain(line.text).strip()):
            reading.doc.note("info", f"OCR repair: '{line.text.strip()}' read as 'Distr.'", line.no, "ocr-repair")
    m = reading.doc.masthead
    i = 0
    seen_field = False
    organs: list[str] = []
    seen_distribution = False
    while i < len(lines):
        found = _masthead_fields(lines, i)
        text = lines[i].text.strip()
        if found:
            fields, taken, lead = found
            if lead:
                organs.append(lead)
            for f in fields:
                mh.apply_field(m, f)
                if f.name == "symbol" and f.text.endswith("*"):
                    m.symbol_note = NoteRef("*", [])
                    reading.star_refs.append(m.symbol_note)
                seen_distribution = seen_distribution or f.name == "distribution"
            seen_field = True
            i += taken
            continue
        # The organs stand above "Distr.": after it, an organ's name opens the preface.
        if _is_organ_line(text) and not seen_distribution and text not in organs:
            organs.append(text)
            i += 1
            continue
        if not seen_distribution and i < 6 and len(text) < 160 and not ends_sentence(text) and _later_field(lines, i):
            organs.append(text)  # an organ the locale does not name, above the fields
            i += 1
            continue
        if seen_distribution and i < 12 and len(text) < 40 and text.isupper() and any(
                _masthead_fields(lines, k) for k in range(i + 1, min(i + 3, len(lines)))):
            # a typescript masthead read column by column: the organ's lines ("CONSEIL",
            # "ECONOMIQUE") between the fields of the right column
            organs.append(text)
            i += 1
            continue
        break
    if not seen_field:
        return 0
    m.organs = _joined_organs(organs)
    return i


def _joined_organs(organs: list[str]) -> list[str]:
    """A treaty's name set over several lines of the masthead ("International Covenant on" /
    "Civil and Political Rights"; "Конвенция о ликвидации" / "всех форм дискриминации") is one
    name: a line runs on after a word that cannot end it, or into a line in lower case."""
    out: list[str] = []
    for organ in organs:
        last = (_fold(out[-1]).split() or [""])[-1] if out else ""
        if out and (organ[:1].islower() or last in words("unfinished")):
            out[-1] = out[-1] + " " + organ
        else:
            out.append(organ)
    return out


def _committee_line(text: str) -> bool:
    """``Human Rights Committee``, ``Комитет по ликвидации дискриминации в отношении женщин``: a
    line that names a body by its word for one (first or last), and says nothing more."""
    folded = _fold(text).split()
    return (0 < len(text) < 100 and not ends_sentence(text) and not any(c.isdigit() for c in text)
            and bool({folded[0], folded[-1]} & _single_word_organs()))


@lru_cache(maxsize=None)
def _single_word_organs() -> frozenset[str]:
    """The locale's words for a body ("Committee", "Comité", "Комитет"): its organs of one word."""
    return frozenset(organ for organ in words("organs") if " " not in organ)


def _later_field(lines: list[Line], i: int) -> bool:
    """Is there a masthead field within the next few lines?"""
    return any(_masthead_fields(lines, k) for k in range(i + 1, min(i + 4, len(lines))))


# -- the preface ------------------------------------------------------------------------------------


def _sponsor_block(lines: list[Line], start: int) -> tuple[int, int, str] | None:
    """``Austria, Belgium, ... and Venezuela (Bolivarian Republic of): draft resolution``: the
    first and last line of a sponsors' list and the kind word after its colon."""
    for j in range(start, len(lines)):
        text = _without_stars(latin_colons(plain(lines[j].text)).strip()).strip()
        if ":" not in text:
            continue
        kind = _fold(text.rpartition(":")[2]).strip("* ").rstrip(".")
        if not kind and j + 1 < len(lines):
            # "... and State of Palestine:" / "draft resolution": the kind on a line of its own
            kind = _fold(lines[j + 1].text).strip("* ").rstrip(".")
            if kind in words("sponsored") or any(kind.startswith(w) for w in words("amendment")):
                return _sponsors_start(lines, start, j), j + 1, kind
            continue
        if kind not in words("sponsored") and not any(kind.startswith(w) for w in words("amendment")):
            continue
        return _sponsors_start(lines, start, j), j, kind
    return None


def _sponsors_start(lines: list[Line], start: int, j: int) -> int:
    """The first line of a sponsors' list that ends on line ``j``: a list runs on while a line
    ends inside a name or after a comma, or the next opens inside one ("(Kingdom of the)")."""
    s = j
    while s > start and not lines[s].gap_before and (
            lines[s - 1].text.rstrip().endswith((",", " and", " of", "(", "-", "\u00ad", " et", " y", " и", "،", " de",
                                                  " del", " la", " the"))
            or lines[s].text.lstrip()[:1] in "(" or lines[s].text.lstrip()[:1].islower()):
        s -= 1
    return s


def _continuation(lines: list[Line], i: int, end: int, stop) -> int:
    """Lines from ``i + 1`` that continue line ``i``'s text: no blank line between, and not
    a line that ``stop`` claims."""
    k = i + 1
    while k < end and not lines[k].gap_before and not stop(k):
        k += 1
    return k


def run(reading: Reading) -> None:
    doc = reading.doc
    body = reading.body
    unwrapped = not _hard_wrapped(body)
    end = 0
    # (the lines of a table of contents, which open no body, add to the lines searched)
    contents = reading.table_lines = all_table_lines(body, doc.lang)
    limit = min(len(body), 200 + sum(1 for k in contents if k < CONTENTS_WINDOW))
    # (a long line under the agenda item is the item's title, one paragraph per paragraph)
    while end < limit and not ((body_starts(body[end], doc.lang, unwrapped) or formula_lines(body, end) > 1)
                               and end not in contents and not (
            end and unwrapped and mh.agenda_item(plain(body[end - 1].text).strip()))):
        document = _document_line(body[end].text)
        if document and document[0] == "letter":
            end = _after_letter_title(body, end)
            break
        if document and document[0] in ISSUANCES:
            end = _after_issuance_title(body, end, doc.lang, unwrapped)
            break
        end += 1
    if end == limit:
        # no formula, number, chapter or summary: the body starts after the line that says what
        # the document is (a report's, a note's), else at the first long unwrapped line
        end = _after_document_line(body, min(limit, 60))
        if end is None:
            end = _first_long(body, limit) if limit == len(body) else 0
    # An uppercase heading right above the first paragraph belongs to the body ("CONTEXTE").
    if end > 1 and body[end - 1].text.strip().isupper() and len(body[end - 1].text.strip()) < 80 \
            and not _is_organ_line(body[end - 1].text):
        end -= 1
    # So does a heading the contents list above it ("Introduction 1 ." ... "Introduction").
    elif end > 1 and body[end - 1].gap_before and (listed_in_contents(body, end - 1)
                                                   or _entry_of_contents(body, end - 1, contents)):
        end -= 1
    # So do the headings the document opens with, when the format marks them as the text's
    # (a title above them, in a heading style it shares, stays the title)
    k = end
    while k and body[k - 1].heading:
        k -= 1
    if k == 0:
        end = 0
    front = body[:end]
    reading.body_start = end
    taken = read_masthead(reading, front)
    if not taken and not doc.masthead.symbol:
        doc.note("warning", "no masthead: no symbol, Distr., date or Original line was found",
                 body[0].no if body else None, "no-masthead")
        _date_without_masthead(reading, front)
    read_preface(reading, front, taken, formula=end < len(body) and formula_lines(body, end) > 0)
    m = doc.masthead
    if m.date is None:
        _bracketed_date(reading, body[:min(len(body), 200)])
    if not m.symbol and reading.running_symbol:
        m.symbol = reading.running_symbol
        doc.note("info", f"symbol {reading.running_symbol} taken from the running heads", None,
                 "symbol-from-running-head")
    if reading.job_number and not m.job_number:
        m.job_number = reading.job_number


def _entry_of_contents(body: list[Line], i: int, contents: set[int]) -> bool:
    """Is line ``i`` a heading that the table of contents above prints as a line of its own (plain
    ``pdftotext`` sets the paragraph numbers of the entries on lines apart)?"""
    heading = plain(body[i].text).strip()
    return bool(heading) and any(k < i and plain(body[k].text).strip() == heading for k in contents)


CONTENTS_WINDOW = 1000   # lines: a table of contents stands in a document's first pages


# a contents entry: the heading, then the paragraphs or page it stands at ("Afrique 29 - 31")
CONTENTS_ENTRY_END = lazy_compile(r"\s+\d{1,3}(?:\s*[-–]\s*\S{1,4})?(?:\s*\.)?$")


def listed_in_contents(body: list[Line], i: int) -> bool:
    """Whether line ``i`` is a short heading that an earlier line lists with its paragraphs or
    page, as a table of contents does."""
    heading = plain(body[i].text).strip()
    if not heading or len(heading) > 80 or heading[-1] in ".;:,":
        return False
    for line in body[:i]:
        text = plain(line.text).strip()
        if text.startswith(heading) and CONTENTS_ENTRY_END.fullmatch(text[len(heading):]):
            return True
    return False


def _after_letter_title(body: list[Line], start: int, measure: int | None = None) -> int:
    """The line after a letter's title (``Letter dated ... from ... addressed to the President of
    the Security Council``): the title ends on the line that completes "addressed to ..."."""
    text = ""
    measure = _measure(body) if measure is None else measure
    for k in range(start, min(start + 8, len(body))):
        text = join_lines(text, body[k].text)
        folded = _fold(text)
        if any(w in folded for w in words("letter_addressed")):
            last = _fold(body[k].text).split()[-1:] or [""]
            nxt = body[k + 1] if k + 1 < len(body) else None
            # the title block is set narrower than the text: a short line after it, not
            # ending a sentence, still belongs to it ("... por el Representante" / "Permanente
            # de Egipto ante las Naciones Unidas", the sender after the addressee)
            widest = max(len(l.text.strip()) for l in body[start:k + 1])
            runs_on = nxt is not None and not nxt.gap_before and not ends_sentence(body[k].text) and (
                nxt.text.strip()[:1].islower() or (measure and len(nxt.text.strip()) < 0.75 * measure
                                                   and widest < 0.8 * measure
                                                   and len(nxt.text.strip()) <= widest + 2))
            if last[0] not in words("letter_unfinished") and not runs_on:
                return k + 1
    return start + 1


# The Secretariat's issuances (ST/SGB, ST/AI, ST/IC): their document line and their kind.
ISSUANCES = {"bulletin": "bulletin", "instruction": "administrativeInstruction", "circular": "informationCircular"}


def _after_issuance_title(body: list[Line], start: int, lang: str, unwrapped: bool) -> int:
    """The line after an issuance's title (``Secretary-General's bulletin`` / its title): the
    text opens with the issuing official's promulgation (``The Secretary-General, for the
    purpose of ...``) or a numbered paragraph or section; the title is one line if neither comes."""
    for k in range(start + 2, min(start + 10, len(body))):
        if _starts_with(body[k].text, "issuers") or body_starts(body[k], lang, unwrapped):
            return k
    return min(start + 2, len(body))


def _measure(lines: list[Line]) -> int:
    """The length of a full line of the text (hard-wrapped extraction), 0 when unknown."""
    lengths = sorted(len(l.text.strip()) for l in lines[:400] if l.text.strip())
    if len(lengths) < 20:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def _after_document_line(body: list[Line], limit: int) -> int | None:
    for k in range(limit):
        found = _document_line(body[k].text)
        if found and found[0] in ("report", "note", "note_by_the_secretariat", "statement"):
            k += 1
            # the document line runs on: a line in lower case, or after a word that cannot end it
            while k < len(body) and not body[k].gap_before and (
                    body[k].text.strip()[:1].islower()
                    or (_fold(body[k - 1].text).split()[-1:] or [""])[0] in words("letter_unfinished")):
                k += 1
            return k
    return None


def _first_long(body: list[Line], limit: int) -> int:
    for k in range(min(limit, len(body))):
        if len(body[k].text.strip()) >= 200:
            return k
    return 0


def _hard_wrapped(lines: list[Line]) -> bool:
    # (each text stripped once; the blank ones, of length 0, left out)
    lengths = [n for n in map(len, map(str.strip, [l.text for l in lines[:400]])) if n]
    if len(lengths) < 8:
        return False
    return sum(1 for n in lengths if n > 160) / len(lengths) < 0.05


def _bracketed_date(reading: Reading, lines: list[Line]) -> None:
    """A report printed in the Official Records has no masthead; its date stands alone in
    brackets on the page before its text (``[30 April 2025]``)."""
    from drafting.locale import date_spans

    for line in lines:
        text = line.text.strip()
        if text.startswith("[") and text.endswith("]") and len(text) < 40:
            found = date_spans(text[1:-1], reading.doc.lang)
            if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text) - 2:
                m = reading.doc.masthead
                m.date, m.date_text = found[0][2], text[1:-1]
                if not (m.distribution or m.original or m.language_line):
                    reading.doc.note("info", f"no masthead: the date is the bracketed date {text} of the "
                                             "report's text", line.no, "no-masthead")
                return


def _date_without_masthead(reading: Reading, front: list[Line]) -> None:
    from drafting.locale import date_spans

    for line in front:
        for _s, _e, found in date_spans(line.text, reading.doc.lang):
            reading.doc.inferred_date = found  # type: ignore[attr-defined]
            return


def read_preface(reading: Reading, lines: list[Line], start: int, formula: bool) -> None:
    doc = reading.doc
    pf = doc.preface
    notes = reading.refs            # calls in the preface come first in reading order
    role: dict[int, str] = {}
    kind_key: str | None = None
    end = len(lines)
    sponsors = _sponsor_block(lines, start)
    sponsor_start = sponsors[0] if sponsors else end

    def claimed(k: int) -> bool:
        t = lines[k].text.strip()
        document = _document_line(t)
        # an agenda item's title often begins "Report of the ...": that is no document line
        return (k >= sponsor_start or (document is not None and document[0] != "report") or mh.is_session_line(plain(t))
                or _is_organ_line(t) or bool(mh.agenda_item(plain(t))) or bool(RESOLUTION_NUMBER.match(plain(t))))

    cover = _official_records_cover(reading, lines, start, end, notes)
    role.update(cover)
    if cover:
        kind_key = "report"   # a volume of the Official Records holds a body's report
    i = start
    while i < end:
        if i in cover:
            if cover[i] == "extra":
                pf.extra.append(parse_inline(plain(lines[i].text).strip(), notes))
            i += 1
            continue
        text = plain(lines[i].text).strip()
        found = _masthead_fields(lines, i)
        if found and (any(f.name in mh.STRONG_FIELDS for f in found[0]) or role.get(i - 1) == "masthead"):
            # the masthead's right column, printed after the preface's first block
            for f in found[0]:
                mh.apply_field(doc.masthead, f)
            for n in range(i, i + found[1]):
                role[n] = "masthead"
            # the fields of the column just above it (a date, a language) belong to it too
            j = i - 1
            while j >= start and j not in role and _masthead_fields(lines, j) and _masthead_fields(lines, j)[1] == 1:
                for f in _masthead_fields(lines, j)[0]:
                    mh.apply_field(doc.masthead, f)
                role[j] = "masthead"
                j -= 1
            i += found[1]
            continue
        if sponsors and i == sponsors[0]:
            s, j, kind = sponsors
            printed = latin_colons(" ".join(l.text.strip() for l in lines[s:j + 1]))
            found = mh.document_kind(_without_stars(printed).strip())
            who, _, what = printed.rpartition(":")
            pf.doc_type = what.strip(" *")
            pf.sponsors = found[1] if found else mh._split_sponsors(who.rstrip(" *"))
            kind_key = found[0] if found else ("draft_resolution" if "resolution" in kind or "résolution" in kind
                                               else "draft_decision" if "decision" in kind or "décision" in kind
                                               else "amendment")
            if "*" in printed[printed.rfind(")") + 1:] or printed.rstrip().endswith("*"):
                # the star after the sponsors calls a note on the symbol's page foot
                if doc.masthead.symbol_note is None:
                    doc.masthead.symbol_note = NoteRef("*", [])
                    reading.star_refs.append(doc.masthead.symbol_note)
            for k in range(s, j + 1):
                role[k] = "sponsors"
            i = j + 1
            continue
        item = mh.agenda_item(text)
        if item and not pf.agenda_text:
            stars = STARS.search(text)
            if stars:
                text = text[: stars.start()].rstrip()
                pf.agenda_note = NoteRef(stars.group(), [])
                reading.star_refs.append(pf.agenda_note)
            pf.agenda_text, pf.agenda_item = text, item
            role[i] = "agenda"
            # a document line ("Report of the Secretary-General") after the agenda title's first
            # line ends it, where no blank line does (text kept a printed line per paragraph)
            k = _continuation(lines, i, end, lambda n: claimed(n) or (
                n > i + 1 and _document_line(lines[n].text) is not None))
            if k < end and not lines[k].gap_before and _document_line(lines[k].text) is not None \
                    and _document_line(lines[k].text)[0] == "report":
                # no blank line before "Report of the Secretary-General": the report's title
                # stands between it and the agenda title, which ends on a short line
                k = _short_line_end(lines, i + 1, k)
            if k == i + 1 < end and not claimed(k) and _document_line(lines[k].text) is None \
                    and not _hard_wrapped(reading.body) and not is_formula(lines[k].text) \
                    and not lines[k].text.lstrip().startswith("**"):
                k += 1   # a paragraph per paragraph (Word): the agenda title is the next one
            if k > i + 1:
                title = " ".join(l.text.strip() for l in lines[i + 1:k])
                pf.agenda_title = parse_inline(title, notes)
                for n in range(i + 1, k):
                    role[n] = "agenda-title"
            elif k < end and lines[k].text.strip().startswith("**"):
                # a bold agenda title after a blank line (exports mark it)
                k2 = k + 1
                while k2 < end and not lines[k - 1 if k2 == k else k2 - 1].text.rstrip().endswith("**"):
                    k2 += 1
                pf.agenda_title = parse_inline(" ".join(l.text.strip() for l in lines[k:k2]), notes)
                for n in range(k, k2):
                    role[n] = "agenda-title"
                k = k2
            i = k
            continue
        if mh.is_session_line(text) and not pf.session_text:
            pf.session_text, pf.session_number = text, mh.session_number(text)
            role[i] = "session"
            i += 1
            continue
        if mh.is_place_dates(text) and not pf.place_dates and (pf.session_text or start) or (
                role.get(i - 1) == "session" and not pf.place_dates and _session_dates(text, doc.lang)):
            pf.place_dates = text
            role[i] = "place"
            i += 1
            continue
        document = _document_line(text)
        if document and document[0] in ISSUANCES and kind_key is None:
            # "Secretary-General's bulletin": one line, its title under it
            pf.doc_type, kind_key, role[i] = text, document[0], "document"
            i += 1
            continue
        if document and document[0] == "letter" and pf.title is None:
            # "Letter dated ... addressed to ...": the title that says what the document is
            k = _after_letter_title(lines + [Line("", 0)], i, _measure(reading.body))
            pf.title = parse_inline(" ".join(l.text.strip() for l in lines[i:k]), notes)
            kind_key = kind_key or "letter"
            for n in range(i, k):
                role[n] = "title"
            i = k
            continue
        if document and kind_key is not None and document[0] == "report":
            document = None  # "Report of the Disarmament Commission": the title of a resolution
        if document and document[0] == "report" and pf.title is None and _without_stars(text).strip().isupper():
            # "RAPPORT DU DIRECTEUR GENERAL SUR L'ETAT DES TRAVAUX*": a typescript's title, in
            # capitals, that names the kind of document it is
            k = _continuation(lines, i, end, lambda n: claimed(n) or _ends_with_stars(plain(lines[n - 1].text).rstrip()))
            printed = " ".join(plain(l.text).strip() for l in lines[i:k])
            stars = STARS.search(printed)
            pf.title = parse_inline(printed[: stars.start()].rstrip() if stars else printed, notes)
            if stars:
                note = NoteRef(stars.group(), [])
                reading.star_refs.append(note)
                pf.title.append(note)
            kind_key = kind_key or "report"
            for n in range(i, k):
                role[n] = "title"
            i = k
            continue
        if document:
            key, kind_word = document
            # a star closes the line that it ends ("Report of the Second Committee*" /
            # "Rapporteur: ..."): the call of the title block's note is printed at its end
            k = _continuation(lines, i, end, lambda n: bool(BRACKETED.match(lines[n].text.strip()))
                              or bool(RESOLUTION_NUMBER.match(lines[n].text.strip())) or claimed(n)
                              or _ends_with_stars(plain(lines[n - 1].text).rstrip()))
            if key in ("adopted_resolution", "adopted_decision"):
                # "Resolution adopted by the General Assembly" + "on 1 December 2025"
                while k < end and lines[k].text.strip()[:1].islower():
                    k += 1
            if k == end and formula and kind_key is None:
                k = _submission_end(lines, i, end, _measure(reading.body))
            printed = " ".join(plain(l.text).strip() for l in lines[i:k])
            stars = STARS.search(printed)
            if stars:
                # "Report of the Secretary-General**": the star calls a note on the title block
                printed = printed[: stars.start()].rstrip()
                reading.doc_type_notes.append(NoteRef(stars.group(), []))
                reading.star_refs.append(reading.doc_type_notes[-1])
            if kind_key is None:
                kind_key = key
                pf.doc_type = printed
            else:
                pf.doc_type_extra.append(printed)
            for n in range(i, k):
                role[n] = "document"
            i = k
            continue
        if BRACKETED.match(text):
            k = i
            while k < end and "]" not in lines[k].text:
                k += 1
            k = min(k + 1, end)
            pf.extra.append(parse_inline(" ".join(l.text.strip() for l in lines[i:k]), notes))
            for n in range(i, k):
                role[n] = "extra"
            i = k
            continue
        if numbered_line(text) and kind_key is None:
            # "Resolution 2719 (2023)" / "Adopted by the Security Council at its 9518th meeting, on"
            # / "30 July 2013": the number, then the adoption line, and no title
            pf.extra.append([text])
            role[i] = "number"
            i += 1
            if i < end and _adopted_at_meeting(lines[i].text):
                k = _continuation(lines, i, end, claimed)
                pf.doc_type = " ".join(plain(l.text).strip() for l in lines[i:k])
                kind_key = "adopted_decision" if any(w in _fold(text) for w in _decision_words()) else "adopted_resolution"
                for n in range(i, k):
                    role[n] = "document"
                i = k
            continue
        number = RESOLUTION_NUMBER.match(text)
        if number:
            pf.extra.append([number.group("num")])
            role[i] = "number"
            if number.group("title"):
                lines[i] = Line(number.group("title"), lines[i].no, lines[i].page)
                del role[i]
                continue
            i += 1
            continue
        if (SECURITY_COUNCIL_YEAR.match(text) or _is_organ_line(text)) and len(text) < 80:
            role[i] = "organ"
            if _is_organ_line(text) and pf.body is None and i + 1 < end and (
                    mh.is_session_line(lines[i + 1].text) or mh.agenda_item(lines[i + 1].text)):
                pf.body = text
            else:
                pf.extra.append([text])
            i += 1
            continue
        # the subsidiary body named above the session or agenda line, its other name in brackets
        # under it: "Special Political and Decolonization Committee" / "(Fourth Committee)"
        below = i + 2 if i + 2 < end and plain(lines[i + 1].text).strip().startswith("(") else i + 1
        if (pf.body is None and below < end and len(text) < 120 and not ends_sentence(text)
                and (mh.is_session_line(plain(lines[below].text)) or mh.agenda_item(plain(lines[below].text)))):
            pf.body = " ".join(plain(l.text).strip() for l in lines[i:below])
            for n in range(i, below):
                role[n] = "organ"
            i = below
            continue
        i += 1
    _title(reading, lines, start, role, formula, notes)
    if (pf.body is None and not formula and not cover and not pf.session_text and not pf.agenda_text and pf.title
            and doc.masthead.symbol and pf.extra and _committee_line(plain_text(pf.extra[0]).strip())):
        # the body whose document it is, under the masthead and above the title, with no session
        # or agenda under it (a treaty body's concluding observations: "Human Rights Committee")
        pf.body = plain_text(pf.extra.pop(0)).strip()
    if reading.doc_type_notes:
        pf.title = (pf.title or []) + reading.doc_type_notes
    doc.kind = _kind(kind_key, doc, plain_text(pf.title or []), formula)


@lru_cache(maxsize=None)
def _decision_words() -> tuple[str, ...]:
    """The word for a decision in every language (``Decision``, ``Решение``, ``决定``), folded."""
    return tuple({_fold(terms(lang).get("document_kinds", {}).get("decision", "")) for lang in languages()} - {""})


def _session_dates(text: str, lang: str) -> bool:
    """``26 February-5 April 2024``, ``11-22 March 2024``: the dates of a session printed under it
    without a place (the Councils and the functional commissions), a line that is dates only."""
    from drafting.locale import date_spans

    if not text[:1].isdigit() or len(text) > 60 or len(re.findall(r"\d+", text)) < 3:
        return False   # (one date alone is the masthead's date: a session's dates are a range)
    found = date_spans(text, lang)
    if not found:
        return False
    end = len(text.rstrip(" .*"))
    if found[-1][1] == end:
        return len(found) > 1 or found[0][0] > 0   # one whole date alone is no range
    # "2024年2月26日至4月5日": the range's second date printed without its year is not found;
    # after the first date only digits and the words of the language's range forms remain
    rest = text[found[0][1]:end]
    return found[0][0] == 0 and bool(rest.strip()) and set(rest) <= _range_marks(lang)


@lru_cache(maxsize=None)
def _range_marks(lang: str) -> frozenset[str]:
    """The characters a date range prints besides its numbers (``至``, ``月``, ``日``, ``-``)."""
    dates = terms(lang).get("dates", {})
    printed = "".join(dates.get(k, "") for k in ("range_same_month", "range_same_year"))
    return frozenset(re.sub(r"\{[^}]*\}", "", printed)) | frozenset("0123456789 ")


def _short_line_end(lines: list[Line], start: int, end: int) -> int:
    """The line after the first of ``lines[start:end]`` that falls well short of the block's
    widest line, when the next opens with a capital or a digit; ``end`` if none does."""
    widest = max((len(plain(l.text).strip()) for l in lines[start:end]), default=0)
    for k in range(start + 1, end):
        before, here = plain(lines[k - 1].text).strip(), plain(lines[k].text).strip()
        last = (_fold(before).split()[-1:] or [""])[0]
        if len(before) < 0.8 * widest and (here[:1].isupper() or here[:1].isdigit()) \
                and last not in words("letter_unfinished"):
            return k
    return end


def _submission_end(lines: list[Line], i: int, end: int, measure: int) -> int:
    """Where "Draft resolution submitted by ..." ends when no blank line ends it and it would run
    into the formula (a printed line per paragraph, blank lines lost): before the first line
    that opens with a capital or a digit under a line that closes the submission (a symbol,
    ``(Poland)``, or a line well short of the measure); else before the line above the formula,
    as a draft resolution has a title."""
    for k in range(i + 1, end):
        before, here = plain(lines[k - 1].text).strip(), plain(lines[k].text).strip()
        if not here[:1].isupper() and not here[:1].isdigit():
            continue
        last = before.split()[-1] if before else ""
        if before.endswith(")") or "/" in last.strip(".,") and any(c.isdigit() for c in last) or (
                measure and len(before) < 0.6 * measure):
            return k
    return max(i + 1, end - 1)


@lru_cache(maxsize=4096)   # (asked of the same lines by the body's start, claimed() and the title)
def _document_line(text: str) -> tuple[str, str] | None:
    """What a document line says the document is: (kind key, the words that say it)."""
    t = _without_stars(plain(text)).strip()
    folded = _fold(t)  # once for the five tables
    for key, table in (("adopted", "adopted"), ("submitted", "submitted"), ("note", "note"),
                       ("letter", "letter"), ("statement", "statement"), ("bulletin", "bulletin"),
                       ("instruction", "instruction"), ("circular", "circular"), ("report", "report")):
        w = _starts_with(t, table, folded)
        if not w:
            continue
        if key == "report" and (ends_sentence(t) or len(t) > 80):
            continue
        if key == "adopted":
            return ("adopted_decision" if "decision" in w or "décision" in w or "decisión" in w or "решение" in w
                    else "adopted_resolution"), w
        if key == "submitted":
            return ("draft_decision" if "decision" in w or "décision" in w or "decisión" in w or "решения" in w
                    else "draft_resolution"), w
        return key, w
    ends = words("adopted_end")
    if ends and len(t) < 80 and folded.endswith(ends):
        # "人权理事会 2024 年 4 月 4 日通过的决议": the organ and the date before the words
        w = next(w for w in ends if folded.endswith(w))
        return ("adopted_decision" if any(d in w for d in _decision_words()) else "adopted_resolution"), w
    found = mh.document_kind(t) if ":" not in t else None
    if found and not found[1]:
        return found[0], t
    return None


def _title(reading: Reading, lines: list[Line], start: int, role: dict[int, str], formula: bool,
           notes: list[NoteRef]) -> None:
    """The title: the unclaimed lines just before the formula (a resolution) or just before the
    document line (a report); every other unclaimed line is kept in the preface as printed."""
    pf = reading.doc.preface
    free = [k for k in range(start, len(lines)) if k not in role]
    runs: list[list[int]] = []
    for k in free:
        if runs and runs[-1][-1] == k - 1 and not lines[k].gap_before:
            runs[-1].append(k)
        else:
            runs.append([k])
    chosen: list[int] | None = None
    if pf.title is not None:
        pass   # a letter's title, read where its document line stands
    elif formula and runs and runs[-1][-1] == len(lines) - 1:
        chosen = runs[-1]
    if chosen is None and pf.title is None:
        documents = [k for k, r in role.items() if r == "document"]
        if documents:
            first_document = min(documents)
            before = [r for r in runs if r[-1] < first_document]
            after = [r for r in runs if r[0] > first_document]
            kind_first = reading.doc.preface.doc_type and _starts_with(pf.doc_type or "", "report") is None \
                and _starts_with(pf.doc_type or "", "note") is None
            chosen = (after[0] if after and kind_first else before[-1] if before else after[0] if after else None)
            if not before and not kind_first and pf.doc_type and not pf.doc_type_extra and pf.agenda_title \
                    and _report_of_committee(pf.doc_type):
                # "Report of the Second Committee" under the agenda title, no blank line apart (a
                # paragraph per paragraph): a Main Committee's report bears the item's title
                pf.title, pf.agenda_title, chosen = pf.agenda_title, None, None
            elif not before and not kind_first and pf.doc_type and not pf.doc_type_extra:
                # "Report of the Disarmament Commission" with nothing above it: the title itself
                pf.title, pf.doc_type, chosen = parse_inline(pf.doc_type, notes), None, None
        elif runs:
            # the first block, unless a later one carries the title's note (a committee's name
            # above the title of its concluding observations: "... Республики*")
            chosen = runs[-1] if formula else next(
                (r for r in runs if _ends_on_star(lines[r[-1]].text) and not lines[r[-1]].text.strip().startswith("*")),
                runs[0])
    if chosen is not None and len(chosen) > 2 and not any(lines[k].gap_before for k in range(start + 1, len(lines))):
        # no blank line in the whole front (a printed line per paragraph, blank lines lost): the
        # title block is the part of the run after its last short line ("Комитет по ликвидации
        # дискриминации" / "в отношении женщин" / "Заключительные замечания ...")
        cut = chosen[0]
        while True:
            nxt = _short_line_end(lines, cut, chosen[-1] + 1)
            if nxt > chosen[-1]:
                break
            cut = nxt
        if cut > chosen[0]:
            at = runs.index(chosen)
            runs[at:at + 1] = [[k for k in chosen if k < cut], [k for k in chosen if k >= cut]]
            chosen = runs[at + 1]
    for run_ in runs:
        if run_ is not chosen:
            for text in _paragraphs(lines, run_):
                pf.extra.append(parse_inline(text, notes))
            continue
        text = ""
        for k in run_:
            text = join_lines(text, lines[k].text) if text else lines[k].text.strip()
        if run_ is chosen:
            stars = STARS.search(text)
            if stars and not text.startswith("**"):
                note = NoteRef(stars.group(), [])
                reading.star_refs.append(note)
                pf.title = parse_inline(text[: stars.start()].rstrip(), notes) + [note]
            else:
                pf.title = parse_inline(text, notes)
        else:
            pf.extra.append(parse_inline(text, notes))


RAISED_STAR_END = lazy_compile(r"\^\{\*+\}$")


def _ends_on_star(text: str) -> bool:
    """``... Республики*`` or a raised star (``Республики^{*}``): a call at the end of the line."""
    return _ends_with_stars(plain(text).rstrip()) or bool(RAISED_STAR_END.search(text.rstrip()))


def _report_of_committee(doc_type: str) -> bool:
    """``Report of the Second Committee``: the report of an organ (its name ends on an organ's
    word: Committee, Commission, Council ...), not a report's title."""
    opening = _starts_with(doc_type, "report")
    rest = _fold(doc_type)[len(opening):].split() if opening else []
    return bool(rest) and rest[-1] in _organ_words()


@lru_cache(maxsize=None)
def _organ_words() -> frozenset[str]:
    return frozenset(organ.split()[-1] for organ in words("organs"))


def _paragraphs(lines: list[Line], run_: list[int]) -> list[str]:
    """Lines kept as printed, a line that runs on (lower case) joined to the one before."""
    out: list[str] = []
    for k in run_:
        text = lines[k].text.strip()
        if out and (text[:1].islower() or not ends_sentence(out[-1]) and out[-1].endswith(("-", ",", "\u00ad"))):
            out[-1] = join_lines(out[-1], text)
        else:
            out.append(text)
    return out


def _kind(key: str | None, doc, title: str, formula: bool) -> str:
    symbol = doc.masthead.symbol or ""
    if key in ("adopted_resolution",):
        return "resolution"
    if key in ("adopted_decision",):
        return "decision"
    if key in ("draft_resolution", "amendment"):
        return "resolutionDraft"
    if key == "draft_decision":
        return "decisionDraft"
    if key == "letter":
        return "letter"
    if key in ISSUANCES:
        return ISSUANCES[key]
    if key == "statement":
        return "presidentialStatement"   # (S/PRST/...: the Council's word, made by its President)
    if key in ("note", "note_by_the_secretariat"):
        return "note"
    if "/RES/" in symbol:
        return "resolution"
    if "/DEC/" in symbol:
        return "decision"
    kind = mh.kind_of(key, title)
    if not kind and formula:
        # No line says what the document is, but its text opens with the enacting formula ("The
        # General Assembly,"): a resolution as its drafters type it, before it has a masthead.
        return "resolutionDraft"
    return kind


# -- the cover and title page of a report in the Official Records ----------------------------

@lru_cache(maxsize=None)
def _official_records_patterns() -> tuple[LazyPattern, LazyPattern, LazyPattern]:
    """The three lines every Official Records volume prints on its cover and title page, in six
    languages: the series (``Official Records, 2025``; ``大会正式记录``, the organ glued to it), the
    supplement (``Supplement No. 8``, ``Supplément no 42``, ``补编第42号``, its symbol in brackets
    on older covers) and the imprint under the title (``United Nations • New York, 2025``)."""
    from drafting.locale import organization_names
    from drafting.locale.vocabulary import alternation
    # (compiled when first used: most documents have no line that names the series, and the
    # organs of six languages make a long pattern)
    organs = alternation(tuple(o.replace(" ", "") for o in words("organs")))
    series = lazy_compile(rf"^(?:{organs})?(?:{alternation(_series_names())})(?:[,，]?\s*\d{{4}}\s*年?)?$")
    supplement = lazy_compile(rf"^(?:{alternation(words('official_records_supplement'))})\s*\d+\s*[a-z]?\s*号?"
                              rf"(?:\s*\([^()]*\))?$")
    imprint = lazy_compile(rf"^(?:{alternation(tuple(_fold(n) for n in organization_names()))})"
                           rf"\s*•\s*\S[^•,]*,\s*\d{{4}}$")
    return series, supplement, imprint


@lru_cache(maxsize=None)
def _series_names() -> tuple[str, ...]:
    """The series name of the Official Records in six languages, folded as lines are."""
    from drafting.locale import official_records_names
    return tuple(_fold(n) for n in official_records_names())


def _official_records_blocks(lines: list[Line], start: int) -> list[tuple[int, int, int | None, int]]:
    """The organ / series / session / supplement blocks of the cover and title page: (organ line,
    series line, session line or None, supplement line). The organ is the line above the series
    (a Chinese cover glues it to the series: then the organ line is the series line)."""
    series, supplement, _imprint = _official_records_patterns()
    out = []
    for k in range(start, min(len(lines), start + 40)):
        folded = _fold(lines[k].text)
        # (the series pattern holds one of the names whole: a line without any is no series line)
        if not any(name in folded for name in _series_names()) or not series.match(folded):
            continue
        j = k + 1
        session = None
        if j < len(lines) and mh.is_session_line(plain(lines[j].text)):
            session, j = j, j + 1
        if j < len(lines) and supplement.match(_fold(lines[j].text)):
            organ = k - 1 if k > start and (not lines[k].gap_before or _is_organ_line(lines[k - 1].text)) \
                and not ends_sentence(lines[k - 1].text) and len(lines[k - 1].text.strip()) < 80 else k
            out.append((organ, k, session, j))
    return out


def _official_records_cover(reading: Reading, lines: list[Line], start: int, end: int,
                            notes: list[NoteRef]) -> dict[int, str]:
    """A report in the Official Records of any organ prints no masthead but a cover and a title
    page: the organ, the series line, the session, ``Supplement No. N``, then the title (the body's
    name and ``Report on the ... session``, or ``Report of the ... for 2025``), the session's dates
    in brackets, and the imprint. The organ is the document's authority, the title the lines
    between the supplement line and the imprint; the cover's copy of the title, the series and the
    supplement lines stay in the preface as printed. Returns the lines it read, by role."""
    blocks = _official_records_blocks(lines, start)
    if not blocks:
        return {}
    _series, _supplement, imprint = _official_records_patterns()
    doc, pf = reading.doc, reading.doc.preface
    role: dict[int, str] = {}
    title: list[int] = []
    for *_, supp in reversed(blocks):     # the last block with an imprint under its title
        k = supp + 1
        run: list[int] = []
        while k < end and k < supp + 10 and not imprint.match(_fold(lines[k].text)):
            run.append(k)
            k += 1
        if run and k < end and imprint.match(_fold(lines[k].text)):
            title, role[k] = run, "extra"
            break
    if not title:   # no imprint under a block: the title is the run right under the last one
        k = blocks[-1][3] + 1
        while k < end and (k == blocks[-1][3] + 1 or not lines[k].gap_before) and not ends_sentence(lines[k].text) \
                and not imprint.match(_fold(lines[k].text)):
            title.append(k)
            k += 1
    if not title:   # the imprint right under the block: the title is the cover's, above it
        title = _cover_title(lines, start, blocks[0][0])
    if not title:
        return {}   # no title known: the lines are read as printed
    for organ, series, session, supp in blocks:
        name = plain(lines[organ].text).strip()
        if organ != series:
            role[organ] = "organ"
            if name not in doc.masthead.organs:
                doc.masthead.organs.append(name)
        if session is not None:
            role[session] = "session"
            if not pf.session_text:
                pf.session_text = plain(lines[session].text).strip()
                pf.session_number = mh.session_number(pf.session_text)
        role[series] = role[supp] = "extra"
    # "(6 December 2024 and 10–14 March 2025)", "1 August 2024–31 July 2025": the dates of the
    # session or of the period reported on, under the title
    dates = [k for k in title[1:] if _bracketed_dates(plain(lines[k].text).strip(), doc.lang)]
    if dates:
        pf.place_dates = plain(lines[dates[0]].text).strip().removeprefix("(").removesuffix(")")
    printed = ""
    for k in title:
        role[k] = "place" if k in dates else "title"
        if k not in dates:
            if printed and pf.body is None and _report_word_line(lines[k].text):
                # "Commission on Narcotic Drugs" / "Report on the sixty-eighth session": the body
                # whose report it is, named above the line that says what the document is
                pf.body = printed
            printed = join_lines(printed, lines[k].text) if printed else lines[k].text.strip()
    pf.title = parse_inline(printed, notes)
    # the cover's copy of the title and of the dates, above the blocks, stays as printed
    copy = _fold(printed)
    for k in range(start, min(end, blocks[-1][3] + 12)):
        text = _fold(lines[k].text)
        if k not in role and len(text) > 3 and (text in copy or dates and text == _fold(lines[dates[0]].text)):
            role[k] = "extra"
    return role


@lru_cache(maxsize=None)
def _report_words() -> tuple[str, ...]:
    """The word for a report in every language (``Report``, ``Rapport``, ``Доклад``, ``报告``), folded."""
    return tuple({_fold(terms(lang).get("document_kinds", {}).get("report", "")) for lang in languages()} - {""})


def _report_word_line(text: str) -> bool:
    """``Report on the sixty-eighth session``, ``第六十八届会议报告``: a line that says it is a
    report (the word opens it, or closes it where the language puts it last)."""
    folded = _fold(text)
    return any(folded == w or folded.startswith(w + " ") or (not w.isascii() and folded.endswith(w))
               for w in _report_words())


def _chapter_label_alone(text: str, lang: str) -> bool:
    """``Chapter I`` on a line of its own, its title under it: the first chapter of a report as
    the Official Records print it opens the body."""
    from drafting.readers.passes.unwrap import chapter_word_label
    label = chapter_word_label(text, lang)
    return label is not None and not label.group("rest")


def _bracketed_dates(text: str, lang: str) -> bool:
    """A line that is dates only, in brackets or not."""
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return _session_dates(text, lang)


def _cover_title(lines: list[Line], start: int, organ: int) -> list[int]:
    """The title of a cover whose title page is not under its block (the imprint follows it): a
    line above the block that the cover repeats over the lines after it ("Report of the
    Disarmament Commission for 2025" / "Report of the Disarmament" / "Commission for 2025")."""
    folded = [_fold(lines[k].text) for k in range(start, organ)]
    for i, text in enumerate(folded):
        joined = ""
        for later in folded[i + 1:]:
            joined = f"{joined} {later}".strip()
            if joined == text:
                return [start + i]
            if not text.startswith(joined):
                break
    return []
