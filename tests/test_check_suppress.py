"""Suppressions (inline comments, per-file ignores, baselines), the pre-commit selection of UN
documents, and bad input to them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from drafting.check.document import Config
from drafting.check.registry import enabled_rules
from drafting.cli import cli
from drafting.commands import check_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "check"
BAD_TEXT = FIXTURES / "text.bad.txt"
REAL = ROOT / "corpus" / "real" / "pairs" / "P01_C2_financial_inclusion"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["check", *map(str, args)], input=input)


def findings(*args) -> list[dict]:
    result = run("-f", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output.split("\n", 1)[-1] if result.output.startswith("drafting:")
                      else result.output)["findings"]


def lines_of(rule, found):
    return sorted(f["line"] for f in found if f["rule"] == rule)


def test_inline_comment_silences_its_line(tmp_path):
    doc = tmp_path / "doc.txt"
    text = BAD_TEXT.read_text("utf-8").split("\n")
    before = findings(BAD_TEXT)
    line = lines_of("UN603", before)[0]
    text[line - 1] += "  <!-- drafting: ignore UN603 -->"
    doc.write_text("\n".join(text), "utf-8")
    after = findings(doc)
    assert line not in lines_of("UN603", after)
    assert lines_of("UN606", after) == lines_of("UN606", before)  # other rules still there


def test_comment_alone_on_its_line_silences_the_block_after_it(tmp_path):
    doc = tmp_path / "doc.txt"
    text = BAD_TEXT.read_text("utf-8").split("\n")
    line = lines_of("UN606", findings(BAD_TEXT))[0]
    start = line - 1
    while start > 0 and text[start - 1].strip():
        start -= 1
    text.insert(start, "drafting: ignore UN606, UN603")
    text.insert(start + 1, "")
    doc.write_text("\n".join(text), "utf-8")
    assert lines_of("UN606", findings(doc)) == []


def test_ignore_file_comment_and_unknown_rule_warning(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text((FIXTURES / "resolution.bad.md").read_text("utf-8")
                   + "\n<!-- drafting: ignore-file UN5, UN999 -->\n", "utf-8")
    result = run(doc)
    assert "UN50" not in result.output.replace("UN999", "")
    assert "drafting: warning:" in result.output and "unknown rule 'UN999'" in result.output


def test_per_file_ignores_in_the_settings(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(BAD_TEXT, folder / "old.txt")
    shutil.copy(BAD_TEXT, folder / "new.txt")
    (tmp_path / "drafting.toml").write_text(
        '[check]\nper-file-ignores = { "docs/old*.txt" = ["UN6", "UN998"] }\n', "utf-8")
    result = run("-f", "json", folder)
    data = json.loads(result.output[result.output.index("{"):])
    rules = {(Path(f["path"]).name, f["rule"][:3]) for f in data["findings"]}
    assert ("new.txt", "UN6") in rules and ("old.txt", "UN6") not in rules
    assert ("old.txt", "UN7") in rules
    assert "unknown rule 'UN998'" in result.output


def test_baseline_adopts_a_document_and_reports_only_new_findings(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(BAD_TEXT, doc)
    baseline = tmp_path / "baseline.json"
    written = run("--baseline", baseline, "--write-baseline", doc)
    assert written.exit_code == 0 and json.loads(baseline.read_text())["findings"]
    clean = run("--baseline", baseline, doc)
    assert clean.exit_code == 0 and clean.output.strip().endswith("0 errors, 0 warnings, 0 info")
    # blank lines added above move every finding: still accepted; a new double space is new
    doc.write_text("\n\n" + BAD_TEXT.read_text("utf-8") + "\nA  new double space.\n", "utf-8")
    new = findings("--baseline", baseline, doc)
    assert [f["rule"] for f in new] == ["UN603"]


def test_corrupt_baseline_is_one_line_and_exit_2(tmp_path):
    for content in ("{not json", "[1, 2]", '{"drafting-baseline": 1, "findings": [{"rule": 5}]}'):
        baseline = tmp_path / "b.json"
        baseline.write_text(content, "utf-8")
        result = run("--baseline", baseline, BAD_TEXT)
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
        assert "baseline" in result.output


def test_baseline_naming_an_unknown_rule_is_a_warning(tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text(json.dumps({"drafting-baseline": 1, "findings": [
        {"path": str(BAD_TEXT), "rule": "UN999", "message": "gone", "eid": None}]}), "utf-8")
    result = run("--baseline", baseline, BAD_TEXT)
    assert result.exit_code == 1 and "warning" in result.output and "'UN999'" in result.output
    assert "unknown rule" not in run("-q", "--baseline", baseline, BAD_TEXT).output


def test_a_file_that_disappears_during_a_folder_run_is_un000_and_the_run_goes_on(tmp_path):
    for name in "abc":
        shutil.copy(BAD_TEXT, tmp_path / f"{name}.txt")
    files = check_files.collect_files([tmp_path])
    (tmp_path / "b.txt").unlink()  # gone between listing and reading
    checked = check_files.run(files, Config(), enabled_rules(), jobs=1)
    by_file = {}
    for f in checked.findings:
        by_file.setdefault(Path(f.path).name, set()).add(f.rule)
    assert by_file["b.txt"] == {"UN000"}
    assert "UN606" in by_file["a.txt"] and "UN606" in by_file["c.txt"]


def test_pre_commit_selection_passes_over_files_that_are_not_un_documents(tmp_path):
    (tmp_path / "README.md").write_text("# A project\n\nIt reads A/RES/80/1 and more.\n", "utf-8")
    (tmp_path / "requirements.txt").write_text("lxml>=5\nclick\n", "utf-8")
    (tmp_path / "pom.xml").write_text("<project><modelVersion>4.0.0</modelVersion></project>\n")
    names = ["README.md", "requirements.txt", "pom.xml"]
    result = run("--only-un-documents", *(tmp_path / n for n in names))
    assert result.exit_code == 0 and result.output == ""
    shutil.copy(REAL / "A_RES_80_125.layout.txt", tmp_path / "res.txt")
    shutil.copy(FIXTURES / "UN101.bad.xml", tmp_path / "un.xml")
    result = run("-f", "json", "--only-un-documents", *(tmp_path / n for n in names + ["res.txt", "un.xml"]))
    assert json.loads(result.output)["summary"]["files"] == 2    # res.txt and un.xml
    # a file the settings list is checked whatever it starts with
    (tmp_path / "drafting.toml").write_text('[check]\ninclude = ["README.md"]\n', "utf-8")
    found = findings("--only-un-documents", tmp_path / "README.md", tmp_path / "requirements.txt")
    assert {Path(f["path"]).name for f in found} <= {"README.md"}
    listed = check_files.un_documents([str(tmp_path / "README.md"), str(tmp_path / "pom.xml")],
                                      ["README.md"], str(tmp_path))
    assert listed == [str(tmp_path / "README.md")]


def test_every_real_document_starts_like_one():
    real = [p for p in (ROOT / "corpus" / "real").rglob("*.txt") if "parallel" not in p.parts]
    assert len(real) == 120
    missed = [p.name for p in real if not check_files.looks_like_un_document(str(p))]
    assert missed == [], missed
