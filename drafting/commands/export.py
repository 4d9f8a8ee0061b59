"""``drafting export``: any readable input to DOCX (UN-styled), HTML (preview), Markdown or AKN.

Also the main job's export step: every corpus document to ``build/export/NAME.docx`` and
``.html``, and the DOCX to PDF with headless LibreOffice (one soffice call for all of them).
"""

from __future__ import annotations

from pathlib import Path

import click

from drafting.commands import LanguageChoice
from drafting.commands.batch import batch_options, is_batch, run_export
from drafting.commands.streams import manners
from drafting.errors import DraftingError
from drafting.io import MAX_INPUT_BYTES, check_output, write_atomic

FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md",
           ".xml": "akn", ".akn": "akn"}


def export_bytes(root, fmt: str, reference_doc: Path | None = None, emblem: Path | None = None) -> bytes:
    from drafting.writers import writer_for

    try:
        module = writer_for(fmt)
    except ModuleNotFoundError as exc:
        raise DraftingError(f"the {fmt} writer is not available: {exc}") from None
    options = {}
    if fmt == "docx":
        options = {k: v for k, v in (("reference_doc", reference_doc), ("emblem", emblem)) if v}
    return module.write(root, **options)


EXAMPLES = """\b
Examples:
  drafting export report.txt -o report.docx
  drafting export drafts/*.md --out-dir word/ -f docx
  pdftotext -layout A_80_1.pdf - | drafting export - -f html -o - > A_80_1.html"""


@click.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (one input; - for standard output); the format comes from its "
                   "extension unless -f is given.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one NAME.EXT per input (the format from -f, default docx).")
@click.option("-f", "--format", "--to", "fmt", type=click.Choice(["docx", "html", "md", "akn"]),
              help="Output format.")
@click.option("--reference-doc", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="DOCX whose styles, page setup, headers and footers are used (default: templates/reference.docx).")
@click.option("--emblem", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="PNG or JPEG for the emblem slot of the masthead (docx; default: a neutral placeholder).")
@click.option("--lang", type=LanguageChoice(), help="Language of the input (detected by default).")
@click.option("--format-in", "fmt_in", type=click.Choice(["text", "md", "akn", "docx", "pdf"]), help="Input format (from the extension by default).")
@click.option("--stdin-filename", help="The name of standard input (-); its extension gives the format.")
@click.option("--revisions", type=click.Choice(["accept", "reject"]), default="accept", show_default=True,
              help="DOCX input: tracked changes accepted or rejected.")
@click.option("--max-mb", type=float, default=MAX_INPUT_BYTES / 1024 / 1024, show_default=True, help="Refuse larger inputs.")
@batch_options
@manners
@click.pass_context
def export(ctx, inputs, output, out_dir, fmt, reference_doc, emblem, lang, fmt_in, stdin_filename,
           revisions, max_mb, jobs, scheduler):
    """Export documents (PDF, text, OCR, Markdown, DOCX, AKN; - for standard input) as DOCX, HTML,
    Markdown or AKN.

    DOCX: UN styles and page setup from the reference document, the masthead, the agenda
    footnote, real Word footnotes, numbered paragraphs as printed, a running header with the
    symbol and page numbers. HTML: one self-contained page. Nothing is written on error, and
    an input is never overwritten. A DOCX is never written to a terminal. Folders and globs
    with --out-dir run on all cores (or --scheduler).
    """
    from drafting.commands.ingest import _read, out_name, print_diagnostics
    from drafting.io import check_distinct
    from drafting.commands.streams import emit, is_stdio, refuse_binary_on_terminal, verbosity

    if out_dir and output is None and not any(is_stdio(p) for p in inputs) and (is_batch(inputs) or scheduler):
        return run_export(ctx, inputs, out_dir, fmt or "docx", fmt_in, lang, revisions,
                          int(max_mb * 1024 * 1024), reference_doc, emblem, jobs, scheduler)

    if output is not None and out_dir is not None:
        raise DraftingError("give either -o (one input) or --out-dir, not both")
    if output is None and out_dir is None:
        raise DraftingError("give -o FILE (- for standard output) or --out-dir FOLDER")
    if output is not None and len(inputs) > 1:
        raise DraftingError("-o takes one input; use --out-dir for several")
    if sum(1 for p in inputs if is_stdio(p)) > 1:
        raise DraftingError("standard input (-) can be given once")
    if output is not None:
        fmt = fmt or (None if is_stdio(output) else FORMATS.get(output.suffix.lower()))
        if not fmt:
            raise DraftingError(f"{output}: cannot tell the output format from the extension; give -f (--to)")
        targets = [output]
    else:
        fmt = fmt or "docx"
        suffix = {"docx": ".docx", "html": ".html", "md": ".md", "akn": ".xml"}[fmt]
        targets = [out_name(p, out_dir, suffix, stdin_filename) for p in inputs]
        check_distinct(targets, inputs)
    files = [p for p in inputs if not is_stdio(p)] + [p for p in (reference_doc, emblem) if p]
    for target in targets:
        if is_stdio(target):
            if fmt == "docx":
                refuse_binary_on_terminal(b"", "a DOCX file")
        else:
            check_output(target, files)
    results = [_read(p, fmt_in, lang, max_mb, revisions, stdin_filename) for p in inputs]
    data = [export_bytes(r.root, fmt, reference_doc, emblem) for r in results]
    for result, payload, target in zip(results, data, targets):
        print_diagnostics(result, verbosity(ctx))
        emit(payload, target, files)


def docx_to_pdf(docx_files: list[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    """Convert DOCX files to PDF with headless LibreOffice, all in one soffice run."""
    import shutil  # the three imported here: only the corpus build converts to PDF
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise DraftingError("LibreOffice (soffice) is not installed; run .ci/setup")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafting-lo-") as profile:
        # A private profile: a running LibreOffice of the user does not block the conversion.
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir)] + [str(f) for f in docx_files]
        subprocess.run(cmd, check=False, capture_output=True, timeout=timeout)
    return [out_dir / (f.stem + ".pdf") for f in docx_files]


def build_step(docs, out_dir: Path, report) -> None:
    """Main job: each corpus document exported to DOCX and HTML; the DOCX converted to PDF."""
    import subprocess

    target = out_dir / "export"
    written = []
    for doc in docs:
        stem = Path(doc.source).stem
        docx_path = target / f"{stem}.docx"
        write_atomic(docx_path, export_bytes(doc.root, "docx"))
        write_atomic(target / f"{stem}.html", export_bytes(doc.root, "html"))
        written.append(docx_path)
    try:
        pdfs = docx_to_pdf(written, target) if written else []
    except (DraftingError, subprocess.TimeoutExpired) as exc:
        report(f"export: {len(written)} DOCX + HTML in {target}; no PDF: {exc}")
        return
    missing = [p.name for p in pdfs if not p.exists()]
    report(f"export: {len(written)} DOCX + HTML, {len(pdfs) - len(missing)} PDF in {target}"
           + (f" (LibreOffice failed on {', '.join(missing)})" if missing else ""))


COMMANDS = [export]
