"""``drafting diff``, ``history`` and ``align`` as a user runs them: exit codes like diff(1),
outputs, bad inputs."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from editscript import edit_document, insert_one_paragraph
from drafting.model.akn import tostring
from tests.conftest import FIXTURES, SEEDS

DRAFTING = [sys.executable, "-m", "drafting.cli"]
LANG = FIXTURES / "compare"


def run(*args, env=None, cwd=None):
    return subprocess.run(DRAFTING + [str(a) for a in args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.fixture(scope="module")
def pair(tmp_path_factory, seeds):
    """Seed 002 as text, and an edited copy of it as AKN."""
    folder = tmp_path_factory.mktemp("diff")
    edited = edit_document(seeds["002"].root, random.Random(7), edits=5)
    new = folder / "edited.xml"
    new.write_bytes(tostring(edited.root))
    return SEEDS["002"], new, edited


def test_identical_files_exit_0(tmp_path):
    result = run("diff", SEEDS["000"], SEEDS["000"])
    assert result.returncode == 0, result.stderr
    assert "no differences" in result.stdout


def test_differences_exit_1_text_report(pair):
    old, new, edited = pair
    result = run("diff", old, new, env={"NO_COLOR": "1"})
    assert result.returncode == 1, result.stderr
    assert "\x1b[" not in result.stdout                      # not a TTY: no colour
    assert result.stdout.splitlines()[-1].startswith("summary:")


def test_json_schema(pair):
    old, new, edited = pair
    result = run("diff", old, new, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert set(data) == {"old", "new", "summary", "typography", "ignored", "pairs"}
    assert data["old"]["symbol"] == data["new"]["symbol"]
    truth = {(k, o, n) for k, o, n in edited.truth}
    got = {(p["kind"], tuple(p["old_eid"]), tuple(p["new_eid"])) for p in data["pairs"]}
    assert got == truth
    for p in data["pairs"]:
        assert set(p) >= {"kind", "old", "new", "old_eid", "new_eid", "similarity", "inline", "footnotes"}
        assert all(not label.endswith(".") for label in p["old"] + p["new"])
        assert all(op in ("=", "+", "-") for op, _ in p["inline"])
    assert sum(data["summary"].values()) == len(data["pairs"])


def test_renumbering_in_json_has_no_text_change(tmp_path, seeds):
    edited = insert_one_paragraph(seeds["001"].root, position=0)
    new = tmp_path / "plus-one.xml"
    new.write_bytes(tostring(edited.root))
    data = json.loads(run("diff", SEEDS["001"], new, "-f", "json").stdout)
    assert data["summary"]["inserted"] == 1
    renumbered = [p for p in data["pairs"] if p["kind"] == "renumbered"]
    assert len(renumbered) >= 100
    assert all(op == "=" for p in renumbered for op, _ in p["inline"])
    assert any(p["old"] == ["7"] and p["new"] == ["8"] for p in renumbered)


def test_output_file_is_written_atomically_and_never_over_an_input(pair, tmp_path):
    old, new, _ = pair
    out = tmp_path / "report.html"
    result = run("diff", old, new, "-f", "html", "-o", out)
    assert result.returncode == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    before = new.read_bytes()
    refused = run("diff", old, new, "-o", new)
    assert refused.returncode == 2 and "overwrite" in refused.stderr
    assert new.read_bytes() == before


def test_one_empty_file_is_an_empty_document(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("diff", empty, SEEDS["002"], "-f", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert set(data["summary"]) == {"inserted"}
    back = run("diff", SEEDS["002"], empty)
    assert back.returncode == 1 and "deleted" in back.stdout


@pytest.mark.parametrize("name,content,message", [
    ("missing.txt", None, "no such file"),
    ("scan.pdf", b"%PDF-1.4 binary", "truncated or damaged"),
    ("noext", b"text", "extension"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("broken.xml", b"<akomaNtoso><unclosed>", "well-formed"),
])
def test_bad_inputs_one_line_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("diff", path, SEEDS["000"])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafting: error:") and message in lines[0]
    assert result.stdout == ""


def test_documents_with_nothing_in_common_give_a_report():
    result = run("diff", SEEDS["001"], SEEDS["004"], "-f", "json")
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["deleted"] > 100 and summary["inserted"] > 20


def test_two_languages_point_to_align():
    result = run("diff", LANG / "resolution_en.xml", LANG / "resolution_fr.xml")
    assert result.returncode == 2
    assert "drafting align" in result.stderr


def test_align_reports_the_mismatches_a_language_unit_fixes():
    result = run("align", LANG / "resolution_en.xml", LANG / "resolution_fr.xml", "-f", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    issues = [i for p in data["pairs"] for i in p["issues"]]
    kinds = sorted(i["kind"] for i in issues)
    assert kinds == ["footnotes", "missing-in-b", "numbers"]
    missing = next(i for i in issues if i["kind"] == "missing-in-b")
    assert missing["a"] == ["OP 3"]                # named as readers cite it, never an internal id
    assert all("_nn_" not in i["message"] and "para_" not in i["message"] for i in issues)
    numbers = next(i for i in issues if i["kind"] == "numbers")
    assert "2018" in numbers["message"] and "2019" in numbers["message"]
    same = run("align", LANG / "resolution_en.xml", LANG / "resolution_en.xml")
    assert same.returncode == 0 and "no structural mismatches" in same.stdout


def test_history_of_a_chain(tmp_path, seeds):
    v1 = seeds["002"].root
    v2 = edit_document(v1, 1, edits=3, operations=["insert", "reword"])
    v3 = edit_document(v2.root, 2, edits=2, operations=["delete"])
    paths = []
    for k, root in enumerate([v1, v2.root, v3.root], 1):
        p = tmp_path / f"v{k}.xml"
        p.write_bytes(tostring(root))
        paths.append(p)
    result = run("history", *paths, "-f", "json")
    assert result.returncode == 1, result.stderr
    steps = json.loads(result.stdout)["steps"]
    assert len(steps) == 2
    assert steps[0]["summary"]["added"] + steps[0]["summary"]["amended"] == 3
    assert steps[0]["summary"]["dropped"] == 0
    assert steps[1]["summary"]["dropped"] == 2 and steps[1]["summary"]["added"] == 0
    text = run("history", *paths).stdout
    assert "carried" in text and "dropped" in text


def test_colour_only_on_a_terminal_and_not_with_no_color(pair):
    from drafting.commands.compare import want_colour

    assert want_colour("out.txt") is False
    old, new, _ = pair
    script = ("import pty,sys,os; os.environ.pop('NO_COLOR', None);"
              "sys.exit(os.waitstatus_to_exitcode(pty.spawn([sys.executable,'-m','drafting.cli','diff',%r,%r])))"
              % (str(old), str(new)))
    coloured = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert b"\x1b[" in coloured.stdout
    plain = subprocess.run([sys.executable, "-c", script.replace("os.environ.pop('NO_COLOR', None)",
                                                                  "os.environ.update(NO_COLOR='1')")],
                           capture_output=True)
    assert b"\x1b[3" not in plain.stdout and b"summary:" in plain.stdout


def test_diff_reads_markdown_inputs(tmp_path, seeds):
    from drafting.compare.align import align_documents
    from drafting.writers.markdown import write as write_markdown

    old = seeds["002"].root
    edited = edit_document(old, random.Random(5), edits=5)
    a, b = tmp_path / "old.md", tmp_path / "new.md"
    a.write_bytes(write_markdown(old))
    b.write_bytes(write_markdown(edited.root))
    result = run("diff", a, b, "-f", "json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"] == align_documents(old, edited.root).summary


def test_gale_church_pairs_by_length_where_numbers_are_missing(seeds):
    from drafting.compare.languages import align_language_items, gale_church
    from drafting.compare.items import items_of

    # a sentence about 1.2 times as long in B; the third of A became two in B
    assert gale_church([100, 40, 200, 60], [120, 50, 110, 130, 70], 1.2) == [(1, 1), (1, 1), (1, 2), (1, 1)]
    # 004 has unnumbered paragraphs: aligned with itself by length, no mismatch
    items = items_of(seeds["004"].root)
    pairs = align_language_items(items, items_of(seeds["004"].root))
    assert all(len(p.a) == len(p.b) == 1 and not p.issues for p in pairs)
    assert any(p.method == "length" for p in pairs)
