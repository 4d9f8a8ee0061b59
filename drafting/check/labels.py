"""Sequences of printed labels: Roman numerals, letters, numbers; and the label forms per language."""

from __future__ import annotations

import re

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    text = text.upper()
    if not text or not _ROMAN_RE.match(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def to_letter(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (UN lists double the letter after z)."""
    if n <= 26:
        return chr(ord("a") + n - 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _arabic_letters() -> list[str]:
    from drafting.locale import terms

    return terms("ar").get("labels", {}).get("letters", [])


def from_letter(text: str) -> int | None:
    t = text.lower()
    if t and not t.isascii():
        letters = _arabic_letters()  # Arabic labels count in the abjad order: (أ) (ب) (ج) ...
        return letters.index(t) + 1 if t in letters else None
    if not t or not t.isascii() or not t.isalpha() or len(set(t)) != 1:
        return None
    return (len(t) - 1) * 26 + ord(t[0]) - ord("a") + 1


def bare(label: str | None) -> str:
    """``(a)`` -> ``a``, ``12.`` -> ``12``, ``IV.`` -> ``IV``."""
    return re.sub(r"^[\s(\[]+|[\s.)\]]+$", "", label or "")


def series_of(labels: list[str]) -> str:
    """roman, letter or number: what a run of bare labels counts in."""
    if labels and all(l.isdigit() for l in labels):
        return "number"
    lowered = [l.lower() for l in labels]
    if lowered and lowered[0] == "i" and (len(lowered) == 1 or lowered[1] == "ii") \
            and all(from_roman(l) for l in lowered):
        return "roman"
    return "letter"


def value_of(label: str, series: str) -> int | None:
    if series == "number":
        return int(label) if label.isdigit() else None
    if series == "roman":
        return from_roman(label)
    return from_letter(label)


def label_of(n: int, series: str, upper: bool = False) -> str:
    text = str(n) if series == "number" else (to_roman(n) if series == "roman" else to_letter(n))
    return text.upper() if upper else text.lower() if series != "number" else text
