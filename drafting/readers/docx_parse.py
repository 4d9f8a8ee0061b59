"""DOCX reader, first half: the package parsed into paragraphs of runs (pandoc's Docx/Parse.hs).

What Word knows is gathered here and nothing is interpreted: each paragraph of the body (and of
the first-page header) becomes a ``Record`` of text tokens with their formats and semantic
character styles, footnote references with their bodies, the number Word auto-numbering prints,
the style's name and role, the indent and alignment. Tracked changes are resolved as accepted
(default) or rejected; a paragraph whose mark goes (deleted and accepted, inserted and
rejected) flows into the next one, which keeps its own properties (in Word the formatting lives
in the mark). Tables are read whole (a table of one cell, a box drawn around text, as the
paragraphs it frames); text boxes and content controls are read where they stand.
What a record means (a heading, a preambular paragraph, the symbol) is decided by
``docx_styled`` (this toolkit's own styles) or by the shared passes (``docx_lines``).
"""

from __future__ import annotations

import json
from dataclasses import field

from drafting.errors import DraftingError
from drafting.locale import languages
from drafting.model.blocks import NoteRef, Styled, plain_text
from drafting.ooxml.footnotes import first_number, notes_by_id, unanchored_key
from drafting.ooxml.names import w
from drafting.ooxml.numbering import Numbering, format_number
from drafting.ooxml.package import DocxPackage
from drafting.ooxml.styles import (
    FRONT_ROLES,
    PROPERTY_PREFIX,
    SEMANTIC_BY_KEY,
    StyleSheet,
    first_children,
    formats_of,
    style_key,
)
from drafting.readers.passes.language import detect_language
from drafting.records import record

FORMAT_ORDER = ("b", "i", "u", "sup", "sub")
TRANSPARENT = {w(t) for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple",
                              "customXml", "bdo", "dir")}
INSERTED = {w("ins"), w("moveTo")}
DELETED = {w("del"), w("moveFrom")}
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FALLBACK = f"{{{MC_NS}}}Fallback"
TEXTBOX = w("txbxContent")
SKIPPED_CONTAINERS = {w("footnote"), w("endnote"), FALLBACK}
# names used per paragraph and per run, built once
W_PPR, W_PSTYLE, W_VAL, W_NUMPR, W_IND, W_JC, W_SPACING = (
    w("pPr"), w("pStyle"), w("val"), w("numPr"), w("ind"), w("jc"), w("spacing"))
W_PAGE_BREAK_BEFORE, W_R, W_BR, W_TYPE = w("pageBreakBefore"), w("r"), w("br"), w("type")
W_LEFT, W_START, W_FIRST_LINE, W_HANGING = w("left"), w("start"), w("firstLine"), w("hanging")
W_BEFORE, W_AFTER = w("before"), w("after")
W_PBDR, W_DEL, W_INS, W_P, W_PPR_CHANGE = w("pBdr"), w("del"), w("ins"), w("p"), w("pPrChange")
W_COMMENT_START = w("commentRangeStart")
VML, OFFICE = "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office"
VML_RECT, VML_LINE, O_HR = f"{{{VML}}}rect", f"{{{VML}}}line", f"{{{OFFICE}}}hr"


@record(slots=True)
class Token:
    """A stretch of a paragraph's text with its formatting (and its meaning, for a field)."""

    text: str
    fmt: frozenset = frozenset()
    semantic: str | None = None


@record(slots=True)
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
    cell_paragraphs: list | None = None   # the same cells, each a list of its paragraphs' tokens
    header_rows: int = 0
    indent: float | None = None   # left indent in points (direct or from the style)
    first_line: float | None = None   # first-line indent in points (negative: hanging)
    centered: bool = False
    in_textbox: bool = False
    outline: int | None = None    # the style's outline level (0: a top heading)
    space_before: int = 0         # twips of space above and below the paragraph (style or direct)
    space_after: int = 0
    page_break_before: bool = False
    rule: bool = False            # a paragraph that prints only a horizontal rule
    bullet: bool = False          # Word numbering prints a bullet before it

    @property
    def text(self) -> str:
        return "".join([t.text for t in self.tokens if t.__class__ is Token])


@record
class ParseState:
    """What the walk of a document carries from one paragraph to the next."""

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
    styles: StyleSheet | None = None    # the document's styles (a run's character style)
    textbox_paragraphs: int = 0
    page_break: bool = False     # the paragraph being read holds a page break




