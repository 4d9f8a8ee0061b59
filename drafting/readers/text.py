"""Reader for plain text as people have it: PDF-extracted text, Markdown-ish exports, OCR.

The reading runs in passes, each a general rule about UN documents:

1. furniture and footnote bodies leave the flow (``text_lines``);
2. lines group into blocks: hard-wrapped lines are unwrapped, paragraphs cut by a page break or a
   footnote block are joined again;
3. the masthead and preface are recognised (``text_masthead``);
4. body blocks are classified (chapter, section, numbered subheading, paragraph, point, list item,
   cross-heading, quotation) and assembled, with lists that restart at 1 kept as list points;
5. footnote references are attached to their bodies, lost numbers are inferred from the sequence,
   and every repair or inference is reported as a diagnostic with its source line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from drafting.io import decode_text
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, Styled, plain_text
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.text_inline import merge_strings, parse_inline
from drafting.readers.text_lines import BodyLine, FootnoteBody, adopt_plain_digit_notes, split_text
from drafting.readers import text_masthead as mh
from drafting.model.numbering import ANNEX_LABEL, forms, paragraph_value, roman
from drafting.readers.text_ocr import LOST_NUMERAL, ROMAN_LOOKALIKE, repair_line

# What may end a paragraph; a comma ends only a preambular paragraph or an enacting formula.
TERMINAL = (".", ":", ";", "!", "?", "…", "”", "»", '"', "’", "。", "；", "：", "！", "？", "؛", "؟")
QUOTE_OPEN = "“«\"„"
QUOTE_CLOSE = "”»\""

# Chapter, section and paragraph numbers take each language's form: ``forms(lang)``.
POINT = re.compile(r"^(?P<num>\((?:[a-z]{1,3}|[ivxl]{1,6})\)|(?:[a-z]{1,3}|[ivxl]{1,6})\))\s+(?P<rest>\S.*)$")
ARABIC_POINT = re.compile(r"^(?P<num>\(?[\u0621-\u064A\u0640]{1,2}\))\s+(?P<rest>\S.*)$")
BULLET = re.compile(r"^(?P<num>[-•–·▪◦])\s+(?P<rest>\S.*)$")
DASH_PREFIX = re.compile(r"^\s*-\s+")
# A table row as Markdown-ish exports print it: "| Pays | Nombre |"; "|---|---|" under a header.
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Block:
    """A run of body lines that forms one paragraph, heading or item."""

    text: str
    line: int
    first_index: int                  # index of its first BodyLine
    last_index: int
    notes_inside: list[FootnoteBody] = field(default_factory=list)
    indent: int = 0
    is_table: bool = False


# -- pass 2: blocks -----------------------------------------------------------------------------


def _is_wrapped(lines: list[BodyLine]) -> bool:
    """Hard-wrapped text (OCR, ``pdftotext``) has many lines of similar, moderate length."""
    lengths = [len(l.text.strip()) for l in lines if l.text.strip()]
    if len(lengths) < 8:
        return False
    long_lines = sum(1 for n in lengths if n > 160)
    moderate = sum(1 for n in lengths if 45 <= n <= 110)
    # Sentences that run on from one line to the next are the surest sign of hard wrapping.
    run_on = sum(1 for a, b in zip(lines, lines[1:])
                 if a.text.strip() and b.text.strip() and not b.gap_before
                 and not _ends_sentence(a.text) and b.text.strip()[:1].islower())
    if long_lines / len(lengths) >= 0.05:
        return False
    return moderate / len(lengths) > 0.5 or run_on >= max(3, len(lengths) // 10)


def _starts_block(text: str, expected: int | None = None, lang: str = "en") -> bool:
    t = DASH_PREFIX.sub("", text.strip())
    f = forms(lang)
    m = f.paragraph.match(t)
    if m and m.group("dot") == ",":
        # "4," opens paragraph 4 only where 4 is the next number; "2011, en marge" is text.
        return expected is not None and int(m.group("num")) == expected
    return bool(
        m or f.chapter.match(t) or f.section.match(t) or POINT.match(t) or BULLET.match(t)
        or ARABIC_POINT.match(t) or ROMAN_LOOKALIKE.match(t) or LOST_NUMERAL.match(t) or t.startswith("**")
    )


_MARK_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹,* \t\u00a0"


def strip_trailing_marks(text: str) -> str:
    """The text without the footnote marks, commas and spaces that trail it (``sent.¹``,
    ``sent.^{2, 3}``, ``sent.**``). A loop from the end, not a regular expression: a pattern that
    repeats a group of repeated characters backtracks exponentially on long runs of spaces."""
    while True:
        text = text.rstrip(_MARK_CHARS)
        if text.endswith("}"):
            start = text.rfind("^{")
            if start != -1 and "}" not in text[start:-1]:
                text = text[:start]
                continue
        return text


def _ends_sentence(text: str) -> bool:
    """Does the text end a sentence (footnote marks after the punctuation aside)?"""
    return strip_trailing_marks(text).endswith(TERMINAL) or text.rstrip().endswith(TERMINAL)


def _join(a: str, b: str) -> str:
    a, b = a.rstrip(), b.strip()
    if a.endswith("-") and b[:1].islower() and len(a) > 1 and a[-2].isalpha():
        return a + b  # a word broken at the line end keeps its hyphen: nothing is lost
    return f"{a} {b}"


def _open_bold(text: str) -> bool:
    """Is a ``**`` bold span opened and not yet closed? (``agenda**`` closes nothing: note marks)"""
    is_open = False
    for m in re.finditer(r"\*\*+", text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not is_open and not after.isspace() and len(m.group()) == 2:
            is_open = True
        elif is_open and not before.isspace():
            is_open = False
    return is_open


def _opens_clause(text: str, lang: str) -> bool:
    """Does the line open a preambular or operative clause ("*Recalling*", "Rappelant")?"""
    if text.startswith("*"):
        return True
    try:
        from drafting.locale import terms

        words = terms(lang).get("preambular", {})
    except Exception:  # noqa: BLE001 - without locale data no clause opening is known
        return False
    return any(text.startswith(w + " ") or text.startswith(w + ",") for w in words)


def group_blocks(lines: list[BodyLine], wrapped: bool, lang: str = "en") -> list[Block]:
    blocks: list[Block] = []
    last_number = 0
    lengths = sorted(len(l.text.strip()) for l in lines if l.text.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    last_line_len = 0
    for i, line in enumerate(lines):
        text = line.text
        if not text.strip():
            continue
        stripped = text.strip()
        prev = blocks[-1] if blocks else None
        merge = False
        number = forms(lang).paragraph.match(DASH_PREFIX.sub("", stripped))
        if number and number.group("dot") == "." and int(number.group("num")) == last_number + 1:
            last_number += 1
        elif number and number.group("dot") == "," and int(number.group("num")) == last_number + 1:
            last_number += 1
        if prev is not None and not _starts_block(stripped, last_number if number else None, lang):
            # A line that opens lower-case runs on; so does one that opens with a figure ("2010")
            # after an unfinished sentence (a paragraph number would have started a block).
            lowercase = stripped[:1].islower() or (stripped[:1].isdigit() and not _ends_sentence(prev.text))
            if _open_bold(prev.text):
                merge = True
            elif wrapped:
                # A line runs on from the previous one when that one was filled to the margin.
                full = last_line_len >= 0.6 * width
                merge = ((not line.gap_before and full) or lowercase
                         or (full and not _ends_sentence(prev.text)))
                # A short line standing alone after a finished sentence is a heading, not more text.
                if line.gap_before and not lowercase and _ends_sentence(prev.text):
                    merge = False
            elif line.gap_before:
                merge = lowercase or (len(prev.text) > 120 and not _ends_sentence(prev.text)
                                      and not (prev.text.endswith(",") and _opens_clause(stripped, lang)))
            if merge and _is_heading_like(prev.text, lang) and not lowercase and not _open_bold(prev.text):
                merge = False
            if merge and line.gap_before and _is_heading_like(stripped, lang) and stripped.isupper():
                merge = False  # a capitalised heading after a paragraph that lacks its full stop
            if merge and prev.text.endswith("**") and not _open_bold(prev.text):
                merge = False  # a title set in bold is complete when its bold closes
        last_line_len = len(stripped)
        if TABLE_ROW.match(stripped):
            if prev is not None and prev.is_table and not line.gap_before:
                prev.text += "\n" + stripped  # rows stay rows
                prev.last_index = i
            else:
                blocks.append(Block(stripped, line.no, i, i, is_table=True))
            continue
        if prev is not None and prev.is_table:
            merge = False
        if merge:
            prev.text = _join(prev.text, stripped)
            prev.last_index = i
            prev.notes_inside.extend(line.notes_before)
        else:
            indent = len(text) - len(text.lstrip())
            blocks.append(Block(stripped, line.no, i, i, indent=indent))
    return blocks


def _is_heading_like(text: str, lang: str = "en") -> bool:
    t = DASH_PREFIX.sub("", text.strip())
    if len(t) > 160 or not t or _ends_sentence(t) or t.endswith(","):
        return False
    f = forms(lang)
    return bool(f.chapter.match(t) or f.section.match(t) or (t.isupper() and len(t) > 3))


# -- language -------------------------------------------------------------------------------------

_STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "et", "à", "en", "une", "que", "qui", "est", "dans", "sur", "au"},
    "en": {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "its"},
    "es": {"el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "con", "para", "una", "se"},
}


def detect_language(text: str) -> str:
    sample = text[:20000]
    if len(re.findall(r"[\u4e00-\u9fff]", sample)) > 50:
        return "zh"
    if len(re.findall(r"[\u0600-\u06ff]", sample)) > 50:
        return "ar"
    if len(re.findall(r"[\u0400-\u04ff]", sample)) > 50:
        return "ru"
    words = re.findall(r"[a-zà-ÿ]+", sample.lower())
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    return max(scores, key=scores.get) if words else "en"


# -- pass 3: masthead and preface -------------------------------------------------------------------


def _looks_like_body_start(block: Block, lang: str) -> bool:
    t = DASH_PREFIX.sub("", block.text)
    f = forms(lang)
    lookalike = ROMAN_LOOKALIKE.match(t)
    if f.chapter.match(t) or LOST_NUMERAL.match(t) or (lookalike and not lookalike.group("tok").isdigit()):
        return True
    if f.paragraph.match(t) and not mh.agenda_item(t):
        return True
    section = f.section.match(t)
    if section and f.section_value(section.group("num")) == 1:
        return True
    if t.endswith(",") and not t.startswith("**") and len(t) > 30 and not mh.is_place_dates(t):
        return True  # an enacting formula: "The General Assembly,"
    if len(t) >= 200 and not t.startswith("**"):
        return True
    return False


def read_front(blocks: list[Block], doc: DocumentBlocks) -> int:
    """Recognise masthead and preface; return the index of the first body block."""
    start = 0
    while start < len(blocks) and not _looks_like_body_start(blocks[start], doc.lang):
        start += 1
    # A capitalised heading right before the first body paragraph belongs to the body.
    if start > 1 and _is_heading_like(blocks[start - 1].text, doc.lang) and blocks[start - 1].text.isupper():
        start -= 1
    front = blocks[:start]

    m = doc.masthead
    pf = doc.preface
    has_masthead = any(
        any(f.name in mh.STRONG_FIELDS for f in (mh.masthead_fields(b.text) or (mh.split_masthead_line(b.text) or ("", []))[1]))
        for b in front if len(b.text) < 200
    )
    organ_candidates: list[Block] = []
    seen_field = False
    rest: list[Block] = []
    for block in front:
        fields = mh.masthead_fields(block.text) if has_masthead and len(block.text) < 200 else None
        lead = (mh.split_masthead_line(block.text)
                if has_masthead and not fields and len(block.text) < 200 and not rest else None)
        if lead:
            organ_candidates.append(Block(lead[0], block.line, block.first_index, block.last_index))
            fields = lead[1]
        if fields:
            seen_field = True
            for f in fields:
                _apply_field(m, f)
            if organ_candidates:
                m.organs.extend(b.text for b in organ_candidates)
                organ_candidates = []
            continue
        if not seen_field and len(block.text) < 200 and not rest:
            organ_candidates.append(block)
            continue
        rest.append(block)
    if organ_candidates:  # no masthead followed them: they are preface lines
        rest = organ_candidates + rest

    kind_key = None
    title_parts: list = []
    notes: list[NoteRef] = []
    seen_kind = False
    for i, block in enumerate(rest):
        text = block.text
        item = mh.agenda_item(text)
        kind = mh.document_kind(text)
        if item and not pf.agenda_text:
            stars = re.search(r"\*+$", text)
            if stars:
                text = text[: stars.start()].rstrip()
                pf.agenda_note = NoteRef(stars.group(), [])
            pf.agenda_text, pf.agenda_item = text, item
        elif pf.agenda_text and pf.agenda_title is None and (
                text.startswith("**") or (not kind and _unclassified_after(rest, i) >= 2)):
            pf.agenda_title = parse_inline(text, notes)
        elif mh.is_session_line(text) and not pf.session_text:
            pf.session_text = text
            pf.session_number = mh.session_number(text)
        elif mh.is_place_dates(text) and not pf.place_dates and (pf.session_text or seen_field):
            pf.place_dates = text
        elif kind:
            key, sponsors = kind
            if not seen_kind:
                kind_key, seen_kind = key, True
                pf.doc_type = text.rpartition(":")[2].strip() if sponsors else text
                pf.sponsors = sponsors
            else:
                pf.doc_type_extra.append(text)
        elif (not pf.session_text and not seen_kind and not title_parts and seen_field
              and i + 1 < len(rest) and mh.is_session_line(rest[i + 1].text)):
            pf.body = text  # the subsidiary body named above the session line
        elif pf.title is None:
            pf.title = parse_inline(text, notes)
            title_parts.append(text)
        else:
            pf.extra.append(parse_inline(text, notes))
    doc.kind = mh.kind_of(kind_key, plain_text(pf.title or []))
    if not seen_field:
        doc.note("warning", "no masthead: no symbol, Distr., date or Original line was found", blocks[0].line if blocks else None, "no-masthead")
        from drafting.locale import find_dates

        for block in front:
            for _s, _e, found, _un in find_dates(block.text, doc.lang):
                doc.inferred_date = found  # type: ignore[attr-defined]
                break
            if getattr(doc, "inferred_date", None):
                break
    return start


def _unclassified_after(rest: list[Block], i: int) -> int:
    """How many preface lines from ``i`` on are neither a document kind nor a session line."""
    return sum(1 for b in rest[i:] if not mh.document_kind(b.text) and not mh.is_session_line(b.text))


def _apply_field(m, f: mh.MastheadField) -> None:
    mh.apply_field(m, f)
    if f.name == "symbol" and f.text.endswith("*"):
        m.symbol_note = NoteRef("*", [])  # the agenda note's reference is the star on the symbol


# -- pass 4: body ---------------------------------------------------------------------------------


@dataclass
class _ListState:
    owner: Para
    next_num: int
    after_cross: bool = False
    last_item: Point | None = None


class BodyAssembler:
    def __init__(self, doc: DocumentBlocks, notes: list[NoteRef]) -> None:
        self.doc = doc
        self.notes = notes
        self.out: list = []
        self.expected: int | None = None
        self.last_para: Para | None = None
        self.list: _ListState | None = None
        self.pending_cross: list[Heading] = []
        self.last_section: int | None = None
        self.block_owner: dict[int, object] = {}   # block index -> Para/Point/Heading it became
        self.annex: Heading | None = None          # the annex being read, until its title is known

    def inline(self, text: str) -> list:
        return parse_inline(text, self.notes)

    def add(self, index: int, block: Block) -> None:
        text = block.text
        line = block.line
        f = forms(self.doc.lang)
        if block.is_table:
            self._table(index, block)
            return
        m = ANNEX_LABEL.match(text) if len(text) < 120 else None
        if m and not m.group("title"):
            # An annex numbers its chapters and paragraphs afresh; its label ("Annex II") is its
            # number, the title printed under it its heading.
            self.annex = Heading("annex", text, [], line)
            self._heading(index, self.annex)
            self.expected, self.last_para, self.last_section = None, None, None
            return
        if self.annex is not None and not self.annex.text and self._is_cross_heading(text):
            self.annex.text = self.inline(text)
            self.block_owner[index] = self.annex
            return

        m = f.chapter.match(text)
        if m and (len(text) < 200 or not _ends_sentence(text)):
            self._heading(index, Heading("chapter", m.group("num"), self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = ROMAN_LOOKALIKE.match(text) if f.chapter_numerals is None else None
        if m and not m.group("tok").isdigit() and len(text) < 200 and not _ends_sentence(text):
            self._heading(index, Heading("chapter", "?" + m.group("tok"), self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = LOST_NUMERAL.match(block.text)
        if m and len(text) < 200:
            self._heading(index, Heading("chapter", "?", self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = f.section.match(text)
        if m and len(text) < 400 and not _ends_sentence(text) and self._section_expected(f.section_value(m.group("num"))):
            self._heading(index, Heading("section", m.group("num"), self.inline(m.group("rest")), line))
            self.last_section = f.section_value(m.group("num"))
            return
        m = f.paragraph.match(text)
        if m:
            self._numbered(index, block, int(m.group("num")), m.group("dot"), m.group("rest"))
            return
        m = POINT.match(text) or ARABIC_POINT.match(text)
        if m and (self.last_para is not None or self.list is not None):
            self._point(index, m.group("num"), m.group("rest"), line)
            return
        m = BULLET.match(text)
        if m and self.last_para is not None:
            self._point(index, m.group("num"), m.group("rest"), line, bullet=True)
            return
        if self._is_cross_heading(text):
            heading = Heading("crossHeading", None, self.inline(text), line)
            if self.list is not None:
                self.list.owner.points.append(heading)
                self.list.after_cross = True
                self.block_owner[index] = self.list.owner
            elif text.isupper():
                self._heading(index, Heading("chapter", None, self.inline(text), line))
            else:
                self.pending_cross.append(heading)
                self.block_owner[index] = heading
            return
        self._plain(index, text, line)

    # -- pieces

    def _table(self, index: int, block: Block) -> None:
        rows, header_rows = [], 0
        for row in block.text.split("\n"):
            if TABLE_RULE.match(row):
                header_rows = len(rows)  # the rule closes the header
                continue
            cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
            rows.append([self.inline(cell.strip()) for cell in cells])
        self._flush_cross()
        self.list = None
        para = Para(None, [], line=block.line, table=rows, header_rows=header_rows)
        self.out.append(para)
        self.block_owner[index] = para

    def _heading(self, index: int, heading: Heading) -> None:
        if self.annex is not heading:
            self.annex = None if self.annex is None or self.annex.text else self.annex
        self._flush_cross()
        self.list = None
        self.out.append(heading)
        self.block_owner[index] = heading

    def _flush_cross(self) -> None:
        self.out.extend(self.pending_cross)
        self.pending_cross = []

    def _section_expected(self, value: int | None) -> bool:
        """A section opens with A (ألف) or takes the letter after the last one."""
        if value == 1:
            return True
        return value is not None and self.last_section is not None and value == self.last_section + 1

    def _numbered(self, index: int, block: Block, n: int, dot: str, rest: str) -> None:
        line = block.line
        if self.list is not None and (n == self.list.next_num or (n == 1 and self.list.after_cross)):
            self._list_item(index, n, rest, line)
            return
        if dot == "," and self.expected is not None and n != self.expected:
            # "4," is a paragraph number only where the sequence expects it.
            self._plain(index, block.text, line)
            return
        is_heading = len(rest) < 120 and not _ends_sentence(rest) and n != self.expected
        if is_heading:
            self._heading(index, Heading("subsection", f"{n}.", self.inline(rest), line))
            return
        if self.expected is not None and n < self.expected and self.last_para is not None \
                and plain_text(self.last_para.text).rstrip().endswith(":"):
            self.list = _ListState(self.last_para, 1)
            self.last_para.points.extend(self.pending_cross)
            self.pending_cross = []
            self._list_item(index, n, rest, line)
            return
        if self.expected is not None and n < self.expected:
            self.doc.note("warning", f"paragraph {n} out of sequence (expected {self.expected})", line, "sequence")
        if dot == ",":
            self.doc.note("info", f"OCR repair: paragraph number '{n},' read as '{n}.'", line, "ocr-repair")
        self._flush_cross()
        self.list = None
        para = Para(forms(self.doc.lang).paragraph_label(n, dot), self.inline(rest), line=line)
        self.out.append(para)
        self.last_para = para
        self.block_owner[index] = para
        self.expected = n + 1

    def _list_item(self, index: int, n: int, rest: str, line: int) -> None:
        item = Point(f"{n}.", self.inline(rest), line=line)
        self.list.owner.points.append(item)
        self.list.next_num = n + 1
        self.list.after_cross = False
        self.list.last_item = item
        self.block_owner[index] = item

    def _point(self, index: int, label: str, rest: str, line: int, bullet: bool = False) -> None:
        point = Point(label, self.inline(rest), line=line)
        if self.list is not None and self.list.last_item is not None and not bullet:
            self.list.last_item.points.append(point)
        else:
            owner = self.last_para
            roman_label = re.sub(r"[()]", "", label)
            letters = [p for p in owner.points if isinstance(p, Point) and p.num and re.sub(r"[()]", "", p.num).isalpha()]
            if (letters and re.fullmatch(r"[ivxl]+", roman_label)
                    and not _next_letter(letters[-1].num, label)):
                letters[-1].points.append(point)
            else:
                owner.points.append(point)
        self.block_owner[index] = point

    def _is_cross_heading(self, text: str) -> bool:
        if len(text) > 150 or _ends_sentence(text) or text.endswith(",") or text[:1] in QUOTE_OPEN:
            return False
        if not (text[:1].isupper() or text[:1].isdigit()):
            return False
        return len(text.split()) <= 16

    def _plain(self, index: int, text: str, line: int) -> None:
        if self.list is not None and len(text) < 400:
            # An item whose number was lost: it takes the next number of the list.
            self._list_item(index, self.list.next_num, text, line)
            self.list.last_item.num = None
            return
        self._flush_cross()
        role = "quote" if text[:1] in QUOTE_OPEN and text.rstrip(".;,")[-1:] in QUOTE_CLOSE else "paragraph"
        para = Para(None, self.inline(text), line=line, role=role)
        self.out.append(para)
        if role == "paragraph":
            self.last_para = para
        self.block_owner[index] = para

    def finish(self) -> list:
        self._flush_cross()
        return self.out


def _next_letter(prev: str | None, label: str) -> bool:
    """Is ``label`` the letter after ``prev`` (so ``i)`` after ``h)`` is a letter, not a numeral)?"""
    if not prev:
        return False
    a, b = re.sub(r"[()]", "", prev), re.sub(r"[()]", "", label)
    return len(a) == 1 and len(b) == 1 and ord(b) == ord(a) + 1


# -- pass 5: inference --------------------------------------------------------------------------------


def segments(body: list) -> list[list]:
    """The main text and each annex: the stretches in which numbers run on."""
    parts: list[list] = [[]]
    for item in body:
        if isinstance(item, Heading) and item.level == "annex":
            parts.append([])
        parts[-1].append(item)
    return parts


def infer_paragraph_numbers(doc: DocumentBlocks) -> None:
    for part in segments(doc.body):
        _infer_paragraph_numbers(doc, part)
    _infer_list_items(doc)


def _infer_paragraph_numbers(doc: DocumentBlocks, body: list) -> None:
    """Unnumbered paragraphs that fill a gap in the numbering take the missing numbers."""
    paras = [p for p in body if isinstance(p, Para) and p.role == "paragraph" and p.table is None]
    numbered = [(i, paragraph_value(p.num)) for i, p in enumerate(paras) if paragraph_value(p.num) is not None]
    if not numbered:
        return
    anchors = [(-1, 0)] + numbered
    for (i, a), (j, b) in zip(anchors, anchors[1:]):
        run = [p for p in paras[i + 1:j] if p.num is None and not _is_list_intro(p)]
        if run and len(run) == b - a - 1:
            printed = paras[j].num  # the numbers around a gap show the form: "12." or "12 -"
            for k, para in enumerate(run, start=a + 1):
                para.num, para.num_inferred = re.sub(r"^\d+", str(k), printed), True
                doc.note("warning", f"paragraph number {k} was not printed; inferred from the sequence", para.line, "inferred-number")
        elif b - a - 1 > 0 and i >= 0:
            doc.note("warning", f"paragraph numbers jump from {a} to {b}", paras[j].line, "sequence")


def _is_list_intro(para: Para) -> bool:
    return bool(para.points) and any(isinstance(p, Point) and p.num and p.num.endswith(".") for p in para.points)


def _infer_list_items(doc: DocumentBlocks) -> None:
    for para in (p for p in doc.body if isinstance(p, Para)):
        expected = 1
        for item in para.points:
            if isinstance(item, Heading):
                expected = 1
                continue
            if item.num is None and _is_list_intro(para):
                item.num, item.num_inferred = f"{expected}.", True
                doc.note("warning", f"list item number {expected} was not printed; inferred from the sequence", item.line, "inferred-number")
            if item.num and paragraph_value(item.num) is not None:
                expected = paragraph_value(item.num) + 1


def infer_chapters(doc: DocumentBlocks) -> None:
    """Lost or misread chapter numbers are restored from the sequence I, II, III...

    First the chapters whose numeral was lost (`` . Introduction``) or misread (``[11.``) take the
    numeral the sequence allows; then top-level cross-headings that stand exactly where chapters
    are missing between two known numerals (II between I and III) become those chapters.
    """
    for part in segments(doc.body):
        _infer_chapters(doc, part)


def _infer_chapters(doc: DocumentBlocks, body: list) -> None:
    f = forms(doc.lang)
    tops = [h for h in body if isinstance(h, Heading) and h.level in ("chapter", "crossHeading")]
    if not any(h.level == "chapter" and h.num for h in tops):
        return
    value = 0
    for h in tops:
        if h.level != "chapter" or not h.num:
            continue
        if not h.num.startswith("?"):
            value = f.chapter_value(h.num) or value
            continue
        token = h.num[1:]
        want = value + 1
        if token:
            candidates = [n for n in range(value + 1, value + 8) if len(roman(n)) == len(token)]
            want = candidates[0] if candidates else want
        h.num, h.num_inferred = f.chapter_label(want), not token
        what = f"'{token}.' read as '{h.num}'" if token else f"lost chapter number restored as '{h.num}'"
        doc.note("warning", f"OCR repair: {what}", h.line, "ocr-repair" if token else "inferred-number")
        value = want
    known = [(k, f.chapter_value(h.num)) for k, h in enumerate(tops)
             if h.level == "chapter" and f.chapter_value(h.num)]
    for (k1, v1), (k2, v2) in zip(known, known[1:]):
        between = [h for h in tops[k1 + 1:k2] if h.level == "crossHeading"]
        if between and len(between) == v2 - v1 - 1:
            for offset, h in enumerate(between, start=1):
                h.level, h.num, h.num_inferred = "chapter", f.chapter_label(v1 + offset), True
                doc.note("warning", f"lost chapter number restored as '{h.num}' from the sequence", h.line, "inferred-number")


# -- footnotes ----------------------------------------------------------------------------------------


def attach_footnotes(doc: DocumentBlocks, refs: list[NoteRef], bodies: list[FootnoteBody],
                     blocks: list[Block], owners: dict[int, object]) -> None:
    """Give every reference its body (references and bodies of one marker pair in order) and
    keep every body nobody refers to beside the paragraph it was printed under."""
    by_marker: dict[str, list[FootnoteBody]] = {}
    for body in bodies:
        by_marker.setdefault(body.marker, []).append(body)
    taken: dict[str, int] = {}
    used: set[int] = set()
    for ref in refs:
        k = taken.get(ref.marker, 0)
        candidates = by_marker.get(ref.marker, [])
        if k < len(candidates):
            body = candidates[k]
            taken[ref.marker] = k + 1
            used.add(id(body))
            ref.body = [parse_inline(body.text, [])]
            ref.line = body.line
        else:
            doc.note("warning", f"footnote reference {ref.marker} has no footnote text", None, "note-without-body")
            ref.body = [[f"[{ref.marker}]"]]
    starts = [block.first_index for block in blocks]
    for body in bodies:
        if id(body) in used:
            continue
        owner = _host_of(body, starts, owners)
        note = NoteRef(body.marker, [parse_inline(body.text, [])], anchored=False, line=body.line)
        if owner is not None:
            owner.text.append(note)
        else:
            doc.body.append(Para(None, [note], line=body.line))
        doc.note("warning", f"footnote {body.marker} has no reference in the text; kept at the end of the "
                            f"paragraph it was printed under", body.line, "unanchored-note")


def _host_of(body: FootnoteBody, starts: list[int], owners: dict[int, object]):
    """The paragraph printed just above a footnote body (the one its page break cut)."""
    i = bisect.bisect_right(starts, body.flow_index) - 1
    while i >= 0:
        owner = owners.get(i)
        if isinstance(owner, (Para, Point)):
            return owner
        i -= 1
    return None


def anchor_plain_digit_references(blocks: list[Block], bodies: list[FootnoteBody], doc: DocumentBlocks) -> None:
    """A reference printed as plain digits (`` 15;`` after a closing quote) is a footnote mark
    when its body exists, no superscript mark carries it, and it stands after the previous
    footnote's mark and before its own body."""
    starts = [block.first_index for block in blocks]
    referenced = set()
    for block in blocks:
        for ref in re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{[\d,\s]+\}", block.text):
            from drafting.readers.text_inline import note_markers

            referenced.update(note_markers(ref.strip("^{}")) or [])
    for body in bodies:
        if body.marker in referenced or not body.marker.isdigit():
            continue
        pattern = re.compile(r"(?<=[”\"»’])\s?" + body.marker + r"(?=[;,.:\s)])"
                             r"|(?<=[a-zà-ÿ])" + body.marker + r"(?=[;,.:\s)]|$)"
                             r"|(?<=[a-zà-ÿ)][.,;:])" + body.marker + r"(?=\s|$)")
        last = bisect.bisect_right(starts, body.flow_index) - 1
        for block in (blocks[i] for i in range(last, -1, -1)):
            m = pattern.search(block.text)
            if m:
                block.text = block.text[: m.start()] + "^{" + body.marker + "}" + block.text[m.end():]
                referenced.add(body.marker)
                doc.note("info", f"reference to footnote {body.marker} printed as plain digits; anchored there",
                         block.line, "plain-digit-reference")
                break
            if body.flow_index - block.last_index > 40:
                break


# -- resolutions ------------------------------------------------------------------------------------


def split_preamble(doc: DocumentBlocks) -> None:
    """In a resolution, the paragraphs before the first numbered one form the preamble."""
    if doc.kind not in ("resolution", "resolutionDraft", "decision", "decisionDraft"):
        return
    first_numbered = next((i for i, p in enumerate(doc.body) if isinstance(p, Para) and p.num), None)
    if first_numbered is None:
        return
    head = doc.body[:first_numbered]
    if any(isinstance(h, Heading) for h in head):
        return
    for k, para in enumerate(head):
        para.role = "formula" if k == 0 and plain_text(para.text).rstrip().endswith(",") else "preambular"
        if para.role == "preambular":
            _italicise_opening(para, doc.lang)
    doc.preamble = head
    doc.body = doc.body[first_numbered:]


def _italicise_opening(para: Para, lang: str) -> None:
    """Preambular openings are printed in italics; extracted text lost them."""
    if not para.text or not isinstance(para.text[0], str):
        return
    try:
        from drafting.locale import terms
        openings = sorted(terms(lang).get("preambular", {}), key=len, reverse=True)
    except Exception:  # noqa: BLE001 - no locale data: leave the text as printed
        return
    first = para.text[0]
    for opening in openings:
        if first.startswith(opening + " ") or first.startswith(opening + ","):
            para.text[0:1] = [Styled("i", [opening]), first[len(opening):]]
            return


# -- the reader ---------------------------------------------------------------------------------------


def parse_text(text: str, name: str = "input", lang: str | None = None) -> DocumentBlocks:
    lines = text.split("\n")
    split = split_text(lines)
    lang = lang or _masthead_language(split.body) or detect_language(text)
    doc = DocumentBlocks(kind="", lang=lang, source_name=name)

    for f in split.furniture:
        doc.note("info", f"page furniture removed ({f.kind}): {f.text}", f.line, "furniture")

    dash_lines = sum(1 for l in split.body if re.match(r"^\s*-\s+\d{1,3}\.\s", l.text))
    plain_numbered = sum(1 for l in split.body if re.match(r"^\s*\d{1,3}\.\s", l.text))
    if dash_lines > plain_numbered and dash_lines >= 3:
        # Exports that put "- " before every numbered paragraph: the dash is not a bullet.
        for l in split.body:
            l.text = DASH_PREFIX.sub("", l.text)
        doc.note("info", f"'- ' list markers before {dash_lines} paragraphs removed", None, "export-marker")

    for l in split.body:
        if TABLE_ROW.match(l.text):
            continue  # the bars of a table are not OCR noise
        repaired, done = repair_line(l.text, lang)
        if done:
            l.text = repaired
            for what in done:
                doc.note("info", f"OCR repair: {what}", l.no, "ocr-repair")

    wrapped = _is_wrapped(split.body)
    blocks = group_blocks(split.body, wrapped, lang)
    refs_text = {m for b in blocks for m in re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", b.text)}
    from drafting.readers.text_inline import superscript_to_digits

    adopt_plain_digit_notes(split, {superscript_to_digits(r) for r in refs_text})
    anchor_plain_digit_references(blocks, split.notes, doc)

    start = read_front(blocks, doc)
    if not doc.masthead.symbol and split.running_symbol:
        doc.masthead.symbol = split.running_symbol
        doc.note("info", f"symbol {split.running_symbol} taken from the running heads", None, "symbol-from-running-head")
    if split.job_number and not doc.masthead.job_number:
        doc.masthead.job_number = split.job_number
    for note in [n for n in split.notes if set(n.marker) == {"*"}]:
        # A star note belongs to the mark that carries it: the symbol's or the agenda line's.
        marks = [ref for ref in (doc.masthead.symbol_note, doc.preface.agenda_note)
                 if ref is not None and ref.marker == note.marker and not ref.body]
        if not marks and note.marker == "*" and doc.masthead.symbol_note is None:
            doc.masthead.symbol_note = NoteRef("*", [], line=note.line)  # a symbol's note, mark unprinted
            marks = [doc.masthead.symbol_note]
        if marks:
            marks[0].body, marks[0].line = [parse_inline(note.text, [])], note.line
        else:
            doc.note("warning", f"footnote {note.marker} has no reference in the text", note.line, "unanchored-note")

    refs: list[NoteRef] = []
    assembler = BodyAssembler(doc, refs)
    for i in range(start, len(blocks)):
        assembler.add(i, blocks[i])
    doc.body = assembler.finish()
    if not doc.kind:
        has_numbers = any(isinstance(p, Para) and p.num for p in doc.body)
        doc.kind = "report" if has_numbers else "note"

    infer_chapters(doc)
    infer_paragraph_numbers(doc)
    attach_footnotes(doc, refs, [n for n in split.notes if set(n.marker) != {"*"}], blocks, assembler.block_owner)
    split_preamble(doc)
    for para in doc.body:
        if isinstance(para, Para):
            para.text = merge_strings(para.text)
    return doc


def _masthead_language(body: list[BodyLine]) -> str | None:
    names = mh.vocabulary().language_lines
    for line in body[:15]:
        if not any(word.lower() in names for word in re.findall(r"[^\W\d_]+", line.text[:200])):
            continue
        fields = mh.masthead_fields(line.text) if len(line.text) < 200 else None
        for f in fields or []:
            if f.name == "language":
                return f.value
    return None


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    text = decode_text(data, name)
    doc = parse_text(text, name, lang)
    built = build_akn(doc)
    return ReadResult(root=built.root, diagnostics=doc.diagnostics, source_lines=built.source_lines)
