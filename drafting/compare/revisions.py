"""Accept or reject every tracked change of a DOCX: the check that a redline is right.

Accepting removes deletions (``w:del``, ``w:moveFrom``), keeps insertions, keeps the new
formatting, and joins a paragraph whose mark was deleted to the paragraph after it; rejecting
does the opposite. The result is a plain DOCX with no revisions left, which any reader (ours,
LibreOffice) reads as the NEW or the OLD document.
"""

from __future__ import annotations

import io
import zipfile

from drafting.io import parse_xml
from drafting.ooxml.names import w

PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def _unwrap(el) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def resolve_tree(root, accept: bool) -> int:
    """Resolve in place; returns how many revision marks were resolved."""
    drop = {w("del"), w("moveFrom")} if accept else {w("ins"), w("moveTo")}
    keep = {w("ins"), w("moveTo")} if accept else {w("del"), w("moveFrom")}
    count = 0
    # paragraph marks first: a paragraph whose mark goes away joins the next paragraph
    for p in list(root.iter(w("p"))):
        rpr = p.find(f"{w('pPr')}/{w('rPr')}")
        if rpr is None:
            continue
        marks = [c for c in rpr if c.tag in drop | keep]
        if not marks:
            continue
        count += len(marks)
        gone = any(c.tag in drop for c in marks)
        for c in marks:
            rpr.remove(c)
        if gone:
            nxt = p.getnext()
            while nxt is not None and nxt.tag != w("p"):
                nxt = nxt.getnext()
            content = [c for c in p if c.tag != w("pPr")]
            if nxt is not None:
                anchor = nxt.find(w("pPr"))
                at = nxt.index(anchor) + 1 if anchor is not None else 0
                for c in reversed(content):
                    nxt.insert(at, c)
            p.getparent().remove(p)
    for el in list(root.iter(*(drop | keep | {w(r) for r in RANGES}))):
        if el.getparent() is None:
            continue
        count += 1
        if el.tag in drop:
            el.getparent().remove(el)
        elif el.tag in keep:
            _unwrap(el)
        else:
            el.getparent().remove(el)
    for change in list(root.iter(w("rPrChange"))):
        count += 1
        rpr = change.getparent()
        if accept:
            rpr.remove(change)
        else:
            old = change.find(w("rPr"))
            run = rpr.getparent()
            index = run.index(rpr)
            run.remove(rpr)
            if old is not None and len(old):
                run.insert(index, old)
    for change in list(root.iter(w("pPrChange"))):
        count += 1
        ppr = change.getparent()
        ppr.remove(change)
        old = change.find(w("pPr"))
        if not accept and old is not None:
            # the old paragraph properties; the mark's own run properties stay
            for child in [c for c in ppr if c.tag != w("rPr")]:
                ppr.remove(child)
            for k, child in enumerate(c for c in old if c.tag != w("rPr")):
                ppr.insert(k, child)
    if not accept:
        for t in list(root.iter(w("delText"))):
            t.tag = w("t")
        for t in list(root.iter(w("delInstrText"))):
            t.tag = w("instrText")
    return count


def resolve_docx(data: bytes, accept: bool = True) -> bytes:
    """The DOCX with every tracked change accepted (or rejected)."""
    from lxml import etree

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename in PARTS:
                root = parse_xml(payload, info.filename).getroot()
                resolve_tree(root, accept)
                payload = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zf.writestr(info.filename, payload)
    return out.getvalue()
