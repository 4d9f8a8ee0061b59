"""Conservative OCR repairs: only confusions that are never right in the language, each reported.

A repair changes a character sequence that cannot be correct text (a ``|`` inside a French word,
a capital ``I`` before an apostrophe, ``&`` between French words) into the one reading that
French requires. Anything ambiguous (``a`` for ``à``, ``E`` for ``É``) is left alone: the checker
reports it instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.regex import lazy_compile

APOSTROPHES = "'’"


@dataclass(frozen=True)
class Repair:
    pattern: re.Pattern
    replacement: str
    description: str
    langs: frozenset


REPAIRS = (
    # "|’ Office", "|'application", "|e Groupe": a bar is never a letter; before an apostrophe or
    # a lower-case letter it is the l that OCR lost.
    Repair(lazy_compile(r"(?<![\w|])\|\s?(?=[" + APOSTROPHES + r"\"])"), "l", "'|' read as 'l'", frozenset({"fr", "it"})),
    Repair(re.compile(r"(?<![\w|])\|(?=[a-zà-ÿ])"), "l", "'|' read as 'l'", frozenset({"fr", "es", "en", "it"})),
    Repair(re.compile(r"(?<![\w|])\|I(?=[" + APOSTROPHES + r"\"])"), "l", "'|I' read as 'l'", frozenset({"fr"})),
    # "I'ONUDC", "I’intérêt", "I"homme": French has no capital I before an apostrophe.
    Repair(lazy_compile(r"(?<![\w])I(?=[" + APOSTROPHES + r"\"]\s?\w)"), "l", "'I' before an apostrophe read as 'l'", frozenset({"fr"})),
    # "Parties & la Convention", "tenue & New York": an ampersand after a lower-case French word
    # is "à" ("Johnson & Johnson" keeps its capital before the sign).
    Repair(lazy_compile(r"(?<=[a-zà-ÿ,] )&(?= [\wÀ-ÿ’'])"), "à", "'&' read as 'à'", frozenset({"fr"})),
)
# Any character some repair looks at; a line without one is left as it is at once.
SUSPECT = re.compile(r"[|&]|I['’\"]|l\"|['’] ")
# A quotation mark read after l: "l"homme" -> "l'homme".
QUOTE_AFTER_L = re.compile(r"(?<![\w])l\"(?=[a-zà-ÿA-ZÀ-Ý])")
# "l’ Office", "d’ une": French never puts a space after an elided article's apostrophe.
SPACE_AFTER_ELISION = lazy_compile(r"(?<![\w])([ldjmnstc]|qu|jusqu|lorsqu|puisqu)([" + APOSTROPHES + r"]) (?=[\wÀ-ÿ])", re.I)


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
