"""``drafting diff``, ``drafting history`` and ``drafting align``: the comparison commands.

Exit codes as diff(1): 0 identical, 1 differences (or mismatches), 2 error. Heavy modules
(the aligner, diff-match-patch, the DOCX machinery) are imported inside the commands, so that
``drafting --help`` and a plain text diff start fast.
"""

from __future__ import annotations

import os
from dataclasses import field

import click

from drafting.commands.batch import batch_options, run_diff
from drafting.commands.streams import manners
from drafting.errors import DraftingError
from drafting.records import record

FORMATS = ["text", "json", "html", "docx"]
PLAIN_FORMATS = {"text", ""}          # input formats that carry no formatting


@record
class Loaded:
    """One input: its AKN root (None for an empty file), masthead facts and items."""

    path: str
    root: object
    meta: dict = field(default_factory=dict)
    items: list = field(default_factory=list)
    format: str = ""

    @property
    def carries_formatting(self) -> bool:
        """Plain text has no italics: a comparison with it never reports formatting."""
        return self.format not in PLAIN_FORMATS

    @property
    def language(self) -> str | None:
        lang = self.meta.get("expression_language")
        if not lang:
            return None
        from drafting.locale import lang_of_code

        return lang_of_code(lang) or lang


def load(path: str, fmt: str | None = None, stdin_filename: str | None = None) -> Loaded:
    """Read one input (``-``: standard input); an empty file is an empty document (everything
    will be inserted)."""
    from drafting.commands.streams import is_stdio, read_input
    from drafting.compare.items import items_of
    from drafting.model.units import masthead

    try:
        if os.path.isfile(path) and not open(path, "rb").read(65536).strip() and os.path.getsize(path) < 65536:
            return Loaded(path, None)
    except OSError as exc:
        raise DraftingError(f"{path}: cannot read: {exc.strerror}") from None
    result, _ = read_input(path, fmt, stdin_filename=stdin_filename)
    name = result.source if is_stdio(path) else path
    return Loaded(name, result.root, masthead(result.root), items_of(result.root), result.format)


def one_stdin(*paths) -> None:
    from drafting.commands.streams import is_stdio
    if sum(1 for p in paths if is_stdio(p)) > 1:
        raise DraftingError("standard input (-) can be given once")


def parse_ignore(value: str | None) -> frozenset:
    """``--ignore typography,case``: the names checked against what the comparison can leave
    aside."""
    from drafting.compare.align import IGNORABLE

    names = frozenset(v.strip() for v in (value or "").split(",") if v.strip())
    unknown = sorted(names - set(IGNORABLE))
    if unknown:
        raise DraftingError(f"--ignore {','.join(unknown)}: choose among {','.join(IGNORABLE)}")
    return names


def compare_options(docs, ignore: frozenset):
    from drafting.compare.align import Options

    return Options(ignore=ignore, formatting=all(d.carries_formatting for d in docs if d.root is not None))


def check_same_language(a: Loaded, b: Loaded) -> None:
    la, lb = a.language, b.language
    if la and lb and la != lb:
        raise DraftingError(
            f"{a.path} is in {la} and {b.path} in {lb}: to compare two language versions use "
            f"`drafting align {a.path} {b.path}`"
        )


def want_colour(output: str | None) -> bool:
    from drafting.commands.streams import colour
    return colour(click.get_current_context(silent=True), output)


def emit(data: str | bytes, output: str | None, inputs: list[str]) -> None:
    """Write to ``output`` atomically (never over an input), or to standard output (None, -)."""
    from drafting.commands.streams import emit as write

    write(data, output, inputs, color=want_colour(output) or None)


def render_diff(alignment, old: Loaded, new: Loaded, fmt: str, colour: bool = False,
                author: str = "drafting", date=None, typography: bool = False) -> str | bytes:
    if fmt == "json":
        from drafting.compare.json_report import alignment_json, dumps

        return dumps(alignment_json(alignment, old.meta, new.meta))
    if fmt == "html":
        from drafting.compare.html_report import html_report

        return html_report(alignment, old.meta, new.meta, old.path, new.path, typography=typography)
    if fmt == "docx":
        from drafting.compare.redline_docx import redline_docx

        return redline_docx(alignment, old.root, new.root, author=author,
                            date=date or changes_date(new.root))
    from drafting.compare.text_report import text_report

    return text_report(alignment, old.meta, new.meta, old.path, new.path, colour=colour,
                       typography=typography)


