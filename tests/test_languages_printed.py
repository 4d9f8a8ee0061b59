"""Documents in the six languages printed as a UN office prints them, read back.

Every worked example of templates/examples/ made by ``drafting new`` in each language, a
resolution of real paragraphs identical in the six languages (the UN Parallel Corpus lines of
tests/fixtures/languages/devset_resolution.toml, as read from pandoc's Word file of it), and this
toolkit's reading of each real document of corpus/real/languages/, exported to DOCX, printed to
PDF by LibreOffice and extracted by ``pdftotext`` and ``pdftotext -layout``
(``tests/languages_made.py``, cached in build/languages/). Each printed form is read back by the
PDF reader or the text reader and its facts (kind, symbol, title, formula, preamble, operative
numbers, points, footnotes and the paragraph holding each) compared with the source's.

The shares below are what the readers reach per language and form; a drop below them fails.
``python -m tests.languages_made -v [FILTER]`` lists what a reading gets wrong.
"""

from __future__ import annotations

import shutil
from collections import defaultdict

import pytest

from tests import languages_made

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                reason="LibreOffice and pdftotext print and extract the documents")

# share of the source's facts found again, per language and printed form (today's level)
FLOORS = {
    ("en", "pdf"): 0.89, ("en", "pdftotext"): 0.78, ("en", "layout"): 0.89,
    ("fr", "pdf"): 0.77, ("fr", "pdftotext"): 0.72, ("fr", "layout"): 0.77,
    ("es", "pdf"): 0.83, ("es", "pdftotext"): 0.71, ("es", "layout"): 0.82,
    ("ru", "pdf"): 0.81, ("ru", "pdftotext"): 0.73, ("ru", "layout"): 0.8,
    ("zh", "pdf"): 0.73, ("zh", "pdftotext"): 0.73, ("zh", "layout"): 0.86,
    ("ar", "pdf"): 0.69, ("ar", "pdftotext"): 0.59, ("ar", "layout"): 0.54,
}
# mean word coverage per language and form (every word of the text in the AKN or reported); the
# PDF form is measured against pdftotext's words, which for a line LibreOffice justified with
# kashidas hold stray letters ("العامiiل") that the PDF does not print
WORD_FLOORS = {"en": 0.999, "fr": 0.998, "es": 0.998, "ru": 0.995, "zh": 0.999, "ar": 0.955}


@pytest.fixture(scope="module")
def made():
    return languages_made.make_all(languages_made.example_sources() + languages_made.devset_sources()
                                     + languages_made.real_sources())


@pytest.fixture(scope="module")
def measured(made):
    rows = {}
    for m in made:
        for form in languages_made.FORMS:
            rows[(m.name, m.lang, form)] = languages_made.measure(m, form)
    return rows


def test_every_language_is_printed(made):
    """Every example in every language, and a real document in each language but Chinese (the
    corpus holds none), printed with both text extractions."""
    langs = {m.lang for m in made}
    assert langs == set(languages_made.LANGUAGES)
    for m in made:
        for form in languages_made.FORMS:
            assert m.path(form).stat().st_size > 0, m.path(form)


def test_facts_of_printed_documents(measured):
    totals: dict = defaultdict(lambda: [0, 0, 0.0, 0])
    for (name, lang, form), (checked, coverage) in sorted(measured.items()):
        t = totals[(lang, form)]
        t[0] += sum(f.ok for f in checked)
        t[1] += len(checked)
        t[2] += coverage
        t[3] += 1
    print()
    for (lang, form), (ok, n, cov, docs) in sorted(totals.items()):
        print(f"{lang} {form:10} facts {ok:4}/{n:4} = {ok / n:6.1%}   words {cov / docs:7.2%}")
    for (lang, form), (ok, n, cov, docs) in totals.items():
        assert ok / n >= FLOORS[(lang, form)], (lang, form, ok / n)
        assert cov / docs >= WORD_FLOORS[lang], (lang, form, cov / docs)


def test_the_measure_can_fail(made):
    """A reading of another document gets the facts of a source wrong."""
    zh = next(m for m in made if m.name == "draft-resolution.zh")
    en = next(m for m in made if m.name == "draft-resolution.en")
    from drafting.readers import read_document
    from tests import real_facts

    checked = real_facts.check_facts(read_document(en.path("layout")), languages_made.facts_of(zh.root))
    assert sum(not f.ok for f in checked) >= 3
