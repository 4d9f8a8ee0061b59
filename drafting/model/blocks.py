"""The intermediate structure every reader (and the generator) produces before the AKN tree.

Readers recognise a document's parts; ``build.build_akn`` alone decides how those parts become
Akoma Ntoso, so that the mapping of ``akn-profile.md`` is written once.

Inline content is a list of ``str``, ``Styled`` and ``NoteRef`` items.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import field
from typing import Union

from drafting.records import record


@record
class Styled:
    """Inline formatting: tag is one of i, b, u, sup, sub."""

    tag: str
    children: list["Inline"]


@record
class NoteRef:
    """A footnote at its point of reference; ``body`` is a list of paragraphs of inlines.

    ``anchored`` is False for a footnote whose reference was lost: it is kept at the end of the
    paragraph where its body was printed.
    """

    marker: str
    body: list[list["Inline"]]
    anchored: bool = True
    line: int | None = None


Inline = Union[str, Styled, NoteRef]


def plain_text(inlines) -> str:
    """The text of inline items, footnote references left out."""
    out = []
    for item in inlines:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Styled):
            out.append(plain_text(item.children))
    return "".join(out)


@record
class Point:
    """A sub-paragraph ``a)``/``(a)``/``(i)`` or an item of a list that restarts at 1."""

    num: str | None
    text: list[Inline]
    points: list["Point | Heading"] = field(default_factory=list)
    line: int | None = None
    num_inferred: bool = False


@record
class Heading:
    """level: chapter, section, subsection or crossHeading."""

    level: str
    num: str | None
    text: list[Inline]
    line: int | None = None
    num_inferred: bool = False


@record
class Para:
    """A body paragraph.

    role: ``paragraph`` (numbered or not), ``quote`` (a quotation set off as its own paragraph),
    ``preambular`` (a resolution's preamble), ``formula`` (the enacting formula).
    ``points`` hold the sub-paragraphs (and cross-headings of a list that restarts at 1);
    ``wrap_up`` the text after the last point, if any. A ``table`` paragraph holds rows of cells
    (each cell a list of inlines), the first ``header_rows`` of them header cells; ``spans``
    says which cells stand over several columns: (row, cell) -> how many columns.
    """

    num: str | None
    text: list[Inline]
    points: list[Point | Heading] = field(default_factory=list)
    wrap_up: list[Inline] | None = None
    role: str = "paragraph"
    line: int | None = None
    num_inferred: bool = False
    table: list[list[list[Inline]]] | None = None
    header_rows: int = 0
    spans: dict[tuple[int, int], int] = field(default_factory=dict)
    quoted: list["QuotedDocument"] = field(default_factory=list)


@record
class QuotedDocument:
    """A whole document printed inside another: the draft resolution or decision that a report
    recommends, reproduced under the paragraph that recommends it (``... the adoption of the
    following draft resolution:``). It has its own label (``Draft resolution I``), title, enacting
    formula, preamble and numbering; its paragraphs are not the report's.
    """

    kind: str                                 # resolutionDraft or decisionDraft
    label: list[Inline] | None = None         # "Draft resolution I" as printed, if printed
    title: list[Inline] | None = None
    preamble: list[Para] = field(default_factory=list)
    body: list["Heading | Para"] = field(default_factory=list)
    line: int | None = None


@record
class Masthead:
    """The masthead as printed: the organs, the symbol, the distribution, the date, the original
    language and the job number."""

    organs: list[str] = field(default_factory=list)
    symbol: str | None = None
    distribution: str | None = None          # printed text, e.g. "Distr. limitée"
    distribution_kind: str | None = None     # general | limited | restricted
    date: _dt.date | None = None
    date_text: str | None = None
    language_line: str | None = None          # "Français", "English"
    original: str | None = None               # the word after "Original:"
    original_label: str | None = None         # "Original:" as printed
    job_number: str | None = None
    symbol_note: NoteRef | None = None        # the agenda footnote "*" on the symbol


@record
class Preface:
    """The lines between the masthead and the body: session, place and dates, agenda item, title."""

    body: str | None = None                   # a subsidiary body's name, e.g. the Working Group
    session_text: str | None = None           # "Quatrième session" as printed
    session_number: int | None = None
    place_dates: str | None = None            # "Vienne, 10-12 octobre 2011"
    agenda_text: str | None = None            # "Point 2 d) de l'ordre du jour" as printed
    agenda_item: str | None = None            # "2 d)"
    agenda_note: NoteRef | None = None        # a footnote on the agenda line ("**")
    agenda_title: list[Inline] | None = None  # the agenda item's title printed under it
    title: list[Inline] | None = None
    doc_type: str | None = None               # "Projet de rapport", "Additif", "projet de résolution"
    doc_type_extra: list[str] = field(default_factory=list)  # further type lines ("Additif")
    sponsors: list[str] = field(default_factory=list)
    extra: list[list[Inline]] = field(default_factory=list)  # other preface lines, kept verbatim


@record
class Diagnostic:
    """One thing the reader reports about its input (furniture set aside, a number inferred, an
    OCR repair)."""

    level: str          # error | warning | info
    message: str
    line: int | None = None
    code: str = ""      # short machine name, e.g. "furniture", "inferred-number", "ocr-repair"

    def format(self, source: str = "") -> str:
        where = f"{source}:{self.line}: " if self.line else (f"{source}: " if source else "")
        return f"{where}{self.level}: {self.message}"


@record
class DocumentBlocks:
    """Everything a reader recognised, in reading order."""

    kind: str                 # AKN4UN name: report, reportDraft, resolutionDraft, ... or note
    lang: str                 # two-letter code: ar zh en fr ru es
    masthead: Masthead = field(default_factory=Masthead)
    preface: Preface = field(default_factory=Preface)
    preamble: list[Para] = field(default_factory=list)
    body: list[Heading | Para] = field(default_factory=list)
    conclusions: list[Para] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_name: str = ""

    def note(self, level: str, message: str, line: int | None = None, code: str = "") -> None:
        self.diagnostics.append(Diagnostic(level, message, line, code))
