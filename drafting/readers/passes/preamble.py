"""Pass 11: a resolution's enacting formula and preambular paragraphs.

In a resolution or decision the paragraphs before the first numbered one are its preamble: the
enacting formula, found by its words (``The General Assembly,``), then the preambular paragraphs,
whose opening words are printed in italics. A resolution of one unnumbered operative paragraph
(``The General Assembly`` without a comma, then ``Adopts the Declaration ...``) keeps that paragraph
in its body.
"""

from __future__ import annotations

from functools import lru_cache

from drafting.locale import terms
from drafting.model.blocks import Heading, Para, Styled, plain_text
from drafting.readers.passes.front import is_formula
from drafting.readers.passes.reading import Reading

RESOLUTION_KINDS = ("resolution", "resolutionDraft", "decision", "decisionDraft")


def run(reading: Reading) -> None:
    doc = reading.doc
    if doc.kind not in RESOLUTION_KINDS:
        return
    doc.preamble, doc.body = split_preamble(doc.body, doc.lang)


def split_preamble(body: list, lang: str) -> tuple[list[Para], list]:
    """(preamble, operative part) of a resolution's or decision's paragraphs: the formula and the
    preambular paragraphs before the first numbered one, then the rest. The same rule reads a
    resolution and the draft a report reproduces."""
    formula = next((i for i, p in enumerate(body[:3]) if isinstance(p, Para) and is_formula(plain_text(p.text))), None)
    first_numbered = next((i for i, p in enumerate(body) if isinstance(p, Para) and p.num), None)
    if formula is not None and not plain_text(body[formula].text).rstrip().endswith((",", "،", "，")):
        # "The General Assembly" / "Adopts the Declaration annexed ...": one unnumbered operative paragraph
        body[formula].role = "formula"
        return [body[formula]], body[formula + 1:]
    if first_numbered is None:
        first_numbered = len(body) if formula is not None else None
    if first_numbered is None:
        return [], body
    # Cross-headings over the operative part ("Peacebuilding Commission") open the body.
    first_numbered = next((i for i, p in enumerate(body[:first_numbered]) if isinstance(p, Heading)), first_numbered)
    head = body[:first_numbered]
    for k, para in enumerate(head):
        para.role = "formula" if k == formula or (formula is None and k == 0 and
                                                  plain_text(para.text).rstrip().endswith(",")) else "preambular"
        if para.role == "preambular":
            _italicise_opening(para, lang)
    return head, body[first_numbered:]


@lru_cache(maxsize=None)
def _openings(lang: str) -> tuple[tuple[str, str, str], ...]:
    """The preambular openings, longest first, each with a space and with a comma after it
    (sorted once per language, not at every paragraph)."""
    openings = set(terms(lang).get("preambular", {}))
    if terms(lang).get("reader", {}).get("lower_case_openings"):
        openings |= {o[:1].lower() + o[1:] for o in openings}   # "ссылаясь на ..."
    return tuple((o, o + " ", o + ",") for o in sorted(openings, key=len, reverse=True))


@lru_cache(maxsize=None)
def _opening_forms(lang: str) -> tuple[str, ...]:
    """Every opening with a space and with a comma after it, for one startswith over them all."""
    return tuple(form for _opening, spaced, comma in _openings(lang) for form in (spaced, comma))


@lru_cache(maxsize=None)
def _openings_by_length(lang: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The openings grouped by length, longest first: the longest opening a text starts with is
    found by one set look-up per length instead of a test per opening."""
    lengths: dict[int, set[str]] = {}
    for opening, _spaced, _comma in _openings(lang):
        lengths.setdefault(len(opening), set()).add(opening)
    return tuple((n, frozenset(words)) for n, words in sorted(lengths.items(), reverse=True))


@lru_cache(maxsize=None)
def _extensions(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words the italics extend over after an opening (its modifiers and stances), longest
    first, and each with the space before it (for one startswith over them all)."""
    reader = terms(lang).get("reader", {})
    words = tuple(sorted(reader.get("italic_modifiers", []) + reader.get("italic_stances", []), key=len, reverse=True))
    return words, tuple(" " + w for w in words)


def _italicise_opening(para: Para, lang: str) -> None:
    """Preambular openings are printed in italics; text extraction lost them. The italics cover
    the opening words, their modifiers (``Recalling also``), the stance the verb states
    (``Reiterating its support``) and a second participle joined to the first (``Reaffirming and
    committing``), in any order and number."""
    if not para.text or not isinstance(para.text[0], str):
        return
    if not para.text[0].startswith(_opening_forms(lang)):
        return   # (one startswith over every opening first: most paragraphs open with none)
    reader = terms(lang).get("reader", {})
    extensions, spaced_extensions = _extensions(lang)
    conjunction = reader.get("italic_conjunction")
    endings = tuple(reader.get("participle_endings", []))
    first = para.text[0]
    for length, openings in _openings_by_length(lang):
        if first[:length] in openings and first[length:length + 1] in (" ", ","):
            end = length
            while True:
                # (one startswith over them all first: after the last word the italics cover, none follows)
                word = next((w for w in extensions if _word_at(first, end, w)), None) if first.startswith(
                    spaced_extensions, end) else None
                if word is None and conjunction and endings and first.startswith(" " + conjunction + " ", end):
                    start = end + len(conjunction) + 2
                    participle = first[start:].split(" ", 1)[0].rstrip(",")
                    if participle.islower() and participle.endswith(endings) and len(participle) > 5:
                        word = conjunction + " " + participle
                if word is None:
                    break
                end += 1 + len(word)
            para.text[0:1] = [Styled("i", [first[:end]]), first[end:]]
            return


def _word_at(text: str, end: int, word: str) -> bool:
    """Does ``text`` continue at ``end`` with a space and the whole of ``word``?"""
    after = end + 1 + len(word)
    return text.startswith(" " + word, end) and (len(text) == after or not text[after].isalnum())
