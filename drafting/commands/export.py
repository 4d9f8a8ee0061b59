"""``drafting export``: any readable input to DOCX (UN-styled), HTML (preview), Markdown or AKN.

Also the main job's export step: every corpus document to ``build/export/NAME.docx`` and
``.html``, and the DOCX to PDF with headless LibreOffice (one soffice call for all of them).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import click

from drafting.commands import LanguageChoice
from drafting.errors import DraftingError
from drafting.io import MAX_INPUT_BYTES, check_output, write_atomic

FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md",
           ".xml": "akn", ".akn": "akn"}


def export_bytes(root, fmt: str, reference_doc: Path | None = None) -> bytes:
    from drafting.writers import writer_for

    try:
        module = writer_for(fmt)
    except ModuleNotFoundError as exc:
        raise DraftingError(f"the {fmt} writer is not available: {exc}") from None
    options = {"reference_doc": reference_doc} if fmt == "docx" and reference_doc else {}
    return module.write(root, **options)


@click.command()
@click.argument("input", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; the format comes from its extension unless --to is given.")
@click.option("--to", "fmt", type=click.Choice(["docx", "html", "md", "akn"]), help="Output format.")
@click.option("--reference-doc", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="DOCX whose styles, page setup, headers and footers are used (default: templates/reference.docx).")
@click.option("--lang", type=LanguageChoice(), help="Language of the input (detected by default).")
@click.option("--format-in", "fmt_in", type=click.Choice(["text", "md", "akn", "docx", "pdf"]), help="Input format (from the extension by default).")
@click.option("--revisions", type=click.Choice(["accept", "reject"]), default="accept", show_default=True,
              help="DOCX input: tracked changes accepted or rejected.")
@click.option("--max-mb", type=float, default=MAX_INPUT_BYTES / 1024 / 1024, show_default=True, help="Refuse larger inputs.")
@click.pass_context
def export(ctx, input, output, fmt, reference_doc, lang, fmt_in, revisions, max_mb):
    """Export a document (PDF, text, OCR, Markdown, DOCX, AKN) as DOCX, HTML, Markdown or AKN.

    DOCX: UN styles and page setup from the reference document, the masthead, the agenda
    footnote, real Word footnotes, numbered paragraphs as printed, a running header with the
    symbol and page numbers. HTML: one self-contained page. Nothing is written on error, and
    the input is never overwritten.
    """
    from drafting.readers import read_document

    fmt = fmt or FORMATS.get(output.suffix.lower())
    if not fmt:
        raise DraftingError(f"{output}: cannot tell the output format from the extension; give --to")
    check_output(output, [input] + ([reference_doc] if reference_doc else []))
    options = {"revisions": revisions} if (fmt_in == "docx" or input.suffix.lower() == ".docx") else {}
    result = read_document(input, fmt=fmt_in, lang=lang, max_bytes=int(max_mb * 1024 * 1024), **options)
    verbosity = (ctx.find_root().obj or {}).get("verbosity", 1)
    for d in result.diagnostics:
        if {"error": 0, "warning": 1}.get(d.level, 2) <= verbosity:
            click.echo(d.format(result.source), err=True)
    write_atomic(output, export_bytes(result.root, fmt, reference_doc))


def docx_to_pdf(docx_files: list[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    """Convert DOCX files to PDF with headless LibreOffice, all in one soffice run."""
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
