"""The six official languages of the UN as data, and the small functions that use it.

Every word lives in one TOML file per language (``ar.toml`` ... ``zh.toml``) so that a
translator can correct it without reading Python; the code here only combines the words.
``languages.toml`` holds the list of languages and their codes. This module is the one
loader of those files, and reads each only when first asked for it (a program that never
needs a word pays nothing at start); the masthead words the readers recognise are built from
the same data in ``drafting.locale.vocabulary``. Parsing TOML is slow next to a command's work
(about 20 ms for the seven files), so the parsed form of each file is kept where Python keeps
this package's bytecode, with the file's bytes it was parsed from: it is used only while the
file is byte for byte the same, and the TOML file stays the one source.
Dates: babel (CLDR) supplies the month names where CLDR agrees with the UN (English, French,
Spanish, Russian genitive forms); the UN patterns and the corrections CLDR cannot make
(French "1er", Russian "года", the paired Arabic month names, Western digits) come from the
data files. All functions are pure; the data files are read once and cached.
"""

from __future__ import annotations

import datetime as _dt
import marshal
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafting.errors import DraftingError
from drafting.regex import lazy_compile

DISTRIBUTION_KINDS = ("general", "limited", "restricted")
POSITIONS = {"after_punctuation", "before_punctuation"}
CODE_SCHEMES = ("iso639_2b", "iso639_2t", "akn", "word")
_DATA = Path(__file__).resolve().parent
_READ: list[str] = []  # the data files read, in order (see loaded())


# --- the one loader: every TOML file of the locale is read here, once, when first asked for ---


def _read(name: str) -> dict[str, Any]:
    source = _DATA / f"{name}.toml"
    with open(source, "rb") as f:
        text = f.read()
    kept = _kept_path(source)
    data = _kept(kept, text)
    if data is None:
        import tomllib  # imported here: starting the program must not pay for it

        data = tomllib.loads(text.decode("utf-8"))
        _keep(kept, text, data)
    _READ.append(name)
    return data


def _kept_path(source: Path) -> Path | None:
    """Where the parsed form of a data file is kept: beside this package's bytecode
    (``__pycache__``, or under PYTHONPYCACHEPREFIX), named for the Python that wrote it."""
    if sys.implementation.cache_tag is None:
        return None
    from importlib.util import cache_from_source

    return Path(cache_from_source(str(source))).with_name(
        f"{source.name}.{sys.implementation.cache_tag}.marshal")


def _kept(path: Path | None, text: bytes | tuple) -> dict[str, Any] | None:
    """The parsed form kept at ``path`` if it was parsed from exactly ``text`` (or read from the
    source that ``text`` names, see ``_cldr_months``), else None."""
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            kept = marshal.loads(f.read())  # marshal.load(f) reads piecemeal, several times slower
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or damaged
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == text and isinstance(kept[1], dict):
        return kept[1]
    return None


def _keep(path: Path | None, text: bytes | tuple, data: dict[str, Any]) -> None:
    """Keep the parsed form for the next run, as Python keeps bytecode: not when bytecode is not
    written (PYTHONDONTWRITEBYTECODE), and nothing is lost where the folder cannot be written."""
    if path is None or sys.dont_write_bytecode:
        return
    try:
        kept = marshal.dumps((text, data))
    except ValueError:  # a value marshal cannot hold (a TOML date): parsed each time
        return
    from drafting.io import write_atomic

    try:
        write_atomic(path, kept)  # whole or not at all, for another process reading it now
    except DraftingError:  # a folder that cannot be written: the file is parsed again next time
        pass


@lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    """``languages.toml``: the list of languages and their codes."""
    return _read("languages")


def languages() -> tuple[str, ...]:
    """The language codes (ISO 639-1) in the UN's order: ar, zh, en, fr, ru, es."""
    return tuple(_index()["order"])


