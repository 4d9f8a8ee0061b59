"""Rules that know what a document kind prints and what an input can carry: silent where the
evidence is not there (a publication's title page, a passage in another language, a page
break, footnote calls flattened to figures), reporting where it is (a typed text, AKN)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.check.document import Config
from drafting.check.registry import enabled_rules
from drafting.commands import check_files

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"


def findings_of(path, select=None):
    return check_files.check_file(str(path), Config(), enabled_rules(select, None)).findings


def messages(path, rule):
    return [f.message for f in findings_of(path, [rule])]


def typed(tmp_path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


# --- kinds that print no masthead, and masthead lines the reading put elsewhere ----------------

@pytest.mark.parametrize("name", ["reports/A_80_42", "reports/E_2025_28-E_CN.7_2025_11",
                                  "reports/JIU_REP_2025_1"])
@pytest.mark.parametrize("form", [".pdf", ".pdftotext.txt", ".layout.txt"])
def test_a_publication_is_not_asked_for_a_masthead(name, form):
    """Official Records volumes and JIU reports print a title page with the imprint
    "United Nations • New York, 2025", never a masthead."""
    assert messages(REAL / f"{name}{form}", "UN4") == []


def test_a_text_without_masthead_or_title_page_is_still_reported(tmp_path):
    path = typed(tmp_path, "Report on the meeting\n\n1. The meeting was held in Vienna.\n\n"
                           "2. It adopted its report.\n")
    assert [f.rule for f in findings_of(path, ["UN401"])] == ["UN401"]


def test_an_old_scan_whose_masthead_reads_garbled_is_not_said_to_have_none():
    assert messages(REAL / "languages" / "E_ICEF_672(PartI)__fr.pdftotext.txt", "UN401") == []


def test_masthead_lines_read_into_the_title_are_printed():
    for path in (REAL / "languages" / "CEDAW_C_CAF_CO_6__ru.layout.txt",
                 REAL / "languages" / "A_AC.292_2025_INF_5__en-ar-fr-ru-es.pdftotext.txt"):
        assert messages(path, "UN4") == [], path


def test_a_main_committee_report_on_a_sub_item_is_an_addendum_titled_as_a_report():
    from drafting.check.masthead import _main_committee_report as committee_report
    for form in (".pdf", ".pdftotext.txt", ".layout.txt"):
        assert messages(REAL / "reports" / f"A_79_437_Add.4{form}", "UN407") == []
    assert committee_report("A/79/437/Add.4", ["Rapport de la Deuxième Commission"])
    assert committee_report("A/79/437/Add.4", ["Доклад Второго комитета"])
    assert not committee_report("A/79/437/Add.4", ["Report of the Secretary-General on the "
                                                   "work of the Committee"])
    assert not committee_report("E/2024/5/Add.1", ["Report of the Second Committee"])


# --- typography --------------------------------------------------------------------------------

def test_a_statement_quoted_in_its_own_language_keeps_its_quotation_marks():
    compilation = REAL / "languages" / "A_AC.292_2025_INF_5__en-ar-fr-ru-es.pdftotext.txt"
    assert messages(compilation, "UN601") == []
    # the document's own language is still read: a French scan's straight quotes
    scan = messages(REAL / "languages" / "E_ICEF_672(PartI)__fr.pdftotext.txt", "UN601")
    assert any("straight quote" in m for m in scan)


def test_a_passage_language_is_told_by_script_and_function_words():
    from drafting.locale import passage_language
    assert passage_language("« Le président du Groupe de travail est largement reconnu pour "
                            "avoir accompli un travail remarquable et efficace »") == "fr"
    assert passage_language("The Committee took note of the report and of the statements "
                            "made by the delegations") == "en"
    assert passage_language("Комитет принял к сведению доклад и заявления делегаций") == "ru"
    assert passage_language("Recalls") is None  # too short to tell


def test_names_addresses_and_verb_forms_are_not_words_run_together():
    jiu = messages(REAL / "reports" / "JIU_REP_2025_1.pdftotext.txt", "UN606")
    assert not any("wedocs" in m for m in jiu)          # wedocs.unep.org
    assert any("mediumterm" in m for m in jiu)          # a lost hyphen, still found
    report = messages(REAL / "reports" / "A_80_179-S_2025_468.pdftotext.txt", "UN606")
    assert not any("Sirianne" in m for m in report)     # Sirianne Dahlum, a name
    assert any("SecretaryGeneral" in m for m in report)
    scan = messages(REAL / "languages" / "E_ICEF_672(PartI)__fr.pdftotext.txt", "UN606")
    assert not any("raillions" in m or "encorde" in m for m in scan)   # railler, encorder
    assert any("mortalitéinfantile" in m for m in scan)


def test_a_verb_form_the_frequencies_lack_is_a_word():
    from drafting.check.wordsplit import lexicon
    assert lexicon("fr").verb_form("raillions") and lexicon("fr").split("raillions") is None
    assert not lexicon("fr").verb_form("latraite")
    assert lexicon("fr").split("latraite") == ["la", "traite"]


def test_a_list_of_paragraph_numbers_at_a_line_start_is_no_ocr_artefact():
    for form in (".pdf", ".pdftotext.txt", ".layout.txt"):
        path = REAL / "languages" / f"A_AC.292_2025_INF_5_Rev.1__en-ar-fr-ru-es{form}"
        assert messages(path, "UN605") == [], form


def test_the_label_opening_a_line_is_aligned_with_spaces(tmp_path):
    path = typed(tmp_path, "1.  The meeting was held in Vienna.\n\n2. It adopted  its report.\n")
    assert [f.line for f in findings_of(path, ["UN603"])] == [3]


# --- resolutions: page breaks and footnote calls -----------------------------------------------

def test_a_paragraph_cut_by_a_page_break_or_ending_with_a_colon_is_not_read_for_its_end():
    for path in (REAL / "pairs" / "P02_C2_FfD_follow_up" / "A_C.2_80_L.9.pdftotext.txt",
                 REAL / "pairs" / "P03_C2_LDC_follow_up" / "A_C.2_80_L.48.pdftotext.txt",
                 REAL / "sessions" / "S3_C4_peaceful_uses_of_outer_space" / "A_RES_80_76.pdftotext.txt"):
        assert messages(path, "UN5") == [], path
    # a wrong mark is still found: the adopted text prints a preambular paragraph with ";"
    climate = REAL / "sessions" / "S2_C2_protection_of_global_climate" / "A_RES_80_138.pdftotext.txt"
    assert messages(climate, "UN501") == ["preambular paragraph ends with “;”, not a comma"]


def test_a_typed_draft_is_read_for_its_ends(tmp_path):
    text = (ROOT / "tests" / "fixtures" / "check" / "resolution.good.md").read_text("utf-8")
    assert "session;" in text or ";" in text
    broken = text.replace(";", "", 1)
    path = typed(tmp_path, broken, "draft.md")
    assert {f.rule for f in findings_of(path, ["UN5"])} & {"UN501", "UN502"}


# --- lists, headings and footnotes read from pages ---------------------------------------------

def test_lists_read_from_pages_are_not_evidence_of_lost_labels():
    for path in (REAL / "pairs" / "P09_C6_negotiable_cargo_documents" / "A_RES_80_162.pdftotext.txt",
                 REAL / "reports" / "JIU_REP_2025_1.pdf",
                 REAL / "reports" / "E_2025_28-E_CN.7_2025_11.layout.txt"):
        assert messages(path, "UN103") == [], path


def test_a_typed_text_is_read_for_its_labels(tmp_path):
    path = typed(tmp_path, "1. The Committee decided:\n\n(a) To meet in Vienna;\n\n"
                           "(c) To adopt its report.\n")
    assert messages(path, "UN103") == ["sub-paragraph (c) where b is expected"]


def test_an_enumeration_printed_in_a_sentence_is_no_list(tmp_path):
    path = typed(tmp_path, "1. The Committee has three objectives: (a) peace; (b) development;\n"
                           "(c) human rights.\n")
    assert messages(path, "UN103") == []


def test_footnote_calls_flattened_to_figures_are_not_read(tmp_path):
    for path in (REAL / "reports" / "JIU_REP_2025_1.pdftotext.txt",
                 REAL / "reports" / "A_79_437_Add.4.layout.txt"):
        assert messages(path, "UN30") == [], path


def test_headings_read_from_pages_start_new_runs_and_miss_no_number():
    for path in (REAL / "reports" / "E_2025_28-E_CN.7_2025_11.pdf",
                 REAL / "reports" / "JIU_REP_2025_1.pdftotext.txt"):
        assert messages(path, "UN2") == [], path


def test_a_typed_text_is_read_for_its_chapters(tmp_path):
    path = typed(tmp_path, "I. Introduction\n\n1. Text.\n\nIII. Conclusions\n\n2. Text.\n")
    assert messages(path, "UN201") == ["chapter III. where II. is expected"]


def test_the_second_half_of_a_word_cut_at_a_line_end_is_no_word_run_together(tmp_path):
    cut = typed(tmp_path, "1. The Committee discussed the env-\nironmental questions.\n", "cut.txt")
    assert messages(cut, "UN606") == []
    whole = typed(tmp_path, "1. The Committee discussed the\nironmental questions.\n", "whole.txt")
    assert messages(whole, "UN606") == ["“ironmental” looks like words run together: “iron mental”"]
