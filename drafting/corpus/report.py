"""The forms of a trace: terminal text, JSON (the schema in README.md), one HTML page.

JSON: ``{"paragraphs": [{"part", "number", "verdict", "sources": [{"symbol",
"part", "number", "date", "kind", "similarity", "inline"}]}]}``, sources best first; ``inline``
is the word-level diff from the source to the draft as ``[op, text]`` pairs (``=`` kept, ``-``
deleted, ``+`` inserted), as in ``drafting diff --format json``.
"""

from __future__ import annotations

import json
from html import escape

from drafting.compare.inline import DELETE, EQUAL, INSERT

PART_LABEL = {"preamble": "preambular", "operative": "operative", "annex": "annex"}


def label(part: str, number: str | None) -> str:
    return f"{PART_LABEL.get(part, part)} {number}" if number else PART_LABEL.get(part, part)


def as_json(record: dict, traced) -> str:
    data = {"paragraphs": [
        {"part": p.part, "number": p.number, "verdict": p.verdict, "sources": [
            {"symbol": s.symbol, "part": s.part, "number": s.number, "date": s.date, "kind": s.kind,
             "similarity": s.similarity, "inline": s.inline} for s in p.sources]}
        for p in traced]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _changed_words(inline) -> int:
    """Words changed: the larger of the words inserted and the words deleted."""
    return max(sum(len(text.split()) for op, text in inline if op == INSERT),
               sum(len(text.split()) for op, text in inline if op == DELETE))


def summary_line(p) -> str:
    """``carried over from A/RES/79/129, operative 5, unchanged`` and the like."""
    if p.verdict == "new" or not p.sources:
        return "new text"
    s = p.sources[0]
    where = f"{s.symbol or s.path}, {label(s.part, s.number)}"
    if p.verdict == "carried":
        return f"carried over from {where}, unchanged"
    n = _changed_words(s.inline)
    return f"from {where}, {n} word{'s' if n != 1 else ''} changed (similarity {s.similarity:.2f})"


def as_text(record: dict, traced, colour: bool = False) -> str:
    from drafting.compare.text_report import Style, inline_line

    style = Style(colour)
    counts = {v: sum(1 for p in traced if p.verdict == v) for v in ("carried", "amended", "new")}
    lines = [f"{record.get('symbol') or record.get('name')}: {len(traced)} paragraphs, "
             f"{counts['carried']} carried, {counts['amended']} amended, {counts['new']} new"]
    for p in traced:
        lines.append(f"{label(p.part, p.number)}: {summary_line(p)}")
        if p.verdict == "amended":
            lines.append("    " + inline_line(p.sources[0].inline, style))
        for s in p.sources[1:]:
            lines.append(f"    also {s.symbol or s.path}, {label(s.part, s.number)}, {s.date or 'undated'}, "
                         f"similarity {s.similarity:.2f}")
    return "\n".join(lines) + "\n"


CSS = """
body{font-family:"Times New Roman",Noto Serif,serif;margin:1em 2em;color:#111}
h1{font-size:1.2em} .p{border-bottom:1px solid #ddd;padding:.5em 0}
.v{font-family:sans-serif;font-size:.75em;text-transform:uppercase;padding:0 .4em;border-radius:3px}
.carried{background:#e4f2e4} .amended{background:#ffe9c4} .new{background:#dbe9ff}
ins{background:#d4f7d4;text-decoration:none} del{background:#ffd7d7;text-decoration:line-through}
.src{font-size:.9em;color:#333;margin:.2em 0 .2em 1.5em} a{color:#124}
"""


def _inline_html(inline) -> str:
    out = []
    for op, text in inline:
        t = escape(text)
        out.append(t if op == EQUAL else f"<ins>{t}</ins>" if op == INSERT else f"<del>{t}</del>")
    return "".join(out)


def _link(s) -> str:
    """A link to the source document itself (a local file), at the paragraph's eId for AKN."""
    from pathlib import Path

    href = Path(s.path).as_uri() + (f"#{s.eid}" if s.eid and s.path.endswith(".xml") else "")
    return f'<a href="{escape(href)}">{escape(s.symbol or Path(s.path).name)}</a>'


def as_html(record: dict, traced) -> str:
    title = escape(record.get("symbol") or record.get("name") or "draft")
    rows = []
    for i, p in enumerate(traced):
        anchor = f"p{i + 1}"
        rows.append(f'<div class="p" id="{anchor}"><a href="#{anchor}">{escape(label(p.part, p.number))}</a> '
                    f'<span class="v {p.verdict}">{p.verdict}</span> {escape(summary_line(p))}'
                    f"<div>{escape(p.text)}</div>")
        for s in p.sources:
            rows.append(f'<div class="src">{_link(s)}, {escape(label(s.part, s.number))}, '
                        f'{escape(s.date or "undated")}, {escape(s.kind or "")}, similarity '
                        f'{s.similarity:.2f}<br>{_inline_html(s.inline)}</div>')
        rows.append("</div>")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trace of {title}</title>'
            f"<style>{CSS}</style></head><body><h1>Where the wording of {title} comes from</h1>"
            + "\n".join(rows) + "</body></html>\n")
