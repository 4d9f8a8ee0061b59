"""Classified page rows into the ``Line``s the passes read, in reading order.

On each page: the running heads, then the text (bands of the masthead column by column), then the
footnote rule and the footnotes, then the page foot (and any text printed at an angle). The
indent is the offset from the document's text margin (where most long lines start), a gap is more
space above a line than 1.4 times the document's line spacing at that size, a centred line is
centred on the page's text column; the first line of a column of a band has a gap too.
"""

from __future__ import annotations

from collections import Counter

from drafting.readers.lines import Line
from drafting.readers.pdf_inline import is_rtl, render
from drafting.readers.pdf_layout import Row, make_row, reading_blocks
from drafting.readers.pdf_runs import Run
from drafting.readers.pdf_tables import Table, find_tables, join_cell_lines, pipe_row
from drafting.readers.pdf_zones import PageRows, plain, text_margin

GAP = 1.4                  # line spacings: more space than this above a line is a gap
DEFAULT_SPACING = 1.2      # line spacing in type sizes when the document shows none
CENTRE_TOLERANCE = 3.0     # points


def line_spacing(pages: list[PageRows]) -> float:
    """The document's usual baseline distance, in type sizes (12 pt for 10 pt type: 1.2)."""
    ratios: Counter = Counter()
    for pr in pages:
        body = [row for row, zone in zip(pr.rows, pr.zones) if zone is None]
        for a, b in zip(body, body[1:]):
            if a.size == b.size and a.size > 0:
                ratio = round((a.y - b.y) / a.size, 2)
                if 0.9 <= ratio <= 1.6:
                    ratios[ratio] += 1
    return ratios.most_common(1)[0][0] if ratios else DEFAULT_SPACING