@record
class ParsedDocx:
    """A DOCX as the interpreting half receives it."""

    name: str
    records: list            # the body's paragraphs and tables, in reading order
    header_records: list     # the first-page header's paragraphs (UN templates put the masthead there)
    facts: dict              # this toolkit's custom properties (drafting.*), prefix removed
    lang: str
    state: ParseState
    problems: list           # damaged optional parts, read with defaults
    footer_records: list = field(default_factory=list)   # the first-page footer's paragraphs
    properties: dict = field(default_factory=dict)       # every custom document property by name

    @property
    def ours(self) -> bool:
        """Written by this toolkit: its facts are stored, or its paragraph styles are used."""
        return bool(self.facts.get("kind")) or any(
            r.role in FRONT_ROLES or (r.role or "").startswith("point") for r in self.records)


PROGRESS_FROM = 2000     # paragraphs: a shorter document is read before a bar would draw
PROGRESS_EVERY = 500


def parse_docx(data: bytes, name: str = "input", revisions: str = "accept", lang: str | None = None,
               progress=None) -> ParsedDocx:
    """``progress(done, total)``, if given, is called as the paragraphs of a long body are read."""
    if revisions not in ("accept", "reject"):
        raise DraftingError(f"--revisions must be accept or reject, not {revisions!r}")
    pkg = DocxPackage(data, name, lenient=("styles", "numbering"))
    props = pkg.properties()
    facts = {k[len(PROPERTY_PREFIX):]: v for k, v in props.items() if k.startswith(PROPERTY_PREFIX)}
    styles = StyleSheet(pkg.parts["styles"])
    state = ParseState(revisions=revisions, footnotes=notes_by_id(pkg.parts["footnotes"]),
                       endnotes=notes_by_id(pkg.parts["endnotes"], "endnote"))
    state.next_auto = first_number(pkg.document, pkg.parts["settings"])
    state.styles = styles
    numbering = Numbering(pkg.parts["numbering"], pkg.parts["styles"])

    body = pkg.document.find(w("body"))
    if body is None:
        raise DraftingError(f"{name}: not a Word document (no body)")
    records = []
    joined = None
    tables_seen: set = set()
    frames: set = set()      # tables of one cell, read as the paragraphs they frame (this
    # toolkit's own files, which say what they are, keep a table of one cell a table)
    paragraphs = list(body.iter(W_P))
    if progress is None or len(paragraphs) < PROGRESS_FROM:
        progress = None
    for i, p in enumerate(paragraphs, start=1):
        if progress is not None and i % PROGRESS_EVERY == 0:
            progress(i, len(paragraphs))
        # most paragraphs stand in the body itself: no note, text box or table around them
        nested = p.getparent() is not body
        container = _container(p) if nested else None
        if container in SKIPPED_CONTAINERS:
            continue
        table = _enclosing_table(p) if nested else None
        if table is not None and table not in tables_seen and not facts.get("kind") and _frame(table):
            frames.add(table)
            tables_seen.add(table)
        if table is not None and table in frames:
            table = None   # a table of one cell frames text (a box): its paragraphs are read as such
        if table is not None:
            # A table is read once, as a whole, where its first paragraph stands.
            if table not in tables_seen:
                tables_seen.add(table)
                records.append(_table_record(table, i, styles, numbering, state))
            continue
        para_props, mark = _paragraph_props(p, state)
        rec = _record(p, i, styles, numbering, state, para_props)
        if container == TEXTBOX:
            rec.in_textbox = True
            state.textbox_paragraphs += 1
        if joined is not None:
            if has_text(joined.tokens):
                rec.tokens = joined.tokens + rec.tokens
                rec.index = joined.index
            joined = None
        if mark is not None and _mark_removed(mark, revisions):
            state.changes += 1
            joined = rec
            continue
        records.append(rec)
    if joined is not None and has_text(joined.tokens):
        records.append(joined)
    if progress is not None:
        progress(len(paragraphs), len(paragraphs))
    _mark_unanchored(state.notes, facts.get("unanchored"))
    lang = lang or facts.get("lang") or _detect_language(records) or _lang_of_styles(pkg.parts["styles"])
    if lang not in languages():
        lang = "en"
    if pkg.parts["comments"] is not None:
        state.comments = max(state.comments, len(pkg.parts["comments"].findall(w("comment"))))

    # the first page's header (the symbol at the top) and footer (the job number), or where the
    # first page's prints nothing (a first page whose masthead is in the body) the next pages'
    header_records = _first_printing(pkg.header_parts(), styles, numbering, state)
    footer_records = _first_printing(pkg.footer_parts(), styles, numbering, state)
    return ParsedDocx(name, records, header_records, facts, lang, state,
                      pkg.problems + numbering.problems, footer_records, props)


