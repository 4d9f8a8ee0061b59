"""The files side of ``drafting check``: finding the documents, reading them (files or standard
input), checking many in worker processes, writing fixed files.

The rules themselves (``drafting.check``) see trees and findings only. Workers are forked from
a parent that has already imported the rules and loaded the word tables, so starting them
costs little; files go to them in chunks. Few files are checked in process: forking would
cost more than it saves.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from pathlib import Path

from drafting.check.document import CheckedDocument, Config
from drafting.check.findings import Finding
from drafting.check.runner import apply_multi, apply_rules, from_result, unreadable, warm_up
from drafting.commands.streams import is_stdio, read_input
from drafting.errors import DraftingError
from drafting.records import record

PARALLEL_FROM = 8          # fewer files than this are checked in process


def collect_files(paths) -> list[str]:
    """Files named, and the readable documents inside folders (recursively, sorted)."""
    from drafting.readers import EXTENSIONS
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if not is_stdio(p) and path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    suffix = Path(name).suffix.lower()
                    if suffix in EXTENSIONS and ".fixed." not in name and not name.startswith("."):
                        out.append(str(Path(root) / name))
        else:
            out.append(str(p))
    return list(dict.fromkeys(out))


def source_text(data: bytes, name: str) -> str:
    """The source text as the reader saw it (plain UTF-8 needs no second look)."""
    from drafting.io import decode_text
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data[:4096]:
        try:
            return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    return decode_text(data, name)


def load(path: str, config: Config, fmt: str | None = None,
         stdin_filename: str | None = None) -> CheckedDocument:
    """Read one file (or ``-``) into a CheckedDocument (DraftingError when it cannot be read)."""
    try:
        result, data = read_input(path, fmt, config.lang, stdin_filename=stdin_filename)
    except OSError as exc:  # the file went away or changed between listing and reading
        raise DraftingError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = source_text(data, result.source) if result.format in ("text", "md") else None
    return from_result(result, config, text)


@record
class Checked:
    """The findings and warnings of the files checked so far."""

    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: "Checked") -> None:
        self.findings.extend(other.findings)
        self.warnings.extend(other.warnings)


def check_file(path: str, config: Config, rules, fmt: str | None = None,
               stdin_filename: str | None = None) -> Checked:
    try:
        doc = load(path, config, fmt, stdin_filename)
    except DraftingError as exc:
        if is_stdio(path):
            raise  # empty or binary standard input is a usage error (exit 2), not a file's finding
        return Checked([unreadable(path, str(exc))])
    return Checked(apply_rules(doc, rules), doc.warnings)


def _check_chunk(paths, config, rule_ids, fmt, stdin_filename=None) -> Checked:
    from drafting.check.registry import all_rules
    rules = [all_rules()[rid] for rid in rule_ids]
    out = Checked()
    for p in paths:
        out.extend(check_file(p, config, rules, fmt, stdin_filename))
    return out


def run(files, config: Config, rules, jobs: int | None = None, fmt: str | None = None,
        stdin_filename: str | None = None) -> Checked:
    """Findings of every file, sorted by file, line and column."""
    jobs = jobs or len(os.sched_getaffinity(0)) or 1
    if jobs > 1 and len(files) >= PARALLEL_FROM and not any(is_stdio(f) for f in files):
        out = _run_parallel(files, config, rules, jobs, fmt)
    else:
        out = _check_chunk(files, config, [r.id for r in rules], fmt, stdin_filename)
    out.findings.sort(key=Finding.sort_key)
    return out


def _run_parallel(files, config, rules, jobs, fmt) -> Checked:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    warm_up(rules)
    size = max(1, min(64, len(files) // (jobs * 4)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    ids = [r.id for r in rules]
    ctx = multiprocessing.get_context("fork")
    out = Checked()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        for part in pool.map(_check_chunk, chunks, [config] * len(chunks), [ids] * len(chunks),
                             [fmt] * len(chunks)):
            out.extend(part)
    return out


def check_versions(files, config: Config, rules, fmt: str | None = None,
                   stdin_filename: str | None = None) -> Checked:
    """Findings of each file plus the multi-document rules over all of them."""
    docs, out = [], Checked()
    for p in files:
        try:
            doc = load(p, config, fmt, stdin_filename)
        except DraftingError as exc:
            out.findings.append(unreadable(p, str(exc)))
            continue
        docs.append(doc)
        out.findings.extend(apply_rules(doc, rules))
        out.warnings.extend(doc.warnings)
    out.findings.extend(apply_multi(docs, rules))
    out.findings.sort(key=Finding.sort_key)
    return out


# -- --fix ----------------------------------------------------------------------------------


@record
class FixResult:
    """What ``check --fix`` did to one file: where it wrote, how many fixes of each rule, or why
    it wrote nothing."""

    path: str
    output: str
    counts: dict = field(default_factory=dict)
    skipped: str = ""        # why nothing was written


def default_output(path: str) -> str:
    p = Path(path)
    return str(p.with_name(f"{p.stem}.fixed{p.suffix}"))


def fix_file(path: str, config: Config, enabled, output: str | None = None,
             in_place: bool = False, stdin_filename: str | None = None) -> FixResult:
    """Fix one file into ``output`` (default FILE.fixed.EXT), or in place keeping FILE.bak;
    ``-`` is fixed to standard output."""
    from drafting.check.fix import fix_document
    from drafting.commands.streams import emit
    from drafting.io import check_output, read_bytes, write_atomic
    doc = load(path, config, stdin_filename=stdin_filename)
    payload, counts = fix_document(doc, enabled)
    if payload is None:
        return FixResult(path, path, {}, f"{doc.format.upper()} files are not rewritten; fix "
                                         f"the document in its editor or its source")
    if is_stdio(path):
        emit(payload.decode("utf-8"), None)
        return FixResult(doc.path, "-", counts)
    if in_place:
        if counts:
            write_atomic(path + ".bak", read_bytes(path), like=path)
            write_atomic(path, payload, like=path)
        return FixResult(path, path, counts)
    target = output or default_output(path)
    check_output(target, [path])
    if Path(target).is_dir():
        raise DraftingError(f"{target}: is a folder; give a file name for the fixed output")
    write_atomic(target, payload)
    return FixResult(path, target, counts)


# -- which files are UN documents (the pre-commit hook) --------------------------------------

HEAD_LINES = 60            # a masthead is printed within the first lines of the first page


def looks_like_un_document(path: str) -> bool:
    """Whether a file starts like a UN document: a line that starts or ends with a document
    symbol (a masthead, a running head, the right-hand column of a layout), a ``Distr.``
    line, the drafting dialect's ``symbol:`` front matter, an Akoma Ntoso root, or the
    paragraph styles of the UN Word template (``SingleTxtG``, ``HChG``). A README or a
    requirements.txt has none of them."""
    import zipfile
    from drafting.model.symbols import find_symbols
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return True  # a PDF holds no text to look at cheaply; the hook does not pass PDFs
    try:
        if suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                parts = [n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
                xml = ""
                for name in parts + ["word/document.xml"]:  # a masthead may sit in the header
                    with z.open(name) as fh:
                        xml += fh.read(400_000).decode("utf-8", "replace")
            if 'w:val="SingleTxtG"' in xml or 'w:val="HChG"' in xml:
                return True
            text = re.sub(r"</w:p>", "\n", xml)
            text = re.sub(r"<[^>]*>", "", text)
        else:
            with open(path, "rb") as fh:
                text = fh.read(16384).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return True  # unreadable: let the check report it (UN000)
    if suffix in (".xml", ".akn"):
        return "akomaNtoso" in text[:4096]
    lines = [line.strip() for line in text.split("\n") if line.strip()][:HEAD_LINES]
    if lines and lines[0] == "---" and any(line.startswith("symbol:") for line in lines):
        return True
    for line in lines:
        if line.startswith("Distr"):
            return True
        if "/" in line and any(start == 0 or end == len(line)
                               for start, end, _ in find_symbols(line)):
            return True
    return False


def un_documents(files, include: list[str], root: str | None) -> list[str]:
    """The files that are UN documents: those the settings' ``include`` patterns list, and
    those whose content starts like one."""
    from drafting.check.suppress import path_matches
    return [f for f in files if is_stdio(f) or (include and path_matches(f, include, root))
            or looks_like_un_document(f)]
