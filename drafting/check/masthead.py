"""Masthead rules: symbol, Distr. line, date, Original and language lines, addendum kinds."""

from __future__ import annotations

import re

from drafting.check.registry import rule

MASTHEAD_ID = "coverPage__masthead"


def _casefold_in(printed: str, allowed) -> bool:
    norm = " ".join(printed.replace("\u00a0", " ").split()).casefold()
    if any(norm == " ".join(a.replace("\u00a0", " ").split()).casefold() for a in allowed):
        return True
    # a typescript printed its capitals without accents ("Distr. GENERALE")
    letters = [c for c in printed if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters) and any(
        _unaccented(norm) == _unaccented(" ".join(a.replace("\u00a0", " ").split()).casefold()) for a in allowed)


def _unaccented(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _lang(doc) -> str:
    from drafting.locale import LANGS
    return doc.lang if doc.lang in LANGS else "en"


def has_masthead(doc) -> bool:
    """A masthead printed in the file: a Distr., date, Original or language line. A symbol
    alone (readers take it from running heads or job numbers) makes no masthead."""
    return not doc.diagnostics_with("no-masthead") and masthead_lines_read(doc)


def masthead_lines_read(doc) -> bool:
    """A Distr., date, Original or language line was read, even when the reader found too
    little to call it a masthead (an old scan's letter-spaced masthead read garbled by OCR):
    a masthead is printed, however badly it reads."""
    m = doc.masthead
    return bool(m.get("distribution") or m.get("date") or m.get("original") or m.get("language"))


_COVER_LINES = 120  # the title page and its verso are within the first lines of a text


def cover_lines(doc) -> list[str]:
    """The lines of the first pages: the model's cover page and preface, the running heads
    the reader removed as page furniture, and the first lines of a text file."""
    from drafting.model.akn import text_content, xp
    lines = _heading_lines(doc) + [text_content(el) for el in
                                   xp(doc.doc, "a:coverPage//a:docNumber | a:preface//a:docType")]
    lines += [d.message.partition("): ")[2] for d in doc.diagnostics_with("furniture")]
    if doc.source is not None:
        lines += doc.source[:_COVER_LINES]
    return [" ".join(line.split()) for line in lines if line.strip()]


def _publication_patterns():
    from drafting.locale import official_records_names, organization_names
    from drafting.locale.vocabulary import alternation
    series = re.compile(rf"^(?:{alternation(official_records_names())})(?:,\s*\d{{4}})?$", re.I)
    imprint = re.compile(rf"^(?:{alternation(organization_names())})\s*•\s*\S[^•,]*,\s*\d{{4}}$")
    return series, imprint


def is_publication(doc) -> bool:
    """A UN publication: an Official Records volume (a title page with the series line
    "Official Records" and its supplement number) or a report issued as a publication (a Joint
    Inspection Unit report, a study) prints a title page with the imprint "United Nations •
    New York, 2025", never a masthead."""
    series, imprint = _publication_patterns()
    return any(series.match(line) or imprint.match(line) for line in cover_lines(doc))


def _heading_lines(doc) -> list[str]:
    """The lines of the masthead and the title block as the model holds them (a masthead line
    the reader did not recognise ends up in the title or among the organs)."""
    from drafting.model.akn import text_content, xp
    return [text_content(el) for el in
            xp(doc.doc, "a:coverPage//a:p | a:coverPage//a:docTitle | a:preface//a:p | "
                        "a:preface//a:docTitle | a:preface//a:docAuthority")]


def _printed_elsewhere(doc, test) -> bool:
    """What a masthead rule misses is printed in the title block all the same: the reader put
    a masthead line into the title, so its absence is no evidence of a fault."""
    return any(test(line) for line in _heading_lines(doc))


def _has_date(line: str) -> bool:
    from drafting.locale import LANGS, find_dates
    return any(find_dates(line, x) for x in LANGS)


def _names(line: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", line, re.I) is not None


def _original_label(line: str) -> bool:
    """A line that opens with the Original label of any language ("Original: Arabic/English/")."""
    from drafting.locale import LANGS, terms
    start = line.lstrip()[:20].casefold()
    return any(start.startswith(terms(x)["masthead"]["original_label"].casefold()) for x in LANGS)


def _finding(doc, rule_id, message, needle=None):
    line = doc.line_of(MASTHEAD_ID)
    if line is None and doc.is_text:
        line = 1
    return doc.finding(rule_id, message, eid=MASTHEAD_ID if has_masthead(doc) else None,
                       line=line, needle=needle)


@rule("UN401", "masthead-missing", "error",
      "The document has a UN masthead (symbol, Distr. line, date, Original line).",
      """Every UN document opens with a masthead: the symbol, the distribution, the date and the
      original language. A document without any of them was not prepared as a UN document (or
      lost its first page). The other masthead rules stay silent then. A publication prints a
      title page instead (an Official Records volume, a Joint Inspection Unit report: the
      series line "Official Records" or the imprint "United Nations • New York, 2025") and is
      not asked for one; nor is a document of which some masthead line was read.""")
def masthead_missing(doc):
    if has_masthead(doc) or masthead_lines_read(doc) or is_publication(doc):
        return
    diag = doc.diagnostics_with("no-masthead")
    line = diag[0].line if diag and diag[0].line else (1 if doc.is_text else None)
    yield doc.finding("UN401", "no masthead: no Distr. line, date, Original or language line",
                      line=line, column=1 if line else None)


@rule("UN402", "symbol", "error",
      "The document symbol is printed and follows the symbol grammar.",
      """The symbol (``A/C.3/72/L.5/Rev.1``) identifies the document in every language. A
      masthead without one is reported as a warning; a symbol that breaks the grammar
      (lowercase modifier, ``Add1`` without its dot, empty parts) as an error.""")
def symbol(doc):
    if not has_masthead(doc):
        return
    printed = doc.masthead.get("symbol")
    if not printed:
        f = _finding(doc, "UN402", "the masthead has no document symbol")
        if "UN402" not in doc.config.severity:
            f.severity = "warning"
        yield f
        return
    from drafting.errors import DraftingError
    from drafting.model.symbols import parse_symbol
    try:
        parse_symbol(printed)
    except DraftingError as exc:
        yield _finding(doc, "UN402", f"invalid symbol {printed}: {exc}", needle=printed)


# The Secretariat's bulletins, administrative instructions and information circulars (ST/SGB,
# ST/AI, ST/IC) print the organ, the symbol and the date: no Distr. and no Original line.
SECRETARIAT_ISSUANCES = frozenset({"bulletin", "administrativeInstruction", "informationCircular"})


@rule("UN403", "distribution-line", "warning",
      "The Distr. line is present and printed in the language's form.",
      """The distribution line reads ``Distr.: General`` in English (also in Russian, Chinese
      and Arabic documents), ``Distr. générale`` / ``Distr. limitée`` in French, ``Distr.
      general`` in Spanish. Capitals (older documents) are accepted. The Secretariat's issuances
      (bulletins, administrative instructions, information circulars) print none.""")
def distribution_line(doc):
    if not has_masthead(doc) or doc.kind in SECRETARIAT_ISSUANCES:
        return
    printed = doc.masthead.get("distribution")
    if not printed:
        yield _finding(doc, "UN403", "the masthead has no Distr. line")
        return
    from drafting.locale import terms
    masthead = terms(_lang(doc))["masthead"]
    allowed = list(masthead["distribution"].values())
    variants = [v for vs in masthead.get("distribution_variants", {}).values() for v in vs]
    if not _casefold_in(printed, allowed + variants):
        yield _finding(doc, "UN403", f"“{printed}” is not a {doc.lang} Distr. line "
                       f"({' / '.join(allowed)})", needle=printed)


def expected_date(date, lang: str) -> str:
    from drafting.locale import masthead_date as locale_masthead_date
    return locale_masthead_date(date, lang)


@rule("UN404", "masthead-date", "warning",
      "The masthead date is present, parseable and printed in the document language's form.",
      """The date under the Distr. line is printed in full in the document's language: ``9
      August 2017``, ``12 octobre 2011``, ``20 de septiembre de 2012``; Russian, Chinese and
      Arabic mastheads print it in English.""")
def masthead_date(doc):
    if not has_masthead(doc):
        return
    import datetime as dt
    iso = doc.masthead.get("date")
    text = doc.masthead.get("date_text")
    if not iso:
        if not _printed_elsewhere(doc, _has_date):
            yield _finding(doc, "UN404", "the masthead has no date that can be read")
        return
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        yield _finding(doc, "UN404", f"the masthead date {iso!r} is not a date")
        return
    want = expected_date(date, _lang(doc))
    if text and " ".join(text.split()) != want:
        yield _finding(doc, "UN404", f"masthead date “{text}” should read “{want}”", needle=text)


@rule("UN405", "original-line", "warning",
      "The Original line names the original language in the document's language.",
      """``Original: English`` in English, ``Original: anglais`` (Vienna) or ``Original :
      anglais`` (modern) in French, ``Original: inglés`` in Spanish. An adopted resolution or
      decision prints none and is not asked for one, nor are the Secretariat's issuances.""")
def original_line(doc):
    if not has_masthead(doc) or doc.kind in SECRETARIAT_ISSUANCES:
        return
    if doc.adopted and not doc.masthead.get("original"):
        return
    printed = doc.masthead.get("original")
    if not printed:
        if not _printed_elsewhere(doc, _original_label):
            yield _finding(doc, "UN405", "the masthead has no Original line")
        return
    from drafting.locale import LANGS, language_name, masthead_lang
    names = [language_name(x, masthead_lang(_lang(doc))) for x in LANGS]
    # a compilation submitted in several languages names each: "Arabic/English/French"
    if not all(_casefold_in(part, names) for part in printed.split("/")):
        yield _finding(doc, "UN405", f"Original: “{printed}” is not a language name in "
                       f"{doc.lang} ({', '.join(names)})", needle=printed)


@rule("UN406", "language-line", "warning",
      "The masthead names the language of this version (``Français``, ``Español``...).",
      """Every language version except English prints its own language above the Original
      line; it must match the language of the text. An adopted resolution or decision prints
      neither line and is not asked for one.""")
def language_line(doc):
    if not has_masthead(doc):
        return
    if doc.adopted and not doc.masthead.get("language") and not doc.masthead.get("original"):
        return
    from drafting.locale import masthead_language
    if _lang(doc) == "en":
        return  # an English document prints no language line
    expected = [masthead_language(_lang(doc))]
    printed = doc.masthead.get("language")
    if not printed:
        if not _printed_elsewhere(doc, lambda line: _names(line, expected[0])):
            yield _finding(doc, "UN406", f"the masthead has no language line ({expected[0]})")
    elif not _casefold_in(printed, expected):
        yield _finding(doc, "UN406", f"language line “{printed}” does not match the document "
                       f"language ({expected[0]})", needle=printed)


def _main_committee_report(symbol: str, doc_types: list[str]) -> bool:
    """A General Assembly document (``A/...``) titled as a committee's report: "Report of the
    Second Committee", "Rapport de la Deuxième Commission", "Доклад Второго комитета",
    "تقرير اللجنة الثانية": after the word "report", the committee's name (capitalized words,
    "and") up to the word "committee", not a report about a committee ("Report of the
    Secretary-General on the work of the Committee")."""
    if not symbol.startswith("A/"):
        return False
    from drafting.locale import LANGS, main_committee_word, terms
    from drafting.locale.vocabulary import vocabulary
    conjunctions = {c.casefold() for c in vocabulary().conjunctions}
    for title in doc_types:
        low = title.casefold()
        for x in LANGS:
            committee = main_committee_word(x).casefold()
            if committee not in low:
                continue
            if " " not in title.strip():
                return True  # written without spaces ("第二委员会的报告"): the name is the title
            for phrase in terms(x)["reader"]["report"]:
                at = low.find(phrase.casefold())
                if at < 0:
                    continue
                for word in title[at + len(phrase):].split():
                    if word.casefold().startswith(committee):
                        return True
                    if word[:1].islower() and word.casefold() not in conjunctions:
                        break  # a lower-case word: the report is about a committee, not by it
    return False


@rule("UN407", "modifier-kind", "error",
      "An addendum or corrigendum symbol goes with the matching document type, and back.",
      """A symbol ending in ``/Add.n`` belongs to a document titled Addendum (Additif, Adición),
      one ending in ``/Corr.n`` to a Corrigendum (Rectificatif, Corrección); a document titled
      so must carry the matching symbol. A Main Committee of the General Assembly reports on
      the sub-items of one agenda item in addenda to its report (``A/79/437/Add.4``), each
      titled as the Committee's report, not Addendum.""")
def modifier_kind(doc):
    if not has_masthead(doc):
        return
    printed = doc.masthead.get("symbol")
    if not printed:
        return
    doc_types = " ".join(doc.masthead.get("doc_type") or []) + " " + (doc.masthead.get("title") or "")
    from drafting.locale import LANGS, document_kind
    mods = {"Add": [document_kind("addendum", x) for x in LANGS],
            "Corr": [document_kind("corrigendum", x) for x in LANGS]}
    kinds = {k for k, words in mods.items()
             if any(re.search(rf"\b{re.escape(w)}\b", doc_types, re.I) for w in words)}
    m = re.search(r"/(Add|Corr)\.\d+\**(?:\s*\(.*\))?$", printed.strip())
    symbol_kind = m.group(1) if m else None
    lang = _lang(doc)
    word = {"Add": document_kind("addendum", lang), "Corr": document_kind("corrigendum", lang)}
    if symbol_kind == "Add" and _main_committee_report(printed, doc.masthead.get("doc_type") or []):
        symbol_kind = None
    if symbol_kind and symbol_kind not in kinds:
        yield _finding(doc, "UN407", f"symbol {printed} is a{'n addendum' if symbol_kind == 'Add' else ' corrigendum'}"
                       f" but the document is not titled {word[symbol_kind]}", needle=printed)
    for kind in kinds:
        if kind != symbol_kind:
            yield _finding(doc, "UN407", f"the document is titled {word[kind]} but "
                           f"its symbol {printed} has no /{kind}.n", needle=printed)
