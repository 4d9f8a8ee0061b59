"""Options and reporting shared by the commands that work on many documents at once
(``ingest``, ``check``, ``export``, ``diff`` of two folders, ``corpus index``).

``batch_options`` adds ``--jobs`` and ``--scheduler``; ``finish`` prints the failures and the
summary line (done, failed, time) on stderr.
"""

from __future__ import annotations

import click


def jobs_option(func):
    return click.option("-j", "--jobs", type=click.IntRange(min=1),
                        help="Worker processes (default: all cores).")(func)


def scheduler_option(func):
    return click.option("--scheduler", metavar="tcp://HOST:PORT",
                        help="Run on this Dask cluster (default: $DASK_SCHEDULER_ADDRESS if set; "
                             "needs drafting[dask]).")(func)


def batch_options(func):
    return jobs_option(scheduler_option(func))


def quiet(ctx) -> bool:
    return (ctx.find_root().obj or {}).get("verbosity", 1) == 0


def finish(ctx, summary, what: str = "documents") -> None:
    """Report every failed document (one line each) and the summary line."""
    for _, message in summary.failed:
        click.echo(f"drafting: failed: {message}", err=True)
    if not quiet(ctx):
        click.echo(summary.line(what), err=True)


def is_batch(args) -> bool:
    """Several inputs, a folder or a glob: the command runs as a batch."""
    import glob
    import os

    return len(args) > 1 or any(os.path.isdir(str(a)) or (glob.has_magic(str(a)) and not os.path.exists(str(a)))
                                for a in args)
