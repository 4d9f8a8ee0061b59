"""The command line: thin. It parses options, calls the library and maps errors to exit codes.

Exit codes: 0 ok, 1 findings or differences, 2 usage or input error (one line on stderr).
Each family of commands lives in its own module under ``drafting.commands``; this file only
assembles them.
"""

from __future__ import annotations

import importlib
import sys

import click

from drafting import __version__
from drafting.errors import DraftingError

# Modules under drafting.commands, each exposing COMMANDS: a list of click commands.
COMMAND_MODULES = ["ingest", "compare", "generate", "check", "export"]


class DraftingGroup(click.Group):
    """Turns user errors into one line and exit code 2; bugs keep their traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DraftingError as exc:
            click.echo(f"drafting: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=DraftingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafting")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print info diagnostics too.")
@click.pass_context
def cli(ctx, quiet, verbose):
    """drafting: structured drafting, comparison, generation and checking of UN documents."""
    ctx.ensure_object(dict)
    ctx.obj["verbosity"] = 0 if quiet else (2 if verbose else 1)


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"drafting.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"drafting.commands.{name}":
                continue  # that family is not built yet
            raise
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main(argv=None) -> None:
    try:
        cli.main(args=argv, prog_name="drafting", standalone_mode=True)
    except DraftingError as exc:  # raised outside a command (option callbacks)
        click.echo(f"drafting: error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
