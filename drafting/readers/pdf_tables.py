"""Tables of figures on a PDF page: rows of a label and figures set in right-aligned columns.

A UN document sets its tables (budgets, assessments, statistics) as a stub column of labels and
columns of figures right-aligned under their heads, often between horizontal rules, with the unit
(``(United States dollars)``) under the heads. The page knows where every run stands, so a table is
found from its geometry, as pdfplumber's ``table.py`` finds tables from text alignment (its "text"
strategy: words whose left, right or centre edges line up make a column, ``words_to_edges_v``),
narrowed to what a UN table is:

- a *figure row* is a printed row cut by wide gaps (``CELL_GAP`` type sizes, wider than any space
  of justified prose) into a label and cells that are all figures (``56 234 300``, ``(107 700)``,
  ``–``); a line of a table of contents (leader dots before its page number) is none;
- figures are right-aligned, so the columns are the right edges shared by the figure cells
  (clustered as pdfplumber clusters edges within a tolerance); two figure rows or more that share
  a column, with nothing between them but the wrapped lines of their labels, make a table;
- above the first row stand the column heads (rows printed only over the figure columns, or a
  stub head and heads over the columns) and, printed tight over it, the first label's own lines;
- a label wraps over several lines, its figures printed on its last line: label lines set tight
  over a figure row belong to its label; a label line set apart or ending in a colon
  (``Of which:``) is a row alone. Heads are grouped the same way (``Net of staff`` over
  ``assessment`` is one head);
- a chart is no table: figures printed over a drawn area label its bars, a stub of figures only
  is an axis, and rows that fill fewer than half the columns are the labels of bars.

pdfplumber itself was measured and not taken: it reads a page with pdfminer.six about twelve
times slower than PDFium (a 22-page report: 3.9 s against 0.33 s for the whole reading here), and
its text strategy cuts these tables' wrapped labels into columns of word fragments. The ruling
lines are not needed to find the table (many UN tables have none between their rows) and are not
used: the alignment of the figures decides.

``find_tables`` returns each table as the span of rows it covers and its rows of cells (the runs
of each cell, its printed rows in order), the first ``header_rows`` of them column heads; the
lines of the page render them as pipe-table rows that the passes read as a table.
"""

from __future__ import annotations

import re
from dataclasses import field
from itertools import pairwise

from drafting.readers.pdf_layout import Row
from drafting.readers.pdf_runs import Run
from drafting.readers.pdf_zones import plain
from drafting.records import record

CELL_GAP = 1.2            # type sizes: a gap this wide between runs separates two cells
ALIGN = 0.6               # type sizes: right edges this close are one column's
TIGHT = 1.35              # type sizes: baselines this close are lines of one cell (a wrapped label)
ROW_REACH = 3.0           # type sizes: baselines farther apart than this end a table
MIN_FIGURE_ROWS = 2
HEAD_SPACE = 0.5          # type sizes: heads this far apart over two columns are two heads
HEAD_OVERHANG = 3.0       # type sizes: a column head may stand out this far right of its figures
FIGURE = re.compile(r"[(\[]?[-−–+]?\d[\d\s.,]*%?[)\]]?|[–—\-−]|…|\.\.\.")
LEADER_DOTS = re.compile(r"\.(?:\s?\.){5}|…{3}")


@record
class Table:
    """A table found on a PDF page: the rows it spans, its cells' runs, its header rows and
    spanning heads."""

    start: int                                  # first row of the page's rows in the table
    end: int                                    # after its last row
    rows: list[list[list[tuple[Row, list[Run]]]]]   # per table row, per column: (printed row, runs)
    header_rows: int
    # (row, column) of a head that stands over several columns -> how many (its colspan)
    spans: dict[tuple[int, int], int] = field(default_factory=dict)

    def spans_of(self, row: int) -> dict[int, int]:
        """The spanning cells of one row: column -> how many columns."""
        return {c: n for (r, c), n in self.spans.items() if r == row}


