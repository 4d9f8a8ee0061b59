"""Styles: this toolkit's style vocabulary, and what a ``styles.xml`` says about each style.

A paragraph's *style name* says what it is in the AKN (a chapter heading, a point at depth 2, a
masthead row); a run's *character style* says which semantic inline it is (the symbol, the date,
a sponsor). Names are compared with everything but letters and digits stripped, lower-cased
(``style_key``), as the UN Word templates vary in spaces and underscores.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.ooxml.names import w

_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9A-Za-z]")


@lru_cache(maxsize=4096)   # (a document names a few dozen styles, each asked for at every paragraph)
def style_key(name: str | None) -> str:
    """``_ H _Ch_G`` -> ``hchg``: how style names are compared."""
    return _NOT_LETTER_OR_DIGIT.sub("", name or "").lower()


# Paragraph styles the writer uses (names as in templates/reference.docx).
CHAPTER = "_ H _Ch_G"
SECTION = "_ H_1_G"
SUBSECTION = "_ H_2_G"
CROSS_HEADING = "_ H_4_G"
ANNEX = "_ H_Annex_G"
TABLE_TEXT = "_ Table Txt_G"
TEXT = "_ Single Txt_G"
OPERATIVE = "_ Operative_G"      # a resolution's operative paragraph: its number 24 pt in
WRAP_UP = "_ Wrap Up_G"
QUOTE = "_ Quote_G"
FORMULA = "_ Formula_G"
PREAMBLE = "_ Preamble_G"
CONCLUSION = "_ Conclusion_G"
MASTHEAD_TOP = "_ Masthead Top_G"
MASTHEAD_ORGAN = "_ Masthead Organ_G"
MASTHEAD_DISTR = "_ Masthead Distr_G"
MASTHEAD_JOB = "_ Masthead Job_G"
MASTHEAD_RULE = "_ Masthead Rule_G"   # the thick rule under the masthead (an empty paragraph)
SESSION_INFO = "_ Session Info_G"
SESSION_BODY = "_ Session Body_G"     # the committee or subsidiary body, larger
AGENDA_ITEM = "_ Agenda Item_G"
SESSION_PLACE = "_ Session Place_G"   # place and dates of the session
AGENDA_TITLE = "_ Agenda Title_G"
PREFACE_OTHER = "_ Preface Other_G"
DOC_TYPE = "_ Doc Type_G"
TITLE = "_ Title_G"
RESOLUTION_TITLE = "_ Resolution Title_G"   # smaller than a report's title
ADOPTED_TYPE = "_ Adopted Type_G"   # "Resolution adopted by the General Assembly on ...", 14 pt
FOOTNOTE_TEXT = "_ FootnoteText"
FOOTNOTE_REFERENCE = "footnote reference"


def point_style(depth: int) -> str:
    return f"_ Point_{min(max(depth, 1), 4)}_G"


def list_heading_style(depth: int) -> str:
    return f"_ List H_{min(max(depth, 1), 4)}_G"


HEADING_STYLE = {"chapter": CHAPTER, "section": SECTION, "subsection": SUBSECTION}

# Semantic inline elements of the masthead and preface -> character style name.
SEMANTIC_INLINES = [
    "docAuthority", "docNumber", "distribution", "docDate", "languageOfExpression",
    "originalLanguage", "jobNumber", "docCommittee", "session", "agendaItem",
    "agendaItemTitle", "docType", "docProponent", "docTitle",
    "inferredNumber",   # a paragraph number the source did not print (the run of the number)
]


def semantic_style(name: str) -> str:
    return f"AKN {name}"


# Reader side: style key -> role. Word's built-in heading names and UN template names map too.
PARAGRAPH_ROLES: dict[str, str] = {
    style_key(CHAPTER): "chapter", "heading1": "chapter", "hch": "chapter",
    style_key(SECTION): "section", "heading2": "section", "h1": "section",
    style_key(SUBSECTION): "subsection", "h23g": "subsection", "heading3": "subsection",
    "h23": "subsection",
    style_key(CROSS_HEADING): "crossHeading", "h4": "crossHeading", "heading4": "crossHeading",
    style_key(ANNEX): "annex",
    "h56g": "crossHeading",
    style_key(TEXT): "text", "singletxt": "text",
    style_key(WRAP_UP): "wrapUp",
    style_key(QUOTE): "quote",
    style_key(FORMULA): "formula",
    style_key(PREAMBLE): "preambular",
    style_key(CONCLUSION): "conclusion",
    style_key(MASTHEAD_TOP): "masthead", style_key(MASTHEAD_ORGAN): "masthead",
    style_key(MASTHEAD_DISTR): "masthead", style_key(MASTHEAD_JOB): "masthead",
    style_key(SESSION_INFO): "sessionInfo", style_key(SESSION_BODY): "sessionInfo",
    style_key(AGENDA_ITEM): "sessionInfo", style_key(AGENDA_TITLE): "sessionInfo",
    style_key(SESSION_PLACE): "sessionInfo",
    style_key(OPERATIVE): "text",
    style_key(PREFACE_OTHER): "prefaceOther",
    style_key(DOC_TYPE): "titleBlock", style_key(TITLE): "titleBlock",
    style_key(RESOLUTION_TITLE): "titleBlock", style_key(ADOPTED_TYPE): "titleBlock",
}
for _d in (1, 2, 3, 4):
    PARAGRAPH_ROLES[style_key(point_style(_d))] = f"point{_d}"
    PARAGRAPH_ROLES[style_key(list_heading_style(_d))] = f"listHeading{_d}"

# Roles of the masthead and preface rows: a document that uses them was written by this toolkit.
FRONT_ROLES = {"masthead", "sessionInfo", "titleBlock", "prefaceOther"}

SEMANTIC_BY_KEY = {style_key(semantic_style(n)): n for n in SEMANTIC_INLINES}

# Custom document properties: values the printed text does not carry (ISO date, kind ...).
PROPERTY_PREFIX = "drafting."


# -- reading a styles.xml ----------------------------------------------------------------------

W_STYLE, W_STYLE_ID, W_TYPE, W_NAME, W_BASED_ON = w("style"), w("styleId"), w("type"), w("name"), w("basedOn")
W_VAL, W_B, W_I, W_U, W_VERT_ALIGN = w("val"), w("b"), w("i"), w("u"), w("vertAlign")
W_RPR, W_PPR, W_OUTLINE, W_IND, W_SPACING = w("rPr"), w("pPr"), w("outlineLvl"), w("ind"), w("spacing")
OFF = ("0", "false", "off", "none")      # a toggle's values that switch it off


def first_children(el) -> dict:
    """An element's children by tag, the first of a repeated one (as ``find`` gives it): one
    pass over the children instead of a ``find`` per property asked."""
    out: dict = {}
    for child in el:
        if child.tag not in out:
            out[child.tag] = child
    return out


def formats_of(props: dict, base: frozenset = frozenset()) -> frozenset:
    """The formats (``b``, ``i``, ``u``, ``sup``, ``sub``) of a run whose properties are
    ``props`` (``first_children`` of its ``w:rPr``) over ``base``, its character style's: direct
    formatting switches a toggle on, or off (``<w:b w:val="0"/>``)."""
    b, i, u, va = props.get(W_B), props.get(W_I), props.get(W_U), props.get(W_VERT_ALIGN)
    if b is None and i is None and u is None and va is None:
        return base      # (most runs: no direct formatting of these)
    out = set(base)
    for tag, el in (("b", b), ("i", i)):
        if el is not None:
            if el.get(W_VAL, "true") in OFF:
                out.discard(tag)
            else:
                out.add(tag)
    if u is not None:
        # (a w:val of "false" or "off" switches a style's underline off and, being no
        # underline style Word knows, a single underline on: on, as before)
        if u.get(W_VAL, "single") in ("none", "0"):
            out.discard("u")
        else:
            out.add("u")
    if va is not None:
        if va.get(W_VAL) == "superscript":
            out.add("sup")
        elif va.get(W_VAL) == "subscript":
            out.add("sub")
    return frozenset(out)


def run_formats(rpr) -> frozenset:
    """The formats a run's properties switch on: ``b``, ``i``, ``u``, ``sup``, ``sub``."""
    return formats_of(first_children(rpr)) if rpr is not None else frozenset()


