"""A chain of versions (a resolution in one year and its successors, a draft and its revisions):
what each step carried over, amended, added and dropped, named as readers cite paragraphs.

Preambular paragraphs are named ``PP 3`` (the third), operative ones by their printed number
``OP 5``, points with their paragraph ``OP 5 (a)``, annex paragraphs ``Annex 2``. A paragraph is
followed along the chain as one row, so the HTML page shows one column per version and one row
per paragraph, its text in each version with the changes marked.
"""

from __future__ import annotations

import re
from dataclasses import field
from html import escape

from drafting.compare.align import Alignment, align_items
from drafting.compare.inline import DELETE, EQUAL, INSERT
from drafting.compare.render import pair_ops, reader_names
from drafting.records import record

FATES = ["carried", "amended", "added", "dropped"]
PART_TITLES = {"preamble": "preamble", "operative": "operative part", "annex": "annex"}


@record
class Step:
    """One version against the next in a history, with the printed names of their paragraphs."""

    old: object          # Loaded (path, root, meta, items)
    new: object
    alignment: Alignment
    old_names: list[str] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.old_names = reader_names(self.alignment.old_items)
        self.new_names = reader_names(self.alignment.new_items)
        self._old_at = {id(x): k for k, x in enumerate(self.alignment.old_items)}
        self._new_at = {id(x): k for k, x in enumerate(self.alignment.new_items)}

    def fate(self, pair) -> str:
        if pair.kind in ("modified", "split", "merged") or (pair.kind == "moved" and pair.text_changed):
            return "amended"
        return {"inserted": "added", "deleted": "dropped"}.get(pair.kind, "carried")

    def name(self, pair, side: str) -> str:
        items = pair.old if side == "old" else pair.new
        names = self.old_names if side == "old" else self.new_names
        at = self._old_at if side == "old" else self._new_at
        return " + ".join(names[at[id(x)]] for x in items)

    def entries(self) -> list[dict]:
        """One entry per pair: its fate, names (new, and old when it differs), part, text."""
        out = []
        for pair in self.alignment.pairs:
            fate = self.fate(pair)
            new, old = self.name(pair, "new"), self.name(pair, "old")
            unit = (pair.new or pair.old)[0]
            out.append({"fate": fate, "kind": pair.kind, "name": new or old,
                        "was": old if old and new and old != new else None,
                        "part": unit.part, "unit": unit.kind, "text": unit.plain})
        return out

    def groups(self) -> dict[str, list[str]]:
        """Fate -> names (new names; old names for dropped paragraphs)."""
        out: dict[str, list[str]] = {f: [] for f in FATES}
        for e in self.entries():
            out[e["fate"]].append(e["name"])
        return out

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.groups().items()}


@record
class History:
    """Every version of a text and each step from one to the next."""

    docs: list
    steps: list[Step]

    @property
    def identical(self) -> bool:
        return all(s.alignment.identical for s in self.steps)

    def rows(self) -> list[list]:
        """One row per paragraph followed along the chain: for each version, the pair that
        brought it there (None where the paragraph is absent), in reading order of the versions
        (a dropped paragraph stays after the one it followed)."""
        n = len(self.docs)
        rows: list[list] = []
        row_of: dict[int, int] = {}
        for item in (self.steps[0].alignment.old_items if self.steps else []):
            row_of[id(item)] = len(rows)
            rows.append([("start", item)] + [None] * (n - 1))
        for k, step in enumerate(self.steps, 1):
            for pair in step.alignment.pairs:
                if pair.old:
                    r = row_of[id(pair.old[0])]
                else:
                    r = len(rows)
                    rows.append([None] * n)
                if pair.new:
                    rows[r][k] = ("pair", pair)
                    for x in pair.new:
                        row_of[id(x)] = r
                else:
                    rows[r][k] = ("gone", pair)
        return [rows[r] for r in self._order(rows, row_of)]

    def _order(self, rows, row_of) -> list[int]:
        """Rows in reading order of the last version; a row that is absent there follows the
        row before it in the latest version that has it."""
        placed: list[int] = []
        follows: dict[int, list[int]] = {}
        seen: set[int] = set()
        versions = [s.alignment.new_items for s in reversed(self.steps)]
        if self.steps:
            versions.append(self.steps[0].alignment.old_items)
        for depth, items in enumerate(versions):
            before = None
            for item in items:
                r = row_of.get(id(item)) if depth else row_of[id(item)]
                if r is None:
                    continue
                if r not in seen:
                    seen.add(r)
                    if depth == 0 or before is None:
                        (placed if depth == 0 else follows.setdefault(-1, [])).append(r)
                    else:
                        follows.setdefault(before, []).append(r)
                before = r
        for r in range(len(rows)):
            if r not in seen:
                follows.setdefault(-1, []).append(r)
        out: list[int] = []

        def emit(r):
            out.append(r)
            for s in follows.get(r, []):
                emit(s)

        for r in follows.get(-1, []):
            emit(r)
        for r in placed:
            emit(r)
        return out


