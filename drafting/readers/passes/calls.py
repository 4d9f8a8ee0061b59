"""Pass 4: footnote calls that extraction printed as plain digits become calls.

PDF extraction loses the raising of a footnote call: ``Effects, 1 and appreciating``,
``2022, 2``, ``Cooperation,3``, ``the Secretary-General 3 and``. A digit is taken for the call of
note N when note N's body is printed on the same page, no raised call carries N already, it stands
after the call of the note before, and nothing around it makes it a number: not a word that takes
a number (``resolution 3``, ``paragraph 2``: the locale's ``number_words``), not a count or a date
after it (``2 per cent``, ``2 December``), not part of a figure (``1,000``, ``2/3``). A call glued
to punctuation or printed after it is preferred to one that merely stands between two words.
Every call found is reported.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from drafting.locale import terms
from drafting.readers.passes.reading import Reading
from drafting.readers.passes.text import marked_spans
from drafting.readers.text_inline import SUPERSCRIPT_DIGITS, note_markers
from drafting.regex import lazy_compile

# Raised digits or a ``^{...}`` group. Written to open with one character class (the
# alternatives checked behind it) so that the search skips plain text fast.
RAISED = re.compile(r"[" + SUPERSCRIPT_DIGITS + r"^](?:(?<=\^)\{[^}]{1,20}\}|(?<!\^)[" + SUPERSCRIPT_DIGITS + r"]*)")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+|%)")
# "1 and 2", "3 to 5", "1-3": a range of numbers, not a call; "1/CP.27 31 and 1/CMA.4" is no
# range: the number after "and" is a symbol's
_RANGE_AFTER = lazy_compile(r"^\s*(?:and|or|to|et|ou|à|y|o|a|и|или|до|و|أو|إلى|和|或|至|[-–])\s*\d+(?![\d/]|\.\d)")
STRONG_BEFORE = ",;:.)”’\"»"
ORDINAL_SUFFIX = re.compile(r"st|nd|rd|th|e|er|re|ème|bis|ter|km|kg|m|h|a|o")


@lru_cache(maxsize=None)
def _words(lang: str) -> tuple[frozenset, frozenset]:
    from drafting.locale import _month_numbers  # the month names CLDR and the data files know

    reader = terms(lang).get("reader", {})
    before = frozenset(w.lower() for w in reader.get("number_words", []))
    after = frozenset(w.lower() for w in reader.get("number_followers", [])) | frozenset(
        m.lower() for m in _month_numbers(lang))
    return before, after


@lru_cache(maxsize=None)
def _capital_months(lang: str) -> bool:
    """Does the language print its month names with a capital (``20 May``, not ``20 may``)?"""
    months = terms(lang).get("dates", {}).get("months", [])
    return bool(months) and all(m[:1].isupper() for m in months)


def _follows_number(word: str, lang: str) -> bool:
    """Is ``word`` one that takes the number before it (``2 per cent``, ``20 May``)? A month
    name counts only in the case the language prints it: ``20 may be used`` holds a call."""
    from drafting.locale import _month_numbers

    folded = word.lower()
    if folded not in _words(lang)[1]:
        return False
    if folded in _month_numbers(lang) and _capital_months(lang) and not word[:1].isupper():
        return folded in {w.lower() for w in terms(lang).get("reader", {}).get("number_followers", [])}
    return True


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset | None:
    words = terms(lang).get("reader", {}).get("number_abbreviations")
    return frozenset(w.lower() for w in words) if words else None


def _ends_sentence_at(word: str, lang: str) -> bool:
    """Is the stop after ``word`` a sentence's end (``English only. 3``), not an abbreviation's
    (``para. 3``)? Unknown where the language lists no abbreviations."""
    abbreviations = _abbreviations(lang)
    return abbreviations is not None and word.lower() not in abbreviations


def follower_words(lang: str) -> frozenset:
    return _words(lang)[1]


def _called(reading: Reading) -> set[str]:
    found: set[str] = set()
    texts = [line.text for line in reading.body]
    # every raised call opens with a raised digit or a caret: a text that holds none (most
    # texts; each looked for in C over the lines joined) holds no call
    joined = "\n".join(texts)
    if not any(c in joined for c in SUPERSCRIPT_DIGITS + "^"):
        return found
    for text in texts:
        if text.isascii() and "^" not in text:
            continue  # raised digits are not ASCII: such a line has no call
        for m in RAISED.finditer(text):
            found.update(note_markers(m.group().strip("^{}")) or [])
    return found


DASHES = "\\-\u2010\u2011\u2012\u2013"   # hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash


@lru_cache(maxsize=256)
def _patterns(marker: str) -> tuple[re.Pattern, re.Pattern]:
    # Each opens with its literal digits and looks behind them after (what stands before the
    # year or the marker): the search then skips to the digits instead of trying every position.
    return (re.compile(r"(?:19|20)(?<!\d..)\d\d[" + DASHES + r"](?:19|20)\d\d(" + marker + r")(?!\d)"),
            # "follows: 3,4": two calls in a row, not the figure 3,4
            re.compile(marker + r"(?<![\d/" + DASHES + r"^{]" + marker + r")(?![\d/]|\.\d|,(?!"
                       + _next(marker) + r"(?!\d))\d)"))


def _next(marker: str) -> str:
    return str(int(marker) + 1) if marker.isdigit() else marker


# What the two patterns of any marker of plain digits need, without compiling a pattern per
# marker (a document with 200 notes compiled 400): a range of years with digits glued to it, and
# a run of digits standing alone (the marker's pattern matches exactly the runs equal to it).
_ANY_YEAR_RANGE = re.compile(r"(?:19|20)(?<!\d..)\d\d[" + DASHES + r"](?:19|20)\d\d\d")
_ANY_STANDALONE = lazy_compile(r"\d(?<![\d/" + DASHES + r"^{]\d)\d*(?![\d/]|\.\d)")


def _standalone(text: str, marker: str):
    """``_patterns(marker)[1].finditer(text)``."""
    if marker.isascii() and marker.isdecimal():
        nxt = _next(marker)
        return (m for m in _ANY_STANDALONE.finditer(text) if m.group() == marker and not (
            text[m.end():m.end() + 1] == "," and text[m.end() + 1:m.end() + 2].isdigit()
            and not (text.startswith(nxt, m.end() + 1) and not text[m.end() + 1 + len(nxt):m.end() + 2 + len(nxt)].isdigit())))
    return _patterns(marker)[1].finditer(text)


@lru_cache(maxsize=256)
def _glued_to_number(marker: str) -> re.Pattern:
    """A call glued to the number before it, which then reads as a longer number: a year
    (``2024`` + call 4 -> ``20244``) or the number of a name (``COVID-19`` + call 16 ->
    ``COVID-1916``). Only a last resort: no number of that length is printed so, but a longer
    figure could be."""
    return re.compile(r"(?<![\d,./" + DASHES + r"])(?:19|20)\d\d(" + marker + r")(?![\d/]|[.,]\d)"
                      r"|(?<=[^\W\d_][" + DASHES + r"]\d\d)(" + marker + r")(?![\d/]|[.,]\d)")


def _letters_before(text: str, end: int) -> str:
    """The run of letters (``[^\\W\\d_]``) that ends at ``end``, read backwards from it: a
    pattern anchored at the end of the text is tried from every position before it."""
    start = end
    while start and text[start - 1].isalnum() and not text[start - 1].isdecimal() and text[start - 1] != "_":
        start -= 1
    return text[start:end]


def _word_before(text: str) -> str:
    """The word that ends ``text``, a stop and spaces after it aside (``resolution`` in
    ``... resolution ``, ``para`` in ``para. ``); '' where none does."""
    end = len(text.rstrip())
    if text[end - 1:end] == ".":
        end -= 1
    return _letters_before(text, end)


def _candidate(text: str, marker: str, pos: int, lang: str, lenient: bool = False) -> tuple[int, int, bool] | None:
    """The first place from ``pos`` where ``marker`` can be a call: (start, end, strong).
    ``lenient``: also after a word that takes a number (``statistical annex 4 and``)."""
    digits = marker.isascii() and marker.isdecimal()
    if digits and text.find(marker, pos) == -1:
        return None   # both patterns match the marker's own digits (most lines do not print them)
    before_words = frozenset() if lenient else _words(lang)[0]
    weak = None
    if not digits or _ANY_YEAR_RANGE.search(text, pos):
        for m in _patterns(marker)[0].finditer(text, pos):
            return m.start(1), m.end(1), True   # "2015–20308": a call glued to a range of years
    for m in _standalone(text[pos:], marker):
        start, end = pos + m.start(), pos + m.end()
        before = text[:start]
        if not before.strip():
            continue  # a number at the start of a line is a paragraph or list number
        prev = before[-1]
        if prev.isalpha():
            token = _letters_before(before, start)
            if prev.isupper() or token.isupper() or len(token) < 3:
                continue  # "G20", "A4", "UN80": a name with a number
            return start, end, True   # "Human Rights3": a call glued to the word it follows
        if prev.isdigit():
            continue
        glued = re.match(r"[a-zà-ÿ]+", text[end:])
        if glued and prev == " " and not ORDINAL_SUFFIX.fullmatch(glued.group()):
            return start, end, True   # "resolutions 3on the": a call glued to the next word
        token = before.rsplit(None, 1)[-1]   # (the text before holds a word: see above)
        if prev == "." and (before[-2:-1].isdigit() or "/" in token or token[:1].isupper() and len(token) <= 4):
            continue  # "1.5", "A/79/PV.6", "No.3": a number, not a call
        word = _word_before(before) if prev == " " else ""
        if word and word.lower() in before_words and not (
                before.rstrip().endswith(".") and _ends_sentence_at(word, lang)):
            continue
        nxt = _WORD_AFTER.match(text[end:])
        if nxt and _follows_number(nxt.group(1), lang):
            continue
        if text[end:end + 1].isalpha() or _RANGE_AFTER.match(text[end:]):
            continue
        if prev in STRONG_BEFORE or (prev == " " and before.rstrip()[-1:] in STRONG_BEFORE):
            return start, end, True
        if weak is None:
            weak = (start, end, False)
    return weak


# a star glued to the word it follows, or to the closing stop, bracket or quote after it
STAR_CALL = lazy_compile(r"(?:(?<=[^\W\d_])|(?<=[)\]”’\".]))(\*{1,3})(?=[\s).,;:”’\"]|$)")


def _star_calls(reading: Reading, called: set[str]) -> None:
    """``(see annex*)``: a star glued to the word it follows calls the star note of its page."""
    for note in reading.notes:
        if set(note.marker) != {"*"} or note.marker in called:
            continue
        for k in range(reading.body_start, min(note.flow_index + 1, len(reading.body))):
            line = reading.body[k]
            if line.page != note.page:
                continue
            paired = marked_spans(line.text)
            m = next((m for m in STAR_CALL.finditer(line.text) if m.group(1) == note.marker
                      and not any(a <= m.start() < b for a, b in paired)), None)
            if m:
                line.text = line.text[:m.start()] + "^{" + note.marker + "}" + line.text[m.end():]
                called.add(note.marker)
                break


def _letter_calls(reading: Reading, called: set[str]) -> None:
    """``... to the present report. a``: a letter at the end of a sentence calls the letter note
    printed at its page's foot."""
    from drafting.readers.passes.notes import LETTER_CALL

    for note in reading.notes:
        if len(note.marker) != 1 or not note.marker.isalpha() or note.marker in called:
            continue
        for k in range(reading.body_start, min(note.flow_index + 1, len(reading.body))):
            line = reading.body[k]
            m = LETTER_CALL.search(line.text)
            if line.page == note.page and m and m.group("m") == note.marker:
                line.text = line.text[:m.start("m")].rstrip() + "^{" + note.marker + "}"
                called.add(note.marker)
                break


