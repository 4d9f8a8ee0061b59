"""Every generated draft (5 kinds x 6 languages) as DOCX, opened by the real clients: headless
LibreOffice converts each to PDF, whose text holds every paragraph and footnote in order, and
pandoc reads every footnote."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from test_export_docx import _pandoc_notes, _pdf_words, _tokens

from drafting.generate import EXAMPLES_DIR, KINDS, generate
from drafting.model.units import all_notes, body_units
from drafting.writers.docx import write

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]


def _same(printed: str, word: str) -> bool:
    """A printed word is the word, or the word with a footnote mark glued on ("44" + "1")."""
    return printed == word or (printed.startswith(word) and printed[len(word):].isdigit()
                               and len(printed) - len(word) <= 2)


def _in_order(words: list[str], printed: list[str], max_gaps: int) -> bool:
    """``words`` stand in ``printed`` in order, with at most ``max_gaps`` jumps (page breaks)."""
    for start, first in enumerate(printed):
        if not _same(first, words[0]):
            continue
        pos, gaps = start + 1, 0
        for word in words[1:]:
            if pos < len(printed) and _same(printed[pos], word):
                pos += 1
                continue
            ahead = next((k for k in range(pos, min(pos + 600, len(printed))) if _same(printed[k], word)), None)
            gaps += 1
            if ahead is None or gaps > max_gaps:
                break
            pos = ahead + 1
        else:
            return True
    return False


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    assert shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pandoc")
    folder = tmp_path_factory.mktemp("generated")
    drafts = {}
    for kind in KINDS:
        for lang in LANGS:
            root = generate(kind, EXAMPLES_DIR / f"{kind}.yaml", lang).root
            path = folder / f"{kind}.{lang}.docx"
            path.write_bytes(write(root))
            drafts[(kind, lang)] = (root, path)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    *[str(p) for _, p in drafts.values()]], check=True, capture_output=True, timeout=600)
    return drafts


@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_prints_every_paragraph_of_every_generated_draft(converted, lang):
    for kind in KINDS:
        root, path = converted[(kind, lang)]
        pdf = path.with_suffix(".pdf")
        assert pdf.exists() and pdf.stat().st_size > 1000, pdf.name
        if lang == "ar":
            continue  # pdftotext gives right-to-left lines in visual order: no word order to compare
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
        if lang == "zh":   # Chinese breaks lines anywhere, even inside a symbol: no word ends at a line end
            text = text.replace("\n", "")
        printed = _pdf_words(text)
        missing = [u.text[:50] for u in body_units(root)
                   if u.text and not _in_order(_tokens(u.text), printed, len(u.notes) + 3)]
        assert missing == [], (kind, lang)
        for note in all_notes(root):
            assert _in_order(_tokens(note.text), printed, 3), (kind, lang, note.text)


@pytest.mark.parametrize("lang", LANGS)
def test_pandoc_reads_every_footnote_of_every_generated_draft(converted, lang):
    for kind in KINDS:
        root, path = converted[(kind, lang)]
        assert len(_pandoc_notes(path)) == len(all_notes(root)), (kind, lang)
