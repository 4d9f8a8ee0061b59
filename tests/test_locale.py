"""The six languages: words, dates, ordinals and labels (un-conventions.md)."""

import datetime as dt
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_date as babel_format_date

from drafting.errors import DraftingError
from drafting import locale
from drafting.locale import (
    CODE_SCHEMES,
    ISO639_2B,
    LANGS,
    akn_code,
    code,
    lang_of_code,
    languages,
    agenda_item_line,
    check_lang,
    distribution_kind,
    distribution_line,
    document_kind,
    find_dates,
    footnote_marker_position,
    format_date,
    format_date_range,
    language_name,
    masthead_date,
    masthead_language,
    operative_key,
    original_line,
    parse_date,
    parse_session_ordinal,
    point_label,
    preambular_key,
    quotation_marks,
    resolution_punctuation,
    session_ordinal,
    space_before_colon,
    terms,
)

OCT_12 = dt.date(2011, 10, 12)


def test_langs_and_codes():
    assert languages() == LANGS == ("ar", "zh", "en", "fr", "ru", "es")
    # ISO 639-2/B differs from 639-2/T for Chinese and French; the model writes the profile's codes
    assert ISO639_2B == {"ar": "ara", "zh": "chi", "en": "eng", "fr": "fre", "ru": "rus", "es": "spa"}
    assert {lang: code(lang, "iso639_2t") for lang in LANGS}["zh"] == "zho"
    assert [akn_code(lang) for lang in LANGS] == ["ara", "chi", "eng", "fra", "rus", "spa"]


@pytest.mark.parametrize("scheme", CODE_SCHEMES)
@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_codes_round_trip(lang, scheme):
    printed = code(lang, scheme)
    assert lang_of_code(printed) == lang
    assert lang_of_code(printed.upper()) == lang
    assert lang_of_code(lang) == lang


def test_unknown_codes():
    assert lang_of_code("deu") is None and lang_of_code("") is None and lang_of_code(None) is None
    with pytest.raises(DraftingError, match="scheme"):
        code("fr", "iso639_5")
    with pytest.raises(DraftingError, match="ar, zh, en, fr, ru, es"):
        code("de", "akn")


def test_check_lang_lists_the_valid_codes():
    assert check_lang("fr") == "fr"
    with pytest.raises(DraftingError, match="ar, zh, en, fr, ru, es"):
        check_lang("de")
    with pytest.raises(DraftingError):
        terms("EN")


def test_every_data_file_has_the_same_sections():
    keys = {lang: set(terms(lang)) for lang in LANGS}
    required = {"document_kinds", "agenda", "masthead", "language_names", "sessions", "labels",
                "quotes", "footnotes", "resolution", "dates", "preambular", "operative", "reader"}
    for lang in LANGS:
        assert required <= keys[lang], lang
        assert set(terms(lang)["document_kinds"]) == set(terms("en")["document_kinds"]), lang
        assert set(terms(lang)["language_names"]) == set(LANGS), lang


# Tables whose keys are the words themselves (an opening, a month spelling, a profile name):
# each language has its own. Every other table has the same keys in every language.
WORD_TABLES = {"preambular", "operative", "opening_modifiers", "dates.month_aliases", "quotes.profiles"}


