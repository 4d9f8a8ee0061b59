"""The grammar of United Nations document symbols (``A/C.3/72/L.5/Rev.1``).

A symbol is a run of parts separated by ``/``: a series (``A``, ``CTOC``, ``CRC/C``), subsidiary
bodies (``C.3``, ``WG.4``), a session or a year, a document type (``L.5``, ``RES``, ``INF``), the
document number, then modifiers (``Add.1``, ``Corr.1``, ``Rev.1``, ``Amend.1``, ``Summary``).
Reissue asterisks and a bracketed suffix (``(Part IV)``, ``(1995)``) may follow. Two symbols
joined by a hyphen name one document.

The grammar is deliberately lenient about body names (every organ invents its own: ``OzL.Pro.18``,
``WP(91)``, ``SBSTA``) and strict about what editors get wrong: modifier spelling, empty parts,
lowercase, a missing document number. Everything here is pure: no I/O, no network.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from drafting.errors import DraftingError
from drafting.records import record
from drafting.regex import lazy_compile

# Series printed as two parts: the treaty bodies' "Committee" series. Without this list
# ``CRC/C/15`` would read as series CRC with a body C.
TWO_PART_SERIES = frozenset(
    f"{body}/C" for body in ("CAT", "CCPR", "CED", "CEDAW", "CERD", "CMW", "CRC", "CRPD")
)

# Document types printed as a part of their own (``A/RES/72/1``, ``CTOC/COP/2012/INF/2``).
STANDALONE_DOC_TYPES = frozenset({"RES", "PRST", "INF", "NGO", "DEC", "PV", "SR", "CRP", "WP"})
# Document types printed with their number after a dot (``L.5``, ``CRP.1``, ``PV.7000``).
# ``MISC`` is the UNFCCC's miscellaneous series (``FCCC/SBSTA/2000/MISC.1``).
DOTTED_DOC_TYPES = frozenset({"L", "CRP", "INF", "NGO", "PV", "SR", "WP", "MISC"})

MODIFIER_KINDS = ("Add", "Corr", "Rev", "Amend")
_MODIFIER = lazy_compile(r"^(Add|Corr|Rev|Amend)\.(\d+)$")
_MODIFIER_NO_DOT = lazy_compile(r"^(Add|Corr|Rev|Amend)(\d*)$")
_MODIFIER_WRONG_CASE = re.compile(r"^(add|corr|rev|amend|summary)(\.?\d*)$", re.IGNORECASE)

_SERIES = re.compile(r"^[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*$")
# A body: a capitalised word, dotted sub-parts (``OzL.Pro.18``), an optional bracketed number
# (``WP(91)``, ``COP(13)``).
_BODY = re.compile(r"^[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?:\(\d+\))?$")
_SESSION = re.compile(r"^(?:\d{1,3}|ES-\d{1,2}|S-\d{1,2})$")  # 72, ES-10 (emergency), S-27 (special)
_YEAR = re.compile(r"^(?:19[4-9]\d|20\d\d)$")
_NUMBER = re.compile(r"^\d+$")
_DOTTED_TYPE = re.compile(r"^([A-Z]+)\.(\d+)$")
# "(Part IV)", "(1995)", and a part named in French or Spanish: "(Première partie)", "(Primera parte)"
_SUFFIX_TEXT = (r"\((?:Part|Partie|Parte|Vol\.?|Sect\.?) [IVXLC\d]+[A-Z]?\)|\(\d{4}\)"
                r"|\([^\W\d_]{4,12} (?:partie|parte)\)")
# core, reissue stars, then a bracketed suffix after an optional space (stars may also follow it)
_DECORATIONS = lazy_compile(
    rf"^(?P<core>[^ *]+)(?P<stars1>\**)(?: ?(?P<suffix>{_SUFFIX_TEXT}))?(?P<stars2>\**)$"
)
# A hyphen starts a second symbol only when a series and a slash follow (``ES-10`` is one part).
_JOIN = re.compile(r"-(?=[A-Z][A-Z0-9.]*/)")


@record(frozen=True)
class Symbol:
    """One parsed document symbol. ``text`` is the symbol as printed (whitespace normalised)."""

    text: str
    series: str
    bodies: tuple[str, ...] = ()
    session: str | None = None
    year: str | None = None
    doc_type: str | None = None
    number: str = ""
    modifiers: tuple[tuple[str, str], ...] = ()
    stars: int = 0
    suffix: str | None = None
    joined: Symbol | None = None

    def __str__(self) -> str:
        return self.text

    @property
    def is_addendum(self) -> bool:
        return self._last_modifier_kind() == "Add"

    @property
    def is_corrigendum(self) -> bool:
        return self._last_modifier_kind() == "Corr"

    @property
    def is_revision(self) -> bool:
        return self._last_modifier_kind() == "Rev"

    @property
    def is_limited(self) -> bool:
        """An ``L.`` document: a draft for limited distribution (draft resolutions, reports)."""
        return self.doc_type == "L"

    @property
    def parent(self) -> Symbol | None:
        """The symbol without its last modifier; None when there is no modifier.

        The parent of ``A/C.3/72/L.5/Rev.1/Corr.1`` is ``A/C.3/72/L.5/Rev.1``. Stars and a
        suffix belong to the child (a reissue or part of the addendum), so they are dropped.
        """
        if not self.modifiers:
            return None
        core = _core_text(self.text)
        return parse_symbol(core.rsplit("/", 1)[0])

    @property
    def iri_component(self) -> str:
        """The symbol as it appears in an AKN IRI: ``/`` -> ``-``, space -> ``_``, no stars."""
        return self.text.replace("*", "").replace("/", "-").replace(" ", "_")

    def _last_modifier_kind(self) -> str | None:
        return self.modifiers[-1][0] if self.modifiers else None


def _core_text(text: str) -> str:
    """The symbol text without reissue stars or a bracketed suffix."""
    m = _DECORATIONS.match(text)
    return m.group("core") if m else text


def normalise_symbol_text(text: str) -> str:
    """Collapse whitespace (also no-break spaces) and drop spaces around ``/`` left by OCR."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"\s*/\s*", "/", text)


