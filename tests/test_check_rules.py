"""Check rules: each rule on a document that breaks it and one that keeps it; the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.check.document import Config
from drafting.check.registry import all_rules, enabled_rules
from drafting.commands import check_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "check"
CORPUS = ROOT / "corpus"
REAL = ROOT / "corpus" / "real"
SINGLE_RULES = sorted(rid for rid, r in all_rules().items() if r.func and not r.multi and rid != "UN801")


def check_versions(paths, config, rules):
    return check_files.check_versions(paths, config, rules).findings


def findings_of(path, config=None, select=None):
    config = config or Config()
    return check_files.check_file(str(path), config, enabled_rules(select, None)).findings


def rules_of(path, **kw):
    return {f.rule for f in findings_of(path, **kw)}


@pytest.mark.parametrize("rule_id", SINGLE_RULES)
def test_each_rule_has_a_document_that_breaks_it(rule_id):
    path = FIXTURES / f"{rule_id}.bad.xml"
    assert path.exists(), f"no fixture breaking {rule_id}"
    found = findings_of(path)
    assert rule_id in {f.rule for f in found}
    # the fixture breaks that rule and no other
    assert {f.rule for f in found} == {rule_id}, found


@pytest.mark.parametrize("name", ["report.good.xml", "resolution.good.xml", "text.good.txt",
                                  "resolution.good.md", "versions.en.xml"])
def test_documents_that_keep_every_rule(name):
    assert findings_of(FIXTURES / name) == []


def test_text_input_is_located_in_the_file_on_disk():
    found = {(f.rule, f.line, f.column) for f in findings_of(FIXTURES / "text.bad.txt")}
    assert ("UN701", 14, 77) in found          # 12/10/2011
    assert ("UN102", 16, 1) in found           # paragraph 2 printed without its number
    assert ("UN601", 16, 17) in found          # straight quotes
    assert ("UN603", 20, 41) in found          # double space
    assert ("UN606", 20, 80) in found          # latraite
    assert ("UN605", 22, 41) in found          # |'ensemble (repaired by the reader, still in the file)
    by_rule = {f.rule: f for f in findings_of(FIXTURES / "text.bad.txt")}
    assert by_rule["UN102"].eid == "chp_I__para_2" and by_rule["UN102"].num == "2."


def test_docx_findings_are_located_by_eid():
    found = findings_of(FIXTURES / "UN302.bad.docx")
    assert [(f.rule, f.line, f.num) for f in found] == [("UN302", None, "2.")]
    assert found[0].eid.startswith("chp_I__para_2")


def test_resolution_rules_on_markdown():
    found = {(f.rule, f.line) for f in findings_of(FIXTURES / "resolution.bad.md")}
    assert found == {("UN501", 19), ("UN503", 21), ("UN502", 25)}


def test_point_labels_in_english_form():
    found = findings_of(FIXTURES / "UN103.bad.xml")
    messages = [f.message for f in found]
    assert "sub-paragraph c) where b is expected" in messages
    assert any("(d) is not in the fr form d)" in m for m in messages)


def test_word_limit_only_when_configured():
    assert "UN801" not in rules_of(FIXTURES / "report.good.xml")
    found = findings_of(FIXTURES / "report.good.xml", Config(word_limits={"report": 20}))
    assert [f.rule for f in found] == ["UN801"]
    assert "over the limit of 20" in found[0].message


def test_french_spacing_profiles():
    bad = FIXTURES / "UN602.bad.xml"   # "devraient :" — a space before the colon
    assert "UN602" in rules_of(bad, config=Config(french_spacing="vienna"))
    modern = findings_of(FIXTURES / "report.good.xml", Config(french_spacing="modern"))
    assert modern and all(f.rule == "UN602" for f in modern)   # "devraient:" lacks the space


def test_language_versions_agree_or_not():
    rules = enabled_rules()
    french, english = str(FIXTURES / "report.good.xml"), str(FIXTURES / "versions.en.xml")
    assert check_versions([french, english], Config(), rules) == []
    differ = check_versions([french, str(FIXTURES / "versions.en.bad.xml")], Config(), rules)
    found = {(f.rule, f.eid) for f in differ}
    assert found == {("UN101", "chp_III__para_5"),                      # its own numbering: 3, 5
                     ("UN901", None),                                   # paragraph 4 left out
                     ("UN902", "chp_II__sec_A__para_3__list_1__point_c"),  # footnote 2 lost
                     ("UN903", "chp_I__para_1")}                        # 12 October -> 13 October
    missing = next(f for f in differ if f.rule == "UN901")
    assert "paragraph 4 has no counterpart" in missing.message
    assert all(f.path.endswith("versions.en.bad.xml") for f in differ)


def test_language_versions_without_the_alignment_count_structure(monkeypatch):
    import drafting.check.versions as versions
    monkeypatch.setattr(versions, "alignment", lambda ref, doc: None)
    differ = check_versions([str(FIXTURES / "report.good.xml"), str(FIXTURES / "versions.en.bad.xml")],
                            Config(), enabled_rules(["UN9"]))
    by_rule = {f.rule: f.message for f in differ}
    assert set(by_rule) == {"UN901", "UN902"}
    assert "4 numbered paragraphs" in by_rule["UN901"] and "missing 4" in by_rule["UN901"]
    assert "missing 2" in by_rule["UN902"]


# --- the seeds -------------------------------------------------------------------------------

def seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def test_seed_001_lost_paragraph_numbers_and_footnote_reference():
    found = findings_of(seed("001"))
    lost = sorted(f.num for f in found if f.rule == "UN102")
    assert lost == ["1.", "82.", "83."]
    assert all(f.line and f.column == 1 for f in found if f.rule == "UN102")
    notes = [f for f in found if f.rule == "UN302"]
    assert len(notes) == 1 and "footnote 1 " in notes[0].message and notes[0].line == 19
    assert "UN101" not in {f.rule for f in found}


def test_seed_002_numbering_is_not_flagged():
    rules = rules_of(seed("002"))
    assert not rules & {"UN101", "UN102", "UN103", "UN201", "UN202", "UN501", "UN502"}


def test_seed_003_ocr_artefacts_and_lost_chapter_numbers():
    found = findings_of(seed("003"))
    chapters = sorted(f.num for f in found if f.rule == "UN201")
    assert chapters == ["I.", "II."]
    ocr = [f for f in found if f.rule == "UN605"]
    assert len(ocr) > 50
    assert any("“|”" in f.message for f in ocr) and any("“&”" in f.message for f in ocr)
    assert any(f.line == 387 and "“[11.”" in f.message and f.eid == "chp_III" for f in ocr)
    assert any(f.line == 29 and "“4,”" in f.message for f in ocr)
    run_together = {f.message.split("”")[0].lstrip("“") for f in found if f.rule == "UN606"}
    assert {"latraite", "Réponsesdelajustice", "Activitésvisant", "Collectededonnées"} <= run_together


def test_seed_004_has_no_masthead():
    found = findings_of(seed("004"))
    assert [f.rule for f in found if f.rule.startswith("UN4")] == ["UN401"]


def test_clean_seeds_have_no_ocr_findings():
    for prefix in ("000", "001", "002", "004"):
        assert not rules_of(seed(prefix)) & {"UN605", "UN606"}, prefix


def test_seeds_as_akn_keep_what_the_tree_holds():
    """corpus/*.xml: the tree keeps the lost footnote reference, the missing mastheads and the
    numbers the reader had to infer (num refersTo="#inferredNumber")."""
    xml = {p.name[:3]: p for p in CORPUS.glob("*.xml")}
    assert {"UN302", "UN102"} <= rules_of(xml["001"])
    assert "UN201" in rules_of(xml["003"])
    assert "UN401" in rules_of(xml["003"]) and "UN401" in rules_of(xml["004"])
    assert not rules_of(xml["002"]) & {"UN101", "UN102", "UN103", "UN201", "UN202"}
    assert {"UN605", "UN606"} <= rules_of(xml["003"])


def test_rules_see_annex_paragraphs():
    """The rules walk the model's one reading-order view: an annex's paragraphs are units too."""
    from drafting.check.document import CheckedDocument
    from drafting.readers import read_document
    path = REAL / "pairs/P04_C2_consumer_product_safety/A_RES_80_119.pdftotext.txt"
    root = read_document(str(path)).root
    units = CheckedDocument(str(path), "text", root).units
    annex = [u for u in units if u.level == "annex"]
    assert len(annex) == 1
    inside = [u for u in units if u.kind == "paragraph" and u.chapter_eid and u.chapter_eid.startswith(annex[0].eid)]
    assert len(inside) >= 30


def test_a_numbering_gap_in_an_annex_is_found(tmp_path):
    """An annex numbers its paragraphs afresh; a gap inside it is a gap."""
    source = (ROOT / "tests/fixtures/compare/annex_paragraph_changed.old.md").read_text(encoding="utf-8")
    assert not {f for f in rules_of(ROOT / "tests/fixtures/compare/annex_paragraph_changed.old.md") if f == "UN101"}
    gap = tmp_path / "annex_gap.md"
    gap.write_text(source.replace("2. Businesses should place", "4. Businesses should place")
                   .replace("3. Authorities should", "5. Authorities should"), encoding="utf-8")
    found = [f for f in findings_of(gap) if f.rule == "UN101"]
    assert len(found) == 1 and "2-3 missing" in found[0].message, found