def _schema(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        if isinstance(value, dict) and prefix + key not in WORD_TABLES:
            keys |= _schema(value, f"{prefix}{key}.")
        else:
            keys.add(prefix + key)
    return keys


def test_every_data_file_has_the_same_tables_and_keys():
    schemas = {lang: _schema(terms(lang)) for lang in LANGS}
    every = set().union(*schemas.values())
    assert {lang: sorted(every - schema) for lang, schema in schemas.items()} == {lang: [] for lang in LANGS}


def _empty_keys(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict) and prefix + key not in WORD_TABLES:
            yield from _empty_keys(value, f"{prefix}{key}.")
        elif value in ("", []):
            yield prefix + key


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_a_word_a_language_lacks_is_said_so(lang):
    """Where another language has words and this one none, its data file says why on that line
    ("unverified", or the reason the form does not exist)."""
    lines = (Path(locale.__file__).parent / f"{lang}.toml").read_text("utf-8").splitlines()
    others = [terms(other) for other in LANGS if other != lang]
    silent = []
    for dotted in _empty_keys(terms(lang)):
        *tables, key = dotted.split(".")
        if not any(_get(other, tables + [key]) for other in others):
            continue  # no language has words there
        table_start = lines.index(f"[{'.'.join(tables)}]") if tables else 0
        line = next(i for i in range(table_start, len(lines)) if lines[i].startswith(f"{key} ="))
        said = "#" in lines[line] or lines[line - 1].lstrip().startswith("#")
        if not said:
            silent.append(dotted)
    assert silent == []


def _get(table: dict, path: list[str]):
    for key in path:
        table = table.get(key, {}) if isinstance(table, dict) else {}
    return table


def test_the_loader_is_lazy_and_reads_each_file_once():
    """Importing the program (the command line, every reader and writer) opens no TOML file; a
    date in French then reads the list of languages and fr.toml, once each."""
    code = ("import sys\n"
            "opened = []\n"
            "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open'"
            " and str(args[0]).endswith('.toml') else None)\n"
            "import drafting.cli, drafting.readers.text, drafting.readers.pdf, drafting.readers.docx\n"
            "import drafting.readers.markdown, drafting.writers.docx, drafting.writers.markdown, drafting.generate\n"
            "import drafting.locale as locale\n"
            "assert opened == [] and locale.loaded() == (), (opened, locale.loaded())\n"
            "locale.format_date(__import__('datetime').date(2011, 10, 12), 'fr')\n"
            "locale.parse_date('12 octobre 2011', 'fr')\n"
            "assert len(opened) == 2, opened\n"
            "print(' '.join(locale.loaded()))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["languages", "fr"]


# --- recurring words (the table of un-conventions.md) ----------------------------------------

WORDS = {
    "draft_report": ("Draft report", "Projet de rapport", "Proyecto de informe", "Проект доклада", "报告草稿", "مشروع التقرير"),
    "addendum": ("Addendum", "Additif", "Adición", "Добавление", "增编", "إضافة"),
    "corrigendum": ("Corrigendum", "Rectificatif", "Corrección", "Исправление", "更正", "تصويب"),
    "revision": ("Revision", "Révision", "Revisión", "Пересмотренный вариант", "修订", "تنقيح"),
    "draft_resolution": ("Draft resolution", "Projet de résolution", "Proyecto de resolución", "Проект резолюции", "决议草案", "مشروع قرار"),
    "note_by_the_secretariat": ("Note by the Secretariat", "Note du Secrétariat", "Nota de la Secretaría", "Записка Секретариата", "秘书处的说明", "مذكرة من الأمانة العامة"),
}


@pytest.mark.parametrize("kind", sorted(WORDS))
def test_document_kinds(kind):
    assert tuple(document_kind(kind, lang) for lang in ("en", "fr", "es", "ru", "zh", "ar")) == WORDS[kind]


def test_unknown_document_kind():
    with pytest.raises(DraftingError, match="unknown document kind"):
        document_kind("memo", "en")


@pytest.mark.parametrize(
    "lang, provisional, expected",
    [
        ("en", True, "Item 5 of the provisional agenda"),
        ("fr", True, "Point 5 de l'ordre du jour provisoire"),
        ("es", True, "Tema 5 del programa provisional"),
        ("ru", True, "Пункт 5 предварительной повестки дня"),
        ("zh", True, "临时议程项目5"),
        ("ar", True, "البند 5 من جدول الأعمال المؤقت"),
        ("en", False, "Item 5 of the agenda"),
        ("fr", False, "Point 5 de l'ordre du jour"),
        ("es", False, "Tema 5 del programa"),
    ],
)
def test_agenda_item_line(lang, provisional, expected):
    assert agenda_item_line(5, lang, provisional=provisional) == expected


def test_agenda_item_keeps_the_printed_item():
    assert agenda_item_line("2 d)", "fr") == "Point 2 d) de l'ordre du jour provisoire"


# --- masthead --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, general, limited",
    [
        ("en", "Distr.: General", "Distr.: Limited"),
        ("fr", "Distr. générale", "Distr. limitée"),
        ("es", "Distr. general", "Distr. limitada"),
        ("ru", "Distr.: General", "Distr.: Limited"),
        ("zh", "Distr.: General", "Distr.: Limited"),
        ("ar", "Distr.: General", "Distr.: Limited"),
    ],
)
def test_distribution_line(lang, general, limited):
    assert distribution_line("general", lang) == general
    assert distribution_line("limited", lang) == limited
    assert distribution_kind(general) == "general"
    assert distribution_kind(limited) == "limited"


def test_distribution_line_restricted_and_old_capitals():
    assert distribution_line("restricted", "en") == "Distr.: Restricted"
    assert distribution_kind("Distr. GENERAL") == "general"
    assert distribution_kind("Distr.: Limitada") == "limited"
    assert distribution_kind("Distr.  générale") == "general"
    assert distribution_kind("Distribution") is None
    with pytest.raises(DraftingError, match="general, limited, restricted"):
        distribution_line("secret", "en")


@pytest.mark.parametrize(
    "lang, expected",
    [("fr", "Français"), ("en", "English"), ("es", "Español"), ("ru", "Russian"), ("zh", "Chinese"), ("ar", "Arabic")],
)
def test_masthead_language(lang, expected):
    assert masthead_language(lang) == expected


@pytest.mark.parametrize(
    "orig, lang, expected",
    [
        ("en", "fr", "Original: anglais"),
        ("fr", "fr", "Original: français"),
        ("es", "fr", "Original: espagnol"),
        ("en", "es", "Original: inglés"),
        ("fr", "es", "Original: francés"),
        ("en", "en", "Original: English"),
        ("fr", "en", "Original: French"),
        ("en", "ru", "Original: English"),
        ("ar", "zh", "Original: Arabic"),
        ("en", "ar", "Original: English"),
    ],
)
def test_original_line(orig, lang, expected):
    assert original_line(orig, lang) == expected


def test_modern_french_original_line_has_a_no_break_space():
    assert original_line("en", "fr", modern=True) == "Original\u00a0: anglais"
    assert original_line("en", "en", modern=True) == "Original: English"


@pytest.mark.parametrize(
    "lang, in_lang, expected",
    [("en", "fr", "anglais"), ("ru", "fr", "russe"), ("zh", "es", "chino"), ("ar", "es", "árabe"),
     ("es", "en", "Spanish"), ("en", "ru", "английский")],
)
def test_language_name(lang, in_lang, expected):
    assert language_name(lang, in_lang) == expected


# --- session ordinals ------------------------------------------------------------------------

ORDINALS = {
    "en": ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
           "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
           "Eighteenth", "Nineteenth", "Twentieth"],
    "fr": ["Première", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième",
           "Huitième", "Neuvième", "Dixième", "Onzième", "Douzième", "Treizième", "Quatorzième",
           "Quinzième", "Seizième", "Dix-septième", "Dix-huitième", "Dix-neuvième", "Vingtième"],
    "es": ["Primer", "Segundo", "Tercer", "Cuarto", "Quinto", "Sexto", "Séptimo", "Octavo", "Noveno",
           "Décimo", "Undécimo", "Duodécimo", "Decimotercer", "Decimocuarto", "Decimoquinto",
           "Decimosexto", "Decimoséptimo", "Decimoctavo", "Decimonoveno", "Vigésimo"],
    "ru": ["Первая", "Вторая", "Третья", "Четвертая", "Пятая", "Шестая", "Седьмая", "Восьмая", "Девятая",
           "Десятая", "Одиннадцатая", "Двенадцатая", "Тринадцатая", "Четырнадцатая", "Пятнадцатая",
           "Шестнадцатая", "Семнадцатая", "Восемнадцатая", "Девятнадцатая", "Двадцатая"],
    "zh": ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
           "十六", "十七", "十八", "十九", "二十"],
    "ar": ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
           "العاشرة", "الحادية عشرة", "الثانية عشرة", "الثالثة عشرة", "الرابعة عشرة", "الخامسة عشرة",
           "السادسة عشرة", "السابعة عشرة", "الثامنة عشرة", "التاسعة عشرة", "العشرون"],
}
SESSION_WORD = {"en": "{} session", "fr": "{} session", "es": "{} período de sesiones", "ru": "{} сессия",
                "zh": "第{}届会议", "ar": "الدورة {}"}


