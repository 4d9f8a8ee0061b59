"""Opening an untrusted PDF with PDFium: one clear error for anything that is not a readable PDF.

PDFium repairs what it can (a damaged cross-reference table, a truncated file whose pages are
still there); what it cannot read becomes a ``DraftingError`` naming the file and the reason,
never a traceback. Limits refuse what cannot be one UN document before its pages are parsed.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import pypdfium2 as pdfium

from drafting.errors import DraftingError

MAX_PAGES = 5000              # the longest UN reports run to a few hundred pages
MAX_PAGE_SIDE = 14400.0       # points (200 inches): the largest page the PDF format allows
MAX_CHARS_PER_PAGE = 200_000  # a dense page holds about 6,000
MAX_INFLATED = 256 * 1024 * 1024   # all compressed streams together; a UN document inflates to a few MB
DEFLATE_MAX_RATIO = 1032     # deflate's own ceiling: one compressed byte never inflates to more
STREAM = re.compile(rb"stream\r?\n")
CHUNK = 1 << 16

# PDFium's FPDF_GetLastError codes for a document that does not open
_LOAD_ERRORS = {
    2: "cannot be opened (file error)",
    3: "is not a PDF or is too damaged to read",
    4: "is encrypted (password-protected): save an unprotected copy first "
       "(e.g. qpdf --password=PASSWORD --decrypt IN.pdf OUT.pdf)",
    5: "is encrypted with an unsupported security handler: remove the protection first",
    6: "has a damaged page",
}


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    if b"%PDF-" not in data[:1024]:
        raise DraftingError(f"{name}: not a PDF file (no %PDF- header)")
    check_streams(data, name)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = _LOAD_ERRORS.get(getattr(exc, "err_code", None), "is not a PDF or is too damaged to read")
        if reason.startswith("is not a PDF") and b"%%EOF" not in data[-2048:]:
            reason = "is a truncated or damaged PDF (it does not end with %%EOF): download it again"
        raise DraftingError(f"{name} {reason}") from None
    count = len(doc)
    if count == 0:
        doc.close()
        raise DraftingError(f"{name} has no pages (an empty or damaged PDF)")
    if count > MAX_PAGES:
        doc.close()
        raise DraftingError(f"{name} has {count} pages, more than the {MAX_PAGES} one document can have (refused)")
    return doc


def pages(doc: pdfium.PdfDocument, name: str) -> Iterator[tuple[int, object]]:
    """(1-based number, page) for every page, each checked for an absurd size."""
    for index in range(len(doc)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            raise DraftingError(f"{name}: page {index + 1} cannot be read (a damaged PDF)") from None
        width, height = page.get_size()
        if not (0 < width <= MAX_PAGE_SIDE and 0 < height <= MAX_PAGE_SIDE):
            page.close()
            raise DraftingError(f"{name}: page {index + 1} measures {width:.0f} x {height:.0f} points, "
                                f"not a printable page (refused)")
        try:
            yield index + 1, page
        finally:
            page.close()


def check_streams(data: bytes, name: str) -> None:
    """Refuse a decompression bomb before PDFium inflates it: the deflated streams are inflated
    here, a chunk at a time and without keeping the output, against one budget for the file
    (about 0.3 ms a page on UN documents). Once the bytes left in the file cannot inflate past
    what is left of the budget, even at deflate's ceiling, the rest need not be inflated: a file
    under 254 KB never is."""
    total = 0
    for match in STREAM.finditer(data):
        start = match.end()
        if total + (len(data) - start) * DEFLATE_MAX_RATIO <= MAX_INFLATED:
            return
        if data[start:start + 1] != b"\x78":          # not a zlib stream (an image, plain text)
            continue
        inflater = zlib.decompressobj()
        offset = start
        try:
            while not inflater.eof:
                if inflater.unconsumed_tail:
                    out = inflater.decompress(inflater.unconsumed_tail, CHUNK)
                else:
                    chunk = data[offset:offset + CHUNK]
                    if not chunk:
                        break
                    offset += len(chunk)
                    out = inflater.decompress(chunk, CHUNK)
                total += len(out)
                if total > MAX_INFLATED:
                    raise DraftingError(f"{name}: its compressed streams inflate to more than "
                                        f"{MAX_INFLATED // (1024 * 1024)} MB, not a document (refused)")
        except zlib.error:
            continue                                   # damaged: PDFium will say what it can read
