"""Reader for the Markdown drafting dialect (README, "Generate": the dialect in full).

The text is parsed by markdown-it (``markdown_parser``); this module turns the tokens into
``DocumentBlocks`` — headings, paragraphs numbered the UN way, sub-paragraphs, quotations,
footnotes, a resolution's preamble — and lets ``build_akn`` make the AKN tree. Every block keeps
the source line markdown-it recorded (``Token.map``), for diagnostics and ``file:line`` findings.
"""

from __future__ import annotations

import re

from drafting.errors import DraftingError
from drafting.model.session_frame import build_frame
from drafting.model.session_keys import RESOLUTION_KINDS, check_keys, load_mapping, resolve_language
from drafting.io import clean_text, decode_text
from drafting.locale import languages
from drafting.model.blocks import DocumentBlocks, Heading, NoteRef, Para, Point, Styled
from drafting.model.build import build_akn
from drafting.readers import ReadResult
from drafting.readers.markdown_numbering import number_document, relabel_points
from drafting.readers.markdown_parser import dialect_parser
from drafting.readers.passes.quoted import quote_drafts
from drafting.locale.vocabulary import annex_of, division_label
from drafting.model.numbering import ANNEX_LABEL, forms
from drafting.readers.passes.unwrap import chapter_word_label
from drafting.regex import LazyPattern

HEADING_LEVELS = {"h1": "chapter", "h2": "section", "h3": "subsection", "h4": "crossHeading"}
# A number typed before a heading: I. A. 1. (and Chinese 一、 二、 for chapters)
HEADING_NUMBER_RE = re.compile(r"(?P<num>(?:[IVXLCDM]+|[A-Z]|\d{1,3})\.|[一二三四五六七八九十]+[、.])\s+(?=\S)")
STYLE_TAGS = {"em": "i", "strong": "b", "sup": "sup"}
UNDEFINED_NOTE_RE = re.compile(r"\[\^([^\]\s]+)\]")
SECOND_MARK_RE = re.compile(r"(?P<mark>[^\s-]+)-[2-9]\d*")


def read(data: bytes | str, name: str = "input.md", lang: str | None = None, **options) -> ReadResult:
    # str: decoded and cleaned already by the caller
    text = data if isinstance(data, str) else decode_text(data, name, keep_form_feed=False)
    return read_text(text, name, lang, **options)


def read_text(text: str, name: str = "input.md", lang: str | None = None, **options) -> ReadResult:
    text, notes = clean_text(text, keep_form_feed=False)  # what the XML model cannot hold
    blocks = parse_blocks(text, name, lang)
    built = build_akn(blocks, generated=options.get("generated"))
    return ReadResult(root=built.root, diagnostics=notes + blocks.diagnostics, source_lines=built.source_lines)


def parse_blocks(text: str, name: str = "input.md", lang: str | None = None) -> DocumentBlocks:
    tokens = dialect_parser().parse(text)
    keys, key_lines = {}, None
    if tokens and tokens[0].type == "front_matter":
        front = tokens.pop(0)
        located = _pandoc_safe_keys(load_mapping(front.content, name, line_offset=front.map[0] + 1))
        keys = check_keys(located, None, "front")
        key_lines = located
    lang = lang or keys.get("lang") or "en"
    if lang not in languages():
        raise DraftingError(f"unknown language {lang!r}; use one of: {', '.join(languages())}")
    keys = resolve_language(keys, lang)
    reader = _BlockReader(tokens, lang)
    reader.run()
    kind, masthead, preface = build_frame(keys, lang, symbol_note=reader.symbol_note)
    blocks = DocumentBlocks(kind=kind, lang=lang, masthead=masthead, preface=preface, source_name=name)
    blocks.diagnostics.extend(key_lines.notes if key_lines is not None else [])
    blocks.diagnostics.extend(reader.diagnostics)
    # every organ line of the masthead may open the formula ("United Nations" above "General
    # Assembly": the formula names the second)
    organ_names = [keys.get("organ"), keys.get("body"), keys.get("formula")] + list(keys.get("organs") or [])
    preamble, body = number_document(reader.items, kind in RESOLUTION_KINDS,
                                     keys.get("numbered", True) is not False,
                                     [n for n in organ_names if n], blocks)
    if keys.get("relabel", True) is not False:
        relabel_points(preamble + body, lang, blocks)
    blocks.preamble, blocks.body = preamble, body
    quote_drafts(blocks)   # the drafts a report recommends, under the paragraph that does
    if key_lines is None and not keys:
        blocks.note("info", "no front matter: masthead and preface left empty", 1, "no-front-matter")
    return blocks


