"""Pass 8: numbers that were not printed, or printed wrong, inferred from the sequence.

An unnumbered paragraph that fills a gap in the numbering takes the missing number; a chapter
whose numeral OCR lost or misread takes the one the sequence allows. Every inference is written
into the model (``num_inferred``) and reported with its source line.
"""

from __future__ import annotations

import re

from drafting.model.blocks import DocumentBlocks, Heading, Para, Point
from drafting.model.numbering import forms, paragraph_value, roman
from drafting.readers.passes.reading import Reading


def run(reading: Reading) -> None:
    infer_chapters(reading.doc)
    infer_paragraph_numbers(reading.doc)


def segments(body: list) -> list[list]:
    """The main text and each annex: the stretches in which numbers run on."""
    parts: list[list] = [[]]
    for item in body:
        if isinstance(item, Heading) and item.level == "annex":
            parts.append([])
        parts[-1].append(item)
    return parts


def infer_paragraph_numbers(doc: DocumentBlocks) -> None:
    for part in segments(doc.body):
        _infer_paragraph_numbers(doc, part)
    _infer_list_items(doc)


def _infer_paragraph_numbers(doc: DocumentBlocks, body: list) -> None:
    """Unnumbered paragraphs that fill a gap in the numbering take the missing numbers."""
    paras = [p for p in body if isinstance(p, Para) and p.role == "paragraph" and p.table is None]
    # (a paragraph without a printed number has no value: only the numbers are read)
    numbered = [(i, value) for i, p in enumerate(paras) if p.num and (value := paragraph_value(p.num)) is not None]
    if not numbered:
        return
    anchors = [(-1, 0)] + numbered
    for (i, a), (j, b) in zip(anchors, anchors[1:]):
        run = [p for p in paras[i + 1:j] if p.num is None and not _is_list_intro(p)]
        if run and len(run) == b - a - 1:
            printed = paras[j].num  # the numbers around a gap show the form: "12." or "12 -"
            for k, para in enumerate(run, start=a + 1):
                para.num, para.num_inferred = re.sub(r"^\d+", str(k), printed), True
                doc.note("warning", f"paragraph number {k} was not printed; inferred from the sequence", para.line, "inferred-number")
        elif b - a - 1 > 0 and i >= 0:
            doc.note("warning", f"paragraph numbers jump from {a} to {b}", paras[j].line, "sequence")


def _is_list_intro(para: Para) -> bool:
    return bool(para.points) and any(isinstance(p, Point) and p.num and p.num.endswith(".") for p in para.points)


def _infer_list_items(doc: DocumentBlocks) -> None:
    for para in (p for p in doc.body if isinstance(p, Para)):
        expected = 1
        # (whether the paragraph introduces a list, asked once: a number given below ends with a
        # full stop, which leaves the answer as it was)
        intro = None
        for item in para.points:
            if isinstance(item, Heading):
                expected = 1
                continue
            if item.num is None and intro is None:
                intro = _is_list_intro(para)
            if item.num is None and intro:
                item.num, item.num_inferred = f"{expected}.", True
                doc.note("warning", f"list item number {expected} was not printed; inferred from the sequence", item.line, "inferred-number")
            if item.num and paragraph_value(item.num) is not None:
                expected = paragraph_value(item.num) + 1


def infer_chapters(doc: DocumentBlocks) -> None:
    """Lost or misread chapter numbers are restored from the sequence I, II, III...

    First the chapters whose numeral was lost (`` . Introduction``) or misread (``[11.``) take the
    numeral the sequence allows; then top-level cross-headings that stand exactly where chapters
    are missing between two known numerals (II between I and III) become those chapters.
    """
    for part in segments(doc.body):
        _infer_chapters(doc, part)


def _infer_chapters(doc: DocumentBlocks, body: list) -> None:
    f = forms(doc.lang)
    tops = [h for h in body if isinstance(h, Heading) and h.level in ("chapter", "crossHeading")]
    if not any(h.level == "chapter" and h.num for h in tops):
        return
    value = 0
    for h in tops:
        if h.level != "chapter" or not h.num:
            continue
        if not h.num.startswith("?"):
            value = f.chapter_value(h.num) or value
            continue
        token = h.num[1:]
        want = value + 1
        if token:
            candidates = [n for n in range(value + 1, value + 8) if len(roman(n)) == len(token)]
            want = candidates[0] if candidates else want
        h.num, h.num_inferred = f.chapter_label(want), not token
        what = f"'{token}.' read as '{h.num}'" if token else f"lost chapter number restored as '{h.num}'"
        doc.note("warning", f"OCR repair: {what}", h.line, "ocr-repair" if token else "inferred-number")
        value = want
    known = [(k, value) for k, h in enumerate(tops) if h.level == "chapter" and (value := f.chapter_value(h.num))]
    for (k1, v1), (k2, v2) in zip(known, known[1:]):
        between = [h for h in tops[k1 + 1:k2] if h.level == "crossHeading"]
        if between and len(between) == v2 - v1 - 1:
            for offset, h in enumerate(between, start=1):
                h.level, h.num, h.num_inferred = "chapter", f.chapter_label(v1 + offset), True
                doc.note("warning", f"lost chapter number restored as '{h.num}' from the sequence", h.line, "inferred-number")
