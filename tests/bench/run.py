"""Run every benchmark (tests/bench/bench_*.py), each in its own process, and gather their tables.

Run: .venv/bin/python tests/bench/run.py   (writes build/bench/*.md and build/bench/summary.md)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(names: list[str]) -> int:
    benches = sorted((ROOT / "tests" / "bench").glob("bench_*.py"))
    if names:
        benches = [b for b in benches if b.stem.removeprefix("bench_") in names]
    failed = 0
    for bench in benches:
        started = time.perf_counter()
        print(f"== {bench.stem}", flush=True)
        proc = subprocess.run([sys.executable, "-m", f"tests.bench.{bench.stem}"], cwd=ROOT)
        failed += proc.returncode != 0
        print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    tables = sorted((ROOT / "build" / "bench").glob("*.md"))
    summary = "\n\n".join(t.read_text(encoding="utf-8") for t in tables if t.name != "summary.md")
    (ROOT / "build" / "bench" / "summary.md").write_text(summary, encoding="utf-8")
    print(f"tables: {', '.join(str(t.relative_to(ROOT)) for t in tables)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
