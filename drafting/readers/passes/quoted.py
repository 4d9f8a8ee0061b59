"""Pass 10: the drafts a report recommends, read as documents of their own inside the report.

A committee or commission report ends by recommending drafts to its parent organ: a paragraph
that ends ``... recommends to the General Assembly the adoption of the following draft
resolution:`` (``draft decisions:``, ``projet de résolution suivant :``) is followed by the text
of each draft as it will be adopted: an optional label (``Draft resolution I``), its title, its
enacting formula, its preamble and its own numbered paragraphs, with footnotes numbered afresh.
Those paragraphs are the draft's, not the report's: they become ``QuotedDocument``s held by the
recommending paragraph. The quoted text runs to the next chapter or section heading of the
report, to the next recommending paragraph, or to the end of the body.
"""

from __future__ import annotations

import re

from drafting.locale import terms
from drafting.model.blocks import DocumentBlocks, Heading, Para, QuotedDocument, plain_text
from drafting.readers.passes.front import is_formula, words
from drafting.readers.passes.preamble import RESOLUTION_KINDS, split_preamble
from drafting.readers.passes.reading import Reading
from drafting.regex import lazy_compile

# Report headings that end the quoted drafts (a draft's title is read as a cross-heading).
REPORT_LEVELS = ("chapter", "section", "subsection", "annex")
COLONS = (":", "：")
LABEL_TAIL = lazy_compile(r"[\s\u00a0]*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})?[.:]?")  # "I", "II", "A", "2"
MAX_TITLE_ITEMS = 3   # title lines before the formula
TAIL_WORDS = 5        # the draft's name, and a word or two after it, before the colon


def run(reading: Reading) -> None:
    quote_drafts(reading.doc)


def quote_drafts(doc: DocumentBlocks) -> None:
    """Move the drafts that follow a recommending paragraph of ``doc``'s body into that
    paragraph, as documents of their own (the Word reader calls it on what its styles gave)."""
    if doc.kind in RESOLUTION_KINDS:
        return
    words = _draft_words(doc.lang)
    body, out, i = doc.body, [], 0
    while i < len(body):
        item = body[i]
        out.append(item)
        i += 1
        kind = _recommends(item, words)
        if kind is None:
            continue
        # The drafts run to the report's next heading, or to its next paragraph: the number
        # after the recommending paragraph's, where the drafts' own numbers do not lead to it.
        end, after, previous = i, _number(item), None
        while end < len(body) and not _ends_quote(body[end], words):
            n = _number(body[end])
            if n is not None and after is not None and n == after + 1 and previous != after:
                break
            previous = n if n is not None else previous
            end += 1
        drafts = _drafts(body[i:end], kind, words, doc.lang)
        if drafts:
            item.quoted = drafts
            _own_numbering(doc, body[i:end])
            i = end
    doc.body = out


def _own_numbering(doc, items: list) -> None:
    """A draft numbers its paragraphs from 1: the warnings that took its paragraph 1 for a
    number out of the report's sequence are withdrawn."""
    lines = {p.line for p in items if isinstance(p, Para) and p.num and p.line is not None}
    doc.diagnostics = [d for d in doc.diagnostics if not (d.code == "sequence" and d.line in lines)]


def _number(item) -> int | None:
    """A paragraph's printed number as a value (``19.`` -> 19), None for none."""
    if not isinstance(item, Para) or not item.num:
        return None
    digits = re.sub(r"\D", "", item.num)
    return int(digits) if digits else None


def _draft_words(lang: str) -> dict[str, list[str]]:
    """The words that name a draft resolution and a draft decision, folded."""
    kinds = terms(lang).get("document_kinds", {})
    found = {"resolutionDraft": [], "decisionDraft": []}
    for key, kind in (("draft_resolution", "resolutionDraft"), ("draft_decision", "decisionDraft")):
        if kinds.get(key):
            found[kind].append(kinds[key].casefold())
    return found


def _names_draft(text: str, phrase: str) -> bool:
    """``phrase`` stands in ``text`` word by word, each word allowed an ending (plural, case:
    ``draft resolutions``, ``проекта резолюции``); a text without spaces (Chinese) by substring."""
    if " " not in phrase:
        return phrase in text
    want = phrase.split()
    # a word may carry the Arabic article (مشروع القرار for مشروع قرار)
    have = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split()]
    stems = [w[: max(3, len(w) - 2)] for w in want]
    for k in range(len(have) - len(want) + 1):
        if all(have[k + j].startswith(stems[j]) for j in range(len(want))):
            return True
    return False


