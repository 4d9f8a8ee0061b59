"""The HTML form of a comparison: one self-contained file (no network), two aligned columns.

Each pair is one table row: the old text with its deletions on the left, the new text with its
insertions on the right, the numbers and the kind in the margin. Headings become the chapter
navigation. A checkbox hides unchanged rows. Nothing is loaded from elsewhere.
"""

from __future__ import annotations

from html import escape

from drafting.compare.inline import DELETE, EQUAL, INSERT
from drafting.compare.render import labels, masthead_changes, pair_ops

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"     # footnote markers survive escaping, become <sup>

CSS = """
body{font-family:"Times New Roman",Noto Serif,serif;margin:0;color:#111;background:#fff}
header{padding:.8em 1.2em;border-bottom:1px solid #999;background:#f4f6f8}
h1{font-size:1.2em;margin:0 0 .3em}
.summary span{display:inline-block;margin-right:.8em;padding:0 .4em;border-radius:3px}
.layout{display:flex}
nav{width:15em;flex:none;padding:.6em;border-right:1px solid #ccc;font-size:.85em;
    position:sticky;top:0;align-self:flex-start;max-height:100vh;overflow:auto}
nav a{display:block;color:#124;text-decoration:none;margin:.2em 0}
nav a.lvl1{padding-left:1em}
nav a.part{font-weight:bold;margin-top:.6em;font-family:sans-serif}
th .file{font-weight:normal;font-size:.8em;color:#555}
main{flex:1;padding:.6em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.35em .5em;border-bottom:1px solid #e3e3e3;line-height:1.35}
td.num{width:6.5em;font-size:.8em;color:#555;font-family:sans-serif}
td.num b{display:block;color:#111}
tr.heading td.text{font-weight:bold}
ins{background:#d4f7d4;text-decoration:none}
del{background:#ffd7d7;text-decoration:line-through}
.kind{font-family:sans-serif;font-size:.75em;text-transform:uppercase;letter-spacing:.03em}
tr.inserted td.new{background:#effcef} tr.deleted td.old{background:#fff0f0}
tr.moved td{background:#eef5ff} tr.renumbered .kind{color:#777}
tr.split td, tr.merged td{background:#f8f0ff} tr.modified .kind{color:#a60}
.fn{font-size:.85em;color:#333;margin-top:.3em;border-top:1px dotted #bbb}
sup{font-size:.7em}
body.changes-only tr.unchanged{display:none}
"""

SCRIPT = """
var only = document.getElementById('only');
function applyFilter() { document.body.classList.toggle('changes-only', only.checked); }
only.addEventListener('change', applyFilter);
if (location.hash === '#changes') { only.checked = true; applyFilter(); }
"""

KIND_COLOUR = {"inserted": "#d4f7d4", "deleted": "#ffd7d7", "modified": "#ffe9c4", "moved": "#dbe9ff",
               "split": "#eedcff", "merged": "#eedcff", "renumbered": "#eee", "unchanged": "#fff"}


def _side(ops, side: str) -> str:
    out = []
    for op, text in ops:
        t = escape(text).replace(MARK_OPEN, "<sup>").replace(MARK_CLOSE, "</sup>")
        if op == EQUAL:
            out.append(t)
        elif op == DELETE and side == "old":
            out.append(f"<del>{t}</del>")
        elif op == INSERT and side == "new":
            out.append(f"<ins>{t}</ins>")
    return "".join(out)


def _notes(pair, side: str) -> str:
    rows = []
    for note in pair.footnotes:
        if note.kind in ("unchanged", "renumbered"):
            continue
        marker = note.old if side == "old" else note.new
        if marker is None:
            continue
        rows.append(f'<div class="fn"><sup>{escape(marker)}</sup> {_side(note.inline, side)} '
                    f'<span class="kind">footnote {escape(note.kind)}</span></div>')
    return "".join(rows)


def _symbols(old_meta: dict, new_meta: dict) -> str:
    a, b = old_meta.get("symbol"), new_meta.get("symbol")
    if not (a or b):
        return ""
    return f"<div>{escape(a or '')} → {escape(b or '')}</div>" if a != b else f"<div>{escape(a)}</div>"


PART_NAMES = {"preamble": "Preamble", "operative": "Operative part", "annex": "Annex"}


