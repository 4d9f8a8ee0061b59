"""Small facts about printed text that several passes share: sentence ends, joining lines."""

from __future__ import annotations

import re
from operator import methodcaller

from drafting.regex import lazy_compile

# What may end a paragraph; a comma ends only a preambular paragraph or an enacting formula.
TERMINAL = (".", ":", ";", "!", "?", "…", "”", "»", '"', "’", "。", "；", "：", "！", "？", "؛", "؟")
QUOTE_OPEN = "“«\"„"
QUOTE_CLOSE = "”»\""
_MARK_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹,* \t\u00a0"
_MARK_CHARS_NO_COMMA = _MARK_CHARS.replace(",", "")
_CLAUSE_END = TERMINAL + (",", "،", "，")
# Every ending above is one character (keep it so): a text ends with one where its last
# character is in the set (a set lookup costs a third of ``str.endswith`` trying each ending of
# the tuple in turn).
TERMINAL_CHARS = frozenset(TERMINAL)
CLAUSE_END_CHARS = frozenset(_CLAUSE_END)


def strip_calls(text: str, commas: bool = False) -> str:
    """The text without the footnote calls (``sent.¹``, ``sent.^{2, 3}``, ``sent.**``) and spaces
    that trail it, and the commas among them if asked. A loop from the end, not a regular
    expression: a pattern that repeats a group of repeated characters backtracks exponentially
    on long runs of spaces."""
    chars = _MARK_CHARS if commas else _MARK_CHARS_NO_COMMA
    if text[-1:] not in chars and text[-1:] != "}":
        return text  # nothing trails (most lines): no copy, no loop
    while True:
        text = text.rstrip(chars)
        if text.endswith("}"):
            start = text.rfind("^{")
            if start != -1 and "}" not in text[start:-1]:
                text = text[:start]
                continue
        return text


