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
