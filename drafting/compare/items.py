"""The comparable items of a document: one per unit, with numbers set apart from text.

A paragraph's number is metadata (it changes when anything before it is inserted), so the text
that is compared never contains it. A footnote reference is one atomic placeholder character
(``NOTE``) inside the text, the same for every footnote, so that renumbered footnotes compare
equal; the footnote bodies are kept beside the text, in reference order, and compared on their
own. Italics, bold and underlining are kept as runs beside the text: a change of formatting alone
is not a change of text (the idea of xmldiff's ``formatting.py``, where inline markup becomes
placeholder characters around a plain string).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafting.model.akn import doc_element, first, local, q, xp

HEADING_ELEMENTS = {"chapter", "section", "subsection"}

NOTE = "\ue000"          # a footnote reference inside compared text
STYLE_TAGS = {"i", "b", "u", "sup", "sub"}
# Only ASCII white space is layout; a no-break space is typography (French "article 5 :") and a
# change between the two is a change the editor must see.
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# Words for similarity: Latin/Cyrillic/Arabic words, and single CJK characters.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_WORD_PATTERN = rf"[{_CJK}]|[^\W{_CJK}]+"
_TOKEN_PATTERN = rf"[{_CJK}]|[^\W{_CJK}]+|\s+|."
_compiled: dict[str, re.Pattern] = {}   # compiled on first use: large classes cost ~8 ms


def _pattern(source: str) -> re.Pattern:
    got = _compiled.get(source)
    if got is None:
        got = _compiled[source] = re.compile(source, re.S)
    return got
HEADING_KINDS = {"heading", "crossHeading"}


@dataclass
class NoteBody:
    marker: str
    text: str
    eid: str | None
    anchored: bool = True
    element: object = field(default=None, repr=False, compare=False)


@dataclass
class Item:
    """One unit of a document as the aligner sees it."""

    index: int
    kind: str                        # heading, crossHeading, formula, preambular, paragraph, point, wrapUp
    eid: str | None
    num: str | None                  # as printed: "12.", "a)", "IV."
    text: str                        # whitespace-normalised, footnote references as NOTE
    runs: list[tuple[str, frozenset]]  # the same text cut where formatting changes
    notes: list[NoteBody]            # bodies of the footnotes referenced, in order
    chapter_eid: str | None = None
    depth: int = 0
    element: object = field(default=None, repr=False)
    _words: Counter | None = field(default=None, repr=False)

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
    def words(self) -> Counter:
        """Bag of words and word pairs: the pairs keep two formulaic paragraphs that share
        their vocabulary but not their sentences ("Le Groupe de travail a examiné...") apart."""
        if self._words is None:
            self._words = words_of(self.text)
        return self._words

    @property
    def style_signature(self) -> tuple:
        """Which stretches of text carry which formatting, independent of where they sit."""
        out = []
        for text, tags in self.runs:
            text = text.replace(NOTE, "").strip()   # the sup around a footnote reference is no style
            if tags and text:
                out.append((tuple(sorted(tags)), text))
        return tuple(out)

    @property
    def plain(self) -> str:
        return self.text.replace(NOTE, "")


def words_of(text: str) -> Counter:
    words = [w.lower() for w in _pattern(_WORD_PATTERN).findall(text)]
    bag = Counter(words)
    bag.update(a + " " + b for a, b in zip(words, words[1:]))
    return bag


def tokens_of(text: str) -> list[str]:
    """Word-level tokens (character-level for Chinese/Japanese/Korean), spaces kept as tokens."""
    return _pattern(_TOKEN_PATTERN).findall(text)


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
        out.add(NOTE, tags)
        notes.append(node)
    elif isinstance(tag, str):
        style = _STYLE_BY_TAG.get(tag)
        inner = tags | {style} if style else tags
        if node.text:
            out.add(node.text, inner)
        for child in node:
            _emit(child, out, notes, inner, False)
    if not top and node.tail:
        out.add(node.tail, tags)


_CONTENT, _LIST, _INTRO, _WRAP, _NUM = (q(t) for t in ("content", "list", "intro", "wrapUp", "num"))


def _text_parts(el) -> list:
    """The elements whose text is the unit's own (number and nested points left out)."""
    name = local(el)
    if name in HEADING_ELEMENTS:
        heading = first(el, "a:heading")
        return [heading] if heading is not None else []
    if name in ("crossHeading", "formula", "container"):
        return [el]
    if el.tag == _WRAP:
        return [el]
    parts = []
    for child in el:
        tag = child.tag
        if tag == _CONTENT:
            parts.append(child)
        elif tag == _LIST:      # the wrap-up after the points is a unit of its own
            parts.extend(sub for sub in child if sub.tag == _INTRO)
    return parts