def _first_printing(parts, styles, numbering, state) -> list:
    """The records of the first of ``parts`` (headers or footers, first page's first) that
    prints any text; none if none does."""
    for part in parts:
        records = [_record(p, 0, styles, numbering, state) for p in part.iter(w("p"))
                   if _container(p) not in SKIPPED_CONTAINERS]
        if any(has_text(rec.tokens) for rec in records):
            return records
    return []


# -- language, footnotes, tables ---------------------------------------------------------------------


def _detect_language(records) -> str | None:
    """Word's default language is often en-US whatever the text: the text decides."""
    text = "\n".join(r.text for r in records[:400])
    if len(text.strip()) < 200:
        return None
    return detect_language(text)


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


def _mark_unanchored(notes, recorded: str | None) -> None:
    if not recorded:
        return
    try:
        keys = set(json.loads(recorded))
    except (ValueError, TypeError):
        return
    for note in notes:
        text = " ".join(plain_text(para) for para in note.body)
        if unanchored_key(note.marker, text) in keys:
            note.anchored = False


def _mark_removed(mark, revisions: str) -> bool:
    """A tracked deletion (accepted) or insertion (rejected) of the paragraph mark itself
    (``mark``: the ``w:rPr`` of the paragraph's ``w:pPr``)."""
    return mark.find(W_DEL if revisions == "accept" else W_INS) is not None


def _frame(table) -> bool:
    """A table of one row of one cell (none nested in it): a frame drawn around text."""
    rows = table.findall(w("tr"))
    return (len(rows) == 1 and len(rows[0].findall(w("tc"))) == 1
            and next(rows[0].iter(w("tbl")), None) is None)


def _enclosing_table(p):
    """The outermost table a paragraph stands in, if any."""
    found, parent = None, p.getparent()
    while parent is not None:
        if parent.tag == w("tbl"):
            found = parent
        parent = parent.getparent()
    return found


def _table_record(table, index, styles, numbering, state) -> Record:
    rows, header_rows, tokens, paragraphs = [], 0, [], []
    for tr in table.iter(w("tr")):
        if _enclosing_table(tr) is not table:
            continue  # rows of a table nested in a cell are read as that cell's text
        cells, cells_paragraphs = [], []
        for tc in tr.findall(w("tc")):
            cell: list = []
            cell_paragraphs = []
            for p in tc.iter(w("p")):
                if cell:
                    cell.append(Token(" "))
                cell_paragraphs.append(_record(p, index, styles, numbering, state).tokens)
                cell.extend(cell_paragraphs[-1])
            cells.append(cell)
            cells_paragraphs.append(cell_paragraphs)
            tokens.extend(cell)
        paragraphs.append(cells_paragraphs)
        trpr = tr.find(w("trPr"))
        if trpr is not None and trpr.find(w("tblHeader")) is not None and len(rows) == header_rows:
            header_rows += 1
        rows.append(cells)
    return Record(index, "table", "", tokens, rows=rows, header_rows=header_rows, cell_paragraphs=paragraphs)


def _container(p):
    """The innermost note, text box or alternate-content fallback a paragraph stands in (the
    fallback repeats its choice's text box for old readers), else None."""
    parent = p.getparent()
    while parent is not None:
        if parent.tag in SKIPPED_CONTAINERS or parent.tag == TEXTBOX:
            return parent.tag
        parent = parent.getparent()
    return None


# -- paragraphs and runs ---------------------------------------------------------------------


def _paragraph_props(p, state) -> tuple[dict, object]:
    """A paragraph's properties (the children of its ``w:pPr``, by tag) and its mark's
    (the ``w:rPr`` there, None if it has none). A tracked change of the properties, rejected,
    gives the old ones (style, numbering); the mark's stay the paragraph's own."""
    # (the schema puts w:pPr first: no search where it stands there)
    ppr = p[0] if len(p) else None
    if ppr is not None and ppr.tag != W_PPR:
        ppr = p.find(W_PPR)
    if ppr is None:
        return {}, None
    props: dict = {}
    mark = None
    for child in ppr:
        tag = child.tag
        props[tag] = child
        if tag == W_RPR and mark is None:
            mark = child
    if state.revisions == "reject":
        change = ppr.find(W_PPR_CHANGE)
        if change is not None:
            state.changes += 1
            old = change.find(W_PPR)
            props = {child.tag: child for child in old} if old is not None else {}
    return props, mark


