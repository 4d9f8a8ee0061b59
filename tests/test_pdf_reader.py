"""The PDF reader on real UN PDFs (corpus/real): the printed lines it hands to the passes.

Every fact below was read from the PDF itself (page counts, the furniture printed at the page
edges, footnote numbers and first words, italics, the order of the masthead), not copied from the
reader's output.
"""

from __future__ import annotations

import functools
import io
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from drafting.errors import DraftingError
from drafting.readers import read_document
from drafting.readers.pdf import pdf_lines

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"

RES_80_57 = REAL / "pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.pdf"       # adopted resolution
L21 = REAL / "pairs/P01_C2_financial_inclusion/A_C.2_80_L.21.pdf"                  # committee draft
RES_80_119 = REAL / "pairs/P04_C2_consumer_product_safety/A_RES_80_119.pdf"        # with an annex
REPORT = REAL / "reports/A_80_82-E_2025_63.pdf"                                    # SG report
JIU = REAL / "reports/JIU_REP_2025_1.pdf"
SPANISH = REAL / "languages/A_AC.292_2024_3__es.pdf"
RUSSIAN = REAL / "languages/S_2024_228__ru.pdf"
OCR_SCAN = REAL / "languages/E_ICEF_672(PartI)__fr.pdf"


@functools.cache
def read(path: Path):
    return pdf_lines(path.read_bytes(), path.name)


def lines_of(path: Path, zone="body"):
    lines, _ = read(path)
    return [l for l in lines if (l.zone or "body") == zone]


def body_text(path: Path) -> str:
    return "\n".join(l.text for l in lines_of(path))


def notes(path: Path) -> dict[str, str]:
    return {l.note_marker: l.text for l in lines_of(path, "note") if l.note_marker}


def furniture(path: Path) -> list[tuple[int, str, str]]:
    return [(l.page, l.furniture_kind, l.text) for l in lines_of(path, "furniture")]


# --- an adopted resolution: A/RES/80/57, 3 pages -------------------------------------------------

def test_resolution_pages_and_page_breaks():
    lines, diagnostics = read(RES_80_57)
    assert max(l.page for l in lines) == 3
    assert [l.page for l in lines if l.page_break_before] == [2, 3]
    assert diagnostics == []


def test_resolution_furniture_never_in_the_text():
    body = body_text(RES_80_57)
    for printed in ("25-20009", "*2520009*", "2/3", "3/3"):
        assert printed not in body
    found = furniture(RES_80_57)
    assert (1, "job-number", "25-20009 (E)") in found
    assert (1, "barcode", "*2520009*") in found
    assert (2, "page-number", "2/3") in found and (3, "page-number", "3/3") in found
    assert (2, "job-number", "25-20009") in found
    # the running heads of pages 2 and 3: the symbol and the title
    assert (2, "running-head", "A/RES/80/57") in found
    assert (3, "running-head", "Lethal autonomous weapons systems") in found


def test_resolution_title_on_page_one_is_text():
    title = [l for l in lines_of(RES_80_57) if l.text.endswith("Lethal autonomous weapons systems")]
    assert len(title) == 1 and title[0].page == 1
    assert title[0].bold and title[0].size == 12
    assert title[0].text == "80/57. Lethal autonomous weapons systems"


def test_resolution_footnotes_by_number():
    found = notes(RES_80_57)
    assert sorted(found) == ["1", "2", "3"]
    assert found["1"] == "United Nations, *Treaty Series*, vol. 1342, No. 22495."
    assert found["2"].startswith("See *Official Records of the General Assembly, Seventy-seventh Session")
    assert found["3"] == "A/79/88."
    # the second note runs over two printed lines: the second has no marker
    second = [l for l in lines_of(RES_80_57, "note") if l.note_marker is None]
    assert [l.text for l in second] == ["(A/77/53/Add.1), chap. III, sect. A."]


def test_resolution_calls_are_raised_and_glued():
    body = body_text(RES_80_57)
    assert "Injurious or to Have Indiscriminate Effects,^{1} and appreciating" in body
    assert "the report of the Secretary General^{3} and" in body
    assert re.findall(r"\^\{(\d+)\}", body) == ["1", "2", "3"]


