"""Run one task per document over many documents: on a local process pool or on a Dask cluster.

A task is a module-level function ``task(source, *args) -> plain data``; ``source`` is a file
path (local runs: the worker reads the file itself) or ``(name, bytes)`` (cluster runs: the
workers need not see this machine's files). Results stream back one by one, so the parent holds
one result at a time, never the whole corpus. A document that cannot be read (a DraftingError, a
file that vanished) is reported as failed and the run goes on.

The progress bar (Rich, on stderr) shows only to a person watching a terminal: not when stderr
is piped, not with ``CI`` set, not with ``-q``.
"""

from __future__ import annotations

import gc
import glob
import os
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path

from drafting.errors import DraftingError, user_error
from drafting.records import record

SCHEDULER_TIMEOUT = 10.0   # seconds to wait for a Dask scheduler before giving up
PARALLEL_FROM = 4          # fewer documents than this: in process (forking costs more)
CLUSTER_WINDOW = 256       # tasks in flight on a cluster: bounds the parent's memory


@record
class Outcome:
    """What one task gave: ``value``, or ``error`` (one line) when the document failed."""

    name: str
    value: object = None
    error: str | None = None


@record
class Summary:
    """What a batch has done so far: documents done, documents that failed and why, time taken."""

    done: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def line(self, what: str = "documents") -> str:
        took = time.perf_counter() - self.started
        return f"{what}: {self.done} done, {len(self.failed)} failed in {took:.1f} s"


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) or 1


def expand_inputs(args, extensions=None) -> list[str]:
    """Files named, files matched by globs (``**`` recursive), and the documents inside folders
    (recursively, sorted, hidden folders skipped); each once, in the order given."""
    from drafting.readers import EXTENSIONS

    wanted = extensions or EXTENSIONS
    out: list[str] = []
    for arg in args:
        text = str(arg)
        matches = [text] if os.path.exists(text) or not glob.has_magic(text) else sorted(glob.glob(text, recursive=True))
        if not matches:
            raise DraftingError(f"{text}: no file matches")
        for match in matches:
            if os.path.isdir(match):
                out.extend(_folder_documents(Path(match), wanted))
            elif not glob.has_magic(text) or Path(match).suffix.lower() in wanted:
                out.append(match)
    return list(dict.fromkeys(out))


def _folder_documents(folder: Path, wanted) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(str(Path(root) / n) for n in sorted(files)
                     if not n.startswith(".") and Path(n).suffix.lower() in wanted)
    return one_per_document(found)


def one_per_document(files: list[str]) -> list[str]:
    """One file per document where a folder holds several renderings of one document (``X.docx``
    beside ``X.xml``, ``X.pdftotext.txt`` beside ``X.layout.txt``): the name up to its first dot
    names the document; the preferred rendering is the one whose format carries the most structure
    (AKN, DOCX, PDF, then text), and among texts the reading-order text before the layout one."""
    from drafting.readers import EXTENSIONS

    rank = {"akn": 0, "docx": 1, "pdf": 2, "md": 3, "text": 4}
    best: dict[tuple[str, str], tuple] = {}
    for order, path in enumerate(files):
        p = Path(path)
        stem = (str(p.parent), p.name.split(".", 1)[0])
        fmt = EXTENSIONS.get(p.suffix.lower(), "text")
        key = (rank.get(fmt, 9), ".layout." in p.name, order)
        if stem not in best or key < best[stem][0]:
            best[stem] = (key, path)
    keep = {path for _, path in best.values()}
    return [f for f in files if f in keep]


def show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


def source_name(source) -> str:
    """A source's name: its path, the name sent with its bytes, ``OLD -> NEW`` for a pair."""
    if isinstance(source, list):
        return " -> ".join(source_name(s) for s in source)
    return source[0] if isinstance(source, tuple) else str(source)


def source_bytes(source, max_bytes: int | None = None) -> tuple[str, bytes]:
    """``(name, data)`` of a source: read from disk for a path."""
    from drafting.io import MAX_INPUT_BYTES, read_bytes

    limit = max_bytes or MAX_INPUT_BYTES
    if isinstance(source, tuple):
        name, data = source
        if len(data) > limit:
            raise DraftingError(f"{name}: {len(data) / 1e6:.1f} MB is larger than the "
                                f"{limit / 1e6:.0f} MB limit for one document")
        return name, data
    return str(source), read_bytes(source, limit)


def packed(source):
    """What a cluster task receives: bytes instead of paths (pairs stay pairs)."""
    if isinstance(source, list):
        return [packed(s) for s in source]
    return source_bytes(source)


