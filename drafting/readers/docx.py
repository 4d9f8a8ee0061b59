"""DOCX reader: a Word document into the AKN model (through DocumentBlocks and build_akn).

Two kinds of input are read:
- a DOCX this toolkit exported: every paragraph's style says what it is (``_ H _Ch_G`` a chapter,
  ``_ Point_2_G`` a point at depth 2, ``_ Masthead Distr_G`` a masthead row), semantic character
  styles (``AKN docNumber`` ...) mark the masthead and title parts, custom properties carry the
  ISO date and the document kind: the round trip is exact;
- any other Word file (UN templates, pandoc, Word): headings by style (Heading 1/2/3, ``_ H _Ch_G``
  ...), numbers from Word auto-numbering (computed as Word prints them) or typed, sub-paragraphs
  by their labels, the masthead and title recognised with the text reader's recognisers.

Footnotes come from footnotes.xml (auto-numbered, or custom marks such as ``*``); italics, bold,
underline, superscripts and subscripts are kept. Tracked changes are resolved as accepted
(default) or rejected (``revisions="reject"``); comments are ignored with a diagnostic.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree

from drafting.errors import DraftingError
from drafting.locale import languages
from drafting.locale.vocabulary import vocabulary
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, Styled, plain_text
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.docx_numbering import Numbering
from drafting.readers.docx_package import DocxPackage
from drafting.writers.docx_styles import (PARAGRAPH_ROLES, PROPERTY_PREFIX, SEMANTIC_BY_KEY,
                                          style_key, w)

FORMAT_ORDER = ("b", "i", "u", "sup", "sub")
TRANSPARENT = {w(t) for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple",
                              "customXml", "bdo", "dir")}
INSERTED = {w("ins"), w("moveTo")}
DELETED = {w("del"), w("moveFrom")}

PARA_NUM = re.compile(r"^(\d{1,3}\.)(?:\s+|\t)")
PROFILE_PARA_NUM = re.compile(r"\d+(?:\.| -)")   # the UN profile's paragraph numbers (Arabic "1 -")
POINT_NUM = re.compile(r"^(\(?[a-z]{1,2}\)|\(?[ivxl]{1,6}\)|[a-z]\.)(?:\s+|\t)")
HEADING_NUM = re.compile(r"^((?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.)(?:\s+|\t)")
ROMAN_LABEL = re.compile(r"^\(?([ivxl]+)\)$")


@dataclass
class Token:
    text: str
    fmt: frozenset = frozenset()
    semantic: str | None = None


@dataclass
class Record:
    """One Word paragraph as the reader sees it."""

    index: int
    role: str | None
    style: str
    tokens: list            # Token | NoteRef
    auto_label: tuple[str, int] | None = None
    num: str | None = None
    all_bold: bool = False
    rows: list | None = None      # a table: rows of cells, each cell a token list
    header_rows: int = 0

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens if isinstance(t, Token))


@dataclass
class _State:
    revisions: str
    footnotes: dict
    next_auto: int = 1
    endnotes: dict = field(default_factory=dict)
    next_endnote: int = 1
    notes: list = field(default_factory=list)            # every NoteRef, in reading order
    pending_bodies: list = field(default_factory=list)
    comments: int = 0
    changes: int = 0
    pending_custom: NoteRef | None = None
    char_styles: dict = field(default_factory=dict)    # styleId -> (key, fmt)


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    revisions = options.get("revisions") or "accept"
    if revisions not in ("accept", "reject"):
        raise DraftingError(f"--revisions must be accept or reject, not {revisions!r}")
    pkg = DocxPackage(data, name)
    props = pkg.properties()
    facts = {k[len(PROPERTY_PREFIX):]: v for k, v in props.items() if k.startswith(PROPERTY_PREFIX)}
    styles = _styles(pkg.parts["styles"])
    state = _State(revisions=revisions, footnotes=_footnote_elements(pkg.parts["footnotes"]),
                   endnotes=_footnote_elements(pkg.parts["endnotes"], "endnote"))
    state.next_auto = _footnote_start(pkg)
    state.char_styles = styles["char"]
    numbering = Numbering(pkg.parts["numbering"], pkg.parts["styles"])

    body = pkg.document.find(w("body"))
    if body is None:
        raise DraftingError(f"{name}: not a Word document (no body)")
    records = []
    # A paragraph whose mark goes (deleted and accepted, inserted and rejected) flows into the
    # next one, which keeps its own properties: in Word the formatting lives in the mark.
    joined = None
    tables_seen: set = set()
    for i, p in enumerate(body.iter(w("p")), start=1):
        if _inside_note_or_textbox(p):
            continue
        table = _enclosing_table(p)
        if table is not None:
            # A table is read once, as a whole, where its first paragraph stands.
            if table not in tables_seen:
                tables_seen.add(table)
                records.append(_table_record(table, i, styles, numbering, state))
            continue
        rec = _record(p, i, styles, numbering, state)
        if joined is not None:
            if _has_text(joined.tokens):
                rec.tokens = joined.tokens + rec.tokens
                rec.index = joined.index
            joined = None
        if _mark_removed(p, revisions):
            state.changes += 1
            joined = rec
            continue
        records.append(rec)
    if joined is not None and _has_text(joined.tokens):
        records.append(joined)
    _mark_unanchored(state.notes, facts.get("unanchored"))
    lang = lang or facts.get("lang") or _detect_language(records) or _lang_of_styles(pkg.parts["styles"])
    if lang not in languages():
        lang = "en"
    if pkg.parts["comments"] is not None:
        state.comments = max(state.comments, len(pkg.parts["comments"].findall(w("comment"))))

    header_records = []
    for header in pkg.header_parts()[:1]:   # the first-page header (or the only one)
        for i, p in enumerate(header.iter(w("p")), start=1):
            header_records.append(_record(p, 0, styles, numbering, state))
    blocks = _assemble(records, lang, facts, name, header_records)
    if state.comments:
        blocks.note("info", f"{state.comments} comment(s) ignored", code="comments")
    if state.changes:
        verb = "accepted" if revisions == "accept" else "rejected"
        blocks.note("info", f"{state.changes} tracked change(s) {verb}", code="revisions")
    built = build_akn(blocks)
    return ReadResult(root=built.root, diagnostics=blocks.diagnostics, source_lines=built.source_lines)


# -- styles, footnotes ---------------------------------------------------------------------


def _styles(root) -> dict:
    """styleId -> (name key, role) for paragraphs; styleId -> (key, formats) for characters."""
    para, char, based, rpr = {}, {}, {}, {}
    if root is None:
        return {"para": para, "char": char}
    for style in root.iterchildren(w("style")):
        sid = style.get(w("styleId"))
        name_el = style.find(w("name"))
        key = style_key(name_el.get(w("val")) if name_el is not None else sid)
        based_el = style.find(w("basedOn"))
        based[sid] = based_el.get(w("val")) if based_el is not None else None
        rpr[sid] = _formats(style.find(w("rPr")))
        if style.get(w("type")) == "character":
            char[sid] = key
        else:
            para[sid] = key
    resolved_char = {}
    for sid, key in char.items():
        fmt, seen, cur = set(), set(), sid
        while cur and cur not in seen:
            seen.add(cur)
            fmt |= rpr.get(cur)
            cur = based.get(cur)
        resolved_char[sid] = (key, frozenset(fmt))
    para_roles = {}
    for sid, key in para.items():
        role, seen, cur = None, set(), sid
        while cur and cur not in seen and role is None:   # a style based on a heading is one
            seen.add(cur)
            role = PARAGRAPH_ROLES.get(para.get(cur, ""))
            cur = based.get(cur)
        para_roles[sid] = (key, role, frozenset(rpr.get(sid, set())))
    return {"para": para_roles, "char": resolved_char}


def _formats(rpr) -> set:
    out = set()
    if rpr is None:
        return out
    for tag, name in (("b", "b"), ("i", "i")):
        el = rpr.find(w(tag))
        if el is not None and el.get(w("val"), "true") not in ("0", "false", "off"):
            out.add(name)
    u = rpr.find(w("u"))
    if u is not None and u.get(w("val"), "single") not in ("none", "0"):
        out.add("u")
    va = rpr.find(w("vertAlign"))
    if va is not None:
        if va.get(w("val")) == "superscript":
            out.add("sup")
        elif va.get(w("val")) == "subscript":
            out.add("sub")
    return out


def _footnote_elements(root, tag: str = "footnote") -> dict:
    if root is None:
        return {}
    return {fn.get(w("id")): fn for fn in root.iterchildren(w(tag))
            if fn.get(w("type")) in (None, "normal")}


def _detect_language(records) -> str | None:
    """Word's default language is often en-US whatever the text: the text decides."""
    text = "\n".join(r.text for r in records[:400])
    if len(text.strip()) < 200:
        return None
    try:
        from drafting.readers.text import detect_language
    except ImportError:
        return None
    return detect_language(text)


