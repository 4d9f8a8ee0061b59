"""Word files from anywhere: DOCX made seven ways (pandoc, LibreOffice, python-docx, this
toolkit's export with its styles taken off, a word processor's own styles, Word numbering and
direct formatting, this toolkit's Markdown through pandoc's OpenDocument and LibreOffice) from
every real document of corpus/real, and this toolkit's own export, read back.

The facts are those the same passes find in the text each file was made from (the pdftotext of
the PDF: kind, title, preamble, operative numbers, footnotes, points, job number), counted where the Word file can
carry them; every word of the Word file is in the AKN or in a diagnostic. The counts below are
what the reader reaches, and a drop below them fails.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter

import pytest
from conftest import CORPUS, ROOT
from docx_made_elsewhere import (
    WAYS,
    make_all,
    markdown_for_odt,
    points_run_on_in_markdown,
    renumbered_by_pandoc,
    renumbered_in_markdown,
)
from lxml import etree

from drafting.model.units import all_notes, body_units, masthead
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.readers.passes.language import arabic_in_reading_order
from drafting.writers.docx import write as write_docx

SOURCES = sorted((CORPUS / "real").glob("**/*.pdftotext.txt"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# documents (of 60) whose fact agrees with the reading of the text the file was made from, per
# way of making the DOCX; a fact the file cannot carry (``not_carried``) is not counted. What
# each file carries, and what keeps the others apart:
# - LibreOffice (a printed line per paragraph, blank lines and page breaks kept): all the text
#   file's facts; agrees on all;
# - python-docx (a paragraph per paragraph in printed order, no space between paragraphs, the
#   footnote calls raised, the notes typed at the end after their marks): every fact; left,
#   JIU/REP/2025/1's title (typed twice in the text reading), one of E/2025/28's 245 numbers
#   (its label "(e)" a line of its own in the text reading, one paragraph with "25." here); a
#   preambular paragraph the text reading cut short ("... activities, particular") stays apart
#   from the next: a Word paragraph is a paragraph;
# - word (this toolkit's DOCX with every style taken off: real footnotes, italic participles,
#   the masthead in the first page's header, the title block in printed order): as python-docx;
# - pandoc (a printed line per paragraph, every one spaced alike: no blank line and no page
#   break survives): its pages are found by their running heads and its footnotes under the
#   drawn rule; the title is told from the submission or agenda line above it by content (short
#   lines, a symbol or "(Poland)" closing the submission); footnotes of 42 (18 texts have a
#   star note, whose star pandoc turns into a bullet), numbers of 56 (pandoc renumbers four).
#   A plain-digit call is looked for on its note's page, which opens at the running head
#   under the page foot before. Left: one note of E/2025/28;
# - styled (typed in a word processor with its own styles, saved by LibreOffice: the symbol in
#   the page header only, the job number and page number in the footer, the title in ``Title``
#   or centred and bold, headings in ``Heading 1``/``Heading 2``, numbers and labels followed by
#   a tab under a hanging indent, italic participles, real footnotes with their own marks or
#   numbered by the word processor): as python-docx, and the 1,188 short lines of S/2025/354's
#   unreadable Arabic extraction, read as printed lines, take one a number ("681 -");
# - numbered (formatted by hand in ``Normal`` and numbered by Word: the operative paragraphs and
#   points by numbering definitions restarted where the text's numbers restart, the lines above
#   the title two to a paragraph with a line break between, the title centred and bold with its
#   call raised, the symbol in the first page's header and the next pages', the notes typed at
#   the end): as python-docx.
# - odt (this toolkit's Markdown made an OpenDocument text by pandoc, saved as DOCX by
#   LibreOffice: the title in ``Title``, the date under it, pandoc's ``Text Body``, Word lists
#   for the numbers and labels, real footnotes, the front matter's one-line keys as document
#   properties): every fact it carries (``not_carried``), the title read from its ``Title``
#   style, the kind and job number from the properties. Left: A/80/42's numbers and
#   points (the contents page's numbers, lines of their own in the text reading, run on
#   with the text under them).
# The job number: all (word and styled print it only in the footers). Points (how many
# sub-paragraphs and items, of 60; pandoc of the 42 without a star line): left, the points of
# S/2025/354 and A/79/876 that the text reading found in lines the Word file keeps as one
# printed line each (pandoc, LibreOffice) or that other lines of the unreadable Arabic
# extraction run into, and one of JIU/REP/2025/1's.
# (S/2025/354: the text reading numbers the paragraphs of its mis-encoded Arabic annex, each
# printed ".2" at the right of its line; the pandoc and LibreOffice files, a printed line per
# paragraph, give two of them: not counted as agreeing)
REACHED = {
    # (pandoc points 40: the agenda quoted in E/2025/28-E/CN.7/2025/11, chapter XII, now read as
    # its paragraph's points 1.-12. from the PDF; pandoc's Markdown of the text counts them on as
    # a list of its own)
    "pandoc": {"kind": 60, "title": 60, "numbers": 55, "preamble": 60, "footnotes": 41, "points": 40, "job number": 60},
    "libreoffice": {"kind": 60, "title": 60, "numbers": 59, "preamble": 60, "footnotes": 60, "points": 58, "job number": 60},
    "python-docx": {"kind": 60, "title": 59, "numbers": 59, "preamble": 60, "footnotes": 60, "points": 58, "job number": 60},
    "word": {"kind": 60, "title": 60, "numbers": 59, "preamble": 60, "footnotes": 60, "points": 58, "job number": 60},
    "styled": {"kind": 60, "title": 59, "numbers": 58, "preamble": 60, "footnotes": 60, "points": 57, "job number": 60},
    "numbered": {"kind": 60, "title": 59, "numbers": 59, "preamble": 60, "footnotes": 60, "points": 59, "job number": 60},
    "odt": {"kind": 60, "title": 59, "numbers": 55, "preamble": 60, "footnotes": 46, "points": 46, "job number": 60},
}
# documents in which some words are neither in the AKN nor reported (of 60). A call printed
# against its word in the text the file was made from ("20308": "2030" and call 8, "3on") is
# kept when the reader made a note of it.
LOSING = {"pandoc": 0, "libreoffice": 0, "python-docx": 0, "word": 0, "styled": 0, "numbered": 0, "odt": 0}


def not_carried(way: str, src) -> set[str]:
    """The facts of the text that the Word file made from it cannot carry (not counted).

    pandoc reads the text as Markdown: a line opening with a star ("* Any changes to the list
    of sponsors ...", a star note under the page's rule) becomes a bulleted list item (a point
    more) and the star, the note's only mark, is lost; numbered lines next to each other are one list that
    counts on from its first number, so a number out of sequence is not printed.

    odt (this toolkit's Markdown through pandoc and LibreOffice): the masthead is the Markdown's
    front matter, of which pandoc prints the title and the date and keeps each one-line key as a
    document property (the kind, the symbol, the job number, the title's and the agenda line's
    notes: read back) but leaves a list empty (the organs, the sponsors, the document lines), so
    that a note on the symbol or the sponsors is lost (the masthead's notes are not counted); numbered paragraphs next to each other
    count on from the first as above; a point typed on the line under its paragraph's text, which this
    toolkit's Markdown reads as a point, runs on into the paragraph in pandoc's Markdown (a list
    opens after a blank line only, and "•" is no list mark of pandoc's); and pandoc prints a
    title's typed apostrophe or quote curly ("L'ETAT" as "L’ETAT")."""
    lacking = set()
    if way == "pandoc":
        text = src.read_text(encoding="utf-8")
        if STAR_LINE.search(text):
            lacking |= {"footnotes", "points"}
        if renumbered_by_pandoc(text):
            lacking.add("numbers")
    elif way == "odt":
        root = read_document(src).root
        # (the notes of the masthead and the preface: those on the symbol or the sponsors lost)
        if any(n.eid.startswith(("coverPage", "preface")) for n in all_notes(root)):
            lacking.add("footnotes")
        markdown = markdown_for_odt(src)
        if renumbered_in_markdown(markdown.partition("\n---\n")[2]):
            lacking.add("numbers")
        if points_run_on_in_markdown(markdown.partition("\n---\n")[2]):
            lacking.add("points")
        if "'" in (masthead(root).get("title") or "") or '"' in (masthead(root).get("title") or ""):
            lacking.add("title")   # (pandoc's Markdown prints a typed quote or apostrophe curly)
    return lacking


STAR_LINE = re.compile(r"(?m)^[ \t]*\* ")


def facts(root) -> dict:
    units = body_units(root)
    return {
        "kind": root[0].get("name"),
        "title": masthead(root).get("title"),
        "numbers": [u.num for u in units if u.kind == "paragraph" and u.num],
        "preamble": sum(1 for u in units if u.kind == "preambular"),
        "footnotes": len(all_notes(root)),
        "points": sum(1 for u in units if u.kind == "point"),
        "job number": masthead(root).get("job_number"),
    }


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.lower()))


def docx_words(path) -> set[str]:
    """The words of a Word file's paragraphs; a word hyphenated at a paragraph's end (a printed
    line kept as a paragraph) is one word with the next paragraph's first, as the reader joins it."""
    out = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if re.fullmatch(r"word/(document|footnotes|endnotes|header\d*)\.xml", name):
                for p in etree.fromstring(zf.read(name)).iter(f"{W}p"):
                    out.append("".join(_run_text(r) for r in p.iter(f"{W}r")))
    return words(re.sub(r"(\w)-\n(\w)", r"\1\2", "\n".join(out)))


def _run_text(run) -> str:
    """A run's text (a tab or a line break separates words); a raised run (a footnote call
    typed by hand) is a word of its own."""
    text = "".join((t.text or "") if t.tag == f"{W}t" else " " for t in run.iter(f"{W}t", f"{W}tab", f"{W}br"))
    raised = run.find(f"{W}rPr/{W}vertAlign")
    return f" {text} " if raised is not None and raised.get(f"{W}val") == "superscript" else text


def _glued_call(word: str, kept: str, markers: set[str] = frozenset()) -> bool:
    """``rights3``, ``6that``, ``20308``: a footnote call printed against its word (the text
    the file was made from glued them); the call is the note's marker, the word is kept. Without
    letters (``2030`` and call ``8``) the call is known by the note the reader made of it."""
    stem = word.strip("0123456789")
    if stem != word and len(stem) >= 3 and stem in kept:
        return True
    for k in range(1, len(word)):
        head, tail = word[:k], word[k:]
        if (tail.isdigit() and tail in markers and head in kept) or (
                head.isdigit() and head in markers and tail in kept):
            return True
    return False


@pytest.fixture(scope="module")
def made():
    assert shutil.which("pandoc") and shutil.which("soffice")
    return make_all(SOURCES, ROOT / "build" / "docx_in")


@pytest.fixture(scope="module")
def pdf_facts():
    return {src: facts(read_document(src).root) for src in SOURCES}


@pytest.mark.parametrize("way", WAYS)
def test_docx_made_elsewhere_gives_the_pdfs_facts_and_every_word(made, pdf_facts, way):
    agree: Counter = Counter()
    lost = {}
    for src, expected in pdf_facts.items():
        path = made[(way, src)]
        result = read_docx(path.read_bytes(), path.name)
        got = facts(result.root)
        lacking = not_carried(way, src)
        agree.update(k for k in expected if got[k] == expected[k] and k not in lacking)
        # a word is kept if it stands in the AKN's letters (markup such as a literal "^e" may
        # cut a word in two there), as a footnote's mark or in a diagnostic
        kept = re.sub(r"\W", "", (" ".join(result.root.itertext()) + " ".join(
            result.root.xpath("//*[local-name()='authorialNote']/@marker")) + " ".join(
            d.message for d in result.diagnostics)).lower())
        markers = set(result.root.xpath("//*[local-name()='authorialNote']/@marker"))
        # (right-to-left words pasted from pdftotext are read in reading order: lam-alef put
        # back, the tatweel of justification left out)
        missing = {w for w in docx_words(path) if w not in kept and not _glued_call(w, kept, markers)
                   and arabic_in_reading_order(w).replace("\u0640", "") not in kept}
        if missing:
            lost[src.name] = sorted(missing)[:10]
    assert len(lost) <= LOSING[way], f"words of the Word file neither in the AKN nor reported: {lost}"
    reached = {key: agree[key] for key in REACHED[way]}
    assert all(reached[key] >= floor for key, floor in REACHED[way].items()), (way, reached)


def test_own_export_round_trip_is_exact_on_every_real_document():
    """text -> AKN -> DOCX -> AKN gives the same AKN, byte for byte (canonical XML)."""
    differ = []
    for src in SOURCES:
        root = read_document(src).root
        back = read_docx(write_docx(root), src.name).root
        if etree.tostring(root, method="c14n") != etree.tostring(back, method="c14n"):
            differ.append(src.name)
    assert differ == []


def test_a_letter_is_a_plain_doc_with_its_paragraphs(tmp_path):
    import docx as python_docx

    letter = python_docx.Document()
    paragraphs = ["Dear Ms. Rivera,", "Thank you for your letter of 3 March about the workshop.",
                  "We would be glad to host it in our offices in the second week of May.",
                  "Yours sincerely,", "Tomás Ortega"]
    for text in paragraphs:
        letter.add_paragraph(text)
    path = tmp_path / "letter.docx"
    letter.save(str(path))
    root = read_docx(path.read_bytes(), "letter.docx").root
    assert root[0].get("name") == "doc"
    text = " ".join(" ".join(root.itertext()).split())
    for p in paragraphs:
        assert p in text


def test_a_cv_with_word_styles_and_a_numbered_list_is_a_plain_doc_under_its_title():
    """A CV typed in Word's own styles (``Title``, ``Heading 1``, ``List Bullet``) with two
    numbered lines is no UN document: a plain ``doc`` whose title is its ``Title`` paragraph and
    whose every other paragraph is in the body, none taken for a preface line."""
    import io

    import docx as python_docx

    cv = python_docx.Document()
    cv.add_paragraph("Maria Fernanda Ortiz", style="Title")
    body = [("Calle 12 No. 4-56, Bogotá · maria.ortiz@example.org", None), ("Profile", "Heading 1"),
            ("Programme officer with ten years of experience in humanitarian coordination.", None),
            ("Experience", "Heading 1"),
            ("2019–2024 Programme Officer, Office for the Coordination of Humanitarian Affairs", None),
            ("Coordinated the 2023 humanitarian response plan;", "List Bullet"),
            ("Led a team of 12 field staff.", "List Bullet"), ("Education", "Heading 1"),
            ("1. Master of Public Policy, Universidad de los Andes, 2014", None),
            ("2. Bachelor of Economics, Universidad Nacional de Colombia, 2011", None)]
    for text, style in body:
        cv.add_paragraph(text, style=style)
    out = io.BytesIO()
    cv.save(out)
    root = read_docx(out.getvalue(), "cv.docx").root
    assert root[0].get("name") == "doc"
    assert masthead(root)["title"] == "Maria Fernanda Ortiz"
    body_text = " ".join(" ".join(root[0].find("{*}mainBody").itertext()).split())
    for text, _style in body:
        assert text.removeprefix("1. ").removeprefix("2. ") in body_text
    assert ("point", "•", "Led a team of 12 field staff.") in [(u.kind, u.num, u.text) for u in body_units(root)]


def test_lines_typed_with_line_breaks_are_read_as_printed_lines():
    """Masthead lines typed in one Word paragraph, a line break (Shift+Enter) between them, are
    the page's printed lines: each is read as a masthead or session line."""
    import io

    import docx as python_docx

    doc = python_docx.Document()
    for lines in (["United Nations", "General Assembly"], ["A/C.3/80/L.5"],
                  ["Distr.: Limited", "9 October 2025", "Original: English"],
                  ["Eightieth session", "Third Committee", "Agenda item 70 (b)",
                   "Promotion and protection of human rights: human rights questions"],
                  ["Austria, Belgium and Chile: draft resolution"], ["Protection of migrants"],
                  ["The General Assembly,"], ["Recalling its resolution 79/12 of 3 December 2024,"],
                  ["1. Calls upon all States to protect migrants;"], ["2. Decides to remain seized of the matter."]):
        paragraph = doc.add_paragraph()
        for k, line in enumerate(lines):
            if k:
                paragraph.runs[-1].add_break()
            paragraph.add_run(line)
    out = io.BytesIO()
    doc.save(out)
    root = read_docx(out.getvalue(), "breaks.docx").root
    mast = masthead(root)
    assert (mast["date"], mast["original"], mast["session"], mast["agenda_item"], mast["title"]) == (
        "2025-10-09", "English", "Eightieth session", "70 (b)", "Protection of migrants")
    assert [(u.kind, u.num) for u in body_units(root)] == [
        ("formula", None), ("preambular", None), ("paragraph", "1."), ("paragraph", "2.")]


@pytest.mark.parametrize("typed_too", [False, True])
def test_the_symbol_in_the_next_pages_header_is_the_documents(typed_too):
    """A first page with a header of its own that prints nothing (its masthead typed in the
    body) and the symbol in the next pages' header: the symbol is the document's, also when
    the body types it too (read once)."""
    import io

    import docx as python_docx

    doc = python_docx.Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = ""
    section.header.paragraphs[0].text = "A/C.3/80/L.5"
    lines = ["United Nations", "General Assembly", "Distr.: Limited", "9 October 2025", "Original: English",
             "Eightieth session", "Third Committee", "Agenda item 70 (b)",
             "Austria, Belgium and Chile: draft resolution", "Protection of migrants", "The General Assembly,",
             "1. Calls upon all States to protect migrants;", "2. Decides to remain seized of the matter."]
    if typed_too:
        lines.insert(1, "A/C.3/80/L.5")
    for text in lines:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    root = read_docx(out.getvalue(), "header.docx").root
    assert (masthead(root)["symbol"], masthead(root)["title"]) == ("A/C.3/80/L.5", "Protection of migrants")
    assert " ".join(root.itertext()).count("A/C.3/80/L.5") == 1


def test_a_box_of_one_cell_is_read_as_the_paragraphs_it_frames():
    """A report's summary set in a box (a table of one cell, as Word users draw one): its
    heading and paragraphs, not one table row."""
    import io

    import docx as python_docx

    doc = python_docx.Document()
    for text in ("United Nations", "A/80/123", "General Assembly", "Distr.: General", "3 July 2025",
                 "Original: English", "Eightieth session", "Item 20 of the preliminary list",
                 "Protection of global climate", "Report of the Secretary-General"):
        doc.add_paragraph(text)
    box = doc.add_table(rows=1, cols=1).rows[0].cells[0]
    box.paragraphs[0].text = "Summary"
    box.add_paragraph("The present report is submitted pursuant to resolution 79/12.")
    box.add_paragraph("It concludes with recommendations.")
    for text in ("I. Introduction", "1. The Assembly requested a report.", "2. The present report responds."):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    root = read_docx(out.getvalue(), "box.docx").root
    assert masthead(root)["title"] == "Protection of global climate"
    assert [(u.kind, u.text) for u in body_units(root)][:3] == [
        ("crossHeading", "Summary"), ("paragraph", "The present report is submitted pursuant to resolution 79/12."),
        ("paragraph", "It concludes with recommendations.")]


def test_a_paragraph_after_a_page_break_is_a_paragraph():
    """A Word paragraph on a new page (``pageBreakBefore``) after an annex's title that stops
    without a full stop is a paragraph of its own: no page cut it, as a PDF's page may."""
    import io

    import docx as python_docx
    from docx.enum.text import WD_BREAK

    doc = python_docx.Document()
    for text in ("United Nations", "A/80/123", "General Assembly", "Distr.: General", "3 July 2025",
                 "Original: English", "Eightieth session", "Item 20 of the preliminary list",
                 "Protection of global climate", "Report of the Secretary-General",
                 "1. The Assembly requested a report.", "2. The present report responds in its annex."):
        doc.add_paragraph(text)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Annex")
    doc.add_paragraph("Measures taken by Member States")
    doc.add_paragraph("Member States reported the measures set out below.").paragraph_format.page_break_before = True
    out = io.BytesIO()
    doc.save(out)
    units = body_units(read_docx(out.getvalue(), "annex.docx").root)
    assert [(u.kind, u.text) for u in units][-2:] == [
        ("heading", "Measures taken by Member States"), ("paragraph", "Member States reported the measures set out below.")]


def _docx_with_body(tmp_path, body_xml: str):
    import docx as python_docx

    doc = python_docx.Document()
    path = tmp_path / "base.docx"
    doc.save(str(path))
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    xml = members["word/document.xml"].decode()
    xml = re.sub(r"<w:body>.*?(<w:sectPr)", "<w:body>" + body_xml + r"\1", xml, flags=re.S)
    members["word/document.xml"] = xml.encode()
    out = tmp_path / "made.docx"
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_a_body_of_only_tables_text_boxes_and_content_controls_is_read(tmp_path):
    table = ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             "<w:tr><w:tc>" + _p("Country") + "</w:tc><w:tc>" + _p("Pledge") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + _p("Norway") + "</w:tc><w:tc>" + _p("1,200") + "</w:tc></w:tr></w:tbl>")
    box = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
           "<w:txbxContent>" + _p("Boxed remark on the pledges.") + "</w:txbxContent>"
           "</v:textbox></v:shape></w:pict></w:r></w:p>")
    control = "<w:sdt><w:sdtPr/><w:sdtContent>" + _p("Text in a content control.") + "</w:sdtContent></w:sdt>"
    path = _docx_with_body(tmp_path, table + box + control)
    result = read_docx(path.read_bytes(), path.name)
    text = " ".join(result.root.itertext())
    for word in ("Country", "Pledge", "Norway", "1,200", "Boxed remark on the pledges.",
                 "Text in a content control."):
        assert word in text
    assert any("text box" in d.message for d in result.diagnostics)


