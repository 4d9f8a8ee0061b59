"""Typography rules: quotation marks, French spacing, double spaces, spaces before punctuation,
OCR artefacts and words run together.

House profiles differ (un-conventions.md): French texts of Vienna (2004-2012) use “ ” and no
space before ``: ; ! ?``; modern New York texts use « » and a non-breaking space. The profile
is a setting (``quotes``, ``french-spacing``); ``auto`` takes the majority use of the document
and reports the exceptions.
"""

from __future__ import annotations

import bisect
import re
from itertools import repeat

from drafting.check.registry import rule
from drafting.check.segments import (
    finding_at,
    joined,
    matches,
    segment_starts,
    segments,
)

NBSP = "\u00a0\u202f"

# A straight quote between two letters is no quotation mark but a misread apostrophe (UN605).
# The pattern opens with the quote (the letter before it is looked at afterwards), so a search
# skips to the quotes instead of trying every character of the text.
_STRAIGHT_QUOTE = re.compile(r'"(?:(?<![^\W\d_]")|(?![^\W\d_]))')
_CURLY_QUOTES = re.compile("[“”«»]")
_HIGH_SIGN = re.compile(r"[:;!?](?=\s|\Z)")
_SPACED_HIGH = re.compile(rf"[ {NBSP}]([:;!?])")
_TIGHT_HIGH = re.compile(r"(?<=[^\s\d:;!?(\[/])([;!?]|:(?!//))(?=\s|$)")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
_TWO_SPACES = re.compile(r"(?<=\S)  (?=\S)")  # in a text file, longer runs align columns
_LINE_LABEL = re.compile(r"\s*(?:[(\[]?[\w*]{1,4}[.)/\]:]|\d{1,3})")  # a paragraph, point or note label
# Not before an ellipsis nor the leader dots of a table of contents (``Australia . . . 3``).
# Opens with the space (the word character before it is looked at afterwards): a search skips
# from space to space.
_SPACE_BEFORE = re.compile(r" (?<=\w ) *([,.)])(?! ?\.)")
_ARABIC = re.compile("[\u0600-\u06ff]")


def quote_profile(doc) -> str:
    setting = doc.config.quotes
    if setting != "auto":
        return setting
    text = joined(doc)
    return "new-york" if text.count("«") > text.count("“") else "vienna"


def expected_quotes(doc) -> tuple[str, str]:
    """The language's quotation marks (without the spaces some profiles put inside)."""
    from drafting.locale import LANGS, quotation_marks, terms
    lang = doc.lang if doc.lang in LANGS else "en"
    profiles = terms(lang)["quotes"].get("profiles") or {}
    profile = quote_profile(doc).replace("-", "_")
    opening, closing = quotation_marks(lang, profile if profile in profiles else None)
    return opening.strip(), closing.strip()


def spacing_profile(doc) -> str:
    setting = doc.config.french_spacing
    if setting != "auto":
        return setting
    text = joined(doc)
    spaced = tight = 0
    for m in _HIGH_SIGN.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if before in NBSP or before == " ":
            spaced += 1
        elif not (before.isdigit() or before in ":;!?([/") and text[m.start():m.start() + 3] != "://":
            tight += 1
    return "modern" if spaced > tight else "vienna"


@rule("UN601", "quotation-marks", "warning",
      "Quotation marks are the language's (and house profile's): “ ” or « », never straight.",
      """English, Spanish and Chinese use “ ”; Russian « »; French « » in New York texts and “ ”
      in Vienna texts of 2004-2012 (setting ``quotes``: ``vienna``, ``new-york`` or ``auto`` =
      the majority use of the document). A passage in another language quoted whole (a
      statement in French in an English compilation) keeps its language's marks. Straight
      quotes ``"`` are always reported and ``--fix`` replaces them.""", fixable=True)
def quotation_marks(doc):
    text = joined(doc)
    if '"' not in text and not _CURLY_QUOTES.search(text):
        return
    opening, closing = expected_quotes(doc)
    others = {"“", "”", "«", "»"} - {opening, closing}
    if not _STRAIGHT_QUOTE.search(text) and not any(o in text for o in others):
        return
    for seg in segments(doc):
        if '"' in seg.text:
            for m in _STRAIGHT_QUOTE.finditer(seg.text):
                yield finding_at(doc, "UN601", f"straight quote \" where {opening} {closing} are used",
                                 seg, m.start(), '"')
        if not any(o in seg.text for o in others):
            continue
        passage_marks = _passage_marks(doc, seg)
        for m in _CURLY_QUOTES.finditer(seg.text):
            if m.group(0) in others and m.group(0) not in passage_marks:
                yield finding_at(doc, "UN601", f"quotation mark {m.group(0)} where {opening} "
                                 f"{closing} are used in {doc.lang}", seg, m.start(), m.group(0))


