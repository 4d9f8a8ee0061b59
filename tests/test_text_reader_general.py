"""The text reader on UN documents that are not seeds: other organs, languages and extractions.

These fixtures follow real UN layouts (pdftotext output of a General Assembly report with running
heads, page numbers, job numbers and footnotes printed as plain digits; a Spanish draft resolution;
a Russian document with the English masthead) so that the rules stay general.
"""

from __future__ import annotations

from conftest import FIXTURES

from drafting.model.units import all_notes, body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document

TEXT = FIXTURES / "text"


def test_english_pdftotext_report_with_page_furniture():
    r = read_document(TEXT / "en_report_pdftotext.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["organs"] == ["United Nations", "General Assembly"]
    assert m["symbol"] == "A/72/123"
    assert m["distribution"] == "Distr.: General"
    assert m["date"] == "2017-08-09" and m["original"] == "English"
    assert m["session"] == "Seventy-second session" and m["session_number"] == "72"
    assert m["agenda_item"] == "69 (b)"
    assert m["title"] == "Trafficking in women and girls"
    assert m["doc_type"] == ["Report of the Secretary-General"]
    assert m["job_number"] == "17-13704 (E) 180817"
    units = body_units(r.root)
    assert [u.number for u in units if u.kind == "paragraph"] == ["1", "2", "3", "4", "5", "6"]
    para = {u.number: u for u in units if u.kind == "paragraph"}
    # hard-wrapped lines are unwrapped into one paragraph
    assert "in which the Assembly requested the Secretary-General" in para["1"].text
    # paragraph 4 starts the next page: the running head and page numbers are not text
    assert para["4"].text.startswith("In addition, a number of States")
    points = [u.num for u in units if u.kind == "point"]
    assert points == ["(a)", "(b)", "(i)", "(ii)", "(c)"]
    # footnotes printed with plain digits at the page foot, referenced with plain digits
    notes = {n.marker: n for n in all_notes(r.root)}
    assert set(notes) == {"*", "**", "1", "2", "3"}
    assert all(n.anchored for n in notes.values())
    assert [n.marker for n in para["1"].notes] == ["1"] and [n.marker for n in para["5"].notes] == ["3"]
    assert notes["**"].text == "A/72/150."
    text = " ".join(u.text for u in units)
    for furniture in ("17-13704", "2/18", "3/18", "*1713704*"):
        assert furniture not in text


def test_spanish_draft_resolution():
    r = read_document(TEXT / "es_resolution.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolutionDraft" and m["expression_language"] == "spa"
    assert m["symbol"] == "CTOC/COP/2012/L.7"
    assert m["distribution"] == "Distr. limitada" and m["date"] == "2012-10-19"
    assert m["original"] == "inglés" and m["language"] == "Español"
    assert m["session_number"] == "6" and m["agenda_item"] == "3"
    assert m["sponsors"] == ["Australia", "México"]
    units = body_units(r.root)
    assert [u.kind for u in units[:3]] == ["formula", "preambular", "preambular"]
    assert units[1].element.get("name") == "recalling"
    assert [u.number for u in units if u.kind == "paragraph"] == ["1", "2", "3"]
    assert [u.num for u in units if u.kind == "point"] == ["a)", "b)"]


def test_russian_document_keeps_the_english_masthead():
    r = read_document(TEXT / "ru_note.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["expression_language"] == "rus"
    assert m["symbol"] == "E/CN.7/2012/L.5/Add.1"
    assert m["distribution"] == "Distr.: Limited" and m["date"] == "2012-03-14"
    assert m["language"] == "Russian" and m["original"] == "English"
    assert m["session_number"] == "55"
    assert m["kind"] == "reportDraft" and m["doc_type"] == ["Проект доклада", "Добавление"]
    from drafting.model.akn import xp

    assert xp(r.root, "string(//a:attachmentOf/@showAs)") == "E/CN.7/2012/L.5"


def test_agenda_lines_in_their_printed_forms():
    from drafting.readers.text_masthead import agenda_item

    assert agenda_item("Agenda item 70 (b)") == "70 (b)"
    assert agenda_item("Provisional agenda item 3") == "3"
    assert agenda_item("Item 69 (b) of the provisional agenda**") == "69 (b)"
    assert agenda_item("Point 2 d) de l'ordre du jour") == "2 d)"
    assert agenda_item("Tema 3 del programa provisional") == "3"
    assert agenda_item("Agenda of the meeting") is None


def test_chinese_report_numbers_chapters_with_chinese_numerals():
    r = read_document(TEXT / "zh_report.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["expression_language"] == "chi" and m["language"] == "Chinese"
    assert m["session"] == "第七十二届会议" and m["session_number"] == "72"
    assert m["doc_type"] == ["秘书长的报告"] and m["title"] == "贩运妇女和女童"
    units = body_units(r.root)
    assert [u.num for u in units if u.level == "chapter"] == ["一.", "二."]
    assert [u.num for u in units if u.level == "section"] == ["A."]
    assert [u.number for u in units if u.kind == "paragraph"] == ["1", "2", "3"]
    assert [u.num for u in units if u.kind == "point"] == ["(a)", "(b)"]
    para1 = next(u for u in units if u.number == "1")
    assert [n.marker for n in para1.notes] == ["1"] and para1.notes[0].text == "见A/71/PV.65。"


def test_arabic_report_keeps_its_own_numbering_forms():
    r = read_document(TEXT / "ar_report.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["expression_language"] == "ara" and m["original"] == "English"
    assert m["doc_type"] == ["تقرير الأمين العام"]
    units = body_units(r.root)
    assert [u.num for u in units if u.level == "chapter"] == ["أولا -", "ثانيا -"]
    assert [u.num for u in units if u.level == "section"] == ["ألف -"]
    assert [u.num for u in units if u.kind == "paragraph"] == ["1 -", "2 -", "3 -"]
    assert [u.number for u in units if u.kind == "paragraph"] == ["1", "2", "3"]
    assert [u.num for u in units if u.kind == "point"] == ["(أ)", "(ب)"]


def test_tables_and_annexes():
    r = read_document(TEXT / "en_report_tables_annex.txt")
    assert validate_tree(r.root) == []
    from drafting.model.akn import xp

    assert xp(r.root, "count(//a:table/a:tr)") == 3
    assert [c.text for c in xp(r.root, "//a:table/a:tr[1]/a:th/a:p")] == ["Region", "States", "Replies"]
    assert xp(r.root, "count(//a:table//a:td)") == 6
    units = body_units(r.root)
    annex = [u for u in units if u.level == "annex"]
    assert len(annex) == 1 and annex[0].num == "Annex" and annex[0].text == "Summary of replies"
    # numbering restarts in the annex; no warnings about it, and the table takes no number
    assert [u.number for u in units if u.kind == "paragraph" and u.num] == ["1", "2", "3", "4", "1", "2"]
    assert not [d for d in r.diagnostics if d.code in ("sequence", "inferred-number")]
    # the star after the agenda line is the agenda's footnote
    agenda_note = xp(r.root, "string(//a:preface//a:inline[@name='agendaItem']/../a:sup/a:authorialNote)")
    assert agenda_note.strip() == "E/CN.15/2015/1."
    # the bars of a table are not OCR noise, even in French
    from drafting.readers.text import parse_text

    french = parse_text("1. Le tableau suivant:\n\n| Pays | Nombre |\n|---|---|\n| Chili | 12 |\n", lang="fr")
    assert french.body[1].table == [[["Pays"], ["Nombre"]], [["Chili"], ["12"]]]
    assert not [d for d in french.diagnostics if d.code == "ocr-repair"]


def test_points_of_a_preambular_paragraph_are_kept_in_its_container():
    """"Noting the following measures: (a) ...; (b) ...," — the points belong to the preambular
    paragraph and stay in the preamble, a list in its container (they were dropped)."""
    r = read_document(TEXT.parent / "preamble" / "en_draft_preambular_points.txt")
    assert validate_tree(r.root) == []
    items = r.root.xpath("//a:preamble/a:container[2]/a:blockList/a:item",
                         namespaces={"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"})
    assert ["".join(i.itertext()) for i in items] == ["(a)Laws adopted in 2024;", "(b)Plans adopted in 2025,"]
    assert masthead(r.root)["kind"] == "resolutionDraft"


def test_language_detection_lowers_latin_letters_as_python_does():
    """The language of a text is read from its lowered Latin-1 words, lowered by a byte table
    unless the text holds a character outside Latin-1 that lowers into it: that list must be
    the running Python's, and a text holding one must be read as a lowered one is."""
    import sys

    from drafting.readers.passes.language import _LOWER_INTO_LATIN, detect_language

    into = {chr(c) for c in range(0x100, sys.maxunicode + 1)
            if any(ord(x) < 0x100 for x in chr(c).lower())}
    assert into == set(_LOWER_INTO_LATIN)
    # the Kelvin sign lowers to "k", U+0130 to "i" and a dot: "İN" and "\u212aEN" are words
    text = "Le rapport et la note de la Commission. " + "\u212a THE İN THE OF \u212a " * 20
    assert detect_language(text) == detect_language(text.lower()) == "en"
