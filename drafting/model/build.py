"""Turn the blocks a reader recognised into an Akoma Ntoso tree of the UN profile.

This is the one place where the mapping of ``akn-profile.md`` is written: readers and the
generator describe documents as ``DocumentBlocks``; ``build_akn`` decides elements, nesting and
eIds, and records the source line of every element it numbers.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import field
from functools import lru_cache

from lxml import etree

from drafting.model.akn import DOC_ELEMENT, E, q
from drafting.model.numbering import label_number, point_key
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, QuotedDocument, Styled, plain_text
from drafting.model.identification import build_meta, component_meta, slug, work_number
from drafting.records import record
from drafting.regex import lazy_compile

# Annexes are attachments of their own (``attachments``), each with chapters and numbering of its own.
# An article of a treaty (``Article 1``) sits under its chapter and holds its numbered paragraphs.
HEADING_RANK = {"chapter": 0, "section": 1, "subsection": 2, "article": 3}
HEADING_EID = {"chapter": "chp", "section": "sec", "subsection": "subsec", "article": "art"}

# English lower-camel names of preambular openings come from the locale data files when the
# locale package is there; this small default keeps the builder usable on its own.
PREAMBLE_DEFAULT = "preambular"


@record
class BuiltDocument:
    """The AKN root plus what the readers' diagnostics and the checker need alongside it."""

    root: etree._Element
    source_lines: dict[str, int] = field(default_factory=dict)


class _EIds:
    """Unique eIds, following the AKN naming convention (``chp_II__para_7``)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.counters: dict[str, int] = {}
        self.next_suffix: dict[str, int] = {}  # candidate -> the last _N tried: probing stays linear

    def make(self, prefix: str, kind: str, label: str | None) -> str:
        base = f"{prefix}__{kind}" if prefix else kind
        if label:
            candidate = f"{base}_{label}"
        else:
            key = f"{base}_nn"
            self.counters[key] = self.counters.get(key, 0) + 1
            candidate = f"{key}_{self.counters[key]}"
        unique = candidate
        if unique in self.used:
            # a thousand paragraphs numbered "1." try _2, _3 ... once each, not from _2 every time
            n = self.next_suffix.get(candidate, 1) + 1
            unique = f"{candidate}_{n}"
            while unique in self.used:
                n += 1
                unique = f"{candidate}_{n}"
            self.next_suffix[candidate] = n
        self.used.add(unique)
        return unique

    def count(self, prefix: str, kind: str) -> str:
        key = f"{prefix}__{kind}" if prefix else kind
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.make(prefix, kind, str(self.counters[key]))


# Kinds whose type line names the author under the title; adopted kinds whose number opens it.
_AUTHOR_UNDER_TITLE_KINDS = frozenset({"report", "note"})
_ADOPTED_KINDS = frozenset({"resolution", "decision"})
# The number of an adopted resolution or decision as printed above its title: "80/239."
_RESOLUTION_NUMBER = re.compile(r"\d{1,4}/(?:\d{1,4}(?: ?\[[A-Z]\]| [A-Z])?\.|\.\.\.|\u2026)")
# A Security Council resolution's number line, printed above its adoption line and in place of a
# title: "Resolution 2719 (2023)", "Резолюция 2719 (2023),", "第2719(2023)号决议"
_NUMBER_LINE = re.compile(r"\w+ ?\d{1,5} ?\(\d{4}\)\w*,?")
_NUMBERED_KINDS = _ADOPTED_KINDS | {"resolutionDraft", "decisionDraft"}
_NOT_LABEL = re.compile(r"[^0-9A-Za-z\u0600-\u06FF]+")


@lru_cache(maxsize=4096)   # (a document prints the same numbers and letters again and again)
def num_label(num: str | None) -> str | None:
    """The eId label of a printed number: ``12.`` -> ``12``, ``(ii)`` -> ``ii``, ``a)`` -> ``a``."""
    if not num:
        return None
    label = _NOT_LABEL.sub("", num)
    return label or None


@lru_cache(maxsize=4096)
def _point_label(num: str | None) -> str | None:
    """The eId label of a point's printed number, the same in every language: ``(ب)`` -> ``b``."""
    return num_label(point_key(num))


