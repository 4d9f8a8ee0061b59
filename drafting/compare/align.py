"""Paragraph alignment of two versions of one document.

The order of the work follows how editors read a revision:

1. paragraphs with the same text (numbers ignored, footnote calls by their note's text,
   typography and extraction artefacts ignored) pair first; of those pairs, the longest run in
   the same order on both sides stays in place and anchors the alignment, the others moved
   (the fewest paragraphs reported moved, as an editor reads it; where an identical and an
   edited paragraph compete for one place, the identical one stays);
2. inside each gap between two anchors, a small dynamic programme pairs the remaining paragraphs
   by similarity, with 1-1 steps, and 1-2 / 2-1 steps (a paragraph split in two, two merged in
   one) accepted only when they beat the best 1-1 pairing clearly; a paragraph reworded in place
   is modified even when much of its wording changed: the only one left between the same
   neighbours on both sides, with the same opening word, or, in a gap of any shape, the one
   that each finds closest of all the gap's paragraphs and that keeps half its words; large
   gaps are first cut by pairs of very similar paragraphs found through rare shared words;
3. what is left (deleted on one side, inserted on the other) is searched for moves.

Preamble, operative part and annex are kept apart: a paragraph pairs across them only when its
text really moved (nearly the same words).

Each pair then gets its kind: ``unchanged``, ``renumbered``, ``modified``, ``moved``,
``inserted``, ``deleted``, ``split`` or ``merged``, its word-level inline diff, the typography
set apart from it, and the comparison of the footnotes it calls.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import field

from drafting.compare.inline import DELETE, EQUAL, INSERT, inline_diff
from drafting.compare.items import NOTE_ATOMS, Item, is_note, items_of, words_of
from drafting.compare.typography import split_typography, squash
from drafting.records import record

KINDS = ["unchanged", "renumbered", "modified", "moved", "inserted", "deleted", "split", "merged"]
IGNORABLE = ("typography", "formatting", "case", "footnote-numbers")

MATCH_MIN = 0.5        # least similarity for two paragraphs to count as one paragraph edited
IN_PLACE_MIN = 0.3     # ... when it is the only one between the same neighbours, same opening
REWORDED_MIN = 0.5     # a paragraph rewritten where it stood keeps half its words (single words)
MOVE_MIN = 0.6         # a move across the document must be more certain than an edit in place
ACROSS_MIN = 0.85      # a paragraph pairs across preamble, operative part and annex only so close
CONTAINED_MIN = 0.75   # a paragraph expanded or cut down keeps this much of the shorter form
NEAR_MIN = 0.8         # nearly the same paragraph: an anchor of the alignment like an identical one
SPLIT_MARGIN = 0.05    # a split/merge must beat the best 1-1 pairing by this much, and its
                       # second part must come from the other side (see _two_to_one)
_WEIGHT_SCALE = 10 ** 6  # weights of pairs compared to the millionth in the longest run
DP_CELLS = 6000        # gaps larger than this are first cut by near-identical pairs


@record(frozen=True)
class Options:
    """What the comparison leaves aside (Word's Compare settings): ``ignore`` holds names of
    ``IGNORABLE``; ``formatting`` is False when an input cannot carry formatting (plain text),
    so that no formatting change is ever reported from it."""

    ignore: frozenset = frozenset()
    formatting: bool = True

    @property
    def case(self) -> bool:
        return "case" in self.ignore


@record
class FootnoteChange:
    """What became of one footnote of a pair of paragraphs."""

    kind: str                      # unchanged, renumbered, modified, inserted, deleted
    old: str | None                # marker
    new: str | None
    inline: list[tuple[str, str]] = field(default_factory=list)
    typography: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {"kind": self.kind, "old": self.old, "new": self.new,
               "inline": [list(x) for x in self.inline]}
        if self.typography:
            out["typography"] = [list(x) for x in self.typography]
        return out


@record
class Pair:
    """Units of the old and of the new document matched as one (or one side alone)."""

    kind: str
    old: list[Item]
    new: list[Item]
    similarity: float = 1.0
    inline: list[tuple[str, str]] = field(default_factory=list)   # typography set apart
    formatting: bool = False       # italics/bold/underline differ
    footnotes: list[FootnoteChange] = field(default_factory=list)
    typography: list[tuple[str, str]] = field(default_factory=list)   # (old, new) stretches
    raw: list[tuple[str, str]] | None = None     # the exact diff, typography included

    @property
    def exact(self) -> list[tuple[str, str]]:
        """The inline diff with nothing set apart (what a tracked-changes file must hold)."""
        return self.raw if self.raw is not None else self.inline

    @property
    def old_eids(self) -> list[str]:
        return [i.eid for i in self.old]

    @property
    def new_eids(self) -> list[str]:
        return [i.eid for i in self.new]

    @property
    def text_changed(self) -> bool:
        return any(op != EQUAL for op, _ in self.inline)


@record
class Alignment:
    """The result: every item of both documents in exactly one pair, in reading order."""

    old_items: list[Item]
    new_items: list[Item]
    pairs: list[Pair]
    options: Options = field(default_factory=Options)

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(p.kind for p in self.pairs)
        return {k: counts[k] for k in KINDS if counts[k]}

    @property
    def typography(self) -> int:
        """How many pairs differ in typography (counted apart from the kinds)."""
        return sum(1 for p in self.pairs if p.typography or any(f.typography for f in p.footnotes))

    @property
    def identical(self) -> bool:
        return all(p.kind == "unchanged" for p in self.pairs)


def similarity(a: frozenset, b: frozenset) -> float:
    """Dice coefficient of the two sets of words and word pairs (1.0 for two empty texts)."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    return 2.0 * len(a & b) / total


class _Side:
    """One document's items with what alignment asks of them, computed once."""

    def __init__(self, items: list[Item], options: Options, squashed: dict[str, str]):
        self.items = items
        self.keys = [(i.family, _squash_once(i.text, options.case, squashed)) for i in items]


def _squash_once(text: str, case: bool, squashed: dict[str, str]) -> str:
    """``squash(text, case)``, computed once for a text that both documents hold (most of
    them): ``squashed`` keeps it for the second."""
    got = squashed.get(text)
    if got is None:
        got = squashed[text] = squash(text, case)
    return got


def _word_dice(a: frozenset, b: frozenset) -> float:
    """Dice coefficient of the single words (the sets also hold word pairs)."""
    return similarity(frozenset(w for w in a if " " not in w), frozenset(w for w in b if " " not in w))


def _opening(item: Item) -> str:
    return item.opening


def _contained(a: Item, b: Item) -> float:
    """MATCH_MIN when one paragraph is the other expanded or cut down: the same opening word
    and nearly all the shorter one's words and word pairs kept in the longer; else 0.0."""
    if a.part != b.part or not a.opening or a.opening != b.opening:
        return 0.0
    short, other = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    if len(short) >= 8 and len(short & other) >= CONTAINED_MIN * len(short):
        return MATCH_MIN
    return 0.0


def _compatible(a: Item, b: Item) -> bool:
    return a.family == b.family


# -- step 1: same text, the longest run in order stays ---------------------------------------

def _same_text_pairs(old: _Side, new: _Side) -> list[tuple[int, int]]:
    """Pairs of paragraphs with the same key: the k-th occurrence of a text in OLD with its
    k-th occurrence in NEW."""
    where: dict[tuple, list[int]] = {}
    for j, key in enumerate(new.keys):
        where.setdefault(key, []).append(j)
    seen: Counter = Counter()
    out = []
    for i, key in enumerate(old.keys):
        js = where.get(key)
        if js:
            k = seen[key]
            seen[key] += 1
            if k < len(js):
                out.append((i, js[k]))
    return out


def _one_each(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Keep, for each new paragraph, only its most similar old one."""
    best: dict[int, tuple[int, int, float]] = {}
    for i, j, s in pairs:
        if j not in best or s > best[j][2]:
            best[j] = (i, j, s)
    return list(best.values())


def _longest_run(pairs: list[tuple]) -> list[tuple]:
    """Longest chain of pairs increasing on both sides, O(n log n); among chains as long, the
    one whose pairs weigh most (the third element: 1.0 for the same text, the similarity for a
    paragraph edited), so that where an edited paragraph and an identical one compete for a
    place, the identical one stays and the edited one is the one that moved; among those, the
    one ending in later pairs (as patience sorting has it). The pairs come sorted by their
    first index. A Fenwick tree over the second index keeps the best chain ending below each
    position, as one integer: length, then weight in millionths, then the pair's index."""
    if not pairs:
        return []
    if len({p[2] for p in pairs}) == 1:
        return _patience(pairs)         # all weigh the same: the length alone decides
    size = max(p[1] for p in pairs) + 1
    at_bits = len(pairs).bit_length()
    weight_bits = (len(pairs) * _WEIGHT_SCALE).bit_length()
    tree = [0] * (size + 1)
    prev = [-1] * len(pairs)
    at_mask = (1 << at_bits) - 1
    best = 0
    k = 0
    while k < len(pairs):
        group = k
        while group < len(pairs) and pairs[group][0] == pairs[k][0]:
            group += 1
        ends = []
        for at in range(k, group):      # pairs of one first index never chain to each other
            j = pairs[at][1]
            found = 0
            x = j
            while x > 0:
                if tree[x] > found:
                    found = tree[x]
                x -= x & -x
            prev[at] = (found & at_mask) - 1 if found else -1
            chain = (found >> at_bits) + (1 << weight_bits) + round(pairs[at][2] * _WEIGHT_SCALE)
            ends.append((j, (chain << at_bits) | (at + 1)))
        for j, value in ends:
            x = j + 1
            while x <= size:
                if value > tree[x]:
                    tree[x] = value
                x += x & -x
            if value > best:
                best = value
        k = group
    chain = []
    at = (best & at_mask) - 1
    while at >= 0:
        chain.append(pairs[at])
        at = prev[at]
    return chain[::-1]


def _patience(pairs: list[tuple]) -> list[tuple]:
    """Longest chain of pairs increasing on both sides (patience sorting, O(n log n)); the
    pairs come sorted by their first index."""
    tails: list[int] = []          # smallest second index ending a chain of each length
    tail_at: list[int] = []        # which pair ends it
    prev: list[int] = [-1] * len(pairs)
    for k, pair in enumerate(pairs):
        j = pair[1]
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


# -- step 2: gaps ------------------------------------------------------------------------------

def _dp(old: list[Item], new: list[Item]) -> list[tuple[list[int], list[int], float]]:
    """Best pairing inside one gap: returns [(old indices, new indices, similarity)]."""
    n, m = len(old), len(new)
    size_o = [len(x.words) for x in old]
    size_n = [len(x.words) for x in new]
    one_each = n == m          # a gap as long on both sides: paragraphs edited in place
    cache: dict[tuple, float] = {}

    def sim1(i: int, j: int) -> float:
        got = cache.get((i, j))
        if got is None:
            a, b = old[i], new[j]
            if not _compatible(a, b):
                got = 0.0
            elif 2 * min(size_o[i], size_n[j]) < IN_PLACE_MIN * (size_o[i] + size_n[j]):
                got = _contained(a, b)   # too different in length for words shared alike
            else:
                got = similarity(a.words, b.words)
                if got < MATCH_MIN:
                    got = max(got, _contained(a, b))
                if a.part != b.part and got < ACROSS_MIN:
                    got = 0.0
            cache[(i, j)] = got
        return got

    def in_place(i: int, j: int) -> bool:
        """The i-th of a gap as long on both sides, same opening word, enough words shared."""
        if not (one_each and i == j and _compatible(old[i], new[j]) and old[i].part == new[j].part):
            return False
        opening = _opening(old[i])
        return bool(opening) and opening == _opening(new[j]) and \
            _word_dice(old[i].words, new[j].words) >= IN_PLACE_MIN

    row_best: dict[int, float] = {}
    col_best: dict[int, float] = {}

    def reworded(i: int, j: int) -> bool:
        """Rewritten where it stood: of all paragraphs of the gap, each is the other's closest,
        and half their words are still shared (the opening verb may change: "Reiterating the
        affirmation in ... that" -> "Reaffirming ... on the imperative of")."""
        s = sim1(i, j)
        if s < IN_PLACE_MIN or old[i].part != new[j].part:
            return False
        if i not in row_best:
            row_best[i] = max(sim1(i, y) for y in range(m))
        if j not in col_best:
            col_best[j] = max(sim1(x, j) for x in range(n))
        return s >= row_best[i] and s >= col_best[j] and _word_dice(old[i].words, new[j].words) >= REWORDED_MIN

    def two_to_one(one: int, two: tuple, flip: bool) -> float:
        """A split (one old, two new) or a merge (two old, one new); 0.0 when it does not
        clearly beat pairing the one with the better of the two and leaving the other."""
        if flip:
            s0, s1 = sim1(two[0], one), sim1(two[1], one)
            sz_one, sz0, sz1 = size_n[one], size_o[two[0]], size_o[two[1]]
        else:
            s0, s1 = sim1(one, two[0]), sim1(one, two[1])
            sz_one, sz0, sz1 = size_o[one], size_n[two[0]], size_n[two[1]]
        if not (s0 or s1):
            return 0.0
        side_one, side_two = (new, old) if flip else (old, new)
        # the whole shares at most what the parts share: skip when even that is too little,
        # first with the union at its smallest (the larger part), without making it
        shared, needed = s0 * (sz_one + sz0) + s1 * (sz_one + sz1), max(MATCH_MIN, max(s0, s1) + SPLIT_MARGIN)
        if shared / max(1, sz_one + max(sz0, sz1)) < needed:
            return 0.0
        union = side_two[two[0]].words | side_two[two[1]].words
        if shared / max(1, sz_one + len(union)) < needed:
            return 0.0
        one_words = side_one[one].words
        whole = similarity(one_words, union)
        if whole < MATCH_MIN or whole < max(s0, s1) + SPLIT_MARGIN:
            return 0.0
        extra = two[1] if s0 >= s1 else two[0]
        extra_words = side_two[extra].words      # the other part must come from the one
        size = len(extra_words)
        if size and len(extra_words & one_words) / size < 0.6:
            return 0.0
        return whole

    NEG = -1.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        row, up = score[i], score[i - 1] if i else None
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, step = NEG, None
            if i and up[j] > best:
                best, step = up[j], (1, 0, 0.0)
            if j and row[j - 1] > best:
                best, step = row[j - 1], (0, 1, 0.0)
            if i and j:
                s = sim1(i - 1, j - 1)
                if s < MATCH_MIN:       # too different, unless edited where it stood
                    kept = in_place(i - 1, j - 1) or reworded(i - 1, j - 1)
                    s = max(s, IN_PLACE_MIN) if kept else 0.0
                if s:
                    if up[j - 1] + s > best:
                        best, step = up[j - 1] + s, (1, 1, s)
            if i and j >= 2:
                s = two_to_one(i - 1, (j - 2, j - 1), False)
                if s and up[j - 2] + 2 * s > best:
                    best, step = up[j - 2] + 2 * s, (1, 2, s)
            if i >= 2 and j:
                s = two_to_one(j - 1, (i - 2, i - 1), True)
                if s and score[i - 2][j - 1] + 2 * s > best:
                    best, step = score[i - 2][j - 1] + 2 * s, (2, 1, s)
            row[j], back[i][j] = best, step
    out = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i][j]
        if di and dj:
            out.append((list(range(i - di, i)), list(range(j - dj, j)), s))
        i, j = i - di, j - dj
    out.reverse()
    return out


def _rare_word_pairs(old: list[Item], new: list[Item], floor: float) -> list[tuple[int, int, float]]:
    """Pairs of very similar paragraphs found through the rarest words they share."""
    index: dict[str, list[int]] = {}
    for j, item in enumerate(new):
        for w in item.words:
            index.setdefault(w, []).append(j)
    pairs = []
    for i, item in enumerate(old):
        # the four rarest words: first those NEW lacks (found nowhere: no candidate), then the
        # rarest of the others, in the order a stable sort of them all would give
        present = [w for w in item.words if w in index]
        rarest = 4 - (len(item.words) - len(present))
        words = sorted(present, key=lambda w: len(index[w]))[:rarest] if rarest > 0 else []
        candidates: set[int] = set()
        for w in words:
            hits = index[w]
            if len(hits) <= 8:
                candidates.update(hits)
        best, best_j = 0.0, None
        for j in candidates:
            if not _compatible(item, new[j]):
                continue
            s = similarity(item.words, new[j].words)
            if s > best:
                best, best_j = s, j
        if best_j is not None and best >= floor:
            pairs.append((i, best_j, best))
    return pairs


def _diagonal(old: list[Item], new: list[Item]) -> list[tuple[list[int], list[int], float]] | None:
    """A gap as long on both sides where every paragraph is clearly its counterpart edited in
    place: paired one by one, in linear time (the common case of a revised draft)."""
    if len(old) != len(new):
        return None
    out = []
    for k, (a, b) in enumerate(zip(old, new)):
        if not _compatible(a, b) or a.part != b.part:
            return None
        s = similarity(a.words, b.words)
        if s < MOVE_MIN:
            return None
        out.append(([k], [k], s))
    return out


def _align_gap(old: list[Item], new: list[Item]) -> list[tuple[list[int], list[int], float]]:
    if not old or not new:
        return []
    diagonal = _diagonal(old, new)
    if diagonal is not None:
        return diagonal
    if len(old) * len(new) <= DP_CELLS:
        return _dp(old, new)
    anchors = _longest_run(sorted(_rare_word_pairs(old, new, 0.8)))
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
    left, rest = free_old, free_new
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
        if _compatible(old[i], new[j]):
            s = similarity(old[i].words, new[j].words)
            if s >= (MOVE_MIN if old[i].part == new[j].part else ACROSS_MIN):
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    taken_old: set[int] = set()
    used_j: set[int] = set()
    moves = []
    for s, i, j in candidates:
        if i in taken_old or j in used_j:
            continue
        taken_old.add(i)
        used_j.add(j)
        moves.append((i, j, s))
    return moves


# -- kinds, inline diffs and footnotes -------------------------------------------------------

def _joined(items: list[Item]) -> str:
    if len(items) == 1:          # most pairs: the one item's text, without a join
        return items[0].text
    return " ".join(i.text for i in items if i.text)


def _notes(items: list[Item]):
    return [n for i in items for n in i.notes]


def _replaced_calls(ops) -> list[tuple[str, str]]:
    """(old call, new call) of the calls replaced at one spot: removed and added between the
    same two stretches of kept text, paired in order."""
    out: list[tuple[str, str]] = []
    gone: list[str] = []
    came: list[str] = []
    for op, text in [*ops, (EQUAL, "")]:
        if op == EQUAL:
            out.extend(zip(gone, came))
            gone, came = [], []
        elif op == DELETE:
            gone.extend(NOTE_ATOMS.findall(text))
        else:
            came.extend(NOTE_ATOMS.findall(text))
    return out


def _same_note_atoms(old_text: str, new_text: str, old_notes, new_notes, diff) -> str:
    """NEW's text with the call of a note whose body was edited written as OLD's call, so the
    diff sees one call kept (its body compared apart) instead of one removed and one added.
    Among the notes whose text did not stay the same: when as many calls went as came, each one
    was replaced (in call order); else notes whose bodies are still alike are one note edited
    (the closest first), and of the others, a call replaced where it stood (the same spot
    between kept words; ``diff()`` gives the diff of the two texts as they are)."""
    old_atoms = NOTE_ATOMS.findall(old_text)
    new_atoms = NOTE_ATOMS.findall(new_text)
    if not old_atoms or not new_atoms or len(old_atoms) != len(old_notes) or len(new_atoms) != len(new_notes):
        return new_text
    kept = set(old_atoms) & set(new_atoms)
    lone_old = [(a, n) for a, n in zip(old_atoms, old_notes) if a not in kept]
    lone_new = [(a, n) for a, n in zip(new_atoms, new_notes) if a not in kept]
    if not lone_old or not lone_new:
        return new_text
    swap = {}
    if len(lone_old) == len(lone_new):
        swap = {na: oa for (oa, _), (na, _) in zip(lone_old, lone_new)}
    else:
        alike = sorted(((similarity(words_of(on.text), words_of(nn.text)), oa, na)
                        for oa, on in lone_old for na, nn in lone_new), key=lambda c: -c[0])
        taken = set()
        for s, oa, na in alike:              # bodies still alike, the closest first (stable)
            if s >= MATCH_MIN and na not in swap and oa not in taken:
                swap[na] = oa
                taken.add(oa)
        gone = {a for a, _ in lone_old} - taken
        came = {a for a, _ in lone_new} - swap.keys()
        if gone and came:                  # then a call replaced where it stood
            for oa, na in _replaced_calls(diff()):
                if oa in gone and na in came:
                    swap[na] = oa
                    gone.discard(oa)
                    came.discard(na)
    if not swap:
        return new_text
    return NOTE_ATOMS.sub(lambda m: swap.get(m.group(), m.group()), new_text)


def _footnote_changes(ops, old_notes, new_notes, options: Options) -> list[FootnoteChange]:
    """Walk the inline diff: calls in an unchanged stretch are the same note (same text, or an
    edited body), and so is a call of the same note removed in one place of the paragraph and
    added in another (the call moved); the others were added or removed. Bodies of paired notes
    are diffed."""
    calls = []                      # (op, atom, old note, new note) in the order of the diff
    oi = ni = 0
    for op, text in ops:
        for call in NOTE_ATOMS.finditer(text):
            o = old_notes[oi] if op != INSERT and oi < len(old_notes) else None
            n = new_notes[ni] if op != DELETE and ni < len(new_notes) else None
            oi += op != INSERT
            ni += op != DELETE
            calls.append([op, call.group(), o, n])
    added: dict[str, list] = {}
    for call in calls:
        if call[0] == INSERT and call[3] is not None:
            added.setdefault(call[1], []).append(call)
    if added:
        for call in calls:         # a call moved: its note kept, read where it was removed
            if call[0] == DELETE and call[2] is not None and added.get(call[1]):
                moved = added[call[1]].pop(0)
                call[0], call[3] = EQUAL, moved[3]
                moved[0] = None
    out = []
    for op, _atom, o, n in calls:
        if op == EQUAL and o is not None and n is not None:
            if o.text == n.text:
                if o.marker != n.marker and "footnote-numbers" not in options.ignore:
                    out.append(FootnoteChange("renumbered", o.marker, n.marker))
                continue
            ops_note, typo = split_typography(inline_diff(o.text, n.text), options.case)
            if not any(k != EQUAL for k, _ in ops_note):
                kind = "renumbered" if o.marker != n.marker else "unchanged"
                if "typography" in options.ignore:
                    typo = []
                if typo or kind == "renumbered" and "footnote-numbers" not in options.ignore:
                    out.append(FootnoteChange(kind, o.marker, n.marker, ops_note, typo))
                continue
            out.append(FootnoteChange("modified", o.marker, n.marker, ops_note,
                                      [] if "typography" in options.ignore else typo))
        elif op == DELETE and o is not None:
            out.append(FootnoteChange("deleted", o.marker, None, [(DELETE, o.text)]))
        elif op == INSERT and n is not None:
            out.append(FootnoteChange("inserted", None, n.marker, [(INSERT, n.text)]))
    return out


def _char_formats(items: list[Item]) -> list[frozenset]:
    """The formatting of every character of ``_joined(items)``."""
    out: list[frozenset] = []
    none = frozenset()
    for item in items:
        if not item.text:
            continue
        if out:
            out.append(none)
        for text, tags in item.runs:
            out.extend([tags] * len(text))
    return out


def _formatting_changed(ops, old: list[Item], new: list[Item]) -> bool:
    """Whether text kept on both sides changed its italics, bold or underlining (a word that
    was added in italics is an insertion, not a formatting change)."""
    if len(old) == 1 and len(new) == 1 and old[0].runs == new[0].runs:
        return False            # the same text with the same formatting (most pairs)
    if not any(tags for item in (*old, *new) for _, tags in item.runs):
        return False            # plain text on both sides (most pairs): nothing to compare
    old_fmt, new_fmt = _char_formats(old), _char_formats(new)
    old_text, new_text = _joined(old), _joined(new)
    oi = ni = 0
    for op, text in ops:
        n = len(text)
        if op == EQUAL and old_fmt[oi:oi + n] != new_fmt[ni:ni + n]:
            for k in range(n):
                ch = new_text[ni + k]
                if old_fmt[oi + k] != new_fmt[ni + k] and not ch.isspace() and not is_note(ch) \
                        and not is_note(old_text[oi + k]):
                    return True
        oi += n if op != INSERT else 0
        ni += n if op != DELETE else 0
    return False


def _finish(pair: Pair, options: Options) -> Pair:
    old_text, new_text = _joined(pair.old), _joined(pair.new)
    old_notes, new_notes = _notes(pair.old), _notes(pair.new)
    first: list = []              # the diff of the texts as they are, when the notes need it

    def diff() -> list:
        first.append(inline_diff(old_text, new_text))
        return first[0]

    if old_notes and new_notes and old_text != new_text:
        same_calls = _same_note_atoms(old_text, new_text, old_notes, new_notes, diff)
        if same_calls != new_text:
            new_text = same_calls
            first.clear()
    raw = first[0] if first else inline_diff(old_text, new_text)
    if pair.old and pair.new and raw and any(op != EQUAL for op, _ in raw):
        pair.inline, typo = split_typography(raw, options.case)
        pair.raw = raw
        pair.typography = [] if "typography" in options.ignore else typo
    else:
        pair.inline = raw
    if old_notes or new_notes:
        pair.footnotes = _footnote_changes(pair.inline, old_notes, new_notes, options)
    if pair.old and pair.new and options.formatting and "formatting" not in options.ignore:
        pair.formatting = _formatting_changed(raw, pair.old, pair.new)
    if pair.kind in ("same", "edited"):
        notes_changed = any(f.kind not in ("unchanged", "renumbered") for f in pair.footnotes)
        if pair.text_changed or pair.formatting or notes_changed:
            pair.kind = "modified"
        elif pair.old[0].num != pair.new[0].num:
            pair.kind = "renumbered"
        else:
            pair.kind = "unchanged"
    return pair


def align_items(old: list[Item], new: list[Item], options: Options | None = None) -> Alignment:
    """Align two lists of items (see ``items_of``)."""
    options = options or Options()
    squashed: dict[str, str] = {}
    old_side, new_side = _Side(old, options, squashed), _Side(new, options, squashed)
    same = _same_text_pairs(old_side, new_side)
    # nearly the same text (an edit or two) found through rare words: in the run too, so that the
    # paragraphs edited in place keep the order, and what jumped over them is what moved
    paired_old, paired_new, set_same = {i for i, _ in same}, {j for _, j in same}, set(same)
    run = _longest_run([(i, j, 1.0) for i, j in same])
    if len(run) < len(same):      # some moved: which ones is decided with the near pairs too
        rest_old = [i for i in range(len(old)) if i not in paired_old]
        rest_new = [j for j in range(len(new)) if j not in paired_new]
        near = [(rest_old[i], rest_new[j], s) for i, j, s in
                _rare_word_pairs([old[i] for i in rest_old], [new[j] for j in rest_new], NEAR_MIN)
                if old[rest_old[i]].part == new[rest_new[j]].part or s >= ACROSS_MIN]
        run = _longest_run(sorted([(i, j, 1.0) for i, j in same] + _one_each(near)))
    in_place = {(i, j) for i, j, _ in run}
    # the gaps are cut at the identical paragraphs of the run only: a near one may be half of a
    # split, which the gap step finds
    anchors = [(i, j, s) for i, j, s in run if (i, j) in set_same]
    # same text out of the longest run in order: moved, and out of the gaps
    matched: list[tuple[list[int], list[int], float, str]] = [
        ([i], [j], 1.0, "moved") for i, j in same if (i, j) not in in_place and old[i].text]
    used_old = {ii[0] for ii, _, _, _ in matched}
    used_new = {jj[0] for _, jj, _, _ in matched}
    pi = pj = 0
    for ai, aj, _ in anchors + [(len(old), len(new), 1.0)]:
        gap_old = [i for i in range(pi, ai) if i not in used_old]
        gap_new = [j for j in range(pj, aj) if j not in used_new]
        for ii, jj, s in _align_gap([old[i] for i in gap_old], [new[j] for j in gap_new]):
            ii = [gap_old[x] for x in ii]
            jj = [gap_new[y] for y in jj]
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
        pair = _finish(Pair(kind, [old[i] for i in ii], [new[j] for j in jj], round(s, 3)), options)
        pairs.append(((jj[0], 0, ii[0]), pair))
        if kind != "moved":
            for i in ii:
                partner_of_old[i] = jj[0]
    for j in range(len(new)):
        if j not in used_new:
            pairs.append(((j, 0, -1), _finish(Pair("inserted", [], [new[j]], 0.0), options)))
    # A deleted paragraph is shown just after the new partner of the old paragraph before it
    # (a paragraph that moved away does not count: its partner stands elsewhere).
    anchor = -1
    for i in range(len(old)):
        if i in partner_of_old:
            anchor = partner_of_old[i]
        elif i not in used_old:
            pairs.append(((anchor, 1, i), _finish(Pair("deleted", [old[i]], [], 0.0), options)))
    pairs.sort(key=lambda kp: kp[0])
    return Alignment(old, new, [p for _, p in pairs], options)


def align_documents(old_root, new_root, options: Options | None = None) -> Alignment:
    """Align two AKN documents paragraph by paragraph (headings, preamble, points, annexes).

    This is the library entry point: ``Alignment.pairs`` lists every unit of both documents in
    exactly one ``Pair`` (kind, old items, new items, similarity, inline diff, typography,
    formatting flag, footnote changes), in reading order of the new document.
    """
    return align_items(items_of(old_root), items_of(new_root), options)