def test_resolution_italic_openers_and_operative_verbs():
    body = lines_of(RES_80_57)
    openers = [re.match(r"\*([^*]+)\*", l.text).group(1) for l in body if l.text.startswith("*")]
    assert openers[:7] == ["The General Assembly", "Recalling", "Affirming", "Mindful", "Concerned",
                           "Recognizing", "Reaffirming"]
    assert "1. *Underlines* that a comprehensive and inclusive multilateral approach is" in [l.text for l in body]
    assert any(l.text == "*52nd plenary meeting*" for l in body)


def test_resolution_layout_measures():
    body = lines_of(RES_80_57)
    recalling = next(l for l in body if l.text.startswith("*Recalling*"))
    continuation = body[body.index(recalling) + 1]
    assert recalling.gap_before and not continuation.gap_before
    assert 20 < recalling.indent < 27 and abs(continuation.indent) < 1      # first-line indent
    assert recalling.size == 10 and recalling.bold is False


# --- a committee draft: A/C.2/80/L.21, 7 pages -----------------------------------------------

def test_draft_masthead_in_reading_order():
    first = [l.text for l in lines_of(L21)][:12]
    assert first == [
        "A/C.2/80/L.21", "United Nations", "General Assembly", "Distr.: Limited", "15 October 2025",
        "Original: English", "Eightieth session", "Second Committee", "Agenda item 16 (e)",
        "Macroeconomic policy questions: financial inclusion", "for sustainable development",
        "Iraq:* draft resolution",           # the star is printed on the baseline: kept as printed
    ]


def test_draft_star_note_and_print_stamp():
    assert notes(L21)["*"].startswith("On behalf of the States that are members of the Group of 77 and China")
    found = furniture(L21)
    assert (1, "stamp", "221025") in found and (1, "job-number", "25-16736 (E)") in found
    assert (1, "barcode", "*2516736*") in found
    assert sum(1 for page, kind, _ in found if kind == "page-number") == 6        # pages 2-7
    assert "221025" not in body_text(L21)


# --- a report with a joint symbol: A/80/82-E/2025/63, 22 pages -------------------------------------

def test_report_masthead_columns():
    first = [l.text for l in lines_of(REPORT)][:10]
    assert first == [
        "A/80/82-E/2025/63", "United Nations", "General Assembly", "Economic and Social Council",
        "Distr.: General", "1 May 2025", "Original: English", "General Assembly", "Eightieth session",
        "Item 21 (a) of the preliminary list*",
    ]
    assert max(l.page for l in read(REPORT)[0]) == 22


def test_report_page_one_notes_including_the_boxed_summary():
    page_one = {l.note_marker: l.text for l in lines_of(REPORT, "note") if l.page == 1 and l.note_marker}
    assert page_one == {
        "a": "Available at www.un.org/ohrlls/statistical_annex_sg_report_2025.",
        "*": "A/80/50.",
        "**": "The present report was submitted for processing after the deadline for technical reasons beyond",
    }


def test_report_every_raised_call_has_its_note():
    body = "\n".join(l.text for l in read(REPORT)[0] if l.zone in (None, "note"))
    calls = set(re.findall(r"\^\{([^}]+)\}", body))
    markers = set(l.note_marker for l in lines_of(REPORT, "note") if l.note_marker)
    assert calls == markers - {"*", "**"}    # the stars after the agenda item and the title sit on the baseline
    assert {str(n) for n in range(1, 14)} | {"a"} <= calls


# --- paragraph numbers stay on their line -----------------------------------------------------

def test_numbers_and_their_text_on_one_line():
    texts = [l.text for l in lines_of(RES_80_119)]
    assert "1. *Decides* to adopt the United Nations principles for consumer product" in texts
    assert "1. All products offered to consumers, whether online or offline, new, used, repaired" in texts
    assert "I. General principles for the safety of products on the market" in texts


def test_two_calls_at_one_point():
    # A/79/437/Add.4 paragraph 10 ends "as follows:" with the raised calls 3,4
    texts = [l.text for l in lines_of(REAL / "reports/A_79_437_Add.4.pdf")]
    assert "vote of 88 to 76, with 6 abstentions. The voting was as follows:^{3}^{4}" in texts


