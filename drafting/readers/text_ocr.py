"""Conservative OCR repairs: only confusions that are never right in the language, each reported.

A repair changes a character sequence that cannot be correct text (a ``|`` inside a French word,
a capital ``I`` before an apostrophe, ``&`` between French words) into the one reading that
French requires. Anything ambiguous (``a`` for ``à``, ``E`` for ``É``) is left alone: the checker
reports it instead.
"""

from __future__ import annotations

import re

from drafting.records import record
from drafting.regex import lazy_compile

APOSTROPHES = "'’"


@record(frozen=True)
class Repair:
    """One OCR repair: the damage it looks for, what it puts instead, and the languages it
    applies to."""

    pattern: re.Pattern
    replacement: str
    description: str
    langs: frozenset


REPAIRS = (
    # "|’ Office", "|'application", "|e Groupe": a bar is never a letter; before an apostrophe or
    # a lower-case letter it is the l that OCR lost.
    Repair(lazy_compile(r"(?<![\w|])\|\s?(?=[" + APOSTROPHES + r"\"])"), "l", "'|' read as 'l'", frozenset({"fr", "it"})),
    Repair(re.compile(r"(?<![\w|])\|(?=[a-zà-ÿ])"), "l", "'|' read as 'l'", frozenset({"fr", "es", "en", "it"})),
    Repair(lazy_compile(r"(?<![\w|])\|I(?=[" + APOSTROPHES + r"\"])"), "l", "'|I' read as 'l'", frozenset({"fr"})),
    # "I'ONUDC", "I’intérêt", "I"homme": French has no capital I before an apostrophe.
    Repair(lazy_compile(r"(?<![\w])I(?=[" + APOSTROPHES + r"\"]\s?\w)"), "l", "'I' before an apostrophe read as 'l'", frozenset({"fr"})),
    # "Parties & la Convention", "tenue & New York": an ampersand after a lower-case French word
    # is "à" ("Johnson & Johnson" keeps its capital before the sign).
    Repair(lazy_compile(r"(?<=[a-zà-ÿ,] )&(?= [\wÀ-ÿ’'])"), "à", "'&' read as 'à'", frozenset({"fr"})),
)
# Any character some repair looks at; a line without one is left as it is at once.
SUSPECT = re.compile(r"[|&]|I['’\"]|l\"|['’] ")
# A quotation mark read after l: "l"homme" -> "l'homme".
QUOTE_AFTER_L = lazy_compile(r"(?<![\w])l\"(?=[a-zà-ÿA-ZÀ-Ý])")
# "l’ Office", "d’ une": French never puts a space after an elided article's apostrophe.
SPACE_AFTER_ELISION = lazy_compile(r"(?<![\w])([ldjmnstc]|qu|jusqu|lorsqu|puisqu)([" + APOSTROPHES + r"]) (?=[\wÀ-ÿ])", re.I)


def repaired_lines(texts: list[str], lang: str):
    """``(index, new text, repairs)`` for each of ``texts`` that ``repair_line`` changes, in
    order. (A text without any character a repair looks at is passed over here, where the test
    costs no call: most texts.)"""
    for k, text in enumerate(texts):
        if "|" in text or "&" in text or "'" in text or "’" in text or '"' in text:
            repaired, done = repair_line(text, lang)
            if done:
                yield k, repaired, done


def repair_line(text: str, lang: str) -> tuple[str, list[str]]:
    """Apply the repairs for ``lang``; return the new text and a description of each repair."""
    done: list[str] = []
    # every suspect sequence holds one of these characters, which ``in`` finds at C speed
    if not ("|" in text or "&" in text or "'" in text or "’" in text or '"' in text) or not SUSPECT.search(text):
        return text, done  # most lines hold none of the characters a repair looks at
    for repair in REPAIRS:
        if lang not in repair.langs:
            continue
        text, n = repair.pattern.subn(repair.replacement, text)
        if n:
            done.append(f"{repair.description} ({n}x)")
    if lang == "fr":
        text, n = QUOTE_AFTER_L.subn("l'", text)
        if n:
            done.append(f"'\"' after l read as an apostrophe ({n}x)")
        text, n = SPACE_AFTER_ELISION.subn(r"\1\2", text)
        if n:
            done.append(f"space after an elided article removed ({n}x)")
    return text, done


# Characters OCR confuses with the strokes of a roman numeral.
ROMAN_LOOKALIKE = re.compile(r"^\s*(?P<tok>[\[\]|lI1!]{1,4})[.,]\s+(?P<rest>\S.*)$")
LOST_NUMERAL = re.compile(r"^\s*[.,]\s+(?P<rest>[A-ZÀ-Ý]\S.*)$")


# -- a heading's word rebuilt -------------------------------------------------------------------
# OCR of a typescript breaks a heading's word into pieces ("lutroduct i on") and confuses letters
# of like shape: a capital I read as l ("lutroduction"), n as u, m as rn. A short line standing
# apart (a heading) is rebuilt where a lone letter that is no word of the language shows the
# damage; the rebuilt word must be a common word of the language (wordfreq, already the words
# of ``check``), and a piece that is already one such word is not rebuilt alone. A word in which
# the digit 1 stands for the letter l ("de 1a tâche") is read with the letter where that makes
# a common word.

