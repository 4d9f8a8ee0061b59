"""How each language numbers chapters, sections and paragraphs: patterns for the readers, values
and printed labels for the builder and the generator.

English, French, Spanish and Russian number chapters ``I.``, sections ``A.`` and paragraphs
``1.``; Chinese numbers chapters ``一.``; Arabic prints ``أولا -`` for chapters, the letters' names
``ألف -`` for sections and ``1 -`` for paragraphs. The numerals and letter names are data
(``[headings]`` in ``drafting/locale/*.toml``); this module turns them into patterns and values.
"""

from __future__ import annotations

import functools
import re

from drafting.locale import terms
from drafting.locale.vocabulary import annex_label
from drafting.records import record
from drafting.regex import LazyPattern

_ROMAN_DIGITS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_FORM = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}   # (made once, not per numeral)


def to_roman(n: int) -> str:
    """12 -> ``XII``."""
    out = []
    for value, letters in _ROMAN_DIGITS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """``XII``, ``xii`` or ``XII.`` -> 12; None for anything that is not a well-formed numeral."""
    text = text.strip().rstrip(".").upper()
    if not text or not _ROMAN_FORM.match(text):
        return None
    values = _ROMAN_VALUES
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def roman(n: int) -> str:
    return to_roman(n)


def roman_value(text: str) -> int | None:
    """A chapter's numeral as printed (upper case only: ``i.`` is a point, not a chapter)."""
    stripped = text.strip().rstrip(".")
    return from_roman(stripped) if stripped.isupper() else None



LATIN_CHAPTER = r"(?P<num>[IVXL]{1,6}\.)\s+(?P<rest>\S.*)"
LATIN_SECTION = r"(?P<num>[A-Z]\.)\s+(?P<rest>\S.*)"
LATIN_PARAGRAPH = r"(?P<num>\d{1,4})(?P<dot>[.,])\s+(?P<rest>\S.*)"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@record(frozen=True)
class NumberingForms:
    """How a language numbers chapters, sections and paragraphs, as the patterns that read them."""

    lang: str
    chapter: re.Pattern
    section: re.Pattern
    paragraph: re.Pattern
    chapter_numerals: tuple[str, ...] | None   # None: roman numerals
    chapter_separator: str
    section_letters: tuple[str, ...] | None    # None: A, B, C
    paragraph_separator: str

    def chapter_value(self, num: str | None) -> int | None:
        if not num:
            return None
        if self.chapter_numerals is None:
            return roman_value(num.split()[-1])  # "III." or, as the Official Records print it, "Chapter III"
        word = re.sub(r"\s*[-–.、．]\s*$", "", num.strip())
        return self.chapter_numerals.index(word) + 1 if word in self.chapter_numerals else None

    def chapter_label(self, n: int) -> str:
        if self.chapter_numerals is None or n > len(self.chapter_numerals):
            return roman(n) + "."
        return self.chapter_numerals[n - 1] + self.chapter_separator

    def section_value(self, num: str | None) -> int | None:
        if not num:
            return None
        word = re.sub(r"\s*[-–.]\s*$", "", num.strip())
        if self.section_letters is None:
            return ord(word) - ord("A") + 1 if len(word) == 1 and "A" <= word <= "Z" else None
        return self.section_letters.index(word) + 1 if word in self.section_letters else None

    def section_label(self, n: int) -> str:
        if self.section_letters is None or n > len(self.section_letters):
            return chr(ord("A") + (n - 1) % 26) + "."
        return self.section_letters[n - 1] + " -"

    def paragraph_label(self, n: int, dot: str) -> str:
        """The printed number: ``12.`` (also for an OCR ``12,``) or Arabic ``12 -``."""
        return f"{n}." if dot in ".," else f"{n}{self.paragraph_separator}"