def test_ten_thousand_paragraphs_are_read_with_progress_and_no_bar_off_a_terminal(tmp_path):
    import docx as python_docx
    from click.testing import CliRunner

    from drafting.cli import cli
    from drafting.readers.docx_parse import parse_docx

    doc = python_docx.Document()
    for n in range(1, 10_001):
        doc.add_paragraph(f"{n}. The Working Group considered item {n} of its agenda.")
    path = tmp_path / "long.docx"
    doc.save(str(path))
    calls = []
    parsed = parse_docx(path.read_bytes(), path.name, progress=lambda done, total: calls.append((done, total)))
    assert len(parsed.records) == 10_000
    assert calls[0] == (500, 10_000) and calls[-1] == (10_000, 10_000)
    result = CliRunner().invoke(cli, ["ingest", str(path), "-o", str(tmp_path / "long.xml")])
    assert result.exit_code == 0, result.output
    assert "reading long.docx" not in result.output   # not a terminal: no bar
    root = read_document(tmp_path / "long.xml").root
    units = body_units(root)
    assert len(units) == 10_000
    # paragraph numbers have at most three digits in UN documents: "1000." stays in the text
    assert [u.num for u in units[:999]] == [f"{n}." for n in range(1, 1000)]
    assert units[-1].text.startswith("10000. The Working Group")