def test_an_italic_stop_after_a_number_stays_outside_the_marks():
    # A/C.6/80/L.8 prints the full stop of "1." in italics, with the verb after it
    texts = [l.text for l in lines_of(REAL / "pairs/P09_C6_negotiable_cargo_documents/A_C.6_80_L.8.pdf")]
    assert "1. *Commends* the United Nations Commission on International Trade Law" in texts


def test_a_table_of_figures_reads_as_a_table():
    # A/RES/80/239 annex I: heads over two right-aligned columns of figures, a label wrapped
    # over two lines, a total in bold, an "Of which:" line alone; the table note stays text; the
    # unit centred under both heads spans both columns (a bar right after a bar)
    texts = [l.text for l in lines_of(REAL / "pairs/P14_C5_IRMCT_financing/A_RES_80_239.pdf")]
    start = texts.index("|  | *Gross* | *Net of staff assessment* |")
    assert texts[start + 1:start + 4] == [
        "|  | *(United States dollars)* ||",
        "|---|---|---|",
        "| Estimated appropriation for 2026^{a} | 56 234 300 | 51 375 900 |",
    ]
    assert ("| Recommendations of the Advisory Committee on Administrative and Budgetary Questions"
            " | (107 700) | (107 700) |") in texts
    assert "| **Appropriation for 2026** | **56 126 600** | **51 268 200** |" in texts
    assert "| *Of which*: |  |  |" in texts
    assert "*a* See A/80/505." in texts


def test_the_same_table_from_layout_text():
    # pdftotext -layout keeps the columns: the text reader finds the table by the same rules
    from drafting.readers.text import text_lines

    text = (REAL / "pairs/P14_C5_IRMCT_financing/A_RES_80_239.layout.txt").read_text(encoding="utf-8")
    texts = [l.text for l in text_lines(text)]
    start = texts.index("|  | Gross | Net of staff assessment |")
    assert texts[start + 2:start + 4] == ["|---|---|---|", "| Estimated appropriation for 2026 a | 56 234 300 | 51 375 900 |"]
    assert "| Of which: |  |  |" in texts
    assert "| Recommendations of the Fifth Committee | – | – |" in texts
    assert texts.count("|---|---|---|") == 2
    doc = read_document(REAL / "pairs/P14_C5_IRMCT_financing/A_RES_80_239.layout.txt")
    tables = doc.root.findall(".//{*}attachment//{*}table")
    assert [len(t.findall("{*}tr")) for t in tables] == [9, 5]


def test_lines_of_figures_alone_are_no_table():
    # an axis, or hostile text: figures in columns with no label in words; each run of rows is
    # looked at once, so 2,000 such lines are read at once (looking again from every row took
    # minutes)
    from drafting.readers.text_tables import layout_tables

    assert layout_tables(["   " + "1     " * 30] * 2000) == {}
    assert len(layout_tables(["   Label text                 12         7"] * 2000)) == 1


def test_chart_labels_are_no_table():
    # JIU/REP/2025/1 prints bar charts whose percentages stand in columns over the bars;
    # its tables (Table 3: regions, staff figures) are read as tables
    texts = [l.text for l in lines_of(REAL / "reports/JIU_REP_2025_1.pdf")]
    assert "| Africa (4) | 39 | 9 | 6 |" in texts
    assert "| **Total** | **182** | **162** | **38** |" in texts
    assert not any(t.startswith(("| USG (1)", "| D-1 (52)")) for t in texts)


# --- other languages ---------------------------------------------------------------------------

def test_spanish_document():
    texts = [l.text for l in lines_of(SPANISH)]
    assert texts[:7] == ["A/AC.292/2024/3", "Naciones Unidas", "Asamblea General", "Distr. general",
                         "29 de abril de 2024", "Español", "Original: inglés"]
    assert "I. Introducción" in texts
    assert any(t.startswith("1. En el anexo A de su segundo informe anual") for t in texts)
    assert max(l.page for l in read(SPANISH)[0]) == 10


