"""Recognising a UN masthead and preface in lines of text, in the six languages.

The words come from the locale data files, gathered by ``drafting.locale.vocabulary``; this module only knows
the shapes: a ``Distr.`` line, a date, a language line, an ``Original:`` line, a symbol (with the
agenda-note star), and in the preface the session, the place and dates, the agenda line, the
document type, the sponsors and the title. A masthead squeezed onto one line is taken apart
field by field. The DOCX reader uses the same recognisers on its paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.locale.vocabulary import Vocabulary, vocabulary  # noqa: F401  (the readers' words)
from drafting.model.symbols import looks_like_symbol
from drafting.records import record
from drafting.regex import lazy_compile


# -- one masthead field at the start of a string -------------------------------------------------

DISTR = re.compile(r"^Distr\.?\s*:?\s*(?P<word>[^\W\d_]+)", re.I)
# "Original: English", "Original: Arabic/English/French/Russian/Spanish" (every language of submission)
ORIGINAL = re.compile(r"^(?P<label>Original\s*:|Original)\s*(?P<word>[^\W\d_]+(?:\s*/\s*[^\W\d_]+)*)", re.I)
# a symbol, and the part of it printed in brackets ("(Part I)", "(Première partie)", "(2025)")
SYMBOL_AT_START = re.compile(r"^(?P<sym>[A-Z][A-Za-z0-9.()\-]*(?:/[A-Za-z0-9.()\-]+)+"
                             r"(?:\s?\((?:Part [IVX]+|\d{4}|[^\W\d_]+ [^\W\d_]+)\))?(?![^\W\d_])\**)")


@record(frozen=True)   # (shared by every caller of the memoised masthead_fields)
class MastheadField:
    """One field of a masthead as printed and the value read from it."""

    name: str        # distribution, date, language, original, symbol
    text: str        # as printed
    value: object    # kind / date / lang code / symbol text


def _distribution_kind(word: str) -> str | None:
    word = word.lower()
    for form, kind in vocabulary().distribution:
        last = form.split()[-1].strip(":.")
        if last == word:
            return kind
    for stem, kind in vocabulary().distribution_stems:
        if word.startswith(stem):
            return kind
    return None


def _spaced(text: str) -> str:
    """``norm(text)``: one space between words, none at the ends. (str.split parts the text at
    the white space the pattern's ``\\s`` matches, the no-break space too, in C; the pattern,
    which opens with a repeat, is tried at every position.)"""
    return " ".join(text.split())


_YEAR_DIGITS = re.compile(r"\d{4}")


def _date_at_start(text: str):
    """The longest prefix of ``text`` that parses as a date, in any language."""
    from drafting.locale import parse_date

    if not re.search(r"\d", text[:40]):
        return None  # every masthead date form carries digits
    m = re.match(r"^(\S+(?:\s+\S+){0,4})", text)
    if not m:
        return None
    words = m.group(1).split()
    # Every date form carries a four-digit year, and no run of digits spans a space: a prefix
    # shorter than the first word with four digits in a row is no date.
    shortest = next((k + 1 for k, w in enumerate(words) if _YEAR_DIGITS.search(w)), None)
    if shortest is None:
        return None
    for n in range(len(words), shortest - 1, -1):
        candidate = " ".join(words[:n])
        found = parse_date(candidate)
        if found:
            return candidate, found
    return None


def take_field(text: str) -> tuple[MastheadField, str] | None:
    """Recognise one masthead field at the start of ``text``; return it and the rest."""
    text = text.strip()
    m = DISTR.match(text)
    if m:
        kind = _distribution_kind(m.group("word"))
        if kind:
            return MastheadField("distribution", text[: m.end()], kind), text[m.end():]
    m = ORIGINAL.match(text)
    if m:
        word = m.group("word")
        lang = vocabulary().original_words.get(word.lower().split("/")[0].strip())
        return MastheadField("original", text[: m.end()], (m.group("label").strip(), word, lang)), text[m.end():]
    first_word = re.match(r"^([^\W\d_]+)(?=\s|$)", text)
    if first_word and first_word.group(1).lower() in vocabulary().language_lines:
        word = first_word.group(1)
        return MastheadField("language", word, vocabulary().language_lines[word.lower()]), text[len(word):]
    date = _date_at_start(text)
    if date:
        printed, value = date
        return MastheadField("date", printed, value), text[len(printed):]
    m = SYMBOL_AT_START.match(text)
    if m and looks_like_symbol(re.sub(r"\s?\([^()]*\)$", "", m.group("sym").rstrip("*")) or m.group("sym")):
        return MastheadField("symbol", m.group("sym"), m.group("sym")), text[m.end():]
    return None


# Fields that only a masthead has; a date or a language name alone can open any line.
STRONG_FIELDS = {"distribution", "original", "symbol"}


_STRONG_HINT = re.compile(r"Distr|Original|[A-Z]/", re.I)


def split_masthead_line(line: str) -> tuple[str, list[MastheadField]] | None:
    """``General Assembly Distr.: General`` -> ("General Assembly", [distribution]).

    Text extracted from a PDF puts the organ and a masthead field on one line; the leading words
    that are not a field are returned apart (None when no field ends the line).
    """
    if not _STRONG_HINT.search(line):
        return None  # no Distr., Original or symbol: nothing to split off
    words = line.split()
    for k in range(1, min(len(words), 12)):
        rest = " ".join(words[k:])
        fields = masthead_fields(rest)
        if fields and any(f.name in STRONG_FIELDS for f in fields):
            return " ".join(words[:k]), fields
    return None


@lru_cache(maxsize=4096)   # (the front pass asks of each line several times: as masthead, preface, look-ahead)
def masthead_fields(line: str) -> tuple[MastheadField, ...] | None:
    """All fields of a line made only of masthead fields (one or several), else None."""
    fields = []
    rest = line.strip()
    while rest:
        found = take_field(rest)
        if not found:
            return None
        field, rest = found
        fields.append(field)
        rest = rest.strip()
    return tuple(fields) or None


def apply_field(m, f: MastheadField) -> None:
    """Record a recognised field on a ``Masthead`` (the symbol without its reissue stars)."""
    if f.name == "distribution":
        m.distribution, m.distribution_kind = f.text, f.value
    elif f.name == "date":
        m.date_text, m.date = f.text, f.value
    elif f.name == "language":
        m.language_line = f.text
    elif f.name == "original":
        label, word, _lang = f.value
        m.original_label, m.original = label, word
    elif f.name == "symbol":
        symbol = f.text.rstrip("*") or f.text
        if m.symbol and symbol not in m.symbol.split("-"):
            # a document issued under two symbols prints them one above the other (an Official
            # Records volume: E/2025/28 over E/CN.7/2025/11), as "A/80/179-S/2025/468" on one line
            symbol = f"{m.symbol}-{symbol}"
        m.symbol = symbol


# -- preface lines --------------------------------------------------------------------------------

# "Vienna, 10-12 October 2011", "Nueva York, 4 a 7 de marzo de 2025": a place (capitalised in
# the scripts that have capitals), a comma, dates; "on Ageing, 2002" is a title's end.
PLACE_DATES = lazy_compile(r"^[A-ZÀ-ÝА-Я\u4e00-\u9fff\u0600-\u06ff][^,\d]{1,40},\s+.*\d{4}.*$")


def session_number(line: str) -> int | None:
    text = _spaced(line).lower().rstrip(".")
    if text in vocabulary().sessions:
        return vocabulary().sessions[text]
    m = vocabulary().session_number.search(text)
    if m:
        return int(m.group(1))
    return None


def is_session_line(line: str) -> bool:
    """"Eightieth session", "Sexto período de sesiones", "الدورة الثمانون": the session word closes
    the line (or opens it, in Arabic); "session: report of ..." is an agenda title's words."""
    text = _spaced(line).rstrip(".*")
    words_of_sessions = vocabulary().session_words
    if len(text) >= 80 or not words_of_sessions.search(text):
        return False
    if session_number(text) is not None:
        return True
    words = text.split()
    return len(words) <= 6 and bool(words_of_sessions.search(" ".join(words[-3:]))
                                    or text.startswith(vocabulary().session_words_first))