@functools.lru_cache(maxsize=None)
def forms(lang: str) -> NumberingForms:
    try:
        headings = terms(lang).get("headings", {})
    except Exception:  # noqa: BLE001 - an unknown language numbers the Latin way
        headings = {}
    numerals = headings.get("chapter_numerals", "roman")
    letters = headings.get("section_letters", "latin")
    chapter_seps = headings.get("chapter_separators", ["."])
    section_seps = headings.get("section_separators", ["."])
    para_sep = headings.get("paragraph_separator", ".")

    if isinstance(numerals, list):
        seps = "|".join(re.escape(s) for s in chapter_seps)
        chapter = rf"(?P<num>(?:{_alternatives(numerals)})\s?(?:{seps}))\s*(?P<rest>\S.*)"
        chapter_separator = (" " + chapter_seps[0]) if chapter_seps[0] in "-–" else chapter_seps[0]
    else:
        chapter, chapter_separator = LATIN_CHAPTER, "."
    if isinstance(letters, list):
        seps = "|".join(re.escape(s) for s in section_seps)
        section = rf"(?P<num>(?:{_alternatives(letters)})\s?(?:{seps}))\s+(?P<rest>\S.*)"
    else:
        section = LATIN_SECTION
    if para_sep.strip() in ("-", "–"):
        paragraph = r"(?P<num>\d{1,4})(?P<dot>[.,]|\s?[-–])\s+(?P<rest>\S.*)"
    else:
        paragraph = LATIN_PARAGRAPH
    return NumberingForms(
        lang=lang,
        chapter=re.compile("^" + chapter + "$"),
        section=re.compile("^" + section + "$"),
        paragraph=re.compile("^" + paragraph + "$"),
        chapter_numerals=tuple(numerals) if isinstance(numerals, list) else None,
        chapter_separator=chapter_separator,
        section_letters=tuple(letters) if isinstance(letters, list) else None,
        paragraph_separator=para_sep,
    )


# "Annex", "Annex II", "Annexe", "Anexo", "Приложение", "附件", "المرفق الأول": an annex's label.
ANNEX_LABEL = LazyPattern(annex_label)  # the annex words of every language, read on first use


def point_key(label: str | None) -> str | None:
    """The eId label of a point, the same in every language: ``(ب)`` -> ``b``, ``(b)`` -> ``b``."""
    bare = re.sub(r"[\s().\[\]]", "", label or "")
    letters = terms("ar").get("labels", {}).get("letters", [])
    if bare in letters:
        n = letters.index(bare)
        return chr(ord("a") + n % 26) * (n // 26 + 1)
    return bare or None


def paragraph_value(num: str | None) -> int | None:
    """``12.`` or ``12 -`` -> 12."""
    m = re.match(r"^\s*(\d+)", num or "")
    return int(m.group(1)) if m else None


_ZH_DIGITS = {c: k for k, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_value(text: str) -> int | None:
    """The value of a Chinese numeral: ``十二`` -> 12, ``一百零五`` -> 105, ``二〇二五`` -> 2025
    (digit by digit, as years are written); None when ``text`` is not one. Up to 9 999: the
    numbers a document cites (articles, paragraphs, years, days)."""
    if not text or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in text):
        return None
    if not any(c in _ZH_UNITS for c in text):
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _ZH_UNITS[c]
            digit = None
    return total + (digit or 0)


def label_number(label: str | None) -> str | None:
    """The number of a label that names its kind: ``Chapter IV`` -> ``IV``, ``Article 12`` ->
    ``12``, ``Annex B`` -> ``B``, ``第3条`` -> ``3``, ``附件一`` -> ``1``; None for none."""
    text = (label or "").strip().rstrip("*.")
    words = text.split()
    if len(words) > 1 and re.fullmatch(r"[IVXLC]{1,7}|\d{1,3}|[A-Z]", words[-1]):
        # Arabic-Indic digits (المادة ١٥) are the same number: 15
        return str(int(words[-1])) if words[-1].isdigit() else words[-1]
    zh = re.search(r"([〇零一二三四五六七八九十百千]+|\d{1,3})[条章]?$", text)
    if zh and not text[:1].isascii():
        value = zh.group(1) if zh.group(1).isdigit() else chinese_value(zh.group(1))
        return str(value) if value else None
    return None
