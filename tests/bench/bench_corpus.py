"""Benchmark (not a test): the corpus and the batch commands on 10,000 documents.

Run: .venv/bin/python -m tests.bench.bench_corpus [DOCS] [--index-only]   (default 10000;
writes build/bench/corpus.md; --index-only times the index of DOCS documents alone). The corpus is the real one (corpus/real, one rendering per document)
(its resolutions and drafts)
multiplied with variations: each copy has its own symbol (``/Add.N`` appended) and three
paragraphs reworded (two words swapped), so the index holds both repeated agreed language and
near-duplicates, as a secretariat's archive does.

Measured, each command in a fresh process (so that peak memory is that command's own):
- ingest and check on 1 and on 2 workers: target 2 workers >= 1.8x faster than 1;
- the parent's peak memory of ingest on a quarter of the documents and on all: target flat;
- corpus index of all documents: target < 120 s;
- trace of a 60 KB draft against that index: target < 1 s;  corpus search: target < 50 ms;
- MinHash signatures of the real paragraphs: the numpy version here against datasketch.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench" / "corpus-work"

COMMAND = r"""
import json, resource, sys, time
from drafting.cli import main
t = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - t, "code": code,
                  "parent_cpu": me.ru_utime + me.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime,
                  "parent_peak": me.ru_maxrss * 1024}))
