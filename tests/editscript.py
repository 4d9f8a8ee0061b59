"""Random edit scripts with known truth: the test bench of the aligner.

``edit_document(root, rng)`` copies an AKN document, applies a random script of the edits that
drafters make (insert, delete, move, split, merge, reword, footnote added) and renumbers
paragraphs, points and footnotes as a word processor would. It returns the edited tree and the
true pairs, in the terms of ``align_documents``: ``(kind, old eIds, new eIds)`` for every unit.
The quality tests and the benchmark run it on the corpus.
"""

from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass

from lxml import etree

from drafting.model.akn import doc_element, first, local, q, xp
from drafting.model.units import body_units

OPERATIONS = ["insert", "delete", "move", "split", "merge", "reword", "footnote"]
_ALPHA = "abcdefghijklmnopqrstuvwxyz"
_SYLLABLES = ["ka", "lo", "mi", "ter", "san", "vo", "ru", "den", "pal", "io", "nex", "tra", "qua", "zel"]


@dataclass
class EditedDocument:
    root: object
    truth: list[tuple[str, tuple, tuple]]     # (kind, old eIds, new eIds)
    script: list[str]                         # what was done, for messages


def _leaf(el) -> bool:
    """A unit whose text is one content/p: the units an edit can touch safely."""
    if local(el) not in ("paragraph", "point"):
        return False
    content = first(el, "a:content")
    return content is not None and first(content, "a:p") is not None and first(el, "a:list") is None


def _p(el):
    return first(el, "a:content/a:p")


def _words(p) -> list[str]:
    return "".join(p.itertext()).split()


def _synthetic(rng: random.Random, n: int) -> str:
    words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _units(root):
    """The units as compare sees them (a wrap-up after points is a unit)."""
    return body_units(root, wrap_ups=True)


