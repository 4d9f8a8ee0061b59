"""The title block in the order the UN prints it, in the AKN and in our DOCX.

A report or a note prints its title, then the line that names its author ("Report of the
Secretary-General", "Note by the Secretariat"); an adopted resolution prints "Resolution adopted by
the General Assembly on ...", the bracketed line on how it came to the plenary, then its number
opening the title line ("80/239. Financing of ..."); a draft prints its sponsors and type above its
title. Every real document's title rows are checked against its printed text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from drafting.model.akn import doc_element, first, text_content, xp
from drafting.readers import docx as docx_reader
from drafting.readers import read_document
from drafting.readers.markdown import read_text as read_markdown
from drafting.writers import docx as docx_writer
from drafting.writers import writer_for
from drafting.writers.akn import write as write_akn

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
DOCUMENTS = sorted(REAL.rglob("*.pdftotext.txt"))
RESOLUTION = REAL / "pairs" / "P14_C5_IRMCT_financing" / "A_RES_80_239.pdftotext.txt"
REPORT = REAL / "reports" / "E_CN.3_2025_8.pdftotext.txt"
SPONSORED = REAL / "pairs" / "P05_C1_lethal_autonomous_weapons" / "A_C.1_80_L.41.pdftotext.txt"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _title_rows(root) -> list[str]:
    return [_norm(text_content(p)) for p in xp(doc_element(root), "a:preface/a:container[@name='title']/a:p")]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name.split(".pdftotext")[0])
def test_title_rows_follow_the_printed_order(path):
    rows = _title_rows(read_document(path).root)
    # a footnote's call is no part of the row's text ("Morocco:* draft resolution")
    printed = _norm(path.read_text(encoding="utf-8").replace("*", ""))
    at = 0
    for row in rows:
        found = printed.find(row[:20], at)
        assert found >= 0, f"{row[:60]!r} is not printed after the row above it"
        at = found + 1


def test_report_prints_its_author_line_under_the_title():
    root = read_document(REPORT).root
    rows = xp(doc_element(root), "a:preface/a:container[@name='title']/a:p")
    assert [first(p, "a:docTitle") is not None for p in rows] == [True, False]
    assert _norm(text_content(rows[1])) == "Report of the Secretary-General"


def test_adopted_resolution_number_opens_its_title_line():
    root = read_document(RESOLUTION).root
    rows = xp(doc_element(root), "a:preface/a:container[@name='title']/a:p")
    assert [_norm(text_content(p))[:26] for p in rows] == [
        "Resolution adopted by the ", "[on the report of the Fift", "80/239. Financing of the I"]
    assert _norm(text_content(first(rows[2], "a:docNumber"))) == "80/239."
    assert not xp(doc_element(root), "a:preface/a:container[@name='other']")


@pytest.mark.parametrize("path", [RESOLUTION, REPORT, SPONSORED], ids=lambda p: p.name.split(".pdftotext")[0])
def test_docx_prints_the_title_block_in_order_and_reads_back_the_same(path):
    root = read_document(path).root
    data = docx_writer.write(root)
    paragraphs = [_norm(p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]
    at = 0
    for row in _title_rows(root):
        found = next((k for k in range(at, len(paragraphs)) if paragraphs[k].startswith(row[:20])), None)
        assert found is not None, f"{row[:60]!r} is not printed after the row above it"
        at = found + 1
    back = docx_reader.read(data, name="x.docx").root
    preface = first(doc_element(root), "a:preface")
    preface_back = first(doc_element(back), "a:preface")
    assert re.sub(rb"\s+", b" ", write_akn(preface_back)) == re.sub(rb"\s+", b" ", write_akn(preface))


@pytest.mark.parametrize("path", [RESOLUTION, REPORT, SPONSORED], ids=lambda p: p.name.split(".pdftotext")[0])
def test_markdown_reads_back_the_same_title_block(path):
    root = read_document(path).root
    back = read_markdown(writer_for("md").write(root).decode("utf-8")).root
    title = first(doc_element(root), "a:preface/a:container[@name='title']")
    title_back = first(doc_element(back), "a:preface/a:container[@name='title']")
    assert re.sub(rb"\s+", b" ", write_akn(title_back)) == re.sub(rb"\s+", b" ", write_akn(title))