def _qb(tag: str) -> bytes:
    """``q(tag)`` as UTF-8 bytes, for the elements the builder makes by the thousand: lxml takes a
    name given as bytes as it is, where a str first fails a bytes test (an exception raised and
    cleared inside lxml, a twentieth of the cost of an element and again of an attribute)."""
    return q(tag).encode()


# Elements made in place under their parent (etree.SubElement) rather than made apart and then
# appended (E.x(...)): an element made apart starts a document of its own, three times the work.
_P, _CONTENT, _NUM, _SUP, _NOTE = _qb("p"), _qb("content"), _qb("num"), _qb("sup"), _qb("authorialNote")
_PARAGRAPH, _POINT, _LIST, _INTRO, _WRAP_UP = (_qb("paragraph"), _qb("point"), _qb("list"), _qb("intro"),
                                               _qb("wrapUp"))
_HEADING, _CROSS_HEADING, _CONTAINER, _FORMULA = _qb("heading"), _qb("crossHeading"), _qb("container"), _qb("formula")
_BLOCK_LIST, _ITEM = _qb("blockList"), _qb("item")
_INLINE = {tag: _qb(tag) for tag in ("i", "b", "u", "sup", "sub")}
_MAIN_BODY, _PREAMBLE, _ATTACHMENTS, _DOC = _qb("mainBody"), _qb("preamble"), _qb("attachments"), _qb("doc")
_DOC_AUTHORITY, _DOC_NUMBER, _DOC_DATE, _INLINE_EL = _qb("docAuthority"), _qb("docNumber"), _qb("docDate"), _qb("inline")
_DOC_COMMITTEE, _SESSION, _DOC_PROPONENT, _DOC_TYPE, _DOC_TITLE = (_qb("docCommittee"), _qb("session"),
                                                                 _qb("docProponent"), _qb("docType"), _qb("docTitle"))
_EID, _NAME, _REFERS_TO, _CONTAINS = b"eId", b"name", b"refersTo", b"contains"
# lxml checks every attribute name it is given, and a keyword at ``SubElement`` more than one
# ``set`` after the element is made: a tenth fewer instructions for an element with its eId.
_SubElement = etree.SubElement


