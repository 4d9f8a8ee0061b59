"""The rule registry: every rule is a function ``rule(doc) -> iterable of Finding`` under an id.

Ids are grouped by family in hundreds (UN1xx numbering, UN2xx headings, UN3xx footnotes, UN4xx
masthead, UN5xx resolutions, UN6xx typography, UN7xx dates, UN8xx length, UN9xx language
versions); UN000 is an unreadable input. Families are modules imported on first use.
"""

from __future__ import annotations

import importlib
from typing import Callable

from drafting.records import record

# Modules under drafting.check that define rules, in the order their rules run.
FAMILIES = ["numbering", "headings", "footnotes", "masthead", "resolutions", "typography",
            "dates", "length", "versions"]
HELP_URI = "https://github.com/un-drafting/drafting#check-rules"


@record
class Rule:
    """A formatting rule as the registry lists it: its code, name, default severity, what it
    checks and why."""

    id: str
    name: str            # kebab-case, e.g. paragraph-numbering
    severity: str        # default severity
    summary: str         # one line
    explanation: str     # why the rule exists and what it accepts
    func: Callable | None = None
    family: str = ""
    fixable: bool = False
    multi: bool = False  # a rule over several documents (language versions), not one

    @property
    def help_uri(self) -> str:
        return f"{HELP_URI}-{self.id.lower()}"


RULES: dict[str, Rule] = {}

# UN000 has no function: the runner reports unreadable inputs under it.
RULES["UN000"] = Rule(
    "UN000", "unreadable-input", "error", "The file cannot be read as a document.",
    "A file that cannot be read (missing, binary, empty, not well-formed XML, unknown format) is a "
    "finding of its own; the other files are still checked.", family="input")


def rule(id: str, name: str, severity: str, summary: str, explanation: str,
         fixable: bool = False, multi: bool = False):
    """Register the decorated function as rule ``id``."""
    def register(func):
        family = func.__module__.rpartition(".")[2]
        RULES[id] = Rule(id, name, severity, summary, " ".join(explanation.split()), func, family,
                         fixable, multi)
        return func
    return register


_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every rule, by id, in id order (the family modules are imported once)."""
    global _loaded
    if not _loaded:
        for family in FAMILIES:
            importlib.import_module(f"drafting.check.{family}")
        _loaded = True
    return dict(sorted(RULES.items()))


def matches(rule_id: str, patterns) -> bool:
    """``UN1`` selects UN100-UN199, ``UN101`` itself; ``ALL`` everything; names work too."""
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if p.upper() == "ALL" or rule_id.startswith(p.upper()):
            return True
        r = RULES.get(rule_id)
        if r and (p == r.name or p == r.family):
            return True
    return False


def enabled_rules(select=None, ignore=None) -> list[Rule]:
    rules = all_rules()
    out = []
    for rid, r in rules.items():
        if select and not matches(rid, select):
            continue
        if ignore and matches(rid, ignore):
            continue
        out.append(r)
    return out
