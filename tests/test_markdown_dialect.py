"""The Markdown drafting dialect: reading hand-written drafts, and AKN -> Markdown -> AKN."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.errors import DraftingError
from drafting.model.akn import first, text_content, xp
from drafting.model.units import all_notes, body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from drafting.readers.markdown import read_text
from drafting.writers.akn import write as write_akn
from drafting.writers.markdown import to_markdown

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
CORPUS_AKN = sorted((ROOT / "corpus").glob("*.xml"))


@pytest.fixture(scope="module")
def report():
    return read_document(FIXTURES / "report.fr.md")


@pytest.fixture(scope="module")
def resolution():
    return read_document(FIXTURES / "resolution.en.md")


def units(root, kind=None):
    return [u for u in body_units(root) if kind is None or u.kind == kind]


def test_fixtures_are_valid_akn(report, resolution):
    assert validate_tree(report.root) == []
    assert validate_tree(resolution.root) == []


def test_front_matter_becomes_the_localised_masthead(report):
    facts = masthead(report.root)
    assert facts["symbol"] == "CTOC/COP/WG.4/2011/L.1"
    assert facts["distribution"] == "Distr. limitée"
    assert facts["date_text"] == "1er octobre 2011"
    assert facts["original"] == "anglais"
    assert facts["session"] == "Quatrième session"
    assert facts["body"] == "Groupe de travail sur la traite des personnes"
    assert facts["doc_type"] == ["Projet de rapport"]
    text = " ".join(report.root.itertext())
    assert "Vienne, 10-12 octobre 2011" in text
    assert "Point 5 de l'ordre du jour provisoire" in " ".join(text.split())


def test_paragraphs_numbered_continuously_typed_numbers_kept(report):
    nums = [u.num for u in units(report.root, "paragraph") if u.num]
    # 1, 2 by the reader; 12 typed; 13, 14 go on from it; quote and {-} paragraph unnumbered
    assert nums == ["1.", "2.", "12.", "13.", "14."]
    unnumbered = [u for u in units(report.root, "paragraph") if not u.num]
    assert len(unnumbered) == 2
    assert first(report.root, "//a:paragraph[not(a:num)]/a:content/a:blockContainer") is not None


def test_headings_numbered_chapters_sections_subsections(report):
    heads = [(u.level, u.num, u.text) for u in units(report.root, "heading")]
    assert heads == [("chapter", "I.", "Introduction"), ("chapter", "II.", "Débat"),
                     ("section", "A.", "Coopération internationale"),
                     ("subsection", "1.", "Offre et demande")]
    crosses = [u.text for u in units(report.root, "crossHeading")]
    assert crosses == ["Sensibilisation", "Observations"]


def test_sub_paragraphs_nested_and_labelled_in_french(report):
    points = [(u.num, u.depth) for u in units(report.root, "point")]
    labels = [p[0] for p in points]
    assert labels == ["a)", "b)", "i)", "ii)", "c)", "1.", "2."]  # typed (a) (i): French form
    para2 = first(report.root, "//a:paragraph[a:num='2.']")
    assert text_content(first(para2, "a:list/a:intro")).strip() == "Le Groupe de travail était saisi des documents suivants:"
    assert first(para2, "a:list/a:point[a:num='b)']/a:list/a:point[a:num='ii)']") is not None


def test_inline_marks(report):
    sups = [s.text for s in xp(report.root, "//a:sup[not(a:authorialNote)]")]
    assert sups == ["e", "e"]
    assert [i.text for i in xp(report.root, "//a:mainBody//a:i")] == ["suivants"]
    assert [b.text for b in xp(report.root, "//a:mainBody//a:b")] == ["Rapport"]


def test_footnotes_anchored_unanchored_and_the_symbol_note(report):
    notes = [(n.marker, n.text, n.anchored) for n in all_notes(report.root)]
    assert ("1", "CTOC/COP/WG.4/2011/1.", True) in notes
    assert ("9", "Une note dont l'appel a été perdu.", False) in notes
    symbol_note = first(report.root, "//a:coverPage//a:authorialNote")
    assert symbol_note.get("marker") == "*"
    lost = [d for d in report.diagnostics if d.code == "note-unanchored"]
    assert lost and lost[0].line == 52


def test_source_lines_of_numbered_elements(report):
    lines = report.source_lines
    assert lines["chp_I"] == 17
    assert lines["chp_I__para_1"] == 19
    assert lines["chp_II__sec_A__para_12"] == 33


def test_resolution_preamble_formula_and_operative_paragraphs(resolution):
    root = resolution.root
    assert first(root, "//a:preamble/a:formula[@name='enactingFormula']") is not None
    assert [c.get("name") for c in xp(root, "//a:preamble/a:container")] == ["recalling", "notingWithConcern"]
    # typed 1. and 3. kept; the plain operative paragraphs between and after are numbered
    assert [u.num for u in units(root, "paragraph")] == ["1.", "2.", "3.", "4."]
    assert [u.num for u in units(root, "point")] == ["(a)", "(b)"]
    assert masthead(root)["sponsors"] == ["Group of 77 and China"]
    assert first(root, "//a:preface//a:docType").text == "draft resolution"


def test_formula_is_recognised_by_the_organ_name_without_italics():
    text = (FIXTURES / "resolution.en.md").read_text().replace(
        "*The Conference of the Parties to the United Nations Convention against Transnational Organized Crime*,",
        "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,")
    root = read_text(text, "r.md").root
    assert first(root, "//a:preamble/a:formula") is not None


def test_undefined_footnote_is_an_error_diagnostic_with_its_line():
    result = read_text("---\nlang: en\n---\n\nA paragraph.[^7]\n", "x.md")
    errors = [d for d in result.diagnostics if d.level == "error"]
    assert errors and errors[0].line == 5 and "[^7]" in errors[0].message
    assert "[^7]" in " ".join(result.root.itertext())  # the text is kept


def test_bad_front_matter_names_key_and_line():
    with pytest.raises(DraftingError, match=r"x.md:4: key 'date': expected a date"):
        read_text("---\nlang: fr\nsymbol: A/1\ndate: soon\n---\n\nText.\n", "x.md")
    with pytest.raises(DraftingError, match=r"x.md:2: unknown key 'langue'"):
        read_text("---\nlangue: fr\n---\n\nText.\n", "x.md")


def test_escapes_keep_text_literal():
    result = read_text("---\nlang: en\n---\n\n12\\. is not a number, \\*nor\\* this, nor \\[^1\\] {-}\n", "x.md")
    para = units(result.root, "paragraph")[0]
    assert para.num is None
    assert para.text == "12. is not a number, *nor* this, nor [^1]"


def test_numbered_false_leaves_paragraphs_and_headings_alone():
    root = read_text("---\nkind: note\nnumbered: false\n---\n\n# Background\n\nOne.\n\nTwo.\n", "n.md").root
    assert all(u.num is None for u in body_units(root))


# -- the writer: AKN -> Markdown -> AKN ---------------------------------------------------------


@pytest.mark.parametrize("name", ["report.fr.md", "resolution.en.md"])
def test_fixture_round_trip_is_stable(name):
    first_pass = read_document(FIXTURES / name).root
    markdown = to_markdown(first_pass)
    second = read_text(markdown, name).root
    assert write_akn(second) == write_akn(first_pass)
    assert to_markdown(second) == markdown


@pytest.mark.parametrize("path", CORPUS_AKN, ids=lambda p: p.stem)
def test_corpus_akn_survives_markdown(path):
    """Every seed's paragraphs, numbers, points, headings and footnotes come back from Markdown."""
    original = read_document(path).root
    markdown = to_markdown(original)
    again = read_text(markdown, path.stem + ".md").root
    assert validate_tree(again) == []
    assert [(u.kind, u.num, u.text) for u in body_units(again)] == \
        [(u.kind, u.num, u.text) for u in body_units(original)]
    assert [(n.marker, n.text, n.anchored) for n in all_notes(again)] == \
        [(n.marker, n.text, n.anchored) for n in all_notes(original)]
    assert masthead(again) == masthead(original)  # front matter keeps masthead and preface
    assert write_akn(read_text(to_markdown(again), path.stem + ".md").root) == write_akn(
        read_text(markdown, path.stem + ".md").root)


