"""What a rule reports: a finding with a rule id, a severity, a message and a location."""

from __future__ import annotations

from drafting.records import record

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@record
class Finding:
    """One finding of a rule: where in the input, how severe, what is wrong and, where it can be
    fixed, how."""

    rule: str                 # UN101
    severity: str             # error | warning | info
    message: str
    path: str = ""
    line: int | None = None   # source line (text inputs: the text file; AKN: the XML file)
    column: int | None = None
    eid: str | None = None    # the paragraph's eId, for every input format
    num: str | None = None    # the paragraph's number as printed

    def sort_key(self):
        return (self.path, self.line or 0, self.column or 0, self.rule)

    def to_dict(self) -> dict:
        # by hand: dataclasses.asdict deep-copies and costs 10x more on 50,000 findings
        return {"rule": self.rule, "severity": self.severity, "message": self.message,
                "path": self.path, "line": self.line, "column": self.column, "eid": self.eid,
                "num": self.num}

    def where(self) -> str:
        loc = self.path
        if self.line:
            loc += f":{self.line}"
            if self.column:
                loc += f":{self.column}"
        return loc