def cells(row: Row) -> list[list[Run]]:
    """The row's runs cut at gaps wider than ``CELL_GAP`` type sizes."""
    out = [[row.runs[0]]]
    right = row.runs[0].x1
    for run in row.runs[1:]:
        if run.x0 - right >= CELL_GAP * max(run.size, row.size):
            out.append([run])
        else:
            out[-1].append(run)
        right = max(right, run.x1)
    return out


def is_figure(runs: list[Run]) -> bool:
    return bool(FIGURE.fullmatch(plain(runs)))


@record
class _Printed:
    """One printed row as a table sees it."""

    row: Row
    cells: list[list[Run]]
    figures: list[list[Run]]              # its figure cells (none unless it is a figure row)

    @property
    def x0(self) -> float:
        return self.row.runs[0].x0


def _drawn_over(runs: list[Run], drawings: list[tuple[float, float, float, float]]) -> bool:
    x = (runs[0].x0 + max(r.x1 for r in runs)) / 2
    y = runs[0].y
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in drawings)


def _printed(row: Row, drawings: list[tuple[float, float, float, float]]) -> _Printed:
    found = cells(row)
    figures: list[list[Run]] = []
    if (len(found) >= 2 and all(is_figure(c) for c in found[1:]) and not LEADER_DOTS.search(row.text())
            and not (drawings and any(_drawn_over(c, drawings) for c in found[1:]))):
        figures = found[1:]
    return _Printed(row, found, figures)


def find_tables(rows: list[Row], drawings: list[tuple[float, float, float, float]] = (),
                rules: list[tuple[float, float, float]] = ()) -> list[Table]:
    """The tables among a page's text rows (top to bottom), in order. ``drawings``: the page's
    drawn areas; figures printed over one label a chart (its bars, its frame), no table.
    ``rules``: the page's short horizontal lines (x0, x1, y), which show the columns a head
    spans (its cell's border)."""
    printed = [_printed(row, list(drawings)) for row in rows]
    tables: list[Table] = []
    i = 0
    while i < len(printed):
        if not printed[i].figures:
            i += 1
            continue
        table, scanned = _table_from(printed, i, tables[-1].end if tables else 0, rules)
        if table is None:
            i = max(i + 1, scanned)   # the rows scanned make no table from here: none from within (linear)
            continue
        tables.append(table)
        i = table.end
    return tables


def _near(a: Row, b: Row, reach: float) -> bool:
    return a.y - b.y <= reach * max(a.size, b.size)


def _columns(figure_rows: list[_Printed]) -> list[list[float]]:
    """The figure columns as [left, right] bands, from the right edges the cells share."""
    edges = sorted((max(r.x1 for r in c), min(r.x0 for r in c), c[0].size)
                   for p in figure_rows for c in p.figures)
    bands: list[list[float]] = []
    count: list[int] = []
    for right, left, size in edges:
        if bands and right - bands[-1][2] <= ALIGN * size:
            band = bands[-1]
            band[0], band[1], band[2] = min(band[0], left), max(band[1], right), right
            count[-1] += 1
        else:
            bands.append([left, right, right])
            count.append(1)
    return [[b[0], b[1]] for b, n in zip(bands, count) if n >= MIN_FIGURE_ROWS]


def _column_of(runs: list[Run], columns: list[list[float]]) -> int | None:
    """The figure column (index) a cell stands in: the one its extent overlaps most."""
    x0, x1 = runs[0].x0, max(r.x1 for r in runs)
    best, overlap = None, 0.0
    for k, (left, right) in enumerate(columns):
        shared = min(x1, right) - max(x0, left)
        if shared > overlap:
            best, overlap = k, shared
    return best


def _label_only(p: _Printed, columns: list[list[float]], size: float) -> bool:
    """A line of a label: the table's type size, nothing printed over the figure columns."""
    return p.row.size == size and not p.figures and max(r.x1 for r in p.row.runs) < columns[0][0]


def _is_head(p: _Printed, columns: list[list[float]], labels_end: float) -> bool:
    """A row of column heads: every cell printed right of the labels and no farther right than
    the last column, but for a stub head (the labels' own head) printed first, over the labels."""
    right = columns[-1][1] + HEAD_OVERHANG * p.row.size
    for k, c in enumerate(p.cells):
        x1 = max(r.x1 for r in c)
        if k == 0 and x1 < columns[0][0]:
            continue
        if c[0].x0 <= labels_end or x1 > right:
            return False
    return len(p.cells) > 1 or p.row.runs[0].x0 > labels_end


