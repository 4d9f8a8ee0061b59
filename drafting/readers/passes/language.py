"""The language of a document: its masthead's language line, else its script and commonest words."""

from __future__ import annotations

import re
from collections import Counter

from drafting.regex import lazy_compile

_STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "et", "à", "en", "une", "que", "qui", "est", "dans", "sur", "au"},
    "en": {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "its"},
    "es": {"el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "con", "para", "una", "se"},
}


_STOPWORDS_BYTES = {lang: {w.encode("latin-1") for w in words} for lang, words in _STOPWORDS.items()}
_ANY_STOPWORD = frozenset().union(*_STOPWORDS_BYTES.values())
# Bytes of the letters a-z and à-ÿ kept, every other byte a space.
_LATIN_LETTERS = bytes(b if 0x61 <= b <= 0x7A or b >= 0xE0 else 0x20 for b in range(256))


# The same for Latin-1 text not yet lowered: each letter lowered as ``str.lower`` lowers it (A-Z,
# À-Þ but ×), then kept as above.
_LATIN_LOWER_LETTERS = bytes(ord(chr(b).lower()) if _LATIN_LETTERS[ord(chr(b).lower())] != 0x20 else 0x20
                             for b in range(256))
# The characters outside Latin-1 whose lower case holds a Latin-1 letter (İ, Ÿ, ẞ, the Kelvin and
# Ångström signs): a text without them lowers to the same Latin-1 letters, one for one.
_LOWER_INTO_LATIN = "\u0130\u0178\u1e9e\u212a\u212b"


def _latin_words(latin: bytes, letters: bytes = _LATIN_LETTERS) -> list[bytes]:
    """``re.findall("[a-zà-ÿ]+", text)`` of a text encoded as Latin-1 (``?`` for every other
    character), by a table lookup per byte: every letter of the class is one Latin-1 byte, every
    other character a separator (``letters``: the table, ``_LATIN_LOWER_LETTERS`` for a text
    not yet lowered)."""
    return latin.translate(letters).split()


_SCRIPTS = lazy_compile(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]+")


_HAN_RUNS = lazy_compile(r"[\u4e00-\u9fff]+")
_ARABIC_RUNS = lazy_compile(r"[\u0600-\u06ff]+")
_CYRILLIC_RUNS = lazy_compile(r"[\u0400-\u04ff]+")


def _count(runs, text: str) -> int:
    """How many characters of ``text`` the character class of ``runs`` (a pattern ``[...]+``) holds."""
    return sum(map(len, runs.findall(text)))


def detect_language(text: str) -> str:
    sample = text[:20000]
    latin = sample.encode("latin-1", "replace")
    outside = latin.count(b"?") - sample.count("?")   # the characters outside Latin-1
    if outside and any(c in sample for c in _LOWER_INTO_LATIN):
        lowered = sample.lower()
        latin = lowered.encode("latin-1", "replace")
        outside = latin.count(b"?") - lowered.count("?")
        letters = _LATIN_LETTERS
    else:
        # (lowered by the table that keeps the letters, in C: no character outside Latin-1
        # lowers into it, nor into two characters, and none lowers to or from "?")
        letters = _LATIN_LOWER_LETTERS
    # The three scripts lie outside Latin-1 (lower case keeps them there): a sample with at most
    # 50 characters outside it passes none of the thresholds below and is not scanned for them.
    if outside > 50:
        # the characters of the three scripts, found in one scan and then counted apart
        # (each script's characters counted by the lengths of its runs: one string a run, not
        # one a character)
        scripts = "".join(_SCRIPTS.findall(sample))
        if _count(_HAN_RUNS, scripts) > 50:
            return "zh"
        if _count(_ARABIC_RUNS, scripts) > 50:
            return "ar"
        if _count(_CYRILLIC_RUNS, scripts) > 50:
            return "ru"
    words = _latin_words(latin, letters)
    counts = Counter(filter(_ANY_STOPWORD.__contains__, words))   # (only the stopwords are counted)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS_BYTES.items()}
    return max(scores, key=scores.get) if words else "en"


def masthead_language(lines) -> str | None:
    """The language a masthead names on its language line ("Français"), if it prints one."""
    from drafting.readers import text_masthead as mh

    names = mh.vocabulary().language_lines
    for line in lines[:40]:
        text = line.text
        if len(text) >= 200:
            continue
        lowered = text.lower()   # (a name stands in the lowered line wherever a word lowers to it)
        if not any(name in lowered for name in names) or not any(
                word.lower() in names for word in re.findall(r"[^\W\d_]+", text[:200])):
            continue
        for f in mh.masthead_fields(text) or []:
            if f.name == "language":
                return f.value
    return None


