"""The UN numbering rules of the Markdown dialect, applied after the blocks are read.

- Paragraphs are numbered continuously through the document (not per chapter); a number the
  drafter typed (``12.``) is kept and the count goes on from it; ``{-}`` leaves one unnumbered.
- In a resolution the paragraphs before the first typed number are the preamble; the first of
  them is the enacting formula when it ends with a comma and names the organ (or is wholly in
  italics); the rest are operative paragraphs, numbered like a report's.
- Unnumbered chapters, sections and subsections get I., A., 1. (sections restart per chapter,
  subsections per section), unless marked ``{-}``.
- Sub-paragraph labels written with letters or roman numerals are rewritten in the language's
  form by position: ``(a)`` in English, ``a)`` in French and Spanish; ``relabel: false`` in the
  front matter keeps every label as typed (the writer sets it when a document prints its labels
  out of sequence, so that they come back as printed).
"""

from __future__ import annotations

import re

from drafting import locale
from drafting.model.blocks import DocumentBlocks, Heading, Para, Point, Styled, plain_text
from drafting.model.numbering import from_roman
from drafting.readers.passes.front import is_formula

FORMULA_END = (",", "،", "，")
LETTER_ROUNDS = 3  # labels by position go up to (zzz): the UN doubles (and rarely triples) letters
LETTER_LABEL_RE = re.compile(r"^\(?(?:[a-z]{1,3}|[\u0621-\u064a]{1,2})\)$")


def _is_formula(para: Para, organ_names: list[str]) -> bool:
    text = plain_text(para.text).strip()
    if not text.endswith(FORMULA_END):
        return False
    if is_formula(text):
        return True  # an organ's formula, by the locale's words (the rule every reader keeps)
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
                para.role = "preambular"  # its points (a), (b) stay its own: a list in its container
            if preamble and _is_formula(preamble[0], organ_names):
                preamble[0].role = "formula"
    # a "####" before the first chapter stays a cross-heading: the builder gives it the main
    # body's generic container (hcontainer name="crossHeading"), which every document type takes
    _number_paragraphs(body, numbered)
    if numbered:
        _number_headings(body, blocks.lang)
    return preamble, body


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


class _Silent:
    def note(self, *args, **kwargs) -> None:
        pass


def relabelling_changes(lists, lang: str) -> bool:
    """Would reading these lists of points back relabel any of them? (The writer asks, to keep
    labels printed out of sequence as printed: ``relabel: false``.)"""
    for points in lists:
        trial = _labels_only(points)
        _relabel(trial, 0, lang, _Silent())
        if _labels(trial) != _labels(points):
            return True
    return False


def _labels_only(points) -> list:
    """A copy of the points with their labels and nesting, no text (what relabelling reads)."""
    return [Point(num=p.num, text=[], points=_labels_only(p.points)) if isinstance(p, Point) else p
            for p in points]


def _labels(points) -> list:
    out = []
    for p in points:
        if isinstance(p, Point):
            out += [p.num, _labels(p.points)]
    return out


def _relabel(points, level: int, lang: str, blocks: DocumentBlocks) -> None:
    """``level`` counts the lettered ancestors only: letters under a "1." item are level 0.

    Labels typed in sequence keep their place in it, in the language's form (``(a)`` is ``a)`` in
    French and ``(أ)`` in Arabic): a list may continue one printed before it (``(d)`` after a page
    break) or count in roman (``(i)``, ``(ii)``), and a document read back from the dialect must
    keep them. Labels out of sequence (``(a) (a) (b)`` after an insertion) are set by position,
    from the first one's.
    """
    lettered = [p for p in points if isinstance(p, Point) and p.num and level <= 1 and _is_label(p.num, level)]
    if lettered:
        labels = terms_labels(lang)
        bares = [_bare(p.num) for p in lettered]
        letters = [_letter_value(b, labels["letters"]) for b in bares]
        romans = [_roman_value(b) for b in bares]
        keep_roman, in_sequence = False, True
        if level >= 1 and _consecutive(romans):
            start = romans[0] - 1  # under a lettered point (i) is the first roman, not the letter i
        elif _consecutive(letters):
            start = letters[0]
        elif _consecutive(romans):
            start, keep_roman = romans[0] - 1, level == 0
        else:
            start = letters[0] if letters[0] is not None else 0
            in_sequence = False
        if not keep_roman and start + len(lettered) > LETTER_ROUNDS * len(labels["letters"]):
            # past (zzz) a label by position grows with the list ((aaaa...) of 4,000 letters for
            # the 100,000th point): no UN list is that long, and the labels are kept as typed
            blocks.note("info", f"a list of {len(lettered):,} lettered sub-paragraphs: labels kept as typed",
                        lettered[0].line, "relabelled")
            bares = []
        for index, (point, bare) in enumerate(zip(lettered, bares), start):
            if keep_roman:  # (i) (ii) straight under a paragraph: roman, in the language's form
                point.num = labels["level0"].format(label=bare)
                continue
            label = locale.point_label(index, level, lang)
            if _bare(label) != bare and not in_sequence:
                blocks.note("info", f"sub-paragraph {point.num} is labelled {label} by its position",
                            point.line, "relabelled")
            point.num = label
    chosen = {id(p) for p in lettered}
    for point in points:
        if isinstance(point, Point):
            _relabel(point.points, level + 1 if id(point) in chosen else level, lang, blocks)


def terms_labels(lang: str) -> dict:
    return locale.terms(lang)["labels"]


def _consecutive(values: list) -> bool:
    return bool(values) and None not in values and all(b - a == 1 for a, b in zip(values, values[1:]))


def _letter_value(bare: str, own_letters: list[str]) -> int | None:
    """a -> 0, z -> 25, aa -> 26 (the UN doubles letters after z); the language's own letters too."""
    if not bare or bare != bare[0] * len(bare):
        return None
    if "a" <= bare[0] <= "z":
        return (len(bare) - 1) * 26 + ord(bare[0]) - ord("a")
    if bare[0] in own_letters:
        return (len(bare) - 1) * len(own_letters) + own_letters.index(bare[0])
    return None


def _roman_value(bare: str) -> int | None:
    if not re.fullmatch(r"[ivxlc]+", bare):
        return None
    try:
        return from_roman(bare.upper())
    except (ValueError, KeyError):
        return None


def _bare(label: str) -> str:
    return label.strip("()").rstrip(")")


def _is_label(num: str, level: int) -> bool:
    """Letters at the first level, roman numerals (or letters) below: the labels UN style fixes."""
    return bool(LETTER_LABEL_RE.match(num)) or bool(re.fullmatch(r"\(?[ivxlc]+\)", num))
