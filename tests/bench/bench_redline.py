"""Benchmark (not a test): the tracked-changes DOCX of every real pair, as Word files made by
other tools, against python-redlines (Docxodus engine), as whole commands and in-process.

Run: ``.venv/bin/python -m tests.bench.bench_redline [--runs N] [FILTER ...]``  (writes
build/bench/redline.md; FILTER keeps the pairs whose name holds one of the words, e.g. ``P03``).
Peer: ``pip install "python-redlines[docxodus]"`` (in the ``bench`` extra); pandoc from Debian.

The pairs: every real pair of corpus/real, each folder's documents in the order they were
issued (drafts L.n of a session by number, then its resolution; sessions in order), each one
against the next: pairs/*/ draft -> revised draft -> adopted text, sessions/*/ year after year.
Each document becomes a Word file two ways, as a user who got the text elsewhere would make it:

- ``text``: pandoc of the extracted text (``.pdftotext.txt``), one paragraph per printed line,
  numbered lines as Word auto-numbered lists (tests/docx_made_elsewhere.py);
- ``md``: pandoc of this toolkit's Markdown export of the same text
  (``drafting export X.pdftotext.txt -f md``, then ``pandoc -f markdown``): one paragraph per
  paragraph, footnotes as Word footnotes, numbered paragraphs as auto-numbered lists.

Per pair and kind, in one run and interleaved (so that the machine's load weighs on both alike):
``drafting diff OLD.docx NEW.docx --format docx -o OUT`` and a Python process running the
Docxodus engine on the same two files and writing its DOCX, as whole commands (median wall time
and median processor time of the process and its children, of ``--runs``; the ``drafting``
command of a wheel of the working tree installed as a user installs it, and the peer's process
started by the same interpreter: tests/bench/installed.py); and in-process: the
command's own steps (read both DOCX, align, write the redline; median of ``--runs``) against
the engine's ``run_redline`` call. Every redline of ours is checked: Accept All gives NEW and
Reject All gives OLD (every unit's kind, number, text and footnotes, as the DOCX reader reads
NEW.docx and OLD.docx); the peer's is checked for Accept All the same way.
"""

from __future__ import annotations

import atexit
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from docx_made_elsewhere import pandoc_of_text
from tests.bench.installed import installed

REAL = ROOT / "corpus" / "real"
DRAFTING = [sys.executable, "-m", "drafting"]
# Whole-process timings use compiled bytecode, as an installed package has (pip compiles it);
# the cache goes to a temporary folder, never into the source tree.
PYCACHE = tempfile.mkdtemp(prefix="drafting-bench-pycache-")
atexit.register(shutil.rmtree, PYCACHE, True)
ENV = {**os.environ, "PYTHONPYCACHEPREFIX": PYCACHE}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
PEER_SCRIPT = ("import sys; from python_redlines.engines import DocxodusEngine; "
               "o = DocxodusEngine().run_redline('bench', open(sys.argv[1], 'rb').read(), "
               "open(sys.argv[2], 'rb').read())[0]; open(sys.argv[3], 'wb').write(o)")
KINDS = ("text", "md")

# A/C.2/80/L.21, A/80/L.15 (drafts: session, number) and A/RES/80/150 (session, number)
DRAFT = re.compile(r"A_(?:C\.\d_)?(\d+)_L\.(\d+)")
RESOLUTION = re.compile(r"A_RES_(\d+)_(\d+)")


def issue_order(src: Path) -> tuple[int, int, int]:
    """When a document was issued: its session, drafts before the session's resolution, the
    drafts of a session by number."""
    stem = src.name.removesuffix(".pdftotext.txt")
    if m := RESOLUTION.fullmatch(stem):
        return int(m.group(1)), 1, int(m.group(2))
    if m := DRAFT.fullmatch(stem):
        return int(m.group(1)), 0, int(m.group(2))
    raise ValueError(f"not a draft or a resolution: {stem}")


def real_pairs() -> list[tuple[str, Path, Path]]:
    """(name, OLD text, NEW text): each document of a folder against the next one issued."""
    out = []
    for folder in sorted([*REAL.glob("pairs/*/"), *REAL.glob("sessions/*/")]):
        docs = sorted(folder.glob("*.pdftotext.txt"), key=issue_order)
        for old, new in pairwise(docs):
            out.append((f"{folder.name.split('_')[0]} {_short(old)} -> {_short(new)}", old, new))
    return out


def _short(src: Path) -> str:
    return src.name.removesuffix(".pdftotext.txt").removeprefix("A_")


