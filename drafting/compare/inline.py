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

from drafting.compare.items import token_pattern

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


def _encode(head: list[str], old_mid: list[str], new_mid: list[str],
            tail: list[str]) -> tuple[str, str, dict[str, str]]:
    """The token lists ``head + old_mid + tail`` and ``head + new_mid + tail`` as strings of one
    character per token (the head and tail encoded once), and the map back to tokens."""
    distinct = set(head)
    distinct.update(tail, old_mid, new_mid)
    # supplementary private use plane 15: never a character of the texts here (the maps are
    # built in C: this runs once per paragraph pair)
    codes = list(map(chr, range(0xF0000, 0xF0000 + len(distinct))))
    table = dict(zip(distinct, codes))
    start = "".join(map(table.__getitem__, head))
    end = "".join(map(table.__getitem__, tail))
    a = start + "".join(map(table.__getitem__, old_mid)) + end
    b = start + "".join(map(table.__getitem__, new_mid)) + end
    return a, b, dict(zip(codes, distinct))


def _split_tokens(old: str, new: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """``tokens_of(old)`` and ``tokens_of(new)`` as ``head + old_mid + tail`` and ``head + new_mid
    + tail``: the text both share at their start and at their end is cut into tokens once.

    The shared head ends, and the tail starts, where a space meets a non-space inside the
    characters the two texts share: a token always ends there, in both texts alike (a word or
    mark never holds white space, a run of white space is taken whole), so the tokens on
    either side are the whole texts' tokens. Texts cut by different patterns (one has
    Chinese, Japanese or Korean, the other not) are cut whole."""
    pattern = token_pattern(old)
    if token_pattern(new) is not pattern:
        return [], pattern.findall(old), token_pattern(new).findall(new), []
    dmp = _engine()
    shared = dmp.diff_commonPrefix(old, new)
    cut = old.rfind(" ", 0, shared - 1) + 1 if shared > 1 else 0    # a space at cut - 1, cut < shared
    if cut <= 0 or old[cut].isspace():
        cut = 0
    shared = min(dmp.diff_commonSuffix(old, new), min(len(old), len(new)) - cut)
    end = old.find(" ", len(old) - shared + 1)       # a space at end, end - 1 shared too
    if end < 0 or old[end - 1].isspace():
        end = len(old)
    new_end = end + len(new) - len(old)
    return (pattern.findall(old, 0, cut), pattern.findall(old, cut, end),
            pattern.findall(new, cut, new_end), pattern.findall(old, end))


def anchors(a: str | list[str], b: str | list[str]) -> list[tuple[int, int]]:
    """``(i, j)`` with ``a[i] == b[j]`` for the characters (or tokens) that occur once in ``a``
    and once in ``b``, the longest sequence of them in the same order in both (n log n)."""
    # a character's first and last position (the same for one that occurs once), each map
    # built in C; a dict keeps its keys in the order they first came, so the pairs come sorted
    # by i
    last_a = dict(zip(a, range(len(a))))
    first_a = dict(zip(a[::-1], range(len(a) - 1, -1, -1)))
    last_b = dict(zip(b, range(len(b))))
    first_b = dict(zip(b[::-1], range(len(b) - 1, -1, -1)))
    return _longest_run([(i, last_b[ch]) for ch, i in last_a.items()
                         if first_a[ch] == i and first_b.get(ch, -1) == last_b.get(ch)])


def _longest_run(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by i) whose j increase too (patience sorting)."""
    js = [j for _, j in pairs]
    if js == sorted(js):        # already in the same order in both (the usual case): all of them
        return pairs
    # ends[k] is the smallest j ending a run of length k + 1, back[n] the pair before pairs[n]
    # in the run that ends with it
    ends: list[int] = []
    last: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for n, j in enumerate(js):
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


def _cuts(a: str | list[str], b: str | list[str], prefix: int, suffix: int) -> list[tuple[int, int]]:
    """The anchors of ``a`` and ``b`` that the diff of the stretches between them depends on,
    given the length of their common prefix and suffix: the last one in the prefix, all those
    between, the first one in the suffix.

    Every anchor of the prefix or the suffix belongs to the longest run (it stands at the same
    place in both texts, before or after all the others), and the run between them is the one
    of the middle's pairs alone. So only the middles are looked at one by one; a token occurs
    in ``b`` as often as in ``a``, less its count in ``a``'s middle, plus its count in ``b``'s."""
    end_a, end_b = len(a) - suffix, len(b) - suffix
    in_a = Counter(a)
    mid_b = b[prefix:end_b]
    in_mid_b = Counter(mid_b)
    at_a = dict(zip(a[prefix:end_a], range(prefix, end_a)))    # the last place of each
    at_b = dict(zip(mid_b, range(prefix, end_b)))
    # once in a and once in b: for a token of a's middle, once in b's middle; for one of the
    # prefix or suffix, nowhere in b's middle
    cuts = _longest_run([(i, at_b[t]) for t, i in at_a.items() if in_a[t] == 1 and in_mid_b.get(t) == 1])
    k = prefix - 1
    while k >= 0 and not (in_a[a[k]] == 1 and a[k] not in in_mid_b):
        k -= 1
    if k >= 0:
        cuts.insert(0, (k, k))
    k = end_a
    while k < len(a) and not (in_a[a[k]] == 1 and a[k] not in in_mid_b):
        k += 1
    if k < len(a):
        cuts.append((k, k + len(b) - len(a)))
    return cuts


def _diff_codes(a: str, b: str, tokens: tuple[list[str], list[str]] | None = None) -> list[tuple[int, str]]:
    """The library's diff of two encoded texts, stretch by stretch between their anchors
    (``tokens``: the lists of tokens ``a`` and ``b`` encode, when known: the same anchors,
    found faster, as a token keeps its hash once computed and a character is made anew at
    each look).

    Text kept on both sides is added to the equality before it instead of being diffed: the
    clean-up's first pass merges neighbouring equalities anyway, so its result is the same, and
    a paragraph with one edit costs one library call instead of one per anchor. Every stretch
    between two anchors of the texts' common prefix, or of their common suffix, is the same on
    both sides: the walk starts after the prefix's last anchor and stops after the suffix's
    first one (see ``_cuts``)."""
    dmp = _engine()
    prefix = dmp.diff_commonPrefix(a, b)
    suffix = min(dmp.diff_commonSuffix(a, b), min(len(a), len(b)) - prefix)
    cuts = _cuts(*(tokens or (a, b)), prefix, suffix)
    diffs: list[tuple[int, str]] = []
    kept = 0                    # where the kept text not yet in ``diffs`` starts in ``a``
    i0 = j0 = 0
    if cuts and cuts[0][0] < prefix:
        i0 = j0 = cuts[0][0] + 1
        cuts = cuts[1:]
    for i, j in [*cuts, (len(a), len(b))]:
        old, new = a[i0:i], b[j0:j]
        if old != new:
            if not old or not new:      # what the library gives for a one-sided stretch
                stretch = [(1, new) if new else (-1, old)]
            else:
                stretch = dmp.diff_main(old, new, False)
            # the equalities at its ends join the kept text around it: a diff's kept and
            # deleted texts make the old text, so they are ``a``'s own characters there
            head = len(stretch.pop(0)[1]) if stretch[0][0] == 0 else 0
            tail = len(stretch.pop()[1]) if stretch[-1][0] == 0 else 0
            if kept < i0 + head:
                diffs.append((0, a[kept:i0 + head]))
            diffs.extend(stretch)
            kept = i - tail
        i0, j0 = i + 1, j + 1
    if kept < len(a):
        diffs.append((0, a[kept:]))
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
    head, old_mid, new_mid, tail = _split_tokens(old, new)
    a, b, back = _encode(head, old_mid, new_mid, tail)
    diffs = _diff_codes(a, b, (head + old_mid + tail, head + new_mid + tail))
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