@pytest.mark.parametrize("lang", LANGS)
def test_session_ordinals_1_to_20(lang):
    expected = [SESSION_WORD[lang].format(word) for word in ORDINALS[lang]]
    assert [session_ordinal(n, lang) for n in range(1, 21)] == expected


@pytest.mark.parametrize(
    "n, lang, expected",
    [
        (21, "fr", "Vingt et unième session"),
        (60, "fr", "Soixantième session"),
        (71, "fr", "Soixante et onzième session"),
        (72, "fr", "Soixante-douzième session"),
        (80, "fr", "Quatre-vingtième session"),
        (21, "es", "Vigésimo primer período de sesiones"),
        (72, "es", "Septuagésimo segundo período de sesiones"),
        (72, "ru", "Семьдесят вторая сессия"),
        (72, "zh", "第七十二届会议"),
        (72, "ar", "الدورة الثانية والسبعون"),
        (72, "en", "Seventy-second session"),
        (60, "en", "Sixtieth session"),
    ],
)
def test_session_ordinals_beyond_20(n, lang, expected):
    assert session_ordinal(n, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_session_ordinals_read_back(lang):
    for n in range(1, 101):
        assert parse_session_ordinal(session_ordinal(n, lang), lang) == n
    assert parse_session_ordinal("QUATRIÈME SESSION") == 4


def test_session_ordinal_out_of_range():
    with pytest.raises(DraftingError, match="session 0"):
        session_ordinal(0, "en")
    with pytest.raises(DraftingError, match="1 to 100"):
        session_ordinal(101, "fr")


# --- labels, quotes, punctuation --------------------------------------------------------------


@pytest.mark.parametrize(
    "index, level, lang, expected",
    [
        (0, 0, "fr", "a)"),
        (0, 0, "en", "(a)"),
        (3, 0, "es", "d)"),
        (0, 0, "ru", "a)"),
        (2, 0, "zh", "(c)"),
        (0, 0, "ar", "(أ)"),
        (4, 0, "ar", "(هـ)"),
        (1, 1, "en", "(ii)"),
        (3, 1, "fr", "iv)"),
        (8, 1, "es", "ix)"),
        (13, 1, "en", "(xiv)"),
        (25, 0, "en", "(z)"),
        (26, 0, "en", "(aa)"),
        (27, 0, "fr", "bb)"),
    ],
)
def test_point_label(index, level, lang, expected):
    assert point_label(index, level, lang) == expected


def test_arabic_letters_are_the_abjad_sequence():
    letters = [point_label(i, 0, "ar") for i in range(10)]
    assert letters == ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)", "(ز)", "(ح)", "(ط)", "(ي)"]


