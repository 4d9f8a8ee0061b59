"""Pass 7: blocks become chapters, sections, paragraphs, points, cross-headings and annexes.

Numbers decide most: ``I.`` opens a chapter, ``A.`` a section (only in sequence), ``1.`` a
paragraph (a short unfinished ``1. Title`` out of sequence is a numbered subheading), ``(a)`` a
point of the paragraph before, ``(i)`` a point of that point. Numbered items that restart at 1
after a paragraph ending in a colon are a list inside that paragraph. An annex label opens an
annex whose numbering starts afresh. The closing line of an adopted resolution (``52nd plenary
meeting`` and its date) is kept apart as the document's conclusions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.locale import parse_date
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, plain_text
from drafting.locale.vocabulary import annex_of, division_label, division_label_words
from drafting.model.numbering import ANNEX_LABEL, forms
from drafting.readers.passes.reading import Block, Reading
from drafting.readers.passes.text import (DECIMAL_PARAGRAPH, QUOTE_CLOSE, QUOTE_OPEN, ends_clause, ends_sentence,
                                          plain)
from drafting.readers.passes.unwrap import (ARABIC_POINT, BULLET, POINT, chapter_word_label, closing_line,
                                            opens_listed_clause)
from drafting.readers.text_inline import merge_strings, parse_inline
from drafting.readers.text_ocr import LOST_NUMERAL, ROMAN_LOOKALIKE
from drafting.records import record
from drafting.regex import LazyPattern, lazy_compile

DIVISION_LABEL = LazyPattern(division_label)   # "Article 1", "Chapter IV" in every language
ANNEX_OF = LazyPattern(annex_of)               # "Annex to the letter dated ...", every language
# Leader dots of a table of contents: six dots (each followed by at most one space) or three
# ellipses. Two patterns that open with their literal: searched much faster than one alternation.
LEADER_DOTS = re.compile(r"\.(?:\s?\.){5}")
LEADER_ELLIPSES = lazy_compile("…{3}")
DIGITS = lazy_compile(r"\d+")
SEPARATOR = re.compile(r"^[*⁂∗]+(?:\s+[*⁂∗]+)*$")   # "***", "* * *": a break between parts of a text
RESOLUTION_KINDS = ("resolution", "resolutionDraft", "decision", "decisionDraft")
TABLE_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A block's text is read without its marks by several tests in turn (the closing line, an annex's
# title, a division, a cross-heading, a list's end): each text is stripped of them once.
_unmarked = lru_cache(maxsize=1024)(plain)


# A sentence or clause that ends inside a text ("... 2013). que", "... ГХФУ? и"): a stop, a question
# or exclamation mark, or a semicolon, then a space.
SENTENCE_INSIDE = re.compile(r"[.?!;。？！；]\s")


@record
class _ListState:
    """A run of numbered points under one paragraph, while ``body`` reads it: the paragraph that
    owns it and the number it expects next."""

    owner: Para
    next_num: int
    after_cross: bool = False
    last_item: Point | None = None


class BodyAssembler:
    def __init__(self, doc: DocumentBlocks, notes: list[NoteRef]) -> None:
        self.doc = doc
        self.notes = notes
        self.out: list = []
        self.expected: int | None = None
        self.last_para: Para | None = None
        self.list: _ListState | None = None
        self.pending_cross: list[Heading] = []
        self.last_section: int | None = None
        self.block_owner: dict[int, object] = {}   # block index -> Para/Point/Heading it became
        self.annex: Heading | None = None          # the annex being read, until its title is known
        self.untitled: Heading | None = None       # "Article 1" just read, its title on the next line
        self.decimal: str | None = None            # the number of the issuance's "Section 1" being read
        self.closed_list: _ListState | None = None  # the list a heading just closed (see _resumed_list)
        self.blocks: list = []                      # every block of the body (see _below_sequence)

    def inline(self, text: str) -> list:
        return parse_inline(text, self.notes)

    def add(self, index: int, block: Block) -> None:
        text = block.text
        line = block.line
        f = forms(self.doc.lang)
        if block.is_table:
            self._table(index, block)
            return
        if block.contents:
            self._contents(index, block)
            return
        first = text[:1]   # (each fixed pattern below is tried only under a character it opens with)
        if first in "*⁂∗" and SEPARATOR.match(text):
            # a separator ("***", "* * *") between parts of a text or a list: no paragraph, no item
            self.block_owner[index] = None
            return
        m = ANNEX_LABEL.match(text) if len(text) < 120 else None
        if len(text) < 400 and ANNEX_OF.match(_unmarked(text)) and not ends_sentence(_unmarked(text)):
            # "Annex to the letter dated ... addressed to ...": an annex named by what it is
            # annexed to, no number of its own
            self.annex = Heading("annex", None, self.inline(text), line)
            self._heading(index, self.annex)
            self.expected, self.last_para, self.last_section = None, None, None
            return
        if m and not m.group("title"):
            # An annex numbers its chapters and paragraphs afresh; its label ("Annex II") is its
            # number, the title printed under it its heading.
            self.annex = Heading("annex", text, [], line)
            self._heading(index, self.annex)
            self.expected, self.last_para, self.last_section = None, None, None
            return
        if self.annex is not None and not self.annex.text and self._is_cross_heading(text):
            self.annex.text = self.inline(text)
            self.block_owner[index] = self.annex
            return
        untitled, self.untitled = self.untitled, None
        if self._division(index, text, line):
            return
        if untitled is not None and self._is_cross_heading(_unmarked(text)):
            untitled.text = self.inline(text)   # the title printed under "Article 1"
            self.block_owner[index] = untitled
            return

        if LEADER_DOTS.search(text) or ("…" in text and LEADER_ELLIPSES.search(text)):
            # "I. Introduction . . . . . . 4": a line of the table of contents, no chapter
            self._plain(index, text, line)
            return
        m = chapter_word_label(text, self.doc.lang)
        if m and len(text) < 300 and not (m.group("rest") or "A")[:1].islower():
            # "Chapter III" over its title; "Chapter I contains ..." is a sentence
            label = _unmarked(text).strip()[:m.end("num")].strip()  # "Chapter III", the number as printed
            self._heading(index, Heading("chapter", label, self.inline(m.group("rest") or ""), line))
            self.last_section = None
            return
        m = f.chapter.match(text)
        if m and (len(text) < 200 or not ends_sentence(text)):
            self._heading(index, Heading("chapter", m.group("num"), self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = ROMAN_LOOKALIKE.match(text) if f.chapter_numerals is None and (first in "[]|lI1!" or first.isspace()) else None
        if m and not m.group("tok").isdigit() and len(text) < 200 and not ends_sentence(text):
            self._heading(index, Heading("chapter", "?" + m.group("tok"), self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = LOST_NUMERAL.match(block.text) if first in ".," or first.isspace() else None
        if m and len(text) < 200:
            self._heading(index, Heading("chapter", "?", self.inline(m.group("rest")), line))
            self.last_section = None
            return
        m = f.section.match(text)
        if m and len(text) < 400 and not ends_sentence(text) and self._section_expected(f.section_value(m.group("num"))):
            self._heading(index, Heading("section", m.group("num"), self.inline(m.group("rest")), line))
            self.last_section = f.section_value(m.group("num"))
            return
        m = DECIMAL_PARAGRAPH.match(text) if self.decimal is not None and first.isdigit() else None
        if m and m.group("major") == self.decimal:
            self._decimal(index, m.group("num"), m.group("rest"), line)
            return
        m = f.paragraph.match(text)
        if m and (int(m.group("num")) < 1000 or int(m.group("num")) == self.expected):
            self._numbered(index, block, int(m.group("num")), m.group("dot"), m.group("rest"))
            return
        m = (POINT.match(text) or ARABIC_POINT.match(text)) if first == "(" or "a" <= first <= "z" or (
            "\u0621" <= first <= "\u064a" or first == "\u0640") else None
        if m and (self.last_para is not None or self.list is not None):
            self._point(index, m.group("num"), m.group("rest"), line)
            return
        m = BULLET.match(text) if first in "-•–·▪◦" else None
        if m and self.last_para is not None:
            self._point(index, m.group("num"), m.group("rest"), line, bullet=True)
            return
        if self._is_cross_heading(text):
            heading = Heading("crossHeading", None, self.inline(text), line)
            if self.list is not None:
                self.list.owner.points.append(heading)
                self.list.after_cross = True
                self.block_owner[index] = self.list.owner
            elif _capitals_title(text):
                self._heading(index, Heading("chapter", None, self.inline(text), line))
            else:
                self.pending_cross.append(heading)
                self.block_owner[index] = heading
            return
        self._plain(index, text, line)

    # -- pieces

    def _division(self, index: int, text: str, line: int) -> bool:
        """``Article 1`` / ``Chapter I`` of a treaty (a convention set out in an annex), alone on
        its line or with its title after it: an article or chapter heading; each article numbers
        its paragraphs from 1. ``Article 5 of the Convention ...`` is a sentence, no heading."""
        unmarked = _unmarked(text) if len(text) < 200 else ""
        m = DIVISION_LABEL.match(unmarked) if unmarked.startswith(division_label_words()) else None
        if not m or (m.group("title") and (not m.group("title")[:1].isupper() or ends_sentence(m.group("title")))):
            return False
        level = next(k for k in ("article", "section", "chapter") if m.group(k))
        label, title = m.group(level), m.group("title") or ""
        at = text.find(label)
        if title and at >= 0:
            # the title as printed, its italics and calls kept: what follows the label and the
            # marks that closed it ("*Article 1* *Scope of application*")
            rest = text[at + len(label):]
            title = (rest[at:] if rest.startswith(text[:at]) else rest).strip()
        heading = Heading(level, label, self.inline(title) if title else [], line)
        self._heading(index, heading)
        self.untitled = None if title else heading
        if level == "article":
            self.expected, self.last_para = 1, None
        elif level == "section":
            # a Secretariat issuance's section numbers its paragraphs 1.1, 1.2 ... after its own
            self.decimal = DIGITS.search(label).group() if DIGITS.search(label) else None
            self.expected, self.last_para, self.last_section = None, None, None
        else:
            self.last_section = None
        return True

    def _decimal(self, index: int, num: str, rest: str, line: int) -> None:
        """``1.2 Text`` under ``Section 1``: the section's paragraph numbered as printed."""
        self._flush_cross()
        self.list = None
        para = Para(num, self.inline(rest), line=line)
        self.out.append(para)
        self.last_para = para
        self.block_owner[index] = para

    def _table(self, index: int, block: Block) -> None:
        rows, header_rows, spans = [], 0, {}
        for row in block.text.split("\n"):
            if TABLE_RULE.match(row):
                header_rows = len(rows)  # the rule closes the header
                continue
            cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
            cells_of_row: list = []
            for k, cell in enumerate(cells):
                if k and cell == "":  # a bar right after a bar: the cell before spans this column too
                    at = (len(rows), len(cells_of_row) - 1)
                    spans[at] = spans.get(at, 1) + 1
                else:
                    cells_of_row.append(self.inline(cell.strip()))
            rows.append(cells_of_row)
        self._flush_cross()
        self.list = None
        para = Para(None, [], line=block.line, table=rows, header_rows=header_rows, spans=spans)
        self.out.append(para)
        self.block_owner[index] = para

    def _contents(self, index: int, block: Block) -> None:
        """A line of a table of contents or abbreviations: kept as printed, opening nothing."""
        self._flush_cross()
        self.list = None
        para = Para(None, self.inline(block.text), line=block.line)
        self.out.append(para)
        self.block_owner[index] = para

    def _heading(self, index: int, heading: Heading) -> None:
        if self.annex is not heading:
            self.annex = None if self.annex is None or self.annex.text else self.annex
        self._flush_cross()
        self.closed_list, self.list = self.list, None
        self.out.append(heading)
        self.block_owner[index] = heading

    def _flush_cross(self) -> None:
        self.out.extend(self.pending_cross)
        self.pending_cross = []

    def _section_expected(self, value: int | None) -> bool:
        """A section opens with A (ألف) or takes the letter after the last one."""
        if value == 1:
            return True
        return value is not None and self.last_section is not None and value == self.last_section + 1

    def _numbered(self, index: int, block: Block, n: int, dot: str, rest: str) -> None:
        line = block.line
        if self.list is None and self._resumed_list(n):
            self.list = self.closed_list
        if self.list is not None and (n == self.list.next_num or (n == 1 and self.list.after_cross)):
            self._list_item(index, n, rest, line)
            return
        if dot == "," and self.expected is not None and n != self.expected:
            # "4," is a paragraph number only where the sequence expects it.
            self._plain(index, block.text, line)
            return
        # Items that restart the numbering under a paragraph ending in a colon are its list (never
        # across a heading: "Chapter II" after a list of definitions opens new paragraphs); so
        # are items 1, 2 ... right under one before any paragraph was numbered (a letter's "...
        # as follows:" and its list, whose items may read like subheadings).
        introduced = (self.last_para is not None and bool(self.out) and self.out[-1] is self.last_para
                      and _last_printed(self.last_para.text) in (":", "：")
                      and not (block.bold and self.last_para.points))   # nor a bold numbered subheading after its list
        if introduced and self.expected is None and n == 1 and not self.last_para.points:
            self._start_list(index, n, rest, line)
            return
        # A resolution has no numbered subheadings: its short operative paragraphs stay paragraphs.
        is_heading = ((len(rest) < 120 or self._below_sequence(index, n, rest)) and not ends_sentence(rest)
                      and n != self.expected and self.doc.kind not in RESOLUTION_KINDS)
        if is_heading:
            self._heading(index, Heading("subsection", f"{n}.", self.inline(rest), line))
            return
        if introduced and self.expected is not None and n < self.expected:
            self._start_list(index, n, rest, line)
            return
        if self.expected is not None and n < self.expected:
            self.doc.note("warning", f"paragraph {n} out of sequence (expected {self.expected})", line, "sequence")
        if dot == ",":
            self.doc.note("info", f"OCR repair: paragraph number '{n},' read as '{n}.'", line, "ocr-repair")
        self._flush_cross()
        self.list = None
        para = Para(forms(self.doc.lang).paragraph_label(n, dot), self.inline(rest), line=line)
        self.out.append(para)
        self.last_para = para
        self.block_owner[index] = para
        self.expected = n + 1

    def _start_list(self, index: int, n: int, rest: str, line: int) -> None:
        self.list = _ListState(self.last_para, 1)
        self.last_para.points.extend(self.pending_cross)
        self.pending_cross = []
        self._list_item(index, n, rest, line)

    def _resumed_list(self, n: int) -> bool:
        """A number below the paragraphs' sequence that continues the list a heading just closed
        is that list's next item: paragraph numbers never go back, and the heading is one that
        extraction set inside the list (plain ``pdftotext`` prints the letter of the next page's
        section among an agenda's items)."""
        return (self.closed_list is not None and self.expected is not None and n < self.expected - 1
                and n == self.closed_list.next_num and n > 1)

    def _below_sequence(self, index: int, n: int, rest: str) -> bool:
        """``2. Challenges and future work of the Commission ... recommendations``: a numbered
        subheading of a report may run over two lines. A number below the paragraphs' sequence,
        on one phrase that ends no sentence, with the paragraph the sequence expects right under
        it, is such a subheading."""
        if self.expected is None or n >= self.expected - 1 or len(rest) >= 300 or not rest[:1].isupper():
            return False
        if SENTENCE_INSIDE.search(rest) or rest.rstrip().endswith((",", ";", ":", "،", "؛", "，", "；", "：")):
            return False
        below = self.blocks[index + 1].text if index + 1 < len(self.blocks) else ""
        m = forms(self.doc.lang).paragraph.match(_unmarked(below).strip())
        return m is not None and m.group("num").isdigit() and int(m.group("num")) == self.expected

    def _list_item(self, index: int, n: int, rest: str, line: int) -> None:
        item = Point(f"{n}.", self.inline(rest), line=line)
        self.list.owner.points.append(item)
        self.list.next_num = n + 1
        self.list.after_cross = False
        self.list.last_item = item
        self.block_owner[index] = item

    def _point(self, index: int, label: str, rest: str, line: int, bullet: bool = False) -> None:
        point = Point(label, self.inline(rest), line=line)
        if self.list is not None and self.list.last_item is not None and not bullet:
            self.list.last_item.points.append(point)
        else:
            owner = self.last_para
            roman_label = re.sub(r"[()]", "", label)
            # the last lettered point of the paragraph, looked up from the end (a loop over
            # every point each time made 10,000 points quadratic)
            last_letter = next((p for p in reversed(owner.points) if isinstance(p, Point) and p.num
                                and re.sub(r"[()]", "", p.num).isalpha()), None)
            if (last_letter is not None and re.fullmatch(r"[ivxl]+", roman_label)
                    and not _next_letter(last_letter.num, label)):
                last_letter.points.append(point)
            else:
                owner.points.append(point)
        self.block_owner[index] = point

    def _is_cross_heading(self, text: str) -> bool:
        if (len(text) > 150 and "*" not in text and "^" not in text and not text[:1].isspace()
                and not text[-1:].isspace()):
            return False  # a paragraph's text without marks: longer than a cross-heading as it is
        text = _unmarked(text).strip()  # an italic cross-heading ("*Operational segment*") as its words
        if len(text) > 150 or ends_clause(text) or text[:1] in QUOTE_OPEN:
            return False
        if self.doc.kind in RESOLUTION_KINDS and opens_listed_clause(text, self.doc.lang):
            return False
        if not (text[:1].isupper() or text[:1].isdigit()):
            return False
        return len(text.split()) <= 16

    def _plain(self, index: int, text: str, line: int) -> None:
        if self.list is not None and self.list.after_cross:
            # headings after the list's last item, then text: the headings open what follows
            # ("Draft decision II" / its title / "The Council takes note ..."), the list ended
            points = self.list.owner.points
            while points and isinstance(points[-1], Heading):
                self.pending_cross.insert(0, points.pop())
            self.closed_list, self.list = self.list, None
        if self.list is not None and ends_clause(_unmarked(text)) and _unmarked(text).rstrip().endswith((":", "：")):
            self.list = None  # a new introduction ("Sennar:"): the list before it ended, a new one follows
        if self.list is not None and len(text) < 400:
            # An item whose number was lost: it takes the next number of the list.
            self._list_item(index, self.list.next_num, text, line)
            self.list.last_item.num = None
            return
        self._flush_cross()
        role = "quote" if text[:1] in QUOTE_OPEN and text.rstrip(".;,")[-1:] in QUOTE_CLOSE else "paragraph"
        if role == "quote":
            # a quotation of several paragraphs: each opens with its mark, only the last closes
            # ("“The Security Council reaffirms ..." / ... / "“The Security Council requests ...”")
            self._quotation_above()
        para = Para(None, self.inline(text), line=line, role=role)
        self.out.append(para)
        if role == "paragraph":
            self.last_para = para
        self.block_owner[index] = para

    def _quotation_above(self) -> None:
        """The unnumbered paragraphs just above that open a quotation and leave it open belong
        to the quotation that this paragraph closes."""
        k = len(self.out) - 1
        while k >= 0 and isinstance(self.out[k], Para) and self.out[k].role == "paragraph" \
                and self.out[k].num is None and not self.out[k].points:
            text = plain_text(self.out[k].text).strip()
            if text[:1] not in QUOTE_OPEN or not _leaves_quote_open(text):
                break
            self.out[k].role = "quote"
            if self.last_para is self.out[k]:
                self.last_para = None
            k -= 1

    def finish(self) -> list:
        self._flush_cross()
        return self.out


