"""The markdown-it parser of the drafting dialect: the ``zero`` preset plus only what the dialect allows.

Enabled: front matter, ATX headings (``#`` to ``####``), paragraphs, block quotes, ``*italic*`` and
``**bold**``, backslash escapes, ``^superscript^``, footnotes ``[^1]`` with ``[^1]: text``; and two
rules of the dialect's own: sub-paragraph items (``(a)``, ``a)``, ``(i)``, ``-``; ``1.`` when
indented) and the paragraph number a drafter typed (``12.``) or refused (``{-}``).

Markdown's own lists are left off on purpose: ``1. *Affirms* ...`` is a numbered paragraph of the
document, not an ordered list, and Markdown lists cannot be labelled with letters.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.superscript import superscript_plugin

# A sub-paragraph label at the start of a line: (a) a) (iv) iv) (1) 1) (أ) أ), a bullet, and, when
# the line is indented, 1. (items of a list that restarts at 1, as opposed to the document's
# paragraphs).
ARABIC_LETTER = "\u0621-\u064a"
# The bullets UN documents print (the hyphen, •, the en dash of French and Russian lists, ▪ ◦ ·):
# every one is kept as typed; a backslash before one at the start of a paragraph keeps it text
BULLETS = "-•–·▪◦"
LABEL_RE = re.compile(
    rf"(?P<label>\((?:[a-z]{{1,3}}|[ivxlc]+|\d{{1,3}}|[{ARABIC_LETTER}]{{1,2}})\)"
    rf"|(?:[a-z]{{1,3}}|[ivxlc]+|\d{{1,3}}|[{ARABIC_LETTER}]{{1,2}})\)"
    rf"|(?P<dotted>\d{{1,3}}\.)"
    rf"|(?P<bullet>[{BULLETS}]))[ \t]+(?=\S)"
)
# Lines that end a sub-paragraph item's text (they open another block).
BLOCK_START_RE = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|>|\[\^[^\]\s]+\]:)")
# A cross-heading inside a list of items (``  #### Awareness-raising``): indented two spaces or more.
LIST_HEADING_RE = re.compile(r"#{4}[ \t]+(?=\S)")
LONE_UNDERSCORE_RE = re.compile(r"(?<!\\)_")
# "12." or the Arabic "12 -"; "1.2" (a paragraph of an issuance's section 1) before a capital
PARA_NUMBER_RE = re.compile(r"(?P<num>\d{1,4}(?:\.| -)|[1-9]\d?\.[1-9]\d?\.?)[ \t]+(?=\S)")
# The marks that leave a paragraph or heading unnumbered, longest first: pandoc's empty span of
# its unnumbered class (``[]{-}``: nothing shows in what pandoc makes of the file, the form the
# writer gives paragraphs), and the attribute ``{-}`` that pandoc takes on headings only.
UNNUMBERED_MARKS = ("[]{.unnumbered}", "[]{-}", "{.unnumbered}", "{-}")
# CommonMark escapes ASCII punctuation only: the dialect's own escape of a bullet that is not ASCII
ESCAPED_BULLET_RE = re.compile(rf"\\(?=[{BULLETS.replace('-', '')}](?:[ \t]|$))")


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]: state.eMarks[line]]


def _item_start(state: StateBlock, line: int):
    """The label match if ``line`` opens a sub-paragraph item (or a list cross-heading), else None."""
    if state.sCount[line] < state.blkIndent:
        return None
    if state.sCount[line] - state.blkIndent >= 2:
        heading = LIST_HEADING_RE.match(_line_text(state, line))
        if heading:
            return heading
    m = LABEL_RE.match(_line_text(state, line))
    if m is None:
        return None
    if m.group("dotted") and state.sCount[line] - state.blkIndent < 2:
        return None  # "12." at the margin is the document's paragraph number
    return m


def label_items(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """Block rule: a run of sub-paragraph items, one token triple per item.

    Each item is ``label_item_open`` (``info`` = the label as typed, or ``####`` for a
    cross-heading between items, ``meta['indent']`` = its
    column, for nesting), an ``inline`` token with the item's text, ``label_item_close``. Blank lines
    between items are allowed; the run ends at the first other block.
    """
    if _item_start(state, startLine) is None:
        return False
    if silent:
        return True
    line = startLine
    while line < endLine:
        m = _item_start(state, line)
        if m is None:
            break
        first = line
        parts = [_line_text(state, line)[m.end():]]
        line += 1
        while line < endLine and not state.isEmpty(line):
            if _item_start(state, line) is not None or BLOCK_START_RE.match(_line_text(state, line)):
                break
            parts.append(_line_text(state, line))
            line += 1
        opener = state.push("label_item_open", "li", 1)
        opener.info = m.group("label") if m.re is LABEL_RE else "####"
        opener.meta = {"indent": state.sCount[first]}
        opener.map = [first, line]
        inline = state.push("inline", "", 0)
        inline.content = "\n".join(p.strip() for p in parts)
        inline.map = [first, line]
        inline.children = []
        state.push("label_item_close", "li", -1)
        # blank lines between items belong to the run when another item follows
        after = line
        while after < endLine and state.isEmpty(after):
            after += 1
        if after < endLine and after > line and _item_start(state, after) is not None:
            line = after
        elif after > line and after < endLine:
            break
    state.line = line
    return True


def number_and_marks(state: StateCore) -> None:
    """Core rule (before inline parsing): take the typed paragraph number and ``{-}`` off the text.

    The number goes to ``paragraph_open.meta['num']``; ``{-}`` at the end of a paragraph or heading
    sets ``meta['unnumbered']``.
    """
    tokens = state.tokens
    for i, tok in enumerate(tokens[:-1]):
        if tok.type not in ("paragraph_open", "heading_open", "label_item_open"):
            continue
        inline = tokens[i + 1]
        if inline.type != "inline":
            continue
        tok.meta = dict(tok.meta or {})
        content = inline.content
        bare = _without_unnumbered_mark(content)
        if bare is not None:
            content = bare
            tok.meta["unnumbered"] = True
        if tok.type == "paragraph_open" and tok.level == 0:
            m = PARA_NUMBER_RE.match(content)
            if m and "." in m.group("num")[:-1] and not content[m.end():m.end() + 1].isupper():
                m = None   # "2.5 million ...": a figure opens the text
            if m:
                tok.meta["num"] = m.group("num")
                content = content[m.end():]
        if tok.type == "paragraph_open":
            if ESCAPED_BULLET_RE.match(content):
                content = content[1:]
        # the dialect's emphasis is *...* only: an underscore is always a letter (__init__, file_name)
        inline.content = LONE_UNDERSCORE_RE.sub(r"\\_", content)


def _without_unnumbered_mark(content: str) -> str | None:
    """The text without the unnumbered mark it ends with; None when it ends with none (an
    escaped ``\\{-}`` is text)."""
    stripped = content.rstrip(" \t")
    for mark in UNNUMBERED_MARKS:
        if stripped.endswith(mark) and not stripped[: -len(mark)].endswith("\\"):
            return stripped[: -len(mark)].rstrip(" \t")
    return None


def dialect_parser() -> MarkdownIt:
    md = MarkdownIt("zero")
    md.enable(["heading", "blockquote", "emphasis", "escape", "table"])
    md.use(front_matter_plugin)
    md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
    md.use(superscript_plugin)
    # before "heading": an indented "  ####" inside a run of items is the list's cross-heading
    md.block.ruler.before(
        "heading", "label_items", label_items, {"alt": ["paragraph", "blockquote"]}
    )
    md.core.ruler.before("inline", "number_and_marks", number_and_marks)
    return md
