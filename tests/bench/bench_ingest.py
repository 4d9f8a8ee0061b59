"""Benchmark (not a test): text ingestion speed and peak memory on the seed corpus repeated to 10 MB.

Run: .venv/bin/python -m tests.bench.bench_ingest   (writes build/bench/ingest.md)

Three measurements, each in a fresh process so that peak memory is the job's own:
- the corpus as ~90 separate documents read one after the other (the everyday case);
- the same documents on both cores (a process pool, as ``drafting build`` could use);
- one 10 MB document made of the seeds end to end (the worst case for a reader's passes).
Target (foundation issue): at least 2 MB/s, peak memory under 20x the input size.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_BYTES = 10 * 1024 * 1024

WORKER = r"""
import json, resource, sys, time, glob
from concurrent.futures import ProcessPoolExecutor
from drafting.readers.text import read
import drafting.locale, drafting.model.validate  # imports are not the job
[drafting.locale.terms(lang) for lang in drafting.locale.languages()]  # nor reading the locale data
seeds = [open(f, "rb").read() for f in sorted(glob.glob("corpus/*.txt"))]
target, mode = int(sys.argv[1]), sys.argv[2]
def work(data):  # results hold lxml trees, which do not cross processes: send back a count
    return len(read(data, name="doc").diagnostics)
docs, size = [], 0
while size < target:
    for s in seeds:
        docs.append(s); size += len(s)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
read(seeds[1], name="warm-up")
t = time.perf_counter()
if mode == "documents":
    for d in docs:
        read(d, name="doc")
elif mode == "parallel":
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(work, docs, chunksize=8))
else:
    read(b"\n\n".join(docs), name="one")
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"bytes": size, "docs": len(docs), "seconds": elapsed, "peak_growth": peak - base}))
"""


def measure(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKER, str(TARGET_BYTES), mode], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> str:
    rows = []
    for mode, label in (("documents", "separate documents, one core"),
                        ("parallel", "separate documents, two cores"),
                        ("one", "one 10 MB document, one core")):
        r = measure(mode)
        mbs = r["bytes"] / 1e6 / r["seconds"]
        ratio = r["peak_growth"] / r["bytes"]
        memory = f"{r['peak_growth'] / 1e6:.0f} MB ({ratio:.1f}x input)" if mode != "parallel" else "(workers)"
        verdict = "ok" if mbs >= 2 and (mode == "parallel" or ratio < 20) else "MISSED"
        rows.append(f"| {label} | {r['docs']} | {r['bytes'] / 1e6:.1f} MB | {r['seconds']:.2f} s | {mbs:.2f} MB/s | {memory} | {verdict} |")
    table = "\n".join([
        "# Ingest benchmark (text reader)",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores. "
        "Target: >= 2 MB/s, peak memory < 20x input.",
        "",
        "| run | documents | input | time | throughput | peak memory growth | target |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ])
    out = ROOT / "build" / "bench" / "ingest.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    print(main())
