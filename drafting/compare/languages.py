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
from dataclasses import field
from difflib import SequenceMatcher

from drafting.compare.items import Item, items_of
from drafting.records import record

# Prior probabilities of the beads. Gale & Church (1993, table 5) measured sentences; official
# translations keep the paragraphs of the original, so a paragraph merged or split is rarer than
# one missing, which is what a language unit looks for.
BEADS = {(1, 1): 0.94, (1, 0): 0.02, (0, 1): 0.02, (2, 1): 0.008,
         (1, 2): 0.008, (2, 2): 0.004}
VARIANCE = 6.8


@record
class Mismatch:
    """One way two language versions disagree (a paragraph missing, footnotes, numbers, symbols,
    structure)."""

    kind: str            # missing-in-a, missing-in-b, footnotes, numbers, symbols, structure
    a: list[str]         # labels (or eIds) on each side
    b: list[str]
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "a": self.a, "b": self.b, "message": self.message}


@record
class LangPair:
    """Paragraphs of two language versions paired as one, how they were paired, and where they
    disagree."""

    a: list[Item]
    b: list[Item]
    method: str          # number, length
    issues: list[Mismatch] = field(default_factory=list)
    a_names: list[str] = field(default_factory=list)   # as readers cite them: PP 3, OP 5 (a)
    b_names: list[str] = field(default_factory=list)


@record
class LanguageAlignment:
    """Two language versions of a document, paragraph by paragraph."""

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
_ZH_NUMERAL = "〇零一二三四五六七八九十百千两"
# Chinese numerals that stand for a number the other languages print in digits: an article,
# chapter or paragraph (第十二条), a year written digit by digit (二〇二五年), a day (十五日).
_ZH_CITED = re.compile(rf"(?<=第)[{_ZH_NUMERAL}]+(?=[条章节款项段])|[〇零一二三四五六七八九]{{4}}(?=年)"
                       rf"|(?<=月)[{_ZH_NUMERAL}]+(?=日)")
# Numbers the other languages spell out: an ordinal session or time (第八十届, 第3次), a month
# (十二月, 12月: "December").
_ZH_SPELLED = re.compile(rf"第[{_ZH_NUMERAL}]+(?=[届次])|[{_ZH_NUMERAL}\d]+(?=月)")
_ZH_TIME = re.compile(r"(\d{1,2})时(\d{2})分")        # 12时40分: 12.40 p.m.


def _with_digits(text: str) -> str:
    """Every digit as an ASCII digit (full-width ０-９, Arabic-Indic ٠-٩, Devanagari...), cited
    Chinese numerals as numbers, spelled-out ones left out."""
    if any("\u3000" <= c <= "\u9fff" for c in text):
        from drafting.model.numbering import chinese_value

        text = _ZH_TIME.sub(r"\1.\2", _ZH_SPELLED.sub(" ", text))
        text = _ZH_CITED.sub(lambda m: str(chinese_value(m.group()) or m.group()), text)
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def numbers_in(text: str) -> Counter:
    """Numbers written in the text, normalised across scripts (Chinese numerals, full-width
    and Arabic-Indic digits) and across languages' separators. Whole numbers under ten are left
    out: UN style spells them out in running text in some languages (``eight sectors``) and
    prints digits in others (``8个领域``)."""
    digits = _with_digits(text)
    out = Counter()
    for m in _NUMBER.finditer(digits):
        raw = m.group(0)
        compact = re.sub(r"[ \u00a0\u202f]", "", raw)
        if re.fullmatch(r"\d{1,3}([.,\u066c]\d{3})+", compact):
            value = re.sub(r"[.,\u066c]", "", compact)
        else:
            value = re.sub(r"[,\u066b]", ".", compact)
        if len(value) == 1:
            continue
        out[value] += 1
    return out


def symbols_in(text: str) -> Counter:
    from drafting.model.symbols import find_symbols
    return Counter(str(sym) for _, _, sym in find_symbols(text))


def _length(item: Item) -> int:
    return len(item.plain) + 1


NUMBER_AGREES = 2.0     # cost bonus (-log) when a bead's two sides cite the same numbers
NUMBER_DIFFERS = 2.0    # and penalty when both cite numbers and they differ
BAND = 30               # least half-width of the band around the diagonal


