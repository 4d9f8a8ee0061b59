"""Numbering rules: paragraph numbers and sub-paragraph labels.

UN paragraphs are numbered 1, 2, 3 through the whole document, not restarting per chapter, so
that a reference means the same paragraph in every language. A number the reader had to infer
(printed without one) is a finding in the source file even though the model repaired it.
"""

from __future__ import annotations

import re

from drafting.check.labels import bare, label_of, series_of, value_of
from drafting.check.registry import rule
from drafting.model.akn import local, xp


def numbered_paragraphs(doc):
    """(unit, int) for every body paragraph with an Arabic number, in reading order."""
    out = []
    for u in doc.units:
        if u.kind == "paragraph" and u.number and u.number.isdigit():
            out.append((u, int(u.number)))
    return out


@rule("UN101", "paragraph-numbering", "error",
      "Paragraph numbers run 1, 2, 3 through the document: continuous, unique, in order.",
      """Paragraphs are numbered consecutively in Arabic numerals across chapters (numbering does
      not restart in each chapter). A gap, a repeated number or a number out of order breaks
      every cross-reference and every language version.""")
def paragraph_numbering(doc):
    if doc.is_note:
        return  # a note's paragraphs go unnumbered: a figure at a line start is no number
    seen: dict[int, object] = {}
    previous = None
    for unit in doc.units:
        if unit.level == "annex":      # an annex numbers its paragraphs afresh
            seen, previous = {}, None
            continue
        if unit.kind != "paragraph":
            continue
        if not (unit.number and unit.number.isdigit()):
            if previous is not None and not unit.num and unit.text and not _is_set_off(unit.element):
                previous += 1  # a paragraph that lost its number still takes one (UN102)
            continue
        n = int(unit.number)
        if n in seen:
            yield doc.finding("UN101", f"paragraph number {n} is used twice", unit, needle=unit.num)
        elif previous is not None and n < previous:
            yield doc.finding("UN101", f"paragraph {n} comes after paragraph {previous}: out of order",
                              unit, needle=unit.num)
        elif previous is not None and n > previous + 1:
            missing = f"{previous + 1}" if n == previous + 2 else f"{previous + 1}-{n - 1}"
            yield doc.finding("UN101", f"paragraph {n} follows paragraph {previous}: "
                              f"number{'s' if n > previous + 2 else ''} {missing} missing",
                              unit, needle=unit.num)
        seen.setdefault(n, unit)
        previous = n if previous is None else max(previous, n)


@rule("UN102", "paragraph-without-number", "error",
      "A paragraph is printed without its number (the number had to be inferred).",
      """Among numbered paragraphs, a paragraph printed without a number is a lost number (often
      a PDF or OCR accident). The reader infers it to keep the structure right; the source
      file is still wrong and is reported. Quotations set off as their own paragraph are not
      numbered and are not reported.""")
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
    numbered = numbered_paragraphs(doc)
    if len(numbered) < 2:
        return
    first_eid, last_eid = numbered[0][0].eid, numbered[-1][0].eid
    started = False
    for u in doc.units:
        if u.eid == last_eid:
            break  # after the last numbered paragraph an unnumbered one is not a lost number
        started = started or u.eid == first_eid
        if started and u.kind == "paragraph" and not u.num and not _is_set_off(u.element) and u.text:
            line = doc.line_of(u.eid)
            if line in reported_lines and line is not None:
                continue
            yield doc.finding("UN102", "paragraph printed without a number between numbered "
                              "paragraphs", u)


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
      a) and i) in French, Spanish and Russian.""")
def point_labels(doc):
    from drafting.locale import LANGS, point_label
    for d, unit in doc.inferred_numbers({"point"}):
        number = unit.number if unit is not None and unit.num else _number_in(d.message)
        yield doc.finding("UN103", f"list item {number or ''} is printed without its number",
                          unit, line=d.line, column=1 if d.line else None)
    if doc.lang not in LANGS:
        return
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
            expected = 1
            for (p, num), label in zip(labelled, labels):
                value = value_of(label, series)
                unit_num = num
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


def _shape(label: str) -> str:
    """``(a)`` and ``(iv)`` -> ``(x)``; ``a)`` -> ``x)``: the punctuation around the label."""
    return re.sub(r"[^\s()\[\].]+", "x", label.strip())
