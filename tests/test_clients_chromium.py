"""The HTML export opened by a browser: every real document of corpus/real exported to HTML (as
``drafting export X.pdftotext.txt -o X.html``) and a generated draft in each of the six
languages, printed to PDF by headless chromium (``chromium --headless --print-to-pdf``): the
printed text (pdftotext) holds the masthead's symbol and every word of every paragraph and
every footnote (each paragraph's place on the page is the HTML's, which
test_export_html_cli.py checks); the page says its language (``lang``), and an Arabic page runs right to left
(``dir="rtl"``: its lines end at the right margin of the print).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from clients import fold, kept_runs, letters, words_not_printed
from lxml import html as lxml_html

from drafting.model.units import all_notes, body_units, masthead
from drafting.readers import read_document
from drafting.writers import html as html_writer

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
DOCUMENTS = sorted(REAL.rglob("*.pdftotext.txt"))
GENERATED = sorted((Path(__file__).parent / "fixtures" / "generate" / "expected").glob("draft-resolution.*.xml"))
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir={input}.profile", "--print-to-pdf={output}", "file://{input}"]


def _page_text(tree, unit) -> str:
    """A unit's text as the HTML page holds it: its element's, else the unit's own."""
    found = tree.xpath(f"//*[@id='{unit.eid}']") if unit.eid else []
    if found and found[0].tag in ("p", "h2", "h3", "h4", "h5"):
        return found[0].text_content()
    return unit.text


ARABIC = re.compile("[\u0600-\u06ff]")


def _name(path: Path) -> str:
    return path.parent.name + "/" + path.name.removesuffix(".pdftotext.txt")


@pytest.fixture(scope="module")
def printed():
    """{name: (AKN root, HTML page, printed PDF, its text)}: every page printed in one batch."""
    roots = {_name(p): read_document(p).root for p in DOCUMENTS}
    roots.update({"generated/" + p.stem: read_document(p).root for p in GENERATED})
    pages = {name: html_writer.write(root) for name, root in roots.items()}
    pdfs = kept_runs([(page, CHROMIUM, ".pdf") for page in pages.values()], input_suffix=".html")
    texts = kept_runs([(pdf.read_bytes(), ["pdftotext", "-enc", "UTF-8", "{input}", "{output}"], ".txt")
                       for pdf in pdfs], input_suffix=".pdf")
    return {name: (roots[name], pages[name], pdf, text.read_text(encoding="utf-8"))
            for name, pdf, text in zip(roots, pdfs, texts)}


NAMES = [_name(p) for p in DOCUMENTS] + ["generated/" + p.stem for p in GENERATED]


@pytest.mark.parametrize("name", NAMES)
def test_chromium_prints_every_word_of_every_paragraph_and_footnote(printed, name):
    """Every paragraph, heading, point and footnote is printed whole (an Arabic page's: every
    word, as many times as the document has it); the symbol too."""
    root, page, _pdf, text = printed[name]
    units = [u.text for u in body_units(root)]
    notes = [n.text for n in all_notes(root)]
    tree = lxml_html.fromstring(page)
    # each paragraph as the page holds it (its number and its calls' marks with it)
    on_page = [(u.text, _page_text(tree, u)) for u in body_units(root)]
    # pdftotext gives a line that runs right to left in the order its pieces stand on the line
    # (words of both directions mixed, in text the reading joined): its letters are counted; a
    # footnote's justified line (wide gaps) in pieces, a web address broken at a line's end:
    # its words are counted, or found in the print's letters
    rtl = [t for t in [p for _, p in on_page] + notes if ARABIC.search(t)]
    want = Counter(letters(" ".join(rtl)))
    have = Counter(letters(text))
    assert {c: n - have[c] for c, n in want.items() if have[c] < n} == {}
    printed_letters = letters(text)
    missing = words_not_printed([t for t in notes if t not in rtl], text)
    pieces = {letters(token): [letters(p) for p in re.split(r"[/._-]+", token)]
              for t in notes for token in t.split()}    # a web address broken at its parts
    assert [w for w in missing if w not in printed_letters
            and not all(p in printed_letters for p in pieces.get(w, [w]))] == []
    # the others whole by their letters alone (a word broken at a line's end, joined or not, a
    # number hanging apart are no letters of the text), as the document or the page has them
    # (its number, its calls' marks), or else word by word (a table's note beside its rows)
    def printed_whole(text: str, page_text: str) -> bool:
        return (letters(text) in printed_letters or letters(page_text) in printed_letters
                or not [w for w in words_not_printed([text], text_printed) if w not in printed_letters])

    text_printed = text
    assert [t for t, p in on_page if p not in rtl and not printed_whole(t, p)] == []
    # a heading's number and its text are two words of the print ("VIII. Strengthening", which
    # the page printed "VIII.Strengthening" while the space sat inside the number's box)
    tokens = set(fold(text).split())
    for heading in tree.xpath("//h2[span[@class='num']] | //h3[span[@class='num']] | //h4[span[@class='num']]"):
        num, rest = (heading[0].text or "").strip(), (heading[0].tail or "").split()
        if num and rest:
            assert fold(num + rest[0]) not in tokens
    symbol = masthead(root).get("symbol")
    if symbol:
        assert fold(symbol) in fold(text)
    assert lxml_html.fromstring(page).get("lang") in ("ar", "zh", "en", "fr", "ru", "es")


@pytest.mark.parametrize("name", ["generated/draft-resolution.ar", "generated/draft-resolution.en"])
def test_chromium_prints_arabic_right_to_left(printed, name):
    """Each printed line of a paragraph of the Arabic page ends at the right margin (its start
    is ragged), as the English page's lines start at the left margin."""
    root, page, pdf, _text = printed[name]
    tree = lxml_html.fromstring(page)
    rtl = name.endswith(".ar")
    assert (tree.get("dir") == "rtl") is rtl
    assert tree.get("lang") == name.rsplit(".", 1)[1]
    boxes = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    lines = [tuple(float(v) for v in m.groups())
             for m in re.finditer(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', boxes)]
    assert len(lines) > 10
    # the margin most lines share: the right edge for Arabic, the left for English
    edges = [round(x_max if rtl else x_min) for x_min, x_max in lines]
    margin = max(set(edges), key=edges.count)
    width = max(x for _, x in lines)
    assert (margin > width * 0.7) is rtl
