"""Word files made outside this toolkit from the text of real UN documents, six ways.

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
  page's header, no space between paragraphs);
- styled: the text reader's reading typed in a word processor with its own styles (RTF saved
  as DOCX by LibreOffice): ``Title``, ``Heading 1``/``Heading 2``, the symbol in the page header,
  tabs after numbers under a hanging indent, real footnotes (``styled_rtf``);
- numbered: the same formatted by hand in ``Normal``, the operative paragraphs and points
  numbered by Word numbering definitions (``numbered_docx``);
- odt: this toolkit's Markdown of the text reader's reading made an OpenDocument text by pandoc
  and saved as a Word file by LibreOffice (``markdown_for_odt``): pandoc's own styles (``Title``,
  ``Text Body``, ``First Paragraph``, ``Heading n``), real footnotes, italic runs, typed numbers
  and labels; of the masthead (the front matter) pandoc prints the title and the date and keeps
  each one-line key as a custom document property.
The pandoc, LibreOffice, styled and odt files are made once into build/docx_in/ and kept (a cache
keyed by the text and the way's version, the styled and odt ones by what they were made from:
delete the folder to remake them);
the python-docx, word and numbered ones follow the text reader, so they are made again on every run.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import shutil
import subprocess
from pathlib import Path

WAYS = ("pandoc", "libreoffice", "python-docx", "word", "styled", "numbered", "odt")
KEPT = ("pandoc", "libreoffice", "styled", "odt")    # made once and kept in build/docx_in/


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
        # (a key of a few characters, a contents page's "4", is found anywhere: not looked for)
        found = folded.find(key) if len(key) > 3 else -1
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


def renumbered_in_markdown(markdown: str) -> bool:
    """Does pandoc print other numbers than a Markdown text's? Its numbered paragraphs next to
    each other are one list, counting on from the first number."""
    paragraphs = [p.strip() for p in markdown.split("\n\n") if p.strip()]
    for before, after in itertools.pairwise(paragraphs):
        a, b = ORDERED_ITEM.match(before), ORDERED_ITEM.match(after)
        if a and b and int(b.group(1)) != int(a.group(1)) + 1:
            return True
    return False


# a point's label at a line's start ("(a) ", "(iv) ", a bullet or a dash)
POINT_LINE = re.compile(r"^(?:\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)|[•▪◦–-]) ")


def points_run_on_in_markdown(markdown: str) -> bool:
    """Does a point stand on the line right under a paragraph's text, no blank line between? This
    toolkit's Markdown reads a point there; pandoc's runs the line on into the paragraph above: a
    list opens only after a blank line, or under a list's item ("9. Decides that the review:"
    then "(a) Shall be held ..." is a list in a list), and a bullet of print ("•", "▪", "–") is
    no list mark of pandoc's at all."""
    opening = ""       # the first line of the paragraph being read
    before = ""
    for line in markdown.split("\n"):
        if not before.strip():
            opening = line
        elif POINT_LINE.match(line) and (PRINTED_BULLET.match(line) or not (
                ORDERED_ITEM.match(opening) or POINT_LINE.match(opening))):
            return True
        before = line
    return False


PRINTED_BULLET = re.compile(r"^[•▪◦–] ")


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
    todo_lo, todo_rtf, todo_odt = [], [], []
    for index, src in enumerate(sources):
        data = src.read_bytes()
        key = hashlib.sha1(data).hexdigest()[:10]
        stem = src.name.removesuffix(".pdftotext.txt")
        for way in WAYS:
            source = styled_rtf(src, index) if way == "styled" else markdown_for_odt(src) if way == "odt" else None
            # (made from the text reader's reading: keyed by what it gives)
            made_from = hashlib.sha1(source.encode()).hexdigest()[:10] if source is not None else key
            path = folder / f"{stem}.{made_from}.{way}{VERSION.get(way, '')}.docx"
            out[(way, src)] = path
            if path.exists() and way in KEPT:
                continue
            if way == "pandoc":
                pandoc_of_text(data, path)
            elif way == "word":
                path.write_bytes(in_normal(src))
            elif way == "numbered":
                path.write_bytes(numbered_docx(src, index))
            elif way == "python-docx":
                doc = python_docx.Document()
                for runs in paragraphs_of(src):
                    paragraph = doc.add_paragraph()
                    for text, raised in runs:
                        paragraph.add_run(text).font.superscript = raised or None
                doc.save(str(path))
            elif way == "styled":
                todo_rtf.append((source, path))
            elif way == "odt":
                todo_odt.append((source, path))
            else:
                todo_lo.append((src, path))
    if todo_lo:
        staging = folder / "lo"
        staging.mkdir(exist_ok=True)
        for src, path in todo_lo:
            shutil.copyfile(src, staging / (path.stem + ".txt"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{staging.resolve()}/lo", "--headless", "--infilter=Text (encoded):UTF8,LF,,,",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                        *[str(staging / (p.stem + ".txt")) for _, p in todo_lo]],
                       check=True, capture_output=True, timeout=1200)
        shutil.rmtree(staging)
    if todo_rtf:
        staging = folder / "rtf"
        staging.mkdir(exist_ok=True)
        for rtf, path in todo_rtf:
            (staging / (path.stem + ".rtf")).write_text(rtf, encoding="ascii")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{staging.resolve()}/lo", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                        "--outdir", str(folder), *[str(staging / (p.stem + ".rtf")) for _, p in todo_rtf]],
                       check=True, capture_output=True, timeout=1200)
        shutil.rmtree(staging)
        for _rtf, path in todo_rtf:
            _without_doubled_marks(path)
    if todo_odt:
        staging = folder / "odt"
        staging.mkdir(exist_ok=True)
        for markdown, path in todo_odt:
            subprocess.run(["pandoc", "-f", "markdown", "-t", "odt", "-o", str(staging / (path.stem + ".odt"))],
                           input=markdown.encode("utf-8"), check=True, timeout=120)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{staging.resolve()}/lo", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                        *[str(staging / (p.stem + ".odt")) for _, p in todo_odt]],
                       check=True, capture_output=True, timeout=1200)
        shutil.rmtree(staging)
    return out


