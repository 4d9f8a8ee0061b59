"""The HTML comparison in a real headless Chromium: it loads with no network, its rows, inline
changes and chapter navigation are there, its script runs, and a screenshot is kept in build/."""

from __future__ import annotations

import random
import struct

import pytest
from lxml import html as lxml_html

from drafting.compare.align import align_documents
from drafting.compare.chromium import dump_dom, screenshot
from editscript import edit_document
from drafting.compare.html_report import html_report
from drafting.model.units import masthead
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def report(tmp_path_factory, seeds):
    root = seeds["001"].root
    edited = edit_document(root, random.Random("html"), edits=8)
    alignment = align_documents(root, edited.root)
    page = html_report(alignment, masthead(root), masthead(edited.root), "001.txt", "001-edited.xml")
    path = tmp_path_factory.mktemp("html") / "diff.html"
    path.write_text(page, encoding="utf-8")
    return path, alignment


def test_self_contained(report):
    path, _ = report
    tree = lxml_html.fromstring(path.read_bytes())
    assert not tree.xpath("//link | //img | //iframe | //script[@src]")
    refs = tree.xpath("//@href | //@src")
    assert all(r.startswith("#") for r in refs)


def test_rendered_by_chromium(report):
    path, alignment = report
    dom = lxml_html.fromstring(dump_dom(path).encode("utf-8"))
    rows = dom.xpath("//table[@id='pairs']/tbody/tr")
    assert len(rows) == len(alignment.pairs)
    kinds = {r.get("class").split()[0] for r in rows}
    assert {"renumbered", "unchanged"} <= kinds and kinds & {"inserted", "modified", "moved", "split", "merged"}
    changed = [p for p in alignment.pairs if p.text_changed and p.old and p.new]
    if changed:
        assert dom.xpath("//td[contains(@class,'new')]//ins") or dom.xpath("//td[contains(@class,'old')]//del")
    nav = dom.xpath("//nav[@id='nav']/a/@href")
    assert len(nav) >= 4                                     # 001 has chapters I-IV
    ids = set(dom.xpath("//tr/@id"))
    assert all(h[1:] in ids for h in nav)
    summary = " ".join(dom.xpath("//div[@id='summary']//text()"))
    assert "renumbered" in summary
    # the script ran: the "#changes" address switches to changes only
    filtered = lxml_html.fromstring(dump_dom(path, fragment="changes").encode("utf-8"))
    assert "changes-only" in filtered.xpath("//body/@class")[0]


def test_screenshot_kept_in_build(report):
    path, _ = report
    png = screenshot(path, ROOT / "build" / "compare" / "test_compare_html.png", width=1200, height=900)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000                               # text was drawn, not a blank page
