"""Pass 2: words broken at a line's end by a hyphen are read as one word where they are one.

Russian, French and Spanish texts divide long words at the end of a line (``Центральноафрикан-`` /
``ской``); English UN texts do not, and there a hyphen at a line's end belongs to a compound
(``capacity-`` / ``building``). The document itself says which a break is: a line ending in a
letter and a hyphen, followed by a line opening with a lower-case letter, is one word when the
joined form occurs elsewhere in the document more often than the hyphenated one; a compound when
the hyphenated form is the more frequent. Where neither occurs, the language decides (the
locale's ``divides_words``; Cyrillic always divides): in a language that divides words, a
compound when both halves are words the document uses on their own (``государства`` /
``участника``), else one word; in one that does not, a compound.

A break read as one word is marked by turning its hyphen into a soft hyphen (U+00AD, the hyphen
printed only where a line breaks), which ``passes.text.join_lines`` drops when it joins the two
lines; each join is reported (code ``hyphenation``) with the two printed pieces.
"""

from __future__ import annotations

from collections import Counter

from drafting.locale import terms
from drafting.readers.lines import Line
from drafting.readers.passes.reading import Reading
from drafting.regex import lazy_compile

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010"   # hyphen-minus, hyphen (the non-breaking hyphen U+2011 never breaks a line)
BREAKS = HYPHENS + SOFT_HYPHEN
# A word with the compounds it is part of ("государства-участника"): letters, hyphen, letters.
# (each repetition opens with a hyphen, which no letter run holds: linear)
WORD = lazy_compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
PART = lazy_compile(r"[-\u2010\u2011]")
LAST_SCRIPT = 0x052F   # Latin, Greek and Cyrillic letters: the scripts that divide words so
MESSAGE = "word broken at the line's end read as one: "


def run(reading: Reading) -> None:
    printed = [l for l in reading.lines if l.zone not in ("furniture", "rule") and l.text.strip()]
    # the lines that end in a hyphen, spaces after it aside (a printed line is not blank): the
    # one test made of each line, where most end in none
    hyphened = [k for k, l in enumerate(printed[:-1]) if l.text.rstrip()[-1] in BREAKS]
    breaks = [(printed[k], printed[k + 1]) for k in hyphened if _may_break(printed[k], printed[k + 1])]
    if not breaks:
        return
    divides = bool(terms(reading.doc.lang).get("reader", {}).get("divides_words", False))
    pieces = [(a, b, _last_word(a.text), _first_word(b.text)) for a, b in breaks]
    # (Cyrillic texts divide words whatever the document's main language)
    if divides or any(_cyrillic(head[-1:]) for _, _, head, _ in pieces):
        count = _vocabulary(printed, hyphened).__getitem__
    else:
        # a text that divides no word asks only how often the joined and the hyphenated forms
        # occur: a search for each, not a reading of every word
        count = _folded(printed).count
    for a, b, head, tail in pieces:
        text = a.text.rstrip()
        if text[-1] == SOFT_HYPHEN or _one_word(head, tail, count, divides or _cyrillic(head[-1:])):
            a.text = text[:-1] + SOFT_HYPHEN
            reading.doc.note("info", f"{MESSAGE}{head}-{tail}", a.no, "hyphenation")


def _may_break(a: Line, b: Line) -> bool:
    """Does line ``a`` end in a letter and a hyphen and line ``b`` (the next printed line, in
    the same zone) open with a lower-case letter of a script that divides words? (A soft
    hyphen that an OCR layer printed there says the word is one already.)"""
    text = a.text.rstrip()
    if len(text) < 2 or text[-1] not in BREAKS or not text[-2].isalpha() or ord(text[-2]) > LAST_SCRIPT:
        return False
    first = b.text.lstrip()[:1]
    # (a line the format says opens a paragraph, a Word paragraph, follows no printed break)
    return first.islower() and ord(first) <= LAST_SCRIPT and a.zone == b.zone and not b.opens_paragraph


def _last_word(text: str) -> str:
    words = WORD.findall(text.rstrip()[:-1][-80:])
    return PART.split(words[-1])[-1] if words else ""


def _first_word(text: str) -> str:
    m = WORD.match(text.lstrip())
    return PART.split(m.group())[0] if m else ""


def _vocabulary(printed: list[Line], hyphened: list[int]) -> Counter:
    """How often each word, and each pair of words joined by a hyphen, stands in the document,
    alone or in a compound, case folded; the pieces of a break do not count (a piece at a
    line's end, or at the opening of the line after it). The text is read in one pass of the
    pattern; only the compounds and the breaks are looked at one by one (``hyphened``: the
    indexes of the lines before the last that end in a hyphen, spaces aside)."""
    whole = Counter(WORD.findall(_folded(printed)))
    for k in hyphened:
        a, b = printed[k], printed[k + 1]
        text = a.text.rstrip()
        if len(text) > 1 and text[-1] in BREAKS and text[-2].isalpha():
            ends = WORD.findall(text[-80:].casefold())
            opens = WORD.match(b.text.lstrip().casefold())
            for piece in ([ends[-1]] if ends else []) + ([opens.group()] if opens else []):
                if whole[piece] > 0:
                    whole[piece] -= 1
    parts: Counter = Counter()
    for word, count in whole.items():
        if count <= 0:
            continue
        if "-" in word or "\u2010" in word or "\u2011" in word:
            pieces = PART.split(word)
            for piece in pieces:
                parts[piece] += count
            for x, y in zip(pieces, pieces[1:]):
                parts[f"{x}-{y}"] += count
        else:
            parts[word] += count
    return parts


def _folded(printed: list[Line]) -> str:
    """The printed lines' text, one a line, case folded. Folding takes each character alone, so
    the lines are folded one by one: a line of ASCII letters folds at once, where the whole
    text, with one typographic quote in it, is folded character by character."""
    return "\n".join([l.text.casefold() for l in printed])


def _one_word(head: str, tail: str, count, divides: bool) -> bool:
    """Is ``head``-``tail`` one word broken at the line's end (else a compound)? ``count``: how
    often a form occurs in the document; ``divides``: the text's language divides words at a
    line's end, so a break is a word's where the document does not say otherwise."""
    if not head or not tail:
        return False
    h, t = head.casefold(), tail.casefold()
    joined, hyphenated = count(h + t), count(f"{h}-{t}")
    if joined != hyphenated:
        return joined > hyphenated
    return divides and not (count(h) and count(t))


def _cyrillic(letter: str) -> bool:
    return "\u0400" <= letter <= "\u052f"
