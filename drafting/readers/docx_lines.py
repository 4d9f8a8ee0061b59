"""DOCX reader, second half for Word files from elsewhere: paragraphs as printed lines.

Most Word files from outside the secretariat use ``Normal`` for everything, so structure comes
from content, as for a PDF: each Word paragraph becomes a ``Line`` carrying what Word knows and
the shared passes (``drafting.readers.passes.read_lines``) find the masthead, the preamble, the
numbers and the headings. What Word knows travels as a PDF's facts would:
- a Word paragraph that is a paragraph stands apart (``gap_before``), space or none between
  paragraphs, and says it opens one (``opens_paragraph``: even where the one before stops
  mid-sentence, as a PDF's page foot would not); in a file that keeps each printed line as a paragraph (a text file opened in
  Word, pandoc's Markdown of it) only space beyond the usual does, and its lines are unwrapped
  as a PDF's are; a page break as ``page_break_before``;
- a line break (Shift+Enter) ends a printed line: the lines after it follow without a gap,
  as a PDF's wrapped lines (a masthead typed in one paragraph, its lines apart);
- the number Word auto-numbering prints is written before the text, as printed (a list's
  ``a.`` and ``i.`` as ``a)`` and ``i)``, the form the passes read as a point's), a bullet as
  ``•``;
- italic and bold runs as ``*..*`` and ``**..**``, footnote references and raised text typed
  by hand (a call, ``4^{th}``) as ``^{..}``;
- a heading style (Word's ``Heading n``, the UN's ``_ H _Ch_G`` ...) or an all-bold paragraph
  as ``bold``; left indent and alignment as ``indent`` and ``centered``;
- each footnote's text as a ``zone="note"`` line with its ``note_marker``, right after the
  paragraph that calls it (where a page would print it);
- table rows as ``| cell | cell |`` lines, but a table of a few short rows before any text
  (a masthead laid out in cells) cell by cell; text boxes and content controls where they
  stand;
- the first-page header's lines first (UN templates print the masthead there), or where it
  prints nothing the next pages' header (the symbol at their top); the first-page footer's job
  number, barcode and print stamp at the first page's foot.
"""

from __future__ import annotations

import re
from collections import Counter

from drafting.model.blocks import NoteRef, plain_text
from drafting.readers.docx_parse import LINE_BREAK, ParsedDocx, Record, Token
from drafting.readers.lines import Line
from drafting.readers.passes.furniture import kind_of
from drafting.readers.passes.language import extracted_lines_in_reading_order
from drafting.readers.text import join_lone_labels

RULE_TEXT = "_" * 15       # a drawn horizontal rule, as text prints it
LINE_OF_PRINT = 160       # characters: longer than any line a page prints
BULLET = "•"
HEADING_ROLES = {"chapter", "section", "subsection", "crossHeading", "annex"}
TITLE_STYLES = {"title", "subtitle"}     # (style keys)
FOOT_FURNITURE = {"job-number", "barcode", "stamp"}


