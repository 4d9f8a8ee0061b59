"""Benchmark (not a test): the text reader's throughput on real UN texts, against peers measured in
the same run.

Run: .venv/bin/python -m tests.bench.bench_text [REF]   (writes build/bench/text.md)

The 60 real ``pdftotext`` texts of corpus/real (2.4 MB) and the 60 ``pdftotext -layout`` texts
(3.1 MB), each read once, in process, on one core, timed in CPU seconds (the wall clock of a
shared machine measures the neighbours). Rows, each job in a fresh process:

- ``drafting`` whole reader: decoding, printed lines, the passes, the AKN tree built;
- the same, on a second reading of the texts in the same process: what a long run (a corpus)
  reads at, once the patterns of every language the texts use are compiled (the first reading
  compiles them as it meets each language);
- its printed lines alone (``text_lines``, before the passes): the floor of any structure;
- markdown-it-py (the parser the Markdown reader uses) parsing the same texts into tokens, and
  pandoc reading them as Markdown into its document model: what general text parsers cost;
- with REF (a commit, e.g. ``main``), the whole reader of that commit, for before and after.

Target (real-documents issue): the whole reader at least 5 MB/s on one core.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.same_output import unpack_drafting

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("pdftotext", "layout")

WORKER = r"""
import glob, json, sys, time
kind, job = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(f"corpus/real/**/*.{kind}.txt", recursive=True))
datas = [open(f, "rb").read() for f in files]
if job in ("drafting", "again", "lines"):
    from drafting.io import decode_text
    from drafting.readers.text import read, text_lines
    import drafting.locale
    [drafting.locale.terms(lang) for lang in drafting.locale.languages()]  # reading the locale data is not the job
    read(datas[0], name="warm-up")
    if job == "again":
        for data in datas:
            read(data, name="doc")
    t = time.process_time()
    for data in datas:
        if job in ("drafting", "again"):
            read(data, name="doc")
        else:
            text_lines(decode_text(data))
else:
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark")
    md.parse(datas[0].decode("utf-8"))
    t = time.process_time()
    for data in datas:
        md.parse(data.decode("utf-8"))
print(json.dumps({"bytes": sum(map(len, datas)), "docs": len(datas), "seconds": time.process_time() - t}))
"""


# Each job runs with compiled bytecode, as an installed package has (pip compiles it; a module
# imported inside the timed reading is then not compiled from source, nor babel loaded where its
# month names are kept): the cache goes to a temporary folder, never into the source tree, and
# a first untimed run of each job fills it.
PYCACHE = tempfile.mkdtemp(prefix="drafting-bench-pycache-")
atexit.register(shutil.rmtree, PYCACHE, True)
ENV = {**os.environ, "PYTHONPYCACHEPREFIX": PYCACHE}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def in_process(kind: str, job: str, code: Path | None = None) -> dict:
    prefix = f"import sys; sys.path[:0] = [{str(code)!r}]\n" if code else ""
    out = subprocess.run([sys.executable, "-c", prefix + WORKER, kind, job], cwd=ROOT, env=ENV,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def pandoc(kind: str) -> dict | None:
    """pandoc reading each text as Markdown into its model (CPU seconds of its processes)."""
    import resource
    import shutil

    if not shutil.which("pandoc"):
        return None
    files = sorted((ROOT / "corpus" / "real").glob(f"**/*.{kind}.txt"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for f in files:
        subprocess.run(["pandoc", "-f", "markdown", "-t", "native", "-o", "/dev/null", str(f)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"bytes": sum(f.stat().st_size for f in files), "docs": len(files), "seconds": seconds}


def main(argv: list[str]) -> str:
    ref = argv[0] if argv else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        old = unpack_drafting(ref, Path(tmp)) if ref else None
        for kind in KINDS:
            in_process(kind, "drafting")          # (fills the bytecode cache: not timed)
            if old:
                in_process(kind, "drafting", old)
            results = {"drafting": in_process(kind, "drafting"), "again": in_process(kind, "again")}
            if old:
                results["ref"] = in_process(kind, "drafting", old)
            results["lines"] = in_process(kind, "lines")
            results["markdown-it-py"] = in_process(kind, "markdown-it")
            results["pandoc"] = pandoc(kind)
            base = results["drafting"]["seconds"]
            labels = {"drafting": "drafting: the whole reader (lines, passes, AKN)",
                      "again": "drafting: the same texts read a second time in the process (every language's "
                               "patterns compiled; the reader's caches of recent lines warm)",
                      "ref": f"drafting at {ref}: the whole reader",
                      "lines": "drafting: printed lines alone (no passes, no AKN)",
                      "markdown-it-py": "markdown-it-py: the texts parsed as CommonMark tokens",
                      "pandoc": "pandoc: the texts read as Markdown (one process each)"}
            for job, r in results.items():
                if r is None:
                    rows.append(f"| {kind} | {labels[job]} | | | not installed | |")
                    continue
                rate = r["bytes"] / 1e6 / r["seconds"]
                verdict = ("ok" if rate >= 5 else "MISSED") if job == "drafting" else ""
                rows.append(f"| {kind} | {labels[job]} | {r['bytes'] / 1e6:.1f} MB | {r['seconds']:.2f} s | "
                            f"{rate:.2f} MB/s | {r['seconds'] / base:.2f}x | {verdict} |")
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    table = "\n".join([
        "# Text reader benchmark",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        f"load average {load} at the end; CPU seconds, one process and one core per row. "
        "Target: the whole reader >= 5 MB/s.",
        "",
        "| texts (corpus/real) | job | input | time | throughput | time / drafting's | target |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ])
    out = ROOT / "build" / "bench" / "text.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    print(main(sys.argv[1:]))
