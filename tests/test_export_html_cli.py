"""``drafting export`` on the corpus: HTML preview, Markdown, DOCX; refusals leave nothing behind."""

from __future__ import annotations

import re
import zipfile

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from lxml import html as lxml_html

from drafting.cli import cli
from drafting.model.units import all_notes, body_units, masthead
from drafting.readers import read_document

CORPUS_XML = sorted(CORPUS.glob("*.xml"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("source", CORPUS_XML, ids=lambda p: p.stem)
def test_html_has_every_paragraph_footnote_and_the_masthead(tmp_path, source):
    out = tmp_path / "doc.html"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    page = lxml_html.fromstring(data)
    root = read_document(source).root
    assert page.get("lang") == "fr"
    # self-contained: nothing fetched from elsewhere
    assert not page.xpath("//script|//link|//img|//iframe|//@src")
    assert not [h for h in page.xpath("//@href") if not h.startswith("#")]
    text = _norm(page.text_content())
    for unit in body_units(root):
        if unit.num:
            assert page.xpath(f"//*[@id='{unit.eid}']//span[@class='num']")[0].text.strip() == unit.num
        fragment = page.xpath(f"//*[@id='{unit.eid}']") if unit.eid else []
        if fragment and unit.kind in ("paragraph", "point"):
            own = _norm(fragment[0].text_content())
            assert unit.text[:40] in own.replace(unit.num or "", "", 1).strip() or unit.text[:40] in own
        assert unit.text[:60] in text
    notes = all_notes(root)
    back_links = page.xpath("//section[@class='footnotes']//a[@class='back']")
    refs = page.xpath("//sup[@class='fn']/a")
    assert len(back_links) == len(refs) == len(notes)
    for note, link, ref in zip(notes, back_links, refs):
        assert link.text == ref.text == note.marker
        assert link.get("href") == "#" + ref.getparent().get("id")
        assert ref.get("href") == "#" + link.getparent().get("id")
    mast = masthead(root)
    for key in ("symbol", "distribution", "date_text"):
        if mast[key]:
            assert mast[key] in text


def test_html_arabic_is_rtl(tmp_path):
    from test_export_docx import _multilingual

    from drafting.model.build import build_akn
    from drafting.writers import html

    data = html.write(build_akn(_multilingual("ar")).root)
    page = lxml_html.fromstring(data)
    assert page.get("lang") == "ar" and page.get("dir") == "rtl"
    assert "يرحب بالتقرير" in page.text_content()


def test_export_to_docx_md_and_akn_from_text(tmp_path):
    source = CORPUS / "002_493e510ad8222231.txt"
    runner = CliRunner()
    for name in ("d.docx", "d.md", "d.xml"):
        result = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "d.docx")
    assert "Affirme" in (tmp_path / "d.md").read_text()
    # the Markdown and the DOCX read back to the same paragraphs
    md = read_document(tmp_path / "d.md").root
    dx = read_document(tmp_path / "d.docx").root
    assert [(u.num, u.text) for u in body_units(md)] == [(u.num, u.text) for u in body_units(dx)]


def test_export_never_overwrites_its_input_and_writes_nothing_on_error(tmp_path):
    source = tmp_path / "in.xml"
    source.write_bytes(CORPUS_XML[0].read_bytes())
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(source), "--to", "akn"])
    assert result.exit_code == 2 and "overwrite" in result.output
    assert source.read_bytes() == CORPUS_XML[0].read_bytes()
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 2 and "--to" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xml"]


def test_export_with_a_reference_doc(tmp_path):
    import docx as python_docx

    ref = tmp_path / "ref.docx"
    document = python_docx.Document()
    document.sections[0].header.paragraphs[0].text = "OUR OWN HEADER"
    document.save(str(ref))
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["export", str(CORPUS_XML[2]), "-o", str(out),
                                      "--reference-doc", str(ref)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as zf:
        headers = " ".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/header"))
    assert "OUR OWN HEADER" in headers


def test_a_bad_reference_doc_is_refused_like_any_docx(tmp_path):
    bad = CORPUS.parent / "tests" / "fixtures" / "docx" / "bad_external_entity.docx"
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["export", str(CORPUS_XML[0]), "-o", str(out),
                                      "--reference-doc", str(bad)])
    assert result.exit_code == 2 and "document type declaration" in result.output
    assert not out.exists()
