"""The compare step of the main job: the real drafts and adopted texts beside the corpus.

For every folder of ``real/pairs/`` next to the corpus (the versions of one resolution: drafts,
revised drafts, the adopted text), each version is compared with the next one, in the order of
their dates, in every report format, written to ``build/compare/``: ``OLD__NEW.diff.txt``,
``.diff.json``, ``.diff.html``, ``.redline.docx``, and a headless Chromium screenshot of the
largest HTML report, ``.diff.png``.
"""

from __future__ import annotations

from pathlib import Path

from drafting.compare.align import Options, align_items
from drafting.compare.items import items_of
from drafting.io import write_atomic
from drafting.model.units import masthead
from drafting.readers import read_document

PLAIN_FORMATS = {"text"}       # inputs that carry no formatting


def version_chains(folder: Path) -> list[list[Path]]:
    """The text of each version, per resolution folder, oldest first."""
    chains = []
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        chains.append(sorted(case.glob("*.pdftotext.txt")))
    return [c for c in chains if len(c) >= 2]


def run_build_step(docs, out_dir, report) -> None:
    from drafting.compare.html_report import html_report
    from drafting.compare.json_report import alignment_json, dumps
    from drafting.compare.redline_docx import redline_docx
    from drafting.compare.text_report import text_report

    if not docs:
        return
    pairs_dir = Path(docs[0].source).parent / "real" / "pairs"
    if not pairs_dir.is_dir():
        report(f"compare: no {pairs_dir}: nothing to compare")
        return
    folder = Path(out_dir) / "compare"
    pages = []
    for chain in version_chains(pairs_dir):
        read = [read_document(p) for p in chain]
        read.sort(key=lambda r: (masthead(r.root).get("date") or "", r.source))
        for old, new in zip(read, read[1:]):
            options = Options(formatting=not ({old.format, new.format} & PLAIN_FORMATS))
            alignment = align_items(items_of(old.root), items_of(new.root), options)
            old_meta, new_meta = masthead(old.root), masthead(new.root)
            old_name, new_name = Path(old.source).name, Path(new.source).name
            stem = f"{old_name.removesuffix('.pdftotext.txt')}__{new_name.removesuffix('.pdftotext.txt')}"
            write_atomic(folder / f"{stem}.diff.txt", text_report(alignment, old_meta, new_meta, old_name, new_name))
            write_atomic(folder / f"{stem}.diff.json", dumps(alignment_json(alignment, old_meta, new_meta)))
            html_path = folder / f"{stem}.diff.html"
            write_atomic(html_path, html_report(alignment, old_meta, new_meta, old_name, new_name))
            write_atomic(folder / f"{stem}.redline.docx", redline_docx(alignment, old.root, new.root))
            pages.append((len(alignment.pairs), stem, html_path))
            summary = ", ".join(f"{n} {k}" for k, n in alignment.summary.items() if k != "unchanged")
            report(f"compare {stem}: {summary or 'no differences'} -> {folder}/{stem}.{{diff.txt,diff.json,diff.html,redline.docx}}")
    if pages:  # one Chromium start per build: the picture of the largest comparison
        from drafting.compare.chromium import screenshot

        _, stem, html_path = max(pages)
        png = screenshot(html_path, folder / f"{stem}.diff.png")
        report(f"compare: screenshot of {html_path.name} -> {png}")