def strip_trailing_marks(text: str) -> str:
    """The text without the footnote marks, commas and spaces that trail it."""
    return strip_calls(text, commas=True)


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (footnote marks after the punctuation aside)?"""
    return strip_trailing_marks(text)[-1:] in TERMINAL_CHARS or text.rstrip()[-1:] in TERMINAL_CHARS


def ends_clause(text: str) -> bool:
    """Does the text end a sentence or a clause of a resolution (``...,``)?"""
    return strip_calls(text)[-1:] in CLAUSE_END_CHARS


def join_lines(a: str, b: str) -> str:
    """Two printed lines as one text: a word broken at the line's end keeps its hyphen, unless
    the hyphen is a soft one (``passes.hyphens`` found the word to be one)."""
    a, b = a.rstrip(), b.strip()
    if not a:
        return b
    if a[-1] == "\u00ad":
        return a[:-1] + b if b[:1].islower() else f"{a[:-1]}- {b}"
    if a[-1] in "-\u2011" and b[:1].islower() and len(a) > 1 and a[-2].isalpha():
        return a + b
    if _unspaced(a[-1]) and _unspaced(b[:1]):
        return a + b
    return f"{a} {b}"


# A Secretariat issuance's paragraph "1.2 Text" under its "Section 1": the section's number, a
# full stop, the paragraph's (each from 1: "24.0 World" is a figure's); its text opens with no
# figure ("2.5 million" is a sentence's)
# a dash that a line opens with (an export's list marker, OCR's) and a Markdown table row
DASH_PREFIX = re.compile(r"^\s*-\s+")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
DECIMAL_PARAGRAPH = re.compile(r"^(?P<num>(?P<major>[1-9]\d?)\.[1-9]\d?)\.?\s+(?P<rest>[^\s\d].*)$")


# Chinese puts no space between words: a line breaks between any two characters, and its
# full-width punctuation (，。；：、《》（）) carries its own spacing
UNSPACED = lazy_compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff1f\uff5b-\uff65]")


# The characters East Asian wide (Unicode annex 11) that UN texts print: Hangul's first jamo, the
# CJK blocks and their punctuation, Hangul syllables, full-width forms.
WIDE_RANGES = ((0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
               (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFF60),
               (0xFFE0, 0xFFE6))


def _utf8_class(ranges: tuple[tuple[int, int], ...]) -> bytes:
    """A pattern over UTF-8 bytes that matches one character of ``ranges`` (code points of three
    bytes in UTF-8, U+0800-U+FFFF). A class of characters over such ranges costs ``re`` a bitmap
    of every code point in them to compile (53,000 for the CJK blocks: 46 M instructions, a tenth
    of a Word redline command); their bytes are ranges of at most 64."""

    def span(lo: int, hi: int) -> bytes:
        return re.escape(bytes([lo])) if lo == hi else b"[" + re.escape(bytes([lo])) + b"-" + re.escape(bytes([hi])) + b"]"

    out = []
    for first, last in ranges:
        start = first
        while start <= last:
            end = min(last, start | 0xFFF)                  # the same first byte
            lead = span(0xE0 | start >> 12, 0xE0 | start >> 12)
            mid_lo, mid_hi = start >> 6 & 0x3F, end >> 6 & 0x3F
            if mid_lo == mid_hi:
                out.append(lead + span(0x80 | mid_lo, 0x80 | mid_hi) + span(0x80 | start & 0x3F, 0x80 | end & 0x3F))
            else:
                out.append(lead + span(0x80 | mid_lo, 0x80 | mid_lo) + span(0x80 | start & 0x3F, 0xBF))
                if mid_hi - mid_lo > 1:
                    out.append(lead + span(0x80 | mid_lo + 1, 0x80 | mid_hi - 1) + span(0x80, 0xBF))
                out.append(lead + span(0x80 | mid_hi, 0x80 | mid_hi) + span(0x80, 0x80 | end & 0x3F))
            start = end + 1
    return b"|".join(out)


WIDE_UTF8 = lazy_compile(_utf8_class(WIDE_RANGES))
_HANGUL_JAMO = lazy_compile("[\u1100-\u115f]")   # the only wide range below U+2E80


def printed_width(text: str) -> int:
    """How wide a line prints, in Latin letters: a Chinese character or full-width mark takes
    the room of two (East Asian wide, Unicode annex 11), so a full Chinese line holds half as
    many characters as a full line of Latin letters."""
    if text.isascii():
        return len(text)
    top = max(text)
    if top < "\u1100":
        return len(text)           # (below the first wide character: accents, most Cyrillic, Arabic)
    if top < "\u2e80":
        # (below the CJK blocks only Hangul's leading consonants are wide: the lines that come
        # here hold a curly quote or a dash, and the class of the CJK blocks is not compiled)
        return len(text) + len(_HANGUL_JAMO.findall(text))
    # (the wide characters counted in the line's UTF-8 bytes: see _utf8_class; a lone surrogate
    # that extraction left encodes as itself, and is no wide character)
    return len(text) + len(WIDE_UTF8.findall(text.encode("utf-8", "surrogatepass")))


def _unspaced(char: str) -> bool:
    """Is ``char`` a Chinese character or full-width mark, joined to its neighbours unspaced?"""
    return bool(char) and char >= "\u3000" and UNSPACED.match(char) is not None


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# (the star first, what stands before it looked at behind it: a search then skips to the stars)
_ITALIC = re.compile(r"\*(?<![\w*]\*)(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_RAISED = re.compile(r"\^\{([^}]*)\}")
# a span's text without its stars (``match.group(1)``, called without a template to expand)
_SPAN_TEXT = methodcaller("group", 1)


def marked_spans(text: str) -> list[tuple[int, int]]:
    """Where ``*italic*`` and ``**bold**`` spans stand (their stars are marks, not note stars)."""
    spans = [m.span() for m in _BOLD.finditer(text)]
    return spans + [m.span() for m in _ITALIC.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def plain(text: str) -> str:
    """The text without the inline marks readers put in it (``*italic*``, ``**bold**``,
    ``^{1}`` calls; a raised ordinal ``52^{nd}`` keeps its letters), for matching patterns.
    A star that pairs with none (``agenda**``, ``annex*``) is a note's star and stays."""
    if "*" not in text and "^" not in text:
        return text
    if "^" in text:
        text = _RAISED.sub(_raised_letters, text)
    if "*" in text:   # (a line with calls only, most of them, has no span to read)
        text = _ITALIC.sub(_SPAN_TEXT, _BOLD.sub(_SPAN_TEXT, text))
    return text


def _raised_letters(m: re.Match) -> str:
    return m.group(1) if m.group(1).isalpha() else ""
