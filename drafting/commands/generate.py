"""``drafting new KIND --session S.yaml --lang L -o OUT``: a new draft from a template and a session.

The output format follows the extension: ``.xml`` Akoma Ntoso, ``.md`` the Markdown drafting
dialect, ``.docx`` Word. Nothing is written unless everything succeeded, and never over an input.
"""

from __future__ import annotations

from pathlib import Path

import click

from drafting.commands.streams import manners
from drafting.errors import DraftingError

@click.command("new", epilog="""\b
Examples:
  drafting new draft-resolution --session session.yaml --lang fr -o L.5.docx
  drafting new note --session session.yaml --lang en -o - -f md | less""")
@click.argument("kind")
@click.option("--session", "session", required=True, type=click.Path(dir_okay=False),
              help="The session file (YAML): organ, symbol, dates, title, body_markdown...")
@click.option("--lang", "lang", required=True, help="The language of the draft: ar zh en fr ru es.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The file to write: NAME.xml (AKN), NAME.md (Markdown dialect) or NAME.docx; "
                   "- for standard output (with -f).")
@click.option("-f", "--format", "fmt", type=click.Choice(["akn", "md", "docx"]),
              help="Output format (default: from the extension of -o).")
@click.option("--emblem", type=click.Path(dir_okay=False, exists=True),
              help="PNG or JPEG for the emblem slot of the masthead (docx; default: a neutral placeholder).")
@click.option("--template", "template", type=click.Path(dir_okay=False), default=None,
              help="Use this template instead of templates/KIND.md.j2 (it runs sandboxed).")
@manners
@click.pass_context
def new(ctx, kind, session, lang, output, fmt, template, emblem):
    """Generate a new draft of KIND: draft-report, draft-report-addendum, draft-resolution,
    note or corrigendum."""
    from drafting.generate import check_kind, check_lang, generate, output_format, write_output
    from drafting.io import check_output, write_atomic
    from drafting.model.validate import validate_tree

    check_kind(kind)
    check_lang(lang)
    from drafting.commands.streams import emit, is_stdio, refuse_binary_on_terminal
    if is_stdio(output) and not fmt:
        raise DraftingError("-o - writes to standard output: give the format with -f (akn, md, docx)")
    fmt = fmt or output_format(output)
    inputs = [session] + [p for p in (template, emblem) if p]
    if is_stdio(output):
        if fmt == "docx":
            refuse_binary_on_terminal(b"", "a DOCX file")
    else:
        check_output(output, inputs)
    result = generate(kind, session, lang, template)
    findings = validate_tree(result.root)
    if findings:  # the generator's own bug, not the user's: keep the details
        raise RuntimeError("generated AKN is not valid: " + "; ".join(f.message for f in findings[:3]))
    data = write_output(result.root, fmt, **({"emblem": emblem} if emblem and fmt == "docx" else {}))
    emit(data if fmt == "docx" else data.decode("utf-8"), output, inputs)
    verbosity = (ctx.obj or {}).get("verbosity", 1)
    for d in result.diagnostics:
        if d.level != "info" or verbosity > 1:
            click.echo(d.format(str(session)), err=True)
    if verbosity and not is_stdio(output):
        click.echo(f"{output}: {kind} in {lang} ({fmt})", err=True)


def build_step(docs, out_dir: Path, report) -> None:
    """Generate every bundled example session in the six languages as .xml, .md and .docx."""
    from drafting.generate import EXAMPLES_DIR, KINDS, generate, write_output
    from drafting.io import write_atomic
    from drafting.locale import languages
    from drafting.model.validate import validate_tree

    folder = out_dir / "generate"
    made, invalid, missing = 0, 0, []
    for kind in KINDS:
        session = EXAMPLES_DIR / f"{kind}.yaml"
        for lang in languages():
            result = generate(kind, session, lang)
            if validate_tree(result.root):
                invalid += 1
            for ext, fmt in ((".xml", "akn"), (".md", "md"), (".docx", "docx")):
                try:
                    data = write_output(result.root, fmt)
                except DraftingError as exc:
                    missing.append(f"{fmt}: {exc}")
                    continue
                write_atomic(folder / f"{kind}.{lang}{ext}", data)
                made += 1
    report(f"generate: {made} files ({len(KINDS)} kinds x 6 languages x xml/md/docx) in {folder}; "
           f"{invalid} invalid" + (f"; not written: {sorted(set(missing))}" if missing else ""))


COMMANDS = [new]
