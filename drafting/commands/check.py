"""``drafting check``: UN formatting rules for CI and pre-commit.

Exit code 1 when an error-severity finding exists, 0 otherwise, 2 on usage or input error.
Everything heavy is imported inside the command so that the CLI starts fast.
"""

from __future__ import annotations

import click

from drafting.commands.batch import expand_globs, run_check, scheduler_option
from drafting.commands.streams import manners

FORMAT_CHOICES = ["text", "json", "github", "sarif"]
EXAMPLES = """\b
Examples:
  drafting check reports/                       # every document of a folder
  drafting check -f sarif -o check.sarif .      # for code scanning
  drafting check --statistics --exit-zero old/  # how much, without failing
  drafting check --baseline accepted.json --write-baseline old/   # adopt as it is
  pdftotext -layout A_80_1.pdf - | drafting check - --stdin-filename A_80_1.txt"""


def _split(values) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


@click.command("check", epilog=EXAMPLES)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-f", "--format", "--output-format", "output_format", type=click.Choice(FORMAT_CHOICES),
              default=None, help="Report format (default text; `github` prints workflow "
                                 "annotations, `sarif` SARIF 2.1.0 for code scanning).")
@click.option("-o", "--output", "--report", "report_path", type=click.Path(dir_okay=False, path_type=str),
              help="Write the report to this file (- for standard output, the default).")
@click.option("--select", multiple=True, help="Rules to apply: ids or prefixes (UN1, UN605), comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to leave out: ids or prefixes, comma-separated.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors (2 on a usage or input error).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str),
              help="Accepted findings (JSON): only findings not in it are reported.")
@click.option("--write-baseline", is_flag=True,
              help="Write the findings of this run to the --baseline file and exit 0.")
@click.option("--fix", is_flag=True, help="Rewrite what is safe to rewrite into FILE.fixed.EXT "
                                          "(or --fixed-to; - is fixed to standard output).")
@click.option("--in-place", is_flag=True, help="With --fix: rewrite the file itself (mode and owner "
                                               "kept), keeping FILE.bak.")
@click.option("--fixed-to", "fixed_to", type=click.Path(dir_okay=False, path_type=str),
              help="With --fix and one file: where to write the fixed file.")
@click.option("--list-rules", is_flag=True, help="List the rules with their explanation and exit.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Settings file (default: the nearest drafting.toml or pyproject.toml "
                   "with [tool.drafting.check]).")
@click.option("--stdin-filename", help="The name of standard input (-) in findings; its extension "
                                       "gives the format.")
@click.option("--lang", help="Language of the documents (default: as read or detected).")
@click.option("--french-spacing", type=click.Choice(["vienna", "modern", "auto"]),
              help="French space before : ; ! ? — vienna: none, modern: non-breaking, auto: the document's majority.")
@click.option("--quotes", type=click.Choice(["vienna", "new-york", "auto"]),
              help="French quotation marks: vienna “ ”, new-york « », auto: the document's majority.")
@click.option("--word-limit", type=click.IntRange(min=1), help="Word limit for every document.")
@click.option("--versions", is_flag=True,
              help="The files are language versions of one symbol: compare their paragraphs and footnotes.")
@click.option("--format-in", type=click.Choice(["text", "md", "akn", "docx", "pdf"]),
              help="Input format (default: from each file's extension).")