class _Editor:
    def __init__(self, root, rng: random.Random, donors: list[str]):
        self.rng = rng
        self.donors = [d for d in donors if len(d.split()) >= 8]
        self.root = copy.deepcopy(root)
        old_units = _units(root)
        new_units = _units(self.root)
        self.origin: dict = {}       # element of the copy -> list of old eIds
        self.kind: dict = {}         # element of the copy -> truth kind (when edited)
        self.old_num: dict = {}
        for o, n in zip(old_units, new_units):
            self.origin[n.element] = [o.eid]
            self.old_num[n.element] = o.num
        self.deleted: list[str] = []
        self.touched: set = set()
        self.counter = 0
        self.script: list[str] = []
        self._numbering_groups()

    # -- choosing -----------------------------------------------------------------------------

    def leaves(self, min_words: int = 0):
        out = []
        for u in _units(self.root):
            el = u.element
            if el in self.touched or not _leaf(el):
                continue
            if min_words and len(_words(_p(el))) < min_words:
                continue
            out.append(el)
        return out

    def fresh_eid(self, base: str) -> str:
        self.counter += 1
        return f"{base}_ed{self.counter}"

    def donor_text(self) -> str:
        if self.donors:
            return self.rng.choice(self.donors)
        return _synthetic(self.rng, self.rng.randint(12, 40))

    # -- edits ----------------------------------------------------------------------------------

    def insert(self) -> bool:
        leaves = self.leaves()
        if not leaves:
            return False
        after = self.rng.choice(leaves)
        el = etree.Element(after.tag, eId=self.fresh_eid(after.get("eId") or "para"))
        num = first(after, "a:num")
        if num is not None:
            etree.SubElement(el, q("num")).text = num.text
        content = etree.SubElement(el, q("content"))
        etree.SubElement(content, q("p")).text = self.donor_text()
        after.addnext(el)
        el.tail = after.tail
        self.origin[el] = []
        self.kind[el] = "inserted"
        self.touched.add(el)
        self.script.append(f"insert after {after.get('eId')}")
        return True

    def _removable(self, el) -> bool:
        parent = el.getparent()
        siblings = [c for c in parent if local(c) in ("paragraph", "point")]
        return len(siblings) > 1

    def delete(self) -> bool:
        leaves = [el for el in self.leaves() if self._removable(el)]
        if not leaves:
            return False
        el = self.rng.choice(leaves)
        self.deleted.extend(self.origin.pop(el))
        el.getparent().remove(el)
        self.script.append(f"delete {el.get('eId')}")
        return True

    def move(self) -> bool:
        leaves = [el for el in self.leaves(min_words=4) if self._removable(el)]
        paras = [el for el in leaves if local(el) == "paragraph"]
        if len(paras) < 5:
            return False
        el = self.rng.choice(paras)
        order = [u.element for u in _units(self.root)]
        pos = order.index(el)
        targets = [t for t in paras if t is not el and abs(order.index(t) - pos) >= 4]
        if not targets:
            return False
        target = self.rng.choice(targets)
        tail = el.tail
        el.getparent().remove(el)
        target.addnext(el)
        el.tail = tail
        self.kind[el] = "moved"
        self.touched.add(el)
        self.script.append(f"move {el.get('eId')} after {target.get('eId')}")
        return True

    def split(self) -> bool:
        leaves = self.leaves(min_words=16)
        self.rng.shuffle(leaves)
        for el in leaves:
            p = _p(el)
            cut = self._cut_point(p)
            if cut is None:
                continue
            second = etree.Element(el.tag, eId=self.fresh_eid(el.get("eId") or "para"))
            num = first(el, "a:num")
            if num is not None:
                etree.SubElement(second, q("num")).text = num.text
            p2 = etree.SubElement(etree.SubElement(second, q("content")), q("p"))
            node, attr, offset = cut
            text = getattr(node, attr) or ""
            setattr(node, attr, text[:offset].rstrip())
            p2.text = text[offset:].lstrip()
            # everything after the cut node moves to the new paragraph
            if attr == "text":
                moving = list(p)
            else:
                moving = list(node.itersiblings())
            for child in moving:
                p2.append(child)
            el.addnext(second)
            second.tail = el.tail
            self.origin[second] = []
            self.kind[el] = "split"
            self.kind[second] = "split-part"
            self.split_of = getattr(self, "split_of", {})
            self.split_of[second] = el
            self.touched.update((el, second))
            self.script.append(f"split {el.get('eId')}")
            return True
        return False

    def _cut_point(self, p):
        """Where to cut a paragraph in two: after a sentence or clause near its middle."""
        total = len("".join(p.itertext()))
        spots = []
        seen = len(p.text or "")
        segments = [(p, "text", p.text or "", 0)]
        pos = seen
        for child in p:
            pos += len("".join(child.itertext()))
            segments.append((child, "tail", child.tail or "", pos))
            pos += len(child.tail or "")
        for node, attr, text, start in segments:
            for m in re.finditer(r"[.;:,] (?=\S)", text):
                spots.append((abs(start + m.end() - total / 2), node, attr, m.end()))
        spots = [s for s in spots if s[0] < total * 0.3]
        if not spots:
            return None
        _, node, attr, offset = min(spots, key=lambda s: s[0])
        return node, attr, offset

    def merge(self) -> bool:
        leaves = self.leaves(min_words=3)
        self.rng.shuffle(leaves)
        for el in leaves:
            nxt = el.getnext()
            while nxt is not None and not isinstance(nxt.tag, str):
                nxt = nxt.getnext()
            if nxt is None or nxt.tag != el.tag or nxt in self.touched or not _leaf(nxt):
                continue
            if len(_words(_p(nxt))) < 3:
                continue
            p, p2 = _p(el), _p(nxt)
            if len(p):
                p[-1].tail = (p[-1].tail or "").rstrip() + " " + (p2.text or "").lstrip()
            else:
                p.text = (p.text or "").rstrip() + " " + (p2.text or "").lstrip()
            for child in list(p2):
                p.append(child)
            self.origin[el] = self.origin[el] + self.origin.pop(nxt)
            nxt.getparent().remove(nxt)
            self.kind[el] = "merged"
            self.touched.add(el)
            self.script.append(f"merge {el.get('eId')}")
            return True
        return False

    def reword(self) -> bool:
        leaves = self.leaves(min_words=10)
        if not leaves:
            return False
        el = self.rng.choice(leaves)
        p = _p(el)
        nodes = [(p, "text")] + [(c, "tail") for c in p]
        nodes = [(n, a) for n, a in nodes if len((getattr(n, a) or "").split()) >= 2]
        if not nodes:
            return False
        total = len(_words(p))
        changes = max(1, int(total * self.rng.uniform(0.03, 0.12)))
        for _ in range(changes):
            node, attr = self.rng.choice(nodes)
            words = (getattr(node, attr) or "").split(" ")
            k = self.rng.randrange(len(words))
            if not words[k].strip():
                continue
            action = self.rng.random()
            if action < 0.6:
                words[k] = _synthetic(self.rng, 1).rstrip(".").lower()
            elif action < 0.8 and len(words) > 2:
                del words[k]
            else:
                words.insert(k, _synthetic(self.rng, 1).rstrip(".").lower())
            setattr(node, attr, " ".join(words))
        self.kind[el] = "modified"
        self.touched.add(el)
        self.script.append(f"reword {el.get('eId')}")
        return True

    def footnote(self) -> bool:
        leaves = self.leaves(min_words=3)
        if not leaves:
            return False
        el = self.rng.choice(leaves)
        p = _p(el)
        note = etree.Element(q("authorialNote"), eId=self.fresh_eid((el.get("eId") or "p") + "__authorialNote"),
                             marker="0", placement="bottom")
        etree.SubElement(note, q("p")).text = self.donor_text()[:120]
        sup = etree.SubElement(p, q("sup"))
        sup.append(note)
        self.kind[el] = "modified"
        self.touched.add(el)
        self.script.append(f"footnote in {el.get('eId')}")
        return True

    # -- renumbering ----------------------------------------------------------------------------

    def _numbering_groups(self) -> None:
        """Numbered paragraphs form runs (numbering restarts where a number does not grow)."""
        self.group: dict = {}
        self.group_start: dict[int, int] = {}
        group, prev = -1, None
        for u in _units(self.root):
            if u.kind != "paragraph" or not u.num or not re.fullmatch(r"\d+\.", u.num.strip()):
                continue
            n = int(u.num.strip()[:-1])
            if prev is None or n <= prev:
                group += 1
                self.group_start[group] = n
            self.group[u.element] = group
            prev = n

    def renumber(self) -> None:
        counters: dict[int, int] = {}
        order = [u for u in _units(self.root) if u.kind == "paragraph"]
        groups = [self.group.get(u.element) for u in order]
        for k, u in enumerate(order):    # an inserted numbered paragraph joins its neighbours' run
            if groups[k] is None and u.num and not self.origin.get(u.element, [None]):
                before = [g for g in groups[:k] if g is not None]
                after = [g for g in groups[k + 1:] if g is not None]
                groups[k] = before[-1] if before else (after[0] if after else None)
        for u, g in zip(order, groups):
            if g is None:
                continue
            counters[g] = counters.get(g, self.group_start[g] - 1) + 1
            first(u.element, "a:num").text = f"{counters[g]}."
        for lst in xp(doc_element(self.root), ".//a:list"):
            points = [c for c in lst if local(c) == "point"]
            nums = [first(c, "a:num") for c in points]
            if not points or any(n is None for n in nums):
                continue
            m = [re.fullmatch(r"(\(?)([a-z])(\))", (n.text or "").strip()) for n in nums]
            if not all(m) or len(m) > len(_ALPHA):
                continue
            for i, (n, mm) in enumerate(zip(nums, m)):
                n.text = f"{mm.group(1)}{_ALPHA[i]}{mm.group(3)}"
        marker = None
        for note in xp(doc_element(self.root), "a:preamble//a:authorialNote | a:mainBody//a:authorialNote"):
            m = note.get("marker", "")
            if not m.isdigit():
                continue
            if marker is None:
                marker = int(m) if m != "0" else 1
            else:
                marker += 1
            note.set("marker", str(marker))

    # -- truth ----------------------------------------------------------------------------------

    def truth(self) -> list[tuple[str, tuple, tuple]]:
        out = []
        split_parts = {}
        for el, whole in getattr(self, "split_of", {}).items():
            split_parts.setdefault(whole, []).append(el)
        for u in _units(self.root):
            el = u.element
            kind = self.kind.get(el)
            if kind == "split-part":
                continue
            if kind == "split":
                news = (u.eid,) + tuple(p.get("eId") for p in split_parts[el])
                out.append(("split", tuple(self.origin[el]), news))
                continue
            if kind is None:
                kind = "unchanged" if self.old_num.get(el) == u.num else "renumbered"
            out.append((kind, tuple(self.origin[el]), (u.eid,)))
        out.extend(("deleted", (eid,), ()) for eid in self.deleted)
        return out