def _last_printed(inlines) -> str:
    """The last character of ``plain_text(inlines).rstrip()`` ("" for none), read from the end
    of the items: a paragraph of a whole page's text is not joined and copied to read one
    character."""
    from drafting.model.blocks import Styled

    for item in reversed(inlines):
        if isinstance(item, str):
            text = item.rstrip()
            if text:
                return text[-1]
        elif isinstance(item, Styled):
            last = _last_printed(item.children)
            if last:
                return last
    return ""


def _capitals_title(text: str) -> bool:
    """A title in capitals (``INTRODUCTION``), an unnumbered chapter of older documents; not a
    cell of a table (``D-2 (1)``) or an abbreviation (``UNEP``)."""
    letters = sum(1 for c in text if c.isalpha())
    return text.isupper() and letters >= 5 and letters >= 0.7 * sum(1 for c in text if not c.isspace())


def _next_letter(prev: str | None, label: str) -> bool:
    """Is ``label`` the letter after ``prev`` (so ``i)`` after ``h)`` is a letter, not a numeral)?"""
    if not prev:
        return False
    a, b = re.sub(r"[()]", "", prev), re.sub(r"[()]", "", label)
    return len(a) == 1 and len(b) == 1 and ord(b) == ord(a) + 1




def _leaves_quote_open(text: str) -> bool:
    """Does the paragraph open more quotations than it closes (``“The Council reaffirms its
    support for the “Pact”.``: the first stays open, for the next paragraph)?"""
    return sum(text.count(c) for c in "“«„") > sum(text.count(c) for c in "”»")


