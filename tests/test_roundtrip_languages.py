"""Every text fixture (six languages, tables, annexes) and every corpus document survives the
round trips through the writers and back: AKN -> DOCX -> AKN and AKN -> Markdown -> AKN keep every
unit's kind, printed number and text, every footnote and the masthead."""

from __future__ import annotations

import pytest
from conftest import CORPUS, FIXTURES

from drafting.model.units import all_notes, body_units, masthead
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.readers.markdown import read_text as read_markdown
from drafting.writers import writer_for

DOCUMENTS = sorted((FIXTURES / "text").glob("*.txt")) + sorted(CORPUS.glob("*.xml"))


def facts(root):
    units = [(u.kind, u.num, u.text) for u in body_units(root)]
    notes = [(n.marker, n.text, n.anchored) for n in all_notes(root)]
    return units, notes, masthead(root)


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_round_trip_keeps_structure_text_notes_and_masthead(path, fmt):
    original = read_document(path).root
    data = writer_for(fmt).write(original)
    back = read_docx(data, name="x.docx").root if fmt == "docx" else read_markdown(data.decode("utf-8")).root
    units, notes, mast = facts(original)
    units_back, notes_back, mast_back = facts(back)
    assert units_back == units
    assert notes_back == notes
    assert mast_back == mast
