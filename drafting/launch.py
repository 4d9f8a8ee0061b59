"""The ``drafting`` program's entry point: the interpreter set for a command, then the command line.

A command allocates hundreds of thousands of small objects (imports, lines, the AKN tree) that
live until it ends, and almost none of them in reference cycles; CPython's default cycle
collector, run every 700 allocations, spent 11-20 ms of a 140 ms redline command walking them
(44 young and 4 middle collections, none freeing much). The collector runs less often here, as
mypy runs it, before the first import; the library's functions never touch it (a program that
imports drafting keeps its own settings).
"""

import gc
import sys


def main() -> None:
    if sys.implementation.name == "cpython":
        gc.set_threshold(200_000, 30, 30)
    from drafting.cli import main as command_line

    command_line()
