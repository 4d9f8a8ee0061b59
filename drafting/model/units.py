"""A flat, reading-order view of an AKN document: the units people number, cite and compare.

This is the one walker of the model: compare aligns these units, check applies its rules to
them, ``show`` prints them. They are thin views: ``element`` is the lxml element itself, so
nothing here is a second copy of state, and ``text`` and ``notes`` are computed on first use
(most rules need only kinds, numbers and eIds; a unit's text costs about 50 µs).

Reading order: the preamble (formula, preambular paragraphs), then the main body: chapters,
sections, annexes (``attachments/attachment``, read as written before them as ``hcontainer
name="annex"``: a heading unit of level ``annex``, then the annex's own body), cross-headings (inside
a chapter or at the top level as ``hcontainer name="crossHeading"``), paragraphs and their
points. A draft quoted whole in a paragraph (``embeddedStructure``) follows that paragraph: a
heading unit of level ``embeddedStructure``, then the draft's own preamble and paragraphs. With ``wrap_ups=True`` the text printed after a list of points (``wrapUp``) is a unit of
its own after the points, as a reader sees it; otherwise it is folded into its paragraph's text.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cached_property, lru_cache

from drafting.model.akn import QUOTED_DOCUMENTS, doc_element, first, local, q, text_content, xp
from drafting.records import record

HEADING_ELEMENTS = {"chapter", "section", "subsection", "article"}


@lru_cache(maxsize=4096)  # the rules ask each unit's number again and again; labels repeat
def printed_number(num: str | None) -> str | None:
    """A printed number without its punctuation: ``12.`` -> ``12``, ``(a)`` -> ``a``,
    ``12 -`` -> ``12``; None for none or for a bullet."""
    if not num:
        return None
    return re.sub(r"^[(\[]|[.)\]]+$|\s*[-–]$", "", num.strip()) or None


@record
class Note:
    """A footnote as compare and check see it: its mark, its text and where it is called."""

    marker: str
    text: str
    eid: str | None
    anchored: bool
    element: object = field(repr=False, default=None)


class Unit:
    """kind: heading, crossHeading, formula, preambular, paragraph, point, wrapUp.

    ``level`` is the element name (chapter, section, annex, paragraph, point, container...),
    ``depth`` 0 at the top and +1 per enclosing heading or list."""

    __slots__ = ("kind", "element", "eid", "num", "depth", "parent_eid", "chapter_eid", "level",
                 "wrap_up_apart", "__dict__")

    def __init__(self, kind, element, eid, num, depth, parent_eid, chapter_eid, level,
                 wrap_up_apart=False):
        self.kind, self.element, self.eid, self.num = kind, element, eid, num
        self.depth, self.parent_eid, self.chapter_eid, self.level = depth, parent_eid, chapter_eid, level
        self.wrap_up_apart = wrap_up_apart

    @cached_property
    def text(self) -> str:
        """Own text: number left out, nested points left out, footnote bodies left out."""
        return own_text(self.element, wrap_up=not self.wrap_up_apart)

    @cached_property
    def notes(self) -> list[Note]:
        return notes_of(self.element)

    @property
    def number(self) -> str | None:
        return printed_number(self.num)

    @property
    def line(self) -> int | None:
        return getattr(self.element, "sourceline", None)

    def __repr__(self) -> str:
        return f"Unit({self.kind}, {self.eid}, {self.num!r})"


def notes_of(el) -> list[Note]:
    """Footnotes referenced inside ``el`` but not inside its nested paragraphs/points (a
    ``wrapUp`` unit owns the notes inside it)."""
    out = []
    for note in xp(el, ".//a:authorialNote"):
        if local(el) != "wrapUp" and _owner(note) is not el:
            continue
        out.append(Note(
            marker=note.get("marker", ""),
            text=" ".join(text_content(p, skip_notes=True).strip() for p in xp(note, "a:p")),
            eid=note.get("eId"),
            anchored=note.get("refersTo") != "#unanchored",
            element=note,
        ))
    return out


OWNER_ELEMENTS = {"paragraph", "point", "container", "formula", "crossHeading", "hcontainer",
                  "chapter", "section", "subsection", "coverPage", "preface", "attachment"}


def _owner(node):
    """The nearest enclosing unit-level element of ``node``."""
    parent = node.getparent()
    while parent is not None:
        name = local(parent)
        if name in OWNER_ELEMENTS:
            return parent
        parent = parent.getparent()
    return None


def text_parts(el, wrap_up: bool = True) -> list:
    """The elements whose text is the unit's own, in order (number and nested points left out;
    the wrap-up after the points left out unless ``wrap_up``)."""
    name = local(el)
    if name in HEADING_ELEMENTS or name in ("hcontainer", "attachment"):   # a heading, an annex, a cross-heading
        heading = first(el, "a:heading")
        return [heading] if heading is not None else []
    if name in ("crossHeading", "formula", "container", "wrapUp"):
        return [el]
    if name in QUOTED_DOCUMENTS:   # a quoted draft: its label and title
        return xp(el, "./*/a:preface/a:container[@name='title']")
    parts = []
    for child in el:
        tag = child.tag
        if tag == _CONTENT:
            parts.append(child)
        elif tag == _LIST:
            parts.extend(sub for sub in child if sub.tag == _INTRO or (wrap_up and sub.tag == _WRAP))
    return parts


def own_text(el, wrap_up: bool = True) -> str:
    """Text that belongs to this unit itself: num excluded, nested points excluded."""
    parts = []
    for part in text_parts(el, wrap_up):
        table = first(part, "a:table") if part.tag == _CONTENT else None
        parts.append(table_text(table) if table is not None else text_content(part))
    return _norm(" ".join(parts))


def table_text(table) -> str:
    """A table's text: cells joined by `` | ``, rows by `` / ``."""
    rows = []
    for tr in xp(table, "a:tr"):
        rows.append(" | ".join(_norm(text_content(cell)) for cell in tr if local(cell) in ("th", "td")))
    return " / ".join(rows)