def gale_church(a: list[int], b: list[int], c: float = 1.0, numbers_a: list | None = None,
                numbers_b: list | None = None) -> list[tuple[int, int]]:
    """Gale-Church length-based alignment: the beads (how many of ``a``, how many of ``b``).

    Searched in a band around the diagonal (wide enough for the difference of the two lengths),
    so the cost grows linearly with the documents. A unit with no counterpart costs its prior
    alone (what a language unit looks for is a missing paragraph, which the length of the text
    cannot tell from a merge). With ``numbers_a``/``numbers_b`` (what ``numbers_in`` finds in
    each unit), a 1-1 bead whose two sides cite the same numbers is preferred and one whose
    sides cite different numbers avoided: numbers are the words every language writes alike."""
    n, m = len(a), len(b)
    INF = float("inf")
    width = BAND + abs(n - m)
    prior = {k: -math.log(v) for k, v in BEADS.items()}
    pa, pb = [0], [0]
    for x in a:
        pa.append(pa[-1] + x)
    for y in b:
        pb.append(pb[-1] + y)
    na = [frozenset(x.items()) for x in numbers_a] if numbers_a is not None else None
    nb = [frozenset(y.items()) for y in numbers_b] if numbers_b is not None else None
    lows = [max(0, int(i * m / n) - width) if n else 0 for i in range(n + 1)]
    highs = [min(m, int(i * m / n) + width) if n else m for i in range(n + 1)]
    cost = [[INF] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
    back: list[list] = [[None] * (highs[i] - lows[i] + 1) for i in range(n + 1)]
    cost[0][0] = 0.0
    sqrt2 = math.sqrt(2)
    for i in range(n + 1):
        lo, row = lows[i], cost[i]
        for j in range(lo, highs[i] + 1):
            here = row[j - lo]
            if here == INF:
                continue
            for (di, dj), p in prior.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m or not lows[ni] <= nj <= highs[ni]:
                    continue
                total = here + p
                if di and dj:
                    la, lb = pa[ni] - pa[i], pb[nj] - pb[j]
                    mean = (la + lb / c) / 2 or 1.0
                    z = (c * la - lb) / math.sqrt(VARIANCE * mean)
                    total -= math.log(max(math.erfc(abs(z) / sqrt2), 1e-12))
                    if di == dj == 1 and na is not None and na[i] and nb[j]:
                        total += -NUMBER_AGREES if na[i] == nb[j] else NUMBER_DIFFERS
                k = nj - lows[ni]
                if total < cost[ni][k]:
                    cost[ni][k] = total
                    back[ni][k] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j - lows[i]]
        beads.append((di, dj))
        i, j = i - di, j - dj
    return beads[::-1]


# Article and chapter headings in every language: hard anchors between language versions.
_ARTICLE = re.compile(r"(?:article|artículo|art\.|статья|المادة)\s*\(?(?P<n>\d+|premier|primero|1er|1\.?º)\)?"
                      r"|第(?P<zh>[〇零一二三四五六七八九十百千\d]+)条", re.I)
_CHAPTER = re.compile(r"(?:chapter|chapitre|capítulo|глава)\s+(?P<n>[IVXLC]+|\d+)\b"
                      r"|第(?P<zh>[〇零一二三四五六七八九十百千\d]+)章", re.I)
_FIRST = {"premier": 1, "primero": 1, "1er": 1, "1.º": 1, "1º": 1}


def heading_anchor(x: Item) -> tuple | None:
    """``("article", 12)`` for a heading (or a short unit) that opens with an article number in
    any language (``Article 12``, ``Article premier``, ``Статья 12``, ``المادة 12``, ``第十二条``),
    ``("chapter", 4)`` for a chapter (``Chapter IV``, ``第四章``)."""
    if x.family != "heading" and len(x.plain) > 80:
        return None
    text = _with_digits(" ".join(t for t in (x.num, x.plain) if t).strip())
    for kind, pattern in (("article", _ARTICLE), ("chapter", _CHAPTER)):
        m = pattern.match(text)
        if not m:
            continue
        if m.group("zh"):
            from drafting.model.numbering import chinese_value

            value = chinese_value(m.group("zh")) if not m.group("zh").isdigit() else int(m.group("zh"))
        else:
            raw = m.group("n")
            value = _FIRST.get(raw.lower()) or (int(raw) if raw.isdigit() else None)
            if value is None:
                from drafting.model.numbering import roman_value

                value = roman_value(raw.upper())
        if value:
            return (kind, value)
    return None


def _structure_key(x: Item):
    """What stays the same across languages: an article or chapter heading's number; the eId's
    last step (``chp_II``, ``point_b``: the builder derives it from the numeral's value, so 一.
    and أولا - both give ``chp_I``); a Chinese ``一、`` as the paragraph number it is; else the
    printed label."""
    anchor = heading_anchor(x)
    if anchor:
        return anchor
    if x.num and x.num.strip().endswith("、"):
        from drafting.model.numbering import chinese_value

        value = chinese_value(x.num.strip().rstrip("、").strip())
        if value:
            return ("text", f"para_{value}")
    step = (x.eid or "").rpartition("__")[2]
    if step and "_nn_" not in step and not step.endswith("_nn"):
        return (x.family, step)
    return (x.family, _norm_label(x.label))


