"""The words a reader recognises in a printed UN document, built once from the locale data.

A masthead or a preface may be in any of the languages (and ru, zh and ar mastheads are printed
in English), so the readers look for the words of every language at once: this module gathers
them from the data files into lookup tables and regular expressions. It holds no word itself;
the readers (``drafting.readers.text_masthead``, the passes) only know the shapes of the lines.
Built on first use, so that importing it reads nothing.
"""

from __future__ import annotations

import functools
import re

from drafting.locale import languages, terms
from drafting.records import record
from drafting.regex import LazyPattern, lazy_compile


def norm(text: str) -> str:
    """One space between words, no-break spaces as spaces, no spaces at the ends. (str.split
    takes the characters \\s matches, the no-break space among them: no pattern to look up.)"""
    return " ".join(text.split())


def alternation(words, flexible_spaces: bool = False) -> str:
    """``a|b|c`` of the escaped words, longest first (so "de la" wins over "de"); never empty."""
    escaped = [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w]
    if flexible_spaces:
        escaped = [w.replace(r"\ ", r"\s+") for w in escaped]
    return "|".join(escaped) or r"(?!)"


@record(frozen=True)
class Vocabulary:
    """The words and patterns of every language, gathered (see ``vocabulary()``)."""

    distribution: tuple[tuple[str, str], ...]          # (printed form lower-cased, kind), longest first
    distribution_stems: tuple[tuple[str, str], ...]    # ("gén", "general"): a cut Distr. word
    language_lines: dict                                # "français" -> "fr"
    original_words: dict                                # "anglais" -> "en"
    sessions: dict                                      # "quatrième session" -> 4
    session_words: LazyPattern                          # a session word anywhere in a line
    session_words_first: tuple[str, ...]                # the words that open a session line ("الدورة")
    session_number: LazyPattern                         # "80th session": group 1 is the number
    agenda: tuple[tuple[LazyPattern, str], ...]         # (pattern with group "item", lang)
    agenda_leading: LazyPattern                         # "Agenda item 5", group "item"
    agenda_item_word: LazyPattern                       # "Point 5 ...", group "item"
    agenda_words: LazyPattern                           # "agenda", "ordre du jour" anywhere
    kinds: dict                                         # "projet de rapport" -> ("draft_report", lang)
    kind_author: LazyPattern                            # "report of the ...": group 1 is the kind word
    author_kind: tuple[tuple[str, str], ...]            # ("的", "zh"): author, mark, kind word
    report_first: LazyPattern                           # a title that opens with the word "report"
    report_anywhere: tuple[str, ...]                    # the word "report" where it may stand anywhere
    group: LazyPattern                                  # a sponsor that is a group of States
    conjunction: LazyPattern                            # " and " between the last two sponsors
    conjunctions: tuple[str, ...]                       # "and", "et", "y", "и" alone
    organization: LazyPattern                           # the whole line "United Nations", "联合国"
    recycle: LazyPattern                                # the whole recycling line of a page foot
    reissued: LazyPattern                               # the note of a reissued document, at the start


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The recognisers of every language, built from the data files on first use (each pattern
    compiled when first used: a reader of Word files needs few of them)."""
    distribution, stems, language_lines, original_words, sessions = [], [], {}, {}, {}
    agenda, kinds = [], {}
    session_words, session_first, suffixes = [], [], []
    leading, item_words, agenda_words, kind_links, author_marks = [], [], [], [], []
    report_words, report_anywhere, groups, conjunctions, recycle, reissued = [], [], [], [], [], []
    organization = []
    for lang in languages():
        t = terms(lang)
        m, reader = t["masthead"], t["reader"]
        for kind, form in m["distribution"].items():
            distribution.append((norm(form).lower(), kind))
        for kind, forms in m["distribution_variants"].items():
            distribution.extend((norm(form).lower(), kind) for form in forms)
        for kind, forms in m["distribution_stems"].items():
            stems.extend((stem, kind) for stem in forms if (stem, kind) not in stems)
        for line in [m["language"], *m["language_variants"]]:
            language_lines.setdefault(line.lower(), lang)
        for code, name in t["language_names"].items():
            original_words.setdefault(name.lower(), code)
        s = t["sessions"]
        for i, words in enumerate(s["ordinals"], start=1):
            sessions[norm(words).lower()] = i
        session_words.extend(s["words"])
        if s["word_position"] == "first":
            session_first.extend(s["words"])
        suffixes.extend(s["number_suffixes"])
        for key in ("provisional_item", "item"):
            before, _, after = t["agenda"][key].partition("{item}")
            pattern = re.escape(before) + r"(?P<item>.+?)" + re.escape(after) + r"\s*$"
            agenda.append((lazy_compile("^" + pattern.replace("\\ ", r"\s+"), re.I), lang))
        leading.extend(t["agenda"]["leading"])
        item_words.extend(t["agenda"]["item_words"])
        agenda_words.extend(t["agenda"]["agenda_words"])
        for key, word in t["document_kinds"].items():
            kinds[norm(word).lower()] = (key, lang)
        kind_links.extend(reader["kind_author"])
        if reader["author_kind"]:
            author_marks.append((reader["author_kind"], lang))
        report = t["document_kinds"]["report"].lower()
        (report_anywhere if reader["kind_anywhere"] else report_words).append(report)
        groups.extend(reader["group"])
        conjunctions.append(t["lists"]["last_separator"].strip())
        recycle.extend(reader["recycle"])
        reissued.extend(reader["reissued"])
        organization.extend(reader["organization"])
    distribution.sort(key=lambda x: -len(x[0]))
    number = r"\d+(?:\s?\(?[a-z]{1,3}\)?)?"
    ands = alternation(conjunctions)
    return Vocabulary(
        distribution=tuple(distribution),
        distribution_stems=tuple(stems),
        language_lines=language_lines,
        original_words=original_words,
        sessions=sessions,
        session_words=lazy_compile(f"({alternation(session_words)})", re.I),
        session_words_first=tuple(session_first),
        session_number=lazy_compile(
            rf"\b(\d{{1,3}})(?:{alternation(suffixes)})?\s+(?:{alternation(w.split()[0] for w in session_words)})"),
        agenda=tuple(agenda),
        agenda_leading=lazy_compile(
            rf"^(?:{alternation(leading, True)})\s+(?P<item>{number}(?:\s+(?:{ands})\s+{number})?)\**$", re.I),
        agenda_item_word=lazy_compile(
            rf"^(?:{alternation(item_words)})s?\s+(?P<item>\d+(?:\s?\(?[a-z]\)?)?(?:\s+(?:{ands})\s+\d+)?)\b"),
        agenda_words=lazy_compile(f"({alternation(agenda_words)})", re.I),
        kinds=kinds,
        kind_author=lazy_compile(rf"^(.+?)\s+(?:{alternation(kind_links)})\s"),
        author_kind=tuple(author_marks),
        report_first=lazy_compile(rf"^(?:{alternation(report_words)})\b"),
        report_anywhere=tuple(report_anywhere),
        group=lazy_compile(rf"^(?:{alternation(groups)})\b"),
        conjunction=lazy_compile(rf"\s+(?:{ands})\s+"),
        conjunctions=tuple(dict.fromkeys(conjunctions)),
        organization=lazy_compile(rf"(?:{alternation(organization)})"),
        recycle=lazy_compile(rf"^(?:{alternation(recycle)}|♲)$", re.I),
        reissued=lazy_compile(f"(?:{alternation(reissued)})", re.I),
    )


def annex_label() -> re.Pattern:
    """``Annex II``, ``ANNEXE``, ``附件一``, ``المرفق الأول``, with a title after a colon."""
    words = [terms(lang)["headings"]["annex_label"] for lang in languages()]
    words += [w.upper() for w in words]
    return re.compile(rf"^(?P<label>(?:{alternation(words)})"
                      r"(?:\s+(?:[IVXL]{1,5}|\d{1,2}|[A-Z]|[一二三四五六七八九十]+|[\u0621-\u064A]{2,12}(?: [\u0621-\u064A]{2,12})?))?)"
                      r"\*?(?:\s*[:：]\s*(?P<title>\S.*))?$")


def _division_forms(kind: str):
    """``(before, after)`` of every printed form of a division label (``Article {n}``,
    ``ARTICLE {N}``, ``第{n}条``): the words before the number and after it."""
    for lang in languages():
        template = terms(lang)["headings"].get(f"{kind}_label")
        for form in (template, template.upper()) if template else ():
            before, _, after = form.partition("{N}" if form.isupper() else "{n}")
            yield before, after


DIVISION_KINDS = ("article", "chapter", "section")


def division_label() -> re.Pattern:
    """``Article 1``, ``Chapter IV``, ``Artículo 12``, ``第3条`` (the divisions of a treaty set out
    in an annex), ``Section 1`` (of a Secretariat issuance), each with the title printed after it
    on the same line or none: groups ``article``, ``chapter`` or ``section`` (the label as
    printed) and ``title``."""
    # Chinese numerals as printed: 第十五条, 第一百零五条 (with its zero), 第一五六条 (digit by digit)
    numeral = r"(?:\d{1,3}|[IVXLC]{1,7}|[〇零一二三四五六七八九十百千]{1,7})"
    kinds = {}
    for kind in DIVISION_KINDS:
        # the words before the number, by what stands between them and after it: the numeral
        # written once for each (compiling it once for each of the 36 forms cost 4 ms a run)
        words: dict[tuple[str, str], set[str]] = {}
        for before, after in _division_forms(kind):
            space = r"\s*" if not before.endswith(" ") else r"\s+"
            words.setdefault((space, re.escape(after)), set()).add(re.escape(before.rstrip()))
        kinds[kind] = "|".join(
            f"(?:{'|'.join(sorted(befores, key=lambda w: (-len(w), w)))}){space}{numeral}{after}"
            for (space, after), befores in sorted(words.items())) or r"(?!)"
    return re.compile(rf"^(?:(?P<article>{kinds['article']})|(?P<chapter>{kinds['chapter']})"
                      rf"|(?P<section>{kinds['section']}))(?:\s+(?P<title>\S.*))?$")


@functools.lru_cache(maxsize=1)
def division_label_words() -> tuple[str, ...]:
    """The words a text that ``division_label`` matches opens with (``Article``, ``CHAPTER``,
    ``第``, ``Статья``), for ``str.startswith``: a text opening with none of them is not matched,
    and most texts are answered so without the pattern (compiled only where a text may match)."""
    return tuple(sorted({before.rstrip() for kind in DIVISION_KINDS for before, _ in _division_forms(kind)}))


def annex_of() -> re.Pattern:
    """``Annex to the letter dated ...``, ``Anexo de la carta de fecha ...``, ``Приложение к
    письму ...``: the heading of an annex to a letter, named by what it is annexed to (the annex
    word, then a word in lower case)."""
    return re.compile(rf"^(?:{alternation(_annex_words())})\s+[^\W\d_A-Z]\w*\s+\S")


def _annex_words() -> list[str]:
    words = [terms(lang)["headings"]["annex_label"] for lang in languages()]
    # (a language whose annex word loses its article before what it is annexed to: "مرفق الرسالة")
    words += [terms(lang)["headings"].get("annex_of_label", "") for lang in languages()]
    return [word for word in words if word]


@functools.lru_cache(maxsize=1)
def annex_of_initials() -> frozenset[str]:
    """The characters a text that ``annex_of`` matches opens with (the annex words' first
    letters, as printed): a text opening with another one is not matched."""
    return frozenset(word[0] for word in _annex_words())