def changes_date(root):
    """When no --date is given, the tracked changes carry a date the inputs decide, so that the
    same two files give the same DOCX: NEW's own date (its docDate), else SOURCE_DATE_EPOCH,
    else the first day a zip can record."""
    import datetime as dt
    import os

    from drafting.model.akn import doc_element, xp

    iso = xp(doc_element(root), "string(a:coverPage//a:docDate/@date)") if root is not None else ""
    try:
        return dt.datetime.combine(dt.date.fromisoformat(iso[:10]), dt.time(), dt.timezone.utc)
    except ValueError:
        pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def _parse_date(value: str | None):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise DraftingError(f"--date {value!r}: give an ISO date, e.g. 2026-03-01 or 2026-03-01T10:00:00Z") from None


DIFF_EXAMPLES = """\b
Examples:
  drafting diff A_C.2_80_L.21.txt A_RES_80_125.txt
  drafting diff --stat old.docx new.docx
  drafting diff old.docx new.docx -f docx -o redline.docx
  pdftotext -layout new.pdf - | drafting diff old.txt - -f html -o changes.html"""


@click.command("diff", epilog=DIFF_EXAMPLES)
@click.argument("old", type=click.Path(dir_okay=True))
@click.argument("new", type=click.Path(dir_okay=True))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format; docx is NEW with Word tracked changes against OLD.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the report to FILE (atomically; - for standard output, the default).")
@click.option("--stat", is_flag=True, help="Only the count of changed paragraphs by kind (as git diff --stat).")
@click.option("--format-in", "format_in", help="Input format of both files (text, md, akn, docx).")
@click.option("--stdin-filename", help="The name of standard input (-); its extension gives the format.")
@click.option("--author", default="drafting", show_default=True, help="Author of the tracked changes (docx).")
@click.option("--date", "date", help="Date of the tracked changes, ISO 8601 (docx; default: NEW's own date, else SOURCE_DATE_EPOCH).")
@click.option("--ignore", "ignore", metavar="LIST",
              help="Leave aside, comma-separated: typography, formatting, case, footnote-numbers.")
@click.option("--typography", "show_typography", is_flag=True,
              help="Show typography differences in text and HTML reports (always in JSON).")
@batch_options
@manners
@click.pass_context
def diff_command(ctx, old, new, fmt, output, stat, format_in, stdin_filename, author, date, ignore,
                 show_typography, jobs, scheduler):
    """What changed from OLD to NEW, paragraph by paragraph (either may be - for standard
    input).

    Paragraph numbers are not text: an inserted paragraph gives one insertion and the
    paragraphs after it "renumbered". Typography (hyphens, spaces, quotes) and extraction
    artefacts (a word cut by a space) are not edits: counted apart and hidden unless
    --typography. Exit code 0 identical, 1 differences, 2 error. OLD and NEW may be folders:
    their documents are paired by file name, else by symbol.
    """
    from drafting.compare.align import align_items
    from drafting.compare.render import masthead_changes

    if os.path.isdir(old) and os.path.isdir(new):
        return run_diff(ctx, old, new, fmt, output, format_in, jobs, scheduler, ignore, show_typography)
    when = _parse_date(date)
    ignored = parse_ignore(ignore)
    one_stdin(old, new)
    a, b = load(old, format_in, stdin_filename), load(new, format_in, stdin_filename)
    check_same_language(a, b)
    alignment = align_items(a.items, b.items, compare_options([a, b], ignored))
    if stat:
        data = diff_stat(alignment, a, b, fmt, want_colour(output))
    else:
        if fmt == "docx" and (a.root is None or b.root is None):
            raise DraftingError("a tracked-changes DOCX needs two non-empty documents")
        data = render_diff(alignment, a, b, fmt, colour=want_colour(output), author=author,
                           date=when, typography=show_typography)
    emit(data, output, [old, new])
    different = not alignment.identical or bool(masthead_changes(a.meta, b.meta))
    ctx.exit(1 if different else 0)


