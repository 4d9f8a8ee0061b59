"""Session files: the agenda line and the formula follow the organ; place and dates are optional."""

from __future__ import annotations

from conftest import FIXTURES

from drafting.generate import generate
from drafting.model.units import body_units, masthead

SESSIONS = FIXTURES / "docx_out"


def _preface_text(root) -> str:
    return " ".join(root.xpath("string(//*[local-name()='preface'])").split())


def test_a_general_assembly_draft_prints_agenda_item_and_no_place_and_one_formula():
    root = generate("draft-resolution", SESSIONS / "ga_first_committee.yaml", "en").root
    preface = _preface_text(root)
    assert "Agenda item 99 (kk)" in preface and "provisional agenda" not in preface
    assert masthead(root)["place_dates"] is None
    formulas = [u.text for u in body_units(root) if u.kind == "formula"]
    assert formulas == ["The General Assembly,"]        # typed in the body: not printed twice


def test_the_formula_comes_from_the_organ_when_neither_typed_nor_given(tmp_path):
    text = (SESSIONS / "ga_first_committee.yaml").read_text(encoding="utf-8")
    text = text.replace("  *The General Assembly*,\n\n", "")
    session = tmp_path / "no_formula.yaml"
    session.write_text(text, encoding="utf-8")
    for lang, formula in (("en", "The General Assembly,"), ("fr", "L'Assemblée générale,"),
                          ("ar", "إن الجمعية العامة،")):
        root = generate("draft-resolution", session, lang).root
        assert [u.text for u in body_units(root) if u.kind == "formula"] == [formula], lang


def test_a_subsidiary_body_keeps_the_provisional_agenda_line_and_its_place():
    root = generate("draft-report", SESSIONS / "statistical_commission_report.yaml", "en").root
    preface = _preface_text(root)
    assert "Item 3 (e) of the provisional agenda" in preface
    assert masthead(root)["place_dates"].startswith("New York")
