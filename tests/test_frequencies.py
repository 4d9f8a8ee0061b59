"""The languages' word frequencies read from wordfreq's files answer as wordfreq answers, and a
program that asks about a few words does not import wordfreq."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import get_frequency_list, zipf_frequency

from drafting.locale.frequencies import buckets, zipf

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
@pytest.mark.parametrize("wordlist", ["small", "large"])
def test_the_lists_are_wordfreqs(lang, wordlist):
    assert buckets(lang, wordlist) == get_frequency_list.__wrapped__(lang, wordlist=wordlist)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru"])
def test_a_words_frequency_is_wordfreqs(lang):
    """Every 97th word of the list, in every bucket, and words no list holds (OCR damage, other
    scripts, signs, digits, capitals): the same Zipf value to the hundredth."""
    words = [w for bucket in buckets(lang, "small") for w in bucket][::97]
    words += ["lutroduction", "introduction", "rnandate", "mandat", "désarmement", "niños", "ß", "straße",
              "a×b", "1a", "ONU", "Écoles", "l'état", "государство", "x", "", "qqqqzzzz", "ÿ"]
    assert len(words) > 100
    for word in words:
        assert zipf(word, lang) == zipf_frequency(word, lang, wordlist="small"), word


def test_reading_an_ocr_heading_does_not_import_wordfreq():
    code = ("import sys\n"
            "from drafting.readers.text_ocr import rebuild_heading\n"
            "text, repair = rebuild_heading('lutroduction', 'en', frozenset({'a', 'i'}))\n"
            "assert text == 'Introduction', (text, repair)\n"
            "assert 'wordfreq' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
