"""What a Word file's styles give its paragraphs and runs: through ``basedOn`` chains, with
direct formatting over them (the style sheet works each style out when a paragraph first names
it; these are the answers it must give)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from drafting.ooxml.styles import StyleSheet
from drafting.readers.docx_parse import parse_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'

STYLES = f"""<w:styles {W}>
  <w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:before="10" w:after="20"/></w:pPr></w:pPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>
    <w:pPr><w:spacing w:after="160"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:outlineLvl w:val="0"/><w:ind w:left="360"/><w:spacing w:before="240"/></w:pPr>
    <w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My Title"/><w:basedOn w:val="Heading1"/>
    <w:pPr><w:outlineLvl w:val="x"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop"/></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="StrongItalic"><w:name w:val="Strong Italic"/><w:basedOn w:val="Strong"/>
    <w:rPr><w:i/></w:rPr></w:style>
</w:styles>"""


def test_a_paragraph_style_takes_role_outline_indent_formats_and_spacing_through_its_chain():
    sheet = StyleSheet(etree.fromstring(STYLES))
    # (key, role, formats, outline, indent, space before, space after)
    assert sheet.paragraph("Heading1") == ("heading1", "chapter", frozenset({"b"}), 0, 360, 240, 160)
    # a style based on a heading is one; an outline level that is no number is passed over
    assert sheet.paragraph("MyTitle") == ("mytitle", "chapter", frozenset({"b", "i"}), 0, 360, 240, 160)
    # no style: Normal's spacing, the defaults where it sets none
    assert sheet.paragraph(None) == ("normal", None, frozenset(), None, None, 10, 160)
    # a style the sheet does not define: its name alone; a loop of basedOn is read once round
    assert sheet.paragraph("Missing") == ("missing", None, frozenset(), None, None, 10, 20)
    assert sheet.paragraph("Loop")[:2] == ("loop", None)
    assert sheet.character("StrongItalic") == ("strongitalic", frozenset({"b", "i"}))
    assert sheet.character("Heading1") is None     # a paragraph style is no character style


def _docx(body: str) -> bytes:
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>',
        "word/styles.xml": STYLES,
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return out.getvalue()


def test_direct_formatting_switches_a_character_style_on_or_off_and_the_paragraph_overrides_its_style():
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:spacing w:after="0"/><w:ind w:left="720" w:hanging="360"/>'
            '</w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="StrongItalic"/><w:b w:val="0"/></w:rPr><w:t>not bold </w:t></w:r>'
            '<w:r><w:rPr><w:b/><w:b w:val="0"/><w:u w:val="none"/><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:t>raised</w:t></w:r>'
            '<w:r><w:rPr><w:u w:val="false"/></w:rPr><w:t> under</w:t></w:r></w:p>')
    rec = parse_docx(_docx(body), "styles.docx").records[0]
    assert [(t.text, set(t.fmt)) for t in rec.tokens] == [
        ("not bold ", {"i"}), ("raised", {"b", "sup"}), (" under", {"u"})]
    assert (rec.role, rec.outline, rec.indent, rec.first_line) == ("chapter", 0, 36.0, -18.0)
    assert (rec.space_before, rec.space_after) == (240, 0)