def _footnote_start(pkg) -> int:
    """The number of the first auto-numbered footnote (footnotePr/numStart; default 1)."""
    for root in (pkg.document, pkg.parts["settings"]):
        if root is None:
            continue
        for pr in root.iter(w("footnotePr")):
            start = pr.find(w("numStart"))
            if start is not None and (start.get(w("val")) or "").isdigit():
                return int(start.get(w("val")))
    return 1


def _lang_of_styles(root) -> str | None:
    if root is None:
        return None
    lang = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if lang is None:
        return None
    for attr in ("val", "eastAsia", "bidi"):
        value = (lang.get(w(attr)) or "")[:2].lower()
        if value in ("zh", "ar") and attr != "val":
            continue
        if value in languages():
            return value
    return None


def note_key(marker: str, text: str) -> str:
    """How a footnote whose reference was lost is remembered: marker and start of its text
    (footnote ids change when Word or LibreOffice saves the file again)."""
    return f"{marker}\t{' '.join(text.split())[:60]}"


def _mark_unanchored(notes, recorded: str | None) -> None:
    if not recorded:
        return
    try:
        keys = set(json.loads(recorded))
    except (ValueError, TypeError):
        return
    for note in notes:
        text = " ".join(plain_text(para) for para in note.body)
        if note_key(note.marker, text) in keys:
            note.anchored = False