def test_point_label_rejects_unknown_levels():
    with pytest.raises(DraftingError):
        point_label(0, 2, "en")
    with pytest.raises(DraftingError):
        point_label(-1, 0, "en")


def test_quotation_marks():
    assert quotation_marks("en") == ("“", "”")
    assert quotation_marks("es") == ("“", "”")
    assert quotation_marks("ru") == ("«", "»")
    assert quotation_marks("zh") == ("“", "”")
    assert quotation_marks("fr", "vienna") == ("“", "”")
    assert quotation_marks("fr", "new_york")[0].startswith("«")
    assert quotation_marks("fr")[1].endswith("»")
    with pytest.raises(DraftingError, match="vienna"):
        quotation_marks("fr", "geneva")


def test_footnote_marker_and_french_spacing():
    assert footnote_marker_position("en") == "after_punctuation"
    assert footnote_marker_position("fr") == "before_punctuation"
    assert footnote_marker_position("es") == "before_punctuation"
    assert space_before_colon("fr") == ""
    assert space_before_colon("fr", modern=True) == "\u00a0"
    assert space_before_colon("en", modern=True) == ""


def test_resolution_punctuation():
    assert resolution_punctuation("en") == {"organ_end": ",", "preambular_end": ",", "operative_end": ";", "final_end": "."}
    assert resolution_punctuation("fr")["operative_end"] == ";"
    assert resolution_punctuation("ar")["preambular_end"] == "،"
    assert resolution_punctuation("ar")["operative_end"] == "؛"


