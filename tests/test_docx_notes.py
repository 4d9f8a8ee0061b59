"""Notes of Word files marked by letters, roman numbers and signs, and Word files that are no UN
document (a letter, a CV).

UN documents mark the notes of a table ``a``, ``b``, ``c``, and some footnotes ``i``, ``ii`` or
``*``, ``†``, ``‡``. In a Word file they are real footnotes with a custom mark, or text notes typed
below a drawn rule, under a table or at the document's end with their mark raised in the text.
Each comes out as an ``authorialNote`` with its marker, in the paragraph (or table cell) of its
call. The wording is that of real documents of corpus/real (JIU/REP/2025/1's table notes,
A/80/82-E/2025/63's summary note).
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx as python_docx
import pytest
from conftest import CORPUS
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_made_elsewhere import _without_doubled_marks, paragraphs_of
from lxml import etree

from drafting.model.units import all_notes, body_units, masthead
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
REPORT_HEAD = ["United Nations", "A/80/123", "General Assembly", "Distr.: General", "3 July 2025",
               "Original: English", "Eightieth session", "Item 20 of the preliminary list",
               "Review of management and administration in the United Nations Environment Programme",
               "Report of the Secretary-General"]
# (paragraph, its calls) and the notes, in the words of JIU/REP/2025/1
PARAGRAPHS = [
    ["1. The Unit reviewed the staffing of the Programme, including its outposted branches.", "^a",
     " Consultants and individual contractors were counted apart.", "^b"],
    ["2. The Programme had 1,200 staff members at the end of 2024.", "^ii"],
    ["3. Figures are those of the Programme's enterprise resource planning system.", "^†"]]
NOTES = [("a", "Including outposted branches and units."),
         ("b", ("Only covering consultants and individual contractors recruited through the United Nations "
                "Office at Nairobi (UNON).")),
         ("ii", "Prepared by JIU based on information provided by UNEP (October 2024)."),
         ("†", "Source: Prepared by JIU (2025).")]


def _add(paragraph, parts) -> None:
    for part in [parts] if isinstance(parts, str) else parts:
        if part.startswith("^"):
            paragraph.add_run(part[1:]).font.superscript = True
        else:
            paragraph.add_run(part)


def _saved(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _notes_by_call(data: bytes, name: str) -> tuple[dict, list]:
    """marker -> (the note's text, the start of the text of the paragraph or cell that holds its
    call); and the diagnostics."""
    result = read_docx(data, name)
    out = {}
    for note in result.root.iter(f"{AKN}authorialNote"):
        host = next(a for a in note.iterancestors() if a.tag in (f"{AKN}p", f"{AKN}td"))
        text = " ".join(" ".join(note.itertext()).split())
        host_text = "".join(host.text or "")
        out[note.get("marker")] = (text, host_text[:30])
    return out, result.diagnostics


def _expected() -> dict:
    return {"a": (NOTES[0][1], PARAGRAPHS[0][0][3:33]), "b": (NOTES[1][1], PARAGRAPHS[0][0][3:33]),
            "ii": (NOTES[2][1], PARAGRAPHS[1][0][3:33]), "†": (NOTES[3][1], PARAGRAPHS[2][0][3:33])}


@pytest.mark.parametrize("where", ["at the end", "below a rule"])
def test_text_notes_marked_by_letters_roman_numbers_and_signs_go_to_their_call(where):
    """A Word file without real footnotes: the notes typed after the text, below a drawn rule
    (a paragraph's bottom border) or not, their mark raised (``†``) or typed (``a``)."""
    doc = python_docx.Document()
    for text in REPORT_HEAD:
        doc.add_paragraph(text)
    for parts in PARAGRAPHS:
        paragraph = doc.add_paragraph()
        paragraph.add_run(parts[0][:3])   # (the number typed)
        _add(paragraph, [parts[0][3:]] + parts[1:])
    if where == "below a rule":
        rule = doc.add_paragraph()
        rule._p.get_or_add_pPr().append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'))
    for mark, text in NOTES:
        _add(doc.add_paragraph(), [("^" if mark == "†" else "") + mark, " " + text])
    notes, diagnostics = _notes_by_call(_saved(doc), "notes.docx")
    assert notes == _expected()
    assert not [d for d in diagnostics if d.code in ("unanchored-note", "note-without-body")]
    units = body_units(read_docx(_saved(doc), "notes.docx").root)
    assert [u.num for u in units] == ["1.", "2.", "3."]   # no note left as a paragraph


def test_word_footnotes_with_custom_marks_go_to_their_call(tmp_path):
    """Real Word footnotes whose marks are signs, a roman number and a letter (Word's "Custom
    mark"), as a word processor saves them (LibreOffice, from RTF)."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")

    def rtf_text(text):
        return "".join(ch if ord(ch) < 128 else rf"\u{ord(ch)}?" for ch in text)

    def footnote(mark):
        text = dict(NOTES)[mark]
        return r"{\super " + rtf_text(mark) + r"{\footnote\pard\plain{\super " + rtf_text(mark) + "} " + rtf_text(text) + "}}"

    lines = [r"{\rtf1\ansi\deff0{\fonttbl{\f0\froman Times New Roman;}}"]
    lines += [r"\pard\plain " + text + r"\par" for text in REPORT_HEAD]
    for parts in PARAGRAPHS:
        lines.append(r"\pard\plain " + "".join(footnote(p[1:]) if p.startswith("^") else rtf_text(p) for p in parts)
                     + r"\par")
    lines.append("}")
    (tmp_path / "custom.rtf").write_text("\n".join(lines), encoding="ascii")
    # (a profile of its own: another LibreOffice running on the machine does not take the call)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "custom.rtf")],
                   check=True, capture_output=True, timeout=300)
    path = tmp_path / "custom.docx"
    _without_doubled_marks(path)
    with zipfile.ZipFile(path) as zf:
        assert zf.read("word/document.xml").count(b'customMarkFollows="1"') == 4
    notes, diagnostics = _notes_by_call(path.read_bytes(), path.name)
    assert notes == _expected()
    assert not [d for d in diagnostics if d.code in ("unanchored-note", "note-without-body")]


def test_a_tables_notes_go_to_the_cells_that_call_them():
    """A table's notes ``a``, ``b`` typed under it (after its source line), called from its cells;
    the next table's notes start again at ``a``, each called from its own table."""
    doc = python_docx.Document()
    for text in REPORT_HEAD + ["1. The Unit reviewed the staffing of the Programme, as set out in tables 1 and 2.",
                               "Table 1", "Staff of the Programme by location"]:
        doc.add_paragraph(text)

    def table(rows, calls):
        cells = doc.add_table(rows=len(rows), cols=2).rows
        for row, texts in zip(cells, rows):
            row.cells[0].text, row.cells[1].text = texts
        for (r, c), mark in calls:
            cells[r].cells[c].paragraphs[0].add_run(mark).font.superscript = True

    table([("Location", "Staff"), ("Nairobi", "640"), ("Divisions", "412")], [((2, 0), "a"), ((1, 1), "b")])
    doc.add_paragraph("Source: Prepared by JIU based on information provided by UNEP (October 2024).")
    for mark, text in NOTES[:2]:
        _add(doc.add_paragraph(), ["^" + mark, " " + text])
    for text in ("Table 2", "Consultants of the Programme by year"):
        doc.add_paragraph(text)
    table([("Year", "Consultants"), ("2023", "310"), ("2024", "298")], [((2, 1), "a")])
    _add(doc.add_paragraph(), ["^a", " Figures as at 31 December 2024."])
    doc.add_paragraph("2. The Programme had 1,200 staff members at the end of 2024.")
    result = read_docx(_saved(doc), "table.docx")
    notes = [(note.get("marker"), "".join(note.itertext()).strip(),
              next(a for a in note.iterancestors() if a.tag == f"{AKN}td").findtext(f"{AKN}p"))
             for note in result.root.iter(f"{AKN}authorialNote")]
    assert notes == [("b", NOTES[1][1], "640"), ("a", NOTES[0][1], "Divisions"),
                     ("a", "Figures as at 31 December 2024.", "298")]   # (in the order the cells print)
    assert not [d for d in result.diagnostics if d.code == "unanchored-note"]


def test_a_reports_summary_note_typed_at_the_end_goes_to_the_summary():
    """A/80/82-E/2025/63 typed a paragraph per paragraph (python-docx): its summary's note
    ``a``, typed after the text with the numbered notes, is called at the summary's end."""
    src = CORPUS / "real" / "reports" / "A_80_82-E_2025_63.pdftotext.txt"
    doc = python_docx.Document()
    for runs in paragraphs_of(src):
        paragraph = doc.add_paragraph()
        for text, raised in runs:
            paragraph.add_run(text).font.superscript = raised or None
    root = read_docx(_saved(doc), "A_80_82.docx").root
    note = next(n for n in root.iter(f"{AKN}authorialNote") if n.get("marker") == "a")
    host = " ".join(" ".join(note.getparent().getparent().itertext()).split())
    assert host.startswith("The present report provides information on the implementation of Doha")
    assert "".join(note.itertext()).strip() == "Available at www.un.org/ohrlls/statistical_annex_sg_report_2025."
    # every note of the text, as the text reader reads them (*, ** and a among them)
    assert [(n.marker, n.text) for n in all_notes(root)] == [(n.marker, n.text) for n in all_notes(read_document(src).root)]


LETTER = ["Permanent Mission of Norway to the United Nations", "New York, 12 March 2025", "Ms. Ana Rivera",
          "Director, Programme Division", "United Nations Development Programme", "New York",
          "Dear Ms. Rivera,",
          ["Thank you for your letter of 3 March 2025 about the workshop on climate finance.", "^1",
           " We would be glad to host it in our offices in the second week of May."],
          "The Mission will provide interpretation into French and Spanish.", "Yours sincerely,",
          "Tomás Ortega", "Ambassador", "Permanent Representative"]


def test_a_letters_short_lines_are_its_paragraphs_and_its_note_is_at_its_call():
    """A letter typed in ``Normal``: a plain ``doc`` whose address, date, name and titles are
    paragraphs (no heading style says otherwise), its footnote typed at the end paired with its
    raised call."""
    doc = python_docx.Document()
    for parts in LETTER:
        _add(doc.add_paragraph(), parts)
    _add(doc.add_paragraph(), ["^1", " See A/79/12, para. 4."])
    root = read_docx(_saved(doc), "letter.docx").root
    assert root[0].get("name") == "doc"
    units = body_units(root)
    assert {u.kind for u in units} == {"paragraph"}
    assert [u.text for u in units][-3:] == ["Tomás Ortega", "Ambassador", "Permanent Representative"]
    note = next(root.iter(f"{AKN}authorialNote"))
    assert note.get("marker") == "1" and "".join(note.itertext()).strip() == "See A/79/12, para. 4."
    host = etree.tostring(note.getparent().getparent(), encoding=str, method="text")
    assert host.startswith("Thank you for your letter")


def test_a_cv_typed_in_normal_keeps_its_short_lines_as_paragraphs_and_its_bold_ones_as_headings():
    doc = python_docx.Document()
    lines = ["Maria Fernanda Ortiz", "Programme Officer", "Bogotá, Colombia", "Experience", "2019–2024",
             "Programme Officer", "Office for the Coordination of Humanitarian Affairs",
             "Coordinated the 2023 humanitarian response plan for three regions.", "Education",
             "Master of Public Policy", "Universidad de los Andes, 2014"]
    for text in lines:
        paragraph = doc.add_paragraph()
        paragraph.add_run(text).bold = text in ("Experience", "Education") or None
    root = read_docx(_saved(doc), "cv.docx").root
    assert root[0].get("name") == "doc"
    kinds = {u.text: u.kind for u in body_units(root)}
    assert kinds["Experience"] == kinds["Education"] == "crossHeading"
    assert {kinds[t] for t in lines[4:] if t not in ("Experience", "Education")} == {"paragraph"}


def test_a_paragraph_in_the_title_style_is_the_title_where_no_masthead_says_it():
    """pandoc prints a Markdown file's title in ``Title`` above the text and no masthead: the
    title is that paragraph (which the masthead reading would take for an organ's name), and a
    letter whose title says what it is stays a UN letter."""
    doc = python_docx.Document()
    doc.add_paragraph("Follow-up to the Fifth United Nations Conference on the Least Developed Countries",
                      style="Title")
    doc.add_paragraph("2025-11-17")
    for text in ("The General Assembly,", "Recalling its resolution 79/218 of 19 December 2024,",
                 "1. Takes note of the report of the Secretary-General;",
                 ("2. Decides to include in the provisional agenda of its eighty-first session the item "
                  "entitled “Groups of countries in special situations”.")):
        doc.add_paragraph(text)
    root = read_docx(_saved(doc), "odt.docx").root
    assert masthead(root)["title"] == "Follow-up to the Fifth United Nations Conference on the Least Developed Countries"
    assert masthead(root)["organs"] == []
    assert [(u.kind, u.num) for u in body_units(root)] == [
        ("formula", None), ("preambular", None), ("paragraph", "1."), ("paragraph", "2.")]

    letter = python_docx.Document()
    letter.add_paragraph("Letter dated 3 June 2025 from the Permanent Representative of the Sudan to the "
                         "United Nations addressed to the President of the Security Council", style="Title")
    letter.add_paragraph("I have the honour to transmit herewith the first quarterly report for 2025 of the "
                         "National Mechanism for the Protection of Civilians (see annex).")
    letter.add_paragraph("I should be grateful if the present letter and its annex could be circulated as a "
                         "document of the Security Council.")
    root = read_docx(_saved(letter), "letter.docx").root
    assert root[0].get("name") == "letter"
    assert masthead(root)["title"].startswith("Letter dated 3 June 2025 from the Permanent Representative")


def test_an_organs_name_in_the_title_style_above_the_masthead_leaves_the_title_alone():
    """A masthead that sets "General Assembly" in Word's ``Title`` style: the organ stays the
    organ and the title the one under the agenda line."""
    doc = python_docx.Document()
    doc.add_paragraph("General Assembly", style="Title")
    for text in ["A/C.3/80/L.5", "Distr.: Limited", "9 October 2025", "Original: English", "Eightieth session",
                 "Third Committee", "Agenda item 70 (b)", "Austria, Belgium and Chile: draft resolution",
                 "Protection of migrants", "The General Assembly,", "1. Calls upon all States to protect migrants;",
                 "2. Decides to remain seized of the matter."]:
        doc.add_paragraph(text)
    root = read_docx(_saved(doc), "organ.docx").root
    assert masthead(root)["title"] == "Protection of migrants"
    assert "General Assembly" in masthead(root)["organs"]
