"""Commands of the foundation: ingest, validate, show, and the main job ``build``."""

from __future__ import annotations

import time
from pathlib import Path

import click

from drafting.commands import LanguageChoice
from drafting.commands.batch import batch_options, is_batch, run_ingest
from drafting.commands.streams import manners
from drafting.errors import DraftingError
from drafting.io import MAX_INPUT_BYTES, check_distinct, check_output, read_bytes, write_atomic

LEVELS = {"error": 0, "warning": 1, "info": 2}


def _verbosity(ctx) -> int:
    return (ctx.find_root().obj or {}).get("verbosity", 1)


def print_diagnostics(result, verbosity: int) -> None:
    for d in result.diagnostics:
        if LEVELS.get(d.level, 2) <= verbosity:
            click.echo(d.format(result.source), err=True)


def _read(path, fmt, lang, max_mb, revisions="accept", stdin_filename=None):
    from drafting.commands.progress import reading_progress
    from drafting.commands.streams import read_input

    with reading_progress(Path(stdin_filename or path).name) as progress:
        result, _ = read_input(path, fmt, lang, int(max_mb * 1024 * 1024), stdin_filename,
                               revisions=revisions, **({"progress": progress} if progress else {}))
    return result


def out_name(path, out_dir: Path, suffix: str, stdin_filename=None) -> Path:
    """OUT_DIR/NAME.SUFFIX for one input (standard input: its --stdin-filename, else stdin)."""
    from drafting.commands.streams import is_stdio
    stem = Path(stdin_filename).stem if is_stdio(path) and stdin_filename else (
        "stdin" if is_stdio(path) else Path(path).stem)
    return out_dir / (stem + suffix)


@click.command(epilog="""\b
Examples:
  drafting ingest report.txt -o report.xml
  drafting ingest corpus/*.txt --out-dir akn/
  pdftotext -layout A_80_1.pdf - | drafting ingest - --stdin-filename A_80_1.txt > A_80_1.xml""")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output AKN file (one input; - for standard output, the default).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Folder for one NAME.xml per input.")
@click.option("--lang", type=LanguageChoice(), help="Language of the input (detected by default).")
@click.option("--format-in", "fmt", type=click.Choice(["text", "md", "akn", "docx", "pdf"]), help="Input format (from the extension by default).")
@click.option("--revisions", type=click.Choice(["accept", "reject"]), default="accept", show_default=True, help="DOCX tracked changes.")
@click.option("--max-mb", type=float, default=MAX_INPUT_BYTES / 1024 / 1024, show_default=True, help="Refuse larger inputs.")
@click.option("--stdin-filename", help="The name of standard input (-) in diagnostics; its extension gives the format.")
@batch_options
@manners
@click.pass_context
def ingest(ctx, inputs, output, out_dir, lang, fmt, revisions, max_mb, stdin_filename, jobs, scheduler):
    """Read documents (PDF, text, OCR, Markdown, DOCX, AKN; - for standard input) into Akoma Ntoso
    XML.

    Diagnostics (level, message, source line) go to stderr; the AKN goes to -o, to --out-dir or,
    for one input, to stdout. Folders and globs with --out-dir run on all cores (or --scheduler).
    """
    from drafting.commands.streams import emit, is_stdio
    from drafting.model.validate import validate_tree
    from drafting.writers.akn import write

    if out_dir and not output and not any(is_stdio(p) for p in inputs) and (is_batch(inputs) or scheduler):
        return run_ingest(ctx, inputs, out_dir, fmt, lang, revisions, int(max_mb * 1024 * 1024), jobs, scheduler)

    if output and len(inputs) > 1:
        raise DraftingError("-o takes one input; use --out-dir for several")
    if sum(1 for p in inputs if is_stdio(p)) > 1:
        raise DraftingError("standard input (-) can be given once")
    files = [p for p in inputs if not is_stdio(p)]
    targets = []
    for path in inputs:
        target = output or (out_name(path, out_dir, ".xml", stdin_filename) if out_dir else None)
        if target is not None and not is_stdio(target):
            check_output(target, files)
        targets.append(target)
    check_distinct(targets, inputs)
    results = [(_read(p, fmt, lang, max_mb, revisions, stdin_filename), t) for p, t in zip(inputs, targets)]
    for result, target in results:
        print_diagnostics(result, _verbosity(ctx))
        findings = validate_tree(result.root)
        if findings:  # a reader bug, never the user's: keep the traceback-free message precise
            raise RuntimeError(f"{result.source}: the AKN produced is not valid: {findings[0].message}")
        data = write(result.root)
        emit(data.decode("utf-8"), target, files)


@click.command(epilog="""\b
Example:
  drafting validate akn/*.xml""")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@manners
