"""What every output format of a comparison shares: footnote markers put back into inline
diffs, number labels of a pair, masthead differences."""

from __future__ import annotations

from drafting.compare.inline import DELETE, EQUAL, INSERT
from drafting.compare.items import NOTE_ATOMS, is_note

MASTHEAD_FIELDS = ["symbol", "date", "title", "session", "agenda_item", "kind"]


def with_markers(ops, old_notes, new_notes, fmt="[^{}]"):
    """Replace the footnote placeholder by the printed marker (new marker when the reference is
    kept or added, old marker when it is removed)."""
    out = []
    oi = ni = 0
    for op, text in ops:
        if not NOTE_ATOMS.search(text):
            out.append((op, text))
            continue
        parts = []
        for ch in text:
            if not is_note(ch):
                parts.append(ch)
                continue
            if op == EQUAL:
                note = new_notes[ni] if ni < len(new_notes) else None
                oi += 1
                ni += 1
            elif op == DELETE:
                note = old_notes[oi] if oi < len(old_notes) else None
                oi += 1
            else:
                note = new_notes[ni] if ni < len(new_notes) else None
                ni += 1
            parts.append(fmt.format(note.marker if note else "?"))
        out.append((op, "".join(parts)))
    return out


def pair_ops(pair, fmt: str = "[^{}]"):
    """The pair's inline diff with footnote markers in place."""
    old_notes = [n for i in pair.old for n in i.notes]
    new_notes = [n for i in pair.new for n in i.notes]
    return with_markers(pair.inline, old_notes, new_notes, fmt)


def side_text(ops, side: str) -> str:
    keep = {EQUAL, DELETE} if side == "old" else {EQUAL, INSERT}
    return "".join(t for op, t in ops if op in keep)


def labels(items) -> list[str]:
    """Printed numbers and point labels; a bullet ("-", "•") is no number."""
    return [i.label for i in items if i.label and any(c.isalnum() for c in i.label)]


def masthead_changes(old: dict, new: dict) -> list[tuple[str, object, object]]:
    return [(k, old.get(k), new.get(k)) for k in MASTHEAD_FIELDS if old.get(k) != new.get(k)]


def pair_name(pair) -> str:
    """How a pair is named in a report: "7 -> 8", "12", "(unnumbered heading)"."""
    old, new = labels(pair.old), labels(pair.new)
    o = "+".join(old)
    n = "+".join(new)
    if o and n and o != n:
        return f"{o} \u2192 {n}"
    if o or n:
        return o or n
    item = (pair.new or pair.old)[0]
    text = item.plain.strip()
    return "«" + (text if len(text) <= 40 else text[:39] + "…") + "»"
