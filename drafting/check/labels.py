"""Sequences of printed labels: Roman numerals, letters, numbers; and the label forms per language."""

from __future__ import annotations

import re

from drafting.model.numbering import from_roman, to_roman  # noqa: F401 (the checker's vocabulary)


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
