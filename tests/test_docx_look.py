"""DOCX out that looks like the UN's page, measured against the real PDFs of corpus/real.

A draft made by ``drafting new`` is printed by LibreOffice and compared, element by element, with
page 1 (and page 2) of the real document of the same kind: presence, order, position relative to
the page, size and weight. The pages are kept side by side in build/look/ for a person to see.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, FIXTURES, ROOT
from page_layout import find, line_ends, pieces, side_by_side

from drafting.cli import cli
from drafting.generate import EXAMPLES_DIR as EXAMPLES

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftohtml")
                                     and shutil.which("pdftoppm")),
                                reason="LibreOffice and poppler print and measure the pages")

LOOK = ROOT / "build" / "look"
SESSIONS = FIXTURES / "docx_out"
REAL = CORPUS / "real"

# (text, page): what the committee draft A/C.1/80/L.41 prints, top to bottom
COMMITTEE_DRAFT = [
    ("United Nations", 1), ("/C.1/80/L.41", 1), ("General Assembly", 1), ("Distr.: Limited", 1),
    ("14 October 2025", 1), ("Original: English", 1), ("Eightieth session", 1), ("First Committee", 1),
    ("Agenda item 99 (kk)", 1), ("General and complete disarmament", 1), ("Austria, Belgium", 1),
    ("Lethal autonomous weapons systems", 1), ("The General Assembly", 1), ("Recalling", 1),
    ("25-16646", 1), ("A/C.1/80/L.41", 2),
]
ADOPTED_RESOLUTION = [
    ("United Nations", 1), ("/RES/80/57", 1), ("General Assembly", 1), ("Distr.: General", 1),
    ("5 December 2025", 1), ("Eightieth session", 1), ("Agenda item 99 (kk)", 1),
    ("General and complete disarmament", 1), ("Resolution adopted by the General Assembly", 1),
    ("The General Assembly", 1), ("Recalling", 1), ("25-20009", 1),
]
SUBSIDIARY_REPORT = [
    ("United Nations", 1), ("/CN.3/2025/8", 1), ("Economic and Social Council", 1),
    ("Distr.: General", 1), ("12 December 2024", 1), ("Original: English", 1),
    ("Statistical Commission", 1), ("Fifty-sixth session", 1), ("New York", 1),
    ("Item 3 (e) of the provisional agenda", 1), ("Items for discussion and decision", 1),
]


def _new(kind: str, session, lang: str, tmp_path):
    out = tmp_path / f"{Path(session).name}.{lang}.docx"
    result = CliRunner().invoke(cli, ["new", kind, "--session", str(SESSIONS / f"{session}.yaml"),
                                      "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.output
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=300)
    return out.with_suffix(".pdf")


def _export(source, tmp_path):
    out = tmp_path / (source.name.removesuffix(".pdftotext.txt") + ".docx")
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=300)
    return out.with_suffix(".pdf")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("look")
    return {
        "adopted": _export(REAL / "pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.pdftotext.txt", folder),
        "committee": _new("draft-resolution", "ga_first_committee", "en", folder),
        "report": _new("draft-report", "statistical_commission_report", "en", folder),
        "example_ar": _new("draft-resolution", EXAMPLES / "draft-resolution", "ar", folder),
        "example_zh": _new("draft-resolution", EXAMPLES / "draft-resolution", "zh", folder),
    }


def _compare(ours_pdf, real_pdf, elements, name):
    side_by_side([(real_pdf, 1), (ours_pdf, 1), (real_pdf, 2), (ours_pdf, 2)], LOOK / f"{name}.png")
    real, ours = pieces(real_pdf), pieces(ours_pdf)
    pairs = []
    for text, page in elements:
        r, o = find(real, text, page), find(ours, text, page)
        assert r is not None, f"the real page has no {text!r} (the test's list is wrong)"
        assert o is not None, f"{name}: {text!r} is missing from page {page}"
        pairs.append((text, r, o))
    # order: top to bottom as on the real page (within a line, left to right)
    def key(p):
        return (p.page, round(p.y, 2), p.x)
    assert [t for t, r, o in sorted(pairs, key=lambda x: key(x[2]))] == \
        [t for t, r, o in sorted(pairs, key=lambda x: key(x[1]))]
    # position in points from the left edge and from the nearer of top and bottom: the UN's
    # Letter page and this A4 page share their margins, not their height
    for text, r, o in pairs:
        assert o.at_foot == r.at_foot, f"{name}: {text!r} is not in the same half of the page"
        assert abs(o.left_pt - r.left_pt) < 20, \
            f"{name}: {text!r} starts {o.left_pt:.0f} pt from the left edge, the UN's {r.left_pt:.0f} pt"
        assert abs(o.edge_pt - r.edge_pt) < 36, \
            f"{name}: {text!r} stands {o.edge_pt:.0f} pt from the page edge, the UN's {r.edge_pt:.0f} pt"
        assert abs(o.size - r.size) <= 1.5, f"{name}: {text!r} in {o.size:.1f} pt, the UN in {r.size:.1f} pt"
        assert o.bold == r.bold, f"{name}: {text!r} bold is {o.bold}, the UN's {r.bold}"
        assert o.italic == r.italic, f"{name}: {text!r} italic is {o.italic}, the UN's {r.italic}"


def test_a_general_assembly_committee_draft_looks_like_the_un_page(printed):
    real = REAL / "pairs/P05_C1_lethal_autonomous_weapons/A_C.1_80_L.41.pdf"
    _compare(printed["committee"], real, COMMITTEE_DRAFT, "committee_draft")
    ours = pieces(printed["committee"])
    # the operative number stands where the preambular participle does, the text at a tab
    number, participle = find(ours, "1.", 2) or find(ours, "1.", 1), find(ours, "Recalling", 1)
    real_number = find(pieces(real), "1.", 2)
    assert abs(number.x - participle.x) < 0.01
    assert abs(number.x - real_number.x) < 0.04
    # page 2: the symbol in bold at the top, "2/2" at the foot
    head = find(ours, "A/C.1/80/L.41", 2)
    assert head.bold and head.y < 0.08
    foot = find(ours, "2/", 2)
    assert foot is not None and foot.bold and foot.y > 0.9


def test_an_adopted_resolution_exported_from_its_text_looks_like_the_un_page(printed):
    real = REAL / "pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.pdf"
    _compare(printed["adopted"], real, ADOPTED_RESOLUTION, "adopted_resolution")


def test_a_subsidiary_body_report_looks_like_the_un_page(printed):
    real = REAL / "reports/E_CN.3_2025_8.pdf"
    _compare(printed["report"], real, SUBSIDIARY_REPORT, "subsidiary_report")
    # the title in the text's column, bold, in the report's size (a draft report prints its
    # "Draft report" line above it, so it stands lower than on the issued report)
    title = "Work for the review of progress"
    ours, theirs = find(pieces(printed["report"]), title, 1), find(pieces(real), title, 1)
    assert ours.bold and abs(ours.size - theirs.size) <= 1.5 and abs(ours.left_pt - theirs.left_pt) < 20


def test_the_arabic_page_runs_right_to_left_and_the_chinese_page_has_chinese_fonts(printed):
    side_by_side([(printed["example_ar"], 1), (printed["example_zh"], 1)], LOOK / "draft_ar_zh.png")
    ar = [p for p in pieces(printed["example_ar"], 1, 1) if any("\u0600" <= c <= "\u06ff" for c in p.text)]
    assert ar, "no Arabic text printed"
    # right to left: the Arabic body lines end at the right edge of the text, not the left
    body = line_ends([p for p in ar if 0.35 < p.y < 0.9])
    assert body and all(end > 0.7 for end in body), body
    fonts = subprocess.run(["pdffonts", str(printed["example_zh"])], capture_output=True, text=True).stdout
    assert any(cjk in fonts for cjk in ("CJK", "SimSun", "Song", "Hei", "Ming")), fonts
    zh = [p for p in pieces(printed["example_zh"], 1, 1) if any("\u4e00" <= c <= "\u9fff" for c in p.text)]
    assert zh, "no Chinese text printed"