"""


def sources() -> list[Path]:
    # The resolutions and drafts as text (the parallel sentence lists and the long reports are
    # not what a secretariat's archive of negotiated texts is made of).
    real = ROOT / "corpus" / "real"
    return sorted(real.glob("sessions/*/*.pdftotext.txt")) + sorted(real.glob("pairs/*/*.pdftotext.txt"))


def make_corpus(count: int, folder: Path) -> None:
    from drafting.corpus.extract import document_record

    if folder.exists() and len(list(folder.rglob("*.txt"))) == count:
        return
    shutil.rmtree(folder, ignore_errors=True)
    originals = [(p, p.read_text(encoding="utf-8"), document_record(str(p))["symbol"]) for p in sources()]
    for i in range(count):
        path, text, symbol = originals[i % len(originals)]
        copy = i // len(originals)
        if copy:
            rng = random.Random(i)
            if symbol:
                text = text.replace(symbol, f"{symbol}/Add.{copy}")
            lines = text.split("\n")
            long_lines = [k for k, line in enumerate(lines) if len(line.split()) >= 8]
            for k in rng.sample(long_lines, min(3, len(long_lines))):
                words = lines[k].split(" ")
                j = rng.randrange(1, len(words) - 2)
                words[j], words[j + 1] = words[j + 1], words[j]
                lines[k] = " ".join(words)
            text = "\n".join(lines)
        target = folder / f"{i // 1000:03d}" / f"{i:05d}_{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def drafting(*args) -> dict:
    out = subprocess.run([sys.executable, "-c", COMMAND, *map(str, args)], cwd=ROOT,
                         capture_output=True, text=True, env={"CI": "1", "PATH": "/usr/bin:/bin"})
    if not out.stdout.strip():
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def cpu(run: dict) -> str:
    """CPU time of the parent and of the workers: on a machine shared with other work the wall
    time says little, the CPU time what the job itself costs."""
    return f"CPU: parent {run['parent_cpu']:.1f} s, workers {run['workers_cpu']:.1f} s"


def in_process_latencies(db: Path) -> dict:
    from drafting.corpus.extract import document_record
    from drafting.corpus.index import connect
    from drafting.corpus.search import search
    from drafting.corpus.trace import trace_record

    draft = max(sources(), key=lambda p: p.stat().st_size if p.stat().st_size <= 70_000 else 0)
    conn = connect(db)
    trace_runs = []
    for _ in range(3):
        t = time.perf_counter()
        record = document_record(str(draft))
        traced = trace_record(conn, record, None)
        trace_runs.append(time.perf_counter() - t)
    rng = random.Random(7)
    words = [w for p in record["paragraphs"] for w in p["norm"].split() if len(w) > 5]
    queries = [" ".join(rng.sample(words, 2)) for _ in range(20)] + [record["paragraphs"][5]["text"]]
    search_runs = []
    for q in queries:
        t = time.perf_counter()
        search(conn, q)
        search_runs.append(time.perf_counter() - t)
    conn.close()
    return {"draft": draft.name, "draft_kb": draft.stat().st_size / 1000, "paragraphs": len(traced),
            "trace": sorted(trace_runs)[1], "search_median": sorted(search_runs)[len(search_runs) // 2],
            "search_max": max(search_runs)}


def minhash_peers() -> dict:
    from drafting.corpus.extract import document_record
    from drafting.corpus.signatures import NUM_PERM, shingles, signature

    norms = [p["norm"] for s in sources()[:30] for p in document_record(str(s))["paragraphs"]]
    t = time.perf_counter()
    for n in norms:
        signature(n)
    ours = time.perf_counter() - t
    try:
        from datasketch import MinHash
    except ImportError:
        return {"paragraphs": len(norms), "ours": ours, "datasketch": None}
    t = time.perf_counter()
    for n in norms:
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode("utf-8") for s in set(shingles(n))])
    return {"paragraphs": len(norms), "ours": ours, "datasketch": time.perf_counter() - t}


def index_only(count: int) -> str:
    """Only the index of ``count`` documents (the 10,000-document figure without the serial runs
    of ingest and check on as many)."""
    docs = WORK / f"docs-{count}"
    make_corpus(count, docs)
    db = WORK / f"corpus-{count}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    index = drafting("-q", "corpus", "index", docs, "--db", db, "-j", 2)
    return (f"| corpus index, {count} documents, 2 workers | {index['seconds']:.1f} s "
            f"({db.stat().st_size / 1e6:.0f} MB; {cpu(index)}) | | < 120 s | "
            f"{'ok' if index['seconds'] < 120 else 'MISSED'} |")


def main(count: int) -> str:
    docs = WORK / f"docs-{count}"
    make_corpus(count, docs)
    quarter = WORK / f"docs-{count // 4}"
    make_corpus(count // 4, quarter)
    rows = []
    timings = {}
    for command in ("ingest", "check"):
        for jobs in (1, 2):
            out = WORK / f"out-{command}-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            args = ["-q", "ingest", docs, "--out-dir", out] if command == "ingest" else \
                ["-q", "check", docs, "--format", "json", "--report", out / "report.json"]
            timings[command, jobs] = drafting(*args, "-j", jobs)
        speedup = timings[command, 1]["seconds"] / timings[command, 2]["seconds"]
        rows.append(f"| {command}, {count} documents | 1 worker {timings[command, 1]['seconds']:.1f} s, "
                    f"2 workers {timings[command, 2]['seconds']:.1f} s ({cpu(timings[command, 2])}) | "
                    f"{speedup:.2f}x | >= 1.8x | {'ok' if speedup >= 1.8 else 'MISSED'} |")
    small = drafting("-q", "ingest", quarter, "--out-dir", WORK / "out-quarter", "-j", 2)
    growth = timings["ingest", 2]["parent_peak"] / small["parent_peak"]
    rows.append(f"| ingest parent peak memory, {count // 4} -> {count} documents | "
                f"{small['parent_peak'] / 1e6:.0f} MB -> {timings['ingest', 2]['parent_peak'] / 1e6:.0f} MB | "
                f"{growth:.2f}x | flat (< 1.3x) | {'ok' if growth < 1.3 else 'MISSED'} |")
    db = WORK / f"corpus-{count}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    index = drafting("-q", "corpus", "index", docs, "--db", db, "-j", 2)
    rows.append(f"| corpus index, {count} documents, 2 workers | {index['seconds']:.1f} s "
                f"({db.stat().st_size / 1e6:.0f} MB; {cpu(index)}) | | < 120 s | "
                f"{'ok' if index['seconds'] < 120 else 'MISSED'} |")
    again = drafting("-q", "corpus", "index", docs, "--db", db, "-j", 2)
    rows.append(f"| corpus index again, nothing changed | {again['seconds']:.1f} s | "
                f"{index['seconds'] / again['seconds']:.0f}x faster | | |")
    lat = in_process_latencies(db)
    rows.append(f"| trace {lat['draft']} ({lat['draft_kb']:.0f} KB, {lat['paragraphs']} paragraphs) | "
                f"{lat['trace'] * 1000:.0f} ms | | < 1 s | {'ok' if lat['trace'] < 1 else 'MISSED'} |")
    rows.append(f"| corpus search (21 queries) | median {lat['search_median'] * 1000:.1f} ms, "
                f"max {lat['search_max'] * 1000:.1f} ms | | < 50 ms | {'ok' if lat['search_max'] < 0.05 else 'MISSED'} |")
    mh = minhash_peers()
    if mh["datasketch"]:
        rows.append(f"| MinHash of {mh['paragraphs']} real paragraphs | numpy {mh['ours'] * 1000:.0f} ms, "
                    f"datasketch {mh['datasketch'] * 1000:.0f} ms | {mh['datasketch'] / mh['ours']:.1f}x | | |")
    table = "\n".join([
        "# Corpus and batch benchmark",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; "
        f"{count} documents (the real corpus multiplied with variations).",
        "",
        "| measure | result | ratio | target | |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ])
    out = ROOT / "build" / "bench" / "corpus.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    return table


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 10_000
    print(index_only(count) if "--index-only" in sys.argv else main(count))
