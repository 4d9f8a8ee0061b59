"""DOCX writer: an AKN document as a UN-styled Word file, with real Word footnotes.

As pandoc does, everything but the body comes from a reference document (styles, page setup,
headers, footers: ``templates/reference.docx`` or ``--reference-doc``); the body is built fresh
as WordprocessingML with lxml. python-docx has no footnote API, so the writer assembles the
package itself (a zip of XML parts): ``word/document.xml``, ``word/footnotes.xml`` (with the
separator and continuation-separator footnotes), their relationships and content types.

What is kept so that AKN -> DOCX -> AKN is exact (the DOCX reader maps them back):
paragraph and point numbers are printed as text followed by a tab (never Word auto-numbering);
each AKN construct has its own paragraph style (``_ H _Ch_G`` chapter, ``_ Point_2_G`` a point
at depth 2 ...) and each masthead/title part its own character style (``AKN docNumber`` ...);
values that the printed text does not carry (the ISO date, the document kind) are stored as
custom document properties ``drafting.*``.

Reusable API (the compare writer builds Word tracked changes on it)::

    renderer = DocxRenderer(Reference.load(path_or_None), lang="fr")
    renderer.unit(el)          -> w:p        one AKN paragraph/point/heading/crossHeading/
                                             container/formula as ONE Word paragraph (its own
                                             text: nested points are not included)
    renderer.element(el)       -> [w:p]      the element and everything inside it
    renderer.runs(el)          -> [w:r]      the inline content of an AKN element (i, b, sup,
                                             footnote references...), without num
    renderer.paragraph_xml(style_name, runs, num=None) -> w:p
                                             a Word paragraph in a named style; ``num`` is
                                             printed first, followed by a tab
    renderer.unit_style(el)    -> str        the paragraph style name ``unit`` would use
    renderer.footnote_reference(note_el) -> [w:r]  a footnote (body collected for footnotes.xml)
    renderer.plan_footnotes(root)            which footnotes Word numbers itself (call first)
    renderer.body(root)        -> [w:p]      the whole document body in reading order
    package(renderer, body_paragraphs, root) -> bytes   the .docx file

Elements returned are lxml elements in the ``w:`` namespace (``drafting.ooxml.names.W_NS``); a caller may
wrap runs in ``w:ins``/``w:del`` before passing them to ``paragraph_xml``.
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from drafting import locale
from drafting.errors import DraftingError
from drafting.io import parse_xml
from drafting.model.akn import doc_element, first, local, paragraphs_of, q, quoted_documents, text_content, xp
from drafting.locale import code as language_code, lang_of_code
from drafting.model.units import document_language
from drafting.ooxml import footnotes as F
from drafting.ooxml import styles as S
from drafting.ooxml.names import (CT_CUSTOM_PROPS, CT_FOOTNOTES, CUSTOM_PROPS_NS, DC_NS, NSMAP,
                                  REL_CUSTOM_PROPS, REL_FOOTNOTES, REL_IMAGE, VT_NS, w)
from drafting.ooxml.copies import copied
from drafting.ooxml.order import get_or_add, insert_in_order
from drafting.ooxml.package import (DocxPackage, relationship_target, with_content_types,
                                    with_relationship, write_package, xml_bytes)
from drafting.resources import templates_dir
from drafting.regex import lazy_compile

DEFAULT_REFERENCE = templates_dir() / "reference.docx"

FORMAT_TAGS = ("b", "i", "u", "sup", "sub")

# the names every paragraph and run is made of, built once
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _TAB, _BR, _VAL = (
    w(n) for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "tab", "br", "val"))
_PRESERVE = {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
_FOOTNOTE, _ID = w("footnote"), w("id")


def _word_tag(lang: str | None) -> str:
    """The w:lang tag of a language ("fr" -> "fr-FR", from the locale data); English otherwise."""
    return language_code(lang if lang_of_code(lang) == lang else "en", "word")
HIERARCHY = {"chapter": "chapter", "section": "section", "subsection": "subsection",
             "part": "chapter", "title": "chapter", "book": "chapter", "division": "section",
             "article": "section", "hcontainer": "subsection", "clause": "subsection",
             "tome": "chapter", "subpart": "section", "subtitle": "section", "subchapter": "section",
             "subdivision": "subsection", "rule": "subsection", "subclause": "subsection"}
SEMANTIC_ELEMENTS = {"docAuthority", "docNumber", "docDate", "docCommittee", "session",
                     "docType", "docProponent", "docTitle"}


class Reference:
    """The reference package: its zip members and the ids of its styles by name."""

    def __init__(self, members: dict[str, bytes], name: str) -> None:
        self.members = members
        self.name = name
        styles = etree.fromstring(members["word/styles.xml"])
        self.styles_root = styles
        self.style_ids: dict[str, str] = {}
        # style name as the writer asks for it -> id: asked once per paragraph and per styled
        # run, with a few dozen distinct names (the writer's own)
        self._id_of_name: dict[str, str] = {}
        # the paragraphs and runs that renderers on this reference copy (DocxRenderer._templates),
        # never changed once made: a paragraph per style (its name the key), a run per formatting
        # and the few other elements made often (tuples)
        self.templates: dict = {}
        # parts made from this reference's own (styles.xml for a language, settings.xml), the
        # same for every document written with it: made once
        self.parts: dict = {}
        self.emblem_id = None
        self.emblem_part = None
        rels = members.get("word/_rels/document.xml.rels")
        if rels:
            for rel in etree.fromstring(rels):
                target = rel.get("Target", "")
                if rel.get("Type") == REL_IMAGE and target.rpartition("/")[2].startswith("emblem."):
                    self.emblem_id = rel.get("Id")
                    self.emblem_part = "word/" + target.lstrip("/").removeprefix("word/")
        name_tag, style_id = w("name"), w("styleId")
        for style in styles.iterchildren(w("style")):
            name_el = next(style.iterchildren(name_tag), None)     # (quicker than find)
            if name_el is not None:
                self.style_ids[S.style_key(name_el.get(_VAL))] = style.get(style_id)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Reference":
        if path is None:
            return _default_reference()
        return _load_reference(Path(path))

    def with_emblem(self, path: str | Path) -> "Reference":
        """A copy whose emblem slot holds the image at ``path`` (PNG or JPEG, at most 2 MB)."""
        from drafting.io import read_bytes

        data = read_bytes(path, max_bytes=2 * 1024 * 1024)
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
            raise DraftingError(f"{path}: the emblem must be a PNG or JPEG image")
        if not self.emblem_part:
            raise DraftingError(f"{self.name}: the reference document has no emblem slot "
                                f"(an image related as media/emblem.png)")
        members = dict(self.members)
        ext = "png" if data.startswith(b"\x89PNG") else "jpeg"
        part = self.emblem_part.rpartition(".")[0] + "." + ext
        members.pop(self.emblem_part, None)
        members[part] = data
        rels = members["word/_rels/document.xml.rels"]
        old_target = self.emblem_part.removeprefix("word/")
        members["word/_rels/document.xml.rels"] = rels.replace(
            f'Target="{old_target}"'.encode(), f'Target="{part.removeprefix("word/")}"'.encode())
        members["[Content_Types].xml"] = with_content_types(
            members["[Content_Types].xml"], {}, {ext: f"image/{ext}"})
        return Reference(members, self.name)

    def style_id(self, name: str) -> str:
        sid = self._id_of_name.get(name)
        if sid is None:
            sid = self._id_of_name[name] = self._style_id(name)
        return sid

    def _style_id(self, name: str) -> str:
        found = self.style_ids.get(S.style_key(name))
        if found:
            return found
        # A user reference without one of our styles: borrow its definition from ours.
        default = _default_reference()
        if self is default:
            raise KeyError(f"style {name!r} missing from the default reference")
        sid = default.style_id(name)
        self.style_ids[S.style_key(name)] = sid
        for style in default.styles_root.iterchildren(w("style")):
            if style.get(w("styleId")) == sid:
                self.styles_root.append(_copy(style))
                self.parts.clear()           # styles.xml has one more style now
                # the style it is based on comes too, or its look would be lost
                based = style.find(w("basedOn"))
                if based is not None:
                    base_name = default.name_of(based.get(w("val")))
                    if base_name:
                        self.style_id(base_name)
                break
        return sid

    def name_of(self, style_id: str) -> str | None:
        for style in self.styles_root.iterchildren(w("style")):
            if style.get(w("styleId")) == style_id:
                name = style.find(w("name"))
                return name.get(w("val")) if name is not None else None
        return None


def _copy(el):
    return etree.fromstring(etree.tostring(el))


@lru_cache(maxsize=1)
def _default_reference() -> Reference:
    # The toolkit's own reference, shipped with it: its parts are taken as they are, without the
    # checks of a user's reference below (every part parsed twice over: ~3 ms of each command)
    with zipfile.ZipFile(DEFAULT_REFERENCE) as package:
        members = {info.filename: package.read(info) for info in package.infolist() if not info.is_dir()}
    return Reference(members, str(DEFAULT_REFERENCE))


def _load_reference(path: Path) -> Reference:
    from drafting.io import read_bytes

    # The reference is user input like any DOCX: the same zip checks (not a zip, .doc, bombs).
    package = DocxPackage(read_bytes(path), f"{path} (reference document)")
    members = {name: package.read(name) for name in package.names if not name.endswith("/")}
    for part in ("word/document.xml", "word/styles.xml", "[Content_Types].xml",
                 "word/_rels/document.xml.rels", "_rels/.rels"):
        if part not in members:
            raise DraftingError(f"{path}: the reference document has no {part}")
    for name, data in members.items():
        if name.endswith((".xml", ".rels")):
            parse_xml(data, f"{path}:{name}")  # refuses DTDs and entities in every part
    return Reference(members, str(path))


class DocxRenderer:
    """Turns AKN elements into WordprocessingML paragraphs and runs; collects the footnotes."""

    def __init__(self, reference: Reference | None = None, lang: str = "en") -> None:
        self.reference = reference or Reference.load()
        self.lang = lang
        self.rtl = lang == "ar"
        self.east_asian = lang == "zh"
        self.footnotes: list = []          # w:footnote elements, ids from 1
        self.unanchored: list[str] = []    # notes whose reference was lost (marker + text start)
        self.next_auto = 1                 # the number Word will print on the next auto footnote
        self.num_start = 1                 # footnotePr/numStart of the section
        self.auto_notes: set | None = None # planned auto-numbered notes (plan_footnotes)
        self.references: list = []         # (note element, reference run, w:footnote), in render order
        self._in_note = False
        # the elements made by the thousand, copied from one made once (ooxml.copies): kept
        # with the reference, whose style ids they hold, for every renderer on it
        self._templates = self.reference.templates

    # -- paragraphs --------------------------------------------------------------------------

    def paragraph_xml(self, style_name: str, runs, num: str | None = None, inferred: bool = False):
        p = copied(self._templates, style_name, lambda: self._paragraph_template(style_name))
        if num:
            p.append(self.run(num, (), S.semantic_style("inferredNumber") if inferred else None))
            p.append(self.tab_run())
        p.extend(runs)
        if self.rtl:
            # right-to-left unless the paragraph is all Latin (the English masthead lines)
            text = "".join(t.text or "" for t in p.iter(_T))
            if _RTL_CHARS.search(text) or not _LTR_CHARS.search(text):
                get_or_add(p[0], "bidi")
        return p

    def _paragraph_template(self, style_name: str):
        p = etree.Element(_P, nsmap=NSMAP)
        etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE, {_VAL: self.reference.style_id(style_name)})
        return p

    def unit_style(self, el, depth: int | None = None) -> str:
        name = local(el)
        if name == "paragraph":          # most units: the depth is not asked
            if el.find(_QUOTE_BLOCK) is not None:
                return S.QUOTE
            return S.OPERATIVE if _num(el) and _in_resolution(el) else S.TEXT
        if name == "hcontainer" and el.get("name") == "crossHeading":
            return S.CROSS_HEADING   # a cross-heading at the top of mainBody
        if name == "attachment" or (name == "hcontainer" and el.get("name") == "annex"):
            return S.ANNEX
        if name in HIERARCHY:
            return S.HEADING_STYLE[HIERARCHY[name]]
        if depth is None and name in ("crossHeading", "point"):
            depth = self._list_depth(el)
        if name == "crossHeading":
            return S.list_heading_style(depth) if depth else S.CROSS_HEADING
        if name == "point":
            return S.point_style(depth)
        if name == "formula":
            return S.FORMULA
        if name == "container":
            return S.PREAMBLE
        return S.TEXT

    @staticmethod
    def _list_depth(el) -> int:
        depth, parent = 0, el.getparent()
        while parent is not None:
            if local(parent) == "list":
                depth += 1
            parent = parent.getparent()
        return depth

    def unit(self, el, depth: int | None = None):
        """One unit as one Word paragraph: num, tab, own text (intro for a paragraph with points)."""
        name = local(el)
        style = self.unit_style(el, depth)
        num = _num(el)
        if name in HIERARCHY or name == "attachment":
            heading = first(el, "a:heading")
            return self.paragraph_xml(style, self.runs(heading) if heading is not None else [], num,
                                      _num_inferred(el))
        if name in ("crossHeading",):
            return self.paragraph_xml(style, self.runs(el))
        runs = []
        for p in _own_ps(el):
            if runs:
                runs.append(self.run(" "))
            runs.extend(self.runs(p))
        return self.paragraph_xml(style, runs, num, _num_inferred(el))

    def element(self, el, depth: int = 0) -> list:
        """The element and everything inside it, in reading order."""
        name = local(el)
        out: list = []
        if name in HIERARCHY:
            if first(el, "a:heading") is not None or _num(el):
                out.append(self.unit(el, depth))
            for child in el:
                if local(child) not in ("num", "heading", "subheading"):
                    out.extend(self.element(child, depth))
        elif name == "attachment":   # an annex: its label and title, then its own body
            out.append(self.unit(el, depth))
            for main in xp(el, "*/a:mainBody"):
                out.extend(self.element(main, depth))
        elif name == "paragraph" and first(el, "a:content/a:table") is not None:
            out.append(self.table_xml(first(el, "a:content/a:table")))
        elif name in ("paragraph", "point"):
            lst = first(el, "a:list")
            content = first(el, "a:content")
            if lst is None:
                out.append(self.unit(el, depth))
                if content is None:
                    for child in el:
                        if local(child) not in ("num", "heading"):
                            out.extend(self.element(child, depth))
            else:
                out.append(self.unit(el, depth))
                out.extend(self._list_items(lst, depth + 1))
            for quoted in quoted_documents(el) if name == "paragraph" else []:
                out.extend(self.quoted(quoted))
        elif name == "crossHeading":
            out.append(self.unit(el, depth))
        elif name in ("list", "blockList"):
            out.extend(self._list_items(el, depth + 1))
        elif name == "p":
            out.append(self.paragraph_xml(S.TEXT, self.runs(el)))
        elif name in ("num", "heading", "subheading", "intro", "meta"):
            pass
        elif isinstance(el.tag, str):
            for child in el:
                out.extend(self.element(child, depth))
        return out

    def table_xml(self, table):
        """An AKN table as a Word table: a grid with borders, header rows repeated on each page."""
        rows = xp(table, "a:tr")
        columns = max((sum(_span(c) for c in tr if local(c) in ("th", "td")) for tr in rows), default=1)
        tbl = etree.Element(w("tbl"), nsmap=NSMAP)
        props = etree.SubElement(tbl, w("tblPr"))
        etree.SubElement(props, w("tblW"), {w("w"): "0", w("type"): "auto"})
        borders = etree.SubElement(props, w("tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            etree.SubElement(borders, w(side), {w("val"): "single", w("sz"): "4", w("space"): "0",
                                                w("color"): "auto"})
        grid = etree.SubElement(tbl, w("tblGrid"))
        for _ in range(columns):
            etree.SubElement(grid, w("gridCol"), {w("w"): str(9000 // columns)})
        for tr in rows:
            row = etree.SubElement(tbl, w("tr"))
            cells = [c for c in tr if local(c) in ("th", "td")]
            if cells and all(local(c) == "th" for c in cells):
                etree.SubElement(etree.SubElement(row, w("trPr")), w("tblHeader"))
            for cell in cells:
                tc = etree.SubElement(row, w("tc"))
                if _span(cell) > 1:       # a head over several columns: one cell across them
                    etree.SubElement(etree.SubElement(tc, w("tcPr")), w("gridSpan"), {w("val"): str(_span(cell))})
                paras = xp(cell, "a:p") or [cell]
                for p in paras:
                    tc.append(self.paragraph_xml(S.TABLE_TEXT, self.runs(p)))
        return tbl

    def _list_items(self, lst, depth: int) -> list:
        out = []
        for child in lst:
            name = local(child)
            if name in ("point", "item"):
                out.extend(self.element(child, depth))
            elif name == "crossHeading":
                out.append(self.unit(child, depth))
            elif name == "wrapUp":
                for p in paragraphs_of(child):
                    out.append(self.paragraph_xml(S.WRAP_UP, self.runs(p)))
            elif name in ("intro", "num"):
                continue
            else:
                out.extend(self.element(child, depth))
        return out

    # -- runs ----------------------------------------------------------------------------

    def run(self, text: str, fmt=(), char_style: str | None = None):
        if self.rtl:
            # In an Arabic document a run of Latin text (the English masthead date, a symbol) is
            # not right-to-left: marking it w:rtl would print "15 October 2008" as "October 2008 15".
            rtl = bool(_RTL_CHARS.search(text)) or not _LTR_CHARS.search(text)
        else:
            rtl = False
        if not text.isprintable():       # (a quicker scan than the pattern's; most runs pass)
            text = _CONTROL.sub("", text)
        if not text or "\n" in text or "\t" in text:
            r = self._new_run(fmt, char_style, rtl, None)
            _add_text(r, text)
            return r
        # most runs: one w:t, copied with the run
        r = self._new_run(fmt, char_style, rtl, text[0].isspace() or text[-1].isspace())
        r[-1].text = text
        return r

    def _new_run(self, fmt, char_style: str | None, rtl: bool, preserve: bool | None, inner: str | None = None):
        """A run with these properties, holding one empty w:t (``preserve``: that keeps its
        spaces), an empty ``w:inner`` (a tab, a note's reference) or nothing (both None)."""
        key = (frozenset(fmt), char_style, rtl, preserve, inner, self.east_asian)
        return copied(self._templates, key, lambda: self._run_template(fmt, char_style, rtl, preserve, inner))

    def _run_template(self, fmt, char_style: str | None, rtl: bool, preserve: bool | None, inner: str | None):
        r = etree.Element(_R, nsmap=NSMAP)
        rpr = self.run_properties(fmt, char_style, rtl)
        if rpr is not None:
            r.append(rpr)
        if preserve is not None:
            etree.SubElement(r, _T, _PRESERVE if preserve else None)
        if inner is not None:
            etree.SubElement(r, w(inner))
        return r

    def tab_run(self):
        return self._new_run((), None, self.rtl, None, "tab")

    def run_properties(self, fmt, char_style, rtl: bool | None = None):
        rtl = self.rtl if rtl is None else rtl
        if not fmt and not char_style and not rtl and not self.east_asian:
            return None
        rpr = etree.Element(_RPR)
        if char_style:
            etree.SubElement(rpr, _RSTYLE, {_VAL: self.reference.style_id(char_style)})
        if self.east_asian:
            etree.SubElement(rpr, w("rFonts"), {w("hint"): "eastAsia"})
        if "b" in fmt:
            etree.SubElement(rpr, w("b"))
            if rtl:
                etree.SubElement(rpr, w("bCs"))
        if "i" in fmt:
            etree.SubElement(rpr, w("i"))
            if rtl:
                etree.SubElement(rpr, w("iCs"))
        if "u" in fmt:
            etree.SubElement(rpr, w("u"), {_VAL: "single"})
        if "sup" in fmt or "sub" in fmt:
            etree.SubElement(rpr, w("vertAlign"), {_VAL: "superscript" if "sup" in fmt else "subscript"})
        if rtl:
            etree.SubElement(rpr, w("rtl"))
        return rpr

    def runs(self, el, fmt: frozenset = frozenset(), char_style: str | None = None) -> list:
        out: list = []
        self._runs_into(el, fmt, char_style, out)
        return out

    def _runs_into(self, el, fmt, char_style, out) -> None:
        if el.text:
            out.append(self.run(el.text, fmt, char_style))
        for child in el:
            name = local(child)
            if name in FORMAT_TAGS:
                self._runs_into(child, fmt | {name}, char_style, out)
            elif name == "authorialNote":
                out.extend(self.footnote_reference(child))
            elif name in SEMANTIC_ELEMENTS:
                self._runs_into(child, fmt, S.semantic_style(name), out)
            elif name == "inline" and child.get("name") in S.SEMANTIC_INLINES:
                self._runs_into(child, fmt, S.semantic_style(child.get("name")), out)
            elif name in ("eol", "br"):
                r = etree.Element(w("r"), nsmap=NSMAP)
                etree.SubElement(r, w("br"))
                out.append(r)
            elif name:
                self._runs_into(child, fmt, char_style, out)
            if child.tail:
                out.append(self.run(child.tail, fmt, char_style))

    # -- footnotes -----------------------------------------------------------------------

    def footnote_reference(self, note) -> list:
        """The reference runs in the text; the footnote itself goes to footnotes.xml.

        A marker that is the next number Word would print is an auto-numbered footnote; any
        other marker (``*``, a number out of sequence) is a custom mark, printed as text after
        ``w:footnoteReference w:customMarkFollows="1"``, so that the reader finds it again.
        """
        marker = note.get("marker") or ""
        if self._in_note:  # Word has no footnotes inside footnotes: keep the marker as text
            return [self.run(marker, {"sup"})]
        fid = len(self.footnotes) + 1
        if self.auto_notes is not None:
            auto = note in self.auto_notes
        else:
            auto = marker == str(self.next_auto)

        if auto:
            r = self._new_run((), S.FOOTNOTE_REFERENCE, self.rtl, None, "footnoteReference")
            ref = r[-1]
            self.next_auto += 1
        else:
            r = self._new_run((), S.FOOTNOTE_REFERENCE, self.rtl, None)
            ref = etree.SubElement(r, w("footnoteReference"))
            ref.set(w("customMarkFollows"), "1")
            # one w:t per character: Word reads the run's text as the mark either way, and
            # LibreOffice takes only a text's first character as the mark (it prints the
            # rest again after the reference)
            for char in _CONTROL.sub("", marker):
                etree.SubElement(r, w("t")).text = char
        ref.set(w("id"), str(fid))
        if note.get("refersTo") == "#unanchored":
            text = " ".join(text_content(p, skip_notes=True) for p in (xp(note, "a:p") or [note]))
            self.unanchored.append(F.unanchored_key(marker, text))

        footnote = copied(self._templates, ("footnote",), lambda: etree.Element(_FOOTNOTE, nsmap=NSMAP))
        footnote.set(_ID, str(fid))
        self.footnotes.append(footnote)  # reserve the id before nested content is rendered
        self.references.append((note, r, footnote))
        self._in_note = True
        try:
            paras = xp(note, "a:p") or [note]
            for i, p in enumerate(paras):
                runs = []
                if i == 0:
                    if auto:
                        mark = self._new_run((), S.FOOTNOTE_REFERENCE, self.rtl, None, "footnoteRef")
                    else:
                        mark = self._new_run((), S.FOOTNOTE_REFERENCE, self.rtl, None)
                        _add_text(mark, marker)
                    runs = [mark, self.tab_run()]
                runs.extend(self.runs(p))
                footnote.append(self.paragraph_xml(S.FOOTNOTE_TEXT, runs))
        finally:
            self._in_note = False
        return [r]

    def plan_footnotes(self, root) -> None:
        """Choose which footnotes Word numbers itself: the longest run n, n+1, n+2 ... of
        markers in reading order (the section's numbering starts at n); the others get
        custom marks. A source whose footnotes are out of order (a lost reference) then
        keeps auto-numbering for all but the odd ones."""
        notes = [n for n in doc_element(root).iter(_NOTE) if next(n.iterancestors(_NOTE), None) is None]
        markers = [n.get("marker") or "" for n in notes]
        best: list = []
        best_start = 1
        # a footnote number has a few digits; a longer mark (foreign AKN) is shown as printed
        starts = sorted({int(m) for m in markers if m.isdigit() and len(m) <= 6 and not m.startswith("0")})
        first_at = {m: k for k, m in reversed(list(enumerate(markers)))}
        passed: set[int] = set()
        for start in starts:
            if start in passed:
                # an earlier chain took this number where it first stands: this start's chain is
                # the rest of that one, shorter (the usual 1, 2, 3 ...: one chain, not n)
                continue
            chain = _chain(markers, start)
            passed.update(start + k for k, at in enumerate(chain) if first_at[markers[at]] == at)
            if len(chain) > len(best):
                best, best_start = chain, start
        best = [notes[k] for k in best]
        self.auto_notes = set(best)
        self.num_start = self.next_auto = best_start

    def footnotes_xml(self) -> bytes:
        # the separator notes
        root = copied(self._templates, ("footnotes",), lambda: F.footnotes_root(SEPARATOR_INDENT, FOOTNOTE_RULE))
        root.extend(self.footnotes)
        return xml_bytes(root)

    # -- front matter and whole body ------------------------------------------------------

    def masthead(self, cover) -> list:
        """The UN masthead: "United Nations" and the symbol over a thin rule; the emblem, the
        organ and the Distr. line; the date and Original lines under Distr.; a thick rule. The
        job number goes to the foot of page 1 (the first-page footer), not the body."""
        rows = paragraphs_of(cover)
        kinds = [_row_kind(p) for p in rows]
        organs = [p for p, k in zip(rows, kinds) if k == "organ"]
        symbol = next((p for p, k in zip(rows, kinds) if k == "symbol"), None)
        distr = [p for p, k in zip(rows, kinds) if k == "distr"]
        out = []
        top = [self.tab_run()]
        if organs and _is_united_nations(organs[0]):
            top += self.runs(organs.pop(0))
        else:
            top.append(self.run(locale.united_nations(locale.masthead_lang(self.lang))))
        if symbol is not None:
            top += [self.tab_run()] + self.symbol_runs(symbol)
        out.append(self.paragraph_xml(S.MASTHEAD_TOP, top))
        organ_runs = self.emblem_runs() + [self.tab_run()]
        organ = organs.pop(0) if organs else None
        long_organ = organ is not None and _long_organ(text_content(organ))
        if organ is not None:
            organ_runs += self.runs(organ)
        if long_organ:
            # a long name ("Conference of the Parties to ...") wraps in 14 pt before the Distr.
            # column, and Distr. takes its own line
            for r in organ_runs[2:]:
                get_or_add(get_or_add(r, "rPr"), "sz", val="28")
        elif distr and first(distr[0], ".//a:inline[@name='distribution']") is not None:
            # "Distr.: Limited" stands on the organ's line, in the text's size and weight
            small = self.runs(distr.pop(0))
            for r in small:
                rpr = get_or_add(r, "rPr")
                get_or_add(rpr, "b", val="0")
                get_or_add(rpr, "sz", val="20")
            organ_runs += [self.tab_run()] + small
        organ_p = self.paragraph_xml(S.MASTHEAD_ORGAN, organ_runs)
        if long_organ:
            get_or_add(organ_p.find(w("pPr")), "ind", right=str(ORGAN_RIGHT_INDENT))
        out.append(organ_p)
        for p in organs:
            out.append(self.paragraph_xml(S.MASTHEAD_ORGAN, [self.tab_run()] + self.runs(p)))
        for p in distr:
            out.append(self.paragraph_xml(S.MASTHEAD_DISTR, self.runs(p)))
        out.append(self.paragraph_xml(S.MASTHEAD_RULE, []))
        return out

    def symbol_runs(self, row) -> list:
        """The symbol's row, its first series letter(s) printed large (``A``/C.1/80/L.41)."""
        runs = self.runs(row)
        number = first(row, ".//a:docNumber")
        text = text_content(number) if number is not None else ""
        series = re.match(r"[A-Z]{1,8}(?=/)", text)
        if not series:
            return runs
        for i, r in enumerate(runs):
            t = r.find(w("t"))
            if t is not None and t.text and t.text.startswith(series.group()):
                big = _copy(r)
                big.find(w("t")).text = series.group()
                get_or_add(get_or_add(big, "rPr"), "sz", val="40")
                t.text = t.text[len(series.group()):]
                runs.insert(i, big)
                break
        return runs

    def emblem_runs(self) -> list:
        """The emblem slot, anchored at the margin beside the organ; none if the reference
        document has no emblem image."""
        rid = self.reference.emblem_id
        if not rid:
            return []
        return [copied(self._templates, ("emblem",), lambda: etree.fromstring(_EMBLEM_XML.format(rid=rid)))]

    def preface(self, preface) -> list:
        out = []
        rows = paragraphs_of(preface)
        if _assembly_document(preface):
            rows = _session_first(rows)
        for p in rows:
            container = p.getparent()
            in_title = local(container) == "container" and container.get("name") == "title"
            if in_title and first(p, ".//a:docTitle | .//a:docNumber") is not None:
                # an adopted resolution's number opens its title line ("80/239. Financing of ...")
                style = S.RESOLUTION_TITLE if _in_resolution_kind(preface) else S.TITLE
            elif in_title and first(p, ".//a:docType") is not None:
                style = S.ADOPTED_TYPE if _adopted(preface) else S.DOC_TYPE
            elif in_title:
                # a line of the title block printed as it is ("[on the report of the Fifth
                # Committee ...]"): read back as such, the builder puts it back in its place
                style = S.PREFACE_OTHER
            elif local(container) == "container" and container.get("name") == "other":
                style = S.PREFACE_OTHER
            elif first(p, ".//a:docCommittee") is not None:
                style = S.SESSION_BODY
            elif first(p, ".//a:inline[@name='agendaItem']") is not None:
                style = S.AGENDA_ITEM
            elif first(p, ".//a:inline[@name='agendaItemTitle']") is not None:
                style = S.AGENDA_TITLE
            elif first(p, ".//a:session") is not None:
                style = S.SESSION_INFO
            else:
                style = S.SESSION_PLACE
            number = first(p, "a:docNumber") if in_title else None
            # (a number line alone, "Resolution 2719 (2023)", stands in the text column)
            if number is not None and not (number.tail or "").strip() and first(p, "a:docTitle") is not None:
                out.append(self.numbered_title(style, p, number))
            else:
                out.append(self.paragraph_xml(style, self.runs(p)))
        return out

    def numbered_title(self, style: str, row, number):
        """An adopted resolution's title line as the UN prints it: its number at the margin and
        the title at the block's indent after a tab ("80/239.<tab>Financing of ...")."""
        row = _copy(row)
        first(row, "a:docNumber").tail = "\t"
        para = self.paragraph_xml(style, self.runs(row))
        indent = get_or_add(para.find(w("pPr")), "ind")
        indent.set(w("left"), str(TITLE_INDENT))
        indent.set(w("hanging"), str(TITLE_INDENT))
        return para

    def preamble(self, preamble) -> list:
        out = []
        for child in preamble:
            name = local(child)
            style = S.FORMULA if name == "formula" else S.PREAMBLE
            for p in xp(child, "a:p") if name else []:
                out.append(self.paragraph_xml(style, self.runs(p)))
            for lst in xp(child, "a:blockList") if name else []:
                out.extend(self.block_list(lst, 1))
        return out

    def block_list(self, lst, depth: int) -> list:
        """The points (a), (b) of a preambular paragraph, as the points of an operative one."""
        out = []
        for item in xp(lst, "a:item"):
            runs: list = []
            for p in xp(item, "a:p"):
                if runs:
                    runs.append(self.run(" "))
                runs.extend(self.runs(p))
            out.append(self.paragraph_xml(S.point_style(depth), runs, _num(item)))
            for sub in xp(item, "a:blockList"):
                out.extend(self.block_list(sub, depth + 1))
        return out

    def quoted(self, doc) -> list:
        """A draft quoted whole under a paragraph: its label and title as a title, its formula,
        preamble and paragraphs in the styles of a resolution."""
        out = []
        for p in xp(doc, "a:preface/a:container/a:p"):
            # its label and title are headings over its text, not the report's own title block
            out.append(self.paragraph_xml(S.CROSS_HEADING, self.runs(p)))
        for part in doc:
            if local(part) == "preamble":
                out.extend(self.preamble(part))
            elif local(part) == "mainBody":
                out.extend(self.element(part))
        return out

    def body(self, root) -> list:
        doc = doc_element(root)
        out: list = []
        for part in doc:
            name = local(part)
            if name in ("meta", "") or not name:
                continue
            if name == "coverPage":
                out.extend(self.masthead(part))
            elif name == "preface":
                out.extend(self.preface(part))
            elif name == "preamble":
                out.extend(self.preamble(part))
            elif name == "conclusions":
                for p in paragraphs_of(part):
                    out.append(self.paragraph_xml(S.CONCLUSION, self.runs(p)))
            else:  # mainBody, body, debateBody, attachments...
                out.extend(self.element(part))
        return out


TITLE_INDENT = 1247      # twips: the title block's indent (2.2 cm), where a resolution's number hangs
SEPARATOR_INDENT = 794   # twips: the footnote rule starts 1.4 cm in, as on the UN's pages
FOOTNOTE_RULE = "_" * 18   # the UN's footnote rule is text: 18 underscores in bold 9 pt
RESOLUTION_KINDS = {"resolution", "resolutionDraft", "decision", "decisionDraft"}


def _adopted(el) -> bool:
    """An adopted resolution or decision (not a draft): its document line is printed larger."""
    doc = el.getparent()
    return doc is not None and (doc.get("name") or local(doc)) in ("resolution", "decision")


def _in_resolution_kind(el) -> bool:
    doc = el.getparent()
    return doc is not None and (doc.get("name") in RESOLUTION_KINDS or local(doc) in RESOLUTION_KINDS)


def _in_resolution(el) -> bool:
    """An operative paragraph of a resolution or decision (its mainBody, not an annex)."""
    parent = el.getparent()
    while parent is not None and local(parent) not in ("mainBody", "attachment", "hcontainer"):
        parent = parent.getparent()
    if parent is None or local(parent) != "mainBody":
        return False
    doc = parent.getparent()
    return doc is not None and (doc.get("name") in RESOLUTION_KINDS or local(doc) in RESOLUTION_KINDS)


# child paths asked of every unit: ElementPath (cached) rather than an XPath evaluation each time
_NUM, _QUOTE_BLOCK = q("num"), f"{q('content')}/{q('blockContainer')}"
_NOTE = q("authorialNote")


def _chain(markers: list[str], start: int) -> list[int]:
    """The positions of the markers start, start + 1, start + 2 ... taken in reading order
    (each the first one after the one before)."""
    out: list[int] = []
    expected, at = start, 0
    while True:
        try:                             # list.index looks ahead in C, not a Python loop per note
            at = markers.index(str(expected), at)
        except ValueError:
            return out
        out.append(at)
        expected += 1
        at += 1


def _num_inferred(el) -> bool:
    num = el.find(_NUM)
    return num is not None and num.get("refersTo") == "#inferredNumber"


def _num(el) -> str | None:
    num = el.find(_NUM)
    if num is None:
        return None
    # (a number is nearly always one string: its text, without walking it)
    text = text_content(num).strip() if len(num) else (num.text or "").strip()
    return text or None


def _own_ps(el) -> list:
    """The p elements that make a unit's own text: content, or the intro of its list."""
    name = local(el)
    if name in ("container", "formula"):
        return paragraphs_of(el)
    content = first(el, "a:content")
    if content is not None:
        return paragraphs_of(content)
    lst = first(el, "a:list")
    if lst is not None:
        return paragraphs_of(first(lst, "a:intro")) if first(lst, "a:intro") is not None else []
    return []


def _assembly_document(el) -> bool:
    doc = el.getparent()
    return any(locale.is_general_assembly(" ".join(text_content(a).split()))
               for a in xp(doc, "a:coverPage//a:docAuthority")) if doc is not None else False


ORGAN_RIGHT_INDENT = 2950   # twips: a long organ name stops short of the Distr. column (11.9 cm)


def _long_organ(text: str) -> bool:
    """An organ's name too long for the masthead's middle column at 20 pt."""
    text = " ".join(text.split())
    wide = sum(1 for c in text if "\u2e80" <= c <= "\u9fff")
    return len(text) + wide > 30


def _session_first(rows: list) -> list:
    """The session line above the committee's name, as the General Assembly prints them
    ("Eightieth session" / "First Committee")."""
    rows = list(rows)
    for i in range(len(rows) - 1):
        if first(rows[i], ".//a:docCommittee") is not None and first(rows[i + 1], ".//a:session") is not None:
            rows[i], rows[i + 1] = rows[i + 1], rows[i]
            break
    return rows


def _is_united_nations(row) -> bool:
    text = " ".join(text_content(row).split())
    return any(text == locale.united_nations(lang) for lang in locale.languages())


# The emblem: a picture anchored at the page margin, level with the organ line (1.98 x 1.66 cm,
# the printed size), in front of no text.
_EMBLEM_XML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
    'locked="1" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="712800" cy="597600"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="1" name="Emblem" descr="Emblem"/>'
    '<wp:cNvGraphicFramePr/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:nvPicPr><pic:cNvPr id="1" name="emblem"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="712800" cy="597600"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def _row_kind(p) -> str:
    if first(p, ".//a:docNumber") is not None:
        return "symbol"
    if first(p, ".//a:docAuthority") is not None:
        return "organ"
    if first(p, ".//a:inline[@name='jobNumber']") is not None:
        return "job"
    return "distr"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_RTL_CHARS = lazy_compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# asked only of right-to-left documents: compiled on first use (its wide class costs ~1.5 ms)
_LTR_CHARS = lazy_compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u9fff]")