def run(reading: Reading) -> None:
    body = reading.body
    called = _called(reading)
    _star_calls(reading, called)
    _letter_calls(reading, called)
    lang = reading.doc.lang
    cursor = (0, 0)   # (body line, character) after the last call found
    paged = any(line.page_break_before for line in body)
    # without page breaks (a file pasted line by line) a page opens at its running head, under
    # the foot of the page before (the job number, the page number: an annex's title that
    # repeats the running head's words stands in the text)
    lines = reading.lines
    heads = [] if paged else [
        line.no for k, line in enumerate(lines) if line.furniture_kind == "running-head" and k
        and lines[k - 1].zone == "furniture" and lines[k - 1].furniture_kind not in (None, "running-head")]
    raised = set(called)   # calls printed raised; a marker found here may be called again after
    starts: list[int] = []  # (``_page_starts``, taken when a call is first looked for)
    for note in reading.notes:  # a restart of the numbering
        if not note.marker.isdigit() or note.marker in raised:
            continue
        if not reading.slash_notes and not starts:
            starts = _page_starts(body)
        found = (_find_slash(reading, note, cursor) if reading.slash_notes
                 else _find(reading, note, cursor, lang, paged, heads, starts))
        if found is None:
            continue
        k, start, end = found
        line = body[k]
        after = line.text[end:]
        line.text = line.text[:start].rstrip() + "^{" + note.marker + "}" + (" " if after[:1].isalnum() else "") + after
        called.add(note.marker)
        cursor = (k, start + len(note.marker) + 3)
        reading.doc.note("info", f"footnote call {note.marker} printed as plain digits; read as a call",
                         line.no, "plain-digit-reference")


