"""Inline markup of extracted text: the Markdown-ish marks PDF exports leave, and footnote marks.

``**bold**``, ``*italic*``, ``^{me}``/``^e`` superscripts (ordinals such as 4^e and M^{me}, which
are never footnotes), Unicode superscript digits and ``^{8, 9}`` (footnote references, one or
several at one point).
"""

from __future__ import annotations

import bisect
import re

from drafting.model.blocks import NoteRef, Styled
from drafting.regex import lazy_compile

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")   # (a table for str.translate, in C)

_TOKEN = re.compile(
    r"(?P<bold>\*\*(?=\S)(?P<bold_text>.+?)(?<=\S)\*\*)"
    r"|(?P<ital>(?<![\w*])\*(?=[^\s*])(?P<ital_text>[^*]+?)(?<=[^\s*])\*(?![\w*]))"
    r"|(?P<caret_group>\^\{(?P<caret_group_text>[^}]{1,20})\})"
    r"|(?P<caret>(?<=\w)\^(?P<caret_text>[A-Za-zÀ-ÿ]{1,4}))"
    r"|(?P<sup_digits>[" + SUPERSCRIPT_DIGITS + r"]+(?:[,\s]*[" + SUPERSCRIPT_DIGITS + r"]+)*)"
)


_BOLD_CLOSING = lazy_compile(r"(?<=\S)(?=\*\*)")   # where a bold span can close
_LINE_BREAK = lazy_compile("\n")
_MARKS = re.compile(r"[*^" + SUPERSCRIPT_DIGITS + r"]")


def _has_marks(text: str) -> bool:
    """Does the text hold a mark (``*``, ``^``, a raised digit)? Raised digits are not ASCII: an
    ASCII text (most paragraphs) is asked for the other two by a search in C."""
    if text.isascii():
        return "*" in text or "^" in text
    return _MARKS.search(text) is not None


def superscript_to_digits(text: str) -> str:
    return text.translate(_SUP_TO_DIGIT)


def note_markers(group: str) -> list[str] | None:
    """``8, 9`` -> ["8", "9"]; None when the group is not a footnote reference (``me``, ``e``)."""
    if group.isascii() and group.isdigit() and len(group) <= 4:
        return [group]   # one number, the common call: nothing to split
    parts = [p for p in re.split(r"[,\s]+", superscript_to_digits(group).strip()) if p]
    # a footnote number has at most four digits (no UN document has 10,000 notes); a longer run of
    # raised digits is a raised number, kept as printed
    if parts and all((p.isdigit() and len(p) <= 4) or p in ("*", "**", "***") for p in parts):
        return parts
    return None


def _tokens(text: str):
    """``_TOKEN.finditer(text)``, trying the pattern only where a mark stands: every token opens
    with one, and a search for one character class skips the plain text at C speed (the five
    alternatives, tried at every position, made the scan slow).

    Where ``**`` stands only a bold span can start, and it needs a closing ``**`` after a printed
    character on the same line: where none follows, the pattern (which would read to the line's
    end looking for it, at every unclosed ``**``: quadratic) is not tried."""
    pos = 0
    closings = breaks = None
    while True:
        mark = _MARKS.search(text, pos)
        if mark is None:
            return
        start = mark.start()
        if text.startswith("**", start):
            if closings is None:
                closings = [c.start() for c in _BOLD_CLOSING.finditer(text)]
                breaks = [b.start() for b in _LINE_BREAK.finditer(text)]
            k = bisect.bisect_left(closings, start + 3)
            j = bisect.bisect_left(breaks, start)
            if k == len(closings) or (j < len(breaks) and breaks[j] < closings[k]):
                pos = start + 1
                continue
        m = _TOKEN.match(text, start)
        if m is None:
            pos = mark.start() + 1
            continue
        yield m
        pos = m.end()


def parse_inline(text: str, notes: list[NoteRef]) -> list:
    """Parse ``text`` into inline items; every footnote reference found is appended to ``notes``.

    The NoteRef objects are shared: the reader fills their bodies once the footnote texts of the
    whole document are known.
    """
    if not _has_marks(text):
        return [text] if text else []
    items: list = []
    pos = 0
    for m in _tokens(text):
        if m.start() > pos:
            items.append(text[pos:m.start()])
        kind = m.lastgroup   # (the alternative that matched: each closes after the group inside it)
        if kind == "bold":
            items.append(Styled("b", parse_inline(m.group("bold_text"), notes)))
        elif kind == "ital":
            items.append(Styled("i", parse_inline(m.group("ital_text"), notes)))
        elif kind == "caret_group":
            inner = m.group("caret_group_text")
            markers = note_markers(inner)
            if markers:
                for marker in markers:
                    ref = NoteRef(marker, [])
                    notes.append(ref)
                    items.append(ref)
            else:
                items.append(Styled("sup", [inner]))
        elif kind == "caret":
            items.append(Styled("sup", [m.group("caret_text")]))
        elif kind == "sup_digits":
            for marker in note_markers(m.group("sup_digits")) or []:
                ref = NoteRef(marker, [])
                notes.append(ref)
                items.append(ref)
        pos = m.end()
    if pos < len(text):
        items.append(text[pos:])
    return merge_strings(items)


def merge_strings(items: list) -> list:
    if len(items) == 1:   # (most texts: one string or one item, nothing to merge)
        item = items[0]
        return [] if isinstance(item, str) and item == "" else [item]
    out: list = []
    for item in items:
        if isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] += item
        elif not (isinstance(item, str) and item == ""):
            out.append(item)
    return out
