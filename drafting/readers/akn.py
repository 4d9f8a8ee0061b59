"""Reader for Akoma Ntoso XML: parsed safely, checked to be AKN, kept as it is.

A file from elsewhere may be well-formed and still not Akoma Ntoso the toolkit can work on: no
document inside ``<akomaNtoso>`` is refused; a document the strict schema rejects is refused with
the schema's findings, one per line with its XML line (as ``drafting validate`` prints them); the
UN profile's own rules (a footnote without text, a paragraph number not "N.") are warnings, since
``check`` is there to report them.
"""

from __future__ import annotations

from drafting.errors import DraftingError, InvalidDocument
from drafting.io import check_tree_counts, parse_xml
from drafting.model.akn import AKN_NS
from drafting.model.blocks import Diagnostic
from drafting.readers import ReadResult

MAX_LISTED = 20  # findings listed before "and N more"


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    from drafting.model.validate import profile_findings, schema_findings

    tree = parse_xml(data, name)
    root = tree.getroot()
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise DraftingError(f"{name}: not Akoma Ntoso 3.0 (root element is {root.tag})")
    if not any(isinstance(child.tag, str) for child in root):
        raise DraftingError(f"{name}: no document inside <akomaNtoso> (an empty Akoma Ntoso file)")
    check_tree_counts(root, name)  # before validation, whose work grows with the tree
    findings = schema_findings(tree)
    if findings:
        lines = [f.format(name) for f in findings[:MAX_LISTED]]
        if len(findings) > MAX_LISTED:
            lines.append(f"{name}: ... and {len(findings) - MAX_LISTED} more schema findings")
        first = findings[0]
        raise InvalidDocument(
            f"{name}: not valid Akoma Ntoso: {len(findings)} schema finding{'s' * (len(findings) > 1)}, "
            f"the first at line {first.line or '?'}: {first.message}", lines)
    diagnostics = [Diagnostic("warning", f"{f.rule}: {f.message}", f.line, "akn-profile")
                   for f in profile_findings(root)]
    lines = {el.get("eId"): el.sourceline for el in root.iter() if isinstance(el.tag, str) and el.get("eId")}
    return ReadResult(root=root, diagnostics=diagnostics, source_lines=lines)
