"""Writer for Akoma Ntoso XML (UTF-8, indented where that adds no text)."""

from __future__ import annotations

from lxml import etree


def write(root, **options) -> bytes:
    # libxml2's pretty printing never indents inside mixed content, so no text is changed.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
