"""The keys of a session file and of a Markdown draft's front matter: one schema, checked with lines.

A session file (``drafting new``) and the front matter of a draft in the Markdown dialect share
their keys, so a drafter learns them once. YAML is safe-loaded; ``yaml.compose`` gives each key's
line, so an error names the key and the line. Text keys accept either a string or a mapping per
language (``title: {en: ..., fr: ...}``), resolved for the language being written.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import field
from functools import cache

from drafting.errors import DraftingError
from drafting.locale import DISTRIBUTION_KINDS, languages
from drafting.records import record


# Generator kinds -> AKN4UN document name. The front matter also takes the AKN names themselves.
KINDS = {
    "draft-report": "reportDraft",
    "draft-report-addendum": "reportDraft",
    "draft-resolution": "resolutionDraft",
    "note": "note",
    "corrigendum": "corrigendum",
}
AKN_KINDS = {
    "report": "report", "reportDraft": "reportDraft", "resolution": "resolution",
    "resolutionDraft": "resolutionDraft", "decision": "decision", "decisionDraft": "decisionDraft",
    "note": "note", "corrigendum": "corrigendum", "letter": "letter",
    "presidentialStatement": "presidentialStatement", "bulletin": "bulletin",
    "administrativeInstruction": "administrativeInstruction", "informationCircular": "informationCircular",
}
RESOLUTION_KINDS = {"resolution", "resolutionDraft", "decision", "decisionDraft"}
DISTRIBUTIONS = DISTRIBUTION_KINDS   # the kinds a Distr. line states, as the locale reads them

ALL = frozenset(KINDS)


@record(frozen=True)
class Key:
    """One key of a session file or of a document's front matter: its name, the type of its value
    and where it may stand."""

    name: str
    type: str                      # text, text-list, str, int, date, dates, lang, enum, bool, str-list
    required: frozenset = frozenset()   # generator kinds that need it
    where: str = "both"            # both | session | front
    help: str = ""


KEYS: list[Key] = [
    Key("kind", "kind", where="front", help="the document kind: draft-report, draft-report-addendum, "
        "draft-resolution, note, corrigendum (or an AKN name: report, resolution, decision...)"),
    Key("lang", "lang", where="front", help="the language of this version: ar zh en fr ru es"),
    Key("dir", "str", where="front", help="rtl for a language written right to left (Arabic): "
        "pandoc's metadata of the text's direction, which this toolkit takes from lang"),
    Key("organ", "text", ALL, help="the organ, printed in the masthead and the FRBR author"),
    Key("body", "text", help="a subsidiary body (Working Group ...), printed above the session"),
    Key("symbol", "str", ALL, help="the document symbol, e.g. CTOC/COP/WG.4/2011/L.1/Add.1"),
    Key("distribution", "enum", ALL, help="general | limited | restricted"),
    Key("date", "date", ALL, help="the date of issue, YYYY-MM-DD"),
    Key("original", "lang", ALL, help="the language of the original: ar zh en fr ru es"),
    Key("session", "int", ALL, help="the session number, printed as an ordinal in words"),
    Key("place", "text", help="where the session meets (Vienna); General Assembly drafts print none"),
    Key("dates", "dates", help="first and last day of the session: [YYYY-MM-DD, YYYY-MM-DD]"),
    Key("agenda_item", "text", help='the agenda item as printed: "5" or "2 (d)"'),
    Key("agenda_title", "text", help="the agenda item's title, printed under the agenda line"),
    Key("provisional_agenda", "bool", help="true: 'Item N of the provisional agenda' (the default, "
        "except for the General Assembly: 'Agenda item N'); false: 'Item N of the agenda'"),
    Key("sponsors", "text-list", frozenset({"draft-resolution"}), help="the sponsors of a draft resolution"),
    Key("title", "text", ALL - {"corrigendum"}, help="the document's title"),
    Key("formula", "text", help="draft resolutions: the enacting formula without its comma "
        "(default: from the organ, 'The General Assembly'; not printed again when the body opens with it)"),
    Key("numbered", "bool", help="false: leave paragraphs and headings unnumbered (default true)"),
    Key("body_markdown", "text", ALL, where="session", help="the body in the Markdown drafting dialect"),
    # the printed forms, written by the Markdown writer when a document's print differs from
    # what the keys above would give (documents read from text or DOCX); they win over the keys
    Key("doc_type", "str-list", where="front", help="the document type lines as printed"),
    Key("number", "str", where="front", help="an adopted resolution's or decision's number as printed "
        "at the head of its title line, e.g. 80/239."),
    Key("title_lines", "str-list", where="front", help="the lines of the title block printed as they "
        "are, e.g. an adopted resolution's [on the report of the Fifth Committee (A/80/568, para. 19)]"),
    Key("organs", "str-list", where="front", help="every organ line of the masthead as printed "
        "(United Nations, General Assembly), when there is more than one"),
    Key("session_text", "str", where="front", help="the session line as printed"),
    Key("place_dates", "str", where="front", help="the place and dates line as printed"),
    Key("agenda_text", "str", where="front", help="the agenda line as printed"),
    Key("agenda_note", "str", where="front", help="the footnote on the agenda line (the provisional "
        "agenda's symbol), marked * (** when the symbol has its own note)"),
    Key("title_note", "str", where="front", help="the footnote on the title block (a report submitted "
        "late, a report issued in parts), marked with the next star after the symbol's and the agenda's"),
    Key("date_text", "str", where="front", help="the masthead date as printed"),
    Key("distribution_text", "str", where="front", help="the Distr. line as printed"),
    Key("original_text", "str", where="front", help="the word after 'Original:' as printed"),
    Key("language_line", "str", where="front", help="the masthead's language line as printed "
        "('' when none is printed)"),
    Key("job_number", "str", help="the job number printed on the first page, e.g. V.12-54630"),
    Key("relabel", "bool", where="front", help="false: keep every sub-paragraph label as typed "
        "(written when the printed labels are out of sequence)"),
]
KEY_BY_NAME = {k.name: k for k in KEYS}


@record
class Located:
    """A checked mapping: values plus the line of every key (1-based, in the source file)."""

    values: dict
    lines: dict
    source: str
    first_line: int = 1
    notes: list = field(default_factory=list)   # diagnostics: characters removed from values

    def line(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def where(self, key: str) -> str:
        return f"{self.source}:{self.line(key)}"


def _fail(source: str, line: int, message: str) -> DraftingError:
    return DraftingError(f"{source}:{line}: {message}")


@cache
def yaml_loader():
    """libyaml's safe loader, PyYAML's own C binding (50x the pure-Python one: a 3 MB value took
    2 s to read three times); the same safe constructors. PyYAML built without libyaml has none.
    Imported when a YAML text is read: a command reading Word files never loads PyYAML (7 ms)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_YAML_DEPTH = 20        # a session file is a mapping of texts, lists and per-language maps