def _mark_removed(p, revisions: str) -> bool:
    """A tracked deletion (accepted) or insertion (rejected) of the paragraph mark itself."""
    mark = p.find(f"{w('pPr')}/{w('rPr')}")
    if mark is None:
        return False
    return mark.find(w("del" if revisions == "accept" else "ins")) is not None


def _enclosing_table(p):
    """The outermost table a paragraph stands in, if any."""
    found, parent = None, p.getparent()
    while parent is not None:
        if parent.tag == w("tbl"):
            found = parent
        parent = parent.getparent()
    return found


def _table_record(table, index, styles, numbering, state) -> Record:
    rows, header_rows, tokens = [], 0, []
    for tr in table.iter(w("tr")):
        if _enclosing_table(tr) is not table:
            continue  # rows of a table nested in a cell are read as that cell's text
        cells = []
        for tc in tr.findall(w("tc")):
            cell: list = []
            for p in tc.iter(w("p")):
                if cell:
                    cell.append(Token(" "))
                cell.extend(_record(p, index, styles, numbering, state).tokens)
            cells.append(cell)
            tokens.extend(cell)
        trpr = tr.find(w("trPr"))
        if trpr is not None and trpr.find(w("tblHeader")) is not None and len(rows) == header_rows:
            header_rows += 1
        rows.append(cells)
    return Record(index, "table", "", tokens, rows=rows, header_rows=header_rows)


def _inside_note_or_textbox(p) -> bool:
    parent = p.getparent()
    while parent is not None:
        if parent.tag in (w("txbxContent"), w("footnote"), w("endnote")):
            return True
        parent = parent.getparent()
    return False


# -- paragraphs and runs ---------------------------------------------------------------------


def _record(p, index, styles, numbering, state) -> Record:
    ppr = p.find(w("pPr"))
    numbered = p
    if ppr is not None and state.revisions == "reject" and ppr.find(w("pPrChange")) is not None:
        # a tracked change of paragraph properties: rejected, the old ones (style, numbering)
        state.changes += 1
        old = ppr.find(w("pPrChange")).find(w("pPr"))
        ppr = old if old is not None else etree.Element(w("pPr"))
        numbered = etree.Element(w("p"))
        numbered.append(deepcopy(ppr))
    sid = None
    if ppr is not None and ppr.find(w("pStyle")) is not None:
        sid = ppr.find(w("pStyle")).get(w("val"))
    key, role, style_fmt = styles["para"].get(sid, (style_key(sid or "Normal"), None, frozenset()))
    tokens: list = []
    _walk(p, tokens, state, frozenset(), False)
    _resolve_bodies(state)
    label = numbering.label(numbered, sid)
    texts = [t for t in tokens if isinstance(t, Token) and t.text.strip()]
    all_bold = bool(texts) and (all("b" in t.fmt for t in texts) or "b" in style_fmt)
    return Record(index, role, key, tokens, label, all_bold=all_bold)


def _walk(node, tokens, state, fmt, deleted) -> None:
    for child in node:
        tag = child.tag
        if tag == w("r"):
            _run(child, tokens, state, deleted)
        elif tag in INSERTED:
            state.changes += 1
            if state.revisions == "accept":
                _walk(child, tokens, state, fmt, deleted)
        elif tag in DELETED:
            state.changes += 1
            if state.revisions == "reject":
                _walk(child, tokens, state, fmt, True)
        elif tag in TRANSPARENT:
            _walk(child, tokens, state, fmt, deleted)
        elif tag == w("commentReference") or tag == w("commentRangeStart"):
            if tag == w("commentRangeStart"):
                state.comments += 1


