"""DOCX reader: a Word document into the AKN model (through DocumentBlocks and build_akn).

Two halves, as pandoc splits its DOCX reader: ``docx_parse`` reads the package into paragraphs
of runs (what Word knows, nothing interpreted); the interpretation depends on who wrote it:
- a DOCX this toolkit exported: every paragraph's style says exactly what it is
  (``docx_styled``): the round trip is exact;
- any other Word file (UN templates, pandoc, LibreOffice, Word): headings by style, numbers from
  Word auto-numbering (computed as Word prints them) or typed, sub-paragraphs by their labels,
  the masthead and title recognised with the text reader's recognisers.

Footnotes come from footnotes.xml (auto-numbered, or custom marks such as ``*``); italics, bold,
underline, superscripts and subscripts are kept. Tracked changes are resolved as accepted
(default) or rejected (``revisions="reject"``); comments are ignored with a diagnostic.
"""

from __future__ import annotations

import datetime as _dt

from drafting.model.blocks import Heading, NoteRef, Para, Point, plain_text
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.docx_lines import docx_lines, render_lines
from drafting.readers.docx_parse import ParsedDocx, parse_docx
from drafting.readers.passes import read_lines
from drafting.readers.passes.front import is_formula
from drafting.readers.text_inline import parse_inline


def read(data: bytes, name: str = "input", lang: str | None = None, **options) -> ReadResult:
    parsed = parse_docx(data, name, options.get("revisions") or "accept", lang, options.get("progress"))
    if parsed.ours:
        # (imported here: a Word file made elsewhere, the usual input, never needs it)
        from drafting.readers.docx_styled import assemble

        blocks = assemble(parsed.records, parsed.lang, parsed.facts, name, parsed.header_records)
    else:
        blocks = read_lines(docx_lines(parsed), name, parsed.lang)
        _title_in_its_style(blocks, parsed)
        _stated_in_properties(blocks, parsed.properties)
        if not _un_masthead(blocks):
            # a letter, a CV: its paragraphs, no masthead forced on it; read again with the text
            # opening under its title (the first paragraph, when it is set as one), so that no
            # paragraph is taken for a preface line
            lines = docx_lines(parsed)
            headed = sum(1 for rec in parsed.header_records for text in render_lines(rec.tokens) if text.strip())
            first = next((k for k in range(headed, len(lines)) if lines[k].zone is None), None)
            if first is not None:
                titled = lines[first].bold or lines[first].centered
                at = next((k for k in range(first + 1, len(lines)) if lines[k].zone is None), None) if titled else first
                if at is not None:
                    lines[at].opens_body = True
                    blocks = read_lines(lines, name, parsed.lang)
            _short_lines_as_paragraphs(blocks, lines)
            blocks.kind = "doc"
    report(parsed, blocks)
    built = build_akn(blocks)
    return ReadResult(root=built.root, diagnostics=blocks.diagnostics, source_lines=built.source_lines)


def _title_in_its_style(blocks, parsed: ParsedDocx) -> None:
    """A paragraph in Word's ``Title`` style, before any other text, is the document's title: a
    word processor's own mark for it (pandoc prints a Markdown file's title so, above the text).
    Where the passes left it an organ's name or a preface line ("Follow-up to the Fifth United
    Nations Conference ...", no masthead around it), it is the title; what they took for the
    title stays a preface line."""
    first = next((rec for rec in parsed.records if rec.rows is not None or rec.text.strip()), None)
    if (first is None or first.rows is not None or first.style != "title"
            or any(isinstance(t, NoteRef) for t in first.tokens)):
        return   # (a title with a note call keeps the passes' reading, which pairs the call)
    text = " ".join(render_lines(first.tokens, bold_marks=False))
    printed = " ".join(plain_text(parse_inline(text, [])).split())
    m, pf = blocks.masthead, blocks.preface
    organs = [organ for organ in m.organs if " ".join(organ.split()) != printed]
    extra = [line for line in pf.extra if " ".join(plain_text(line).split()) != printed]
    if pf.title and len(extra) == len(pf.extra):
        # the passes read it as something else (an organ's name above the title they found, a
        # session line): kept
        return
    m.organs, pf.extra = organs, extra
    if pf.title:
        pf.extra.insert(0, pf.title)
    pf.title = parse_inline(text, [])


# the front matter's one-line keys a document property can hold (pandoc makes each key of a
# Markdown file's front matter a custom property of the Word or OpenDocument file; a list, such
# as the organs or the document lines, it leaves empty)
STATED_KEYS = ("kind", "symbol", "job_number", "distribution", "date", "session", "agenda_item",
               "agenda_title", "agenda_note", "title_note")