def test_corpus_is_there():
    assert len(CORPUS_AKN) == 5


def test_writer_escapes_text_that_looks_like_syntax():
    src = "---\nlang: en\nnumbered: false\n---\n\n\\# not a heading\n\n\\> not a quote\n\n\\(a) not a point\n\nstar \\* and caret \\^ and \\_\n"
    root = read_text(src, "e.md").root
    texts = [u.text for u in body_units(root)]
    assert texts == ["# not a heading", "> not a quote", "(a) not a point", "star * and caret ^ and _"]
    again = read_text(to_markdown(root), "e.md").root
    assert [u.text for u in body_units(again)] == texts


# -- any mix of the dialect's constructs: valid AKN, and stable through Markdown -----------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["# I. Chapter", "# Chapter", "## Section", "### Subsection", "#### Cross-heading", "Plain text.",
          "12. Typed number.", "Unnumbered {-}", "Unnumbered too []{-}", "Text \\{-}", "(a) item;", "    (i) sub-item;", "  1. restart",
          "  #### list heading", "- bullet", "> quotation", "Call[^1].", "[^1]: note", "[^*]: agenda",
          "[^5]: lost", "*Recalling* x,", "1. *Decides* y;", "4^e^ **b** *i*", "", "", "##### deep",
          "text \\* \\[ \\_ _x_"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["draft-report", "draft-resolution", "note", "corrigendum"]),
       lang=st.sampled_from(["en", "fr", "ar"]),
       lines=st.lists(st.sampled_from(PIECES), max_size=12))