MAX_NUMBER_DIGITS = 20     # a session number or a year: never thousands of digits
MAX_VALUE_CHARS = 10_000   # every key but the body: a title, an organ, sponsors, a place


def load_mapping(text: str, source: str, line_offset: int = 0) -> Located:
    """Safe-load a YAML mapping and remember each top-level key's line.

    Refused with the line: what is not YAML, a character YAML does not allow, anchors and
    aliases (a session file has no use for them, and they can expand a few lines into billions
    of values), nesting deeper than ``MAX_YAML_DEPTH``, numbers of more than
    ``MAX_NUMBER_DIGITS`` digits, and values that do not exist (``2011-02-30``).
    """
    import yaml

    try:
        _check_events(text, source, line_offset)
        node = yaml.compose(text, Loader=yaml_loader())
        _check_scalars(node, source, line_offset)
        values = yaml.load(text, Loader=yaml_loader())
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _fail(source, line, f"not valid YAML: the character U+{ord(char):04X} is not allowed") from None
    except UnicodeEncodeError as exc:  # libyaml reads UTF-8: a lone surrogate cannot be one
        line = text.count("\n", 0, exc.start) + 1 + line_offset
        raise _fail(source, line, f"not valid YAML: the character U+{ord(text[exc.start]):04X} is not allowed") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise _fail(source, line, f"not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise DraftingError(f"{source}: not valid YAML: {exc}") from None
    except RecursionError:
        raise DraftingError(f"{source}: not valid YAML: nested too deeply") from None
    if values is None:
        values = {}
    if not isinstance(values, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        raise _fail(source, 1 + line_offset, "expected a mapping of keys (key: value), one per line")
    lines = {}
    if node is not None:
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1 + line_offset
    located = Located(values=values, lines=lines, source=source, first_line=1 + line_offset)
    located.values = {k: _clean_value(v, str(k), located) for k, v in values.items()}
    for key, value in located.values.items():
        if str(key) != "body_markdown" and _text_size(value) > MAX_VALUE_CHARS:
            raise _fail(source, located.line(str(key)), f"key {key!r}: more than {MAX_VALUE_CHARS:,} "
                        f"characters; a title, an organ or a place is far shorter")
    return located


def _text_size(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(_text_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_text_size(v) for v in value.values())
    return 0


def _clean_value(value, key: str, loc: Located):
    """A value without what the XML model cannot hold (``"\\0"`` escapes, controls), said so."""
    from drafting.io import clean_text

    if isinstance(value, str):
        text, notes = clean_text(value, keep_form_feed=False)
        for d in notes:
            d.message = f"key {key!r}: " + re.sub(r" \(lines? [^)]*\)", "", d.message)
            d.line = loc.line(key)
        loc.notes.extend(notes)
        return text
    if isinstance(value, list):
        return [_clean_value(v, key, loc) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(v, key, loc) for k, v in value.items()}
    return value


def _check_events(text: str, source: str, line_offset: int) -> None:
    """One pass over the parser's events: no aliases, no deep nesting (before any recursion)."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=yaml_loader()):
        line = event.start_mark.line + 1 + line_offset if event.start_mark else line_offset + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _fail(source, line, "anchors and aliases (&name, *name) are not allowed in this file; "
                        "write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _fail(source, line, f"nested more than {MAX_YAML_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_scalars(node, source: str, line_offset: int) -> None:
    """Every scalar the safe loader would turn into a number or a date can be one."""
    import yaml

    constructor = yaml.SafeLoader("")
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in n.value for x in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.ScalarNode) and n.tag.endswith((":int", ":float", ":timestamp")):
            line = n.start_mark.line + 1 + line_offset
            if n.tag.endswith(":int") and sum(c.isdigit() for c in n.value) > MAX_NUMBER_DIGITS:
                raise _fail(source, line, f"a number of more than {MAX_NUMBER_DIGITS} digits")
            try:
                constructor.construct_object(n, deep=True)
            except (ValueError, OverflowError, TypeError) as exc:
                raise _fail(source, line, f"{n.value[:40]!r} is not a valid value: {exc}") from None


def _as_date(value, key: str, loc: Located) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(loc.source, loc.line(key), f"key {key!r}: expected a date YYYY-MM-DD, got {value!r}")


def _type_name(value) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false", int: "a number",
            float: "a number", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)


def _check_text(value, key: str, loc: Located, allow_list: bool = False):
    """A text key: a string, or a mapping language -> string (or list of strings for lists)."""
    leaf_ok = (lambda v: isinstance(v, str) or (allow_list and isinstance(v, list)
                                                  and all(isinstance(x, str) for x in v)))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not allow_list:
        return str(value)
    if leaf_ok(value):
        return value
    if isinstance(value, dict):
        bad = [k for k in value if k not in languages()]
        if bad:
            raise _fail(loc.source, loc.line(key), f"key {key!r}: unknown language {bad[0]!r} in its "
                        f"per-language texts; use: {', '.join(languages())}")
        for lang, text in value.items():
            if not leaf_ok(text):
                raise _fail(loc.source, loc.line(key), f"key {key!r}: the {lang} text must be "
                            f"{'a list of texts' if allow_list else 'text'}, not {_type_name(text)}")
        return value
    expected = "a list of texts (or one list per language)" if allow_list else "text (or one text per language)"
    raise _fail(loc.source, loc.line(key), f"key {key!r}: expected {expected}, not {_type_name(value)}")


def check_keys(loc: Located, kind: str | None, where: str) -> dict:
    """Check types and required keys; return the values with dates as ``datetime.date``.

    ``where`` is ``session`` or ``front``; ``kind`` a generator kind (its required keys are
    enforced) or None (front matter of a hand-written draft: nothing is required).
    """
    out = {}
    allowed = [k.name for k in KEYS if k.where in ("both", where)]
    for key, value in loc.values.items():
        key = str(key)
        spec = KEY_BY_NAME.get(key)
        if spec is None or spec.where not in ("both", where):
            raise _fail(loc.source, loc.line(key), f"unknown key {key!r}; the keys are: {', '.join(allowed)}")
        if value is None and spec.type != "bool":
            if kind in spec.required:
                raise _fail(loc.source, loc.line(key), f"key {key!r} is empty but required for {kind}")
            continue
        out[key] = _check_value(spec, value, loc)
    if kind:
        for spec in KEYS:
            if kind in spec.required and spec.where in ("both", where) and spec.name not in out:
                raise _fail(loc.source, loc.first_line,
                            f"missing key {spec.name!r} (required for {kind}: {spec.help})")
    return out


def _check_value(spec: Key, value, loc: Located):
    key, t = spec.name, spec.type
    if t == "text":
        return _check_text(value, key, loc)
    if t == "text-list":
        if isinstance(value, str):
            value = [value]
        return _check_text(value, key, loc, allow_list=True)
    if t == "str":
        if isinstance(value, str) and "\n" in value.strip():
            raise _fail(loc.source, loc.line(key), f"key {key!r}: must be one line, not {value!r}")
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
        raise _fail(loc.source, loc.line(key), f"key {key!r}: expected text, not {_type_name(value)}")
    if t == "str-list":
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            return value
        raise _fail(loc.source, loc.line(key), f"key {key!r}: expected a list of texts, not {_type_name(value)}")
    if t == "int":
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
            return int(value)
        raise _fail(loc.source, loc.line(key), f"key {key!r}: expected a whole number (4), got {value!r}")
    if t == "bool":
        if isinstance(value, bool):
            return value
        raise _fail(loc.source, loc.line(key), f"key {key!r}: expected true or false, got {value!r}")
    if t == "date":
        return _as_date(value, key, loc)
    if t == "dates":
        items = value if isinstance(value, list) else [value]
        if not 1 <= len(items) <= 2:
            raise _fail(loc.source, loc.line(key), f"key {key!r}: expected [first day, last day], got {value!r}")
        dates = [_as_date(v, key, loc) for v in items]
        if dates[-1] < dates[0]:
            raise _fail(loc.source, loc.line(key), f"key {key!r}: the last day comes before the first")
        return dates
    if t == "lang":
        if value in languages():
            return value
        raise _fail(loc.source, loc.line(key), f"key {key!r}: unknown language {value!r}; use one of: {', '.join(languages())}")
    if t == "enum":
        if value in DISTRIBUTIONS:
            return value
        raise _fail(loc.source, loc.line(key),
                    f"key {key!r}: expected one of {', '.join(DISTRIBUTIONS)}, got {value!r}")
    if t == "kind":
        if value in KINDS or value in AKN_KINDS:
            return value
        raise _fail(loc.source, loc.line(key),
                    f"key {key!r}: unknown kind {value!r}; use one of: {', '.join(list(KINDS) + list(AKN_KINDS))}")
    raise AssertionError(t)  # pragma: no cover - a schema bug


def in_language(value, lang: str, fallback: str | None = None):
    """The text of a text key for ``lang``: a plain string as is; a mapping's entry for ``lang``,
    else the original language's, else English, else the first given."""
    if not isinstance(value, dict):
        return value
    for candidate in (lang, fallback, "en"):
        if candidate and candidate in value:
            return value[candidate]
    return next(iter(value.values()))


def resolve_language(values: dict, lang: str) -> dict:
    """Every text key reduced to the text of ``lang``."""
    fallback = values.get("original")
    out = {}
    for key, value in values.items():
        spec = KEY_BY_NAME[key]
        out[key] = in_language(value, lang, fallback) if spec.type in ("text", "text-list") else value
    return out
