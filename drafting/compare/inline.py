"""Word-level inline differences with diff-match-patch.

diff-match-patch diffs characters; to diff words, each distinct word (or space, or punctuation
mark) is first mapped to one private character, the encoded strings are diffed, and the result
is mapped back (the library's own ``diff_linesToChars`` trick, applied to words). Chinese,
Japanese and Korean characters are their own tokens, so those texts are diffed per character.
``Diff_Timeout = 0``: the diff never gives up half-way on a long paragraph.
"""

from __future__ import annotations

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


def inline_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[(op, text)]`` with op ``=``, ``+`` or ``-``; concatenating ``=``/``-`` gives ``old``,
    ``=``/``+`` gives ``new``."""
    if old == new:
        return [(EQUAL, old)] if old else []
    if not old:
        return [(INSERT, new)]
    if not new:
        return [(DELETE, old)]
    table: dict[str, str] = {}
    back: dict[str, str] = {}
    a = _encode(tokens_of(old), table, back)
    b = _encode(tokens_of(new), table, back)
    dmp = _engine()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    out: list[tuple[str, str]] = []
    for op, chars in diffs:
        text = "".join(map(back.__getitem__, chars))
        if not text:
            continue
        if out and out[-1][0] == _OPS[op]:
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((_OPS[op], text))
    return out


def text_changes(ops) -> int:
    """How many inserted or deleted stretches an inline diff holds."""
    return sum(1 for op, _ in ops if op != EQUAL)
