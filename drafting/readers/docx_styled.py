"""DOCX reader, second half for this toolkit's own files: styles say exactly what each paragraph is.

A DOCX this toolkit exported names every paragraph's construct in its style (``_ H _Ch_G`` a
chapter, ``_ Point_2_G`` a point at depth 2, ``_ Masthead Distr_G`` a masthead row), marks the
masthead and title parts with semantic character styles (``AKN docNumber`` ...) and keeps what
the print does not show (ISO date, document kind) in custom properties: mapping them back is
exact, so the round trip AKN -> DOCX -> AKN gives the same AKN. Word files from elsewhere go
through the shared passes instead (``docx_lines``).
"""

from __future__ import annotations

import datetime as _dt
import re

from drafting.locale.vocabulary import division_label, vocabulary
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point
from drafting.readers.docx_parse import Record, Token, has_text, plain, split_num, tokens_inlines
from drafting.readers.passes.quoted import quote_drafts
from drafting.regex import LazyPattern

PARA_NUM = re.compile(r"^(\d{1,3}\.)(?:\s+|\t)")
# the UN profile's paragraph numbers (Arabic "1 -"; "1.2" in section 1 of an issuance)
PROFILE_PARA_NUM = re.compile(r"\d+(?:\.| -)|\d+\.\d+\.?")
POINT_NUM = re.compile(r"^(\(?[a-z]{1,2}\)|\(?[ivxl]{1,6}\)|[a-z]\.)(?:\s+|\t)")
HEADING_NUM = re.compile(r"^((?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.)(?:\s+|\t)")
ROMAN_LABEL = re.compile(r"^\(?([ivxl]+)\)$")



DIVISION_LABEL = LazyPattern(division_label)   # "Article 1" of a treaty in a heading style