@click.pass_context
def validate(ctx, files):
    """Validate AKN files (- for standard input) against the strict OASIS schema and the UN
    profile (exit 1 on findings)."""
    from drafting.io import parse_xml
    from drafting.model.validate import validate_tree

    from drafting.commands.streams import STDIN_NAME, is_stdio, read_stdin

    bad = 0
    for path in files:
        if is_stdio(path):
            path = STDIN_NAME
            tree = parse_xml(read_stdin(), path)
        else:
            tree = parse_xml(read_bytes(path), str(path))
        findings = validate_tree(tree)
        for f in findings:
            click.echo(f.format(str(path)))
        if findings:
            bad += 1
        elif _verbosity(ctx) > 0:
            click.echo(f"{path}: valid")
    ctx.exit(1 if bad else 0)


@click.command(epilog="""\b
Example:
  drafting show A_RES_80_125.txt""")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=LanguageChoice())
@click.option("--format-in", "fmt", type=click.Choice(["text", "md", "akn", "docx", "pdf"]))
@manners
@click.pass_context
def show(ctx, path, lang, fmt):
    """Print a readable outline: masthead, headings, paragraph numbers and first words, footnotes."""
    from drafting.outline import outline_lines

    result = _read(path, fmt, lang, MAX_INPUT_BYTES / 1024 / 1024)
    print_diagnostics(result, min(_verbosity(ctx), 1))
    for line in outline_lines(result.root):
        click.echo(line)


def corpus_files(folder: Path) -> list[Path]:
    from drafting.readers import EXTENSIONS

    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
    # A committed AKN beside its source is the reader's own output: read the source only.
    stems = {p.with_suffix("") for p in files if p.suffix.lower() != ".xml"}
    return [p for p in files if not (p.suffix.lower() == ".xml" and p.with_suffix("") in stems)]


@click.command(epilog="""\b
Example:
  drafting build corpus -o build""")
@click.argument("corpus", type=click.Path(file_okay=False, exists=True, path_type=Path), default="corpus")
@click.option("-o", "--out-dir", type=click.Path(file_okay=False, path_type=Path), default="build", show_default=True)
@manners
@click.pass_context
def build(ctx, corpus, out_dir):
    """The main job: every document of CORPUS through the toolkit, outputs into OUT_DIR."""
    from drafting.pipeline import load_steps

    files = corpus_files(corpus)
    if not files:
        raise DraftingError(f"{corpus}: no documents to read")
    quiet = _verbosity(ctx) == 0

    def report(line: str) -> None:
        if not quiet:
            click.echo(line, err=True)

    started = time.perf_counter()
    docs = _read_corpus(files, quiet)
    report(f"read {len(docs)} documents in {time.perf_counter() - started:.2f} s")
    for spec, step in load_steps():
        t0 = time.perf_counter()
        step(docs, out_dir, report)
        report(f"{spec}: {time.perf_counter() - t0:.2f} s")


def _read_corpus(files: list[Path], quiet: bool) -> list:
    """Read every corpus file, with a progress bar when a person watches the terminal."""
    import sys

    limit = MAX_INPUT_BYTES / 1024 / 1024
    if quiet or not sys.stderr.isatty():
        return [_read(path, None, None, limit) for path in files]
    from rich.progress import Progress

    docs = []
    with Progress(transient=True) as progress:  # Rich writes to stderr and honours NO_COLOR
        task = progress.add_task("reading the corpus", total=len(files))
        for path in files:
            docs.append(_read(path, None, None, limit))
            progress.advance(task)
    return docs


def build_step(docs, out_dir: Path, report) -> None:
    """Ingest: the AKN, the outline and the diagnostics of every corpus document."""
    import json

    from drafting.model.validate import validate_tree
    from drafting.outline import outline_lines
    from drafting.writers.akn import write

    folder = out_dir / "akn"
    summary = []
    for result in docs:
        stem = Path(result.source).stem
        findings = validate_tree(result.root)
        write_atomic(folder / f"{stem}.xml", write(result.root))
        write_atomic(folder / f"{stem}.outline.txt", "\n".join(outline_lines(result.root)) + "\n")
        diags = [{"level": d.level, "code": d.code, "line": d.line, "message": d.message} for d in result.diagnostics]
        write_atomic(folder / f"{stem}.diagnostics.json", json.dumps(diags, ensure_ascii=False, indent=1))
        summary.append(f"{stem}: {'valid' if not findings else 'INVALID'}; {len(diags)} diagnostics")
    write_atomic(folder / "summary.txt", "\n".join(summary) + "\n")
    report(f"ingest: {len(docs)} AKN files, outlines and diagnostics in {folder}")


COMMANDS = [ingest, validate, show, build]
