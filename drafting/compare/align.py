"""Paragraph alignment of two versions of one document.

The order of the work follows how editors read a revision:

1. identical paragraphs first (same text, footnote references included, numbers ignored): the
   longest common sequence of them anchors the alignment;
2. inside each gap between two anchors, a small dynamic programme pairs the remaining paragraphs
   by similarity, with 1-1 steps, and 1-2 / 2-1 steps (a paragraph split in two, two merged in
   one) accepted only when they beat the best 1-1 pairing clearly; large gaps are first cut by
   pairs of very similar paragraphs found through rare shared words;
3. what is left (deleted on one side, inserted on the other) is searched for moves.

Each pair then gets its kind: ``unchanged``, ``renumbered``, ``modified``, ``moved``,
``inserted``, ``deleted``, ``split`` or ``merged``, its word-level inline diff, and the
comparison of the footnotes it anchors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafting.compare.inline import EQUAL, INSERT, DELETE, inline_diff
from drafting.compare.items import NOTE, Item, items_of

KINDS = ["unchanged", "renumbered", "modified", "moved", "inserted", "deleted", "split", "merged"]

MATCH_MIN = 0.5        # least similarity for two paragraphs to count as one paragraph edited
MOVE_MIN = 0.6         # a move across the document must be more certain than an edit in place
SPLIT_MARGIN = 0.05    # a split/merge must beat the best 1-1 pairing by this much, and its
                       # second part must come from the other side (see _two_to_one)
DP_CELLS = 6000        # gaps larger than this are first cut by near-identical pairs


@dataclass
class FootnoteChange:
    kind: str                      # unchanged, renumbered, modified, inserted, deleted
    old: str | None                # marker
    new: str | None
    inline: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"kind": self.kind, "old": self.old, "new": self.new,
                "inline": [list(x) for x in self.inline]}


@dataclass
class Pair:
    kind: str
    old: list[Item]
    new: list[Item]
    similarity: float = 1.0
    inline: list[tuple[str, str]] = field(default_factory=list)
    formatting: bool = False       # italics/bold/underline differ
    footnotes: list[FootnoteChange] = field(default_factory=list)

    @property
    def old_eids(self) -> list[str]:
        return [i.eid for i in self.old]

    @property
    def new_eids(self) -> list[str]:
        return [i.eid for i in self.new]

    @property
    def text_changed(self) -> bool:
        return any(op != EQUAL for op, _ in self.inline)


@dataclass
class Alignment:
    """The result: every item of both documents in exactly one pair, in reading order."""

    old_items: list[Item]
    new_items: list[Item]
    pairs: list[Pair]

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(p.kind for p in self.pairs)
        return {k: counts[k] for k in KINDS if counts[k]}

    @property
    def identical(self) -> bool:
        return all(p.kind == "unchanged" for p in self.pairs)


def similarity(a: Counter, b: Counter) -> float:
    """Dice coefficient of the two bags of words (1.0 for two empty texts)."""
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    common = sum((a & b).values())
    return 2.0 * common / total


def _key(item: Item) -> tuple:
    return (item.family, item.text)


# -- step 1 and 2: anchors and gaps ------------------------------------------------------------

def _match_blocks(old: list[Item], new: list[Item]) -> list[tuple[int, int]]:
    a = [_key(i) for i in old]
    b = [_key(i) for i in new]
    sm = SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for block in sm.get_matching_blocks():
        out.extend((block.a + k, block.b + k) for k in range(block.size))
    return out


def _dp(old: list[Item], new: list[Item]) -> list[tuple[list[int], list[int], float]]:
    """Best pairing inside one gap: returns [(old indices, new indices, similarity)]."""
    n, m = len(old), len(new)
    sim_cache: dict[tuple, float] = {}

    def sim(ii: tuple, jj: tuple) -> float:
        key = (ii, jj)
        got = sim_cache.get(key)
        if got is None:
            if any(old[i].family != new[j].family for i in ii for j in jj):
                got = 0.0
            else:
                wa = old[ii[0]].words if len(ii) == 1 else sum((old[i].words for i in ii), Counter())
                wb = new[jj[0]].words if len(jj) == 1 else sum((new[j].words for j in jj), Counter())
                got = similarity(wa, wb)
            sim_cache[key] = got
        return got

    NEG = -1.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, step = NEG, None
            if i and score[i - 1][j] > best:
                best, step = score[i - 1][j], (1, 0, 0.0)
            if j and score[i][j - 1] > best:
                best, step = score[i][j - 1], (0, 1, 0.0)
            if i and j:
                s = sim((i - 1,), (j - 1,))
                if s >= MATCH_MIN and score[i - 1][j - 1] + s > best:
                    best, step = score[i - 1][j - 1] + s, (1, 1, s)
            if i and j >= 2:
                s = _two_to_one(sim, (i - 1,), (j - 2, j - 1), old, new, flip=False)
                if s and score[i - 1][j - 2] + 2 * s > best:
                    best, step = score[i - 1][j - 2] + 2 * s, (1, 2, s)
            if i >= 2 and j:
                s = _two_to_one(sim, (j - 1,), (i - 2, i - 1), new, old, flip=True)
                if s and score[i - 2][j - 1] + 2 * s > best:
                    best, step = score[i - 2][j - 1] + 2 * s, (2, 1, s)
            score[i][j], back[i][j] = best, step
    out = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i][j]
        if di and dj:
            out.append((list(range(i - di, i)), list(range(j - dj, j)), s))
        i, j = i - di, j - dj
    out.reverse()
    return out


def _two_to_one(sim, one: tuple, two: tuple, side_one, side_two, flip: bool) -> float:
    """Similarity of a split (one old, two new) or merge (two old, one new), or 0.0 when it does
    not clearly beat pairing the one with the better of the two and leaving the other alone:
    the whole must be more similar, and the other part must really come from the one."""
    pick = (lambda a, b: sim(b, a)) if flip else sim
    whole = pick(one, two)
    if whole < MATCH_MIN:
        return 0.0
    s_first, s_second = pick(one, (two[0],)), pick(one, (two[1],))
    if whole < max(s_first, s_second) + SPLIT_MARGIN:
        return 0.0
    main, extra = (two[0], two[1]) if s_first >= s_second else (two[1], two[0])
    rest = side_one[one[0]].words - side_two[main].words
    extra_words = side_two[extra].words
    size = sum(extra_words.values())
    if size and sum((extra_words & rest).values()) / size < 0.6:
        return 0.0
    return whole


def _rare_word_pairs(old: list[Item], new: list[Item], floor: float) -> list[tuple[int, int, float]]:
    """Pairs of very similar paragraphs found through the rarest words they share."""
    index: dict[str, list[int]] = {}
    for j, item in enumerate(new):
        for w in item.words:
            index.setdefault(w, []).append(j)
    pairs = []
    for i, item in enumerate(old):
        words = sorted(item.words, key=lambda w: len(index.get(w, ())))
        candidates: set[int] = set()
        for w in words[:4]:
            hits = index.get(w, ())
            if 0 < len(hits) <= 8:
                candidates.update(hits)
        best, best_j = 0.0, None
        for j in candidates:
            if new[j].family != item.family:
                continue
            s = similarity(item.words, new[j].words)
            if s > best:
                best, best_j = s, j
        if best_j is not None and best >= floor:
            pairs.append((i, best_j, best))
    return pairs


def _increasing(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Longest chain of pairs increasing on both sides (patience-style anchors), O(n log n)."""
    from bisect import bisect_left

    pairs = sorted(pairs)
    tails: list[int] = []          # smallest new index ending a chain of each length
    tail_at: list[int] = []        # which pair ends it
    prev: list[int] = [-1] * len(pairs)
    for k, (_, j, _) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        prev[k] = tail_at[pos - 1] if pos else -1
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    return chain[::-1]