STAT_ORDER = ("modified", "inserted", "deleted", "moved", "split", "merged", "renumbered", "unchanged")
STAT_SIGN = {"modified": "~", "inserted": "+", "deleted": "-", "moved": ">", "split": "<",
             "merged": ">", "renumbered": "#"}
STAT_WIDTH = 50


def diff_stat(alignment, old: Loaded, new: Loaded, fmt: str, colour: bool) -> str:
    """The paragraphs changed, by kind: one line with a bar of signs and one of counts."""
    counts = alignment.summary
    if fmt == "json":
        import json
        return json.dumps({"old": old.path, "new": new.path, "paragraphs": counts}) + "\n"
    if fmt != "text":
        raise DraftingError("--stat prints text or JSON (-f text or -f json)")
    changed = {k: n for k, n in counts.items() if k in STAT_SIGN}
    total = sum(changed.values())
    scale = min(1.0, STAT_WIDTH / total) if total else 1.0
    bar = ""
    for kind in STAT_ORDER:
        if kind in changed:
            signs = STAT_SIGN[kind] * max(1, round(changed[kind] * scale))
            code = {"inserted": "32", "deleted": "31", "modified": "33"}.get(kind, "36")
            bar += f"\x1b[{code}m{signs}\x1b[0m" if colour else signs
    parts = [f"{counts[k]} {k}" for k in STAT_ORDER if counts.get(k)]
    return (f" {old.path} -> {new.path} | {total} {bar}\n"
            f" {total} paragraph{'s' if total != 1 else ''} changed"
            + (f": {', '.join(parts)}" if parts else "") + "\n")


@click.command("history", epilog="""\b
Example:
  drafting history A_C.2_80_L.21.txt A_C.2_80_L.44.txt A_RES_80_125.txt -f html -o history.html""")
@click.argument("versions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--format-in", "format_in", help="Input format of all files (text, md, akn, docx).")
@manners
@click.pass_context
def history_command(ctx, versions, fmt, output, format_in):
    """Follow paragraphs along a chain of versions V1 V2 V3 ... (e.g. a resolution and its
    successors): carried over unchanged, amended, added and dropped at each step."""
    from drafting.compare.history import history, history_html, history_json, history_text

    if len(versions) < 2:
        raise DraftingError("history needs at least two versions")
    one_stdin(*versions)
    docs = [load(v, format_in) for v in versions]
    hist = history(docs)
    emit(render_report(fmt, hist, history_json, history_html, history_text, output), output, list(versions))
    ctx.exit(0 if hist.identical else 1)


def render_report(fmt: str, result, to_json, to_html, to_text, output) -> str:
    """A report in the chosen format: JSON, a self-contained HTML page, or terminal text."""
    if fmt == "json":
        from drafting.compare.json_report import dumps

        return dumps(to_json(result))
    if fmt == "html":
        return to_html(result)
    return to_text(result, colour=want_colour(output))


@click.command("align", epilog="""\b
Example:
  drafting align S_2025_354_en.txt S_2025_354_fr.txt -f json -o mismatches.json""")
@click.argument("a", type=click.Path(dir_okay=False))
@click.argument("b", type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--format-in", "format_in", help="Input format of both files (text, md, akn, docx).")
@manners
@click.pass_context
def align_command(ctx, a, b, fmt, output, format_in):
    """Align two language versions of one document and list the structural mismatches a
    language unit must fix: missing paragraphs, footnote counts, numbers that differ."""
    from drafting.compare.languages import align_loaded, languages_html, languages_json, languages_text

    one_stdin(a, b)
    da, db = load(a, format_in), load(b, format_in)
    result = align_loaded(da, db)
    emit(render_report(fmt, result, languages_json, languages_html, languages_text, output), output, [a, b])
    ctx.exit(1 if result.mismatches else 0)


def build_step(docs, out_dir, report) -> None:
    """Main job: diff every corpus document against an edited copy of itself, in every format,
    plus a screenshot of one HTML report by headless Chromium."""
    from drafting.compare.build import run_build_step

    run_build_step(docs, out_dir, report)


COMMANDS = [diff_command, history_command, align_command]