def test_a_person_at_a_terminal_sees_a_progress_bar(monkeypatch):
    import io
    import sys

    from drafting.commands.progress import reading_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with reading_progress("long.docx") as progress:
        assert progress is not None
        progress(5000, 10_000)
        progress(10_000, 10_000)
    assert "reading long.docx" in screen.getvalue()


def _numbered_word_file() -> bytes:
    """Operative paragraphs numbered by Word (the ``List Number`` style's numbering), not typed."""
    import io

    import docx as python_docx

    doc = python_docx.Document()
    doc.add_paragraph("The General Assembly,")
    for text in ("Recalls its resolution 70/1;", "Decides to remain seized of the matter."):
        doc.add_paragraph(text, style="List Number")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _replaced(data: bytes, part: str, xml: bytes) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, xml if name == part else zin.read(name))
    return out.getvalue()


def test_word_auto_numbering_gives_the_operative_numbers():
    units = body_units(read_docx(_numbered_word_file(), "numbered.docx").root)
    assert [(u.num, u.text) for u in units if u.num] == [
        ("1.", "Recalls its resolution 70/1;"), ("2.", "Decides to remain seized of the matter.")]


@pytest.mark.parametrize("part", ["word/numbering.xml", "word/styles.xml"])
def test_a_broken_numbering_or_styles_part_is_read_with_a_diagnostic(part):
    result = read_docx(_replaced(_numbered_word_file(), part, b"<w:numbering><broken"), "broken.docx")
    text = " ".join(" ".join(result.root.itertext()).split())
    for words_ in ("The General Assembly,", "Recalls its resolution 70/1;", "Decides to remain seized of the matter."):
        assert words_ in text
    assert any(part in d.message and "damaged" in d.message for d in result.diagnostics)