def docx_lines(parsed: ParsedDocx) -> list[Line]:
    out: list[Line] = []
    for rec in parsed.header_records:
        for k, text in enumerate(render_lines(rec.tokens)):
            if text.strip():
                out.append(Line(text, len(out) + 1, gap_before=not k, bold=rec.all_bold or None,
                                centered=rec.centered or None))
    headed = len(out)     # the lines of the first page's header come first
    space_after = 0
    page, page_break = 1, False
    # (an item Word numbers or bullets may open in lower case: it runs on from no line)
    texts = [("" if rec.rows is not None else BULLET + " " + rec.text.strip() if rec.auto_label or rec.bullet
              else rec.text.strip()) for rec in parsed.records]
    lines_printed = printed_lines(texts)
    usual = usual_spacing(parsed.records, texts) if lines_printed else 0
    shared = shared_heading_styles(parsed.records)
    foot = foot_lines(parsed.footer_records)
    for rec in parsed.records:
        if rec.page_break_before and out:
            if page == 1:
                out.extend(Line(text, len(out) + 1, gap_before=True) for text in foot)
            page, page_break = page + 1, True   # a break in an empty paragraph moves on too
        if rec.rows is not None:
            if not any(line.zone is None for line in out[headed:]) and _layout_table(rec):
                # a table at the head of the document, before any text: a masthead or a
                # letterhead set out in cells, read cell by cell as a page prints it
                for row in rec.cell_paragraphs:
                    for cell in row:
                        for tokens in cell:
                            for k, text in enumerate(render_lines(tokens)):
                                if text.strip():
                                    out.append(Line(text, len(out) + 1, page=page, gap_before=not k))
                            out.extend(_note_lines(tokens, len(out), page))
            else:
                out.extend(_table_lines(rec, len(out)))
            space_after = usual + 1
            continue
        # a paragraph bold throughout says so in ``bold``, as a PDF line would, not in its text;
        # its line breaks end printed lines, which follow on without a gap
        text, *more = render_lines(rec.tokens, bold_marks=not rec.all_bold)
        if rec.auto_label:
            text = item_label(rec.auto_label[0]) + " " + text.lstrip()
        elif rec.bullet and text.strip():
            text = BULLET + " " + text.lstrip()   # the bullet Word prints (its glyph is a font's)
        if rec.rule:
            # a drawn rule, as a PDF's rule line: the passes decide what it rules off
            out.append(Line(RULE_TEXT, len(out) + 1, page=page, gap_before=True, zone="rule"))
            space_after = usual + 1
            continue
        if not text.strip() and more:
            text, more = more[0], more[1:]   # (a paragraph that opens on a line break)
        if not text.strip():
            space_after = max(space_after, usual + 1)   # an empty paragraph is a blank line
            continue
        # a Word paragraph that is a paragraph (not a printed line) stands apart from the one
        # before, space or none between them (Word's Normal leaves none)
        gap = space_after + rec.space_before > usual or not out or not lines_printed
        space_after = rec.space_after
        broke, page_break = page_break, False
        indent = None
        if rec.indent is not None or rec.first_line is not None:
            indent = (rec.indent or 0.0) + (rec.first_line or 0.0)
        # Word's Title and Subtitle styles set the document's title, large (as bold as a heading)
        heading = is_heading_style(rec) or rec.style in TITLE_STYLES
        out.append(Line(text, len(out) + 1, page=page, gap_before=gap, page_break_before=broke,
                        indent=indent, opens_paragraph=not lines_printed or None,
                        heading=rec.style in shared or None,
                        bold=True if (heading or rec.all_bold) else None,
                        centered=rec.centered or None))
        for line in more:
            out.append(Line(line, len(out) + 1, page=page, indent=rec.indent, heading=out[-1].heading,
                            bold=out[-1].bold, centered=out[-1].centered))
        out.extend(_note_lines(rec.tokens, len(out), page))
    if page == 1:
        out.extend(Line(text, len(out) + 1, gap_before=True) for text in foot)
    # a number kept as a paragraph of its own ("1." then the text: a printed line per
    # paragraph) goes back in front of its text, as the text reader does for pdftotext (and
    # right-to-left lines pasted from pdftotext are read as it reads them)
    extracted_lines_in_reading_order(out)
    return join_lone_labels(out)


def foot_lines(records) -> list[str]:
    """The first page's footer lines that are page furniture by their shape (the job number,
    the barcode, the print stamp), read at the page's foot as a PDF's are; the rest of a
    footer (a page number field's bare "1", a file name) is no text of the document."""
    out = []
    for rec in records:
        for text in render_lines(rec.tokens):
            if text.strip() and kind_of(text, False, 1) in FOOT_FURNITURE:
                out.append(text)
    return out


# a letter or a roman number with a full stop: Word's and Google Docs' default labels for a
# list's second and third levels ("a.", "i.")
DOTTED_ITEM = re.compile(r"^([a-z]{1,3}|[ivxl]{1,6})\.$")


def item_label(label: str) -> str:
    """The label Word numbering prints, as the passes read a point's: ``a.`` and ``i.`` (which
    at a line's start could be an initial or an abbreviation) are items of the list for certain
    here, handed as ``a)`` and ``i)``."""
    m = DOTTED_ITEM.match(label)
    return m.group(1) + ")" if m else label


def is_heading_style(rec: Record) -> bool:
    return rec.role in HEADING_ROLES or (rec.outline is not None and rec.outline < 4)


def shared_heading_styles(records) -> frozenset[str]:
    """The heading styles more than one paragraph uses: their paragraphs are the text's
    headings. A title is one of a kind: set in a heading style of its own (``Heading 1`` above
    sections in ``Heading 2``), it stays the title."""
    seen: Counter = Counter(rec.style for rec in records if rec.rows is None and is_heading_style(rec)
                            and rec.text.strip())
    return frozenset(style for style, count in seen.items() if count > 1)


def printed_lines(texts: list[str]) -> bool:
    """Are the Word paragraphs printed lines (text pasted or converted line by line)? Then most
    stop mid-sentence, on a letter, digit or hyphen (a paragraph per paragraph ends on its
    punctuation), and a line that runs on from the one above opens in lower case, which a
    paragraph never does (a label such as "a)" aside). In a script without case (Arabic,
    Chinese) few lines are longer than a line of print instead."""
    lengths = open_ends = long_ = cased = lower = 0
    for text in texts:
        if not text:
            continue
        lengths += 1
        long_ += len(text) > LINE_OF_PRINT
        open_ends += text[-1].isalnum() or text[-1] == "-"
        first = text[0]
        if first.isupper() or first.islower():
            cased += 1
            lower += first.islower() and text[1:2].isalpha()
    if lengths < 8 or open_ends * 2 < lengths:
        return False
    if cased * 2 >= lengths:
        return lower >= 0.08 * lengths
    return long_ < 0.05 * lengths