def _add_text(r, text: str) -> None:
    """Text into a run: tabs and line breaks become w:tab and w:br, as Word writes them."""
    text = _CONTROL.sub("", text)
    if "\n" not in text and "\t" not in text:      # most runs: one w:t
        if text:
            _add_t(r, text)
        return
    for i, line in enumerate(text.split("\n")):
        if i:
            etree.SubElement(r, _BR)
        for j, piece in enumerate(line.split("\t")):
            if j:
                etree.SubElement(r, _TAB)
            if piece:
                _add_t(r, piece)


def _add_t(r, piece: str) -> None:
    if piece[0].isspace() or piece[-1].isspace():
        etree.SubElement(r, _T, _PRESERVE).text = piece
    else:
        etree.SubElement(r, _T).text = piece


# -- the package -------------------------------------------------------------------------


def document_facts(root) -> dict[str, str]:
    """Values the printed text does not carry, stored as custom properties ``drafting.*``."""
    doc = doc_element(root)
    facts = {"kind": doc.get("name") or local(doc)}
    lang = xp(doc, "string(a:meta//a:FRBRExpression/a:FRBRlanguage/@language)")
    if lang:
        facts["lang"] = lang_of_code(lang) or lang
    date = first(doc, "a:coverPage//a:docDate")
    if date is not None and date.get("date"):
        facts["date"] = date.get("date")
        facts["dateText"] = re.sub(r"\s+", " ", text_content(date)).strip()
    distr = first(doc, "a:coverPage//a:inline[@name='distribution']")
    if distr is not None and (distr.get("refersTo") or "").startswith("#distribution"):
        facts["distribution"] = distr.get("refersTo")[len("#distribution"):].lower()
    work_date = first(doc, "a:meta/a:identification/a:FRBRWork/a:FRBRdate")
    if work_date is not None and work_date.get("name") == "inferred":
        facts["inferredDate"] = work_date.get("date")
    job = first(doc, "a:coverPage//a:inline[@name='jobNumber']")
    if job is not None:
        facts["jobNumber"] = re.sub(r"\s+", " ", text_content(job)).strip()
    session = first(doc, "a:preface//a:session")
    if session is not None and session.get("value"):
        facts["session"] = session.get("value")
        facts["sessionText"] = re.sub(r"\s+", " ", text_content(session)).strip()
    return facts


