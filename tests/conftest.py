"""Shared fixtures: the corpus documents, read once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SEEDS = {
    "000": CORPUS / "000_079cefb650b78ff4.txt",
    "001": CORPUS / "001_2eef5b51ed847ce0.txt",
    "002": CORPUS / "002_493e510ad8222231.txt",
    "003": CORPUS / "003_6dceaf7ad839cf46.txt",
    "004": CORPUS / "004_7f01ec88a2e913e0.txt",
}


@pytest.fixture(scope="session")
def seeds():
    """ReadResult of every seed, keyed by its number ("000".."004")."""
    from drafting.readers import read_document

    return {key: read_document(path) for key, path in SEEDS.items()}
