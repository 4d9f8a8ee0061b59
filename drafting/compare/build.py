"""The compare step of the main job: every corpus document against an edited copy of itself.

For each document, a deterministic random edit script (seeded by the file name) makes the
"edited copy"; both go through the aligner and every report format is written to
``build/compare/``: ``NAME.edited.xml`` (the copy, to rerun ``drafting diff`` by hand),
``NAME.diff.txt``, ``NAME.diff.json``, ``NAME.diff.html``, ``NAME.redline.docx``, and a headless
Chromium screenshot of the largest HTML report, ``NAME.diff.png``.
"""

from __future__ import annotations

import random
from pathlib import Path

from drafting.compare.align import align_documents
from drafting.compare.editscript import edit_document
from drafting.compare.items import items_of
from drafting.io import write_atomic
from drafting.model.akn import tostring
from drafting.model.units import masthead
from drafting.model.validate import validate_tree


def run_build_step(docs, out_dir, report) -> None:
    from drafting.compare.html_report import html_report
    from drafting.compare.json_report import alignment_json, dumps
    from drafting.compare.text_report import text_report

    folder = Path(out_dir) / "compare"
    texts = {d.source: [i.plain for i in items_of(d.root)] for d in docs}
    pages = []
    for doc in docs:
        stem = Path(doc.source).stem
        donors = [t for src, ts in texts.items() if src != doc.source for t in ts]
        edited = edit_document(doc.root, random.Random(stem), edits=6, donors=donors)
        alignment = align_documents(doc.root, edited.root)
        old_meta, new_meta = masthead(doc.root), masthead(edited.root)
        old_name, new_name = Path(doc.source).name, f"{stem}.edited.xml"
        findings = validate_tree(edited.root)
        if findings:  # a generator bug: say so, and keep the copy out of the build
            report(f"compare {stem}: edited copy not valid AKN ({findings[0].message}); skipped")
            continue
        write_atomic(folder / f"{stem}.edited.xml", tostring(edited.root))
        write_atomic(folder / f"{stem}.diff.txt", text_report(alignment, old_meta, new_meta, old_name, new_name))
        write_atomic(folder / f"{stem}.diff.json", dumps(alignment_json(alignment, old_meta, new_meta)))
        html_path = folder / f"{stem}.diff.html"
        write_atomic(html_path, html_report(alignment, old_meta, new_meta, old_name, new_name))
        produced = ["edited.xml", "diff.txt", "diff.json", "diff.html"]
        try:
            from drafting.compare.redline_docx import redline_docx
        except ImportError:
            redline_docx = None
        if redline_docx is not None:
            write_atomic(folder / f"{stem}.redline.docx", redline_docx(alignment, doc.root, edited.root))
            produced.append("redline.docx")
        pages.append((len(alignment.pairs), stem, html_path))
        summary = ", ".join(f"{n} {k}" for k, n in alignment.summary.items() if k != "unchanged")
        report(f"compare {stem}: {summary} -> {folder}/{stem}.{{{','.join(produced)}}}")
    if pages:  # one Chromium start per build: the picture of the largest comparison
        from drafting.compare.chromium import screenshot

        _, stem, html_path = max(pages)
        png = screenshot(html_path, folder / f"{stem}.diff.png")
        report(f"compare: screenshot of {html_path.name} -> {png}")