class _Builder:
    def __init__(self, blocks: DocumentBlocks) -> None:
        self.blocks = blocks
        self.inferred = False  # some number was not printed but inferred from the sequence
        self.eids = _EIds()
        self.lines: dict[str, int] = {}

    # -- inline content -------------------------------------------------------------------

    def inline_into(self, parent, inlines, owner_eid: str) -> None:
        """Append inline items to ``parent`` (text goes to .text or the last child's tail).

        Runs of strings are joined first and set once: setting lxml text copies it, so adding
        piece by piece would be quadratic in a long run.
        """
        if len(inlines) == 1 and isinstance(inlines[0], str):
            _add_text(parent, inlines[0])   # most paragraphs: one string, nothing to join
            return
        run: list[str] = []
        for item in inlines:
            if isinstance(item, str):
                run.append(item)
                continue
            _flush_text(parent, run)
            if isinstance(item, Styled):
                child = _SubElement(parent, _INLINE.get(item.tag) or q(item.tag))
                self.inline_into(child, item.children, owner_eid)
            elif isinstance(item, NoteRef):
                self.note(item, owner_eid, parent)
            else:  # pragma: no cover - a reader bug
                raise TypeError(f"unexpected inline item {item!r}")
        _flush_text(parent, run)

    def note(self, ref: NoteRef, owner_eid: str, parent=None):
        eid = self.eids.count(owner_eid, "authorialNote")
        sup = E.sup() if parent is None else _SubElement(parent, _SUP)
        note = _SubElement(sup, _NOTE)
        note.set(_EID, eid)
        note.set(b"marker", ref.marker)
        note.set(b"placement", "bottom")
        if not ref.anchored:
            note.set(_REFERS_TO, "#unanchored")
        # A note printed without any text (a damaged file, a lost page foot) keeps its mark as its
        # text: the AKN profile wants every note to say something, and nothing is invented.
        body = ref.body if any(plain_text(para).strip() or any(isinstance(x, NoteRef) for x in para)
                               for para in ref.body or []) else [[f"[{ref.marker}]"]]
        for para in body:
            p = _SubElement(note, _P)
            self.inline_into(p, para, eid)
        if ref.line:
            self.lines[eid] = ref.line
        return sup

    def p(self, inlines, owner_eid: str, parent=None):
        el = E.p() if parent is None else _SubElement(parent, _P)
        if len(inlines) == 1 and isinstance(inlines[0], str):
            # most paragraphs: one string, into an element just made (no text, no child yet)
            _set_text(el, inlines[0])
        else:
            self.inline_into(el, inlines, owner_eid)
        return el

    # -- body -------------------------------------------------------------------------------

    def point(self, point: Point, prefix: str, parent=None):
        eid = self.eids.make(prefix, "point", _point_label(point.num))
        el = _with_eid(parent, _POINT, eid)
        if point.line:
            self.lines[eid] = point.line
        if point.num:
            self.num(point.num, point.num_inferred, el)
        if point.points:
            self.list_of(point.text, point.points, None, eid, el)
        else:
            self.p(point.text, eid, _SubElement(el, _CONTENT))
        return el

    def list_of(self, intro, items, wrap_up, prefix: str, parent=None):
        eid = self.eids.count(prefix, "list")
        el = _with_eid(parent, _LIST, eid)
        if intro and _has_text(intro):
            self.p(intro, eid, _SubElement(el, _INTRO))
        for item in items:
            if isinstance(item, Heading):
                self.cross_heading(item, eid, el)
            else:
                self.point(item, eid, el)
        if wrap_up and _has_text(wrap_up):
            self.p(wrap_up, eid, _SubElement(el, _WRAP_UP))
        return el

    def cross_heading(self, heading: Heading, prefix: str, parent=None):
        eid = self.eids.count(prefix, "crossHeading")
        el = _with_eid(parent, _CROSS_HEADING, eid)
        if heading.line:
            self.lines[eid] = heading.line
        text = ([heading.num + " "] if heading.num else []) + list(heading.text)
        self.inline_into(el, text, eid)
        return el

    def num(self, text: str, inferred: bool, parent=None):
        """A printed number; one the source lost and the reader inferred says so, so that the
        fact survives in the AKN (the checker reports it from the XML too)."""
        if parent is None:
            el = E.num(text, refersTo="#inferredNumber") if inferred else E.num(text)
        else:
            el = _SubElement(parent, _NUM)
            if inferred:
                el.set(_REFERS_TO, "#inferredNumber")
            el.text = text
        if inferred:
            self.inferred = True
        return el

    def heading_label(self, heading: Heading) -> str | None:
        """The eId label of a heading's number, the same in every language version:
        ``أولا -`` and ``一.`` give ``I`` as ``I.`` does, ``ألف -`` gives ``A``."""
        from drafting.model.numbering import forms, roman

        own = forms(self.blocks.lang)
        if heading.level == "chapter" and own.chapter_value(heading.num):
            return roman(own.chapter_value(heading.num))
        if heading.level == "section" and own.section_value(heading.num):
            return chr(ord("A") + own.section_value(heading.num) - 1)
        return label_number(heading.num) or num_label(heading.num)

    def titled(self, tag: str, eid: str, heading: Heading, parent=None, **attrs):
        """A hierarchical element opened by its ``num`` and ``heading``."""
        el = E(tag, eId=eid, **attrs) if parent is None else etree.SubElement(parent, q(tag), eId=eid, **attrs)
        if heading.line:
            self.lines[eid] = heading.line
        if heading.num:
            self.num(heading.num, heading.num_inferred, el)
        self.inline_into(_SubElement(el, _HEADING), heading.text, eid)
        return el

    def main_cross_heading(self, heading: Heading, prefix: str = "", parent=None):
        return self.titled("hcontainer", self.eids.count(prefix, "hcontainer"), heading, parent, name="crossHeading")

    def table(self, para: Para, owner_eid: str):
        """A table set in the text: rows of header (``th``) or data (``td``) cells, a cell over
        several columns with its ``colspan``."""
        table = E.table(eId=self.eids.count(owner_eid, "table"))
        for r, row in enumerate(para.table or []):
            tr = E.tr()
            for c, cell in enumerate(row):
                tag = "th" if r < para.header_rows else "td"
                tr.append(E(tag, self.p(cell, owner_eid)))
                if para.spans.get((r, c), 1) > 1:
                    tr[-1].set("colspan", str(para.spans[(r, c)]))
            table.append(tr)
        return table

    def paragraph(self, para: Para, prefix: str, parent=None):
        eid = self.eids.make(prefix, "para", num_label(para.num))
        el = _with_eid(parent, _PARAGRAPH, eid)
        if para.line:
            self.lines[eid] = para.line
        if para.num:
            self.num(para.num, para.num_inferred, el)
        if para.table is not None:
            el.append(E.content(self.table(para, eid)))
        elif para.role == "quote":
            block = E.blockContainer(eId=self.eids.count(eid, "blockContainer"))
            block.append(self.p(para.text, eid))
            el.append(E.content(block))
        elif para.points:
            self.list_of(para.text, para.points, para.wrap_up, eid, el)
        else:
            content = _SubElement(el, _CONTENT)
            self.p(para.text, eid, content)
            for quoted in para.quoted:
                # the draft the paragraph recommends, quoted whole under it (a block of its own)
                _SubElement(content, _P).append(self.quoted_document(quoted, eid))
        return el

    def quoted_document(self, quoted: QuotedDocument, prefix: str):
        """A draft printed inside a report: ``embeddedStructure`` holding a whole ``statement``
        with its own identification (a component of the report's work), title, preamble and
        numbered paragraphs. Its eIds carry the embedded structure's eId as their prefix, so they
        stay unique in the report."""
        eid = self.eids.count(prefix, "embeddedStructure")
        if quoted.line:
            self.lines[eid] = quoted.line
        doc = E.statement(component_meta(self.meta, eid, quoted.kind), name=quoted.kind,
                          contains="originalVersion")
        rows = []
        if quoted.label:
            label = E.docType()
            self.inline_into(label, quoted.label, eid)
            rows.append(E.p(label))
        if quoted.title:
            title = E.docTitle()
            self.inline_into(title, quoted.title, eid)
            rows.append(E.p(title))
        if rows:
            doc.append(E.preface(E.container(*rows, name="title", eId=f"{eid}__preface__title")))
        if quoted.preamble:
            self.preamble(quoted.preamble, prefix=eid, parent=doc)
        items, annexes = _split_annexes(quoted.body)
        main = _SubElement(doc, _MAIN_BODY)
        self.body(items, main, prefix=eid)
        if len(main) == 0:
            main.append(E.paragraph(E.content(E.p()), eId=self.eids.make(eid, "para", None)))
        if annexes:
            self.attachments(annexes, prefix=eid, parent=doc)
        return E.embeddedStructure(doc, eId=eid)

    def attachments(self, annexes: list[tuple[Heading, list]], prefix: str = "", parent=None):
        """Annexes as AKN attachments: each an ``attachment`` opened by the annex's label
        (``num``) and title (``heading``), holding a ``doc name="annex"`` of its own (a component
        of the work, ``!annex_II``) whose paragraphs and chapters are numbered afresh. The
        attachment's eId names it by its printed number (``annex_II``; ``annex_1`` for a lone
        ``Annex``), and prefixes every eId inside it."""
        out = E.attachments() if parent is None else _SubElement(parent, _ATTACHMENTS)
        for position, (heading, items) in enumerate(annexes, start=1):
            eid = self.eids.make(prefix, "annex", annex_number(heading.num) or str(position))
            att = self.titled("attachment", eid, heading, out)
            if not heading.text:
                att.remove(att.find(q("heading")))
            doc = _SubElement(att, _DOC)
            doc.set(_NAME, "annex")
            doc.set(_CONTAINS, "originalVersion")
            doc.append(component_meta(self.meta, eid.rpartition("__")[2], "annex"))
            main = _SubElement(doc, _MAIN_BODY)
            self.body(items, main, prefix=eid)
            if len(main) == 0:
                main.append(E.paragraph(E.content(E.p()), eId=self.eids.make(eid, "para", None)))
        return out

    def body(self, items, container, prefix: str = ""):
        """Place headings and paragraphs, opening and closing chapters/sections as they come."""
        stack = [(container, -2, prefix)]  # (element, rank, eId prefix)
        for item in items:
            if isinstance(item, Heading) and item.level in HEADING_RANK:
                rank = HEADING_RANK[item.level]
                while stack[-1][1] >= rank:
                    stack.pop()
                parent, _, prefix = stack[-1]
                eid = self.eids.make(prefix, HEADING_EID[item.level], self.heading_label(item))
                el = self.titled(item.level, eid, item, parent)
                stack.append((el, rank, eid))
            elif isinstance(item, Heading):
                parent, _, prefix = stack[-1]
                if len(stack) == 1:
                    # mainBody admits no crossHeading: the schema's generic hierarchical
                    # container, named for what it is, carries the heading there.
                    self.main_cross_heading(item, prefix, parent)
                else:
                    self.cross_heading(item, prefix, parent)
            else:
                parent, _, prefix = stack[-1]
                self.paragraph(item, prefix, parent)

    def preamble(self, paras, prefix: str = "", parent=None):
        el = E.preamble() if parent is None else _SubElement(parent, _PREAMBLE)
        own = f"{prefix}__preamble" if prefix else "preamble"
        for para in paras:
            if para.role == "formula":
                eid = self.eids.make(own, "formula", "1")
                formula = _SubElement(el, _FORMULA)
                formula.set(_NAME, "enactingFormula")
                formula.set(_EID, eid)
                self.p(para.text, eid, formula)
                if para.line:
                    self.lines[eid] = para.line
            else:
                eid = self.eids.count(own, "container")
                name = preambular_name(para.text, self.blocks.lang)
                container = _SubElement(el, _CONTAINER)
                container.set(_NAME, name)
                container.set(_EID, eid)
                self.p(para.text, eid, container)
                if para.points:
                    # points (a), (b) of a preambular paragraph: a list inside its container
                    self.block_list(para.points, eid, container)
                if para.line:
                    self.lines[eid] = para.line
        return el

    def block_list(self, points, owner_eid: str, parent):
        list_eid = f"{owner_eid}__list_1"
        block = _SubElement(parent, _BLOCK_LIST)
        block.set(_EID, list_eid)
        for k, point in enumerate(points, start=1):
            label = point_key(point.num) if isinstance(point, Point) and point.num else None
            # unique even where two points print the same label ("1." twice)
            item_eid = self.eids.make(list_eid, "item", label or str(k))
            item = _SubElement(block, _ITEM)
            item.set(_EID, item_eid)
            if isinstance(point, Point) and point.num:
                _SubElement(item, _NUM).text = point.num
            self.p(point.text, item_eid, item)
            if isinstance(point, Point) and point.points:
                self.block_list(point.points, item_eid, item)
        return block

    # -- front matter --------------------------------------------------------------------

    def cover_page(self):
        # Made in place under one element made apart (``E.coverPage``): the masthead's rows made
        # apart each (``E.p(...)``) started a document of their own, the most costly way.
        m = self.blocks.masthead
        cover = E.coverPage()
        box = _SubElement(cover, _CONTAINER)
        box.set(_NAME, "masthead")
        box.set(_EID, "coverPage__masthead")
        for organ in m.organs:
            _leaf(_SubElement(box, _P), _DOC_AUTHORITY, organ, _REFERS_TO, "#" + slug(organ))
        if m.symbol:
            p = _SubElement(box, _P)
            _leaf(p, _DOC_NUMBER, m.symbol, _REFERS_TO, "#symbol")
            if m.symbol_note:
                self.inline_into(p, [m.symbol_note], "coverPage")
        if m.distribution:
            inline = _leaf(_SubElement(box, _P), _INLINE_EL, m.distribution, _NAME, "distribution")
            if m.distribution_kind:
                inline.set(_REFERS_TO, "#distribution" + m.distribution_kind.capitalize())
        if m.date and m.date_text:
            _leaf(_SubElement(box, _P), _DOC_DATE, m.date_text, b"date", m.date.isoformat(),
                  _REFERS_TO, "#publicationEvent")
        elif m.date_text:
            _SubElement(box, _P).text = m.date_text
        if m.language_line:
            _leaf(_SubElement(box, _P), _INLINE_EL, m.language_line, _NAME, "languageOfExpression")
        if m.original:
            p = _SubElement(box, _P)
            p.text = (m.original_label or "Original:") + " "
            _leaf(p, _INLINE_EL, m.original, _NAME, "originalLanguage")
        if m.job_number:
            _leaf(_SubElement(box, _P), _INLINE_EL, m.job_number, _NAME, "jobNumber")
        if not m.symbol and m.symbol_note:
            self.p([m.symbol_note], "coverPage", box)
        return cover if len(box) else None

    def preface(self):
        # Rows made in place under their containers, made first (as the cover page's), and the
        # containers left empty taken out at the end.
        pf = self.blocks.preface
        preface = E.preface()
        session_box = _container(preface, "sessionInfo", "preface__sessionInfo")
        title_box = _container(preface, "title", "preface__title")
        other_box = _container(preface, "other", "preface__other")
        if pf.body:
            _leaf(_SubElement(session_box, _P), _DOC_COMMITTEE, pf.body, _REFERS_TO, "#" + slug(pf.body))
        if pf.session_text:
            value = str(pf.session_number) if pf.session_number else pf.session_text
            _leaf(_SubElement(session_box, _P), _SESSION, pf.session_text, b"value", value)
        if pf.place_dates:
            _SubElement(session_box, _P).text = pf.place_dates
        if pf.agenda_text:
            item = pf.agenda_item or ""
            text = pf.agenda_text
            row = _SubElement(session_box, _P)
            if item and item in text:
                before, _, after = text.partition(item)
                row.text = before
                _leaf(row, _INLINE_EL, item, _NAME, "agendaItem").tail = after
            else:
                _leaf(row, _INLINE_EL, text, _NAME, "agendaItem")
            if pf.agenda_note is not None:
                self.inline_into(row, [pf.agenda_note], "preface")
        if pf.agenda_title:
            inline = _SubElement(_SubElement(session_box, _P), _INLINE_EL)
            inline.set(_NAME, "agendaItemTitle")
            self.inline_into(inline, pf.agenda_title, "preface")
        kind = self.blocks.kind
        adopted = kind in _ADOPTED_KINDS
        other_lines, note_lines, number, number_line = [], [], None, False
        for line in pf.extra:
            text = plain_text(line).strip()
            if kind in _NUMBERED_KINDS and number is None and _RESOLUTION_NUMBER.fullmatch(text):
                number = text
            elif adopted and number is None and not pf.title and _NUMBER_LINE.fullmatch(text):
                number, number_line = text, True
            elif adopted and text.startswith("[") and text.endswith("]"):
                note_lines.append(line)
            else:
                other_lines.append(line)
        for line in other_lines:
            self.p(line, "preface", other_box)
        # The order the UN prints: a report or a note names its author under its title
        # ("Report of the Secretary-General", "Note by the Secretariat"); an adopted resolution
        # prints its document line, the bracketed line on how it came to the plenary, then its
        # number and title; a draft prints its type (and sponsors) above the title.
        # (a number line stands above the line of the resolution's adoption at a meeting)
        if kind in _AUTHOR_UNDER_TITLE_KINDS and not pf.sponsors or number_line:
            self.title_row(pf, number, title_box)
            self.type_rows(pf, title_box)
        else:
            self.type_rows(pf, title_box)
            at = len(title_box)
            self.title_row(pf, number, title_box)
            for line in note_lines:
                # made after the title (their notes are numbered after its notes), printed before
                title_box.insert(at, self.p(line, "preface", title_box))
                at += 1
        for box in (session_box, title_box, other_box):
            if not len(box):
                preface.remove(box)
        return preface if len(preface) else None

    def type_rows(self, pf, box) -> None:
        """The document's type line (with its sponsors) and any further type lines."""
        if pf.sponsors and pf.doc_type:
            words = _list_words(self.blocks.lang)
            p = _SubElement(box, _P)
            for i, sponsor in enumerate(pf.sponsors):
                if i:
                    last = i == len(pf.sponsors) - 1
                    proponent.tail = words["last_separator"] if last else words["separator"]
                proponent = _leaf(p, _DOC_PROPONENT, sponsor, _REFERS_TO, "#" + slug(sponsor))
            proponent.tail = words["sponsors_colon"]
            _SubElement(p, _DOC_TYPE).text = pf.doc_type
        elif pf.doc_type:
            _leaf(_SubElement(box, _P), _DOC_TYPE, pf.doc_type)
        for extra in pf.doc_type_extra:
            _leaf(_SubElement(box, _P), _DOC_TYPE, extra)

    def title_row(self, pf, number: str | None, box) -> None:
        """The title line; an adopted resolution's number opens it: "80/239. Financing of ..." """
        if pf.title or number:
            row = _SubElement(box, _P)
            if number:
                _leaf(row, _DOC_NUMBER, number)
            if pf.title:
                if number:
                    row[-1].tail = " "
                self.inline_into(_SubElement(row, _DOC_TITLE), pf.title, "preface")

    # -- whole document ----------------------------------------------------------------------

    def build(self, generated: _dt.date | None) -> BuiltDocument:
        b = self.blocks
        m = b.masthead
        element = DOC_ELEMENT.get(b.kind, "doc")
        date, date_name = _work_date(b)
        symbol = m.symbol
        parent_symbol, relation = _parent_of(symbol)
        # Without a symbol the work is named from its own text, never from where the file lies.
        title_text = plain_text(b.preface.title or []) or _first_text(b.body) or "untitled"
        meta = build_meta(
            kind=b.kind,
            lang=b.lang,
            date=date,
            date_name=date_name,
            symbol=symbol,
            number=work_number(symbol, title_text),
            organ=m.organs[0] if m.organs else None,
            parent_symbol=parent_symbol,
            parent_relation=relation,
            distribution_kind=m.distribution_kind,
            generated=generated,
        )
        refs = meta.find(q("references"))
        known = {r.get("eId") for r in refs}   # (a set: a draft names a hundred sponsors)
        for organ in m.organs[1:] + ([b.preface.body] if b.preface.body else []) + b.preface.sponsors:
            eid = slug(organ)
            if eid not in known:
                known.add(eid)
                etree.SubElement(refs, q("TLCOrganization"), eId=eid,
                                 href=f"/akn/ontology/organization/un/{eid}", showAs=organ)
        self.meta = meta
        # The tree grows from its root: a part made apart and appended after (the body, an
        # annex) was moved into the document element's tree, then all of it into the root's.
        root = E.akomaNtoso()
        doc = _SubElement(root, q(element))
        doc.set(_NAME, b.kind)
        doc.set(_CONTAINS, "originalVersion")
        doc.append(meta)
        cover = self.cover_page()
        if cover is not None:
            doc.append(cover)
        preface = self.preface()
        if preface is not None:
            doc.append(preface)
        if b.preamble:
            self.preamble(b.preamble, parent=doc)
        items, annexes = _split_annexes(b.body)
        main = _SubElement(doc, _MAIN_BODY)
        self.body(items, main)
        if len(main) == 0:
            # mainBody may not be empty; an empty document keeps an explicit empty paragraph.
            main.append(E.paragraph(E.content(E.p()), eId=self.eids.make("", "para", None)))
        if b.conclusions:
            conclusions = E.conclusions()
            for para in b.conclusions:
                conclusions.append(self.p(para.text, "conclusions"))
            doc.append(conclusions)
        if annexes:
            self.attachments(annexes, parent=doc)
        if self.inferred:
            meta.find(q("references")).append(E.TLCConcept(
                eId="inferredNumber", href="/akn/ontology/concept/un/inferredNumber",
                showAs="Number not printed, inferred from the sequence"))
        return BuiltDocument(root=root, source_lines=self.lines)


