"""Footnote parts: the separators Word expects, the notes by id, the first footnote number.

A ``footnotes.xml`` starts with two special footnotes (ids -1 and 0: the separator rule and the
continuation rule) that ``settings.xml`` names in its ``footnotePr``; the notes a document
refers to follow. Auto-numbered notes print ``numStart`` (``sectPr`` or ``settings``), then the
next numbers; a note with ``customMarkFollows`` prints the text of the run instead.
"""

from __future__ import annotations

from lxml import etree

from drafting.ooxml.names import NSMAP, w
from drafting.ooxml.order import add, get_or_add

SPECIAL_TYPES = ("separator", "continuationSeparator", "continuationNotice")


def notes_by_id(root, tag: str = "footnote") -> dict:
    """The notes of a footnotes or endnotes part by id, the separators left out (None: {})."""
    if root is None:
        return {}
    return {fn.get(w("id")): fn for fn in root.iterchildren(w(tag))
            if fn.get(w("type")) in (None, "normal")}


def first_number(*roots) -> int:
    """The number of the first auto-numbered footnote (footnotePr/numStart; default 1): the
    section's setting wins over the document's."""
    for root in roots:
        if root is None:
            continue
        for pr in root.iter(w("footnotePr")):
            start = pr.find(w("numStart"))
            value = (start.get(w("val")) or "") if start is not None else ""
            if value.isdigit() and len(value) <= 6:
                return int(value)
    return 1


def footnotes_root(separator_indent: int = 0, rule_text: str | None = None):
    """An empty footnotes part: only the separator and continuation separator notes, the rule
    ``separator_indent`` twips in from the margin. ``rule_text`` (underscores, as the UN's Word
    templates print it) replaces Word's drawn rule, so that the rule is text in a PDF too."""
    root = etree.Element(w("footnotes"), nsmap=NSMAP)
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        fn = etree.SubElement(root, w("footnote"))
        fn.set(w("type"), kind)
        fn.set(w("id"), fid)
        p = etree.SubElement(fn, w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        get_or_add(ppr, "spacing", after="0", line="240", lineRule="auto")
        if separator_indent:
            get_or_add(ppr, "ind", left=str(separator_indent))
        run = etree.SubElement(p, w("r"))
        if rule_text:
            rpr = etree.SubElement(run, w("rPr"))
            get_or_add(rpr, "b")
            get_or_add(rpr, "sz", val="18")
            etree.SubElement(run, w("t")).text = rule_text
        else:
            etree.SubElement(run, w(kind))
    return root


def name_separators(settings) -> bool:
    """Name the separator notes in ``settings.xml``'s footnotePr, as Word writes them; False if
    the settings already have a footnotePr."""
    if settings.find(w("footnotePr")) is not None:
        return False
    pr = get_or_add(settings, "footnotePr")
    for fid in ("-1", "0"):
        add(pr, "footnote", id=fid)
    return True


def set_first_number(sect, start: int) -> None:
    """sectPr/footnotePr/numStart, at its place after the header and footer references."""
    pr = get_or_add(sect, "footnotePr")
    get_or_add(pr, "numStart", val=str(start))


def unanchored_key(marker: str, text: str) -> str:
    """How a footnote whose reference was lost is remembered in the document's properties:
    marker and start of its text (footnote ids change when Word or LibreOffice saves again)."""
    return f"{marker}\t{' '.join(text.split())[:60]}"
