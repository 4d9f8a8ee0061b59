"""The fuzzing campaign: thousands of hostile inputs through every command, with limits.

    .venv/bin/python -m tests.fuzz.campaign              # 10,000 runs, table in build/fuzz/campaign.md
    .venv/bin/python -m tests.fuzz.campaign --runs 500 --seed 7 --jobs 2 --time-limit 20

Each run is one command on one case of ``tests/fuzz/hostile.py`` in a fresh folder. Worker
processes (``--jobs``) import the toolkit once (and load check's word tables) and fork a child per
run, so a run costs the command's own work and not an interpreter start; the child gets an
address-space limit and a CPU limit (``resource.setrlimit``), the parent a wall-clock limit (the
child is killed past it). The table
counts runs, tracebacks, hangs, slow runs (by the wall clock, and by CPU time, which other work on
the machine does not lengthen), peak memory, files written on error, inputs changed,
temporary files left behind and error messages longer than one line; every failure is kept under
``build/fuzz/failures/N/`` (its files and ``command.json``) and listed by cause.
"""

from __future__ import annotations

import argparse
import collections
import gc
import hashlib
import json
import multiprocessing
import os
import random
import re
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from tests.fuzz import hostile

OUTSIDE = Path("/tmp/drafting-fuzz-outside.xml")
DIAGNOSTIC_LINE = re.compile(r"^\S.*?: (?:warning|info): ")


def snapshot(folder: Path) -> dict[str, str]:
    """What every entry of the folder is: a file's hash, a link's target, a FIFO or folder."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + dirnames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(folder))
            if p.is_symlink():
                out[rel] = "link:" + os.readlink(p)
            elif p.is_file():
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            elif p.is_dir():
                out[rel] = "dir"
            else:
                out[rel] = "special"
    return out


def _prepare(case: hostile.Case, folder: Path) -> None:
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for step in case.setup:
        if step[0] == "fifo":
            os.mkfifo(folder / step[1])
        elif step[0] == "symlink":
            os.symlink(step[2], folder / step[1])
        elif step[0] == "hardlink":
            os.link(folder / step[2], folder / step[1])
        elif step[0] == "readonly":
            (folder / step[1]).mkdir()
            os.chmod(folder / step[1], 0o555)


def _child(argv: list[str], folder: Path, out: Path, err: Path, mem_bytes: int, cpu_s: int) -> None:
    """Runs in the forked child: limits, redirections, then the command line itself."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
        os.chdir(folder)
        fd_in = os.open(os.devnull, os.O_RDONLY)
        os.dup2(fd_in, 0)
        os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        sys.stdin = open(0, closefd=False)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = open(2, "w", closefd=False)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        from drafting.cli import main

        code = 0
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # noqa: BLE001 - the campaign records whatever escapes
            import traceback

            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001
        code = 70
    os._exit(code)


def _wait(pid: int, started: float, signal_at: float | None, time_limit: float, signum=signal.SIGTERM):
    """Wait for the child: woken by its exit (a pidfd), not by polling, so a run's wall clock
    is the command's; ``signum`` at ``signal_at`` seconds, SIGKILL past the limit."""
    pidfd = os.pidfd_open(pid)
    try:
        signalled = False
        while True:
            elapsed = time.perf_counter() - started
            if signal_at is not None and not signalled and elapsed >= signal_at:
                os.kill(pid, signum)
                signalled = True
            if elapsed > time_limit:
                os.kill(pid, signal.SIGKILL)
                _, status, usage = os.wait4(pid, 0)
                return True, signalled, status, usage
            until = time_limit if signal_at is None or signalled else signal_at
            ready, _, _ = select.select([pidfd], [], [], max(0.0, until - elapsed) + 0.001)
            if ready:
                _, status, usage = os.wait4(pid, 0)
                return False, signalled, status, usage
    finally:
        os.close(pidfd)


_WORKER_ARGS: dict = {}


