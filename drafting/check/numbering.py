"""Numbering rules: paragraph numbers and sub-paragraph labels.

UN paragraphs are numbered 1, 2, 3 through the whole document, not restarting per chapter, so
that a reference means the same paragraph in every language. A number the reader had to infer
(printed without one) is a finding in the source file even though the model repaired it.
"""

from __future__ import annotations

import re
from dataclasses import field

from drafting.check.labels import bare, label_of, series_of, value_of
from drafting.check.registry import rule
from drafting.model.akn import local, xp
from drafting.records import record


# A number this far past the last one is a year or a figure at the start of a line, never a
# paragraph number: no document skips hundreds of paragraphs.
YEAR_JUMP = 500


@record
class _Series:
    """One run of paragraph numbers: the document's own, or one that restarts at 1 (the text
    of a resolution or decision quoted in a report, an annex)."""

    last: int
    seen: set = field(default_factory=set)
    before_jump: int | None = None   # the last number before a gap (a stray number: 37, 2024, 38)


def numbering_events(doc) -> list[tuple]:
    """What the paragraph numbers say, once for both rules: ("twice", unit, n), ("order",
    unit, n, previous), ("gap", unit, n, previous, missing), ("lost", unit) for a paragraph
    printed without a number where the numbers around it leave room for exactly one.

    A paragraph 1 after higher numbers opens a new series (the report goes on quoting a
    resolution whose paragraphs are its own); a number that continues an earlier series
    closes the series opened after it. Unnumbered paragraphs between numbers that follow each
    other (n, text, n + 1) are introductions, quotations or tables, never lost numbers."""
    cached = doc.__dict__.get("_numbering_events")
    if cached is not None:
        return cached
    events: list[tuple] = []
    stack: list[_Series] = []
    pending: list = []
    for unit in doc.units:
        if unit.level in ("annex", "article"):  # an annex, a treaty's article: numbered afresh
            stack, pending = [], []
            continue
        if unit.kind != "paragraph":
            continue
        if not (unit.number and unit.number.isdigit()):
            if stack and not unit.num and unit.text and not _is_set_off(unit.element):
                pending.append(unit)
            continue
        n = int(unit.number)
        if stack and n - stack[-1].last > YEAR_JUMP:
            continue  # a year that begins a line ("in\n2024. During ..."), not a number
        if not stack:
            stack.append(_Series(n, {n}))
            pending = []
            continue
        current = stack[-1]
        if n == 1 and current.last >= 1:
            stack.append(_Series(1, {1}))  # a text with its own numbering begins
        elif n <= current.last and current.before_jump is not None and \
                current.before_jump < n <= current.before_jump + 1 + len(pending):
            # the numbers go on from before the gap: the jump was one stray number, reported
            current.last, current.before_jump = current.before_jump, None
            _advance(current, n, pending, events, unit)
        elif n <= current.last:
            earlier = next((i for i in range(len(stack) - 2, -1, -1)
                            if stack[i].last < n <= stack[i].last + 1 + len(pending)), None)
            if earlier is not None:
                del stack[earlier + 1:]  # the quoted text has ended: back to the series it left
                _advance(stack[-1], n, pending, events, unit)
            elif n in current.seen:
                events.append(("twice", unit, n))
            else:
                events.append(("order", unit, n, current.last))
        else:
            _advance(current, n, pending, events, unit)
        pending = []
    doc.__dict__["_numbering_events"] = events
    return events


def _advance(series: _Series, n: int, pending: list, events: list, unit) -> None:
    gap = n - series.last - 1
    series.before_jump = series.last if gap > 0 else None
    if gap > 0:
        if len(pending) == gap:
            events.extend(("lost", p) for p in pending)  # the unnumbered ones fill the gap
        else:
            events.append(("gap", unit, n, series.last, gap))
    series.last = n
    series.seen.add(n)


