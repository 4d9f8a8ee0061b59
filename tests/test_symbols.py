"""The UN document symbol grammar, job numbers and barcodes (un-conventions.md, "Document symbols")."""

import datetime as dt

import pytest

from drafting.errors import DraftingError
from drafting.model.job_numbers import find_job_number, is_barcode, parse_job_number
from drafting.model.symbols import Symbol, find_symbols, looks_like_symbol, parse_symbol

# symbol -> (series, bodies, session, year, doc_type, number, modifiers, stars, suffix)
PARSES = {
    "A/RES/72/1": ("A", (), "72", None, "RES", "1", (), 0, None),
    "A/C.3/72/L.5/Rev.1": ("A", ("C.3",), "72", None, "L", "5", (("Rev", "1"),), 0, None),
    "E/CN.7/2012/L.5/Add.1": ("E", ("CN.7",), None, "2012", "L", "5", (("Add", "1"),), 0, None),
    "CTOC/COP/WG.4/2011/4": ("CTOC", ("COP", "WG.4"), None, "2011", None, "4", (), 0, None),
    "CTOC/COP/WG.4/2011/L.1/Add.1": (
        "CTOC", ("COP", "WG.4"), None, "2011", "L", "1", (("Add", "1"),), 0, None),
    "CTOC/COP/2012/INF/2": ("CTOC", ("COP",), None, "2012", "INF", "2", (), 0, None),
    "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1": (
        "E", ("CN.4", "Sub.2", "AC.2"), None, "1987", "WP", "4", (("Add", "1"),), 0, None),
    "UNEP/OzL.Pro.18/1/Add.1": ("UNEP", ("OzL.Pro.18",), None, None, None, "1", (("Add", "1"),), 0, None),
    "TD/B/WP(91)/CRP.1": ("TD", ("B", "WP(91)"), None, None, "CRP", "1", (), 0, None),
    "A/ES-10/L.22": ("A", (), "ES-10", None, "L", "22", (), 0, None),
    "S/RES/1019 (1995)": ("S", (), None, None, "RES", "1019", (), 0, "(1995)"),
    "FCCC/SBSTA/2000/10/Add.1 (Part IV)": (
        "FCCC", ("SBSTA",), None, "2000", None, "10", (("Add", "1"),), 0, "(Part IV)"),
    "A/520/Rev.15/Amend.1": ("A", (), None, None, None, "520", (("Rev", "15"), ("Amend", "1")), 0, None),
    "CTOC/COP/2012/1": ("CTOC", ("COP",), None, "2012", None, "1", (), 0, None),
    "CTOC/COP/2012/2": ("CTOC", ("COP",), None, "2012", None, "2", (), 0, None),
    "A/C.3/72/L.1**": ("A", ("C.3",), "72", None, "L", "1", (), 2, None),
    "E/2002/68/Add.1": ("E", (), None, "2002", None, "68", (("Add", "1"),), 0, None),
    "S/PRST/2014/5": ("S", (), None, "2014", "PRST", "5", (), 0, None),
    "A/HRC/RES/35/1": ("A", ("HRC",), "35", None, "RES", "1", (), 0, None),
    "UNEP/EA.5/L.1": ("UNEP", ("EA.5",), None, None, "L", "1", (), 0, None),
    "ST/SGB/2019/8": ("ST", ("SGB",), None, "2019", None, "8", (), 0, None),
    "CTOC/COP/WG.4/2009/2": ("CTOC", ("COP", "WG.4"), None, "2009", None, "2", (), 0, None),
    "CRC/C/15/Add.1": ("CRC/C", (), None, None, None, "15", (("Add", "1"),), 0, None),
    "IDB.49/2": ("IDB.49", (), None, None, None, "2", (), 0, None),
    "A/72/PV.5": ("A", (), "72", None, "PV", "5", (), 0, None),
    "E/CN.15/2012/CRP.1": ("E", ("CN.15",), None, "2012", "CRP", "1", (), 0, None),
    "A/CONF.62/122": ("A", ("CONF.62",), None, None, None, "122", (), 0, None),
    "A/72/1/Summary": ("A", (), "72", None, None, "1", (("Summary", ""),), 0, None),
    "A/C.3/72/L.5/Rev.1/Corr.2": (
        "A", ("C.3",), "72", None, "L", "5", (("Rev", "1"), ("Corr", "2")), 0, None),
}

FIELDS = ("series", "bodies", "session", "year", "doc_type", "number", "modifiers", "stars", "suffix")


@pytest.mark.parametrize("text", sorted(PARSES))
def test_every_example_parses_to_its_parts(text):
    symbol = parse_symbol(text)
    assert tuple(getattr(symbol, f) for f in FIELDS) == PARSES[text]
    assert symbol.text == text
    assert str(symbol) == text
    assert symbol.joined is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("A/72/L.5/rev.1", "Rev.1"),  # lowercase modifier
        ("A/72/Add1", "dot"),  # missing dot
        ("A//72/1", "empty part"),
        ("", "empty"),
        ("   ", "empty"),
        ("a/72/1", "series"),
        ("A/72/1/", "empty part"),
        ("UNODC", "no '/'"),
        ("UNDAW/DESA", "document number"),  # an organisation pair, not a symbol
        ("A/72/Add.", "number"),
        ("A/72/Corr", "number"),
        ("A/72/L.5/REV.1", "Rev.1"),
        ("A/72/l.5", "capital"),
        ("A/72 1", "space"),
        ("A/Add.1", "document number"),
    ],
)
def test_rejects_say_why(text, reason):
    with pytest.raises(DraftingError) as err:
        parse_symbol(text)
    assert reason in str(err.value)


