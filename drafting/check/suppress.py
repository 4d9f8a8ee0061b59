"""Suppressions as linters have them: inline comments, per-file ignores and a baseline.

- An inline comment ``drafting: ignore UN606`` (several ids or prefixes, comma-separated; none
  means every rule) in a text or Markdown file (``<!-- drafting: ignore UN606 -->``) silences
  the findings of its line; alone on its line it silences the block after it (to the next
  blank line); ``drafting: ignore-file UN603`` the whole file.
- ``per-file-ignores`` in the settings: glob patterns of paths with the rules they leave out.
- A baseline: the findings of a document accepted as they are (JSON written by
  ``--write-baseline``), so an old document can be adopted without fixing everything at
  once. Findings are matched by file, rule, message and element, not by line, so edits
  above a finding do not bring it back; a finding that appears more often than the baseline
  holds is new.

Every suppression that names an unknown rule is a warning naming it (``warnings``).
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from collections import Counter
from dataclasses import field
from pathlib import PurePath

from drafting.check.findings import Finding
from drafting.errors import DraftingError
from drafting.records import record

_COMMENT = re.compile(r"drafting:\s*ignore(-file)?\b([ \t]+[A-Za-z][\w-]*(?:[ \t]*,[ \t]*[A-Za-z][\w-]*)*)?")
_ONLY_COMMENT = re.compile(r"^\s*(?:<!--\s*|#\s*|//\s*|\[//\]: # \()?drafting:[^\n]*?(?:-->|\))?\s*$")
BASELINE_VERSION = 1


@record
class Inline:
    """What the comments of one source text silence."""

    lines: dict[int, list[str]] = field(default_factory=dict)   # line -> ids, prefixes or ALL
    whole_file: list[str] | None = None
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def silences(self, f: Finding) -> bool:
        from drafting.check.registry import matches
        if self.whole_file and matches(f.rule, self.whole_file):
            return True
        return f.line in self.lines and matches(f.rule, self.lines[f.line])


def known_pattern(p: str) -> bool:
    from drafting.check.registry import all_rules
    rules = all_rules()
    if p.upper() == "ALL":
        return True
    if p.upper().startswith("UN"):
        return any(rid.startswith(p.upper()) for rid in rules)
    return any(p in (r.name, r.family) for r in rules.values())


def parse_inline(text: str) -> Inline:
    out = Inline()
    if "drafting:" not in text:
        return out
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _COMMENT.search(line)
        if not m:
            continue
        patterns = [p.strip() for p in (m.group(2) or "").split(",") if p.strip()]
        for p in patterns:
            if not known_pattern(p):
                out.unknown.append((i + 1, p))
        patterns = [p for p in patterns if known_pattern(p)]
        patterns = patterns or ["ALL"]
        if m.group(1):
            out.whole_file = (out.whole_file or []) + patterns
            continue
        targets = [i + 1]
        if _ONLY_COMMENT.match(line):  # alone on its line: the block that follows
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            while j < len(lines) and lines[j].strip():
                targets.append(j + 1)
                j += 1
        for t in targets:
            out.lines.setdefault(t, []).extend(patterns)
    return out


def apply_inline(doc, findings: list[Finding]) -> list[Finding]:
    """The findings the document's own comments do not silence; unknown rules named in them
    become warnings on the document (``doc.warnings``)."""
    if doc.text is None or "drafting:" not in doc.text:
        return findings
    inline = parse_inline(doc.text)
    for line, p in inline.unknown:
        doc.warnings.append(f"{doc.path}:{line}: unknown rule {p!r} in a suppression comment")
    return [f for f in findings if not inline.silences(f)]


def path_matches(path: str, patterns, root: str | None = None) -> bool:
    """Whether a glob pattern matches the path as given, the path relative to ``root`` (the
    settings' folder), or its file name."""
    p = PurePath(path)
    names = {p.as_posix(), p.name}
    if root:
        names.add(PurePath(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix())
    return any(fnmatch.fnmatchcase(n, pattern) for pattern in patterns for n in names)


def per_file_ignored(path: str, per_file: dict[str, list[str]], root: str | None = None) -> list[str]:
    """The rules the settings leave out for ``path``."""
    return [r for pattern, rules in (per_file or {}).items() if path_matches(path, [pattern], root)
            for r in rules]


# -- baseline -----------------------------------------------------------------------------


def _key(f: Finding) -> tuple:
    return (f.path, f.rule, f.message, f.eid or "")


def write_baseline(findings) -> str:
    """The JSON of a baseline holding these findings."""
    items = [{"path": f.path, "rule": f.rule, "message": f.message, "eid": f.eid}
             for f in findings]
    return json.dumps({"drafting-baseline": BASELINE_VERSION, "findings": items},
                      ensure_ascii=False, indent=1) + "\n"


@record
class Baseline:
    """The findings a project has accepted (how many of each), so that only new ones are
    reported."""

    counts: Counter
    warnings: list[str]

    def filter(self, findings) -> list[Finding]:
        """The findings that are new: not in the baseline (or more often than it holds)."""
        left = Counter(self.counts)
        out = []
        for f in findings:
            k = _key(f)
            if left[k] > 0:
                left[k] -= 1
            else:
                out.append(f)
        return out


def read_baseline(text: str, name: str) -> Baseline:
    """Parse a baseline file; a corrupt one is one clear error."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DraftingError(f"{name}: not a baseline (invalid JSON: {exc.msg} at line "
                            f"{exc.lineno}); write one with --write-baseline") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list) \
            or data.get("drafting-baseline") != BASELINE_VERSION:
        raise DraftingError(f"{name}: not a drafting baseline (expected an object with "
                            f"\"drafting-baseline\": {BASELINE_VERSION} and \"findings\"); "
                            f"write one with --write-baseline")
    from drafting.check.registry import all_rules
    rules = all_rules()
    counts: Counter = Counter()
    warnings = []
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str)
                                                 for k in ("path", "rule", "message")):
            raise DraftingError(f"{name}: finding {i + 1} lacks a path, rule or message")
        if item["rule"] not in rules:
            warnings.append(f"{name}: unknown rule {item['rule']!r} in the baseline")
            continue
        counts[(item["path"], item["rule"], item["message"], item.get("eid") or "")] += 1
    return Baseline(counts, warnings)
