"""A progress bar for one long document, shown only to a person watching a terminal."""

from __future__ import annotations

import contextlib
import sys


@contextlib.contextmanager
def reading_progress(name: str):
    """Yields a ``progress(done, total)`` callback for a reader, or None when stderr is not a
    terminal (a pipe, a log, a test): then nothing is drawn. The bar appears on the first call
    (a reader calls only for a long document), and not at all while another bar is drawn (the
    corpus job's)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.errors import LiveError
    from rich.progress import Progress

    state: dict = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in state:
            bar = Progress(console=Console(stderr=True), transient=True)
            try:
                bar.start()
            except LiveError:          # another live display (the corpus bar) is on screen
                state["bar"] = None
                return
            state["bar"], state["task"] = bar, bar.add_task(f"reading {name}", total=total)
        if state["bar"] is not None:
            state["bar"].update(state["task"], completed=done)

    try:
        yield progress
    finally:
        if state.get("bar") is not None:
            state["bar"].stop()
