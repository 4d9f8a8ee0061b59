"""The Markdown export read by pandoc, the dialect's namesake: every real document of corpus/real
exported to Markdown (as ``drafting export X.pdftotext.txt -f md``) and made by pandoc a
standalone HTML page, a Word file and an OpenDocument text (``pandoc -s X.md -o X.html``, and
``.docx``, ``.odt``) holds every paragraph and every footnote of the document, in order, and no
mark of the dialect shows as text; the Word file read back by this toolkit's DOCX reader gives
the same paragraphs and footnotes.

What pandoc's page does not show by design: the masthead and the preface (pandoc prints the
front matter's ``title`` and ``date`` only; the other one-line keys become document properties
of a Word or OpenDocument file), the numbers of the paragraphs and points (pandoc's Markdown
reads ``1.`` and ``(a)`` as lists: the numbers are its lists' own, in HTML the list's ``start``
and ``type``), and a footnote that nothing calls (the symbol's note, a note whose call was
lost: pandoc drops a note never called).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from clients import docx_text, fold, html_text, kept_runs, missing_in_order, odt_text

from drafting.model.units import all_notes, body_units
from drafting.readers import read_document
from drafting.readers.docx import read as read_docx
from drafting.writers.markdown import to_markdown

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
DOCUMENTS = sorted(REAL.rglob("*.pdftotext.txt"))
FORMATS = (".html", ".docx", ".odt")


def _name(path: Path) -> str:
    return path.parent.name + "/" + path.name.removesuffix(".pdftotext.txt")


@pytest.fixture(scope="module")
def made():
    """{name: (AKN root, Markdown, {suffix: pandoc's file})}: every conversion in one batch."""
    docs = {}
    for path in DOCUMENTS:
        root = read_document(path).root
        docs[_name(path)] = (root, to_markdown(root))
    jobs = [(markdown.encode("utf-8"), ["pandoc", "-s", "-f", "markdown", "{input}", "-o", "{output}"], suffix)
            for _root, markdown in docs.values() for suffix in FORMATS]
    outputs = iter(kept_runs(jobs))
    return {name: (root, markdown, {suffix: next(outputs) for suffix in FORMATS})
            for name, (root, markdown) in docs.items()}


def _paragraphs(root) -> list[str]:
    return [u.text for u in body_units(root)]


def _called_notes(root) -> list[str]:
    """The notes called in the body (the masthead's and the title block's are the front
    matter's: pandoc's page does not print them)."""
    return [n.text for n in all_notes(root) if n.anchored
            and not n.element.xpath("ancestor::*[local-name()='preface' or local-name()='coverPage']")]


SHOWN = {".html": lambda p: html_text(p)[:2], ".docx": docx_text, ".odt": odt_text}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("path", DOCUMENTS, ids=_name)
def test_pandoc_shows_every_paragraph_and_footnote_in_order(made, path, suffix):
    root, markdown, files = made[_name(path)]
    body, notes = SHOWN[suffix](files[suffix])
    assert missing_in_order(_paragraphs(root), body) == []
    # each note once, in the order of its first call (a note called twice is defined once)
    assert missing_in_order(list(dict.fromkeys(_called_notes(root))), notes) == []
    # the dialect's marks are no text of pandoc's (unless the document's own text has them)
    own = fold(" ".join(_paragraphs(root) + _called_notes(root)))
    for mark in ("{-}", "[]", "body_"):
        assert body.count(mark) + notes.count(mark) == own.count(mark), mark


@pytest.mark.parametrize("path", DOCUMENTS, ids=_name)
def test_pandoc_standalone_page_is_the_document_with_its_title_and_language(made, path):
    """pandoc's template puts the document in ``$body$``, which a front matter key ``body``
    replaced (the committee's name, and no paragraph): written ``body_``, pandoc ignores it. The
    front matter's ``title`` and ``lang`` are the page's."""
    root, markdown, files = made[_name(path)]
    front = yaml.safe_load(markdown.split("\n---\n")[0].removeprefix("---\n"))
    assert "body" not in front
    _body, _notes, tree = html_text(files[".html"])
    assert tree.get("lang") == front["lang"]
    if front.get("title"):
        assert fold(" ".join(tree.xpath("//h1[@class='title']//text()"))) == fold(front["title"])
    if front.get("body_"):
        texts = [fold(p.text_content()) for p in tree.xpath("//body//p")]
        assert texts and texts != [fold(front["body_"])]


def test_pandoc_word_files_read_back_to_the_same_paragraphs_and_footnotes(made):
    """pandoc's Word file of the Markdown, read by this toolkit's DOCX reader: each paragraph's
    and point's text and each called footnote's, as the document's. The counts below are the
    documents (of 60) that agree; a drop below them fails. Every footnote agrees; what keeps the
    other paragraphs apart is the reading of pandoc's Word file, not what pandoc was given: an
    annex heading pandoc prints as one line (``Annex: Awaza Political Declaration``) read as one
    heading, pandoc's date line under the title read as a paragraph, table rows, contents
    pages' lines and lone numbers of the text reading joined with the line beside them."""
    agree_text = agree_notes = 0
    for name, (root, _markdown, files) in made.items():
        back = read_docx(files[".docx"].read_bytes(), name=name + ".docx").root
        if [fold(t) for t in _paragraphs(back) if t.strip()] == [fold(t) for t in _paragraphs(root) if t.strip()]:
            agree_text += 1
        if [fold(t) for t in _called_notes(back)] == [fold(t) for t in _called_notes(root)]:
            agree_notes += 1
    assert agree_notes >= 60 and agree_text >= 39, (agree_text, agree_notes)


# -- a draft made by ``drafting new ... -o X.md`` (the expected files test_generate checks) ---------

GENERATED = sorted((Path(__file__).parent / "fixtures" / "generate" / "expected").glob("*.md"))


@pytest.fixture(scope="module")
def generated_pages():
    """{path: (AKN root, pandoc's standalone HTML page, pandoc's Word file)}."""
    from drafting.readers.markdown import read_text

    jobs = []
    for path in GENERATED:
        jobs += [(path.read_bytes(), ["pandoc", "-s", "-f", "markdown", "{input}", "-o", "{output}"], suffix)
                 for suffix in (".html", ".docx")]
    outputs = iter(kept_runs(jobs))
    return {path: (read_text(path.read_text(encoding="utf-8"), path.name).root, next(outputs), next(outputs))
            for path in GENERATED}


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.stem)
def test_pandoc_shows_every_paragraph_of_a_generated_draft_right_to_left_in_arabic(generated_pages, path):
    root, page, word = generated_pages[path]
    body, notes, tree = html_text(page)
    docx_body, docx_notes = docx_text(word)
    for shown, shown_notes in ((body, notes), (docx_body, docx_notes)):
        assert missing_in_order(_paragraphs(root), shown) == []
        assert missing_in_order(list(dict.fromkeys(_called_notes(root))), shown_notes) == []
        assert "{-}" not in shown
    rtl = path.stem.endswith(".ar")
    assert (tree.get("dir") == "rtl") is rtl
    with zipfile.ZipFile(word) as z:
        assert (b"<w:bidi" in z.read("word/document.xml")) is rtl


def test_the_markdown_and_pandocs_word_file_read_back_to_valid_akn(made):
    """The Markdown read back, and pandoc's Word file of it read by the DOCX reader, are valid
    AKN (the strict OASIS schema and the UN profile): a form pandoc reads as meant is no form
    this toolkit reads into a broken tree."""
    from drafting.model.validate import validate_tree
    from drafting.readers.markdown import read_text

    invalid = {}
    for name, (_root, markdown, files) in made.items():
        for form, back in (("md", read_text(markdown, name + ".md").root),
                           ("pandoc docx", read_docx(files[".docx"].read_bytes(), name=name + ".docx").root)):
            findings = validate_tree(back)
            if findings:
                invalid[(name, form)] = findings[0].message
    assert invalid == {}