def _run(r, tokens, state, deleted) -> None:
    rpr = r.find(w("rPr"))
    if rpr is not None and rpr.find(w("rPrChange")) is not None:
        state.changes += 1
        if state.revisions == "reject":   # the formatting the run had before the change
            old = rpr.find(w("rPrChange")).find(w("rPr"))
            rpr = old if old is not None else etree.Element(w("rPr"))
    fmt = set()
    semantic = None
    is_note_ref_style = False
    if rpr is not None:
        rstyle = rpr.find(w("rStyle"))
        if rstyle is not None:
            key, style_fmt = state.char_styles.get(rstyle.get(w("val")), (style_key(rstyle.get(w("val"))), frozenset()))
            semantic = SEMANTIC_BY_KEY.get(key)
            is_note_ref_style = key in ("footnotereference", "endnotereference")
            if not is_note_ref_style:
                fmt |= style_fmt
        direct = _formats(rpr)
        for tag in ("b", "i", "u"):   # direct formatting may switch a style's formatting off
            el = rpr.find(w(tag))
            if el is not None and el.get(w("val"), "true") in ("0", "false", "off", "none"):
                fmt.discard(tag)
        fmt |= direct
        if rpr.find(w("del")) is not None and state.revisions == "accept":
            pass
    fmt = frozenset(fmt)
    for child in r:
        tag = child.tag
        text = None
        if tag == w("t") or (tag == w("delText") and deleted):
            text = child.text or ""
        elif tag == w("tab"):
            text = "\t"
        elif tag in (w("br"), w("cr")):
            text = " "
        elif tag == w("noBreakHyphen"):
            text = "-"
        elif tag == w("footnoteReference"):
            tokens.append(_note(child, state))
            continue
        elif tag == w("endnoteReference"):
            tokens.append(_endnote(child, state))
            continue
        if text is None:
            continue
        if state.pending_custom is not None:
            # a custom footnote mark printed after w:customMarkFollows: it is the marker
            state.pending_custom.marker = text.strip()
            state.pending_custom = None
            continue
        if is_note_ref_style and not text.strip():
            continue
        if tokens and isinstance(tokens[-1], Token) and tokens[-1].fmt == fmt and tokens[-1].semantic == semantic:
            tokens[-1].text += text
        else:
            tokens.append(Token(text, fmt, semantic))
    state.pending_custom = None


def _note(ref, state) -> NoteRef:
    fid = ref.get(w("id"))
    custom = ref.get(w("customMarkFollows")) in ("1", "true", "on")
    note = NoteRef(marker="", body=[])
    if custom:
        state.pending_custom = note
    else:
        note.marker = str(state.next_auto)
        state.next_auto += 1
    _body_later(note, state.footnotes.get(fid), custom, state)
    return note


def _body_later(note, element, custom, state) -> None:
    """A note's body is read once its paragraph is done: a custom mark is known only then."""
    state.notes.append(note)
    if element is not None:
        state.pending_bodies.append((note, element, custom))


def _resolve_bodies(state) -> None:
    pending, state.pending_bodies = state.pending_bodies, []
    for note, element, custom in pending:
        note.body = _note_body(element, state, note.marker if custom else None)


def _endnote(ref, state) -> NoteRef:
    """An endnote is kept as a footnote; Word numbers endnotes i, ii, iii by default."""
    from drafting.readers.docx_numbering import format_number

    note = NoteRef(marker="", body=[])
    if ref.get(w("customMarkFollows")) in ("1", "true", "on"):
        state.pending_custom = note
    else:
        note.marker = format_number(state.next_endnote, "lowerRoman")
        state.next_endnote += 1
    _body_later(note, state.endnotes.get(ref.get(w("id"))),
                ref.get(w("customMarkFollows")) in ("1", "true", "on"), state)
    return note


def _note_body(element, state, custom_marker: str | None = None) -> list:
    paras = []
    saved = state.pending_custom
    state.pending_custom = None
    for p in element.iter(w("p")):
        tokens: list = []
        _walk_note(p, tokens, state)
        paras.append(tokens)
    state.pending_custom = saved
    # the mark and the space or tab after it are not part of the note's text
    if paras:
        first = paras[0]
        while first and isinstance(first[0], Token) and not first[0].text.strip():
            first.pop(0)
        if first and isinstance(first[0], Token):
            first[0].text = first[0].text.lstrip()
            # a custom mark repeated at the start of the note in an unstyled run
            if custom_marker and first[0].text.startswith(custom_marker):
                first[0].text = first[0].text[len(custom_marker):].lstrip()
    return [_inlines(tokens) for tokens in paras if _has_text(tokens)] or [[""]]


def _walk_note(p, tokens, state) -> None:
    """Runs of a footnote paragraph, leaving out the reference mark (footnoteRef or custom)."""
    leading = True
    for r in p.iter(w("r")):
        if not _run_kept(r, state):
            continue
        rstyle = r.find(f"{w('rPr')}/{w('rStyle')}")
        key = state.char_styles.get(rstyle.get(w("val")), ("",))[0] if rstyle is not None else ""
        if r.find(w("footnoteRef")) is not None or r.find(w("endnoteRef")) is not None:
            continue
        if leading and key in ("footnotereference", "endnotereference", "footnotecharacters",
                               "endnotecharacters"):
            continue   # a custom mark repeated at the start of the note
        before = len(tokens)
        _run(r, tokens, state, _in_deleted(r))
        if len(tokens) > before and any(isinstance(t, Token) and t.text.strip() for t in tokens[before:]):
            leading = False