def _recommends(item, words) -> str | None:
    """The kind of draft a recommending paragraph introduces, or None."""
    if not isinstance(item, Para) or item.points or item.table is not None:
        return None
    text = plain_text(item.text).strip()
    if not text.endswith(COLONS):
        return None
    # The draft is named at the end: "... the following draft resolution:", "... du projet de
    # résolution suivant :", never "... of draft resolution A/C.2/79/L.21 ... as follows:".
    tail = " ".join(text.rstrip(":： ").casefold().split()[-TAIL_WORDS:])
    for kind in ("resolutionDraft", "decisionDraft"):
        if any(_names_draft(tail, w) for w in words[kind]):
            return kind
    return None


def _label_kind(item, words) -> str | None:
    """``Draft resolution I`` / ``Draft decision``: a draft's label line, and its kind."""
    if isinstance(item, Para) and (item.num or item.points):
        return None
    text = plain_text(item.text).strip().casefold()
    for kind in ("resolutionDraft", "decisionDraft"):
        for w in words[kind]:
            if text.startswith(w) and LABEL_TAIL.fullmatch(plain_text(item.text).strip()[len(w):]):
                return kind
    return None


def _is_title_line(item) -> bool:
    if not isinstance(item, Para) or item.num or item.points or item.table is not None:
        return False
    text = plain_text(item.text).strip()
    return not is_formula(text) and not text.endswith((".", ";", ":", ","))


def _names_organ(text: str) -> bool:
    """``The General Assembly decides ...``: a decision of one paragraph opens with its organ."""
    folded = " ".join(text.casefold().split()[:8])
    for article in words("formula_articles"):
        if folded.startswith(article + " "):
            folded = folded[len(article) + 1:]
            break
    return any(folded.startswith(organ + " ") for organ in words("organs"))


def _ends_quote(item, words) -> bool:
    if isinstance(item, Heading):
        return item.level in REPORT_LEVELS
    return _recommends(item, words) is not None


def _drafts(items: list, kind: str, words, lang: str) -> list[QuotedDocument]:
    """The drafts printed in ``items``: each opens at its label, else the whole run is one."""
    starts = [k for k, item in enumerate(items) if _label_kind(item, words)]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    drafts = []
    for a, b in zip(starts, starts[1:] + [len(items)]):
        draft = _draft(items[a:b], kind, words, lang)
        if draft is None:
            return []  # not the text of drafts after all: the report's own paragraphs stay
        drafts.append(draft)
    return drafts


def _draft(items: list, kind: str, words, lang: str) -> QuotedDocument | None:
    if not items:
        return None
    draft = QuotedDocument(kind=kind, line=items[0].line)
    k = 0
    label_kind = _label_kind(items[0], words)
    if label_kind:
        draft.kind, draft.label, k = label_kind, list(items[0].text), 1
    # The title: the headings before the formula or the first paragraph, else one unnumbered
    # paragraph that something follows (a title set as body text).
    title: list = []
    while k < len(items) and len(title) < MAX_TITLE_ITEMS and isinstance(items[k], Heading) \
            and items[k].level not in REPORT_LEVELS:
        title.append(items[k])
        k += 1
    if not title and k + 1 < len(items) and _is_title_line(items[k]):
        title.append(items[k])
        k += 1
    rest = items[k:]
    has_formula = any(isinstance(p, Para) and is_formula(plain_text(p.text)) for p in rest[:1])
    if not (has_formula or title or label_kind or any(isinstance(p, Para) and p.num for p in rest)
            or (rest and isinstance(rest[0], Para) and _names_organ(plain_text(rest[0].text)))):
        # No formula, title, label or numbered paragraph, and no organ deciding: nothing shows
        # a draft's text here.
        return None
    if not rest and not title:
        return None
    first_num = next((p.num for p in rest if isinstance(p, Para) and p.num), None)
    if first_num is not None and not label_kind and re.sub(r"\D", "", first_num) != "1":
        return None  # a draft numbers its paragraphs from 1: these go on with the report's
    if title:
        inlines: list = []
        for item in title:
            if inlines:
                inlines.append(" ")
            inlines.extend(([item.num + " "] if item.num else []) + list(item.text))
        draft.title = inlines
    draft.preamble, draft.body = split_preamble(rest, lang) if has_formula else ([], rest)
    for para in draft.body:
        if isinstance(para, Para) and para.role not in ("paragraph", "quote"):
            para.role = "paragraph"
    return draft