@click.option("--only-un-documents", is_flag=True,
              help="Pass over files that do not start like a UN document (no symbol, no Distr. "
                   "line) unless the settings' `include` lists them: for pre-commit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@scheduler_option
@manners
@click.pass_context
def check(ctx, paths, output_format, report_path, select, ignore, statistics, exit_zero,
          baseline_path, write_baseline, fix, in_place, fixed_to, list_rules, config_path,
          stdin_filename, lang, french_spacing, quotes, word_limit, versions, format_in,
          only_un_documents, jobs, scheduler):
    """Check UN documents against the UN formatting rules (UN101...).

    PATHS are files, folders (searched for .txt, .md, .xml, .docx) or - for standard input.
    Findings show the rule id, severity, message, file:line:column and the paragraph's eId and
    number. A comment `drafting: ignore UN606` silences its line (or, alone on its line, the
    block after it). Exit code 1 when an error is found, 0 otherwise, 2 on a usage or input
    error.
    """
    from drafting.check import config as configuration
    from drafting.check import formats, registry
    from drafting.commands import check_files
    from drafting.commands.streams import emit, is_stdio, verbosity
    from drafting.errors import DraftingError

    if list_rules:
        click.echo(formats.list_rules_text(registry.all_rules().values()), nl=False)
        return
    if not paths:
        raise DraftingError("check: give at least one file or folder, or - for standard input "
                            "(or --list-rules)")
    if (in_place or fixed_to) and not fix:
        raise DraftingError("check: --in-place and --fixed-to go with --fix")
    if in_place and fixed_to:
        raise DraftingError("check: give either --in-place or --fixed-to, not both")
    if write_baseline and not baseline_path:
        raise DraftingError("check: --write-baseline needs --baseline FILE (the file to write)")
    if sum(1 for p in paths if is_stdio(p)) > 1:
        raise DraftingError("check: standard input (-) can be given once")
    if fix and in_place and any(is_stdio(p) for p in paths):
        raise DraftingError("check: standard input cannot be fixed in place; --fix - writes "
                            "the fixed text to standard output")

    found = config_path or configuration.find_config([p for p in paths if not is_stdio(p)])
    config = configuration.load_config(found)
    for key, value in (("select", list(select) and ",".join(select)),
                       ("ignore", list(ignore) and ",".join(ignore)),
                       ("french-spacing", french_spacing), ("quotes", quotes),
                       ("word-limit", word_limit), ("lang", lang)):
        if value:
            configuration.apply_setting(config, key, value, f"--{key}")
    output_format = output_format or "text"
    quiet = verbosity(ctx) == 0

    baseline = None
    if baseline_path and not write_baseline:
        from drafting.check.suppress import read_baseline
        from drafting.io import read_text
        baseline = read_baseline(read_text(baseline_path), baseline_path)

    rules = registry.enabled_rules(config.select, config.ignore)
    files = check_files.collect_files(expand_globs(paths))
    if only_un_documents:
        import os
        files = check_files.un_documents(files, config.include,
                                         os.path.dirname(config.source) if config.source else None)
        if not files:
            ctx.exit(0)  # nothing here is a UN document: nothing to say
    if not files:
        raise DraftingError("check: no documents found in " + ", ".join(paths))
    if fixed_to and len(files) != 1:
        raise DraftingError("check: --fixed-to names one output file; give one input (or use --in-place)")

    inputs = [f for f in files if not is_stdio(f)]
    if report_path and not is_stdio(report_path):
        from drafting.io import check_output
        check_output(report_path, inputs)  # before anything is fixed or written
    if fix:
        files = _fix(files, config, rules, fixed_to, in_place, stdin_filename, quiet)
    if versions:
        checked = check_files.check_versions(files, config, rules, format_in, stdin_filename)
    else:
        checked = check_files.run(files, config, rules, jobs, format_in, stdin_filename) \
            if any(is_stdio(f) for f in files) else run_check(ctx, files, config, rules, jobs, scheduler, format_in)
    findings = checked.findings

    warnings = list(config.warnings) + checked.warnings + (baseline.warnings if baseline else [])
    if not quiet:
        for w in dict.fromkeys(warnings):
            click.echo(f"drafting: warning: {w}", err=True)

    if write_baseline:
        from drafting.check.suppress import write_baseline as baseline_json
        from drafting.io import write_atomic
        write_atomic(baseline_path, baseline_json(findings))
        if not quiet:
            click.echo(f"{len(findings)} findings written to the baseline {baseline_path}", err=True)
        ctx.exit(0)
    if baseline is not None:
        findings = baseline.filter(findings)

    failed = any(f.severity == "error" for f in findings)
    shown = [f for f in findings if f.severity == "error"] if quiet else findings
    if statistics:
        text = formats.statistics(shown, output_format, colour=_colour(ctx, report_path))
    else:
        sarif_rules = [registry.RULES["UN000"]] + [r for r in rules if r.id != "UN000"]
        text = formats.FORMATS[output_format](shown, len(files), sarif_rules)
        if output_format == "text" and quiet:
            text = "".join(line + "\n" for line in text.splitlines()[:-1])  # no summary line
        elif output_format == "text" and _colour(ctx, report_path):
            text = formats.coloured(text)
    if fix and any(is_stdio(f) for f in files) and not report_path:
        click.echo(text, nl=False, err=True)  # the fixed text went to standard output
    else:
        emit(text, report_path, inputs + [f for f in files if not is_stdio(f)],
             color=_colour(ctx, report_path) or None)
    ctx.exit(1 if failed and not exit_zero else 0)


def _colour(ctx, output) -> bool:
    from drafting.commands.streams import colour
    return colour(ctx, output)


def _fix(files, config, rules, fixed_to, in_place, stdin_filename, quiet) -> list[str]:
    """Fix every readable file; return the files to report on (the fixed ones)."""
    from drafting.commands.check_files import fix_file
    from drafting.errors import DraftingError
    enabled = {r.id for r in rules if r.fixable}
    out = []
    for path in files:
        try:
            result = fix_file(path, config, enabled, fixed_to, in_place, stdin_filename)
        except DraftingError as exc:
            if "would overwrite" in str(exc) or "is a folder" in str(exc):
                raise
            out.append(path)  # unreadable: reported as UN000 below
            continue
        if result.skipped:
            if not quiet:
                click.echo(f"not fixed {result.path}: {result.skipped}", err=True)
            out.append(path)
            continue
        detail = ", ".join(f"{rid} {n}" for rid, n in sorted(result.counts.items())) or "nothing to fix"
        if not quiet:
            click.echo(f"fixed {result.path} -> {result.output}: {detail}", err=True)
        out.append(result.output if result.output != "-" else "-")
    return out


def build_step(docs, out_dir, report) -> None:
    """Main job: check every corpus document; build/check/report.{txt,json,sarif}."""
    from drafting.check import config as configuration
    from drafting.check import formats, registry, runner
    from drafting.errors import DraftingError
    from drafting.io import read_text, write_atomic

    sources = [d.source for d in docs if d.source]
    config = configuration.load_config(configuration.find_config(sources[:1]))
    rules = registry.enabled_rules(config.select, config.ignore)
    findings = []
    for result in docs:
        text = None
        if result.format in ("text", "md") and result.source:
            try:
                text = read_text(result.source)
            except DraftingError:
                text = None
        findings.extend(runner.apply_rules(runner.from_result(result, config, text), rules))
    findings.sort(key=lambda f: f.sort_key())
    folder = out_dir / "check"
    sarif_rules = [registry.RULES["UN000"]] + [r for r in rules if r.id != "UN000"]
    write_atomic(folder / "report.txt", formats.as_text(findings, len(docs)))
    write_atomic(folder / "report.json", formats.as_json(findings, len(docs)))
    write_atomic(folder / "report.sarif", formats.as_sarif(findings, len(docs), sarif_rules))
    s = formats.summary(findings, len(docs))
    report(f"check: {s['errors']} errors, {s['warnings']} warnings in {len(docs)} documents; "
           f"reports in {folder}")


COMMANDS = [check]
