"""Applying the rules to documents already read: trees in, findings out.

Reading files is the command's job (``drafting.commands.check_files``); here a document is an
AKN tree with what its reader said about it (diagnostics, source lines) and, for text and
Markdown inputs, the source text the findings point into.
"""

from __future__ import annotations

from drafting.check.document import CheckedDocument, Config
from drafting.check.findings import SEVERITY_RANK, Finding


def document(root, config: Config | None = None, *, path: str = "", format: str = "akn",
             diagnostics=(), source_lines=None, text: str | None = None) -> CheckedDocument:
    """The document as the rules see it."""
    return CheckedDocument(path=str(path), format=format, root=root,
                           diagnostics=list(diagnostics or []),
                           source_lines=dict(source_lines or {}),
                           text=text if format in ("text", "md") else None,
                           config=config or Config())


def from_result(result, config: Config | None = None, text: str | None = None) -> CheckedDocument:
    """A CheckedDocument from a reader's ReadResult (``text``: the decoded source, if any)."""
    return document(result.root, config, path=result.source, format=result.format,
                    diagnostics=result.diagnostics, source_lines=result.source_lines, text=text)


def unreadable(path: str, message: str) -> Finding:
    """UN000: a file that could not be read, reported as a finding so the run goes on."""
    prefix = f"{path}: "
    return Finding("UN000", "error", message[len(prefix):] if message.startswith(prefix) else message,
                   path)


def apply_rules(doc: CheckedDocument, rules) -> list[Finding]:
    """The findings of every single-document rule the settings leave in for this file, less
    those the source's own comments silence."""
    import os

    from drafting.check.registry import matches
    from drafting.check.suppress import apply_inline, per_file_ignored
    config = doc.config
    left_out = per_file_ignored(doc.path, config.per_file_ignores,
                                os.path.dirname(config.source) if config.source else None)
    findings = []
    for r in rules:
        if r.multi or r.func is None or (left_out and matches(r.id, left_out)):
            continue
        findings.extend(r.func(doc))
    return apply_inline(doc, findings)


def apply_multi(docs, rules) -> list[Finding]:
    """The rules over several documents (language versions of one symbol)."""
    findings = []
    if len(docs) >= 2:
        for r in rules:
            if r.multi and r.func:
                findings.extend(r.func(docs))
    return findings


def warm_up(rules=None) -> None:
    """Import what every document needs before forking, so workers start warm; the word tables
    too (shared by the forked workers) when the words-run-together rule is among ``rules``
    (None: every rule). A run without that rule never reads them."""
    from drafting.locale import languages, terms

    for lang in languages():
        terms(lang)  # the locale reads its data files on first use: read them once, here
    import drafting.model.units  # noqa: F401
    import drafting.readers.akn  # noqa: F401
    import drafting.readers.text  # noqa: F401
    from drafting.check.registry import all_rules
    all_rules()
    if rules is None or any(r.id == "UN606" for r in rules):
        from drafting.check.wordsplit import languages as word_languages
        from drafting.check.wordsplit import lexicon
        for lang in word_languages():
            lexicon(lang).known("")


def worst(findings) -> str | None:
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: SEVERITY_RANK[s])
