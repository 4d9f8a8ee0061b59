"""HTML writer: one self-contained page that looks like a UN document, for preview.

No network: the style sheet is inline and no font, script or image is fetched. The page has the
masthead (symbol on the right, Distr./date/language lines), the title block, headings, numbered
paragraphs and points with their numbers as printed, and the footnotes at the end with links to
and from their references. ``lang`` is set from the document's language and ``dir="rtl"`` for
Arabic. A word longer than its line (a web address in a footnote) breaks where it must, rather
than running past the page's edge, where a print cuts it off. Each unit keeps its AKN eId as ``id`` so that a reviewer can link to a paragraph.
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import E

from drafting.model.akn import doc_element, first, local, paragraphs_of, quoted_documents, text_content, xp
from drafting.model.units import document_language

CSS = """
body { font-family: "Times New Roman", "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", serif;
       font-size: 11pt; line-height: 1.35; max-width: 17cm; margin: 2em auto; padding: 0 1em; color: #000;
       overflow-wrap: break-word; }
.masthead { border-bottom: 2px solid #000; margin-bottom: 1.5em; padding-bottom: .5em; }
.masthead .top { display: flex; justify-content: space-between; align-items: baseline;
                 border-bottom: 1px solid #000; padding-bottom: .3em; }
.masthead .symbol { font-weight: bold; font-size: 16pt; }
.masthead .organ { font-weight: bold; font-size: 14pt; margin: .4em 0; }
.masthead .distr { margin-left: 60%; margin-top: 0; margin-bottom: 0; }
[dir=rtl] .masthead .distr { margin-left: 0; margin-right: 60%; }
.session p { font-weight: bold; margin: .2em 0; }
.title-block { margin: 1.5em 0 1em 2cm; }
.title-block .doctype { font-weight: bold; }
.title-block .title { font-weight: bold; font-size: 16pt; }
h2, h3, h4 { font-size: 11pt; margin: 1.2em 0 .6em 2cm; }
h2 { font-size: 14pt; } h3 { font-size: 12pt; }
h5.cross { font-style: italic; font-weight: normal; margin: 1em 0 .5em 2cm; font-size: 11pt; }
p { margin: 0 0 .6em 2cm; text-align: justify; }
[dir=rtl] p, [dir=rtl] h2, [dir=rtl] h3, [dir=rtl] h4, [dir=rtl] h5 { margin-left: 0; margin-right: 2cm; }
.num { display: inline-block; min-width: 1cm; }
.point { margin-left: 3cm; } .point.d2 { margin-left: 4cm; } .point.d3 { margin-left: 5cm; }
[dir=rtl] .point { margin-left: 0; margin-right: 3cm; } [dir=rtl] .point.d2 { margin-right: 4cm; }
.preamble, .formula { text-indent: 1cm; }
.quote { margin-left: 3cm; margin-right: 2cm; }
table.data { border-collapse: collapse; margin: 0.5em 0 0.5em 2cm; font-size: 90%; }
table.data th, table.data td { border: 1px solid #888; padding: 2px 8px; text-align: left; vertical-align: top; }
.footnotes { border-top: 1px solid #000; margin-top: 2em; font-size: 9.5pt; width: 40%; min-width: 12cm; }
.footnotes p { margin: .3em 0 .3em 0; }
sup.fn a, .footnotes a.back { text-decoration: none; }
"""

HEADINGS = {"chapter": "h2", "section": "h3", "subsection": "h4", "part": "h2", "title": "h2",
            "article": "h3", "hcontainer": "h4", "division": "h3", "attachment": "h2"}
FORMAT = {"i": "i", "b": "b", "u": "u", "sup": "sup", "sub": "sub"}


class _Html:
    def __init__(self) -> None:
        self.notes: list = []   # (n, marker, [p elements])

    def inline(self, src, dst) -> None:
        """Append src's text and inline children to the HTML element dst."""
        _append_text(dst, src.text)
        for child in src:
            name = local(child)
            if name in FORMAT:
                el = etree.SubElement(dst, FORMAT[name])
                self.inline(child, el)
                if name == "sup" and len(el) == 1 and el[0].tag == "sup" and not el.text:
                    # a footnote wrapped in the AKN sup: one superscript is enough
                    inner = el[0]
                    dst.replace(el, inner)
                    el = inner
            elif name == "authorialNote":
                self.notes.append(child)
                n = len(self.notes)
                marker = child.get("marker", str(n))
                sup = etree.SubElement(dst, "sup", {"class": "fn", "id": f"fnref-{n}"})
                etree.SubElement(sup, "a", href=f"#fn-{n}").text = marker
            elif name in ("eol", "br"):
                etree.SubElement(dst, "br")
            elif name:
                span = etree.SubElement(dst, "span", {"class": name if name != "inline" else (child.get("name") or "inline")})
                self.inline(child, span)
            _append_text(dst, child.tail)

    def p(self, src, cls=None, num=None, tag="p", eid=None):
        el = etree.Element(tag)
        if cls:
            el.set("class", cls)
        if eid:
            el.set("id", eid)
        if num:
            _num_span(el, num)
        self.inline(src, el)
        return el

    def table(self, table, eid: str | None):
        html_table = etree.Element("table", {"class": "data"})
        if eid:
            html_table.set("id", eid)
        for tr in xp(table, "a:tr"):
            row = etree.SubElement(html_table, "tr")
            for cell in tr:
                if local(cell) not in ("th", "td"):
                    continue
                html_cell = etree.SubElement(row, local(cell))
                if cell.get("colspan", "1") != "1":
                    html_cell.set("colspan", cell.get("colspan"))
                for i, p in enumerate(xp(cell, "a:p") or [cell]):
                    if i:
                        etree.SubElement(html_cell, "br")
                    self.inline(p, html_cell)
        return html_table

    def unit(self, el, depth: int, out: list) -> None:
        name = local(el)
        num_el = first(el, "a:num")
        num = text_content(num_el).strip() if num_el is not None else None
        eid = el.get("eId")
        if name == "hcontainer" and el.get("name") == "crossHeading":
            h = etree.Element("h5", {"class": "cross"})
            if eid:
                h.set("id", eid)
            if num:
                _num_span(h, num)
            heading = first(el, "a:heading")
            if heading is not None:
                self.inline(heading, h)
            out.append(h)
        elif name in HEADINGS:
            heading = first(el, "a:heading")
            tag = "h2" if name == "attachment" or (name == "hcontainer" and el.get("name") == "annex") \
                else HEADINGS[name]
            h = etree.Element(tag, id=eid) if eid else etree.Element(tag)
            if num:
                _num_span(h, num)
            if heading is not None:
                self.inline(heading, h)
            out.append(h)
            for child in (xp(el, "*/a:mainBody/*") if name == "attachment" else el):
                if local(child) not in ("num", "heading", "subheading"):
                    self.unit(child, depth, out)
        elif name in ("paragraph", "point"):
            cls = "point d%d" % depth if name == "point" else None
            content = first(el, "a:content")
            lst = first(el, "a:list")
            table = first(content, "a:table") if content is not None else None
            if table is not None:
                out.append(self.table(table, eid))
            elif content is not None:
                quote = first(content, "a:blockContainer") is not None
                ps = paragraphs_of(content) or [content]
                for i, p in enumerate(ps):
                    out.append(self.p(p, "quote" if quote else cls, num if i == 0 else None,
                                      eid=eid if i == 0 else None))
            if lst is not None:
                intro = paragraphs_of(first(lst, "a:intro")) if first(lst, "a:intro") is not None else []
                if intro or num:
                    first_p = self.p(intro[0], cls, num, eid=eid) if intro else etree.Element("p", {"class": cls or ""})
                    if not intro and num:
                        _num_span(first_p, num)
                    out.append(first_p)
                    for p in intro[1:]:
                        out.append(self.p(p, cls))
                self.items(lst, depth + 1, out)
            if content is None and lst is None:
                out.append(self.p(el, cls, num, eid=eid))
            for quoted in quoted_documents(el) if name == "paragraph" else []:
                self.quoted(quoted, depth, out)
        elif name == "crossHeading":
            out.append(self.p(el, "cross", tag="h5", eid=eid))
        elif name == "p":
            out.append(self.p(el))
        elif name in ("list", "blockList"):
            self.items(el, depth + 1, out)
        elif name:
            for child in el:
                self.unit(child, depth, out)

    def quoted(self, doc, depth: int, out: list) -> None:
        """A draft quoted whole under a paragraph, set off as a block of its own: its label and
        title, formula, preamble and paragraphs."""
        block = etree.Element("blockquote", {"class": "quoted"})
        if doc.getparent() is not None and doc.getparent().get("eId"):
            block.set("id", doc.getparent().get("eId"))
        for p in xp(doc, "a:preface/a:container/a:p"):
            block.append(self.p(p, "title" if first(p, ".//a:docTitle") is not None else "doctype"))
        for child in xp(doc, "a:preamble/*"):
            cls = "formula" if local(child) == "formula" else "preamble"
            for p in paragraphs_of(child):
                block.append(self.p(p, cls, eid=child.get("eId")))
        inner: list = []
        for main in xp(doc, "a:mainBody"):
            for child in main:
                self.unit(child, depth, inner)
        block.extend(inner)
        out.append(block)

    def items(self, lst, depth, out) -> None:
        for child in lst:
            name = local(child)
            if name in ("point", "item"):
                self.unit(child, depth, out)
            elif name == "crossHeading":
                out.append(self.p(child, "cross", tag="h5", eid=child.get("eId")))
            elif name == "wrapUp":
                for p in paragraphs_of(child):
                    out.append(self.p(p))
            elif name not in ("intro", "num") and name:
                self.unit(child, depth, out)

    def footnotes(self):
        if not self.notes:
            return None
        section = etree.Element("section", {"class": "footnotes"})
        for n, note in enumerate(self.notes, start=1):
            marker = note.get("marker", str(n))
            for i, p in enumerate(_ps_note(note)):
                el = etree.SubElement(section, "p")
                if i == 0:
                    el.set("id", f"fn-{n}")
                    etree.SubElement(el, "a", {"class": "back", "href": f"#fnref-{n}"}).text = marker
                    etree.SubElement(el, "span").text = " "
                self.inline(p, el)
        return section


def _num_span(parent, num: str) -> None:
    """A printed number, then a space outside it: a browser drops the space at the end of an
    inline block, and the page's text (copied, printed, searched) read "VIII.Strengthening"."""
    etree.SubElement(parent, "span", {"class": "num"}).text = num
    _append_text(parent, " ")


def _append_text(el, text) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _ps_note(note) -> list:
    return xp(note, "a:p") or [note]


def write(root, **options) -> bytes:
    doc = doc_element(root)
    lang = document_language(root)
    h = _Html()
    main = E.main()

    cover = first(doc, "a:coverPage")
    symbol = xp(doc, "string(a:coverPage//a:docNumber)").strip()
    if cover is not None:
        box = E.header({"class": "masthead"})
        top = E.div({"class": "top"})
        rows = paragraphs_of(cover)
        organ_rows = [p for p in rows if first(p, ".//a:docAuthority") is not None]
        symbol_rows = [p for p in rows if first(p, ".//a:docNumber") is not None]
        top.append(h.p(organ_rows[0], "organ-un", tag="span") if organ_rows else E.span())
        top.append(h.p(symbol_rows[0], "symbol", tag="span") if symbol_rows else E.span())
        box.append(top)
        for p in rows:
            if organ_rows and p is organ_rows[0] or symbol_rows and p is symbol_rows[0]:
                continue
            cls = "organ" if p in organ_rows else "distr"
            box.append(h.p(p, cls))
        main.append(box)

    preface = first(doc, "a:preface")
    if preface is not None:
        for container in preface:
            cls = {"title": "title-block", "other": "other"}.get(container.get("name"), "session")
            div = E.div({"class": cls})
            for p in paragraphs_of(container):
                pcls = "title" if first(p, ".//a:docTitle") is not None else ("doctype" if cls == "title-block" else None)
                div.append(h.p(p, pcls))
            main.append(div)

    for part in doc:
        name = local(part)
        if name == "preamble":
            for child in part:
                cls = "formula" if local(child) == "formula" else "preamble"
                for p in paragraphs_of(child):
                    main.append(h.p(p, cls, eid=child.get("eId")))
        elif name in ("mainBody", "body", "debateBody", "mainContent"):
            out: list = []
            for child in part:
                h.unit(child, 0, out)
            main.extend(out)
        elif name == "conclusions":
            for p in paragraphs_of(part):
                main.append(h.p(p, "conclusion"))
        elif name == "attachments":
            out = []
            for attachment in xp(part, "a:attachment"):
                h.unit(attachment, 0, out)
            main.extend(out)

    notes = h.footnotes()
    if notes is not None:
        main.append(notes)

    title = xp(doc, "string(a:preface//a:docTitle)").strip() or symbol or "UN document"
    head = E.head(E.meta(charset="utf-8"),
                  E.meta(name="viewport", content="width=device-width, initial-scale=1"),
                  E.title(" ".join(title.split()) + (f" ({symbol})" if symbol and symbol not in title else "")),
                  E.style(CSS))
    attrs = {"lang": lang}
    if lang == "ar":
        attrs["dir"] = "rtl"
    html = E.html(head, E.body(main), **attrs)
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="utf-8")
