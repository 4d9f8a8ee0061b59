"""Lists, sub-paragraphs and headings of real reports, read alike from the PDF, its pdftotext text
and its pdftotext -layout text. Every expectation below was read from the printed PDF.

- JIU/REP/2025/1: a table of contents and a list of abbreviations before chapter I (never
  chapters); enumerations run into the text ("... three strategic objectives outlined as:
  (a) ...; (b) ...; and (c) ...") that stay in their paragraph; real sub-paragraphs whose first
  words are bold, one of them wrapped in bold onto the next line.
- E/2025/28-E/CN.7/2025/11: chapters printed "Chapter III" over their title, a contents table
  over two pages, a provisional agenda whose items wrap under their text (hanging indent), with
  italic cross-headings ("Operational segment") and a "***" separator inside the list.
- E/CN.5/2025/5: sub-paragraphs in bold with a label in the body font, a nested (i), (ii).
- A/80/82-E/2025/63, E/CN.5/2025/5: chapter titles wrapped over two and three lines.
- A/RES/80/11: an operative paragraph whose first line plain pdftotext prints after the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.model.akn import xp
from drafting.model.numbering import forms
from drafting.readers import read_document

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
FORMS = (".pdf", ".pdftotext.txt", ".layout.txt")


def _read(stem: str, suffix: str):
    return read_document(REAL / f"{stem}{suffix}").root


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _points(root, num: str) -> list[str]:
    """The labels of the sub-paragraphs of the main-body paragraph numbered ``num``."""
    found = [p for p in xp(root, "//a:mainBody//a:paragraph[a:num]") if p.findtext("{*}num").strip() == num]
    assert found, f"no paragraph {num}"
    return [p.findtext("{*}num") for p in xp(found[0], "a:list/a:point")]


def _chapters(root) -> list[tuple[int | None, str]]:
    return [(forms("en").chapter_value(c.findtext("{*}num")), _text(c.find("{*}heading")))
            for c in xp(root, "//a:mainBody/a:chapter")]


@pytest.fixture(scope="module", params=FORMS)
def jiu(request):
    return _read("reports/JIU_REP_2025_1", request.param)


@pytest.fixture(scope="module", params=FORMS)
def narcotics(request):
    return _read("reports/E_2025_28-E_CN.7_2025_11", request.param)


def test_contents_and_abbreviations_are_no_chapters(jiu):
    assert _chapters(jiu) == [
        (1, "Introduction"), (2, "Governance framework"), (3, "Management"), (4, "Financial framework"),
        (5, "Strategic planning, partnerships and risk management"), (6, "Human resources"),
        (7, "Communications and knowledge management"), (8, "Information and communications technology"),
        (9, "Oversight")]
    # the abbreviations' capitals and the table cells "D-2 (1)" open no chapter either
    assert not xp(jiu, "//a:mainBody/a:chapter[not(a:num)]")


def test_enumerations_run_into_the_text_stay_in_their_paragraph(jiu):
    # "(a) ...; (b) ...; and" / "(c) ..." at a line's start: the text goes on
    for num in ("3.", "44.", "96.", "117.", "128.", "130."):
        assert _points(jiu, num) == [], num


def test_real_sub_paragraphs_are_points(jiu):
    assert _points(jiu, "9.") == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    # (c) "In relation to the organization of work of the Committee of Permanent / Representatives."
    assert _points(jiu, "17.") == ["(a)", "(b)", "(c)"]
    para = [p for p in xp(jiu, "//a:mainBody//a:paragraph[a:num]") if p.findtext("{*}num") == "17."][0]
    assert "Committee of Permanent Representatives" in _text(xp(para, "a:list/a:point")[2])


def test_chapter_word_over_its_title(narcotics):
    chapters = _chapters(narcotics)
    assert [v for v, _ in chapters] == list(range(1, 13))
    assert chapters[4] == (5, "Follow-up to the implementation at the national, regional and international levels "
                              "of all commitments, as reflected in the Ministerial Declaration of 2019, to address "
                              "and counter the world drug problem")
    assert chapters[7][1] == ("Contributions by the Commission to the work of the Economic and Social Council, "
                              "including follow-up to and review and implementation of the 2030 Agenda for "
                              "Sustainable Development")


def test_agenda_items_with_their_sub_items(narcotics):
    """The provisional agenda of chapter I: items 1 to 12, items 4 and 5 with their sub-items,
    the cross-headings and the "***" separator no items of their own."""
    chapter = xp(narcotics, "//a:mainBody/a:chapter")[0]
    items = [p for p in xp(chapter, ".//a:point") if p.findtext("{*}num") in ("4.", "5.")]
    assert [[x.findtext("{*}num") for x in xp(p, "a:list/a:point")] for p in items[:2]] == [
        ["(a)", "(b)", "(c)", "(d)"], ["(a)", "(b)", "(c)", "(d)", "(e)"]]
    numbered = [p.findtext("{*}num") for p in xp(chapter, "a:section[1]//a:point") if p.findtext("{*}num")[0].isdigit()]
    assert numbered[:12] == [f"{n}." for n in range(1, 13)]


# (plain pdftotext prints the number "70." above the timeline table of paragraph 69, away from
# its text: that reading is not asked here)
@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_bold_sub_paragraphs_and_their_nested_points(suffix):
    root = _read("reports/E_CN.5_2025_5", suffix)
    assert _points(root, "70.") == [f"({c})" for c in "abcdefghijk"]
    para = [p for p in xp(root, "//a:mainBody//a:paragraph[a:num]") if p.findtext("{*}num") == "70."][0]
    g = [p for p in xp(para, "a:list/a:point") if p.findtext("{*}num") == "(g)"][0]
    assert [p.findtext("{*}num") for p in xp(g, "a:list/a:point")] == ["(i)", "(ii)"]


@pytest.mark.parametrize("suffix", FORMS)
def test_wrapped_chapter_titles(suffix):
    report = _chapters(_read("reports/A_80_82-E_2025_63", suffix))
    assert report[1] == (2, "Leveraging the power of science, technology and innovation to address "
                            "multidimensional vulnerabilities and achieve the Sustainable Development Goals")
    ageing = _chapters(_read("reports/E_CN.5_2025_5", suffix))
    assert ageing[2] == (3, "Follow-up on the outcomes of the fourth review and appraisal of the "
                            "implementation of the Madrid International Plan of Action on Ageing, 2002")


def test_first_line_printed_after_the_rest_is_put_back():
    root = _read("pairs/P12_PLEN_peacebuilding_review/A_RES_80_11", ".pdftotext.txt")
    last = [p for p in xp(root, "//a:mainBody//a:paragraph[a:num]") if p.findtext("{*}num") == "30."][0]
    assert _text(last.find("{*}content")) == ("Calls for a further comprehensive review of United Nations "
                                              "peacebuilding in 2030.")
    assert not xp(root, "//a:mainBody//a:crossHeading | //a:mainBody//a:hcontainer[@name='crossHeading']"
                        "[contains(., 'Calls for')]")
