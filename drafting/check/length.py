"""Length rule: the word limit of the document's category, when one is configured."""

from __future__ import annotations

import re

from drafting.check.registry import rule
from drafting.model.akn import text_content, xp

_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def word_count(doc) -> int:
    """Words of the preface, preamble, body and footnotes (the masthead is not counted)."""
    total = 0
    for part in xp(doc.doc, "a:preface | a:preamble | a:mainBody | a:conclusions"):
        total += len(_WORD.findall(text_content(part, skip_notes=False)))
    return total


@rule("UN801", "word-limit", "warning",
      "The document keeps the word limit of its category (when configured).",
      """The General Assembly sets word limits: 8,500 words for Secretariat documents, 10,700
      for others, 3,300 for in-session documents. Configure them per document kind (``report``,
      ``reportDraft``, ``note``...) or as ``default`` under ``word-limits``, or give
      ``--word-limit N``. Without a limit the rule is silent.""")
def word_limit(doc):
    limits = doc.config.word_limits
    limit = limits.get(doc.kind) or limits.get("default")
    if not limit:
        return
    count = word_count(doc)
    if count > limit:
        yield doc.finding("UN801", f"{count:,} words: over the limit of {limit:,} for "
                          f"{doc.kind or 'this kind of document'} by {count - limit:,}",
                          line=1 if doc.is_text else None)
