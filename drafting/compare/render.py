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


def reader_names(items) -> list[str]:
    """How a reader cites each unit: ``PP 3``, ``OP 5``, ``OP 5 (a)``, ``Annex 2``, ``I.``...;
    ``paragraph 5`` in a text with no preamble (a report)."""
    out: list[str] = []
    pp = 0
    # OP for the operative paragraphs of a text with a preamble (resolutions, decisions)
    body = "OP" if any(item.kind == "preambular" for item in items) else "paragraph"
    owners: dict[int, str] = {}          # depth -> name of the unit that holds deeper ones
    for item in items:
        if item.kind == "preambular":
            pp += 1
            name = f"PP {pp}"
        elif item.kind == "formula":
            name = "formula"
        elif item.kind == "heading":
            name = (item.num or "").strip() or _first_words(item.plain)
            if item.level == "annex":
                name = item.num or "Annex"
        elif item.kind == "crossHeading":
            name = _first_words(item.plain)
        elif item.kind == "point":
            label = (item.num or "").strip().strip("()").rstrip(").")
            name = f"{owners.get(item.depth - 1, '')} ({label})".strip() if label else \
                f"{owners.get(item.depth - 1, '')} \u2022".strip()
        elif item.kind == "wrapUp":
            name = f"{owners.get(item.depth - 1, '')} (end)".strip()
        else:
            label = (item.num or "").strip().rstrip(".-\u2013 ").strip()
            prefix = "Annex" if item.part == "annex" else body
            name = f"{prefix} {label}" if label else _first_words(item.plain)
        owners[item.depth] = name
        out.append(name)
    return out


def _first_words(text: str, n: int = 6) -> str:
    words = text.split()
    return "\u00ab" + " ".join(words[:n]) + ("\u2026" if len(words) > n else "") + "\u00bb"
