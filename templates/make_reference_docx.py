"""Build ``templates/reference.docx``: the styles, page setup, headers and footers of exported DOCX.

Run it with ``python templates/make_reference_docx.py`` after changing a style; the DOCX writer
takes everything but the body from the reference (as pandoc does), so a drafter can also pass a
reference of their own with ``--reference-doc``.

Style names follow the UN Geneva/Vienna templates (``_ H _Ch_G``, ``_ Single Txt_G`` ...; see
``un-conventions.md``); names the UN templates do not have (points, masthead rows, the semantic
"AKN ..." character styles) are ours, so that a document exported and read back keeps its
structure: the DOCX reader recognises paragraphs and inline parts by these names.

The page follows the United Nations' printed page (measured on the PDFs of corpus/real): the
masthead's "United Nations" line with the symbol at the right over a thin rule; the emblem, the
organ in 20 pt bold and the distribution block at 11.9 cm; a thick rule; the session block at the
margin; the title block and text 2.2 cm in. Later pages carry running heads: the symbol at the
outer edge in bold (left on even pages, right on odd ones), page "n/N" and the job number at the
foot; page 1 carries the job number at its foot. Headers and footers hold two placeholders the
writer fills per document: ``{symbol}`` and ``{job_number}``.

The emblem is an image slot (``word/media/emblem.png``): use of the United Nations emblem is
restricted (General Assembly resolution 92 (I)), so the project ships a neutral placeholder of the
emblem's printed size (1.98 x 1.66 cm) that an office replaces with its own file (``--emblem``, or
its own reference document).
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
EAST_ASIAN_FONT = "SimSun"          # Chinese; LibreOffice substitutes Noto Serif CJK when absent
COMPLEX_FONT = "Simplified Arabic"  # Arabic; LibreOffice substitutes Noto Naskh Arabic when absent

TEXT_INDENT = Cm(2.2)      # UN body text starts 2.2 cm in from the margin (63 pt on the PDFs)
TEXT_RIGHT = Cm(2.2)       # and stops 2.2 cm before the right margin
NUMBER_TAB = Cm(3.2)       # the text of a numbered paragraph starts at the tab after its number
PARTICIPLE = Pt(24)        # preambular and operative paragraphs open 24 pt in (the formula too)
OPERATIVE_TAB = TEXT_INDENT + Pt(47)   # a resolution's operative text after "1."
DISTR_AT = Cm(11.9)        # the Distr./date/Original block of the masthead
EMBLEM_SIZE = (Cm(1.98), Cm(1.66))
EMBLEM_PIXELS = (155, 130)


def _fonts(rpr_owner) -> None:
    """Latin, East Asian and complex-script fonts on a style's or the defaults' run properties."""
    rpr = rpr_owner.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_owner.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would override the named fonts
    for attr, value in (("w:ascii", FONT), ("w:hAnsi", FONT), ("w:eastAsia", EAST_ASIAN_FONT),
                        ("w:cs", COMPLEX_FONT)):
        fonts.set(qn(attr), value)


def _paragraph_style(doc, name, *, base="Normal", size=10, bold=False, italic=False, left=None,
                     right=None, first=None, before=0, after=0, keep_next=False,
                     align=None, tabs=(), line=None, next_style=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    font = style.font
    font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    pf = style.paragraph_format
    if left is not None:
        pf.left_indent = left
    if right is not None:
        pf.right_indent = right
    if first is not None:
        pf.first_line_indent = first
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line:
        pf.line_spacing = Pt(line)
    pf.keep_with_next = keep_next or None
    if align is not None:
        pf.alignment = align
    for pos, kind in tabs:
        pf.tab_stops.add_tab_stop(pos, kind)
    if next_style:
        style.next_paragraph_style = doc.styles[next_style]
    return style


def _character_style(doc, name, *, bold=False, italic=False, size=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = doc.styles["Default Paragraph Font"]
    style.font.bold = bold or None
    style.font.italic = italic or None
    if size:
        style.font.size = Pt(size)
    return style


def _page_field(paragraph) -> None:
    """A PAGE field: Word and LibreOffice print the page number there."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def build(path: Path) -> None:
    doc = Document()

    # Defaults: Times New Roman 10 pt with East Asian and complex-script fonts.
    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _fonts(rpr_default)
    for tag in ("w:sz", "w:szCs"):
        rpr_default.find(qn("w:rPr")).find(qn(tag)).set(qn("w:val"), "20")
    ppr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    spacing = ppr_default.find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    # Table styles and the 2010 duplicate of the styles part only make every output bigger.
    for style in list(styles_el.iterchildren(qn("w:style"))):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) != "TableNormal":
            styles_el.remove(style)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.rels.pop(rid)
    for rid, rel in list(doc.part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            doc.part.package.rels.pop(rid)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    _fonts(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(12)

    # Body text and headings (UN Geneva names; H_1 is a section, H_2 a subsection).
    text_tabs = [(NUMBER_TAB, WD_TAB_ALIGNMENT.LEFT)]
    _paragraph_style(doc, "_ Single Txt_G", left=TEXT_INDENT, right=TEXT_RIGHT, after=6,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, tabs=text_tabs)
    # a resolution's operative paragraph: "1." 24 pt in, its text at the next tab, then flush
    _paragraph_style(doc, "_ Operative_G", base="_ Single Txt_G", first=PARTICIPLE, after=6,
                     tabs=[(OPERATIVE_TAB, WD_TAB_ALIGNMENT.LEFT)])
    _paragraph_style(doc, "_ H _Ch_G", size=14, bold=True, left=TEXT_INDENT, first=Cm(-1),
                     right=Cm(1), before=18, after=12, keep_next=True, next_style="_ Single Txt_G",
                     tabs=[(TEXT_INDENT, WD_TAB_ALIGNMENT.LEFT)])
    _paragraph_style(doc, "_ H_1_G", size=12, bold=True, left=TEXT_INDENT, first=Cm(-1),
                     right=Cm(1), before=12, after=6, keep_next=True, next_style="_ Single Txt_G")
    _paragraph_style(doc, "_ H_2_G", size=10, bold=True, left=TEXT_INDENT, first=Cm(-1),
                     right=Cm(1), before=12, after=6, keep_next=True, next_style="_ Single Txt_G")
    _paragraph_style(doc, "_ H_4_G", size=10, italic=True, left=TEXT_INDENT, right=Cm(1),
                     before=12, after=6, keep_next=True, next_style="_ Single Txt_G")
    # An annex opens on its label ("Annex II"), a tab, then its title, set like a chapter.
    _paragraph_style(doc, "_ H_Annex_G", size=14, bold=True, left=TEXT_INDENT, first=Cm(-1),
                     right=Cm(1), before=24, after=12, keep_next=True, next_style="_ Single Txt_G",
                     tabs=[(TEXT_INDENT, WD_TAB_ALIGNMENT.LEFT)])
    _paragraph_style(doc, "_ Table Txt_G", size=9, after=2)
    # Sub-paragraphs a), (i), ...: the label at the text indent, the text at the next tab.
    for depth in (1, 2, 3, 4):
        label_at = TEXT_INDENT + Cm(depth)
        _paragraph_style(doc, f"_ Point_{depth}_G", base="_ Single Txt_G", left=label_at + Cm(1),
                         first=Cm(-1), after=6)
        _paragraph_style(doc, f"_ List H_{depth}_G", base="_ Single Txt_G", italic=True,
                         left=label_at, before=6, after=6, keep_next=True)
    _paragraph_style(doc, "_ Wrap Up_G", base="_ Single Txt_G", after=6)
    _paragraph_style(doc, "_ Quote_G", base="_ Single Txt_G", left=Cm(3.2), right=Cm(3.2), after=6)
    # the formula names the organ in italics ("The General Assembly,")
    _paragraph_style(doc, "_ Formula_G", base="_ Single Txt_G", first=PARTICIPLE, after=6, italic=True)
    _paragraph_style(doc, "_ Preamble_G", base="_ Single Txt_G", first=PARTICIPLE, after=6)
    _paragraph_style(doc, "_ Conclusion_G", base="_ Single Txt_G", before=12)

    # Masthead and preface, measured on the printed page (corpus/real, A/C.1/80/L.41 page 1).
    full_width = Cm(21.0 - 2 * 2.1)
    top = _paragraph_style(doc, "_ Masthead Top_G", size=14, after=3, line=17,
                           tabs=[(TEXT_INDENT, WD_TAB_ALIGNMENT.LEFT),
                                 (full_width, WD_TAB_ALIGNMENT.RIGHT)])
    _border(top, "bottom", 6)
    _paragraph_style(doc, "_ Masthead Organ_G", size=20, bold=True, before=6, line=24,
                     tabs=[(TEXT_INDENT, WD_TAB_ALIGNMENT.LEFT), (DISTR_AT, WD_TAB_ALIGNMENT.LEFT)])
    _paragraph_style(doc, "_ Masthead Distr_G", size=10, left=DISTR_AT)
    _paragraph_style(doc, "_ Masthead Job_G", size=8, left=DISTR_AT, before=6)
    rule = _paragraph_style(doc, "_ Masthead Rule_G", size=4, before=84, after=3, line=4)
    _border(rule, "bottom", 18)
    _paragraph_style(doc, "_ Session Info_G", size=10, bold=True, right=Cm(7.3))
    _paragraph_style(doc, "_ Session Body_G", size=12, bold=True, right=Cm(7.3), line=14)
    _paragraph_style(doc, "_ Agenda Item_G", size=10, right=Cm(7.3))
    _paragraph_style(doc, "_ Session Place_G", size=10, right=Cm(7.3))
    _paragraph_style(doc, "_ Agenda Title_G", size=10, bold=True, right=Cm(7.3))
    _paragraph_style(doc, "_ Preface Other_G", size=10, left=TEXT_INDENT, right=TEXT_RIGHT, before=3)
    _paragraph_style(doc, "_ Doc Type_G", size=10, bold=True, left=TEXT_INDENT, right=TEXT_RIGHT,
                     before=18, keep_next=True)
    _paragraph_style(doc, "_ Adopted Type_G", size=14, bold=True, left=TEXT_INDENT, right=Cm(4.2),
                     before=18, keep_next=True, line=16)
    _paragraph_style(doc, "_ Title_G", size=14, bold=True, left=TEXT_INDENT, right=TEXT_RIGHT,
                     before=12, after=12, keep_next=True, line=16)
    _paragraph_style(doc, "_ Resolution Title_G", size=12, bold=True, left=TEXT_INDENT,
                     right=TEXT_RIGHT, before=12, after=12, keep_next=True, line=14)

    # Footnotes: Word's built-in names (pandoc and LibreOffice know them) and the UN one.
    footnote_text = _paragraph_style(doc, "footnote text", size=9, left=TEXT_INDENT,
                                     right=TEXT_RIGHT, first=Cm(-0.5), line=10, after=1)
    footnote_text.element.set(qn("w:styleId"), "FootnoteText")
    _paragraph_style(doc, "_ FootnoteText", base="footnote text", size=9, left=TEXT_INDENT,
                     right=TEXT_RIGHT, first=Cm(-0.5), line=10, after=1)
    reference = doc.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    reference.element.set(qn("w:styleId"), "FootnoteReference")
    reference.font.superscript = True

    # Semantic character styles: what a run *is* in the AKN (masthead and title parts).
    for name, kw in {
        "AKN docAuthority": {}, "AKN docNumber": {"size": 10},
        "AKN distribution": {}, "AKN docDate": {}, "AKN languageOfExpression": {},
        "AKN originalLanguage": {}, "AKN jobNumber": {}, "AKN docCommittee": {},
        "AKN session": {}, "AKN agendaItem": {}, "AKN agendaItemTitle": {},
        "AKN docType": {}, "AKN docProponent": {}, "AKN docTitle": {}, "AKN inferredNumber": {},
    }.items():
        _character_style(doc, name, **kw)

    # Page: A4, the UN's margins; a different first page (the masthead page has no running
    # head) and different even and odd pages (the symbol at the outer edge).
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    # the masthead starts 1.6 cm from the top; on later pages the running head stands 1.7 cm
    # from the top and pushes the text below it
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(2.5)
    section.left_margin, section.right_margin = Cm(2.1), Cm(2.1)
    section.header_distance, section.footer_distance = Cm(1.7), Cm(1.25)
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True

    for header, align in ((section.header, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT)):
        p = header.paragraphs[0]
        run = p.add_run("{symbol}")
        run.font.bold = True
        run.font.size = Pt(9)
        p.alignment = align
        p.paragraph_format.space_after = Pt(14)
        _paragraph_border(p, "bottom", 4)
    # odd pages: job number left, page right; even pages: page left, job number right
    for footer, page_first in ((section.footer, False), (section.even_page_footer, True)):
        p = footer.paragraphs[0]
        p.paragraph_format.tab_stops.add_tab_stop(full_width, WD_TAB_ALIGNMENT.RIGHT)
        if page_first:
            _page_of(p)
            p.add_run("\t")
            p.add_run("{job_number}").font.size = Pt(8)
        else:
            p.add_run("{job_number}").font.size = Pt(8)
            p.add_run("\t")
            _page_of(p)
    first_footer = section.first_page_footer.paragraphs[0]
    first_footer.add_run("{job_number}").font.size = Pt(10)
    section.first_page_header.paragraphs[0].text = ""

    # The reference body is replaced by the writer; leave it empty.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    doc.core_properties.title = "UN document (drafting reference)"
    doc.core_properties.author = "drafting"
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_with_emblem(buf.getvalue()))


def _border(style, side: str, size: int) -> None:
    """A paragraph border of ``size`` eighths of a point on one side of a paragraph style."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", "auto")):
        edge.set(qn(key), value)
    borders.append(edge)
    # pBdr comes after keepNext .. numPr and before shd, tabs, spacing, ind, jc
    later = [c for c in ppr if c.tag in (qn("w:shd"), qn("w:tabs"), qn("w:spacing"), qn("w:ind"), qn("w:jc"))]
    if later:
        later[0].addprevious(borders)
    else:
        ppr.append(borders)


def _paragraph_border(paragraph, side: str, size: int) -> None:
    """A border on one paragraph (the rule under the running head)."""
    class _Owner:   # _border works on anything with a paragraph-properties element
        element = paragraph._p
    _border(_Owner, side, size)


def _field(paragraph, instr: str, bold: bool = True) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "18")
        rpr.append(size)
        run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_of(paragraph) -> None:
    """``2/7``: the page and the count of pages, in bold 9 pt as the UN prints them."""
    _field(paragraph, "PAGE")
    slash = paragraph.add_run("/")
    slash.font.bold = True
    slash.font.size = Pt(9)
    _field(paragraph, "NUMPAGES")


def placeholder_emblem(width: int = EMBLEM_PIXELS[0], height: int = EMBLEM_PIXELS[1]) -> bytes:
    """A neutral grey ring on white, as a PNG of the emblem's size (no image library needed)."""
    cx, cy = (width - 1) / 2, (height - 1) / 2
    outer, inner = min(cx, cy) - 2, min(cx, cy) - 8
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
            rows.append(170 if inner <= d <= outer else 255)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)   # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def _with_emblem(docx: bytes) -> bytes:
    """Add the emblem slot: word/media/emblem.png, related to the document (rIdEmblem)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdEmblem" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/image" Target="media/emblem.png"/>'
                    b"</Relationships>"))
            elif info.filename == "[Content_Types].xml" and b'Extension="png"' not in data:
                data = data.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
            zf.writestr(info.filename, data)
        zf.writestr("word/media/emblem.png", placeholder_emblem())
    return out.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("reference.docx")
    build(target)
    print(f"wrote {target}")
