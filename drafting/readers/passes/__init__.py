"""The passes that find a UN document's structure in printed lines, shared by every reader.

``read_lines(lines, name, lang)`` is the one entry point: a reader produces ``Line``s
(``drafting.readers.lines``), the passes turn them into ``DocumentBlocks``.
"""

from __future__ import annotations

from drafting.model.blocks import DocumentBlocks
from drafting.readers.lines import Line


def read_lines(lines: list[Line], name: str = "input", lang: str | None = None) -> DocumentBlocks:
    # Interim: lines rendered back to text for the text reader's passes, until the passes read
    # lines themselves.
    from drafting.readers.text import parse_text

    out: list[str] = []
    furniture = []
    for line in lines:
        if line.zone == "furniture":
            furniture.append(line)
            out.append("")
            continue
        if line.page_break_before and out:
            out[-1] += "\f"
        if line.gap_before:
            out.append("")
        if line.zone == "note" and line.note_marker:
            out.append("^{" + line.note_marker + "} " + line.text)
        elif line.zone == "rule":
            out.append("")
        else:
            out.append(line.text)
    doc = parse_text("\n".join(out), name, lang)
    for line in furniture:
        doc.note("info", f"page furniture removed ({line.furniture_kind or 'furniture'}): {line.text}", line.no, "furniture")
    return doc
