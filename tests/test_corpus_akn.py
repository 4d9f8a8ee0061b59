"""corpus/ holds each seed with its committed AKN; re-ingesting gives the same XML."""

from __future__ import annotations

from conftest import CORPUS

from drafting.readers import read_document
from drafting.writers.akn import write


def test_committed_akn_matches_a_fresh_ingest():
    sources = sorted(CORPUS.glob("*.txt"))
    assert len(sources) >= 5
    for source in sources:
        committed = source.with_suffix(".xml").read_bytes()
        assert write(read_document(source).root) == committed, source.name


def test_committed_akn_reads_back_unchanged():
    for xml in sorted(CORPUS.glob("*.xml")):
        result = read_document(xml)
        assert write(result.root) == xml.read_bytes(), xml.name
