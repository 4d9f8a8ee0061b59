"""The table of contents and the list of abbreviations of a report: tables, never chapters.

A UN report prints its contents under the heading ``Contents`` (``Table des matières``,
``Índice`` ...): entries ``I. Introduction . . . . 4`` with leader dots and page numbers, on one
or more pages of their own. Extracted text scatters the table's columns (plain ``pdftotext``
prints the numerals ``IV.`` ``V.`` on lines of their own after the entries), so none of its lines
may open a chapter or a section. The contents run from the heading to the last entry with
leader dots of the page, and the column debris after it (bare labels, page numbers, a word such
as ``Annexes``); a following page goes on with them when its first lines carry leader dots.

A list of abbreviations (``Abbreviations and acronyms``) prints pairs ``CEB  United Nations
System ...`` to the end of its page: its capitals are no chapter titles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from drafting.locale import terms
from drafting.model.numbering import forms
from drafting.readers.lines import Line
from drafting.readers.passes.text import plain
from drafting.regex import lazy_compile

# leader dots; a long entry leaves only a few of them at the end of its line ("... review . . .")
LEADER_DOTS = lazy_compile(r"(?:\.\s?){6,}|…{3,}|\s(?:\.\s?){3,5}(?:\d{1,4}|[ivxlc]{1,6})?\s*$")
# an entry that ends with its page or paragraphs and no leader dots ("Afrique 29 - 31"), on the
# page that the heading opens
ENTRY_END = lazy_compile(r"\s\d{1,3}(?:\s*[-–]\s*\S{1,4})?(?:\s*\.)?$")
# the same paragraphs on a line of their own, where plain ``pdftotext`` prints the column of a
# contents table without leader dots apart from its entries ("2-5", "21 - 25"; OCR reads a
# typewriter's open 4 as "1+": "1+2 - 1+7")
RANGE_ALONE = lazy_compile(r"^\d[\d+]{0,3}\s*[-–]\s*\S{1,4}$")
# What the columns of a contents table leave on lines of their own: ``IV.``, ``B.``, ``27``,
# ``iii``, ``Page``, ``Annexes``.
_TOKEN = r"(?:[IVXLC]{1,6}\.|[A-Z]\.|\d{1,4}|[ivxlc]{1,6}|[^\W\d_]+)"
_PAGE = r"(?:\d{1,4}|[ivxlc]{1,6})"
# (a token, perhaps with a page number; or a label, a word and a page number that the text
# reader joined: "VII. Annexes iii", never "I. Introduction")
DEBRIS = lazy_compile(r"^(?:" + _TOKEN + r"(?:\s+" + _PAGE + r")?|(?:[IVXLC]{1,6}|[A-Z])\.\s+[^\W\d_]+\s+" + _PAGE + r")$")
# in a column of lone labels, the last label keeps the word printed beside it ("VII. Annexes")
LONE_LABEL = lazy_compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.$")
LABEL_WORD = lazy_compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.\s+[^\W\d_]+$")
RUN_WITHOUT_ENTRY = 12   # lines without an entry after which the contents have ended
GLOSSARY_LINE = 90       # an abbreviation and its expansion fit on a short line
FIRST_LINES = 6   # a page goes on with the contents when one of its first lines has leader dots


@lru_cache(maxsize=None)
def _heading(lang: str, key: str) -> re.Pattern:
    words = set(terms(lang).get("reader", {}).get(key, [])) | set(terms("en").get("reader", {}).get(key, []))
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(_bare(w)) for w in sorted(words, key=len, reverse=True))
    # "Contents" alone, or with the column word over the page numbers ("Contents    Page")
    return re.compile(r"^(?:" + alternatives + r")(?:\s+[^\W\d_]+)?$", re.I)


@lru_cache(maxsize=4096)
def _may_open_heading(first: str, lang: str) -> bool:
    """Can a line whose first printed character is ``first`` be the heading of the contents or
    of the abbreviations? (a mark ``plain`` takes away, or a combining accent, may stand first)"""
    if first in "*^" or unicodedata.combining(first) or not _bare(first):
        return True
    words = {w for key in ("contents", "abbreviations") for source in (lang, "en")
             for w in terms(source).get("reader", {}).get(key, [])}
    if any(not _bare(w) for w in words):
        return True
    initials = "".join(re.escape(_bare(w)[0]) for w in words)
    return bool(initials) and bool(re.match(f"[{initials}]", _bare(first)[:1], re.I))


def _text(line: Line) -> str:
    return plain(line.text).strip()


def _bare(text: str) -> str:
    """The text without accents: typescripts print capitals without them (TABLE DES MATIERES)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def table_lines(lines: list[Line], start: int, lang: str) -> set[int]:
    """Indexes of the lines (from ``start``) that belong to a table of contents or a list of
    abbreviations. The contents' heading may stand before ``start``, among the lines the
    masthead and the title were read from."""
    return {k for k in all_table_lines(lines, lang) if k >= start}


