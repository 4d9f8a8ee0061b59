"""Writers: one module per output format, each turning the AKN model into bytes.

Every writer module exposes ``write(root, **options) -> bytes``; the CLI writes the bytes
atomically. The table maps format names to modules so that a writer is loaded only when used.
"""

from __future__ import annotations

import importlib

from drafting.errors import DraftingError

WRITERS = {
    "akn": "drafting.writers.akn",
    "docx": "drafting.writers.docx",
    "html": "drafting.writers.html",
    "md": "drafting.writers.markdown",
}


def writer_for(fmt: str):
    if fmt not in WRITERS:
        raise DraftingError(f"unknown output format {fmt!r}; use one of: {', '.join(WRITERS)}")
    return importlib.import_module(WRITERS[fmt])