def _passage_marks(doc, seg) -> frozenset[str]:
    """The quotation marks of the language the passage around a segment is written in, when
    that is not the document's: a statement quoted whole in its own language keeps its marks.
    The passage is the paragraph that holds the segment (a line of a text file is too short
    to tell a language by)."""
    from drafting.locale import passage_language, quotation_marks_of
    text = seg.text
    if seg.from_source:
        unit = doc.unit_at(seg.line)
        text = unit.text if unit is not None and unit.text else text
    known = doc.__dict__.setdefault("_passage_languages", {})  # a paragraph's lines ask alike
    if text not in known:
        known[text] = passage_language(text)
    lang = known[text]
    return quotation_marks_of(lang) if lang and lang != doc.lang else frozenset()


@rule("UN602", "french-spacing", "warning",
      "French spacing before : ; ! ? follows the house profile (none, or a non-breaking space).",
      """Vienna and older New York French texts print no space before ``: ; ! ?``; modern texts
      a non-breaking space. Setting ``french-spacing``: ``vienna``, ``modern`` or ``auto``
      (the majority use of the document). An ordinary space there is always wrong: it lets
      the sign wrap to the next line.""", fixable=True)
def french_spacing(doc):
    if doc.lang != "fr":
        return
    text = joined(doc)
    if not any(sign in text for sign in ":;!?"):
        return
    profile = spacing_profile(doc)
    for seg in segments(doc):
        text = seg.text
        if profile == "vienna":
            for m in _SPACED_HIGH.finditer(text):
                yield finding_at(doc, "UN602", f"space before “{m.group(1)}” (house profile: "
                                 f"no space)", seg, m.start(), m.group(0))
        else:
            for m in _TIGHT_HIGH.finditer(text):
                yield finding_at(doc, "UN602", f"no space before “{m.group(1)}” (house profile: "
                                 f"non-breaking space)", seg, m.start(), m.group(0))
            for m in re.finditer(r" ([:;!?])", text):
                yield finding_at(doc, "UN602", f"ordinary space before “{m.group(1)}” (house "
                                 f"profile: non-breaking space)", seg, m.start(), m.group(0))


@rule("UN603", "double-space", "warning",
      "No double spaces between words.",
      """Two or more spaces between words are typing or extraction accidents; ``--fix`` replaces
      them with one. In a plain text, runs of three spaces or more align columns (a table, a
      masthead) and are not reported, nor are the spaces after the label that opens a line
      (``a)``, ``3/``, ``12.``), which align the text. A text laid out with spaces (``pdftotext -layout``: many lines indented or
      holding runs of three spaces or more) aligns and justifies with spaces and is not read
      for them.""", fixable=True)
def double_space(doc):
    if "  " not in joined(doc) or _spaces_are_layout(doc):
        return
    pattern = _TWO_SPACES if doc.is_text and doc.format == "text" else _DOUBLE_SPACE
    for seg in segments(doc):
        for m in pattern.finditer(seg.text):
            if seg.from_source and _LINE_LABEL.fullmatch(seg.text, 0, m.start()):
                continue  # the label of a line ("a)", "3/", "12."): spaces align the text after it
            yield finding_at(doc, "UN603", "double space", seg, m.start(), m.group(0))


@rule("UN604", "space-before-punctuation", "warning",
      "No space before a comma, full stop or closing bracket.",
      """A space before a comma, a full stop or a closing bracket is wrong in every language.
      (French prints a space before ``: ; ! ?``, the other languages none: that is UN602's,
      read in French documents, since documents of the other languages quote French.)
      Arabic-script lines are not read: text extracted from a PDF holds right-to-left text in
      visual order, with its brackets and spaces moved. A space right after a footnote call
      is the reader's, not the text's.""")
def space_before_punctuation(doc):
    for seg, start, m in matches(doc, _SPACE_BEFORE):
        if start in seg.calls or _ARABIC.search(seg.text):
            continue  # the space a reader put after a raised footnote call; right-to-left text
        yield finding_at(doc, "UN604", f"space before “{m.group(1)}”", seg, start, m.group(0))


