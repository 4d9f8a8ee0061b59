"""Aligning two language versions of one document, and the mismatches a language unit fixes.

Two language versions share their structure, not their words. So the alignment uses structure
first: units of the same kind with the same paragraph number or point label anchor it (the
longest common sequence of them). Between anchors, where numbers are missing, a length-based
Gale-Church step pairs units (a sentence in one language is about ``c`` times as long as in the
other; ``c`` is taken from the two documents themselves).

Each pair is then checked for what must be equal in every language: footnote counts, the numbers
inside the text (dates, amounts, article numbers, normalised for 10 000 / 10,000 / 10.000) and
document symbols. A unit with no counterpart is reported as missing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafting.compare.items import Item, items_of

# Prior probabilities of the Gale-Church beads (Gale & Church 1993, table 5).
BEADS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
         (1, 2): 0.089 / 2, (2, 2): 0.011}
VARIANCE = 6.8
GC_CELLS = 250_000


@dataclass
class Mismatch:
    kind: str            # missing-in-a, missing-in-b, footnotes, numbers, symbols, structure
    a: list[str]         # labels (or eIds) on each side
    b: list[str]
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "a": self.a, "b": self.b, "message": self.message}


@dataclass
class LangPair:
    a: list[Item]
    b: list[Item]
    method: str          # number, length
    issues: list[Mismatch] = field(default_factory=list)


@dataclass
class LanguageAlignment:
    a_name: str
    b_name: str
    a_meta: dict
    b_meta: dict
    pairs: list[LangPair]

    @property
    def mismatches(self) -> list[Mismatch]:
        return [m for p in self.pairs for m in p.issues]


def _norm_label(label: str | None) -> str | None:
    if not label:
        return None
    out = []
    for ch in label:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch, 0)))
        elif ch.isalnum():
            out.append(ch.lower())
    return "".join(out) or None


_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,\u066c]\d{3})*(?:[.,\u066b]\d+)?")


def numbers_in(text: str) -> Counter:
    """Numbers written in the text, normalised across languages' separators."""
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)
    out = Counter()
    for m in _NUMBER.finditer(digits):
        raw = m.group(0)
        compact = re.sub(r"[ \u00a0\u202f]", "", raw)
        if re.fullmatch(r"\d{1,3}([.,\u066c]\d{3})+", compact):
            value = re.sub(r"[.,\u066c]", "", compact)
        else:
            value = re.sub(r"[,\u066b]", ".", compact)
        out[value] += 1
    return out


def symbols_in(text: str) -> Counter:
    try:
        from drafting.model.symbols import find_symbols
    except ImportError:  # pragma: no cover - the symbols module is part of the model
        return Counter()
    return Counter(str(sym) for _, _, sym in find_symbols(text))


def _length(item: Item) -> int:
    return len(item.plain) + 1


def gale_church(a: list[int], b: list[int], c: float = 1.0) -> list[tuple[int, int]]:
    """Gale-Church length-based alignment: the beads (how many of ``a``, how many of ``b``)."""
    n, m = len(a), len(b)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    prior = {k: -math.log(v) for k, v in BEADS.items()}
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == INF:
                continue
            for (di, dj), p in prior.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                la, lb = sum(a[i:ni]), sum(b[j:nj])
                mean = (la + lb / c) / 2 or 1.0
                z = (c * la - lb) / math.sqrt(VARIANCE * mean)
                pd = max(math.erfc(abs(z) / math.sqrt(2)), 1e-12)
                total = here + p - math.log(pd)
                if total < cost[ni][nj]:
                    cost[ni][nj] = total
                    back[ni][nj] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((di, dj))
        i, j = i - di, j - dj
    return beads[::-1]


def _structure_key(x: Item):
    """What stays the same across languages: the eId's last step (``chp_II``, ``point_b``: the
    builder derives it from the numeral's value, so 一. and أولا - both give ``chp_I``), else the
    printed label."""
    step = (x.eid or "").rpartition("__")[2]
    if step and "_nn_" not in step and not step.endswith("_nn"):
        return (x.family, step)
    return (x.family, _norm_label(x.label))


def _structure_anchors(a: list[Item], b: list[Item]) -> list[tuple[int, int]]:
    ka = [_structure_key(x) if x.label else ("a", k) for k, x in enumerate(a)]
    kb = [_structure_key(x) if x.label else ("b", k) for k, x in enumerate(b)]
    sm = SequenceMatcher(None, ka, kb, autojunk=False)
    return [(bl.a + k, bl.b + k) for bl in sm.get_matching_blocks() for k in range(bl.size)]


def _names(items: list[Item]) -> list[str]:
    return [x.label or x.eid or f"{x.kind}#{x.index + 1}" for x in items]


def _check(pair: LangPair) -> None:
    a, b = pair.a, pair.b
    if not a or not b:
        side, present = ("b", a) if a else ("a", b)
        item = present[0]
        text = item.plain[:60]
        where = "B" if side == "b" else "A"
        pair.issues.append(Mismatch(f"missing-in-{side}", _names(a), _names(b),
                                    f"{item.kind} {item.label or ''} has no counterpart in {where}: {text!r}".replace("  ", " ")))
        return
    if len(a) != len(b):
        pair.issues.append(Mismatch("structure", _names(a), _names(b),
                                    f"{len(a)} unit(s) in A correspond to {len(b)} in B"))
    fa, fb = sum(len(x.notes) for x in a), sum(len(x.notes) for x in b)
    if fa != fb:
        pair.issues.append(Mismatch("footnotes", _names(a), _names(b), f"{fa} footnote(s) in A, {fb} in B"))
    ta, tb = " ".join(x.plain for x in a), " ".join(x.plain for x in b)
    na, nb = numbers_in(ta), numbers_in(tb)
    if na != nb:
        only_a = sorted((na - nb).elements())
        only_b = sorted((nb - na).elements())
        pair.issues.append(Mismatch("numbers", _names(a), _names(b),
                                    f"numbers differ: only in A {only_a}, only in B {only_b}"))
    sa, sb = symbols_in(ta), symbols_in(tb)
    if sa != sb:
        pair.issues.append(Mismatch("symbols", _names(a), _names(b),
                                    f"document symbols differ: A {sorted(sa)}, B {sorted(sb)}"))