def _stated_in_properties(blocks, properties: dict) -> None:
    """The masthead facts a Word file states in its custom document properties, named as a
    session file's and this toolkit's Markdown front matter's keys (``kind``, ``symbol``,
    ``job_number``, ``date`` ...: a file pandoc made from such Markdown, its masthead not
    printed), where the printed page does not give them. The kind they state is the document's
    where no symbol is printed (the passes then guess it from the text: a formula reads as a
    draft's). A value of the wrong form is left out."""
    keys = {k: properties[k].strip() for k in STATED_KEYS if (properties.get(k) or "").strip()}
    if "kind" not in keys:
        return    # (the usual case: the session keys' module is then never loaded)
    from drafting.model.session_frame import build_frame
    from drafting.model.session_keys import AKN_KINDS, DISTRIBUTIONS, KINDS

    if keys.get("kind") not in KINDS and keys.get("kind") not in AKN_KINDS:
        return    # (no kind of a UN document: the properties are some other program's)
    if keys.get("distribution") not in DISTRIBUTIONS:
        keys.pop("distribution", None)
    try:
        keys["date"] = _dt.date.fromisoformat(keys["date"]) if "date" in keys else None
    except ValueError:
        keys["date"] = None
    keys["session"] = int(keys["session"]) if keys.get("session", "").isdigit() else None
    kind, stated, preface = build_frame({k: v for k, v in keys.items() if v is not None}, blocks.lang)
    m, pf = blocks.masthead, blocks.preface
    if m.symbol is None:
        blocks.kind = kind
    for name in ("symbol", "job_number", "distribution", "distribution_kind", "date", "date_text"):
        if getattr(m, name) is None:
            setattr(m, name, getattr(stated, name))
    for name in ("session_number", "session_text", "agenda_item", "agenda_text", "agenda_title", "agenda_note"):
        if getattr(pf, name) is None:
            setattr(pf, name, getattr(preface, name))
    # the note on the title block ("The present report was submitted after the deadline ...")
    stated_note = [item for item in preface.title or [] if isinstance(item, NoteRef)]
    if stated_note and pf.title and not any(isinstance(item, NoteRef) for item in pf.title):
        pf.title = [*pf.title, *stated_note]


def _short_lines_as_paragraphs(blocks, lines) -> None:
    """A letter's or a CV's short lines (a name, a date, a job title, an address) are its
    paragraphs: in a Word file that is no UN document only a heading style or a paragraph set
    bold throughout makes a heading of one (a UN document's unstyled cross-headings are found by
    their content, as on its printed page)."""
    marked = {line.no for line in lines if line.bold or line.heading}

    def plain(items, kind):
        for k, item in enumerate(items):
            if isinstance(item, Heading) and item.level == "crossHeading" and item.line not in marked:
                items[k] = kind(None, item.text, line=item.line)
            elif isinstance(item, (Para, Point)):
                plain(item.points, Point)   # (in a list: an item without a label)

    plain(blocks.body, Para)


NUMBERED_TEXT = 3     # numbered paragraphs that make a text (a CV or a letter may list two)


def _un_masthead(blocks) -> bool:
    """Anything of a UN document: a masthead field, a session, a document type, a title that
    says what UN document it is ("Letter dated ... from the Permanent Representative of ...
    addressed to the Secretary-General"), an enacting formula or a text of numbered paragraphs
    (a letter or a CV has none of them)."""
    m, pf = blocks.masthead, blocks.preface
    if m.symbol or m.distribution or m.organs or pf.session_text or pf.doc_type or blocks.kind == "letter":
        return True
    paras = [b for b in blocks.preamble + blocks.body if isinstance(b, Para)]   # (a formula opens the preamble)
    return any(b.role in ("formula", "preambular") or (not b.num and is_formula(plain_text(b.text).strip()))
               for b in paras) or sum(1 for b in paras if b.num) >= NUMBERED_TEXT


def report(parsed: ParsedDocx, blocks) -> None:
    """What the parse resolved or could not read, as diagnostics of the document."""
    state = parsed.state
    for problem in parsed.problems:
        blocks.note("warning", problem, code="docx-damaged-part")
    if state.textbox_paragraphs:
        blocks.note("info", f"{state.textbox_paragraphs} paragraph(s) read from text boxes", code="textbox")
    if state.comments:
        blocks.note("info", f"{state.comments} comment(s) ignored", code="comments")
    if state.changes:
        verb = "accepted" if state.revisions == "accept" else "rejected"
        blocks.note("info", f"{state.changes} tracked change(s) {verb}", code="revisions")
