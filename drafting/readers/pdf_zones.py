"""What each printed row of a page is: page furniture, the footnote rule, a footnote, or the text.

Read from the page, not guessed from words:
- furniture stands at the top or the bottom edge of the page and is either printed the same way
  on several pages (running heads: the symbol, the title; page markers ``2/9``, the job number,
  digits counted as one sign) or has the form of UN page furniture wherever it stands at the edge
  (the job number ``25-20009 (E)``, the print-date stamp ``141025``, the barcode ``*2520009*``,
  a page marker, the symbol as a running head, ``Please recycle``). The scan from each edge stops at
  the first row that is neither, so the text of the page is never taken;
- the footnote rule is a short line at the left of the page (a drawn path or a row of
  underscores) whose next row starts with a note marker; the rows under it, down to the next rule
  or to the page foot, are footnotes.

The title printed on the first page is not a running head: the first page's rows are compared with
the other pages' rows by text, size and height on the page, and the title is printed larger and
elsewhere than where it repeats.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field

from drafting.locale.vocabulary import division_label, vocabulary
from drafting.readers.pdf_layout import Row, SMALLER
from drafting.readers.pdf_runs import PageText, Run
from drafting.records import record
from drafting.regex import LazyPattern

EDGE = 0.13                 # fraction of the page height where furniture can stand, at top and foot
REPEAT_DY = 4.0             # points: a row is repeated when another page prints it this close
RAISED = 0.2                # of the line's size: a baseline this much higher is raised
TINY = 3.0                  # points: text smaller than this is not meant to be read

# ``2/9``, ``7``, ``- 7 -``, and the page line of older documents (``Page 2``, ``Página 2``, ``Стр. 2``)
PAGE_MARKER = re.compile(r"\d{1,4}(?: ?/ ?\d{1,4})?|- ?\d{1,4} ?-|(?:page|página|pág\.|стр\.|страница) ?\d{1,4}",
                         re.IGNORECASE)
# ``25-20009 (E)``, Vienna ``V.25-09303 (E)``, Geneva ``GE.25-12345 (F)``
JOB_NUMBER = re.compile(r"(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?: ?\([A-Z]\))?")
JOB_AND_STAMP = re.compile(r"((?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?: ?\([A-Z]\))?) +(\d{6}(?: \d{6})*)")
STAMP = re.compile(r"\d{6}(?: \d{6})*|\([A-Z]\)")
BARCODE = re.compile(r"\*\d{5,}\*")
DIVISION_LABEL = LazyPattern(division_label)   # "Article 21", "Chapter II": a treaty's headings
RECYCLE = LazyPattern(lambda: vocabulary().recycle)   # "Please recycle", the locale's words
SYMBOL = re.compile(r"[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.()]+(?:-[A-Z][A-Za-z0-9.()]*)?){1,8}")
UNDERSCORES = re.compile(r"_{5,}")
NOTE_MARKER = re.compile(r"[1-9]\d{0,2}|\*{1,3}|[a-z]|[†‡§¶]{1,2}")


def plain(runs: list[Run]) -> str:
    """The runs' text with the spaces their positions print."""
    out: list[str] = []
    right = None
    for run in runs:
        if out and (run.space_before or (right is not None and run.x0 - right > 0.25 * run.size)):
            if not out[-1].endswith(" "):
                out.append(" ")
        out.append(run.text)
        right = run.x1
    return "".join(out).strip()


def furniture_pieces(text: str, symbols: bool) -> list[tuple[str, str]] | None:
    """The furniture kinds of one piece of an edge row, or None when it has no furniture form."""
    if m := JOB_AND_STAMP.fullmatch(text):
        return [(m.group(1), "job-number"), (m.group(2), "stamp")]
    for pattern, kind in ((JOB_NUMBER, "job-number"), (BARCODE, "barcode"), (STAMP, "stamp"),
                          (PAGE_MARKER, "page-number"), (RECYCLE, "recycle")):
        if pattern.fullmatch(text):
            return [(text, kind)]
    if symbols and SYMBOL.fullmatch(text.replace(" ", "")):
        return [(text, "running-head")]
    return None