def agenda_item(line: str) -> str | None:
    """``Point 2 d) de l'ordre du jour`` -> ``2 d)``."""
    text = _spaced(line).rstrip("*")
    if len(text) > 120:
        return None
    for pattern, _lang in vocabulary().agenda:
        m = pattern.match(text)
        if m:
            return m.group("item").strip()
    m = vocabulary().agenda_leading.match(text)
    if m:
        return m.group("item").strip()
    m = vocabulary().agenda_item_word.match(text)
    if m and vocabulary().agenda_words.search(text):
        return m.group("item").strip()
    return None


def is_place_dates(line: str) -> bool:
    text = _spaced(line)
    return len(text) < 100 and bool(PLACE_DATES.match(text)) and not text.endswith((".", ";", ":"))


def document_kind(line: str) -> tuple[str, list[str]] | None:
    """``Groupe des 77 et Chine: projet de résolution`` -> ("draft_resolution", sponsors)."""
    text = _spaced(line)
    if len(text) > 160:
        return None
    sponsors_part, _, type_part = text.rpartition(":") if ":" in text else ("", "", text)
    key = type_part.strip().lower().rstrip(".")
    kinds = vocabulary().kinds
    if key in kinds:
        sponsors = _split_sponsors(sponsors_part) if sponsors_part else []
        return kinds[key][0], sponsors
    # "Report of the Secretary-General", "Note by the Secretariat", "Rapport du Secrétaire général"
    m = vocabulary().kind_author.match(key)
    if m and m.group(1) in kinds and kinds[m.group(1)][0] in ("report", "note_by_the_secretariat") and len(key) < 70:
        return kinds[m.group(1)][0], []
    # Chinese "秘书长的报告" (the author, a mark, the kind), Arabic "تقرير الأمين العام" (a construct
    # state: the kind word, then its author without a linking word)
    if len(key) <= 40:
        ends, starts = _report_affixes()
        if key.endswith(ends) or (key.startswith(starts) and len(key.split()) <= 4):
            return "report", []
    return None


