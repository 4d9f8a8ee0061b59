"""Date rule: every date in the text is printed in the language's UN form.

The locale package finds the dates (``find_dates``) and knows each language's form
(``format_date``); this rule reports the ones not in that form, with the right form.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from drafting.check.registry import rule
from drafting.check.segments import finding_at, segment_starts, segments


# A year 1800-2099 standing alone: the pattern opens with its first two digits (no digit before
# them is checked afterwards), so a search skips to the 1s and 2s of the text.
_YEAR = re.compile(r"(?:1[89]|20)(?<!\d..)\d\d(?!\d)", re.DOTALL)


@rule("UN701", "date-form", "warning",
      "Every date in the text is printed in the language's UN form.",
      """Dates are written out: ``12 October 2011`` in English, ``12 octobre 2011`` (``1er
      juillet``) in French, ``12 de octubre de 2011`` in Spanish, ``12 октября 2011 года``,
      ``2011年10月12日``. Numeric dates (``12/10/2011``), the American order (``October 12,
      2011``), a capitalised French month or a missing ``er`` are reported with the right
      form. The masthead date is UN404.""")
def date_form(doc):
    from drafting.locale import LANGS, find_dates, format_date
    from drafting.check.segments import joined
    if doc.lang not in LANGS:
        return
    # A date may span a line break of the source: it is read and compared with the breaks
    # gone (a space keeps every offset where it was).
    text = joined(doc).replace("\n", " ")
    segs = segments(doc)
    starts = segment_starts(doc)
    body_start = _body_start(doc)
    for a, b in year_windows(text):
        for start, end, date, ok in find_dates(text[a:b], doc.lang):
            if ok:
                continue
            if text[a + start - 1:a + start] in "/=" and a + start > 0 or text[a + end:a + end + 1] == "/":
                continue  # a date in a web address or a path (news/2024-12-27/...)
            i = bisect.bisect_right(starts, a + start) - 1
            seg, col = segs[i], a + start - starts[i]
            printed = " ".join(text[a + start:a + end].split())
            expected = _formatted(date, doc.lang)
            if printed == expected:
                continue  # only the spacing differs: UN603's matter, not a date form
            if (seg.eid or "").startswith("coverPage") or (
                    seg.from_source and body_start and seg.line < body_start
                    and doc.masthead.get("date_text") and doc.masthead["date_text"] in seg.text):
                continue  # the masthead date is UN404's
            yield finding_at(doc, "UN701", f"date “{printed}” should read “{expected}”",
                             seg, col, text[a + start:a + end])


@lru_cache(maxsize=4096)
def _formatted(date, lang: str) -> str:
    from drafting.locale import format_date
    return format_date(date, lang)


def year_windows(text: str, before: int = 50, after: int = 8) -> list[tuple[int, int]]:
    """Stretches of text around each year, merged, each starting after a space: a full date
    ends at or just after its year ("2011", "2011 года", "2011年"), so only these need reading."""
    spans: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text):
        a = max(0, m.start() - before)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = min(len(text), m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


def _body_start(doc) -> int | None:
    lines = [doc.source_lines.get(u.eid) for u in doc.units if u.eid]
    lines = [x for x in lines if x]
    return min(lines) if lines else None