def parse_symbol(text: str) -> Symbol:
    """Parse a printed symbol; raise DraftingError saying why when it is not one."""
    if text is None or not text.strip():
        raise DraftingError("empty document symbol")
    printed = normalise_symbol_text(text)
    core, stars, suffix = _split_decorations(printed)
    joined_parts = _JOIN.split(core, maxsplit=1)
    if len(joined_parts) == 2:
        first = _parse_core(joined_parts[0], printed)
        second = _parse_core(joined_parts[1], printed)
        return replace(first, text=printed, stars=stars, suffix=suffix, joined=second)
    return replace(_parse_core(core, printed), text=printed, stars=stars, suffix=suffix)


def _split_decorations(printed: str) -> tuple[str, int, str | None]:
    """Split ``A/C.3/72/L.1**`` or ``S/RES/1019 (1995)`` into core, star count and suffix."""
    m = _DECORATIONS.match(printed)
    if m is None:
        raise DraftingError(f"document symbol {printed!r} contains a space inside it")
    stars = len(m.group("stars1")) + len(m.group("stars2"))
    return m.group("core"), stars, m.group("suffix")


def _parse_core(core: str, printed: str) -> Symbol:
    """Parse the slash-separated part of a symbol (no stars, no suffix, no second symbol)."""
    if "/" not in core:
        raise DraftingError(f"{printed!r} is not a document symbol: it has no '/'")
    parts = core.split("/")
    if any(p == "" for p in parts):
        raise DraftingError(f"document symbol {printed!r} has an empty part (check the slashes)")

    series_end = 2 if "/".join(parts[:2]) in TWO_PART_SERIES else 1
    series = "/".join(parts[:series_end])
    if not _SERIES.match(parts[0]):
        raise DraftingError(
            f"document symbol {printed!r}: the series {parts[0]!r} must be capital letters or digits"
        )
    rest = parts[series_end:]

    modifiers: list[tuple[str, str]] = []
    while rest and _is_modifier_like(rest[-1]):
        modifiers.insert(0, _parse_modifier(rest.pop(), printed))
    if not rest:
        raise DraftingError(f"document symbol {printed!r} has no document number before its modifiers")

    last = rest.pop()
    doc_type: str | None = None
    dotted = _DOTTED_TYPE.match(last)
    if dotted and dotted.group(1) in DOTTED_DOC_TYPES:
        doc_type, number = dotted.group(1), dotted.group(2)
    elif _NUMBER.match(last):
        number = last
    elif last[:1].islower():
        raise DraftingError(f"document symbol {printed!r}: part {last!r} must start with a capital letter")
    else:
        raise DraftingError(
            f"document symbol {printed!r}: {last!r} is not a document number (expected 5 or L.5)"
        )

    bodies: list[str] = []
    session = year = None
    for part in rest:
        if _YEAR.match(part) and year is None:
            year = part
        elif _SESSION.match(part) and session is None:
            session = part
        elif part in STANDALONE_DOC_TYPES and doc_type is None:
            doc_type = part
        elif _BODY.match(part):
            bodies.append(part)
        elif part[:1].islower():
            raise DraftingError(f"document symbol {printed!r}: part {part!r} must start with a capital letter")
        else:
            raise DraftingError(f"document symbol {printed!r}: part {part!r} is not a valid part")

    return Symbol(
        text=core,
        series=series,
        bodies=tuple(bodies),
        session=session,
        year=year,
        doc_type=doc_type,
        number=number,
        modifiers=tuple(modifiers),
    )


def _is_modifier_like(part: str) -> bool:
    return bool(_MODIFIER_WRONG_CASE.match(part))


