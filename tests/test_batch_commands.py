"""The batch forms of ingest, export, check and diff: folders and globs, failures, pairing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from drafting.cli import cli

ROOT = Path(__file__).resolve().parent.parent
TERRORISM = ROOT / "corpus" / "real" / "sessions" / "S1_C6_measures_to_eliminate_international_terrorism"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_inputs_from_folders_and_globs_one_rendering_per_document():
    from drafting.corpus.batch import expand_inputs

    folder = expand_inputs([TERRORISM])   # each PDF, not also its two extracted texts
    assert [Path(f).name for f in folder] == ["A_RES_78_115.pdf", "A_RES_79_129.pdf", "A_RES_80_171.pdf"]
    globbed = expand_inputs([str(TERRORISM / "*.layout.txt")])
    assert [Path(f).name for f in globbed] == ["A_RES_78_115.layout.txt", "A_RES_79_129.layout.txt",
                                               "A_RES_80_171.layout.txt"]


def test_ingest_of_a_folder_equals_ingest_of_each_file(tmp_path):
    assert run("-q", "ingest", TERRORISM, "--out-dir", tmp_path / "batch", "-j", "2").exit_code == 0
    for name in ("A_RES_78_115", "A_RES_80_171"):
        single = tmp_path / f"{name}.xml"
        assert run("-q", "ingest", TERRORISM / f"{name}.pdf", "-o", single).exit_code == 0
        assert (tmp_path / "batch" / f"{name}.xml").read_bytes() == single.read_bytes()


def test_export_of_a_glob_keeps_going_past_a_bad_file(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(TERRORISM, docs / "a")
    (docs / "b").mkdir()
    (docs / "b" / "binary.txt").write_bytes(b"\x00\x01\x02" * 500)
    result = run("export", str(docs / "**" / "*.pdftotext.txt"), str(docs / "b" / "binary.txt"),
                 "--out-dir", tmp_path / "html", "--to", "html")
    assert result.exit_code == 2
    assert "drafting: failed:" in result.output and "binary" in result.output
    assert "export: 3 done, 1 failed" in result.output
    made = sorted(p.relative_to(tmp_path / "html").as_posix() for p in (tmp_path / "html").rglob("*.html"))
    assert made == ["A_RES_78_115.pdftotext.html", "A_RES_79_129.pdftotext.html",
                    "A_RES_80_171.pdftotext.html"]   # files named by a glob: into the folder itself
    assert "<html" in (tmp_path / "html" / made[0]).read_text()


def test_a_folder_tree_is_kept_under_the_output_folder(tmp_path):
    docs = tmp_path / "docs"
    for sub in ("one", "two"):
        (docs / sub).mkdir(parents=True)
        shutil.copy(TERRORISM / "A_RES_78_115.pdftotext.txt", docs / sub / "x.txt")
    assert run("-q", "ingest", docs, "--out-dir", tmp_path / "akn").exit_code == 0
    assert sorted(p.relative_to(tmp_path / "akn").as_posix() for p in (tmp_path / "akn").rglob("*.xml")) == \
        ["one/x.xml", "two/x.xml"]
    clash = run("ingest", docs / "one" / "x.txt", docs / "two" / "x.txt", "--out-dir", tmp_path / "flat")
    assert clash.exit_code == 2 and "would both be written to" in clash.output
    assert not (tmp_path / "flat").exists()


def test_check_of_a_folder_is_the_same_on_one_and_two_workers():
    one = json.loads(run("check", TERRORISM, "--format", "json", "-j", "1").output)
    two = json.loads(run("check", TERRORISM, "--format", "json", "-j", "2").output)
    assert one == two and one["summary"]["files"] == 9   # check reads every rendering


def test_diff_of_two_folders_pairs_by_name_then_by_symbol(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(TERRORISM / "A_RES_79_129.pdftotext.txt", old / "terrorism.txt")
    shutil.copy(TERRORISM / "A_RES_80_171.pdftotext.txt", new / "terrorism.txt")
    shutil.copy(TERRORISM / "A_RES_78_115.pdftotext.txt", old / "first-name.txt")
    shutil.copy(TERRORISM / "A_RES_78_115.pdftotext.txt", new / "other-name.txt")
    (new / "extra.md").write_text("# A note\n\n1. Only here.\n")
    result = run("diff", old, new, "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.output[:result.output.rindex("}") + 1])
    pairs = {(Path(p["old"]).name, Path(p["new"]).name): p["different"] for p in data["pairs"]}
    assert pairs == {("terrorism.txt", "terrorism.txt"): True, ("first-name.txt", "other-name.txt"): False}
    assert [Path(f).name for f in data["only_new"]] == ["extra.md"] and data["only_old"] == []
    text = run("diff", old, new).output
    assert "only in" in text and "extra.md" in text


def _sigterm_handler_of_worker(source):
    import os
    import signal
    return os.getpid(), signal.getsignal(signal.SIGTERM)


def test_forked_workers_die_on_sigterm_as_the_pool_expects():
    # The command turns SIGTERM into an exception (temporary files removed); a worker that
    # inherited that handler could block in its unwinding when the pool ends it, and the
    # command then waited for it forever. Workers keep the default action.
    import os
    import signal

    from drafting.cli import _exit_on_signal
    from drafting.corpus import batch

    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        outcomes = list(batch.run(_sigterm_handler_of_worker, [f"doc{i}" for i in range(8)], jobs=2,
                                  quiet=True))
    finally:
        signal.signal(signal.SIGTERM, previous)
    results = [o.value for o in outcomes]
    assert len(results) == 8
    assert all(pid != os.getpid() for pid, _ in results)     # they ran in forked workers
    assert {handler for _, handler in results} == {signal.SIG_DFL}
