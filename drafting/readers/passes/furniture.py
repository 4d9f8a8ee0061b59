"""Pass 1: page furniture leaves the flow.

What a UN page prints around its text: at the head of every page after the first, the symbol and
(often) the short title; at the foot, the page marker (``2/9``), the job number (``25-20009``,
``25-20009 (E)``), on the first page the print-date stamp (``141025``) and the barcode
(``*2520009*``), sometimes "Please recycle". They are found at the edges of each page, by their
shape and by their repetition from page to page, and listed in the diagnostics (code
``furniture``), so that every word of the input is accounted for.

Text without page breaks (copied text, exports) has no edges: there only the shapes that cannot be
text (a job number with its language letter, a barcode, ``2/18``) are taken out, wherever they are.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import islice

from drafting.model.job_numbers import find_job_number, is_barcode
from drafting.locale.vocabulary import vocabulary
from drafting.model.symbols import looks_like_symbol
from drafting.readers.lines import Line
from drafting.readers.passes.reading import Reading, pages_of
from drafting.readers.passes.text import ends_sentence
from drafting.regex import LazyPattern, lazy_compile

PAGE_MARKER = re.compile(r"^(?:-\s*)?(?:Page\s+)?(?P<page>\d{1,3})\s*/\s*\d{1,3}$", re.I)
BARE_PAGE = lazy_compile(r"^(?:-\s*)?(?:Page\s+|page\s+)?(?P<page>\d{1,3})(?:\s*-)?$")
STAMP = re.compile(r"^\d{6}$")                              # the print date, DDMMYY
# a typescript's mark at the foot of a page that goes on ("/..."), as OCR reads it ("/.", "/•")
CONTINUATION = re.compile(r"^/\s?[.•·…,]{1,3}$")
LANGUAGE_LETTER = re.compile(r"^\([EFSRCA]\)$")
RECYCLE = LazyPattern(lambda: vocabulary().recycle)   # "Please recycle", the locale's words
_JOB_SHAPE = re.compile(r"\d{2}-?\d{5}")
_DIGIT = re.compile(r"\d")
FURNITURE_TOKEN = re.compile(r"^(?:\d{1,3}/\d{1,3}|\d{1,3}|(?:V\.|GE\.|K)?\d{2}-\d{5}|\([EFSRCA]\)|\d{6}|\*\d{7}\*)$")
EDGE = 4            # lines at the head of a page that may be running heads
FOOT_EDGE = 8       # lines at the foot: page marker, job number, stamp, barcode, recycle mark


def kind_of(text: str, bare_pages: bool, page: int) -> str | None:
    """What a line of page furniture is, by its shape alone; None for text."""
    t = text.strip()
    if not t or len(t) > 60:
        return None
    if not _DIGIT.search(t):
        # a page number, job number, stamp or barcode holds a figure: without one, a line can be
        # only these (a running title, most often: none)
        if RECYCLE.match(t):
            return "recycle"
        if CONTINUATION.match(t):
            return "continuation"
        return "stamp" if LANGUAGE_LETTER.match(t) else None
    # (below, t holds a figure: the continuation mark and the language letter, which hold none,
    # are not tried; the page marker is tried only with its slash, the barcode with its star)
    m = PAGE_MARKER.match(t) if "/" in t else None
    if m:
        return "page-number"
    if bare_pages:
        m = BARE_PAGE.match(t)
        if m and int(m.group("page")) == page:
            return "page-number"
    if RECYCLE.match(t):
        return "recycle"
    if t[0] == "*" and is_barcode(t):
        return "barcode"
    # (a stamp opens with six figures, each a digit to str.isdigit: other lines are not split)
    if t[:6].isdigit() and (STAMP.match(t) or (" " in t and all(STAMP.match(x) for x in t.split()))):
        return "stamp"   # the print date, or two of them ("230625 240625": printed, reprinted)
    if _JOB_SHAPE.search(t):
        job = find_job_number(t)
        if job is not None and job.text in t:
            rest = t.replace(job.text, "", 1).strip()
            if not rest or all(FURNITURE_TOKEN.match(x) for x in rest.split()):
                return "job-number"
    # (a token with a slash or a hyphen is one in the line: a line without either is not split)
    if "/" not in t and "-" not in t:
        return None
    tokens = t.split()
    if len(tokens) >= 2 and all(FURNITURE_TOKEN.match(x) for x in tokens):
        return "page-number"
    return None



def _mark(reading: Reading, line: Line, kind: str) -> None:
    line.zone, line.furniture_kind = "furniture", kind
    if kind == "running-head" and reading.running_symbol is None and looks_like_symbol(line.text.strip().rstrip("*")):
        reading.running_symbol = line.text.strip().rstrip("*")
    if kind == "job-number" and reading.job_number is None:
        job = find_job_number(line.text.strip())
        reading.job_number = job.text if job else None


@lru_cache(maxsize=4096)   # a page's edge lines are compared in several tests, each by its normal form
def _norm(text: str) -> str:
    # str.split folds runs of white space as the regex \s+ would, at a fraction of the cost
    return " ".join(text.replace("\u2011", "-").split()).rstrip("*").strip()


def run(reading: Reading) -> None:
    pages = pages_of(reading.lines)
    # each page's printed lines, taken once: a page's lines are marked only while it is read
    # (a line holds print where its text is not all white space: tested without a copy of it)
    printed_pages = [[l for l in page if l.zone is None and l.text and not l.text.isspace()] for page in pages]
    text_lines = [l for printed in printed_pages for l in printed]
    # Modern UN pages print "2/9"; older ones a bare page number, which only counts where no
    # marker of the "2/9" form is printed anywhere.
    bare_pages = not any("/" in l.text and PAGE_MARKER.match(l.text.strip()) for l in text_lines)
    if len(pages) <= 1:  # one page, or none (a text of spaces only)
        _without_pages(reading, text_lines)
        _report(reading)
        return

    first_lines = {_norm(l.text) for l in pages[0] if l.text.strip()}
    # the symbol as page 1 prints it (in the masthead's column), for heads that OCR garbled
    # (a symbol holds a slash: a line without one is not cut into its columns)
    first_short = [t for l in pages[0] if "/" in l.text for t in re.split(r"\s{3,}", l.text.strip())
                   if 8 <= len(t) < 60 and looks_like_symbol(t.split("(")[0].strip())]
    # one matcher per symbol, holding what it has learnt of the symbol for every head compared with it
    symbols = [SequenceMatcher(None, "", t) for t in first_short]
    edge_texts: Counter[str] = Counter()
    edges: list[list[Line]] = []
    for printed in printed_pages[1:]:
        edge = printed[:EDGE] + printed[-3:]
        edges.append(edge)
        edge_texts.update({_norm(l.text) for l in edge})

    offset = _page_offset(printed_pages) if bare_pages else 0
    for number, printed in enumerate(printed_pages, start=1):
        rules = _rules(printed)   # (a rule is found by its text, which no mark changes)
        notes = _note_numbers(printed, rules)
        ruled = rules[-1] if rules else None
        # the foot: furniture from the last line up, over any footnote lines in between
        below_rule = {id(l) for l in printed[ruled + 1:]} if ruled is not None else set()
        for k in range(len(printed) - 1, max(len(printed) - FOOT_EDGE, 0) - 1, -1):
            line = printed[k]
            kind = kind_of(line.text, bare_pages, number - offset)
            if kind == "page-number" and not PAGE_MARKER.match(line.text.strip()) and (
                    id(line) in notes or (id(line) not in below_rule and any(
                        kind_of(after.text, False, 0) is None for after in printed[k + 1:]))):
                # a note's number that happens to equal the page's; a number of a table that
                # ends the page, with text after it
                continue
            if kind:
                _mark(reading, line, kind)
        if number == 1:
            continue
        # the head: the symbol, the running title, the page number
        # (extraction may print a line or two of the body before the running head)
        body_seen = 0
        last_body = ""
        # a typescript's head block ends with its page line ("Page 11", "Pape 11"): the symbol
        # above it may be garbled further than elsewhere
        label_at = next((k for k, l in enumerate(printed[:EDGE]) if OCR_PAGE_LABEL.match(_norm(l.text))), -1)
        for at, line in enumerate(printed[:EDGE + 2]):
            if line.zone is not None:
                continue
            text = _norm(line.text)
            kind = kind_of(line.text, bare_pages, number - offset)
            # a line that runs on from the body line before it is text printed twice in the
            # document (the same clause in two paragraphs), not a running head
            continues = body_seen > 0 and not ends_sentence(last_body) and not looks_like_symbol(last_body)
            if kind is None and body_seen == 0 and OCR_PAGE_LABEL.match(text):
                kind = "page-number"   # "Pare 6", "Pape 11": a typescript's "Page N" as OCR reads it
            if kind is None and body_seen == 0 and len(text) < 60 and _near(text, symbols, 0.7 if at < label_at else 0.85):
                kind = "running-head"  # the symbol at the head, one or two letters garbled by OCR
            if kind is None and _inside_head_block(printed, at, label_at, body_seen):
                kind = "running-head"  # the language line of a typescript's head, garbled by OCR
            if kind is None and len(text) < 120 and not _below_head_block(at, label_at) and (
                    looks_like_symbol(text) or (body_seen < 3 and (
                        edge_texts[text] >= 3 or not continues and (text in first_lines or edge_texts[text] >= 2)))):
                kind = "running-head"
            if kind is None:
                body_seen += 1
                last_body = text
                continue
            _mark(reading, line, kind)
        # a running head printed at the foot (odd pages put the title there in some layouts)
        above_rule = {l.text for l in printed[:ruled + 1]} if ruled is not None else set()
        for line in reversed(printed[-3:]):
            if ruled is not None and _below(printed, line, ruled, above_rule) and not looks_like_symbol(_norm(line.text)):
                continue   # a footnote repeated on several pages ("Ibid., vol. 1582"), not a running head
            if line.zone is None and len(_norm(line.text)) < 120 and (
                    looks_like_symbol(_norm(line.text)) or edge_texts[_norm(line.text)] >= 3):
                _mark(reading, line, "running-head")
    _own_job_numbers(reading)
    _report(reading)


TABLE_FIGURE = lazy_compile(r"^\s*\(?[\d][\d\s.,]*\)?\s*$")
# (digits as OCR reads them: l, I for 1, O for 0, U and + for 4, as in passes/ocr.py)
OCR_PAGE_LABEL = lazy_compile(r"^Pa[a-z]e\s+[\dlIO+U]{1,4}$")
RULE = lazy_compile(r"^\s*_{5,}\s*$")                   # the footnote rule
NOTE_NUMBER = lazy_compile(r"^\s*\d{1,3}\s*$")          # a bare number under it


def _below_head_block(at: int, label_at: int) -> bool:
    """Does line ``at`` stand below a typescript's head block, which ends with its page line
    (``Page 16``)? There the text begins: a heading that the contents also print
    (``Conclusion``) is no running head however often it is printed."""
    return 0 <= label_at < at


def _inside_head_block(printed: list[Line], at: int, label_at: int, body_seen: int) -> bool:
    """Does line ``at`` stand inside a typescript's head block, between its symbol (a running
    head already) and its page line (``Page 3``)? The block prints the symbol, the language of
    the version (``Français``) and the page: what stands between is the head, however OCR read
    it (``Franc air:``)."""
    return (body_seen == 0 and at < label_at and len(printed[at].text.strip()) < 30
            and any(l.furniture_kind == "running-head" for l in printed[:at]))


def _near(text: str, symbols: list[SequenceMatcher], ratio: float = 0.85) -> bool:
    """Is ``text`` the document's symbol from its first page, a few characters misread?
    (``symbols``: a matcher for each symbol, the symbol its second sequence)"""
    for matcher in symbols:
        if abs(len(text) - len(matcher.b)) <= 3:
            matcher.set_seq1(text)
            if _similar(matcher, ratio):
                return True
    return False


def _similar(matcher: SequenceMatcher, ratio: float = 0.85) -> bool:
    # the quick ratios bound the ratio from above: most pairs are told apart without the full one
    return matcher.real_quick_ratio() >= ratio and matcher.quick_ratio() >= ratio and matcher.ratio() >= ratio


def _index(lines: list[Line], line: Line) -> int:
    """``lines.index(line)``: the first line equal to it (a line's fields compared only where
    its text is the same)."""
    return next(k for k, other in enumerate(lines) if other is line or (other.text == line.text and other == line))


def _below(lines: list[Line], line: Line, ruled: int, above: set[str]) -> bool:
    """``_index(lines, line) > ruled`` (``line`` one of ``lines``): a line at or above the rule
    that is ``line`` or equals it prints its text, so only a text printed there (``above``, the
    texts of ``lines[:ruled + 1]``) is looked for line by line."""
    return line.text not in above or _index(lines, line) > ruled


def _rules(printed: list[Line]) -> list[int]:
    """Where footnote rules are printed on the page, in order."""
    return [k for k, line in enumerate(printed) if "_____" in line.text and RULE.match(line.text)]


def _page_offset(printed_pages: list[list[Line]]) -> int:
    """How far the printed page numbers lag behind the pages (front matter numbered apart, a
    cover not counted): the lag most pages' bare numbers at their edges agree on, else none."""
    lags: Counter[int] = Counter()
    for number, printed in enumerate(printed_pages, start=1):
        seen = set()
        for line in printed[:EDGE] + printed[-FOOT_EDGE:]:
            m = BARE_PAGE.match(line.text.strip())
            if m and 0 <= number - int(m.group("page")) <= 60 and number - int(m.group("page")) not in seen:
                seen.add(number - int(m.group("page")))
                lags[number - int(m.group("page"))] += 1
    if not lags:
        return 0
    lag, count = max(lags.items(), key=lambda item: (item[1], -item[0]))
    return lag if count >= max(3, lags.get(0, 0) + 1) else 0


