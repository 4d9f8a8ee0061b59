"""The comparable items of a document: one per unit of the model's reading-order view
(``drafting.model.units.body_units``), with numbers set apart from text.

A paragraph's number is metadata (it changes when anything before it is inserted), so the text
that is compared never contains it. A footnote call is one atom inside the text: a private-use
character that stands for the note's text, not its number (xmldiff's placeholder idea), so a
note renumbered because an earlier note was added compares equal, and a call moved or removed
is one token of the diff. The note bodies are kept beside the text, in call order, and compared
on their own. Italics, bold and underlining are kept as runs beside the text: a change of
formatting alone is not a change of text.
"""

from __future__ import annotations

import re
from dataclasses import field

from drafting.compare.typography import squash
from drafting.model.akn import q, xp
from drafting.model.units import body_units, text_parts
from drafting.records import record
from drafting.regex import lazy_compile

STYLE_TAGS = {"i", "b", "u", "sup", "sub"}
# Footnote atoms: plane 16 of the private use area (the word diff uses plane 15).
NOTE_FIRST, NOTE_LAST = 0x100000, 0x10FFFD
NOTE_ATOMS = re.compile("[\U00100000-\U0010fffd]")
_note_atoms: dict[str, str] = {}
# Only ASCII white space is layout; a no-break space is typography (French "article 5 :").
_SPACE = lazy_compile(r"[ \t\n\r\f\v]+")
# Words for similarity: Latin/Cyrillic/Arabic words, and single CJK characters.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_CJK_RANGES = tuple(zip(_CJK[::3], _CJK[2::3]))
_WORD_PATTERN = rf"[{_CJK}]|[^\W{_CJK}]+"
_TOKEN_PATTERN = rf"[{_CJK}]|[^\W{_CJK}]+|\s+|."
# The same patterns for a text without those scripts: the large classes cost ~4 ms to compile,
# which most commands (no Chinese, Japanese or Korean text) need not pay.
_LATIN_WORD_PATTERN = r"\w+"
_LATIN_TOKEN_PATTERN = r"\w+|\s+|."
_compiled: dict[str, re.Pattern] = {}   # compiled on first use
HEADING_KINDS = {"heading", "crossHeading"}
_FIRST_WORD = re.compile(r"[^\W_]+")


def _is_cjk(ch: str) -> bool:
    """``ch`` is in _CJK (tested by ranges: compiling the class as a pattern costs ~2 ms)."""
    return any(low <= ch <= high for low, high in _CJK_RANGES)


def _has_cjk(text: str) -> bool:
    # only the distinct characters between the first and the last of the ranges are tested one
    # by one (the filters run in C): footnote atoms and Latin, Cyrillic, Arabic letters never are
    if text.isascii():
        return False
    return any(map(_is_cjk, filter("\u3040".__le__, filter("\ufaff".__ge__, set(text)))))


def _pattern(source: str) -> re.Pattern:
    got = _compiled.get(source)
    if got is None:
        got = _compiled[source] = re.compile(source, re.S)
    return got


def note_atom(text: str) -> str:
    """The one character that stands for a footnote call to a note with this text (typography
    of the note left aside): the same note gives the same atom in every document."""
    key = squash(text)
    atom = _note_atoms.get(key)
    if atom is None:
        atom = _note_atoms[key] = chr(NOTE_FIRST + len(_note_atoms) % (NOTE_LAST - NOTE_FIRST))
    return atom


def is_note(ch: str) -> bool:
    return NOTE_FIRST <= ord(ch) <= NOTE_LAST


def without_notes(text: str) -> str:
    return NOTE_ATOMS.sub("", text)


@record
class NoteBody:
    """A footnote as the comparison sees it: its marker, its text and its eId."""

    marker: str
    text: str
    eid: str | None
    anchored: bool = True
    element: object = field(default=None, repr=False, compare=False)


@record
class Item:
    """One unit of a document as the aligner sees it."""

    index: int
    kind: str                        # heading, crossHeading, formula, preambular, paragraph, point, wrapUp
    eid: str | None
    num: str | None                  # as printed: "12.", "a)", "IV."
    text: str                        # whitespace-normalised, footnote calls as atoms
    runs: list[tuple[str, frozenset]]  # the same text cut where formatting changes
    notes: list[NoteBody]            # bodies of the footnotes called, in order
    chapter_eid: str | None = None
    depth: int = 0
    element: object = field(default=None, repr=False)
    level: str = ""                  # chapter, annex, section, paragraph, point...
    part: str = "operative"          # preamble, operative or annex: where the unit stands
    _words: frozenset | None = field(default=None, repr=False)

    @property
    def family(self) -> str:
        return "heading" if self.kind in HEADING_KINDS else "text"

    @property
    def label(self) -> str | None:
        """The printed number without its trailing dot: ``12.`` -> ``12``, ``a)`` stays."""
        if not self.num:
            return None
        return self.num.strip().rstrip(".") or None

    @property
    def words(self) -> frozenset:
        """Set of words and word pairs: the pairs keep two formulaic paragraphs that share
        their vocabulary but not their sentences ("Le Groupe de travail a examiné...") apart."""
        if self._words is None:
            self._words = words_of(self.text)
        return self._words

    @property
    def opening(self) -> str:
        """The first word (UN paragraphs open with their verb: Recalling, Requests); the first
        character in Chinese, Japanese or Korean."""
        found = _FIRST_WORD.search(self.text)
        if not found:
            return ""
        word = found.group()
        # every CJK range starts after U+3040: a word opening below it needs no range test
        return word[0] if word[0] >= "\u3040" and _is_cjk(word[0]) else word.lower()

    @property
    def style_signature(self) -> tuple:
        """Which stretches of text carry which formatting, independent of where they sit."""
        out = []
        for text, tags in self.runs:
            text = without_notes(text).strip()   # the sup around a footnote call is no style
            if tags and text:
                out.append((tuple(sorted(tags)), text))
        return tuple(out)

    @property
    def plain(self) -> str:
        return without_notes(self.text)


