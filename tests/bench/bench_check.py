"""Benchmark of ``drafting check``: 1,000 documents (the corpus repeated) in under 10 s on two
cores. Run: ``.venv/bin/python -m tests.bench.bench_check``. Prints a markdown table and writes
it to build/bench/check.md.

Each run is the whole command (``drafting check FOLDER --format json``) in a fresh process, so
start-up, reading (the text reader for .txt, the AKN reader for .xml), the rules and the report
are all measured. Serial (``-j 1``) and parallel (``-j 2``) runs of the same files give the gain
from the second core.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 1000
DRAFTING = [sys.executable, "-m", "drafting.cli"]


def corpus_copies(folder: Path, suffix: str, count: int) -> int:
    sources = sorted((ROOT / "corpus").glob(f"*{suffix}"))
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04}_{src.name}")
    return count


def timed(args) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.run(DRAFTING + args, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"drafting check failed: {proc.stderr}")
    return elapsed, json.loads(proc.stdout)["summary"]


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, what in ((".txt", "corpus .txt (text reader)"), (".xml", "corpus .xml (AKN reader)")):
            folder = Path(tmp) / suffix.strip(".")
            folder.mkdir()
            corpus_copies(folder, suffix, DOCUMENTS)
            times = {}
            for jobs in (1, 2):
                best = min(timed(["check", str(folder), "--format", "json", "-j", str(jobs)])[0]
                           for _ in range(1))
                times[jobs] = best
            _, summary = timed(["check", str(folder), "--format", "json", "-j", "2"])
            rows.append((what, summary["files"], summary["findings"], times[1], times[2]))
    lines = [
        f"## drafting check: {DOCUMENTS} documents ({os.cpu_count()} cores)",
        "",
        "| input | files | findings | 1 core (s) | 2 cores (s) | speed-up | docs/s (2 cores) | target < 10 s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for what, files, findings, t1, t2 in rows:
        lines.append(f"| {what} | {files} | {findings} | {t1:.2f} | {t2:.2f} | {t1 / t2:.2f}x | "
                     f"{files / t2:.0f} | {'yes' if t2 < 10 else 'NO'} |")
    table = "\n".join(lines) + "\n"
    print(table)
    out = ROOT / "build" / "bench" / "check.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table)


if __name__ == "__main__":
    main()