def _division_label(text: str) -> bool:
    m = DIVISION_LABEL.match(text.strip("*_ ")) if len(text) < 40 else None
    return bool(m) and not m.group("title")


def _signature(piece: list[Run]) -> tuple[str, float]:
    """A piece of an edge row as it repeats: digits counted as one sign (``2/9`` = ``3/9``)."""
    text = "".join(r.text for r in piece)
    return re.sub(r"\d", "#", re.sub(r"\s", "", text)), round(max(r.size for r in piece) * 2) / 2


@record
class PageRows:
    """A PDF page's rows and the zone of each (masthead, body, notes, furniture)."""

    page: PageText
    rows: list[Row]
    zones: list[str | None] = field(default_factory=list)
    kinds: dict[int, list[tuple[str, str]]] = field(default_factory=dict)   # furniture rows
    markers: dict[int, int] = field(default_factory=dict)   # note row -> runs in its marker
    rules_y: list[float] = field(default_factory=list)      # full-width lines (the masthead's)
    turned: list[Run] = field(default_factory=list)         # text printed at an angle

    def __post_init__(self) -> None:
        self.zones = [None] * len(self.rows)


def classify(pages: list[PageRows]) -> None:
    """Set every row's zone: furniture, rule, note or None (the text)."""
    repeats = _repeated_pieces(pages)
    margin = text_margin(pages)
    for pr in pages:
        _mark_tiny(pr)
        rules = _rule_rows(pr, margin)
        _mark_edges(pr, repeats, max((y for y, _ in rules), default=None))
        _mark_notes(pr, rules, margin)


def _at_edge(pr: PageRows, row: Row) -> str | None:
    h = pr.page.height
    if row.y >= h * (1 - EDGE):
        return "top"
    if row.y <= h * EDGE:
        return "foot"
    return None


def _repeated_pieces(pages: list[PageRows]) -> set[tuple[int, int, int]]:
    """(page index, row index, piece index) of every edge piece printed alike on another page."""
    seen: dict[tuple[str, float], list[tuple[int, int, int, float]]] = {}
    for p, pr in enumerate(pages):
        for i, row in enumerate(pr.rows):
            if _at_edge(pr, row):
                for k, piece in enumerate(row.pieces):
                    seen.setdefault(_signature(piece), []).append((p, i, k, piece[0].y))
    out: set[tuple[int, int, int]] = set()
    for places in seen.values():
        if len({p for p, _, _, _ in places}) < 2:
            continue
        for p, i, k, y in places:
            if any(q != p and abs(y - y2) <= REPEAT_DY for q, _, _, y2 in places):
                out.add((p, i, k))
    return out


def _mark_tiny(pr: PageRows) -> None:
    for i, row in enumerate(pr.rows):
        if row.size < TINY:
            pr.zones[i] = "furniture"
            pr.kinds[i] = [(row.text().strip(), "hidden-text")]


def _edge_kinds(pr: PageRows, i: int, repeats: set[tuple[int, int, int]],
                under_rule: bool) -> list[tuple[str, str]] | None:
    row = pr.rows[i]
    kinds: list[tuple[str, str]] = []
    allow_symbol = pr.page.number > 1
    for k, piece in enumerate(row.pieces):
        text = plain(piece)
        if not allow_symbol and SYMBOL.fullmatch(text.replace(" ", "")):
            return None     # the first page's symbol is its masthead's, even where it repeats
        found = furniture_pieces(text, allow_symbol)
        if found is None:
            if under_rule or (pr.page.number - 1, i, k) not in repeats or _division_label(text):
                # "Article 21" and "Article 27" atop two pages repeat as "Article ##" does, yet are
                # a treaty's headings, no running head
                return None
            found = [(text, "running-head")]
        kinds.extend(found)
    return kinds