def _split_annexes(items: list) -> tuple[list, list[tuple[Heading, list]]]:
    """The items of the main body, then each annex with its items: an annex label opens an
    annex that runs to the next one, and annexes come after the body they are annexed to."""
    start = next((k for k, item in enumerate(items) if isinstance(item, Heading) and item.level == "annex"),
                 len(items))
    annexes: list[tuple[Heading, list]] = []
    for item in items[start:]:
        if isinstance(item, Heading) and item.level == "annex":
            annexes.append((item, []))
        else:
            annexes[-1][1].append(item)
    return items[:start], annexes


def annex_number(label: str | None) -> str | None:
    """The number an annex label prints: ``Annex II`` -> ``II``, ``Annexe 3`` -> ``3``,
    ``附件一`` -> ``1``; None for a lone ``Annex``."""
    from drafting.model.numbering import ANNEX_LABEL

    if not label:
        return None
    match = ANNEX_LABEL.match(label.strip())
    text = (match.group("label") if match else label).strip().rstrip("*")
    number = label_number(text)
    if number:
        return number
    tail = text.split()[-1] if len(text.split()) > 1 else ""
    return num_label(tail) if tail else None


# What lxml refuses (XML 1.0 has no place for it). Readers clean their input at the edge and say
# so; this is the last guard, so that a reader's slip is never an exception at build time.
_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _leaf(parent, tag: bytes, text: str, *attrs):
    """A child holding ``text``, its attributes given as name, value, name, value...: what
    ``E.x(text, name=value)`` makes, made in place under ``parent``."""
    el = _SubElement(parent, tag)
    for k in range(0, len(attrs), 2):
        el.set(attrs[k], attrs[k + 1])
    el.text = text
    return el


