"""Reader for Akoma Ntoso XML: parsed safely, checked to be AKN, kept as it is."""

from __future__ import annotations

from drafting.errors import DraftingError
from drafting.io import parse_xml
from drafting.model.akn import AKN_NS
from drafting.readers import ReadResult


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    tree = parse_xml(data, name)
    root = tree.getroot()
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise DraftingError(f"{name}: not Akoma Ntoso 3.0 (root element is {root.tag})")
    lines = {el.get("eId"): el.sourceline for el in root.iter() if isinstance(el.tag, str) and el.get("eId")}
    return ReadResult(root=root, diagnostics=[], source_lines=lines)