def note_text(note) -> str:
    parts = []
    for p in xp(note, "a:p"):
        b = _RunBuilder()
        _emit(p, b, [], frozenset(), True)
        parts.append("".join(t for t, _ in b.finish()))
    return " ".join(p for p in parts if p)


def item_of(kind: str, el, index: int, num: str | None, depth: int, chapter_eid: str | None) -> Item:
    builder = _RunBuilder()
    note_elements: list = []
    for i, part in enumerate(_text_parts(el)):
        if i:
            builder.add(" ", frozenset())
        _emit(part, builder, note_elements, frozenset(), True)
    runs = builder.finish()
    notes = [NoteBody(n.get("marker", ""), note_text(n), n.get("eId"),
                      n.get("refersTo") != "#unanchored", n) for n in note_elements]
    return Item(index=index, kind=kind, eid=el.get("eId"), num=num,
                text="".join(t for t, _ in runs), runs=runs, notes=notes,
                chapter_eid=chapter_eid, depth=depth, element=el)


_UNIT_KIND = {q(name): kind for name, kind in (
    ("chapter", "heading"), ("section", "heading"), ("subsection", "heading"),
    ("crossHeading", "crossHeading"), ("paragraph", "paragraph"), ("point", "point"))}
_CHAPTER = q("chapter")


def _num(el) -> str | None:
    for child in el:
        if child.tag == _NUM:
            return child.text.strip() if child.text else None
    return None


@dataclass
class UnitRef:
    """Where a unit is, without its text: what an edit script needs."""

    kind: str
    element: object
    num: str | None
    depth: int
    chapter_eid: str | None

    @property
    def eid(self) -> str | None:
        return self.element.get("eId")


def unit_refs(root) -> list[UnitRef]:
    """Every unit in reading order, with the kinds of ``drafting.model.units.body_units``
    (walked here without its text views, which the comparison computes its own way), plus
    ``wrapUp``: the text after a list of points is printed as its own paragraph after them, so
    it is compared as one (``body_units`` folds it into the paragraph's own text)."""
    out: list[UnitRef] = []
    doc = doc_element(root)
    for part in doc:
        name = local(part)
        if name == "preamble":
            for child in part:
                cname = local(child)
                if cname == "formula":
                    out.append(UnitRef("formula", child, None, 0, None))
                elif cname == "container":
                    out.append(UnitRef("preambular", child, None, 0, None))
        elif name == "mainBody":
            _walk(part, out, 0, None)
    return out


def items_of(root) -> list[Item]:
    """Every unit of the document (preamble, headings, paragraphs, points) as an Item."""
    return [item_of(u.kind, u.element, k, u.num, u.depth, u.chapter_eid) for k, u in enumerate(unit_refs(root))]


def _walk(container, out: list[UnitRef], depth: int, chapter_eid: str | None) -> None:
    for child in container:
        kind = _UNIT_KIND.get(child.tag)
        if kind is None:
            continue
        if kind == "heading":
            chap = child.get("eId") if child.tag == _CHAPTER else chapter_eid
            out.append(UnitRef(kind, child, _num(child), depth, chap))
            _walk(child, out, depth + 1, chap)
        elif kind == "crossHeading":
            out.append(UnitRef(kind, child, None, depth, chapter_eid))
        else:
            out.append(UnitRef(kind, child, _num(child), depth, chapter_eid))
            for lst in child:
                if lst.tag == _LIST:
                    _walk(lst, out, depth + 1, chapter_eid)
                    for sub in lst:
                        if sub.tag == _WRAP:
                            out.append(UnitRef("wrapUp", sub, None, depth + 1, chapter_eid))
