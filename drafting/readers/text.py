"""Reader for plain text as people have it: PDF-extracted text (``pdftotext`` in its plain and
``-layout`` modes), Markdown-ish exports, OCR.

Plain text knows only its characters: this reader turns them into printed ``Line``s (page breaks
from form feeds, blank lines as gaps; in ``-layout`` text also each line's indent, and the columns
of a masthead or a page foot taken apart) and leaves the structure to the passes every reader
shares (``drafting.readers.passes``).
"""

from __future__ import annotations

import re

from drafting.io import decode_text
from drafting.model.blocks import DocumentBlocks
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.lines import Line
from drafting.readers.passes import read_lines
from drafting.readers.passes.language import arabic_in_reading_order
from drafting.readers.text_tables import POINTS_PER_COLUMN, layout_tables
from drafting.regex import lazy_compile

# Columns side by side (the masthead, a page foot) stand at least this many spaces apart.
COLUMN_GAP = lazy_compile(r"\S(?P<gap> {8,})\S")
# Two spaces or more between printed characters (the first space first: a search skips to it).
_GAP_SPACES = " " * 8
INNER_SPACES = lazy_compile(r" (?<=\S ) +(?=\S)")
# A number or label printed alone on its line: extraction breaks the line at the tab that follows
# a paragraph number ("1." then the text), a chapter numeral or a point label.
# (an issuance numbers its paragraphs 1.1, 1.2 ... under its sections: never 24.0 or 8.000)
PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d{1,4}\.|[1-9]\d?\.[1-9]\d?\.?)\s*$")
LONE_LABEL = re.compile(r"^\s*(?:\d{1,4}\.|[1-9]\d?\.[1-9]\d?\.?|\d{1,4} -|[IVXL]{1,6}\.|[A-Z]\.|\((?:[a-z]{1,3}|[ivxl]{1,6})\)|(?:[a-z]|[ivx]{1,4})\))\s*$")


def is_layout(lines: list[str]) -> bool:
    """Text printed by ``pdftotext -layout``: lines set off from the left and columns apart."""
    printed = [l for l in lines if l and not l.isspace()]   # (l.strip() without a copy of each line)
    if len(printed) < 10:
        return False
    indented = len([l for l in printed if l[:3] == "   "])
    return indented / len(printed) > 0.3