def _with_eid(parent, tag: bytes, eid: str):
    """An element with its eId, made in place under ``parent`` (or apart, without one)."""
    if parent is None:
        return E(tag.decode(), eId=eid)
    el = _SubElement(parent, tag)
    el.set(_EID, eid)
    return el


def _container(parent, name: str, eid: str):
    """A ``container`` named ``name`` (attributes in the order ``E.container`` gave them)."""
    el = _SubElement(parent, _CONTAINER)
    el.set(_NAME, name)
    el.set(_EID, eid)
    return el


def _flush_text(parent, run: list[str]) -> None:
    if not run:
        return
    text = "".join(run)
    run.clear()
    _add_text(parent, text)


def _add_text(parent, text: str) -> None:
    """``text`` after what ``parent`` holds: its text, or the tail of its last child. lxml checks
    every character it is given; only a text it refuses is searched for what it refuses."""
    if not text:
        return
    try:
        _append_text(parent, text)
    except ValueError:   # (a character XML cannot hold: a reader's slip, dropped here)
        text = _NOT_XML.sub("", text)
        if text:
            _append_text(parent, text)


def _set_text(el, text: str) -> None:
    """``_add_text`` into an element that holds no text and no child yet."""
    if not text:
        return
    try:
        el.text = text
    except ValueError:   # (a character XML cannot hold: a reader's slip, dropped here)
        text = _NOT_XML.sub("", text)
        if text:
            el.text = text


