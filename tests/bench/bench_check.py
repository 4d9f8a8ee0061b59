"""Benchmark of ``drafting check``: 1,000 real documents (corpus/real's pdftotext and
``pdftotext -layout`` texts, repeated) on two cores; the seeds as AKN too. Run:
``.venv/bin/python -m tests.bench.bench_check``. Prints a markdown table and writes it to
build/bench/check.md.

Each run is the whole command (``drafting check FOLDER --format json``) in a fresh process, so
start-up, reading (the text reader for .txt, the AKN reader for .xml), the rules and the report
are all measured. Serial (``-j 1``) and parallel (``-j 2``) runs of the same files give the gain
from the second core; in the same run, the same files with the dictionary rule left out
(``--ignore UN606``) give what the words of the six languages cost, and with no rule at all
(``--select UN000``) what reading alone costs.

``python -m tests.bench.bench_check REF`` also runs the code of the git commit REF (a ``git
archive`` of it, imported ahead of the working tree; or a folder that holds a ``drafting``
package) on the same text inputs, in the same run,
the two codes taking turns: the CPU seconds of the two, not the wall clock of a shared machine,
say which is faster.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.same_output import unpack_drafting

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 1000
DRAFTING = [sys.executable, "-m", "drafting.cli"]


def drafting(code: Path | None) -> list[str]:
    """The command line of ``drafting`` run from the package under ``code`` (None: this tree)."""
    if code is None:
        return DRAFTING
    return [sys.executable, "-c", (f"import sys; sys.path[:0] = [{str(code)!r}]; "
                                   "from drafting.cli import main; main()")]


def corpus_copies(folder: Path, suffix: str, count: int) -> int:
    if suffix == ".txt":  # the real documents as pdftotext gives them, both ways
        sources = sorted(p for p in (ROOT / "corpus" / "real").rglob("*.txt")
                         if p.name.endswith((".pdftotext.txt", ".layout.txt")))
    else:
        sources = sorted((ROOT / "corpus").glob(f"*{suffix}"))
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04}_{src.name}")
    return count


def timed(args, report: bool = True, code: Path | None = None) -> tuple[float, float, dict]:
    """Wall seconds, CPU seconds (the command and its workers) and the report's summary."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(drafting(code) + args, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"drafting {args[0]} failed: {proc.stderr}")
    return elapsed, cpu, json.loads(proc.stdout)["summary"] if report else {}


def rules_alone() -> tuple[int, float, float]:
    """(files, CPU s to read them, CPU s of every rule on them): the real texts read once in
    this process, then the rules applied, so the rules' own cost is seen apart from reading."""
    from drafting.check.document import Config
    from drafting.check.registry import enabled_rules
    from drafting.check.runner import apply_rules, warm_up
    from drafting.commands.check_files import load
    files = sorted(str(p) for p in (ROOT / "corpus" / "real").rglob("*.txt")
                   if p.name.endswith((".pdftotext.txt", ".layout.txt")))
    rules = enabled_rules()
    warm_up()
    start = time.process_time()
    docs = [load(f, Config()) for f in files]
    reading = time.process_time() - start
    start = time.process_time()
    for doc in docs:
        apply_rules(doc, rules)
    return len(files), reading, time.process_time() - start