def history(docs) -> History:
    """``docs``: Loaded inputs in chronological order (anything with .items, .meta, .path)."""
    steps = [Step(a, b, align_items(a.items, b.items)) for a, b in zip(docs, docs[1:])]
    return History(list(docs), steps)


def _name(doc) -> str:
    """A version's symbol, with its file when the symbol alone does not tell versions apart."""
    symbol = doc.meta.get("symbol")
    return f"{symbol} ({doc.path})" if symbol else doc.path


def history_json(h: History) -> dict:
    return {
        "versions": [{"path": d.path, **d.meta} for d in h.docs],
        "steps": [{"old": s.old.path, "new": s.new.path, "summary": s.counts(), "paragraphs": s.groups(),
                   "kinds": s.alignment.summary,
                   "changes": [{k: v for k, v in e.items() if k != "text"} for e in s.entries()]}
                  for s in h.steps],
    }


def compress(names: list[str]) -> str:
    """``OP 1, OP 2, OP 3, OP 5`` -> ``OP 1-3, 5``: runs of consecutive numbers of one kind, the
    kind written once per stretch; other names as they are."""
    out: list[str] = []
    prefix = None                      # the kind of the stretch being written
    runs: list[list[int]] = []

    def flush():
        nonlocal runs
        if runs:
            spans = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs]
            out.append(f"{prefix} " + ", ".join(spans))
            runs = []

    for name in names:
        m = re.fullmatch(r"(PP|OP|Annex|paragraph) (\d+)", name)
        if not m:
            flush()
            prefix = None
            out.append(name)
            continue
        kind, n = m.group(1), int(m.group(2))
        if kind != prefix:
            flush()
            prefix = kind
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    flush()
    return ", ".join(out)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def history_text(h: History, colour: bool = False) -> str:
    lines = []
    for k, s in enumerate(h.steps, 1):
        counts = s.counts()
        lines.append(f"step {k}: {_name(s.old)} \u2192 {_name(s.new)}   "
                     + " \u00b7 ".join(f"{counts[f]} {f}" for f in FATES if counts[f]))
        entries = s.entries()
        for part in ("preamble", "operative", "annex"):
            mine = [e for e in entries if e["part"] == part and e["unit"] not in ("formula",)]
            if not mine:
                continue
            lines.append(f"  {PART_TITLES[part]}")
            for e in mine:
                if e["fate"] == "carried":
                    continue
                was = f" (was {e['was']})" if e["was"] else ""
                lines.append(f"    {e['name']} {e['fate']}{was}: {_short(e['text'])}")
            carried = [e for e in mine if e["fate"] == "carried" and e["unit"] not in ("heading", "crossHeading")]
            if carried:
                named = [e["name"] for e in carried if not e["name"].startswith("\u00ab")]
                unnamed = len(carried) - len(named)
                renumbered = sum(1 for e in carried if e["was"])
                notes = [f"{renumbered} renumbered"] if renumbered else []
                if unnamed:
                    notes.append(f"{unnamed} unnumbered")
                listed = compress(named) + (f" ({', '.join(notes)})" if notes else "")
                lines.append(f"    carried: {listed if named else ', '.join(notes)}")
                for e in carried:
                    if e["kind"] == "moved":
                        lines.append(f"    {e['name']} carried, moved (was {e['was']})")
    lines.append("")
    header = f"{'step':<6}" + "".join(f"{f:>9}" for f in FATES)
    lines += [header, "-" * len(header)]
    for k, s in enumerate(h.steps, 1):
        c = s.counts()
        lines.append(f"{k:<6}" + "".join(f"{c[f]:>9}" for f in FATES))
    return "\n".join(lines) + "\n"


