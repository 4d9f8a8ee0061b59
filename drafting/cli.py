"""The command line: thin. It parses options, calls the library and maps errors to exit codes.

Exit codes: 0 ok, 1 findings or differences, 2 usage or input error (one line on stderr),
70 an internal error (a bug: its traceback, then one line saying so and where to report it),
128+N killed by signal N (after removing any temporary file), 130 interrupted.
Each family of commands lives in its own module under ``drafting.commands``; this file only
assembles them.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from drafting import __version__
from drafting.errors import ISSUES_URL, DraftingError, InvalidDocument, one_line, user_error

EXIT_USER = 2
EXIT_INTERNAL = 70  # sysexits EX_SOFTWARE
# Commands whose exit code 1 already means "differences": an invalid input is 2 there.
ONE_MEANS_DIFFERENT = {"diff", "history", "align", "new"}


def echo_error(message: str) -> None:
    click.echo(f"drafting: error: {one_line(message)}", err=True)

# Each command -> the module under drafting.commands that defines it (in its list COMMANDS). A
# module is imported when one of its commands is named (or help lists them all), so that a
# command pays only for its own family, as git's and pip's commands do.
COMMAND_MODULES = {
    "ingest": "ingest", "validate": "ingest", "show": "ingest", "build": "ingest",
    "diff": "compare", "history": "compare", "align": "compare",
    "new": "generate",
    "check": "check",
    "export": "export",
    "corpus": "corpus", "trace": "corpus",
}


class DraftingGroup(click.Group):
    """Loads each family of commands when first named; turns user errors into one line and exit
    code 2; bugs keep their traceback."""

    def list_commands(self, ctx):
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMAND_MODULES:
            module = importlib.import_module(f"drafting.commands.{COMMAND_MODULES[name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(name)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (DraftingError, OSError, RecursionError, MemoryError) as exc:
            error = user_error(exc)
            if error is None:
                raise
            if isinstance(error, InvalidDocument) and ctx.invoked_subcommand not in ONE_MEANS_DIFFERENT:
                for line in error.lines:  # as `drafting validate` prints them
                    click.echo(one_line(line), err=True)
                ctx.exit(1)
            echo_error(str(error))
            ctx.exit(EXIT_USER)


EPILOG = """Every input and output may be - (standard input or output). Shell completion:
eval "$(_DRAFTING_COMPLETE=bash_source drafting)" (zsh_source, fish_source).

\b
Examples:
  drafting check report.txt                     # UN rules; exit 1 on errors
  drafting diff old.docx new.docx -f docx -o redline.docx
  pdftotext -layout A_80_1.pdf - | drafting ingest - -o A_80_1.xml"""


@click.group(cls=DraftingGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EPILOG)
@click.version_option(__version__, prog_name="drafting")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print more (information too).")
@click.option("--color", "--colour", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour the output: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR "
                   "forces it), always or never.")
@click.pass_context
def cli(ctx, quiet, verbose, color):
    """drafting: structured drafting, comparison, generation and checking of UN documents."""
    ctx.ensure_object(dict)
    ctx.obj.setdefault("verbosity", 0 if quiet else (2 if verbose else 1))
    ctx.obj.setdefault("color", color)


def _exit_on_signal(signum, frame):
    """SIGTERM and SIGHUP unwind like an exception, so that temporary files are removed."""
    raise SystemExit(128 + signum)


def main(argv=None) -> None:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _exit_on_signal)
    try:
        code = cli.main(args=argv, prog_name="drafting", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("drafting: interrupted", err=True)
        code = 130
    except KeyboardInterrupt:
        click.echo("drafting: interrupted", err=True)
        code = 130
    except click.UsageError as exc:  # an unknown option, a missing argument: one line and a hint
        hint = f" (see: {exc.ctx.command_path} --help)" if exc.ctx is not None else ""
        echo_error(exc.format_message() + hint)
        code = EXIT_USER
    except click.ClickException as exc:
        echo_error(exc.format_message())
        code = EXIT_USER
    except BrokenPipeError:  # the reader of standard output went away (| head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: say it is a bug
        error = user_error(exc)
        if error is not None:  # raised outside a command (option callbacks)
            echo_error(str(error))
            code = EXIT_USER
        else:
            import traceback  # a bug's report only: starting the program does not pay for it

            traceback.print_exc()
            click.echo(f"drafting: internal error: {type(exc).__name__}: {one_line(str(exc))[:200]}; "
                       f"this is a bug in drafting, not in your input: please report it with the "
                       f"command and the input at {ISSUES_URL}", err=True)
            code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
