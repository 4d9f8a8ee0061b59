"""Job numbers and barcodes: the print-shop furniture at the foot of a UN document's pages.

The job number identifies one language version at one duty station: a prefix (none = New York,
``V.`` Vienna, ``GE.`` Geneva, ``K`` Nairobi), a two-digit year, a hyphen, five digits, the
language letter in brackets, then one or two DDMMYY dates (``V.11-86235 (F)    181011    181011``).
Readers spot it to strip page furniture and to keep it as masthead metadata.
"""

from __future__ import annotations

import datetime as _dt
import re

from drafting.records import record
from drafting.regex import lazy_compile

DUTY_STATIONS = {None: "New York", "V.": "Vienna", "GE.": "Geneva", "K": "Nairobi"}
# E English, F French, S Spanish, R Russian, C Chinese, A Arabic (the letter in brackets)
LANGUAGE_LETTERS = {"E": "en", "F": "fr", "S": "es", "R": "ru", "C": "zh", "A": "ar"}

_JOB = lazy_compile(
    r"(?<![\w.\-/])"
    r"(?P<prefix>V\.|GE\.|K)?\s?"
    r"(?P<year>\d{2})(?P<hyphen>-?)(?P<number>\d{5})(?!\d)"
    r"(?:\s*\((?P<lang>[EFSRCA])\))?"
    r"(?P<dates>(?:\s+\d{6}(?!\d)){0,2})"
)
_PAGE = lazy_compile(r"^\s+(\d{1,4})\s*$")  # "V.12-54630 7": the page number printed beside it
_BARCODE = re.compile(r"^\*\s?\d{7}\s?\*$")


@record(frozen=True)
class JobNumber:
    """A job number at a page's foot (``V.11-86235 (F) 181011``), read into its parts."""

    text: str  # as printed, whitespace collapsed: "V.11-86235 (F) 181011"
    prefix: str | None  # None (New York), "V.", "GE.", "K"
    year: int  # four digits: 11 -> 2011
    number: str  # the five digits, as printed
    language: str | None  # the letter in brackets: "F"
    dates: tuple[_dt.date, ...] = ()
    page: int | None = None  # a page number printed after it, when there are no dates

    def __str__(self) -> str:
        return self.text

    @property
    def duty_station(self) -> str:
        return DUTY_STATIONS[self.prefix]

    @property
    def lang(self) -> str | None:
        """The two-letter code of the language letter ("F" -> "fr")."""
        return LANGUAGE_LETTERS.get(self.language) if self.language else None

    @property
    def barcode(self) -> str:
        """The barcode text printed beside it: ``*1186235*``."""
        return f"*{self.year % 100:02d}{self.number}*"


def _ddmmyy(text: str) -> _dt.date | None:
    try:
        return _dt.date(2000 + int(text[4:6]), int(text[2:4]), int(text[0:2]))
    except ValueError:
        return None


def _from_match(m: re.Match, page: int | None = None) -> JobNumber | None:
    if not m.group("hyphen") and m.group("prefix") != "K":  # only Nairobi prints K1234567
        return None
    dates = tuple(_ddmmyy(d) for d in m.group("dates").split())
    if any(d is None for d in dates):
        return None
    yy = int(m.group("year"))
    return JobNumber(
        text=" ".join(m.group(0).split()),
        prefix=m.group("prefix"),
        year=(1900 if yy >= 50 else 2000) + yy,
        number=m.group("number"),
        language=m.group("lang"),
        dates=dates,  # type: ignore[arg-type]
        page=page,
    )


def parse_job_number(text: str) -> JobNumber | None:
    """The job number when ``text`` (stripped) is exactly one, maybe with a trailing page number."""
    text = text.strip()
    m = _JOB.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    page = None
    if rest.strip():
        page_m = _PAGE.match(rest)
        if page_m is None or m.group("lang") or m.group("dates").strip():
            return None
        page = int(page_m.group(1))
    return _from_match(m, page)


def find_job_number(line: str) -> JobNumber | None:
    """The first job number inside a line of page furniture.

    Without a duty-station prefix ``17-13704`` could be anything (a range, a phone number), so
    it counts only with its language letter or when it is the whole line.
    """
    whole = parse_job_number(line)
    if whole is not None:
        return whole
    for m in _JOB.finditer(line):
        if m.group("prefix") or m.group("lang"):
            found = _from_match(m)
            if found is not None:
                return found
    return None


def is_barcode(line: str) -> bool:
    """True for a barcode line such as ``*1186235*`` (year and job number between stars)."""
    return bool(_BARCODE.match(line.strip()))
