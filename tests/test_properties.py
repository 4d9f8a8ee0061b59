"""Property tests: every reader and every command, on inputs Hypothesis makes up.

Bounded so that the suite stays fast (a handful of examples each, derandomised so that a run is
reproducible); the fuzzing campaign (``tests/fuzz/campaign.py``) is where thousands of hostile
inputs go. The properties are the README's promises: a reader returns an Akoma Ntoso tree the
schema accepts or raises ``DraftingError``; a command exits 0, 1 or 2, never with a traceback, an
exit-2 message is one line, nothing is written on error and the input is never changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting.cli import main
from drafting.errors import DraftingError
from drafting.io import clean_text, decode_report
from drafting.readers import reader_for
from tests.fuzz import hostile

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=6, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

HOSTILE_CHARACTERS = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe",
                      "\uffff", "\U0001fffe", "\u00a0", "\u200b", "\u202e", "\ufeff", "é", "ا", "中", "*", "^",
                      "(", ")", "[", "]", "#", ">", "|", "\\", "\n", "\t", " ", ".", ","]
LINES = ["1. Text of the paragraph.", "(a) a point;", "(i) a sub-point;", "I. INTRODUCTION", "A. Section",
         "[^1]", "[^1]: A note.", "> quoted", "# Heading", "A/72/L.1", "General Assembly", "Distr.: General",
         "12 October 2011", "*Recalling* its resolution 70/1,", "1 Footnote text.", "---", "kind: note",
         "", "", "Annex", "| a | b |", "|---|---|"]

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_CHARACTERS), st.sampled_from(LINES), st.text(max_size=20)),
                        max_size=60).map("".join)
line_text = st.lists(st.one_of(st.sampled_from(LINES), hostile_text), min_size=1, max_size=30).map("\n".join)


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@FAST
@given(hostile_text)
def test_cleaned_text_is_always_text_xml_holds(text):
    cleaned, notes = clean_text(text, keep_form_feed=False)
    etree.Element("p").text = cleaned  # lxml refuses anything XML cannot hold
    assert (cleaned == text) == (not notes)


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_clean_text_or_a_user_error(data):
    try:
        text, notes = decode_report(data, "x", keep_form_feed=False)
    except DraftingError:
        return
    etree.Element("p").text = text


def read_or_refuse(fmt: str, data: bytes) -> None:
    from drafting.model.validate import schema_findings

    try:
        result = reader_for(fmt).read(data, name="x")
    except DraftingError:
        return
    assert schema_findings(result.root) == []


@pytest.mark.parametrize("fmt", ["text", "md"])
@FAST
@given(text=line_text)
def test_text_readers_give_valid_akn_or_a_user_error(fmt, text):
    read_or_refuse(fmt, as_bytes(text))


@FAST
@given(data=st.data())
def test_akn_reader_on_damaged_akn(data):
    seed = (ROOT / "corpus" / "000_079cefb650b78ff4.xml").read_bytes()
    cut = data.draw(st.integers(0, len(seed)))
    insert = as_bytes(data.draw(hostile_text))
    read_or_refuse("akn", seed[:cut] + insert + seed[cut + data.draw(st.integers(0, 50)):])


@FAST
@given(data=st.data())
def test_docx_reader_on_damaged_docx(data):
    import random

    seed = (ROOT / "tests" / "fixtures" / "docx" / "un_styles.docx").read_bytes()
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    damaged = data.draw(st.sampled_from([
        hostile.bit_flip(seed, rng), hostile.truncate(seed, rng), hostile.zip_trick(seed, rng)]))
    read_or_refuse("docx", damaged)


def run_cli(argv) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main([str(a) for a in argv])
            code = 0
        except SystemExit as exc:
            code = exc.code
    return code, err.getvalue()


def assert_promises(folder: Path, argv, outputs: list[str]) -> None:
    inputs = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    code, err = run_cli(argv)
    assert code in (0, 1, 2), err
    assert "Traceback" not in err, err
    if code == 2:
        assert len([line for line in err.splitlines() if line.startswith("drafting: error:")]) == 1, err
        for name in outputs:
            assert not (folder / name).exists(), f"{name} written on error"
    for path, digest in inputs.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{path} changed"


COMMANDS = {
    "ingest": (["ingest", "{in}", "-o", "{dir}/o.xml"], ["o.xml"]),
    "show": (["show", "{in}"], []),
    "export-md": (["export", "{in}", "-o", "{dir}/o.md"], ["o.md"]),
    "export-html": (["export", "{in}", "-o", "{dir}/o.html"], ["o.html"]),
    "export-docx": (["export", "{in}", "-o", "{dir}/o.docx"], ["o.docx"]),
    "check": (["check", "{in}"], []),
    "diff": (["diff", "{seed}", "{in}", "-f", "json"], []),
    "history": (["history", "{seed}", "{in}", "-f", "json"], []),
    "align": (["align", "{in}", "{seed}"], []),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=line_text)
def test_every_command_keeps_its_promises(tmp_path_factory, command, suffix, text):
    folder = tmp_path_factory.mktemp("run")
    src = folder / f"in{suffix}"
    src.write_bytes(as_bytes(text))
    seed = folder / "seed.txt"
    seed.write_bytes((ROOT / "corpus" / "002_493e510ad8222231.txt").read_bytes())
    argv, outputs = COMMANDS[command]
    argv = [a.replace("{in}", str(src)).replace("{dir}", str(folder)).replace("{seed}", str(seed)) for a in argv]
    assert_promises(folder, argv, outputs)


@pytest.mark.parametrize("validate", [False, True])
@FAST
@given(data=st.data())
def test_validate_and_ingest_on_damaged_akn(tmp_path_factory, validate, data):
    folder = tmp_path_factory.mktemp("akn")
    seed = (ROOT / "corpus" / "002_493e510ad8222231.xml").read_bytes()
    cut = data.draw(st.integers(0, len(seed)))
    (folder / "in.xml").write_bytes(seed[:cut] + as_bytes(data.draw(hostile_text)) + seed[cut:])
    argv = ["validate", folder / "in.xml"] if validate else ["ingest", folder / "in.xml", "-o", folder / "o.xml"]
    assert_promises(folder, argv, ["o.xml"])


@FAST
@given(data=st.data())
def test_new_on_hostile_session_files(tmp_path_factory, data):
    import random

    folder = tmp_path_factory.mktemp("new")
    session = (ROOT / "templates" / "examples" / "draft-resolution.yaml").read_bytes()
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    attack = data.draw(st.sampled_from(["yaml", "value"]))
    if attack == "yaml":
        text = hostile.yaml_attack(session, rng)
    else:
        value = data.draw(hostile_text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        key = data.draw(st.sampled_from(["title", "organ", "symbol", "place", "agenda_title"]))
        text = f'{key}: "{value}"\n'.encode("utf-8", "surrogatepass") + b"\n".join(
            line for line in session.split(b"\n") if not line.startswith(key.encode() + b":"))
    (folder / "s.yaml").write_bytes(text)
    kind = data.draw(st.sampled_from(hostile.KINDS))
    lang = data.draw(st.sampled_from(hostile.LANGS))
    ext = data.draw(st.sampled_from([".xml", ".md", ".docx"]))
    assert_promises(folder, ["new", kind, "--session", folder / "s.yaml", "--lang", lang, "-o", folder / f"d{ext}"],
                    [f"d{ext}"])