def test_whitespace_is_normalised():
    assert parse_symbol("  CTOC/COP/ 2012/1 ").text == "CTOC/COP/2012/1"
    assert parse_symbol("S/RES/1019\u00a0(1995)").text == "S/RES/1019 (1995)"
    assert parse_symbol("S/RES/1019  (1995)").suffix == "(1995)"


def test_joined_symbols_name_one_document():
    symbol = parse_symbol("E/CN.4/1995/2-E/CN.4/Sub.2/1994/56")
    assert (symbol.series, symbol.bodies, symbol.year, symbol.number) == ("E", ("CN.4",), "1995", "2")
    assert symbol.joined == parse_symbol("E/CN.4/Sub.2/1994/56")
    assert symbol.joined.bodies == ("CN.4", "Sub.2")
    assert symbol.text == "E/CN.4/1995/2-E/CN.4/Sub.2/1994/56"
    assert symbol.iri_component == "E-CN.4-1995-2-E-CN.4-Sub.2-1994-56"


def test_a_hyphen_inside_a_part_does_not_join():
    assert parse_symbol("A/ES-10/L.22").joined is None


@pytest.mark.parametrize(
    "text, iri",
    [
        ("A/RES/80/229", "A-RES-80-229"),
        ("S/RES/1019 (1995)", "S-RES-1019_(1995)"),
        ("A/C.3/72/L.1**", "A-C.3-72-L.1"),
        ("CTOC/COP/WG.4/2011/L.1/Add.1", "CTOC-COP-WG.4-2011-L.1-Add.1"),
        ("FCCC/SBSTA/2000/10/Add.1 (Part IV)", "FCCC-SBSTA-2000-10-Add.1_(Part_IV)"),
    ],
)
def test_iri_component(text, iri):
    assert parse_symbol(text).iri_component == iri


@pytest.mark.parametrize(
    "text, parent",
    [
        ("CTOC/COP/WG.4/2011/L.1/Add.1", "CTOC/COP/WG.4/2011/L.1"),
        ("A/C.3/72/L.5/Rev.1", "A/C.3/72/L.5"),
        ("A/520/Rev.15/Amend.1", "A/520/Rev.15"),
        ("A/C.3/72/L.5/Rev.1/Corr.2", "A/C.3/72/L.5/Rev.1"),
        ("FCCC/SBSTA/2000/10/Add.1 (Part IV)", "FCCC/SBSTA/2000/10"),
        ("E/2002/68/Add.1*", "E/2002/68"),
    ],
)
def test_parent_drops_the_last_modifier(text, parent):
    assert parse_symbol(text).parent == parse_symbol(parent)
    assert str(parse_symbol(text).parent) == parent


def test_no_modifier_no_parent():
    assert parse_symbol("A/RES/72/1").parent is None


def test_kind_properties():
    assert parse_symbol("E/2002/68/Add.1").is_addendum
    assert not parse_symbol("E/2002/68/Add.1").is_corrigendum
    assert parse_symbol("A/72/1/Corr.1").is_corrigendum
    assert parse_symbol("A/C.3/72/L.5/Rev.1").is_revision
    assert parse_symbol("A/C.3/72/L.5/Rev.1").is_limited
    assert not parse_symbol("A/RES/72/1").is_limited
    # the last modifier decides: a corrigendum to a revision is a corrigendum
    corr = parse_symbol("A/C.3/72/L.5/Rev.1/Corr.2")
    assert corr.is_corrigendum and not corr.is_revision


def test_symbol_is_frozen_and_hashable():
    symbol = parse_symbol("A/RES/72/1")
    with pytest.raises(AttributeError):
        symbol.number = "2"  # type: ignore[misc]
    assert len({symbol, parse_symbol("A/RES/72/1")}) == 1
    assert isinstance(symbol, Symbol)