def markdown_for_odt(src: Path) -> str:
    """This toolkit's Markdown of the text reader's reading, given to pandoc as it is written
    (the committee is ``body_``, a key pandoc ignores, and an unnumbered paragraph's mark
    ``[]{-}`` an empty span that pandoc shows as nothing)."""
    from drafting.readers import read_document
    from drafting.writers.markdown import to_markdown

    return to_markdown(read_document(src).root)


# LibreOffice reads an RTF footnote's own mark ("*" before ``\footnote``) as the mark and also
# keeps it as raised text after it, which a word processor's own file never holds
DOUBLED_MARK = re.compile(r'(<w:footnoteReference w:customMarkFollows="1" w:id="\d+"/><w:t>([^<]*)</w:t></w:r>)'
                          r'<w:r><w:rPr>(?:(?!</w:rPr>).)*?</w:rPr><w:t>\2</w:t></w:r>')


def _without_doubled_marks(path: Path) -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                data = DOUBLED_MARK.sub(r"\1", data.decode("utf-8")).encode("utf-8")
            zout.writestr(name, data)
    path.write_bytes(out.getvalue())


# -- a Word file typed with the word processor's own styles (LibreOffice, from RTF) -------------

RTF_HEAD = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}"
            r"{\stylesheet{\s0\fs24 Normal;}{\s1\sbasedon0\snext0\keepn\b\fs28 heading 1;}"
            r"{\s2\sbasedon0\snext0\keepn\b\fs24 heading 2;}{\s15\sbasedon0\snext0\qc\b\fs32 Title;}}")
HEADINGS = ("chapter", "part", "annex", "attachment", "hcontainer")


def styled_rtf(src: Path, index: int) -> str:
    """A document as a drafter types it in a word processor with its own styles, as RTF (which
    LibreOffice saves as a Word file with those styles): the symbol in the page header and the
    job number and page number in the footer; the title in the ``Title`` style (or, every other
    document, centred and bold by direct formatting); headings in ``heading 1`` and ``heading
    2``; the other masthead and preface lines, the formula and the preamble in ``Normal`` with
    their italic and bold runs; numbers and labels typed and followed by a tab under a hanging
    indent; real footnotes (numbered by the word processor, or with their own mark)."""
    from drafting.model.units import body_units, masthead
    from drafting.readers import read_document

    root = read_document(src).root
    mast = masthead(root)
    doc = root[0]
    front = []
    for part in doc:
        if part.tag.rpartition("}")[2] in ("coverPage", "preface"):
            front += part.xpath(".//*[local-name()='p'][not(ancestor::*[local-name()='authorialNote'])]")
    out = [RTF_HEAD, r"\paperw11906\paperh16838\margl1440\margr1440"]
    symbol, job = mast.get("symbol"), mast.get("job_number")
    if any(_plain(p) == symbol and p.xpath(".//*[local-name()='authorialNote']") for p in front):
        symbol = None    # a note on the symbol: typed in the body, where a note can be
    if symbol:
        out.append(r"{\header\pard\plain\qr " + _rtf_text(symbol) + r"\par}")
    out.append(r"{\footer\pard\plain\qc " + (_rtf_text(job) + r"\tab " if job else "")
               + r"{\field{\*\fldinst PAGE}{\fldrslt 1}}\par}")
    by_text = {}
    for el in front:
        by_text.setdefault(_plain(el), el)
    for runs in _in_printed_order([[(_plain(p), False)] for p in front], src.read_text(encoding="utf-8")):
        text = runs[0][0]
        if not text or text in (symbol, job):
            continue
        el = by_text[text]
        if text == mast.get("title"):
            style = r"\s15\qc\b\fs32 " if index % 2 == 0 else r"\qc\b "
            out.append(r"\pard\plain" + style + _rtf_runs(el) + r"\par")
        else:
            out.append(r"\pard\plain " + _rtf_runs(el) + r"\par")
    for unit in body_units(root):
        parts = "".join(_rtf_runs(el) for el in _parts(unit))
        num = (_rtf_text(unit.num) + r"\tab ") if unit.num else ""
        if unit.kind in ("heading", "crossHeading"):
            level = 1 if unit.level in HEADINGS or unit.depth == 0 else 2
            out.append(rf"\pard\plain\s{level}\keepn\b\fs{28 if level == 1 else 24} " + num + parts + r"\par")
        elif unit.num:
            left = 567 * (1 + min(unit.depth, 3))
            out.append(rf"\pard\plain\li{left}\fi-567 " + num + parts + r"\par")
        else:
            out.append(r"\pard\plain\fi567 " + parts + r"\par")
    out.append("}")
    return "\n".join(out)


