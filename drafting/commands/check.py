"""``drafting check``: UN formatting rules for CI and pre-commit.

Exit code 1 when an error-severity finding exists, 0 otherwise, 2 on usage or input error.
Everything heavy is imported inside the command so that the CLI starts fast.
"""

from __future__ import annotations

import click

FORMAT_CHOICES = ["text", "json", "github", "sarif"]


def _split(values) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default=None,
              help="Report format (default text; `github` prints workflow annotations, "
                   "`sarif` SARIF 2.1.0 for code scanning).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=str),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, help="Rules to apply: ids or prefixes (UN1, UN605), comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to leave out: ids or prefixes, comma-separated.")
@click.option("--fix", is_flag=True, help="Rewrite what is safe to rewrite into FILE.fixed.EXT (or -o).")
@click.option("--in-place", is_flag=True, help="With --fix: rewrite the file itself, keeping FILE.bak.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
              help="With --fix and one file: where to write the fixed file.")
@click.option("--list-rules", is_flag=True, help="List the rules with their explanation and exit.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Settings file (default: the nearest drafting.toml or pyproject.toml "
                   "with [tool.drafting.check]).")
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.pass_context
def check(ctx, paths, output_format, report_path, select, ignore, fix, in_place, output,
          list_rules, config_path, lang, french_spacing, quotes, word_limit, versions,
          format_in, jobs):
    """Check UN documents against the UN formatting rules (UN101...).

    PATHS are files or folders (folders are searched for .txt, .md, .xml, .docx). Findings show
    the rule id, severity, message, file:line:column and the paragraph's eId and number.
    """
    from drafting.check import config as configuration
    from drafting.check import formats, registry, runner
    from drafting.errors import DraftingError

    if list_rules:
        click.echo(formats.list_rules_text(registry.all_rules().values()), nl=False)
        return
    if not paths:
        raise DraftingError("check: give at least one file or folder (or --list-rules)")
    if (in_place or output) and not fix:
        raise DraftingError("check: --in-place and -o go with --fix")
    if in_place and output:
        raise DraftingError("check: give either --in-place or -o, not both")

    found = config_path or configuration.find_config(paths)
    config = configuration.load_config(found)
    for key, value in (("select", list(select) and ",".join(select)),
                       ("ignore", list(ignore) and ",".join(ignore)),
                       ("french-spacing", french_spacing), ("quotes", quotes),
                       ("word-limit", word_limit), ("lang", lang)):
        if value:
            configuration.apply_setting(config, key, value, f"--{key}")
    output_format = output_format or "text"

    rules = registry.enabled_rules(config.select, config.ignore)
    files = runner.collect_files(paths)
    if not files:
        raise DraftingError("check: no documents found in " + ", ".join(paths))
    if output and len(files) != 1:
        raise DraftingError("check: -o names one output file; give one input (or use --in-place)")

    if fix:
        files = _fix(files, config, rules, output, in_place)
    if versions:
        findings = runner.check_versions(files, config, rules, format_in)
    else:
        findings = runner.run(files, config, rules, jobs, format_in)

    sarif_rules = [registry.RULES["UN000"]] + [r for r in rules if r.id != "UN000"]
    text = formats.FORMATS[output_format](findings, len(files), sarif_rules)
    if report_path:
        from drafting.io import check_output, write_atomic
        check_output(report_path, files)
        write_atomic(report_path, text)
    else:
        click.echo(text, nl=False)
    ctx.exit(1 if any(f.severity == "error" for f in findings) else 0)


def _fix(files, config, rules, output, in_place) -> list[str]:
    """Fix every readable file; return the files to report on (the fixed ones)."""
    from drafting.check.fix import fix_file
    from drafting.errors import DraftingError
    enabled = {r.id for r in rules if r.fixable}
    out = []
    for path in files:
        try:
            result = fix_file(path, config, enabled, output, in_place)
        except DraftingError as exc:
            if "would overwrite" in str(exc) or "is a folder" in str(exc):
                raise
            out.append(path)  # unreadable: reported as UN000 below
            continue
        if result.skipped:
            click.echo(f"not fixed {result.path}: {result.skipped}", err=True)
            out.append(path)
            continue
        detail = ", ".join(f"{rid} {n}" for rid, n in sorted(result.counts.items())) or "nothing to fix"
        click.echo(f"fixed {result.path} -> {result.output}: {detail}", err=True)
        out.append(result.output)
    return out


def build_step(docs, out_dir, report) -> None:
    """Main job: check every corpus document; build/check/report.{txt,json,sarif}."""
    from drafting.check import config as configuration
    from drafting.check import formats, registry, runner
    from drafting.io import write_atomic

    sources = [d.source for d in docs if d.source]
    config = configuration.load_config(configuration.find_config(sources[:1]))
    rules = registry.enabled_rules(config.select, config.ignore)
    findings = []
    for result in docs:
        findings.extend(runner.apply_rules(runner.from_result(result, config), rules))
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