# --- dates: formatting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, day, expected",
    [
        ("en", OCT_12, "12 October 2011"),
        ("fr", OCT_12, "12 octobre 2011"),
        ("fr", dt.date(2006, 7, 1), "1er juillet 2006"),
        ("fr", dt.date(2010, 2, 17), "17 février 2010"),
        ("es", OCT_12, "12 de octubre de 2011"),
        ("es", dt.date(2012, 9, 20), "20 de septiembre de 2012"),
        ("ru", OCT_12, "12 октября 2011 года"),
        ("zh", OCT_12, "2011年10月12日"),
        ("ar", OCT_12, "12 تشرين الأول/أكتوبر 2011"),
        ("ar", dt.date(2011, 6, 3), "3 حزيران/يونيه 2011"),
        ("en", dt.date(2017, 8, 9), "9 August 2017"),
    ],
)
def test_format_date(lang, day, expected):
    assert format_date(day, lang) == expected


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "2 December 2014"), ("fr", "2 décembre 2014"), ("es", "2 de diciembre de 2014"),
     ("ru", "2 December 2014"), ("zh", "2 December 2014"), ("ar", "2 December 2014")],
)
def test_masthead_date(lang, expected):
    assert masthead_date(dt.date(2014, 12, 2), lang) == expected


@pytest.mark.parametrize(
    "lang, start, end, expected",
    [
        ("fr", dt.date(2011, 10, 10), OCT_12, "10-12 octobre 2011"),
        ("en", dt.date(2011, 10, 10), OCT_12, "10-12 October 2011"),
        ("es", dt.date(2012, 10, 15), dt.date(2012, 10, 19), "15 a 19 de octubre de 2012"),
        ("ru", dt.date(2015, 5, 4), dt.date(2015, 5, 15), "4-15 мая 2015 года"),
        ("zh", dt.date(2012, 11, 26), dt.date(2012, 12, 7), "2012年11月26日至12月7日"),
        ("zh", dt.date(2012, 11, 5), dt.date(2012, 11, 7), "2012年11月5日至7日"),
        ("en", dt.date(2012, 9, 28), dt.date(2012, 10, 2), "28 September-2 October 2012"),
        ("fr", dt.date(2012, 12, 28), dt.date(2013, 1, 4), "28 décembre 2012-4 janvier 2013"),
        ("es", dt.date(2012, 9, 28), dt.date(2012, 10, 2), "28 de septiembre a 2 de octubre de 2012"),
        ("zh", dt.date(2012, 12, 28), dt.date(2013, 1, 4), "2012年12月28日至2013年1月4日"),
        ("fr", dt.date(2008, 10, 8), dt.date(2008, 10, 17), "8-17 octobre 2008"),
        ("fr", dt.date(2006, 7, 1), dt.date(2006, 7, 3), "1er-3 juillet 2006"),
        ("ar", dt.date(2011, 10, 10), OCT_12, "10-12 تشرين الأول/أكتوبر 2011"),
        ("en", OCT_12, OCT_12, "12 October 2011"),
    ],
)
def test_format_date_range(lang, start, end, expected):
    assert format_date_range(start, end, lang) == expected


def test_date_range_backwards_is_an_error():
    with pytest.raises(DraftingError):
        format_date_range(OCT_12, dt.date(2011, 10, 10), "en")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru"])
