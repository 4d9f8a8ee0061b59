"""Benchmark (not a test): reading real UN PDFs, against peers measured in the same run.

Run: .venv/bin/python -m tests.bench.bench_pdf   (writes build/bench/pdf.md; needs the bench extra
for pdfplumber, and poppler's pdftotext on the PATH)

Two tables, each job in a fresh process on one core, timed in CPU seconds (the wall clock of a
shared machine measures the neighbours):
- line extraction, pages per second over every PDF of corpus/real: the reader's PDFium step
  (characters with font, size and position grouped into printed lines) against pdfplumber's
  ``extract_text_lines`` (pdfminer.six underneath), which delivers the same per-line facts;
- a whole ``drafting ingest`` (PDF to AKN on disk) of 15 adopted resolutions against
  ``pdftotext`` extracting their text only. Targets (foundation issue): at least 40 pages/s, and
  ingest at most 3x the time of pdftotext.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "real"
# Whole-process timings use compiled bytecode, as an installed package has (pip compiles it):
# without it each ``drafting`` process compiles its modules from source first (a shell with
# PYTHONDONTWRITEBYTECODE set). The cache goes to a temporary folder, never into the source tree.
PYCACHE = tempfile.mkdtemp(prefix="drafting-bench-pycache-")
ENV = {**os.environ, "PYTHONPYCACHEPREFIX": PYCACHE}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)

WORKER = r"""
import glob, json, sys, time
import pypdfium2
files = sorted(glob.glob("corpus/real/**/*.pdf", recursive=True))
tool = sys.argv[1]
if tool == "whole":
    from pathlib import Path
    from drafting.readers.pdf import read
    import drafting.locale
    [drafting.locale.terms(lang) for lang in drafting.locale.languages()]  # not the job
    datas = [Path(f).read_bytes() for f in files]
    read(datas[0])                                        # imports and PDFium start-up
    pages, lines = sum(len(pypdfium2.PdfDocument(data)) for data in datas), 0
    t = time.process_time()
    for data in datas:
        read(data)
elif tool == "pypdfium2":
    from pathlib import Path
    from drafting.readers.pdf import pdf_lines
    datas = [Path(f).read_bytes() for f in files]
    pdf_lines(datas[0])                                   # imports and PDFium start-up
    t = time.process_time()
    pages = lines = 0
    for data in datas:
        out, _ = pdf_lines(data)
        pages += out[-1].page
        lines += len(out)
else:
    import pdfplumber
    t = time.process_time()
    pages = lines = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                lines += len(page.extract_text_lines())
                pages += 1
print(json.dumps({"pages": pages, "lines": lines, "seconds": time.process_time() - t}))
"""


def resolutions() -> list[Path]:
    seen: dict[str, Path] = {}
    for path in sorted(REAL.glob("*/*/A_RES_*.pdf")):
        seen.setdefault(path.name, path)          # a resolution filed twice counts once
    return list(seen.values())[:15]


def pages_of(files: list[Path]) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(f)) for f in files)


def extraction(tool: str) -> dict | None:
    out = subprocess.run([sys.executable, "-c", WORKER, tool], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:           # a peer not installed: its row says so
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(command: list[str]) -> float:
    """CPU seconds (user + system) of a command and its children: on a shared machine the wall
    clock measures the neighbours."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> str:
    rows = []
    results = {tool: extraction(tool) for tool in ("whole", "pypdfium2", "pdfplumber")}
    base = results["pypdfium2"]["pages"] / results["pypdfium2"]["seconds"]
    for tool, label in (("whole", "drafting, the whole reading (PDF to AKN tree: lines, passes, build)"),
                        ("pypdfium2", "drafting, the PDF step (pypdfium2: chars, fonts, lines, zones)"),
                        ("pdfplumber", "pdfplumber extract_text_lines (pdfminer.six)")):
        r = results[tool]
        if r is None:
            rows.append(f"| {label} | | | not installed | | |")
            continue
        rate = r["pages"] / r["seconds"]
        verdict = ("ok" if rate >= 40 else "MISSED") if tool != "pdfplumber" else ""
        rows.append(f"| {label} | {r['pages']} | {r['seconds']:.2f} s | {rate:.0f} pages/s | "
                    f"{base / rate:.1f}x | {verdict} |")
    files = resolutions()
    pages = pages_of(files)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        drafting = shutil.which("drafting", path=str(Path(sys.executable).parent)) or "drafting"
        timed([drafting, "-q", "ingest", str(files[0]), "--out-dir", str(out / "warm")])   # bytecode
        # one core (-j 1), as the target asks; and the default, a worker per core
        t_ingest = timed([drafting, "-q", "ingest", *map(str, files), "--out-dir", str(out / "akn"), "-j", "1"])
        t_pdftotext = timed(["sh", "-c", " ".join(
            f"pdftotext -enc UTF-8 '{f}' '{out / f.stem}.txt' &&" for f in files) + " true"])
        t_pool = timed([drafting, "-q", "ingest", *map(str, files), "--out-dir", str(out / "pool")])
    ratio = t_ingest / t_pdftotext
    table = "\n".join([
        "# PDF benchmark",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        "one process each, compiled bytecode (as installed). Targets: >= 40 pages/s; "
        "ingest <= 3x pdftotext.",
        "",
        "| reading corpus/real's PDFs | pages | time | speed | the PDF step is faster by | target |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"| {len(files)} resolutions, {pages} pages | time | ratio to pdftotext | target |",
        "|---|---|---|---|",
        f"| `drafting ingest -j 1` (PDF to AKN files, validated, one process) | {t_ingest:.2f} s | {ratio:.2f}x | "
        f"{'ok' if ratio <= 3 else 'MISSED'} |",
        f"| `drafting ingest` (a worker per core; CPU of all processes) | {t_pool:.2f} s | "
        f"{t_pool / t_pdftotext:.2f}x | |",
        f"| `pdftotext` (text only, one process per file) | {t_pdftotext:.2f} s | 1.0x | |",
        "",
    ])
    target = ROOT / "build" / "bench" / "pdf.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    print(main())
