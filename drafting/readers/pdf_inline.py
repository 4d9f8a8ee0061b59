"""The runs of one printed line as text in the inline dialect of ``drafting.readers.lines``.

Italic runs become ``*...*`` and bold runs ``**...**`` (adjacent runs of one style merged, the
spaces between them included, never an empty mark); a bold line is marked by ``Line.bold`` instead.
Raised runs become ``^{...}``: footnote calls (``^{1}``, several as ``^{2}^{3}``), a raised star
(``^{*}``), raised letters (French ``1^{er}``, ``M^{me}``). An asterisk printed on the baseline
(``Iraq:* draft resolution``) is kept as printed: whether it calls a note is the passes' call, as
it is in extracted text. Marks around punctuation alone (an italic full stop) are dropped.
"""

from __future__ import annotations

import re
import unicodedata

from drafting.readers.pdf_layout import Row
from drafting.readers.pdf_runs import Run
from drafting.readers.pdf_zones import is_raised

CALL_PARTS = re.compile(r"[,\s]+")
CALL = re.compile(r"\d{1,3}|\*{1,3}|[†‡§]{1,2}")
OUTSIDE_MARKS = re.compile(r"[\s.,;:]*")    # leading spaces and stops stay outside the marks
BULLETS = "•◦‣▪▫■□●○◆◇➢➤–"
SPACE_GAP = 0.25           # of the type size: a wider gap between runs prints a space
# Arabic letters of one word touch or overlap (a letter that does not join leaves at most
# 0.1 of the type size); a word space is about 0.2 to 0.4 of it
RTL_SPACE_GAP = 0.15
RTL_WORD_GAP = 0.2         # wider than any gap inside an Arabic word seen (99% are under 0.1)


def _needs_space(prev: Run | None, run: Run) -> bool:
    return prev is not None and (run.space_before or run.x0 - prev.x1 > SPACE_GAP * run.size)


def _needs_space_rtl(prev: Run | None, run: Run) -> bool:
    """Whether a space stands between two runs side by side on a right-to-left line.

    There the runs come left to right in the reverse of their reading order, so ``space_before``
    (a space before the run in reading order) is on the run's right, not between it and the run
    on its left: read as on a left-to-right line it moved each word's space one letter over and
    split the words into letters. Two runs next to each other in reading order (``Run.index``)
    are one word unless a space comes between them there; others (a number inside the line, the
    ends of a reordered piece) are spaced by the gap between them; a bullet is set apart from
    its item's first word, as a list item is printed (the symbol font's glyph may touch it)."""
    if prev is None or _is_mark(prev.text):
        return False              # a vowel sign stands on its letter, set just left of it
    if _is_mark(run.text):
        return run.x0 - prev.x1 > RTL_SPACE_GAP * run.size
    if _is_bullet(prev.text) != _is_bullet(run.text):
        return True
    if prev.index >= 0 and run.index >= 0:
        first, second = (prev, run) if prev.index < run.index else (run, prev)
        between = second.index - first.index - len(first.text)
        if between == 0:          # (a word space PDFium did not see still shows as a gap)
            return first.text.endswith(" ") or run.x0 - prev.x1 > RTL_WORD_GAP * run.size
        if between == 1:
            return second.space_before
    return run.x0 - prev.x1 > RTL_SPACE_GAP * run.size


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.combining(c) for c in text)


def _is_bullet(text: str) -> bool:
    return len(text) == 1 and (text in BULLETS or unicodedata.category(text) == "So")


def _raised_text(text: str) -> str:
    parts = [p for p in CALL_PARTS.split(text) if p]
    if len(parts) > 1 and all(CALL.fullmatch(p) for p in parts):
        return "".join("^{" + p + "}" for p in parts)
    return "^{" + text.strip() + "}"


