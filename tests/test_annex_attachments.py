"""Annexes are AKN attachments: each an ``attachment`` with its label and title, holding a
``doc name="annex"`` of its own whose paragraphs are numbered afresh, valid in the strict schema,
and followed by the one walker, the writers and the readers of their output."""

from __future__ import annotations

import pytest

from drafting.model.akn import doc_element, text_content, xp
from drafting.model.units import body_units
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from tests.real_facts import CORPUS

CARGO = CORPUS / "pairs" / "P09_C6_negotiable_cargo_documents" / "A_RES_80_162"
# A resolution whose two annexes are numbered: "Annex I", "Annex II".
TWO = CORPUS / "sessions"


def _two_annex_file():
    for path in sorted(CORPUS.rglob("*.pdftotext.txt")):
        text = path.read_text("utf-8")
        if "\nAnnex I\n" in text and "\nAnnex II\n" in text and "/RES/" in text[:3000]:
            return path
    pytest.skip("no resolution with two numbered annexes in corpus/real")


@pytest.mark.parametrize("suffix", [".pdf", ".pdftotext.txt", ".layout.txt"])
def test_annex_is_an_attachment(suffix):
    root = read_document(str(CARGO) + suffix).root
    assert validate_tree(root) == []
    doc = doc_element(root)
    assert not xp(doc, ".//a:hcontainer[@name='annex']")
    (att,) = xp(doc, "a:attachments/a:attachment")
    assert att.get("eId") == "annex_1"
    assert text_content(att.find("{*}num")) == "Annex"
    assert text_content(att.find("{*}heading")) == "United Nations Convention on Negotiable Cargo Documents"
    (annex,) = xp(att, "a:doc")
    assert annex.get("name") == "annex"
    assert xp(annex, "string(a:meta//a:FRBRWork/a:FRBRthis/@value)").endswith("/!annex_1")
    # the resolution's own operative paragraphs stay in its main body
    assert [text_content(n) for n in xp(doc, "a:mainBody/a:paragraph/a:num")] == ["1.", "2.", "3.", "4."]
    # every eId inside the annex is the annex's
    assert all(e.startswith("annex_1__") for e in xp(annex, "a:mainBody//@eId"))
    units = body_units(root)
    annex_unit = next(u for u in units if u.level == "annex")
    assert annex_unit.element is att and annex_unit.text.startswith("United Nations Convention")
    after = units[units.index(annex_unit) + 1:]
    assert after and all(u.chapter_eid == "annex_1" or u.eid.startswith("annex_1__") for u in after)


def test_numbered_annexes_keep_their_numbers_in_eids():
    root = read_document(_two_annex_file()).root
    assert validate_tree(root) == []
    eids = [a.get("eId") for a in xp(doc_element(root), "a:attachments/a:attachment")]
    assert eids[:2] == ["annex_I", "annex_II"]


def test_writers_carry_the_annex_and_markdown_reads_it_back(tmp_path):
    from drafting.readers import markdown as md_reader
    from drafting.writers import html, markdown

    root = read_document(str(CARGO) + ".pdf").root
    text = markdown.write(root).decode("utf-8")
    assert "\n# Annex: United Nations Convention on Negotiable Cargo Documents\n" in text
    page = html.write(root).decode("utf-8")
    assert 'id="annex_1"' in page
    back = md_reader.read(text.encode("utf-8"), "cargo.md").root
    assert validate_tree(back) == []
    (att,) = xp(doc_element(back), "a:attachments/a:attachment")
    assert text_content(att.find("{*}heading")) == "United Nations Convention on Negotiable Cargo Documents"


def test_an_annex_to_a_letter_is_an_attachment_named_by_its_heading():
    """``Anexo de la carta de fecha ...`` (S/2023/664): an annex with no number of its own."""
    root = read_document(str(CORPUS / "languages" / "S_2023_664__es") + ".pdf").root
    assert validate_tree(root) == []
    (att,) = xp(doc_element(root), "a:attachments/a:attachment")
    assert att.find("{*}num") is None and att.get("eId") == "annex_1"
    assert text_content(att.find("{*}heading")).startswith("Anexo de la carta de fecha 12 de septiembre de 2023")
