"""Options and reporting shared by the commands that work on many documents at once
(``ingest``, ``check``, ``export``, ``diff`` of two folders, ``corpus index``).

``batch_options`` adds ``--jobs`` and ``--scheduler``; ``finish`` prints the failures and the
summary line (done, failed, time) on stderr.
"""

from __future__ import annotations

import os

import click

from drafting.errors import DraftingError, one_line


def jobs_option(func):
    return click.option("-j", "--jobs", type=click.IntRange(min=1),
                        help="Worker processes (default: all cores).")(func)


def scheduler_option(func):
    return click.option("--scheduler", metavar="tcp://HOST:PORT",
                        help="Run on this Dask cluster (default: $DASK_SCHEDULER_ADDRESS if set; "
                             "needs drafting[dask]).")(func)


def batch_options(func):
    return jobs_option(scheduler_option(func))


def quiet(ctx) -> bool:
    return (ctx.find_root().obj or {}).get("verbosity", 1) == 0


def finish(ctx, summary, what: str = "documents") -> None:
    """Report every failed document (one line each) and the summary line."""
    for _, message in summary.failed:
        click.echo(f"drafting: failed: {one_line(message)}", err=True)
    if not quiet(ctx):
        click.echo(summary.line(what), err=True)


def is_batch(args) -> bool:
    """Several inputs, a folder or a glob: the command runs as a batch."""
    import glob

    return len(args) > 1 or any(os.path.isdir(str(a)) or (glob.has_magic(str(a)) and not os.path.exists(str(a)))
                                for a in args)


def output_roots(args) -> tuple[str, ...]:
    """The folders named as inputs, longest first: the tree under each is kept under --out-dir."""
    return tuple(sorted({os.path.abspath(str(a)) for a in args if os.path.isdir(str(a))}, key=len, reverse=True))


def output_path(name: str, out) -> str:
    """Where the output of input ``name`` goes; ``out`` is (out_dir, folder roots, suffix). A file
    found in a folder named as input keeps its path below that folder; a file named one by one
    (or by a glob) goes to the output folder itself."""
    from pathlib import Path

    out_dir, roots, suffix = out
    path = os.path.abspath(name)
    relative = next((os.path.relpath(path, root) for root in roots if path.startswith(root + os.sep)),
                    os.path.basename(path))
    return str(Path(out_dir) / Path(relative).with_suffix(suffix))


def check_targets(files: list[str], out) -> None:
    """Refused before anything is written: an output that would overwrite an input, and two
    inputs that would write one output (``a/x.txt`` and ``b/x.txt`` named one by one)."""
    from drafting.io import check_distinct

    targets = [output_path(f, out) for f in files]
    for f, target in zip(files, targets):
        if os.path.abspath(f) == os.path.abspath(target):
            raise DraftingError(f"{f}: the output would overwrite the input; choose another --out-dir")
    check_distinct(targets, files)


def _deliver(source, data: bytes, out):
    """A local run's worker writes its output itself (writes with fsync are slow enough to make
    a single writing parent the bottleneck); a cluster's worker sends the bytes back."""
    from drafting.io import write_atomic

    if isinstance(source, tuple):
        return data
    write_atomic(output_path(str(source), out), data)
    return None


# -- tasks: module-level functions, plain data in and out (see drafting.corpus.batch) --------

def ingest_task(source, fmt, lang, revisions, max_bytes, out) -> dict:
    """One document to AKN, written (or its bytes, see ``_deliver``), and the diagnostics."""
    from drafting.corpus.batch import source_bytes
    from drafting.model.validate import validate_tree
    from drafting.readers import format_of, reader_for
    from drafting.writers.akn import write

    name, data = source_bytes(source, max_bytes)
    fmt = format_of(name, fmt)
    options = {"revisions": revisions} if fmt == "docx" else {}
    result = reader_for(fmt).read(data, name=name, lang=lang, **options)
    findings = validate_tree(result.root)
    if findings:
        raise DraftingError(f"{name}: the AKN produced is not valid: {findings[0].message}")
    return {"akn": _deliver(source, write(result.root), out),
            "diagnostics": [(d.level, d.format(name)) for d in result.diagnostics]}


def export_task(source, to, fmt_in, lang, revisions, max_bytes, reference_doc, emblem, out) -> bytes | None:
    from drafting.commands.export import export_bytes
    from drafting.corpus.batch import source_bytes
    from drafting.readers import format_of, reader_for

    name, data = source_bytes(source, max_bytes)
    fmt = format_of(name, fmt_in)
    options = {"revisions": revisions} if fmt == "docx" else {}
    result = reader_for(fmt).read(data, name=name, lang=lang, **options)
    return _deliver(source, export_bytes(result.root, to, reference_doc, emblem), out)