def _run_kept(r, state) -> bool:
    parent = r.getparent()
    while parent is not None and parent.tag != w("p"):
        if parent.tag in INSERTED and state.revisions == "reject":
            return False
        if parent.tag in DELETED and state.revisions == "accept":
            return False
        parent = parent.getparent()
    return True


def _in_deleted(r) -> bool:
    parent = r.getparent()
    while parent is not None and parent.tag != w("p"):
        if parent.tag in DELETED:
            return True
        parent = parent.getparent()
    return False


def _has_text(tokens) -> bool:
    return any((isinstance(t, Token) and t.text.strip()) or isinstance(t, NoteRef) for t in tokens)


def _inlines(tokens) -> list:
    """Tokens -> inline items, formatting nested so that ``<b><i>x</i> y</b>`` stays one ``b``."""
    items = []
    for t in tokens:
        if isinstance(t, Token):
            items.append((t.text, t.fmt))
        else:
            items.append((t, frozenset()))
    return _nest(items)


def _nest(items) -> list:
    out: list = []
    i = 0
    while i < len(items):
        value, fmt = items[i]
        if not fmt:
            if isinstance(value, str) and out and isinstance(out[-1], str):
                out[-1] += value
            else:
                out.append(value)
            i += 1
            continue
        tag = next(t for t in FORMAT_ORDER if t in fmt)
        j = i
        group = []
        while j < len(items) and tag in items[j][1]:
            group.append((items[j][0], items[j][1] - {tag}))
            j += 1
        out.append(Styled(tag, _nest(group)))
        i = j
    return out


def _strip_inlines(items: list) -> list:
    """Trim whitespace at both ends of a list of inlines (text ends only)."""
    items = list(items)
    if items and isinstance(items[0], str):
        items[0] = items[0].lstrip()
        if not items[0]:
            items.pop(0)
    if items and isinstance(items[-1], str):
        items[-1] = items[-1].rstrip()
        if not items[-1]:
            items.pop()
    return items


def _split_num(tokens, pattern=None) -> tuple[str | None, list]:
    """Take a printed number off the front of a paragraph: ``12.<tab>`` (ours) or a typed one."""
    if not tokens or not isinstance(tokens[0], Token):
        return None, tokens
    text = tokens[0].text
    if pattern is None:
        head, tab, rest = text.partition("\t")
        if not tab or not head.strip() or len(head) > 16:
            return None, tokens
        num = head.strip()
    else:
        m = pattern.match(text)
        if not m:
            return None, tokens
        num, rest = m.group(1), text[m.end():]
    out = list(tokens)
    out[0] = Token(rest, tokens[0].fmt, tokens[0].semantic)
    if not rest:
        out.pop(0)
    return num, out


def _plain(tokens) -> str:
    # str.split folds runs of white space as the regex \s+ would, at a fraction of the cost
    return " ".join("".join(t.text for t in tokens if isinstance(t, Token)).split())


def _tokens_inlines(tokens) -> list:
    return _strip_inlines(_inlines(tokens))


# -- assembling the blocks ------------------------------------------------------------------------


FRONT_ROLES = {"masthead", "sessionInfo", "titleBlock", "prefaceOther"}


