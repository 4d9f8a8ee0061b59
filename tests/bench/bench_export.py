"""Benchmark (not a test): DOCX export and import of a 100-page document; pandoc alongside.

Run: .venv/bin/python -m tests.bench.bench_export   (writes build/bench/export.md)

The document is the corpus seeds' AKN, their bodies concatenated and repeated until the text is
~500 K characters (about 100 printed pages: LibreOffice's page count of the exported DOCX is reported).
Measured in-process, best of 5: AKN -> DOCX (our writer), DOCX -> AKN (our reader), AKN -> HTML.
Peer, same run: pandoc converting the equivalent Markdown (our Markdown writer's output) to DOCX
(a process of its own, so its start-up is included: also reported on a 1-paragraph input).
Targets (issue 4): export < 1 s, ingest < 1 s.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_CHARS = 500_000   # ~100 pages in the UN layout (the issue guessed ~250 KB)


def big_document():
    from drafting.model.akn import first, text_content, xp
    from drafting.readers import read_document

    roots = [read_document(p).root for p in sorted((ROOT / "corpus").glob("*.xml"))]
    base = copy.deepcopy(roots[1])                       # a report with masthead and chapters
    main = first(base, "//a:mainBody")
    sources = [first(r, "//a:mainBody") for r in roots]
    size, rounds = len(text_content(main, skip_notes=False)), 0
    while size < TARGET_CHARS:
        rounds += 1
        for body in sources:
            for child in body:
                clone = copy.deepcopy(child)
                for el in clone.iter():                  # keep eIds unique, as a real document has
                    if isinstance(el.tag, str) and el.get("eId"):
                        el.set("eId", f"r{rounds}_{el.get('eId')}")
                main.append(clone)
                size += len(text_content(clone, skip_notes=False))
    notes = len(xp(base, "//a:authorialNote"))
    return base, size, notes


def best_of(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def pandoc_time(md_path: Path, out: Path) -> float:
    return best_of(lambda: subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", str(md_path),
                                           "-o", str(out)], check=True,
                                          capture_output=True), 3)


def pages(docx: Path, work: Path) -> str:
    soffice = shutil.which("soffice")
    if not soffice:
        return "n/a"
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   capture_output=True, timeout=600)
    info = subprocess.run(["pdfinfo", str(work / (docx.stem + ".pdf"))], capture_output=True, text=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "n/a"


def main() -> str:
    from drafting.readers import docx as docx_reader
    from drafting.writers import docx as docx_writer
    from drafting.writers import html as html_writer
    from drafting.writers import markdown as md_writer

    root, chars, notes = big_document()
    docx_writer.write(root)                              # warm-up: reference loaded once
    data = docx_writer.write(root)
    export_s = best_of(lambda: docx_writer.write(root))
    ingest_s = best_of(lambda: docx_reader.read(data, "bench.docx"))
    html_s = best_of(lambda: html_writer.write(root))
    md = md_writer.write(root)
    from drafting.model.units import all_notes, body_units
    back = docx_reader.read(data, "bench.docx").root    # the timed work is the whole work
    assert len(body_units(back)) == len(body_units(root)) and len(all_notes(back)) == notes

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bench.docx").write_bytes(data)
        (work / "bench.md").write_bytes(md)
        (work / "tiny.md").write_text("One paragraph.\n", encoding="utf-8")
        pandoc_s = pandoc_time(work / "bench.md", work / "pandoc.docx")
        pandoc_start = pandoc_time(work / "tiny.md", work / "tiny.docx")
        page_count = pages(work / "bench.docx", work)
        pandoc_bytes = (work / "pandoc.docx").stat().st_size

    def verdict(seconds: float) -> str:
        return "ok" if seconds < 1 else "MISSED"

    table = "\n".join([
        "# Export / import benchmark (DOCX)",
        "",
        f"Document: the corpus seeds' AKN repeated, {chars / 1000:.0f} K characters of text, "
        f"{notes} footnotes, {page_count} pages as LibreOffice prints our DOCX "
        f"({len(data) / 1000:.0f} KB; pandoc's DOCX of the same Markdown: {pandoc_bytes / 1000:.0f} KB). "
        "In-process times are the best of 5 runs.",
        "",
        "| step | time | target | vs pandoc md -> docx |",
        "|---|---|---|---|",
        f"| export AKN -> DOCX (drafting) | {export_s:.3f} s | < 1 s: {verdict(export_s)} | {pandoc_s / export_s:.1f}x faster |",
        f"| ingest DOCX -> AKN (drafting) | {ingest_s:.3f} s | < 1 s: {verdict(ingest_s)} | |",
        f"| export AKN -> HTML (drafting) | {html_s:.3f} s | | |",
        f"| pandoc Markdown -> DOCX (same text, own process) | {pandoc_s:.3f} s | | 1.0x |",
        f"| pandoc start-up alone (1-paragraph input) | {pandoc_start:.3f} s | | |",
        "",
    ])
    out = ROOT / "build" / "bench" / "export.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    print(main())