def check_task(source, config, rule_ids, fmt) -> tuple[list, list]:
    """One document's findings and warnings (an unreadable file gives its UN000 finding)."""
    from dataclasses import replace

    from drafting.check.registry import all_rules
    from drafting.commands import check_files
    from drafting.corpus.batch import local_path, source_name

    rules = [all_rules()[rid] for rid in rule_ids]
    with local_path(source) as path:
        checked = check_files.check_file(path, config, rules, fmt)
    name = source_name(source)
    return [replace(f, path=name) if f.path == path else f for f in checked.findings], list(checked.warnings)


def diff_task(pair, fmt_in, report_format, ignore=None, typography=False) -> dict:
    """One pair of documents compared: the report and whether they differ."""
    from drafting.commands.compare import (check_same_language, compare_options, load, parse_ignore,
                                           render_diff)
    from drafting.compare.align import align_items
    from drafting.compare.render import masthead_changes
    from drafting.corpus.batch import local_path, source_name

    old_source, new_source = pair
    with local_path(old_source) as old_path, local_path(new_source) as new_path:
        a, b = load(old_path, fmt_in), load(new_path, fmt_in)
    a.path, b.path = source_name(old_source), source_name(new_source)
    check_same_language(a, b)
    alignment = align_items(a.items, b.items, compare_options([a, b], parse_ignore(ignore)))
    report = render_diff(alignment, a, b, report_format, typography=typography)
    return {"report": report,
            "different": not alignment.identical or bool(masthead_changes(a.meta, b.meta))}


def symbol_task(source) -> str | None:
    from drafting.corpus.extract import document_record

    return document_record(source)["symbol"]


# -- the batch forms of the commands --------------------------------------------------------

def _load_readers(files: list[str], fmt) -> None:
    """Import the readers the files need and compile the schema in this process, before a local
    run forks its workers: each worker inherits them instead of loading them again.
    A file whose format is unknown fails later, in its task."""
    from drafting.model.validate import strict_schema
    from drafting.readers import format_of, reader_for

    formats = set()
    for name in files:
        try:
            formats.add(format_of(name, fmt))
        except DraftingError:
            continue
    for name in sorted(formats):
        try:
            reader_for(name)
        except DraftingError:   # a reader not installed: each of its files says so
            continue
    strict_schema()   # frozen with the rest when the run starts (``corpus.batch``)


def run_ingest(ctx, inputs, out_dir, fmt, lang, revisions, max_bytes, jobs, scheduler) -> None:
    from drafting.corpus import batch
    from drafting.io import write_atomic

    files = batch.expand_inputs(inputs)
    if not files:
        raise DraftingError("ingest: no documents found in " + ", ".join(map(str, inputs)))
    out = (str(out_dir), output_roots(inputs), ".xml")
    check_targets(files, out)
    verbosity = (ctx.find_root().obj or {}).get("verbosity", 1)
    levels = {"error": 0, "warning": 1, "info": 2}
    if not batch.scheduler_address(scheduler):
        _load_readers(files, fmt)
    summary = batch.Summary()
    for outcome in batch.run(ingest_task, files, (fmt, lang, revisions, max_bytes, out), jobs=jobs,
                             scheduler=scheduler, quiet=quiet(ctx), label="ingest", summary=summary):
        if outcome.error is None:
            for level, line in outcome.value["diagnostics"]:
                if levels.get(level, 2) <= verbosity:
                    click.echo(line, err=True)
            if outcome.value["akn"] is not None:
                write_atomic(output_path(outcome.name, out), outcome.value["akn"])
    finish(ctx, summary, "ingest")
    ctx.exit(2 if summary.failed else 0)


def run_export(ctx, inputs, out_dir, to, fmt_in, lang, revisions, max_bytes, reference_doc, emblem,
               jobs, scheduler) -> None:
    from drafting.corpus import batch
    from drafting.io import write_atomic

    if not to:
        raise DraftingError("export: with several inputs give --to (docx, html, md, akn)")
    files = batch.expand_inputs(inputs)
    if not files:
        raise DraftingError("export: no documents found in " + ", ".join(map(str, inputs)))
    suffix = {"docx": ".docx", "html": ".html", "md": ".md", "akn": ".xml"}[to]
    out = (str(out_dir), output_roots(inputs), suffix)
    check_targets(files, out)
    summary = batch.Summary()
    for outcome in batch.run(export_task, files, (to, fmt_in, lang, revisions, max_bytes, reference_doc, emblem, out),
                             jobs=jobs, scheduler=scheduler, quiet=quiet(ctx), label="export",
                             summary=summary):
        if outcome.error is None and outcome.value is not None:
            write_atomic(output_path(outcome.name, out), outcome.value)
    finish(ctx, summary, "export")
    ctx.exit(2 if summary.failed else 0)


