"""The corpus index, trace and search on the real session chains of corpus/real/sessions."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "corpus" / "real" / "sessions"
TERRORISM = SESSIONS / "S1_C6_measures_to_eliminate_international_terrorism"
CLIMATE = SESSIONS / "S2_C2_protection_of_global_climate"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The ten documents of the session chains, read from their pdftotext renderings (a glob)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    result = run("corpus", "index", SESSIONS / "*" / "*.pdftotext.txt", "--db", path, "-j", "1")
    assert result.exit_code == 0, result.output
    return path


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_index_holds_every_document_with_its_facts(db):
    docs = rows(db, "SELECT symbol, kind, date, language FROM documents ORDER BY symbol")
    assert len(docs) == 10
    facts = {d[0]: d[1:] for d in docs}
    assert facts["A/RES/79/129"] == ("resolution", "2024-12-12", "en")
    assert facts["A/C.2/80/L.37"][0] == "draft"
    parts = dict(rows(db, "SELECT part, count(*) FROM paragraphs GROUP BY part"))
    assert parts["preamble"] > 100 and parts["operative"] > 300
    # operative 5 of A/RES/79/129 is stored under its printed number, with its eId
    assert rows(db, "SELECT p.eid FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
                    "WHERE d.symbol = 'A/RES/79/129' AND p.part = 'operative' AND p.number = '5'") == [("para_5",)]


def test_reindex_reads_only_changed_files(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for text in TERRORISM.glob("*.pdftotext.txt"):
        shutil.copy(text, folder)
    index = tmp_path / "c.sqlite"
    first = run("corpus", "index", folder, "--db", index, "-j", "1")
    assert "3 read, 0 unchanged" in first.output
    again = run("corpus", "index", folder, "--db", index, "-j", "1")
    assert "0 read, 3 unchanged, 0 removed" in again.output
    touched = folder / "A_RES_78_115.pdftotext.txt"
    os.utime(touched, (1, 1))   # same content, new mtime: hashed, not parsed
    assert "0 read, 3 unchanged" in run("corpus", "index", folder, "--db", index).output
    changed = folder / "A_RES_79_129.pdftotext.txt"
    changed.write_text(changed.read_text() + "\n99. Decides to remain seized of the matter.\n")
    (folder / "A_RES_80_171.pdftotext.txt").unlink()
    last = run("corpus", "index", folder, "--db", index)
    assert "1 read, 1 unchanged, 1 removed" in last.output
    assert rows(index, "SELECT count(*) FROM documents") == [(2,)]
    assert rows(index, "SELECT count(*) FROM lsh WHERE text_id NOT IN (SELECT id FROM texts)") == [(0,)]


def test_trace_finds_the_earlier_session_first(db):
    later = TERRORISM / "A_RES_80_171.pdftotext.txt"
    data = json.loads(run("trace", later, "--db", db, "-f", "json").output)
    assert set(data) == {"paragraphs"}
    paras = {(p["part"], p["number"]): p for p in data["paragraphs"]}
    op1 = paras[("operative", "1")]
    assert op1["verdict"] == "carried"
    assert set(op1["sources"][0]) == {"symbol", "part", "number", "date", "kind", "similarity", "inline"}
    assert (op1["sources"][0]["symbol"], op1["sources"][0]["number"]) == ("A/RES/79/129", "1")
    # the draft itself and later documents are never sources
    assert all(s["date"] < "2025-12-19" for p in data["paragraphs"] for s in p["sources"])
    assert all(s["symbol"] != "A/RES/80/171" for p in data["paragraphs"] for s in p["sources"])
    # operative 14 was amended in 2025 ("parties" became "Parties"), shown as an inline diff
    op14 = paras[("operative", "14")]
    assert op14["verdict"] == "amended" and op14["sources"][0]["symbol"] in ("A/RES/79/129", "A/RES/78/115")
    assert {op for op, _ in op14["sources"][0]["inline"]} >= {"="} and len(op14["sources"][0]["inline"]) > 1
    verdicts = [p["verdict"] for p in data["paragraphs"]]
    assert verdicts.count("carried") > 40 and verdicts.count("new") < 10


def test_trace_one_paragraph_text_and_html(db, tmp_path):
    later = TERRORISM / "A_RES_80_171.pdftotext.txt"
    text = run("trace", later, "--db", db, "--para", "OP1").output
    assert text.splitlines()[1] == "operative 1: carried over from A/RES/79/129, operative 1, unchanged"
    out = tmp_path / "trace.html"
    assert run("trace", later, "--db", db, "-f", "html", "-o", out).exit_code == 0
    page = out.read_text()
    assert "A/RES/79/129</a>" in page and 'href="file://' in page
    missing = run("trace", later, "--db", db, "--para", "OP999")
    assert missing.exit_code == 2 and "no paragraph OP999" in missing.output


def test_search_by_words_and_filters(db):
    out = run("corpus", "search", "foreign terrorist fighters", "--db", db).output
    assert "A/RES/79/129, operative 9 (2024-12-12)" in out
    drafts = run("corpus", "search", "emissions gap", "--db", db, "--kind", "draft").output.splitlines()
    assert drafts and all(line.startswith("A/C.2/80/L.37") for line in drafts)
    recent = run("corpus", "search", "foreign terrorist fighters", "--db", db, "--since", "2025-01-01").output
    assert "A/RES/80/171" in recent and "A/RES/79/129" not in recent
    pre = json.loads(run("corpus", "search", "Charter", "--db", db, "--part", "preamble", "-f", "json").output)
    assert pre["hits"] and all(h["part"] == "preamble" for h in pre["hits"])
    # FTS syntax in the user's words is only words
    assert run("corpus", "search", 'NEAR( "x" OR', "--db", db).exit_code == 0


def test_index_of_another_format_version(db, tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'format_version'")
    conn.commit()
    conn.close()
    refused = run("trace", TERRORISM / "A_RES_80_171.pdftotext.txt", "--db", old)
    assert refused.exit_code == 2 and "format 0" in refused.output and "rebuild" in refused.output
    rebuilt = run("corpus", "index", TERRORISM, "--db", old, "-j", "1")
    assert rebuilt.exit_code == 0 and rows(old, "SELECT count(*) FROM documents") == [(3,)]
    newer = tmp_path / "newer.sqlite"
    shutil.copy(db, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'format_version'")
    conn.commit()
    conn.close()
    result = run("corpus", "index", TERRORISM, "--db", newer)
    assert result.exit_code == 2 and "newer drafting" in result.output


def test_corrupt_index_is_one_line(tmp_path):
    bad = tmp_path / "corpus.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    for args in (["corpus", "search", "terrorism"], ["corpus", "index", TERRORISM]):
        result = run(*args, "--db", bad)
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "not a readable corpus index" in result.output


def test_a_second_indexing_process_is_refused_and_nothing_is_lost(db, tmp_path):
    index = tmp_path / "c.sqlite"
    shutil.copy(db, index)
    holder = sqlite3.connect(index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")   # another process is indexing
    try:
        result = run("corpus", "index", TERRORISM, "--db", index)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2 and "another process is writing" in result.output
    assert rows(index, "PRAGMA integrity_check") == [("ok",)]
    assert rows(index, "SELECT count(*) FROM documents") == [(10,)]


def test_unreadable_and_vanished_files_are_reported_and_the_run_goes_on(tmp_path):
    from drafting.corpus.index import index_files

    folder = tmp_path / "docs"
    shutil.copytree(TERRORISM, folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "empty.txt").write_bytes(b"")
    result = run("corpus", "index", folder, "--db", tmp_path / "c.sqlite", "-j", "2")
    assert result.exit_code == 2
    assert "broken.docx" in result.output and "empty.txt" in result.output
    assert "indexed: 3 done, 2 failed" in result.output
    summary, counts = index_files(tmp_path / "d.sqlite", [str(folder / "gone.txt"),
                                                          str(folder / "A_RES_78_115.pdftotext.txt")])
    assert counts["read"] == 1 and summary.failed[0][0].endswith("gone.txt")


def test_scheduler_that_does_not_answer(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import socket

    from drafting.corpus import batch

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]   # a port nobody listens on
    monkeypatch.setattr(batch, "SCHEDULER_TIMEOUT", 1.0)
    monkeypatch.setattr(batch.connect, "__defaults__", (1.0,))
    for args in (["corpus", "index", TERRORISM, "--db", tmp_path / "c.sqlite"],
                 ["ingest", TERRORISM, "--out-dir", tmp_path / "akn"]):
        result = run(*args, "--scheduler", f"tcp://127.0.0.1:{port}")
        assert result.exit_code == 2
        assert f"scheduler tcp://127.0.0.1:{port} did not answer within 1 s" in result.output
    assert list(tmp_path.iterdir()) == []   # nothing written


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as c:
        yield c.scheduler_address


def test_cluster_results_equal_the_local_run(cluster, tmp_path):
    local, remote = tmp_path / "local.sqlite", tmp_path / "remote.sqlite"
    assert run("corpus", "index", SESSIONS, "--db", local, "-j", "2").exit_code == 0
    assert run("corpus", "index", SESSIONS, "--db", remote, "--scheduler", cluster).exit_code == 0
    sql = ("SELECT d.symbol, p.position, p.part, p.number, t.norm, t.sig FROM paragraphs p "
           "JOIN documents d ON d.id = p.doc_id JOIN texts t ON t.id = p.text_id ORDER BY 1, 2")
    assert rows(local, sql) == rows(remote, sql) and len(rows(local, sql)) > 500
    out_local, out_remote = tmp_path / "a", tmp_path / "b"
    assert run("ingest", TERRORISM, "--out-dir", out_local).exit_code == 0
    assert run("ingest", TERRORISM, "--out-dir", out_remote, "--scheduler", cluster).exit_code == 0
    names = sorted(p.name for p in out_local.iterdir())
    assert names == sorted(p.name for p in out_remote.iterdir()) and len(names) == 3
    assert all((out_local / n).read_bytes() == (out_remote / n).read_bytes() for n in names)
    checked = [json.loads(run("check", TERRORISM, "--format", "json", *extra).output)
               for extra in ([], ["--scheduler", cluster])]
    assert checked[0] == checked[1] and checked[0]["findings"]
