"""Pass 3: OCR repairs and export markers, each reported.

A repair changes only what cannot be right in the language (``drafting.readers.text_ocr``); an
export that puts ``- `` before every numbered paragraph loses the dash, which is no bullet there.
"""

from __future__ import annotations

import re

from drafting.readers.passes.reading import Reading
from drafting.readers.passes.text import DASH_PREFIX, TABLE_ROW, ends_sentence
from drafting.locale import run_together_words
from drafting.readers.text_ocr import rebuild_heading, repaired_lines, underlined_spaces
from drafting.regex import lazy_compile

DASH_NUMBERED = lazy_compile(r"^\s*-\s+\d{1,3}\.\s")
NUMBERED = re.compile(r"^\s*\d{1,3}\.\s")


# "2*. Reaffirms*": an italic run that a layout-aware reader opened on the label's full stop
LABEL_IN_MARK = re.compile(r"^(\s*\(?\d{1,3})\*([.)])\s+")


def run(reading: Reading) -> None:
    doc = reading.doc
    body = reading.body
    dash_lines = 0
    for line in body:   # (one walk: a label's mark put right, then the line's dash counted)
        text = line.text
        if "*" in text[:8]:
            text = line.text = LABEL_IN_MARK.sub(r"\1\2 *", text)
        # (the dash opens the line after its indent: only such lines are matched)
        if (text[:1] == "-" or text[:1].isspace()) and DASH_NUMBERED.match(text):
            dash_lines += 1
    # (the plain numbers are counted only where enough dashed ones make the export's marker likely)
    if dash_lines >= 3 and dash_lines > sum(1 for l in body if NUMBERED.match(l.text)):
        for line in body:
            line.text = DASH_PREFIX.sub("", line.text)
        doc.note("info", f"'- ' list markers before {dash_lines} paragraphs removed", None, "export-marker")
    _paragraph_labels(reading)
    # A heading's words are rebuilt only in a text whose paragraph numbers show OCR's misreadings:
    # a born-digital text has no broken words to rebuild, and the word lists the rebuilding asks
    # cost a third of a second to load.
    if any(d.code == "ocr-repair" for d in doc.diagnostics):
        _heading_words(reading)
    texts = _space_after_parenthesis(reading)
    for k, repaired, done in repaired_lines(texts, doc.lang):
        line = body[k]
        if "|" in line.text and TABLE_ROW.match(line.text):
            continue  # the bars of a table are not OCR noise
        line.text = repaired
        for what in done:
            doc.note("info", f"OCR repair: {what}", line.no, "ocr-repair")


# How OCR misreads the digits of a typewritten paragraph number ("lU." for 14., "2k." for 24.,
# "1+6." for 46.). A label is read so only where it gives a number the sequence expects next.
DIGIT_LOOKALIKES = {"1": ("l", "I", "|", "!"), "4": ("1+", "l+", "1*", "U", "u", "k", "h", "b"),
                    "0": ("O", "o"), "5": ("S",), "8": ("B",)}
# (its full stop may be read as a caret: "17^ Le FISE")
OCR_LABEL = re.compile(r"^(\s*)([0-9lI|!UukhbSOB+*]{1,4})([.^])(?=\s+[A-ZÀ-Ý])")
ROMAN_LETTERS = frozenset("IVXLCl|!1")       # "I." may be a chapter's numeral: never read as 1
HEADING_LINE = 60                             # a heading is shorter than a line of text
LOOKAHEAD = 3                                 # numbers tried after the last one read


def reads_as(token: str, number: str) -> bool:
    """Could OCR have printed ``number`` as ``token``, digit by digit?"""
    i = 0
    for digit in number:
        if token.startswith(digit, i):
            i += 1
            continue
        alt = next((a for a in DIGIT_LOOKALIKES.get(digit, ()) if token.startswith(a, i)), None)
        if alt is None:
            return False
        i += len(alt)
    return i == len(token)


def _paragraph_labels(reading: Reading) -> None:
    """Paragraph numbers garbled by OCR, read back where the numbering before them shows which
    number stands there; each repair reported."""
    body = reading.body
    labelled = [line for k, line in enumerate(body) if _may_be_label(line.text)
                and (NUMBERED.match(line.text) or OCR_LABEL.match(line.text)) and _opens_paragraph(body, k)]
    last = 0
    for k, line in enumerate(labelled):
        m = NUMBERED.match(line.text)
        if m:
            # a number printed in digits is taken as printed (numbering restarts in an annex, a
            # list), unless OCR misread a digit: then the label after it must go on from it
            n = int(line.text.split(".", 1)[0])
            if last < n <= last + LOOKAHEAD:
                last = n
                continue
            token = line.text.split(".", 1)[0].strip()
            read = _misread_digits(token, last, labelled[k + 1:k + 2]) if last and n != 1 else None
            if read is not None:
                line.text = line.text.replace(token, str(read), 1)
                reading.doc.note("info", f"OCR repair: paragraph number '{token}.' read as '{read}.'",
                                 line.no, "ocr-repair")
                last = read
            continue
        m = OCR_LABEL.match(line.text) if last else None
        if m is None or set(m.group(2)) <= ROMAN_LETTERS or (len(m.group(2)) == 1 and m.group(2).isalpha()):
            continue   # "I." a chapter's numeral, "B." a section's letter
        n = next((n for n in range(last + 1, last + 1 + LOOKAHEAD) if reads_as(m.group(2), str(n))), None)
        if n is None:
            continue
        line.text = f"{m.group(1)}{n}." + line.text[m.end():]
        reading.doc.note("info", f"OCR repair: paragraph number '{m.group(2)}{m.group(3)}' read as '{n}.'",
                         line.no, "ocr-repair")
        last = n


