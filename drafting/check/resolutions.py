"""Resolution rules: preambular commas, operative semicolons and full stop, italic openings."""

from __future__ import annotations

import re

from drafting.check.registry import rule
from drafting.model.akn import local, text_content, xp


def _marks(doc) -> dict:
    from drafting.locale import LANGS, resolution_punctuation
    return resolution_punctuation(doc.lang if doc.lang in LANGS else "en")


def _is_resolution(doc) -> bool:
    return doc.is_resolution


def _operative(doc):
    """The operative paragraphs: the numbered paragraphs of the body up to the first number
    that does not follow on (the paragraphs of an annex, a convention, begin again at 1)."""
    out, previous = [], 0
    for u in doc.units:
        if u.kind == "paragraph" and u.depth == 0 and u.num:
            n = int(u.number) if u.number and u.number.isdigit() else None
            if n is not None and out and n <= previous:
                break
            previous = n or previous + 1
            out.append(u)
    return out


def _ending_text(el) -> str:
    """The text a paragraph ends with: its wrap-up, else its last point, else its own content."""
    lists = xp(el, "a:list")
    if lists:
        lst = lists[-1]
        wrap = xp(lst, "a:wrapUp")
        if wrap:
            return text_content(wrap[0])
        points = xp(lst, "a:point")
        if points:
            return _ending_text(points[-1])
        return text_content(lst)
    return " ".join(text_content(c) for c in xp(el, "a:content | a:p"))


# A footnote call read as text after the closing mark ("Agreement;12"): the mark is the end.
_CALL_AFTER_MARK = re.compile(r"(?<=[.;,:”»’\"])\s?(?:\d{1,3}|\*{1,3})$")
_FOOTNOTE_RULE = re.compile(r"_{5,}")  # the rule above a page's footnotes


def _closing_mark(doc, text: str) -> str | None:
    """The mark a paragraph ends with, or None when what was read cannot tell it: a page
    break cut the paragraph (the footnote rule of the page foot is in its text, or, in an
    input read from pages, a PDF or its text, it ends on a letter or figure, mid-sentence)."""
    if _FOOTNOTE_RULE.search(text):
        return None
    text = text.rstrip()
    # a call stands in the last few characters: only they are searched, not the paragraph
    end = _last_char(text[:-8] + _CALL_AFTER_MARK.sub("", text[-8:]))
    if end.isalnum() and doc.read_from_pages:
        return None
    return end


def _last_char(text: str) -> str:
    """The closing punctuation: a paragraph ending on a quoted title prints its full stop or
    semicolon inside the quotation marks (``entitled “...Countries.”``)."""
    text = text.rstrip()
    bare = text.rstrip("”»’\"")
    return bare[-1:] if bare != text and bare[-1:] in ".;,:" else text[-1:]


@rule("UN501", "preambular-comma", "error",
      "Preambular paragraphs of a resolution end with a comma.",
      """Each preambular paragraph is one clause of the sentence the enacting formula opens:
      it ends with a comma (``،`` in Arabic). A paragraph ending with a colon introduces its
      points or a quotation; in an input read from printed pages (a PDF, its text) a paragraph
      that ends mid-sentence was cut by a page break and is not read for its end.""")
def preambular_comma(doc):
    if not _is_resolution(doc):
        return
    comma = _marks(doc)["preambular_end"]
    for u in doc.units:
        if u.kind != "preambular" or not u.text:
            continue
        end = _closing_mark(doc, u.text)
        if end and end != comma and end != ":":  # a colon introduces its points or a quotation
            yield doc.finding("UN501", f"preambular paragraph ends with “{end}”, "
                              f"not a comma", u, needle=u.text.rstrip()[-15:])


@rule("UN502", "operative-punctuation", "error",
      "Operative paragraphs end with a semicolon, the last one with a full stop.",
      """Operative paragraphs continue the one sentence of the resolution: each ends with a
      semicolon (``؛`` in Arabic) and the last with a full stop. A paragraph with
      sub-paragraphs ends where its last sub-paragraph or closing words end; one ending with a
      colon introduces them. A footnote call after the mark is no part of the end; a paragraph
      cut by a page break (in a PDF or its text) is not read for its end.""")
def operative_punctuation(doc):
    if not _is_resolution(doc):
        return
    paras = _operative(doc)
    marks = _marks(doc)
    semicolon, stop = marks["operative_end"], marks["final_end"]
    for i, u in enumerate(paras):
        end = _closing_mark(doc, _ending_text(u.element))
        want = stop if i == len(paras) - 1 else semicolon
        if end and end != want and end != ":":  # a colon introduces points or a quotation
            what = "the last operative paragraph" if want == stop else f"operative paragraph {u.num}"
            yield doc.finding("UN502", f"{what} ends with “{end}”, not “{want}”", u)


def _first_p(el):
    if local(el) == "container":
        ps = xp(el, "a:p")
    else:
        ps = xp(el, "a:content/a:p | a:list/a:intro/a:p")
    return ps[0] if ps else None


def _opens_italic(p) -> bool:
    if (p.text or "").strip():
        return False
    for child in p:
        if local(child) == "i":
            return True
        if local(child) in ("b", "u") and _opens_italic(child):
            return True
        return False
    return False


@rule("UN503", "italic-opening", "warning",
      "Preambular and operative paragraphs open with an italic word.",
      """The opening participle of a preambular paragraph (*Recalling*) and the opening verb of
      an operative paragraph (*Decides*) are printed in italics. Only inputs that carry
      formatting are read for it (PDF, DOCX, and Markdown or AKN that mark emphasis): plain
      text cannot hold italics.""")
def italic_opening(doc):
    if not _is_resolution(doc) or not doc.carries_formatting:
        return
    for u in doc.units:
        if u.kind == "preambular" or (u.kind == "paragraph" and u.depth == 0 and u.num):
            p = _first_p(u.element)
            if p is not None and u.text and not _opens_italic(p):
                word = u.text.split()[0] if u.text.split() else ""
                yield doc.finding("UN503", f"the opening word “{word}” is not in italics", u,
                                  needle=word or None)