def _align_gap(old: list[Item], new: list[Item]) -> list[tuple[list[int], list[int], float]]:
    if not old or not new:
        return []
    if len(old) * len(new) <= DP_CELLS:
        return _dp(old, new)
    anchors = _increasing(_rare_word_pairs(old, new, 0.8))
    if not anchors:
        return []
    out = []
    pi = pj = 0
    for ai, aj, s in anchors + [(len(old), len(new), None)]:
        for ii, jj, ss in _align_gap(old[pi:ai], new[pj:aj]):
            out.append(([pi + x for x in ii], [pj + y for y in jj], ss))
        if s is not None:
            out.append(([ai], [aj], s))
        pi, pj = ai + 1, aj + 1
    return out


# -- step 3: moves -------------------------------------------------------------------------------

def _moves(old: list[Item], new: list[Item], free_old: list[int], free_new: list[int]):
    """Pair paragraphs deleted in one place with paragraphs inserted elsewhere."""
    by_text: dict[tuple, list[int]] = {}
    for i in free_old:
        by_text.setdefault(_key(old[i]), []).append(i)
    taken_old: set[int] = set()
    moves = []
    rest = []
    for j in free_new:
        same = [i for i in by_text.get(_key(new[j]), []) if i not in taken_old]
        if same and new[j].text:
            taken_old.add(same[0])
            moves.append((same[0], j, 1.0))
        else:
            rest.append(j)
    left = [i for i in free_old if i not in taken_old]
    candidates = []
    if len(left) * len(rest) <= DP_CELLS:
        pairs = ((i, j) for j in rest for i in left)
    else:  # many leftovers: only pairs that share one of their rarer words
        index: dict[str, list[int]] = {}
        for i in left:
            for word in old[i].words:
                index.setdefault(word, []).append(i)
        found = set()
        for j in rest:
            words = sorted((w for w in new[j].words if w in index), key=lambda w: len(index[w]))
            for word in words[:6]:
                found.update((i, j) for i in index[word])
        pairs = sorted(found)
    for i, j in pairs:
        if old[i].family == new[j].family:
            s = similarity(old[i].words, new[j].words)
            if s >= MOVE_MIN:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_j: set[int] = set()
    for s, i, j in candidates:
        if i in taken_old or j in used_j:
            continue
        taken_old.add(i)
        used_j.add(j)
        moves.append((i, j, s))
    return moves