def check_lang(lang: str) -> str:
    """Return ``lang`` when it is one of the language codes, else raise DraftingError."""
    if lang not in languages():
        raise DraftingError(f"unknown language {lang!r}: use one of {', '.join(languages())}")
    return lang


@lru_cache(maxsize=None)
def terms(lang: str) -> dict[str, Any]:
    """The whole data file of a language, parsed (cached: treat it as read-only)."""
    return _read(check_lang(lang))


def loaded() -> tuple[str, ...]:
    """The data files read so far, in order ("languages", "en", ...): a start reads none."""
    return tuple(_READ)


def code(lang: str, scheme: str) -> str:
    """A language's code in another scheme: ``code("fr", "akn")`` -> "fra" (see CODE_SCHEMES)."""
    if scheme not in CODE_SCHEMES:
        raise DraftingError(f"unknown language code scheme {scheme!r}: use one of {', '.join(CODE_SCHEMES)}")
    return _index()["codes"][check_lang(lang)][scheme]


def akn_code(lang: str) -> str:
    """The three letters the model writes in FRBRlanguage: ``akn_code("fr")`` -> "fra"."""
    return code(lang, "akn")


def lang_of_code(value: str | None) -> str | None:
    """The language of any code the data knows ("fre", "fra", "zho", "chi", "fr", "fr-FR"), or None."""
    if not value:
        return None
    return _codes_back().get(value.strip().lower())


@lru_cache(maxsize=1)
def _codes_back() -> dict[str, str]:
    back = {}
    for lang, codes in _index()["codes"].items():
        back[lang] = lang
        for scheme in CODE_SCHEMES:
            back.setdefault(codes[scheme].lower(), lang)
    return back