CSS = """body{font-family:"Times New Roman",serif;margin:1em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{vertical-align:top;border:1px solid #ddd;padding:.3em .5em;line-height:1.3}
th{background:#f4f6f8;position:sticky;top:0}
.name{font-family:sans-serif;font-size:.8em;color:#333;display:block}
.fate{font-family:sans-serif;font-size:.7em;text-transform:uppercase;margin-left:.4em}
td.amended{background:#fff7e6} td.added{background:#effcef} td.gone{background:#f6f6f6;color:#999}
ins{background:#d4f7d4;text-decoration:none} del{background:#ffd7d7}
tr.part td{background:#e8edf3;font-family:sans-serif;font-weight:bold}"""


def _cell_text(pair, side: str = "new") -> str:
    out = []
    for op, text in pair_ops(pair, "<sup>{}</sup>"):
        t = escape(text).replace("&lt;sup&gt;", "<sup>").replace("&lt;/sup&gt;", "</sup>")
        if op == EQUAL:
            out.append(t)
        elif op == INSERT:
            out.append(f"<ins>{t}</ins>")
        elif op == DELETE:
            out.append(f"<del>{t}</del>")
    return "".join(out)


def history_html(h: History) -> str:
    heads = "".join(f"<th>{escape(_name(d))}<br><small>{escape(d.meta.get('date') or '')}</small></th>"
                    for d in h.docs)
    body = []
    part = None
    for row in h.rows():
        cells = []
        unit = None
        for k, cell in enumerate(row):
            if cell is None:
                cells.append("<td></td>")
                continue
            what, obj = cell
            if what == "start":
                unit = obj
                name = h.steps[0].old_names[h.steps[0]._old_at[id(obj)]]
                cells.append(f'<td><span class="name">{escape(name)}</span>{escape(obj.plain)}</td>')
                continue
            step = h.steps[k - 1]
            pair = obj
            fate = step.fate(pair)
            if what == "gone":
                cells.append(f'<td class="gone"><span class="name">{escape(step.name(pair, "old"))}'
                             f'<span class="fate">dropped</span></span></td>')
                continue
            unit = pair.new[0]
            was = step.name(pair, "old")
            now = step.name(pair, "new")
            label = escape(now) + (f" (was {escape(was)})" if was and was != now else "")
            text = _cell_text(pair) if fate != "added" else escape(" ".join(x.plain for x in pair.new))
            cls = fate if fate in ("amended", "added") else ""
            mark = f'<span class="fate">{fate}</span>' if fate != "carried" else ""
            cells.append(f'<td class="{cls}"><span class="name">{label}{mark}</span>{text}</td>')
        if unit is not None and unit.part != part:
            part = unit.part
            body.append(f'<tr class="part"><td colspan="{len(row)}">{escape(PART_TITLES.get(part, part))}</td></tr>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>History of {len(h.docs)} versions</title>
<style>{CSS}</style></head><body><h1>History of {len(h.docs)} versions</h1>
<table><thead><tr>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table></body></html>
"""