class LineMaker:
    def __init__(self, pages: list[PageRows], ocr_pages: set[int]) -> None:
        self.pages = pages
        self.ocr = ocr_pages
        self.spacing = line_spacing(pages)
        self.margin = text_margin(pages)
        self.lines: list[Line] = []

    def make(self) -> list[Line]:
        for pr in self.pages:
            self._page(pr)
        return self.lines

    def _add(self, line: Line) -> None:
        line.no = len(self.lines) + 1
        line.page_break_before = bool(self.lines) and self.lines[-1].page != line.page
        self.lines.append(line)

    def _page(self, pr: PageRows) -> None:
        rows, zones = pr.rows, pr.zones
        styled = pr.page.number not in self.ocr
        margin = self.margin
        right = _text_right(pr)
        head = 0
        while head < len(rows) and zones[head] == "furniture":
            self._furniture(pr, head)
            head += 1
        body = [rows[i] for i in range(head, len(rows)) if zones[i] is None]
        prev: Row | None = None
        done = 0
        for table in find_tables(body, pr.page.drawings, pr.page.rules) + [None]:
            upto = table.start if table is not None else len(body)
            prev = self._blocks(pr, body[done:upto], prev, styled, margin, right)
            if table is not None:
                self._table(pr, table, styled, margin)
                prev, done = body[table.end - 1], table.end
        prev = None
        for i in range(head, len(rows)):
            zone = zones[i]
            if zone is None:
                continue
            if zone == "furniture":
                self._furniture(pr, i)
            elif zone == "rule":
                self._add(Line(rows[i].text().strip(), 0, pr.page.number, indent=None, zone="rule"))
            else:
                self._note(pr, i, prev, margin, styled)
                prev = rows[i]
        for run in pr.turned:
            self._add(Line(run.text.strip(), 0, pr.page.number, size=run.size if styled else None,
                           zone="furniture", furniture_kind="rotated-text"))

    def _blocks(self, pr: PageRows, rows: list[Row], prev: Row | None, styled: bool, margin: float,
                right: float) -> Row | None:
        """The lines of text rows, bands of a masthead column by column; the last row read."""
        for block in reading_blocks(rows, pr.rules_y):
            first = block.column
            for row, runs in block.parts:
                if runs is not row.runs:
                    row = make_row(list(runs))          # one column's part of the row
                text, bold = render(runs, row, styled)
                if not text:
                    continue
                x0 = runs[0].x0
                x1 = max(r.x1 for r in runs)
                indent = x0 - margin
                if is_rtl(text):
                    # a right-to-left line starts at the right: its indent is from the right
                    # edge (a number hanging out beyond the edge makes no step back: the lines
                    # under it run on at the edge)
                    indent = max(right - x1, 0.0)
                self._add(Line(
                    text, 0, pr.page.number,
                    gap_before=self._gap(prev, row) or (first and prev is not None),
                    indent=round(indent, 1),
                    size=row.size if styled else None,
                    bold=bold if styled else None,
                    centered=_centered(x0, x1, margin, right),
                ))
                prev, first = row, False
        return prev

    def _table(self, pr: PageRows, table: Table, styled: bool, margin: float) -> None:
        """A table as the rows of a pipe table (``| label | 56 234 300 |``), a rule of dashes
        under its heads: the passes read it as the text reader reads a Markdown table."""
        x0 = min(parts[0][1][0].x0 for row in table.rows for parts in row if parts)
        for k, row in enumerate(table.rows):
            if k == table.header_rows and k:
                self._add(Line("|" + "---|" * len(row), 0, pr.page.number, indent=round(x0 - margin, 1)))
            texts = [cell_text(parts, styled) for parts in row]
            size = next(parts[0][0].size for parts in row if parts)
            self._add(Line(pipe_row(texts, table.spans_of(k)),
                           0, pr.page.number, gap_before=k == 0,
                           indent=round(x0 - margin, 1), size=size if styled else None))

    def _gap(self, prev: Row | None, row: Row) -> bool:
        if prev is None:
            return False
        return prev.y - row.y > GAP * self.spacing * max(row.size, prev.size)

    def _note(self, pr: PageRows, i: int, prev: Row | None, margin: float, styled: bool) -> None:
        row = pr.rows[i]
        count = pr.markers.get(i, 0)
        marker = "".join(r.text for r in row.runs[:count]).strip() or None
        runs = row.runs[count:]
        text, bold = render(runs, row, styled)
        self._add(Line(text, 0, pr.page.number, gap_before=self._gap(prev, row),
                       indent=round(runs[0].x0 - margin, 1), size=row.size if styled else None,
                       bold=bold if styled else None, zone="note", note_marker=marker))

    def _furniture(self, pr: PageRows, i: int) -> None:
        row = pr.rows[i]
        size = None if pr.page.number in self.ocr else row.size
        for text, kind in pr.kinds.get(i) or [(plain(row.runs), "furniture")]:
            self._add(Line(text, 0, pr.page.number, size=size, zone="furniture", furniture_kind=kind))


def cell_text(parts: list[tuple[Row, list[Run]]], styled: bool) -> str:
    """A cell's text in the inline dialect, its printed lines joined (a line ending in a hyphen
    joined close); a bar in it becomes a slash, as it would end the cell."""
    texts: list[str] = []
    for row, runs in parts:
        text, bold = render(runs, make_row(list(runs)) if runs is not row.runs else row, styled)
        if bold and text:
            text = "**" + text + "**"
        for mark in ("**", "*"):             # one style across the lines: one mark
            if texts and texts[-1].endswith(mark) and text.startswith(mark) and not text.startswith(mark + "*"):
                texts[-1], text = texts[-1][:-len(mark)], text[len(mark):]
                break
        texts.append(text)
    return join_cell_lines(texts).replace("|", "/")


def _text_right(pr: PageRows) -> float:
    ends = sorted(row.x1 for row, zone in zip(pr.rows, pr.zones) if zone is None)
    return ends[int(len(ends) * 0.9)] if ends else pr.page.width


def _centered(x0: float, x1: float, margin: float, right: float) -> bool:
    centre = (margin + right) / 2
    return (x0 - margin > 2 * CENTRE_TOLERANCE and abs((x0 + x1) / 2 - centre) <= CENTRE_TOLERANCE
            and x1 - x0 < 0.9 * (right - margin))