def test_numbering_values_word_would_refuse_are_read_as_defaults_and_reported():
    data = _numbered_word_file()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        xml = zf.read("word/numbering.xml").decode()
    # every level starts at "one" and refers to a level by a number that is not one
    xml = re.sub(r'<w:start w:val="\d+"/>', '<w:start w:val="one"/>', xml)
    xml = re.sub(r'<w:lvl w:ilvl="0"', '<w:lvl w:ilvl="zero"', xml)
    result = read_docx(_replaced(data, "word/numbering.xml", xml.encode()), "odd.docx")
    text = " ".join(" ".join(result.root.itertext()).split())
    assert "Recalls its resolution 70/1;" in text and "Decides to remain seized of the matter." in text
    assert any("'one' is not a number" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("only", ["table", "text box"])
def test_a_body_of_only_a_table_or_only_text_boxes_is_read_and_reported(tmp_path, only):
    if only == "table":
        body = ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
                "<w:tr><w:tc>" + _p("Pledges received in 2025") + "</w:tc></w:tr></w:tbl>")
    else:
        body = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                "<w:txbxContent>" + _p("Pledges received in 2025") + "</w:txbxContent>"
                "</v:textbox></v:shape></w:pict></w:r></w:p>")
    path = _docx_with_body(tmp_path, body)
    result = read_docx(path.read_bytes(), path.name)
    assert "Pledges received in 2025" in " ".join(result.root.itertext())
    if only == "text box":
        assert any("text box" in d.message for d in result.diagnostics)