def _note_numbers(printed: list[Line], rules: list[int]) -> set[int]:
    """The ids of the bare numbers printed just under a page's footnote rule (plain pdftotext
    puts the notes' numbers there): note numbers, whatever page they would match."""
    found: set[int] = set()
    for k in rules:   # each rule of the page (``_rules(printed)``)
        # the numbers of the notes of one page run on (in any order); the page's own
        # number, printed among them, is apart from the run
        lone = [(int(l.text), l) for l in printed[k + 1:] if NOTE_NUMBER.match(l.text)]
        if lone:
            values = {value for value, _l in lone}
            low = high = lone[0][0]
            while low - 1 in values:
                low -= 1
            while high + 1 in values:
                high += 1
            run = range(low, high + 1)
            j = k + 1
            while j < len(printed) and NOTE_NUMBER.match(printed[j].text) and int(printed[j].text) in run:
                found.add(id(printed[j]))
                j += 1
    return found


def _own_job_numbers(reading: Reading) -> None:
    """The document's own job number alone on a line, wherever extraction printed it (plain
    pdftotext may print a page's foot between its footnote numbers and their texts, or between
    two lines of a paragraph). Between the cells of a table (a figure follows it) it is left to
    the table's reading."""
    own = find_job_number(reading.job_number) if reading.job_number else None
    if own is None:
        return
    lines = reading.lines
    number = own.number
    for k, line in enumerate(lines):
        text = line.text
        # (a job number found in a line is a part of it: a line that does not print the own
        # number's five digits holds no job number with them, and most lines are passed at the
        # cost of a substring test; kind_of names no line longer than 60 characters)
        if number in text and line.zone is None and (len(text) <= 60 or len(text.strip()) <= 60) \
                and _JOB_SHAPE.search(text) and kind_of(text, False, 0) == "job-number":
            after = next((l for l in islice(lines, k + 1, None) if l.text.strip()), None)   # the next printed line
            if after is not None and TABLE_FIGURE.match(after.text):
                continue
            job = find_job_number(line.text.strip())
            if job is not None and (job.year, job.number) == (own.year, own.number):
                _mark(reading, line, "job-number")