def all_table_lines(lines: list[Line], lang: str) -> set[int]:
    """Indexes of the lines that belong to a table of contents or a list of abbreviations."""
    found: set[int] = set()
    contents, glossary = _heading(lang, "contents"), _heading(lang, "abbreviations")
    known: dict[str, bool] = {}   # _may_open_heading of each first character, asked once in a text
    after = 0   # the first line after the last table found
    # a heading "Contents", "Abbreviations and acronyms": short lines only
    for i in [k for k, line in enumerate(lines) if len(line.text) <= 60]:
        if i < after:
            continue
        text = lines[i].text
        first = text[:1]
        if first.isspace():
            first = text.lstrip()[:1]
        if first:
            may_open = known.get(first)
            if may_open is None:
                may_open = known[first] = _may_open_heading(first, lang)
            if not may_open:
                continue  # (most short lines: no heading word opens them)
        text = _bare(_text(lines[i]))
        if contents.match(text):
            after = _contents(lines, i, found) + 1
        elif glossary.match(text):
            after = _glossary(lines, i, found, lang) + 1
    return found


def _page_end(lines: list[Line], i: int) -> int:
    """The index after the last line of the page of line ``i``."""
    page = lines[i].page
    j = i + 1
    while j < len(lines) and lines[j].page == page and not lines[j].page_break_before:
        j += 1
    return j


def _contents(lines: list[Line], head: int, found: set[int]) -> int:
    """Mark the contents that open at line ``head``; the index of their last line. Every page
    but the last is the table's whole; on the last, the table ends with its last entry (an
    input without pages, a Word file, is one last page: there the entries end where a run of
    lines without one begins)."""
    pages = []   # (first index, end index, last entry) of each page of the table
    i = head
    while i < len(lines):
        end = _page_end(lines, i)
        entries = _entries(lines, i, end, with_numbers=i == head)
        opening = [k for k in range(i, end) if lines[k].text.strip()][:FIRST_LINES]
        if not entries or (i != head and entries[0] not in opening):
            break  # a page of body text: the contents ended on the page before
        pages.append((i, end, entries[-1]))
        i = end
    if not pages:
        return head
    for first, end, _ in pages[:-1]:
        found.update(range(first, end))
    first, end, last_entry = pages[-1]
    stop = last_entry + 1
    while stop < end and (not lines[stop].text.strip() or DEBRIS.match(_text(lines[stop]))
                          or (LONE_LABEL.match(_text(lines[stop - 1])) and LABEL_WORD.match(_text(lines[stop])))):
        stop += 1
    found.update(range(first, stop))
    found.add(head)
    return stop - 1


def _entries(lines: list[Line], first: int, end: int, with_numbers: bool) -> list[int]:
    """The lines of a page that end a contents entry (leader dots; on the heading's page also a
    page or paragraph number alone), up to the first run of lines without one."""
    found: list[int] = []
    run = 0
    for k in range(first, end):
        text = lines[k].text
        if not text.strip():
            continue
        if LEADER_DOTS.search(text) or (with_numbers and (ENTRY_END.search(_text(lines[k]))
                                                          or RANGE_ALONE.match(_text(lines[k])))):
            found.append(k)
            run = 0
        elif found and not DEBRIS.match(_text(lines[k])):
            run += 1
            if run > RUN_WITHOUT_ENTRY:
                break
    return found


def _glossary(lines: list[Line], head: int, found: set[int], lang: str) -> int:
    """Mark a list of abbreviations: from its heading to the end of its page, or to the first
    line no such list prints (a long line of text, a chapter or a numbered paragraph)."""
    f = forms(lang)
    end = _page_end(lines, head)
    stop = head + 1
    while stop < end:
        text = _text(lines[stop])
        if len(text) > GLOSSARY_LINE or f.chapter.match(text) or f.paragraph.match(text):
            break
        stop += 1
    found.update(range(head, stop))
    return stop - 1