@lru_cache(maxsize=1)
def _report_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a report's kind line without a linking word ends with (an author's mark, then the kind
    word: Chinese) or starts with (the kind word, then a space: Arabic), read once."""
    vocab = vocabulary()
    marks = dict((lang, mark) for mark, lang in vocab.author_kind)
    reports = [(word, lang) for word, (kind_key, lang) in vocab.kinds.items() if kind_key == "report"]
    return (tuple(marks[lang] + word for word, lang in reports if lang in marks),
            tuple(word + " " for word, lang in reports if lang == "ar"))


def _split_sponsors(text: str) -> list[str]:
    text = text.strip()
    # "Groupe des 77 et Chine" is one sponsor (a group); "Australia y México" are two.
    if "," not in text:
        if vocabulary().group.match(text):
            return [text]
        return [p for p in vocabulary().conjunction.split(text, maxsplit=1) if p]
    parts = [p.strip() for p in text.split(",")]
    last = vocabulary().conjunction.split(parts[-1], maxsplit=1)
    return [p for p in parts[:-1] + last if p]


def kind_of(key: str | None, title: str | None) -> str:
    """The AKN4UN name of the document from the document-kind word and the title."""
    if key in ("draft_resolution",):
        return "resolutionDraft"
    if key in ("resolution",):
        return "resolution"
    if key in ("draft_decision",):
        return "decisionDraft"
    if key in ("decision",):
        return "decision"
    if key in ("draft_report",):
        return "reportDraft"
    if key in ("report",):
        return "report"
    if title:
        low = title.lower()
        if vocabulary().report_first.match(low) or any(w in low for w in vocabulary().report_anywhere):
            return "report"
    return ""
