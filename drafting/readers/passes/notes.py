"""Pass 2: the footnotes printed at each page's foot leave the flow as footnote bodies.

A UN page sets its footnotes below a short rule (``_______________``). Under it, PDF extraction
prints them in one of three ways: the number and its text on one line (``1 United Nations,
Treaty Series ...``); the raised number on a line of its own above its text (``pdftotext -layout``);
or the numbers apart from the texts and out of order (plain ``pdftotext``: ``1``, two texts, ``3``,
a text, ``2``). In the last case the texts are in page order and the numbers run on through the
document, so the texts are cut where one note ends and the next begins and numbered in order.

A layout-aware reader (PDF) marks note lines itself (zone ``note``, with ``note_marker`` on each
note's first line). Text without a rule keeps the older conventions: a body opened by a raised
digit (``¹ Ibid.``), ``^{1}``, or a star on a line of its own after the symbol or agenda line, and
plain-digit notes at a page foot that continue the numbering.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.locale.vocabulary import vocabulary
from drafting.model.symbols import looks_like_symbol
from drafting.readers.lines import Line
from drafting.readers.passes.reading import FootnoteBody, Reading, pages_of
from drafting.readers.passes.calls import STAR_CALL
from drafting.readers.passes.text import TERMINAL, join_lines, marked_spans
from drafting.readers.text_inline import SUPERSCRIPT_DIGITS, superscript_to_digits
from drafting.regex import lazy_compile

# The footnote rule; plain pdftotext may print the first note numbers on its line ("____ 20 21").
RULE = re.compile(r"^\s*_{5,}(?P<numbers>(?:\s+\d{1,3})*)\s*$")
MARKER_ONLY = re.compile(r"^\s*(?P<m>\d{1,3}|\*{1,3}|[" + SUPERSCRIPT_DIGITS + r"]{1,3}|\^\{(?:\d{1,3}|\*{1,3})\})\s*$")
MARKER_TEXT = lazy_compile(r"^\s*(?P<m>\d{1,3}|\*{1,3}|[" + SUPERSCRIPT_DIGITS + r"]{1,3}|\^\{(?:\d{1,3}|\*{1,3})\})\s*(?P<t>\S.*)$")
NOTE_BODY_SUP = lazy_compile(r"^\s*([" + SUPERSCRIPT_DIGITS + r"]{1,3})\s*(\S.*)$")
NOTE_BODY_CARET = lazy_compile(r"^\s*\^\{?(\d{1,3})\}?\s+(\S.*)$")
NOTE_BODY_STAR = re.compile(r"^\s*(\*{1,3})\s+(\S.*)$")
_BODY_LEADS = SUPERSCRIPT_DIGITS + "^"
# (a run's first digit apart: a search skips to one in C instead of trying the run at every position)
RAISED_DIGITS = re.compile(r"[" + SUPERSCRIPT_DIGITS + r"][" + SUPERSCRIPT_DIGITS + r"]*")
NOTE_BODY_PLAIN = re.compile(r"^\s*(\d{1,3})\s{1,6}(?=[A-ZÀ-Ý«“\"(])(\S.*)$")
# A note marked by a letter, a roman number or a sign (a table's notes "a", "b"; "i", "ii"; "†",
# "‡"), its mark raised or typed: no number running on says it is a note, so it is one only where
# the same mark stands raised in the text above as its call ("^{a}")
SIGN_MARK = r"[a-z]|[ivx]{2,5}|[†‡§¶]{1,3}"
NOTE_BODY_SIGNED = lazy_compile(r"^\s*(?:\^\{(?P<raised>" + SIGN_MARK + r")\}\s*|(?P<typed>" + SIGN_MARK
                                + r")\s+)(?P<t>\S.*)$")
RAISED_SIGN = re.compile(r"\^\{(" + SIGN_MARK + r")\}")

# A page foot's lines are read for their marks by the numbering's restart, the notes' forms and
# the cutting of detached texts in turn: each line is matched once (a Match is never changed).
_marker_alone = lru_cache(maxsize=1024)(MARKER_ONLY.match)
_marker_and_text = lru_cache(maxsize=1024)(MARKER_TEXT.match)


def marker_of(token: str) -> str:
    return superscript_to_digits(token.strip().removeprefix("^{").removesuffix("}"))


class _Numbering:
    """The footnote numbers run on through a document: the next one expected."""

    def __init__(self) -> None:
        self.last = 0

    def plausible(self, marker: str, window: int = 10) -> bool:
        if marker.startswith("0"):
            return False   # no footnote number starts with 0 ("010324" is a print-date stamp)
        return not marker.isdigit() or self.last < int(marker) <= self.last + window

    def seen(self, marker: str) -> None:
        if marker.isdigit():
            self.last = max(self.last, int(marker))



# A rule that extraction glued to the end of the page's last body line ("the Secretary ______").
GLUED_RULE = re.compile(r"^(?P<text>.*[^_\s])\s*(?P<rule>_{5,})\s*$")


def run(reading: Reading) -> None:
    numbering = _Numbering()
    pages, rules = _split_glued_rules(reading)   # (no step below moves a page's rule)
    ruled = any(rule is not None for rule in rules)
    reading.slash_notes = not ruled and sum(
        1 for l in reading.lines if l.zone is None and (m := SLASH_NOTE.match(l.text)) and m.group("m").isdigit()) >= 2
    signs = raised_signs(reading.lines)
    for page, zone_start in zip(pages, rules):
        if "note" in [l.zone for l in page]:   # (the zones compared in C)
            _layout_notes(reading, page, numbering)
        elif zone_start is not None:
            page[zone_start].zone = "rule"
            zone = [l for l in page[zone_start + 1:] if l.zone is None and l.text.strip()]
            numbers = RULE.match(page[zone_start].text)
            if numbers and numbers.group("numbers").split():
                rule = page[zone_start]
                zone = [Line(n, rule.no, rule.page) for n in numbers.group("numbers").split()] + zone
            for line in zone:
                line.zone = "note"
            _zone_notes(reading, zone, numbering, signs)
        elif ruled:
            _star_notes(reading, page, numbering)
        elif reading.slash_notes:
            _slash_notes(reading, page, numbering)
    reading.body = reading.flow()
    _marked_notes(reading, signs, _place(reading))


def raised_signs(lines: list[Line]) -> frozenset[str]:
    """The letters, roman numbers and signs raised in the text as calls (``report.^{a}``), not
    those that open a line (a note's own mark)."""
    out = set()
    for line in lines:
        if "^{" in line.text and line.zone != "note":
            for m in RAISED_SIGN.finditer(line.text):
                if line.text[:m.start()].strip():
                    out.add(m.group(1))
    return frozenset(out)


def signed_body(text: str, called: frozenset[str], own_line: bool = True) -> tuple[str, str] | None:
    """The mark and text of a note marked by a letter, a roman number or a sign that a raised
    call names; a mark typed on the baseline only on a line of its own (``own_line``) and before
    a text that opens as a note's does (a capital, a digit, a quote), not before a wrapped line's
    lower-case words."""
    m = NOTE_BODY_SIGNED.match(text) if called else None
    if m is None:
        return None
    mark = m.group("raised") or m.group("typed")
    if mark not in called:
        return None
    if m.group("typed") and not (own_line and (m.group("t")[:1].isupper() or m.group("t")[:1].isdigit()
                                               or m.group("t")[:1] in "“\"«(")):
        return None
    return mark, m.group("t").strip()


def _pages(lines: list[Line]) -> list[list[Line]]:
    """The pages; in text that kept no page breaks (a file pasted line by line) a page begins
    where the furniture pass found a running head (the symbol or short title atop each page;
    a page's foot prints its job number and stamps among the footnotes, so the foot cannot say)."""
    pages = pages_of(lines)
    if len(pages) > 1:
        return pages
    out: list[list[Line]] = [[]]
    for k, line in enumerate(lines):
        if out[-1] and line.furniture_kind == "running-head" and lines[k - 1].furniture_kind != "running-head":
            out.append([])
        out[-1].append(line)
    return out


def _split_glued_rules(reading: Reading) -> tuple[list[list[Line]], list[int | None]]:
    """A page without a rule of its own whose body line ends in one: the line and its rule apart.
    The pages, the rules split off in them, and the index of each page's rule (None: none)."""
    pages = _pages(reading.lines)
    rules = [_rule_index(page) for page in pages]
    split = False
    for p, page in enumerate(pages):
        if rules[p] is not None:
            continue
        glued = next((k for k in range(len(page) - 1, -1, -1)
                      if page[k].zone is None and "_____" in page[k].text and GLUED_RULE.match(page[k].text)), None)
        if glued is not None:
            line = page[glued]
            m = GLUED_RULE.match(line.text)
            line.text = m.group("text")
            page.insert(glued + 1, Line(m.group("rule"), line.no, line.page))
            rules[p] = glued + 1   # (no line under it is a rule: the page had none)
            split = True
    if split:
        reading.lines[:] = [line for page in pages for line in page]
    return pages, rules


def _rule_index(page: list[Line]) -> int | None:
    for i in range(len(page) - 1, -1, -1):
        # (a rule holds five underscores: the test in C spares the pattern most lines)
        if page[i].zone == "rule" or (page[i].zone is None and "_____" in page[i].text and RULE.match(page[i].text)):
            return i
    return None


def _star_notes(reading: Reading, page: list[Line], numbering: _Numbering) -> None:
    """A page whose rule extraction lost but whose foot holds a star note (``* On behalf of ...``,
    ``* E/CN.3/2025/1.``): the notes run from the first star line to the page's furniture."""
    printed = [l for l in page if l.zone is None and l.text.strip()]
    for k in range(max(0, len(printed) - 12), len(printed)):   # (a foot: the page's last 12 lines)
        line = printed[k]
        star = NOTE_BODY_STAR.match(line.text)
        if star:
            _letter_notes(reading, printed, k)
            zone = printed[k:]
            for z in zone:
                z.zone = "note"
            _zone_notes(reading, zone, numbering)
            return


LETTER_ONLY = lazy_compile(r"^\s*(?P<m>[a-h])\s*$")
# a letter call after the sentence it ends, at the end of its line: "... to the present report. a"
LETTER_CALL = lazy_compile(r"[.;:,)”’\"]\s?(?P<m>[a-h])\s*$")


def _letter_notes(reading: Reading, printed: list[Line], stars: int) -> None:
    """Notes marked by letters (a summary's or a box's: ``a`` alone, then its text) printed just
    above a page's star notes, each called by its letter at the end of a sentence above."""
    first = next((j for j in range(max(0, stars - 8), stars) if LETTER_ONLY.match(printed[j].text)), None)
    if first is None or first + 1 >= stars or LETTER_ONLY.match(printed[first + 1].text):
        return
    letter = LETTER_ONLY.match(printed[first].text).group("m")
    if not any((m := LETTER_CALL.search(l.text)) and m.group("m") == letter for l in printed[:first]):
        return
    current: FootnoteBody | None = None
    for line in printed[first:stars]:
        line.zone = "note"
        m = LETTER_ONLY.match(line.text)
        if m:
            current = FootnoteBody(m.group("m"), "", line.no, line.page)
            reading.notes.append(current)
        elif current is not None:
            current.text = join_lines(current.text, line.text) if current.text else line.text.strip()


# A typescript's footnote, "1/ Rapport sur ..." (the mark underlined, OCR may read it "_1/" or
# garble its digit: "U/ E/ICEF/CRP/79-3."); the text may start on the next line.
SLASH_NOTE = re.compile(r"^\s*_?(?P<m>\d{1,2}|[^\W\d_])\s?/_?(?:\s+(?P<t>\S.*))?$")


def _slash_mark(line: Line, numbering: _Numbering) -> str | None:
    """The number of the typescript footnote that ``line`` opens, if it opens one: a digit that
    continues the numbering, or a garbled mark read as the number the numbering expects."""
    m = SLASH_NOTE.match(line.text)
    if not m:
        return None
    mark = m.group("m")
    if mark.isdigit():
        return mark if numbering.plausible(mark, 5) else None
    return str(numbering.last + 1) if m.group("t") else None


def _slash_notes(reading: Reading, page: list[Line], numbering: _Numbering) -> None:
    """Typescript footnotes at the foot of a page without a rule: from the first ``N/`` line
    that continues the numbering to the page's end, each ``N/`` opening the next note."""
    printed = [l for l in page if l.zone is None and l.text.strip()]
    start = None
    for k in range(max(0, len(printed) - 60), len(printed)):
        m = SLASH_NOTE.match(printed[k].text)
        if m and m.group("m").isdigit() and _slash_mark(printed[k], numbering):
            start = k
            break
        if m and not m.group("m").isdigit() and m.group("t") and any(
                (n := SLASH_NOTE.match(l.text)) and n.group("m").isdigit() and numbering.plausible(n.group("m"), 5)
                for l in printed[k + 1:k + 7]):
            start = k
            break
    if start is None:
        return
    current: FootnoteBody | None = None
    for line in printed[start:]:
        line.zone = "note"
        mark = _slash_mark(line, numbering)
        if mark is not None:
            text = SLASH_NOTE.match(line.text).group("t") or ""
            current = FootnoteBody(mark, text.strip(), line.no, line.page)
            reading.notes.append(current)
            numbering.seen(mark)
        elif current is not None:
            current.text = join_lines(current.text, line.text) if current.text else line.text.strip()


def _layout_notes(reading: Reading, page: list[Line], numbering: _Numbering) -> None:
    for line in page:
        if line.zone != "note":
            continue
        if line.note_marker:
            reading.notes.append(FootnoteBody(line.note_marker, line.text.strip(), line.no, line.page))
            numbering.seen(line.note_marker)
        elif reading.notes:
            reading.notes[-1].text = join_lines(reading.notes[-1].text, line.text)


def _zone_notes(reading: Reading, zone: list[Line], numbering: _Numbering,
                called: frozenset[str] = frozenset()) -> None:
    """The notes of one page's foot, in whichever of the three printed forms (and those marked by
    a letter, a roman number or a sign that a raised call names)."""
    items: list[tuple[str, Line | None, str]] = []  # (kind M/S/T, marker, text)
    signed: dict[int, str] = {}      # id(line) -> the text of a note marked by a sign
    _restart(zone, numbering)
    for line in zone:
        sign = signed_body(line.text, called)
        if sign is not None:
            items.append(("S", sign[0], line))
            signed[id(line)] = sign[1]
            continue
        m = _marker_alone(line.text)
        # a number alone on its line under the rule is a note's number (a page holds up to 40)
        if m and numbering.plausible(marker_of(m.group("m")), 40):
            items.append(("M", marker_of(m.group("m")), line))
            continue
        m = _marker_and_text(line.text)
        # "10 – 14 January 2005": a range that a note's text wrapped before, not a note
        if (m and numbering.plausible(marker_of(m.group("m"))) and not m.group("t")[:1].islower()
                and m.group("t")[:1] not in "–—-‑"
                and not _counts(m.group("t"), reading.doc.lang)):
            items.append(("S", marker_of(m.group("m")), line))
            continue
        items.append(("T", None, line))
    markers = [marker for kind, marker, _ in items if kind == "M"]
    if markers and not _paired(items):
        _detached(reading, items, numbering, signed)
        return
    current: FootnoteBody | None = None
    for kind, marker, line in items:
        if kind == "M":
            current = FootnoteBody(marker, "", line.no, line.page)
            reading.notes.append(current)
            numbering.seen(marker)
        elif kind == "S":
            text = signed.get(id(line)) or _marker_and_text(line.text).group("t")
            current = FootnoteBody(marker, text.strip(), line.no, line.page)
            reading.notes.append(current)
            numbering.seen(marker)
        elif current is not None:
            current.text = join_lines(current.text, line.text) if current.text else line.text.strip()
        elif reading.notes:
            # a note that began at the foot of the page before
            reading.notes[-1].text = join_lines(reading.notes[-1].text, line.text)
        else:
            reading.notes.append(FootnoteBody("?", line.text.strip(), line.no, line.page))


def _restart(zone: list[Line], numbering: _Numbering) -> None:
    """A page foot whose note numbers run from 1 again after higher ones: the numbering restarts
    (a report that reproduces a draft resolution with its own notes, an annex numbered apart)."""
    numbers = set()
    for line in zone:
        m = _marker_alone(line.text) or _marker_and_text(line.text)
        marker = marker_of(m.group("m")) if m else ""
        if marker.isdigit():
            numbers.add(int(marker))
    run = 0
    while run + 1 in numbers:
        run += 1
    if run and numbering.last > run + 1 and not any(numbering.last < n <= numbering.last + 10 for n in numbers):
        numbering.last = 0


def _counts(text: str, lang: str) -> bool:
    """Does the text after a number make it a count or a date (``30 June``, ``12 per cent``)?"""
    from drafting.readers.passes.calls import follower_words

    word = re.match(r"([^\W\d_]+|%)", text)
    return bool(word) and word.group(1).lower() in follower_words(lang)


def _paired(items) -> bool:
    """Is every marker printed just above its own text, in ascending order?"""
    markers = []
    for k, (kind, marker, _line) in enumerate(items):
        if kind == "M":
            if k + 1 >= len(items) or items[k + 1][0] != "T":
                return False
            markers.append(marker)
    numeric = [int(m) for m in markers if m.isdigit()]
    return numeric == sorted(numeric)


def _detached(reading: Reading, items, numbering: _Numbering, signed: dict[int, str]) -> None:
    """Numbers printed apart from their texts: cut the texts into as many notes, in order.

    A number printed just above a text still starts that text's note (a pin); the numbers printed
    elsewhere (at the end of the zone, out of order) belong to texts between the pins, which are
    cut where one note most likely ends and the next begins."""
    markers = sorted({marker for kind, marker, _ in items if kind in ("M", "S")}, key=_order)
    texts: list[Line] = []
    given: dict[int, str] = {}       # id(line) -> the text without its printed number
    pins: list[tuple[int, str]] = []  # (index in texts, marker)
    for k, (kind, marker, line) in enumerate(items):
        if kind == "S":
            pins.append((len(texts), marker))
            given[id(line)] = signed.get(id(line)) or _marker_and_text(line.text).group("t")
            texts.append(line)
        elif kind == "T":
            # a number alone just above a text, not one of a run of numbers printed together
            if k and items[k - 1][0] == "M" and (k < 2 or items[k - 2][0] != "M"):
                pins.append((len(texts), items[k - 1][1]))
            texts.append(line)
    pinned = [m for _j, m in pins]
    if pinned != sorted(pinned, key=_order) or len(set(pinned)) != len(pinned):
        pins = []                     # pins out of order: cut by the texts alone
    loose = [m for m in markers if m not in {m for _j, m in pins}]
    # a loose number goes with the pinned note it follows in the numbering (its text comes next)
    owner = {m: max((k for k, (_j, pm) in enumerate(pins) if _order(pm) < _order(m)), default=-1) for m in loose}
    bounds = [j for j, _m in pins] + [len(texts)]
    segments: list[tuple[list[str], list[Line]]] = []
    head = [m for m in loose if owner[m] == -1]
    if bounds[0] > 0 or head:
        segments.append((head, texts[:bounds[0]]))
    for k, (j, marker) in enumerate(pins):
        segments.append(([marker] + [m for m in loose if owner[m] == k], texts[j:bounds[k + 1]]))
    for group_markers, group_texts in segments:
        cuts = _cuts(group_texts, len(group_markers), {})
        groups = [group_texts[a:b] for a, b in zip([0] + cuts, cuts + [len(group_texts)])]
        for marker, group in zip(group_markers, groups):
            text = ""
            for line in group:
                text = join_lines(text, given.get(id(line), line.text)) if text else given.get(id(line), line.text).strip()
            first = group[0] if group else items[0][2]
            reading.notes.append(FootnoteBody(marker, text, first.no, first.page))
            numbering.seen(marker)
        if len(groups) < len(group_markers):
            reading.doc.note("warning", f"{len(group_markers) - len(groups)} footnote texts could not be told apart",
                             group_texts[0].no if group_texts else None, "note-split")


def _order(marker: str) -> tuple:
    return (marker.isdigit(), int(marker) if marker.isdigit() else len(marker))


def _cuts(texts: list[Line], count: int, fixed: dict, after_marker: set = frozenset()) -> list[int]:
    """Where ``count`` notes begin among the lines ``texts`` (indices, the first excluded)."""
    if count <= 1 or len(texts) <= 1:
        return []
    widest = max(len(l.text.strip()) for l in texts)
    scored = []
    for j in range(1, len(texts)):
        before, here = texts[j - 1].text.strip(), texts[j].text.strip()
        score = 0.0
        if id(texts[j]) in fixed:
            score += 10
        if id(texts[j]) in after_marker:
            score += 5
        if before.endswith(TERMINAL) or before.endswith(")"):
            score += 2
        if len(before) < 0.8 * widest:
            score += 1 + (0.8 * widest - len(before)) / max(widest, 1)
        if here[:1].isupper() or here[:1].isdigit() or here[:1] in "“\"«" or looks_like_symbol(here.rstrip(".")):
            score += 1
        if here[:1].islower() or here[:1] in "(":
            score -= 3
        scored.append((score, j))
    best = sorted(scored, key=lambda s: (-s[0], s[1]))[: count - 1]
    return sorted(j for _s, j in best)


def _place(reading: Reading) -> list[bool]:
    """Each note remembers the body line printed just before it. Returned, from the same walk
    over the lines: for each body line, whether page furniture stands between it and the body
    line before it (what ``_furniture_above`` says)."""
    body, by_line, flags = reading.body, {}, []
    j, seen = 0, False   # body lines seen: the body is the lines' flow, in their order
    n = len(body)
    for line in reading.lines:
        if j < n and line is body[j]:
            flags.append(seen)
            seen, j = False, j + 1
        elif line.zone == "furniture":
            seen = True
        by_line[line.no] = j - 1
    for note in reading.notes:
        note.flow_index = by_line.get(note.line, -1)
    return flags


# -- text without a footnote rule -----------------------------------------------------------------


def _is_star_note(text: str) -> bool:
    """``* CTOC/COP/2012/1.`` or a reissue note: a footnote on the symbol, not a bullet."""
    stripped = text.strip().rstrip(".")
    return looks_like_symbol(stripped) or bool(
        vocabulary().reissued.match(stripped))


def _furniture_above(reading: Reading) -> list[bool]:
    """For each body line, whether page furniture stands between it and the body line before it
    (one walk over the lines; the body is the lines' flow, in their order)."""
    body, flags = reading.body, []
    j, seen = 0, False
    for line in reading.lines:
        if j < len(body) and line is body[j]:
            flags.append(seen)
            seen, j = False, j + 1
        elif line.zone == "furniture":
            seen = True
    return flags


def _marked_notes(reading: Reading, signs: frozenset[str] = frozenset(),
                  furniture: list[bool] | None = None) -> None:
    """Footnote bodies marked by a raised digit, ``^{n}`` or a star, and plain-digit notes at a
    page foot that continue the numbering (text exported without the footnote rule); bodies
    marked by a letter, a roman number or a sign (``a``, ``ii``, ``†``) whose raised call stands
    above (a Word file's notes typed at its end, a table's notes under it)."""
    body: list[Line] = []
    in_note: FootnoteBody | None = None
    gap = False
    # (``furniture``: what ``_furniture_above`` says, when the caller has it already)
    for line, furniture_above in zip(reading.body, _furniture_above(reading) if furniture is None else furniture):
        # a page ends where a page break or the page's furniture stands before the line
        page_end = line.page_break_before or furniture_above
        if page_end or line.gap_before:
            gap = True
        if page_end:
            _take_page_foot_notes(reading, body)
        text = line.text
        # each of the three opens with its mark after the indent: match only where one stands
        lead = text.lstrip()[:1]
        m = (NOTE_BODY_SUP.match(text) or NOTE_BODY_CARET.match(text)) if lead and lead in _BODY_LEADS else None
        star = NOTE_BODY_STAR.match(text) if lead == "*" else None
        if star and not _is_star_note(star.group(2)):
            # "* Circulated in Arabic only": a star note when a star in the text above calls it
            # (a raised star, ``^{*}``, is a call wherever it stands)
            raised = "^{" + star.group(1) + "}"
            called = any(star.group(1) in m.group(1) for l in body if l.page == line.page
                         for m in STAR_CALL.finditer(l.text)
                         if not any(a <= m.start() < b for a, b in marked_spans(l.text))) or any(
                raised in l.text for l in body if l.page == line.page)
            star = star if called else None
        # (no sign is raised in most texts: then none marks a note)
        sign = signed_body(text, signs, line.gap_before or in_note is not None) if signs and not (m or star) else None
        if sign is not None:
            in_note = FootnoteBody(sign[0], sign[1], line.no, line.page, len(body) - 1)
            reading.notes.append(in_note)
            line.zone = "note"
            gap = False
            continue
        if m or star:
            marker = superscript_to_digits(m.group(1)) if m else star.group(1)
            in_note = FootnoteBody(marker, (m or star).group(2).strip(), line.no, line.page, len(body) - 1)
            reading.notes.append(in_note)
            line.zone = "note"
            gap = False
            continue
        if in_note is not None or gap:
            line.gap_before = True  # a note or a page foot stood between it and the last line
        in_note = None
        gap = False
        body.append(line)
    _take_page_foot_notes(reading, body)
    reading.body = [l for l in body if l.zone in (None, "body")]
    referenced = _raised_markers(reading.body)
    _adopt_plain_digit_notes(reading, referenced)
    reading.notes.sort(key=lambda n: n.line)


def _take_page_foot_notes(reading: Reading, body: list[Line]) -> None:
    """At a page's foot, lines ``1 See A/71/PV.65.`` that continue the footnote numbering are
    footnote bodies printed with plain digits (their superscript lost in extraction)."""
    here = body[-1].no if body else 0
    if _take_paired_foot_notes(reading, body, here):
        return
    start = end = len(body)
    while start > 0 and NOTE_BODY_PLAIN.match(body[start - 1].text):
        start -= 1
    if start == end:
        return   # no line at the foot opens a note (most pages: the numbering is not asked for)
    next_marker = _next_marker(reading, here)
    markers = [int(NOTE_BODY_PLAIN.match(line.text).group(1)) for line in body[start:end]]
    for k in range(len(markers)):
        tail = markers[k:]
        if tail and tail[0] == next_marker and tail == list(range(next_marker, next_marker + len(tail))):
            moved = body[start + k:end]
            del body[start + k:end]
            for line in moved:
                m = NOTE_BODY_PLAIN.match(line.text)
                reading.notes.append(FootnoteBody(m.group(1), m.group(2).strip(), line.no, line.page, start + k - 1))
                line.zone = "note"
            return


def _next_marker(reading: Reading, here: int) -> int:
    """The number after the last note printed at or above line ``here``."""
    return 1 + max((int(n.marker) for n in reading.notes if n.marker.isdigit() and n.line <= here), default=0)


def _take_paired_foot_notes(reading: Reading, body: list[Line], here: int) -> bool:
    """``4`` / ``CTOC/COP/WG.4/2009/2.`` / ``5`` / ...: raised numbers on lines of their own, each
    above its note's text, at the foot of a page whose rule extraction lost."""
    end = len(body)
    next_marker = None   # (asked for only where a number stands alone after a gap)
    for s in range(max(0, end - 40), end):
        if not body[s].gap_before:
            continue
        m = MARKER_ONLY.match(body[s].text)
        if not (m and m.group("m").isdigit()):
            continue
        if next_marker is None:
            next_marker = _next_marker(reading, here)
        if not next_marker <= int(m.group("m")) < next_marker + 6:
            continue
        if s and MARKER_ONLY.match(body[s - 1].text):
            continue   # a number under another number is a table's column, not a note's
        notes: list[tuple[str, list[Line]]] = []
        ok = True
        for line in body[s:end]:
            mm = MARKER_ONLY.match(line.text)
            if mm and mm.group("m").isdigit() and next_marker <= int(mm.group("m")) < next_marker + 12:
                notes.append((mm.group("m"), []))
            elif notes and len(notes[-1][1]) < 6:
                notes[-1][1].append(line)
            else:
                ok = False
                break
        numbers = sorted(int(marker) for marker, _t in notes)
        # the numbers on one page's foot run on from the notes before, in any printed order
        if not ok or any(not texts for _m, texts in notes) or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            continue
        if next_marker == 1 and numbers[0] != 1:
            continue   # a document's notes begin at 1: "6" / "IV." is a table of contents
        for marker, texts in notes:
            text = ""
            for line in texts:
                text = join_lines(text, line.text)
            reading.notes.append(FootnoteBody(marker, text, texts[0].no, texts[0].page, s - 1))
        for line in body[s:end]:
            line.zone = "note"
        del body[s:end]
        return True
    return False


def _raised_markers(lines: list[Line]) -> set[str]:
    # one search of the lines that are not plain ASCII (raised digits are not), joined (no raised
    # digit is a line break: the same runs as line by line)
    text = "\n".join(line.text for line in lines if not line.text.isascii())
    return {superscript_to_digits(ref) for ref in RAISED_DIGITS.findall(text)}


def _adopt_plain_digit_notes(reading: Reading, referenced: set[str]) -> None:
    """Footnote bodies printed with plain digits (``3 Ibid.``), for referenced markers only."""
    wanted = referenced - {n.marker for n in reading.notes}
    if not wanted:
        return
    kept: list[Line] = []
    for line in reading.body:
        m = NOTE_BODY_PLAIN.match(line.text)
        if m and m.group(1) in wanted and line.gap_before:
            reading.notes.append(FootnoteBody(m.group(1), m.group(2).strip(), line.no, line.page, len(kept) - 1))
            wanted.discard(m.group(1))
            line.zone = "note"
            continue
        kept.append(line)
    reading.body = kept
