"""The document as the rules see it: the AKN tree, the reader's diagnostics, the source text.

Rules ask it for units, the language and the kind, and call ``finding()`` with a unit and,
when they can, the offending text: the document turns that into ``file:line:column`` for text
inputs (through the reader's eId-to-line map and a search of the source lines) and into the
eId and printed number for every input.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cached_property

from drafting.check.findings import Finding
from drafting.records import record

TEXT_FORMATS = {"text", "md"}
LINE_FORMATS = {"text", "md", "akn"}


@record
class Config:
    """Effective settings (defaults < config file < command line)."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    french_spacing: str = "auto"       # vienna (no space) | modern (non-breaking space) | auto
    quotes: str = "auto"               # fr: vienna (“ ”) | new-york (« ») | auto
    word_limits: dict[str, int] = field(default_factory=dict)  # kind (or "default") -> words
    lang: str | None = None            # force the language of every document
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> rules
    include: list[str] = field(default_factory=list)  # globs of files that are UN documents
    source: str = ""                   # the file the settings came from, for messages
    warnings: list[str] = field(default_factory=list)  # settings that name unknown rules


@record
class CheckedDocument:
    """A document as the rules see it: its AKN tree, the reader's diagnostics and, for a text
    input, the text and where each element came from."""

    path: str
    format: str
    root: object
    diagnostics: list = field(default_factory=list)
    source_lines: dict = field(default_factory=dict)
    text: str | None = None            # the source text, for text and Markdown inputs
    config: Config = field(default_factory=Config)
    findings: list = field(default_factory=list)
    warnings: list = field(default_factory=list)   # about the check itself (unknown rules named)

    # -- views ---------------------------------------------------------------------------

    @cached_property
    def units(self):
        from drafting.model.units import body_units
        return body_units(self.root)

    @cached_property
    def masthead(self) -> dict:
        from drafting.model.units import masthead
        return masthead(self.root)

    @cached_property
    def doc(self):
        from drafting.model.akn import doc_element
        return doc_element(self.root)

    @property
    def kind(self) -> str:
        return self.doc.get("name") or ""

    @cached_property
    def adopted(self) -> bool:
        """An adopted resolution or decision (``A/RES/80/1``, ``S/RES/2719 (2024)``): it prints
        no ``Original:`` line and no sponsors. Known from the kind, or from the symbol when the
        kind could not be read."""
        if self.kind in ("resolution", "decision"):
            return True
        from drafting.errors import DraftingError
        from drafting.model.symbols import parse_symbol
        symbol = self.masthead.get("symbol")
        if not symbol:
            return False
        try:
            parsed = parse_symbol(symbol)
        except DraftingError:
            return False
        return parsed.doc_type in ("RES", "DEC")

    @property
    def is_resolution(self) -> bool:
        """Read as a resolution or decision, draft or adopted: a preamble and operative
        paragraphs the rules can walk (the kind, not the symbol, says the tree has them)."""
        return self.kind in ("resolution", "decision", "resolutionDraft", "decisionDraft")

    @property
    def is_note(self) -> bool:
        """A note (by the Secretariat, verbale, of the President): paragraphs go unnumbered."""
        return self.kind == "note"

    @cached_property
    def read_from_pages(self) -> bool:
        """Read from printed pages (a PDF, or a text extracted from one: it holds page breaks
        or page furniture the reader removed): page breaks cut paragraphs, footnote calls are
        plain figures, and the structure of lists is the reader's reconstruction, where a
        DOCX, Markdown or AKN file, or a text typed as such, states it."""
        if self.format == "pdf":
            return True
        return self.format == "text" and bool(
            "\f" in (self.text or "") or self.diagnostics_with("furniture"))

    @cached_property
    def carries_formatting(self) -> bool:
        """Whether italics can be read from this input: a PDF or DOCX always carries them; a
        Markdown or AKN file only if it marks some emphasis somewhere; plain text never."""
        if self.format in ("pdf", "docx"):
            return True
        if self.format in ("md", "akn"):
            from drafting.model.akn import xp
            return bool(xp(self.doc, "(.//a:i | .//a:b | .//a:u)[1]"))
        return False

    @cached_property
    def lang(self) -> str:
        if self.config.lang:
            return self.config.lang
        code = self.masthead.get("expression_language") or ""
        from drafting.locale import lang_of_code

        return lang_of_code(code) or (code[:2] if len(code) == 2 else "en")

    @cached_property
    def source(self) -> list[str] | None:
        return self.text.split("\n") if self.text is not None else None

    @property
    def is_text(self) -> bool:
        return self.format in TEXT_FORMATS and self.text is not None

    def diagnostics_with(self, *codes: str):
        if len(codes) == 1:
            return list(self._diagnostics_by_code.get(codes[0], ()))
        return [d for d in self.diagnostics if getattr(d, "code", "") in codes]

    @cached_property
    def _diagnostics_by_code(self) -> dict[str, list]:
        """The reader's diagnostics by code, in order: sorted once for the rules that each ask
        for one code (a text read from pages holds one per line of page furniture)."""
        out: dict[str, list] = {}
        for d in self.diagnostics:
            out.setdefault(getattr(d, "code", ""), []).append(d)
        return out

    # -- locations -----------------------------------------------------------------------

    def line_of(self, eid: str | None) -> int | None:
        if not eid:
            return None
        if self.format not in LINE_FORMATS:
            return None  # a DOCX has no lines: its findings are located by eId
        return self.source_lines.get(eid)

    def locate(self, line: int | None, needle: str | None, span: int = 40) -> tuple[int | None, int | None]:
        """Line and column of ``needle`` in the source text at or after ``line``."""
        src = self.source
        if not needle or src is None:
            return line, (1 if line else None)
        start = max((line or 1) - 1, 0)
        for i in range(start, min(len(src), start + span)):
            col = src[i].find(needle)
            if col >= 0:
                return i + 1, col + 1
        if line is None:  # anywhere in the file
            for i, text in enumerate(src):
                col = text.find(needle)
                if col >= 0:
                    return i + 1, col + 1
        return line, (1 if line else None)

    @cached_property
    def _starts(self):
        starts = sorted((self.source_lines[u.eid], i) for i, u in enumerate(self.units)
                        if u.eid and self.source_lines.get(u.eid) is not None)
        return [s for s, _ in starts], [self.units[i] for _, i in starts]

    def unit_at(self, line: int | None):
        """The unit whose source starts last at or before ``line`` (for source-level findings)."""
        import bisect
        if line is None:
            return None
        lines, units = self._starts
        i = bisect.bisect_right(lines, line) - 1
        return units[i] if i >= 0 else None

    def eid_at(self, line: int) -> tuple[str | None, str | None]:
        unit = self.unit_at(line)
        return (unit.eid, unit.num) if unit is not None else (None, None)

    def inferred_numbers(self, kinds: set[str]):
        """(diagnostic, unit) for numbers the reader had to infer, on units of these kinds.

        A text is read here and its reader says so; an AKN file carries the fact on the number
        itself (``num refersTo="#inferredNumber"``)."""
        for kind, d, unit in self._inferred:
            if kind in kinds:
                yield d, unit

    @cached_property
    def _inferred(self) -> list[tuple]:
        """(kind, diagnostic, unit) of every inferred number: found once, for the four rules
        that ask about their own kinds."""
        diagnostics = self.diagnostics_with("inferred-number")
        if diagnostics:
            out = []
            for d in diagnostics:
                unit = self.unit_at(d.line) if self.is_text or self.source_lines else None
                out.append((unit.level if unit is not None else "paragraph", d, unit))
            return out
        from drafting.model.blocks import Diagnostic
        out = []
        for unit in self.units:
            num = unit.element.find("{*}num")
            if num is not None and num.get("refersTo") == "#inferredNumber":
                what = "chapter" if unit.level == "chapter" else unit.level
                out.append((unit.level, Diagnostic(
                    "warning", f"{what} number {unit.number or unit.num} was not printed; "
                    "inferred from the sequence", self.line_of(unit.eid), "inferred-number"), unit))
        return out

    def finding(self, rule_id: str, message: str, unit=None, *, eid=None, num=None,
                line=None, needle=None, column=None) -> Finding:
        from drafting.check.registry import RULES
        if unit is not None:
            eid = eid or unit.eid
            num = num or unit.num
        if line is None:
            line = self.line_of(eid)
        if column is None and self.is_text:
            line, column = self.locate(line, needle)
        if eid is None and line is not None and self.is_text:
            eid, num = self.eid_at(line)
        severity = self.config.severity.get(rule_id) or RULES[rule_id].severity
        f = Finding(rule_id, severity, message, self.path, line, column, eid, num)
        return f


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-’']\w+)*", text)