# An Arabic font draws lam followed by alef as one glyph (lam-alef, ﻻ ﻷ ﻹ ﻵ). Text extraction
# that takes a line's glyphs right to left gives that glyph's two letters in drawing order,
# alef first: "األمم" for "الأمم", "االتجار" for "الاتجار". An alef never follows an alef in
# Arabic, so an alef, then an alef form, then lam, is the article's alef followed by a lam-alef
# printed backwards.
_LAM_ALEF_BACKWARDS = lazy_compile("\u0627([\u0622\u0623\u0625\u0627])\u0644")


# What else extraction of a right-to-left line gets from its glyphs rather than its text: the
# tatweel (U+0640) a justified Arabic line is stretched with; a paragraph number printed at the
# right ("1." reads ".1" in printed order); a mark of its own between two words (",") put before
# the space instead of after it ("الصين :مشروع"); no space after a number ("55/25المؤرخ").
_TATWEEL = "\u0640"
_ARABIC = "\u0621-\u064a\u066e-\u06d3"
_NUMBER_AT_RIGHT = lazy_compile(r"(?m)^([ \t]*)\.(\d{1,3})(?=[ \t]|[" + _ARABIC + r"(]|$)[ \t]*")
# (each opens with what it matches, its letter looked behind after: a search skips to the space or
# the digit instead of trying a look behind at every position)
_MARK_BEFORE_SPACE = lazy_compile(" ([\u060c\u061b:])(?<=[" + _ARABIC + "] [\u060c\u061b:])(?=[" + _ARABIC + "])")
_NUMBER_GLUED = lazy_compile("(\\d)(?=[" + _ARABIC + "])")


def arabic_in_reading_order(text: str) -> str:
    """Arabic lines as written, not as their glyphs were drawn: every lam-alef that extraction
    gave alef first put back in reading order, the tatweel of justification left out, a
    paragraph number at the right read as printed (``1.``), a comma or colon put back after
    its space, a space after a number glued to the word after it."""
    if "\u0644" not in text:
        return text
    if _TATWEEL in text:
        text = text.replace(_TATWEEL, "")
    text = _LAM_ALEF_BACKWARDS.sub("\u0627\u0644\\1", text)
    if "   " in text:
        text = "\n".join(map(_label_at_right_first, text.split("\n")))
    text = _NUMBER_AT_RIGHT.sub(r"\1\2. ", text)
    text = _MARK_BEFORE_SPACE.sub(r"\1 ", text)
    return _NUMBER_GLUED.sub(r"\1 ", text)


# a paragraph's number or point's label as the right-hand column of a right-to-left line, at most
# this many spaces from its text
LABEL_GAP = 12
_LABEL = lazy_compile(r"\.?\d{1,3}\.?|\([" + _ARABIC + r"]{1,2}\)|\(\d{1,3}\)")


def _label_at_right_first(line: str) -> str:
    """``text      .1`` as ``pdftotext -layout`` prints a right-to-left line from left to
    right: the number hangs at the right, where the line begins, so it opens the line read."""
    body = line.rstrip()
    cut = body.rfind("   ")
    if cut < 0:
        return line
    if len(body) - len(body[:cut].rstrip()) > LABEL_GAP + 6:
        return line   # (far from the text: a table's cell, not a label hanging beside its text)
    label = body[cut:].strip()
    if not label or len(label) > 6 or not _LABEL.fullmatch(label):
        return line
    text = body[:cut].rstrip()
    if "   " in text.strip() or not _ARABIC_LETTER.search(text):
        return line   # (a row of a table, its columns apart: its number stays a cell)
    indent = len(text) - len(text.lstrip())
    return text[:indent] + label + " " + text[indent:]


_ARABIC_LETTER = lazy_compile("[" + _ARABIC + "]")


# Bidirectional embedding marks that pdftotext wraps around right-to-left lines: where a line
# holds them, its text was extracted from a PDF (and perhaps pasted into another file since)
_EXTRACTION_MARKS = lazy_compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def extracted_lines_in_reading_order(lines) -> None:
    """Lines of extracted right-to-left text that another format carries (a Word file made from
    pdftotext output): their marks left out and their Arabic read as written, as the text
    reader reads the same text."""
    for line in lines:
        if not line.text.isascii() and _EXTRACTION_MARKS.search(line.text):
            line.text = arabic_in_reading_order(_EXTRACTION_MARKS.sub("", line.text)).rstrip()
