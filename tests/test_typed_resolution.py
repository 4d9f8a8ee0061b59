"""A resolution as its drafters type it, before it has a masthead: its title, the enacting
formula, the preambular and the operative paragraphs, nothing above. No line says what the
document is, but the formula does: it is read as a draft resolution, its preamble split off.

The texts are those of the real adopted resolutions of corpus/real (read from their PDFs), typed
again without their masthead, as plain text (a paragraph a line, blank lines between) and as a
Word file in ``Normal`` (a Word paragraph a paragraph).
"""
from __future__ import annotations

import io

import docx
import pytest
from conftest import CORPUS

from drafting.model.units import body_units, masthead
from drafting.readers import read_data, read_document

RESOLUTIONS = sorted((CORPUS / "real" / "sessions").glob("*/A_RES_*.pdf"))


def typed(pdf) -> tuple[list[str], dict]:
    """The resolution's title and paragraphs as a drafter types them, and its facts as read."""
    root = read_document(pdf).root
    units = [u for u in body_units(root) if u.kind in ("formula", "preambular", "paragraph", "point")]
    lines = [f"{u.num} {u.text}" if u.num else u.text for u in units]   # "1. Reaffirms ...", "(a) ..."
    return lines, facts_of(root)


def facts_of(root) -> dict:
    units = body_units(root)
    return {"title": masthead(root)["title"],
            "preambular": sum(u.kind == "preambular" for u in units),
            "operative": [u.number for u in units if u.kind == "paragraph"]}


def test_the_corpus_has_the_resolutions():
    assert len(RESOLUTIONS) >= 9


@pytest.mark.parametrize("pdf", RESOLUTIONS, ids=lambda p: p.stem)
def test_a_typed_resolution_without_masthead_is_a_draft_with_its_preamble(pdf):
    lines, facts = typed(pdf)
    title = facts["title"]
    assert facts["preambular"] > 0 and facts["operative"]
    text = "\n\n".join([title, *lines]) + "\n"
    root = read_data(text.encode(), f"{pdf.stem}.txt", "text")[0].root
    assert root[0].get("name") == "resolutionDraft"
    assert facts_of(root) == facts

    word = docx.Document()
    for line in [title, *lines]:
        word.add_paragraph(line)
    out = io.BytesIO()
    word.save(out)
    root = read_data(out.getvalue(), f"{pdf.stem}.docx", "docx")[0].root
    assert root[0].get("name") == "resolutionDraft"
    assert facts_of(root) == facts


def test_a_text_without_the_formula_stays_a_plain_note():
    text = "Notes for the meeting\n\n1. The room is booked.\n\n2. The agenda follows.\n"
    root = read_data(text.encode(), "notes.txt", "text")[0].root
    assert root[0].get("name") == "note"
