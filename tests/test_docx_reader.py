"""DOCX reader on Word files not made by this toolkit, and on bad inputs.

Fixtures are in tests/fixtures/docx (made by make_fixtures.py; pandoc_report.docx by pandoc).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import FIXTURES
from click.testing import CliRunner

from drafting.cli import cli
from drafting.errors import DraftingError
from drafting.model.units import all_notes, body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.readers.docx_lines import docx_lines
from drafting.readers.docx_parse import parse_docx

DOCX = FIXTURES / "docx"


def _units(path, **options):
    result = read_document(path, **options)
    assert validate_tree(result.root) == []
    return result, [(u.kind, u.num, u.text) for u in body_units(result.root)]


def test_word_auto_numbering_is_computed_as_word_prints_it():
    _, units = _units(DOCX / "word_numbering.docx")
    assert units == [
        ("heading", "I.", "Introduction"),                      # style-linked upperRoman numbering
        ("paragraph", "5.", "The first numbered paragraph."),   # the list starts at 5
        ("paragraph", "6.", "The second one introduces points:"),
        ("point", "(a)", "a first point;"),
        ("point", "(b)", "a second point with sub-points:"),
        ("point", "(i)", "a sub-point."),
        ("paragraph", "7.", "The third paragraph."),            # the deeper levels restart
        ("heading", "II.", "Background"),
        ("paragraph", "1.", "A list that restarts."),           # startOverride
        ("point", "•", "A bullet, not numbered."),              # printed with its bullet: an item
    ]


def _lines(path, revisions="accept"):
    """What the DOCX reader hands to the shared passes: (zone, marker, bold, text) per line."""
    parsed = parse_docx(path.read_bytes(), path.name, revisions)
    return [(l.zone, l.note_marker, bool(l.bold), l.text) for l in docx_lines(parsed)]



def test_tracked_changes_accepted_by_default_and_comments_reported():
    assert _lines(DOCX / "tracked_changes.docx") == [
        (None, None, False, "1. The Working Group took note of the report^{1}."),
        ("note", "1", False, "See the earlier report."),
        (None, None, False, "2. It *decided* to meet again in 2012 at Vienna."),
        (None, None, False, "3. The symbol note^{*} is a custom mark."),
        ("note", "*", False, "Reissued for technical reasons."),
        # a deleted paragraph mark joins two paragraphs; an inserted paragraph stays
        (None, None, False, "4. A paragraph joined to the next one."),
        (None, None, False, "5. A new paragraph."),
    ]
    result, units = _units(DOCX / "tracked_changes.docx")
    texts = [t for _, _, t in units]
    assert texts[0] == "The Working Group took note of the report."
    assert texts[1] == "It decided to meet again in 2012 at Vienna."
    messages = [d.message for d in result.diagnostics]
    assert "1 comment(s) ignored" in messages
    assert any("tracked change(s) accepted" in m for m in messages)


def test_tracked_changes_accepted_end_to_end():
    result, units = _units(DOCX / "tracked_changes.docx")
    assert units[3:] == [("paragraph", "4.", "A paragraph joined to the next one."),
                         ("paragraph", "5.", "A new paragraph.")]


def test_tracked_changes_rejected():
    # the deletion of a paragraph mark is undone, an inserted paragraph (mark and text) goes
    assert _lines(DOCX / "tracked_changes.docx", "reject") == [
        (None, None, False, "1. The Working Group welcomed the report^{1}."),
        ("note", "1", False, "See the earlier report."),
        (None, None, False, "2. It *decided* to meet again in Vienna in 2012."),
        (None, None, False, "3. The symbol note^{*} is a custom mark."),
        ("note", "*", False, "Reissued for technical reasons."),
        (None, None, False, "4. A paragraph joined"),
        (None, None, False, ". to the next one."),
    ]
    _, units = _units(DOCX / "tracked_changes.docx", revisions="reject")
    texts = [t for _, _, t in units]
    assert texts[0] == "The Working Group welcomed the report."
    assert texts[1] == "It decided to meet again in Vienna in 2012."


def test_footnotes_auto_numbered_and_custom_marks_and_italics():
    result, _ = _units(DOCX / "tracked_changes.docx")
    notes = [(n.marker, n.text) for n in all_notes(result.root)]
    assert notes == [("1", "See the earlier report."), ("*", "Reissued for technical reasons.")]
    xml = result.root.getroottree().getroot()
    assert [el.text for el in xml.iter("{*}i")] == ["decided"]


def test_un_style_names_give_headings_and_typed_numbers_give_paragraphs_and_points():
    # heading styles say bold; an italic character style is italic; a typed superscript digit
    # is a footnote call, as a raised digit of a PDF (no note is typed for it here: reported);
    # an endnote is a note with Word's number "i"
    assert _lines(DOCX / "un_styles.docx") == [
        (None, None, True, "I. Introduction"),
        (None, None, False, "1. The Committee met in Geneva."),
        (None, None, True, "A. Opening of the session"),
        (None, None, False, "2. The Chair *opened* the session:"),
        (None, None, False, "(a) Welcoming remarks;"),
        (None, None, False, "(b) Adoption of the agenda."),
        (None, None, True, "1. Attendance"),
        (None, None, False, "3. Twenty States attended^{1} in person.^{i}"),
        ("note", "i", False, "An endnote, kept as a note."),
    ]
    result, units = _units(DOCX / "un_styles.docx")
    assert units[:7] == [
        ("heading", "I.", "Introduction"),
        ("paragraph", "1.", "The Committee met in Geneva."),
        ("heading", "A.", "Opening of the session"),
        ("paragraph", "2.", "The Chair opened the session:"),
        ("point", "(a)", "Welcoming remarks;"),
        ("point", "(b)", "Adoption of the agenda."),
        ("heading", "1.", "Attendance"),
    ]
    levels = [u.level for u in body_units(result.root) if u.kind == "heading"]
    assert levels == ["chapter", "section", "subsection"]
    assert any(d.code == "note-without-body" and "1" in d.message for d in result.diagnostics)
    assert [el.text for el in result.root.iter("{*}i")] == ["opened"]


def test_an_endnote_is_kept_as_a_note_end_to_end():
    result, units = _units(DOCX / "un_styles.docx")
    assert units[7] == ("paragraph", "3.", "Twenty States attended in person.")
    # the raised 1 has no note typed for it: its mark is kept, reported, as "[1]"
    assert [(n.marker, n.text) for n in all_notes(result.root)] == [("1", "[1]"), ("i", "An endnote, kept as a note.")]


def test_pandoc_made_docx():
    assert _lines(DOCX / "pandoc_report.docx") == [
        (None, None, True, "Introduction"),
        (None, None, False, "1. The Working Group on Trafficking in Persons met in *Vienna* on 27 and 29 January 2010.^{1}"),
        ("note", "1", False, "The list of participants is in document CTOC/COP/WG.4/2010/INF/1."),
        (None, None, False, "2. The meeting was opened by the **Chair**, who recalled decision 4/4.^{2}"),
        ("note", "2", False, "See CTOC/COP/2008/19, sect. I.A, decision 4/4."),
        (None, None, False, "3. The Working Group adopted the following agenda:"),
        (None, None, True, "Recommendations"),
        (None, None, False, "4. States should consider the 4^{th} edition of the guidelines."),
        (None, None, False, "5. The secretariat should report at the next session."),
    ]
    result, units = _units(DOCX / "pandoc_report.docx")
    assert units[1] == ("paragraph", "1.", "The Working Group on Trafficking in Persons met in Vienna on 27 and 29 January 2010.")
    assert [(n.marker, n.text) for n in all_notes(result.root)] == [
        ("1", "The list of participants is in document CTOC/COP/WG.4/2010/INF/1."),
        ("2", "See CTOC/COP/2008/19, sect. I.A, decision 4/4.")]
    assert [el.text for el in result.root.iter("{*}b")] == ["Chair"]
    assert [el.text for el in result.root.iter("{*}sup") if el.text] == ["th"]


def test_pandoc_made_docx_heading_end_to_end():
    """A document without a masthead whose first line is in a heading style that later headings
    share: a heading of the body (unnumbered: a cross-heading, as the PDF reader reads one), not
    the title."""
    result, units = _units(DOCX / "pandoc_report.docx")
    assert [(k, n) for k, n, _ in units] == [
        ("crossHeading", None), ("paragraph", "1."), ("paragraph", "2."), ("paragraph", "3."),
        ("crossHeading", None), ("paragraph", "4."), ("paragraph", "5.")]
    assert masthead(result.root)["title"] is None


def _read_typed(name: str, paragraphs: list) -> object:
    """The AKN tree of a Word file typed with python-docx, a paragraph per item: its text, or
    (text, style)."""
    import docx as python_docx

    doc = python_docx.Document()
    for item in paragraphs:
        text, style = item if isinstance(item, tuple) else (item, None)
        doc.add_paragraph(text, style=style)
    out = io.BytesIO()
    doc.save(out)
    return read_docx(out.getvalue(), name).root


def test_a_title_in_the_heading_style_of_the_annex_stays_the_title():
    """A draft whose title and annex heading are both in ``Heading 1``: the masthead above the
    title keeps it the title (only headings a document opens with are the body's)."""
    root = _read_typed("annexed.docx", [
        "United Nations", "A/C.3/80/L.5", "General Assembly", "Distr.: Limited", "9 October 2025",
        "Original: English", "Eightieth session", "Agenda item 70 (b)",
        "Austria, Belgium and Chile: draft resolution", ("Protection of migrants", "Heading 1"),
        "The General Assembly,", "1. Calls upon all States to protect migrants;",
        "2. Adopts the guidelines annexed to the present resolution.", ("Annex", "Heading 1"),
        "1. States should protect migrants."])
    assert masthead(root)["title"] == "Protection of migrants"
    assert [(u.kind, u.num) for u in body_units(root)][:3] == [("formula", None), ("paragraph", "1."), ("paragraph", "2.")]


def test_a_title_in_a_heading_style_of_its_own_stays_the_title():
    """A title set in ``Heading 1`` above sections in ``Heading 2`` is one of a kind: the title."""
    root = _read_typed("report.docx", [
        ("Strengthening of the coordination of humanitarian assistance", "Heading 1"),
        ("Introduction", "Heading 2"),
        "1. The present report is submitted in accordance with resolution 79/139.",
        ("Recommendations", "Heading 2"),
        "2. Member States should fund the appeals in full."])
    assert masthead(root)["title"] == "Strengthening of the coordination of humanitarian assistance"
    assert [(u.kind, u.num) for u in body_units(root)] == [
        ("crossHeading", None), ("paragraph", "1."), ("crossHeading", None), ("paragraph", "2.")]


@pytest.mark.parametrize("fixture, message", [
    ("bad_not_a_zip.docx", "not a DOCX file (not a zip archive)"),
    ("bad_old_word.docx", "old binary Word (.doc)"),
    ("bad_zip_bomb.docx", "zip bomb"),
    ("bad_dtd.docx", "document type declaration"),
    ("bad_external_entity.docx", "document type declaration"),
    ("bad_plain_zip.docx", "not a Word document"),
])
def test_bad_docx_is_refused_with_one_clear_line_and_nothing_written(tmp_path, fixture, message):
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["ingest", str(DOCX / fixture), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafting: error:") and message in lines[0]
    assert not out.exists()
    result = CliRunner().invoke(cli, ["export", str(DOCX / fixture), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and not (tmp_path / "x.html").exists()


def test_doc_extension_is_refused_with_advice_to_convert(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes((DOCX / "bad_old_word.docx").read_bytes())
    with pytest.raises(DraftingError, match="save it as .docx"):
        read_document(doc)


def test_declared_size_lie_is_caught_while_reading():
    """A zip entry whose data inflates past its declared size is refused."""
    from drafting.ooxml.package import DocxPackage

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a/>" * 1000)
    data = bytearray(buf.getvalue())
    # patch the uncompressed size in the central directory (offset 24 of the entry) to 10 bytes
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (10).to_bytes(4, "little")
    with pytest.raises(DraftingError):
        DocxPackage(bytes(data), "liar.docx").read("word/document.xml")


def test_typed_masthead_of_a_word_file_from_elsewhere():
    """Masthead lines typed in Normal style are recognised with the text reader's rules."""
    result, units = _units(DOCX / "typed_masthead.docx")
    from drafting.model.units import masthead

    mast = masthead(result.root)
    assert mast["organs"] == ["United Nations"]
    assert mast["symbol"] == "A/C.3/72/L.5"
    assert mast["distribution"] == "Distr.: Limited"
    assert (mast["date"], mast["date_text"]) == ("2017-10-09", "9 October 2017")
    assert mast["original"] == "English"
    assert (mast["session"], mast["session_number"]) == ("Seventy-second session", "72")
    assert units == [("paragraph", "1.", "The General Assembly met."),
                     ("paragraph", "2.", "It adopted the resolution.")]
    # lines the recognisers do not know are kept, not dropped
    preface_text = " ".join(result.root.xpath("string(//*[local-name()='preface'])").split())
    assert "Third Committee" in preface_text and "Agenda item 70 (b)" in preface_text


def test_typed_masthead_title_end_to_end():
    """Word paragraphs that are paragraphs stand apart even with no space between them: the
    title is the paragraph under the agenda line."""
    from drafting.model.units import masthead

    result, _ = _units(DOCX / "typed_masthead.docx")
    assert masthead(result.root)["title"] == "Promotion and protection of human rights"


def test_masthead_in_the_first_page_header():
    """New York templates print the masthead in the first-page header, not in the body: its
    lines come first."""
    from drafting.model.units import masthead

    lines = _lines(DOCX / "header_masthead.docx")
    assert [t for _, _, _, t in lines[:3]] == ["United Nations", "A/72/150", "General Assembly"]
    result, units = _units(DOCX / "header_masthead.docx")
    mast = masthead(result.root)
    assert (mast["symbol"], mast["distribution"], mast["date"]) == ("A/72/150", "Distr.: General", "2017-08-09")
    assert mast["session_number"] == "72"
    assert units == [("paragraph", "1.", "The present report is submitted pursuant to resolution 71/1.")]


def test_masthead_in_the_first_page_header_organs_end_to_end():
    from drafting.model.units import masthead

    result, _ = _units(DOCX / "header_masthead.docx")
    assert masthead(result.root)["organs"] == ["United Nations", "General Assembly"]


@pytest.mark.parametrize("stem", [p.stem for p in sorted((FIXTURES.parent.parent / "corpus").glob("*.xml"))])
def test_word_tracked_changes_of_a_redline_resolve_to_both_versions(stem):
    """A redline DOCX (compare's tracked changes: insertions, deletions, moved and merged
    paragraphs, changed styles) read with accept gives the new text, with reject the old."""
    import random

    from drafting.compare.align import align_documents
    from editscript import edit_document
    from drafting.compare.items import items_of
    from drafting.compare.redline_docx import redline_docx
    from drafting.readers.docx import read

    corpus = FIXTURES.parent.parent / "corpus"
    old = read_document(corpus / f"{stem}.xml").root
    donors = [item.plain for p in sorted(corpus.glob("*.xml")) if p.stem != stem
              for item in items_of(read_document(p).root)]
    new = edit_document(old, random.Random(stem), edits=6, donors=donors).root
    data = redline_docx(align_documents(old, new), old, new)

    def texts(root):
        return ([(u.kind, u.num, u.text, [n.text for n in u.notes]) for u in body_units(root)],
                [n.text for n in all_notes(root)])

    assert texts(read(data, "r.docx", revisions="accept").root) == texts(new)
    assert texts(read(data, "r.docx", revisions="reject").root) == texts(old)
