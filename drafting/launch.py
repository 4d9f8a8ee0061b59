"""The ``drafting`` program's entry point: the interpreter set for a command, then the command line.

Two costs of CPython that a short command pays for nothing, cut here as mypy cuts them (its
``gc.set_threshold`` and ``hard_exit``); the library's functions never do either (a program
that imports drafting keeps its own settings and its own exit):

- the cycle collector, run every 700 allocations, walked the hundreds of thousands of objects a
  command keeps until it ends (imports, lines, the AKN tree; next to none in reference cycles)
  44 times in a redline command: it runs less often;
- tearing the interpreter down at exit (every module, tree and string freed one by one) took
  20-30 ms of a 130 ms redline command after its output was written and closed: the process
  ends once its output streams are flushed, unless something still needs the teardown (a pool
  of worker processes, a Dask client, logging handlers: then Python exits as usual).
"""

import gc
import os
import sys

# Modules whose exit handlers matter (they join child processes, close a cluster's client,
# flush log files): when one of them was imported, the process exits the usual way.
NEEDS_TEARDOWN = ("multiprocessing", "concurrent.futures", "logging", "distributed")


def main() -> None:
    if sys.implementation.name == "cpython":
        gc.set_threshold(200_000, 30, 30)
    from drafting.cli import main as command_line

    try:
        command_line()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if any(name in sys.modules for name in NEEDS_TEARDOWN):
        sys.exit(code)
    os._exit(_flushed(_status(code)))


def _status(code) -> int:
    """The exit status ``sys.exit(code)`` gives: None is 0, a number itself, any other value is
    printed to standard error and gives 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flushed(status: int) -> int:
    """Flush standard output and error as the interpreter does at exit; the status is 120, as
    the interpreter's, where output could not be written (and nothing else failed)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or stream.closed:
            continue
        try:
            stream.flush()
        except OSError:
            status = status or 120
    return status
