"""Text as pdftotext extracts it from a real PDF: the seed with the most structure goes
AKN -> DOCX (our writer) -> PDF (LibreOffice) -> text (pdftotext, plain and -layout) -> AKN.

A PDF breaks lines at every tab (a paragraph number alone on its line), wraps every line, prints
page numbers in its footers and ends pages with form feeds; the reader must recover the
structure all the same.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import SEEDS

from drafting.model.units import body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    assert shutil.which("soffice") and shutil.which("pdftotext"), "LibreOffice and poppler are installed by .ci/setup"
    folder = tmp_path_factory.mktemp("pdf")
    from drafting.writers.docx import write

    docx = folder / "001.docx"
    docx.write_bytes(write(read_document(SEEDS["001"].with_suffix(".xml")).root))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=180)
    texts = {}
    for mode, args in (("plain", []), ("layout", ["-layout"])):
        out = folder / f"001-{mode}.txt"
        subprocess.run(["pdftotext", *args, str(folder / "001.pdf"), str(out)], check=True, timeout=60)
        texts[mode] = out
    return texts


# LibreOffice draws the footnote rule (it is no text), and pdftotext -layout prints a note's
# number on a line of its own above its text: a note that is only a symbol in capitals
# ("CTOC/COP/WG.4/2009/2.") stays a note's text, no chapter heading (a symbol is no title).
@pytest.mark.parametrize("mode", ["plain", "layout"])
def test_structure_survives_pdf_extraction(extracted, mode):
    r = read_document(extracted[mode], lang="fr")
    assert validate_tree(r.root) == []
    units = body_units(r.root)
    assert [u.number for u in units if u.kind == "paragraph" and u.num] == [str(n) for n in range(1, 116)]
    assert [u.num for u in units if u.level == "chapter"] == ["I.", "II.", "III.", "IV."]
    m = masthead(r.root)
    assert (m["distribution"], m["date"], m["original"]) == ("Distr. générale", "2010-02-17", "anglais")
    assert m["title"].endswith("tenue à Vienne les 27 et 29 janvier 2010")
    para = {u.number: u for u in units if u.kind == "paragraph"}
    # paragraph 84 runs over a page break in the original too: one paragraph here as well
    assert "Human Trafficking at the Crossroads" in para["84"].text