def test_any_draft_reads_to_valid_akn_and_round_trips(kind, lang, lines):
    src = f"---\nkind: {kind}\nlang: {lang}\n---\n\n" + "\n".join(lines) + "\n"
    root = read_text(src, "h.md").root
    assert validate_tree(root) == []
    markdown = to_markdown(root)
    again = read_text(markdown, "h.md").root
    assert write_akn(again) == write_akn(root)
    assert to_markdown(again) == markdown


# -- what real documents print and Markdown must carry back ---------------------------------------

PREAMBLE_POINTS = ROOT / "tests" / "fixtures" / "preamble" / "en_draft_preambular_points.txt"


def test_points_of_a_preambular_paragraph_go_through_markdown():
    """"Noting the following measures: (a) ...; (b) ...,": the points stay in the preambular
    paragraph's container (a blockList), written under it and read back there."""
    original = read_document(PREAMBLE_POINTS).root
    markdown = to_markdown(original)
    assert "*Noting* the following measures:\n(a) Laws adopted in 2024;\n(b) Plans adopted in 2025," in markdown
    back = read_text(markdown, "p.md").root
    assert validate_tree(back) == []
    items = ["".join(i.itertext()) for i in xp(back, "//a:preamble/a:container[2]/a:blockList/a:item")]
    assert items == ["(a)Laws adopted in 2024;", "(b)Plans adopted in 2025,"]
    assert write_akn(back) == write_akn(read_text(to_markdown(back), "p.md").root)


def test_bullets_of_un_documents_are_points_and_a_lone_dash_paragraph_stays_text():
    src = "---\nlang: fr\n---\n\n1. Nous proposons :\n– la diligence raisonnable ;\n▪ le droit ;\n\n\\– {-}\n"
    root = read_text(src, "b.md").root
    assert [(u.kind, u.num, u.text) for u in body_units(root)] == [
        ("paragraph", "1.", "Nous proposons :"), ("point", "–", "la diligence raisonnable ;"),
        ("point", "▪", "le droit ;"), ("paragraph", None, "–")]
    assert to_markdown(root).endswith("\\– []{-}\n")


def test_a_lone_roman_item_under_a_letter_stays_the_first_roman():
    root = read_text("---\nlang: es\n---\n\n1. Propuestas:\na) Principios;\nb) Funciones:\n    i) coordinar;\n",
                     "r.md").root
    assert [u.num for u in units(root, "point")] == ["a)", "b)", "i)"]  # not ix), the ninth