HEADING_WORDS = 6                      # at most this many words: a heading, not a line of text
COMMON_WORD = 3.0                      # Zipf frequency: about once in a million words
FREQUENT_WORD = 4.0                    # ten times as often: a word read for a digit
RARE_WORD = 1.0                        # once in a billion words: a word as printed, left alone
MISREAD_LENGTH = 6                     # a word misread whole is read back only if this long
FUNCTION_WORD = 5.5                    # the language's function words (de, la, of, the)
SPAN = 4                               # pieces joined into one word at most
# Letters OCR reads for others of like shape, tried at most two at a time.
LOOKALIKE_LETTERS = (("u", "n"), ("n", "u"), ("rn", "m"), ("cl", "d"), ("li", "h"), ("ii", "u"))
ONE_FOR_L = lazy_compile(r"1[a-zà-ÿ]{1,20}")    # "1a" for "la": the digit 1 for the letter l
LONE_LETTER = lazy_compile(r"(?<!\S)[a-zà-ÿ](?!\S)")
WORD_TOKEN = lazy_compile(r"[A-Za-zÀ-ÿ]+")


def rebuild_heading(text: str, lang: str, one_letter_words: frozenset) -> tuple[str, str | None]:
    """A heading whose word OCR broke or misread, rebuilt; (text, description of the repair or
    None). Only a word the language uses often is put in, never a guess."""
    tokens = text.split()
    if not tokens or len(tokens) > HEADING_WORDS:
        return text, None
    # (after a function word, "de 1a": after "Article", "Annex", "paragraph" it is a label)
    digit_l = [k for k, t in enumerate(tokens)
               if k and ONE_FOR_L.fullmatch(t) and tokens[k - 1].isalpha() and tokens[k - 1].islower()
               and _is_word(tokens[k - 1], lang, FUNCTION_WORD)]
    if digit_l and all(WORD_TOKEN.fullmatch(t) for k, t in enumerate(tokens) if k not in digit_l):
        read = {k: "l" + tokens[k][1:] for k in digit_l if _is_word("l" + tokens[k][1:], lang, FREQUENT_WORD)}
        if read:
            rebuilt = " ".join(read.get(k, t) for k, t in enumerate(tokens))
            return rebuilt, f"heading word '{tokens[min(read)]}' read as '{read[min(read)]}'"
    if not all(WORD_TOKEN.fullmatch(t) for t in tokens):
        return text, None
    lone = [k for k, t in enumerate(tokens) if LONE_LETTER.fullmatch(t) and t not in one_letter_words]
    if not lone:
        return _misread_word(tokens, lang)
    anchor = lone[0]
    for size in range(min(SPAN, len(tokens)), 0, -1):
        for first in range(max(0, anchor - size + 1), min(anchor, len(tokens) - size) + 1):
            pieces = tokens[first:first + size]
            if size == 1 and _is_word(pieces[0], lang):
                continue
            word = _known_reading("".join(pieces), lang)
            if word is not None:
                rebuilt = " ".join(tokens[:first] + [word] + tokens[first + size:])
                return rebuilt, f"heading word '{' '.join(pieces)}' read as '{word}'"
    return text, None


def _misread_word(tokens: list[str], lang: str) -> tuple[str, str | None]:
    """A heading whose whole word OCR misread letter by letter (``lutroduction``: the capital I
    read as l, n as u), read back where the word as printed is no word of the language and its
    lookalike reading is a common one."""
    for k, token in enumerate(tokens):
        if len(token) < MISREAD_LENGTH or _is_word(token, lang, RARE_WORD):
            continue
        word = _known_reading(token, lang)
        if word is not None and word != token:
            rebuilt = " ".join(tokens[:k] + [word] + tokens[k + 1:])
            return rebuilt, f"heading word '{token}' read as '{word}'"
    return " ".join(tokens), None


def _is_word(word: str, lang: str, least: float = COMMON_WORD) -> bool:
    from drafting.locale.frequencies import zipf     # loaded only for a line of this shape
    # (the "small" list holds the words used about once in a million or more, all this rule
    # asks for, and loads a tenth of the time the full list takes)
    return zipf(word.lower(), lang, wordlist="small") >= least


def _known_reading(joined: str, lang: str) -> str | None:
    """The common word OCR printed as ``joined``: as it stands, with a first l read as the capital
    I, and with up to two letters of like shape read back."""
    starts = [joined]
    if joined[0] == "l" and len(joined) > 1 and joined[1].islower():
        starts.append("I" + joined[1:])
    for start in starts:
        for candidate in _lookalike_readings(start):
            if _is_word(candidate, lang):
                return candidate
    return None


def _lookalike_readings(word: str):
    yield word
    places = [(i, seen, meant) for seen, meant in LOOKALIKE_LETTERS
              for i in range(1, len(word)) if word.startswith(seen, i)]
    for k, (i, seen, meant) in enumerate(places):
        once = word[:i] + meant + word[i + len(seen):]
        yield once
        for j, seen2, meant2 in places[k + 1:]:
            if j >= i + len(seen):              # a later place, in the word as first read
                shift = len(meant) - len(seen)
                yield once[:j + shift] + meant2 + once[j + shift + len(seen2):]


# A typescript underlines a heading with the underscore key, run under the spaces too: OCR reads
# the line under a space as "_" between two words ("Vue d'ensemble de_la session du Conseil").
# Only in a heading (a short line of words standing apart), where no name or address holds one.
UNDERLINED_SPACE = lazy_compile(r"(?<=[a-zà-ÿ'’])_(?=[a-zà-ÿ])")
HEADING_TEXT = lazy_compile(r"[A-Za-zÀ-ÿ'’ _-]+")


def underlined_spaces(text: str) -> tuple[str, str | None]:
    """A heading's underscores between words read as the spaces they underline; (text,
    description of the repair or None)."""
    if "_" not in text or len(text.split()) > HEADING_WORDS + 2 or not HEADING_TEXT.fullmatch(text):
        return text, None
    repaired, n = UNDERLINED_SPACE.subn(" ", text)
    return (repaired, f"'_' between the words of a heading read as a space ({n}x)") if n else (text, None)