def _init_worker(args: dict) -> None:
    _WORKER_ARGS.update(args)
    # import what the commands need once, before forking a child per run
    import drafting.cli  # noqa: F401
    import drafting.readers.markdown  # noqa: F401
    import drafting.readers.text  # noqa: F401
    import drafting.writers.akn  # noqa: F401
    from drafting.check.runner import warm_up

    # check's word tables (about 3 s and 240 MB, whatever the input) are loaded before forking,
    # as `check` itself does for its workers: a run measures the input's own cost
    warm_up()
    # the collector of a forked child would walk (and so copy, page by page) every object loaded
    # here: frozen, the child's work is the command's own (a 0.01 s command took 0.05 s before)
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_one(job: tuple) -> dict:
    index, family, files, setup, argv = job
    a = _WORKER_ARGS
    case = hostile.Case(family, files, [argv], setup)
    base = Path(tempfile.mkdtemp(prefix="drafting-fuzz-"))
    folder, captured = base / "w", base / "captured"
    folder.mkdir()
    captured.mkdir()
    OUTSIDE.unlink(missing_ok=True)
    try:
        _prepare(case, folder)
        before = snapshot(folder)
        out, err = captured / "stdout", captured / "stderr"
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            _child(argv, folder, out, err, a["mem_bytes"], int(a["time_limit"]) + 5)
        signal_at = random.Random(index).uniform(0.01, 0.15) if any(s[0] == "signal" for s in setup) else None
        # ("signal",) sends SIGTERM, which the command catches; ("signal", "KILL") SIGKILL, which
        # nothing catches: neither may leave a temporary file
        signum = signal.SIGKILL if ("signal", "KILL") in setup else signal.SIGTERM
        hung, signalled, status, usage = _wait(pid, started, signal_at, a["time_limit"], signum)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        stderr = err.read_bytes().decode("utf-8", "replace") if err.exists() else ""
        after = snapshot(folder)
        changed = [k for k, v in before.items() if after.get(k) != v]
        new = [k for k in after if k not in before]
        temps = [k for k in new if k.endswith(".tmp")]
        record = {
            "index": index, "family": family, "argv": argv, "code": code, "seconds": round(seconds, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1) if usage else 0.0, "hung": hung,
            # CPU seconds: the run's own work, whatever else the machine was doing
            "cpu": round(usage.ru_utime + usage.ru_stime, 3) if usage else 0.0,
            "signalled": signalled,
            "traceback": "Traceback (most recent call last)" in stderr,
            "inputs_changed": changed, "temp_left": temps,
            # a batch goes on past a document it cannot read (`drafting: failed: ...`, exit 2) and
            # writes what it read: only an error of the whole command must leave nothing
            "written_on_error": [k for k in new if code not in (0, 1) and not signalled
                                 and not _batch_with_failures(stderr)],
            "outside_written": OUTSIDE.exists(),
            "stderr_tail": stderr[-3000:],
        }
        record["multi_line"] = code == 2 and not (_one_line_error(stderr) or _batch_with_failures(stderr))
        record["failed"] = _failed(record, a["slow"])
        if record["failed"]:
            keep = Path(a["failures"]) / str(index)
            keep.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                (keep / name).parent.mkdir(parents=True, exist_ok=True)
                (keep / name).write_bytes(data)
            (keep / "command.json").write_text(json.dumps(
                {k: v for k, v in record.items() if k != "stderr_tail"} | {"setup": setup}, indent=1))
            (keep / "stderr.txt").write_text(stderr)
        return record
    finally:
        for dirpath, dirnames, _ in os.walk(base):
            for d in dirnames:
                try:
                    os.chmod(Path(dirpath) / d, 0o755)
                except OSError:
                    pass
        shutil.rmtree(base, ignore_errors=True)
        OUTSIDE.unlink(missing_ok=True)


def _one_line_error(stderr: str) -> bool:
    lines = [line for line in stderr.splitlines() if line.strip() and not DIAGNOSTIC_LINE.match(line)]
    return len(lines) == 1 and lines[0].startswith("drafting: error:")


def _batch_with_failures(stderr: str) -> bool:
    """A batch (run with -q) that read some documents and not others: one line per failure."""
    lines = [line for line in stderr.splitlines() if line.strip() and not DIAGNOSTIC_LINE.match(line)]
    return bool(lines) and all(line.startswith("drafting: failed: ") for line in lines)


def _failed(r: dict, slow: float) -> bool:
    return bool(r["traceback"] or r["hung"] or r["inputs_changed"] or r["temp_left"] or r["written_on_error"]
                or r["outside_written"] or r["multi_line"] or r["peak_mb"] > 1024 or r["seconds"] > slow
                or (r["code"] not in (0, 1, 2) and not r["signalled"]))


def cause(r: dict) -> str:
    """A failure's cause: the innermost frame of the toolkit and the exception, or the symptom."""
    if r["traceback"]:
        frames = re.findall(r'File "([^"]*drafting/[^"]+)", line (\d+), in (\S+)', r["stderr_tail"])
        last = r["stderr_tail"].strip().splitlines()[-1] if r["stderr_tail"].strip() else "?"
        if last.startswith("drafting: internal error"):
            tb_lines = [line for line in r["stderr_tail"].splitlines() if line and not line.startswith((" ", "drafting:"))]
            last = tb_lines[-1] if tb_lines else last
        where = ""
        if frames:
            path, line, func = frames[-1]
            where = f"{path.split('drafting/', 1)[1]}:{line} {func}: "
        return f"traceback: {where}{last.split(':')[0][:80]}"
    if r["hung"]:
        return f"hang > limit: {r['family']}: {r['argv'][0]}"
    if r["peak_mb"] > 1024:
        return f"memory > 1 GB: {r['family']}: {r['argv'][0]}"
    if r["inputs_changed"]:
        return f"input changed: {r['family']}"
    if r["temp_left"]:
        return f"temporary file left: {r['family']}"
    if r["outside_written"]:
        return f"wrote through a symlink out of the folder: {r['family']}"
    if r["written_on_error"]:
        return f"file written on error: {r['family']}: {r['argv'][0]}"
    if r["multi_line"]:
        first = next((line for line in r["stderr_tail"].splitlines() if line.strip()), "")
        return f"multi-line error: {r['family']}: {r['argv'][0]}: {first[:60]}"
    if r["seconds"] > _WORKER_ARGS.get("slow", 5):
        return f"slow: {r['family']}: {r['argv'][0]}"
    return f"exit {r['code']}: {r['family']}: {r['argv'][0]}"