def test_data_month_names_agree_with_babel(lang):
    """The data files keep the month names for parsing; babel formats them: they must agree."""
    months = terms(lang)["dates"]["months"]
    assert months == [babel_format_date(dt.date(2011, m, 12), "MMMM", locale=lang) for m in range(1, 13)]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru"])
def test_month_names_are_babels(lang):
    """A date prints CLDR's month name as babel gives it, whether read from babel or kept."""
    cldr = terms(lang)["dates"]["cldr_locale"]
    for month in range(1, 13):
        day = dt.date(2011, month, 12)
        assert babel_format_date(day, "MMMM", locale=cldr) in format_date(day, lang).split(" ")


def test_month_names_are_kept_and_babel_is_not_imported_again(tmp_path):
    """The second program to print a date finds babel's month names kept beside the bytecode and
    does not import babel (20 ms); a kept file whose babel data file has changed is not used."""
    code = ("import sys, datetime\n"
            "from drafting.locale import format_date\n"
            "print(format_date(datetime.date(2011, 10, 12), 'ru'), 'babel' in sys.modules)\n")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "12 октября 2011 года True"
    assert run() == "12 октября 2011 года False"
    kept = list(tmp_path.rglob("cldr-months-ru.*.marshal"))
    assert len(kept) == 1
    key, data = marshal.loads(kept[0].read_bytes())
    kept[0].write_bytes(marshal.dumps(((key[0], key[1] + 1, key[2]), {"months": ["x"] * 12})))
    assert run() == "12 октября 2011 года True"     # another babel: read from babel again


# --- dates: parsing --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("month", range(1, 13))
def test_format_then_parse_round_trip(lang, month):
    for day in (1, 9, 28):
        d = dt.date(2011, month, day)
        printed = format_date(d, lang)
        assert parse_date(printed, lang) == d, printed
        assert parse_date(printed) == d, printed
        prefix = "Le texte du "
        assert find_dates(f"{prefix}{printed}, puis.", lang) == [
            (len(prefix), len(prefix) + len(printed), d, True)
        ], printed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("17 février 2010", dt.date(2010, 2, 17)),
        ("1er juillet 2006", dt.date(2006, 7, 1)),
        ("12 de octubre de 2011", OCT_12),
        ("1° de febrero de 2003", dt.date(2003, 2, 1)),
        ("1º de febrero de 2003", dt.date(2003, 2, 1)),
        ("9 August 2017", dt.date(2017, 8, 9)),
        ("12 октября 2011 года", OCT_12),
        ("12 октября 2011 г.", OCT_12),
        ("2011年10月12日", OCT_12),
        ("12 تشرين الأول/أكتوبر 2011", OCT_12),
        ("١٢ تشرين الأول/أكتوبر ٢٠١١", OCT_12),
        ("12 OCTOBER 2011", OCT_12),
        ("12 OCTOBRE 2011", OCT_12),
        ("17 FEVRIER 2010", dt.date(2010, 2, 17)),
        ("  12 octobre 2011 ", OCT_12),
        ("12\u00a0octobre 2011", OCT_12),
        ("12 octobre 2011.", OCT_12),
        ("20 de setiembre de 2012", dt.date(2012, 9, 20)),
        ("October 12, 2011", OCT_12),
        ("2011-10-12", OCT_12),
        ("12/10/2011", OCT_12),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "31 février 2010", "Vienne, 10-12 octobre 2011", "octobre 2011", "12 octobre", "Distr. générale", "3/3"]
)
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_english_masthead_date_in_a_russian_document():
    assert parse_date("2 December 2014", "ru") == dt.date(2014, 12, 2)


