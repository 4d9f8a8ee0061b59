"""Typography and extraction artefacts: differences between two texts that are not edits.

A final text sets ``non‑State`` with a non-breaking hyphen (U+2011) where the draft has ``-``,
a no-break or thin space where the draft has a space, typographic quotes where the draft has
straight ones; text extracted from a PDF cuts words (``accordanc e``, ``Secretary -General``)
and breaks lines inside dates. None of that is a change of wording, so comparison looks at
two views of a text:

- ``fold``: the characters typography varies mapped to one form (hyphens, spaces, quotes,
  ellipsis, ligatures), soft hyphens and zero-width spaces dropped;
- ``squash``: ``fold`` without any white space or hyphen at all, so that a space inside a word,
  around a hyphen or inside a date compares equal, and so does a compound that extraction
  joined at a line end (``aid-fortrade``).

Two texts with the same ``squash`` differ only in typography.
"""

from __future__ import annotations

_MAP = {
    "\u2010": "-", "\u2011": "-",                       # hyphen, non-breaking hyphen
    "\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None,   # soft hyphen, zero widths
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2026": "...", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
}
_FORM = {k: v or "" for k, v in _MAP.items()}
_SPECIAL = frozenset(_MAP)


def fold(text: str) -> str:
    """One form for the characters typography varies (one replace per character present)."""
    if text.isascii():          # O(1) in CPython: none of them is ASCII
        return text
    for ch in _SPECIAL.intersection(text):
        text = text.replace(ch, _FORM[ch])
    return text


def squash(text: str, case: bool = False) -> str:
    """``fold`` without white space or hyphens (and case-folded when ``case``): equal
    squashes differ only in typography and extraction artefacts."""
    out = "".join(fold(text).split()).replace("-", "")
    return out.casefold() if case else out


def split_typography(ops, case: bool = False):
    """Separate the typography from an inline diff ``[(op, text)]``.

    A stretch of changes (deletions and insertions, with only white space unchanged between
    them) whose two sides have the same ``squash`` is typography: in the returned ops it is one
    unchanged stretch (the new text), and ``(old, new)`` goes to the second result. Everything
    else is kept as it was."""
    display: list[tuple[str, str]] = []
    changes: list[tuple[str, str]] = []
    k, n = 0, len(ops)
    while k < n:
        if ops[k][0] == "=":
            display.append(ops[k])
            k += 1
            continue
        end = k       # the group: changes, bridged by unchanged white space between changes
        last_change = k
        while end < n and (ops[end][0] != "=" or (not ops[end][1].strip() and end + 1 < n
                                                   and ops[end + 1][0] != "=")):
            if ops[end][0] != "=":
                last_change = end
            end += 1
        end = last_change + 1
        group = ops[k:end]
        old = "".join(t for op, t in group if op != "+")
        new = "".join(t for op, t in group if op != "-")
        if squash(old, case) == squash(new, case):
            changes.append((old, new))
            if display and display[-1][0] == "=":
                display[-1] = ("=", display[-1][1] + new)
            else:
                display.append(("=", new))
        else:
            display.extend(group)
        k = end
    merged: list[tuple[str, str]] = []
    for op, text in display:
        if merged and merged[-1][0] == op == "=":
            merged[-1] = ("=", merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged, changes
