"""The ingest/validate/show commands as a user meets them, including every bad input the issue names."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEEDS

DRAFTING = [sys.executable, "-m", "drafting.cli"]


def run(*args, cwd=None):
    return subprocess.run(DRAFTING + [str(a) for a in args], capture_output=True, text=True, cwd=cwd)


def assert_refused(proc, fragment: str):
    assert proc.returncode == 2, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("drafting: error: ") and fragment in lines[0], lines[0]


def test_ingest_writes_valid_akn_and_reports_diagnostics(tmp_path):
    out = tmp_path / "001.xml"
    proc = run("ingest", SEEDS["001"], "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "paragraph number 82 was not printed" in proc.stderr
    assert run("validate", out).returncode == 0


def test_ingest_out_dir_for_several_inputs(tmp_path):
    proc = run("-q", "ingest", SEEDS["000"], SEEDS["002"], "--out-dir", tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [SEEDS["000"].stem + ".xml", SEEDS["002"].stem + ".xml"]


def test_show_outline_for_text_and_akn_agree():
    from_text = run("show", SEEDS["002"])
    from_akn = run("show", SEEDS["002"].with_suffix(".xml"))
    assert from_text.returncode == from_akn.returncode == 0
    assert from_text.stdout == from_akn.stdout
    assert "10. Décide également que le groupe de travail" in from_text.stdout
    assert "  a) Faciliter l'application du Protocole" in from_text.stdout


def test_validate_reports_schema_findings_with_line_numbers(tmp_path):
    bad = tmp_path / "bad.xml"
    text = SEEDS["000"].with_suffix(".xml").read_text(encoding="utf-8").replace("<num>VI.</num>", "<num>VI.</num><bogus/>", 1)
    bad.write_text(text, encoding="utf-8")
    proc = run("validate", bad)
    assert proc.returncode == 1
    line = next(l for l in proc.stdout.splitlines() if "bogus" in l)
    assert line.startswith(f"{bad}:") and ": schema: " in line
    assert int(line.split(":")[1]) > 1


def test_version_and_usage_errors():
    assert run("--version").stdout.startswith("drafting, version")
    assert run("ingest").returncode == 2
    assert run("nonsense").returncode == 2


@pytest.mark.parametrize("encoding, bom", [("cp1252", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_encodings_are_detected_and_read_right(tmp_path, encoding, bom):
    text = SEEDS["000"].read_text(encoding="utf-8")
    if encoding == "cp1252":
        text = text.replace("“", '"').replace("”", '"').replace("œ", "oe").replace("Œ", "OE")
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(bom + text.encode(encoding))
    proc = run("show", path)
    assert proc.returncode == 0, proc.stderr
    assert "Quatrième session" in proc.stdout and "Coopération internationale" in proc.stdout


def test_bad_inputs_are_refused_with_one_line_and_nothing_written(tmp_path):
    out = tmp_path / "out.xml"
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert_refused(run("ingest", empty, "-o", out), "empty")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    assert_refused(run("ingest", binary, "-o", out), "binary")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write((SEEDS["001"].read_bytes() + b"\n") * (50 * 1024 * 1024 // 62000 + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    assert_refused(run("ingest", big, "-o", out), "limit")
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert_refused(run("ingest", doc, "-o", out), "convert")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("payload, fragment", [
    (b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>', "refused"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
     b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>\n<lolz>&lol3;</lolz>', "refused"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "http://example.org/akn.dtd">\n<akomaNtoso/>', "refused"),
    (b"<akomaNtoso><unclosed></akomaNtoso>", "not well-formed"),
    (b'<html xmlns="http://www.w3.org/1999/xhtml"/>', "not Akoma Ntoso"),
])
def test_unsafe_or_foreign_xml_is_refused(tmp_path, payload, fragment):
    path = tmp_path / "in.xml"
    path.write_bytes(payload)
    out = tmp_path / "out.xml"
    assert_refused(run("ingest", path, "-o", out), fragment)
    if fragment == "not Akoma Ntoso":
        proc = run("validate", path)  # well-formed XML of another vocabulary: a finding, not an error
        assert proc.returncode == 1 and "root element is not akomaNtoso" in proc.stdout
    else:
        assert_refused(run("validate", path), fragment)
    assert not out.exists()


def test_output_equal_to_input_is_refused(tmp_path):
    copy = tmp_path / "doc.xml"
    original = SEEDS["002"].with_suffix(".xml").read_bytes()
    copy.write_bytes(original)
    assert_refused(run("ingest", copy, "-o", copy), "overwrite")
    assert copy.read_bytes() == original
    link = tmp_path / "same.xml"
    link.symlink_to(copy)
    assert_refused(run("ingest", copy, "-o", link), "overwrite")


def test_build_runs_the_main_job_into_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for key in ("000", "002"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    out = tmp_path / "build"
    proc = run("build", corpus, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "akn" / (SEEDS["002"].stem + ".xml")).exists()
    assert "valid; " in (out / "akn" / "summary.txt").read_text()