def _parts(unit):
    from drafting.model.units import text_parts

    return text_parts(unit.element)


def _plain(el) -> str:
    from drafting.model.units import text_content

    return " ".join(text_content(el, skip_notes=True).split())


def _rtf_runs(el) -> str:
    """An AKN element's text as RTF: italic and bold runs, each footnote a real footnote (numbered
    by the word processor where its mark is a number, else with its own mark)."""
    from drafting.model.akn import QUOTED_DOCUMENTS, local

    out: list[str] = []

    def walk(node, top):
        name = local(node)
        if name == "authorialNote":
            marker = node.get("marker") or "*"
            text = " ".join(" ".join(_plain(p) for p in node.xpath("./*[local-name()='p']")).split())
            mark = r"\chftn" if marker.isdigit() else _rtf_text(marker)
            out.append(r"{\super " + mark + r"{\footnote\pard\plain{\super " + mark + "} "
                       + _rtf_text(text) + r"}}")
        elif not top and name in QUOTED_DOCUMENTS:
            pass
        else:
            style = {"i": r"\i ", "b": r"\b "}.get(name, "")
            if style:
                out.append("{" + style)
            if node.text:
                out.append(_rtf_text(node.text))
            for child in node:
                walk(child, False)
            if style:
                out.append("}")
        if node.tail and not top:
            out.append(_rtf_text(node.tail))

    walk(el, True)
    return "".join(out).strip()


def _rtf_text(text: str) -> str:
    out = []
    for ch in re.sub(r"\s+", " ", text):
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        elif code < 0x10000:
            out.append(rf"\u{code if code < 0x8000 else code - 0x10000}?")
        else:
            data = ch.encode("utf-16-le")
            for k in (0, 2):
                value = int.from_bytes(data[k:k + 2], "little")
                out.append(rf"\u{value if value < 0x8000 else value - 0x10000}?")
    return "".join(out)


# -- a Word file numbered by Word, formatted by hand (python-docx) ------------------------------

PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3})\.$")
POINT_LABEL = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)$")
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def numbered_docx(src: Path, index: int = 0) -> bytes:
    """A document as a drafter formats it by hand in Word's ``Normal`` and lets Word number it:
    operative paragraphs and their points numbered by Word numbering definitions (``%1.`` and
    ``(%2)``/``(%3)``, or every other document Word's own ``%2.``/``%3.``, restarted where the
    text's numbers restart), everything else typed; the
    lines above the title two to a paragraph with a line break between them; the title and the
    headings centred or bold by direct formatting; italic participles; the symbol
    in the first page's header and in the header of the pages after it; footnote calls raised
    and the notes typed at the end after their marks."""
    import io

    import docx as python_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from drafting.model.units import all_notes, body_units, masthead
    from drafting.readers import read_document

    root = read_document(src).root
    mast = masthead(root)
    doc = python_docx.Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    symbol = mast.get("symbol")
    front = []
    for part in root[0]:
        if part.tag.rpartition("}")[2] in ("coverPage", "preface"):
            front += part.xpath(".//*[local-name()='p'][not(ancestor::*[local-name()='authorialNote'])]")
    if symbol and not any(_plain(p) == symbol and p.xpath(".//*[local-name()='authorialNote']") for p in front):
        for header in (section.first_page_header, section.header):
            header.paragraphs[0].text = symbol
            header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        symbol = None
    by_text = {}
    for el in front:
        by_text.setdefault(_plain(el), el)
    paragraph, titled = None, False
    for runs in _in_printed_order([[(_plain(p), False)] for p in front], src.read_text(encoding="utf-8")):
        text = runs[0][0]
        if not text or text == symbol:
            continue
        title = text == mast.get("title")
        titled = titled or title
        if paragraph is not None and not title and not titled and paragraph.runs and not paragraph.runs[-1]._r.xpath("./w:br"):
            # the masthead and session lines above the title typed two to a paragraph, a line
            # break (Shift+Enter) between them
            paragraph.runs[-1].add_break()
        else:
            paragraph = doc.add_paragraph()
        if title:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(paragraph, by_text[text], bold=title)
        if title:
            paragraph = None
    numbering = doc.part.numbering_part.element
    labels = ("(%2)", "(%3)") if index % 2 == 0 else ("%2.", "%3.")
    numbering.insert(0, parse_xml(_ABSTRACT.format(nsdecls("w"), *labels)))
    nums = _Numbers(numbering, parse_xml, nsdecls("w"))
    for unit in body_units(root):
        paragraph = doc.add_paragraph()
        label = nums.label(unit)
        if label is not None:
            num_id, ilvl = label
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        elif unit.num:
            paragraph.add_run(unit.num + "\t")
        heading = unit.kind in ("heading", "crossHeading")
        for el in _parts(unit):
            _add_runs(paragraph, el, bold=heading)
    for note in all_notes(root):
        doc.add_paragraph(f"{note.marker} {note.text}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_ABSTRACT = (
    '<w:abstractNum {0} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{1}"/>'
    '<w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="{2}"/>'
    '<w:pPr><w:ind w:left="1701" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>')


class _Numbers:
    """Word numbering for a document's numbers: one list counting on, and a list of its own
    (restarting at the number printed) wherever the text's numbers do not follow on."""

    def __init__(self, numbering, parse_xml, ns):
        self.numbering, self.parse_xml, self.ns = numbering, parse_xml, ns
        self.num_id = None
        self.counters = [0, 0, 0]
        self.next_id = 900

    def label(self, unit):
        num = unit.num or ""
        m = PARAGRAPH_NUMBER.match(num)
        if m and unit.kind == "paragraph":
            return self._at(0, int(m.group(1)))
        m = POINT_LABEL.match(num)
        if m and unit.kind == "point" and self.num_id is not None:
            letters = m.group(1)
            as_letter = len(letters) == 1 and (letters not in ROMAN or self.counters[1] == ord(letters) - ord("a"))
            if as_letter:
                return self._at(1, ord(letters) - ord("a") + 1)
            if set(letters) <= set(ROMAN) and self.counters[1]:
                return self._at(2, _roman(letters))
        self.num_id = None if unit.kind in ("paragraph", "heading", "crossHeading") else self.num_id
        return None

    def _at(self, level, value):
        if self.num_id is None or value != self.counters[level] + 1 or (level and not self.counters[level - 1]):
            self.next_id += 1
            self.num_id = self.next_id
            overrides = "".join(
                f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                for k, v in ((k, value if k == level else 1) for k in range(3)))
            self.numbering.append(self.parse_xml(
                f'<w:num {self.ns} w:numId="{self.num_id}"><w:abstractNumId w:val="90"/>{overrides}</w:num>'))
            self.counters = [0, 0, 0]
            for k in range(level):
                self.counters[k] = 1   # (a level above, not printed: the list opens at this level)
        self.counters[level] = value
        for k in range(level + 1, 3):
            self.counters[k] = 0
        return self.num_id, level


def _roman(text: str) -> int:
    total = 0
    for k, ch in enumerate(text):
        value = ROMAN[ch]
        total += -value if k + 1 < len(text) and ROMAN[text[k + 1]] > value else value
    return total


def _add_runs(paragraph, el, bold: bool = False) -> None:
    """An AKN element's text as Word runs: italic and bold kept, a footnote's mark raised."""
    from drafting.model.akn import QUOTED_DOCUMENTS, local

    def walk(node, top, fmt):
        name = local(node)
        if name == "authorialNote":
            paragraph.add_run(node.get("marker") or "*").font.superscript = True
        elif not top and name in QUOTED_DOCUMENTS:
            pass
        else:
            inner = fmt | ({name} & {"i", "b"})
            if node.text:
                _run(paragraph, node.text, inner)
            for child in node:
                walk(child, False, inner)
        if node.tail and not top:
            _run(paragraph, node.tail, fmt)

    walk(el, True, {"b"} if bold else set())


def _run(paragraph, text, fmt) -> None:
    text = re.sub(r"\s+", " ", text)
    if not paragraph.runs:
        text = text.lstrip()
    if text:
        run = paragraph.add_run(text)
        run.italic = "i" in fmt or None
        run.bold = "b" in fmt or None