def test_no_ascii_text_holds_a_written_out_date_of_arabic_chinese_or_russian():
    """parse_date asks every language in turn, and skips the patterns of a language whose
    written-out dates all hold a letter of another script when the text is ASCII: those
    patterns find nothing in it (every Latin month name of the six languages, in both cases,
    tried against them), and Latin languages are never skipped."""
    from drafting.locale import _date_regexes, _dates_written_in_other_scripts, _month_numbers

    assert {lang for lang in locale.languages() if _dates_written_in_other_scripts(lang)} == {"ar", "ru", "zh"}
    latin = [name for lang in ("en", "fr", "es") for name in _month_numbers(lang) if name.isascii()]
    texts = [f"{day} {form} 2011 {tail}" for day in ("1", "12", "1er", "1°") for name in latin
             for form in (name, name.upper(), name.title()) for tail in ("", "goda", "g.")]
    texts += ["2011年10月12日".encode("ascii", "replace").decode(), "12/10/2011", "2011-10-12"]
    for lang in ("ar", "ru", "zh"):
        for regex in _date_regexes(lang):
            assert not any(regex.search(text) for text in texts), (lang, regex.pattern)
    assert parse_date("12/10/2011", "ar") == OCT_12 and parse_date("2 December 2014", "zh") == dt.date(2014, 12, 2)


# --- dates: finding in running text ------------------------------------------------------------


def _found(text, lang):
    return [(text[s:e], d, ok) for s, e, d, ok in find_dates(text, lang)]


def test_find_dates_flags_french_forms():
    text = "Le 1 juillet 2006, le 1er juillet 2006, le 12 Octobre 2011 et les 10-12 octobre 2011."
    assert _found(text, "fr") == [
        ("1 juillet 2006", dt.date(2006, 7, 1), False),
        ("1er juillet 2006", dt.date(2006, 7, 1), True),
        ("12 Octobre 2011", OCT_12, False),
        ("12 octobre 2011", OCT_12, True),
    ]


def test_find_dates_flags_english_forms():
    text = "On October 12, 2011, on 12/10/2011 and on 12 October 2011; decisions 3/3 and 61/144."
    assert _found(text, "en") == [
        ("October 12, 2011", OCT_12, False),
        ("12/10/2011", OCT_12, False),
        ("12 October 2011", OCT_12, True),
    ]


def test_find_dates_in_seed_sentences():
    text = ("les résolutions de l'Assemblée générale 61/144 du 19 décembre 2006 et 61/180 du "
            "20 décembre 2006,")
    assert [(d, ok) for _, d, ok in _found(text, "fr")] == [
        (dt.date(2006, 12, 19), True), (dt.date(2006, 12, 20), True)]


def test_find_dates_other_languages():
    assert _found("del 15 a 19 de octubre de 2012 y el 1° de febrero de 2003", "es") == [
        ("19 de octubre de 2012", dt.date(2012, 10, 19), True),
        ("1° de febrero de 2003", dt.date(2003, 2, 1), False),
    ]
    assert _found("4-15 мая 2015 года и 12 октября 2011 г.", "ru") == [
        ("15 мая 2015 года", dt.date(2015, 5, 15), True),
        ("12 октября 2011 г.", OCT_12, False),
    ]
    assert _found("会议于2012年11月26日至12月7日举行", "zh") == [
        ("2012年11月26日", dt.date(2012, 11, 26), True)]
    assert _found("في 12 أكتوبر 2011 و12 تشرين الأول/أكتوبر 2011", "ar") == [
        ("12 أكتوبر 2011", OCT_12, False),
        ("12 تشرين الأول/أكتوبر 2011", OCT_12, True),
    ]


def test_find_dates_ignores_partial_dates_and_numbers():
    assert find_dates("le 27 janvier, en 2011, V.11-86235 (F), 10/12 et A/72/1", "fr") == []


