"""DOCX export proven by real clients: our reader (round trip), LibreOffice (PDF), pandoc (footnotes).

Every corpus document (the seeds' AKN) plus an Arabic and a Chinese document is exported once;
all DOCX are converted to PDF in one LibreOffice run.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS
from lxml import etree

from drafting.commands.export import docx_to_pdf
from drafting.model.blocks import DocumentBlocks, Heading, Masthead, NoteRef, Para, Point, Preface, Styled
from drafting.model.build import build_akn
from drafting.model.units import all_notes, body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from drafting.readers import docx as docx_reader
from drafting.writers import docx as docx_writer
from drafting.ooxml.names import W_NS

W = {"w": W_NS}
CORPUS_XML = sorted(CORPUS.glob("*.xml"))


def _multilingual(lang: str) -> DocumentBlocks:
    """A small resolution in Arabic or Chinese: masthead, agenda note, points, footnotes."""
    words = {
        "ar": dict(organ="الأمم المتحدة", distr="Distr.: Limited", date="15 October 2008",
                   language="Arabic", title="الاتجار بالبشر", heading="مقدمة",
                   p1="يرحب بالتقرير المقدم من الأمانة العامة", p2="يطلب إلى الأمانة العامة ما يلي:",
                   a="أن تواصل عملها في هذا المجال؛", b="أن تقدم تقريرا إلى المؤتمر في دورته القادمة.",
                   note="انظر الوثيقة CTOC/COP/2008/1.", agenda="CTOC/COP/2008/1.",
                   labels=("(أ)", "(ب)")),
        "zh": dict(organ="联合国", distr="Distr.: Limited", date="15 October 2008", language="Chinese",
                   title="贩运人口", heading="导言", p1="欢迎秘书处提交的报告；",
                   p2="请秘书处：", a="继续在这一领域开展工作；", b="向缔约方会议下届会议提交报告。",
                   note="见CTOC/COP/2008/1号文件。", agenda="CTOC/COP/2008/1。", labels=("(a)", "(b)")),
    }[lang]
    return DocumentBlocks(
        kind="resolutionDraft", lang=lang,
        masthead=Masthead(organs=[words["organ"]], symbol="CTOC/COP/2008/L.9",
                          distribution=words["distr"], distribution_kind="limited",
                          date=dt.date(2008, 10, 15), date_text=words["date"],
                          language_line=words["language"], original="English",
                          original_label="Original:", job_number="V.08-57125 (C)",
                          symbol_note=NoteRef("*", [[words["agenda"]]])),
        preface=Preface(title=[words["title"]]),
        body=[
            Heading("crossHeading", None, [words["title"]]),   # at the top: an hcontainer
            Para(None, [words["p1"]]),
            Heading("chapter", "I.", [words["heading"]]),
            Para("1.", [Styled("i", [words["p1"][:4]]), words["p1"][4:], NoteRef("1", [[words["note"]]])]),
            Para("2.", [words["p2"]], points=[Point(words["labels"][0], [words["a"]]),
                                              Point(words["labels"][1], [words["b"]])]),
        ])


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    """{name: (source AKN root, docx path)} for the corpus and the ar/zh documents, plus PDFs."""
    out = tmp_path_factory.mktemp("export")
    docs = {path.stem: read_document(path).root for path in CORPUS_XML}
    for lang in ("ar", "zh"):
        docs[f"sample_{lang}"] = build_akn(_multilingual(lang)).root
    files = {}
    for name, root in docs.items():
        path = out / f"{name}.docx"
        path.write_bytes(docx_writer.write(root))
        files[name] = (root, path)
    docx_to_pdf([p for _, p in files.values()], out)
    return files


def _signature(root):
    units = [(u.kind, u.num, u.text, [(n.marker, n.text) for n in u.notes]) for u in body_units(root)]
    return units, masthead(root), [(n.marker, n.text, n.anchored) for n in all_notes(root)]


def test_corpus_is_there():
    assert len(CORPUS_XML) >= 5


@pytest.mark.parametrize("name", [p.stem for p in CORPUS_XML] + ["sample_ar", "sample_zh"])
def test_round_trip_keeps_numbers_text_footnotes_and_masthead(exported, name):
    root, path = exported[name]
    back = docx_reader.read(path.read_bytes(), str(path)).root
    units, mast, notes = _signature(root)
    units2, mast2, notes2 = _signature(back)
    assert units2 == units
    assert mast2 == mast
    assert notes2 == notes
    assert validate_tree(back) == []


def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def test_real_word_footnotes_with_separators_and_reference_style(exported):
    root, path = exported["001_2eef5b51ed847ce0"]
    notes = _part(path, "word/footnotes.xml")
    kinds = [fn.get(f"{{{W_NS}}}type") for fn in notes.findall("w:footnote", W)]
    assert kinds[:2] == ["separator", "continuationSeparator"]
    assert len(kinds) - 2 == len(all_notes(root)) == 15
    doc = _part(path, "word/document.xml")
    refs = doc.findall(".//w:footnoteReference", W)
    assert len(refs) == 15
    for ref in refs:
        assert ref.getparent().find("w:rPr/w:rStyle", W).get(f"{{{W_NS}}}val") == "FootnoteReference"
    for fn in notes.findall("w:footnote", W)[2:]:
        assert fn.find("w:p/w:pPr/w:pStyle", W).get(f"{{{W_NS}}}val") == "_FootnoteText"
    with zipfile.ZipFile(path) as zf:
        assert "footnotes.xml" in zf.read("word/_rels/document.xml.rels").decode()
        assert "footnotes+xml" in zf.read("[Content_Types].xml").decode()


def test_agenda_footnote_is_a_custom_star_mark(exported):
    root, path = exported["003_6dceaf7ad839cf46"]
    assert masthead(root)["symbol"]
    doc = _part(path, "word/document.xml")
    custom = [r for r in doc.iterfind(".//w:r", W)
              if r.find("w:footnoteReference", W) is not None
              and r.find("w:footnoteReference", W).get(f"{{{W_NS}}}customMarkFollows") == "1"]
    assert [r.findtext("w:t", namespaces=W) for r in custom] == ["*"]


def test_numbers_are_printed_text_with_a_tab_not_word_numbering(exported):
    root, path = exported["002_493e510ad8222231"]
    doc = _part(path, "word/document.xml")
    assert doc.find(".//w:numPr", W) is None
    starts = []
    for p in doc.iterfind(".//w:body/w:p", W):
        runs = p.findall("w:r", W)
        if len(runs) >= 2 and runs[1].find("w:tab", W) is not None:
            starts.append(runs[0].findtext("w:t", namespaces=W))
    nums = [u.num for u in body_units(root) if u.num]
    assert nums and all(n in starts for n in nums)
    assert "10." in starts and "a)" in starts


def test_masthead_header_footer_and_page_setup(exported):
    root, path = exported["sample_zh"]
    doc = _part(path, "word/document.xml")
    size = doc.find(".//w:sectPr/w:pgSz", W)
    assert (size.get(f"{{{W_NS}}}w"), size.get(f"{{{W_NS}}}h")) == ("11906", "16838")  # A4
    assert doc.find(".//w:sectPr/w:titlePg", W) is not None
    with zipfile.ZipFile(path) as zf:
        headers = " ".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/header"))
        footers = " ".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
    assert "CTOC/COP/2008/L.9" in headers and "{symbol}" not in headers
    assert "PAGE" in footers and "V.08-57125 (C)" in footers
    text = "".join(doc.itertext())
    for line in ("Distr.: Limited", "15 October 2008", "Chinese", "Original:"):
        assert line in text
    assert "V.08-57125 (C)" not in text   # the job number is printed at the foot of page 1 only


def test_arabic_is_right_to_left_and_chinese_has_east_asian_fonts(exported):
    _, ar = exported["sample_ar"]
    doc = _part(ar, "word/document.xml")
    paras = doc.findall(".//w:body/w:p", W)
    arabic_paras = [p for p in paras if re.search("[\u0600-\u06ff]", "".join(p.itertext()))]
    assert len(arabic_paras) >= 5 and all(p.find("w:pPr/w:bidi", W) is not None for p in arabic_paras)
    runs = [r for r in doc.iterfind(".//w:r", W) if r.find("w:t", W) is not None]
    arabic = [r for r in runs if re.search("[\u0600-\u06ff]", r.findtext("w:t", namespaces=W))]
    latin = [r for r in runs if re.search("[A-Za-z]", r.findtext("w:t", namespaces=W))
             and r not in arabic]
    assert arabic and all(r.find("w:rPr/w:rtl", W) is not None for r in arabic)
    # the English masthead lines stay left-to-right inside the Arabic document
    assert latin and all(r.find("w:rPr/w:rtl", W) is None for r in latin)
    assert doc.find(".//w:sectPr/w:bidi", W) is not None
    styles = _part(ar, "word/styles.xml")
    assert styles.find(".//w:docDefaults//w:lang", W).get(f"{{{W_NS}}}bidi") == "ar-SA"

    _, zh = exported["sample_zh"]
    doc = _part(zh, "word/document.xml")
    runs = [r for r in doc.iterfind(".//w:r", W) if r.find("w:t", W) is not None]
    assert all(r.find("w:rPr/w:rFonts", W).get(f"{{{W_NS}}}hint") == "eastAsia" for r in runs)
    styles = _part(zh, "word/styles.xml")
    assert styles.find(".//w:docDefaults//w:rFonts", W).get(f"{{{W_NS}}}eastAsia")
    assert styles.find(".//w:docDefaults//w:lang", W).get(f"{{{W_NS}}}eastAsia") == "zh-CN"


TOKEN = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+")
GLUED_MARKER = re.compile(r"(?<=[^\W\d_])\d+$")


def _tokens(text: str) -> list[str]:
    """Words without punctuation or hyphens (CJK: characters); a footnote number glued to a
    word is dropped. Both sides go through this, so the comparison stays fair."""
    out = []
    for t in TOKEN.findall(text):
        t = GLUED_MARKER.sub("", re.sub(r"[\W_]", "", t))
        if t:
            out.append(t)
    return out


def _pdf_words(text: str) -> list[str]:
    text = text.replace("\u00ad", "")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)       # hyphenation at line ends
    # a raised abbreviation ending (M^me, M^lle) comes out of pdftotext as a word of its own
    text = re.sub(r"\b(M) (mes?|lles?)\b", r"\1\2", text)
    return _tokens(text)


def _contains_in_order(words: list[str], haystack: list[str], index: dict, max_gaps: int = 3,
                       max_gap: int = 600) -> bool:
    """``words`` appear in ``haystack`` in order; gaps (a page break with its running header,
    page number and footnotes) are allowed between them, but only a few."""
    for start in index.get(words[0], []):
        pos, gaps, ok = start + 1, 0, True
        for word in words[1:]:
            if pos < len(haystack) and haystack[pos] == word:
                pos += 1
                continue
            try:
                found = haystack.index(word, pos, pos + max_gap)
            except ValueError:
                ok = False
                break
            gaps += 1
            if gaps > max_gaps:
                ok = False
                break
            pos = found + 1
        if ok:
            return True
    return False


@pytest.mark.parametrize("name", [p.stem for p in CORPUS_XML] + ["sample_zh"])
def test_libreoffice_pdf_contains_every_paragraph(exported, name):
    root, path = exported[name]
    pdf = path.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice did not convert {path.name}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    words = _pdf_words(text)
    index: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        index.setdefault(word, []).append(i)
    missing = [u.text[:60] for u in body_units(root)
               if u.text and not _contains_in_order(_tokens(u.text), words, index, len(u.notes) + 3)]
    assert missing == []
    for note in all_notes(root):
        assert _contains_in_order(_tokens(note.text), words, index), note.text


def test_libreoffice_converts_the_arabic_document(exported):
    _, path = exported["sample_ar"]
    pdf = path.with_suffix(".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000


def _pandoc_notes(path: Path) -> list[str]:
    out = subprocess.run(["pandoc", "-f", "docx", "-t", "json", str(path)], capture_output=True,
                         check=True).stdout
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Note":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(out))
    return found


@pytest.mark.parametrize("name", ["001_2eef5b51ed847ce0", "002_493e510ad8222231",
                                  "003_6dceaf7ad839cf46", "sample_ar"])
def test_pandoc_reads_every_footnote(exported, name):
    root, path = exported[name]
    assert len(_pandoc_notes(path)) == len(all_notes(root)) > 0


def test_reference_doc_override_keeps_its_page_setup_and_borrows_missing_styles(tmp_path):
    import docx as python_docx

    ref = python_docx.Document()
    ref.sections[0].page_width = python_docx.shared.Cm(21.59)  # US Letter width: visibly not ours
    ref_path = tmp_path / "letter.docx"
    ref.save(str(ref_path))
    root = read_document(CORPUS / "002_493e510ad8222231.xml").root
    data = docx_writer.write(root, reference_doc=ref_path)
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    size = _part(out, "word/document.xml").find(".//w:sectPr/w:pgSz", W)
    assert size.get(f"{{{W_NS}}}w") == str(int(21.59 / 2.54 * 1440 + 0.5)) or size.get(f"{{{W_NS}}}w") == "12240"
    names = [s.get(f"{{{W_NS}}}val") for s in _part(out, "word/styles.xml").iterfind(".//w:style/w:name", W)]
    assert "_ Single Txt_G" in names and "_ Masthead Top_G" in names and "_ Formula_G" in names
    back = docx_reader.read(data, "out.docx").root
    assert _signature(back) == _signature(root)


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_round_trip_of_generated_drafts_in_six_languages(tmp_path, lang):
    """A draft made by ``drafting new`` in each language survives AKN -> DOCX -> AKN."""
    from click.testing import CliRunner

    from drafting.cli import cli

    session = CORPUS.parent / "templates" / "examples" / "draft-resolution.yaml"
    out = tmp_path / f"res.{lang}.xml"
    result = CliRunner().invoke(cli, ["new", "draft-resolution", "--session", str(session),
                                      "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.output
    root = read_document(out).root
    back = docx_reader.read(docx_writer.write(root), "res.docx").root
    assert _signature(back) == _signature(root)
    assert len(body_units(root)) > 5


@pytest.fixture(scope="session")
def resaved(exported, tmp_path_factory):
    """The corpus DOCX opened and saved again by LibreOffice (as an editor would)."""
    import shutil
    import tempfile

    out = tmp_path_factory.mktemp("resaved")
    names = [p.stem for p in CORPUS_XML]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)]
                       + [str(exported[n][1]) for n in names], capture_output=True, timeout=300)
    return {n: out / f"{n}.docx" for n in names}


@pytest.mark.parametrize("name", [p.stem for p in CORPUS_XML])
def test_round_trip_survives_a_save_by_libreoffice(exported, resaved, name):
    """Styles, custom properties and footnotes survive another editor: LibreOffice renumbers
    footnote ids and writes custom marks its own way, and the document still reads back."""
    root, _ = exported[name]
    assert resaved[name].exists()
    back = read_document(resaved[name]).root
    assert _signature(back) == _signature(root)


def test_points_of_a_preambular_paragraph_are_written_and_read_back_from_docx_and_markdown():
    """"Noting the following measures: (a) ...; (b) ...,": the points are printed under their
    preambular paragraph as points (DOCX point styles, Markdown label lines) and read back into
    its container's list: the AKN comes back byte for byte."""
    from drafting.readers import markdown as markdown_reader
    from drafting.writers import markdown as markdown_writer

    src = Path(__file__).parent / "fixtures" / "preamble" / "en_draft_preambular_points.txt"
    root = read_document(src).root
    assert root.xpath("count(//a:preamble//a:blockList/a:item)", namespaces={"a": root.nsmap[None]}) == 2
    data = docx_writer.write(root)
    doc = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    texts = ["".join(p.itertext()) for p in doc.iter(f"{{{W_NS}}}p")]
    assert "(a)Laws adopted in 2024;" in texts and "(b)Plans adopted in 2025," in texts   # num, tab, text
    canonical = etree.tostring(root, method="c14n")
    assert etree.tostring(docx_reader.read(data, "points.docx").root, method="c14n") == canonical
    md = markdown_writer.write(root).decode()
    assert "*Noting* the following measures:\n(a) Laws adopted in 2024;\n(b) Plans adopted in 2025,\n" in md
    back = markdown_reader.read(md.encode(), "points.md").root
    ns = {"a": root.nsmap[None]}
    assert etree.tostring(back.xpath("//a:preamble", namespaces=ns)[0], method="c14n") == \
        etree.tostring(root.xpath("//a:preamble", namespaces=ns)[0], method="c14n")


def test_points_of_a_preambular_paragraph_with_one_label_twice_have_distinct_ids():
    """Two points printed "1." under a preambular paragraph: the list's items keep unique eIds
    (the schema refuses a repeated one)."""
    from drafting.readers.markdown import read_text

    src = "---\nkind: draft-resolution\nlang: en\n---\n\nRecalling x:\n  1. restart\n  1. restart\n\n1. Decides.\n"
    root = read_text(src, "h.md").root
    assert validate_tree(root) == []
    ids = root.xpath("//a:preamble//a:item/@eId", namespaces={"a": root.nsmap[None]})
    assert len(ids) == 2 and len(set(ids)) == 2