def test_russian_document():
    texts = [l.text for l in lines_of(RUSSIAN)]
    assert texts[:7] == ["S/2024/228", "Организация Объединенных Наций", "Совет Безопасности",
                         "Distr.: General", "11 March 2024", "Russian", "Original: English"]
    assert (2, "running-head", "S/2024/228") in furniture(RUSSIAN)
    assert max(l.page for l in read(RUSSIAN)[0]) == 9


def test_margin_text_printed_upwards_is_furniture():
    assert (2, "rotated-text", "JIU/REP/2025/1") in furniture(JIU)
    assert not any(len(l.text) == 1 for l in lines_of(JIU) if l.page == 2)


# --- a scan with an OCR layer ----------------------------------------------------------------------

def test_ocr_scan_is_read_from_its_text_layer():
    lines, diagnostics = read(OCR_SCAN)
    assert max(l.page for l in lines) == 17
    assert len(diagnostics) == 1 and "OCR text layer" in diagnostics[0][1] and "pages 1-17" in diagnostics[0][1]
    body = lines_of(OCR_SCAN)
    assert all(l.size is None and l.bold is None for l in lines)
    assert (16, "page-number", "Page 16") in furniture(OCR_SCAN)        # the older page line
    assert any("RAPPORT DU DIRECTEUR GENERAL" in l.text for l in body)
    assert not any("*" in l.text[:1] and l.text.count("*") >= 2 for l in body)   # no italics invented


# --- every word accounted for ---------------------------------------------------------------------

WORD_DOCS = [RES_80_57, L21, RES_80_119, REPORT, SPANISH, RUSSIAN]


@pytest.mark.parametrize("path", WORD_DOCS, ids=lambda p: p.stem)
def test_every_word_pdfium_extracts_is_in_the_lines(path):
    lines, _ = read(path)
    printed: dict[int, str] = {}
    for l in lines:
        text = (l.note_marker or "") + re.sub(r"\^\{([^}]*)\}", r"\1", l.text).replace("*", "")
        printed[l.page] = printed.get(l.page, "") + re.sub(r"\s", "", text)
    doc = pdfium.PdfDocument(path)
    missing = []
    for index in range(len(doc)):
        words = doc[index].get_textpage().get_text_range().replace("\ufffe", "-").split()
        for word in words:
            if word.replace("*", "") not in printed.get(index + 1, ""):
                missing.append((index + 1, word))
    assert missing == []


# --- raised letters and calls from another producer (LibreOffice) -----------------------------------

def test_raised_ordinals_are_superscripts_and_a_literal_asterisk_stays():
    lines, _ = pdf_lines((FIXTURES / "ordinals.pdf").read_bytes(), "ordinals.pdf")
    assert [l.text for l in lines] == [
        "*Rappelant* sa résolution du 1^{er} janvier 2020, présentée par M^{me} Dupont,^{1} et la 2^{e} session,",
        "**Décide** de poursuivre l’examen de la question à sa 80^{e} session; un astérisque * reste tel quel.",
    ]


# --- the whole way to AKN -------------------------------------------------------------------

def test_read_document_gives_akn_with_the_footnotes():
    result = read_document(RES_80_57)
    assert result.format == "pdf"
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    notes_ = result.root.findall(".//a:authorialNote", ns)
    assert [n.get("marker") for n in notes_] == ["1", "2", "3"]
    xml_text = "".join(result.root.itertext())
    assert "25-20009" not in xml_text and "*2520009*" not in xml_text


# --- bad input: one clear line ---------------------------------------------------------------

def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A minimal PDF file from its objects, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PAGE_TREE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]