@lru_cache(maxsize=256)
def _slash_call(marker: str) -> re.Pattern:
    """``développement 1/.``, ``base" _5/.``, ``session U/.`` (a garbled digit): a typescript's
    call, its number and a slash, underlined, after the word or the closing mark."""
    return re.compile(r"(?<=\S)\s?_?(?:" + marker + r"|(?<=\s)[^\W\d_]|(?<=_)[^\W\d_])/(?![\w/])")


def _find_slash(reading: Reading, note, cursor: tuple[int, int]):
    """The typescript call of ``note`` between the last call and its body, on its page."""
    body = reading.body
    last = min(note.flow_index, len(body) - 1)
    if last < 0:
        return None
    first = cursor[0]
    while first < last and body[first].page < body[last].page - 1:
        first += 1
    pattern = _slash_call(note.marker)
    for k in range(first, last + 1):
        pos = cursor[1] if k == cursor[0] else 0
        m = pattern.search(body[k].text, pos)
        if m:
            return k, m.start(), m.end()
    return None


def _page_starts(body: list) -> list[int]:
    """For each body line, how far back ``_find`` looks for its page's first line: the last
    line at or above it that opens a page, or that stands on another page than the line after
    it (0 at the top). One walk down the body instead of one walk up from each note."""
    starts = [0] * len(body)
    for k in range(1, len(body)):
        line, above = body[k], body[k - 1]
        if line.page_break_before:
            starts[k] = k
        elif above.page != line.page or above.page_break_before:
            starts[k] = k - 1
        else:
            starts[k] = starts[k - 1]
    return starts


