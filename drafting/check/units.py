"""A lean reading-order view of the units for the rules: ``drafting.model.units.body_units``
without the eager text and footnote lists.

The model's view computes every unit's own text and footnotes up front (about 50 µs a unit);
most rules only need kinds, numbers and eIds, so here ``text`` is computed on first use, with
the model's own ``own_text``. Same kinds, order, depth and parents as the model's view.
"""

from __future__ import annotations

from functools import cached_property

from drafting.model.akn import AKN_NS, doc_element

HEADINGS = {"chapter", "section", "subsection"}
_NUM = f"{{{AKN_NS}}}num"
_SKIP = {"list", "intro", "wrapUp", "content", "num", "heading"}


class Unit:
    __slots__ = ("kind", "element", "eid", "num", "depth", "parent_eid", "chapter_eid", "level",
                 "__dict__")

    def __init__(self, kind, element, eid, num, depth, parent_eid, chapter_eid, level):
        self.kind, self.element, self.eid, self.num = kind, element, eid, num
        self.depth, self.parent_eid, self.chapter_eid, self.level = depth, parent_eid, chapter_eid, level

    @cached_property
    def text(self) -> str:
        from drafting.model.units import own_text
        return own_text(self.element)

    @property
    def number(self) -> str | None:
        from drafting.model.units import printed_number
        return printed_number(self.num)

    def __repr__(self) -> str:
        return f"Unit({self.kind}, {self.eid}, {self.num!r})"


def _local(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def units_of(root) -> list[Unit]:
    doc = doc_element(root)
    out: list[Unit] = []
    for part in doc:
        name = _local(part)
        if name == "preamble":
            for child in part:
                cname = _local(child)
                if cname == "formula":
                    out.append(Unit("formula", child, child.get("eId"), None, 0, None, None, cname))
                elif cname == "container":
                    out.append(Unit("preambular", child, child.get("eId"), None, 0, None, None, cname))
        elif name == "mainBody":
            _walk(part, out, 0, None, None)
    return out


def _walk(container, out, depth, parent_eid, chapter_eid):
    for child in container:
        name = _local(child)
        if not name or name in _SKIP:
            continue
        eid = child.get("eId")
        num_el = child.find(_NUM)
        num = num_el.text.strip() if num_el is not None and num_el.text else None
        if name in HEADINGS:
            chapter = eid if name == "chapter" else chapter_eid
            out.append(Unit("heading", child, eid, num, depth, parent_eid, chapter, name))
            _walk(child, out, depth + 1, eid, chapter)
        elif name == "crossHeading":
            out.append(Unit("crossHeading", child, eid, None, depth, parent_eid, chapter_eid, name))
        elif name in ("paragraph", "point"):
            out.append(Unit(name, child, eid, num, depth, parent_eid, chapter_eid, name))
            for lst in child:
                if _local(lst) == "list":
                    _walk(lst, out, depth + 1, eid, chapter_eid)