@rule("UN101", "paragraph-numbering", "error",
      "Paragraph numbers run 1, 2, 3 through the document: continuous, unique, in order.",
      """Paragraphs are numbered consecutively in Arabic numerals across chapters (numbering does
      not restart in each chapter). A gap, a repeated number or a number out of order breaks
      every cross-reference and every language version. A text quoted whole with its own
      numbering (a resolution in a report, an annex) starts again at 1 and is read as a series
      of its own.""")
def paragraph_numbering(doc):
    if doc.is_note:
        return  # a note's paragraphs go unnumbered: a figure at a line start is no number
    for event in numbering_events(doc):
        kind, unit = event[0], event[1]
        if kind == "twice":
            yield doc.finding("UN101", f"paragraph number {event[2]} is used twice", unit,
                              needle=unit.num)
        elif kind == "order":
            yield doc.finding("UN101", f"paragraph {event[2]} comes after paragraph {event[3]}: "
                              f"out of order", unit, needle=unit.num)
        elif kind == "gap":
            n, previous, gap = event[2], event[3], event[4]
            missing = f"{previous + 1}" if gap == 1 else f"{previous + 1}-{n - 1}"
            yield doc.finding("UN101", f"paragraph {n} follows paragraph {previous}: "
                              f"number{'s' if gap > 1 else ''} {missing} missing",
                              unit, needle=unit.num)


@rule("UN102", "paragraph-without-number", "error",
      "A paragraph is printed without its number (the number had to be inferred).",
      """Among numbered paragraphs, a paragraph printed without a number where the numbers
      around it leave room for it (4, text, 6) is a lost number (often a PDF or OCR accident).
      The reader infers it to keep the structure right; the source file is still wrong and
      is reported. Unnumbered text between consecutive numbers (4, text, 5) is an
      introduction or a quotation and is not reported.""")
def paragraph_without_number(doc):
    if doc.is_note:
        return
    reported_lines = set()
    for d, unit in doc.inferred_numbers({"paragraph"}):
        number = unit.number if unit is not None and unit.num else _number_in(d.message)
        what = f"paragraph {number}" if number else "a paragraph"
        reported_lines.add(d.line)
        yield doc.finding("UN102", f"{what} is printed without its number", unit, line=d.line,
                          column=1 if d.line else None)
    for event in numbering_events(doc):
        if event[0] != "lost":
            continue
        unit = event[1]
        line = doc.line_of(unit.eid)
        if line in reported_lines and line is not None:
            continue
        yield doc.finding("UN102", "paragraph printed without a number between numbered "
                          "paragraphs", unit)


def _number_in(message: str) -> str | None:
    m = re.search(r"\b(\d+)\b", message or "")
    return m.group(1) if m else None


def _is_set_off(el) -> bool:
    """A quotation or a table set off as its own paragraph: never numbered."""
    return any(local(c) in ("blockContainer", "table") for content in el if local(content) == "content"
               for c in content)


@rule("UN103", "point-labels", "warning",
      "Sub-paragraphs are labelled in sequence (a, b, c / i, ii, iii) in the language's form.",
      """The points of a list are labelled in sequence without gaps or repeats: letters a), b),
      c), then Roman i), ii), iii) one level down; numbered lists restart at 1 (under each
      cross-heading). The form follows the language: (a) and (i) in English and Chinese,
      a) and i) in French, Spanish and Russian. A list that starts again at (a) or 1 is a list
      of its own; labels printed in a sentence ("three objectives: (a) ...; (b) ...") are an
      enumeration, not a list. In an input read from pages (a PDF or its text) the list
      structure is the reader's reconstruction: numbered points print like numbered
      paragraphs, and a label after a gap (items lost to OCR or a page break, a nested list
      flattened) is no evidence; a label that repeats or goes back is still reported there.""")
