"""The readers on the documents of the other principal organs and their subsidiary bodies.

The inputs in ``tests/fixtures/text/organs/`` are written for the project in the shape of the
published documents, as ``pdftotext`` prints them (two as ``pdftotext -layout``), with our own
wording:

- Security Council resolutions: the layout of S/RES/2719 (2023), S/RES/2223 (2015) and
  S/RES/1929 (2010) in their six language versions: masthead, the number line ``Resolution 2719
  (2023)`` (``Резолюция 2719 (2023),``, ``第 2719(2023)号决议``), the line of adoption at a meeting,
  no title, the formula, an annex;
- a Council draft in the layout of S/2023/1010 (sponsors, then the formula: no title, no agenda);
- a presidential statement in the layout of S/PRST/2024/1, the Council's letters (S/2024/123:
  ``Letter dated ... addressed to the President of the Security Council``) and reports of the
  Secretary-General to it (S/2024/250: no session, no agenda item);
- a resolution of the Economic and Social Council in the layout of E/RES/2023/5 (the year's
  session, its dates without a place, ``[on the recommendation of ...]``, ``2023/5.``);
- a resolution and a draft of the Human Rights Council in the layout of A/HRC/RES/55/1 and
  A/HRC/55/L.12 (the session's dates under it, ``55/1.`` and the draft's ``55/...``, the vote
  under the closing line), in English, French, Spanish and Chinese;
- a draft of a functional commission in the layout of E/CN.6/2024/L.3;
- the Secretariat's issuances in the layout of ST/SGB/2019/8 and ST/AI/2017/1 (organ, symbol,
  date: no Distr. or Original line; the document line, the title, the promulgation; ``Section 1``
  over its title and the paragraphs ``1.1``, ``1.2`` under it), the bulletin also as ``-layout``
  prints it and, through Word, as a PDF;
- reports printed as Official Records volumes, the layout of A/80/42 and E/2025/28-E/CN.7/2025/11
  (no masthead: a cover and a title page with the organ, the series line, the session, the
  supplement number, the title, the imprint): the Human Rights Council's annual report in French,
  a functional commission's session report in Spanish, the Security Council's annual report in
  Russian;
- a treaty body's concluding observations in the layout of CCPR/C/NOR/CO/8 (the treaty's name
  over two lines of the masthead, the committee above the title), with the real Russian
  CEDAW/C/CAF/CO/6 of corpus/real.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from drafting.cli import cli

from drafting.check.document import Config
from drafting.check.registry import enabled_rules
from drafting.commands.check_files import run as check_files
from drafting.compare.align import align_items
from drafting.compare.items import items_of
from drafting.model.akn import doc_element, first, text_content, xp
from drafting.model.units import body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.readers.markdown import read_text as read_markdown
from drafting.writers import writer_for

ORGANS = FIXTURES / "text" / "organs"

# (file, the organ's name, the number line, the adoption line, the formula)
SECURITY_COUNCIL = [
    ("sc_resolution_en.txt", "Security Council", "Resolution 2719 (2023)",
     "Adopted by the Security Council at its 9518th meeting, on 21 December 2023", "The Security Council,"),
    ("sc_resolution_en.layout.txt", "Security Council", "Resolution 2719 (2023)",
     "Adopted by the Security Council at its 9518th meeting, on 21 December 2023", "The Security Council,"),
    ("sc_resolution_fr.txt", "Conseil de sécurité", "Résolution 2719 (2023)",
     "Adoptée par le Conseil de sécurité à sa 9518e séance, le 21 décembre 2023", "Le Conseil de sécurité,"),
    ("sc_resolution_es.txt", "Consejo de Seguridad", "Resolución 2719 (2023)",
     "Aprobada por el Consejo de Seguridad en su 9518ª sesión, celebrada el 21 de diciembre de 2023",
     "El Consejo de Seguridad,"),
    ("sc_resolution_ru.txt", "Совет Безопасности", "Резолюция 2719 (2023),",
     "принятая Советом Безопасности на его 9518-м заседании 21 декабря 2023 года", "Совет Безопасности,"),
    ("sc_resolution_zh.txt", "安全理事会", "第 2719(2023)号决议",
     "2023 年 12 月 21 日安全理事会第 9518 次会议通过", "安全理事会，"),
    ("sc_resolution_ar.txt", "مجلس الأمن", "القرار 2719 (2023)",
     "الذي اتخذه مجلس الأمن في جلسته 9518، المعقودة في 21 كانون الأول/ديسمبر 2023", "إن مجلس الأمن،"),
]


def _conclusions(root) -> list[str]:
    return [" ".join(text_content(p).split()) for p in xp(doc_element(root), "a:conclusions/a:p")]


def _preface_number(root) -> str | None:
    number = first(doc_element(root), "a:preface//a:docNumber")
    return " ".join(text_content(number).split()) if number is not None else None


@pytest.mark.parametrize("name, organ, number, adopted, formula", SECURITY_COUNCIL, ids=lambda v: str(v)[:24])
def test_security_council_resolution_has_its_number_and_adoption_line_and_no_title(name, organ, number, adopted,
                                                                                    formula):
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolution" and m["symbol"] == "S/RES/2719 (2023)"
    assert m["organs"][-1] == organ and m["date"] == "2023-12-21"
    # the adoption line is the document line, the number line the number: neither is a title
    assert m["title"] is None
    assert m["doc_type"] == [adopted]
    assert _preface_number(r.root) == number
    rows = xp(doc_element(r.root), "a:preface/a:container[@name='title']/a:p")
    assert [first(p, "a:docNumber") is not None for p in rows] == [True, False]   # as printed
    units = body_units(r.root)
    assert [u.text for u in units if u.kind == "formula"] == [formula]
    assert len([u for u in units if u.kind == "preambular"]) >= 2
    operative = xp(doc_element(r.root), "a:mainBody/a:paragraph")
    assert len(operative) >= 2 and text_content(first(operative[0], "a:num")).strip().startswith("1")


def test_russian_resolution_prints_its_openings_in_lower_case():
    """``Совет Безопасности,`` / ``ссылаясь на ...,`` / ``вновь подтверждая ...,``: plain text
    keeps no blank line between them; each lower-case opening still opens its paragraph, named
    and in italics like a capitalised one."""
    r = read_document(ORGANS / "sc_resolution_ru.txt")
    containers = xp(doc_element(r.root), "a:preamble/a:container")
    assert [c.get("name") for c in containers] == ["recalling", "reaffirming"]
    assert [text_content(first(c, ".//a:i")) for c in containers] == ["ссылаясь", "вновь подтверждая"]


def test_security_council_resolution_keeps_its_annex():
    r = read_document(ORGANS / "sc_resolution_en.txt")
    annexes = xp(doc_element(r.root), "a:attachments/a:attachment")
    assert len(annexes) == 1
    assert "Terms of reference of the panel of experts" in text_content(annexes[0])
    assert len(xp(annexes[0], ".//a:paragraph")) == 2
    main = xp(doc_element(r.root), "a:mainBody/a:paragraph")
    assert text_content(main[-1]).strip().endswith("Decides to remain actively seized of the matter.")


def test_check_asks_no_original_language_or_agenda_line_of_a_security_council_resolution():
    """A Security Council resolution prints no language line, no ``Original:`` line, no session
    and no agenda item: ``check`` does not report their absence, in any language."""
    files = [str(ORGANS / name) for name, *_ in SECURITY_COUNCIL]
    found = check_files(files, Config(), enabled_rules(), jobs=1).findings
    rules = {f.to_dict()["rule"] for f in found}
    assert not rules & {"UN405", "UN406"}, sorted(rules)
    assert not [f for f in found if "agenda" in f.to_dict()["message"] or "session" in f.to_dict()["message"]]


def test_security_council_draft_and_its_adopted_resolution_compare_paragraph_by_paragraph():
    draft = read_document(ORGANS / "sc_draft_resolution_en.txt")
    assert validate_tree(draft.root) == []
    m = masthead(draft.root)
    assert m["kind"] == "resolutionDraft" and m["symbol"] == "S/2023/1010"
    assert m["sponsors"] == ["Ecuador", "Japan", "Malta", "Switzerland"] and m["title"] is None
    files = [str(ORGANS / "sc_draft_resolution_en.txt")]
    assert check_files(files, Config(), enabled_rules(), jobs=1).findings == []
    adopted = read_document(ORGANS / "sc_resolution_en.txt")
    pairs = align_items(items_of(draft.root), items_of(adopted.root)).pairs
    changed = [(p.kind, p.old[0].text if p.old else None) for p in pairs if p.kind != "unchanged"]
    # the mandate's end date changed in paragraph 1; the annex came with the adopted text
    assert changed[0][0] == "modified" and "30 June 2024" in changed[0][1]
    assert {kind for kind, _ in changed[1:]} == {"inserted"}
    assert len([p for p in pairs if p.kind == "unchanged"]) == 8


def test_presidential_statement_in_french():
    r = read_document(ORGANS / "sc_presidential_statement_fr.txt")
    assert validate_tree(r.root) == []
    assert doc_element(r.root).get("name") == "presidentialStatement"
    m = masthead(r.root)
    assert m["symbol"] == "S/PRST/2024/1" and m["language"] == "Français" and m["original"] == "anglais"
    assert m["doc_type"] == ["Déclaration de la présidence du Conseil de sécurité"]
    units = [u for u in body_units(r.root) if u.kind == "paragraph"]
    assert len(units) == 3 and units[0].text.startswith("À la 9530e séance du Conseil de sécurité")


def test_presidential_statement():
    r = read_document(ORGANS / "sc_presidential_statement_en.txt")
    assert validate_tree(r.root) == []
    assert not [d for d in r.diagnostics if d.code == "no-masthead"]
    assert doc_element(r.root).tag.endswith("}doc") and doc_element(r.root).get("name") == "presidentialStatement"
    m = masthead(r.root)
    assert m["symbol"] == "S/PRST/2024/1" and m["organs"] == ["United Nations", "Security Council"]
    assert m["original"] == "English" and m["date"] == "2024-01-10"
    assert m["doc_type"] == ["Statement by the President of the Security Council"]
    units = [u for u in body_units(r.root) if u.kind == "paragraph"]
    assert units[0].text.startswith("At the 9530th meeting of the Security Council")
    # each paragraph of the statement opens with its quotation mark, a full line before it or not
    assert [u.text.split()[3] for u in units[1:]] == ["reaffirms", "stresses", "expresses", "requests"]
    assert units[-1].text.endswith("in his regular reports.”")
    # the statement is one quotation of four paragraphs (each opens with its mark, the last
    # closes it): all four are quoted text, the paragraph that introduces them is not
    quoted = [p for p in xp(doc_element(r.root), "a:mainBody/a:paragraph") if xp(p, "a:content/a:blockContainer")]
    assert len(quoted) == 4 and not xp(doc_element(r.root), "a:mainBody/a:paragraph[1]/a:content/a:blockContainer")


def test_letter_to_the_president_of_the_security_council():
    r = read_document(ORGANS / "sc_letter_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "letter" and m["symbol"] == "S/2024/123"
    assert m["title"] == ("Letter dated 2 February 2024 from the Permanent Representative of Norway to the "
                          "United Nations addressed to the President of the Security Council")
    units = [u for u in body_units(r.root) if u.kind == "paragraph"]
    assert units[0].text.startswith("I have the honour to transmit")


def test_report_of_the_secretary_general_to_the_security_council():
    r = read_document(ORGANS / "sc_report_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "report" and m["symbol"] == "S/2024/250"
    assert m["title"] == "Situation in Somalia" and m["doc_type"] == ["Report of the Secretary-General"]
    assert m["session"] is None and m["agenda_item"] is None
    files = [str(ORGANS / "sc_report_en.txt")]
    assert check_files(files, Config(), enabled_rules(), jobs=1).findings == []


def test_economic_and_social_council_resolution():
    r = read_document(ORGANS / "ecosoc_resolution_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolution" and m["symbol"] == "E/RES/2023/5"
    assert m["organs"] == ["United Nations", "Economic and Social Council"]
    assert m["session"] == "2023 session" and m["body"] is None
    # the session's dates without a place are the session's, not a body's name
    assert m["place_dates"] == "25 July 2022–26 July 2023"
    assert m["agenda_item"] == "18 (b)"
    assert m["doc_type"] == ["Resolution adopted by the Economic and Social Council on 6 June 2023"]
    assert _preface_number(r.root) == "2023/5."
    assert m["title"] == "Strengthening the social dimension of sustainable development"
    units = body_units(r.root)
    assert [u.text for u in units if u.kind == "formula"] == ["The Economic and Social Council,"]
    assert _conclusions(r.root) == ["15th plenary meeting", "6 June 2023"]


def test_economic_and_social_council_draft_submitted_by_its_vice_president():
    """E/2023/L.12: the year's session and its dates, the agenda item's title over three lines,
    the submission over two, then the title."""
    r = read_document(ORGANS / "ecosoc_draft_resolution_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolutionDraft" and m["symbol"] == "E/2023/L.12"
    assert m["session"] == "2023 session" and m["place_dates"] == "25 July 2022–26 July 2023"
    assert m["agenda_item"] == "12 (e)" and m["body"] is None
    assert m["doc_type"] == ["Draft resolution submitted by the Vice-President of the Council, Jane Doe (Norway), "
                             "on the basis of informal consultations"]
    assert m["title"] == "Mainstreaming a gender perspective into all policies and programmes in the United Nations system"


@pytest.mark.parametrize("name", ["hrc_resolution_en.txt", "hrc_resolution_en.layout.txt"])
def test_human_rights_council_resolution(name):
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolution" and m["symbol"] == "A/HRC/RES/55/1"
    assert m["body"] == "Human Rights Council" and m["session_number"] == "55"
    assert m["place_dates"] == "26 February–5 April 2024" and m["agenda_item"] == "2"
    assert m["doc_type"] == ["Resolution adopted by the Human Rights Council on 4 April 2024"]
    assert _preface_number(r.root) == "55/1."
    assert m["title"] == "Cooperation with the Office of the High Commissioner in the field of human rights"
    assert _conclusions(r.root) == ["54th meeting", "4 April 2024", "[Adopted without a vote.]"]


def test_human_rights_council_resolution_keeps_its_recorded_vote_in_the_conclusions():
    """The vote printed in brackets under the meeting and its date, over several lines (``In
    favour:`` / the States ...), closes the resolution; none of it is a paragraph of the text."""
    r = read_document(ORGANS / "hrc_resolution_vote_en.txt")
    assert validate_tree(r.root) == []
    assert not [d for d in r.diagnostics if d.code == "after-closing"]
    closing = _conclusions(r.root)
    assert closing[:2] == ["54th meeting", "4 April 2024"]
    assert closing[2].startswith("[Adopted by a recorded vote of 28 to 13") and closing[-1] == "India, Malaysia]"
    assert "In favour:" in closing and "Against:" in closing
    assert [text_content(p).strip() for p in xp(doc_element(r.root), "a:mainBody/a:paragraph")][-1] \
        .endswith("Decides to remain seized of the matter.")


def test_human_rights_council_draft_with_the_number_to_come():
    r = read_document(ORGANS / "hrc_draft_resolution_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolutionDraft" and m["symbol"] == "A/HRC/55/L.12"
    assert m["place_dates"] == "26 February–5 April 2024"
    assert m["sponsors"][0] == "Albania" and m["sponsors"][-1] == "Portugal" and len(m["sponsors"]) == 10
    assert _preface_number(r.root) == "55/..."
    assert m["title"] == "The right to education"


@pytest.mark.parametrize("placeholder", ["55/...", "55/\u2026"])
def test_human_rights_council_draft_number_to_come_printed_either_way(placeholder, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text((ORGANS / "hrc_draft_resolution_en.txt").read_text("utf-8").replace("55/...", placeholder),
                    "utf-8")
    r = read_document(path)
    assert _preface_number(r.root) == placeholder and masthead(r.root)["title"] == "The right to education"


@pytest.mark.parametrize("name, body, dates, number, title", [
    ("hrc_draft_resolution_fr.txt", "Conseil des droits de l’homme", "26 février-5 avril 2024", "55/...",
     "Le droit à l’éducation"),
    ("hrc_resolution_es.txt", "Consejo de Derechos Humanos", "26 de febrero a 5 de abril de 2024", "55/1.",
     "Cooperación con la Oficina del Alto Comisionado en la esfera de los derechos humanos"),
    # the range's second date printed without its year; the document line ends "通过的决议"
    ("hrc_resolution_zh.txt", "人权理事会", "2024 年 2 月 26 日至 4 月 5 日", "55/1.", "在人权领域与高级专员办事处的合作"),
])
def test_human_rights_council_in_other_languages(name, body, dates, number, title):
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["body"] == body and m["place_dates"] == dates and m["session_number"] == "55"
    assert _preface_number(r.root) == number and m["title"] == title
    assert check_files([str(ORGANS / name)], Config(), enabled_rules(), jobs=1).findings == []


def test_functional_commission_draft():
    r = read_document(ORGANS / "commission_draft_resolution_en.txt")
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "resolutionDraft" and m["symbol"] == "E/CN.6/2024/L.3"
    assert m["body"] == "Commission on the Status of Women" and m["session_number"] == "68"
    assert m["place_dates"] == "11–22 March 2024" and m["agenda_item"] == "3 (a)"
    assert m["title"] == "Women, the girl child and HIV and AIDS"
    units = body_units(r.root)
    assert [u.text for u in units if u.kind == "formula"] == ["The Commission on the Status of Women,"]


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("path", sorted(ORGANS.glob("*.txt")), ids=lambda p: p.name)
def test_round_trip_keeps_the_organs_documents(path, fmt):
    original = read_document(path).root
    data = writer_for(fmt).write(original)
    back = read_docx(data, name="x.docx").root if fmt == "docx" else read_markdown(data.decode("utf-8")).root
    assert [(u.kind, u.num, u.text) for u in body_units(back)] == [(u.kind, u.num, u.text)
                                                                    for u in body_units(original)]
    assert masthead(back) == masthead(original)
    assert _preface_number(back) == _preface_number(original)


@pytest.mark.parametrize("path, organ, body, title", [
    (ORGANS / "treaty_body_concluding_observations_en.txt", "International Covenant on Civil and Political Rights",
     "Human Rights Committee", "Concluding observations on the eighth periodic report of Norway"),
    (FIXTURES.parents[1] / "corpus" / "real" / "languages" / "CEDAW_C_CAF_CO_6__ru.pdftotext.txt",
     "Конвенция о ликвидации всех форм дискриминации в отношении женщин",
     "Комитет по ликвидации дискриминации в отношении женщин",
     "Заключительные замечания по шестому периодическому докладу Центральноафриканской Республики"),
    (FIXTURES.parents[1] / "corpus" / "real" / "languages" / "CEDAW_C_CAF_CO_6__ru.pdf",
     "Конвенция о ликвидации всех форм дискриминации в отношении женщин",
     "Комитет по ликвидации дискриминации в отношении женщин",
     "Заключительные замечания по шестому периодическому докладу Центральноафриканской Республики"),
], ids=["CCPR-en", "CEDAW-ru-pdftotext", "CEDAW-ru-pdf"])
def test_treaty_body_names_its_treaty_and_its_committee(path, organ, body, title):
    """The treaty's name, printed over several lines of the masthead, is one name; the committee
    above the title is the body whose document it is, not a line of the preface."""
    r = read_document(path)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["organs"][1:] == [organ]
    assert m["body"] == body and m["title"] == title
    assert not xp(doc_element(r.root), "a:preface/a:container[@name='other']")


def test_word_export_sets_the_number_line_in_the_text_column():
    """``Resolution 2719 (2023)`` is no number before a title: the Word export sets it as a line
    of its own, not at the margin with a tab as ``80/57.<tab>Title``."""
    import io
    import zipfile

    from lxml import etree

    data = writer_for("docx").write(read_document(ORGANS / "sc_resolution_en.txt").root)
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"),
                           etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    rows = [p for p in xml.iterfind(".//w:body/w:p", ns)
            if "".join(p.itertext()).strip() == "Resolution 2719 (2023)"]
    assert len(rows) == 1
    assert rows[0].find(".//w:tab", ns) is None and rows[0].find("w:pPr/w:ind[@w:hanging]", ns) is None


@pytest.mark.parametrize("name, kind, symbol, doc_type, title, opening", [
    ("secretariat_bulletin_en.txt", "bulletin", "ST/SGB/2019/8", "Secretary-General’s bulletin",
     "Addressing discrimination, harassment, including sexual harassment, and abuse of authority",
     "The Secretary-General, for the purpose of"),
    ("secretariat_administrative_instruction_en.txt", "administrativeInstruction", "ST/AI/2017/1",
     "Administrative instruction", "Unsatisfactory conduct, investigations and the disciplinary process",
     "The Under-Secretary-General for Management, pursuant to"),
])
def test_secretariat_issuance(name, kind, symbol, doc_type, title, opening):
    """The Secretariat's masthead (its name, the symbol, the date), the document line, the title
    under it and the issuing official's promulgation opening the text; ``check`` asks no Distr.
    or Original line of it."""
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    assert not [d for d in r.diagnostics if d.code == "no-masthead"]
    assert doc_element(r.root).get("name") == kind
    m = masthead(r.root)
    assert m["organs"] == ["United Nations", "Secretariat"] and m["symbol"] == symbol
    assert m["doc_type"] == [doc_type] and m["title"] == title
    first_text = [u for u in body_units(r.root) if u.kind == "paragraph"][0].text
    assert first_text.startswith(opening) and first_text.endswith("promulgates the following:")
    assert check_files([str(ORGANS / name)], Config(), enabled_rules(), jobs=1).findings == []


def _issuance_sections(root) -> list[tuple[str, str, list[str]]]:
    """Each section of the body: its number, its heading and the numbers of its paragraphs."""
    return [(text_content(first(s, "a:num")).strip(), " ".join(text_content(first(s, "a:heading")).split()),
             [text_content(n).strip() for n in xp(s, "a:paragraph/a:num")])
            for s in xp(doc_element(root), "a:mainBody/a:section")]


ISSUANCE_SECTIONS = {
    "secretariat_bulletin_en.txt": [("Section 1", "Definitions", ["1.1", "1.2"]),
                                    ("Section 2", "General principles", ["2.1"])],
    "secretariat_bulletin_en.layout.txt": [("Section 1", "Definitions", ["1.1", "1.2"]),
                                           ("Section 2", "General principles", ["2.1", "2.2"])],
    "secretariat_administrative_instruction_en.txt": [("Section 1", "Definitions", ["1.1"]),
                                                      ("Section 2", "Final provisions", ["2.1"])],
}


@pytest.mark.parametrize("name", sorted(ISSUANCE_SECTIONS))
def test_secretariat_issuance_reads_as_sections_of_numbered_paragraphs(name):
    """``Section 1`` over its title, then ``1.1``, ``1.2`` (printed alone on their line by plain
    pdftotext, before their text by ``-layout``): a section with its number and heading holding
    paragraphs numbered as printed; the promulgation stays the unnumbered paragraph before them."""
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    assert _issuance_sections(r.root) == ISSUANCE_SECTIONS[name]
    opening = xp(doc_element(r.root), "a:mainBody/a:paragraph")
    assert len(opening) == 1 and first(opening[0], "a:num") is None
    assert not [d for d in r.diagnostics if d.code in ("sequence", "inferred-number")]


def test_secretariat_issuance_keeps_the_points_of_a_section_paragraph():
    r = read_document(ORGANS / "secretariat_bulletin_en.layout.txt")
    para = xp(doc_element(r.root), "a:mainBody/a:section/a:paragraph[a:num='1.1']")[0]
    assert [text_content(n).strip() for n in xp(para, ".//a:point/a:num")] == ["(a)", "(b)"]


def test_a_section_reference_in_the_text_opens_no_section():
    """``section 4.2 of Secretary-General’s bulletin ST/SGB/2009/4`` in the promulgation, and a
    sentence opening with a decimal figure, are text."""
    r = read_document(ORGANS / "secretariat_administrative_instruction_en.txt")
    opening = text_content(xp(doc_element(r.root), "a:mainBody/a:paragraph")[0])
    assert "pursuant to section 4.2 of Secretary-General’s bulletin ST/SGB/2009/4" in " ".join(opening.split())


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice prints the PDF")
def test_secretariat_issuance_read_from_its_pdf(tmp_path):
    """The issuance exported to Word and printed to PDF reads back as the same sections and
    paragraphs (the PDF reader's own lines: ``Section 1`` and its title on one line, ``1.1``
    before its text)."""
    source = ORGANS / "secretariat_bulletin_en.layout.txt"
    docx = tmp_path / "issuance.docx"
    assert CliRunner().invoke(cli, ["export", str(source), "-o", str(docx)]).exit_code == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=300)
    r = read_document(docx.with_suffix(".pdf"))
    assert _issuance_sections(r.root) == ISSUANCE_SECTIONS[source.name]


# (file, organs, session, body, title, dates under the title, chapter labels)
OFFICIAL_RECORDS = [
    ("hrc_annual_report_fr.txt", ["Nations Unies", "Assemblée générale"], "Quatre-vingtième session", None,
     "Rapport du Conseil des droits de l’homme", None, ["Chapitre I", "Chapitre II"]),
    ("cnd_report_es.txt", ["Naciones Unidas", "Consejo Económico y Social"], None, "Comisión de Estupefacientes",
     "Comisión de Estupefacientes Informe sobre el 68º período de sesiones",
     "6 de diciembre de 2024 y 10 a 14 de marzo de 2025", ["Capítulo I", "Capítulo II"]),
    ("sc_annual_report_ru.txt", ["Организация Объединенных Наций", "Генеральная Ассамблея"], "Восьмидесятая сессия",
     None, "Доклад Совета Безопасности", "1 августа 2024 года — 31 июля 2025 года", ["Глава I", "Глава II"]),
]


SERIES_AND_SUPPLEMENT = {
    "hrc_annual_report_fr.txt": ("Documents officiels", "Supplément no 53"),
    "cnd_report_es.txt": ("Documentos Oficiales, 2025", "Suplemento núm. 8"),
    "sc_annual_report_ru.txt": ("Официальные отчеты", "Дополнение № 2"),
}


@pytest.mark.parametrize("name,organs,session,body,title,dates,chapters", OFFICIAL_RECORDS)
def test_official_records_cover(name, organs, session, body, title, dates, chapters):
    """An Official Records volume of any organ, in any language: a report whose organ is its
    authority, whose title is the title page's (the cover's copy, the series and the supplement
    lines kept in the preface), and whose body opens at its first chapter."""
    r = read_document(ORGANS / name)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "report"
    assert m["organs"] == organs
    assert m["session"] == session and m["body"] == body
    assert m["title"] == title and m["place_dates"] == dates
    # the series and supplement lines stay in the preface as printed
    preface = [text_content(p) for p in xp(doc_element(r.root), "a:preface//a:p")]
    assert SERIES_AND_SUPPLEMENT[name][0] in preface and SERIES_AND_SUPPLEMENT[name][1] in preface
    numbers = [text_content(first(c, "a:num")) for c in xp(doc_element(r.root), ".//a:chapter")]
    assert numbers == chapters


REAL_REPORTS = FIXTURES.parent.parent / "corpus" / "real" / "reports"


@pytest.mark.parametrize("suffix", [".pdftotext.txt", ".layout.txt", ".pdf"])
def test_official_records_report_of_a_functional_commission(suffix):
    """E/2025/28-E/CN.7/2025/11 in its three forms: the Commission's name over two lines of the
    cover and on one line of the title page, then "Report on the sixty-eighth session"; its two
    symbols printed one above the other are one joint symbol."""
    path = REAL_REPORTS / ("E_2025_28-E_CN.7_2025_11" + suffix)
    r = read_document(path)
    assert validate_tree(r.root) == []
    m = masthead(r.root)
    assert m["kind"] == "report" and m["date"] == "2025-04-03"
    assert m["symbol"] == "E/2025/28-E/CN.7/2025/11"
    assert m["organs"] == ["United Nations", "Economic and Social Council"]
    assert m["body"] == "Commission on Narcotic Drugs"
    assert m["title"] == "Commission on Narcotic Drugs Report on the sixty-eighth session"
    assert m["place_dates"] == "6 December 2024 and 10–14 March 2025"
    assert m["session"] is None
