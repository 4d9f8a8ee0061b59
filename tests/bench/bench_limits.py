"""Benchmark (not a test): big structures read in linear time and bounded memory, and refused
beyond the limits.

Run: .venv/bin/python -m tests.bench.bench_limits [--quick]   (writes build/bench/limits.md)

Each shape (paragraphs, points, footnotes; text and Markdown) is read by ``drafting ingest`` at
a quarter of the document limits (``drafting.io.MAX_PARAGRAPHS``, ``MAX_POINTS``, ``MAX_NOTES``)
and at the limit itself, each in a fresh process: CPU seconds (so that other work on the machine
skews the figures less than the wall clock would) and peak memory. Linear work takes four times
as long at four times the size: the ratio column says how close each shape comes. The last rows
are one million paragraph numbers and one unit past each limit: refused in one line, in the time
and memory they take. ``--quick`` measures at a tenth of the sizes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from drafting.io import MAX_NOTES, MAX_PARAGRAPHS, MAX_POINTS

ROOT = Path(__file__).resolve().parents[2]

WORKER = r"""
import json, resource, sys, time
from drafting.cli import main
import drafting.readers.markdown, drafting.readers.text, drafting.model.validate  # imports are not the job
path, out = sys.argv[1], sys.argv[2]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.process_time()
try:
    main(["ingest", path, "-o", out, "--max-mb", "200", "-q"])
    code = 0
except SystemExit as exc:
    code = exc.code
print(json.dumps({"cpu": time.process_time() - t, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024, "code": code}))
"""


def make(shape: str, n: int) -> tuple[str, str]:
    if shape == "text paragraphs":
        return ".txt", "".join(f"{i}. Text of paragraph {i}.\n\n" for i in range(1, n + 1))
    if shape == "Markdown paragraphs":
        return ".md", "".join(f"{i}. Text of paragraph {i}.\n\n" for i in range(1, n + 1))
    if shape == "text points":
        return ".txt", "1. Decides:\n\n" + "".join(f"(a) point {i};\n\n" for i in range(n))
    if shape == "Markdown points":
        return ".md", "1. Decides:\n\n" + "".join(f"(a) point {i};\n" for i in range(n))
    if shape == "Markdown footnotes":
        return ".md", ("1. Text" + "".join(f"[^{i}]" for i in range(1, n + 1)) + "\n\n"
                       + "".join(f"[^{i}]: Note {i}.\n" for i in range(1, n + 1)))
    if shape == "paragraph numbers":
        return ".txt", "".join(f"{i}.\n" for i in range(1, n + 1))
    raise ValueError(shape)


def measure(shape: str, n: int, folder: Path) -> dict:
    suffix, text = make(shape, n)
    src = folder / f"in{suffix}"
    src.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", WORKER, str(src), str(folder / "out.xml")], cwd=ROOT,
                          capture_output=True, text=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["bytes"] = len(text.encode("utf-8"))
    result["error"] = next((line for line in proc.stderr.splitlines() if "error:" in line), "")
    return result


def main(argv: list[str]) -> str:
    scale = 10 if "--quick" in argv else 1
    shapes = [("text paragraphs", MAX_PARAGRAPHS), ("Markdown paragraphs", MAX_PARAGRAPHS),
              ("text points", MAX_POINTS), ("Markdown points", MAX_POINTS), ("Markdown footnotes", MAX_NOTES)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for shape, limit in shapes:
            n = limit // scale
            small, big = measure(shape, n // 4, folder), measure(shape, n, folder)
            ratio = big["cpu"] / small["cpu"] if small["cpu"] else float("nan")
            rows.append(f"| {shape} | {n // 4:,} / {n:,} | {big['bytes'] / 1e6:.1f} MB | {small['cpu']:.1f} s / "
                        f"{big['cpu']:.1f} s | {ratio:.1f} | {big['peak_mb']:.0f} MB | exit {big['code']} |")
        refused = [("paragraph numbers", 1_000_000 // scale), ("text paragraphs", MAX_PARAGRAPHS + 1),
                   ("Markdown points", MAX_POINTS + 1), ("Markdown footnotes", MAX_NOTES + 1)]
        for shape, n in refused:
            r = measure(shape, n, folder)
            rows.append(f"| {shape}, refused | {n:,} | {r['bytes'] / 1e6:.1f} MB | {r['cpu']:.1f} s | | "
                        f"{r['peak_mb']:.0f} MB | exit {r['code']}: {r['error'][:90]} |")
    table = "\n".join([
        "# Big structures and the document limits",
        "",
        f"Limits: {MAX_PARAGRAPHS:,} paragraphs, {MAX_POINTS:,} points, {MAX_NOTES:,} footnotes"
        + (" (quick: a tenth of the sizes)" if scale > 1 else "") + ". CPU seconds of `drafting ingest` "
        "in a fresh process; linear work gives a ratio near 4.",
        "",
        "| shape | units (quarter / full) | input | CPU time | ratio | peak memory | outcome |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ])
    out = ROOT / "build" / "bench" / "limits.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    print(main(sys.argv[1:]))