def _mark_edges(pr: PageRows, repeats: set[tuple[int, int, int]], rule_y: float | None) -> None:
    """Furniture from the top edge down and from the foot up, to the first row of text.

    Under a footnote rule only the forms of furniture count, not repetition: two pages can end
    with footnotes of the same shape (``3 Resolution 73/291, annex.``) at the same height.
    """
    for order in (range(len(pr.rows)), range(len(pr.rows) - 1, -1, -1)):
        for i in order:
            if pr.zones[i] == "furniture":
                continue
            row = pr.rows[i]
            if _at_edge(pr, row) is None:
                break
            under_rule = rule_y is not None and row.y < rule_y
            kinds = _edge_kinds(pr, i, repeats, under_rule)
            if kinds is None:
                break
            pr.zones[i] = "furniture"
            pr.kinds[i] = kinds


def text_margin(pages: list[PageRows]) -> float:
    """The left edge of the document's text: where most long rows start (the lines that continue
    a paragraph), to the point (to 3 points on an OCR layer, whose positions jitter). One edge
    for the document: a page of hanging-indented items would otherwise set its own."""
    starts: Counter = Counter()
    lefts: dict[int, float] = {}
    for pr in pages:
        rows = [row for row, zone in zip(pr.rows, pr.zones) if zone is None]
        if not rows:
            continue
        step = 3 if pr.page.invisible_chars else 1
        width = max(row.x1 for row in rows) - min(row.x0 for row in rows)
        for row in rows:
            if row.x1 - row.x0 > 0.5 * width:
                key = round(row.x0 / step) * step
                starts[key] += 1
                lefts[key] = min(lefts.get(key, row.x0), row.x0)
    return lefts[starts.most_common(1)[0][0]] if starts else 0.0


def is_raised(run: Run, row: Row) -> bool:
    """Printed smaller and higher than its line: a footnote call, a marker, an ordinal."""
    return run.y - row.y > RAISED * row.size and run.size < SMALLER * row.size


def marker_runs(row: Row, margin: float) -> int:
    """How many runs at the start of a footnote row print its marker (0: none)."""
    count = 0
    while count < len(row.runs) - 1 and is_raised(row.runs[count], row):
        count += 1
    if count and NOTE_MARKER.fullmatch("".join(r.text for r in row.runs[:count]).strip()):
        return count
    first = row.runs[0]
    if len(row.runs) > 1 and NOTE_MARKER.fullmatch(first.text.strip()) and first.x0 < margin - 2:
        return 1        # a marker printed at the text's size, hanging left of the text
    return 0


def _rule_rows(pr: PageRows, margin: float) -> list[tuple[float, int | None]]:
    """Candidate footnote rules: (height on the page, row index or None for a drawn line)."""
    width = pr.page.width
    found: list[tuple[float, int | None]] = []
    for i, row in enumerate(pr.rows):
        if pr.zones[i] is None and UNDERSCORES.fullmatch(row.text().strip()) and row.x0 < 0.35 * width:
            found.append((row.y, i))
    by_y: dict[int, list[tuple[float, float, float]]] = {}
    for x0, x1, y in pr.page.rules:
        by_y.setdefault(round(y), []).append((x0, x1, y))
    for segments in by_y.values():
        span = max(s[1] for s in segments) - min(s[0] for s in segments)
        if span > 0.5 * width:
            pr.rules_y.append(segments[0][2])      # a full-width line: the masthead's
        elif len(segments) == 1 and segments[0][0] < 0.35 * width and segments[0][0] <= margin + 2:
            found.append((segments[0][2], None))
    return sorted(found, key=lambda f: -f[0])


def _mark_notes(pr: PageRows, rules: list[tuple[float, int | None]], margin: float) -> None:
    if not rules:
        return
    starts = []
    for y, index in rules:
        below = [i for i, row in enumerate(pr.rows) if row.y < y and pr.zones[i] is None and i != index]
        if not below:
            continue
        first = below[0]
        if marker_runs(pr.rows[first], margin) or first in pr.markers:
            starts.append((y, index, first))
    for n, (y, index, first) in enumerate(starts):
        if index is not None:
            pr.zones[index] = "rule"
        floor = starts[n + 1][0] if n + 1 < len(starts) else float("-inf")
        for i in range(first, len(pr.rows)):
            row = pr.rows[i]
            if row.y <= floor:
                break
            if pr.zones[i] is not None:
                continue
            pr.zones[i] = "note"
            count = marker_runs(row, margin)
            if count:
                pr.markers[i] = count