def jobs_for(runs: int, seed: int):
    rng = random.Random(seed)
    count = 0
    for case in hostile.cases(rng):
        for argv in case.commands:
            yield (count, case.family, case.files, case.setup, argv)
            count += 1
            if count >= runs:
                return


def table(records: list[dict], args, wall: float) -> str:
    n = len(records)
    tracebacks = sum(r["traceback"] for r in records)
    hung = sum(r["hung"] for r in records)
    slow = sum(r["seconds"] > args.slow and not r["hung"] for r in records)
    slow_cpu = sum(r.get("cpu", 0) > args.slow and not r["hung"] for r in records)
    peak = max((r["peak_mb"] for r in records), default=0)
    over = sum(r["peak_mb"] > 1024 for r in records)
    written = sum(bool(r["written_on_error"]) for r in records)
    changed = sum(bool(r["inputs_changed"]) for r in records)
    temps = sum(bool(r["temp_left"]) for r in records)
    outside = sum(r["outside_written"] for r in records)
    multi = sum(r["multi_line"] for r in records)
    codes = collections.Counter(r["code"] for r in records)
    families = collections.Counter(r["family"].split(":")[0] for r in records)
    commands = collections.Counter(r["argv"][0] if r["argv"] else "-" for r in records)
    lines = [
        f"# Fuzzing campaign: seed {args.seed}, {n} runs, {args.jobs} processes, "
        f"limits {args.time_limit:g} s and {args.mem_mb} MB, {wall:.0f} s wall",
        "",
        "| runs | tracebacks | hangs > limit | slow > %g s | of them CPU > %g s | peak memory | runs > 1 GB "
        "| files written on error | inputs changed | temp files left | written through a symlink "
        "| multi-line errors |" % (args.slow, args.slow),
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {n} | {tracebacks} | {hung} | {slow} | {slow_cpu} | {peak:.0f} MB | {over} | {written} | {changed} "
        f"| {temps} | {outside} | {multi} |",
        "",
        "Exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())),
        "",
        "Runs per command: " + ", ".join(f"{k} {v}" for k, v in sorted(commands.items())),
        "",
        "Runs per family: " + ", ".join(f"{k} {v}" for k, v in sorted(families.items())),
        "",
        "## Failures by cause",
        "",
    ]
    causes = collections.defaultdict(list)
    for r in records:
        if r["failed"]:
            causes[cause(r)].append(r["index"])
    if not causes:
        lines.append("None.")
    for key, indexes in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"- {len(indexes)} x {key} (e.g. build/fuzz/failures/{indexes[0]})")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=20.0, help="seconds of wall clock per run")
    parser.add_argument("--slow", type=float, default=5.0, help="a run longer than this is counted slow")
    parser.add_argument("--mem-mb", type=int, default=3072, help="address-space limit per run")
    parser.add_argument("--out", type=Path, default=Path("build/fuzz"))
    args = parser.parse_args(argv)
    failures = args.out / "failures"
    shutil.rmtree(failures, ignore_errors=True)
    failures.mkdir(parents=True, exist_ok=True)
    worker_args = {"mem_bytes": args.mem_mb * 1024 * 1024, "time_limit": args.time_limit, "slow": args.slow,
                   "failures": str(failures.resolve())}
    _WORKER_ARGS.update(worker_args)
    started = time.perf_counter()
    records = []
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(args.jobs, initializer=_init_worker, initargs=(worker_args,), maxtasksperchild=500) as pool:
        for i, record in enumerate(pool.imap_unordered(run_one, jobs_for(args.runs, args.seed), chunksize=4), 1):
            records.append(record)
            if i % 500 == 0:
                bad = sum(r["failed"] for r in records)
                print(f"{i} runs, {bad} failures, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
                # the table so far, so that a long campaign cut short still says what it found
                (args.out / "campaign.partial.md").write_text(
                    table(sorted(records, key=lambda r: r["index"]), args, time.perf_counter() - started))
    records.sort(key=lambda r: r["index"])
    report = table(records, args, time.perf_counter() - started)
    (args.out / "campaign.md").write_text(report)
    with open(args.out / "runs.jsonl", "w") as fh:
        for r in records:
            fh.write(json.dumps({k: v for k, v in r.items() if k != "stderr_tail"}) + "\n")
    print(report)
    return 0 if not any(r["failed"] for r in records) else 1


if __name__ == "__main__":
    sys.exit(main())