def edit_document(root, rng: random.Random | int = 0, edits: int | None = None,
                  donors: list[str] | None = None, operations: list[str] | None = None) -> EditedDocument:
    """Apply a random script of ``edits`` edits to a copy of ``root``; see the module docstring."""
    if not isinstance(rng, random.Random):
        rng = random.Random(rng)
    editor = _Editor(root, rng, donors or [])
    n = edits if edits is not None else rng.randint(1, 8)
    ops = operations or OPERATIONS
    done = tries = 0
    while done < n and tries < n * 10:
        tries += 1
        if getattr(editor, rng.choice(ops))():
            done += 1
    editor.renumber()
    return EditedDocument(editor.root, editor.truth(), editor.script)


def insert_one_paragraph(root, position: int = 0) -> EditedDocument:
    """Insert one paragraph before the ``position``-th numbered paragraph: pure renumbering."""
    editor = _Editor(root, random.Random(0), [])
    paras = [el for el in editor.leaves() if local(el) == "paragraph" and first(el, "a:num") is not None]
    if not paras:
        raise ValueError("no numbered paragraph to insert before")
    before = paras[min(position, len(paras) - 1)]
    el = etree.Element(before.tag, eId=editor.fresh_eid(before.get("eId") or "para"))
    etree.SubElement(el, q("num")).text = first(before, "a:num").text
    etree.SubElement(etree.SubElement(el, q("content")), q("p")).text = _synthetic(editor.rng, 20)
    before.addprevious(el)
    el.tail = before.tail
    editor.origin[el] = []
    editor.kind[el] = "inserted"
    editor.renumber()
    return EditedDocument(editor.root, editor.truth(), ["insert one paragraph"])
