"""Footnote rules: references and bodies match, numbers follow first references, and the marker
sits on the right side of punctuation for the language."""

from __future__ import annotations

import re

from drafting.check.registry import rule
from drafting.model.akn import local, text_content, xp

PUNCTUATION = ".,;:"


def body_notes(doc):
    """Footnotes of the body (not the agenda asterisk on the symbol line), in document order."""
    cached = doc.__dict__.get("_body_notes")
    if cached is None:
        cached = doc.__dict__["_body_notes"] = [
            note for note in xp(doc.doc, ".//a:authorialNote")
            if not any(local(a) == "coverPage" for a in note.iterancestors())]
    return cached


def _calls_are_plain_figures(doc) -> bool:
    """A text extracted from printed pages: its footnote calls lost their raised position and
    are figures among the text's own figures, so a call the reader did not find, or took from
    a figure, is no evidence of a call missing or out of order in the document (its PDF, a
    DOCX or AKN file carry the calls and are read for them)."""
    return doc.format == "text" and doc.read_from_pages


def _owner_eid(note):
    parent = note.getparent()
    while parent is not None:
        if local(parent) in ("paragraph", "point", "container", "formula", "crossHeading",
                             "chapter", "section", "subsection") and parent.get("eId"):
            return parent.get("eId")
        parent = parent.getparent()
    return None


def _note_finding(doc, rule_id, message, note, needle=None):
    eid = note.get("eId")
    line = doc.source_lines.get(eid) if eid else None
    owner = _owner_eid(note)
    unit_num = None
    for u in doc.units:
        if u.eid == owner:
            unit_num = u.num
            break
    if line is None:
        line = doc.line_of(owner)
    return doc.finding(rule_id, message, eid=eid or owner, num=unit_num, line=line, needle=needle)


@rule("UN301", "footnote-without-body", "error",
      "Every footnote reference has a footnote text.",
      """A footnote marker in the text whose footnote text is empty or missing: the reader has
      nothing to show at the bottom of the page.""")
def footnote_without_body(doc):
    for note in body_notes(doc):
        text = " ".join(text_content(p) for p in note.iterchildren("{*}p")).strip()
        if not text:
            yield _note_finding(doc, "UN301", f"footnote {note.get('marker')} has a reference "
                                f"but no text", note, needle=note.get("marker"))


@rule("UN302", "footnote-without-reference", "error",
      "Every footnote text is referenced from the text.",
      """A footnote printed at the bottom of a page with no marker in the text that refers to
      it (the reference was lost or never inserted). The model keeps the note at the end of
      the paragraph where its text was printed. A text extracted from printed pages is not
      read for it: its calls are plain figures (the PDF is).""")
def footnote_without_reference(doc):
    if _calls_are_plain_figures(doc):
        return
    unanchored = {n.get("marker"): n for n in body_notes(doc) if n.get("refersTo") == "#unanchored"}
    if doc.read_from_pages:
        # a table's notes (a, b) are referenced from inside the table, which a reading of
        # pages may not hold as text (a table drawn as an image, or read as lines)
        unanchored = {k: n for k, n in unanchored.items() if not (k or "").isalpha()}
    diagnostics = doc.diagnostics_with("unanchored-note")
    if diagnostics:  # the reader knows the line of the footnote text in the source file
        for d in diagnostics:
            m = re.search(r"footnote (\S+)", d.message)
            if m and doc.read_from_pages and m.group(1).isalpha():
                continue
            note = unanchored.get(m.group(1)) if m else None
            eid = note.get("eId") if note is not None else None
            yield doc.finding("UN302", d.message, eid=eid, line=d.line,
                              column=1 if d.line else None)
        return
    for marker, note in unanchored.items():
        yield _note_finding(doc, "UN302", f"footnote {marker} has no reference in the text",
                            note, needle=marker)


@rule("UN303", "footnote-order", "warning",
      "Footnotes are numbered 1, 2, 3 in the order of their first reference.",
      """Numbered footnotes follow the order in which the text first refers to them, with no
      gaps and no repeats of a number for a different note. The agenda asterisk and letters
      (table notes) are not counted. A text extracted from printed pages is not read for it:
      its calls are plain figures (the PDF is).""")
def footnote_order(doc):
    if _calls_are_plain_figures(doc):
        return
    # numbered notes (a mark of more than six digits is no footnote number: a foreign file's)
    notes = [n for n in body_notes(doc) if (n.get("marker") or "").isdigit() and len(n.get("marker")) <= 6]
    unanchored = {int(n.get("marker")) for n in notes if n.get("refersTo") == "#unanchored"}
    expected = 1
    seen = set()
    for note in notes:
        if note.get("refersTo") == "#unanchored":
            continue
        n = int(note.get("marker"))
        if n in seen:
            continue  # a second reference to the same note
        while expected in unanchored and expected != n:
            expected += 1  # its own finding (UN302) says why it is missing here
        if n != expected:
            yield _note_finding(doc, "UN303", f"footnote {n} is referenced where footnote "
                                f"{expected} is expected", note, needle=note.get("marker"))
        seen.add(n)
        expected = max(expected, n) + 1


def _text_before(sup) -> str:
    """The text just before a footnote marker (past other markers right before it: ``^{8, 9}``)."""
    prev = sup.getprevious()
    while prev is not None and not (prev.tail or "").strip() and xp(prev, "self::a:sup[a:authorialNote]"):
        prev = prev.getprevious()
    if prev is not None:
        return prev.tail if (prev.tail or "").strip() else text_content(prev, skip_notes=True)
    parent = sup.getparent()
    return parent.text or "" if parent is not None else ""


@rule("UN304", "footnote-marker-punctuation", "warning",
      "The footnote marker sits after punctuation in English, before it in French and Spanish.",
      """Where a footnote reference meets a full stop, comma, colon or semicolon, English puts the
      marker after the punctuation (“Convention.¹”) and French and Spanish before it
      (“Convention¹.”).""")
def footnote_marker_punctuation(doc):
    from drafting.locale import LANGS, footnote_marker_position
    if doc.lang not in LANGS:
        return
    after = footnote_marker_position(doc.lang) == "after_punctuation"
    for note in body_notes(doc):
        if note.get("refersTo") == "#unanchored":
            continue
        sup = note.getparent()
        if sup is None or local(sup) != "sup":
            continue
        before = _text_before(sup).rstrip()
        following = (sup.tail or "").lstrip()
        marker = note.get("marker")
        if after and following[:1] in PUNCTUATION and following[:1] and not before[-1:] in PUNCTUATION:
            yield _note_finding(doc, "UN304", f"footnote {marker} stands before “{following[0]}”; "
                                f"in {doc.lang} the marker follows the punctuation", note)
        elif not after and before[-1:] and before[-1:] in PUNCTUATION and not (before[-2:] in ("..",)):
            yield _note_finding(doc, "UN304", f"footnote {marker} stands after “{before[-1]}”; "
                                f"in {doc.lang} the marker goes before the punctuation", note)
