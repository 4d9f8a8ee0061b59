"""``drafting check`` on the command line: exit codes, formats, configuration, --fix, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "check"
SEED_001 = next((ROOT / "corpus").glob("001_*.txt"))


def run(*args, cwd=None):
    runner = CliRunner()
    if cwd:
        with runner.isolated_filesystem(temp_dir=cwd):
            return runner.invoke(cli, ["check", *map(str, args)], catch_exceptions=False)
    return runner.invoke(cli, ["check", *map(str, args)], catch_exceptions=False)


def test_exit_codes():
    assert run(FIXTURES / "report.good.xml").exit_code == 0
    assert run(FIXTURES / "UN603.bad.xml").exit_code == 0        # warnings only
    assert run(FIXTURES / "UN101.bad.xml").exit_code == 1        # an error
    assert run().exit_code == 2                                   # no path
    result = run("--select", "UN999", FIXTURES / "report.good.xml")
    assert result.exit_code == 2 and "unknown rule 'UN999'" in result.output


def test_text_report_shows_rule_severity_location_and_paragraph():
    out = run(SEED_001).output
    assert f"{SEED_001}:237:1: UN102 error: paragraph 82 is printed without its number " \
           f"[chp_IV__sec_A__para_82 no. 82.]" in out
    assert out.rstrip().splitlines()[-1].startswith("1 file checked:")


def test_list_rules_explains_every_rule():
    out = run("--list-rules").output
    for rid in ("UN000", "UN101", "UN201", "UN302", "UN401", "UN502", "UN605", "UN701", "UN801", "UN901"):
        assert f"\n{rid} " in "\n" + out
    assert "(fixable)" in out


def test_select_and_ignore():
    out = run("--select", "UN6", "--format", "json", FIXTURES / "text.bad.txt").output
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules == {"UN601", "UN603", "UN605", "UN606"}
    out = run("--ignore", "UN6,UN7", "--format", "json", FIXTURES / "text.bad.txt").output
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"UN102"}


def test_json_format():
    data = json.loads(run("--format", "json", FIXTURES / "text.bad.txt").output)
    assert data["summary"]["errors"] == 2 and data["summary"]["files"] == 1
    f = next(f for f in data["findings"] if f["rule"] == "UN102")
    assert f == {"rule": "UN102", "severity": "error", "message": "paragraph 2 is printed without its number",
                 "path": str(FIXTURES / "text.bad.txt"), "line": 16, "column": 1,
                 "eid": "chp_I__para_2", "num": "2."}


def test_github_annotations():
    out = run("--format", "github", FIXTURES / "text.bad.txt").output.splitlines()
    path = str(FIXTURES / "text.bad.txt").replace(":", "%3A").replace(",", "%2C")
    assert f"::error file={path},line=16,col=1,title=UN102::paragraph 2 is printed without its number (chp_I__para_2)" in out
    assert any(line.startswith("::warning file=") and "title=UN603::double space" in line for line in out)


def test_unreadable_files_are_findings_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.xml").write_bytes((FIXTURES / "report.good.xml").read_bytes())
    (tmp_path / "broken.xml").write_text("<akomaNtoso><unclosed>")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "notes.csv").write_text("ignored,in,folders")
    result = run("--format", "json", tmp_path, tmp_path / "missing.txt")
    assert result.exit_code == 1
    data = json.loads(result.output)
    un000 = {Path(f["path"]).name: f["message"] for f in data["findings"] if f["rule"] == "UN000"}
    assert set(un000) == {"broken.xml", "binary.txt", "empty.md", "missing.txt"}
    assert "not well-formed XML" in un000["broken.xml"] and "no such file" in un000["missing.txt"]
    assert data["summary"]["files"] == 5
    assert not [f for f in data["findings"] if f["rule"] != "UN000"]   # good.xml checked, clean


def test_configuration_in_pyproject_and_command_line_first(tmp_path):
    shutil.copy(FIXTURES / "text.bad.txt", tmp_path / "doc.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.drafting.check]\nignore = ["UN6"]\n'
        'severity = { UN102 = "warning" }\n')
    data = json.loads(run("--format", "json", tmp_path / "doc.txt").output)
    rules = {f["rule"]: f["severity"] for f in data["findings"]}
    assert rules == {"UN102": "warning", "UN701": "warning"}
    # the command line wins over the file
    data = json.loads(run("--format", "json", "--ignore", "UN7", tmp_path / "doc.txt").output)
    assert "UN601" in {f["rule"] for f in data["findings"]} and "UN701" not in {f["rule"] for f in data["findings"]}


def test_configuration_found_walking_up_in_drafting_toml(tmp_path):
    sub = tmp_path / "docs" / "fr"
    sub.mkdir(parents=True)
    shutil.copy(FIXTURES / "report.good.xml", sub / "doc.xml")
    (tmp_path / "drafting.toml").write_text('[check]\nword-limits = { report = 20 }\n')
    result = run(sub / "doc.xml")
    assert result.exit_code == 0 and "UN801 warning:" in result.output


@pytest.mark.parametrize("toml, key", [
    ('[check]\nfrench-spacing = "sometimes"\n', "french-spacing"),
    ('[check]\nword-limits = { report = -5 }\n', "word-limits.report"),
    ('[check]\nseverity = { UN101 = "fatal" }\n', "severity.UN101"),
    ('[check]\ncolour = "red"\n', "colour"),
])
def test_bad_configuration_names_key_and_file(tmp_path, toml, key):
    (tmp_path / "drafting.toml").write_text(toml)
    shutil.copy(FIXTURES / "report.good.xml", tmp_path / "doc.xml")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "doc.xml")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'drafting.toml'}: [check] {key}" in result.output


def test_fix_writes_a_new_file_and_never_touches_the_input(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(FIXTURES / "text.bad.txt", doc)
    before = doc.read_bytes()
    result = run("--fix", doc)
    assert doc.read_bytes() == before
    fixed = (tmp_path / "doc.fixed.txt").read_text("utf-8")
    assert "protéger l'ensemble" in fixed
    assert "renforcer la coopération" in fixed
    assert "le “Protocole relatif à la traite des personnes” et" in fixed
    # what is left is what is not safe to rewrite; the report is on the fixed file
    report = result.stdout
    assert "UN605" not in report and "UN603" not in report and "UN601" not in report
    assert "doc.fixed.txt:16:1: UN102" in report
    assert "doc.txt -> " in result.stderr and "UN601 2, UN603 1, UN605 1" in result.stderr
    assert result.exit_code == 1


def test_fix_in_place_keeps_a_backup(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(FIXTURES / "text.bad.txt", doc)
    before = doc.read_bytes()
    run("--fix", "--in-place", doc)
    assert (tmp_path / "doc.txt.bak").read_bytes() == before
    assert "|'" not in doc.read_text("utf-8")


def test_fix_refuses_to_write_over_its_input(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(FIXTURES / "text.bad.txt", doc)
    before = doc.read_bytes()
    result = CliRunner().invoke(cli, ["check", "--fix", "--fixed-to", str(doc), str(doc)])
    assert result.exit_code == 2 and "overwrite the input" in result.output
    assert doc.read_bytes() == before
    result = CliRunner().invoke(cli, ["check", "-o", str(doc), str(doc)])  # the report
    assert result.exit_code == 2 and "overwrite the input" in result.output
    assert doc.read_bytes() == before
    assert CliRunner().invoke(cli, ["check", "--in-place", str(doc)]).exit_code == 2


def test_fix_of_akn_input(tmp_path):
    doc = tmp_path / "doc.xml"
    shutil.copy(FIXTURES / "UN603.bad.xml", doc)
    assert run("--fix", doc).exit_code == 0
    assert "résolution  le" not in (tmp_path / "doc.fixed.xml").read_text("utf-8")


def test_report_file_and_versions_option(tmp_path):
    report = tmp_path / "out" / "report.json"
    result = run("--versions", "--format", "json", "--report", report,
                 FIXTURES / "report.good.xml", FIXTURES / "versions.en.bad.xml")
    assert result.exit_code == 1 and result.output == ""
    rules = {f["rule"] for f in json.loads(report.read_text())["findings"]}
    assert rules == {"UN101", "UN901", "UN902", "UN903"}   # UN101: 3 then 5 in the bad version


def test_many_files_in_worker_processes_give_the_same_findings(tmp_path):
    for i in range(12):
        shutil.copy(FIXTURES / "text.bad.txt", tmp_path / f"doc{i:02}.txt")
    serial = json.loads(run("--format", "json", "-j", "1", tmp_path).output)
    parallel = json.loads(run("--format", "json", "-j", "2", tmp_path).output)
    assert parallel == serial and serial["summary"]["files"] == 12


def test_pre_commit_hook_definition():
    import re

    import yaml
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "drafting-check")
    assert hook["entry"] == "drafting check --only-un-documents" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("docs/A_72_1.fr.txt") and files.search("report.docx") and files.search("r.xml")
    assert not files.search("build.py")
    assert re.search(hook["exclude"], "doc.fixed.txt")


def test_fix_of_markdown_leaves_the_front_matter(tmp_path):
    doc = tmp_path / "res.md"
    text = (FIXTURES / "resolution.good.md").read_text("utf-8")
    text = text.replace('agenda_item: 2 (d)', 'agenda_item: "2 (d)"').replace(
        "its commitment to the Protocol;", 'its commitment to the "Protocol";')
    doc.write_text(text, "utf-8")
    run("--fix", doc)
    fixed = (tmp_path / "res.fixed.md").read_text("utf-8")
    assert 'agenda_item: "2 (d)"' in fixed and "to the “Protocol”;" in fixed
