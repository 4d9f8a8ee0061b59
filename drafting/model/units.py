"""A flat, reading-order view of an AKN document: the units people number, cite and compare.

Compare aligns these units, check applies its rules to them, ``show`` prints them. They are
thin views: ``element`` is the lxml element itself, so nothing here is a second copy of state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.model.akn import doc_element, first, local, text_content, xp

HEADING_ELEMENTS = {"chapter", "section", "subsection"}


def printed_number(num: str | None) -> str | None:
    """A printed number without its punctuation: ``12.`` -> ``12``, ``(a)`` -> ``a``,
    ``12 -`` -> ``12``; None for none or for a bullet."""
    if not num:
        return None
    return re.sub(r"^[(\[]|[.)\]]+$|\s*[-–]$", "", num.strip()) or None


@dataclass
class Note:
    marker: str
    text: str
    eid: str | None
    anchored: bool
    element: object = field(repr=False, default=None)


@dataclass
class Unit:
    """kind: heading, crossHeading, formula, preambular, paragraph, point."""

    kind: str
    element: object = field(repr=False)
    eid: str | None
    num: str | None              # as printed: "12.", "a)", "(ii)", "VI."
    text: str                    # own text, footnote bodies left out, points left out
    notes: list[Note]
    depth: int                   # 0 for top-level, +1 per enclosing chapter/section/list
    parent_eid: str | None
    chapter_eid: str | None = None
    level: str = ""              # element name: chapter, section, paragraph, point, container...

    @property
    def number(self) -> str | None:
        return printed_number(self.num)

    @property
    def line(self) -> int | None:
        return getattr(self.element, "sourceline", None)


def notes_of(el) -> list[Note]:
    """Footnotes referenced inside ``el`` but not inside its nested paragraphs/points."""
    out = []
    for note in xp(el, ".//a:authorialNote"):
        owner = _owner(note)
        if owner is not el:
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
                  "chapter", "section", "subsection", "coverPage", "preface"}


def _owner(node):
    """The nearest enclosing unit-level element of ``node``."""
    parent = node.getparent()
    while parent is not None:
        name = local(parent)
        if name in OWNER_ELEMENTS:
            return parent
        parent = parent.getparent()
    return None


def own_text(el) -> str:
    """Text that belongs to this unit itself: num excluded, nested points excluded."""
    name = local(el)
    if name in HEADING_ELEMENTS:
        heading = first(el, "a:heading")
        return _norm(text_content(heading)) if heading is not None else ""
    if name == "hcontainer":  # a top-level cross-heading or an annex: its heading
        heading = first(el, "a:heading")
        return _norm(text_content(heading)) if heading is not None else ""
    if name in ("crossHeading", "formula", "container"):
        return _norm(text_content(el))
    parts = []
    for child in el:
        cname = local(child)
        if cname == "content" and first(child, "a:table") is not None:
            parts.append(table_text(first(child, "a:table")))
        elif cname == "content":
            parts.append(text_content(child))
        elif cname == "list":
            for sub in child:
                if local(sub) in ("intro", "wrapUp"):
                    parts.append(text_content(sub))
    return _norm(" ".join(parts))


def table_text(table) -> str:
    """A table's text: cells joined by `` | ``, rows by `` / ``."""
    rows = []
    for tr in xp(table, "a:tr"):
        rows.append(" | ".join(_norm(text_content(cell)) for cell in tr if local(cell) in ("th", "td")))
    return " / ".join(rows)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def body_units(root) -> list[Unit]:
    """Every unit of the document in reading order: preamble, then the main body."""
    doc = doc_element(root)
    units: list[Unit] = []
    preamble = first(doc, "a:preamble")
    if preamble is not None:
        for child in preamble:
            name = local(child)
            if name == "formula":
                units.append(Unit("formula", child, child.get("eId"), None, own_text(child),
                                  notes_of(child), 0, None, None, name))
            elif name == "container":
                units.append(Unit("preambular", child, child.get("eId"), None, own_text(child),
                                  notes_of(child), 0, None, None, name))
    main = first(doc, "a:mainBody")
    if main is not None:
        _walk(main, units, depth=0, parent_eid=None, chapter_eid=None)
    return units


def _walk(container, units, depth, parent_eid, chapter_eid):
    for child in container:
        name = local(child)
        eid = child.get("eId")
        num_el = first(child, "a:num") if name else None
        num = num_el.text.strip() if num_el is not None and num_el.text else None
        if name in HEADING_ELEMENTS or (name == "hcontainer" and child.get("name") == "annex"):
            level = "annex" if name == "hcontainer" else name
            chap = eid if level in ("chapter", "annex") else chapter_eid
            units.append(Unit("heading", child, eid, num, own_text(child), notes_of(child),
                              depth, parent_eid, chap, level))
            _walk(child, units, depth + 1, eid, chap)
        elif name == "crossHeading" or (name == "hcontainer" and child.get("name") == "crossHeading"):
            units.append(Unit("crossHeading", child, eid, None, own_text(child), notes_of(child),
                              depth, parent_eid, chapter_eid, "crossHeading"))
        elif name in ("paragraph", "point"):
            units.append(Unit("paragraph" if name == "paragraph" else "point", child, eid, num,
                              own_text(child), notes_of(child), depth, parent_eid, chapter_eid, name))
            for lst in xp(child, "a:list"):
                _walk(lst, units, depth + 1, eid, chapter_eid)
        elif name in ("list", "intro", "wrapUp", "content", "num", "heading"):
            continue


def masthead(root) -> dict:
    """The masthead and preface facts as plain values (for JSON output and checks)."""
    doc = doc_element(root)

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
        "title": s("a:preface//a:docTitle"),
        "doc_type": [_norm(text_content(x)) for x in xp(doc, "a:preface//a:docType")],
        "sponsors": [_norm(text_content(x)) for x in xp(doc, "a:preface//a:docProponent")],
    }


def document_language(root) -> str:
    """The two-letter code of the expression's language (``fra`` -> ``fr``), English if unset."""
    from drafting.model.identification import FROM_ISO639_2B

    lang = xp(doc_element(root), "string(a:meta//a:FRBRExpression/a:FRBRlanguage/@language)")
    return FROM_ISO639_2B.get(lang, "en")


def all_notes(root) -> list[Note]:
    """Every footnote of the document, in document order."""
    return [Note(n.get("marker", ""), _norm(" ".join(text_content(p) for p in xp(n, "a:p"))),
                 n.get("eId"), n.get("refersTo") != "#unanchored", n)
            for n in xp(doc_element(root), ".//a:authorialNote")]
