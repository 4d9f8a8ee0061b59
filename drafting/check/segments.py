"""The text the typography rules read: the file on disk for text inputs, the model's text else.

For a text or Markdown input, every source line except dropped page furniture is a segment, so
a finding points at the characters actually in the file (an OCR artefact the reader repaired is
still reported). For AKN input every ``p`` and ``heading`` is a segment (footnote bodies are
their own segments), located by the eId of the unit that holds it.
"""

from __future__ import annotations

from drafting.model.akn import QUOTED_DOCUMENTS, local, xp
from drafting.records import record


@record(slots=True)
class Segment:
    """A stretch of a document's text that the text rules read, with the source line and element
    it came from."""

    text: str
    line: int | None
    eid: str | None = None
    num: str | None = None
    from_source: bool = False
    calls: frozenset = frozenset()  # offsets in ``text`` where a footnote call stood (model text)


def segments(doc) -> list[Segment]:
    cached = doc.__dict__.get("_segments")
    if cached is not None:
        return cached
    if doc.is_text:
        skipped = {d.line for d in doc.diagnostics_with("furniture") if d.line}
        skipped |= _front_matter(doc)
        # (positional arguments: a text holds thousands of lines, and keywords cost more)
        out = [Segment(text, line, None, None, True) for line, text in enumerate(doc.source, 1)
               if text and not text.isspace() and line not in skipped]
    else:
        out = []
        for el in xp(doc.doc, ".//a:p | .//a:heading | .//a:docTitle"):
            if local(el) == "p" and xp(el, "ancestor::a:docTitle"):
                continue
            text, calls = _text_and_calls(el)
            if text.strip():
                eid = _owner_eid(el)
                line = doc.line_of(eid) or (el.sourceline if doc.format == "akn" else None)
                out.append(Segment(text, line, eid, calls=calls))
    doc.__dict__["_segments"] = out
    return out


def _text_and_calls(el) -> tuple[str, frozenset]:
    """The text of an element without its footnote bodies (``text_content``), and the offsets
    where the footnote calls stood: what a reader put around a raised call (a space before the
    full stop) is no typing of the author's."""
    parts: list[str] = []
    calls: set[int] = set()
    size = 0

    def walk(node):
        nonlocal size
        if local(node) == "authorialNote":
            calls.add(size)
        elif local(node) in QUOTED_DOCUMENTS:
            pass    # a draft quoted in the paragraph: its own paragraphs are segments of their own
        elif node.text and isinstance(node.tag, str):
            parts.append(node.text)
            size += len(node.text)
            for child in node:
                walk(child)
        else:
            for child in node:
                walk(child)
        if node.tail and node is not el:
            parts.append(node.tail)
            size += len(node.tail)

    walk(el)
    return "".join(parts), frozenset(calls)


def joined(doc) -> str:
    """All segments as one text: a rule first searches it and goes segment by segment (for the
    locations) only when there is something to report, which is rare."""
    cached = doc.__dict__.get("_joined")
    if cached is None:
        cached = doc.__dict__["_joined"] = "\n".join(s.text for s in segments(doc))
    return cached


def segment_starts(doc) -> list[int]:
    """Where each segment starts in the joined text (for ``bisect``: the segment of an offset)."""
    starts = doc.__dict__.get("_segment_starts")
    if starts is None:
        starts, offset = [], 0
        for seg in segments(doc):
            starts.append(offset)
            offset += len(seg.text) + 1
        doc.__dict__["_segment_starts"] = starts
    return starts


def matches(doc, pattern):
    """(segment, start in its text, match) for each match of ``pattern`` in the joined text, in
    reading order: one search of the whole text instead of one per segment. Only for patterns
    that can neither match a line break nor look across one (so a segment's ends read as the
    ends of a text)."""
    import bisect
    starts = segment_starts(doc)
    segs = segments(doc)
    for m in pattern.finditer(joined(doc)):
        i = bisect.bisect_right(starts, m.start()) - 1
        yield segs[i], m.start() - starts[i], m


def _front_matter(doc) -> set[int]:
    """Lines of a Markdown file's YAML front matter: settings, not text."""
    src = doc.source
    if doc.format != "md" or not src or src[0].strip() != "---":
        return set()
    for i in range(1, len(src)):
        if src[i].strip() in ("---", "..."):
            return set(range(1, i + 2))
    return set()


def _owner_eid(el):
    node = el
    while node is not None:
        if node.get("eId") and local(node) not in ("list", "intro", "wrapUp", "blockContainer"):
            return node.get("eId")
        node = node.getparent()
    return None


def finding_at(doc, rule_id: str, message: str, seg: Segment, start: int, needle: str | None = None):
    """A finding at character ``start`` of a segment."""
    if seg.from_source:
        eid, num = doc.eid_at(seg.line)
        return doc.finding(rule_id, message, eid=eid, num=num, line=seg.line, column=start + 1)
    return doc.finding(rule_id, message, eid=seg.eid, num=seg.num, line=seg.line,
                       needle=needle)