class _Assembler:
    def __init__(self, lang: str, facts: dict, name: str) -> None:
        self.blocks = DocumentBlocks(kind=facts.get("kind") or "note", lang=lang, source_name=name)
        self.facts = facts
        self.current: Para | None = None
        self.lists: list[list] = []          # lists[d-1] = the item list of depth d
        self.last_point_label: dict[int, str] = {}
        self.seen_agenda = False
        self.last = None                     # the paragraph, heading or point made last

    # front matter (our styles)
    def masthead_row(self, rec: Record) -> None:
        m = self.blocks.masthead
        groups = _semantic_groups(rec.tokens)
        plain_before = ""
        any_semantic = False
        for sem, toks in groups:
            text = plain(toks)
            if sem is None:
                notes = [t for t in toks if isinstance(t, NoteRef)]
                if notes and m.symbol_note is None:
                    m.symbol_note = notes[0]
                plain_before += "".join(t.text for t in toks if isinstance(t, Token))
                continue
            any_semantic = True
            if sem == "docAuthority":
                m.organs.append(text)
            elif sem == "docNumber":
                m.symbol = text
            elif sem == "distribution":
                m.distribution = text
                m.distribution_kind = self.facts.get("distribution") or _distribution_kind(text)
            elif sem == "docDate":
                m.date_text = text
                m.date = self._date(text)
            elif sem == "languageOfExpression":
                m.language_line = text
            elif sem == "originalLanguage":
                m.original = text
                m.original_label = plain_before.strip() or None
            elif sem == "jobNumber":
                m.job_number = text
            plain_before = ""
        if not any_semantic and plain_before.strip() and m.date_text is None \
                and not _is_united_nations(plain_before):
            m.date_text = re.sub(r"\s+", " ", plain_before).strip()

    def _date(self, text: str) -> _dt.date | None:
        if self.facts.get("date") and self.facts.get("dateText") == text:
            try:
                return _dt.date.fromisoformat(self.facts["date"])
            except ValueError:
                pass
        from drafting.locale import parse_date
        return parse_date(text, self.blocks.lang)

    def session_row(self, rec: Record) -> None:
        pf = self.blocks.preface
        groups = _semantic_groups(rec.tokens)
        sems = {sem for sem, _ in groups}
        if "agendaItem" in sems:
            pf.agenda_text = plain(rec.tokens)
            pf.agenda_item = next(plain(t) for s, t in groups if s == "agendaItem")
            notes = [t for t in rec.tokens if isinstance(t, NoteRef)]
            if notes:
                pf.agenda_note = notes[0]
            self.seen_agenda = True
            return
        if sems == {"agendaItemTitle"} or ("agendaItemTitle" in sems and len(sems) <= 2):
            toks = [t for s, ts in groups if s == "agendaItemTitle" for t in ts]
            pf.agenda_title = tokens_inlines(toks)
            return
        if "docCommittee" in sems:
            pf.body = next(plain(t) for s, t in groups if s == "docCommittee")
            return
        if "session" in sems:
            text = next(plain(t) for s, t in groups if s == "session")
            pf.session_text = text
            value = self.facts.get("session") if self.facts.get("sessionText") == text else None
            pf.session_number = int(value) if value and value.isdigit() else _session_number(text)
            return
        if pf.place_dates is None and not self.seen_agenda and not pf.extra:
            pf.place_dates = plain(rec.tokens)
        else:
            pf.extra.append(tokens_inlines(rec.tokens))

    def title_row(self, rec: Record) -> None:
        pf = self.blocks.preface
        for sem, toks in _semantic_groups(rec.tokens):
            if sem == "docProponent":
                pf.sponsors.append(plain(toks))
            elif sem == "docType":
                if pf.doc_type is None:
                    pf.doc_type = plain(toks)
                else:
                    pf.doc_type_extra.append(plain(toks))
            elif sem == "docTitle":
                pf.title = tokens_inlines(toks)
            elif sem == "docNumber":
                # an adopted resolution's number on its title line: a preface line of its own in
                # the model, which the builder puts back at the head of the title line
                pf.extra.append([plain(toks)])
            elif sem is None and pf.title and toks and all(
                    isinstance(t, NoteRef) or not t.text.strip() for t in toks):
                pf.title = pf.title + tokens_inlines(toks)   # the title's own footnote
            elif sem is None and plain(toks) and plain(toks) not in (":", *vocabulary().conjunctions):
                if not any(s in ("docProponent", "docType", "docTitle", "docNumber")
                           for s, _ in _semantic_groups(rec.tokens)):
                    pf.title = tokens_inlines(rec.tokens)

    # body
    def paragraph(self, num, inlines, role="paragraph", line=None) -> None:
        para = Para(num, inlines, role=role, line=line)
        self.last = para
        if role in ("formula", "preambular") and self.blocks.body:
            # a formula or preamble after the body has begun: a draft quoted in a report, set
            # apart from the body after assembly (``quote_drafts``)
            self.blocks.body.append(para)
            self.current, self.lists = None, []
            return
        if role in ("formula", "preambular"):
            self.blocks.preamble.append(para)
            # points printed after a preambular paragraph are its own (a list in its container)
            self.current = para if role == "preambular" else None
            self.lists = [para.points] if role == "preambular" else []
            return
        if role == "conclusion":
            self.blocks.conclusions.append(Para(None, inlines, role="paragraph", line=line))
            return
        self.blocks.body.append(para)
        self.current = para
        self.lists = [para.points]

    def table(self, rows, header_rows, line=None) -> None:
        cells = [[tokens_inlines(cell) for cell in row] for row in rows]
        self.blocks.body.append(Para(None, [], line=line, table=cells, header_rows=header_rows))
        self.current = None
        self.lists = []

    def heading(self, level, num, inlines, line=None) -> None:
        self.last = Heading(level, num, inlines, line=line)
        self.blocks.body.append(self.last)
        self.current = None
        self.lists = []

    def point(self, depth, num, inlines, line=None) -> None:
        if self.current is None:
            self.paragraph(None, [], line=line)
        depth = max(1, min(depth, len(self.lists)))
        point = Point(num, inlines, line=line)
        self.last = point
        self.lists[depth - 1].append(point)
        self.lists = self.lists[:depth] + [point.points]
        if num:
            self.last_point_label[depth] = num

    def list_heading(self, depth, inlines, line=None) -> None:
        if self.current is None:
            self.heading("crossHeading", None, inlines, line)
            return
        depth = max(1, min(depth, len(self.lists)))
        self.lists[depth - 1].append(Heading("crossHeading", None, inlines, line=line))
        self.lists = self.lists[:depth]

    def wrap_up(self, inlines, line=None) -> None:
        if self.current is None or not self.current.points:
            self.paragraph(None, inlines, line=line)
            return
        self.current.wrap_up = inlines
        self.current = None
        self.lists = []


def _semantic_groups(tokens) -> list[tuple[str | None, list]]:
    groups: list[tuple[str | None, list]] = []
    for t in tokens:
        sem = t.semantic if isinstance(t, Token) else None
        if isinstance(t, Token) and sem is None and t.text == "\t":
            sem = None
        if groups and groups[-1][0] == sem:
            groups[-1][1].append(t)
        else:
            groups.append((sem, [t]))
    return groups


