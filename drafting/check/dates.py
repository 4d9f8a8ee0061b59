"""Date rule: every date in the text is printed in the language's UN form.

The locale package finds the dates (``find_dates``) and knows each language's form
(``format_date``); this rule reports the ones not in that form, with the right form.
"""

from __future__ import annotations

from drafting.check.registry import rule
from drafting.check.segments import finding_at, segments


@rule("UN701", "date-form", "warning",
      "Every date in the text is printed in the language's UN form.",
      """Dates are written out: ``12 October 2011`` in English, ``12 octobre 2011`` (``1er
      juillet``) in French, ``12 de octubre de 2011`` in Spanish, ``12 октября 2011 года``,
      ``2011年10月12日``. Numeric dates (``12/10/2011``), the American order (``October 12,
      2011``), a capitalised French month or a missing ``er`` are reported with the right
      form. The masthead date is UN404.""")
def date_form(doc):
    from drafting.locale import LANGS, find_dates, format_date
    if doc.lang not in LANGS:
        return
    body_start = _body_start(doc)
    for seg in segments(doc):
        if not any(ch.isdigit() for ch in seg.text):
            continue
        if (seg.eid or "").startswith("coverPage") or (
                seg.from_source and body_start and seg.line < body_start
                and doc.masthead.get("date_text") and doc.masthead["date_text"] in seg.text):
            continue  # the masthead date is UN404's
        for start, end, date, ok in find_dates(seg.text, doc.lang):
            if not ok:
                printed = " ".join(seg.text[start:end].split())
                want = format_date(date, doc.lang)
                yield finding_at(doc, "UN701", f"date “{printed}” should read “{want}”", seg,
                                 start, seg.text[start:end])


def _body_start(doc) -> int | None:
    lines = [doc.source_lines.get(u.eid) for u in doc.units if u.eid]
    lines = [x for x in lines if x]
    return min(lines) if lines else None
