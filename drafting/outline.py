"""A readable outline of a document: masthead, headings, paragraph numbers with their first
words, footnotes. Works on the model, so it is the same for every input format."""

from __future__ import annotations

from drafting.model.units import all_notes, body_units, masthead

FIRST_WORDS = 8


def _first_words(text: str, n: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def outline_lines(root) -> list[str]:
    m = masthead(root)
    out = [f"kind: {m['kind']}"]
    for organ in m.get("organs") or []:
        out.append(f"organ: {organ}")
    for key in ("symbol", "distribution", "date", "language", "original", "job_number", "body",
                "session", "place_dates", "agenda_item", "title"):
        if m.get(key):
            out.append(f"{key}: {m[key]}")
    if m.get("doc_type"):
        out.append("type: " + " / ".join(m["doc_type"]))
    if m.get("sponsors"):
        out.append("sponsors: " + "; ".join(m["sponsors"]))
    out.append("")
    for unit in body_units(root):
        indent = "  " * unit.depth
        marks = "".join(f"[{n.marker}{'' if n.anchored else ' unanchored'}]" for n in unit.notes)
        if unit.kind == "heading":
            out.append(f"{indent}{unit.level.upper()} {unit.num or ''} {_first_words(unit.text, 14)}".rstrip())
        elif unit.kind == "crossHeading":
            out.append(f"{indent}-- {_first_words(unit.text, 14)}")
        elif unit.kind == "formula":
            out.append(f"{indent}FORMULA {_first_words(unit.text)}")
        elif unit.kind == "preambular":
            out.append(f"{indent}PP {_first_words(unit.text)} {marks}".rstrip())
        else:
            label = unit.num or "¶"
            out.append(f"{indent}{label} {_first_words(unit.text)} {marks}".rstrip())
    notes = all_notes(root)
    if notes:
        out.append("")
        out.append("footnotes:")
        for note in notes:
            flag = "" if note.anchored else "  (reference lost)"
            out.append(f"  {note.marker}. {_first_words(note.text, 12)}{flag}")
    return out