def _append_text(parent, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _list_words(lang: str) -> dict:
    """How a language joins a list of sponsors and sets the colon before the document type."""
    defaults = {"separator": ", ", "last_separator": " and ", "sponsors_colon": ": "}
    try:
        from drafting.locale import terms

        return {**defaults, **terms(lang).get("lists", {})}
    except Exception:  # noqa: BLE001 - the builder works without locale data
        return defaults


def _has_text(inlines) -> bool:
    return any((isinstance(x, str) and x.strip()) or not isinstance(x, str) for x in inlines)


def _first_text(body) -> str:
    for item in body:
        text = plain_text(item.text)
        if text.strip():
            return text
    return ""


def _work_date(b: DocumentBlocks) -> tuple[_dt.date, str]:
    """The Work date: the masthead date, else a date the reader found in the preface."""
    if b.masthead.date:
        return b.masthead.date, "issued"
    found = getattr(b, "inferred_date", None)
    if found:
        return found, "inferred"
    return _dt.date(1900, 1, 1), "unknown"


def _parent_of(symbol: str | None) -> tuple[str | None, str | None]:
    """An addendum/corrigendum/revision points at its parent symbol."""
    from drafting.errors import DraftingError
    from drafting.model.symbols import parse_symbol

    if not symbol:
        return None, None
    try:
        parsed = parse_symbol(symbol)
    except DraftingError:
        return None, None
    if not parsed.modifiers or parsed.parent is None:
        return None, None
    relation = {"Add": "addendumOf", "Corr": "corrigendumOf", "Rev": "revisionOf", "Amend": "amendmentOf"}
    kind = parsed.modifiers[-1][0]
    return (str(parsed.parent), relation[kind]) if kind in relation else (None, None)


def preambular_name(inlines, lang: str) -> str:
    """``recalling`` for "*Rappelant* ...": the AKN name of a preambular paragraph."""
    opening = ""
    for x in inlines:
        if isinstance(x, Styled) and x.tag == "i":
            opening = plain_text(x.children)
            break
        if isinstance(x, str) and x.strip():
            opening = x
            break
    return _preambular_key(opening, lang)


@lru_cache(maxsize=1024)   # (a resolution opens paragraph after paragraph with the same words)
def _preambular_key(opening: str, lang: str) -> str:
    from drafting.locale import preambular_key
    return preambular_key(opening, lang) or PREAMBLE_DEFAULT


def build_akn(blocks: DocumentBlocks, generated: _dt.date | None = None) -> BuiltDocument:
    from drafting.io import check_block_counts

    check_block_counts(blocks)  # a document beyond the limits is refused before it is built
    return _Builder(blocks).build(generated)
