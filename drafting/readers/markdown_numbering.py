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
from drafting.model.blocks import DocumentBlocks, Heading, Para, Point, Styled

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
FORMULA_END = (",", "،", "，")
LETTER_LABEL_RE = re.compile(r"^\(?(?:[a-z]{1,3}|[\u0621-\u064a]{1,2})\)$")


def to_roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    text = text.strip().rstrip(".").upper()
    if not text or not re.fullmatch(r"[IVXLCDM]+", text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if b in values and values[b] > v else v
    return total


def plain(inlines) -> str:
    out = []
    for x in inlines:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, Styled):
            out.append(plain(x.children))
    return "".join(out)


def _is_formula(para: Para, organ_names: list[str]) -> bool:
    text = plain(para.text).strip()
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
        first = next((k for k, x in enumerate(body)
                      if isinstance(x, Para) and x.role == "paragraph" and x.num), None)
        if first is None:
            blocks.note("warning", "a resolution without a numbered (operative) paragraph: every "
                        "paragraph is read as operative; type 1. before the first operative one",
                        None, "no-operative")
        else:
            head, body = body[:first], body[first:]
            for x in head:
                if isinstance(x, Para):
                    preamble.append(x)
                else:
                    blocks.note("warning", "a heading in the preamble is kept as a preambular line",
                                x.line, "preamble-heading")
                    preamble.append(Para(num=None, text=([x.num + " "] if x.num else []) + x.text,
                                         line=x.line))
            for k, para in enumerate(preamble):
                para.num = None
                para.role = "preambular"
                if para.points:
                    blocks.note("warning", "sub-paragraphs in a preambular paragraph are kept as text",
                                para.line, "preamble-points")
                    para.text = para.text + [" " + " ".join(
                        f"{p.num or ''} {plain(p.text)}".strip() for p in para.points)]
                    para.points = []
            if preamble and _is_formula(preamble[0], organ_names):
                preamble[0].role = "formula"
    _number_paragraphs(body, numbered)
    if numbered:
        _number_headings(body)
    return preamble, body


def _number_paragraphs(body, numbered: bool) -> None:
    count = 0
    for item in body:
        if not isinstance(item, Para) or item.role != "paragraph":
            continue
        if item.num:
            count = int(item.num.rstrip("."))
        elif numbered and not getattr(item, "unnumbered", False):
            count += 1
            item.num = f"{count}."


def _number_headings(body) -> None:
    chapter = section = subsection = 0
    for item in body:
        if not isinstance(item, Heading) or item.level == "crossHeading":
            continue
        auto = item.num is None and not getattr(item, "unnumbered", False)
        if item.level == "chapter":
            if auto:
                chapter += 1
                item.num = f"{to_roman(chapter)}."
            else:
                chapter = from_roman(item.num or "") or chapter
            section = subsection = 0
        elif item.level == "section":
            if auto:
                section += 1
                item.num = f"{chr(ord('A') + (section - 1) % 26)}."
            elif item.num and re.fullmatch(r"[A-Z]\.", item.num):
                section = ord(item.num[0]) - ord("A") + 1
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