def _custom_properties(facts: dict[str, str]) -> bytes:
    ns, vt = CUSTOM_PROPS_NS, VT_NS
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": vt})
    for pid, (key, value) in enumerate(sorted(facts.items()), start=2):
        prop = etree.SubElement(root, f"{{{ns}}}property",
                                fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid),
                                name=S.PROPERTY_PREFIX + key)
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _document_xml(reference: Reference, body_paragraphs, num_start: int = 1,
                  bidi: bool = False) -> bytes:
    template = etree.fromstring(reference.members["word/document.xml"])
    body = template.find(w("body"))
    sect = body.find(w("sectPr"))
    for child in list(body):
        body.remove(child)
    body.extend(body_paragraphs)
    if sect is None:
        sect = etree.Element(w("sectPr"))
    if num_start != 1:
        F.set_first_number(sect, num_start)
    if bidi:
        # a right-to-left section: footnote separator and page layout mirror too
        get_or_add(sect, "bidi")
    body.append(sect)
    return xml_bytes(template)


def _styles_xml(reference: Reference, lang: str) -> bytes:
    key = ("word/styles.xml", _word_tag(lang), lang == "zh", lang == "ar")
    part = reference.parts.get(key)
    if part is None:
        part = reference.parts[key] = _styles_xml_for(reference, lang)
    return part


