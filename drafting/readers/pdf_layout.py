"""Page geometry: runs into printed rows, rows into pieces split by wide gaps, pieces into columns.

A row is the runs that share a baseline. A footnote call is printed smaller and higher than its
line, a chemical subscript smaller and lower: both join the row they belong to (the call is told
apart when the row is rendered). Within a row, a gap wider than twice the type size separates
pieces: the columns of a masthead (``General Assembly`` ... ``Distr.: General``); the tab after a
paragraph number (``1.`` then the text, about 1.6 times the type size) does not.

A band is a stretch of rows that a vertical gutter divides into a left and a right column (the
masthead's organ and its ``Distr.`` block, its two agenda blocks). A band is read column by
column, the column whose first line stands higher first, as ``pdftotext`` reads it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import field

from drafting.readers.pdf_runs import Run
from drafting.records import record

SAME_BASELINE = 0.3       # of the larger type size: runs this close share a baseline
RAISED_REACH = 0.6        # a smaller row this far above a baseline (of its size) is raised in it
LOWERED_REACH = 0.45
SMALLER = 0.85            # a call or a subscript is at most this fraction of its line's size
PIECE_GAP = 2.0           # a gap of this many type sizes separates two pieces of a row
LABEL_CHARS = 6           # a left piece this short alone on its row is a label, not a column
BAND_BREAK = 3.0          # type sizes of vertical space that end a band
FIGURES = re.compile(r"[\d\s.,()%–\-−+]+")   # a cell of figures: ``56 234 300``, ``(107 700)``, ``–``
TOP_TIE = 2.0             # points: columns whose first lines start this close read left first


@record
class Row:
    """The runs of a PDF page that share a baseline: one printed line, or several side by side."""

    runs: list[Run]                       # left to right
    y: float                              # baseline
    size: float                           # the size most of its characters have
    top: float
    pieces: list[list[Run]] = field(default_factory=list)
    _x1: float | None = field(default=None, repr=False)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        if self._x1 is None:
            self._x1 = max(r.x1 for r in self.runs)
        return self._x1

    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def main_size(runs: list[Run]) -> float:
    weight: dict[float, int] = {}
    for r in runs:
        weight[r.size] = weight.get(r.size, 0) + len(r.text.strip())
    return max(weight, key=weight.get) if weight else 0.0


def make_row(runs: list[Run]) -> Row:
    runs.sort(key=lambda r: r.x0)
    size = main_size(runs) or max(r.size for r in runs)
    base = [r.y for r in runs if r.size == size]
    y = sorted(base)[len(base) // 2] if base else runs[0].y
    return Row(runs, y, size, max(r.top for r in runs))


def build_rows(runs: list[Run]) -> list[Row]:
    """Rows from top to bottom, calls and subscripts joined to their line, pieces split."""
    if not runs:
        return []
    marks = [r for r in runs if _marks_only(r.text)]
    if marks and len(marks) < len(runs):
        runs = [r for r in runs if not _marks_only(r.text)]
    else:
        marks = []
    ordered = sorted(runs, key=lambda r: -r.y)
    groups: list[list[Run]] = [[ordered[0]]]
    first_y, big = ordered[0].y, ordered[0].size
    for run in ordered[1:]:
        if first_y - run.y <= SAME_BASELINE * max(big, run.size):
            groups[-1].append(run)
            big = max(big, run.size)
        else:
            groups.append([run])
            first_y, big = run.y, run.size
    for mark in marks:
        group = groups[_carrier(groups, mark)]
        base = next((r for r in group if r.x0 <= (mark.x0 + mark.x1) / 2 <= r.x1), None)
        if base is not None and RTL_LETTER.match(base.text):
            # read right to left, the mark must come after its letter: just left of it
            mark.x0 = mark.x1 = base.x0 - 0.01
        group.append(mark)
    rows = [make_row(g) for g in groups]
    rows = _join_small_rows(rows)
    for row in rows:
        row.pieces = split_pieces(row.runs)
    return rows


RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _marks_only(text: str) -> bool:
    """Text of combining marks alone (an Arabic vowel sign such as the damma, drawn by a text
    object of its own above or below its letter)."""
    stripped = text.strip()
    return bool(stripped) and all(unicodedata.combining(c) for c in stripped)


def _carrier(groups: list[list[Run]], mark: Run) -> int:
    """The group of runs whose letters a combining mark stands over or under: the nearest
    baseline that has a letter under the mark's extent, else the nearest baseline."""
    def distance(k: int) -> float:
        return abs(groups[k][0].y - mark.y)

    under = [k for k, g in enumerate(groups)
             if any(r.x0 - 1 <= mark.x1 and mark.x0 <= r.x1 + 1 for r in g)]
    return min(under or range(len(groups)), key=distance)


def _glued(small: Row, line: Row, before_too: bool) -> bool:
    """Every run of the small row touches the end of a run of the line (a call after its word,
    a subscript after its letter) or, for a raised row, the start of one (a footnote marker
    before its text)."""
    reach = 0.6 * line.size
    prev = None
    for s in small.runs:                       # left to right: ``3,4`` after ``follows:`` chain on
        after = any(-1.0 <= s.x0 - r.x1 <= reach for r in line.runs)
        before = before_too and any(-1.0 <= r.x0 - s.x1 <= reach for r in line.runs)
        chained = prev is not None and -1.0 <= s.x0 - prev.x1 <= reach
        if not (after or before or chained):
            return False
        prev = s
    return True


