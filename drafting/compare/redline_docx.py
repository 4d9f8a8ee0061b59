"""NEW as a UN-styled DOCX carrying real Word tracked changes against OLD.

The paragraphs, runs, styles and footnotes come from the DOCX writer (``DocxRenderer``); this
module only decides, from the alignment, which runs are inserted (``w:ins``), deleted
(``w:del``), moved (``w:moveFrom``/``w:moveTo`` with their ranges) or reformatted
(``w:rPrChange``), and which paragraph marks are inserted or deleted (a split inserts one, a
merge deletes one, an inserted or deleted paragraph has its mark inserted or deleted too).
Footnotes are tracked as well: an added footnote's reference and body are insertions, a changed
footnote body carries its own insertions and deletions.

Accepting every change gives NEW, rejecting every change gives OLD: ``revisions.resolve``
applies either and the tests read the result back.
"""

from __future__ import annotations

import copy
import datetime as _dt
from contextlib import contextmanager
from bisect import bisect_left, bisect_right

from lxml import etree

from drafting.compare.inline import DELETE, EQUAL, INSERT, inline_diff
from drafting.compare.items import NOTE_ATOMS, Item, is_note, note_text
from drafting.ooxml import styles as S
from drafting.ooxml.copies import copied
from drafting.ooxml.names import w
from drafting.ooxml.order import get_or_add, insert_in_order

TRACKED_FORMATS = ("b", "i", "u", "sup", "sub")
_TRACKED, _NO_FORMAT = frozenset(TRACKED_FORMATS), frozenset()

_ID, _AUTHOR, _DATE, _T, _DEL_TEXT, _INSTR_TEXT, _DEL_INSTR_TEXT = (
    w(n) for n in ("id", "author", "date", "t", "delText", "instrText", "delInstrText"))