# -- kinds, inline diffs and footnotes -------------------------------------------------------

def _joined(items: list[Item]) -> str:
    return " ".join(i.text for i in items if i.text)


def _notes(items: list[Item]):
    return [n for i in items for n in i.notes]


def _footnote_changes(ops, old_notes, new_notes) -> list[FootnoteChange]:
    """Walk the inline diff: footnote references on both sides of an equal stretch are the same
    footnote; the others were added or removed. Bodies of paired footnotes are diffed."""
    out = []
    oi = ni = 0
    for op, text in ops:
        for ch in text:
            if ch != NOTE:
                continue
            if op == EQUAL:
                o = old_notes[oi] if oi < len(old_notes) else None
                n = new_notes[ni] if ni < len(new_notes) else None
                oi += 1
                ni += 1
                if o is None or n is None:
                    continue
                if o.text == n.text:
                    kind = "unchanged" if o.marker == n.marker else "renumbered"
                    out.append(FootnoteChange(kind, o.marker, n.marker))
                else:
                    out.append(FootnoteChange("modified", o.marker, n.marker, inline_diff(o.text, n.text)))
            elif op == DELETE:
                o = old_notes[oi] if oi < len(old_notes) else None
                oi += 1
                if o is not None:
                    out.append(FootnoteChange("deleted", o.marker, None, [(DELETE, o.text)]))
            elif op == INSERT:
                n = new_notes[ni] if ni < len(new_notes) else None
                ni += 1
                if n is not None:
                    out.append(FootnoteChange("inserted", None, n.marker, [(INSERT, n.text)]))
    return out


