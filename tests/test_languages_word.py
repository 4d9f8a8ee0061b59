"""Word files in the six languages made outside this toolkit, read back.

A draft resolution of real paragraphs of 2015 UN resolutions, the same sentences in the six
languages (the UN Parallel Corpus lines of tests/fixtures/languages/devset_resolution.toml, whose
facts were written by reading the lines), made into Word files by pandoc (from its Markdown: its
numbers a Word list, its note a real footnote) and by LibreOffice (from its text: a Word
paragraph a paragraph), as ``tests/languages_made.py`` makes them. Each reading must find the
formula, every preambular paragraph opening as the official text does, the operative numbers,
the note and its paragraph, and keep every word (a Chinese character is a word).
"""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from drafting.model.akn import doc_element, first, text_content
from drafting.readers.docx import read as read_docx
from tests import languages_made
from tests import real_facts as rf

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pandoc")),
                                reason="pandoc and LibreOffice make the Word files")

FACTS = languages_made.devset_facts()
CASES = [(way, lang) for lang in languages_made.LANGUAGES for way in ("pandoc", "libreoffice")]


@pytest.fixture(scope="module")
def made():
    return languages_made.devset_docx()


def _value(num: str | None) -> str:
    """A printed number's value in Western digits: ``٣ -`` and ``3.`` are both 3."""
    digits = "".join(str(unicodedata.digit(c)) for c in num or "" if c.isdigit())
    return digits


def reading_facts(result) -> dict:
    doc = doc_element(result.root)
    formula = first(doc, "a:preamble/a:formula")
    preamble = rf._preamble_containers(doc)
    main = first(doc, "a:mainBody")
    paragraphs = rf._body_paragraphs(main) if main is not None else []
    notes = rf._footnote_facts(doc, [], preamble)[0]
    return {
        "kind": doc.get("name"),
        "formula": rf.norm(text_content(formula)) if formula is not None else "",
        "opens": [rf.norm(text_content(c)) for c in preamble],
        "operative": [_value(rf._num(p)) for p in paragraphs if rf._num(p)],
        "notes": notes.got,
        "hosts": [rf._host(n, doc, preamble, rf._annexes(doc)) for n in doc.iter("{*}authorialNote")],
    }


@pytest.mark.parametrize("way,lang", CASES, ids=[f"{w}-{lang}" for w, lang in CASES])
def test_word_files_in_every_language_give_the_official_texts_facts(made, way, lang):
    path = made[(way, lang)]
    result = read_docx(path.read_bytes(), path.name)
    got = reading_facts(result)
    want = FACTS[lang]
    assert got["kind"] == "resolutionDraft"
    assert got["formula"] == rf.norm(want["formula"])
    assert len(got["opens"]) == len(want["opens"])
    for text, opening in zip(got["opens"], want["opens"]):
        assert text.startswith(rf.norm(opening)), (text[:40], opening)
    assert got["operative"] == FACTS["operative"]
    if way == "pandoc":
        assert got["notes"] == 1 and got["hosts"] == ["PP1"]
    text = languages_made.devset_resolution(lang, markdown=way == "pandoc").replace("[^1]", "")
    coverage, lost = rf.word_coverage(text, result)
    assert coverage == 1.0, lost


def test_chinese_words_are_characters():
    """Coverage in Chinese counts characters: one lost character is one lost word, and a space
    put in or taken out between two characters loses none."""
    assert rf.words("回顾大会决议") == list("回顾大会决议")
    assert rf.words("回顾 大会") == rf.words("回顾大会")
    assert rf.words("2015年后") == ["2015", "年", "后"]
