"""Word files made outside this toolkit from the text of real UN documents, three ways.

- pandoc: ``pandoc -f commonmark`` of the pdftotext output, one paragraph per printed line
  (lines starting ``1.`` become Word auto-numbered lists, ``(a)`` stays typed);
- LibreOffice: ``soffice --convert-to docx`` of the same text (one Word paragraph per line);
- python-docx: one Word paragraph per paragraph, as a drafter types a clean document: the
  paragraphs the text reader finds (masthead and preface lines, then each paragraph with its
  number typed), in the default ``Normal`` style, the footnotes' text at the end.
The pandoc and LibreOffice files are made once into build/docx_in/ and kept (a cache keyed by
the text: delete the folder to remake them); the python-docx ones follow the text reader, so
they are made again on every run.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

WAYS = ("pandoc", "libreoffice", "python-docx")


def paragraphs_of(src: Path) -> list[str]:
    """The paragraphs of a document as a drafter would type them."""
    from drafting.model.units import all_notes, body_units
    from drafting.readers import read_document

    root = read_document(src).root
    doc = root[0]
    out = []
    for part in doc:
        name = part.tag.rpartition("}")[2]
        if name in ("coverPage", "preface"):
            out += [" ".join("".join(p.itertext()).split()) for p in part.iter("{*}p")]
    for unit in body_units(root):
        out.append(((unit.num + " ") if unit.num else "") + unit.text)
    out += [f"{n.marker} {n.text}" for n in all_notes(root)]
    return [p for p in out if p.strip()]


LONE_LABEL = re.compile(r"^\(?[0-9a-zA-Z]{1,5}[.)]$")


def _join_lone_labels(lines: list[str]) -> list[str]:
    """pdftotext prints a paragraph's number alone on its line ("1." then the text): a drafter
    would type them together, and pandoc would drop the empty list item."""
    out: list[str] = []
    for line in lines:
        if out and LONE_LABEL.match(out[-1]):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


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
            path = folder / f"{stem}.{key}.{way}.docx"
            out[(way, src)] = path
            if path.exists() and way != "python-docx":
                continue
            if way == "pandoc":
                lines = [line.strip() for line in data.decode("utf-8").replace("\f", "\n").split("\n")]
                text = "\n\n".join(_join_lone_labels([line for line in lines if line]))
                subprocess.run(["pandoc", "-f", "commonmark", "-t", "docx", "-o", str(path)],
                               input=text.encode("utf-8"), check=True, timeout=120)
            elif way == "python-docx":
                doc = python_docx.Document()
                for paragraph in paragraphs_of(src):
                    doc.add_paragraph(paragraph)
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
