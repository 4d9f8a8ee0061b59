"""The UN numbering rules of the Markdown dialect, applied after the blocks are read.

- Paragraphs are numbered continuously through the document (not per chapter); a number the
  drafter typed (``12.``) is kept and the count goes on from it; ``{-}`` leaves one unnumbered.
- In a resolution the paragraphs before the first typed number are the preamble; the first of
  them is the enacting formula when it ends with a comma and names the organ (or is wholly in
  italics); the rest are operative paragraphs, numbered like a report's.
- Unnumbered chapters, sections and subsections get I., A., 1. (sections restart per chapter,
  subsections per section), unless marked ``{-}``.
- Sub-paragraph labels written with letters or roman numerals are rewritten in the language's
  form by position: ``(a)`` in English, ``a)`` in French and Spanish.
"""

from __future__ import annotations

import re

from drafting import locale
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, Styled, plain_text
from drafting.model.numbering import from_roman

FORMULA_END = (",", "،", "，")
LETTER_LABEL_RE = re.compile(r"^\(?(?:[a-z]{1,3}|[\u0621-\u064a]{1,2})\)$")


def _is_formula(para: Para, organ_names: list[str]) -> bool:
    text = plain_text(para.text).strip()
    if not text.endswith(FORMULA_END):
        return False
    body = text[:-1].strip().lower()
    if any(name.strip().lower() in body for name in organ_names if name.strip()):
        return True
    styled = [x for x in para.text if not (isinstance(x, str) and x.strip() in ("", ",", "،", "，"))]
    return len(styled) == 1 and isinstance(styled[0], Styled) and styled[0].tag == "i"


def number_document(items, is_resolution: bool, numbered: bool, organ_names: list[str],
                    blocks: DocumentBlocks) -> tuple[list[Para], list]:
    """Split a resolution's preamble off and number paragraphs and headings the UN way."""
    preamble: list[Para] = []
    body = list(items)
    if is_resolution:
        # the preamble is the run of plain paragraphs at the start: it ends at the first paragraph
        # with a typed number (or marked {-}) or at the first heading
        first = next((k for k, x in enumerate(body)
                      if isinstance(x, Heading) or (x.role == "paragraph" and (x.num or getattr(x, "unnumbered", False)))),
                     None)
        if first is None:
            blocks.note("warning", "a resolution without a numbered (operative) paragraph: every "
                        "paragraph is read as operative; type 1. before the first operative one",
                        None, "no-operative")
        else:
            preamble, body = body[:first], body[first:]
            for para in preamble:
                para.num = None
                para.role = "preambular"
                if para.points:
                    blocks.note("warning", "sub-paragraphs in a preambular paragraph are kept as text",
                                para.line, "preamble-points")
                    extra = " ".join(_flatten_points(para.points))
                    if extra:
                        # before the footnotes kept at the paragraph's end (their calls were lost)
                        cut = len(para.text)
                        while cut and isinstance(para.text[cut - 1], NoteRef) and not para.text[cut - 1].anchored:
                            cut -= 1
                        para.text = para.text[:cut] + [" " + extra] + para.text[cut:]
                    para.points = []
            if preamble and _is_formula(preamble[0], organ_names):
                preamble[0].role = "formula"
    _lift_leading_cross_headings(body, blocks)
    _number_paragraphs(body, numbered)
    if numbered:
        _number_headings(body, blocks.lang)
    return preamble, body


def _flatten_points(points) -> list[str]:
    out = []
    for p in points:
        text = f"{p.num or ''} {plain_text(p.text)}".strip()
        if text:
            out.append(text)
        if isinstance(p, Point):
            out += _flatten_points(p.points)
    return out


def _lift_leading_cross_headings(body, blocks: DocumentBlocks) -> None:
    """A ``####`` before any chapter or section becomes an unnumbered chapter heading.

    The AKN schema takes a cross-heading inside a chapter or section, but not everywhere directly
    in the main body (a statement's main body refuses one after a paragraph).
    """
    for item in body:
        if isinstance(item, Heading) and item.level != "crossHeading":
            return
        if isinstance(item, Heading):
            item.level = "chapter"
            item.unnumbered = True
            blocks.note("warning", "a cross-heading (####) before the first chapter is kept as an "
                        "unnumbered chapter heading (# ... {-})", item.line, "cross-heading-lifted")


def _number_paragraphs(body, numbered: bool) -> None:
    count = 0
    for item in body:
        if isinstance(item, Heading) and item.level == "annex":
            count = 0  # an annex numbers its paragraphs afresh
            continue
        if not isinstance(item, Para) or item.role != "paragraph" or item.table is not None:
            continue
        if item.num:
            count = int(re.match(r"\d+", item.num).group())
        elif numbered and not getattr(item, "unnumbered", False):
            count += 1
            item.num = f"{count}."


def _number_headings(body, lang: str = "en") -> None:
    from drafting.model.numbering import forms

    own = forms(lang)  # I. A. in most languages; 一. in Chinese; أولا - and ألف - in Arabic
    chapter = section = subsection = 0
    for item in body:
        if not isinstance(item, Heading) or item.level == "crossHeading":
            continue
        if item.level == "annex":
            chapter = section = subsection = 0
            continue
        auto = item.num is None and not getattr(item, "unnumbered", False)
        if item.level == "chapter":
            if auto:
                chapter += 1
                item.num = own.chapter_label(chapter)
            else:
                chapter = own.chapter_value(item.num) or from_roman(item.num or "") or chapter
            section = subsection = 0
        elif item.level == "section":
            if auto:
                section += 1
                item.num = own.section_label(section)
            elif own.section_value(item.num):
                section = own.section_value(item.num)
            subsection = 0
        elif item.level == "subsection":
            if auto:
                subsection += 1
                item.num = f"{subsection}."
            elif item.num and item.num.rstrip(".").isdigit():
                subsection = int(item.num.rstrip("."))


def relabel_points(body, lang: str, blocks: DocumentBlocks) -> None:
    """Letter and roman labels in the language's form, by position (``(a)`` en, ``a)`` fr/es)."""
    for item in body:
        if isinstance(item, Para):
            _relabel(item.points, 0, lang, blocks)


def _relabel(points, level: int, lang: str, blocks: DocumentBlocks) -> None:
    """``level`` counts the lettered ancestors only: letters under a "1." item are level 0."""
    index = 0
    for point in points:
        if not isinstance(point, Point):
            continue
        lettered = bool(point.num) and level <= 1 and _is_label(point.num, level)
        if lettered:
            label = locale.point_label(index, level, lang)
            if _bare(label) != _bare(point.num):
                blocks.note("info", f"sub-paragraph {point.num} is labelled {label} by its position",
                            point.line, "relabelled")
            point.num = label
            index += 1
        _relabel(point.points, level + 1 if lettered else level, lang, blocks)


def _bare(label: str) -> str:
    return label.strip("()").rstrip(")")


def _is_label(num: str, level: int) -> bool:
    """Letters at the first level, roman numerals (or letters) below: the labels UN style fixes."""
    return bool(LETTER_LABEL_RE.match(num)) or bool(re.fullmatch(r"\(?[ivxlc]+\)", num))