def test_labels_printed_out_of_sequence_come_back_as_printed():
    """A document prints (a) (b) (c) (b) (a point lost its place in the PDF): the writer says
    ``relabel: false`` and the labels come back as printed; a draft without it is relabelled."""
    src = "---\nlang: en\n---\n\n1. Matters:\n(a) one;\n(b) two;\n(c) three;\n(b) four.\n"
    relabelled = read_text(src, "l.md").root
    assert [u.num for u in units(relabelled, "point")] == ["(a)", "(b)", "(c)", "(d)"]
    kept = read_text(src.replace("lang: en", "lang: en\nrelabel: false"), "l.md").root
    assert [u.num for u in units(kept, "point")] == ["(a)", "(b)", "(c)", "(b)"]
    markdown = to_markdown(kept)
    assert "relabel: false" in markdown and "relabel" not in to_markdown(relabelled)
    assert [u.num for u in units(read_text(markdown, "l.md").root, "point")] == ["(a)", "(b)", "(c)", "(b)"]


def test_a_second_note_with_the_same_mark_keeps_its_mark():
    """An annex numbers its notes afresh: two notes 1, labelled [^1] and [^1-2] in Markdown."""
    src = "---\nlang: en\n---\n\n1. Text.[^1]\n\n# Annex\n\n1. Annex text.[^1-2]\n\n[^1]: First.\n\n[^1-2]: Second.\n"
    root = read_text(src, "n.md").root
    assert [(n.marker, n.text) for n in all_notes(root)] == [("1", "First."), ("1", "Second.")]
    again = read_text(to_markdown(root), "n.md").root
    assert write_akn(again) == write_akn(root)
    lone = read_text("---\nlang: en\n---\n\n1. Text.[^2-3]\n\n[^2-3]: A label of its own.\n", "n.md").root
    assert [n.marker for n in all_notes(lone)] == ["2-3"]


def test_a_paragraph_that_starts_like_an_arabic_number_stays_text():
    """"21 - 25" (pages in a table of contents) opens like the Arabic paragraph number "21 -"."""
    root = read_text("---\nlang: fr\nnumbered: false\n---\n\n21 \\- 25\n", "t.md").root
    assert [(u.num, u.text) for u in units(root, "paragraph")] == [(None, "21 - 25")]
    assert "21 \\- 25" in to_markdown(root)


# -- the forms pandoc reads as meant, and the forms earlier versions wrote -------------------------

COMMITTEE_DRAFT = """---
kind: draft-resolution
organ: General Assembly
{body_key}: Third Committee
symbol: A/C.3/80/L.99
date: 2025-10-30
session: 80
agenda_item: "68"
title: Rights of the child
---

*The General Assembly*,

*Recalling* its resolution 79/1,

1. *Decides* to act;

Adopted without a vote. {mark}

2. *Requests* a report.
"""


def test_body_reads_in_the_form_pandoc_ignores_and_in_the_form_of_earlier_files():
    old = read_text(COMMITTEE_DRAFT.format(body_key="body", mark="{-}"), "old.md").root
    new = read_text(COMMITTEE_DRAFT.format(body_key="body_", mark="[]{-}"), "new.md").root
    assert write_akn(new) == write_akn(old)
    assert "Third Committee" in text_content(first(new, "//a:preface"))
    assert [(u.num, u.text) for u in units(new, "paragraph")] == [
        ("1.", "Decides to act;"), (None, "Adopted without a vote."), ("2.", "Requests a report.")]
    markdown = to_markdown(new)
    assert "\nbody_: Third Committee\n" in markdown and "\nbody:" not in markdown
    assert "Adopted without a vote. []{-}\n" in markdown and " {-}" not in markdown
    with pytest.raises(DraftingError, match=r"both.md:5: key 'body_' is 'body' written as pandoc ignores it"):
        read_text(COMMITTEE_DRAFT.format(body_key="body", mark="").replace(
            "symbol:", "body_: Third Committee\nsymbol:"), "both.md")


def test_a_heading_whose_text_ends_as_the_unnumbered_mark_keeps_it():
    src = "---\nkind: draft-report\n---\n\n# Scope \\{-}\n\n  #### list heading \\{-}\n\n#### Cross \\{.unnumbered}\n"
    root = read_text(src, "h.md").root
    texts = [u.text for u in body_units(root)]
    again = read_text(to_markdown(root), "h.md").root
    assert [u.text for u in body_units(again)] == texts
    assert texts == ["Scope {-}", "", "list heading {-}", "Cross {.unnumbered}"]
