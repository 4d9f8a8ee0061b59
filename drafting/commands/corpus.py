"""``drafting corpus index``, ``drafting corpus search`` and ``drafting trace``: agreed language.

``trace`` answers a drafter's first question about a draft, "where does this wording come
from?", from an index that ``corpus index`` builds over folders of earlier documents.
"""

from __future__ import annotations

from pathlib import Path

import click

from drafting.commands import LanguageChoice
from drafting.commands.batch import batch_options, finish, quiet
from drafting.commands.streams import manners
from drafting.errors import DraftingError

DEFAULT_DB = "corpus.sqlite"


@click.group("corpus", epilog="""\b
Examples:
  drafting corpus index corpus/real/sessions archive/ --db corpus.sqlite
  drafting corpus search "foreign terrorist fighters" --since 2024-01-01 --kind resolution""")
@manners
def corpus_group():
    """The corpus index: every paragraph of every document, for trace and search."""


@corpus_group.command("index", epilog="""\b
Examples:
  drafting corpus index corpus/real/sessions --db corpus.sqlite
  drafting corpus index 'archive/**/*.docx' --db corpus.sqlite -j 4
  drafting corpus index archive/ --scheduler tcp://10.0.0.5:8786""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
              help="The index file (SQLite).")
@click.option("--format-in", "fmt", type=click.Choice(["text", "md", "akn", "docx", "pdf"]),
              help="Input format (from each file's extension by default).")
@click.option("--lang", type=LanguageChoice(), help="Language of the documents (detected by default).")
@batch_options
@manners
@click.pass_context
def index_command(ctx, inputs, db, fmt, lang, jobs, scheduler):
    """Index every paragraph of the documents in INPUTS (files, folders, globs) into --db.

    Only new or changed files are read again; files gone from an indexed folder are dropped.
    """
    import os

    from drafting.corpus.batch import expand_inputs
    from drafting.corpus.index import index_files

    files = expand_inputs(inputs)
    if not files:
        raise DraftingError("corpus index: no documents found in " + ", ".join(inputs))
    roots = [a for a in inputs if os.path.isdir(a)]
    summary, counts = index_files(db, files, roots, jobs=jobs, scheduler=scheduler,
                                  quiet=quiet(ctx), fmt=fmt, lang=lang)
    finish(ctx, summary, "indexed")
    if not quiet(ctx):
        click.echo(f"{db}: {counts['read']} read, {counts['unchanged']} unchanged, "
                   f"{counts['removed']} removed", err=True)
    ctx.exit(2 if summary.failed else 0)


@corpus_group.command("search", epilog="""\b
Examples:
  drafting corpus search "foreign terrorist fighters" --since 2024-01-01
  drafting corpus search "climate finance" --part operative --kind resolution -f json""")
@click.argument("words")
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--since", help="Documents dated on or after this ISO date (2024-01-01).")
@click.option("--kind", help="Only documents of this kind: resolution, draft, report, note...")
@click.option("--part", type=click.Choice(["preamble", "operative", "annex"]), help="Only this part.")
@click.option("--lang", type=LanguageChoice(), help="Only documents in this language.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@manners
def search_command(words, db, since, kind, part, lang, limit, fmt):
    """Paragraphs containing WORDS, or worded nearly like WORDS (a long query), with symbol and number."""
    import json

    from drafting.corpus.index import connect
    from drafting.corpus.report import label
    from drafting.corpus.search import search

    _check_date(since)
    conn = connect(db)
    try:
        hits = search(conn, words, since=since, kind=kind, part=part, lang=lang, limit=limit)
    finally:
        conn.close()
    if fmt == "json":
        click.echo(json.dumps({"hits": [{"symbol": h.symbol, "part": h.part, "number": h.number,
                                         "date": h.date, "kind": h.kind, "language": h.language,
                                         "match": h.match, "text": h.text} for h in hits]},
                              ensure_ascii=False, indent=1))
        return
    for h in hits:
        text = h.text if len(h.text) <= 160 else h.text[:159] + "\u2026"
        click.echo(f"{h.symbol or h.path}, {label(h.part, h.number)} ({h.date or 'undated'}): {text}")


def _check_date(value: str | None) -> None:
    import datetime as dt

    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise DraftingError(f"--since {value!r}: give an ISO date, e.g. 2024-01-01") from None


@click.command("trace", epilog="""\b
Examples:
  drafting trace draft.docx --db corpus.sqlite
  drafting trace draft.docx --para OP5
  drafting trace A_C.2_80_L.37.pdf -f html -o trace.html""")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--para", help="Only this paragraph: 5 or OP5 (operative), PP3 (preambular), '5 (a)'.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--format-in", "format_in", type=click.Choice(["text", "md", "akn", "docx", "pdf"]))
@click.option("--lang", type=LanguageChoice())
@manners
def trace_command(file, db, para, fmt, output, format_in, lang):
    """Where the wording of each paragraph of FILE comes from: the closest earlier paragraphs
    in the index (symbol, number, date, similarity, inline diff), adopted texts first, and a
    verdict: carried (unchanged), amended, or new."""
    from drafting.commands.compare import emit, want_colour
    from drafting.corpus import report
    from drafting.corpus.extract import document_record
    from drafting.corpus.index import connect
    from drafting.corpus.trace import paragraph_filter, trace_record

    conn = connect(db)
    try:
        record = document_record(str(file), format_in, lang)
        wanted = paragraph_filter(para)
        traced = trace_record(conn, record, str(file.resolve()), wanted)
    finally:
        conn.close()
    if para and not traced:
        raise DraftingError(f"{file}: no paragraph {para}")
    if fmt == "json":
        data = report.as_json(record, traced)
    elif fmt == "html":
        data = report.as_html(record, traced)
    else:
        data = report.as_text(record, traced, colour=want_colour(output))
    emit(data, output, [str(file)])


COMMANDS = [corpus_group, trace_command]
