"""The real clients of the writers' files (pandoc, chromium), run as a user would and kept.

A client's output is kept under ``build/clients/`` named by the digest of its input and the
command, so that a run of the suite converts only what changed; the runs that are left go two at
a time (the machine's cores), each a process of its own as a user starts it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "build" / "clients"

# pandoc's Markdown sets typography (its "smart" extension, on by default): straight quotes turn
# curly, "..." an ellipsis, "--" a dash; a text is compared in these folded forms (a soft hyphen
# is no letter: pandoc writes it as Word's own, which holds no text)
FOLDS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00ad": None})

QUOTE_SPACE = re.compile(r" ?(['\"]) ?")


def fold(text: str) -> str:
    """A text as compared across clients: typography folded, one space between words."""
    text = unicodedata.normalize("NFC", text).translate(FOLDS)
    # (and pairs the quotes, closing up a space the text had inside one: 'Life ".' -> 'Life".')
    return QUOTE_SPACE.sub(r"\1", re.sub(r"\s+", " ", text)).strip()


def kept_runs(jobs: list[tuple[bytes, list[str], str]]) -> list[Path]:
    """Run each job (input bytes, command, output suffix) once: ``{input}`` and ``{output}`` in
    the command are the input file and the output file. The outputs, in the jobs' order."""
    KEPT.mkdir(parents=True, exist_ok=True)
    outputs, todo = [], []
    for data, command, suffix in jobs:
        key = hashlib.sha1(data + "\0".join(command + [suffix]).encode()).hexdigest()[:16]
        source, output = KEPT / f"{key}.in", KEPT / f"{key}{suffix}"
        outputs.append(output)
        if not output.exists():
            todo.append((data, command, source, output))

    def run(job) -> None:
        data, command, source, output = job
        source.write_bytes(data)
        partial = output.with_name(output.name + ".part" + output.suffix)
        argv = [str(source) if a == "{input}" else str(partial) if a == "{output}" else a for a in command]
        subprocess.run(argv, check=True, capture_output=True, timeout=600)
        partial.replace(output)       # a run cut short leaves no output behind to be trusted
        source.unlink()

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(run, todo))
    return outputs


def _drop_keeping_tail(el) -> None:
    """Take an element out of its tree, the text after it kept where it stood."""
    parent, previous, tail = el.getparent(), el.getprevious(), el.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


# -- the text each kind of file shows, body and notes apart ----------------------------------------

def html_text(path: Path) -> tuple[str, str, etree._Element]:
    """(body text, notes text, tree) of an HTML page of pandoc's: its notes are its ``footnotes``
    section, its calls links of class ``footnote-ref``."""
    tree = html.fromstring(path.read_bytes())
    notes = tree.xpath("//*[contains(concat(' ', @class, ' '), ' footnotes ')]")
    note_text = " ".join(_blocks_text(n, HTML_BLOCKS) for n in notes)
    calls = tree.xpath("//*[contains(concat(' ', @class, ' '), ' footnote-ref ')]")
    for n in notes + calls:     # (a call's number is no word of its paragraph)
        _drop_keeping_tail(n)
    body = tree.xpath("//body")
    return fold(_blocks_text(body[0], HTML_BLOCKS) if body else ""), fold(note_text), tree


HTML_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "section", "header",
               "blockquote", "br", "tr", "table", "ol", "ul", "dd", "dt"}


def _blocks_text(root, blocks) -> str:
    """The text of a tree, its runs joined as they stand and its blocks apart."""
    parts = []

    def walk(el) -> None:
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if name in blocks:
            parts.append("\n")
        parts.append(el.text or "" if isinstance(el.tag, str) else "")
        for child in el:
            walk(child)
        if name in blocks:
            parts.append("\n")
        parts.append(el.tail or "")

    walk(root)
    return "".join(parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> tuple[str, str]:
    """(body text, notes text) of a Word file: its paragraphs' ``w:t``, then its footnotes'."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml")) if "word/footnotes.xml" in z.namelist() else None

    def text(root) -> str:
        return " ".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))

    return fold(text(body)), fold(text(notes) if notes is not None else "")


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_text(path: Path) -> tuple[str, str]:
    """(body text, notes text) of an OpenDocument text: its notes are inside the paragraphs."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("content.xml"))
    notes = root.findall(f".//{{{TEXT_NS}}}note")
    for space in root.iter(f"{{{TEXT_NS}}}s", f"{{{TEXT_NS}}}tab", f"{{{TEXT_NS}}}line-break"):
        space.text = " " * int(space.get(f"{{{TEXT_NS}}}c", "1"))
    note_text = " ".join(_blocks_text(b, ODT_BLOCKS) for n in notes for b in n.iter(f"{{{TEXT_NS}}}note-body"))
    for n in notes:
        _drop_keeping_tail(n)
    body = root.find(f".//{{{'urn:oasis:names:tc:opendocument:xmlns:office:1.0'}}}body")
    return fold(_blocks_text(body, ODT_BLOCKS)), fold(note_text)


ODT_BLOCKS = {"p", "h", "list-item", "table-cell", "note-body"}


def missing_in_order(texts: list[str], shown: str) -> list[str]:
    """The texts (folded) not found in ``shown`` one after the other, in order."""
    missing, at = [], 0
    for text in texts:
        want = fold(text)
        if not want:
            continue
        found = shown.find(want, at)
        if found < 0:
            missing.append(text)
        else:
            at = found + len(want)
    return missing
