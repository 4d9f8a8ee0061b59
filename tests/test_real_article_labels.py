"""Article labels in Arabic and Chinese read on real UN text.

The UN Parallel Corpus development set (corpus/real/parallel/un-parallel-corpus-v1.0-devset,
4,000 sentences of 2015 UN documents aligned line by line in the six languages) holds six headings
of rules of procedure and conventions printed alone on their line: ``Article 51`` in French,
``المادة 51`` in Arabic, ``第51条`` in Chinese, and once ``第一五六条`` (156 written digit by digit).
Its other lines cite articles inside sentences (``بمقتضى المادة 25.``, ``第707条大致规定了...``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting.locale import terms
from drafting.locale.vocabulary import division_label
from drafting.model.numbering import label_number
from drafting.readers import read_document

DEVSET = Path(__file__).resolve().parent.parent / "corpus/real/parallel/un-parallel-corpus-v1.0-devset"


def _lines(lang: str) -> list[str]:
    return [line.strip() for line in (DEVSET / f"{lang}.txt").read_text(encoding="utf-8").split("\n")]


def _headings() -> dict[int, int]:
    """Line -> article number, where the French line is an article heading alone."""
    return {n: int(m.group(1)) for n, line in enumerate(_lines("fr")) if (m := re.fullmatch(r"Article (\d+)", line))}


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_article_labels_of_the_real_text(lang):
    headings = _headings()
    assert len(headings) == 6
    pattern = division_label()
    lines = _lines(lang)
    found = {n: line for n, line in enumerate(lines) if pattern.match(line)}
    # every heading is read as an article with its number, and no sentence citing one is
    assert set(found) == set(headings)
    for n, number in headings.items():
        m = pattern.match(lines[n])
        assert m.group("article") and not m.group("title"), lines[n]
        assert label_number(m.group("article")) == str(number)


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_articles_of_an_annex_in_arabic_and_chinese(lang, tmp_path):
    """The headings in an annex, each over the real sentence printed before it in the corpus
    (after the symbol and a numbered paragraph of the body): each is an article, numbered as printed."""
    lines = _lines(lang)
    headings = _headings()
    parts = ["A/69/767", "1. " + lines[1], terms(lang)["headings"]["annex_label"]]
    for n in headings:
        parts += [lines[n], lines[n - 1]]
    text = "\n\n".join(parts) + "\n"
    path = tmp_path / f"articles.{lang}.txt"
    path.write_text(text, encoding="utf-8")
    root = read_document(path).root
    articles = root.findall(".//{*}attachment//{*}article")
    assert [a.get("eId").rsplit("_", 1)[-1] for a in articles] == [str(v) for v in headings.values()]
    assert [a.findtext("{*}num") for a in articles] == [lines[n] for n in headings]


@pytest.mark.parametrize("label, number", [("第一百零五条", "105"), ("第十五条", "15"), ("第一五六条", "156"),
                                           ("المادة ١٥", "15"), ("المادة 156", "156")])
def test_numerals_as_printed(label, number):
    """Chinese numerals with hundreds and a zero (一百零五), written digit by digit (一五六), and
    Arabic-Indic digits name the same article as its digits."""
    m = division_label().match(label)
    assert m and m.group("article") == label
    assert label_number(label) == number


def test_every_label_opens_with_a_division_label_word():
    """The readers ask ``division_label`` only of a text that opens with one of
    ``division_label_words``: every line of the six languages' real text that the pattern
    matches opens so, and most lines (sentences) are answered without it."""
    from drafting.locale.vocabulary import division_label_words

    pattern, words = division_label(), division_label_words()
    lines = [line for lang in ("ar", "en", "es", "fr", "ru", "zh") for line in _lines(lang)]
    matched = [line for line in lines if pattern.match(line)]
    assert len(matched) >= 6 * 5
    assert all(line.startswith(words) for line in matched)
    assert sum(line.startswith(words) for line in lines) < len(lines) // 10
