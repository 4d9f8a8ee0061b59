"""Names shared by the DOCX writer and the DOCX reader: namespaces and the style vocabulary.

A paragraph's *style name* says what it is in the AKN (a chapter heading, a point at depth 2, a
masthead row); a run's *character style* says which semantic inline it is (the symbol, the date,
a sponsor). Names are compared with everything but letters and digits stripped, lower-cased
(``style_key``), as the UN Word templates vary in spaces and underscores.
"""

from __future__ import annotations

import functools
import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
REL_CUSTOM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


@functools.lru_cache(maxsize=None)
def w(tag: str) -> str:
    """Clark name in the WordprocessingML namespace: ``w('p')`` -> ``{ns}p`` (called per run and
    per property, so the few distinct names are built once)."""
    return f"{{{W_NS}}}{tag}"


def style_key(name: str | None) -> str:
    """``_ H _Ch_G`` -> ``hchg``: how style names are compared."""
    return re.sub(r"[^0-9A-Za-z]", "", name or "").lower()


# Paragraph styles the writer uses (names as in templates/reference.docx).
CHAPTER = "_ H _Ch_G"
SECTION = "_ H_1_G"
SUBSECTION = "_ H_2_G"
CROSS_HEADING = "_ H_4_G"
ANNEX = "_ H_Annex_G"
TABLE_TEXT = "_ Table Txt_G"
TEXT = "_ Single Txt_G"
WRAP_UP = "_ Wrap Up_G"
QUOTE = "_ Quote_G"
FORMULA = "_ Formula_G"
PREAMBLE = "_ Preamble_G"
CONCLUSION = "_ Conclusion_G"
MASTHEAD_TOP = "_ Masthead Top_G"
MASTHEAD_ORGAN = "_ Masthead Organ_G"
MASTHEAD_DISTR = "_ Masthead Distr_G"
MASTHEAD_JOB = "_ Masthead Job_G"
SESSION_INFO = "_ Session Info_G"
PREFACE_OTHER = "_ Preface Other_G"
DOC_TYPE = "_ Doc Type_G"
TITLE = "_ Title_G"
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
    style_key(SESSION_INFO): "sessionInfo",
    style_key(PREFACE_OTHER): "prefaceOther",
    style_key(DOC_TYPE): "titleBlock", style_key(TITLE): "titleBlock",
}
for _d in (1, 2, 3, 4):
    PARAGRAPH_ROLES[style_key(point_style(_d))] = f"point{_d}"
    PARAGRAPH_ROLES[style_key(list_heading_style(_d))] = f"listHeading{_d}"

SEMANTIC_BY_KEY = {style_key(semantic_style(n)): n for n in SEMANTIC_INLINES}

# Custom document properties: values the printed text does not carry (ISO date, kind ...).
PROPERTY_PREFIX = "drafting."
