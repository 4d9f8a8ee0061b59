"""Word files made outside this toolkit from the text of real UN documents, four ways.

- pandoc: ``pandoc -f commonmark`` of the pdftotext output, one paragraph per printed line
  (lines starting ``1.`` become Word auto-numbered lists, ``(a)`` stays typed);
- LibreOffice: ``soffice --convert-to docx`` of the same text (one Word paragraph per line);
- python-docx: one Word paragraph per paragraph, as a drafter types a clean document: the
  paragraphs the text reader finds (masthead and preface lines in printed order, then each
  paragraph with its number typed), in the default ``Normal`` style, the footnote calls raised,
  the footnotes' text at the end after their marks;
- word: this toolkit's own DOCX of the text reader's reading with every paragraph and character
  style taken off and its stored facts removed: a document as Word keeps one typed in
  ``Normal`` (real footnotes, italic and bold runs, typed numbers, the masthead in the first
  page's header, no space between paragraphs).
The pandoc and LibreOffice files are made once into build/docx_in/ and kept (a cache keyed by
the text and the way's version: delete the folder to remake them); the python-docx and word ones
follow the text reader, so they are made again on every run.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

WAYS = ("pandoc", "libreoffice", "python-docx", "word")


def paragraphs_of(src: Path) -> list[list[tuple[str, bool]]]:
    """The paragraphs of a document as a drafter would type them: runs of (text, raised), the
    footnote calls raised where they stand, the notes' text typed at the end after their marks."""
    from drafting.model.units import all_notes, body_units, text_parts
    from drafting.readers import read_document

    root = read_document(src).root
    doc = root[0]
    front = []
    for part in doc:
        name = part.tag.rpartition("}")[2]
        if name in ("coverPage", "preface"):
            front += [_runs([p]) for p in part.xpath(".//*[local-name()='p'][not(ancestor::*[local-name()='authorialNote'])]")]
    out = _in_printed_order(front, src.read_text(encoding="utf-8"))
    for unit in body_units(root):
        runs = _runs(text_parts(unit.element))
        out.append(([(unit.num + " ", False)] if unit.num else []) + runs)
    out += [[(f"{n.marker} {n.text}", False)] for n in all_notes(root)]
    return [p for p in out if "".join(t for t, _ in p).strip()]


def in_normal(src: Path) -> bytes:
    """This toolkit's DOCX of ``src`` as a Word file typed in ``Normal``: no paragraph or
    character style, no stored facts (direct formatting, footnotes and numbering stay)."""
    import io
    import zipfile

    from drafting.readers import read_document
    from drafting.writers.docx import write

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(write(read_document(src).root))) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "docProps/custom.xml":
                continue
            if name.startswith("word/") and name.endswith(".xml"):
                data = STYLE_REF.sub(b"", data)
            elif name in ("[Content_Types].xml", "_rels/.rels"):
                data = CUSTOM_PART.sub(b"", data)
            zout.writestr(name, data)
    return out.getvalue()


STYLE_REF = re.compile(rb"<w:(?:pStyle|rStyle) w:val=\"[^\"]*\"/>")
CUSTOM_PART = re.compile(rb"<(?:Override|Relationship)\b[^>]*custom[^>]*/>")


def _in_printed_order(paragraphs, printed: str) -> list:
    """The masthead and preface paragraphs in the order the page prints them (the model keeps
    them by kind: the title before a report's "Report of the Secretary-General", the session
    of a second organ after the title), as a drafter types them."""
    folded = " ".join(printed.split())
    placed, at = [], 0
    for k, runs in enumerate(paragraphs):
        key = " ".join("".join(t for t, raised in runs if not raised).split())[:40]
        found = folded.find(key) if key else -1
        at = found if found >= 0 else at        # not found: it stays after the one before
        placed.append((at, k, runs))
    return [runs for _at, _k, runs in sorted(placed, key=lambda item: item[:2])]