def _finish(pair: Pair) -> Pair:
    old_text, new_text = _joined(pair.old), _joined(pair.new)
    pair.inline = inline_diff(old_text, new_text)
    old_notes, new_notes = _notes(pair.old), _notes(pair.new)
    if old_notes or new_notes:
        pair.footnotes = _footnote_changes(pair.inline, old_notes, new_notes)
    if pair.old and pair.new:
        sig_old = tuple(s for i in pair.old for s in i.style_signature)
        sig_new = tuple(s for i in pair.new for s in i.style_signature)
        pair.formatting = sig_old != sig_new
    if pair.kind == "same":
        notes_changed = any(f.kind not in ("unchanged", "renumbered") for f in pair.footnotes)
        if pair.formatting or notes_changed:
            pair.kind = "modified"
        elif pair.old[0].num != pair.new[0].num:
            pair.kind = "renumbered"
        else:
            pair.kind = "unchanged"
    return pair


def align_items(old: list[Item], new: list[Item]) -> Alignment:
    """Align two lists of items (see ``items_of``)."""
    matched: list[tuple[list[int], list[int], float, str]] = []
    anchors = _match_blocks(old, new)
    pi = pj = 0
    for ai, aj in anchors + [(len(old), len(new))]:
        for ii, jj, s in _align_gap(old[pi:ai], new[pj:aj]):
            ii = [pi + x for x in ii]
            jj = [pj + y for y in jj]
            kind = "split" if len(jj) > 1 else "merged" if len(ii) > 1 else "edited"
            matched.append((ii, jj, s, kind))
        if ai < len(old):
            matched.append(([ai], [aj], 1.0, "same"))
        pi, pj = ai + 1, aj + 1
    used_old = {i for ii, _, _, _ in matched for i in ii}
    used_new = {j for _, jj, _, _ in matched for j in jj}
    free_old = [i for i in range(len(old)) if i not in used_old]
    free_new = [j for j in range(len(new)) if j not in used_new]
    for i, j, s in _moves(old, new, free_old, free_new):
        matched.append(([i], [j], s, "moved"))
        used_old.add(i)
        used_new.add(j)

    pairs = []
    partner_of_old: dict[int, int] = {}   # old index -> new index, for pairs kept in place
    for ii, jj, s, kind in matched:
        if kind == "edited":
            kind = "same" if old[ii[0]].text == new[jj[0]].text else "modified"
        pair = _finish(Pair(kind, [old[i] for i in ii], [new[j] for j in jj], round(s, 3)))
        pairs.append(((jj[0], 0, ii[0]), pair))
        if kind != "moved":
            for i in ii:
                partner_of_old[i] = jj[0]
    for j in range(len(new)):
        if j not in used_new:
            pairs.append(((j, 0, -1), _finish(Pair("inserted", [], [new[j]], 0.0))))
    # A deleted paragraph is shown just after the new partner of the old paragraph before it
    # (a paragraph that moved away does not count: its partner stands elsewhere).
    anchor = -1
    for i in range(len(old)):
        if i in partner_of_old:
            anchor = partner_of_old[i]
        elif i not in used_old:
            pairs.append(((anchor, 1, i), _finish(Pair("deleted", [old[i]], [], 0.0))))
    pairs.sort(key=lambda kp: kp[0])
    return Alignment(old, new, [p for _, p in pairs])


def align_documents(old_root, new_root) -> Alignment:
    """Align two AKN documents paragraph by paragraph (headings, preamble, points included).

    This is the library entry point: ``Alignment.pairs`` lists every unit of both documents in
    exactly one ``Pair`` (kind, old items, new items, similarity, inline diff, formatting flag,
    footnote changes), in reading order of the new document.
    """
    return align_items(items_of(old_root), items_of(new_root))
