"""Pass 9: every footnote call gets its body; a body that no call names stays where it was printed.

Calls and bodies of one marker pair in reading order. A star note (``*``, ``**``) belongs to the
star that carries it: on the symbol, the sponsors, the agenda line or the title. A body whose
call was lost is kept at the end of the paragraph printed just above it, marked unanchored and
reported, so nothing is lost.
"""

from __future__ import annotations

import bisect
import re

from drafting.model.blocks import NoteRef, Para, Point, Styled
from drafting.readers.passes.reading import FootnoteBody, Reading
from drafting.readers.text_inline import parse_inline


def run(reading: Reading) -> None:
    doc = reading.doc
    stars = [n for n in reading.notes if set(n.marker) == {"*"}]
    numbered = [n for n in reading.notes if set(n.marker) != {"*"}]
    # the stars of the front (symbol, sponsors, agenda line, title), then those of the text
    pool = reading.star_refs + [ref for ref in reading.refs if set(ref.marker) == {"*"}]
    for note in stars:
        marks = [ref for ref in pool if ref.marker == note.marker and not ref.body]
        if not marks and note.marker == "*" and doc.masthead.symbol_note is None:
            doc.masthead.symbol_note = NoteRef("*", [], line=note.line)  # a symbol's note, its mark unprinted
            marks = [doc.masthead.symbol_note]
        if marks:
            marks[0].body, marks[0].line = [parse_inline(note.text, [])], note.line
        else:
            numbered.append(note)
    attach(reading, numbered)


def attach(reading: Reading, bodies: list[FootnoteBody]) -> None:
    doc = reading.doc
    by_marker: dict[str, list[FootnoteBody]] = {}
    for body in bodies:
        by_marker.setdefault(body.marker, []).append(body)
    taken: dict[str, int] = {}
    used: set[int] = set()
    for ref in reading.refs:
        if ref.body:
            continue  # a star call already given its note
        k = taken.get(ref.marker, 0)
        candidates = by_marker.get(ref.marker, [])
        if k < len(candidates):
            body = candidates[k]
            taken[ref.marker] = k + 1
            used.add(id(body))
            ref.body = [parse_inline(body.text, [])]
            ref.line = body.line
        else:
            doc.note("warning", f"footnote reference {ref.marker} has no footnote text", None, "note-without-body")
            ref.body = [[f"[{ref.marker}]"]]
    starts = [block.first_index for block in reading.blocks]
    _letter_refs(reading, [b for b in bodies if id(b) not in used], used, starts)
    for body in bodies:
        if id(body) in used:
            continue
        owner = _host_of(body, starts, reading.owners)
        note = NoteRef(body.marker, [parse_inline(body.text, [])], anchored=False, line=body.line)
        if owner is not None:
            owner.text.append(note)
        else:
            doc.body.append(Para(None, [note], line=body.line))
        doc.note("warning", f"footnote {body.marker} has no reference in the text; kept at the end of the "
                            f"paragraph it was printed under", body.line, "unanchored-note")


def _host_of(body: FootnoteBody, starts: list[int], owners: dict[int, object]):
    """The paragraph printed just above a footnote body (the one its page break cut)."""
    i = bisect.bisect_right(starts, body.flow_index) - 1
    while i >= 0:
        owner = owners.get(i)
        if isinstance(owner, (Para, Point)):
            return owner
        i -= 1
    return None


def _letter_refs(reading: Reading, bodies: list[FootnoteBody], used: set[int], starts: list[int]) -> None:
    """A note marked by a letter, a roman number or a sign (``a``, ``ii``, ``†``) is called by that
    mark raised (``report.^{a}``), which the inline reading took for raised text (as in
    ``2^{e}``). Its call is the first such mark printed after the note of that mark before it and
    not after the note itself (each table's notes start again at ``a``); a note printed before
    any of them (notes typed at a document's end come after every call) takes the first left."""
    wanted = {body.marker for body in bodies if SIGN_MARK.fullmatch(body.marker)}
    if not wanted:
        return
    calls: dict[str, list[tuple[int, list, int]]] = {}   # mark -> (block start, items, index)
    for index, owner in sorted(reading.owners.items()):
        items = getattr(owner, "text", None)
        if not isinstance(items, list):
            continue
        # (a table's notes are called from its cells)
        for inlines in [items] + [cell for row in getattr(owner, "table", None) or () for cell in row]:
            for k, item in enumerate(inlines):
                if (isinstance(item, Styled) and item.tag == "sup" and len(item.children) == 1
                        and item.children[0] in wanted):
                    calls.setdefault(item.children[0], []).append((starts[index], inlines, k))
    previous: dict[str, int] = {}
    for body in bodies:
        left = calls.get(body.marker)
        if not left:
            continue
        after = previous.get(body.marker, -1)
        k = next((k for k, (at, _items, _j) in enumerate(left) if after < at <= body.flow_index), 0)
        _at, items, j = left.pop(k)
        items[j] = NoteRef(body.marker, [parse_inline(body.text, [])], line=body.line)
        used.add(id(body))
        previous[body.marker] = body.flow_index


# a note's mark that is no number: a letter, a roman number, a sign
SIGN_MARK = re.compile(r"[a-z]|[ivx]{2,5}|[†‡§¶]{1,3}")
