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


def _latin_words(latin: bytes) -> list[bytes]:
    """``re.findall("[a-zà-ÿ]+", text)`` of a text encoded as Latin-1 (``?`` for every other
    character), by a table lookup per byte: every letter of the class is one Latin-1 byte, every
    other character a separator."""
    return latin.translate(_LATIN_LETTERS).split()


_SCRIPTS = lazy_compile(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]+")


_HAN_RUNS = lazy_compile(r"[\u4e00-\u9fff]+")
_ARABIC_RUNS = lazy_compile(r"[\u0600-\u06ff]+")
_CYRILLIC_RUNS = lazy_compile(r"[\u0400-\u04ff]+")


def _count(runs, text: str) -> int:
    """How many characters of ``text`` the character class of ``runs`` (a pattern ``[...]+``) holds."""
    return sum(map(len, runs.findall(text)))


def detect_language(text: str) -> str:
    sample = text[:20000]
    lowered = sample.lower()
    latin = lowered.encode("latin-1", "replace")
    # The three scripts lie outside Latin-1 (lower case keeps them there): a sample with at most
    # 50 characters outside it passes none of the thresholds below and is not scanned for them.
    if latin.count(b"?") - lowered.count("?") > 50:
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
    words = _latin_words(latin)
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
