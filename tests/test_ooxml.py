"""drafting.ooxml: schema order, reproducible packages, damaged and unusual packages."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from lxml import etree

from drafting.cli import cli
from drafting.errors import DraftingError
from drafting.ooxml.names import w
from drafting.ooxml.order import get_or_add
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.writers.docx import write as write_docx

REAL_DRAFT = CORPUS / "real/pairs/P05_C1_lethal_autonomous_weapons/A_C.1_80_L.41.pdftotext.txt"


def _names(el):
    return [c.tag.rpartition("}")[2] for c in el]


def test_get_or_add_puts_children_where_the_schema_orders_them():
    rpr = etree.Element(w("rPr"))
    for tag in ("vertAlign", "i", "rStyle", "b", "rtl"):
        get_or_add(rpr, tag)
    assert _names(rpr) == ["rStyle", "b", "i", "vertAlign", "rtl"]
    sect = etree.Element(w("sectPr"))
    for tag in ("docGrid", "pgMar", "bidi", "pgSz", "headerReference", "footnotePr"):
        get_or_add(sect, tag)
    assert _names(sect) == ["headerReference", "footnotePr", "pgSz", "pgMar", "bidi", "docGrid"]
    # an existing child is returned, not doubled, and its attributes are set
    get_or_add(sect, "pgSz", w="11906")
    assert _names(sect).count("pgSz") == 1 and sect.find(w("pgSz")).get(w("w")) == "11906"


@pytest.fixture(scope="module")
def draft():
    return read_document(REAL_DRAFT).root


def test_the_same_document_gives_the_same_docx_bytes(draft, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = write_docx(draft), write_docx(draft)
    assert first == second
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")   # 2026-01-01
    stamped = write_docx(draft)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(stamped)).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_a_redline_without_date_is_the_same_bytes_each_time(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pair = CORPUS / "real/pairs/P05_C1_lethal_autonomous_weapons"
    outs = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.docx"
        result = CliRunner().invoke(cli, ["diff", str(pair / "A_C.1_80_L.41.pdftotext.txt"),
                                          str(pair / "A_RES_80_57.pdftotext.txt"), "-f", "docx", "-o", str(out)])
        assert result.exit_code == 1, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    document = zipfile.ZipFile(io.BytesIO(outs[0])).read("word/document.xml").decode()
    assert 'w:date="2025-12-05T00:00:00Z"' in document   # NEW's own date


def _rezip(data: bytes, drop=(), replace=None, method=None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename in drop:
                continue
            zf.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
    out = buf.getvalue()
    if method is not None:   # patch the compression method of every entry (local and central)
        out = out.replace(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", b"PK\x03\x04\x14\x00\x00\x00" + method)
        out = out.replace(b"PK\x01\x02\x14\x03\x14\x00\x00\x00\x08\x00", b"PK\x01\x02\x14\x03\x14\x00\x00\x00" + method)
    return out


def test_a_docx_without_footnotes_part_is_read(draft):
    data = _rezip(write_docx(draft), drop={"word/footnotes.xml"})
    result = read_docx(data, "nofootnotes.docx")
    assert "Lethal autonomous weapons systems" in etree.tostring(result.root, encoding="unicode")


def test_an_unsupported_zip_compression_is_one_clear_error(draft):
    data = _rezip(write_docx(draft), method=b"\x63\x00")   # method 99 (AES): not implemented
    with pytest.raises(DraftingError) as err:
        read_docx(data, "odd.docx")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("part", ["word/styles.xml", "word/numbering.xml"])
def test_broken_styles_or_numbering_are_read_with_a_diagnostic(draft, part):
    data = write_docx(draft)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if part not in names:
        pytest.skip(f"{part} not written")
    result = read_docx(_rezip(data, replace={part: b"<w:styles><broken"}), "broken.docx")
    assert any(part in d.message for d in result.diagnostics)
    text = etree.tostring(result.root, encoding="unicode")
    assert "Lethal autonomous weapons systems" in text