# Bidirectional embedding marks that pdftotext wraps around right-to-left lines and the numbers
# in them: they carry no text, and a page marker "‫2/21‬" must still read as one.
BIDI_MARKS = lazy_compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BIDI_MARK_CHARS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def text_lines(text: str) -> list[Line]:
    """The printed lines of a text, with what the text can tell about each."""
    # (a substring test per mark costs less than the pattern's scan, where none stands: most texts)
    if any(mark in text for mark in _BIDI_MARK_CHARS):
        text = BIDI_MARKS.sub("", text)
        # (the marks stand around right-to-left lines: a text without them holds no Arabic line
        # that extraction printed in glyph order)
        text = arabic_in_reading_order(text)
    raw = text.split("\n")
    layout = is_layout(raw[:3000])
    out: list[Line] = []
    page, gap, page_break = 1, False, False
    block: list[tuple[int, list[tuple[int, str]]]] = []   # side-by-side lines of page 1, pending

    def emit(no: int, columns: list[tuple[int | None, str]]) -> None:
        nonlocal page_break, gap
        for indent, part in columns:
            out.append(Line(part, no, page, page_break, gap, None if indent is None else indent * POINTS_PER_COLUMN))
            page_break, gap = False, False

    def flush() -> None:
        # Two columns side by side (the masthead, a joint document's two agenda blocks) are
        # read as pdftotext reads them without -layout: the left column, then the right one.
        if len(block) >= 2:
            for no, columns in block:
                emit(no, columns[:1])
            for no, columns in block:
                emit(no, columns[1:])
        else:
            for no, columns in block:
                emit(no, columns)
        block.clear()

    tables = layout_tables(raw) if layout else {}
    skip = 0
    for no, chunk in enumerate(raw, start=1):
        if not layout and "\f" not in chunk:  # one column, no page break (most lines): as below, inlined
            piece = chunk.rstrip()
            if not piece:
                gap = gap or not page_break
            else:
                out.append(Line(piece, no, page, page_break, gap))
                page_break, gap = False, False
            continue
        if no <= skip:
            continue
        if no - 1 in tables:
            # a table of figures: its rows as a pipe table (``drafting.readers.text_tables``)
            flush()
            skip, rows = tables[no - 1]
            gap = True
            emit(no, [(len(raw[no - 1]) - len(raw[no - 1].lstrip(" ")), row) for row in rows])
            continue
        for k, piece in enumerate(chunk.split("\f") if "\f" in chunk else (chunk,)):
            if k:
                flush()
                page, page_break, gap = page + 1, True, False
            if not piece or piece.isspace():   # (not piece.strip(): no copy of an indented line)
                if block:
                    flush()
                gap = gap or (k == 0 and not page_break)
                continue
            if not layout:  # one column, no indent: the line as it is (emit, inlined)
                out.append(Line(piece.rstrip(), no, page, page_break, gap))
                page_break, gap = False, False
                continue
            left = piece.lstrip(" ")   # (a gap is looked for in it with ``in``: no arguments parsed, as find's are)
            if _GAP_SPACES not in left:
                # one column (most lines): _columns, the flush and emit below, inlined (the
                # piece is not blank: its text is not)
                if block:
                    flush()
                text = left.rstrip()
                out.append(Line(INNER_SPACES.sub(" ", text) if "  " in text else text, no, page, page_break, gap,
                                (len(piece) - len(left)) * POINTS_PER_COLUMN))
                page_break, gap = False, False
                continue
            columns = _columns(piece)
            if page == 1 and len(columns) == 2 and (not block or abs(block[0][1][0][0] - columns[0][0]) <= 6):
                block.append((no, columns))
                continue
            if block:
                flush()
            if len(columns) == 1:  # one column (most lines): emit, inlined
                indent, part = columns[0]
                out.append(Line(part, no, page, page_break, gap, indent * POINTS_PER_COLUMN))
                page_break, gap = False, False
            else:
                emit(no, columns)
    flush()
    return join_lone_labels(out)


# what a page's foot prints between a label and its text in plain pdftotext: the page number
# ("18", "13/17") or the job number ("25-16438", "25-16438 (E)")
LONE_POINT = lazy_compile(r"^\s*(?:\((?:[a-z]{1,3}|[ivxl]{1,6})\)|(?:[a-z]|[ivx]{1,4})\))\s*$")
LONE_HEADING = lazy_compile(r"^\s*(?:[IVXL]{1,6}|[A-Z])\.\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|\d{1,3}/\d{1,3}|\d{2}-\d{5}(?:\s*\([A-Z]\))?)\s*$")


def join_lone_labels(lines: list[Line]) -> list[Line]:
    """Put a number printed alone on its line back in front of the text that follows it."""
    # a label is at most eight characters long: only short lines are matched, each once
    at = [k for k, l in enumerate(lines) if len(l.text.strip()) <= 8 and LONE_LABEL.match(l.text)]
    if not at:
        return list(lines)
    label = set(at)   # the indexes of the lines that hold a label alone
    out: list[Line] = []
    n = len(lines)
    k = 0
    for j in at:
        # every case below opens with a label (most lines open with none): the lines up to the
        # next label go as they are, at once
        if j < k:
            continue   # (taken with the label before)
        out.extend(lines[k:j])
        k = j
        while k < n and k in label:
            k = _join_lone_label(lines, k, label, out)
    out.extend(lines[k:])
    return out


