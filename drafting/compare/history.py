"""A chain of versions (a resolution in one year and its successors): what each step carried
over unchanged, amended, added and dropped."""

from __future__ import annotations

from dataclasses import dataclass

from drafting.compare.align import Alignment, align_items

# How the kinds of a pair read in a history.
FATE = {"unchanged": "carried", "renumbered": "carried", "moved": "carried", "modified": "amended",
        "split": "amended", "merged": "amended", "inserted": "added", "deleted": "dropped"}
FATES = ["carried", "amended", "added", "dropped"]


@dataclass
class Step:
    old: object          # Loaded (path, root, meta, items)
    new: object
    alignment: Alignment

    def fate(self, pair) -> str:
        if pair.kind == "moved" and pair.text_changed:
            return "amended"
        return FATE[pair.kind]

    def groups(self) -> dict[str, list[str]]:
        """Fate -> printed numbers (new numbers, old ones for dropped paragraphs)."""
        out: dict[str, list[str]] = {f: [] for f in FATES}
        for pair in self.alignment.pairs:
            items = pair.old if pair.kind == "deleted" else pair.new
            name = "+".join(i.label for i in items if i.label) or (items[0].eid or items[0].kind)
            out[self.fate(pair)].append(name)
        return out

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.groups().items()}


@dataclass
class History:
    docs: list
    steps: list[Step]

    @property
    def identical(self) -> bool:
        return all(s.alignment.identical for s in self.steps)


def history(docs) -> History:
    """``docs``: Loaded inputs in chronological order (anything with .items, .meta, .path)."""
    steps = [Step(a, b, align_items(a.items, b.items)) for a, b in zip(docs, docs[1:])]
    return History(list(docs), steps)


def _name(doc) -> str:
    return doc.meta.get("symbol") or doc.path


def history_json(h: History) -> dict:
    return {
        "versions": [{"path": d.path, **d.meta} for d in h.docs],
        "steps": [{"old": s.old.path, "new": s.new.path, "summary": s.counts(), "paragraphs": s.groups(),
                   "kinds": s.alignment.summary} for s in h.steps],
    }


def _short_list(values: list[str], n: int = 12) -> str:
    shown = ", ".join(values[:n])
    return shown + (f", … (+{len(values) - n})" if len(values) > n else "")


def history_text(h: History, colour: bool = False) -> str:
    lines = []
    for k, s in enumerate(h.steps, 1):
        lines.append(f"step {k}: {_name(s.old)} → {_name(s.new)}")
        for fate, values in s.groups().items():
            if values:
                lines.append(f"  {fate:8} {len(values):4}  {_short_list(values)}")
    lines.append("")
    header = f"{'step':<6}" + "".join(f"{f:>9}" for f in FATES)
    lines += [header, "-" * len(header)]
    for k, s in enumerate(h.steps, 1):
        c = s.counts()
        lines.append(f"{k:<6}" + "".join(f"{c[f]:>9}" for f in FATES))
    return "\n".join(lines) + "\n"


def history_html(h: History) -> str:
    from html import escape

    rows = "".join(
        f"<tr><td>{k}</td><td>{escape(_name(s.old))} → {escape(_name(s.new))}</td>"
        + "".join(f"<td title=\"{escape(', '.join(v))}\">{len(v)}</td>" for v in s.groups().values())
        + "</tr>" for k, s in enumerate(h.steps, 1))
    head = "".join(f"<th>{f}</th>" for f in FATES)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>history</title>
<style>body{{font-family:serif;margin:1em}}td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:right}}</style>
</head><body><h1>History of {len(h.docs)} versions</h1>
<table><tr><th>step</th><th>versions</th>{head}</tr>{rows}</table></body></html>
"""
