"""Pass 3: OCR repairs and export markers, each reported.

A repair changes only what cannot be right in the language (``drafting.readers.text_ocr``); an
export that puts ``- `` before every numbered paragraph loses the dash, which is no bullet there.
"""

from __future__ import annotations

import re

from drafting.readers.passes.reading import Reading
from drafting.readers.text_ocr import repair_line

DASH_PREFIX = re.compile(r"^\s*-\s+")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
DASH_NUMBERED = re.compile(r"^\s*-\s+\d{1,3}\.\s")
NUMBERED = re.compile(r"^\s*\d{1,3}\.\s")


# "2*. Reaffirms*": an italic run that a layout-aware reader opened on the label's full stop
LABEL_IN_MARK = re.compile(r"^(\s*\(?\d{1,3})\*([.)])\s+")


def run(reading: Reading) -> None:
    doc = reading.doc
    body = reading.body
    for line in body:
        if "*" in line.text[:8]:
            line.text = LABEL_IN_MARK.sub(r"\1\2 *", line.text)
    dash_lines = sum(1 for l in body if DASH_NUMBERED.match(l.text))
    plain_numbered = sum(1 for l in body if NUMBERED.match(l.text))
    if dash_lines > plain_numbered and dash_lines >= 3:
        for line in body:
            line.text = DASH_PREFIX.sub("", line.text)
        doc.note("info", f"'- ' list markers before {dash_lines} paragraphs removed", None, "export-marker")
    for line in body:
        if "|" in line.text and TABLE_ROW.match(line.text):
            continue  # the bars of a table are not OCR noise
        repaired, done = repair_line(line.text, doc.lang)
        if done:
            line.text = repaired
            for what in done:
                doc.note("info", f"OCR repair: {what}", line.no, "ocr-repair")