def rules_alone_of(code: Path | None) -> tuple[int, float, float]:
    """``rules_alone`` in a fresh process, with the package under ``code`` (None: this tree)."""
    path = [str(code)] if code else []
    proc = subprocess.run([sys.executable, "-c", (f"import json, sys; sys.path[:0] = {path!r}; "
                                                  "from tests.bench.bench_check import rules_alone; "
                                                  "print(json.dumps(rules_alone()))")],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return tuple(json.loads(proc.stdout))


def main(argv: list[str]) -> None:
    ref = argv[0] if argv else None
    rows, peers, turns = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        # REF: a git commit, or a folder that holds a ``drafting`` package (a patched tree)
        old = (Path(ref) if Path(ref, "drafting").is_dir() else unpack_drafting(ref, Path(tmp) / "ref")) \
            if ref else None
        for suffix, what in ((".txt", "corpus/real .txt (text reader)"), (".xml", "seeds .xml (AKN reader)")):
            folder = Path(tmp) / suffix.strip(".")
            folder.mkdir()
            corpus_copies(folder, suffix, DOCUMENTS)
            t1, cpu1, _ = timed(["check", str(folder), "--format", "json", "-j", "1"])
            t2, cpu2, summary = timed(["check", str(folder), "--format", "json", "-j", "2"])
            rows.append((what, summary["files"], summary["findings"], t1, t2, cpu1, cpu2))
            if suffix == ".txt":
                t3, cpu3, summary = timed(["check", str(folder), "--format", "json", "-j", "2",
                                           "--ignore", "UN606"])
                peers.append((f"{what}, without UN606", summary["findings"], t3, cpu3, cpu2 / cpu3))
                t4, cpu4, summary = timed(["check", str(folder), "--format", "json", "-j", "2",
                                           "--select", "UN000"])
                peers.append((f"{what}, reading alone (no rule)", summary["findings"], t4, cpu4,
                              cpu2 / cpu4))
                for turn in range(2 if old else 0):  # the two codes in turns, 2 cores each
                    for code, name in ((old, f"at {ref}"), (None, "this tree")):
                        wall, cpu, summary = timed(["check", str(folder), "--format", "json", "-j", "2"],
                                                   code=code)
                        turns.append((f"{what}, {name}, turn {turn + 1}", summary["findings"], wall,
                                      cpu, os.getloadavg()[0]))
    texts, reading, rules = rules_alone_of(None)
    before = rules_alone_of(old) if old else None
    load = os.getloadavg()[0]
    lines = [
        f"## drafting check: {DOCUMENTS} documents ({os.cpu_count()} cores, load average "
        f"{load:.1f} at the end: other work shares the cores)",
        "",
        "| input | files | findings | 1 core (s) | 2 cores (s) | speed-up | CPU s (2 cores) | ms CPU / doc | "
        "2 idle cores (CPU / 2, s) | target < 10 s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for what, files, findings, t1, t2, cpu1, cpu2 in rows:
        idle = cpu2 / 2
        lines.append(f"| {what} | {files} | {findings} | {t1:.2f} | {t2:.2f} | {t1 / t2:.2f}x | "
                     f"{cpu2:.2f} | {1000 * cpu2 / files:.1f} | {idle:.2f} | "
                     f"{'yes' if t2 < 10 else ('yes on idle cores' if idle < 10 else 'NO')} |")
    lines += ["", "| the same files | findings | wall (s) | CPU s | check's CPU / this |",
              "|---|---|---|---|---|"]
    for what, findings, wall, cpu, ratio in peers:
        lines.append(f"| {what} | {'' if findings is None else findings} | {wall:.2f} | {cpu:.2f} | "
                     f"{ratio:.2f}x |")
    lines += ["", "| in one process, the real texts | files | reading, CPU s | every rule, CPU s | "
              "reading / rules |", "|---|---|---|---|---|",
              f"| read once, then checked | {texts} | {reading:.2f} | {rules:.2f} | {reading / rules:.2f}x |"]
    if before:
        lines.append(f"| the same, at {ref} | {before[0]} | {before[1]:.2f} | {before[2]:.2f} | "
                     f"{before[1] / before[2]:.2f}x |")
        lines += ["", (f"| this tree and {ref}, in turns, 2 cores | findings | wall (s) | CPU s | "
                       "load average after |"), "|---|---|---|---|---|"]
        lines += [f"| {what} | {findings} | {wall:.2f} | {cpu:.2f} | {load:.1f} |"
                  for what, findings, wall, cpu, load in turns]
    table = "\n".join(lines) + "\n"
    print(table)
    out = ROOT / "build" / "bench" / "check.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table)


if __name__ == "__main__":
    main(sys.argv[1:])