def _styles_xml_for(reference: Reference, lang: str) -> bytes:
    styles = reference.styles_root
    lang_el = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if lang_el is not None:
        tag = _word_tag(lang)
        styles = copy.deepcopy(styles)    # (a copy in memory: no serialising and parsing again)
        target = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        target.set(w("val"), tag)
        if lang == "zh":
            target.set(w("eastAsia"), tag)
        if lang == "ar":
            target.set(w("bidi"), tag)
    return etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)


def _settings_xml(reference: Reference) -> bytes:
    part = reference.parts.get("word/settings.xml")
    if part is None:
        settings_xml = reference.members["word/settings.xml"]
        settings = etree.fromstring(settings_xml)
        part = xml_bytes(settings) if F.name_separators(settings) else settings_xml
        reference.parts["word/settings.xml"] = part
    return part


def _fill_placeholders(xml: bytes, values: dict[str, str]) -> bytes:
    for key, value in values.items():
        xml = xml.replace(b"{" + key.encode() + b"}", _xml_text(value).encode("utf-8"))
    return xml


def _xml_text(value: str) -> str:
    """``value`` as XML character data (what ``html.escape(value, quote=False)`` gives, without
    importing the HTML entity tables into every command that writes Word)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def package(renderer: DocxRenderer, body_paragraphs, root) -> bytes:
    """The .docx bytes: the reference's parts, this body, the footnotes and the facts."""
    ref = renderer.reference
    members = dict(ref.members)
    members["word/document.xml"] = _document_xml(ref, body_paragraphs, renderer.num_start,
                                                 renderer.rtl)
    members["word/styles.xml"] = _styles_xml(ref, renderer.lang)

    doc_rels = members["word/_rels/document.xml.rels"]
    doc_rels, _ = with_relationship(doc_rels, REL_FOOTNOTES, "footnotes.xml")
    target = relationship_target(doc_rels, REL_FOOTNOTES).lstrip("/")
    footnotes_part = target if target.startswith("word/") else "word/" + target
    members["word/_rels/document.xml.rels"] = doc_rels
    members[footnotes_part] = renderer.footnotes_xml()
    if "word/settings.xml" in members:
        members["word/settings.xml"] = _settings_xml(ref)

    facts = document_facts(root)
    if renderer.unanchored:
        facts["unanchored"] = json.dumps(renderer.unanchored, ensure_ascii=False)
    members["docProps/custom.xml"] = _custom_properties(facts)
    members["_rels/.rels"], _ = with_relationship(members["_rels/.rels"], REL_CUSTOM_PROPS,
                                                  "docProps/custom.xml")
    members["[Content_Types].xml"] = with_content_types(members["[Content_Types].xml"], {
        "/" + footnotes_part: CT_FOOTNOTES,
        "/docProps/custom.xml": CT_CUSTOM_PROPS,
    })

    if "docProps/core.xml" in members:
        members["docProps/core.xml"] = _core_xml(members["docProps/core.xml"], root)
    mast = {k: v for k, v in _masthead_values(root).items()}
    for name in list(members):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            members[name] = _fill_placeholders(members[name], mast)

    return write_package(members)