def encrypted_pdf() -> bytes:
    """A PDF protected by a user password (the standard security handler; any password but
    the empty one)."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>"
    return _pdf(PAGE_TREE + [encrypt], b"/Encrypt 4 0 R /ID [<" + b"33" * 16 + b"><" + b"33" * 16 + b">] ")


def blank_pdf(width: float = 612, height: float = 792, pages: int = 1) -> bytes:
    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(width, height)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


REAL_BYTES = RES_80_57.read_bytes()


@pytest.mark.parametrize("data,message", [
    (b"%PDF-1.4 binary", "is a truncated or damaged PDF"),
    (b"Hello, this is text", "not a PDF file"),
    (REAL_BYTES[: len(REAL_BYTES) // 2], "is a truncated or damaged PDF (it does not end with %%EOF)"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", "is not a PDF or is too damaged to read"),
    (REAL_BYTES[:20000] + b"\0" * 20000 + REAL_BYTES[40000:], "page 2 cannot be read (a damaged PDF)"),
    (encrypted_pdf(), "is encrypted (password-protected)"),
    (blank_pdf(), "has no text layer (a scan without OCR): run OCR first (e.g. ocrmypdf)"),
    (blank_pdf(30000, 30000), "page 1 measures 30000 x 30000 points, not a printable page"),
], ids=["header-only", "not-pdf", "truncated", "garbage", "damaged-page", "encrypted", "no-text", "huge-page"])
def test_bad_pdf_is_one_clear_error(data, message):
    with pytest.raises(DraftingError) as err:
        pdf_lines(data, "X.pdf")
    assert message in str(err.value) and str(err.value).startswith("X.pdf")


def test_absurd_page_count_is_refused(monkeypatch):
    monkeypatch.setattr("drafting.readers.pdf_document.MAX_PAGES", 2)
    with pytest.raises(DraftingError, match="has 3 pages, more than the 2 one document can have"):
        pdf_lines(REAL_BYTES, "X.pdf")


def test_a_decompression_bomb_is_refused_before_pdfium_inflates_it(monkeypatch):
    import zlib

    monkeypatch.setattr("drafting.readers.pdf_document.MAX_INFLATED", 1024 * 1024)
    content = zlib.compress(b" " * (3 * 1024 * 1024) + b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", 9)
    bomb = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    with pytest.raises(DraftingError, match="its compressed streams inflate to more than 1 MB"):
        pdf_lines(bomb, "X.pdf")
    monkeypatch.setattr("drafting.readers.pdf_document.MAX_INFLATED", 8 * 1024 * 1024)
    assert [l.text for l in pdf_lines(bomb, "X.pdf")[0]] == ["Hello"]    # under the limit it reads


def test_cli_error_is_one_line_exit_2(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    proc = subprocess.run([sys.executable, "-m", "drafting.cli", "show", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"drafting: error: {path} is encrypted (password-protected): "
                                               "save an unprotected copy first (e.g. qpdf --password=PASSWORD "
                                               "--decrypt IN.pdf OUT.pdf)"]


def test_a_500_page_pdf_reads_without_a_progress_bar_when_piped(tmp_path):
    big = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(RES_80_57)
    for _ in range(167):
        big.import_pages(source)
    path = tmp_path / "long.pdf"
    big.save(path)
    assert len(pdfium.PdfDocument(path)) == 501
    out = tmp_path / "long.xml"
    proc = subprocess.run([sys.executable, "-m", "drafting.cli", "-q", "ingest", "--max-mb", "100",
                           str(path), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""                       # no progress bar, no escape codes
    assert out.read_text(encoding="utf-8").count("comprehensive and inclusive multilateral approach") == 167


# --- the commands on PDFs ----------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafting.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_check_sees_the_italic_operative_verbs_the_pdf_prints(tmp_path):
    from_pdf = _cli("check", str(RES_80_57))
    extracted = tmp_path / "A_RES_80_57.txt"
    extracted.write_bytes(RES_80_57.with_suffix(".pdftotext.txt").read_bytes())
    from_text = _cli("check", str(extracted))
    # the PDF keeps the italic verbs, so the rule holds; plain text carries no italics at all, so
    # the rule asks nothing of it
    assert "UN503" not in from_pdf.stdout + from_pdf.stderr
    assert "UN503" not in from_text.stdout + from_text.stderr
    from drafting.readers import read_document
    root = read_document(RES_80_57).root
    verbs = root.xpath("//a:mainBody//a:paragraph/a:content/a:p/a:i[1]/text()",
                       namespaces={"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"})
    assert verbs == ["Underlines", "Stresses", "Calls upon", "Decides"]


def test_diff_and_export_read_pdfs(tmp_path):
    draft = REAL / "pairs/P05_C1_lethal_autonomous_weapons/A_C.1_80_L.41.pdf"
    diff = _cli("diff", str(draft), str(RES_80_57))
    assert diff.returncode == 1, diff.stderr                        # the texts differ
    assert "'A/C.1/80/L.41' → 'A/RES/80/57'" in diff.stdout
    out = tmp_path / "A_RES_80_57.docx"
    export = _cli("export", str(RES_80_57), "-o", str(out))
    assert export.returncode == 0, export.stderr
    assert out.stat().st_size > 5000


def test_paragraph_numbers_garbled_by_ocr_are_read_back_in_sequence():
    # E/ICEF/672 (a 1980 typescript, OCR layer): the page images print 14., 24., 34. and 41.-47.;
    # the OCR text reads lU., 2k., 3l+., 1*1., b2., U3., bb., 1+6., 1+7.; 45. is read 15., a
    # number in digits whose open 4 became a 1: read back as the 45 the sequence expects since
    # the label after it goes on from 45. A section's letter (B.) is never read as a digit.
    from drafting.readers.passes.ocr import _misread_digits, reads_as

    result = read_document(OCR_SCAN)
    nums = [n.text.strip().rstrip(".") for n in result.root.iter("{*}num") if n.getparent().tag.endswith("paragraph")]
    assert [str(n) for n in range(41, 48)] == nums[-7:]
    assert {"14", "24", "34"} <= set(nums)
    repairs = [d.message for d in result.diagnostics if "paragraph number" in d.message]
    assert "OCR repair: paragraph number '3l+.' read as '34.'" in repairs
    assert "OCR repair: paragraph number '15.' read as '45.'" in repairs
    # a digit misread is a guess the next label must confirm; a restart at 1 is a restart
    from drafting.readers.lines import Line
    assert _misread_digits("15", 44, [Line("46. Le", 0, 1)]) == 45
    assert _misread_digits("15", 44, [Line("16. Le", 0, 1)]) is None
    assert _misread_digits("17", 44, [Line("46. Le", 0, 1)]) is None
    assert reads_as("1+6", "46") and reads_as("lU", "14") and not reads_as("lU", "15")
    jiu = [d.message for d in read_document(REAL / "reports/JIU_REP_2025_1.pdf").diagnostics]
    assert not any("paragraph number 'B.'" in m for m in jiu)


def test_a_space_after_an_opening_parenthesis_in_extracted_text_is_removed():
    # pdftotext prints "( WHO)" in A/80/75 footnote 11 where the PDF sets "(WHO)" (a kerning
    # gap); the PDF reader reads it right, the text reader removes the space and says so
    source = REAL / "reports/A_80_75-E_2025_55.pdftotext.txt"
    assert "( WHO)" in source.read_text(encoding="utf-8")
    result = read_document(source)
    text = "".join(result.root.itertext())
    assert "(WHO)" in text and "( WHO)" not in text
    assert any("space after an opening parenthesis removed" in d.message for d in result.diagnostics)


# --- a right-to-left annex: S/2025/354, an English letter and 20 pages in Arabic ----------------

ARABIC_ANNEX = REAL / "languages/S_2025_354__en-ar.pdf"


def test_arabic_words_are_whole():
    """On a right-to-left line the spaces PDFium reads stand between words, not one letter over:
    the words are whole (the town names of the annex's lists as printed), few are one letter (the
    mis-encoded text layer has its own), and a bullet stays apart from its item."""
    text = body_text(ARABIC_ANNEX)
    words = re.findall(r"[\u0600-\u06ff]+", text)
    assert len(words) > 3000
    single = sum(len(w) == 1 for w in words)
    assert single < 0.25 * len(words), single / len(words)     # 64% when spaces went one letter over
    for printed in ("الخرطوم", "نيابة الفاشر", "الديل الأبيض"):   # as the text layer encodes them
        assert printed in text, printed
    assert "▪ " in text and not re.search("▪[\u0600-\u06ff]", text)


def test_a_heading_word_broken_by_ocr_is_rebuilt_and_reported():
    # E/ICEF/672 page 3: the OCR layer reads the heading "Introduction" as "lutroduct i on" (I read
    # as l, n as u, the word cut in three); a lone "i" is no French word, and the pieces joined
    # with the look-alike letters read back make a common French word
    from drafting.readers.text_ocr import rebuild_heading

    result = read_document(OCR_SCAN)
    text = " ".join(result.root.itertext())
    assert "lutroduct i on" not in text and "Introduction" in text
    assert any("heading word 'lutroduct i on' read as 'Introduction'" in d.message for d in result.diagnostics)
    # the headings under it, the typescript's underline read as "_" and the 1 for l read back,
    # are the body's cross-headings in order, the first one ("Introduction", listed in the
    # contents) too; "Pape lU", a page line, is none
    headings = ["".join(h.itertext()).strip() for h in result.root.iter("{*}heading")]
    assert headings[:4] == ["Introduction", "Vue d'ensemble de la session du Conseil",
                            "Quelques observations personnelles", "Transformation de la tâche du FISE"]
    assert "Pape lU" not in headings
    french = frozenset({"a", "à", "y"})
    assert rebuild_heading("Article 1a", "fr", french) == ("Article 1a", None)        # a label
    assert rebuild_heading("Vue d ensemble", "fr", french) == ("Vue d ensemble", None)   # no word
    assert rebuild_heading("Afrique", "fr", french) == ("Afrique", None)                # no lone letter
    assert rebuild_heading("Politique a suivre", "fr", french)[1] is None               # "a" is a word


def test_a_head_over_several_columns_spans_them():
    """A head printed over several columns is one cell spanning them (``colspan``), read from the
    PDF and from -layout, and written so by the HTML, Word and Markdown writers: the unit under
    the heads of A/C.5/80/L.13's annex tables, centred under both figure columns; in the JIU
    report, "Partnership modality" over the four columns its cell's border spans (table 10) and
    "Regional Office personnel" over two (table 3). Heads set close over their own columns
    ("MEAs Overall") stay a head each."""
    import zipfile

    from drafting.writers import docx as docx_writer, html as html_writer, markdown as md_writer

    l13 = REAL / "pairs/P14_C5_IRMCT_financing/A_C.5_80_L.13.pdf"
    for source in (l13, l13.with_suffix(".layout.txt")):
        root = read_document(source).root
        spans = {"".join(th.itertext()).strip(): th.get("colspan") for th in root.iter("{*}th")}
        assert spans["(United States dollars)"] == "2", source
        assert spans["Gross"] is None and spans["Net of staff assessment"] is None
    html = html_writer.write(root).decode()
    assert re.search(r'<th colspan="2">[^<]*(<[^>]+>)*\(United States dollars\)', html)
    with zipfile.ZipFile(io.BytesIO(docx_writer.write(root))) as z:
        document = z.read("word/document.xml").decode()
    assert '<w:gridSpan w:val="2"/>' in document
    assert "| (United States dollars) ||" in md_writer.write(root).decode()
    jiu = {"".join(th.itertext()).strip(): th.get("colspan") for th in read_document(JIU).root.iter("{*}th")}
    assert jiu["Partnership modality"] == "4" and jiu["Regional Office personnel"] == "2"
    assert jiu["MEAs"] is None and jiu["Overall"] is None and jiu["Multi-stakeholder"] is None


def test_arabic_vowel_signs_stay_on_their_letters():
    """A/AC.292/2025/INF/5 draws each damma of its Arabic statement as a text object of its own,
    a little above the line: it joins its line, after its letter in reading order, and no line
    of vowel signs alone is left; a word space the text layer lacks still shows as a gap."""
    import unicodedata

    lines, _ = read(REAL / "languages/A_AC.292_2025_INF_5__en-ar-fr-ru-es.pdf")
    assert not [l for l in lines if l.text.strip() and all(unicodedata.combining(c) or c == " " for c in l.text)]
    text = body_text(REAL / "languages/A_AC.292_2025_INF_5__en-ar-fr-ru-es.pdf")
    assert "تتشرف الجُمهورية التُونسية بإلقاء هذا البيان" in text
    assert "مفتوحة العُضوية المُشكلة بمُوجب قرار الجمعية" in text