def _norm(text: str) -> str:
    # white space collapsed and trimmed: split() cuts at what ``\s`` matches (str.isspace),
    # without a pattern's call per space
    return " ".join(text.split())


_CONTENT, _LIST, _INTRO, _WRAP, _NUM, _HEADING = (
    q(t) for t in ("content", "list", "intro", "wrapUp", "num", "heading"))
_PREAMBLE, _MAIN, _FORMULA, _CONTAINER = (q(t) for t in ("preamble", "mainBody", "formula", "container"))
_PARAGRAPH, _POINT, _CROSS, _HCONTAINER = (q(t) for t in ("paragraph", "point", "crossHeading", "hcontainer"))
_HEADING_LEVEL = {q(t): t for t in HEADING_ELEMENTS}
_EMBEDDED = q("embeddedStructure")
_ATTACHMENTS, _ATTACHMENT = q("attachments"), q("attachment")
_HIERARCHY_PARTS = {q("num"), q("heading"), q("subheading")}


def body_units(root, wrap_ups: bool = False) -> list[Unit]:
    """Every unit of the document in reading order: preamble, then the main body (annexes and
    cross-headings included). ``wrap_ups``: the text after a list of points is a unit of its
    own (kind ``wrapUp``), as compare needs it."""
    units: list[Unit] = []
    doc = doc_element(root)
    # most documents quote no draft: one search of the tree spares a look into every paragraph
    quotes = next(doc.iter(_EMBEDDED), None) is not None
    _document(doc, units, 0, None, None, wrap_ups, quotes)
    return units


def _document(doc, units, depth, parent_eid, chapter_eid, wrap_ups, quotes=True) -> None:
    """The preamble and main body of a document (the whole one, or one quoted inside it)."""
    for part in doc:
        if part.tag == _PREAMBLE:
            for child in part:
                if child.tag == _FORMULA:
                    units.append(Unit("formula", child, child.get("eId"), None, depth, parent_eid,
                                      chapter_eid, "formula"))
                elif child.tag == _CONTAINER:
                    units.append(Unit("preambular", child, child.get("eId"), None, depth, parent_eid,
                                      chapter_eid, "container"))
        elif part.tag == _MAIN:
            _walk(part, units, depth, parent_eid, chapter_eid, wrap_ups, quotes)
        elif part.tag == _ATTACHMENTS:
            for attachment in part:
                if attachment.tag != _ATTACHMENT:
                    continue
                # an annex: a heading unit (its label and title), then its own body beneath it
                eid = attachment.get("eId")
                units.append(Unit("heading", attachment, eid, _num(attachment), depth, parent_eid,
                                  eid, "annex"))
                for annexed in attachment:
                    if annexed.tag not in _HIERARCHY_PARTS and isinstance(annexed.tag, str):
                        _document(annexed, units, depth + 1, eid, eid, wrap_ups, quotes)


def _quoted(paragraph, units, depth, parent_eid, wrap_ups) -> None:
    """The drafts a paragraph quotes whole (``content/p/embeddedStructure``): a heading unit of
    level ``embeddedStructure`` (its label and title), then the draft's own units beneath it."""
    for content in paragraph.iterfind(_CONTENT):
        for p in content:
            for quoted in p.iterfind(_EMBEDDED):
                eid = quoted.get("eId")
                units.append(Unit("heading", quoted, eid, None, depth, parent_eid, eid, "embeddedStructure"))
                for doc in quoted:
                    if isinstance(doc.tag, str):
                        _document(doc, units, depth + 1, eid, eid, wrap_ups)