def _core_xml(core_xml: bytes, root) -> bytes:
    """Title, subject and language of the file (what Word shows in File > Info)."""
    core = etree.fromstring(core_xml)
    dc = DC_NS
    doc = doc_element(root)
    title = " ".join(xp(doc, "string(a:preface//a:docTitle)").split())
    symbol = _masthead_values(root)["symbol"]
    values = {"title": title or symbol or "", "subject": symbol or "",
              "language": _word_tag(document_language(root)),
              "description": "Exported by drafting from Akoma Ntoso"}
    for name, value in values.items():
        el = core.find(f"{{{dc}}}{name}")
        if el is None:
            el = etree.SubElement(core, f"{{{dc}}}{name}")
        el.text = value
    return etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)


def _masthead_values(root) -> dict[str, str]:
    doc = doc_element(root)

    def s(path):
        return re.sub(r"\s+", " ", xp(doc, f"string({path})")).strip()

    symbol = s("a:coverPage//a:docNumber") or s("a:meta//a:FRBRalias[@name='symbol']/@value")
    return {"symbol": symbol, "job_number": s("a:coverPage//a:inline[@name='jobNumber']")}


def write(root, reference_doc: str | Path | None = None, emblem: str | Path | None = None,
          **options) -> bytes:
    """The AKN tree ``root`` as the bytes of a .docx file; ``emblem``: an image file (PNG or
    JPEG) for the emblem slot of the reference document."""
    lang = options.get("lang") or document_language(root)
    reference = Reference.load(reference_doc)
    if emblem is not None:
        reference = reference.with_emblem(emblem)
    renderer = DocxRenderer(reference, lang=lang)
    renderer.plan_footnotes(root)
    return package(renderer, renderer.body(root), root)


def _span(cell) -> int:
    """The columns a table cell spans (its ``colspan``, 1 when absent or unreadable)."""
    value = cell.get("colspan", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1