def _join_small_rows(rows: list[Row]) -> list[Row]:
    out: list[Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        below = rows[i + 1] if i + 1 < len(rows) else None
        if (below is not None and row.size < SMALLER * below.size
                and 0 < row.y - below.y <= RAISED_REACH * below.size and _glued(row, below, True)):
            rows[i + 1] = _merge(below, row)            # raised: a call, an ordinal, a marker
            i += 1
            continue
        if (out and row.size < SMALLER * out[-1].size
                and 0 < out[-1].y - row.y <= LOWERED_REACH * out[-1].size and _glued(row, out[-1], False)):
            out[-1] = _merge(out[-1], row)               # lowered: a subscript
            i += 1
            continue
        out.append(row)
        i += 1
    return out


def _merge(line: Row, small: Row) -> Row:
    runs = sorted(line.runs + small.runs, key=lambda r: r.x0)
    return Row(runs, line.y, line.size, max(line.top, small.top))


def split_pieces(runs: list[Run]) -> list[list[Run]]:
    pieces = [[runs[0]]]
    right = runs[0].x1
    for run in runs[1:]:
        if run.x0 - right >= PIECE_GAP * min(run.size, pieces[-1][-1].size):
            pieces.append([run])
        else:
            pieces[-1].append(run)
        right = max(right, run.x1)
    return pieces


@record
class Block:
    """Rows of one column of a band (or of the whole page width), read top to bottom.

    ``parts`` holds, per row, the runs of this block in that row.
    """

    parts: list[tuple[Row, list[Run]]]
    column: bool = False                  # one column of a band (not the page's full width)


def reading_blocks(rows: list[Row], rules_y: list[float]) -> list[Block]:
    """The page's rows as blocks in reading order: full-width rows one by one, bands by column."""
    blocks: list[Block] = []
    i = 0
    while i < len(rows):
        band = _band_from(rows, i, rules_y)
        if band is None:
            blocks.append(Block([(rows[i], rows[i].runs)]))
            i += 1
            continue
        end, gutter = band
        left = [(row, [r for r in row.runs if r.x1 <= gutter]) for row in rows[i:end]]
        right = [(row, [r for r in row.runs if r.x0 >= gutter]) for row in rows[i:end]]
        first, second = (Block([(row, runs) for row, runs in side if runs], True) for side in (left, right))
        if _top(second) > _top(first) + TOP_TIE:
            first, second = second, first
        blocks += [first, second]
        i = end
    return blocks


# a point's or paragraph's label as printed in the six languages: "(a)", "a)", "(iv)", "12.", "(أ)"
POINT_LABEL = re.compile(r"\(?(?:[^\W\d_]{1,4}|\d{1,3})[.)]")


def _labels_only(rows: list[Row], lo: float) -> bool:
    """Is every left piece of the rows a label (the left column of a list, not of a page)?"""
    lefts = ["".join(r.text for r in row.runs if r.x1 <= lo).strip() for row in rows]
    lefts = [text for text in lefts if text]
    return bool(lefts) and all(len(text) <= LABEL_CHARS and POINT_LABEL.fullmatch(text) for text in lefts)


def _top(block: Block) -> float:
    return max(r.top for r in block.parts[0][1])


def _free(row: Row, lo: float, hi: float) -> tuple[float, float] | None:
    """The part of the gap [lo, hi] that no run of the row covers (the widest one)."""
    spans = [(lo, hi)]
    for r in row.runs:
        nxt = []
        for a, b in spans:
            if r.x1 <= a or r.x0 >= b:
                nxt.append((a, b))
                continue
            if r.x0 > a:
                nxt.append((a, r.x0))
            if r.x1 < b:
                nxt.append((r.x1, b))
        spans = nxt
    return max(spans, key=lambda s: s[1] - s[0]) if spans else None


def _band_from(rows: list[Row], i: int, rules_y: list[float]) -> tuple[int, float] | None:
    """A band starting at row i: (end index, gutter x), or None when row i is not divided."""
    row = rows[i]
    if len(row.pieces) < 2:
        return None
    best = None
    for k in range(1, len(row.pieces)):
        lo = max(r.x1 for r in row.pieces[k - 1])
        hi = row.pieces[k][0].x0
        if best is None or hi - lo > best[1] - best[0]:
            best = (lo, hi)
    lo, hi = best
    min_gap = PIECE_GAP * min(r.size for r in row.runs)
    end = i + 1
    left_rows = 1
    while end < len(rows):
        nxt, prev = rows[end], rows[end - 1]
        if prev.y - nxt.y > BAND_BREAK * max(prev.size, nxt.size) * 1.2:
            break
        if any(nxt.y < y < prev.y for y in rules_y):
            break
        free = _free(nxt, lo, hi)
        if free is None or free[1] - free[0] < min_gap:
            break
        lo, hi = free
        if nxt.runs[0].x1 <= lo:
            left_rows += 1
        end += 1
    label = "".join(r.text for r in row.runs if r.x1 <= lo).split()
    if left_rows < 2 and len("".join(label)) <= LABEL_CHARS:
        return None        # a number or a label and its text (``1.``, ``(iii)``), not two columns
    if _labels_only(rows[i:end], lo):
        return None        # a list's labels hanging in line (``a)`` ``b)`` ``c)``), each with its text
    gutter = (lo + hi) / 2
    right = ["".join(r.text for r in row_.runs if r.x0 >= gutter).strip() for row_ in rows[i:end]]
    right = [text for text in right if text]
    figures = sum(1 for text in right if FIGURES.fullmatch(text))
    if figures and figures * 2 >= len(right):
        return None        # a table of figures: read row by row, each label with its figures
    return end, gutter
