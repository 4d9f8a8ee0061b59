"""Generate: the bundled example sessions in six languages, compared with expected files.

The expected outputs live in tests/fixtures/generate/expected/KIND.LANG.{xml,md}. After an
intended change, regenerate them and review the diff:

    DRAFTING_UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_generate.py
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import cli
from drafting.errors import DraftingError
from drafting.generate import EXAMPLES_DIR, KINDS, generate
from drafting.model.akn import first, text_content, xp
from drafting.model.units import body_units, masthead
from drafting.model.validate import validate_tree
from drafting.readers.markdown import read_text
from drafting.writers.akn import write as write_akn
from drafting.writers.markdown import to_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "generate"
EXPECTED = FIXTURES / "expected"
BAD = FIXTURES / "bad"
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
UPDATE = os.environ.get("DRAFTING_UPDATE_EXPECTED") == "1"


@pytest.fixture(scope="module")
def drafts():
    return {(k, lang): generate(k, EXAMPLES_DIR / f"{k}.yaml", lang) for k in KINDS for lang in LANGS}


def _compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with DRAFTING_UPDATE_EXPECTED=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from the expected output"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGS)
def test_generated_draft_matches_expected_files(drafts, kind, lang):
    g = drafts[(kind, lang)]
    assert validate_tree(g.root) == []
    _compare(EXPECTED / f"{kind}.{lang}.xml", write_akn(g.root).decode("utf-8"))
    _compare(EXPECTED / f"{kind}.{lang}.md", to_markdown(g.root))


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_output_reads_back_to_the_same_akn(drafts, kind, lang):
    g = drafts[(kind, lang)]
    again = read_text(to_markdown(g.root), "again.md")
    assert validate_tree(again.root) == []
    assert write_akn(again.root) == write_akn(g.root)


# date in the masthead, session ordinal, place and dates, agenda line: the UN form per language
DRAFT_REPORT_WORDS = {
    "en": ["12 October 2011", "Fourth session", "Distr.: Limited", "Draft report", "Vienna, 10-12 October 2011"],
    "fr": ["12 octobre 2011", "Quatrième session", "Distr. limitée", "Projet de rapport", "Français",
           "Vienne, 10-12 octobre 2011"],
    "es": ["12 de octubre de 2011", "Cuarto período de sesiones", "Proyecto de informe", "Español"],
    "ru": ["12 October 2011", "Четвертая сессия", "Проект доклада", "12 октября 2011 года", "Russian"],
    "zh": ["12 October 2011", "第四届会议", "报告草稿", "2011年10月10日至12日", "Chinese"],
    "ar": ["12 October 2011", "الدورة الرابعة", "مشروع التقرير", "تشرين الأول/أكتوبر 2011", "Arabic"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_masthead_and_preface_words_per_language(drafts, lang):
    root = drafts[("draft-report", lang)].root
    text = " ".join(root.itertext())
    for words in DRAFT_REPORT_WORDS[lang]:
        assert words in text, (lang, words)
    facts = masthead(root)
    assert facts["session_number"] == "4"
    assert facts["date"] == "2011-10-12"
    # ru, zh and ar keep the English masthead: Distr., date and "Original: English"
    if lang in ("ru", "zh", "ar"):
        assert facts["distribution"] == "Distr.: Limited"
        assert facts["date_text"] == "12 October 2011"
        assert facts["original"] == "English"
    assert facts["original"] == {"en": "English", "fr": "anglais", "es": "inglés"}.get(lang, "English")


def test_first_of_the_month_in_french_and_dates_of_the_note(drafts):
    assert masthead(drafts[("note", "fr")].root)["date_text"] == "1er août 2012"
    assert masthead(drafts[("note", "es")].root)["date_text"] == "1 de agosto de 2012"
    assert "15 a 19 de octubre de 2012" in " ".join(drafts[("note", "es")].root.itertext())
    assert "Sixième session" in " ".join(drafts[("note", "fr")].root.itertext())
    assert "第六届会议" in " ".join(drafts[("note", "zh")].root.itertext())


AGENDA = {"en": "Item 5 of the provisional agenda", "fr": "Point 5 de l'ordre du jour provisoire",
          "es": "Tema 5 del programa provisional", "ru": "Пункт 5 предварительной повестки дня",
          "zh": "临时议程项目5", "ar": "البند 5 من جدول الأعمال المؤقت"}


@pytest.mark.parametrize("lang", LANGS)
def test_addendum_agenda_line_and_parent_symbol(drafts, lang):
    root = drafts[("draft-report-addendum", lang)].root
    agenda = first(root, "//a:preface//a:inline[@name='agendaItem']/..")
    assert " ".join(text_content(agenda).split()) == AGENDA[lang]
    parent = first(root, "//a:references/a:attachmentOf")
    assert parent.get("showAs") == "CTOC/COP/WG.4/2011/L.1"
    types = [t.text for t in xp(root, "//a:preface//a:docType")]
    assert len(types) == 2  # Draft report, Addendum
    assert types[1] == {"en": "Addendum", "fr": "Additif", "es": "Adición", "ru": "Добавление",
                        "zh": "增编", "ar": "إضافة"}[lang]


def test_paragraphs_numbered_continuously_across_chapters(drafts):
    units = body_units(drafts[("draft-report", "en")].root)
    numbers = [u.num for u in units if u.kind == "paragraph" and u.num]
    assert numbers == ["1.", "2.", "3.", "4.", "5."]
    chapters = [u.num for u in units if u.kind == "heading" and u.level == "chapter"]
    assert chapters == ["I.", "II.", "III."]


@pytest.mark.parametrize("lang,labels", [("en", ["(a)", "(b)", "(c)"]), ("fr", ["a)", "b)", "c)"]),
                                         ("es", ["a)", "b)", "c)"]), ("zh", ["(a)", "(b)", "(c)"])])
def test_sub_paragraph_labels_per_language(drafts, lang, labels):
    units = body_units(drafts[("draft-report", lang)].root)
    assert [u.num for u in units if u.kind == "point"] == labels


def test_addendum_nested_labels(drafts):
    fr = [u.num for u in body_units(drafts[("draft-report-addendum", "fr")].root) if u.kind == "point"]
    assert fr == ["a)", "b)", "i)", "ii)", "c)"]
    ar = [u.num for u in body_units(drafts[("draft-report-addendum", "ar")].root) if u.kind == "point"]
    assert ar == ["(أ)", "(ب)", "(1)", "(2)", "(ج)"]


def test_draft_resolution_preamble_and_operative_paragraphs(drafts):
    root = drafts[("draft-resolution", "fr")].root
    formula = first(root, "//a:preamble/a:formula[@name='enactingFormula']")
    assert text_content(formula).strip().startswith("La Conférence des Parties")
    names = [c.get("name") for c in xp(root, "//a:preamble/a:container")]
    assert names == ["recalling", "reaffirming", "deeplyConcerned"]
    operative = [u.num for u in body_units(root) if u.kind == "paragraph"]
    assert operative == ["1.", "2.", "3.", "4."]
    proponent = first(root, "//a:preface//a:docProponent")
    assert proponent.text == "Groupe des 77 et de la Chine"
    assert first(root, "//a:preface//a:docType").text == "projet de résolution"
    ar = first(drafts[("draft-resolution", "ar")].root, "//a:preamble/a:formula")
    assert text_content(ar).strip().endswith("،")  # the Arabic comma ends the organ line


def test_note_has_agenda_footnote_on_the_symbol(drafts):
    root = drafts[("note", "en")].root
    note = first(root, "//a:coverPage//a:authorialNote")
    assert note.get("marker") == "*" and text_content(note, skip_notes=False).strip() == "CTOC/COP/2012/1."
    assert first(root, "//a:preface//a:inline[@name='agendaItemTitle']") is not None


def test_corrigendum_points_at_corrected_document(drafts):
    root = drafts[("corrigendum", "en")].root
    ref = first(root, "//a:references/a:passiveRef")
    assert ref.get("showAs") == "CTOC/COP/WG.4/2011/L.1/Add.1"
    assert not [u for u in body_units(root) if u.num]  # numbered: false


# -- the command --------------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("ext,magic", [(".xml", b"<?xml"), (".md", b"---\nkind: draft-resolution")])
def test_cli_writes_by_extension(tmp_path, ext, magic):
    out = tmp_path / f"res{ext}"
    result = run("new", "draft-resolution", "--session", str(EXAMPLES_DIR / "draft-resolution.yaml"),
                 "--lang", "es", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(magic)
    assert "15 de octubre de 2008".encode() in data or ext == ".md"


def test_cli_writes_docx(tmp_path):
    out = tmp_path / "report.docx"
    result = run("new", "draft-report", "--session", str(EXAMPLES_DIR / "draft-report.yaml"),
                 "--lang", "fr", "-o", str(out))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        document = z.read("word/document.xml").decode("utf-8")
    assert "12 octobre 2011" in document and "Quatrième session" in document


def _refused(tmp_path, *args):
    out = tmp_path / "out.xml"
    result = run("new", *args, "-o", str(out))
    assert result.exit_code == 2, result.output
    assert not out.exists()
    return result.output


def test_unknown_kind_lists_the_kinds(tmp_path):
    msg = _refused(tmp_path, "draft-treaty", "--session", str(EXAMPLES_DIR / "note.yaml"), "--lang", "en")
    assert "unknown kind 'draft-treaty'" in msg
    for kind in KINDS:
        assert kind in msg


def test_unknown_language_lists_the_languages(tmp_path):
    msg = _refused(tmp_path, "note", "--session", str(EXAMPLES_DIR / "note.yaml"), "--lang", "de")
    assert "unknown language 'de'" in msg and "ar, zh, en, fr, ru, es" in msg


@pytest.mark.parametrize("name,expected", [
    ("missing-organ.yaml", "missing-organ.yaml:1: missing key 'organ'"),
    ("wrong-date.yaml", "wrong-date.yaml:4: key 'date': expected a date YYYY-MM-DD, got 'twelve October'"),
    ("wrong-session.yaml", "wrong-session.yaml:9: key 'session': expected a whole number"),
    ("unknown-key.yaml", "unknown-key.yaml:9: unknown key 'titel'"),
    ("not-yaml.yaml", "not-yaml.yaml:3: not valid YAML"),
    # an error in body_markdown is reported at its line in the session file
    ("undefined-note.yaml", "undefined-note.yaml:14: body_markdown: footnote [^2] has no definition"),
])
def test_bad_session_names_key_and_line(tmp_path, name, expected):
    msg = _refused(tmp_path, "draft-report", "--session", str(BAD / name), "--lang", "en")
    assert expected in msg
    assert msg.startswith("drafting: error: ")


@pytest.mark.parametrize("template", ["mro.md.j2", "globals.md.j2"])
def test_template_reaching_python_internals_is_a_sandbox_error(tmp_path, template):
    msg = _refused(tmp_path, "draft-report", "--session", str(EXAMPLES_DIR / "draft-report.yaml"),
                   "--lang", "en", "--template", str(BAD / template))
    assert "sandbox" in msg and "unsafe" in msg and template in msg


def test_undefined_name_in_template_is_an_error(tmp_path):
    msg = _refused(tmp_path, "draft-report", "--session", str(EXAMPLES_DIR / "draft-report.yaml"),
                   "--lang", "en", "--template", str(BAD / "undefined.md.j2"))
    assert "'no_such_key' is undefined" in msg and "undefined.md.j2:3" in msg


def test_values_never_run_as_template_code_nor_open_keys():
    g = generate("draft-report", BAD / "injection.yaml", "en")
    facts = masthead(g.root)
    assert facts["symbol"] == "CTOC/COP/WG.4/2011/L.1"
    assert facts["organs"] == ["Conference of the Parties symbol: EVIL/1"]
    assert facts["title"] == "{{ ''.__class__.__mro__ }}"
    assert "{{ cycler.__init__.__globals__ }}" in " ".join(g.root.itertext())


def test_output_over_the_session_file_is_refused(tmp_path):
    session = tmp_path / "s.md"
    session.write_bytes((EXAMPLES_DIR / "note.yaml").read_bytes())
    before = session.read_bytes()
    result = run("new", "note", "--session", str(session), "--lang", "en", "-o", str(session))
    assert result.exit_code == 2 and "overwrite the input" in result.output
    assert session.read_bytes() == before


def test_unknown_output_extension(tmp_path):
    out = tmp_path / "x.pdf"
    result = run("new", "note", "--session", str(EXAMPLES_DIR / "note.yaml"), "--lang", "en", "-o", str(out))
    assert result.exit_code == 2 and ".xml" in result.output and ".docx" in result.output
    assert not out.exists()


def test_library_errors_are_drafting_errors():
    with pytest.raises(DraftingError, match="unknown kind"):
        generate("memo", EXAMPLES_DIR / "note.yaml", "en")


@pytest.mark.parametrize("text", ["12. x", "(a) y", "a) z", "# h", "> q", "- b", "*i* ^s^ [^1] _u_", "end {-}",
                                  "end []{-}", "end {.unnumbered}"])
def test_md_filter_keeps_values_as_text(text):
    from drafting.generate.render import md_escape

    root = read_text(f"---\nnumbered: false\n---\n\n{md_escape(text)}\n", "x.md").root
    assert [u.text for u in body_units(root)] == [text]