# A key written as pandoc ignores it (a name ending in "_") -> the key of the session schema:
# pandoc takes ``body`` for its template's document text (README, "The Markdown drafting dialect")
PANDOC_SAFE_KEYS = {"body_": "body"}


def _pandoc_safe_keys(located):
    """The front matter with ``body_`` read as ``body`` (files written before it was renamed
    say ``body``: both forms read; a file that gives both is refused with the line)."""
    for written, key in PANDOC_SAFE_KEYS.items():
        if written not in located.values:
            continue
        if key in located.values:
            raise DraftingError(f"{located.where(written)}: key {written!r} is {key!r} written as "
                                f"pandoc ignores it; give one of them, not both")
        located.values = {(key if k == written else k): v for k, v in located.values.items()}
        located.lines[key] = located.lines.pop(written)
    return located


DIVISION_LABEL = LazyPattern(division_label)   # "Article 1", "Chapter I" of a treaty
ANNEX_OF = LazyPattern(annex_of)               # "Annex to the letter dated ...", every language


class _BlockReader:
    """One pass over the top-level tokens, collecting headings, paragraphs and footnotes."""

    def __init__(self, tokens, lang: str) -> None:
        self.tokens = tokens
        self.lang = lang
        self.items: list[Heading | Para] = []
        self.diagnostics = []
        self.definitions: dict[str, tuple[list, int]] = {}   # label -> (inline tokens per para, line)
        self.referenced: set[str] = set()
        self.symbol_note: NoteRef | None = None
        self._last_para: Para | None = None
        self._note_order: list[str] = []

    def note(self, level, message, line, code):
        from drafting.model.blocks import Diagnostic
        self.diagnostics.append(Diagnostic(level, message, line, code))

    # -- pass 1: footnote definitions ----------------------------------------------------------

    def collect_definitions(self) -> None:
        i, toks = 0, self.tokens
        kept = []
        while i < len(toks):
            tok = toks[i]
            if tok.type == "footnote_reference_open":
                label, line = tok.meta["label"], tok.map[0] + 1
                paras = []
                i += 1
                while toks[i].type != "footnote_reference_close":
                    if toks[i].type == "inline":
                        paras.append(toks[i].children or [])
                    i += 1
                if label in self.definitions:
                    self.note("warning", f"footnote [^{label}] is defined twice; the first is kept",
                              line, "note-duplicate")
                else:
                    self.definitions[label] = (paras, line)
                    self._note_order.append(label)
            else:
                kept.append(tok)
            i += 1
        self.tokens = kept

    # -- inline content ---------------------------------------------------------------------------

    def inlines(self, children, line: int, in_note: bool = False) -> list:
        out: list = []
        stack: list[list] = [out]
        for tok in children:
            if tok.type in ("text", "text_special"):
                _add_text(stack[-1], tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                _add_text(stack[-1], " ")
            elif tok.type.endswith("_open") and tok.tag in STYLE_TAGS:
                styled = Styled(STYLE_TAGS[tok.tag], [])
                stack[-1].append(styled)
                stack.append(styled.children)
            elif tok.type.endswith("_close") and tok.tag in STYLE_TAGS:
                if len(stack) > 1:
                    stack.pop()
            elif tok.type == "footnote_ref" and in_note:
                # a footnote inside a footnote has no place in a UN document: kept as typed
                self.note("warning", f"footnote call [^{tok.meta['label']}] inside a footnote is kept as text",
                          line, "note-in-note")
                _add_text(stack[-1], f"[^{tok.meta['label']}]")
            elif tok.type == "footnote_ref":
                stack[-1].append(self.note_ref(tok.meta["label"], line))
            else:
                _add_text(stack[-1], tok.content)
        return _tidy(out)

    def note_ref(self, label: str, line: int):
        if label not in self.definitions:
            self.note("error", f"footnote [^{label}] has no definition ([^{label}]: text)", line, "note-undefined")
            return f"[^{label}]"
        self.referenced.add(label)
        paras, def_line = self.definitions[label]
        body = [self.inlines(p, def_line, in_note=True) for p in paras] or [[""]]
        return NoteRef(marker=self.printed_mark(label), body=body, anchored=True, line=def_line)

    def printed_mark(self, label: str) -> str:
        """``[^10-2]`` beside a ``[^10]``: a second note printed with the mark 10 (an annex or a
        recommended draft numbers its notes afresh; labels must differ, marks need not)."""
        m = SECOND_MARK_RE.fullmatch(label)
        if m and m.group("mark") in self.definitions:
            return m.group("mark")
        return label

    # -- blocks ----------------------------------------------------------------------------------

    def run(self) -> None:
        self.collect_definitions()
        toks = self.tokens
        i = 0
        while i < len(toks):
            tok = toks[i]
            line = tok.map[0] + 1 if tok.map else None
            if tok.type == "heading_open":
                self.heading(tok, toks[i + 1], line)
                i += 3
            elif tok.type == "paragraph_open":
                para = Para(num=tok.meta.get("num"), text=self.inlines(toks[i + 1].children or [], line),
                            line=line)
                para.unnumbered = bool(tok.meta.get("unnumbered"))
                self.items.append(para)
                self._last_para = para
                i += 3
            elif tok.type == "label_item_open":
                i = self.points(i, line)
            elif tok.type == "blockquote_open":
                i = self.quote(i)
            elif tok.type == "table_open":
                i = self.table(i, line)
            else:
                i += 1
        self.unreferenced_notes()

    def heading(self, tok, inline, line) -> None:
        level = HEADING_LEVELS.get(tok.tag)
        content = inline.content
        if level is None:
            self.note("warning", f"heading level {tok.tag[1:]} is not in the dialect (# to ####); "
                      "read as a cross-heading", line, "heading-level")
            level = "crossHeading"
        num = None
        if level == "chapter" and ANNEX_OF.match(content.strip()):
            # "# Annex to the letter dated ...": an annex named by what it is annexed to
            heading = Heading(level="annex", num=None, text=self.inlines(inline.children or [], line), line=line)
            heading.unnumbered = True
            self.items.append(heading)
            self._last_para = None
            return
        annex = ANNEX_LABEL.match(content.strip()) if level == "chapter" else None
        if annex:
            # "# Annex II: Title": an annex, whose label is its number and whose numbering restarts
            title = annex.group("title") or ""
            children = _drop_prefix(inline.children or [], len(content) - len(title)) if title else []
            heading = Heading(level="annex", num=annex.group("label"), text=self.inlines(children, line), line=line)
            heading.unnumbered = True
            self.items.append(heading)
            self._last_para = None
            return
        division = DIVISION_LABEL.match(content.strip()) if level in ("chapter", "section", "subsection") else None
        if division:
            # "# Chapter I General provisions", "### Article 1 Scope of application": a treaty's
            # chapter and article, labelled as printed
            kind = next(k for k in ("article", "section", "chapter") if division.group(k))
            title = division.group("title") or ""
            children = _drop_prefix(inline.children or [], len(content) - len(title)) if title else []
            self.items.append(Heading(level=kind, num=division.group(kind), text=self.inlines(children, line), line=line))
            self._last_para = None
            return
        # "# I. Introduction", "# 一. 导言", "# أولا - مقدمة": the language's own numbering first
        forms_ = forms(self.lang)
        own = {"chapter": forms_.chapter, "section": forms_.section}.get(level)
        local_match = own.match(content) if own is not None else None
        if local_match and (forms_.chapter_numerals or forms_.section_letters):
            num = local_match.group("num")
            heading = Heading(level=level, num=num, line=line,
                              text=self.inlines(_drop_prefix(inline.children or [], local_match.start("rest")), line))
            heading.unnumbered = bool(tok.meta.get("unnumbered"))
            self.items.append(heading)
            self._last_para = None
            return
        word = chapter_word_label(content, self.lang) if level == "chapter" else None
        if word and word.group("rest"):
            # "# Chapter III Title": the number as the Official Records print it
            heading = Heading(level=level, num=content[:word.end("num")].strip(), line=line,
                              text=self.inlines(_drop_prefix(inline.children or [], word.start("rest")), line))
            heading.unnumbered = bool(tok.meta.get("unnumbered"))
            self.items.append(heading)
            self._last_para = None
            return
        m = HEADING_NUMBER_RE.match(content)
        children = inline.children or []
        if m:
            num = m.group("num")
            children = _drop_prefix(children, m.end())
        heading = Heading(level=level, num=num, text=self.inlines(children, line), line=line)
        heading.unnumbered = bool(tok.meta.get("unnumbered"))
        self.items.append(heading)
        self._last_para = None

    def points(self, i: int, line: int) -> int:
        """A run of sub-paragraph items: nested by indentation under the paragraph before them."""
        toks = self.tokens
        owner = self._last_para
        if owner is None or owner.role != "paragraph":
            self.note("warning", "sub-paragraphs without a paragraph to introduce them: "
                      "they are kept under an unnumbered paragraph", line, "points-orphan")
            owner = Para(num=None, text=[], line=line)
            owner.unnumbered = True
            self.items.append(owner)
            self._last_para = owner
        stack: list[tuple[int, list]] = [(-1, owner.points)]
        while i < len(toks) and toks[i].type == "label_item_open":
            tok = toks[i]
            item_line = tok.map[0] + 1
            text = self.inlines(toks[i + 1].children or [], item_line)
            indent = tok.meta.get("indent", 0)
            if (tok.info == "####" or tok.info.endswith(".")) and indent < 4:
                indent = 0  # "  1." and "  ####" are indented to tell them from the margin's, not nested
            while len(stack) > 1 and stack[-1][0] >= indent:
                stack.pop()
            if tok.info == "####":
                stack[-1][1].append(Heading(level="crossHeading", num=None, text=text, line=item_line))
            else:
                point = Point(num=tok.info, text=text, line=item_line)
                stack[-1][1].append(point)
                stack.append((indent, point.points))
            i += 3
        return i

    def table(self, i: int, line: int) -> int:
        """A pipe table: its header row(s) and body rows, each cell's inline content."""
        toks = self.tokens
        rows, header_rows, in_head = [], 0, False
        while i < len(toks) and toks[i].type != "table_close":
            tok = toks[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                rows.append([])
                header_rows += in_head
            elif tok.type == "inline":
                rows[-1].append(self.inlines(tok.children or [], line))
            i += 1
        para = Para(num=None, text=[], line=line, table=rows, header_rows=header_rows)
        para.unnumbered = True
        self.items.append(para)
        self._last_para = None
        return i + 1

    def quote(self, i: int) -> int:
        toks = self.tokens
        depth = 0
        while i < len(toks):
            tok = toks[i]
            if tok.type == "blockquote_open":
                depth += 1
            elif tok.type == "blockquote_close":
                depth -= 1
                if depth == 0:
                    return i + 1
            elif tok.type == "inline":
                line = tok.map[0] + 1 if tok.map else None
                para = Para(num=None, text=self.inlines(tok.children or [], line), role="quote", line=line)
                self.items.append(para)
                self._last_para = None
            i += 1
        return i

    def unreferenced_notes(self) -> None:
        """``[^*]`` never referenced is the agenda note on the symbol; others are kept unanchored."""
        for label in self._note_order:
            if label in self.referenced:
                continue
            paras, line = self.definitions[label]
            ref = NoteRef(marker=self.printed_mark(label), body=[self.inlines(p, line, in_note=True) for p in paras] or [[""]],
                          anchored=label.startswith("*"), line=line)
            if label.startswith("*") and self.symbol_note is None:
                self.symbol_note = ref
                continue
            ref.anchored = False
            target = _last_para_before(self.items, line)
            self.note("warning", f"footnote [^{label}] is defined but never referenced: kept at the "
                      "end of the paragraph before it", line, "note-unanchored")
            if target is None:
                target = Para(num=None, text=[], line=line)
                target.unnumbered = True
                self.items.append(target)
            target.text.append(ref)


def _last_para_before(items, line):
    found = None
    for item in items:
        if isinstance(item, Para) and item.role == "paragraph" and (item.line or 0) <= line:
            found = item
    return found


def _add_text(container: list, text: str) -> None:
    if not text:
        return
    if container and isinstance(container[-1], str):
        container[-1] += text
    else:
        container.append(text)


def _tidy(inlines: list) -> list:
    """Collapse line breaks and runs of spaces into one space; trim the ends."""
    out = []
    for item in inlines:
        if isinstance(item, str):
            item = re.sub(r"[ \t]*\n[ \t]*", " ", item)
            item = re.sub(r"[ \t]{2,}", " ", item)
            if item:
                out.append(item)
        else:
            if isinstance(item, Styled):
                item.children = _tidy(item.children)
            out.append(item)
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
        if not out[0]:
            out.pop(0)
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
        if not out[-1]:
            out.pop()
    return out


def _drop_prefix(children, n: int):
    """Inline tokens without their first ``n`` characters of text (a heading's typed number)."""
    out = []
    for tok in children:
        if n > 0 and tok.type == "text":
            cut = min(n, len(tok.content))
            n -= cut
            rest = tok.content[cut:]
            if rest:
                clone = tok.copy()
                clone.content = rest
                out.append(clone)
            continue
        out.append(tok)
    return out