def word_files(sources: list[Path], folder: Path) -> dict[tuple[str, Path], Path]:
    """(kind, source) -> the Word file made from it (see KINDS), in a folder per source folder
    (a resolution may stand in two: a pair's adopted text and a session's step)."""
    out = {}
    by_folder: dict[Path, list[Path]] = {}
    for src in sources:
        by_folder.setdefault(src.parent, []).append(src)
    for parent, srcs in by_folder.items():
        where = folder / parent.name
        md_dir = where / "md"
        subprocess.run(DRAFTING + ["export", "-f", "md", "--out-dir", str(md_dir), *map(str, srcs)],
                       check=True, capture_output=True, env=ENV)
        for src in srcs:
            stem = src.name.removesuffix(".pdftotext.txt")
            text_docx = where / f"{stem}.text.docx"
            pandoc_of_text(src.read_bytes(), text_docx)
            md = next(md_dir.glob(f"{stem}.*md"))
            md_docx = where / f"{stem}.md.docx"
            subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", str(md_docx), str(md)],
                           check=True, capture_output=True, timeout=120)
            out[("text", src)], out[("md", src)] = text_docx, md_docx
    return out


def timed_process(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, processor seconds of the process and its children, exit code). The
    processor time is getrusage's (microseconds), not os.times' (clock ticks of 10 ms, a tenth
    of a command)."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    proc = subprocess.run(args, capture_output=True, env=ENV, check=False)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def timed_call(fn) -> tuple[float, float, object]:
    """(wall seconds, processor seconds of this process and of the children it waited for, result)."""
    before, start = os.times(), time.perf_counter()
    result = fn()
    wall, after = time.perf_counter() - start, os.times()
    cpu = sum(after[:4]) - sum(before[:4])      # user, system, children's user and system
    return wall, cpu, result


def signature(data: bytes, name: str) -> list:
    from drafting.compare.items import items_of
    from drafting.readers.docx import read as read_docx

    return [(i.kind, i.num, i.text, tuple((n.marker, n.text) for n in i.notes))
            for i in items_of(read_docx(data, name).root)]


def resolves(redline: bytes, old: bytes, new: bytes, reject: bool = True) -> str:
    """"yes" when Accept All gives NEW (and Reject All OLD), else what does not."""
    from drafting.compare.revisions import resolve_docx

    wrong = []
    if signature(resolve_docx(redline, accept=True), "accepted.docx") != signature(new, "new.docx"):
        wrong.append("accept")
    if reject and signature(resolve_docx(redline, accept=False), "rejected.docx") != signature(old, "old.docx"):
        wrong.append("reject")
    return "no (" + ", ".join(wrong) + ")" if wrong else "yes"


def ours_in_process(old: Path, new: Path) -> bytes:
    """What ``drafting diff OLD NEW -f docx`` does once its modules are loaded."""
    from drafting.commands.compare import compare_options, load, render_diff
    from drafting.compare.align import align_items

    a, b = load(str(old)), load(str(new))
    alignment = align_items(a.items, b.items, compare_options([a, b], frozenset()))
    return render_diff(alignment, a, b, "docx")


def med(runs: list[tuple], k: int) -> float:
    return statistics.median(run[k] for run in runs)


def ratios(rows: list[dict], key: str) -> str:
    values = [r[key] for r in rows if r.get(key)]
    if not values:
        return "-"
    return f"{min(values):.1f}x / {statistics.median(values):.1f}x"