def _record(p, index, styles, numbering, state, props=None) -> Record:
    if props is None:
        props = _paragraph_props(p, state)[0]
    style = props.get(W_PSTYLE)
    sid = style.get(W_VAL) if style is not None else None
    key, role, style_fmt, outline, left, before, after = styles.paragraph(sid)
    tokens: list = []
    state.page_break = False
    _walk(p, tokens, state, False)
    if state.pending_bodies:
        _resolve_bodies(state)
    label = numbering.label_of(props.get(W_NUMPR), sid)
    all_bold = False
    bold_style = "b" in style_fmt
    for t in tokens:
        # (a footnote call typed raised after a bold title is seldom bold itself: it does not
        # make the title's paragraph any less bold, as a reference mark does not)
        if t.__class__ is Token and "sup" not in t.fmt and t.text.strip():
            all_bold = bold_style or "b" in t.fmt
            if not all_bold:
                break
    first = None
    ind = props.get(W_IND)
    if ind is not None:
        left = _twips(ind.get(W_LEFT) or ind.get(W_START), left or 0)
        first = (_twips(ind.get(W_FIRST_LINE), 0) - _twips(ind.get(W_HANGING), 0)) / 20
    jc = props.get(W_JC)
    spacing = props.get(W_SPACING)
    if spacing is not None:
        before = _twips(spacing.get(W_BEFORE), before)
        after = _twips(spacing.get(W_AFTER), after)
    return Record(index, role, key, tokens, label, all_bold=all_bold,
                  indent=left / 20 if left is not None else None, first_line=first,
                  centered=jc is not None and jc.get(W_VAL) == "center", outline=outline,
                  space_before=before, space_after=after,
                  page_break_before=W_PAGE_BREAK_BEFORE in props or state.page_break,
                  rule=not tokens and _draws_rule(p, props.get(W_PBDR)), bullet=numbering.bullet)


def _draws_rule(p, borders) -> bool:
    """An empty paragraph that prints a horizontal line: Word's horizontal-line shape (VML
    ``o:hr``, what pandoc writes for a thematic break) or a border above or below it."""
    if borders is not None and (borders.find(w("bottom")) is not None or borders.find(w("top")) is not None):
        return True
    return any(shape.get(O_HR) in ("t", "true") for shape in p.iter(VML_RECT, VML_LINE))


