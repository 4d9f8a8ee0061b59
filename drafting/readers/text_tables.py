"""Tables of figures in ``pdftotext -layout`` text, found as the PDF reader finds them.

``-layout`` keeps a table's columns: each printed row on one line, the label at the left, the
figures right-aligned in their columns, three spaces or more apart. Each line is taken as a row of
runs standing at its characters' columns (``POINTS_PER_COLUMN`` points a character, one line
spacing a line, half that more for each blank line between), and ``drafting.readers.pdf_tables``
decides which lines make a table, its heads, rows and cells, with the same rules as on a PDF page.
The table comes back as the rows of a pipe table, as the PDF reader renders it.

Only lines near a line that ends in a figure set apart are looked at: most documents have none.
The PDF reader's modules are imported when a ``-layout`` text is read, not with this module: the
text reader (and the Word reader, which shares its passes) must not load the PDF engine to read
plain text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafting.regex import lazy_compile

if TYPE_CHECKING:
    from drafting.readers.pdf_tables import Table

SIZE = 10.0               # the type size every line is taken to have
LINE = 12.0               # points from one line to the next
BLANK = 6.0               # points a blank line adds between two lines (its type is smaller)
POINTS_PER_COLUMN = 5.0    # pdftotext -layout puts one character in about 5 points of the page's width
WORDS = lazy_compile(r"\S+(?: \S+)*")          # words one space apart: the runs of a line
REACH = 12                # lines looked at above a line ending in a figure (heads, a wrapped label)


def layout_tables(raw: list[str]) -> dict[int, tuple[int, list[str]]]:
    """Tables of a ``-layout`` text's lines: first line -> (line after the last, pipe rows)."""
    from drafting.readers.pdf_tables import FIGURE, find_tables

    candidates = [k for k, line in enumerate(raw) if _ends_in_figure(line, FIGURE)]
    if len(candidates) < 2:
        return {}
    out: dict[int, tuple[int, list[str]]] = {}
    windows: list[list[int]] = []
    for k in candidates:
        if windows and k - windows[-1][1] <= REACH:
            windows[-1][1] = k
        else:
            windows.append([k, k])
    done = 0
    for first, last in windows:
        numbers, rows = _rows(raw, max(first - REACH, done), last + 1)
        for table in find_tables(rows):
            start, end = numbers[table.start], numbers[table.end - 1] + 1
            if any("\f" in raw[k] for k in range(start, end)):
                continue            # a page break stays where it is: no table is read across it
            out[start] = (end, pipe_rows(table))
            done = end
    return out


# The characters a figure may end with besides a digit (``FIGURE`` of ``drafting.readers.pdf_tables``).
_FIGURE_ENDS = frozenset(".,%)]–—-−…")


def _ends_in_figure(line: str, figure: re.Pattern) -> bool:
    """The line ends in a figure three spaces or more after its text (a string search finds the
    gap; most lines have none). A line whose last character no figure ends with (most lines end
    in a letter) is not searched."""
    body = line.rstrip()
    last = body[-1:]
    if not (last.isdecimal() or last in _FIGURE_ENDS):
        return False
    cut = body.rfind("   ")
    return cut > 0 and not body[:cut].isspace() and "\f" not in body and figure.fullmatch(body[cut:].strip()) is not None


def _rows(raw: list[str], lo: int, hi: int):
    """The printed lines lo..hi as rows of runs (line numbers beside them); a page break stops
    the rows before it from reaching those after it."""
    from drafting.readers.pdf_layout import make_row
    from drafting.readers.pdf_runs import Run

    numbers, rows = [], []
    y = 0.0
    blanks = 0
    for k in range(lo, hi):
        line = raw[k]
        if "\f" in line or _furniture(line):
            y -= 100 * LINE         # a page's foot or head: no table reaches across it
            line = line.replace("\f", " ")
        if not line.strip():
            blanks += 1
            continue
        y -= LINE + BLANK * blanks
        blanks = 0
        runs = [Run(m.group(), m.start() * POINTS_PER_COLUMN, m.end() * POINTS_PER_COLUMN, y, SIZE,
                    False, False, True) for m in WORDS.finditer(line)]
        numbers.append(k)
        rows.append(make_row(runs))
    return numbers, rows


def _furniture(line: str) -> bool:
    """A job number or a barcode on the line: the page's foot (its page number is a figure)."""
    if "-" not in line and "*" not in line:     # every job number and barcode holds one
        return False
    from drafting.readers.pdf_zones import BARCODE, JOB_NUMBER

    return any(JOB_NUMBER.fullmatch(piece.group()) or BARCODE.fullmatch(piece.group())
               for piece in WORDS.finditer(line))


def pipe_rows(table: Table) -> list[str]:
    from drafting.readers.pdf_tables import join_cell_lines, pipe_row

    out = []
    for k, row in enumerate(table.rows):
        if k == table.header_rows and k:
            out.append("|" + "---|" * len(row))
        cells = [join_cell_lines([" ".join(r.text for r in runs) for _, runs in parts]).replace("|", "/")
                 for parts in row]
        out.append(pipe_row(cells, table.spans_of(k)))
    return out