def run_check(ctx, files, config, rules, jobs, scheduler, fmt):
    """``check`` of many files on the batch runner: a ``check_files.Checked``, findings sorted."""
    from drafting.check.findings import Finding
    from drafting.check.runner import warm_up
    from drafting.commands.check_files import Checked
    from drafting.corpus import batch

    if batch.forks(len(files), jobs, scheduler):
        warm_up(rules)  # before the workers fork: they start with the rules and word lists loaded
    summary = batch.Summary()
    out = Checked()
    for outcome in batch.run(check_task, files, (config, [r.id for r in rules], fmt), jobs=jobs,
                             scheduler=scheduler, quiet=quiet(ctx), label="check", summary=summary):
        findings, warnings = outcome.value or ([], [])
        out.findings.extend(findings)
        out.warnings.extend(warnings)
    out.findings.sort(key=Finding.sort_key)
    if batch.show_progress(quiet(ctx)):
        finish(ctx, summary, "check")
    return out


def pair_folders(old_dir, new_dir, jobs=None, scheduler=None) -> tuple[list, list, list]:
    """Pairs of documents of two folders: by file name (up to the first dot), then the rest by
    symbol. Returns (pairs, unpaired old, unpaired new)."""
    from pathlib import Path

    from drafting.corpus import batch

    def by_name(files):
        return {Path(f).name.split(".", 1)[0]: f for f in files}

    old, new = by_name(batch.expand_inputs([old_dir])), by_name(batch.expand_inputs([new_dir]))
    pairs = [[old[k], new[k]] for k in sorted(old.keys() & new.keys())]
    rest_old = [old[k] for k in sorted(old.keys() - new.keys())]
    rest_new = [new[k] for k in sorted(new.keys() - old.keys())]
    if rest_old and rest_new:
        symbols = {o.name: o.value for o in batch.run(symbol_task, rest_old + rest_new, jobs=jobs,
                                                      scheduler=scheduler, quiet=True) if o.value}
        new_by_symbol = {symbols[f]: f for f in rest_new if f in symbols}
        for f in list(rest_old):
            match = new_by_symbol.pop(symbols.get(f), None) if f in symbols else None
            if match:
                pairs.append([f, match])
                rest_old.remove(f)
                rest_new.remove(match)
    return pairs, rest_old, rest_new


def run_diff(ctx, old_dir, new_dir, fmt, output, format_in, jobs, scheduler, ignore=None,
             typography=False) -> None:
    import json

    from drafting.commands.compare import emit
    from drafting.corpus import batch

    if fmt not in ("text", "json"):
        raise DraftingError("diff of two folders: give --format text or json")
    pairs, only_old, only_new = pair_folders(old_dir, new_dir, jobs, scheduler)
    results = {}
    summary = batch.Summary()
    for outcome in batch.run(diff_task, pairs, (format_in, fmt, ignore, typography), jobs=jobs, scheduler=scheduler,
                             quiet=quiet(ctx), label="diff", summary=summary):
        if outcome.error is None:
            results[outcome.name] = outcome.value
    ordered = [(p, results.get(batch.source_name(p))) for p in pairs]
    if fmt == "json":
        data = json.dumps({
            "pairs": [{"old": p[0], "new": p[1], "different": r["different"], "report": json.loads(r["report"])}
                      for p, r in ordered if r],
            "only_old": only_old, "only_new": only_new,
            "failed": [{"pair": name, "error": message} for name, message in summary.failed]},
            ensure_ascii=False, indent=1) + "\n"
    else:
        parts = [r["report"] for _, r in ordered if r]
        parts += [f"only in {old_dir}: {f}\n" for f in only_old] + [f"only in {new_dir}: {f}\n" for f in only_new]
        data = "\n".join(parts)
    emit(data, output, [str(old_dir), str(new_dir)])
    finish(ctx, summary, "diff")
    different = any(r and r["different"] for _, r in ordered) or only_old or only_new
    ctx.exit(2 if summary.failed else 1 if different else 0)


def expand_globs(args) -> list[str]:
    """Arguments with their globs expanded (a quoted ``'docs/**/*.txt'``); others as given."""
    import glob

    out = []
    for arg in args:
        text = str(arg)
        matches = sorted(glob.glob(text, recursive=True)) if glob.has_magic(text) and not os.path.exists(text) else []
        out.extend(matches or [text])
    return out
