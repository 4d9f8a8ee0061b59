"""Pass 6: body lines become blocks, one per paragraph, heading or item.

Extraction prints a paragraph as several lines and rarely leaves a blank line between paragraphs
(plain ``pdftotext`` leaves none between preambular paragraphs). A line opens a new block when
what it carries says so, in this order of evidence:

- it opens with a number or label (``1.``, ``(a)``, ``II.``, ``A.``) or is a table row;
- its first line is indented beyond the page's text margin (PDF, ``pdftotext -layout``), or it
  is bold where the line before is not;
- the line before closed a clause (``,`` ``;`` ``.`` ``:``) and this one opens with a
  preambular or operative opening word (the locale's, or the language's participle form) or
  with italics;
- a blank line or a page break stands before it and the text before was complete;
- the line before closed a sentence and fell well short of the measure.

Everything else runs on. A paragraph cut by a page break (and its footnotes) is joined again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import product

from drafting.locale import terms
from drafting.locale.vocabulary import annex_of, annex_of_initials, division_label, division_label_words
from drafting.model.numbering import ANNEX_LABEL, forms, from_roman, to_roman
from drafting.readers.lines import Line
from drafting.readers.passes.contents import all_table_lines
from drafting.readers.passes.front import _fold, is_formula, words
from drafting.readers.passes.reading import Block, Reading
from drafting.readers.passes.text import (_MARK_CHARS_NO_COMMA, CLAUSE_END_CHARS, DASH_PREFIX, DECIMAL_PARAGRAPH,
                                          QUOTE_OPEN, TABLE_ROW, ends_clause, ends_sentence, join_lines, plain,
                                          printed_width, strip_calls)
from drafting.readers.text_ocr import LOST_NUMERAL, ROMAN_LOOKALIKE
from drafting.regex import LazyPattern, lazy_compile

POINT = re.compile(r"^(?P<num>\((?:[a-z]{1,3}|[ivxl]{1,6})\)|(?:[a-z]{1,3}|[ivxl]{1,6})\))\s+(?P<rest>\S.*)$")
ARABIC_POINT = re.compile(r"^(?P<num>\(?[\u0621-\u064A\u0640]{1,2}\))\s+(?P<rest>\S.*)$")
BULLET = re.compile(r"^(?P<num>[-•–·▪◦])\s+(?P<rest>\S.*)$")
INDENT_STEP = 12.0      # points of first-line indent that open a paragraph
# The participle that opens a preambular paragraph, where the locale lists no such word (each
# opens with a capital: ``_runs_on`` asks none of a line that opens in lower case).
PARTICIPLE = {
    "en": re.compile(r"^(?:Also |Further |Deeply |Gravely |Seriously |Fully |Strongly |Firmly )?[A-Z][a-z]+(?:ing|ed)\b"),
    "fr": lazy_compile(r"^(?:Profondément |Vivement )?[A-ZÉÈ][a-zéèêàç]+(?:ant|ée|é)\b"),
    "es": lazy_compile(r"^[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ando|iendo|endo|ada|ado)\b"),
}


DIVISION_LABEL = LazyPattern(division_label)   # "Article 3", "Chapter II" in every language
ANNEX_OF = LazyPattern(annex_of)               # "Annex to the letter dated ...", every language


def _opening_words(lang: str) -> set[str]:
    data = terms(lang)
    found = set(data.get("preambular", {})) | set(data.get("operative", {}))
    if data.get("reader", {}).get("lower_case_openings"):
        # "Совет Безопасности," / "ссылаясь на ...": the openings printed in lower case
        found |= {w[:1].lower() + w[1:] for w in found}
    return found


@lru_cache(maxsize=None)
def _openings(lang: str) -> tuple[dict[str, tuple[str, ...]], bool]:
    """Every preambular and operative opening of the locale by its first character, and whether
    an opening ends where a word ends: not in a script that puts no space between words, where
    the opening runs into the next word ("重申该议定书"). (A lookup, not one alternation of them
    all: compiling that pattern of some 2,000 characters cost every command a millisecond.)"""
    by_initial: dict[str, list[str]] = {}
    for word in _opening_words(lang):
        by_initial.setdefault(word[:1], []).append(word)
    whole_words = not terms(lang).get("reader", {}).get("words_unspaced")
    return {initial: tuple(words) for initial, words in by_initial.items()}, whole_words


@lru_cache(maxsize=None)
def _opening_initials(lang: str) -> frozenset[str] | None:
    """The first characters of the openings: a text opening with another one opens none (None
    when an opening is empty: then any text may)."""
    words = _opening_words(lang)
    return None if "" in words else frozenset(w[0] for w in words)


_ORDINAL = r"\d{1,3}(?:st|nd|rd|th|e|re|er|ª|º|a|-?[а-я]{1,2})?"


@lru_cache(maxsize=None)
def _closing_pattern(lang: str) -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in terms(lang).get("reader", {}).get("closing", []))
    return re.compile(r"^(?:第?" + _ORDINAL + r"次?\s*(?:\(resumed\)\s+|\(reprise\)\s+)?(?:" + phrases + r")|(?:"
                      + phrases + r")\s+" + _ORDINAL + r")(?=\s|$)", re.I)


def closing_line(text: str, lang: str) -> re.Match | None:
    """``52nd plenary meeting`` (and the date after it): the closing line of an adopted text."""
    if len(text) > 90:
        return None
    t = text.strip()
    if not _may_open_closing(t[:1], lang) or not _DIGIT.search(text) or not phrases_exist(lang):
        return None  # every closing line opens with its number or phrase, and carries the meeting's number
    return _closing_pattern(lang).match(t)


@lru_cache(maxsize=4096)
def _may_open_closing(first: str, lang: str) -> bool:
    """Can a closing line open with the character ``first`` (its number, or a phrase's first
    letter in either case)?"""
    phrases = terms(lang).get("reader", {}).get("closing", [])
    if not first or "" in phrases:
        return True
    initials = "".join(re.escape(p[0]) for p in phrases)
    return bool(re.match(r"(?:第|\d" + (f"|[{initials}]" if initials else "") + ")", first, re.I))


def _may_open_closing_here(first: str, lang: str, known: dict[str, bool]) -> bool:
    """``first.isspace() or _may_open_closing(first, lang)``, each character asked once in a
    text (``known``: the answers so far; a dictionary lookup costs a fraction of the cached
    function's call with its two arguments)."""
    answer = known.get(first)
    if answer is None:
        answer = known[first] = first.isspace() or _may_open_closing(first, lang)
    return answer


@lru_cache(maxsize=None)
def _unfinished_words(lang: str) -> frozenset[str]:
    return frozenset(terms(lang).get("reader", {}).get("unfinished", []))


@lru_cache(maxsize=None)
def _unfinished_ends(lang: str) -> tuple[str, ...]:
    """The unfinished words as a line may end with them: each apostrophe straight or typographic."""
    forms = set()
    for word in _unfinished_words(lang):
        pieces = word.split("'")
        for marks in product("'’", repeat=len(pieces) - 1):
            forms.add(pieces[0] + "".join(m + p for m, p in zip(marks, pieces[1:])))
    return tuple(sorted(forms))


@lru_cache(maxsize=None)
def _unfinished_last_characters(lang: str) -> frozenset[str]:
    """The characters the unfinished words end with (a letter; an apostrophe, ``l'``)."""
    return frozenset(word[-1] for word in _unfinished_words(lang) if word)


# What ``strip_calls`` takes off a line's end (its marks, the spaces, a raised ``^{...}``).
_TRAILING_MARKS = _MARK_CHARS_NO_COMMA + "}"


def ends_unfinished(text: str, lang: str) -> bool:
    """Does the printed line end with a word no heading or sentence ends with (``... achieve
    the``, ``... de la``)? Such a line runs on, whatever the next one looks like. ``...; and``
    closes a point of a list: the clause before it is finished."""
    last = text[-1:]
    if (not last.isalpha() and "*" not in text and "^" not in text and last not in _TRAILING_MARKS
            and not last.isspace() and last.replace("’", "'") not in _unfinished_last_characters(lang)):
        # no mark, call or space to take off, and the last character ends no unfinished word
        # (most lines that end without a letter end with a stop or a comma)
        return False
    if last.isalpha() and "*" not in text and "^" not in text:
        t = text   # no call, mark or space to take off (most lines)
    else:
        t = plain(strip_calls(text)).rstrip()
    start = max(t.rfind(" "), t.rfind("\t")) + 1   # the last word, found from the end
    word = t[start:]
    if "’" in word:
        word = word.replace("’", "'")
    if not word or word not in _unfinished_words(lang):
        return False
    return not t[:start].rstrip().endswith((";", ",", ":", "،", "؛"))


@lru_cache(maxsize=None)
def _chapter_word(lang: str) -> re.Pattern:
    words = _chapter_words(lang)
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(r"^(?:" + alternatives + r")\s+(?P<num>[IVXLC]{1,6})\.?(?:\s+(?P<rest>\S.*))?$")


@lru_cache(maxsize=None)
def _chapter_words(lang: str) -> list[str]:
    words = terms(lang).get("reader", {}).get("chapter_word", [])
    return [] if forms(lang).chapter_numerals is not None else list(words)


@lru_cache(maxsize=None)
def _chapter_word_initials(lang: str) -> str | None:
    """The characters a text may open with and still hold a chapter word: the words' first
    letters, and the marks ``plain`` takes away before one (None: any character may)."""
    words = _chapter_words(lang)
    return None if "" in words else "".join(sorted({w[0] for w in words})) + "*^"


def chapter_word_label(text: str, lang: str) -> re.Match | None:
    """``Chapter III`` on a line of its own (its title on the lines under it): a chapter's label
    as the Official Records print it. The match's ``rest`` is the title once joined."""
    initials = _chapter_word_initials(lang)
    if initials is not None:
        first = text[:1]
        if first.isspace():
            first = text.lstrip()[:1]
        if not first or first not in initials:
            return None  # most lines: no chapter word can open them
    return _chapter_word(lang).match(plain(text).strip())


@lru_cache(maxsize=None)
def phrases_exist(lang: str) -> bool:
    return bool(terms(lang).get("reader", {}).get("closing"))


def opens_listed_clause(text: str, lang: str) -> bool:
    """Does the text open with a preambular or operative opening the locale lists?"""
    text = text.lstrip().lstrip("*")
    by_initial, whole_words = _openings(lang)
    for phrase in (*by_initial.get(text[:1], ()), *by_initial.get("", ())):
        # (at a word's end: no letter or digit follows, as \w without "_" is isalnum)
        if text.startswith(phrase) and not (whole_words and text[len(phrase):len(phrase) + 1].isalnum()):
            return True
    return False


def opens_clause(text: str, lang: str) -> bool:
    """Does the line open a preambular or operative clause (``*Recalling*``, ``Rappelant``)?"""
    t = text.lstrip()
    if (t.startswith("*") and not t.startswith("**")) or opens_listed_clause(t, lang):
        return True
    pattern = PARTICIPLE.get(lang)
    return bool(pattern and pattern.match(t))


_DIGIT = re.compile(r"\d")
# A line that opens with a lower-case word (not a label "a)" or "iv)") opens no item: most lines.
# (Where no ")" stands among its next six characters the look-ahead cannot fail, and a letter
# (``isalpha``) is one of ``[^\W\d_]``: such a text matches without the pattern being run.)
_PLAIN_START = re.compile(r"[^\W\d_](?![^\W\d_]{0,5}\))")


def starts_item(text: str, expected: int | None, lang: str) -> bool:
    """Does the text open with a paragraph number, a chapter or section label, a point label?"""
    t = text.strip()
    if t[:1].islower() and (((")" not in t or t.find(")", 1, 7) == -1) and t[0].isalpha()) or _PLAIN_START.match(t)):
        return False
    if t[:1] == "-":  # (the text is stripped: a dash prefix opens it)
        t = DASH_PREFIX.sub("", t)
    f = forms(lang)
    # (the paragraph pattern opens with a digit)
    return _opens_item(t, f.paragraph.match(t) if t[:1].isdigit() else None, expected, f, _label_initials(lang))


@lru_cache(maxsize=None)
def _label_initials(lang: str) -> frozenset[str] | None:
    """The characters a chapter's or a section's label opens with in the language (a roman
    numeral's letters and the Latin capitals, or the first characters of the locale's numerals
    and letters, as ``forms`` builds their patterns): a text opening with another one matches
    neither (None: any character may)."""
    f = forms(lang)
    found: set[str] = set()
    for spellings, latin in ((f.chapter_numerals, "IVXL"), (f.section_letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        if spellings is None:
            found |= set(latin)
        elif not spellings or "" in spellings:
            return None   # (an empty alternative: the label may open with its separator)
        else:
            found |= {w[0] for w in spellings}
    return frozenset(found)


def _opens_item(t: str, m: re.Match | None, expected: int | None, f, heads: frozenset[str] | None) -> bool:
    """``starts_item`` of the stripped text ``t`` without its dash prefix, whose paragraph
    number ``m`` is matched already (``heads``: the language's ``_label_initials``)."""
    if m and int(m.group("num")) >= 1000 and int(m.group("num")) != expected:
        return False  # "2002. The report ...": a year that a line happens to open with
    if m and m.group("dot") == ",":
        # "4," opens paragraph 4 only where 4 is the next number; "2011, en marge" is text.
        return expected is not None and int(m.group("num")) == expected
    if m or ((heads is None or t[:1] in heads) and (f.chapter.match(t) or f.section.match(t))):
        return True
    c = t[:1]
    if c.isdigit() and _decimal_paragraph(t):
        return True
    if c in _OTHER_ITEM_FIRST or "\u0621" <= c <= "\u064a" or c == "\u0640" or c.isspace():
        if _OTHER_ITEM.match(t):
            return True
    return t[:1] == "*" and t.startswith("**")


def _colon_runs_on(prev: Block, prev_line: Line, stripped: str, width: int, lang: str) -> bool:
    """In text without indents (plain ``pdftotext``), does a numbered paragraph cut after a
    colon at a page's foot (``... Report 2024:``) run on at the next page? Where the next page
    opens with a full line of text: no label, no quotation, no heading."""
    return (plain(strip_calls(prev_line.text)).rstrip().endswith((":", "："))
            and len(stripped) >= 0.75 * width and stripped[:1] not in QUOTE_OPEN
            and not stripped.startswith("**") and starts_item(prev.text, None, lang))


def _title_goes_on(prev_text: str, prev_line_text: str, f) -> bool:
    """Does the title of a chapter or section (``II. Consideration of ... contained in documents
    A/C.2/79/L.51,``) go on after a printed line that ends in a comma? No title ends so."""
    return (prev_line_text.rstrip().endswith(",") and len(prev_text) < 300
            and bool(f.chapter.match(prev_text) or f.section.match(prev_text)))


def _decimal_paragraph(t: str) -> bool:
    """``1.2 The present bulletin ...``: an issuance's numbered paragraph (its text opens with a
    capital), never ``2.5 million people`` running on."""
    m = DECIMAL_PARAGRAPH.match(t)
    return m is not None and (m.group("rest")[:1].isupper() or m.group("rest")[:1] in "*“\"(")


def _unnamed(pattern: re.Pattern) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


# POINT, BULLET, ARABIC_POINT, ROMAN_LOOKALIKE and LOST_NUMERAL as one alternation (their groups
# unnamed): one match where starts_item asks whether any of them opens the line.
_OTHER_ITEM = re.compile("|".join(f"(?:{_unnamed(p)})" for p in (POINT, BULLET, ARABIC_POINT, ROMAN_LOOKALIKE,
                                                                    LOST_NUMERAL)))
# The characters they open with (after any spaces): a point's "(" or letter, a bullet, the
# characters OCR reads a roman numeral as, a lost numeral's stop; an Arabic letter is tested apart.
_OTHER_ITEM_FIRST = frozenset("(abcdefghijklmnopqrstuvwxyz" "-•–·▪◦" "[]|lI1!" ".,")


def _neighbour_labels(label: str, step: int) -> list[str]:
    """The labels before (``step`` -1) or after (+1) a point label, in its printed form:
    ``(c)`` -> ``(b)``; ``(i)`` -> ``(h)`` (a letter) and nothing (the numeral one)."""
    core = label.strip("()")
    wrap = (lambda c: f"({c})") if label.startswith("(") else (lambda c: f"{c})")
    found = []
    if len(core) == 1 and "a" <= chr(ord(core) + step) <= "z":
        found.append(wrap(chr(ord(core) + step)))
    value = from_roman(core)
    if value is not None and value + step >= 1:
        found.append(wrap(to_roman(value + step).lower()))
    return found


def inline_enumeration(text: str, block: str, ahead: str = "") -> bool:
    """Is the point label that opens the line ``text`` one of an enumeration run into the text
    (``... three areas: (a) x; (b) y; and`` / ``(c) z``) rather than a sub-paragraph? The point
    before it stands inside the block after a clause's end (``: (a)``, ``; and (b)``; not a
    reference, ``l'alinéa a) de l'article 3``), or the point after it stands so in the same
    line or in the lines after it that open no item. A sub-paragraph opens its own line and
    names neither."""
    m = POINT.match(text)
    return bool(m) and _enumeration_at(m, block, ahead)


def _enumeration_at(m: re.Match, block: str, ahead: str = "") -> bool:
    """``inline_enumeration`` of a line whose point label ``m`` is matched already."""
    return _enumerated_before(m, block) or _enumerated_after(m, ahead)


def _enumerated_before(m: re.Match, block: str) -> bool:
    """Does the point before the label ``m`` stand in ``block`` as an item of an enumeration?"""
    before = [b for b in _neighbour_labels(m.group("num"), -1) if b in block]
    return bool(before) and _enumerated(plain(block), before)


def _enumerated_after(m: re.Match, ahead: str) -> bool:
    """Does the point after the label ``m`` stand so in its line's text or in ``ahead``?"""
    return _enumerated(plain(m.group("rest") + " " + ahead), _neighbour_labels(m.group("num"), +1))


def _enumerated(text: str, labels: list[str]) -> bool:
    """Does one of ``labels`` stand in ``text`` as an item of an enumeration: after ``:``, ``;``
    or ``,`` and perhaps a short word (``and``, ``or``, ``et``, ``y``)?"""
    if not any(label in text for label in labels):
        return False   # (most texts: none of them printed at all)
    return any(m.group("label") in labels for m in _ENUMERATED_LABEL.finditer(text))


# A point label after a clause's end and perhaps a short word: one pattern for every label (a
# label is "(b)", "b)", "(iv)" or "iv)", lower-case letters in parentheses). Each clause end
# can be followed in only one way (the short word, if any, is the whole run of letters before
# the spaces, and the label the whole token after them), so the labels found are exactly those
# a pattern of each label would find.
_ENUMERATED_LABEL = re.compile(r"[;,:]\s+(?:[^\W\d_]{1,4}\s+)?(?P<label>\(?[a-z]+\))")


def is_wrapped(lines: list[Line], stripped: list[str] | None = None, lengths: list[int] | None = None) -> bool:
    """Hard-wrapped text (OCR, ``pdftotext``) has many lines of similar, moderate length
    (``stripped``: the lines' texts stripped, and ``lengths``: the lengths of those that are not
    empty, sorted, where the caller has them)."""
    if stripped is None:
        stripped = [l.text.strip() for l in lines]   # once per line, not once per test
    if lengths is None:
        lengths = sorted(printed_width(s) for s in stripped if s)
    if len(lengths) < 8:
        return False
    # (the lengths are sorted: each count is where its bound falls among them)
    long_lines = len(lengths) - bisect_right(lengths, 160)
    moderate = bisect_right(lengths, 110) - bisect_left(lengths, 45)
    median = lengths[len(lengths) // 2]
    if long_lines / len(lengths) >= 0.05 and not (45 <= median <= 110 and long_lines / len(lengths) < 0.2):
        return False  # one paragraph a line; but most lines wrapped, some justified lines glued
                      # into one (Cyrillic pdftotext), is still wrapped text
    if moderate / len(lengths) > 0.5:
        return True   # (the lines that run on are counted only where the lengths do not tell)
    run_on = sum(1 for k in range(len(lines) - 1)
                 if stripped[k] and stripped[k + 1] and not lines[k + 1].gap_before
                 and stripped[k + 1][:1].islower() and not ends_sentence(lines[k].text))
    return run_on >= max(3, len(lengths) // 10)


def is_heading_like(text: str, lang: str = "en") -> bool:
    if (len(text) > 160 and text[:1] not in "-*^" and not text[:1].isspace() and not text[-1:].isspace()
            and "*" not in text and "^" not in text):
        return False  # a paragraph's text without marks or a dash before it: longer than a heading
    t = plain(text).strip()
    if t[:1] == "-":  # (the text is stripped: a dash prefix opens it)
        t = DASH_PREFIX.sub("", t)
    if len(t) > 160 or not t or ends_sentence(t) or t.endswith(","):
        return False
    f = forms(lang)
    return bool(f.chapter.match(t) or f.section.match(t) or (t.isupper() and len(t) > 3)
                or (ANNEX_LABEL.match(t) and len(t) < 30) or is_division_label(t)
                or chapter_word_label(t, lang))


def _formula_under_title(line: str, before: str) -> bool:
    """An enacting formula opened by its article (``The States Parties to this Convention,``)
    right under a title (a short run of words with no closing punctuation) begins the text; the
    name of an organ wrapped inside a sentence (``... of the\nConference of the Parties ...,``)
    does not."""
    if not line.endswith((",", "،", "，")) or not line.split(" ", 1)[0][:1].isupper():
        return False  # (most lines: the text above is not read)
    before = plain(before).strip()
    return (len(before) < 160 and before[-1:].isalnum()
            and any(_fold(line).startswith(a + " ") for a in words("formula_articles"))
            and is_formula(plain(line)))


def is_division_label(text: str) -> bool:
    """``Article 3``, ``Chapter II`` alone on a line: a treaty's label, its title on the next."""
    m = DIVISION_LABEL.match(text) if len(text) < 30 and text.startswith(division_label_words()) else None
    return bool(m) and not m.group("title")


_STARS = lazy_compile(r"\*\*+")


def open_bold(text: str) -> bool:
    """Is a ``**`` bold span opened and not yet closed? (``agenda**`` closes nothing: note marks)"""
    if "**" not in text:
        return False  # most text: no bold at all
    return _open_bold_from(text, 0, False)


def _block_open_bold(block: Block) -> bool:
    """``open_bold(block.text)``, read from the state its lines left as they were joined."""
    known = block.bold_state
    if known is not None and known[0] is block.text:
        return known[2]
    return open_bold(block.text)


def _open_bold_from(text: str, start: int, is_open: bool) -> bool:
    """``open_bold`` of ``text`` whose part before ``start`` left the span ``is_open``."""
    for m in _STARS.finditer(text, start):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before == "{":
            continue   # a raised note mark (``Africa^{**}``), no bold
        if not is_open and not after.isspace() and len(m.group()) == 2:
            is_open = True
        elif is_open and not before.isspace():
            is_open = False
    return is_open


_LABEL_THEN_BOLD = lazy_compile(r"^\S{1,8}\s+\*\*(?:(?!\*\*).)+\*\*$")


def _bold(line: Line) -> bool | None:
    """Is the line's text bold? A point's label is printed in the body font before bold words
    (``(a) **To request ...**``): such a line is as bold as the lines that wrap it."""
    if line.bold is False and _LABEL_THEN_BOLD.match(line.text.strip()):
        return True
    return line.bold


def opens_sentence(text: str) -> bool:
    """Does the text open with a capital, or with a letter of a script without case (Arabic,
    Chinese), where every sentence opens so?"""
    c = text[:1]
    return c.isupper() or (c.isalpha() and c.lower() == c.upper())


def _bold_start(line: Line) -> bool:
    """Does the line open in bold? (its words after a point's label, or a bold span at its start)"""
    return bool(_bold(line)) or plain_start_bold(line.text)


def _bold_end(line: Line) -> bool:
    """Does the line close in bold? (a bold span running on to the next line)"""
    return bool(_bold(line)) or strip_calls(line.text).rstrip().endswith("**")


def plain_start_bold(text: str) -> bool:
    return text.lstrip().startswith("**")


def _join_block(block: Block, line: str) -> None:
    """``block.text = join_lines(block.text, line)`` of a stripped ``line``, its bold state
    carried on from that of the text before.

    Joined to a text without trailing spaces (a block's always is), the line follows a space or,
    after a hyphen, the text itself: no run of stars crosses the join, and a run that ends the
    text is followed by a space as before. So only the runs of the added part need reading."""
    text, known = block.text, block.bold_state
    last = text[-1:]
    if last and last < "\u3000" and last not in "\u00ad-\u2011" and not last.isspace():
        # join_lines, inlined where the text ends in none of the characters it looks at (no
        # space, hyphen, soft hyphen or unspaced Chinese character): the two with a space
        joined, trimmed = f"{text} {line}", True
    else:
        joined, trimmed = join_lines(text, line), bool(text) and len(text.rstrip()) == len(text)
    if known is not None and known[0] is text:
        _, stars, state = known
    else:
        stars = "**" in text
        state = _open_bold_from(text, 0, False) if stars else False
    if not trimmed:
        stars = "**" in joined
        state = _open_bold_from(joined, 0, False) if stars else False
    elif "**" in line:
        stars, state = True, _open_bold_from(joined, len(text), state)
    elif stars:
        state = _open_bold_from(joined, len(text), state)
    block.text, block.bold_state = joined, (joined, stars, state)


def _margins(lines: list[Line]) -> dict[int, float]:
    """Each page's text margin: the indent most lines of the page start at."""
    by_page: dict[int, dict[int, int]] = {}
    for line in lines:
        if line.indent is not None and line.text.strip():
            counts = by_page.get(line.page)
            if counts is None:
                counts = by_page[line.page] = {}
            key = round(line.indent / 3) * 3
            counts[key] = counts.get(key, 0) + 1
    margins = {}
    for page, counts in by_page.items():
        floor = max(2, max(counts.values()) // 3)   # a third of the commonest indent's lines
        margins[page] = min((v for v, n in counts.items() if n >= floor), default=0.0)
    return margins


def run(reading: Reading) -> None:
    lines = reading.body
    lang = reading.doc.lang
    start = reading.body_start
    body = lines[start:]
    texts = [l.text.strip() for l in body]   # each body line stripped once, for every test below
    # (printed_width, its first test inlined: a line of ASCII prints as wide as it is long)
    lengths = sorted([len(t) if t.isascii() else printed_width(t) for t in texts if t])
    wrapped = is_wrapped(body, texts, lengths)
    margins = _margins(body)
    if wrapped:  # the measure of the wrapped lines, not of lines extraction glued together
        lengths = [n for n in lengths if n <= 110] or lengths
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    blocks: list[Block] = []
    last_number = 0
    prev_line: Line | None = None
    prev_stripped = ""
    f = forms(lang)
    paragraph = f.paragraph
    every_table = reading.table_lines if reading.table_lines is not None else all_table_lines(lines, lang)
    tables = {k for k in every_table if k >= start}
    listed = _contents_headings(lines, every_table)
    # (closing_openers: the answers of _may_open_closing_here for this text, by first character)
    context = (wrapped, width, margins, lang, f, _chapter_word_initials(lang), frozenset(_unfinished_ends(lang)), {},
               annex_of_initials(), _opening_initials(lang), _label_initials(lang))
    for i in range(start, len(lines)):
        stripped = texts[i - start]
        if not stripped:
            continue
        line = lines[i]
        prev = blocks[-1] if blocks else None
        if i in tables:
            # a table of contents or of abbreviations: each printed line is kept as it stands
            blocks.append(Block(stripped, line.no, i, i, indent=line.indent, contents=True))
            prev_line, prev_stripped = line, stripped
            continue
        # (a stripped line opens with "-" or "|" where the dash prefix or a table row stands)
        undashed = DASH_PREFIX.sub("", stripped) if stripped[0] == "-" else stripped
        # (its pattern opens with a digit; a dash prefix is followed by a printed character: no
        # text here is empty)
        number = paragraph.match(undashed) if undashed[0].isdigit() else None
        if number and number.group("dot") in (".", ",") and int(number.group("num")) == last_number + 1:
            last_number += 1
        if stripped[0] == "|" and TABLE_ROW.match(stripped):
            if prev is not None and prev.is_table and not line.gap_before:
                prev.text += "\n" + stripped
                prev.last_index = i
            else:
                blocks.append(Block(stripped, line.no, i, i, is_table=True))
            prev_line, prev_stripped = line, stripped
            continue
        # (a point's label, "(iv)" or "iv)", opens with "(" or a letter and closes within 8 characters)
        point = POINT.match(stripped) if (stripped[0] == "(" or "a" <= stripped[0] <= "z") and ")" in stripped \
            and ")" in stripped[:8] \
            else None
        if prev is not None and point and (_enumerated_before(point, prev.text)
                                           or _enumerated_after(point, _ahead(lines, i, lang))):
            prev.text = join_lines(prev.text, stripped)
            prev.last_index = i
            prev_line, prev_stripped = line, stripped
            continue
        merge = prev is not None and not prev.is_table and not prev.contents and not (
            listed and (stripped in listed and ends_sentence(prev_stripped) or prev_stripped in listed)) and _runs_on(
            line, stripped, undashed, number, point, prev_line, prev_stripped, prev,
            last_number if number else None, context)
        if merge:
            _join_block(prev, stripped)
            prev.last_index = i
        else:
            blocks.append(Block(stripped, line.no, i, i, indent=line.indent, bold=bool(line.bold)))
        prev_line, prev_stripped = line, stripped
    reading.blocks = _first_lines_put_back(blocks, lang)


def _contents_headings(lines: list[Line], tables: set[int]) -> frozenset[str]:
    """The headings a table of contents lists on lines of their own (plain ``pdftotext`` sets
    the entries' paragraph numbers apart): in the text, such a line after a sentence's end is
    that heading, blank line above it or not."""
    return frozenset(t for t in (lines[k].text.strip() for k in tables) if t and t[0].isupper() and not t[-1].isdigit())


def _ahead(lines: list[Line], i: int, lang: str, count: int = 3) -> str:
    """The text of the few lines after line ``i`` that open no item (where an enumeration run
    into the text goes on: "i) coordinar ...", "... técnicos; ii) ayudar ...")."""
    out = []
    for line in lines[i + 1:i + 1 + count]:
        t = line.text.strip()
        if not t or line.page_break_before or starts_item(t, None, lang) or POINT.match(t + " ."):
            break
        out.append(t)
    return " ".join(out)


def _first_lines_put_back(blocks: list[Block], lang: str) -> list[Block]:
    """``30.`` / ``in 2030.`` / ``Calls for a further review ...``: plain ``pdftotext`` may print
    a numbered paragraph's first line after the rest of it. A paragraph's text opens with a
    capital; one that opens in lower case takes back the unfinished line that comes next and
    opens with a capital."""
    f = forms(lang)
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        m = f.paragraph.match(block.text) if block.text[:1].isdigit() else None  # (its pattern opens with a digit)
        if (m and nxt is not None and not block.is_table and not nxt.is_table and not nxt.contents
                and m.group("rest")[:1].islower() and nxt.first_index == nxt.last_index
                and opens_sentence(nxt.text) and not ends_sentence(nxt.text)
                and not starts_item(nxt.text, None, lang)):
            block.text = f"{m.group('num')}{m.group('dot')} {nxt.text} {m.group('rest')}"
            block.last_index = max(block.last_index, nxt.last_index)
            out.append(block)
            k += 2
            continue
        out.append(block)
        k += 1
    return out


def _indented(line: Line, prev_line: Line, margins: dict[int, float]) -> bool | None:
    """Does the line stand further in than the line before it (a first-line indent)? A list
    item indented as a block keeps its indent on every line: only a step in counts."""
    if line.indent is None:
        return None
    if prev_line.indent is None or prev_line.page != line.page:
        return line.indent > margins.get(line.page, 0.0) + INDENT_STEP - 0.5
    return line.indent > prev_line.indent + INDENT_STEP - 0.5


def _lower_case_runs_on(prev_line: Line, stripped: str, lang: str) -> bool:
    """``_runs_on`` of a line that opens with a lower-case letter (most lines of wrapped text)
    under a block that does not end with a bold span's stars, once the tests that come before
    the case of its first letter have let it through. Every later test of ``_runs_on`` merges
    such a line (whatever its indent, its length and the blank line above it) but two: it
    opens a listed clause after a clause's end, or a participle after a comma."""
    prev_calls = strip_calls(prev_line.text)
    if prev_calls[-1:] in CLAUSE_END_CHARS and opens_listed_clause(stripped, lang):
        return False
    return not (prev_calls[-1:] in (",", "،", "，") and opens_clause(stripped, lang))


def _runs_on(line: Line, stripped: str, undashed: str, number: re.Match | None, point: re.Match | None,
             prev_line: Line, prev_stripped: str, prev: Block, expected: int | None, context: tuple) -> bool:
    """Does ``line`` continue the block ``prev`` (whose last line is ``prev_line``)? ``run`` has
    read the line already: stripped, without its dash prefix (``undashed``), the paragraph
    number and point label that open it; and ``prev_line`` stripped. ``context``: what ``run``
    knows of the whole text and its language. Each fact of a line or of the block is read once,
    where first needed. (No text here is empty: ``run`` skips blank lines, so a first or last
    character is read by its index.)"""
    (wrapped, width, margins, lang, f, chapter_initials, unfinished_ends, closing_openers, annex_initials,
     opening_initials, label_initials) = context
    prev_text = prev.text
    # a new page, also where its first line (the running head) was set aside
    # (a paragraph the format opens is one on a new page too: no page cut it)
    new_page = (line.page_break_before or line.page != prev_line.page) and not line.opens_paragraph
    known = prev.bold_state   # (_block_open_bold, inlined: the state the block's lines left as they were joined)
    if known[2] if known is not None and known[0] is prev_text else open_bold(prev_text):
        return True
    # (run has found no point before this one in the block: only the line's own text can show one after it)
    if point and _enumerated_after(point, ""):
        return True
    # (both texts are stripped: a chapter word can stand only where their first character is one
    # of its initials)
    label = chapter_word_label(prev_text, lang) if chapter_initials is None or prev_text[0] in chapter_initials else None
    if label and not label.group("rest"):
        return True  # the title under "Chapter III"
    label = chapter_word_label(stripped, lang) if chapter_initials is None or stripped[0] in chapter_initials else None
    if label and not label.group("rest"):
        return False
    heading = None   # is_heading_like(prev_text), read where first asked
    if (stripped[0] == "*" and stripped.startswith("**") and _bold_end(prev_line)
            and not ends_sentence(prev_line.text) and printed_width(prev_stripped) >= 0.75 * width
            and not (heading := is_heading_like(prev_text, lang))):
        return True  # a bold span wrapped onto the next line: "(c) **In relation to ... Permanent**" / "**Representatives**."
    first = stripped[0]
    # (_PLAIN_START, its match skipped as in starts_item where no ")" can close a label)
    plain_start = first.islower() and (((")" not in stripped or stripped.find(")", 1, 7) == -1) and first.isalpha())
                                       or _PLAIN_START.match(stripped) is not None)
    if not plain_start and _opens_item(undashed, number, expected, f, label_initials):
        return False  # (starts_item)
    bare = stripped if "*" not in stripped and "^" not in stripped else plain(stripped)   # (plain, inlined)
    opener = bare[:1]
    if len(bare) <= 90:
        # (_may_open_closing_here, its answer for this character looked up first)
        may_close = closing_openers.get(opener)
        if may_close is None:
            may_close = _may_open_closing_here(opener, lang, closing_openers)
        # (closing_line, its search for the meeting's number made first: most lines print no figure)
        closing = may_close and _DIGIT.search(bare) is not None and closing_line(bare, lang)
    else:
        closing = False
    if closing or (len(stripped) < 30 and ANNEX_LABEL.match(bare)) or (len(bare) < 30 and is_division_label(bare)) \
            or (opener in annex_initials and ANNEX_OF.match(bare)):
        return False
    if stripped[-1] in ",،，" and _formula_under_title(stripped, prev_text):
        return False  # "The States Parties to this Convention,": a formula stands alone, under a title
    prev_line_text = prev_line.text
    if prev_line_text[-1].isalpha() and "*" not in prev_line_text and "^" not in prev_line_text:
        # ends_unfinished, inlined where no call, mark or space trails the line (most lines)
        start = prev_line_text.rfind(" ") + 1
        if "\t" in prev_line_text:
            start = max(start, prev_line_text.rfind("\t") + 1)
        unfinished = prev_line_text[start:] in unfinished_ends and not prev_line_text[:start].rstrip().endswith(
            (";", ",", ":", "،", "؛"))
    else:
        unfinished = ends_unfinished(prev_line_text, lang)
    # (_title_goes_on asks first whether the line before ends in a comma: its stripped text says so)
    if unfinished or (wrapped and prev_stripped[-1] == "," and _title_goes_on(prev_text, prev_line_text, f)):
        return True
    # (opens_sentence(first), inlined: a lower-case letter is no capital)
    if first.islower() and not (first.isalpha() and first.lower() == first.upper()) \
            and not (prev_text[-1] == "*" and prev_text.endswith("**")):
        # (every PARTICIPLE opens with a capital: a line whose first letter opens none of the
        # locale's openings opens no clause, and runs on whatever the line before ends with)
        return (opening_initials is not None and first not in opening_initials) or _lower_case_runs_on(
            prev_line, stripped, lang)
    prev_sentence = None   # ends_sentence(prev_text), read where first asked
    if first.islower():
        lowercase = True
    elif first.isdigit():
        # (a figure runs on an unfinished sentence, but not into a paragraph the format opens)
        prev_sentence = ends_sentence(prev_text)
        lowercase = not prev_sentence and not line.opens_paragraph
    else:
        lowercase = False
    if line.bold is not None and prev_line.bold is not None and _bold_start(line) != _bold_end(prev_line) \
            and not lowercase:
        return False  # bold after regular text or regular after bold: a heading, a bold lead-in
    prev_calls = strip_calls(prev_line.text)
    prev_clause = prev_calls[-1:] in CLAUSE_END_CHARS   # ends_clause(prev_line.text)
    if prev_clause and opens_listed_clause(stripped, lang):
        return False
    if prev_calls[-1:] in (",", "،", "，") and opens_clause(stripped, lang):
        return False  # a participle after a preambular paragraph's closing comma
    indented = None if line.indent is None else _indented(line, prev_line, margins)
    if indented and not new_page and not prev_clause and starts_item(prev_stripped, None, lang) \
            and printed_width(prev_stripped) >= 0.6 * width:
        return True  # a hanging indent: an item's text wraps under its text, not under its label
    if indented and not lowercase and not (new_page and not ends_clause(prev_text)):
        return False
    # (the lengths first: the text above is read as a heading only where they allow one)
    if (not new_page and not line.gap_before and prev.last_index > prev.first_index
            and printed_width(prev_stripped) >= 0.6 * width and printed_width(stripped) < 0.75 * width and not prev_clause
            and (line.indent is None or prev_line.indent is None or abs(line.indent - prev_line.indent) < 3)
            and (heading if heading is not None else (heading := is_heading_like(prev_text, lang)))
            and not chapter_word_label(prev_text, lang)
            and not ends_sentence(stripped)):
        return True  # the third line of a heading, under its second: "Plan of Action on Ageing, 2002"
    if indented is False and new_page and not line.gap_before:
        return True  # a paragraph that runs on at the margin of the next page
    if new_page and indented is False and plain(strip_calls(prev_line.text)).rstrip().endswith((":", "：")):
        return True  # a sentence cut after its colon at a page's foot runs on at the next page's margin
    if new_page:
        return lowercase or not ends_clause(prev_text) or (
            indented is None and _colon_runs_on(prev, prev_line, stripped, width, lang))
    if indented is False and not line.gap_before:
        # at the margin: a new paragraph only after a heading or a short closing line
        return lowercase or not ((heading if heading is not None else is_heading_like(prev_text, lang))
                                 or (ends_sentence(prev_line.text) and printed_width(prev_stripped) < 0.6 * width
                                     and opens_sentence(stripped)))
    merge = False
    if wrapped:
        last_len = printed_width(prev_stripped)
        full = last_len >= 0.6 * width
        if not lowercase and (line.gap_before or not full):
            if prev_sentence is None:
                prev_sentence = ends_sentence(prev_text)
            merge = full and not prev_sentence
        else:
            merge = True
        if merge and line.gap_before and not lowercase and (
                prev_sentence if prev_sentence is not None else ends_sentence(prev_text)):
            merge = False
        if merge and not line.gap_before and prev_clause and opens_sentence(stripped):
            if prev.first_index == prev.last_index and POINT.match(prev_text):
                last_len += 12  # a point's first line also holds its indent and the space after its label
            if last_len < 0.75 * width:
                merge = False  # a paragraph's last line falls short of the measure
        if merge and not line.gap_before and stripped[:1] in "“«„" and stripped[1:2].isupper() \
                and ends_sentence(prev_line.text):
            merge = False  # each paragraph of a quotation opens with its mark ("“The Security Council ...")
    elif line.gap_before:
        # (a long block that stops without its sentence's end runs on after a blank line, a
        # page's foot; not where the format says a paragraph begins)
        merge = lowercase or (not line.opens_paragraph and len(prev_text) > 120 and not ends_sentence(prev_text)
                              and not (prev_text[-1] == "," and opens_clause(stripped, lang)))
    else:
        # one paragraph a line, but extraction may still wrap some of them (justified lines
        # pdftotext printed whole): a line in lower case opens no paragraph, nor one that
        # opens without a capital ("(2020 год);") under an unfinished line
        merge = lowercase or (not prev_clause and not opens_sentence(stripped))
    if merge and not lowercase and (heading if heading is not None else (heading := is_heading_like(prev_text, lang))) \
            and not _block_open_bold(prev):
        merge = False
    if merge and line.gap_before and stripped.isupper() and is_heading_like(stripped, lang):
        merge = False
    if merge and prev_text[-1] == "*" and prev_text.endswith("**") and not _block_open_bold(prev):
        merge = False
    return merge
