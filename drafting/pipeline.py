"""The main job (``drafting build``): every corpus document through every part of the toolkit.

Each area contributes one step: a function ``step(docs, out_dir, report)`` where ``docs`` is the
list of ``ReadResult`` of the corpus (already ingested), ``out_dir`` a ``pathlib.Path`` and
``report(line)`` prints a progress line. Steps write only below ``out_dir`` and only through
``drafting.io.write_atomic``. A step names its own sub-folder.
"""

from __future__ import annotations

import importlib

# "module:function" of each step, in the order they run.
STEPS = [
    "drafting.commands.ingest:build_step",
    "drafting.commands.export:build_step",
    "drafting.commands.check:build_step",
    "drafting.commands.compare:build_step",
    "drafting.commands.generate:build_step",
]


def load_steps():
    for spec in STEPS:
        module, _, func = spec.partition(":")
        yield spec, getattr(importlib.import_module(module), func)
