"""The frame of a document from its keys: masthead and preface in the language's UN form.

The words come from the locale package (one data file per language); this module only decides
which word goes where: ru, zh and ar keep the English masthead (``language_of_masthead``), the
date is printed the UN way, the session as an ordinal in words, the agenda line from its pattern.
A printed form given in the keys (``session_text``, ``place_dates``...) wins over the computed one,
so that a document read from elsewhere and written back to Markdown keeps its print.
"""

from __future__ import annotations

from drafting import locale
from drafting.model.session_keys import AKN_KINDS, KINDS
from drafting.model.blocks import Masthead, NoteRef, Preface


def akn_kind(kind: str | None) -> str:
    if kind in KINDS:
        return KINDS[kind]
    return AKN_KINDS.get(kind or "", "reportDraft")


def doc_types(kind: str | None, symbol: str | None, lang: str) -> list[str]:
    """The document type lines: "Draft report" then "Addendum" for an addendum, and so on."""
    akn = akn_kind(kind)
    main = {
        "reportDraft": "draft_report", "resolutionDraft": "draft_resolution",
        "decisionDraft": "draft_decision", "note": "note_by_the_secretariat",
        "corrigendum": "corrigendum", "report": "report", "resolution": "resolution",
        "decision": "decision",
    }.get(akn)
    if main is None:
        return []  # a letter's title says what it is: no type line of its own
    lines = [locale.document_kind(main, lang)]
    if kind == "draft-report-addendum" or (akn == "reportDraft" and symbol and "/Add." in symbol):
        lines.append(locale.document_kind("addendum", lang))
    return lines


def place_and_dates(place: str | None, dates, lang: str) -> str | None:
    if not dates:
        return place
    text = (locale.format_date(dates[0], lang) if len(dates) == 1 or dates[0] == dates[-1]
            else locale.format_date_range(dates[0], dates[-1], lang))
    if not place:
        return text
    # a per-language pattern when the locale data has one (Arabic and Chinese commas differ)
    pattern = locale.terms(lang).get("masthead", {}).get("place_dates", "{place}, {dates}")
    return pattern.format(place=place, dates=text)


def agenda_line(item: str | None, lang: str, provisional: bool = True) -> str | None:
    return locale.agenda_item_line(item, lang, provisional) if item else None


def build_frame(keys: dict, lang: str, symbol_note: NoteRef | None = None) -> tuple[str, Masthead, Preface]:
    """Keys already reduced to one language -> (AKN kind, masthead, preface)."""
    kind = keys.get("kind")
    mlang = locale.masthead_lang(lang)
    symbol = keys.get("symbol")
    m = Masthead(symbol=symbol, symbol_note=symbol_note)
    if keys.get("organs"):
        m.organs = list(keys["organs"])
    elif keys.get("organ"):
        m.organs = [keys["organ"]]
    dist = keys.get("distribution")
    if dist:
        m.distribution_kind = dist
        m.distribution = locale.distribution_line(dist, lang)
    if keys.get("distribution_text"):
        m.distribution = keys["distribution_text"]
    if keys.get("date"):
        m.date = keys["date"]
        m.date_text = locale.masthead_date(keys["date"], lang)
    if keys.get("date_text"):
        m.date_text = keys["date_text"]
    if lang != "en":
        m.language_line = locale.masthead_language(lang)
    if "language_line" in keys:
        m.language_line = keys["language_line"] or None
    m.job_number = keys.get("job_number")
    if keys.get("original"):
        # "Original: anglais" is split into its label and the language word the builder marks up
        word = locale.language_name(keys["original"], mlang)
        line = locale.original_line(keys["original"], lang)
        m.original = word
        m.original_label = line[: len(line) - len(word)].rstrip() if line.endswith(word) else "Original:"
    if keys.get("original_text"):
        m.original = keys["original_text"]
        m.original_label = m.original_label or "Original:"
    p = Preface(body=keys.get("body"), title=[keys["title"]] if keys.get("title") else None)
    if keys.get("session"):
        p.session_number = keys["session"]
        p.session_text = locale.session_ordinal(keys["session"], lang)
    if keys.get("session_text"):
        p.session_text = keys["session_text"]
    p.place_dates = keys.get("place_dates") or place_and_dates(keys.get("place"), keys.get("dates"), lang)
    p.agenda_item = keys.get("agenda_item")
    organ = keys.get("organ") or (m.organs[-1] if m.organs else None)
    if p.agenda_item and keys.get("provisional_agenda") is None and locale.is_general_assembly(organ):
        p.agenda_text = locale.assembly_agenda_line(p.agenda_item, lang)
    else:
        p.agenda_text = agenda_line(p.agenda_item, lang, keys.get("provisional_agenda", True) is not False)
    p.agenda_text = keys.get("agenda_text") or p.agenda_text
    if keys.get("agenda_title"):
        p.agenda_title = [keys["agenda_title"]]
    if keys.get("agenda_note"):
        marker = "**" if m.symbol_note is not None else "*"
        p.agenda_note = NoteRef(marker, [[keys["agenda_note"]]])
    if keys.get("title_note"):
        marker = "*" * (1 + (m.symbol_note is not None) + (p.agenda_note is not None))
        p.title = (p.title or []) + [NoteRef(marker, [[keys["title_note"]]])]
    # no kind given: no type line is invented; an explicit doc_type (even empty) is printed as is
    types = keys["doc_type"] if "doc_type" in keys else (doc_types(kind, symbol, lang) if kind else [])
    p.sponsors = list(keys.get("sponsors") or [])
    if p.sponsors and types and akn_kind(kind) in ("resolutionDraft", "decisionDraft") and "doc_type" not in keys:
        # "Group of 77 and China: draft resolution": the type follows the sponsors in lower case
        types = [types[0][:1].lower() + types[0][1:] if lang in ("en", "fr", "es", "ru") else types[0]] + types[1:]
    p.doc_type = types[0] if types else None
    p.doc_type_extra = types[1:]
    # lines the builder places in the title block by the kind's printed order
    p.extra = [[line] for line in keys.get("title_lines") or []]
    if keys.get("number"):
        p.extra.append([keys["number"]])
    return akn_kind(kind), m, p