def test_a_masthead_laid_out_in_a_table_is_read_as_the_masthead():
    """Word users set the masthead in a table of two columns (organs left, symbol and
    distribution right); a table at the head of the document, before any text, is read cell by
    cell as the page prints it."""
    import io

    import docx as python_docx

    doc = python_docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "United Nations", "A/C.3/80/L.5"
    table.rows[1].cells[0].text = "General Assembly"
    right = table.rows[1].cells[1]
    right.paragraphs[0].text = "Distr.: Limited"
    right.add_paragraph("9 October 2025")
    right.add_paragraph("Original: English")
    for text in ("Eightieth session", "Third Committee", "Agenda item 70 (b)",
                 "Promotion and protection of human rights: human rights questions",
                 "Austria, Belgium and Chile: draft resolution", "Protection of migrants",
                 "The General Assembly,", "Recalling its resolution 79/12 of 3 December 2024,",
                 "1. Calls upon all States to protect migrants;", "2. Decides to remain seized of the matter."):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    root = read_docx(out.getvalue(), "table_masthead.docx").root
    mast = masthead(root)
    assert (mast["symbol"], mast["distribution"], mast["date"]) == ("A/C.3/80/L.5", "Distr.: Limited", "2025-10-09")
    assert mast["title"] == "Protection of migrants" and root[0].get("name") == "resolutionDraft"
    assert [(u.kind, u.num) for u in body_units(root)] == [
        ("formula", None), ("preambular", None), ("paragraph", "1."), ("paragraph", "2.")]