def usual_spacing(records, texts: list[str]) -> int:
    """The space (twips) that most paragraphs of the document leave above them.

    In a file whose paragraphs are printed lines, space that every paragraph leaves (pandoc's
    ``Body Text``) is the document's rhythm, as a PDF's line spacing is: only more than that
    says a block begins, and the lines are unwrapped as a PDF's are. (Where each paragraph is a
    paragraph, its space is a real gap and stays one.)"""
    spaces: Counter = Counter()
    after = 0
    for rec, text in zip(records, texts):
        if not text:
            after = 0
            continue
        spaces[after + rec.space_before] += 1
        after = rec.space_after
    if not spaces:
        return 0
    value, count = spaces.most_common(1)[0]
    return value if count * 2 > sum(spaces.values()) else 0


def render_lines(tokens, bold_marks: bool = True) -> list[str]:
    """A paragraph's printed lines: its runs split where a line break (Shift+Enter) stands,
    each rendered as ``render`` does; empty lines left out."""
    for t in tokens:
        if t.__class__ is Token and LINE_BREAK in t.text:
            break
    else:
        return [render(tokens, bold_marks)]   # (most paragraphs: one line)
    parts: list[list] = [[]]
    for t in tokens:
        if t.__class__ is Token and LINE_BREAK in t.text:
            pieces = t.text.split(LINE_BREAK)
            for k, piece in enumerate(pieces):
                if k:
                    parts.append([])
                if piece:
                    parts[-1].append(Token(piece, t.fmt, t.semantic))
        else:
            parts[-1].append(t)
    lines = [render(part, bold_marks) for part in parts]
    return [line for line in lines if line.strip()] or [""]


def render(tokens, bold_marks: bool = True) -> str:
    """Runs in the text dialect: ``*italic*``, ``**bold**``, ``^{1}`` for a footnote call."""
    parts: list[str] = []
    for t in tokens:
        if isinstance(t, NoteRef):
            parts.append("^{" + (t.marker or "*") + "}")
            continue
        fmt = t.fmt
        if not fmt or not ("i" in fmt or "sup" in fmt or (bold_marks and "b" in fmt)):
            parts.append(t.text)   # (no mark: white space, tabs too, is folded below)
            continue
        text = t.text.replace("\t", " ")
        core = text.strip()
        if not core:
            parts.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        # bold and italic together read as italic: the dialect has no mark for both, and the
        # italic (a participle, a title) is what the passes read
        if "i" in fmt:
            core = f"*{core}*"
        elif "b" in fmt and bold_marks:
            core = f"**{core}**"
        elif "sup" in fmt:
            # a raised ordinal ending (4^{th}) or a footnote call typed by hand, raised as a
            # PDF prints it: the passes pair it with the note typed below or at the end
            core = "^{" + core + "}"
        parts.append(lead + core + trail)
    return " ".join("".join(parts).split())


def _note_lines(tokens, start: int, page: int = 1) -> list[Line]:
    out = []
    for t in tokens:
        if isinstance(t, NoteRef) and t.body:
            text = " ".join(" ".join(plain_text(p).split()) for p in t.body if plain_text(p).strip())
            out.append(Line(text, start + len(out) + 1, page=page, gap_before=True, zone="note",
                            note_marker=t.marker or "*"))
    return out


LAYOUT_ROWS = 8          # a masthead or letterhead laid out in a table has few rows
LAYOUT_CELL = 200        # characters: no paragraph of text stands in its cells


def _layout_table(rec: Record) -> bool:
    return len(rec.rows) <= LAYOUT_ROWS and all(
        len(plain_tokens(cell)) < LAYOUT_CELL for row in rec.rows for cell in row)


def plain_tokens(tokens) -> str:
    return "".join(t.text for t in tokens if isinstance(t, Token))


def _table_lines(rec: Record, start: int) -> list[Line]:
    out = []
    for row in rec.rows:
        cells = [render(cell) for cell in row]
        out.append(Line("| " + " | ".join(c.replace("|", "/") for c in cells) + " |", start + len(out) + 1,
                        gap_before=not out))
    for row in rec.rows:
        for cell in row:
            out.extend(_note_lines([t for t in cell if isinstance(t, (Token, NoteRef))], start + len(out)))
    return out
