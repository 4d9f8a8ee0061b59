"""The terminal report of a comparison: one line per change, runs of renumbered paragraphs on
one line, inline changes as ``[-deleted-]{+inserted+}`` (wdiff style) or in colour."""

from __future__ import annotations

from drafting.compare.inline import DELETE, EQUAL, INSERT
from drafting.compare.render import labels, masthead_changes, pair_name, pair_ops

CONTEXT = 40          # characters of unchanged text kept around a change
SIGN = {"modified": "~", "moved": ">", "inserted": "+", "deleted": "-", "split": "<",
        "merged": ">", "renumbered": "#", "unchanged": " "}


class Style:
    def __init__(self, colour: bool):
        self.colour = colour

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def ins(self, text: str) -> str:
        return self._wrap("32", text) if self.colour else "{+" + text + "+}"

    def dele(self, text: str) -> str:
        return self._wrap("31;9", text) if self.colour else "[-" + text + "-]"

    def kind(self, kind: str, text: str) -> str:
        code = {"inserted": "32", "deleted": "31", "modified": "33", "moved": "36",
                "split": "35", "merged": "35", "renumbered": "2"}.get(kind, "0")
        return self._wrap(code, text)

    def bold(self, text: str) -> str:
        return self._wrap("1", text)


def _elide(text: str, first: bool, last: bool) -> str:
    if len(text) <= 2 * CONTEXT + 5:
        return text
    if first:
        return "\u2026" + text[-CONTEXT:]
    if last:
        return text[:CONTEXT] + "\u2026"
    return text[:CONTEXT] + " \u2026 " + text[-CONTEXT:]


def inline_line(ops, style: Style) -> str:
    out = []
    for k, (op, text) in enumerate(ops):
        if op == EQUAL:
            out.append(_elide(text, k == 0, k == len(ops) - 1))
        elif op == INSERT:
            out.append(style.ins(text))
        elif op == DELETE:
            out.append(style.dele(text))
    return "".join(out)


def _typography_line(changes, style: Style) -> str:
    return ", ".join(style.dele(old) + style.ins(new) for old, new in changes[:8]) + \
        (f", \u2026 (+{len(changes) - 8})" if len(changes) > 8 else "")


def _short(text: str, n: int = 100) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _range(values: list[str]) -> str:
    if not values:
        return "(no number)"          # a bullet or a lost number on one side
    return values[0] if len(values) == 1 else f"{values[0]}-{values[-1]}"


def _typography_note(alignment, shown: bool) -> str:
    n = alignment.typography
    if not n:
        return ""
    what = f"{n} unit{'s' if n > 1 else ''} differ only in typography or extraction artefacts"
    return f"({what}{'' if shown else '; --typography shows them'})"


def text_report(alignment, old_meta: dict, new_meta: dict, old_name: str, new_name: str,
                colour: bool = False, typography: bool = False) -> str:
    style = Style(colour)
    lines = [style.bold(f"--- {old_name}" + (f"  {old_meta.get('symbol')}" if old_meta.get("symbol") else "")),
             style.bold(f"+++ {new_name}" + (f"  {new_meta.get('symbol')}" if new_meta.get("symbol") else ""))]
    for field, a, b in masthead_changes(old_meta, new_meta):
        lines.append(f"  masthead {field}: {a!r} \u2192 {b!r}")
    typo_note = _typography_note(alignment, typography)
    if alignment.identical and not masthead_changes(old_meta, new_meta) and not (typography and typo_note):
        lines.append("no differences" + (f" {typo_note}" if typo_note else ""))
        return "\n".join(lines) + "\n"
    run: list = []

    def flush():
        if not run:
            return
        old = [x for p in run for x in labels(p.old)]
        new = [x for p in run for x in labels(p.new)]
        count = f" ({len(run)} units)" if len(run) > 1 else ""
        lines.append(style.kind("renumbered", f"# {_range(old)} \u2192 {_range(new)}  renumbered{count}"))
        run.clear()

    for pair in alignment.pairs:
        if typography and pair.kind in ("unchanged", "renumbered") and pair.typography:
            flush()
            lines.append(f"= {pair_name(pair)}  typography")
            lines.append("    " + _typography_line(pair.typography, style))
            continue
        if pair.kind == "unchanged":
            continue                     # an unchanged heading or point does not break a run
        if pair.kind == "renumbered":
            if run and run[-1].new[0].kind != pair.new[0].kind:
                flush()
            run.append(pair)
            continue
        flush()
        head = f"{SIGN[pair.kind]} {pair_name(pair)}  {pair.kind}"
        if pair.kind in ("modified", "moved", "split", "merged"):
            head += f" {pair.similarity:.2f}"
        if pair.formatting:
            head += " (formatting)"
        lines.append(style.kind(pair.kind, head))
        ops = pair_ops(pair)
        if pair.kind in ("inserted", "deleted"):
            lines.append("    " + _short(ops[0][1] if ops else ""))
        elif pair.text_changed:
            lines.append("    " + inline_line(ops, style))
        if typography and pair.typography:
            lines.append("    typography: " + _typography_line(pair.typography, style))
        for note in pair.footnotes:
            if note.kind in ("unchanged", "renumbered"):
                continue
            marker = note.new or note.old
            lines.append(f"    footnote {marker} {note.kind}: " + inline_line(note.inline, style))
    flush()
    summary = ", ".join(f"{n} {k}" for k, n in alignment.summary.items())
    lines.append(style.bold(f"summary: {summary}") + (f" {typo_note}" if typo_note else ""))
    return "\n".join(lines) + "\n"
