"""The PDF reader asks PDFium which text object drew a character only where the page needs it
(``pdf_runs._char_objects``): what it finds is what asking every character finds."""

from __future__ import annotations

import ctypes
import itertools
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from drafting.readers.pdf_runs import _RTL, _char_objects, _page_string, _text_object

ROOT = Path(__file__).resolve().parents[1]
# every language's PDFs (right-to-left pages among them) and some resolutions
PDFS = sorted((ROOT / "corpus" / "real" / "languages").glob("*.pdf")) + sorted(
    (ROOT / "corpus" / "real" / "pairs").glob("*/A_RES_*.pdf"))[:4]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_objects_asked_at_spaces_are_those_of_every_character(path):
    doc = pdfium.PdfDocument(str(path))
    rtl = 0
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            if count <= 0:
                continue
            handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
            text = _page_string(textpage.raw, count)
            every = list(map(_text_object, itertools.repeat(handle, count), range(count)))
            assert _char_objects(handle, text) == every, f"page {index + 1}"
            assert None in every          # PDFium generates the line breaks
            rtl += bool(_RTL.search(text))
    finally:
        doc.close()
    if "-ar" in path.stem:
        assert rtl                        # the Arabic pages took the character-by-character way


def test_right_to_left_pattern_holds_every_right_to_left_letter():
    """PDFium reorders a line holding a character of bidirectional class R or AL."""
    missing = [hex(c) for c in range(0x110000)
               if unicodedata.bidirectional(chr(c)) in ("R", "AL") and not _RTL.match(chr(c))]
    assert missing == []
