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


def _diff(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "drafting.cli", "diff", *map(str, args)],
                          capture_output=True, text=True)


def test_typography_is_counted_apart_and_hidden_unless_asked():
    old, new = FIXTURES / "typography_only.old.md", FIXTURES / "typography_only.new.md"
    plain = _diff(old, new)
    assert plain.returncode == 0, plain.stderr
    assert "no differences (4 units differ only in typography" in plain.stdout
    shown = _diff(old, new, "--typography")
    assert "= 2  typography\n    [-accordance-]{+accordanc e+}" in shown.stdout
    data = json.loads(_diff(old, new, "-f", "json").stdout)
    assert data["typography"] == 4 and data["summary"] == {"unchanged": 13}
    assert ["accordance", "accordanc e"] in [t for p in data["pairs"] for t in p["typography"]]
    ignored = json.loads(_diff(old, new, "-f", "json", "--ignore", "typography").stdout)
    assert ignored["typography"] == 0 and ignored["ignored"] == ["typography"]
    bad = _diff(old, new, "--ignore", "spelling")
    assert bad.returncode == 2 and "--ignore spelling" in bad.stderr


def test_ignore_formatting_and_case():
    old, new = FIXTURES / "italics_only_is_formatting.old.md", FIXTURES / "italics_only_is_formatting.new.md"
    assert _diff(old, new).returncode == 1
    assert _diff(old, new, "--ignore", "formatting").returncode == 0
    from drafting.compare.align import Options

    a, b = read_document(old), read_document(new)
    shouted = items_of(b.root)
    p = next(x for x in shouted if x.label == "3")
    p.text = p.text.upper()
    p.runs = [(p.text, frozenset())]
    assert align_items(items_of(a.root), shouted, Options(ignore=frozenset({"case", "formatting"}))).identical
    assert not align_items(items_of(a.root), shouted, Options(ignore=frozenset({"formatting"}))).identical


def test_html_report_headers_navigation_and_labels():
    from drafting.compare.html_report import html_report
    from drafting.model.units import masthead

    old = read_document(FIXTURES / "point_inserted_and_wrap_up_changed.old.xml")
    new = read_document(FIXTURES / "point_inserted_and_wrap_up_changed.new.xml")
    alignment = align_items(items_of(old.root), items_of(new.root))
    page = html_report(alignment, masthead(old.root), masthead(new.root), "old.xml", "new.xml")
    assert page.count("A/C.2/80/L.99 · 15 October 2025") == 2          # both column headers
    nav = page[page.index('<nav id="nav">'):page.index("</nav>")]
    assert [p for p in ("Preamble", "Operative part", "Annex") if f">{p}</a>" in nav] == ["Preamble", "Operative part", "Annex"]
    assert "<b>PP 2</b>" in page and "<b>(b)</b>" in page and "<b>(c)</b>" in page