def point_labels(doc):
    from drafting.locale import LANGS, point_label
    # A list item's number inferred in an input read from pages is the reader's guess about
    # where a list runs (numbered points and numbered paragraphs print alike, and the one
    # paragraph of an article prints no number): no evidence of a lost label.
    for d, unit in ([] if doc.read_from_pages else doc.inferred_numbers({"point"})):
        number = unit.number if unit is not None and unit.num else _number_in(d.message)
        yield doc.finding("UN103", f"list item {number or ''} is printed without its number",
                          unit, line=d.line, column=1 if d.line else None)
    if doc.lang not in LANGS:
        return
    # The last label of each series so far: a list that begins where the previous one of its
    # series stopped goes on from it (a page break or a quotation split it), it is no error.
    carry: dict[str, int] = {}
    for lst in xp(doc.doc, ".//a:mainBody//a:list | .//a:preamble//a:list"):
        runs, run = [], []
        for child in lst:
            name = local(child)
            if name == "crossHeading":
                runs.append(run)
                run = []
            elif name == "point":
                run.append(child)
        runs.append(run)
        for points in runs:
            labelled = [(p, (p.findtext("{*}num") or "").strip()) for p in points]
            labelled = [(p, num) for p, num in labelled if any(c.isalnum() for c in num)]
            if not labelled:
                continue
            labels = [bare(num) for _, num in labelled]
            series = series_of(labels)
            if series == "letter" and carry.get("roman") and \
                    value_of(labels[0].lower(), "roman") == carry["roman"] + 1:
                series = "roman"  # (ii), (iii) going on from an (i) before them
            first = value_of(labels[0], series)
            expected = first if first and first > 1 and first == carry.get(series, 0) + 1 else 1
            outer = None  # (series, expected) of a letter run while its (i), (ii) are read
            running = None  # the paragraph's running text, read when a label is missed
            for (p, num), label in zip(labelled, labels):
                if outer is None and series == "letter" and label.lower() == "i" and expected != 9:
                    outer, series, expected = (series, expected), "roman", 1  # one level down
                elif outer is not None and value_of(label.lower(), "roman") != expected:
                    series, expected = outer
                    outer = None
                value = value_of(label, series)
                unit_num = num
                if value == 1 and expected > 1:
                    expected = 1  # a list of its own begins (a quoted text, a nested list)
                if value and value > 1 and value != expected:
                    if running is None:
                        running = _running_text(lst.getparent())
                    if _printed_in(running, value - 1, series, num, doc.lang):
                        expected = value  # (a) and (b) printed in the sentence: a reading cut it
                if value != expected and doc.read_from_pages and (
                        series == "number" or value and value > expected):
                    expected = value  # what a reading of pages may lose or flatten: see below
                if value != expected:
                    want = (bare(point_label(expected - 1, 0, doc.lang)) if series == "letter"
                            else label_of(expected, series))
                    yield doc.finding("UN103", f"sub-paragraph {num} where {want} is expected",
                                      eid=p.get("eId"), num=unit_num, needle=num)
                expected = (value or expected) + 1
                if series != "number" and value:
                    level = 1 if series == "roman" else 0
                    want_form = point_label(value - 1, level, doc.lang)
                    if _shape(num) != _shape(want_form):
                        yield doc.finding("UN103", f"sub-paragraph label {num} is not in the "
                                          f"{doc.lang} form {want_form}",
                                          eid=p.get("eId"), num=num, needle=num)
            if outer is not None:
                series, expected = outer
            carry[series] = expected - 1


def _running_text(el) -> str:
    """The words of an element without its labels (``num``) and footnotes: where the labels of
    an enumeration printed in a sentence stand ("three objectives: (a) ...; (b) ...")."""
    parts = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and local(child) not in ("num", "authorialNote"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join(parts)


def _printed_in(text: str, expected: int, series: str, num: str, lang: str) -> bool:
    """The label expected before ``num`` is printed in the running text, in ``num``'s form:
    an enumeration in a sentence whose later labels a reading took for list items."""
    from drafting.locale import point_label
    if series == "letter":
        want = bare(point_label(expected - 1, 0, lang))
    else:
        want = label_of(expected, series)
    label = re.sub(r"[^\s()\[\].]+", want, num.strip(), count=1)
    return label in text


def _shape(label: str) -> str:
    """``(a)`` and ``(iv)`` -> ``(x)``; ``a)`` -> ``x)``: the punctuation around the label."""
    return re.sub(r"[^\s()\[\].]+", "x", label.strip())