def _num(el) -> str | None:
    # the number is its element's first child (the schema's order): looked at before any search
    num_el = el[0] if len(el) else None
    if num_el is None or num_el.tag != _NUM:
        num_el = next(el.iterchildren(_NUM), None)
    return num_el.text.strip() if num_el is not None and num_el.text else None


def _walk(container, units, depth, parent_eid, chapter_eid, wrap_ups, quotes=True):
    for child in container:
        tag = child.tag
        heading = _HEADING_LEVEL.get(tag)
        if tag == _HCONTAINER:
            name = child.get("name")
            heading = "annex" if name == "annex" else None
            if name == "crossHeading":
                units.append(Unit("crossHeading", child, child.get("eId"), None, depth, parent_eid,
                                  chapter_eid, "crossHeading"))
                continue
        if heading is not None:
            eid = child.get("eId")
            chapter = eid if heading in ("chapter", "annex") else chapter_eid
            units.append(Unit("heading", child, eid, _num(child), depth, parent_eid, chapter, heading))
            _walk(child, units, depth + 1, eid, chapter, wrap_ups, quotes)
        elif tag == _CROSS:
            units.append(Unit("crossHeading", child, child.get("eId"), None, depth, parent_eid,
                              chapter_eid, "crossHeading"))
        elif tag == _PARAGRAPH or tag == _POINT:
            eid = child.get("eId")
            name = "paragraph" if tag == _PARAGRAPH else "point"
            units.append(Unit(name, child, eid, _num(child), depth, parent_eid, chapter_eid, name, wrap_ups))
            if tag == _PARAGRAPH and quotes:
                _quoted(child, units, depth + 1, eid, wrap_ups)
            for lst in child:
                if lst.tag != _LIST:
                    continue
                _walk(lst, units, depth + 1, eid, chapter_eid, wrap_ups, quotes)
                if wrap_ups:
                    for sub in lst:
                        if sub.tag == _WRAP:
                            units.append(Unit("wrapUp", sub, sub.get("eId"), None, depth + 1, eid,
                                              chapter_eid, "wrapUp"))


def masthead(root) -> dict:
    """The masthead and preface facts as plain values (for JSON output and checks)."""
    doc = doc_element(root)

    def _title_text(doc) -> str | None:
        title = first(doc, "a:preface//a:docTitle")   # its footnote is no part of the title
        return (_norm(text_content(title)) or None) if title is not None else None

    def s(path: str) -> str | None:
        value = xp(doc, f"string({path})").strip()
        return re.sub(r"\s+", " ", value) or None

    date_el = first(doc, "a:coverPage//a:docDate")
    return {
        "kind": doc.get("name") or local(doc),
        "symbol": s("a:coverPage//a:docNumber") or s("a:meta//a:FRBRalias[@name='symbol']/@value"),
        "organs": [_norm(text_content(x)) for x in xp(doc, "a:coverPage//a:docAuthority")],
        "distribution": s("a:coverPage//a:inline[@name='distribution']"),
        "date": date_el.get("date") if date_el is not None else None,
        "date_text": _norm(text_content(date_el)) if date_el is not None else None,
        "language": s("a:coverPage//a:inline[@name='languageOfExpression']"),
        "original": s("a:coverPage//a:inline[@name='originalLanguage']"),
        "job_number": s("a:coverPage//a:inline[@name='jobNumber']"),
        "expression_language": s("a:meta//a:FRBRExpression/a:FRBRlanguage/@language"),
        "body": s("a:preface//a:docCommittee"),
        "session": s("a:preface//a:session"),
        "session_number": s("a:preface//a:session/@value"),
        "place_dates": s("a:preface/a:container[@name='sessionInfo']/a:p[not(*)][1]"),
        "agenda_item": s("a:preface//a:inline[@name='agendaItem']"),
        "title": _title_text(doc),
        "doc_type": [_norm(text_content(x)) for x in xp(doc, "a:preface//a:docType")],
        "sponsors": [_norm(text_content(x)) for x in xp(doc, "a:preface//a:docProponent")],
    }


def document_language(root) -> str:
    """The two-letter code of the expression's language (``fra`` -> ``fr``), English if unset."""
    from drafting.locale import lang_of_code

    lang = xp(doc_element(root), "string(a:meta//a:FRBRExpression/a:FRBRlanguage/@language)")
    return lang_of_code(lang) or "en"


def all_notes(root) -> list[Note]:
    """Every footnote of the document, in document order."""
    return [Note(n.get("marker", ""), _norm(" ".join(text_content(p) for p in xp(n, "a:p"))),
                 n.get("eId"), n.get("refersTo") != "#unanchored", n)
            for n in xp(doc_element(root), ".//a:authorialNote")]
