"""What the passes know of one document, filled in as they run."""

from __future__ import annotations

from dataclasses import field

from drafting.model.blocks import DocumentBlocks, NoteRef
from drafting.readers.lines import Line
from drafting.readers.passes.language import detect_language, masthead_language
from drafting.records import record


@record
class FootnoteBody:
    """A footnote's text as printed in a page's note zone, with its mark and where it stood."""

    marker: str
    text: str
    line: int
    page: int = 1
    flow_index: int = -1     # the body line printed just before it (index into Reading.body)


@record
class Block:
    """A run of body lines that forms one paragraph, heading or item."""

    text: str
    line: int
    first_index: int         # index of its first body line
    last_index: int
    indent: float | None = None
    is_table: bool = False
    bold: bool = False
    contents: bool = False   # a line of a table of contents or a list of abbreviations
    # (text read, holds "**", a "**" span left open) for the text as its lines were joined: a
    # block of thousands of lines (after an unclosed ``**``) is not read whole at every line
    bold_state: tuple[str, bool, bool] | None = field(default=None, repr=False, compare=False)


@record
class Reading:
    """One document being read: its lines, what the passes have found so far, and the document
    they build."""

    lines: list[Line]
    doc: DocumentBlocks
    notes: list[FootnoteBody] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)    # lines left in the flow, set by ``notes``
    body_start: int = 0                                 # first body line after the front matter
    blocks: list[Block] = field(default_factory=list)
    refs: list[NoteRef] = field(default_factory=list)  # every footnote call, in reading order
    star_refs: list[NoteRef] = field(default_factory=list)  # stars on the symbol, agenda line, title
    doc_type_notes: list[NoteRef] = field(default_factory=list)  # stars after "Report of ..."
    owners: dict[int, object] = field(default_factory=dict)  # block index -> what it became
    running_symbol: str | None = None
    job_number: str | None = None
    layout: bool = False      # the lines know their indents (PDF, pdftotext -layout)
    slash_notes: bool = False  # footnotes marked the typescript way: "1/" after the word, "1/ text" below
    # the body lines of a table of contents or of abbreviations (indexes into ``body``), read by
    # ``front`` (none opens the text) and kept for ``unwrap`` (each stays a line of the table)
    table_lines: set[int] | None = None

    @classmethod
    def start(cls, lines: list[Line], name: str, lang: str | None) -> "Reading":
        lang = lang or masthead_language(lines) or detect_language(_opening_text(lines))
        doc = DocumentBlocks(kind="", lang=lang, source_name=name)
        # (the lines without an indent counted in C)
        layout = len(lines) - [l.indent for l in lines].count(None) > len(lines) // 2
        return cls(lines, doc, layout=layout)

    def flow(self) -> list[Line]:
        """The lines no pass has set aside as furniture, notes or rules."""
        return [l for l in self.lines if l.zone in (None, "body")]


def _opening_text(lines: list[Line], size: int = 20000) -> str:
    """The text of the first lines, one a line, as far as ``size`` characters (what
    ``detect_language`` samples), without joining the whole document first."""
    parts, total = [], 0
    for line in lines[:4000]:
        parts.append(line.text)
        total += len(line.text) + 1
        if total >= size:
            break
    return "\n".join(parts)


def pages_of(lines: list[Line]) -> list[list[Line]]:
    """The lines page by page (a page begins where a line says it breaks)."""
    if not lines:
        return []
    # (the pages cut where they open: one slice a page, not one append a line)
    starts = [0] + [k for k, line in enumerate(lines) if k and line.page_break_before]
    return [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