def __getattr__(name: str) -> Any:
    """``LANGS`` and ``ISO639_2B`` are read from languages.toml when first used, not at import."""
    if name == "LANGS":
        return languages()
    if name == "ISO639_2B":
        return {lang: code(lang, "iso639_2b") for lang in languages()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- words -----------------------------------------------------------------------------------


def document_kind(kind: str, lang: str) -> str:
    """The printed name of a document kind: ``document_kind("addendum", "fr")`` -> "Additif"."""
    kinds = terms(lang)["document_kinds"]
    if kind not in kinds:
        raise DraftingError(f"unknown document kind {kind!r}: use one of {', '.join(kinds)}")
    return kinds[kind]


def agenda_item_line(item: str | int, lang: str, provisional: bool = True) -> str:
    """``Point 2 d) de l'ordre du jour provisoire``, or the form without "provisional"."""
    agenda = terms(lang)["agenda"]
    return agenda["provisional_item" if provisional else "item"].format(item=item)


def is_general_assembly(organ: str | None) -> bool:
    """The General Assembly (or one of its Main Committees' parent organ), named in any of the
    six languages."""
    if not organ:
        return False
    folded = " ".join(organ.split()).casefold()
    return any(folded == terms(lang)["organs"]["general_assembly"].casefold() for lang in languages())


def assembly_agenda_line(item: str | int, lang: str) -> str:
    """``Agenda item 107``: how the General Assembly prints an agenda item on its drafts."""
    return terms(lang)["agenda"]["assembly_item"].format(item=item)


def enacting_formula(organ: str, lang: str) -> str:
    """The formula that opens a resolution, from its organ: ``The General Assembly``; other
    organs in English take "The" ("The Conference of the Parties ..."), elsewhere the organ as
    named (the article varies with the name in French and Spanish: give ``formula`` then)."""
    if is_general_assembly(organ):
        return terms(lang)["organs"]["general_assembly_formula"]
    if lang == "en" and not organ.lower().startswith("the "):
        return "The " + organ
    return organ


def united_nations(lang: str) -> str:
    """The organization's name as a masthead's first line prints it."""
    return terms(lang)["reader"]["organization"][0]


def session_ordinal(n: int, lang: str) -> str:
    """The session line in words: ``Quatrième session``, ``Cuarto período de sesiones``."""
    ordinals = terms(lang)["sessions"]["ordinals"]
    if not 1 <= n <= len(ordinals):
        raise DraftingError(
            f"no words for session {n} in {lang}.toml (it knows 1 to {len(ordinals)})"
        )
    return ordinals[n - 1]


def parse_session_ordinal(text: str, lang: str | None = None) -> int | None:
    """The number of a session line in words (``Quatrième session`` -> 4), or None."""
    wanted = _fold(text)
    for code in _langs_to_try(lang):
        for n, words in enumerate(terms(code)["sessions"]["ordinals"], start=1):
            if _fold(words) == wanted:
                return n
    return None


def language_name(lang: str, in_lang: str) -> str:
    """The name of language ``lang`` as written in ``in_lang``: ("en", "fr") -> "anglais"."""
    check_lang(lang)
    return terms(in_lang)["language_names"][lang]


def masthead_language(lang: str) -> str:
    """The language line of the masthead: "Français", "English", "Español", "Russian"..."""
    return terms(lang)["masthead"]["language"]


def masthead_lang(lang: str) -> str:
    """The language the masthead is printed in: ru, zh and ar mastheads are in English."""
    return terms(lang)["masthead"]["language_of_masthead"]


def original_line(orig: str, lang: str, modern: bool = False) -> str:
    """``Original: anglais`` (Vienna and older French), ``Original\u00a0: anglais`` when modern."""
    masthead = terms(lang)["masthead"]
    separator = masthead["original_separator_modern" if modern else "original_separator"]
    return f"{masthead['original_label']}{separator}{language_name(orig, masthead_lang(lang))}"


def distribution_line(kind: str, lang: str) -> str:
    """``Distr.: General`` (en), ``Distr. limitée`` (fr), ``Distr. general`` (es)."""
    forms = terms(lang)["masthead"]["distribution"]
    if kind not in forms:
        raise DraftingError(f"unknown distribution {kind!r}: use one of {', '.join(DISTRIBUTION_KINDS)}")
    return forms[kind]


def distribution_kind(text: str) -> str | None:
    """"general", "limited" or "restricted" for a printed Distr. line in any language, else None."""
    wanted = _fold(text)
    for lang in languages():
        masthead = terms(lang)["masthead"]
        for kind in DISTRIBUTION_KINDS:
            forms = [masthead["distribution"][kind], *masthead["distribution_variants"].get(kind, [])]
            if wanted in {_fold(f) for f in forms}:
                return kind
    return None


def quotation_marks(lang: str, profile: str | None = None) -> tuple[str, str]:
    """Opening and closing quotation marks; French has a "new_york" and a "vienna" profile."""
    quotes = terms(lang)["quotes"]
    profiles = quotes.get("profiles", {})
    profile = profile or quotes.get("default_profile")
    if profile is None or not profiles:
        return quotes["open"], quotes["close"]
    if profile not in profiles:
        raise DraftingError(f"unknown quotation profile {profile!r} for {lang}: use one of {', '.join(profiles)}")
    return profiles[profile]["open"], profiles[profile]["close"]


def footnote_marker_position(lang: str) -> str:
    """"after_punctuation" (en) or "before_punctuation" (fr, es): where a footnote number goes."""
    return terms(lang)["footnotes"]["marker_position"]


def space_before_colon(lang: str, modern: bool = False) -> str:
    """The space printed before ``:`` ``;`` ``!`` ``?``: none, or a no-break space (modern French)."""
    punctuation = terms(lang)["punctuation"]
    return punctuation["space_before_colon_modern" if modern else "space_before_colon"]


def resolution_punctuation(lang: str) -> dict[str, str]:
    """The marks that end the organ line, preambular, operative and last operative paragraphs."""
    return dict(terms(lang)["resolution"])


# --- sub-paragraph labels --------------------------------------------------------------------

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman_numeral(n: int) -> str:
    """Lower-case roman numeral (1 -> "i", 14 -> "xiv")."""
    if n < 1:
        raise ValueError("roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def point_label(index: int, level: int, lang: str) -> str:
    """The printed label of the index-th (0-based) point: level 0 letters, level 1 numerals.

    ``point_label(0, 0, "fr")`` -> "a)", ``(0, 0, "en")`` -> "(a)", ``(1, 1, "en")`` -> "(ii)".
    After the last letter the UN doubles it: (z), (aa), (bb).
    """
    if index < 0:
        raise DraftingError(f"point index must be 0 or more, not {index}")
    labels = terms(lang)["labels"]
    if level == 0:
        letters = labels["letters"]
        rounds, position = divmod(index, len(letters))
        return labels["level0"].format(label=letters[position] * (rounds + 1))
    if level == 1:
        if labels["level1_numerals"] == "roman":
            number = roman_numeral(index + 1)
        else:
            number = str(index + 1)
        return labels["level1"].format(label=number)
    raise DraftingError(f"sub-paragraph level {level} has no label form (levels 0 and 1 only)")


# --- preambular and operative openings -------------------------------------------------------


def preambular_key(text: str, lang: str) -> str | None:
    """The AKN name of a preambular paragraph from its opening words (``Rappelant`` -> recalling)."""
    return _opening_key(text, lang, "preambular")


def operative_key(text: str, lang: str) -> str | None:
    """The English lower camel name of an operative paragraph's opening verb (``Prie`` -> requests)."""
    return _opening_key(text, lang, "operative")


def _opening_key(text: str, lang: str, table: str) -> str | None:
    data = terms(lang)
    text = _clean_opening(text)
    for prefix in data.get("opening_prefixes", {}).get("strip", []):
        if text.startswith(prefix):
            text = text[len(prefix):].lstrip()
            break
    folded = text.casefold()
    by_initial, every = _openings_by_initial(lang, table)
    for phrase, name in (every if every is not None else by_initial.get(folded[:1], ())):
        rest = _after_phrase(folded, phrase)
        if rest is None:
            continue
        for modifier, suffix in data.get("opening_modifiers", {}).items():
            if _after_phrase(rest.lstrip(), modifier.casefold()) is not None:
                return name + suffix
        return name
    return None


@lru_cache(maxsize=None)
def _openings(lang: str, table: str) -> tuple[tuple[str, str], ...]:
    """Openings of a table, longest first, so "Prenant note" wins over "Prenant"."""
    entries = [(_clean_opening(k), v) for k, v in terms(lang).get(table, {}).items()]
    return tuple(sorted(entries, key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=None)
def _folded_openings(lang: str, table: str) -> tuple[tuple[str, str], ...]:
    """``_openings`` with each phrase case-folded once, not at every paragraph."""
    return tuple((phrase.casefold(), name) for phrase, name in _openings(lang, table))


@lru_cache(maxsize=None)
def _openings_by_initial(lang: str, table: str):
    """The folded openings by their first character, each list in the longest-first order: only
    those can open a text starting with that character. (Every opening, when one is empty.)"""
    folded = _folded_openings(lang, table)
    if any(not phrase for phrase, _ in folded):
        return {}, folded
    groups: dict[str, list[tuple[str, str]]] = {}
    for phrase, name in folded:
        groups.setdefault(phrase[0], []).append((phrase, name))
    return {initial: tuple(entries) for initial, entries in groups.items()}, None


def _clean_opening(text: str) -> str:
    """Drop markup and a paragraph number before the opening words; unify apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    text = _OPENING_MARKUP.sub("", text)
    return _STARS_UNDERSCORES.sub("", text)


_OPENING_MARKUP = lazy_compile(r"^[\s*_\"“«]*(?:\d+\.\s*)?[\s*_]*")
_STARS_UNDERSCORES = re.compile(r"[*_]")


def _after_phrase(folded: str, phrase: str) -> str | None:
    """The text after ``phrase`` when ``folded`` starts with it as whole words, else None."""
    if not folded.startswith(phrase):
        return None
    rest = folded[len(phrase):]
    if rest and (rest[0].isalpha() and not _is_cjk(rest[0])):
        return None  # "Notant" must not match "Notamment"
    return rest


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


# --- dates -----------------------------------------------------------------------------------


def _month_name(d: _dt.date, lang: str) -> str:
    dates = terms(lang)["dates"]
    source = dates["month_names_from"]
    if source == "cldr":
        return _cldr_months(dates["cldr_locale"])[d.month - 1]
    if source == "data":
        return dates["months"][d.month - 1]
    return str(d.month)


@lru_cache(maxsize=None)
def _cldr_months(cldr_locale: str) -> tuple[str, ...]:
    """CLDR's month names of a locale as babel gives them, in the format context and wide (what
    the pattern "MMMM" prints: genitive in Russian, "октября"). Importing babel and loading a
    locale's data costs about 20 ms, more than reading a Word file, for twelve words: they are
    kept beside this package's bytecode as the parsed data files are, and used while babel's
    data file of the locale is the same file (its path, size and time of change, as Python checks
    a source against its bytecode); babel stays their one source."""
    key = _babel_data_stamp(cldr_locale)
    kept_at = _kept_path(_DATA / f"cldr-months-{cldr_locale}") if key is not None else None
    data = _kept(kept_at, key) if key is not None else None
    if data is None:
        from babel.dates import get_month_names

        names = get_month_names("wide", "format", locale=cldr_locale)
        data = {"months": [names[m] for m in range(1, 13)]}
        if key is not None:
            _keep(kept_at, key, data)
    return tuple(data["months"])


def _babel_data_stamp(cldr_locale: str) -> tuple[str, int, int] | None:
    """(path, size, time of change) of babel's data file of the locale, found without importing
    babel; None where there is no such file to check against."""
    from importlib.util import find_spec

    spec = find_spec("babel")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "locale-data" / f"{cldr_locale}.dat"
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path), stat.st_size, stat.st_mtime_ns


def _day(d: _dt.date, lang: str) -> str:
    first = terms(lang)["dates"].get("first_day")
    return first if d.day == 1 and first else str(d.day)


def _date_fields(d: _dt.date, lang: str, n: str = "") -> dict[str, str]:
    return {f"day{n}": _day(d, lang), f"month{n}": _month_name(d, lang),
            f"m{n}": str(d.month), f"year{n}": str(d.year)}


@lru_cache(maxsize=4096)
def format_date(d: _dt.date, lang: str) -> str:
    """A date in the UN form of the language: ``12 octobre 2011``, ``1er juillet 2006``,
    ``12 de octubre de 2011``, ``12 октября 2011 года``, ``2011年10月12日``,
    ``12 تشرين الأول/أكتوبر 2011``."""
    return terms(lang)["dates"]["pattern"].format(**_date_fields(d, lang))


def masthead_date(d: _dt.date, lang: str) -> str:
    """The date as printed in the masthead: ru, zh and ar mastheads print the English form."""
    return format_date(d, masthead_lang(lang))


def format_date_range(d1: _dt.date, d2: _dt.date, lang: str) -> str:
    """``10-12 octobre 2011``, ``15 a 19 de octubre de 2012``, ``2012年11月26日至12月7日``."""
    if d2 < d1:
        raise DraftingError(f"date range ends ({d2}) before it starts ({d1})")
    if d1 == d2:
        return format_date(d1, lang)
    dates = terms(lang)["dates"]
    if (d1.year, d1.month) == (d2.year, d2.month):
        pattern = dates["range_same_month"]
    elif d1.year == d2.year:
        pattern = dates["range_same_year"]
    else:
        pattern = dates["range_other"]
    return pattern.format(**_date_fields(d1, lang, "1"), **_date_fields(d2, lang, "2"))


# Arabic-Indic and Persian digits read as Western ones (same length, so offsets stay right).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_NUMERIC_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/])")
_ISO = re.compile(r"(?<![\d\-])(\d{4})-(\d{2})-(\d{2})(?![\d\-])")


@lru_cache(maxsize=None)
def _month_numbers(lang: str) -> dict[str, int]:
    """Every month spelling the language's data file knows, folded, -> month number (cached:
    read-only)."""
    dates = terms(lang)["dates"]
    names = {_fold(name): i for i, name in enumerate(dates["months"], start=1)}
    names.update({_fold(name): n for name, n in dates.get("month_aliases", {}).items()})
    return names


@lru_cache(maxsize=None)
def _date_regexes(lang: str) -> tuple[re.Pattern, ...]:
    """Regexes for the UN pattern and the variants of a language, built from the data file."""
    dates = terms(lang)["dates"]
    months = sorted(_month_numbers(lang), key=len, reverse=True)
    month_alt = "|".join(re.escape(m) for m in months) or r"(?!)"
    suffixes = [re.escape(s) for s in dates.get("day_suffixes", [])]
    if dates.get("first_day"):
        suffixes.append(re.escape(dates["first_day"][1:]))
    day_suffix = f"(?:{'|'.join(suffixes)})?" if suffixes else ""
    pieces = {
        "{day}": rf"(?P<day>\d{{1,2}}){day_suffix}",
        "{month}": rf"(?P<month>{month_alt})",
        "{m}": r"(?P<m>\d{1,2})",
        "{year}": r"(?P<year>\d{4})",
    }
    out = []
    for pattern in [dates["pattern"], *dates.get("variants", [])]:
        regex = ""
        for token in re.split(r"(\{\w+\})", pattern):
            if token in pieces:
                regex += pieces[token]
            else:
                regex += r"\s+".join(re.escape(word) for word in token.split(" "))
        start_guard = r"(?<!\d)" if pattern.startswith(("{day}", "{year}", "{m}")) else r"(?<!\w)"
        last = pattern[-1]
        end_guard = r"(?!\d)" if pattern.endswith(("}",)) else (
            r"(?!\w)" if last.isalpha() and not _is_cjk(last) else "")
        out.append(re.compile(start_guard + regex + end_guard, re.IGNORECASE))
    return tuple(out)


@lru_cache(maxsize=None)
def _may_hold_date(lang: str) -> re.Pattern | None:
    """One search that every date of the language matches: the figures of a numeric or ISO
    date, or a month name as the forms' patterns spell it (when every form names its month).
    Most stretches of text around a year hold no date, and this one search tells, where each
    form would be searched for in turn. None when a form names no month (Chinese)."""
    dates = terms(lang)["dates"]
    if not all("{month}" in p for p in [dates["pattern"], *dates.get("variants", [])]):
        return None
    months = sorted(_month_numbers(lang), key=len, reverse=True)
    if not months:
        return None
    # (the class of first letters only lets the search skip quickly to where a name may start)
    initials = "".join(sorted({re.escape(m[0]) for m in months}))
    names = "|".join(re.escape(m) for m in months)
    return re.compile(rf"\d[/.\-]\d|(?=[{initials}])(?:{names})", re.IGNORECASE)


# Cyrillic, Arabic, and the CJK punctuation, kana and ideographs: no letter of theirs matches an
# ASCII one, even ignoring case (as "ſ" matches "s" and the Kelvin sign "k")
_OTHER_SCRIPTS = ((0x0400, 0x04FF), (0x0600, 0x06FF), (0x3000, 0x9FFF))


def _in_other_script(text: str) -> bool:
    return any(low <= ord(ch) <= high for ch in text for low, high in _OTHER_SCRIPTS)


@lru_cache(maxsize=None)
def _dates_written_in_other_scripts(lang: str) -> bool:
    """Does every date form of the language that its patterns read hold a letter of another
    script than Latin (its month names, or a word of the form itself: "年", "года")? Then no
    ASCII text holds one, and only the numeric forms need a look."""
    dates = terms(lang)["dates"]
    months_foreign = all(_in_other_script(name) for name in _month_numbers(lang))
    for form in [dates["pattern"], *dates.get("variants", [])]:
        literal = re.sub(r"\{\w+\}", "", form)
        if not (_in_other_script(literal) or ("{month}" in form and _month_numbers(lang) and months_foreign)):
            return False
    return True


def _date_from_match(m: re.Match, lang: str) -> _dt.date | None:
    groups = m.groupdict()
    if groups.get("month") is not None:
        month = _month_numbers(lang).get(_fold(groups["month"]))
    else:
        month = int(groups["m"])
    try:
        return _dt.date(int(groups["year"]), month, int(groups["day"]))
    except (TypeError, ValueError):
        return None


def _numeric_date(first: int, second: int, year: int) -> _dt.date | None:
    """``12/10/2011``: day first as the UN outside the United States would read it, unless
    only the month-first reading is a date (``10/25/2011``)."""
    for day, month in ((first, second), (second, first)):
        try:
            return _dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _candidates(text: str, lang: str) -> list[tuple[int, int, _dt.date]]:
    """Every date-shaped span of ``text`` in the language's forms and numeric forms."""
    # (ASCII text has no other digits or spaces to read: most windows of a text are ASCII)
    ascii_text = text.isascii()
    readable = text if ascii_text else text.translate(_DIGITS).translate(_SPACES)
    found = []
    # (a language whose every written-out date holds a letter of another script, as Arabic,
    # Chinese and Russian dates do, has none in ASCII text: parse_date asks each language in
    # turn, and an English masthead date then costs those languages' patterns nothing)
    if not (ascii_text and _dates_written_in_other_scripts(lang)):
        may_hold = _may_hold_date(lang)
        if may_hold is not None and not may_hold.search(readable):
            return found   # (the numeric forms below also hold a digit, a separator, a digit)
        for regex in _date_regexes(lang):
            for m in regex.finditer(readable):
                d = _date_from_match(m, lang)
                if d is not None:
                    found.append((m.start(), m.end(), d))
    for m in _NUMERIC_DMY.finditer(readable):
        d = _numeric_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d is not None:
            found.append((m.start(), m.end(), d))
    for m in _ISO.finditer(readable):
        try:
            found.append((m.start(), m.end(), _dt.date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            pass
    return found


def date_spans(text: str, lang: str) -> list[tuple[int, int, _dt.date]]:
    """Full dates (with a year) in running text: (start, end, date), in order. Within a range
    only the last, complete date is found ("10-12 octobre 2011" -> "12 octobre 2011")."""
    check_lang(lang)
    spans = sorted(_candidates(text, lang), key=lambda s: (s[0], -(s[1] - s[0])))
    result = []
    last_end = -1
    for start, end, d in spans:
        if start < last_end:
            continue  # overlaps a longer match already taken
        result.append((start, end, d))
        last_end = end
    return result


def find_dates(text: str, lang: str) -> list[tuple[int, int, _dt.date, bool]]:
    """``date_spans`` with whether each date is printed in the UN form: (start, end, date,
    is_un_form). ``is_un_form`` is False for ``October 12, 2011``, ``12/10/2011``,
    ``1 juillet 2006`` (no "er"), ``12 Octobre 2011`` (capital) or Arabic-Indic digits. (The
    readers, which need not know, ask ``date_spans``: the UN form is printed with the month
    names babel gives.)"""
    out = []
    for start, end, d in date_spans(text, lang):
        printed = text[start:end]
        printed = printed if printed.isascii() else printed.translate(_SPACES)
        out.append((start, end, d, printed == format_date(d, lang)))
    return out


def parse_date(text: str, lang: str | None = None) -> _dt.date | None:
    """The date of a whole date string (a masthead date) in any of the six languages, or None.

    ``lang`` is tried first. Reads ``17 février 2010``, ``1er juillet 2006``,
    ``1° de febrero de 2003``, ``12 OCTOBER 2011``, ``12 октября 2011 года``, ``2011年10月12日``,
    ``12 تشرين الأول/أكتوبر 2011``, and numeric forms (day first).
    """
    if not text or not text.strip():
        return None
    stripped = text.strip()
    for candidate in dict.fromkeys([stripped, stripped.rstrip(".").rstrip()]):
        for code in _langs_to_try(lang):
            for start, end, d in _candidates(candidate, code):
                if start == 0 and end == len(candidate):
                    return d
    return None


# --- helpers ---------------------------------------------------------------------------------


def _langs_to_try(lang: str | None) -> list[str]:
    if lang is None:
        return list(languages())
    check_lang(lang)
    return [lang, *(other for other in languages() if other != lang)]


def _fold(text: str) -> str:
    """Compare words regardless of case, spacing and Unicode composition."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return " ".join(text.split()).casefold()


# --- what check knows of each language -------------------------------------------------------


def run_together_words(lang: str) -> dict[str, Any] | None:
    """What the words-run-together rule knows of a language (one-letter words, bound prefixes
    and suffixes, solid compounds), or None when the language is not read for it (Chinese has
    no spaces to lose, Arabic joins its clitics)."""
    if lang not in languages():
        return None
    words = terms(lang).get("check", {}).get("words", {})
    return words if words.get("checked") else None


def official_records_names() -> tuple[str, ...]:
    """The series line of an Official Records volume in every language ("Official Records")."""
    return tuple(terms(lang)["check"]["official_records"] for lang in languages())


def organization_names() -> tuple[str, ...]:
    """The organization's name in every language, as title pages and mastheads print it."""
    return tuple(name for lang in languages() for name in terms(lang)["reader"]["organization"])


def main_committee_word(lang: str) -> str:
    """The word for a Main Committee in its report's title: "Committee", "Commission"."""
    return terms(lang)["check"]["committee"]


_SCRIPTS = (("ru", "\u0400", "\u04ff"), ("ar", "\u0600", "\u06ff"), ("zh", "\u4e00", "\u9fff"))


def passage_language(text: str) -> str | None:
    """The language a passage is written in, told by its script (Cyrillic, Arabic, Chinese
    characters) or, in the Latin script, by the function words common in one language and rare
    in the others; None when the passage is too short to tell."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return None
    for lang, low, high in _SCRIPTS:
        if sum(1 for c in letters if low <= c <= high) * 2 > len(letters):
            return lang
    hits = dict.fromkeys(_common_words(), 0)
    for word in re.findall(r"\w+", text.casefold()):
        for lang, words in _common_words().items():
            if word in words:
                hits[lang] += 1
    best = max(hits, key=hits.get, default=None)
    if best is None or hits[best] < 3 or sorted(hits.values())[-2:] == [hits[best]] * 2:
        return None
    return best


@lru_cache(maxsize=1)
def _common_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(terms(lang)["check"]["common_words"]) for lang in languages()
            if terms(lang)["check"]["common_words"]}


def quotation_marks_of(lang: str) -> frozenset[str]:
    """Every quotation mark a language prints, outer and inner, in any house profile."""
    quotes = terms(lang)["quotes"]
    marks = {quotes["open"], quotes["close"], quotes["inner_open"], quotes["inner_close"]}
    for profile in (quotes.get("profiles") or {}).values():
        marks |= {profile["open"], profile["close"]}
    return frozenset(m.strip() for m in marks if m.strip())