# what a repeated short line that is text opens with: a dash, bullet or star, a bracket, an
# item's number ("3.", "12)") or a figure; a running title may open with a year ("2025 review
# of the United Nations peacebuilding architecture")
ITEM_OR_FIGURE = lazy_compile(r"[-•*(]|\d+(?:[.,)]|\s*$|\s+\d)")


def _without_pages(reading: Reading, lines: list[Line]) -> None:
    """Text with no page breaks: furniture by shape, a symbol standing alone after the head, and a
    short line printed three times or more (unless it could be text: a clause, an item)."""
    norms = [_norm(l.text) for l in lines]
    counts = Counter(t for l, t in zip(lines, norms) if len(l.text.strip()) < 80)
    repeated = {t for t, n in counts.items() if n >= 3 and not t.endswith((".", ":", ";", ","))
                and not ITEM_OR_FIGURE.match(t) and not re.match(r"^[IVXL]+\.|^[A-Z]\.\s", t)}
    kinds: list[str | None] = []
    for k, line in enumerate(lines):
        kind = kind_of(line.text, False, 0)
        if kind is None and k >= 12 and len(norms[k]) < 80 and looks_like_symbol(norms[k]):
            kind = "running-head"
        kinds.append(kind)
    # page 1 prints no running head: it ends at its foot's first furniture (job number, stamp,
    # barcode); a repeated line printed before it is text (the title, an agenda title that says
    # the same words), and after it a running head. Without such a foot, a line's first
    # printing is taken for page 1's.
    foot = next((k for k, kind in enumerate(kinds) if kind and kind != "running-head"), None)
    seen: set[str] = set()
    for k in range(len(lines)):
        if k >= 12 and kinds[k] is None and norms[k] in repeated and (
                k > foot if foot is not None else norms[k] in seen):
            kinds[k] = "running-head"
        seen.add(norms[k])
    for k, (line, kind) in enumerate(zip(lines, kinds)):
        # six digits alone may be text; the print-date stamp stands by the barcode or job number
        if kind == "stamp" and not any(kinds[j] not in (None, "stamp")
                                       for j in range(max(0, k - 2), min(len(lines), k + 3))):
            continue
        if kind:
            _mark(reading, line, kind)


def _report(reading: Reading) -> None:
    for line in reading.lines:
        if line.zone == "furniture":
            reading.doc.note("info", f"page furniture removed ({line.furniture_kind or 'furniture'}): {line.text.strip()}",
                             line.no, "furniture")