# OCR misreadings that are never right in running text. Each: pattern, languages (None = all),
# message. General shapes, not words of a particular document.
# The first item of each is a character the text must hold for the pattern to be tried at all.
OCR_ARTEFACTS = [
    ("|", re.compile(r"\|(?=['’])"), None, "“|” read for “l” before an apostrophe"),
    ("|", re.compile(r"(?<=\w)\||\|(?=\w)"), None, "“|” inside a word, read for “l” or “I”"),
    ("I", re.compile(r"\bI['’\"] ?(?=[A-Za-zÀ-ÿ])"), {"fr", "es"}, "“I'” read for “l'”"),
    ('"', re.compile(r"(?<=[^\W\d_])(?<!\bI)\"(?=[^\W\d_])"), None, "“\"” inside a word, read for an apostrophe"),
    ("&", re.compile(r"(?<=[a-zà-ÿ,] )&(?= [a-zà-ÿ])"), {"fr"}, "“&” read for “à”"),
    ("¢", re.compile(r"(?<=\w)¢"), None, "“¢” read for “ç” or “c”"),
    (",", re.compile(r"^\s*\d{1,3},\s+(?=[A-ZÀ-Ý])"), "paragraph-start",
     "paragraph number printed with a comma, read for a full stop"),
    (".", re.compile(r"^\s*(?=[\[|1lI]*[\[|l])[\[|1lI]{1,4}\.\s+(?=[A-ZÀ-Ý])"), None,
     "a chapter number misread (“[”, “1”, “l” or “|” for “I”)"),
]


@rule("UN605", "ocr-artefact", "error",
      "No stray OCR artefacts (``|'`` for ``l'``, ``&`` for ``à``, ``[11.`` for ``III.``).",
      """Characters that optical character recognition substitutes for letters and that are
      never right in running text: ``|`` inside words or before an apostrophe, ``I'`` for
      ``l'`` in French, ``&`` for ``à``, ``¢`` for ``ç``, a paragraph number followed by a
      comma, a chapter number read as ``[11.``. The source file is reported even when the
      reader repaired the artefact. ``--fix`` rewrites ``|'`` to ``l'``.""", fixable=True)
def ocr_artefact(doc):
    lines = set()
    whole = joined(doc)
    # the artefacts of this language whose character the text holds at all
    artefacts = [a for a in OCR_ARTEFACTS if a[0] in whole
                 and (a[2] in (None, "paragraph-start") or doc.lang in a[2])]
    for seg in segments(doc) if artefacts else ():
        text = seg.text
        for trigger, pattern, langs, message in artefacts:
            if trigger not in text:
                continue
            if langs == "paragraph-start" and not _starts_paragraph(doc, seg):
                continue
            for m in pattern.finditer(seg.text):
                lines.add(seg.line)
                yield finding_at(doc, "UN605", f"OCR artefact “{m.group(0).strip()}”: {message}",
                                 seg, m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
                                 m.group(0))
    for d in doc.diagnostics_with("ocr-repair"):
        if _a_list_of_numbers(doc, d):
            continue
        if d.line and d.line not in lines:
            lines.add(d.line)
            yield doc.finding("UN605", f"OCR artefact repaired by the reader: {d.message}",
                              line=d.line)


@rule("UN606", "words-run-together", "warning",
      "No words run together (``latraite``, ``SecretaryGeneral``).",
      """A token the language does not know that splits into common words of it is two or
      more words whose space or hyphen was lost (OCR, PDF extraction): ``latraite``,
      ``capacitybuilding``, ``SecretaryGeneral``. The words of the language come from word
      frequencies of the six languages (``wordfreq``); a word of the language is never cut,
      nor a compound with a bound prefix or suffix (``intergovernmental``, ``reaccredited``).
      Chinese has no spaces to lose and Arabic joins its clitics, so the rule reads English,
      French, Russian and Spanish.""")
def words_run_together(doc):
    from drafting.check.wordsplit import TOKEN, lexicon
    lex = lexicon(doc.lang)
    if lex is None:
        return
    # Each distinct token once over the whole text (chunks of word characters, apostrophes,
    # hyphens, dots, slashes and @: what is not all letters is a compound, an address or a
    # number, never split); lines are searched only for the few found.
    splits = {}
    chunks = set(_CHUNK.findall(joined(doc)))
    # the words of the language in lower case are most tokens: one set difference drops them
    common = lex.common_lowercase
    for token in set(map(str.rstrip, chunks, repeat("."))).difference(common):
        if len(token) < 6 or not token.isalpha():
            continue
        if token[1:].islower() and token.lower() in common:
            continue  # a capitalised word of the language ("Assembly"): never split
        splits[token] = lex.split(token)
    flagged = [token for token, parts in splits.items() if parts]
    if not flagged:
        return
    text = joined(doc)
    named = _address_labels(chunks)
    flagged = [t for t in flagged
               if not _own_spelling(text, t, splits[t]) and t.lower() not in named]
    if not flagged:
        return
    # the segments that hold a flagged token, found by searching the whole text for each
    # (a flagged token is rare) instead of every segment for every token
    segs = segments(doc)
    starts = segment_starts(doc)
    holding = set()
    for token in flagged:
        at = text.find(token)
        while at >= 0:
            holding.add(bisect.bisect_right(starts, at) - 1)
            at = text.find(token, at + 1)
    for seg in map(segs.__getitem__, sorted(holding)):
        for m in TOKEN.finditer(seg.text):
            token = m.group(0)
            parts = splits.get(token)
            if parts and token.lower() not in named and not _in_a_name(lex, seg.text, m) \
                    and not _after_a_line_end_hyphen(doc, seg, m.start()):
                yield finding_at(doc, "UN606", f"“{token}” looks like words run together: "
                                 f"“{' '.join(parts)}”", seg, m.start(), token)


