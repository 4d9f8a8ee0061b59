"""Word-level inline differences with diff-match-patch.

diff-match-patch diffs characters; to diff words, each distinct word (or space, or punctuation
mark) is first mapped to one private character, the encoded strings are diffed, and the result
is mapped back (the library's own ``diff_linesToChars`` trick, applied to words). Chinese,
Japanese and Korean characters are their own tokens, so those texts are diffed per character.
``Diff_Timeout = 0``: the diff never gives up half-way on a long paragraph.

Before the library diffs, the two token strings are cut at their anchors, as a patience diff
does: the tokens that occur exactly once in each text, taken in the longest run that stands in
the same order in both. Between two anchors the library diffs a short stretch instead of the
whole paragraph, whose bisection costs the product of its length and its edits; and a word that
the two texts share once and in order is kept as common text, where a bare shortest edit script
may pair it with an unrelated occurrence of a common word. The semantic clean-up runs once over
the joined result.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from drafting.compare.items import tokens_of

EQUAL, INSERT, DELETE = "=", "+", "-"
_OPS = {0: EQUAL, 1: INSERT, -1: DELETE}
_dmp = None


def _engine():
    global _dmp
    if _dmp is None:
        from diff_match_patch import diff_match_patch

        _dmp = diff_match_patch()
        _dmp.Diff_Timeout = 0  # no deadline: never a degraded, coarser diff
    return _dmp


def _encode(tokens: list[str], table: dict[str, str], back: dict[str, str]) -> str:
    for tok in set(tokens).difference(table):
        ch = chr(0xF0000 + len(table))   # supplementary private use plane: never a real char here
        table[tok] = ch
        back[ch] = tok
    return "".join(map(table.__getitem__, tokens))


def anchors(a: str, b: str) -> list[tuple[int, int]]:
    """``(i, j)`` with ``a[i] == b[j]`` for the characters that occur once in ``a`` and once in
    ``b``, the longest sequence of them in the same order in both (n log n)."""
    in_a, in_b = Counter(a), Counter(b)
    at_b = {ch: j for j, ch in enumerate(b) if in_b[ch] == 1}
    pairs = [(i, at_b[ch]) for i, ch in enumerate(a) if in_a[ch] == 1 and ch in at_b]
    # longest increasing run of j (patience sorting): ends[k] is the smallest j ending a run of
    # length k + 1, back[n] the pair before pairs[n] in the run that ends with it
    ends: list[int] = []
    last: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(ends, j)
        if k == len(ends):
            ends.append(j)
            last.append(n)
        else:
            ends[k], last[k] = j, n
        back[n] = last[k - 1] if k else -1
    run: list[tuple[int, int]] = []
    n = last[-1] if last else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _diff_codes(a: str, b: str) -> list[tuple[int, str]]:
    """The library's diff of two encoded texts, stretch by stretch between their anchors."""
    dmp = _engine()
    diffs: list[tuple[int, str]] = []
    i0 = j0 = 0
    for i, j in [*anchors(a, b), (len(a), len(b))]:
        if i > i0 or j > j0:
            diffs.extend(dmp.diff_main(a[i0:i], b[j0:j], False))
        if i < len(a):
            diffs.append((0, a[i]))
        i0, j0 = i + 1, j + 1
    dmp.diff_cleanupMerge(diffs)
    dmp.diff_cleanupSemantic(diffs)
    return diffs


def inline_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[(op, text)]`` with op ``=``, ``+`` or ``-``; concatenating ``=``/``-`` gives ``old``,
    ``=``/``+`` gives ``new``."""
    if old == new:
        return [(EQUAL, old)] if old else []
    if not old:
        return [(INSERT, new)]
    if not new:
        return [(DELETE, old)]
    return list(_word_diff(old, new))


# Alignment scores a candidate pair by its inline diff and the report shows the same pair's
# diff again; the redline writer asks once more: a pair is diffed once.
@lru_cache(maxsize=1024)
def _word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    table: dict[str, str] = {}
    back: dict[str, str] = {}
    a = _encode(tokens_of(old), table, back)
    b = _encode(tokens_of(new), table, back)
    diffs = _diff_codes(a, b)
    out: list[tuple[str, str]] = []
    for op, chars in diffs:
        text = "".join(map(back.__getitem__, chars))
        if not text:
            continue
        if out and out[-1][0] == _OPS[op]:
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((_OPS[op], text))
    return tuple(out)


def text_changes(ops) -> int:
    """How many inserted or deleted stretches an inline diff holds."""
    return sum(1 for op, _ in ops if op != EQUAL)