def _stub_head(p: _Printed, columns: list[list[float]]) -> bool:
    """A line of the stub head alone (``Regions (including number of subregional,``)."""
    return len(p.cells) == 1 and p.row.x1 < columns[0][0]


def _table_from(printed: list[_Printed], i: int, floor: int,
                rules: list[tuple[float, float, float]] = ()) -> tuple[Table | None, int]:
    """The table whose first figure row is ``printed[i]``, if it is one, and the end of the rows
    looked at."""
    size = printed[i].row.size
    first_figure = min(c[0].x0 for c in printed[i].figures)
    end = i + 1
    last = i
    for j in range(i + 1, len(printed)):
        p = printed[j]
        if not _near(printed[j - 1].row, p.row, ROW_REACH) or p.row.size != size:
            break
        if p.figures:
            last = j
        elif max(r.x1 for r in p.row.runs) >= first_figure:
            break
    end = last + 1
    figure_rows = [p for p in printed[i:end] if p.figures]
    if len(figure_rows) < MIN_FIGURE_ROWS:
        return None, end
    columns = _columns(figure_rows)
    if not columns or not _tabular(figure_rows, columns):
        return None, end
    # the first label's own lines, printed tight over its figures
    start = i
    while (start - 1 >= floor and _label_only(printed[start - 1], columns, size)
           and _near(printed[start - 1].row, printed[start].row, TIGHT)):
        start -= 1
    labels_end = max((max(r.x1 for r in p.cells[0]) for p in printed[start:end]
                      if max(r.x1 for r in p.cells[0]) < columns[0][0]), default=columns[0][0])
    heads = start
    while heads - 1 >= floor and (not printed[heads - 1].figures or printed[heads - 1].row.size != size):
        # heads set in another size may be figures too (the years ``2022 2023 2024``)
        above, below = printed[heads - 1], printed[heads]
        head = _is_head(above, columns, labels_end) and _near(above.row, below.row, ROW_REACH)
        stub = heads < start and _stub_head(above, columns) and _near(above.row, below.row, TIGHT)
        if not (head or stub):
            break
        heads -= 1
    while start == i and start + 1 < end and max(r.x1 for r in printed[start].cells[0]) >= columns[0][0]:
        start += 1      # figures with no label over the rows (years set in the text's size): heads
        i += 1
    head_rows, spans = _group(printed[heads:start], columns, labels_end, rules)
    body_rows = _body(printed[start:end], columns)
    return Table(heads, end, head_rows + body_rows, len(head_rows), spans), end


def _tabular(figure_rows: list[_Printed], columns: list[list[float]]) -> bool:
    """Rows of a table, not the labels of a chart drawn without a frame: most rows are labelled
    in words (an axis prints figures only) and fill most columns (the labels of bars stand one
    or two to a row, wherever each bar ends)."""
    labelled = sum(1 for p in figure_rows if any(ch.isalpha() for ch in plain(p.cells[0])))
    filled = sum(len(p.figures) for p in figure_rows)
    return labelled * 2 >= len(figure_rows) and filled * 2 >= len(figure_rows) * len(columns)


def _split_heads(found: list[list[Run]], columns: list[list[float]]) -> list[list[Run]]:
    """Heads set close over narrow columns (``Headquarters Field MEAs Overall``): a cell cut
    where two words a space apart stand over two columns."""
    out: list[list[Run]] = []
    for runs in found:
        out.append([runs[0]])
        for prev, run in pairwise(runs):
            over = _column_of([run], columns)
            if (run.x0 - prev.x1 >= HEAD_SPACE * run.size and over is not None
                    and _column_of([prev], columns) not in (None, over)):
                out.append([run])
            else:
                out[-1].append(run)
    return out