class _Assembler:
    def __init__(self, lang: str, facts: dict, name: str) -> None:
        self.blocks = DocumentBlocks(kind=facts.get("kind") or "note", lang=lang, source_name=name)
        self.facts = facts
        self.current: Para | None = None
        self.lists: list[list] = []          # lists[d-1] = the item list of depth d
        self.last_point_label: dict[int, str] = {}
        self.seen_agenda = False

    # front matter (our styles)
    def masthead_row(self, rec: Record) -> None:
        m = self.blocks.masthead
        groups = _semantic_groups(rec.tokens)
        plain_before = ""
        any_semantic = False
        for sem, toks in groups:
            text = _plain(toks)
            if sem is None:
                notes = [t for t in toks if isinstance(t, NoteRef)]
                if notes and m.symbol_note is None:
                    m.symbol_note = notes[0]
                plain_before += "".join(t.text for t in toks if isinstance(t, Token))
                continue
            any_semantic = True
            if sem == "docAuthority":
                m.organs.append(text)
            elif sem == "docNumber":
                m.symbol = text
            elif sem == "distribution":
                m.distribution = text
                m.distribution_kind = self.facts.get("distribution") or _distribution_kind(text)
            elif sem == "docDate":
                m.date_text = text
                m.date = self._date(text)
            elif sem == "languageOfExpression":
                m.language_line = text
            elif sem == "originalLanguage":
                m.original = text
                m.original_label = plain_before.strip() or None
            elif sem == "jobNumber":
                m.job_number = text
            plain_before = ""
        if not any_semantic and plain_before.strip() and m.date_text is None:
            m.date_text = re.sub(r"\s+", " ", plain_before).strip()

    def _date(self, text: str) -> _dt.date | None:
        if self.facts.get("date") and self.facts.get("dateText") == text:
            try:
                return _dt.date.fromisoformat(self.facts["date"])
            except ValueError:
                pass
        try:
            from drafting.locale import parse_date
        except ImportError:
            return None
        return parse_date(text, self.blocks.lang)

    def session_row(self, rec: Record) -> None:
        pf = self.blocks.preface
        groups = _semantic_groups(rec.tokens)
        sems = {sem for sem, _ in groups}
        if "agendaItem" in sems:
            pf.agenda_text = _plain(rec.tokens)
            pf.agenda_item = next(_plain(t) for s, t in groups if s == "agendaItem")
            notes = [t for t in rec.tokens if isinstance(t, NoteRef)]
            if notes:
                pf.agenda_note = notes[0]
            self.seen_agenda = True
            return
        if sems == {"agendaItemTitle"} or ("agendaItemTitle" in sems and len(sems) <= 2):
            toks = [t for s, ts in groups if s == "agendaItemTitle" for t in ts]
            pf.agenda_title = _tokens_inlines(toks)
            return
        if "docCommittee" in sems:
            pf.body = next(_plain(t) for s, t in groups if s == "docCommittee")
            return
        if "session" in sems:
            text = next(_plain(t) for s, t in groups if s == "session")
            pf.session_text = text
            value = self.facts.get("session") if self.facts.get("sessionText") == text else None
            pf.session_number = int(value) if value and value.isdigit() else _session_number(text)
            return
        if pf.place_dates is None and not self.seen_agenda and not pf.extra:
            pf.place_dates = _plain(rec.tokens)
        else:
            pf.extra.append(_tokens_inlines(rec.tokens))

    def title_row(self, rec: Record) -> None:
        pf = self.blocks.preface
        for sem, toks in _semantic_groups(rec.tokens):
            if sem == "docProponent":
                pf.sponsors.append(_plain(toks))
            elif sem == "docType":
                if pf.doc_type is None:
                    pf.doc_type = _plain(toks)
                else:
                    pf.doc_type_extra.append(_plain(toks))
            elif sem == "docTitle":
                pf.title = _tokens_inlines(toks)
            elif sem is None and _plain(toks) and _plain(toks) not in (":", *vocabulary().conjunctions):
                if not any(s in ("docProponent", "docType", "docTitle") for s, _ in _semantic_groups(rec.tokens)):
                    pf.title = _tokens_inlines(rec.tokens)

    # body
    def paragraph(self, num, inlines, role="paragraph", line=None) -> None:
        para = Para(num, inlines, role=role, line=line)
        if role in ("formula", "preambular"):
            self.blocks.preamble.append(para)
            self.current = None
            self.lists = []
            return
        if role == "conclusion":
            self.blocks.conclusions.append(Para(None, inlines, role="paragraph", line=line))
            return
        self.blocks.body.append(para)
        self.current = para
        self.lists = [para.points]

    def table(self, rows, header_rows, line=None) -> None:
        cells = [[_tokens_inlines(cell) for cell in row] for row in rows]
        self.blocks.body.append(Para(None, [], line=line, table=cells, header_rows=header_rows))
        self.current = None
        self.lists = []

    def heading(self, level, num, inlines, line=None) -> None:
        self.blocks.body.append(Heading(level, num, inlines, line=line))
        self.current = None
        self.lists = []

    def point(self, depth, num, inlines, line=None) -> None:
        if self.current is None:
            self.paragraph(None, [], line=line)
        depth = max(1, min(depth, len(self.lists)))
        point = Point(num, inlines, line=line)
        self.lists[depth - 1].append(point)
        self.lists = self.lists[:depth] + [point.points]
        if num:
            self.last_point_label[depth] = num

    def list_heading(self, depth, inlines, line=None) -> None:
        if self.current is None:
            self.heading("crossHeading", None, inlines, line)
            return
        depth = max(1, min(depth, len(self.lists)))
        self.lists[depth - 1].append(Heading("crossHeading", None, inlines, line=line))
        self.lists = self.lists[:depth]

    def wrap_up(self, inlines, line=None) -> None:
        if self.current is None or not self.current.points:
            self.paragraph(None, inlines, line=line)
            return
        self.current.wrap_up = inlines
        self.current = None
        self.lists = []


