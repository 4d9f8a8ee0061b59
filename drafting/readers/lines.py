"""The printed line: what every reader hands to the passes that find a UN document's structure.

A reader knows its format and nothing about UN documents. It turns its input into ``Line``s that
carry what the format knows: plain text knows only characters (and blank lines); a PDF knows
fonts, sizes and positions, so it can also say where the page foot begins and which digits are
raised. The passes (``drafting.readers.passes``) know UN documents and nothing about formats: they
read the facts a line carries and fall back on text patterns where a fact is unknown (``None``).

Inline formatting travels in the text in the dialect the text reader already reads: ``*italic*``,
``**bold**`` and ``^{1}`` for a raised footnote call (``^{*}`` for a raised star).
"""

from __future__ import annotations

from drafting.records import record


@record(slots=True)
class Line:
    """One printed line and what its reader knows of it (page, breaks, indent, font), the passes'
    input."""

    text: str
    no: int                               # 1-based source line (text) or running line number (PDF)
    page: int = 1
    page_break_before: bool = False       # the first line of a new page
    gap_before: bool = False              # a blank line, or more space than the line spacing, above it
    # What a layout-aware reader knows; None where the input cannot tell.
    indent: float | None = None           # first-line offset from the page's text margin, in points
    size: float | None = None             # the line's main font size, in points
    bold: bool | None = None              # every letter of the line is bold
    centered: bool | None = None
    # Set by a reader that recognised the line by position: "furniture" (running head or foot,
    # page number, job number, barcode), "note" (below the page's footnote rule), "rule" (the
    # footnote rule itself). None: the passes decide.
    zone: str | None = None
    furniture_kind: str | None = None     # page-number, job-number, barcode, running-head, stamp
    note_marker: str | None = None        # on the first line of a footnote body read from layout
    # The format marks where a paragraph begins (a Word paragraph in a file that keeps one per
    # paragraph, not one per printed line): True on the line that opens one. None: unknown.
    opens_paragraph: bool | None = None
    # The format says the line is one of the text's headings (a Word heading style that more
    # than one paragraph uses: a title is one of a kind). None: unknown.
    heading: bool | None = None
    # The reader knows the text (the body) begins at this line: what stands above it is the
    # front (a plain document's title). None: the passes decide.
    opens_body: bool | None = None
