"""Namespaces and names of WordprocessingML and of the package (relationships, content types)."""

from __future__ import annotations

import functools

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
DC_NS = "http://purl.org/dc/elements/1.1/"

NSMAP = {"w": W_NS, "r": R_NS}

REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_OFFICE_DOCUMENT = REL_BASE + "officeDocument"
REL_FOOTNOTES = REL_BASE + "footnotes"
REL_CUSTOM_PROPS = REL_BASE + "custom-properties"
REL_IMAGE = REL_BASE + "image"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


@functools.lru_cache(maxsize=None)
def w(tag: str) -> str:
    """Clark name in the WordprocessingML namespace: ``w('p')`` -> ``{ns}p`` (called per run and
    per property, so the few distinct names are built once)."""
    return f"{{{W_NS}}}{tag}"


def local_name(tag) -> str:
    """``{ns}p`` -> ``p``; comments and processing instructions (non-string tags) -> ''."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def val(el, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` of ``el`` (``numFmt``, ``start`` ...), or None."""
    child = el.find(w(tag))
    return child.get(w("val")) if child is not None else None
