"""Word auto-numbering: the number Word prints on each numbered paragraph.

A paragraph is numbered by ``w:numPr`` (``numId`` + ``ilvl``), directly or through its style.
``numbering.xml`` maps a ``numId`` to an abstract numbering whose levels give ``start``,
``numFmt`` and ``lvlText`` (``%1.``, ``(%2)``, ``%1.%2``). Like Word, counters belong to the
abstract numbering unless the ``num`` restarts with a ``startOverride``; numbering a level resets
the deeper ones.
"""

from __future__ import annotations

import re

from drafting.model.numbering import to_roman
from drafting.ooxml.names import val as _val, w

W_ABSTRACT_NUM, W_ABSTRACT_NUM_ID, W_NUM, W_NUM_ID = w("abstractNum"), w("abstractNumId"), w("num"), w("numId")
W_LVL, W_ILVL, W_LVL_OVERRIDE, W_VAL = w("lvl"), w("ilvl"), w("lvlOverride"), w("val")
W_START_OVERRIDE, W_STYLE, W_PPR, W_NUMPR = w("startOverride"), w("style"), w("pPr"), w("numPr")
STYLE_NUMPR = f"{W_PPR}/{W_NUMPR}"
LEVEL_REF = re.compile(r"%([1-9])")      # "%1.%2": the number of level 1, then of level 2


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    def __init__(self, numbering_root, styles_root=None) -> None:
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numpr: dict[str, tuple[str | None, int]] = {}
        self.problems: list[str] = []      # values Word would refuse, read as their defaults
        self.bullet = False                # the last paragraph ``label_of`` read prints a bullet
        # Word and pandoc define many lists (pandoc one per list of the text), most of which no
        # paragraph uses, or only one level of them: a list and a level are read when a
        # paragraph refers to them (_num, _level), once.
        self.abstract_elements: dict = {}
        self.num_elements: dict = {}
        self._nums: dict[str, tuple[str | None, bool]] = {}
        self._overrides: dict[tuple, int | None] = {}
        self._levels: dict[tuple, dict | None] = {}
        if numbering_root is not None:
            for ab in numbering_root.iterchildren(W_ABSTRACT_NUM):
                self.abstract_elements[ab.get(W_ABSTRACT_NUM_ID)] = ab
            for num in numbering_root.iterchildren(W_NUM):
                self.num_elements[num.get(W_NUM_ID)] = num
        if styles_root is not None:
            # the styles that number their paragraphs (a few of the sheet's): found from their
            # w:numPr, in the sheet's order, rather than a search in each style
            last = None
            for numpr in styles_root.iter(W_NUMPR):
                ppr = numpr.getparent()
                style = ppr.getparent() if ppr is not None else None
                if (style is None or style is last or ppr.tag != W_PPR or style.tag != W_STYLE
                        or style.getparent() is not styles_root):
                    continue
                last = style
                numpr = style.find(STYLE_NUMPR)     # (the first, as the style reads it)
                num_id = _val(numpr, "numId")
                ilvl = self._int(_val(numpr, "ilvl"), 0)
                self.style_numpr[style.get(w("styleId"))] = (num_id, ilvl)

    def _int(self, text: str | None, default: int) -> int:
        if text is None:
            return default
        if text.isdigit() and len(text) <= 6:
            return int(text)
        if text.strip().isdigit() and len(text.strip()) <= 6:
            return int(text)
        if len(self.problems) < 20:
            self.problems.append(f"numbering: {text[:20]!r} is not a number (read as {default})")
        return default

    def _num(self, num_id: str) -> tuple[str | None, bool]:
        """A ``w:num``: its abstract numbering, and whether it restarts any level."""
        found = self._nums.get(num_id)
        if found is None:
            num = self.num_elements[num_id]
            child = num.find(W_ABSTRACT_NUM_ID)
            restarts = any(ov.find(W_START_OVERRIDE) is not None for ov in num.iterchildren(W_LVL_OVERRIDE))
            found = self._nums[num_id] = (child.get(W_VAL) if child is not None else None, restarts)
        return found

    def _override(self, num_id: str, ilvl: int) -> int | None:
        """The level's ``startOverride`` in the ``w:num`` (read when first asked)."""
        key = (num_id, ilvl)
        if key not in self._overrides:
            found = None
            for ov in self.num_elements[num_id].iterchildren(W_LVL_OVERRIDE):
                if self._int(ov.get(W_ILVL), 0) == ilvl:
                    start = _val(ov, "startOverride")
                    found = self._int(start, 1) if start is not None else None
                    break
            self._overrides[key] = found
        return self._overrides[key]

    def _level(self, abstract_id: str | None, ilvl: int) -> dict | None:
        """One level of an abstract numbering: start, numFmt, lvlText (None if it has none)."""
        key = (abstract_id, ilvl)
        if key not in self._levels:
            found = None
            ab = self.abstract_elements.get(abstract_id)
            for lvl in (ab.iterchildren(W_LVL) if ab is not None else ()):
                if self._int(lvl.get(W_ILVL), 0) == ilvl:
                    found = {"start": self._int(_val(lvl, "start"), 1),
                             "fmt": _val(lvl, "numFmt") or "decimal",
                             "text": _val(lvl, "lvlText") or ""}
                    break
            self._levels[key] = found
        return self._levels[key]

    def levels_of(self, abstract_id: str | None) -> dict[int, dict]:
        """Every level of an abstract numbering (by ``ilvl``)."""
        ab = self.abstract_elements.get(abstract_id)
        ilvls = {self._int(lvl.get(W_ILVL), 0) for lvl in (ab.iterchildren(W_LVL) if ab is not None else ())}
        return {k: self._level(abstract_id, k) for k in sorted(ilvls)}

    def numpr_of(self, p, style_id: str | None) -> tuple[str, int] | None:
        return self._resolve(p.find(f"{w('pPr')}/{w('numPr')}"), style_id)

    def _resolve(self, numpr, style_id: str | None) -> tuple[str, int] | None:
        num_id, ilvl = None, 0
        if numpr is not None:
            child = numpr.find(W_NUM_ID)
            num_id = child.get(W_VAL) if child is not None else None
            child = numpr.find(W_ILVL)
            ilvl = self._int(child.get(W_VAL), 0) if child is not None else 0
        if num_id is None and style_id in self.style_numpr:
            num_id, ilvl = self.style_numpr[style_id]
        if num_id is None or num_id == "0" or num_id not in self.num_elements:
            return None
        return num_id, ilvl

    def label(self, p, style_id: str | None) -> tuple[str, int] | None:
        """The printed label of a numbered paragraph (``12.``, ``(a)``) and its level; else None."""
        return self.label_of(p.find(f"{w('pPr')}/{w('numPr')}"), style_id)

    def label_of(self, numpr, style_id: str | None) -> tuple[str, int] | None:
        """The same, from the paragraph's ``w:numPr`` (None when it has none)."""
        self.bullet = False
        if numpr is None and style_id not in self.style_numpr:
            return None
        found = self._resolve(numpr, style_id)
        if not found:
            return None
        num_id, ilvl = found
        abstract_id, restarts = self._num(num_id)
        key = f"num:{num_id}" if restarts else f"abs:{abstract_id}"
        counters = self.counters.setdefault(key, {})
        level = self._level(abstract_id, ilvl)
        if ilvl not in counters:
            start = self._override(num_id, ilvl) if restarts else None
            counters[ilvl] = start if start is not None else (level["start"] if level else 1)
        else:
            counters[ilvl] += 1
        if len(counters) > 1:
            for deeper in [k for k in counters if k > ilvl]:
                del counters[deeper]
        if not level or level["fmt"] in ("bullet", "none"):
            self.bullet = bool(level) and level["fmt"] == "bullet"
            return None

        def sub(m):
            k = int(m.group(1)) - 1
            lvl = self._level(abstract_id, k) or {"fmt": "decimal", "start": 1}
            if k in counters:
                value = counters[k]
            else:
                start = self._override(num_id, k) if restarts else None
                value = start if start is not None else lvl.get("start", 1)
            return format_number(value, lvl["fmt"])

        text = LEVEL_REF.sub(sub, level["text"]).strip() if "%" in level["text"] else level["text"].strip()
        return (text, ilvl) if text else None