def _structure_anchors(a: list[Item], b: list[Item]) -> list[tuple[int, int]]:
    ka = [_structure_key(x) if x.label or heading_anchor(x) else ("a", k) for k, x in enumerate(a)]
    kb = [_structure_key(x) if x.label or heading_anchor(x) else ("b", k) for k, x in enumerate(b)]
    sm = SequenceMatcher(None, ka, kb, autojunk=False)
    return [(bl.a + k, bl.b + k) for bl in sm.get_matching_blocks() for k in range(bl.size)]


def _check(pair: LangPair) -> None:
    a, b = pair.a, pair.b
    names_a, names_b = pair.a_names, pair.b_names
    if not a or not b:
        side, present = ("b", a) if a else ("a", b)
        name = (names_a or names_b)[0]
        text = present[0].plain[:60]
        where = "B" if side == "b" else "A"
        pair.issues.append(Mismatch(f"missing-in-{side}", names_a, names_b,
                                    f"{name} has no counterpart in {where}: {text!r}"))
        return
    if len(a) != len(b):
        pair.issues.append(Mismatch("structure", names_a, names_b,
                                    f"{len(a)} unit(s) in A correspond to {len(b)} in B"))
    fa, fb = sum(len(x.notes) for x in a), sum(len(x.notes) for x in b)
    if fa != fb:
        pair.issues.append(Mismatch("footnotes", names_a, names_b, f"{fa} footnote(s) in A, {fb} in B"))
    ta, tb = " ".join(x.plain for x in a), " ".join(x.plain for x in b)
    na, nb = numbers_in(ta), numbers_in(tb)
    if na != nb:
        only_a = sorted((na - nb).elements())
        only_b = sorted((nb - na).elements())
        pair.issues.append(Mismatch("numbers", names_a, names_b,
                                    f"numbers differ: only in A {only_a}, only in B {only_b}"))
    sa, sb = symbols_in(ta), symbols_in(tb)
    if sa != sb:
        pair.issues.append(Mismatch("symbols", names_a, names_b,
                                    f"document symbols differ: A {sorted(sa)}, B {sorted(sb)}"))


def align_language_items(a: list[Item], b: list[Item]) -> list[LangPair]:
    total_a = sum(_length(x) for x in a) or 1
    total_b = sum(_length(x) for x in b) or 1
    c = total_b / total_a
    pairs: list[LangPair] = []
    pi = pj = 0
    for ai, bj in _structure_anchors(a, b) + [(len(a), len(b))]:
        ga, gb = a[pi:ai], b[pj:bj]
        if ga and gb:
            i = j = 0
            beads = gale_church([_length(x) for x in ga], [_length(x) for x in gb], c,
                                [numbers_in(x.plain) for x in ga], [numbers_in(x.plain) for x in gb])
            for di, dj in beads:
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
    from drafting.compare.render import reader_names

    name_a = dict(zip(map(id, a), reader_names(a)))
    name_b = dict(zip(map(id, b), reader_names(b)))
    for pair in pairs:
        pair.a_names = [name_a[id(x)] for x in pair.a]
        pair.b_names = [name_b[id(y)] for y in pair.b]
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
                   "a_names": p.a_names, "b_names": p.b_names,
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
        rows.append(f'<tr class="{cls}"><td class=num>{escape(" + ".join(p.a_names))}</td>'
                    f'<td>{escape(" ".join(x.plain for x in p.a))}</td>'
                    f'<td class=num>{escape(" + ".join(p.b_names))}</td>'
                    f'<td>{escape(" ".join(x.plain for x in p.b))}{issues}</td></tr>')
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(result.a_name)} / {escape(result.b_name)}</title>
<style>body{{font-family:serif;margin:1em}}table{{border-collapse:collapse;width:100%;table-layout:fixed}}
td{{vertical-align:top;border-bottom:1px solid #ddd;padding:.3em}}td.num{{width:5em;font-family:sans-serif;font-size:.8em}}
tr.bad td{{background:#fff3f0}}.issue{{color:#a00;font-family:sans-serif;font-size:.8em}}</style></head>
<body><h1>{escape(result.a_name)} / {escape(result.b_name)}</h1><p>{len(result.mismatches)} mismatch(es)</p>
<table>{''.join(rows)}</table></body></html>
"""
