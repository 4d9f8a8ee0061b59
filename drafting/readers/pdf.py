"""PDF reader: a born-digital UN PDF (or a scan with an OCR text layer) into the AKN model.

The reader knows PDF pages, not UN documents: it turns each page into printed ``Line``s carrying
what the page shows (size, bold, italics, raised calls, indent, spacing, page furniture, the
footnote zone) and hands them to the passes shared with the text reader
(``drafting.readers.passes.read_lines``), which find the document's structure.

The steps, one module each: ``pdf_document`` opens the file safely, ``pdf_runs`` reads the
characters with PDFium, ``pdf_layout`` builds rows and columns, ``pdf_zones`` tells furniture,
rule and footnotes from the text, ``pdf_lines`` emits the lines in reading order.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from drafting.errors import DraftingError
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.lines import Line
from drafting.readers.passes import read_lines
from drafting.readers.pdf_document import MAX_CHARS_PER_PAGE, open_pdf, pages
from drafting.readers.pdf_layout import build_rows
from drafting.readers.pdf_lines import LineMaker
from drafting.readers.pdf_runs import page_runs
from drafting.readers.pdf_zones import PageRows, classify

PROGRESS_FROM = 50          # pages: a longer PDF shows a progress bar on a terminal
OCR_SHARE = 0.5             # a page whose characters are mostly invisible is an OCR layer


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    lines, notes = pdf_lines(data, name)
    doc = read_lines(lines, name, lang)
    for level, message in notes:
        doc.note(level, message, None, "pdf")
    built = build_akn(doc)
    return ReadResult(root=built.root, diagnostics=doc.diagnostics, source_lines=built.source_lines)


def pdf_lines(data: bytes, name: str = "input") -> tuple[list[Line], list[tuple[str, str]]]:
    """The printed lines of a PDF and the reader's own diagnostics (level, message)."""
    document = open_pdf(data, name)
    try:
        page_rows = _read_pages(document, name)
    finally:
        document.close()
    notes: list[tuple[str, str]] = []
    if not any(pr.page.runs for pr in page_rows):
        raise DraftingError(f"{name} has no text layer (a scan without OCR): run OCR first (e.g. ocrmypdf)")
    ocr = {pr.page.number for pr in page_rows
           if pr.page.chars and pr.page.invisible_chars > OCR_SHARE * _drawn(pr)}
    if ocr:
        notes.append(("warning", f"{_pages_text(ocr)} of {name}: images with an OCR text layer, "
                                 "read from that layer (its fonts, sizes and italics are not used)"))
    empty = {pr.page.number for pr in page_rows if not pr.page.runs}
    if empty:
        notes.append(("warning", f"{_pages_text(empty)} of {name}: images without text (no OCR layer), "
                                 "their content is missing"))
    classify(page_rows)
    return LineMaker(page_rows, ocr).make(), notes


def _drawn(pr: PageRows) -> int:
    return sum(len(run.text) for run in pr.page.runs) or 1


def _read_pages(document, name: str) -> list[PageRows]:
    out: list[PageRows] = []
    with _progress(len(document), name) as advance:
        for number, page in pages(document, name):
            text = page_runs(page, number)
            if text.chars > MAX_CHARS_PER_PAGE:
                raise DraftingError(f"{name}: page {number} holds {text.chars} characters, "
                                    f"more than any document page (refused)")
            level = [run for run in text.runs if not run.rotated]
            turned = [run for run in text.runs if run.rotated]
            out.append(PageRows(text, build_rows(level), turned=turned))
            advance()
    return out


@contextmanager
def _progress(total: int, name: str):
    """A progress bar on a terminal for a long PDF; nothing when the output is piped."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:   # Rich writes to stderr
        task = progress.add_task(f"reading {name}", total=total)
        yield lambda: progress.advance(task)


def _pages_text(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    spans: list[str] = []
    start = prev = ordered[0]
    for n in ordered[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    label = "page" if len(ordered) == 1 else "pages"
    return f"{label} {', '.join(spans)}"