# What a label of NUMBERED or OCR_LABEL opens with after its indent: a digit or a character OCR
# reads for one; its full stop (or caret) stands at most four characters on.
_LABEL_OPENINGS = "0123456789lI|!UukhbSOB+*"


def _may_be_label(text: str) -> bool:
    """Can NUMBERED or OCR_LABEL match ``text``? (Without an indent, only where it opens with a
    label's character and prints a full stop or caret right after: most lines do not.)"""
    first = text[:1]
    if first.isspace() or not first:
        return True
    return (first in _LABEL_OPENINGS or first.isdecimal()) and ("." in text[1:5] or "^" in text[1:5])


def _opens_paragraph(body: list, k: int) -> bool:
    """May line ``k`` open a paragraph? After a blank line; in text without blank lines between
    paragraphs (plain ``pdftotext``), after a line that ends a sentence or a short line that
    opens with a capital and ends none (a heading)."""
    if body[k].gap_before:
        return True
    if k == 0:
        return False
    before = body[k - 1].text.strip()
    return ends_sentence(before) or (len(before) < HEADING_LINE and before[:1].isupper()
                                     and not before.endswith((",", ";", "-")))


# Digits a typewriter's face lets OCR read for others: the open 4 as 1 ("15." for 45.).
DIGIT_FOR_DIGIT = {"4": ("1",)}


def _misread_digits(token: str, last: int, following: list) -> int | None:
    """The number the sequence expects that OCR printed as ``token`` with a digit misread, when
    the next label goes on from it (a digit misread is a guess the numbering must confirm)."""
    for n in range(last + 1, last + 1 + LOOKAHEAD):
        number = str(n)
        if len(number) != len(token) or not all(
                a == b or a in DIGIT_FOR_DIGIT.get(b, ()) for a, b in zip(token, number)):
            continue
        if not following:
            return n
        after = following[0].text
        label = (NUMBERED.match(after) or OCR_LABEL.match(after)) and after.split(".", 1)[0].strip()
        if label and any(label == str(m) or reads_as(label, str(m)) for m in range(n + 1, n + 1 + LOOKAHEAD)):
            return n
    return None


def _heading_words(reading: Reading) -> None:
    """A heading's word that OCR broke into pieces or misread (``lutroduct i on``), rebuilt where
    the language knows the word (``drafting.readers.text_ocr.rebuild_heading``); reported."""
    words = run_together_words(reading.doc.lang)
    if words is None:                 # a script without spaces to lose, or joined clitics
        return
    one_letter = frozenset(words.get("one_letter", ()))
    body = reading.body
    for k, line in enumerate(body):
        if len(line.text) < 80 and _opens_paragraph(body, k):
            for repair in (underlined_spaces, lambda t: rebuild_heading(t, reading.doc.lang, one_letter)):
                text, what = repair(line.text.strip())
                if what:
                    line.text = text
                    reading.doc.note("info", f"OCR repair: {what}", line.no, "ocr-repair")


# "( WHO)", "( A/79/364)": text extraction prints a space after an opening parenthesis where the
# PDF has a kerning gap or a link starts; the UN never sets one
SPACE_AFTER_PARENTHESIS = lazy_compile(r"\( +(?=[^\s)|])")


def _space_after_parenthesis(reading: Reading) -> list[str]:
    """The space removed after each opening parenthesis, reported; the body lines' texts
    returned, taken in the same walk."""
    count = 0
    texts = []
    for line in reading.body:
        if "( " in line.text and not TABLE_ROW.match(line.text):
            line.text, n = SPACE_AFTER_PARENTHESIS.subn("(", line.text)
            count += n
        texts.append(line.text)
    for note in reading.notes:                 # the footnotes' texts, already set apart
        if "( " in note.text:
            note.text, n = SPACE_AFTER_PARENTHESIS.subn("(", note.text)
            count += n
    if count:
        reading.doc.note("info", f"space after an opening parenthesis removed ({count}x)", None, "extraction-repair")
    return texts

