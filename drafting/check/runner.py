"""Reading the files and applying the rules, in worker processes when there are many files.

Workers are forked from a parent that has already imported the rules (and warmed the locale
data), so starting them costs little; files go to them in chunks. Few files are checked in
process: forking would cost more than it saves.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafting.check.document import CheckedDocument, Config
from drafting.check.findings import SEVERITY_RANK, Finding
from drafting.errors import DraftingError

PARALLEL_FROM = 8          # fewer files than this are checked in process
SKIPPED_SUFFIXES = (".bak",)


def collect_files(paths) -> list[str]:
    """Files named, and the readable documents inside folders (recursively, sorted)."""
    from drafting.readers import EXTENSIONS
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    suffix = Path(name).suffix.lower()
                    if suffix in EXTENSIONS and ".fixed." not in name and not name.startswith("."):
                        out.append(str(Path(root) / name))
        else:
            out.append(str(path))
    return list(dict.fromkeys(out))


def load(path: str, config: Config, fmt: str | None = None) -> CheckedDocument:
    """Read one file into a CheckedDocument (DraftingError when it cannot be read)."""
    from drafting.io import read_bytes
    from drafting.readers import format_of, reader_for
    fmt = format_of(path, fmt)
    data = read_bytes(path)
    result = reader_for(fmt).read(data, name=str(path), lang=config.lang)
    text = _source_text(data, str(path)) if fmt in ("text", "md") else None
    return CheckedDocument(path=str(path), format=fmt, root=result.root,
                           diagnostics=list(result.diagnostics or []),
                           source_lines=dict(result.source_lines or {}), text=text, config=config)


def _source_text(data: bytes, name: str) -> str:
    """The source text as the reader saw it (it has been decoded once already: plain UTF-8
    needs no second look for binary content)."""
    from drafting.io import decode_text
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data[:4096]:
        try:
            return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    return decode_text(data, name)


def from_result(result, config: Config) -> CheckedDocument:
    """A CheckedDocument from a ReadResult someone else produced (the main build)."""
    text = None
    if result.format in ("text", "md") and result.source:
        from drafting.io import read_text
        try:
            text = read_text(result.source)
        except DraftingError:
            text = None
    return CheckedDocument(path=str(result.source), format=result.format, root=result.root,
                           diagnostics=list(result.diagnostics or []),
                           source_lines=dict(result.source_lines or {}), text=text, config=config)


def unreadable(path: str, message: str) -> Finding:
    prefix = f"{path}: "
    return Finding("UN000", "error", message[len(prefix):] if message.startswith(prefix) else message,
                   path)


def apply_rules(doc: CheckedDocument, rules) -> list[Finding]:
    findings = []
    for r in rules:
        if r.multi or r.func is None:
            continue
        for f in r.func(doc):
            findings.append(f)
    return findings


def check_file(path: str, config: Config, rules, fmt: str | None = None) -> list[Finding]:
    try:
        doc = load(path, config, fmt)
    except DraftingError as exc:
        return [unreadable(path, str(exc))]
    return apply_rules(doc, rules)


def _check_chunk(paths, config, rule_ids, fmt):
    from drafting.check.registry import all_rules
    rules = [all_rules()[rid] for rid in rule_ids]
    out = []
    for p in paths:
        out.extend(check_file(p, config, rules, fmt))
    return out


def warm_up() -> None:
    """Import what every document needs before forking, so workers start warm."""
    import drafting.locale  # noqa: F401  (reads the six TOML files)
    import drafting.model.units  # noqa: F401
    import drafting.readers.akn  # noqa: F401
    from drafting.check.registry import all_rules
    from drafting.check.wordsplit import LANGUAGES, lexicon
    all_rules()
    for lang in LANGUAGES:  # the word tables, shared by the forked workers
        lexicon(lang).known("")
    try:
        import drafting.readers.text  # noqa: F401
    except ImportError:
        pass


def run(files, config: Config, rules, jobs: int | None = None, fmt: str | None = None) -> list[Finding]:
    """Findings of every file, sorted by file, line and column."""
    jobs = jobs or len(os.sched_getaffinity(0)) or 1
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        findings = _run_parallel(files, config, rules, jobs, fmt)
    else:
        findings = _check_chunk(files, config, [r.id for r in rules], fmt)
    findings.sort(key=Finding.sort_key)
    return findings


def _run_parallel(files, config, rules, jobs, fmt):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    warm_up()
    size = max(1, min(64, len(files) // (jobs * 4)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    ids = [r.id for r in rules]
    ctx = multiprocessing.get_context("fork")
    out = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        for part in pool.map(_check_chunk, chunks, [config] * len(chunks), [ids] * len(chunks),
                             [fmt] * len(chunks)):
            out.extend(part)
    return out


def check_versions(files, config: Config, rules, fmt: str | None = None) -> list[Finding]:
    """Findings of each file plus the multi-document rules over all of them."""
    docs, findings = [], []
    for p in files:
        try:
            doc = load(p, config, fmt)
        except DraftingError as exc:
            findings.append(unreadable(p, str(exc)))
            continue
        docs.append(doc)
        findings.extend(apply_rules(doc, rules))
    if len(docs) >= 2:
        for r in rules:
            if r.multi and r.func:
                findings.extend(r.func(docs))
    findings.sort(key=Finding.sort_key)
    return findings


def worst(findings) -> str | None:
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: SEVERITY_RANK[s])