# --- preambular and operative openings ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Rappelant les fonctions qui lui sont assignées", "fr", "recalling"),
        ("*Rappelant également* sa décision 3/3", "fr", "recallingAlso"),
        ("Rappelant en outre", "fr", "recallingFurther"),
        ("Ayant examiné les rapports du Secrétariat", "fr", "havingConsidered"),
        ("Prenant en compte le débat thématique", "fr", "takingIntoAccount"),
        ("Prenant note du rapport", "fr", "takingNote"),
        ("Se félicitant des résultats", "fr", "welcoming"),
        ("Convaincue que", "fr", "convinced"),
        ("Consciente de", "fr", "aware"),
        ("Profondément préoccupée par", "fr", "deeplyConcerned"),
        ("Réaffirmant", "fr", "reaffirming"),
        ("Notant également", "fr", "notingAlso"),
        ("Ayant à l’esprit", "fr", "bearingInMind"),
        ("Notamment", "fr", None),
        ("Recalling also its resolution", "en", "recallingAlso"),
        ("Deeply concerned", "en", "deeplyConcerned"),
        ("Noting with concern", "en", "notingWithConcern"),
        ("Noting that", "en", "noting"),
        ("Recordando también", "es", "recallingAlso"),
        ("Teniendo en cuenta", "es", "takingIntoAccount"),
        ("Acogiendo con beneplácito", "es", "welcoming"),
        ("Profundamente preocupada", "es", "deeplyConcerned"),
        ("وإذ تشير إلى قرارها", "ar", "recalling"),
        ("The General Assembly,", "en", None),
    ],
)
def test_preambular_key(text, lang, expected):
    assert preambular_key(text, lang) == expected


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_thirty_openings_per_language(lang):
    assert len(terms(lang)["preambular"]) >= 30
    assert len(terms(lang)["operative"]) >= 30
    names = set(terms(lang)["preambular"].values())
    assert all(name[0].islower() and " " not in name for name in names)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("1. *Affirme* que son but principal", "fr", "affirms"),
        ("*Prie instamment* les États Membres", "fr", "urges"),
        ("Prie également le Secrétariat", "fr", "requestsAlso"),
        ("Exhorte les États parties", "fr", "urges"),
        ("Requests the Secretary-General", "en", "requests"),
        ("Calls upon States", "en", "callsUpon"),
        ("Decide", "es", "decides"),
    ],
)
def test_operative_key(text, lang, expected):
    assert operative_key(text, lang) == expected


# --- the readers' words, gathered from the data files (drafting.locale.vocabulary) -------------


@pytest.mark.parametrize("line, number", [
    ("Eightieth session", 80), ("80th session", 80), ("5e session", 5), ("Sexto período de sesiones", 6)])
def test_session_lines_of_the_data(line, number):
    from drafting.readers.text_masthead import is_session_line, session_number

    assert is_session_line(line) and session_number(line) == number


def test_the_readers_words_come_from_the_data():
    from drafting.locale.vocabulary import vocabulary
    from drafting.readers import text_masthead as mh

    assert mh.is_session_line("الدورة الثمانون")  # the Arabic session word opens the line
    assert mh.agenda_item("Agenda item 5") == "5"
    assert mh.document_kind("Report of the Secretary-General") == ("report", [])
    assert mh.document_kind("秘书长的报告") == ("report", [])
    assert mh._split_sponsors("Group of 77 and China") == ["Group of 77 and China"]
    assert mh._split_sponsors("Australia y México") == ["Australia", "México"]
    assert [f.value for f in mh.masthead_fields("Distr.: Gén")] == ["general"]
    assert [f.value for f in mh.masthead_fields("French")] == ["fr"]
    assert vocabulary().recycle.match("Merci de recycler") and not vocabulary().recycle.match("Merci")
    assert vocabulary().reissued.match("Publié de nouveau pour raisons techniques")
    assert vocabulary().organization.fullmatch("Организация Объединенных Наций")


def test_vocabulary_norm_splits_where_the_pattern_did():
    """norm joins str.split's words: str.split and strip take exactly the characters \\s
    matches (every code point checked), so it gives what re.sub(r"\\s+", " ", ...).strip() gave."""
    import re

    from drafting.locale.vocabulary import norm

    space = re.compile(r"\s")
    assert [cp for cp in range(0x110000) if chr(cp).isspace() != bool(space.match(chr(cp)))] == []
    assert norm("\u00a0 Distr.\u2003\u2003générale \n") == "Distr. générale"
