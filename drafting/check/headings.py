"""Heading rules: chapters I, II, III and sections A, B, C in sequence; no lone ``A.``."""

from __future__ import annotations

import re

from drafting.check.labels import bare, from_letter, from_roman, to_letter, to_roman
from drafting.check.registry import rule
from drafting.model.akn import xp


def _headed(doc, el):
    num = (el.findtext("{*}num") or "").strip()
    return num, bare(num.split()[-1] if num else num)  # "IV." or "Chapter IV" as printed


_WORD = re.compile(r"[^\W\d_]{4,}")
_NO_SPACES_SCRIPT = re.compile("[\u0600-\u06ff\u3400-\u9fff]")


def reads_as_heading(text: str) -> bool:
    """A chapter or section title is words (``Organizational structure``), never figures
    (``D-2 (1) 2 (24) 123``) nor one acronym (``UNEA``): those are table rows and lists of
    abbreviations a reading took for headings."""
    if _NO_SPACES_SCRIPT.search(text):
        return True
    return any(not w.isupper() for w in _WORD.findall(text))


def _sequence(doc, elements, parse, show, rule_id, what):
    """Report missing and out-of-sequence numbers in one run of headings.

    A run may start later than 1 (an addendum printing chapter VI only); a missing number is
    reported with the number its neighbours imply. A run that starts again at I or A is a run
    of its own (a text quoted whole, as paragraph numbers are read); in an input read from
    pages a number after a gap is not reported (a heading the reading missed), a repeat or a
    number going back is.
    """
    values = []
    for el in elements:
        num, label = _headed(doc, el)
        values.append((el, num, parse(label) if label else None))
    known = [(i, v) for i, (_, _, v) in enumerate(values) if v]
    if not known:
        return  # a document that does not number these headings at all (a note, a letter)
    start = (known[0][1] - known[0][0]) if known else 1
    start = max(start, 1)
    expected = start
    for el, num, value in values:
        eid = el.get("eId")
        heading = " ".join("".join(el.find("{*}heading").itertext()).split()) \
            if el.find("{*}heading") is not None else ""
        if value is None:
            if not num and not reads_as_heading(heading):
                continue  # a table row or an acronym read as a heading: no lost number
            printed = f" (printed “{num}”)" if num else ""
            yield doc.finding(rule_id, f"{what} “{heading[:60]}” has lost its number{printed}: "
                              f"{show(expected)}. expected", eid=eid, num=num or None,
                              needle=num or heading[:20] or None)
            expected += 1
            continue
        if value == 1 and expected > 1:
            pass  # a run of its own begins: a text quoted whole, an annex, a reproduced report
        elif value > expected and doc.read_from_pages:
            pass  # a heading between them the reading of pages did not recognise as one
        elif value != expected:
            yield doc.finding(rule_id, f"{what} {num} where {show(expected)}. is expected",
                              eid=eid, num=num, needle=num)
        expected = value + 1


@rule("UN201", "chapter-numbering", "error",
      "Chapters are numbered I, II, III in sequence, none without its number.",
      """Chapter headings carry Roman numerals in sequence. A chapter whose number was lost
      (an OCR or copy accident) or numbered out of sequence is reported with the number
      expected from its neighbours. An addendum may start at a later chapter; a run that
      starts again at I is a text of its own (a report reproduced in an annex). In a PDF or
      its text, a number after a gap is a heading the reading missed, not reported.""")
def chapter_numbering(doc):
    for d, unit in doc.inferred_numbers({"chapter"}):
        yield doc.finding("UN201", f"chapter {unit.num if unit is not None else ''} is printed "
                          f"without its number ({d.message})", unit, line=d.line,
                          column=1 if d.line else None)
    chapters = xp(doc.doc, "a:mainBody/a:chapter")
    yield from _sequence(doc, chapters, from_roman, to_roman, "UN201", "chapter")


@rule("UN202", "section-lettering", "error",
      "Sections are lettered A, B, C in sequence within each chapter.",
      """Sections restart at A in each chapter and follow the alphabet without gaps or
      repeats. A run that starts again at A is a text of its own; in a PDF or its text, a
      letter after a gap is a heading the reading missed, not reported.""")
def section_lettering(doc):
    for d, unit in doc.inferred_numbers({"section"}):
        yield doc.finding("UN202", f"section {unit.num if unit is not None else ''} is printed "
                          f"without its letter ({d.message})", unit, line=d.line,
                          column=1 if d.line else None)
    parents = xp(doc.doc, "a:mainBody | a:mainBody/a:chapter")
    for parent in parents:
        sections = xp(parent, "a:section")
        yield from _sequence(doc, sections, lambda s: from_letter(s) if s.isupper() else None,
                             lambda n: to_letter(n).upper(), "UN202", "section")


@rule("UN203", "lone-section", "warning",
      "A chapter divided into sections has at least two: an A. needs a B.",
      """Dividing a chapter makes sense only with two parts at least; a single section A. means
      either a missing section or a heading that should not be there. Inputs read from pages
      (a PDF, its text) are not read for it: a section heading the reading missed would make
      any chapter look so.""")
def lone_section(doc):
    if doc.read_from_pages:
        return  # the reading of pages may have missed the section B. heading: no evidence
    for parent in xp(doc.doc, "a:mainBody | a:mainBody/a:chapter"):
        sections = xp(parent, "a:section")
        if len(sections) == 1:
            num, label = _headed(doc, sections[0])
            yield doc.finding("UN203", f"section {num or '(unnumbered)'} is the only section of "
                              f"its chapter", eid=sections[0].get("eId"), num=num or None,
                              needle=num or None)