def words_of(text: str) -> frozenset:
    words = _pattern(_WORD_PATTERN if _has_cjk(text) else _LATIN_WORD_PATTERN).findall(text.lower())
    return frozenset([*words, *map(" ".join, zip(words, words[1:]))])   # one set built, not two


def tokens_of(text: str) -> list[str]:
    """Word-level tokens (character-level for Chinese/Japanese/Korean), spaces kept as tokens."""
    return token_pattern(text).findall(text)


def token_pattern(text: str) -> re.Pattern:
    """The pattern ``tokens_of`` cuts ``text`` with. It has no anchor nor look-behind, so a
    stretch of the text that starts and ends where tokens do (``findall(text, pos, endpos)``)
    gives the same tokens as the whole text there."""
    return _pattern(_TOKEN_PATTERN if _has_cjk(text) else _LATIN_TOKEN_PATTERN)


class _RunBuilder:
    """Collects (text, tags) pieces, collapsing whitespace across piece boundaries."""

    def __init__(self) -> None:
        self.runs: list[list] = []
        self.space = True  # at the start, leading whitespace is dropped

    def add(self, text: str, tags: frozenset) -> None:
        if not text:
            return
        if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
            text = _SPACE.sub(" ", text)
        if self.space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        self.space = text.endswith(" ")
        if self.runs and self.runs[-1][1] == tags:
            self.runs[-1][0] += text
        else:
            self.runs.append([text, tags])

    def finish(self) -> list[tuple[str, frozenset]]:
        if self.runs and self.runs[-1][0].endswith(" "):
            self.runs[-1][0] = self.runs[-1][0][:-1]
            if not self.runs[-1][0]:
                self.runs.pop()
        return [(t, g) for t, g in self.runs]


_NOTE_TAG = q("authorialNote")
_STYLE_BY_TAG = {q(t): t for t in STYLE_TAGS}


def _emit(node, out: _RunBuilder, notes: list, tags: frozenset, top: bool) -> None:
    tag = node.tag
    if tag == _NOTE_TAG:
        body = note_text(node)
        out.add(note_atom(body), tags)
        notes.append((node, body))
    elif isinstance(tag, str):
        style = _STYLE_BY_TAG.get(tag)
        inner = tags | {style} if style else tags
        text = node.text            # lxml makes a new string at each read: read once
        if text:
            out.add(text, inner)
        for child in node:
            _emit(child, out, notes, inner, False)
    if not top:
        tail = node.tail
        if tail:
            out.add(tail, tags)


_TABLE, _CONTENT, _TR = q("table"), q("content"), q("tr")


def _emit_table(table, out: _RunBuilder, notes: list) -> None:
    """A table as the model's ``table_text`` prints it: cells joined by `` | ``, rows by `` / ``."""
    for r, row in enumerate(table.iter(_TR)):
        if r:
            out.add(" / ", frozenset())
        for c, cell in enumerate(x for x in row if isinstance(x.tag, str)):
            if c:
                out.add(" | ", frozenset())
            _emit(cell, out, notes, frozenset(), True)


def note_text(note) -> str:
    parts = []
    for p in xp(note, "a:p"):
        b = _RunBuilder()
        _emit(p, b, [], frozenset(), True)
        parts.append("".join(t for t, _ in b.finish()))
    return " ".join(p for p in parts if p)


def item_of(unit, index: int, part: str = "operative") -> Item:
    """The comparable form of one unit of ``body_units(root, wrap_ups=True)``."""
    builder = _RunBuilder()
    note_elements: list = []
    for i, piece in enumerate(text_parts(unit.element, wrap_up=not unit.wrap_up_apart)):
        if i:
            builder.add(" ", frozenset())
        # the first child table (``find``'s answer, without its path machinery)
        table = next(piece.iterchildren(_TABLE), None) if piece.tag == _CONTENT else None
        if table is not None:
            _emit_table(table, builder, note_elements)
        else:
            _emit(piece, builder, note_elements, frozenset(), True)
    runs = builder.finish()
    notes = [NoteBody(n.get("marker", ""), body, n.get("eId"), n.get("refersTo") != "#unanchored", n)
             for n, body in note_elements]
    return Item(index=index, kind=unit.kind, eid=unit.eid, num=unit.num,
                text="".join([t for t, _ in runs]), runs=runs, notes=notes,
                chapter_eid=unit.chapter_eid, depth=unit.depth, element=unit.element,
                level=unit.level, part=part)


def items_of(root) -> list[Item]:
    """Every unit of the document (preamble, headings, paragraphs, points, wrap-ups, annexes)
    as an Item, each knowing the part it stands in (preamble, operative, annex)."""
    out = []
    annex = None
    for k, unit in enumerate(body_units(root, wrap_ups=True)):
        if unit.level == "annex":
            annex = unit.eid
        if unit.kind in ("formula", "preambular"):
            part = "preamble"
        elif annex is not None:
            part = "annex"
        else:
            part = "operative"
        out.append(item_of(unit, k, part))
    return out