def align_language_items(a: list[Item], b: list[Item]) -> list[LangPair]:
    total_a = sum(_length(x) for x in a) or 1
    total_b = sum(_length(x) for x in b) or 1
    c = total_b / total_a
    pairs: list[LangPair] = []
    pi = pj = 0
    for ai, bj in _structure_anchors(a, b) + [(len(a), len(b))]:
        ga, gb = a[pi:ai], b[pj:bj]
        if ga and gb and len(ga) * len(gb) <= GC_CELLS:
            i = j = 0
            for di, dj in gale_church([_length(x) for x in ga], [_length(x) for x in gb], c):
                if di and dj:
                    pairs.append(LangPair(ga[i:i + di], gb[j:j + dj], "length"))
                else:
                    pairs.extend(LangPair([x], [], "length") for x in ga[i:i + di])
                    pairs.extend(LangPair([], [y], "length") for y in gb[j:j + dj])
                i, j = i + di, j + dj
        else:
            pairs.extend(LangPair([x], [], "length") for x in ga)
            pairs.extend(LangPair([], [y], "length") for y in gb)
        if ai < len(a):
            pairs.append(LangPair([a[ai]], [b[bj]], "number"))
        pi, pj = ai + 1, bj + 1
    for pair in pairs:
        _check(pair)
    return pairs


def align_languages(a_root, b_root, a_name: str = "A", b_name: str = "B") -> LanguageAlignment:
    """Align two language versions of one AKN document (library entry point)."""
    from drafting.model.units import masthead

    pairs = align_language_items(items_of(a_root), items_of(b_root))
    return LanguageAlignment(a_name, b_name, masthead(a_root), masthead(b_root), pairs)


def align_loaded(a, b) -> LanguageAlignment:
    """The command's entry: two ``Loaded`` inputs (an empty file has no items)."""
    return LanguageAlignment(a.path, b.path, a.meta, b.meta, align_language_items(a.items, b.items))


# -- outputs ------------------------------------------------------------------------------------

def languages_json(result: LanguageAlignment) -> dict:
    return {
        "a": result.a_meta, "b": result.b_meta,
        "summary": dict(Counter(m.kind for m in result.mismatches)),
        "pairs": [{"a": [x.label for x in p.a if x.label], "b": [x.label for x in p.b if x.label],
                   "a_eid": [x.eid for x in p.a], "b_eid": [x.eid for x in p.b], "method": p.method,
                   "issues": [m.to_json() for m in p.issues]} for p in result.pairs],
    }


def languages_text(result: LanguageAlignment, colour: bool = False) -> str:
    red = (lambda s: f"\x1b[31m{s}\x1b[0m") if colour else (lambda s: s)
    lines = [f"A {result.a_name} ({result.a_meta.get('expression_language') or '?'})",
             f"B {result.b_name} ({result.b_meta.get('expression_language') or '?'})"]
    matched = sum(1 for p in result.pairs if p.a and p.b)
    lines.append(f"{matched} pairs aligned "
                 f"({sum(1 for p in result.pairs if p.a and p.b and p.method == 'number')} by number, "
                 f"{sum(1 for p in result.pairs if p.a and p.b and p.method == 'length')} by length)")
    for m in result.mismatches:
        lines.append(red(f"{m.kind}: A {'+'.join(m.a) or '-'} / B {'+'.join(m.b) or '-'}: {m.message}"))
    if not result.mismatches:
        lines.append("no structural mismatches")
    else:
        counts = Counter(m.kind for m in result.mismatches)
        lines.append("summary: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return "\n".join(lines) + "\n"


def languages_html(result: LanguageAlignment) -> str:
    from html import escape

    rows = []
    for p in result.pairs:
        cls = "bad" if p.issues else ""
        issues = "".join(f"<div class=issue>{escape(m.kind)}: {escape(m.message)}</div>" for m in p.issues)
        rows.append(f'<tr class="{cls}"><td class=num>{escape(" ".join(_names(p.a)))}</td>'
                    f'<td>{escape(" ".join(x.plain for x in p.a))}</td>'
                    f'<td class=num>{escape(" ".join(_names(p.b)))}</td>'
                    f'<td>{escape(" ".join(x.plain for x in p.b))}{issues}</td></tr>')
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(result.a_name)} / {escape(result.b_name)}</title>
<style>body{{font-family:serif;margin:1em}}table{{border-collapse:collapse;width:100%;table-layout:fixed}}
td{{vertical-align:top;border-bottom:1px solid #ddd;padding:.3em}}td.num{{width:5em;font-family:sans-serif;font-size:.8em}}
tr.bad td{{background:#fff3f0}}.issue{{color:#a00;font-family:sans-serif;font-size:.8em}}</style></head>
<body><h1>{escape(result.a_name)} / {escape(result.b_name)}</h1><p>{len(result.mismatches)} mismatch(es)</p>
<table>{''.join(rows)}</table></body></html>
"""
