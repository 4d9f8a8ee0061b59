"""Small facts about printed text that several passes share: sentence ends, joining lines."""

from __future__ import annotations

# What may end a paragraph; a comma ends only a preambular paragraph or an enacting formula.
TERMINAL = (".", ":", ";", "!", "?", "…", "”", "»", '"', "’", "。", "；", "：", "！", "？", "؛", "؟")
QUOTE_OPEN = "“«\"„"
QUOTE_CLOSE = "”»\""
_MARK_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹,* \t\u00a0"


def strip_trailing_marks(text: str) -> str:
    """The text without the footnote marks, commas and spaces that trail it (``sent.¹``,
    ``sent.^{2, 3}``, ``sent.**``). A loop from the end, not a regular expression: a pattern that
    repeats a group of repeated characters backtracks exponentially on long runs of spaces."""
    while True:
        text = text.rstrip(_MARK_CHARS)
        if text.endswith("}"):
            start = text.rfind("^{")
            if start != -1 and "}" not in text[start:-1]:
                text = text[:start]
                continue
        return text


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (footnote marks after the punctuation aside)?"""
    return strip_trailing_marks(text).endswith(TERMINAL) or text.rstrip().endswith(TERMINAL)


def strip_calls(text: str) -> str:
    """The text without the footnote calls and spaces that trail it; commas stay."""
    while True:
        text = text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹* \t\u00a0")
        if text.endswith("}") and "^{" in text:
            text = text[: text.rfind("^{")]
            continue
        return text


def ends_clause(text: str) -> bool:
    """Does the text end a sentence or a clause of a resolution (``...,``)?"""
    return strip_calls(text).endswith(TERMINAL + (",", "،", "，"))


def join_lines(a: str, b: str) -> str:
    """Two printed lines as one text: a word broken at the line's end keeps its hyphen."""
    a, b = a.rstrip(), b.strip()
    if not a:
        return b
    if a.endswith(("-", "\u2011")) and b[:1].islower() and len(a) > 1 and a[-2].isalpha():
        return a + b
    return f"{a} {b}"
