"""Output formats of the findings: text, JSON, GitHub workflow annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/un-drafting/drafting"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def summary(findings, files: int) -> dict:
    by = Counter(f.severity for f in findings)
    return {"files": files, "findings": len(findings), "errors": by.get("error", 0),
            "warnings": by.get("warning", 0), "info": by.get("info", 0)}


def as_text(findings, files: int, rules=None) -> str:
    lines = []
    for f in findings:
        where = f.where()
        unit = ""
        if f.eid or f.num:
            unit = " [" + " ".join(x for x in (f.eid, f"no. {f.num}" if f.num else None) if x) + "]"
        lines.append(f"{where}: {f.rule} {f.severity}: {f.message}{unit}")
    s = summary(findings, files)
    lines.append(f"{s['files']} file{'s' if s['files'] != 1 else ''} checked: {s['errors']} "
                 f"error{'s' if s['errors'] != 1 else ''}, {s['warnings']} warning"
                 f"{'s' if s['warnings'] != 1 else ''}, {s['info']} info")
    return "\n".join(lines) + "\n"


def as_json(findings, files: int, rules=None) -> str:
    from drafting import __version__
    return json.dumps({"tool": "drafting check", "version": __version__,
                       "summary": summary(findings, files),
                       "findings": [f.to_dict() for f in findings]},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings, files: int, rules=None) -> str:
    """``::error file=F,line=L,col=C,title=UN101::message`` workflow commands, one per finding."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.rule)}")
        where = f" ({f.eid})" if f.eid else ""
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {','.join(props)}::"
                     f"{_escape_data(f.message + where)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _uri(path: str) -> str:
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve())
        return rel.as_posix()
    except ValueError:
        return p.resolve().as_uri()


def as_sarif_dict(findings, files: int, rules) -> dict:
    from drafting import __version__
    rules = list(rules)
    index = {r.id: i for i, r in enumerate(rules)}
    driver_rules = []
    for r in rules:
        driver_rules.append({
            "id": r.id,
            "name": "".join(w.capitalize() for w in r.name.split("-")),
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.explanation},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            "helpUri": r.help_uri,
            "properties": {"tags": [r.family]},
        })
    results = []
    for f in findings:
        if f.rule not in index:
            continue
        physical = {"artifactLocation": {"uri": _uri(f.path)}}
        if f.line:
            region = {"startLine": f.line}
            if f.column:
                region["startColumn"] = f.column
            physical["region"] = region
        location = {"physicalLocation": physical}
        if f.eid:
            location["logicalLocations"] = [{"fullyQualifiedName": f.eid,
                                             "name": f.num or f.eid, "kind": "element"}]
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [location],
        })
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "drafting check", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": driver_rules}},
            "results": results,
        }],
    }


def as_sarif(findings, files: int, rules) -> str:
    return json.dumps(as_sarif_dict(findings, files, rules), ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}


def statistics(findings, fmt: str = "text", colour: bool = False) -> str:
    """The number of findings per rule, most frequent first (ruff's ``--statistics``)."""
    from drafting.check.registry import RULES
    counts = Counter(f.rule for f in findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt in ("json", "sarif"):
        return json.dumps([{"rule": rid, "name": RULES[rid].name, "count": n,
                            "severity": RULES[rid].severity, "fixable": RULES[rid].fixable}
                           for rid, n in rows], ensure_ascii=False, indent=1) + "\n"
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = []
    for rid, n in rows:
        r = RULES[rid]
        fix = "[*]" if r.fixable else "[ ]"
        rule = _paint(rid, r.severity) if colour else rid
        lines.append(f"{n:>{width}}\t{rule}\t{fix} {r.name}")
    return "\n".join(lines) + ("\n" if lines else "")


_SGR = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, severity: str) -> str:
    return f"\x1b[{_SGR.get(severity, '0')}m{text}\x1b[0m"


def coloured(text: str) -> str:
    """The text report with each finding's rule and severity in its colour."""
    out = []
    for line in text.splitlines(keepends=True):
        for severity in _SGR:
            marker = f" {severity}: "
            head, sep, tail = line.partition(marker)
            if sep and " UN" in head:
                where, _, rule = head.rpartition(" ")
                line = f"\x1b[1m{where}\x1b[0m {_paint(rule + ' ' + severity, severity)}: {tail}"
                break
        out.append(line)
    return "".join(out)


def list_rules_text(rules) -> str:
    out = []
    for r in rules:
        fix = " (fixable)" if r.fixable else ""
        out.append(f"{r.id} {r.name} [{r.severity}]{fix}: {r.summary}")
        out.append(f"    {r.explanation}")
    return "\n".join(out) + "\n"