def _cells_into(p: _Printed, columns: list[list[float]], out: list[list[tuple[Row, list[Run]]]],
                heads: bool = False) -> None:
    """Put each cell of a printed row into its column of ``out`` (column 0: the labels)."""
    for k, runs in enumerate(_split_heads(p.cells, columns) if heads else p.cells):
        column = _column_of(runs, columns)
        if column is None and k > 0:           # between two columns: the nearer one's
            x1 = max(r.x1 for r in runs)
            column = min(range(len(columns)), key=lambda c: min(abs(x1 - columns[c][1]), abs(runs[0].x0 - columns[c][0])))
        if column is None or (k == 0 and max(r.x1 for r in runs) < columns[0][0]):
            out[0].append((p.row, runs))
        else:
            out[column + 1].append((p.row, runs))


def _group(printed: list[_Printed], columns: list[list[float]], labels_end: float = 0.0,
           rules: list[tuple[float, float, float]] = ()) -> tuple[list, dict[tuple[int, int], int]]:
    """Rows of heads: printed rows set tight together are one row (a head on two lines), but a
    head that spans several columns closes its row (the heads under it make the next); and
    where each spanning head stands: (row, column) -> the columns it spans."""
    rows: list[list[list[tuple[Row, list[Run]]]]] = []
    spans: dict[tuple[int, int], int] = {}
    prev: _Printed | None = None
    for n, p in enumerate(printed):
        spanning = _spanning_heads(p, columns, labels_end, rules, printed[n + 1:])
        if prev is None or not _near(prev.row, p.row, TIGHT) or _under_spans(p, spanning, columns, spans, len(rows) - 1):
            rows.append([[] for _ in range(len(columns) + 1)])
        _cells_into(p, columns, rows[-1], heads=True)
        for runs, first, count in spanning:
            row = rows[-1]
            for cell in row:              # set in the first column it spans
                cell[:] = [(pr, r) for pr, r in cell if r[0] is not runs[0]]
            row[first + 1].append((p.row, runs))
            spans[(len(rows) - 1, first + 1)] = max(count, spans.get((len(rows) - 1, first + 1), 0))
        prev = p
    return rows, spans


def _under_spans(p: _Printed, spanning: list, columns: list[list[float]], spans: dict, row: int) -> bool:
    """Whether a printed row holds heads under a spanning head of the row above it (the heads of
    the columns it spans), which make a row of their own with the stub head; the further lines
    of a spanning head stay in its row."""
    taken = [(first - 1, first - 1 + count) for (r, first), count in spans.items() if r == row]
    if not taken:
        return False
    if _stub_head(p, columns):
        return True               # the labels' head stands in the row of the columns' own heads
    own = {id(runs[0]) for runs, _, _ in spanning}
    for runs in _split_heads(p.cells, columns):
        if id(runs[0]) in own:
            continue
        column = _column_of(runs, columns)
        if column is not None and any(lo <= column < hi for lo, hi in taken):
            return True
    return False


SPAN_SHARE = 0.25     # of a head's width: its part over a column's place to count as over it


def _spanning_heads(p: _Printed, columns: list[list[float]], labels_end: float,
                    rules: list[tuple[float, float, float]], below: list[_Printed] = ()
                    ) -> list[tuple[list[Run], int, int]]:
    """The heads of a printed row that stand over several figure columns, as (its runs, first
    column, how many): a head alone over the columns its cell's border (the rule just above it) spans,
    or over the places of two columns or more, alone in its row (a unit centred over the
    figures, ``(United States dollars)``) or over the heads of those columns, and unless its
    words are their heads set close. A column's place runs from the
    column before it to its right edge, as the figures are right-aligned."""
    heads = [runs for runs in _split_heads(p.cells, columns) if runs[0].x0 > labels_end]
    if len(p.cells) == 1 and p.row.x1 < columns[0][0]:
        return []                 # a line of the stub head
    found = []
    for k, runs in enumerate(heads):
        x0, x1 = runs[0].x0, max(r.x1 for r in runs)
        over = _under_rule(runs, columns, labels_end, rules)
        if len(over) < 2:
            over = _over_places(x0, x1, columns)
            if _heads_set_close(runs, columns, over) or not (len(heads) == 1 or _headed(over, columns, below)):
                continue
        if len(over) < 2:
            continue
        lo, hi = columns[over[0]][0], columns[over[-1]][1]
        if any(o is not runs and o[0].x0 < hi and max(r.x1 for r in o) > lo for o in heads):
            continue              # another head of the row over those columns: a head each
        found.append((runs, over[0], over[-1] - over[0] + 1))
    return found