def _twips(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int(float(value))
    except ValueError:
        return default


def _walk(node, tokens, state, deleted) -> None:
    for child in node:
        tag = child.tag
        if tag == W_R:
            _run(child, tokens, state, deleted)
        elif tag == W_PPR:
            continue
        elif tag in INSERTED:
            state.changes += 1
            if state.revisions == "accept":
                _walk(child, tokens, state, deleted)
        elif tag in DELETED:
            state.changes += 1
            if state.revisions == "reject":
                _walk(child, tokens, state, True)
        elif tag in TRANSPARENT:
            _walk(child, tokens, state, deleted)
        elif tag == W_COMMENT_START:
            state.comments += 1


# what a run's children print
# a non-breaking hyphen is the character U+2011 (LibreOffice writes that character as one); a
# line break (Shift+Enter) ends a printed line inside the paragraph: it is kept as U+2028, white
# space to every reader of the text (``str.split``), where the printed lines are drawn from it
LINE_BREAK = "\u2028"
RUN_TEXT = {w("tab"): "\t", w("br"): LINE_BREAK, w("cr"): LINE_BREAK, w("noBreakHyphen"): "\u2011"}
W_T, W_DEL_TEXT, W_RPR, W_RSTYLE, W_RPR_CHANGE = w("t"), w("delText"), w("rPr"), w("rStyle"), w("rPrChange")
W_FOOTNOTE_REF, W_ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
NO_FORMAT: frozenset = frozenset()


def _run(r, tokens, state, deleted) -> None:
    fmt = NO_FORMAT
    semantic = None
    is_note_ref_style = False
    # the run's properties: its first child by the schema (a search only for a run of several
    # children whose first is something else)
    rpr = r[0] if len(r) else None
    if rpr is not None and rpr.tag != W_RPR:
        rpr = r.find(W_RPR) if len(r) > 1 else None
    if rpr is not None:
        props = first_children(rpr)
        change = props.get(W_RPR_CHANGE)
        if change is not None:
            state.changes += 1
            if state.revisions == "reject":   # the formatting the run had before the change
                old = change.find(W_RPR)
                props = first_children(old) if old is not None else {}
        base = NO_FORMAT
        rstyle = props.get(W_RSTYLE)
        if rstyle is not None:
            sid = rstyle.get(W_VAL)
            key, style_fmt = state.styles.character(sid) or (style_key(sid), NO_FORMAT)
            semantic = SEMANTIC_BY_KEY.get(key)
            is_note_ref_style = key in ("footnotereference", "endnotereference")
            if not is_note_ref_style:
                base = style_fmt
        fmt = formats_of(props, base)      # direct formatting over the style's
    for child in r:
        tag = child.tag
        if tag == W_T or (tag == W_DEL_TEXT and deleted):
            text = child.text or ""
        elif tag in RUN_TEXT:
            text = RUN_TEXT[tag]
            if tag == W_BR and child.get(W_TYPE) in ("page", "column"):
                text = " "
                state.page_break = state.page_break or child.get(W_TYPE) == "page"
        elif tag == W_FOOTNOTE_REF:
            tokens.append(_note(child, state))
            continue
        elif tag == W_ENDNOTE_REF:
            tokens.append(_endnote(child, state))
            continue
        else:
            continue
        if state.pending_custom is not None:
            # a custom footnote mark: the run's text after w:customMarkFollows (one text or
            # several, a character each)
            state.pending_custom.marker += text.strip()
            continue
        if is_note_ref_style and not text.strip():
            continue
        last = tokens[-1] if tokens else None
        if last is not None and last.__class__ is Token and last.fmt == fmt and last.semantic == semantic:
            last.text += text
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
    for p in element.iter(W_P):
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
    return [inlines(tokens) for tokens in paras if has_text(tokens)] or [[""]]


NOTE_MARKS = {w("footnoteRef"), w("endnoteRef")}
NOTE_MARK_STYLES = ("footnotereference", "endnotereference", "footnotecharacters", "endnotecharacters")


def _walk_note(p, tokens, state) -> None:
    """Runs of a footnote paragraph, leaving out the reference mark (footnoteRef or custom)."""
    leading = True
    for r in p.iter(W_R):
        deleted = False
        if r.getparent() is not p:      # (most runs stand in the paragraph itself)
            kept, deleted = _run_place(r, state)
            if not kept:
                continue
        key = ""
        found = False     # (the first character style of the run's properties)
        for child in r:
            tag = child.tag
            if tag in NOTE_MARKS:
                break
            if tag == W_RPR and not found:
                for prop in child:
                    if prop.tag == W_RSTYLE:
                        found = True
                        style = state.styles.character(prop.get(W_VAL))
                        key = style[0] if style is not None else ""
                        break
        else:
            if leading and key in NOTE_MARK_STYLES:
                continue   # a custom mark repeated at the start of the note
            before = len(tokens)
            _run(r, tokens, state, deleted)
            if len(tokens) > before and any(t.__class__ is Token and t.text.strip() for t in tokens[before:]):
                leading = False


def _run_place(r, state) -> tuple[bool, bool]:
    """Is a run kept under the revisions chosen (not in a deletion accepted or an insertion
    rejected), and does it stand in a deletion? (Up to its paragraph.)"""
    kept, deleted = True, False
    parent = r.getparent()
    while parent is not None and parent.tag != W_P:
        if parent.tag in INSERTED and state.revisions == "reject":
            kept = False
        if parent.tag in DELETED:
            deleted = True
            if state.revisions == "accept":
                kept = False
        parent = parent.getparent()
    return kept, deleted


def has_text(tokens) -> bool:
    return any((isinstance(t, Token) and t.text.strip()) or isinstance(t, NoteRef) for t in tokens)


def inlines(tokens) -> list:
    """Tokens -> inline items, formatting nested so that ``<b><i>x</i> y</b>`` stays one ``b``."""
    items = []
    for t in tokens:
        if isinstance(t, Token):
            items.append((t.text.replace(LINE_BREAK, " ") if LINE_BREAK in t.text else t.text, t.fmt))
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


def strip_inlines(items: list) -> list:
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


def split_num(tokens, pattern=None) -> tuple[str | None, list]:
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


def plain(tokens) -> str:
    # str.split folds runs of white space as the regex \s+ would, at a fraction of the cost
    return " ".join("".join(t.text for t in tokens if isinstance(t, Token)).split())


def tokens_inlines(tokens) -> list:
    return strip_inlines(inlines(tokens))