def _find(reading: Reading, note, cursor: tuple[int, int], lang: str, paged: bool, heads: list[int],
          starts: list[int]):
    """The first strong candidate for the call of ``note`` between the last call and its body,
    else the first weak one (``paged``: some body line opens a page; else ``heads``, the source
    lines of the running heads, open the pages; ``starts``: ``_page_starts`` of the body)."""
    body = reading.body
    last = min(note.flow_index, len(body) - 1)
    if last < 0:
        return None
    first = cursor[0]
    # The call is on the page of its body: do not look further back than that page's first line.
    page_start = starts[last]
    if body[last].page > 1 or paged:
        first = max(first, page_start)
    elif heads and heads[0] < body[last].no:
        # the page of the body: from the running head above it
        head = heads[bisect.bisect_left(heads, body[last].no) - 1]
        page_start = last
        while page_start > 0 and body[page_start - 1].no > head:
            page_start -= 1
        first = max(first, page_start)
    else:
        first = max(first, last - 40)
    # every test below finds the marker's own characters: a line that does not hold them is passed
    printing = [k for k in range(first, last + 1) if note.marker in body[k].text]
    weak = None
    for k in printing:
        pos = cursor[1] if k == cursor[0] else 0
        hit = _candidate(body[k].text, note.marker, pos, lang)
        if hit is None:
            continue
        if hit[2]:
            return k, hit[0], hit[1]
        if weak is None:
            weak = (k, hit[0], hit[1])
    if weak is not None:
        return weak
    glued = _glued_to_number(note.marker)
    for k in printing:
        pos = cursor[1] if k == cursor[0] else 0
        m = glued.search(body[k].text, pos)
        if m:
            group = 1 if m.group(1) is not None else 2
            return k, m.start(group), m.end(group)
    # the last resort: a number after a word that takes one ("statistical annex 4 and") when
    # nothing else between the last call and the note's body can be its call
    for k in printing:
        pos = cursor[1] if k == cursor[0] else 0
        hit = _candidate(body[k].text, note.marker, pos, lang, lenient=True)
        if hit is not None:
            return k, hit[0], hit[1]
    return None