_PPR, _RPR, _PPR_CHANGE = w("pPr"), w("rPr"), w("pPrChange")
_GONE = (w("del"), w("moveFrom"))             # deleted or moved away
_CAME = (w("ins"), w("moveTo"))               # inserted or moved here
_P = w("p")
_TAG = {kind: w(kind) for kind in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")}


class _Tracker:
    """Revision marks with unique ids, one author and one date."""

    def __init__(self, author: str, date: _dt.datetime):
        self.author = author
        when = date.replace(microsecond=0)
        self.date = self.edit_date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        # paragraphs inserted or deleted whole are dated two minutes later: LibreOffice joins
        # revisions of one author at most a minute apart when they touch, and it counts a
        # paragraph inserted after another from the other's paragraph end, so a change at the
        # end of the paragraph before would swallow that paragraph end (Reject All then joins
        # the two paragraphs)
        self.whole_date = (when + _dt.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1
        self.next_move = 1
        self._templates: dict = {}

    @contextmanager
    def whole_paragraph(self):
        self.date = self.whole_date
        try:
            yield
        finally:
            self.date = self.edit_date

    def revision(self, kind: str):
        """A new ``w:ins``/``w:del``/... carrying the next id, the author and the date."""
        # copied (whole: lxml's __copy__) from one made once per kind and date: a copy costs
        # lxml half of making the element and its three attributes anew
        el = copied(self._templates, (kind, self.date),
                    lambda: etree.Element(_TAG[kind], {_ID: "", _AUTHOR: self.author, _DATE: self.date}))
        el.set(_ID, str(self.next_id))
        self.next_id += 1
        return el

    def wrap(self, kind: str, runs: list) -> list:
        """Runs inside one ``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo``."""
        if not runs:
            return []
        box = self.revision(kind)
        if kind in ("del", "moveFrom"):
            for r in runs:
                _to_deleted(r)
        box.extend(runs)
        return [box]

    def mark(self, p, kind: str) -> None:
        """The paragraph mark itself inserted/deleted/moved."""
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            p.insert(0, ppr)
        get_or_add(ppr, "rPr").append(self.revision(kind))


def _to_deleted(r) -> None:
    for t in r.iter(_T, _INSTR_TEXT):
        t.tag = _DEL_TEXT if t.tag == _T else _DEL_INSTR_TEXT


class _Side:
    """One side of a pair as one string, with where its formatting changes and its footnotes
    (the elements, in the order of their call atoms)."""

    def __init__(self, items: list[Item]):
        parts: list[str] = []
        self.bounds: list[int] = []          # offsets where a stretch of one formatting starts
        self.formats: list[frozenset] = []
        self.notes = []
        self.breaks: list[int] = []          # offsets of the separators between items
        self.items = [i for i in items if i.text]
        length = 0
        for k, item in enumerate(self.items):
            if k:
                self.breaks.append(length)
                self._stretch(length, _NO_FORMAT)
                parts.append(" ")
                length += 1
            for text, tags in item.runs:
                self._stretch(length, _TRACKED & tags)
                parts.append(text)
                length += len(text)
            self.notes.extend(n.element for n in item.notes)
        self.text = "".join(parts)

    def _stretch(self, at: int, fmt: frozenset) -> None:
        if self.formats and self.formats[-1] == fmt:
            return
        if self.bounds and self.bounds[-1] == at:
            self.formats[-1] = fmt
            return
        self.bounds.append(at)
        self.formats.append(fmt)

    def fmt_at(self, pos: int) -> frozenset:
        k = bisect_right(self.bounds, pos) - 1
        return self.formats[k] if k >= 0 else frozenset()

    def cuts(self, start: int, end: int, shift: int = 0) -> list[int]:
        """Formatting boundaries strictly inside [start, end), moved by ``shift``."""
        lo, hi = bisect_right(self.bounds, start), bisect_left(self.bounds, end)
        return [b + shift for b in self.bounds[lo:hi]]


class Redliner:
    def __init__(self, renderer, tracker: _Tracker):
        self.r = renderer
        self.t = tracker
        self.old_of: dict = {}     # id(reference run) -> OLD's note, for a footnote both sides keep

    # -- runs -------------------------------------------------------------------------------

    def _note(self, note_el, kind: str | None, old_note=None):
        runs = self.r.footnote_reference(note_el)
        if kind is None and old_note is not None:
            self.old_of[id(runs[0])] = old_note
        footnote = self.r.footnotes[-1]
        if kind in ("ins", "del"):
            for p in footnote.iter(w("p")):
                content = [c for c in p if c.tag == w("r")]
                for c in content:
                    p.remove(c)
                for box in self.t.wrap(kind, content):
                    p.append(box)
        elif old_note is not None:
            self._note_changes(footnote, old_note, note_el)
        return runs

    def _note_changes(self, footnote, old_el, new_el) -> None:
        old, new = note_text(old_el), note_text(new_el)
        if old == new:
            return
        paras = footnote.findall(w("p"))
        first = paras[0]
        for extra in paras[1:]:
            footnote.remove(extra)
        runs = [c for c in first if c.tag == w("r")]
        for c in runs[2:]:                    # keep the mark and the tab
            first.remove(c)
        for op, text in inline_diff(old, new):
            run = [self.r.run(text)]
            if op == EQUAL:
                first.extend(run)
            else:
                first.extend(self.t.wrap("ins" if op == INSERT else "del", run))

    def _segment(self, side: _Side, start: int, end: int, kind: str | None, note_index: list,
                 other: _Side | None = None, other_start: int = 0, other_notes: list | None = None):
        """Runs for ``side.text[start:end]`` (formatting from ``side``; for an unchanged stretch,
        a formatting change against ``other`` is tracked), footnotes in place."""
        if start >= end:
            return []
        # most stretches have one formatting on both sides and no footnote: one run. (The
        # searches of cuts() and fmt_at() done once here: this runs for every stretch.)
        lo = bisect_right(side.bounds, start)
        simple = lo == bisect_left(side.bounds, end, lo)
        if other is not None and simple:
            other_lo = bisect_right(other.bounds, other_start)
            simple = other_lo == bisect_left(other.bounds, other_start + end - start, other_lo)
        if simple and NOTE_ATOMS.search(side.text, start, end) is None:
            fmt = side.formats[lo - 1] if lo else _NO_FORMAT
            run = self.r.run(side.text[start:end], fmt)
            if other is not None:
                old_fmt = other.formats[other_lo - 1] if other_lo else _NO_FORMAT
                if old_fmt != fmt:
                    self._format_change(run, old_fmt)
            return self.t.wrap(kind, [run]) if kind else [run]
        points = {start, end, *side.cuts(start, end)}
        if other is not None:
            points.update(other.cuts(other_start, other_start + end - start, start - other_start))
        for call in NOTE_ATOMS.finditer(side.text, start, end):
            points.update((call.start(), call.end()))
        out = []
        cuts = sorted(points)
        for a, b in zip(cuts, cuts[1:]):
            if is_note(side.text[a]):
                idx = note_index[0]
                note_index[0] += 1
                note_el = side.notes[idx] if idx < len(side.notes) else None
                old_note = None
                if other_notes is not None:
                    oi = other_notes[0]
                    other_notes[0] += 1
                    old_note = other.notes[oi] if other is not None and oi < len(other.notes) else None
                if note_el is not None:
                    out.extend(self._note(note_el, kind, old_note))
                continue
            fmt = side.fmt_at(a)
            run = self.r.run(side.text[a:b], fmt)
            if other is not None:
                old_fmt = other.fmt_at(other_start + a - start)
                if old_fmt != fmt:
                    self._format_change(run, old_fmt)
            out.append(run)
        return self.t.wrap(kind, out) if kind else out

    def _format_change(self, run, old_fmt) -> None:
        rpr = run.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        old = self.r.run_properties(old_fmt, None)
        change = self.t.revision("rPrChange")
        change.append(old if old is not None else etree.Element(w("rPr")))
        rpr.append(change)

    def num_runs(self, old: str | None, new: str | None) -> list:
        if old == new:
            return [self.r.run(new), self.r.tab_run()] if new else []
        out = []
        if old:
            out += self.t.wrap("del", [self.r.run(old), self.r.tab_run()])
        if new:
            out += self.t.wrap("ins", [self.r.run(new), self.r.tab_run()])
        return out

    # -- paragraphs -------------------------------------------------------------------------

    def para(self, item: Item, runs: list, old_item: Item | None = None):
        """The paragraph of ``item``; where OLD's paragraph ``old_item`` had other paragraph
        properties (a point become a paragraph, an annex heading become a cross-heading), the
        old ones are kept in a tracked ``w:pPrChange``."""
        style = self._style(item)
        p = self.r.paragraph_xml(style, runs)
        old_style = self._style(old_item) if old_item is not None else style
        # the same style gives the same properties, except in right-to-left text, where the
        # paragraph's direction follows its letters
        if old_style != style or (old_item is not None and self.r.rtl):
            ppr = p.find(w("pPr"))
            old_ppr = self.r.paragraph_xml(old_style, []).find(w("pPr"))
            if etree.tostring(ppr) != etree.tostring(old_ppr):
                change = self.t.revision("pPrChange")
                change.append(old_ppr)
                insert_in_order(ppr, change)
        return p

    def _style(self, item: Item) -> str:
        return S.WRAP_UP if item.kind == "wrapUp" else self.r.unit_style(item.element)

    def whole(self, item: Item, kind: str) -> list:
        """An inserted, deleted or moved paragraph: every run, its footnotes and the mark."""
        side = _Side([item])
        with self.t.whole_paragraph():
            num = self.t.wrap(kind, [self.r.run(item.num), self.r.tab_run()]) if item.num else []
            p = self.para(item, num + self._segment(side, 0, len(side.text), kind, [0]))
            self.t.mark(p, kind)
        return [p]

    def moved(self, item: Item, kind: str, name: str, mid: int) -> list:
        p = self.whole(item, kind)[0]
        start = etree.Element(w(f"{kind}RangeStart"))
        start.set(w("id"), str(mid))
        start.set(w("name"), name)
        start.set(w("author"), self.t.author)
        start.set(w("date"), self.t.whole_date)
        end = etree.Element(w(f"{kind}RangeEnd"))
        end.set(w("id"), str(mid))
        ppr = p.find(w("pPr"))
        ppr.addnext(start)
        p.append(end)
        return [p]

    def edited(self, pair) -> list:
        """A paragraph kept, edited, split or merged: the inline diff as runs; the paragraph
        marks that a split adds or a merge removes are tracked."""
        old, new = _Side(pair.old), _Side(pair.new)
        ops = pair.exact if pair.exact or not (old.text or new.text) else inline_diff(old.text, new.text)
        split = len(new.items) > 1
        merged = len(old.items) > 1
        paragraphs = []
        old_items = old.items or pair.old
        new_items = new.items or pair.new
        # first paragraph: style of the first new item, number change tracked
        current = self.num_runs(old_items[0].num, new_items[0].num)
        para_item = new_items[0]
        oi = ni = 0
        old_notes, new_notes = [0], [0]
        old_break = set(old.breaks) if merged else set()
        new_break = set(new.breaks) if split else set()
        part = 0

        closed = 0

        def close(mark: str | None, next_item: Item, num_runs: list):
            nonlocal current, para_item, closed
            # the OLD paragraph this one stands for: each part of a merge its own; every part of
            # a split the one OLD paragraph (rejected, the parts join into the last one's mark
            # in Word, into the first one in LibreOffice)
            if merged:
                old_item = old_items[closed] if closed < len(old_items) else None
            else:
                old_item = old_items[0] if old_items else None
            closed += 1
            p = self.para(para_item, current, old_item)
            if mark:
                self.t.mark(p, mark)
            paragraphs.append(p)
            current, para_item = num_runs, next_item

        for op, text in ops:
            k = 0
            while k < len(text):
                if op in (EQUAL, INSERT) and ni in new_break:
                    # a split: the separator is not in NEW, the paragraph mark is inserted
                    if op == EQUAL:
                        current += self.t.wrap("del", [self.r.run(" ")])
                        oi += 1
                    ni += 1
                    k += 1
                    part += 1
                    nxt = new.items[part]
                    close("ins", nxt, self.t.wrap("ins", [self.r.run(nxt.num), self.r.tab_run()]) if nxt.num else [])
                    continue
                if op in (EQUAL, DELETE) and oi in old_break:
                    # a merge: the separator is in NEW only, the old paragraph mark is deleted
                    if op == EQUAL:
                        current += self.t.wrap("ins", [self.r.run(" ")])
                        ni += 1
                    oi += 1
                    k += 1
                    part += 1
                    nxt = old.items[part]
                    close("del", para_item, self.t.wrap("del", [self.r.run(nxt.num), self.r.tab_run()]) if nxt.num else [])
                    continue
                # the stretch up to the next separator on the side that has one
                limit = len(text)
                if op in (EQUAL, INSERT) and new_break:
                    later = [b - ni for b in new_break if b >= ni]
                    if later:
                        limit = min(limit, k + min(later))
                if op in (EQUAL, DELETE) and old_break:
                    later = [b - oi for b in old_break if b >= oi]
                    if later:
                        limit = min(limit, k + min(later))
                n = limit - k
                if op == EQUAL:
                    current += self._segment(new, ni, ni + n, None, new_notes, old, oi, old_notes)
                    oi += n
                    ni += n
                elif op == INSERT:
                    current += self._segment(new, ni, ni + n, "ins", new_notes)
                    ni += n
                else:
                    current += self._segment(old, oi, oi + n, "del", old_notes)
                    oi += n
                k = limit
        close(None, para_item, [])
        return paragraphs


def _plain_texts(paragraphs) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs]


def redline_docx(alignment, old_root, new_root, author: str = "drafting",
                 date: _dt.datetime | None = None, reference_doc=None) -> bytes:
    """The .docx bytes of NEW with tracked changes against OLD (see the module docstring)."""
    from drafting.model.akn import doc_element, local
    from drafting.model.akn import paragraphs_of, xp
    from drafting.model.units import document_language
    from drafting.writers.docx import DocxRenderer, Reference, package

    when = date or _dt.datetime.now(_dt.timezone.utc)
    tracker = _Tracker(author, when)
    renderer = DocxRenderer(Reference.load(reference_doc), lang=document_language(new_root))
    # NEW's footnotes keep the numbers they print even when a lost reference put them out of
    # order; footnotes only OLD had carry their marks as custom marks.
    renderer.plan_footnotes(new_root)
    red = Redliner(renderer, tracker)

    body: list = []
    # masthead and preface: NEW as it is when they agree, else OLD deleted and NEW inserted
    fronts = {}
    for label, root in (("old", old_root), ("new", new_root)):
        scratch = DocxRenderer(renderer.reference, lang=renderer.lang)
        parts = []
        for part in doc_element(root):
            if local(part) == "coverPage":
                parts += scratch.masthead(part)
            elif local(part) == "preface":
                parts += scratch.preface(part)
        fronts[label] = (parts, scratch)
    new_front, new_scratch = fronts["new"]
    same_front = _plain_texts(fronts["old"][0]) == _plain_texts(new_front)
    if same_front and not (new_scratch.footnotes or new_scratch.unanchored):
        # without footnotes, the scratch renderer's paragraphs are the ones this one would make
        body += new_front
    elif same_front:
        for part in doc_element(new_root):
            if local(part) == "coverPage":
                body += renderer.masthead(part)
            elif local(part) == "preface":
                body += renderer.preface(part)
        old_front = [n for part in doc_element(old_root) if local(part) in ("coverPage", "preface")
                     for n in xp(part, ".//a:authorialNote")]
        for (_note, run, _footnote), old_note in zip(renderer.references, old_front):
            red.old_of[id(run)] = old_note
    else:
        for label, kind in (("old", "del"), ("new", "ins")):
            for part in doc_element(old_root if label == "old" else new_root):
                if local(part) not in ("coverPage", "preface"):
                    continue
                paras = renderer.masthead(part) if local(part) == "coverPage" else renderer.preface(part)
                for p in paras:
                    runs = [c for c in p if c.tag == w("r")]
                    for c in runs:
                        p.remove(c)
                    for box in tracker.wrap(kind, runs):
                        p.append(box)
                    tracker.mark(p, kind)
                    body.append(p)

    # a moved paragraph leaves a moveFrom where it stood in OLD: right after the old unit
    # before it, wherever that one is written (its pair, a deletion, or another moveFrom)
    pairs = alignment.pairs
    moved_from = {pair.old[0].index: k for k, pair in enumerate(pairs) if pair.kind == "moved"}
    move_ids = {k: n for n, k in enumerate(sorted(moved_from.values()), start=1)}

    def ghosts_after(old_index: int) -> list:
        out = []
        i = old_index + 1
        while i in moved_from:
            k = moved_from[i]
            n = move_ids[k]
            out += red.moved(pairs[k].old[0], "moveFrom", f"move{n}", 10_000 + 2 * n)
            i += 1
        return out

    body += ghosts_after(-1)
    for k, pair in enumerate(pairs):
        if pair.kind == "inserted":
            body += red.whole(pair.new[0], "ins")
        elif pair.kind == "deleted":
            body += red.whole(pair.old[0], "del")
        elif pair.kind == "moved":
            n = move_ids[k]
            body += red.moved(pair.new[0], "moveTo", f"move{n}", 10_001 + 2 * n)
            continue                     # its moveFrom follows the old unit before it
        else:
            body += red.edited(pair)
        if pair.old:
            body += ghosts_after(max(i.index for i in pair.old))
    for part in doc_element(new_root):       # the closing formula, as the writer prints it
        if local(part) == "conclusions":
            body += [renderer.paragraph_xml(S.CONCLUSION, renderer.runs(p)) for p in paragraphs_of(part)]
    _number_notes_as_word_does(renderer, body, red.old_of, tracker)
    _deleted_take_next_properties(body, tracker)
    return package(renderer, body, new_root)


def _deleted_take_next_properties(body: list, tracker) -> None:
    """A paragraph deleted whole takes the paragraph properties of the one after it, its own kept
    in a tracked ``w:pPrChange``: accepted, the joined paragraph has the next one's style in
    Word (which keeps the surviving mark's) and in LibreOffice (which keeps the first
    paragraph's); rejected, it has its own again."""
    after = None
    for p in reversed(body):
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == _PPR else p.find(_PPR)
        if ppr is None:
            continue
        # one pass over the properties: the mark's rPr, a change already tracked, the others
        own, mark, changed = [], None, False
        for c in ppr:
            if c.tag == _RPR:
                mark = c if mark is None else mark
            elif c.tag == _PPR_CHANGE:
                changed = True
            else:
                own.append(c)
        deleted = mark is not None and any(c.tag in _GONE for c in mark)
        if deleted and after is not None and not changed:
            if [etree.tostring(c) for c in own] != [etree.tostring(c) for c in after]:
                change = tracker.revision("pPrChange")
                old = etree.SubElement(change, w("pPr"))
                for c in own:
                    ppr.remove(c)
                    old.append(c)
                for k, c in enumerate(after):
                    ppr.insert(k, copy.deepcopy(c))
                insert_in_order(ppr, change)
                own = [c for c in ppr if c.tag not in (_RPR, _PPR_CHANGE)]
        after = own


def _number_notes_as_word_does(renderer, body: list, old_of: dict, tracker) -> None:
    """Footnotes auto-numbered wherever Word's own numbering prints both sides right.

    Word numbers auto-numbered footnotes in the order of their references, over the references
    that are left: after Accept All those of NEW (kept and inserted), after Reject All those of
    OLD (kept and deleted). Going through the references in order with the number each side
    prints next, a reference is auto-numbered where its markers are those numbers (most
    documents: every one); the others get custom marks, which print one fixed text (a ``*``, a
    number out of sequence, a footnote called twice). A footnote both sides keep whose custom
    marks differ is called twice, OLD's mark deleted and NEW's inserted (``_tracked_marks``)."""
    notes = {id(run): (note, footnote) for note, run, footnote in renderer.references}
    refs = []                                   # (run, reference, footnote, side, old, new)
    for p in body:
        for ref in p.iter(w("footnoteReference")):
            run = ref.getparent()
            if id(run) not in notes:
                return
            note, footnote = notes[id(run)]
            side = _revision_side(run)
            marker = note.get("marker") or ""
            if side == "both":
                old = old_of.get(id(run))
                refs.append((run, ref, footnote, side, old.get("marker") or "" if old is not None else None, marker))
            else:
                refs.append((run, ref, footnote, side, marker if side == "old" else None,
                             marker if side == "new" else None))
    firsts = [int(m) for _r, _f, _n, _s, old, new in refs for m in (old, new)
              if m and m.isdigit() and len(m) <= 6]
    if not firsts:
        return
    next_old = next_new = start = min(firsts)
    copies: dict = {}                           # id(footnote) -> its copy for OLD's mark
    for run, ref, footnote, side, old, new in refs:
        if side == "old":
            auto = old == str(next_old)
            next_old += auto
        elif side == "new":
            auto = new == str(next_new)
            next_new += auto
        else:
            auto = old == str(next_old) and new == str(next_new)
            next_old += auto
            next_new += auto
        if auto:
            _auto_mark(run, ref, footnote)
        elif side == "both" and old is not None and old != new:
            copies[id(footnote)] = _tracked_marks(tracker, run, footnote, old, new)
        else:
            _custom_mark(run, ref, footnote, new if new is not None else old or "")
    renderer.num_start = start
    if copies:
        renderer.footnotes = [f for footnote in renderer.footnotes
                              for f in (copies.get(id(footnote)), footnote) if f is not None]
        _renumber_footnotes(renderer.footnotes, body)


def _renumber_footnotes(footnotes: list, body: list) -> None:
    """Footnote ids 1, 2, 3 ... in the order of footnotes.xml, which is the order of their
    references: LibreOffice gives the references the footnotes in the order it reads them."""
    ids = {}
    for k, footnote in enumerate(footnotes, 1):
        ids[footnote.get(w("id"))] = str(k)
        footnote.set(w("id"), str(k))
    for p in body:
        for ref in p.iter(w("footnoteReference")):
            ref.set(w("id"), ids[ref.get(w("id"))])


def _tracked_marks(tracker, run, footnote, old: str, new: str):
    """A kept footnote whose custom mark changed: a deleted reference with OLD's mark to a copy
    of the footnote, then an inserted reference with NEW's mark to the footnote itself.

    A custom mark is the text that follows ``customMarkFollows`` in the reference's run
    (ECMA-376 17.11.14), and LibreOffice takes it as the footnote's fixed label when it reads
    the file, before any change is resolved: a mark whose text is itself a tracked change (OLD's
    in ``w:del``, NEW's in ``w:ins`` after the reference) comes out of LibreOffice 7.4's Accept
    All and Reject All as plain text where the call was, the call gone. Two references, each with its own fixed mark, resolve in
    Word and LibreOffice alike: Reject All keeps OLD's reference (its copy keeps the body's own
    tracked changes, rejected with the rest), Accept All NEW's. Returns the copy, to go before the
    footnote in footnotes.xml."""
    old_run, old_footnote = copy.deepcopy(run), copy.deepcopy(footnote)
    fid = f"copy{footnote.get(w('id'))}"       # numbered in order by _renumber_footnotes
    old_footnote.set(w("id"), fid)
    old_run.find(w("footnoteReference")).set(w("id"), fid)
    for r, footnote_of, marker in ((old_run, old_footnote, old), (run, footnote, new)):
        reference = r.find(w("footnoteReference"))
        _auto_mark(r, reference, footnote_of)          # the mark the writer chose taken off
        _custom_mark(r, reference, footnote_of, marker)
    parent, at = run.getparent(), run.getparent().index(run)
    parent.remove(run)
    for k, box in enumerate(tracker.wrap("del", [old_run]) + tracker.wrap("ins", [run])):
        parent.insert(at + k, box)
    return old_footnote


MARK_TEXT = (w("t"), w("delText"))


def _auto_mark(run, ref, footnote) -> None:
    if ref.get(w("customMarkFollows")) is None:
        return
    del ref.attrib[w("customMarkFollows")]
    for t in [c for c in run if c.tag in MARK_TEXT]:
        run.remove(t)
    mark = next(footnote.iter(w("r")), None)
    if mark is not None and mark.find(w("footnoteRef")) is None:
        for t in [c for c in mark if c.tag in MARK_TEXT]:
            mark.remove(t)
        etree.SubElement(mark, w("footnoteRef"))


def _custom_mark(run, ref, footnote, marker: str) -> None:
    """A custom mark, one text per character (LibreOffice takes a text's first character as
    the mark and prints the rest again)."""
    if ref.get(w("customMarkFollows")) is not None:
        return
    ref.set(w("customMarkFollows"), "1")
    tag = w("delText") if _revision_side(run) == "old" else w("t")
    for char in marker:
        etree.SubElement(run, tag).text = char
    mark = next(footnote.iter(w("r")), None)
    if mark is not None:
        for old in mark.findall(w("footnoteRef")):
            mark.remove(old)
        etree.SubElement(mark, w("delText") if _revision_side(mark) == "old" else w("t")).text = marker


def _revision_side(run) -> str:
    """Which side a run belongs to: ``old`` (deleted or moved away), ``new`` (inserted or moved
    here) or ``both``."""
    for parent in run.iterancestors():
        tag = parent.tag
        if tag == _P:
            break
        if tag in _GONE:
            return "old"
        if tag in _CAME:
            return "new"
    return "both"