def render(runs: list[Run], row: Row, styled: bool = True) -> tuple[str, bool]:
    """(text with inline marks, whether every letter is bold). ``styled`` False: plain text."""
    segs: list[list] = []          # [style, text]; style (italic, bold), "sup" or None (a space)
    prev: Run | None = None
    needs_space = _needs_space_rtl if is_rtl("".join(run.text for run in runs)) else _needs_space
    for run in runs:
        text = run.text
        raised = styled and is_raised(run, row) and prev is not None and bool(text.strip())
        if raised:
            if segs and segs[-1][0] == "sup":
                segs[-1][1] += text
            else:
                if segs and segs[-1][0] is None:
                    segs.pop()                        # no space before a call
                if segs:
                    segs[-1][1] = segs[-1][1].rstrip()
                segs.append(["sup", text])
            prev = run
            continue
        after_call = bool(segs) and segs[-1][0] == "sup" and text[:1] in ".,;:)]»”’"
        if needs_space(prev, run) and not (segs and segs[-1][1].endswith(" ")) and not after_call:
            segs.append([None, " "])   # a stop right after a call is set close to it, whatever the gap
        style = (run.italic, run.bold) if styled else (False, False)
        if not text.strip():
            segs.append([None, text])
        else:
            segs.append([style, text])
        prev = run
    if not styled or is_rtl("".join(s[1] for s in segs)):
        if not is_rtl("".join(s[1] for s in segs)):
            return "".join("^{" + t + "}" if st == "sup" else t for st, t in segs).strip(), False
        # (a call's braces stand in as marks of their own while the line turns to reading
        # order, which would turn "^{1}" into "}1{^")
        text = "".join(CALL_OPEN + t + CALL_CLOSE if st == "sup" else t for st, t in segs).strip()
        return visual_to_logical(text).replace(CALL_CLOSE, "^{").replace(CALL_OPEN, "}"), False
    letters_bold = [s[0][1] for s in segs if isinstance(s[0], tuple) and any(c.isalpha() for c in s[1])]
    all_bold = bool(letters_bold) and all(letters_bold)
    return _join(segs, all_bold).strip(), all_bold


def _join(segs: list[list], all_bold: bool) -> str:
    merged: list[list] = []
    for style, text in segs:
        if style is None and merged and merged[-1][0] != "sup":
            merged[-1][1] += text
        elif merged and style is not None and merged[-1][0] == style:
            merged[-1][1] += text
        elif style is None:
            merged.append([(False, False), text])
        else:
            merged.append([style, text])
    out: list[str] = []
    for style, text in merged:
        if style == "sup":
            out.append(_raised_text(text))
            continue
        italic, bold = style
        core = text.strip()
        if not any(c.isalnum() for c in core) or not (italic or (bold and not all_bold)):
            out.append(text)
            continue
        lead = OUTSIDE_MARKS.match(text).group()     # ``1`` + italic ``. Commends``: ``1. *Commends*``
        trail = text[len(text.rstrip()):]
        core = text[len(lead):len(text) - len(trail)]
        if italic:
            core = "*" + core + "*"
        if bold and not all_bold:
            core = "**" + core + "**"
        out.append(lead + core + trail)
    return "".join(out)


RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufeff]")
CALL_OPEN, CALL_CLOSE = "\ue000", "\ue001"    # private-use stand-ins for a call's braces


def is_rtl(text: str) -> bool:
    """Mostly Arabic or Hebrew letters: a line printed right to left."""
    if not RTL_LETTERS.search(text):
        return False
    return len(RTL_LETTERS.findall(text)) * 2 > sum(1 for c in text if c.isalpha())


def visual_to_logical(text: str) -> str:
    """A right-to-left line whose characters come in printed order (left to right) in reading
    order: the whole line reversed, runs of left-to-right text (digits, Latin, symbols such as
    ``S/2025/354``) turned back."""
    out: list[str] = []
    ltr: list[str] = []
    for ch in reversed(text):
        if ch.isascii() and (ch.isalnum() or ch in "/.-:%"):
            ltr.append(ch)
            continue
        if ltr:
            out.append("".join(reversed(ltr)))
            ltr = []
        out.append(_MIRROR.get(ch, ch))
    if ltr:
        out.append("".join(reversed(ltr)))
    return "".join(out)


_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "«": "»", "»": "«"}