def main(argv: list[str]) -> int:
    runs = 3
    if "--runs" in argv:
        at = argv.index("--runs")
        runs = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    pairs = [p for p in real_pairs() if not argv or any(word in p[0] for word in argv)]
    try:
        from python_redlines.engines import DocxodusEngine

        engine = DocxodusEngine()
    except ImportError as exc:
        print(f"python-redlines is not installed ({exc}): pip install -e '.[bench]'", file=sys.stderr)
        return 1
    load_start = os.getloadavg()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, installed() as bin_dir:
        tmp = Path(tmp)
        command, python = [str(bin_dir / "drafting")], str(bin_dir / "python")
        sources = sorted({p for _, old, new in pairs for p in (old, new)})
        docx = word_files(sources, tmp / "in")
        out, peer_out = tmp / "ours.docx", tmp / "peer.docx"
        first_old, first_new = docx[("md", pairs[0][1])], docx[("md", pairs[0][2])]
        timed_process(command + ["diff", str(first_old), str(first_new), "-f", "docx", "-o", str(out)])  # bytecode
        timed_process([python, "-c", PEER_SCRIPT, str(first_old), str(first_new), str(peer_out)])
        ours_in_process(first_old, first_new)
        for name, old_src, new_src in pairs:
            for kind in KINDS:
                old, new = docx[(kind, old_src)], docx[(kind, new_src)]
                ours_cmd = command + ["diff", str(old), str(new), "-f", "docx", "-o", str(out)]
                peer_cmd = [python, "-c", PEER_SCRIPT, str(old), str(new), str(peer_out)]
                ours, peer, ours_ip, peer_ip = [], [], [], []
                for _ in range(runs):             # interleaved: the load weighs on both alike
                    ours.append(timed_process(ours_cmd))
                    peer.append(timed_process(peer_cmd))
                    ours_ip.append(timed_call(lambda a=old, b=new: ours_in_process(a, b)))
                    peer_ip.append(timed_call(lambda a=old, b=new: engine.run_redline("bench", a.read_bytes(), b.read_bytes())))
                if ours[-1][2] not in (0, 1) or peer[-1][2] != 0:
                    raise SystemExit(f"{name} ({kind}): a command failed (exit {ours[-1][2]}, {peer[-1][2]})")
                old_b, new_b = old.read_bytes(), new.read_bytes()
                row = {
                    "pair": name, "kind": kind, "kb": (len(old_b) + len(new_b)) / 2000,
                    "ours_wall": med(ours, 0), "peer_wall": med(peer, 0),
                    "ours_cpu": med(ours, 1), "peer_cpu": med(peer, 1),
                    "ours_ip": med(ours_ip, 0), "peer_ip": med(peer_ip, 0),
                    "ours_ok": resolves(ours_ip[-1][2], old_b, new_b),
                    "peer_ok": resolves(peer_ip[-1][2][0], old_b, new_b, reject=False),
                }
                row["wall_x"] = row["peer_wall"] / row["ours_wall"]
                row["cpu_x"] = row["peer_cpu"] / row["ours_cpu"]
                row["ip_x"] = row["peer_ip"] / row["ours_ip"]
                rows.append(row)
                print(f"{name} [{kind}] wall {row['ours_wall'] * 1000:.0f} / {row['peer_wall'] * 1000:.0f} ms "
                      f"({row['wall_x']:.1f}x), cpu {row['cpu_x']:.1f}x, in-process {row['ip_x']:.1f}x, "
                      f"accept/reject {row['ours_ok']}", file=sys.stderr, flush=True)
    load_end = os.getloadavg()
    lines = [
        "# Redline benchmark: every real pair as Word files made by pandoc, against python-redlines\n",
        (f"{len(pairs)} pairs x {len(KINDS)} kinds of Word file; medians of {runs} interleaved runs; "
         f"load average {load_start[0]:.1f} at the start, {load_end[0]:.1f} at the end (2 cores).\n"),
        ("| pair | kind | KB (.docx) | drafting wall (ms) | python-redlines wall (ms) | wall ratio | "
         "drafting CPU (ms) | python-redlines CPU (ms) | CPU ratio | in-process drafting / peer (ms) | "
         "in-process ratio | Accept All = NEW, Reject All = OLD (drafting) | Accept All = NEW (peer) |"),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['pair']} | {r['kind']} | {r['kb']:.0f} | {r['ours_wall'] * 1000:.0f} | "
                     f"{r['peer_wall'] * 1000:.0f} | {r['wall_x']:.1f}x | {r['ours_cpu'] * 1000:.0f} | "
                     f"{r['peer_cpu'] * 1000:.0f} | {r['cpu_x']:.1f}x | {r['ours_ip'] * 1000:.0f} / "
                     f"{r['peer_ip'] * 1000:.0f} | {r['ip_x']:.1f}x | {r['ours_ok']} | {r['peer_ok']} |")
    lines.append("\n| Word files | pairs | whole command, wall: min / median | whole command, CPU: min / median "
                 "| in-process, wall: min / median | drafting's redlines right |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for label, chosen in [*((k, [r for r in rows if r["kind"] == k]) for k in KINDS), ("both", rows)]:
        right = sum(r["ours_ok"] == "yes" for r in chosen)
        lines.append(f"| {label} | {len(chosen)} | {ratios(chosen, 'wall_x')} | {ratios(chosen, 'cpu_x')} | "
                     f"{ratios(chosen, 'ip_x')} | {right} of {len(chosen)} |")
    lines.append("\nRatios are python-redlines' time over drafting's (target: at least 5x as a whole command). "
                 "Whole commands run as installed from a wheel (`drafting`'s console script; the peer's "
                 "process started by the same interpreter), with compiled bytecode (warmed once); the "
                 "processor time counts each process and its children (the peer's .NET engine).")
    text = "\n".join(lines) + "\n"
    print(text)
    target = ROOT / "build" / "bench" / "redline.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
