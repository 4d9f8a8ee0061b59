"""Compare fixture triplets, as xmldiff keeps them: ``tests/fixtures/compare/<case>.old.*``,
``<case>.new.*`` and ``<case>.expected.json``, the changes a reader of both versions sees.

Each expected file lists every unit that is not unchanged (kind, old and new printed numbers,
the part it stands in, its first words, footnote changes, the formatting flag) and how many
units differ only in typography. Adding a case is adding three files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.compare.align import Options, align_items
from drafting.compare.items import items_of
from drafting.compare.render import labels
from drafting.readers import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "compare"
CASES = sorted(p.name[: -len(".expected.json")] for p in FIXTURES.glob("*.expected.json"))


def _side(case: str, side: str) -> Path:
    found = [p for p in FIXTURES.glob(f"{case}.{side}.*")]
    assert len(found) == 1, (case, side, found)
    return found[0]


def observed(case: str) -> dict:
    old, new = read_document(_side(case, "old")), read_document(_side(case, "new"))
    plain = "text" in (old.format, new.format)
    alignment = align_items(items_of(old.root), items_of(new.root), Options(formatting=not plain))
    changes = []
    for pair in alignment.pairs:
        if pair.kind == "unchanged":
            continue
        unit = (pair.new or pair.old)[0]
        change = {"kind": pair.kind, "old": labels(pair.old), "new": labels(pair.new),
                  "part": unit.part, "opening": " ".join(unit.plain.split()[:3])}
        notes = [[f.kind, f.old, f.new] for f in pair.footnotes]
        if notes:
            change["footnotes"] = notes
        if pair.formatting:
            change["formatting"] = True
        changes.append(change)
    return {"changes": changes, "typography": alignment.typography}


def test_every_case_has_its_three_files():
    assert len(CASES) >= 12
    for case in CASES:
        _side(case, "old"), _side(case, "new")


@pytest.mark.parametrize("case", CASES)
def test_compare_fixture(case):
    expected = json.loads((FIXTURES / f"{case}.expected.json").read_text(encoding="utf-8"))
    assert observed(case) == expected


def test_history_names_paragraphs_as_readers_cite_them():
    """history over three versions: printed numbers only, preamble and operative part apart,
    one HTML column per version with each paragraph's text."""
    from drafting.commands.compare import load
    from drafting.compare.history import history, history_html, history_text

    paths = [FIXTURES / "operative_paragraph_moved.old.md", FIXTURES / "operative_paragraph_moved.new.md",
             FIXTURES / "preamble_paragraph_inserted_and_reworded.new.md"]
    h = history([load(str(p)) for p in paths])
    text = history_text(h)
    assert "OP 3 carried, moved (was OP 2)" in text
    assert "PP 2 amended: Noting with deep concern" in text
    assert "PP 3 added: Welcoming the work" in text
    assert "para_" not in text and "container" not in text
    assert text.index("  preamble") < text.index("  operative part") < text.index("  annex")
    page = history_html(h)
    assert page.count("<th>") == 3
    row = next(r for r in page.split("<tr>") if "Recognizing the role" in r)
    assert row.count("Recognizing the role") == 3 and "PP 4 (was PP 3)" in row
    assert "<ins>deep </ins>" in page