def _column_head(meta: dict, name: str) -> str:
    """A version's column header: its symbol and date first, the file name under them."""
    top = " · ".join(escape(x) for x in (meta.get("symbol"), meta.get("date_text") or meta.get("date")) if x)
    return (f"<b>{top}</b><br>" if top else "") + f'<span class="file">{escape(name)}</span>'


def _printed(items, pp: dict) -> str:
    """Numbers as printed (``12.``, ``(a)``), preambular paragraphs by their place (``PP 3``):
    what a reader cites."""
    return " + ".join(pp[id(i)] if id(i) in pp else i.num.strip() for i in items
                      if id(i) in pp or i.num and any(c.isalnum() for c in i.num))


def _preambular_names(items) -> dict:
    names, k = {}, 0
    for item in items:
        if item.kind == "preambular":
            k += 1
            names[id(item)] = f"PP {k}"
    return names


def html_report(alignment, old_meta: dict, new_meta: dict, old_name: str, new_name: str,
                typography: bool = False) -> str:
    rows, nav = [], []
    part = None
    pp = _preambular_names(alignment.old_items) | _preambular_names(alignment.new_items)
    for k, pair in enumerate(alignment.pairs):
        ops = pair_ops(pair, MARK_OPEN + "{}" + MARK_CLOSE)
        item = (pair.new or pair.old)[0]
        heading = item.family == "heading"
        rid = f"r{k}"
        if item.part != part:
            part = item.part
            nav.append(f'<a class="part" href="#{rid}">{PART_NAMES.get(part, part)}</a>')
        if heading:
            label = " ".join(labels(pair.new or pair.old))
            text = "".join(t for op, t in ops if op != DELETE) or "".join(t for _, t in ops)
            text = text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
            cls = "lvl1" if item.depth else "lvl0"
            nav.append(f'<a class="{cls}" href="#{rid}">{escape((label + " " + text).strip()[:70])}</a>')
        old_num = escape(_printed(pair.old, pp))
        new_num = escape(_printed(pair.new, pp))
        flag = " · formatting" if pair.formatting else ""
        if typography and pair.typography:
            flag += " · typography: " + escape(", ".join(f"{a!r}→{b!r}" for a, b in pair.typography[:4]))
        was = " + ".join(labels(pair.old))
        if pair.kind == "moved" and was:
            flag = f" from {escape(was)}" + flag
        kind = f'<span class="kind">{escape(pair.kind)}{flag}</span>'
        rows.append(
            f'<tr id="{rid}" class="{escape(pair.kind)}{" heading" if heading else ""}">'
            f'<td class="num"><b>{old_num}</b></td>'
            f'<td class="text old">{_side(ops, "old") if pair.old else ""}{_notes(pair, "old")}</td>'
            f'<td class="num"><b>{new_num}</b>{kind}</td>'
            f'<td class="text new">{_side(ops, "new") if pair.new else ""}{_notes(pair, "new")}</td></tr>'
        )
    summary = "".join(f'<span style="background:{KIND_COLOUR[k]}">{n} {escape(k)}</span>'
                      for k, n in alignment.summary.items())
    mast = "".join(f"<li>{escape(f)}: {escape(str(a))} → {escape(str(b))}</li>"
                   for f, a, b in masthead_changes(old_meta, new_meta))
    title = " → ".join(m.get("symbol") or n for m, n in ((old_meta, old_name), (new_meta, new_name)))
    verdict = "no differences" if alignment.identical and not mast else ""
    if alignment.typography:
        verdict += (f" ({alignment.typography} unit(s) differ only in typography"
                    f"{'' if typography else ', not shown'})")
    return f"""<!DOCTYPE html>
<html lang="{escape(new_meta.get('expression_language') or 'en')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{CSS}</style></head>
<body><header><h1>{escape(title)}</h1>
{_symbols(old_meta, new_meta)}
<div class="summary" id="summary">{summary} {verdict}</div>
{f'<ul class="masthead">{mast}</ul>' if mast else ''}
<label><input type="checkbox" id="only"> changes only</label></header>
<div class="layout"><nav id="nav">{''.join(nav) or '<em>no headings</em>'}</nav>
<main><table id="pairs"><colgroup><col style="width:6.5em"><col><col style="width:6.5em"><col></colgroup>
<thead><tr><th></th><th>{_column_head(old_meta, old_name)}</th><th></th><th>{_column_head(new_meta, new_name)}</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></main></div>
<script>{SCRIPT}</script></body></html>
"""