@contextmanager
def local_path(source):
    """A path to read ``source`` from: the path itself, or the bytes written to a temporary
    folder under the document's own file name (for code that reads files by name)."""
    if not isinstance(source, tuple):
        yield str(source)
        return
    name, data = source
    with tempfile.TemporaryDirectory(prefix="drafting-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        yield str(path)


def _guarded(task, source, args):
    """One document's task: an error of that document (a nesting too deep to read included) is
    its failure, reported, and the run goes on."""
    try:
        return True, task(source, *args)
    except (DraftingError, OSError) as exc:
        return False, str(exc)
    except (RecursionError, MemoryError) as exc:
        return False, f"{source_name(source)}: {user_error(exc)}"


def _guarded_chunk(task, sources, args):
    return [(source_name(s),) + _guarded(task, s, args) for s in sources]


def scheduler_address(scheduler: str | None) -> str | None:
    return scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def run(task, sources, args=(), *, jobs=None, scheduler=None, quiet=False, label="documents",
        summary: Summary | None = None):
    """An iterator of one Outcome per source, as they finish (not in input order). A cluster is
    reached here, before the first result is asked for: a scheduler that does not answer fails
    the call, before the caller has written anything."""
    summary = summary if summary is not None else Summary()
    sources = list(sources)
    address = scheduler_address(scheduler)
    if address:
        stream = _run_cluster(connect(address), task, sources, args)
    else:
        stream = _run_local(task, sources, args, jobs or default_jobs())
    return _outcomes(stream, len(sources), quiet, label, summary)


def _outcomes(stream, total, quiet, label, summary):
    progress = None
    if show_progress(quiet) and total:
        from rich.console import Console
        from rich.progress import Progress

        # stderr: standard output may be a report piped to a file while a person watches.
        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        bar = progress.add_task(label, total=total)
    try:
        for name, ok, value in stream:
            if ok:
                summary.done += 1
                yield Outcome(name, value)
            else:
                summary.failed.append((name, value))
                yield Outcome(name, None, value)
            if progress is not None:
                progress.advance(bar)
    finally:
        if progress is not None:
            progress.stop()


def forks(count: int, jobs: int | None = None, scheduler: str | None = None) -> bool:
    """Whether ``run`` forks local workers for ``count`` sources: what they all need is then
    best loaded before, once, in the parent."""
    return not scheduler_address(scheduler) and (jobs or default_jobs()) > 1 and count >= PARALLEL_FROM


def _run_local(task, sources, args, jobs):
    # What is loaded before the run (modules, the readers, the schema, word tables) lasts as long
    # as the process: frozen, the cycle collector does not walk it again at each full collection,
    # and forked workers leave the memory pages holding it shared (Python's advice before a fork
    # without exec). Forked workers inherit it all: nothing is imported twice.
    gc.freeze()
    try:
        if not forks(len(sources), jobs):
            for source in sources:
                yield (source_name(source),) + _guarded(task, source, args)
            return
        import multiprocessing

        chunks = _chunks(sources, jobs)
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_default_signals) as pool:
            for part in pool.imap_unordered(_chunk_call, [(task, c, args) for c in chunks]):
                yield from part
    finally:
        gc.unfreeze()


def _default_signals() -> None:
    """A worker dies at once on SIGTERM and SIGHUP, as the pool expects when it ends its workers.
    The command's own handler (inherited through the fork) turns them into an exception, whose
    unwinding in a worker waiting on the pool's queue could block on the queue's lock and leave
    the command waiting for it forever. Workers write no output of their own half-way: an
    atomic write leaves nothing behind when its process dies."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def _chunks(sources, jobs: int) -> list[list]:
    """The sources in chunks for the workers, the biggest documents first, in chunks that
    shrink with the work left (guided scheduling): a chunk amortises the hand-over while much
    is left, and the last ones are small documents in small chunks, so no worker is left alone
    with a long one at the end while the others wait."""
    order = sorted(sources, key=_size, reverse=True)
    chunks, i = [], 0
    while i < len(order):
        size = max(1, min(32, (len(order) - i) // (jobs * 4)))
        chunks.append(order[i:i + size])
        i += size
    return chunks


def _size(source) -> int:
    """Bytes of a source (its file's size for a path): how long its task is likely to take."""
    if isinstance(source, list):
        return sum(_size(s) for s in source)
    if isinstance(source, tuple):
        return len(source[1])
    try:
        return os.stat(source).st_size
    except OSError:
        return 0  # gone or unreadable: its task reports it, quickly


def _chunk_call(job):
    task, sources, args = job
    return _guarded_chunk(task, sources, args)


def connect(address: str, timeout: float = SCHEDULER_TIMEOUT):
    """A Dask client on ``address``; a clear error when ``drafting[dask]`` is missing or the
    scheduler does not answer within ``timeout`` seconds."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise DraftingError("--scheduler needs Dask: pip install 'drafting[dask]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise DraftingError(f"scheduler {address} did not answer within {timeout:g} s ({type(exc).__name__})") from None


def _run_cluster(client, task, sources, args):
    """Tasks on a Dask cluster, at most CLUSTER_WINDOW in flight. The workers get the bytes,
    not the path: they need not share this machine's file system."""
    from dask.distributed import as_completed

    try:
        window = as_completed(loop=client.loop)
        pending = iter(sources)
        exhausted = False
        while True:
            while not exhausted and window.count() < CLUSTER_WINDOW:
                source = next(pending, None)
                if source is None:
                    exhausted = True
                    break
                try:
                    payload = packed(source)
                except DraftingError as exc:  # vanished or unreadable here: reported, run goes on
                    yield source_name(source), False, str(exc)
                    continue
                window.add(client.submit(_guarded_named, task, payload, args, pure=False))
            if window.is_empty():
                break
            yield next(window).result()
    finally:
        client.close()


def _guarded_named(task, source, args):
    return (source_name(source),) + _guarded(task, source, args)
