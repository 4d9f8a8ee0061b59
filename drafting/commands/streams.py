"""The command line's manners with files and streams, shared by every command.

``-`` is standard input for every input and standard output for every output (as in pandoc,
ruff and git). Standard input is read once, to at most ``--max-mb``; its format comes from
``--stdin-filename`` or ``--format-in``, else from its first bytes. A binary output (DOCX) is
refused on a terminal. Files are written atomically, with the mode the umask gives.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from drafting.errors import DraftingError
from drafting.io import MAX_INPUT_BYTES

STDIO = "-"
STDIN_NAME = "<stdin>"


def is_stdio(path) -> bool:
    return path is not None and str(path) == STDIO


def read_stdin(max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Standard input, at most ``max_bytes`` (an empty input is an error, as an empty file)."""
    from drafting.io import read_bytes
    return read_bytes(STDIO, max_bytes)


def sniff_format(data: bytes) -> str:
    """The input format of bytes without a name: DOCX is a zip, AKN starts with ``<``."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"%PDF"):
        from drafting.readers import READERS
        if "pdf" in READERS:
            return "pdf"
        raise DraftingError("standard input is a PDF: extract its text first "
                            "(for example: pdftotext -layout FILE.pdf -)")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "akn" if head == b"<" else "text"


def input_format(path, data: bytes | None, fmt: str | None, stdin_filename: str | None) -> str:
    """The reader to use: ``--format-in``, else the (stdin) file name's extension, else sniffed."""
    from drafting.readers import format_of
    if fmt:
        return format_of(path, fmt)
    if is_stdio(path):
        if stdin_filename and Path(stdin_filename).suffix:
            return format_of(stdin_filename)
        return sniff_format(data or b"")
    return format_of(path)


def read_input(path, fmt: str | None = None, lang: str | None = None,
               max_bytes: int = MAX_INPUT_BYTES, stdin_filename: str | None = None, **options):
    """Read a file or standard input into the model: a ReadResult whose ``source`` is the name
    findings and diagnostics use, and the bytes the reader read (for text and Markdown, the
    decoded and cleaned UTF-8 the findings point into).

    As ``drafting.readers.read_document``, which names its input by its path: here standard
    input is named by ``--stdin-filename``."""
    from drafting.io import read_bytes
    from drafting.readers import read_data
    if is_stdio(path):
        data = read_stdin(max_bytes)
        name = stdin_filename or STDIN_NAME
        fmt = input_format(path, data, fmt, stdin_filename)
    else:
        name = str(path)
        fmt = input_format(path, None, fmt, None)  # an unknown extension fails before reading
        data = read_bytes(path, max_bytes)
    if fmt != "docx":   # options only the DOCX reader takes
        options.pop("revisions", None)
        options.pop("progress", None)
    return read_data(data, name, fmt, lang, **options)


def refuse_binary_on_terminal(data, what: str = "a DOCX file") -> None:
    if isinstance(data, bytes) and sys.stdout.isatty():
        raise DraftingError(f"{what} is binary and standard output is a terminal: "
                            f"give -o FILE or redirect it (> FILE)")


def emit(data: str | bytes, output, inputs=(), color: bool | None = None) -> None:
    """Write to ``output`` atomically (never over an input), or to standard output for None
    and ``-``; bytes are refused on a terminal."""
    from drafting.io import check_output, write_atomic
    if output is not None and not is_stdio(output):
        check_output(output, [i for i in inputs if not is_stdio(i)])
        write_atomic(output, data)
        return
    if isinstance(data, bytes):
        refuse_binary_on_terminal(data)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=False, color=color)  # click strips colour off a pipe unless told


def verbosity(ctx) -> int:
    """0 errors only (-q), 1 warnings too (default), 2 information as well (-v)."""
    return ((ctx.find_root().obj or {}) if ctx else {}).get("verbosity", 1)


def colour(ctx, output=None) -> bool:
    """Colour for a terminal: ``--color always|never|auto``; auto honours NO_COLOR and
    FORCE_COLOR (https://no-color.org, https://force-color.org), then asks the terminal."""
    choice = ((ctx.find_root().obj or {}) if ctx else {}).get("color", "auto")
    if choice == "always":
        return True
    if choice == "never":
        return False
    if output is not None and not is_stdio(output):
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


# -- the options every command shares ---------------------------------------------------------


def _set(key, value_of):
    def callback(ctx, param, value):
        if value is not None and value is not False:
            root = ctx.find_root()
            root.ensure_object(dict)
            root.obj[key] = value_of(value)
        return value
    return callback


def manners(command):
    """``-q``, ``-v`` and ``--color`` on a subcommand too (``drafting check -q``), as on the
    group (``drafting -q check``)."""
    options = [
        click.option("-q", "--quiet", is_flag=True, expose_value=False, is_eager=True,
                     callback=_set("verbosity", lambda v: 0), help="Print errors only."),
        click.option("-v", "--verbose", is_flag=True, expose_value=False, is_eager=True,
                     callback=_set("verbosity", lambda v: 2), help="Print more (information too)."),
        click.option("--color", "--colour", type=click.Choice(["auto", "always", "never"]),
                     expose_value=False, callback=_set("color", str),
                     help="Colour the output: auto (a terminal, unless NO_COLOR is set; "
                          "FORCE_COLOR forces it), always or never."),
    ]
    for option in reversed(options):
        command = option(command)
    return command