def _semantic_groups(tokens) -> list[tuple[str | None, list]]:
    groups: list[tuple[str | None, list]] = []
    for t in tokens:
        sem = t.semantic if isinstance(t, Token) else None
        if isinstance(t, Token) and sem is None and t.text == "\t":
            sem = None
        if groups and groups[-1][0] == sem:
            groups[-1][1].append(t)
        else:
            groups.append((sem, [t]))
    return groups


def _distribution_kind(text: str) -> str | None:
    try:
        from drafting.locale import distribution_kind
        return distribution_kind(text)
    except ImportError:
        low = text.lower()
        for stem, kind in (("lim", "limited"), ("restr", "restricted"), ("gen", "general"), ("gén", "general")):
            if stem in low:
                return kind
    return None


def _session_number(text: str) -> int | None:
    try:
        from drafting.locale import parse_session_ordinal
        return parse_session_ordinal(text)
    except ImportError:
        return None


def _assemble(records: list[Record], lang: str, facts: dict, name: str,
              header_records: list[Record] = ()) -> DocumentBlocks:
    asm = _Assembler(lang, facts, name)
    ours = any(r.role in FRONT_ROLES or (r.role or "").startswith("point") for r in records) \
        or bool(facts.get("kind"))
    records = [r for r in records if _has_text(r.tokens) or r.auto_label]
    if not ours:
        header_records = [r for r in header_records if _plain(r.tokens)]
        records = _front_matter_foreign(header_records + records, asm, len(header_records))
    for rec in records:
        role = rec.role
        line = rec.index
        if role == "masthead":
            asm.masthead_row(rec)
        elif role == "sessionInfo":
            asm.session_row(rec)
        elif role == "titleBlock":
            asm.title_row(rec)
        elif role == "prefaceOther":
            asm.blocks.preface.extra.append(_tokens_inlines(rec.tokens))
        elif role == "table":
            asm.table(rec.rows, rec.header_rows, line)
        elif role == "annex":
            num, toks = _split_num(rec.tokens)
            asm.heading("annex", num, _tokens_inlines(toks), line)
        elif role in ("chapter", "section", "subsection"):
            num, toks = _split_num(rec.tokens) if ours else _foreign_heading_num(rec)
            if rec.auto_label:
                num = rec.auto_label[0]
            asm.heading(role, num, _tokens_inlines(toks), line)
        elif role == "crossHeading":
            # a top-level cross-heading may carry a num (printed before a tab)
            num, toks = _split_num(rec.tokens) if ours else (None, rec.tokens)
            asm.heading("crossHeading", num, _tokens_inlines(toks), line)
        elif role and role.startswith("point"):
            num, toks = _split_num(rec.tokens)
            asm.point(int(role[-1]), num, _tokens_inlines(toks), line)
        elif role and role.startswith("listHeading"):
            asm.list_heading(int(role[-1]), _tokens_inlines(rec.tokens), line)
        elif role == "wrapUp":
            asm.wrap_up(_tokens_inlines(rec.tokens), line)
        elif role in ("formula", "preambular", "conclusion", "quote"):
            num, toks = _split_num(rec.tokens) if role == "quote" else (None, rec.tokens)
            if num and not PROFILE_PARA_NUM.fullmatch(num):
                num, toks = None, rec.tokens
            asm.paragraph(num, _tokens_inlines(toks), role=role, line=line)
        elif ours:
            num, toks = _split_num(rec.tokens)
            if num and not PROFILE_PARA_NUM.fullmatch(num):
                num, toks = None, rec.tokens   # not a paragraph number: it stays text
            asm.paragraph(num, _tokens_inlines(toks), line=line)
        else:
            _foreign_paragraph(rec, asm)
    kind = facts.get("kind")
    if kind:
        asm.blocks.kind = kind
    return asm.blocks


# -- documents from elsewhere ----------------------------------------------------------------------


def _foreign_heading_num(rec: Record):
    num, toks = _split_num(rec.tokens)
    if num is None:
        num, toks = _split_num(rec.tokens, HEADING_NUM)
    return num, toks


def _foreign_paragraph(rec: Record, asm: _Assembler) -> None:
    """A paragraph of a DOCX not made by this toolkit: number and kind from its label or text."""
    line = rec.index
    if rec.auto_label:
        _foreign_numbered(rec, asm, *rec.auto_label)
        return
    num, toks = _split_num(rec.tokens, PARA_NUM)
    if num:
        asm.paragraph(num, _tokens_inlines(toks), line=line)
        return
    num, toks = _split_num(rec.tokens, POINT_NUM)
    if num and asm.current is not None:
        depth = 2 if _is_roman_point(num, asm) else 1
        asm.point(depth, num, _tokens_inlines(toks), line)
        return
    text = _plain(rec.tokens)
    if rec.all_bold and len(text) < 200 and not text.endswith((".", ";", ",")):
        num, toks = _split_num(rec.tokens, HEADING_NUM)
        level = "crossHeading"
        if num and re.fullmatch(r"[IVXL]+\.", num):
            level = "chapter"
        elif num and re.fullmatch(r"[A-Z]\.", num):
            level = "section"
        elif num:
            level = "subsection"
        asm.heading(level, num if level != "crossHeading" else None,
                    _tokens_inlines(toks if level != "crossHeading" else rec.tokens), line)
        return
    asm.paragraph(None, _tokens_inlines(rec.tokens), line=line)