def _distribution_kind(text: str) -> str | None:
    from drafting.locale import distribution_kind
    return distribution_kind(text)


def _session_number(text: str) -> int | None:
    from drafting.locale import parse_session_ordinal
    return parse_session_ordinal(text)


def assemble(records: list[Record], lang: str, facts: dict, name: str,
             header_records: list[Record] = ()) -> DocumentBlocks:
    asm = _Assembler(lang, facts, name)
    records = [r for r in records if has_text(r.tokens) or r.auto_label]
    for rec in records:
        asm.last = None
        inferred = _inferred_number(rec.tokens)
        if inferred and len(rec.tokens) > 1 and isinstance(rec.tokens[1], Token):
            # the number's run joins the tab and text after it, to be split off as any number
            rec.tokens = [Token(rec.tokens[0].text + rec.tokens[1].text, rec.tokens[1].fmt,
                                rec.tokens[1].semantic)] + rec.tokens[2:]
        role = rec.role
        line = rec.index
        if role == "masthead":
            asm.masthead_row(rec)
        elif role == "sessionInfo":
            asm.session_row(rec)
        elif role == "titleBlock":
            asm.title_row(rec)
        elif role == "prefaceOther":
            asm.blocks.preface.extra.append(tokens_inlines(rec.tokens))
        elif role == "table":
            asm.table(rec.rows, rec.header_rows, line)
        elif role == "annex":
            num, toks = split_num(rec.tokens)
            asm.heading("annex", num, tokens_inlines(toks), line)
        elif role in ("chapter", "section", "subsection"):
            num, toks = split_num(rec.tokens)
            division = DIVISION_LABEL.match(num.strip()) if num else None
            if division and division.group("article"):
                role = "article"   # "Article 1" of a treaty, set in a heading style
            elif division and division.group("section"):
                role = "section"   # "Section 1" of a Secretariat issuance
            asm.heading(role, num, tokens_inlines(toks), line)
        elif role == "crossHeading":
            # a top-level cross-heading may carry a num (printed before a tab)
            num, toks = split_num(rec.tokens)
            asm.heading("crossHeading", num, tokens_inlines(toks), line)
        elif role and role.startswith("point"):
            num, toks = split_num(rec.tokens)
            asm.point(int(role[-1]), num, tokens_inlines(toks), line)
        elif role and role.startswith("listHeading"):
            asm.list_heading(int(role[-1]), tokens_inlines(rec.tokens), line)
        elif role == "wrapUp":
            asm.wrap_up(tokens_inlines(rec.tokens), line)
        elif role in ("formula", "preambular", "conclusion", "quote"):
            num, toks = split_num(rec.tokens) if role == "quote" else (None, rec.tokens)
            if num and not PROFILE_PARA_NUM.fullmatch(num):
                num, toks = None, rec.tokens
            asm.paragraph(num, tokens_inlines(toks), role=role, line=line)
        else:
            num, toks = split_num(rec.tokens)
            if num and not PROFILE_PARA_NUM.fullmatch(num):
                num, toks = None, rec.tokens   # not a paragraph number: it stays text
            asm.paragraph(num, tokens_inlines(toks), line=line)
        if inferred and asm.last is not None and asm.last.num:
            asm.last.num_inferred = True
    kind = facts.get("kind")
    if kind:
        asm.blocks.kind = kind
    quote_drafts(asm.blocks)
    if facts.get("inferredDate") and not asm.blocks.masthead.date:
        try:   # the date the reader of the source found in its text, when no masthead date
            asm.blocks.inferred_date = _dt.date.fromisoformat(facts["inferredDate"])
        except ValueError:
            pass
    if facts.get("jobNumber") and not asm.blocks.masthead.job_number:
        asm.blocks.masthead.job_number = facts["jobNumber"]   # printed at the foot of page 1
    return asm.blocks


def _inferred_number(tokens) -> bool:
    """A number the source did not print, marked by its character style (``AKN inferredNumber``)."""
    return bool(tokens) and isinstance(tokens[0], Token) and tokens[0].semantic == "inferredNumber"


def _is_united_nations(text: str) -> bool:
    """The masthead's first line, which the writer prints when the model has no such organ."""
    from drafting import locale

    text = " ".join(text.split())
    return any(text == locale.united_nations(lang) for lang in locale.languages())
