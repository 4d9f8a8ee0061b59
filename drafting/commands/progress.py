"""A progress bar for one long document, shown only to a person watching a terminal."""

from __future__ import annotations

import contextlib
import sys


@contextlib.contextmanager
def reading_progress(name: str):
    """Yields a ``progress(done, total)`` callback for a reader, or None when stderr is not a
    terminal (a pipe, a log, a test): then nothing is drawn."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task(f"reading {name}", total=total)
            bar.update(task, completed=done)

        yield progress
