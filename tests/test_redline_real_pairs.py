"""The tracked-changes DOCX of every real pair (tests/fixtures/real/pairs: drafts and adopted
texts, successive sessions): Accept All gives NEW and Reject All gives OLD, both as resolved
here and as LibreOffice resolves them (Edit > Track Changes > Accept All / Reject All, then saved
as a Word file), read back by the DOCX reader: every unit's kind, number, text and footnotes
(markers and texts).

What this guards: custom footnote marks (LibreOffice reads only a mark's first character),
footnotes renumbered, deleted or called twice (Word's auto-numbering must print each side's own
numbers), a point become a paragraph or an annex heading become a cross-heading (the old
paragraph style kept in a tracked paragraph-property change), a paragraph inserted after a
paragraph that ends with a change (LibreOffice joins touching revisions).
"""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from drafting.compare.align import align_documents
from drafting.compare.items import items_of
from drafting.compare.redline_docx import redline_docx
from drafting.compare.revisions import resolve_docx
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx

GOLD = Path(__file__).parent / "fixtures" / "real" / "pairs"
PAIRS = sorted(GOLD.glob("*.toml"))
SYSTEM_PYTHON = "/usr/bin/python3"     # the Python that has LibreOffice's uno module


def signature(root) -> list:
    return [(i.kind, i.num, i.text, tuple((n.marker, n.text) for n in i.notes)) for i in items_of(root)]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    """pair name -> (OLD, NEW, path of the redline)."""
    folder = tmp_path_factory.mktemp("redlines")
    out = {}
    for gold in PAIRS:
        spec = tomllib.loads(gold.read_text(encoding="utf-8"))
        old, new = (read_document(CORPUS / "real" / spec[k].replace(".pdf", ".pdftotext.txt")).root
                    for k in ("old", "new"))
        path = folder / f"{gold.stem}.docx"
        path.write_bytes(redline_docx(align_documents(old, new), old, new))
        out[gold.stem] = (old, new, path)
    return out


def wrong_when_resolved(pairs, signature_of) -> list:
    """(pair, state) of each redline whose Accept All is not NEW or Reject All not OLD, as
    resolved here; ``signature_of`` gives the signature of a pair's OLD or NEW."""
    wrong = []
    for name, (old, new, path) in pairs.items():
        data = path.read_bytes()
        for accept, want in ((True, new), (False, old)):
            got = read_docx(resolve_docx(data, accept=accept), "resolved.docx").root
            if signature(got) != signature_of(want):
                wrong.append((name, "accepted" if accept else "rejected"))
    return wrong


def wrong_in_libreoffice(pairs, folder: Path, signature_of, timeout: int) -> list:
    """The same, with LibreOffice accepting and rejecting every change of each redline."""
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if check.returncode:
        pytest.skip("LibreOffice's Python bridge (uno) is not installed")
    subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests" / "libreoffice_revisions.py"), str(folder),
                    *[str(path) for _old, _new, path in pairs.values()]],
                   check=True, capture_output=True, timeout=timeout)
    wrong = []
    for name, (old, new, path) in pairs.items():
        for state, want in (("accepted", new), ("rejected", old)):
            got = read_docx((folder / f"{path.stem}.{state}.docx").read_bytes(), f"{path.stem}.{state}.docx").root
            if signature(got) != signature_of(want):
                wrong.append((name, state))
    return wrong


NEEDS_LIBREOFFICE = pytest.mark.skipif(not (shutil.which("soffice") and Path(SYSTEM_PYTHON).exists()),
                                       reason="LibreOffice (and its Python bridge) resolves the changes")


def test_every_real_pair_accepts_to_new_and_rejects_to_old(pairs):
    assert len(pairs) == 20
    assert wrong_when_resolved(pairs, signature) == []


@NEEDS_LIBREOFFICE
def test_libreoffice_accept_all_gives_new_and_reject_all_gives_old_on_every_real_pair(pairs, tmp_path):
    assert wrong_in_libreoffice(pairs, tmp_path, signature, timeout=600) == []


# -- Word files made by pandoc from the extracted text -------------------------------------------

@pytest.fixture(scope="module")
def pandoc_pairs(tmp_path_factory):
    """pair name -> (OLD.docx, NEW.docx, the redline's path), every real pair of the redline
    benchmark (each document of a folder against the next one issued) as pandoc's Word files of
    the extracted text: one paragraph per printed line, the footnote calls typed as text and
    read back out of sequence here and there ("?", a "3" after a "9"), so that a footnote both
    sides keep often has a custom mark that differs from side to side."""
    from bench.bench_redline import ours_in_process, real_pairs
    from docx_made_elsewhere import pandoc_of_text

    folder = tmp_path_factory.mktemp("pandoc_redlines")
    made: dict[Path, Path] = {}
    out = {}
    for k, (name, old_src, new_src) in enumerate(real_pairs()):
        for src in (old_src, new_src):
            if src not in made:
                made[src] = folder / f"{src.parent.name[:3]}_{src.name.removesuffix('.pdftotext.txt')}.docx"
                pandoc_of_text(src.read_bytes(), made[src])
        path = folder / f"pair{k:02d}.docx"
        path.write_bytes(ours_in_process(made[old_src], made[new_src]))
        out[name] = (made[old_src], made[new_src], path)
    return out


def docx_signature(path: Path) -> list:
    return signature(read_docx(path.read_bytes(), path.name).root)


def test_pandoc_word_files_of_every_real_pair_accept_to_new_and_reject_to_old(pandoc_pairs):
    assert len(pandoc_pairs) == 24
    assert wrong_when_resolved(pandoc_pairs, docx_signature) == []


@NEEDS_LIBREOFFICE
def test_libreoffice_resolves_the_pandoc_word_files_of_every_real_pair(pandoc_pairs, tmp_path):
    """Footnote marks included: a kept footnote whose custom mark changed prints OLD's mark
    after Reject All and NEW's after Accept All."""
    assert wrong_in_libreoffice(pandoc_pairs, tmp_path, docx_signature, timeout=900) == []