def _join_lone_label(lines: list[Line], k: int, label: set[int], out: list[Line]) -> int:
    """``join_lone_labels`` at the label of line ``k``: its lines added to ``out``, the index of
    the line after them."""
    n = len(lines)
    line = lines[k]
    nxt = lines[k + 1] if k + 1 < n else None
    if (k + 3 < n and k + 1 in label and k + 2 not in label and k + 3 not in label
            and LONE_POINT.match(line.text) and LONE_HEADING.match(nxt.text)
            and not any(x.page_break_before for x in lines[k + 1:k + 4])):
        # "(h)" / "V." / "Consumer product reviews." / "Risk assessment and management": the
        # labels' column first, then the texts: the page's last point, then the next heading
        for lab, text in ((line, lines[k + 2]), (nxt, lines[k + 3])):
            out.append(Line(lab.text.strip() + " " + text.text.lstrip(), lab.no, lab.page,
                            page_break_before=lab.page_break_before, gap_before=lab.gap_before,
                            indent=lab.indent))
        return k + 4
    if (k + 2 < n and k + 2 not in label and PAGE_NUMBER.match(nxt.text)
            and not PAGE_NUMBER.match(lines[k + 2].text)
            and not nxt.page_break_before and not lines[k + 2].page_break_before):
        # "(b)" / "18" / "The Co-Chairs ...": plain pdftotext prints the page's number (or job
        # number) between the label of the page's last item and its text; it stays after them
        after = lines[k + 2]
        out.append(Line(line.text.strip() + " " + after.text.lstrip(), line.no, line.page,
                        page_break_before=line.page_break_before, gap_before=line.gap_before,
                        indent=line.indent))
        out.append(nxt)
        return k + 3
    a = k + 2
    while a < n and a < k + 5 and PAGE_NUMBER.match(lines[a].text) and not lines[a].page_break_before:
        a += 1
    if (a < n and PARAGRAPH_NUMBER.match(line.text) and nxt.text.strip()[:1].islower()
            and len(nxt.text.strip()) < 40 and lines[a].gap_before and lines[a].text.strip()[:1].isupper()
            and a not in label and not nxt.page_break_before and not lines[a].page_break_before):
        # "69." / "follows:" / "Decides that ... will be as": a paragraph opens with a capital;
        # the short line in lower case is its wrapped end that extraction printed first (a
        # page's foot may stand between them)
        after = lines[a]
        out.extend(lines[k + 2:a])
        out.append(Line(line.text.strip() + " " + after.text.lstrip(), line.no, line.page,
                        page_break_before=line.page_break_before, gap_before=line.gap_before,
                        indent=line.indent))
        out.append(nxt)
        return a + 1
    if (nxt is not None and k + 1 not in label
            and not nxt.page_break_before and not PAGE_NUMBER.match(nxt.text)):
        # (a paragraph's number alone on its line stands where the paragraph opens, after a
        # blank line or not: plain pdftotext sets none between a heading and paragraph 1.)
        out.append(Line(line.text.strip() + " " + nxt.text.lstrip(), line.no, line.page,
                        page_break_before=line.page_break_before,
                        gap_before=line.gap_before or PARAGRAPH_NUMBER.match(line.text) is not None,
                        indent=line.indent))
        return k + 2
    out.append(line)
    return k + 1


def _columns(line: str) -> list[tuple[int, str]]:
    """The columns of a ``-layout`` line, each with the column it starts at."""
    parts: list[tuple[int, str]] = []
    left = line.lstrip(" ")
    start = len(line) - len(left)
    pos = start
    if _GAP_SPACES not in left:  # no gap wide enough between columns: one column
        # (the line from its first character, already cut, without its trailing spaces: a text
        # left that ends in a printed character is not blank)
        text = left.rstrip()
        return [(start, INNER_SPACES.sub(" ", text) if "  " in text else text)] if text else []
    for m in COLUMN_GAP.finditer(line, start):
        end = m.start("gap")
        parts.append((pos, line[pos:end]))
        pos = m.end("gap")
    parts.append((pos, line[pos:].rstrip()))
    return [(col, INNER_SPACES.sub(" ", text) if "  " in text else text) for col, text in parts if text.strip()]


def parse_text(text: str, name: str = "input", lang: str | None = None) -> DocumentBlocks:
    return read_lines(text_lines(text), name, lang)


def read(data: bytes | str, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    # str: text the caller has decoded and cleaned already (commands keep it for findings)
    text = data if isinstance(data, str) else decode_text(data, name)
    doc = parse_text(text, name, lang)
    built = build_akn(doc)
    return ReadResult(root=built.root, diagnostics=doc.diagnostics, source_lines=built.source_lines)
