"""Readers: one module per input format, each turning a file into the one AKN model.

A name-to-reader table (as pandoc keeps one) chooses the reader from the ``--format-in`` option
or the file's extension. Every reader returns a ``ReadResult``: the AKN tree, the diagnostics
(level, message, source line) and the source line of every numbered element.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import field
from pathlib import Path

from drafting.errors import DraftingError
from drafting.io import MAX_INPUT_BYTES, decode_report, read_bytes
from drafting.model.blocks import Diagnostic
from drafting.records import record

# format name -> module under drafting.readers exposing read(data: bytes, name, lang, **options)
READERS = {
    "text": "drafting.readers.text",
    "md": "drafting.readers.markdown",
    "akn": "drafting.readers.akn",
    "docx": "drafting.readers.docx",
    "pdf": "drafting.readers.pdf",
}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".ocr": "text",
    ".md": "md", ".markdown": "md",
    ".xml": "akn", ".akn": "akn",
    ".docx": "docx",
    ".pdf": "pdf",
}
REFUSED_EXTENSIONS = {
    ".doc": "an old binary Word (.doc) file: open it in Word or LibreOffice and save it as .docx "
            "(or run: soffice --headless --convert-to docx FILE)",
    ".rtf": "an RTF file: save it as .docx first",
    ".odt": "an OpenDocument file: save it as .docx first (soffice --headless --convert-to docx FILE)",
}


@record
class ReadResult:
    """What a reader gives: the AKN document, its diagnostics, where each unit was in the source."""

    root: object                         # the <akomaNtoso> lxml element
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_lines: dict[str, int] = field(default_factory=dict)
    source: str = ""
    format: str = ""


def format_of(path: str | os.PathLike, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in READERS:
            raise DraftingError(f"unknown input format {explicit!r}; use one of: {', '.join(READERS)}")
        return explicit
    suffix = Path(path).suffix.lower()
    if suffix in REFUSED_EXTENSIONS:
        raise DraftingError(f"{path}: {REFUSED_EXTENSIONS[suffix]}")
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise DraftingError(
        f"{path}: cannot tell the format from the extension {suffix or '(none)'}; "
        f"give --format-in ({', '.join(READERS)})"
    )


def reader_for(fmt: str):
    try:
        return importlib.import_module(READERS[fmt])
    except ModuleNotFoundError as exc:  # a reader not installed in this build
        raise DraftingError(f"the {fmt} reader is not available: {exc}") from None


def read_document(path: str | os.PathLike, fmt: str | None = None, lang: str | None = None,
                  max_bytes: int = MAX_INPUT_BYTES, **options) -> ReadResult:
    """Read any supported file into the AKN model."""
    fmt = format_of(path, fmt)
    return read_data(read_bytes(path, max_bytes), str(path), fmt, lang, **options)[0]


def read_data(data: bytes, name: str, fmt: str, lang: str | None = None,
              **options) -> tuple[ReadResult, bytes]:
    """Read the bytes of an input of format ``fmt`` named ``name``: the result, and the bytes the
    reader read (for text and Markdown, the decoded and cleaned UTF-8 the findings point into).

    Text is decoded and cleaned here, once, where what was replaced can be reported; the reader
    then takes the clean text."""
    notes = []
    given = data
    if fmt in ("text", "md"):
        given, notes = decode_report(data, name, keep_form_feed=fmt == "text")
        data = given.encode("utf-8")
    result = reader_for(fmt).read(given, name=name, lang=lang, **options)
    result.diagnostics[:0] = notes
    result.source = name
    result.format = fmt
    return result, data