def _parse_modifier(part: str, printed: str) -> tuple[str, str]:
    if part == "Summary":
        return ("Summary", "")
    m = _MODIFIER.match(part)
    if m:
        return (m.group(1), m.group(2))
    m = _MODIFIER_NO_DOT.match(part)
    if m and m.group(2):
        raise DraftingError(
            f"document symbol {printed!r}: modifier {part!r} needs a dot before its number "
            f"({m.group(1)}.{m.group(2)})"
        )
    if m or part in {f"{kind}." for kind in MODIFIER_KINDS}:
        raise DraftingError(
            f"document symbol {printed!r}: modifier {part!r} needs a number ({part.rstrip('.')}.1)"
        )
    m = _MODIFIER_WRONG_CASE.match(part)
    word = m.group(1).capitalize()
    raise DraftingError(
        f"document symbol {printed!r}: modifier {part!r} must be written {word}{m.group(2)}"
        " (capital first letter, a dot, a number)"
    )


# --- symbols inside running text --------------------------------------------------------------

# A candidate: starts with a capital (not glued to a preceding letter, digit, slash or dot),
# has at least one slash, and runs over the characters a symbol can hold.
# Parts and their count are bounded (the longest real parts are a dozen characters) and the run
# must end there: each start is then tried over a bounded stretch, so a long run of "A(A(A(..."
# costs linear time instead of a scan to its end from every capital.
_CANDIDATE = lazy_compile(
    r"(?<![A-Za-z0-9/.\-])"
    r"[A-Z][A-Za-z0-9.()\-]{0,40}(?:/[A-Za-z0-9.()\-]{1,40}){1,12}(?![A-Za-z0-9.()\-])\**"
)
_RES_YEAR_SUFFIX = lazy_compile(r"^ \(\d{4}\)")
_PART_SUFFIX = lazy_compile(r"^ \((?:Part|Vol\.?|Sect\.?) [IVXLC\d]+[A-Z]?\)")
_WORD = lazy_compile(r"\S+")


def find_symbols(text: str) -> list[tuple[int, int, Symbol]]:
    """Document symbols in running text, as (start, end, Symbol), in order.

    A trailing full stop, an unbalanced closing bracket or a hyphen is punctuation, not symbol.
    Dates (10/12/2011), fractions and decision numbers (3/3, 61/144) never start with a capital
    and are not symbols; slashed words without a number (UNDAW/DESA) are rejected by the grammar;
    URLs are skipped.
    """
    # words holding :// or www. (found word by word: a pattern \S*://\S* backtracks over every
    # start of a long run without spaces) and, for each candidate, the last one starting before it
    url_spans = [(m.start(), m.end()) for m in _WORD.finditer(text)
                 if "://" in m.group() or "www." in m.group().lower()]
    found: list[tuple[int, int, Symbol]] = []
    span_index = 0
    for m in _CANDIDATE.finditer(text):
        start, end = m.start(), m.end()
        while span_index < len(url_spans) and url_spans[span_index][1] <= start:
            span_index += 1
        if span_index < len(url_spans) and url_spans[span_index][0] <= start:
            continue
        hit = _longest_symbol(text, start, end)
        if hit is None:
            continue
        end, symbol = hit
        after = text[end:]
        suffix = _PART_SUFFIX.match(after) or (
            _RES_YEAR_SUFFIX.match(after) if symbol.doc_type == "RES" else None
        )
        if suffix and not symbol.stars:
            with_suffix = _try_parse(text[start : end + suffix.end()])
            if with_suffix is not None:
                end, symbol = end + suffix.end(), with_suffix
        found.append((start, end, symbol))
    return found


def _longest_symbol(text: str, start: int, end: int) -> tuple[int, Symbol] | None:
    """The longest prefix of text[start:end] that is a symbol, trimming punctuation first."""
    candidate = text[start:end]
    candidate = candidate.rstrip(".-")
    while candidate.endswith(")") and candidate.count(")") > candidate.count("("):
        candidate = candidate[:-1].rstrip(".-")
    while candidate:
        symbol = _try_parse(candidate)
        if symbol is not None:
            return start + len(candidate), symbol
        # Only a hyphen may end a symbol early ("A/72/1-5", a range). Cutting at a slash would
        # turn a misspelt "A/72/L.5/rev.1" into the wrong document "A/72/L.5".
        cut = candidate.rfind("-")
        if cut <= 0:
            return None
        candidate = candidate[:cut].rstrip(".-")
    return None


def _try_parse(text: str) -> Symbol | None:
    try:
        return parse_symbol(text)
    except DraftingError:
        return None


@lru_cache(maxsize=4096)
def looks_like_symbol(line: str) -> bool:
    """True when the whole line (stripped) is one document symbol: a masthead or running head.
    (Cached: a running head is asked about on every page, and most lines have no slash.)"""
    if not line or "/" not in line or not line.strip():
        return False
    return _try_parse(line) is not None