class StyleSheet:
    """What the reader needs of ``styles.xml``: per paragraph style its name key, the role it
    gives (through ``basedOn``: a style based on a heading is one), its formats, outline level,
    left indent and spacing; per character style its name key and formats.

    A document uses a few of the dozens of styles its sheet defines: the styles are indexed by
    id in one pass, and what a style says is worked out when a paragraph or run first names it
    (once per style: the answers are kept for the document)."""

    def __init__(self, root) -> None:
        self.root = root
        # styleId -> its w:style: any type (what ``basedOn`` and the formats follow), the
        # paragraph and the character styles; a repeated id: the last one, as Word reads it
        self._any: dict = {}
        self._para: dict = {}
        self._char: dict = {}
        self._facts: dict = {}
        self._chars: dict = {}
        self._formats: dict = {}
        self.default_spacing = (0, 0)
        if root is None:
            return
        default = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}/{w('spacing')}")
        if default is not None:
            self.default_spacing = (_twips(default.get(w("before"))), _twips(default.get(w("after"))))
        for style in root.iterchildren(W_STYLE):
            sid = style.get(W_STYLE_ID)
            self._any[sid] = style
            kind = style.get(W_TYPE)
            if kind == "character":
                self._char[sid] = style
            elif kind is None or kind == "paragraph":
                self._para[sid] = style

    def _key(self, style, sid) -> str:
        name_el = style.find(W_NAME)
        return style_key(name_el.get(W_VAL) if name_el is not None else sid)

    def _chain(self, sid) -> list:
        """The style and those it is based on, nearest first (a loop read once)."""
        out, seen, cur = [], set(), sid
        while cur and cur not in seen:
            seen.add(cur)
            out.append(cur)
            style = self._any.get(cur)
            based = style.find(W_BASED_ON) if style is not None else None
            cur = based.get(W_VAL) if based is not None else None
        return out

    def _own_formats(self, sid) -> frozenset:
        found = self._formats.get(sid)
        if found is None:
            style = self._any.get(sid)
            found = self._formats[sid] = run_formats(style.find(W_RPR)) if style is not None else frozenset()
        return found

    def paragraph(self, sid: str | None) -> tuple:
        """What a paragraph of style ``sid`` takes from it: ``(key, role, formats, outline,
        indent, space_before, space_after)`` (outline level and indent None where the style
        sets none; spacing in twips, the defaults filled in). A style the sheet does not define
        gives its name alone."""
        found = self._facts.get(sid)
        if found is None:
            found = self._facts[sid] = self._paragraph(sid)
        return found

    def _paragraph(self, sid) -> tuple:
        style = self._para.get(sid)
        if style is None:
            key, role, fmt, outline, indent, spacing = style_key(sid or "Normal"), None, frozenset(), None, None, (None, None)
        else:
            key = self._key(style, sid)
            role, fmt, outline, indent, spacing = self._inherited(sid)
        if sid is None and "Normal" in self._para:
            # a paragraph without a style has Word's "Normal" spacing
            spacing = self._inherited("Normal")[4]
        before, after = spacing
        return (key, role, fmt, outline, indent,
                self.default_spacing[0] if before is None else before,
                self.default_spacing[1] if after is None else after)

    def _inherited(self, sid) -> tuple:
        """Role, formats, outline level, indent and (before, after) of a paragraph style
        through its ``basedOn`` chain: the nearest style that sets each wins (formats add up)."""
        role, fmt, outline, indent, before, after = None, set(), None, None, None, None
        for cur in self._chain(sid):
            if role is None and cur in self._para:
                role = PARAGRAPH_ROLES.get(self._key(self._para[cur], cur))
            fmt |= self._own_formats(cur)
            style = self._any.get(cur)
            pr = style.find(W_PPR) if style is not None else None
            if pr is None:
                continue
            props = first_children(pr)
            level = props.get(W_OUTLINE)
            if outline is None and level is not None and (level.get(W_VAL) or "").isdigit():
                outline = int(level.get(W_VAL))
            ind = props.get(W_IND)
            if indent is None and ind is not None:
                indent = _twips(ind.get(w("left")) or ind.get(w("start")))
            spacing = props.get(W_SPACING)
            if spacing is not None:
                if before is None and spacing.get(w("before")) is not None:
                    before = _twips(spacing.get(w("before")))
                if after is None and spacing.get(w("after")) is not None:
                    after = _twips(spacing.get(w("after")))
        return role, frozenset(fmt), outline, indent, (before, after)

    def character(self, sid: str | None) -> tuple[str, frozenset] | None:
        """``(key, formats)`` of a character style (formats through ``basedOn``); None for an
        id the sheet defines as no character style."""
        if sid not in self._char:
            return None
        found = self._chars.get(sid)
        if found is None:
            fmt: frozenset = frozenset()
            for cur in self._chain(sid):
                fmt |= self._own_formats(cur)
            found = self._chars[sid] = (self._key(self._char[sid], sid), fmt)
        return found


def _twips(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
