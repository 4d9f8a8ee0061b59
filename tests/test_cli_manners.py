"""The command line's manners: - for standard input and output, one option vocabulary, colour,
quiet and verbose, modes of the files written, help with examples, python -m drafting."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from drafting.cli import cli
from drafting.errors import DraftingError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "check"
REAL = ROOT / "corpus" / "real" / "pairs" / "P01_C2_financial_inclusion"
DRAFT = REAL / "A_C.2_80_L.21.pdftotext.txt"
ADOPTED = REAL / "A_RES_80_125.pdftotext.txt"


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env)


# -- standard input and output -----------------------------------------------------------------


def test_check_reads_standard_input_named_by_stdin_filename():
    result = run("check", "-", "--stdin-filename", "draft.txt", "-f", "json",
                 input=(FIXTURES / "text.bad.txt").read_bytes())
    data = json.loads(result.output)
    assert {f["path"] for f in data["findings"]} == {"draft.txt"}
    on_disk = json.loads(run("check", FIXTURES / "text.bad.txt", "-f", "json").output)
    assert [(f["rule"], f["line"]) for f in data["findings"]] == \
        [(f["rule"], f["line"]) for f in on_disk["findings"]]


def test_ingest_and_export_read_standard_input_and_write_standard_output(tmp_path):
    text = DRAFT.read_bytes()
    akn = run("ingest", "-", "-o", "-", input=text)
    assert akn.exit_code == 0 and akn.output.startswith("<?xml")
    html = run("export", "-", "-f", "html", "-o", "-", input=text)
    assert html.exit_code == 0 and "<html" in html.output.lower()
    out = tmp_path / "x.xml"
    assert run("ingest", "-", "--stdin-filename", "x.txt", "-o", out, input=text).exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_o_dash_is_standard_output_not_a_file_named_dash(tmp_path):
    os.chdir(tmp_path)
    result = run("diff", DRAFT, ADOPTED, "-o", "-")
    assert result.exit_code == 1 and "A_RES_80_125" in result.output
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("data, said", [(b"", "standard input is empty"), (b"  \n\n", "empty"),
                                        (bytes(range(256)) * 8, "binary")])
def test_empty_or_binary_standard_input_is_one_line_and_exit_2(data, said):
    for command in (["check", "-", "--stdin-filename", "x.txt"], ["ingest", "-"], ["check", "-"]):
        result = run(*command, input=data)
        assert result.exit_code == 2, (command, result.output)
        assert said in result.output and len(result.output.strip().splitlines()) == 1


def test_binary_output_to_a_terminal_is_refused(monkeypatch):
    from drafting.commands import streams
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(DraftingError, match="binary and standard output is a terminal"):
        streams.emit(b"PK\x03\x04", "-")


# -- one vocabulary ----------------------------------------------------------------------------


def test_check_speaks_the_common_vocabulary(tmp_path):
    doc = FIXTURES / "text.bad.txt"
    a = run("check", "-f", "json", doc).output
    b = run("check", "--output-format", "json", doc).output
    assert a == b and json.loads(a)["findings"]
    report = tmp_path / "r.json"
    assert run("check", "--format", "json", "-o", report, doc).exit_code == 1
    assert json.loads(report.read_text())["findings"]


def test_statistics_and_exit_zero():
    doc = FIXTURES / "text.bad.txt"
    result = run("check", "--statistics", doc)
    rows = [line.split("\t") for line in result.output.strip().splitlines()]
    counts = {r[1]: int(r[0]) for r in rows}
    findings = json.loads(run("check", "-f", "json", doc).output)["findings"]
    assert counts == {rule: sum(1 for f in findings if f["rule"] == rule) for rule in counts}
    assert sum(counts.values()) == len(findings) and result.exit_code == 1
    assert run("check", "--exit-zero", doc).exit_code == 0
    assert run("check", "--exit-zero", "--select", "UN999", doc).exit_code == 2


def test_quiet_prints_errors_only_and_verbose_more():
    doc = FIXTURES / "text.bad.txt"
    loud = run("check", doc).output
    quiet = run("check", "-q", doc).output
    assert " warning: " in loud and " warning: " not in quiet and " error: " in quiet
    assert "checked" not in quiet
    assert run("-q", "check", doc).output == quiet
    assert run("check", "-v", doc).output == loud


def test_colour_follows_the_option_and_the_environment():
    doc = FIXTURES / "text.bad.txt"
    assert "\x1b[" in run("check", "--color", "always", doc).output
    assert "\x1b[" not in run("check", "--color", "never", doc, env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" in run("check", doc, env={"FORCE_COLOR": "1", "NO_COLOR": ""}).output
    assert "\x1b[" not in run("check", doc, env={"NO_COLOR": "1", "FORCE_COLOR": ""}).output
    assert "\x1b[" not in run("check", doc).output                      # not a terminal
    assert "\x1b[" in run("--color", "always", "diff", DRAFT, ADOPTED).output


def test_diff_stat_counts_paragraphs_by_kind():
    result = run("diff", "--stat", DRAFT, ADOPTED)
    head, counts = result.output.strip().splitlines()
    assert result.exit_code == 1 and "A_C.2_80_L.21" in head and "->" in head
    data = json.loads(run("diff", "--stat", "-f", "json", DRAFT, ADOPTED).output)
    changed = sum(n for k, n in data["paragraphs"].items() if k != "unchanged")
    assert counts.startswith(f" {changed} paragraphs changed: ") and "modified" in counts
    assert run("diff", "--stat", DRAFT, DRAFT).exit_code == 0


def test_export_takes_several_inputs_with_out_dir(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(DRAFT, first)
    shutil.copy(ADOPTED, second)
    out = tmp_path / "out"
    result = run("export", first, second, "--out-dir", out, "-f", "html")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html"]
    assert run("export", first, second, "-o", tmp_path / "x.html").exit_code == 2
    same = tmp_path / "sub"
    same.mkdir()
    shutil.copy(DRAFT, same / "a.txt")
    clash = run("export", first, same / "a.txt", "--out-dir", tmp_path / "clash", "-f", "md")
    assert clash.exit_code == 2 and "both be written" in clash.output


# -- files written -----------------------------------------------------------------------------


@pytest.fixture
def umask_002():
    old = os.umask(0o002)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_outputs_get_the_umask_mode_as_cp_would(tmp_path, umask_002):
    out = tmp_path / "x.xml"
    assert run("ingest", DRAFT, "-o", out).exit_code == 0
    assert mode(out) == 0o664
    report = tmp_path / "r.txt"
    run("check", FIXTURES / "text.bad.txt", "-o", report)
    assert mode(report) == 0o664
    os.chmod(out, 0o644)  # a file replaced keeps its mode
    assert run("ingest", DRAFT, "-o", out).exit_code == 0
    assert mode(out) == 0o644


def test_in_place_fix_keeps_mode_of_the_file_and_its_backup(tmp_path, umask_002):
    doc = tmp_path / "doc.txt"
    shutil.copy(FIXTURES / "text.bad.txt", doc)
    os.chmod(doc, 0o640)
    run("check", "--fix", "--in-place", doc)
    assert (tmp_path / "doc.txt.bak").exists() and doc.read_bytes() != (tmp_path / "doc.txt.bak").read_bytes()
    assert mode(doc) == 0o640 and mode(tmp_path / "doc.txt.bak") == 0o640
    run("check", "--fix", doc)
    assert mode(tmp_path / "doc.fixed.txt") == 0o664


# -- entry points and help -----------------------------------------------------------------------


def test_python_m_drafting_works():
    proc = subprocess.run([sys.executable, "-m", "drafting", "--version"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0 and "drafting" in proc.stdout


def _commands():
    ctx = click.Context(cli)
    return [cli.get_command(ctx, name) for name in cli.list_commands(ctx)]


def test_each_command_is_found_in_the_module_that_defines_it():
    """The command line imports a command's module only when the command is named: the table it
    reads from holds every command of every module, and only those."""
    from drafting.cli import COMMAND_MODULES

    defined = {}
    for module in sorted(set(COMMAND_MODULES.values())):
        for command in importlib.import_module(f"drafting.commands.{module}").COMMANDS:
            defined[command.name] = module
    assert defined == COMMAND_MODULES


def test_a_command_loads_only_its_own_family():
    code = ("import sys\nfrom drafting.cli import main\nsys.argv = ['drafting', 'diff', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('drafting.commands.'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.splitlines()[-1].split())
    assert "drafting.commands.compare" in loaded
    assert not loaded & {"drafting.commands.ingest", "drafting.commands.check", "drafting.commands.export",
                         "drafting.commands.corpus", "drafting.commands.generate"}, loaded


def test_every_help_ends_with_an_example():
    helps = {"drafting": run("--help").output}
    for command in _commands():
        helps[command.name] = run(command.name, "--help").output
    for name, text in helps.items():
        tail = text.rstrip().split("\n\n")[-1]
        assert "Example" in tail and "drafting " in tail, name
    assert "_DRAFTING_COMPLETE" in helps["drafting"]
    assert "Every input and output may be -" in helps["drafting"]


def test_every_command_takes_quiet_verbose_and_colour():
    for command in _commands():
        names = {opt for p in command.params for opt in getattr(p, "opts", [])}
        assert {"-q", "-v", "--color"} <= names, command.name
        if "-o" in names:  # a file, or a folder for the corpus job
            assert "--output" in names or "--out-dir" in names, command.name
