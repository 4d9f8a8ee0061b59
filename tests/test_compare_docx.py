"""The tracked-changes DOCX: accepting every change gives NEW, rejecting every change gives OLD
(resolved, then read back by the DOCX reader), the revisions carry author and date, moves and
footnotes are tracked, and LibreOffice opens the file and sees the changes."""

from __future__ import annotations

import copy
import io
import random
import subprocess
import zipfile

import pytest
from lxml import etree

from drafting.compare.align import align_documents
from editscript import edit_document
from drafting.compare.items import items_of
from drafting.compare.redline_docx import redline_docx
from drafting.compare.revisions import resolve_docx
from drafting.model.akn import first, tostring, xp
from drafting.readers.docx import read as read_docx
from drafting.writers.docx import write as write_docx
from tests.conftest import SEEDS
from tests.test_compare_cli import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def signature(root):
    """What a reader of the document sees: kind, number, text, formatting, footnote texts."""
    return [(i.kind, i.num, i.text, i.style_signature, tuple(n.text for n in i.notes)) for i in items_of(root)]


def part(data: bytes, name: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_accept_gives_new_and_reject_gives_old(seeds, key):
    old = seeds[key].root
    for seed in range(6):
        edited = edit_document(old, random.Random(f"docx-{key}-{seed}"))
        data = redline_docx(align_documents(old, edited.root), old, edited.root)
        accepted = read_docx(resolve_docx(data, accept=True), name="accepted.docx").root
        rejected = read_docx(resolve_docx(data, accept=False), name="rejected.docx").root
        assert signature(accepted) == signature(edited.root), edited.script
        assert signature(rejected) == signature(old), edited.script


def test_formatting_change_is_tracked_and_reverts(seeds):
    old = seeds["002"].root
    new = copy.deepcopy(old)
    p = xp(new, "//a:mainBody/a:paragraph[1]/a:content/a:p")[0]
    italic = first(p, "a:i")
    p.text = (p.text or "") + (italic.text or "") + (italic.tail or "")
    p.remove(italic)
    data = redline_docx(align_documents(old, new), old, new)
    assert part(data, "word/document.xml").findall(f".//{W}rPrChange")
    for accept, target in ((True, new), (False, old)):
        got = read_docx(resolve_docx(data, accept=accept), name="r.docx").root
        assert signature(got) == signature(target)


def test_revisions_carry_author_date_moves_and_footnotes(seeds):
    import datetime as dt

    old = seeds["001"].root
    edited = edit_document(old, 3, edits=6, operations=["move", "footnote", "split", "merge"])
    when = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.timezone.utc)
    data = redline_docx(align_documents(old, edited.root), old, edited.root, author="Editor A", date=when)
    doc = part(data, "word/document.xml")
    marks = doc.findall(f".//{W}ins") + doc.findall(f".//{W}del")
    assert marks and all(m.get(f"{W}author") == "Editor A" and m.get(f"{W}date") == "2026-03-01T10:00:00Z"
                         for m in marks)
    ids = [m.get(f"{W}id") for m in doc.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")]
    assert len(ids) == len(set(ids))
    if any("move" in s for s in edited.script):
        assert doc.findall(f".//{W}moveFrom") and doc.findall(f".//{W}moveTo")
        names = {e.get(f"{W}name") for e in doc.iter(f"{W}moveFromRangeStart")}
        assert names == {e.get(f"{W}name") for e in doc.iter(f"{W}moveToRangeStart")}
    # split inserts a paragraph mark, merge deletes one
    assert doc.findall(f".//{W}pPr/{W}rPr/{W}ins") and doc.findall(f".//{W}pPr/{W}rPr/{W}del")
    notes = part(data, "word/footnotes.xml")
    assert notes.findall(f".//{W}ins")                     # the added footnote's body is an insertion


def test_cli_docx_opened_by_libreoffice(seeds, tmp_path):
    old = seeds["002"].root
    edited = edit_document(old, random.Random(11), edits=6)
    new = tmp_path / "edited.xml"
    new.write_bytes(tostring(edited.root))
    out = tmp_path / "redline.docx"
    result = run("diff", SEEDS["002"], new, "-f", "docx", "-o", out, "--author", "Editor B",
                 "--date", "2026-03-01")
    assert result.returncode == 1, result.stderr
    doc = part(out.read_bytes(), "word/document.xml")
    assert {m.get(f"{W}author") for m in doc.iter(f"{W}ins")} == {"Editor B"}
    converted = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                                "--convert-to", "odt", "--outdir", str(tmp_path), str(out)],
                               capture_output=True, timeout=120)
    assert converted.returncode == 0, converted.stderr
    content = zipfile.ZipFile(tmp_path / "redline.odt").read("content.xml").decode("utf-8")
    assert content.count("<text:changed-region") >= 5
    assert "<text:insertion" in content and "<text:deletion" in content


def test_diff_reads_docx_inputs(seeds, tmp_path):
    """Two Word files: the writer's DOCX of OLD and of an edited copy give the same alignment."""
    old = seeds["002"].root
    edited = edit_document(old, random.Random(5), edits=5)
    a, b = tmp_path / "old.docx", tmp_path / "new.docx"
    a.write_bytes(write_docx(old))
    b.write_bytes(write_docx(edited.root))
    import json

    result = run("diff", a, b, "-f", "json")
    assert result.returncode == 1, result.stderr
    expected = align_documents(old, edited.root).summary
    assert json.loads(result.stdout)["summary"] == expected


def test_wrap_up_after_points_is_its_own_unit_and_round_trips():
    from drafting.model.blocks import DocumentBlocks, Para, Point
    from drafting.model.build import build_akn

    def document(wrap: str, second: str):
        body = [Para("1.", ["Prie le Secrétariat:"],
                     points=[Point("a)", ["de faire rapport;"]), Point("b)", [second])],
                     wrap_up=[wrap]),
                Para("2.", ["Décide de demeurer saisie de la question."])]
        return build_akn(DocumentBlocks(kind="resolutionDraft", lang="fr", body=body)).root

    old = document("afin de renforcer la coopération internationale.", "de consulter les États;")
    new = document("afin de renforcer encore la coopération internationale.", "de consulter les États Membres;")
    alignment = align_documents(old, new)
    kinds = [(p.old[0].kind if p.old else p.new[0].kind, p.kind) for p in alignment.pairs]
    assert kinds == [("paragraph", "unchanged"), ("point", "unchanged"), ("point", "modified"),
                     ("wrapUp", "modified"), ("paragraph", "unchanged")]
    data = redline_docx(alignment, old, new)
    for accept, target in ((True, new), (False, old)):
        got = read_docx(resolve_docx(data, accept=accept), name="r.docx").root
        assert signature(got) == signature(target)
