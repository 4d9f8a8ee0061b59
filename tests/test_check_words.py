"""Words run together (UN606): the language's words from word frequencies, loaded once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafting.check.wordsplit import lexicon

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang, word", [
    ("en", "undertaken"), ("en", "intergovernmental"), ("en", "online"), ("en", "inform"),
    ("en", "donations"), ("en", "peacebuilding"), ("en", "multistakeholder"),
    ("en", "extrabudgetary"), ("en", "reaccredited"), ("en", "entrepreneurships"),
    ("en", "notamment"),  # French quoted in an English text
    ("fr", "devenir"), ("fr", "lorsque"), ("fr", "interorganisations"), ("es", "ciberincidentes"),
    ("ru", "миростроительство"), ("en", "YouTube"), ("en", "Afghanistan"), ("en", "September"),
])
def test_words_of_the_language_are_never_cut(lang, word):
    assert lexicon(lang).split(word) is None


@pytest.mark.parametrize("lang, token, parts", [
    ("en", "SecretaryGeneral", ["Secretary", "General"]),
    ("en", "CounterTerrorism", ["Counter", "Terrorism"]),
    ("en", "capacitybuilding", ["capacity", "building"]),
    ("en", "hostagetaking", ["hostage", "taking"]),
    ("fr", "latraite", ["la", "traite"]),
    ("fr", "Réponsesdelajustice", ["Réponses", "de", "la", "justice"]),
    ("fr", "sousdéveloppement", ["sous", "développement"]),
    ("ru", "государствоучастник", ["государство", "участник"]),
])
def test_lost_spaces_and_hyphens_are_found(lang, token, parts):
    assert lexicon(lang).split(token) == parts


def test_languages_without_spaces_to_lose_are_not_read():
    assert lexicon("zh") is None and lexicon("ar") is None


def test_the_word_tables_load_lazily_once_per_process():
    code = ("import sys, drafting.check.typography, drafting.check.registry as r; r.all_rules(); "
            "assert 'wordfreq' not in sys.modules; "
            "from drafting.check.wordsplit import lexicon; assert lexicon('en') is lexicon('en'); "
            "print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_no_ordinary_word_is_reported_on_the_real_documents():
    from drafting.check.document import Config
    from drafting.check.registry import enabled_rules
    from drafting.commands.check_files import run
    files = sorted(str(p) for p in (ROOT / "corpus" / "real").rglob("*.pdftotext.txt"))
    found = run(files, Config(), enabled_rules(["UN606"]), jobs=1).findings
    tokens = {f.message.split("”")[0].lstrip("“") for f in found}
    ordinary = {"undertaken", "intergovernmental", "online", "inform", "donations", "devenir",
                "Peacebuilding", "extrabudgetary", "interregional"}
    assert not tokens & ordinary
    assert {"SecretaryGeneral", "CounterTerrorism", "capacitybuilding"} <= tokens