def _texts(text):
    return [(text[s:e], str(sym)) for s, e, sym in find_symbols(text)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (  # seed 000
            "le Groupe de travail était saisi du document d'information établi par le Secrétariat "
            "(CTOC/COP/WG.4/2011/5).",
            ["CTOC/COP/WG.4/2011/5"],
        ),
        (  # seed 002
            "Ayant examiné les rapports du Secrétariat contenus dans les documents CTOC/COP/2008/8, "
            "CTOC/COP/2008/9 et CTOC/COP/2008/11,",
            ["CTOC/COP/2008/8", "CTOC/COP/2008/9", "CTOC/COP/2008/11"],
        ),
        ("* CTOC/COP/2012/1.", ["CTOC/COP/2012/1"]),  # seed 003, agenda footnote
        ("³ E/2002/68/Add.1.", ["E/2002/68/Add.1"]),  # seed 001, footnote
        (
            "Rappelant également sa décision 3/3 et les résolutions de l'Assemblée générale 61/144 "
            "du 19 décembre 2006 et 61/180 du 20 décembre 2006,",
            [],
        ),
        ("(UNDAW/DESA), Fonds de développement", []),
        ("Activités/Outils : étant donné", []),
        ("la réunion du 10/12/2011 et 3/3", []),
        ("See https://undocs.org/A/RES/72/1 and www.un.org/A/72/1.", []),
        ("in its resolution 1019 (1995) (S/RES/1019 (1995)), the Council", ["S/RES/1019 (1995)"]),
        (
            "the report (FCCC/SBSTA/2000/10/Add.1 (Part IV)) was noted",
            ["FCCC/SBSTA/2000/10/Add.1 (Part IV)"],
        ),
        ("reissued as A/C.3/72/L.1** for technical reasons", ["A/C.3/72/L.1**"]),
        ("见A/72/1号文件。", ["A/72/1"]),
        (
            "the joint report E/CN.4/1995/2-E/CN.4/Sub.2/1994/56 was",
            ["E/CN.4/1995/2-E/CN.4/Sub.2/1994/56"],
        ),
        ("documents A/72/L.5/rev.1 and A/72/2", ["A/72/2"]),
        ("the General Assembly (A/RES/72/1; A/RES/72/2).", ["A/RES/72/1", "A/RES/72/2"]),
    ],
)
def test_find_symbols_in_real_sentences(sentence, expected):
    assert [found for found, _ in _texts(sentence)] == expected
    assert [parsed for _, parsed in _texts(sentence)] == expected


def test_find_symbols_offsets():
    text = "(CTOC/COP/WG.4/2011/5)."
    [(start, end, symbol)] = find_symbols(text)
    assert (start, end) == (1, 21)
    assert symbol.number == "5"


def test_a_year_suffix_belongs_only_to_resolutions():
    assert _texts("document A/72/1 (2017) was") == [("A/72/1", "A/72/1")]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("CTOC/COP/2012/2", True),
        ("  A/C.3/72/L.5/Rev.1  ", True),
        ("S/RES/1019 (1995)", True),
        ("V.12-54630 7", False),
        ("CTOC/COP/2012/2 Page 3", False),
        ("Distr. générale", False),
        ("", False),
        ("10/12/2011", False),
    ],
)
def test_looks_like_symbol(line, expected):
    assert looks_like_symbol(line) is expected


# --- job numbers ---------------------------------------------------------------------------


def test_vienna_job_number():
    job = parse_job_number("V.11-86235 (F)")
    assert (job.prefix, job.year, job.number, job.language, job.dates) == ("V.", 2011, "86235", "F", ())
    assert job.duty_station == "Vienna" and job.lang == "fr"
    assert job.barcode == "*1186235*"


def test_geneva_job_number():
    job = parse_job_number("GE.12-43210 (E)")
    assert (job.prefix, job.year, job.number, job.language) == ("GE.", 2012, "43210", "E")
    assert job.duty_station == "Geneva"


def test_new_york_job_number_with_date():
    job = parse_job_number("17-13704 (E) 180817")
    assert (job.prefix, job.year, job.number, job.language) == (None, 2017, "13704", "E")
    assert job.dates == (dt.date(2017, 8, 18),)
    assert job.duty_station == "New York"


def test_two_dates():
    job = parse_job_number("V.11-86235 (F)    181011    191011")
    assert job.dates == (dt.date(2011, 10, 18), dt.date(2011, 10, 19))
    assert job.text == "V.11-86235 (F) 181011 191011"


def test_job_number_with_page_number():
    job = parse_job_number("V.12-54630 7")
    assert (job.prefix, job.year, job.number, job.language, job.page) == ("V.", 2012, "54630", None, 7)


def test_nairobi_job_number():
    job = parse_job_number("K1801234 070118")
    assert (job.prefix, job.year, job.number) == ("K", 2018, "01234")
    assert job.duty_station == "Nairobi"


@pytest.mark.parametrize(
    "text", ["10-12 octobre 2011", "2010-2011", "V.11-8623", "Page 7", "", "1186235", "17-13704 (E) 311399"]
)
def test_not_job_numbers(text):
    assert parse_job_number(text) is None


def test_find_job_number_in_a_furniture_line():
    job = find_job_number("V.11-86235 (F)    181011    181011    *1186235*")
    assert (job.number, job.language, len(job.dates)) == ("86235", "F", 2)
    assert find_job_number("CTOC/COP/2012/2        V.12-54630").number == "54630"
    # without a prefix or a language letter, a number inside a line is not trusted
    assert find_job_number("téléphone 43-12345 à Vienne") is None
    assert find_job_number("réunions des 10-12 octobre 2011") is None


@pytest.mark.parametrize(
    "line, expected",
    [("*1186235*", True), ("  *1254630*  ", True), ("* CTOC/COP/2012/1.", False), ("*118623*", False), ("**", False)],
)
def test_is_barcode(line, expected):
    assert is_barcode(line) is expected