def _foreign_numbered(rec: Record, asm: _Assembler, label: str, ilvl: int) -> None:
    """A paragraph Word numbers itself: a heading, a paragraph or a point, by its label."""
    line = rec.index
    inlines = _tokens_inlines(rec.tokens)
    text = _plain(rec.tokens)
    heading_like = len(text) < 150 and not text.endswith((".", ";", ",", ":"))
    if ilvl == 0 and heading_like and re.fullmatch(r"[IVXL]+\.", label):
        asm.heading("chapter", label, inlines, line)
    elif ilvl == 0 and heading_like and re.fullmatch(r"[A-Z]\.", label):
        asm.heading("section", label, inlines, line)
    elif ilvl == 0 and PROFILE_PARA_NUM.fullmatch(label):
        asm.paragraph(label, inlines, line=line)
    elif asm.current is not None:
        depth = 2 if _is_roman_point(label, asm) else 1
        asm.point(max(depth, ilvl), label, inlines, line)
    else:  # a number that is neither a paragraph's nor a point's: kept as text
        asm.paragraph(None, _strip_inlines([label + " "] + inlines), line=line)


def _is_roman_point(label: str, asm: _Assembler) -> bool:
    m = ROMAN_LABEL.match(label)
    if not m:
        return False
    letter = m.group(1)
    previous = asm.last_point_label.get(1, "")
    prev = re.sub(r"[^a-z]", "", previous)
    # "(i)" after "(h)" is a letter; "(i)" anywhere else opens the second level.
    if len(letter) == 1 and prev and ord(letter) == ord(prev[-1]) + 1:
        return False
    return len(asm.lists) >= 2


def _front_matter_foreign(records: list[Record], asm: _Assembler, in_header: int = 0) -> list[Record]:
    """Masthead and title of a document from elsewhere, with the text reader's recognisers.

    The front matter is what comes before the first heading or numbered paragraph; lines the
    recognisers do not know stay in the body, so no text is lost. The first ``in_header``
    records come from the first-page header, where UN templates print the masthead: there a
    short line without digits is an organ ("General Assembly"); other header lines are page
    furniture and are reported.
    """
    try:
        from drafting.readers import text_masthead as tm
    except ImportError:
        return records
    m, pf = asm.blocks.masthead, asm.blocks.preface
    kept = []
    in_front = True
    for position, rec in enumerate(records):
        text = _plain(rec.tokens)
        from_header = position < in_header
        if in_front and not from_header and (rec.role in ("chapter", "section", "subsection") or rec.auto_label
                         or PARA_NUM.match(text)):
            in_front = False
        if not in_front or not text:
            kept.append(rec)
            continue
        fields = None
        try:
            fields = tm.masthead_fields(text)
        except Exception:  # a recogniser's own limits must not stop reading
            fields = None
        if fields:
            for f in fields:
                tm.apply_field(m, f)
            notes = [t for t in rec.tokens if isinstance(t, NoteRef)]
            if notes and m.symbol and m.symbol_note is None:
                m.symbol_note = notes[0]
            continue
        if vocabulary().organization.fullmatch(text):
            m.organs.append(text)
            continue
        if tm.is_session_line(text):
            pf.session_text, pf.session_number = text, tm.session_number(text)
            continue
        item = tm.agenda_item(text)
        if item:
            pf.agenda_text, pf.agenda_item = text, item
            continue
        if pf.session_text and not pf.place_dates and tm.is_place_dates(text):
            pf.place_dates = text
            continue
        if from_header:
            if len(text) < 120 and not re.search(r"\d", text):
                m.organs.append(text)
            else:
                asm.blocks.note("info", f"first-page header line left out: {text}", code="furniture")
            continue
        kind = tm.document_kind(text)
        if kind and pf.doc_type is None:
            key, sponsors = kind
            pf.sponsors = sponsors
            pf.doc_type = text.rpartition(":")[2].strip() if ":" in text else text
            asm.blocks.kind = tm.kind_of(key, None)
            continue
        if m.symbol or m.distribution:
            # under a recognised masthead, the other lines before the body are the title
            # (bold) and preface lines; without one they are body text (a note, a letter)
            if rec.all_bold and pf.title is None:
                pf.title = _tokens_inlines(rec.tokens)
            else:
                pf.extra.append(_tokens_inlines(rec.tokens))
            continue
        kept.append(rec)
    return kept
