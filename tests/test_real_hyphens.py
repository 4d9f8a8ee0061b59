"""Words broken at a line's end by a hyphen, read on the real documents of corpus/real.

Russian texts divide long words at the end of a line (``Центральноафрикан-`` / ``ской``): the
PDF and ``pdftotext -layout`` print the hyphen and the break, which the reader joins into one word
(each join reported with its printed pieces); the hyphen of a compound broken at its hyphen
(``государства-`` / ``участника``) stays. English UN texts divide no word: there a hyphen at a
line's end belongs to a compound (``hostage-`` / ``taking``) and stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.model.akn import doc_element, text_content
from drafting.readers import read_document

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"
RUSSIAN = REAL / "languages" / "CEDAW_C_CAF_CO_6__ru"
ENGLISH = REAL / "pairs" / "P11_C6_international_terrorism" / "A_C.6_80_L.22"


def _read(path: Path):
    result = read_document(path)
    return " ".join(text_content(doc_element(result.root)).split()), result.diagnostics


@pytest.mark.parametrize("form", [".pdf", ".layout.txt"])
def test_russian_words_broken_at_the_line_end_are_read_whole(form):
    text, diagnostics = _read(RUSSIAN.with_name(RUSSIAN.name + form))
    # paragraph 1: "... доклад Центральноафрикан-" / "ской Республики (CEDAW/C/CAF/6) ..."
    assert "доклад Центральноафриканской Республики (CEDAW/C/CAF/6)" in text
    assert "Центральноафрикан-ской" not in text and "Центральноафрикан ской" not in text
    joined = [d.message for d in diagnostics if d.code == "hyphenation"]
    assert len(joined) > 300 and any(m.endswith(": Центральноафрикан-ской") for m in joined)
    assert "\u00ad" not in text


@pytest.mark.parametrize("form", [".pdf", ".layout.txt"])
def test_a_russian_compound_broken_at_its_hyphen_keeps_it(form):
    # paragraph 4: "... докладов государства-" / "участника (CEDAW/C/CAF/1-5) ..."
    text, _ = _read(RUSSIAN.with_name(RUSSIAN.name + form))
    assert "докладов государства-участника (CEDAW/C/CAF/1-5)" in text
    assert "государстваучастника" not in text


@pytest.mark.parametrize("form", [".pdf", ".layout.txt"])
def test_an_english_compound_broken_at_its_hyphen_keeps_it(form):
    # operative paragraph 8: "... kidnapping and hostage-" / "taking with demands for ransom"
    text, diagnostics = _read(ENGLISH.with_name(ENGLISH.name + form))
    assert "kidnapping and hostage-taking with demands for ransom" in text
    assert not [d for d in diagnostics if d.code == "hyphenation"]