def run(reading: Reading) -> None:
    doc = reading.doc
    assembler = BodyAssembler(doc, reading.refs)
    assembler.blocks = reading.blocks
    resolution = doc.kind in ("resolution", "decision")
    closing = False
    vote_open = False   # a bracketed vote under the closing line, not yet closed by its "]"
    for i, block in enumerate(reading.blocks):
        # (a closing line opens its block: the date and a recorded vote may run on after it)
        m = closing_line(_unmarked(block.text)[:90], doc.lang) if resolution else None
        if m and len(block.text) > 90:
            after = _unmarked(block.text)[m.end():].partition(" [")[0].strip()
            if not parse_date(after, doc.lang):
                m = None   # a long block is a closing line only with its date and the vote after it
        if m or (closing and (vote_open or len(block.text) < 40 and parse_date(_unmarked(block.text).strip(), doc.lang))):
            closing = True
            text = _unmarked(block.text).strip()
            parts = [text[: m.end()].strip(), text[m.end():].strip()] if m else [text]
            if " [" in parts[-1] and not vote_open:
                # "4 April 2024" / "[Adopted without a vote.]": the vote, printed under the date
                date, _, vote = parts[-1].partition(" [")
                parts[-1:] = [date, "[" + vote]
            if "[" in text or vote_open:
                vote_open = not text.endswith("]")
            for part in (p for p in parts if p):
                doc.conclusions.append(Para(None, [part], line=block.line))
            assembler.block_owner[i] = None
            continue
        if closing and not ANNEX_LABEL.match(block.text):
            doc.note("warning", "text after the closing line", block.line, "after-closing")
        closing = False
        assembler.add(i, block)
    doc.body = assembler.finish()
    for para in doc.body:
        if isinstance(para, Para):
            para.text = merge_strings(para.text)
    reading.owners = assembler.block_owner
    if not doc.kind:
        # No line says what the document is: without its word "report" it is a plain document
        # (a Secretariat paper, concluding observations), numbered paragraphs or not.
        doc.kind = "note"