def _runs(elements) -> list[tuple[str, bool]]:
    """The text of AKN elements as runs, a footnote's body left out and its mark raised in its
    place (nested points and quoted documents are units of their own)."""
    from drafting.model.akn import QUOTED_DOCUMENTS, local

    out: list[tuple[str, bool]] = []

    def walk(node, top):
        name = local(node)
        if name == "authorialNote":
            out.append((node.get("marker") or "*", True))
        elif not top and name in QUOTED_DOCUMENTS:
            pass
        else:
            if node.text:
                out.append((node.text, False))
            for child in node:
                walk(child, False)
        if node.tail and not top:
            out.append((node.tail, False))

    for k, el in enumerate(elements):
        if k:
            out.append((" ", False))
        walk(el, True)
    text = []
    for t, raised in out:   # white space folded as a typist types it
        folded = (" " if t[:1].isspace() else "") + " ".join(t.split()) + (" " if t[-1:].isspace() else "")
        text.append((t if raised else folded.replace("  ", " "), raised))
    if text and not text[0][1]:
        text[0] = (text[0][0].lstrip(), False)
    return [(t, r) for t, r in text if t]


# a paragraph's number or point label ("12.", "(a)", "IV."), not a short word ("Ibid.")
LONE_LABEL = re.compile(r"^(?:\(?(?:\d{1,3}|[ivxl]{1,5}|[a-z])\)|\d{1,3}\.|[IVXL]{1,5}\.|[A-Z]\.)$")
# made again when the way of making them changes (the name holds the way's version)
VERSION = {"pandoc": "3"}


def pandoc_paragraphs(text: str) -> list[str]:
    """The Markdown paragraphs given to pandoc: the printed lines, a lone number joined to its
    text."""
    lines = [line.strip() for line in text.replace("\f", "\n").split("\n")]
    return _join_lone_labels([line for line in lines if line])


ORDERED_ITEM = re.compile(r"(\d{1,9})[.)]\s")


def renumbered_by_pandoc(text: str) -> bool:
    """Does pandoc print other numbers than the text's? Numbered paragraphs next to each other
    are one Markdown list, and a list counts on from its first number, whatever the next
    items say ("1. De facto replacement" then "19. Limited State presence" prints 1. and 2.)."""
    paragraphs = pandoc_paragraphs(text)
    for before, after in zip(paragraphs, paragraphs[1:]):
        a, b = ORDERED_ITEM.match(before), ORDERED_ITEM.match(after)
        if a and b and int(b.group(1)) != int(a.group(1)) + 1:
            return True
    return False


def _join_lone_labels(lines: list[str]) -> list[str]:
    """pdftotext prints a paragraph's number alone on its line ("1." then the text): a drafter
    would type them together, and pandoc would drop the empty list item."""
    out: list[str] = []
    for line in lines:
        if out and LONE_LABEL.match(out[-1]) and not LONE_LABEL.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def pandoc_of_text(data: bytes, path: Path) -> None:
    """The Word file pandoc makes of extracted text (UTF-8 bytes): one paragraph per printed
    line, lines starting ``1.`` as Word auto-numbered lists."""
    text = "\n\n".join(pandoc_paragraphs(data.decode("utf-8")))
    subprocess.run(["pandoc", "-f", "commonmark", "-t", "docx", "-o", str(path)],
                   input=text.encode("utf-8"), check=True, timeout=120)


def make_all(sources: list[Path], folder: Path) -> dict[tuple[str, str], Path]:
    """(way, source path) -> DOCX path, for every source .pdftotext.txt."""
    import docx as python_docx

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[tuple[str, str], Path] = {}
    todo_lo = []
    for src in sources:
        data = src.read_bytes()
        key = hashlib.sha1(data).hexdigest()[:10]
        stem = src.name.removesuffix(".pdftotext.txt")
        for way in WAYS:
            path = folder / f"{stem}.{key}.{way}{VERSION.get(way, '')}.docx"
            out[(way, src)] = path
            if path.exists() and way in ("pandoc", "libreoffice"):
                continue
            if way == "pandoc":
                pandoc_of_text(data, path)
            elif way == "word":
                path.write_bytes(in_normal(src))
            elif way == "python-docx":
                doc = python_docx.Document()
                for runs in paragraphs_of(src):
                    paragraph = doc.add_paragraph()
                    for text, raised in runs:
                        paragraph.add_run(text).font.superscript = raised or None
                doc.save(str(path))
            else:
                todo_lo.append((src, path))
    if todo_lo:
        staging = folder / "lo"
        staging.mkdir(exist_ok=True)
        for src, path in todo_lo:
            shutil.copyfile(src, staging / (path.stem + ".txt"))
        subprocess.run(["soffice", "--headless", "--infilter=Text (encoded):UTF8,LF,,,",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                        *[str(staging / (p.stem + ".txt")) for _, p in todo_lo]],
                       check=True, capture_output=True, timeout=1200)
        shutil.rmtree(staging)
    return out