WORD = re.compile(r"\S+")


def _headed(over: list[int], columns: list[list[float]], below: list[_Printed]) -> bool:
    """Whether a row of heads under a head has heads over the columns ``over``."""
    for p in below:
        found = {_column_of(runs, columns) for runs in _split_heads(p.cells, columns)}
        if sum(k in found for k in over) >= 2:
            return True
    return False


def _heads_set_close(runs: list[Run], columns: list[list[float]], over: list[int]) -> bool:
    """Whether the words of what reads as one head are the heads of the columns it stands over,
    set close (``MEAs Overall``): heads are right-aligned over their figures, so each of those
    columns has a word ending at its right edge (letters placed in proportion along their run:
    exact for ``-layout`` text, near enough for a PDF's)."""
    ends = []
    for run in runs:
        step = (run.x1 - run.x0) / max(len(run.text), 1)
        ends += [run.x0 + m.end() * step for m in WORD.finditer(run.text)]
    reach = ALIGN * runs[0].size
    return all(any(abs(end - columns[k][1]) <= reach for end in ends) for k in over)


def _over_places(x0: float, x1: float, columns: list[list[float]]) -> list[int]:
    width = max(x1 - x0, 1e-6)
    over = []
    for k, (_, right) in enumerate(columns):
        left = columns[k - 1][1] if k else x0
        if min(x1, right) - max(x0, left) >= SPAN_SHARE * width:
            over.append(k)
    return over


def _under_rule(runs: list[Run], columns: list[list[float]], labels_end: float,
                rules: list[tuple[float, float, float]]) -> list[int]:
    """The columns the border just above a head spans (none if it reaches over the labels)."""
    size = runs[0].size
    top = max(r.top for r in runs)
    centre = (runs[0].x0 + max(r.x1 for r in runs)) / 2
    above = [(y, x0, x1) for x0, x1, y in rules
             if 0 <= y - top <= 1.5 * size and x0 <= centre <= x1]
    if not above:
        return []
    _, x0, x1 = min(above)
    if x0 < labels_end:
        return []
    return [k for k, (left, right) in enumerate(columns)
            if x0 - ALIGN * size <= left and right <= x1 + ALIGN * size]


def _body(printed: list[_Printed], columns: list[list[float]]) -> list[list[list[tuple[Row, list[Run]]]]]:
    """Rows of the table: a figure row with the label lines set tight over it; a label line set
    apart from the next row, or ending in a colon (``Of which:``, the head of the rows under it),
    is a row alone."""
    rows: list[list[list[tuple[Row, list[Run]]]]] = []
    pending: list[_Printed] = []
    for p in printed:
        if pending and (not _near(pending[-1].row, p.row, TIGHT) or pending[-1].row.text().rstrip().endswith(":")):
            rows.append([[] for _ in range(len(columns) + 1)])
            for q in pending:
                _cells_into(q, columns, rows[-1])
            pending = []
        pending.append(p)
        if p.figures:
            rows.append([[] for _ in range(len(columns) + 1)])
            for q in pending:
                _cells_into(q, columns, rows[-1])
            pending = []
    return rows



def join_cell_lines(texts: list[str]) -> str:
    """The printed lines of one cell as one text: a line ending in a hyphen after a letter joins
    the next close (``medium-`` ``term``), the others with a space."""
    out = ""
    for text in texts:
        if out and text and not (out.endswith("-") and out[-2:-1].isalpha()):
            out += " "
        out += text
    return out


def pipe_row(texts: list[str], spans: dict[int, int]) -> str:
    """A row of a pipe table; a cell spanning n columns is followed by n - 1 bars with nothing
    between them (``| (United States dollars) ||``), as MultiMarkdown writes a spanning cell."""
    out = "|"
    covered = 0
    for c, text in enumerate(texts):
        if covered:
            covered -= 1
            out += "|"
            continue
        out += " " + text + " |"
        covered = spans.get(c, 1) - 1
    return out
