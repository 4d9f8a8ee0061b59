"""The passes that find a UN document's structure in printed lines, shared by every reader.

A reader turns its format into ``Line``s (``drafting.readers.lines``); ``read_lines`` runs the
passes below over them, in this order, as docutils runs its transforms. Each pass is a small
module with one job and one ``run(reading)`` function; a rule about UN layout lives in one pass.

1. ``furniture``  running heads and feet, page numbers, job numbers, stamps, barcodes leave the flow
   ``hyphens``    a word broken at a line's end by a hyphen is marked as one word where it is one
2. ``notes``      the footnote zone below the page's rule becomes footnote bodies
3. ``ocr``        OCR repairs and export markers, each reported
4. ``front``      masthead, preface, the document's kind and title
5. ``calls``      footnote calls printed as plain digits (or stars) in the body become calls
6. ``unwrap``     body lines become blocks: paragraphs, headings, items
7. ``body``       blocks become chapters, sections, paragraphs, points, annexes
8. ``numbers``    lost paragraph and chapter numbers inferred from the sequence, reported
9. ``footnotes``  calls get their bodies; a body nobody calls stays where it was printed
10. ``quoted``    the drafts a report recommends become documents of their own inside it
11. ``preamble``  a resolution's formula, preambular paragraphs and closing line
"""

from __future__ import annotations

from drafting.model.blocks import DocumentBlocks
from drafting.readers.lines import Line
from drafting.readers.passes import (body, calls, footnotes, front, furniture, hyphens, notes, numbers, ocr,
                                     preamble, quoted, unwrap)
from drafting.readers.passes.reading import Reading

PASSES = (furniture.run, hyphens.run, notes.run, ocr.run, front.run, calls.run, unwrap.run, body.run, numbers.run,
          footnotes.run, quoted.run, preamble.run)


def read_lines(lines: list[Line], name: str = "input", lang: str | None = None) -> DocumentBlocks:
    """The document that the printed ``lines`` show."""
    reading = Reading.start(lines, name, lang)
    for run in PASSES:
        run(reading)
    return reading.doc
