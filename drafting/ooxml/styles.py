"""Styles: this toolkit's style vocabulary, and what a ``styles.xml`` says about each style.

A paragraph's *style name* says what it is in the AKN (a chapter heading, a point at depth 2, a
masthead row); a run's *character style* says which semantic inline it is (the symbol, the date,
a sponsor). Names are compared with everything but letters and digits stripped, lower-cased
(``style_key``), as the UN Word templates vary in spaces and underscores.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.ooxml.names import is_on, w

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


def run_formats(rpr) -> set:
    """The formats a run's properties switch on: ``b``, ``i``, ``u``, ``sup``, ``sub``."""
    out = set()
    if rpr is None:
        return out
    for tag in ("b", "i"):
        if is_on(rpr.find(w(tag))):
            out.add(tag)
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


def switched_off(rpr) -> set:
    """Formats that direct formatting switches off (``<w:b w:val="0"/>``) over a style's."""
    out = set()
    if rpr is None:
        return out
    for tag in ("b", "i", "u"):
        el = rpr.find(w(tag))
        if el is not None and el.get(w("val"), "true") in ("0", "false", "off", "none"):
            out.add(tag)
    return out


class StyleSheet:
    """What the reader needs of ``styles.xml``: per paragraph style its name key, the role it
    gives (through ``basedOn``: a style based on a heading is one), its formats and its outline
    level; per character style its name key and formats."""

    def __init__(self, root) -> None:
        self.para: dict[str, tuple[str, str | None, frozenset]] = {}
        self.char: dict[str, tuple[str, frozenset]] = {}
        self.outline: dict[str, int] = {}
        self.indent: dict[str, int] = {}
        self.spacing: dict[str, tuple[int, int]] = {}   # styleId -> (before, after) in twips
        self.default_spacing = (0, 0)
        if root is None:
            return
        default = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}/{w('spacing')}")
        if default is not None:
            self.default_spacing = (_twips(default.get(w("before"))), _twips(default.get(w("after"))))
        para, char, based, rpr, ppr = {}, {}, {}, {}, {}
        for style in root.iterchildren(w("style")):
            sid = style.get(w("styleId"))
            name_el = style.find(w("name"))
            key = style_key(name_el.get(w("val")) if name_el is not None else sid)
            based_el = style.find(w("basedOn"))
            based[sid] = based_el.get(w("val")) if based_el is not None else None
            rpr[sid] = run_formats(style.find(w("rPr")))
            ppr[sid] = style.find(w("pPr"))
            if style.get(w("type")) == "character":
                char[sid] = key
            elif style.get(w("type")) in (None, "paragraph"):
                para[sid] = key
        for sid, key in char.items():
            fmt: set = set()
            for cur in _chain(sid, based):
                fmt |= rpr.get(cur, set())
            self.char[sid] = (key, frozenset(fmt))
        for sid, key in para.items():
            role = None
            fmt: set = set()
            for cur in _chain(sid, based):
                role = role or PARAGRAPH_ROLES.get(para.get(cur, ""))
                fmt |= rpr.get(cur, set())
                pr = ppr.get(cur)
                if pr is not None and sid not in self.outline:
                    level = pr.find(w("outlineLvl"))
                    if level is not None and (level.get(w("val")) or "").isdigit():
                        self.outline[sid] = int(level.get(w("val")))
                if pr is not None and sid not in self.indent:
                    ind = pr.find(w("ind"))
                    if ind is not None:
                        self.indent[sid] = _twips(ind.get(w("left")) or ind.get(w("start")))
                spacing = pr.find(w("spacing")) if pr is not None else None
                if spacing is not None:
                    before, after = self.spacing.get(sid, (None, None))
                    if before is None and spacing.get(w("before")) is not None:
                        before = _twips(spacing.get(w("before")))
                    if after is None and spacing.get(w("after")) is not None:
                        after = _twips(spacing.get(w("after")))
                    self.spacing[sid] = (before, after)
            self.para[sid] = (key, role, frozenset(fmt))

    def space_around(self, sid: str | None) -> tuple[int, int]:
        """Space before and after a paragraph of this style, in twips (the defaults filled in)."""
        before, after = self.spacing.get(sid, (None, None))
        if sid is None and "Normal" in self.spacing:
            before, after = self.spacing["Normal"]
        return (self.default_spacing[0] if before is None else before,
                self.default_spacing[1] if after is None else after)

    def paragraph(self, sid: str | None) -> tuple[str, str | None, frozenset]:
        found = self.para.get(sid)
        if found is None:
            # a style the sheet does not define: its name alone (kept, asked once per paragraph)
            found = self.para[sid] = (style_key(sid or "Normal"), None, frozenset())
        return found


def _chain(sid, based) -> list:
    out, seen, cur = [], set(), sid
    while cur and cur not in seen:
        seen.add(cur)
        out.append(cur)
        cur = based.get(cur)
    return out


def _twips(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
