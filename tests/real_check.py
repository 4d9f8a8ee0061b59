"""Precision of ``drafting check`` on the real UN documents, measured against verdicts given by
hand once.

``tests/fixtures/check/real_findings.toml`` holds every finding that ``drafting check`` gives on
the real documents of ``corpus/real`` (each PDF, its pdftotext text and its ``pdftotext -layout``
text), each with a verdict (``true``: the printed document has that fault, or the text file does
and the rule is about the file; ``false``: a misreading or a rule that is wrong here) and a
one-line reason. ``test_check_real`` fails when a finding appears that the file does not hold
(classify it) or a true one disappears (a rule lost it).

Run ``python -m tests.real_check`` for the table per rule, ``--write`` to add the findings not
yet in the file (verdict "?" to be given by hand) and drop the false ones no longer found.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
VERDICTS = ROOT / "tests" / "fixtures" / "check" / "real_findings.toml"
FORMS = (".pdf", ".pdftotext.txt", ".layout.txt")


def inputs() -> list[Path]:
    """Every real UN document as a PDF, its pdftotext text and its layout text (not the
    parallel corpus, which is sentence lists)."""
    return sorted(p for p in REAL.rglob("*")
                  if p.name.endswith(FORMS) and "parallel" not in p.relative_to(REAL).parts)


def key(f) -> tuple:
    """A text finding is its line, column and message; a PDF has no lines of its own (the
    reader's line numbers move as it improves), so its message and paragraph's eId."""
    if f["path"].endswith(".pdf"):
        return (f["path"], f["rule"], 0, 0, f["message"], f.get("eid") or "")
    return (f["path"], f["rule"], f["line"] or 0, f["column"] or 0, f["message"], "")


def current() -> list[dict]:
    """The findings of ``drafting check`` (every rule, default settings) on every input."""
    from drafting.check.document import Config
    from drafting.check.registry import enabled_rules
    from drafting.commands.check_files import run
    files = [str(p) for p in inputs()]
    out = []
    for f in run(files, Config(), enabled_rules(), jobs=2).findings:
        d = f.to_dict()
        d["path"] = Path(f.path).resolve().relative_to(REAL).as_posix()
        out.append(d)
    return out


def verdicts() -> list[dict]:
    if not VERDICTS.exists():
        return []
    return tomllib.loads(VERDICTS.read_text("utf-8")).get("finding", [])


def compare(found: list[dict], known: list[dict]) -> tuple[list, list, list]:
    """(findings with no verdict, true verdicts no longer found, findings with their verdict)."""
    by_key = {key(v): v for v in known}
    new = [f for f in found if key(f) not in by_key]
    found_keys = {key(f) for f in found}
    lost = [v for v in known if v.get("verdict") is True and key(v) not in found_keys]
    judged = [(f, by_key[key(f)]) for f in found if key(f) in by_key]
    return new, lost, judged


def table(judged) -> tuple[str, int, int]:
    """Markdown table of findings, true and precision per rule; totals."""
    total, true = Counter(), Counter()
    for f, v in judged:
        total[f["rule"]] += 1
        true[f["rule"]] += v.get("verdict") is True
    lines = ["| rule | findings | true | false | precision |", "|---|---|---|---|---|"]
    for rule in sorted(total):
        n, t = total[rule], true[rule]
        lines.append(f"| {rule} | {n} | {t} | {n - t} | {100 * t / n:.0f}% |")
    n, t = sum(total.values()), sum(true.values())
    lines.append(f"| all | {n} | {t} | {n - t} | {100 * t / max(n, 1):.1f}% |")
    return "\n".join(lines), n, t


def _toml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(found: list[dict], known: list[dict]) -> None:
    """The verdict file: known verdicts kept (false ones only while still found), new
    findings added with verdict "?"."""
    by_key = {key(v): v for v in known}
    found_keys = {key(f) for f in found}
    rows = [v for v in known if key(v) in found_keys or v.get("verdict") is True]
    rows += [dict(f, verdict="?", why="") for f in found if key(f) not in by_key]
    rows.sort(key=key)
    out = ["# Every finding of `drafting check` on corpus/real (pdftotext and -layout texts), judged by",
           "# hand once: verdict true (the document, or the text file for rules about the file, has",
           "# that fault) or false (a misreading, or the rule is wrong here), and why in one line.",
           "# Maintained with `python -m tests.real_check --write`; see tests/real_check.py.", ""]
    for r in rows:
        verdict = r["verdict"] if isinstance(r["verdict"], bool) else _toml_string(str(r["verdict"]))
        out += ["[[finding]]",
                f"path = {_toml_string(r['path'])}",
                f"rule = \"{r['rule']}\"",
                f"line = {r['line'] or 0}",
                f"column = {r['column'] or 0}",
                f"message = {_toml_string(r['message'])}",
                f"eid = {_toml_string(r.get('eid') or '')}",
                f"verdict = {str(verdict).lower() if isinstance(verdict, bool) else verdict}",
                f"why = {_toml_string(r.get('why', ''))}", ""]
    VERDICTS.parent.mkdir(parents=True, exist_ok=True)
    VERDICTS.write_text("\n".join(out), "utf-8")


def main(argv: list[str]) -> int:
    found, known = current(), verdicts()
    if "--write" in argv:
        write(found, known)
        known = verdicts()
    new, lost, judged = compare(found, known)
    text, n, t = table([(f, v) for f, v in judged if isinstance(v.get("verdict"), bool)])
    print(text)
    unjudged = sum(1 for _, v in judged if not isinstance(v.get("verdict"), bool))
    print(f"\n{len(found)} findings on {len(inputs())} texts; {len(new)} not in the verdict "
          f"file, {unjudged} without a verdict, {len(lost)} true ones no longer found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