def _own_spelling(text: str, token: str, parts: list[str]) -> bool:
    """A lowercase compound the document writes three times or more, and never apart, is its
    spelling (``workplans``): a space or hyphen lost in extraction is an accident of a line or
    two, and the document prints the word apart elsewhere."""
    if token != token.lower() or text.count(token) < 3:
        return False
    return " ".join(parts) not in text and "-".join(parts) not in text


_CHUNK = re.compile(r"[\w'’\-./@#]{6,}")  # a hashtag (#ScaleUp) is a name
_CAPITALIZED = re.compile(r"[^\W\d_][^\W\d_'’\-]*")


# The last label of a web address (``undocs.org``); a longer address has two dots or more.
_DOMAINS = {"org", "int", "com", "net", "edu", "gov", "info", "io"}


def _address_labels(chunks) -> set[str]:
    """The names a document also prints inside a web or e-mail address (``wedocs.unep.org``,
    ``@weCollaborate``): a site's or a service's name, never words run together."""
    labels = set()
    for chunk in chunks:
        if "." not in chunk and "@" not in chunk and "/" not in chunk:
            continue  # most chunks: a word, no address
        address = chunk.strip(".")
        parts = address.split(".")
        if "@" in address or "/" in address or len(parts) > 2 and all(parts) or \
                len(parts) == 2 and parts[0] and parts[1] in _DOMAINS:
            labels.update(part.lower() for part in re.split(r"[./@\-]", address) if part.isalpha())
    return labels


def _after_a_line_end_hyphen(doc, seg, start: int) -> bool:
    """The first word of a source line whose line before ends with a hyphen is the second half
    of a word cut at the line end ("env-" / "ironmental"), not a word of its own."""
    if not seg.from_source or seg.line is None or seg.line < 2 or seg.text[:start].strip():
        return False
    before = doc.source[seg.line - 2].rstrip()
    return before.endswith(("-", "\u00ad", "\u2010", "\u2011"))


def _in_a_name(lex, line: str, m) -> bool:
    """A capitalized token beside a capitalized word the language does not know is part of a
    proper name (``Sirianne Dahlum``), which no word list holds."""
    token = m.group(0)
    if not (token[:1].isupper() and token[1:].islower()):
        return False
    before = _CAPITALIZED.findall(line[max(0, m.start() - 40):m.start()])
    after = _CAPITALIZED.match(line, m.end() + 1) if line[m.end():m.end() + 1] == " " else None
    neighbours = ([before[-1]] if before and line[:m.start()].endswith(before[-1] + " ") else []) + \
        ([after.group(0)] if after else [])
    return any(w[:1].isupper() and not lex.known(w.lower()) for w in neighbours)
_LAYOUT_RUN = re.compile(r"^   |\S   +\S")


def _spaces_are_layout(doc) -> bool:
    """A plain text laid out with spaces (``pdftotext -layout``): one line in four indented
    by three spaces or more, or holding such a run between words. Its spaces align and
    justify lines; typed double spaces are two, and typed lines start at the margin."""
    if doc.format != "text" or not doc.is_text:
        return False
    lines = [s.text for s in segments(doc)]
    runs = sum(1 for text in lines if _LAYOUT_RUN.search(text))
    return runs * 4 >= len(lines) and runs >= 3


def _a_list_of_numbers(doc, diagnostic) -> bool:
    """A number and comma the reader took for a paragraph number (``9,`` for ``9.``) that
    goes on with another number (``9, 12, 28 and 53 (a) of the report``): a list of
    paragraph numbers wrapped at a line start, no OCR artefact."""
    if "paragraph number" not in diagnostic.message:
        return False
    unit = doc.unit_at(diagnostic.line)
    return unit is not None and bool(unit.text) and unit.text.lstrip()[:1].isdigit()


def _starts_paragraph(doc, seg) -> bool:
    """A source line after a blank line (or the first line): where a paragraph number stands."""
    if not seg.from_source:
        return True
    return seg.line == 1 or not doc.source[seg.line - 2].strip()