def test_word_bullets_are_printed_as_bullets_and_read_as_points():
    import io

    import docx as python_docx

    doc = python_docx.Document()
    doc.add_paragraph("1. The Committee recommends that the State party:")
    for text in ("Adopt a law on violence against women;", "Train judges and police."):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph("2. The Committee requests the State party to report.")
    out = io.BytesIO()
    doc.save(out)
    units = body_units(read_docx(out.getvalue(), "bullets.docx").root)
    assert [(u.kind, u.num, u.text) for u in units] == [
        ("paragraph", "1.", "The Committee recommends that the State party:"),
        ("point", "•", "Adopt a law on violence against women;"),
        ("point", "•", "Train judges and police."),
        ("paragraph", "2.", "The Committee requests the State party to report.")]


def test_pandocs_word_file_of_the_markdown_export_keeps_the_masthead_in_its_properties(tmp_path):
    """pandoc makes each one-line key of a Markdown file's front matter a custom document property
    and prints only the title and the date: the kind, symbol, job number, session and agenda
    item of this toolkit's Markdown of a real resolution come back from the properties."""
    from docx_made_elsewhere import markdown_for_odt

    src = CORPUS / "real" / "pairs" / "P01_C2_financial_inclusion" / "A_RES_80_125.pdftotext.txt"
    (tmp_path / "res.md").write_text(markdown_for_odt(src), encoding="utf-8")
    subprocess.run(["pandoc", str(tmp_path / "res.md"), "-o", str(tmp_path / "res.docx")], check=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "res.docx") as zf:
        assert b'name="job_number"' in zf.read("docProps/custom.xml")
    root = read_docx((tmp_path / "res.docx").read_bytes(), "res.docx").root
    text = read_document(src).root
    assert facts(root) == facts(text)
    keys = ("symbol", "session_number", "agenda_item", "job_number", "title")
    assert {k: masthead(root)[k] for k in keys} == {k: masthead(text)[k] for k in keys}
