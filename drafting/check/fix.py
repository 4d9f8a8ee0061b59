"""``--fix``: rewrite what is safe to rewrite (the command writes the result).

Only mechanical repairs whose result is certain: OCR ``|'`` -> ``l'``, double spaces, the
French space before ``: ; ! ?`` per profile, straight quotes -> the language's quotes (only
when they pair up within a line). Text and Markdown inputs are repaired in their source text,
so nothing else of the file changes; AKN inputs in the text of their elements.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"


def _count(counts, rule, n):
    if n:
        counts[rule] = counts.get(rule, 0) + n


def fix_text(text: str, lang: str, spacing: str, quotes: tuple[str, str], enabled, counts) -> str:
    """Apply the safe fixes to ``text`` (line by line; line breaks are kept)."""
    if "UN605" in enabled:
        text, n = re.subn(r"\|(?=['’])", "l", text)
        _count(counts, "UN605", n)
    if "UN603" in enabled:
        text, n = re.subn(r"(?<=\S)  +(?=\S)", " ", text)
        _count(counts, "UN603", n)
    if "UN602" in enabled and lang == "fr":
        if spacing == "vienna":
            text, n = re.subn(r"(?<=\S)[ \u00a0\u202f]+([:;!?])", r"\1", text)
        else:
            text, n1 = re.subn(r"(?<=\S) ([:;!?])", NBSP + r"\1", text)
            text, n2 = re.subn(r"(?<=[^\s\d:;!?(\[/])([;!?]|:(?!//))(?=\s|$)", NBSP + r"\1",
                               text, flags=re.M)
            n = n1 + n2
        _count(counts, "UN602", n)
    if "UN601" in enabled:
        opening, closing = quotes
        inner_open = opening + (NBSP if opening == "«" else "")
        inner_close = (NBSP if closing == "»" else "") + closing
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.count('"') and line.count('"') % 2 == 0:
                parts = line.split('"')
                rebuilt = parts[0]
                for k, part in enumerate(parts[1:]):
                    rebuilt += (inner_open if k % 2 == 0 else inner_close) + part
                _count(counts, "UN601", line.count('"'))
                lines[i] = rebuilt
        text = "\n".join(lines)
    return text


def split_front_matter(text: str) -> tuple[str, str]:
    """A Markdown file's YAML front matter (settings: never rewritten) and the rest."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[:i + 1]) + "\n", "\n".join(lines[i + 1:])
    return "", text


def fix_document(doc, enabled) -> tuple[bytes | None, dict]:
    """The fixed document as bytes (None when its format is not rewritten) and the count of
    fixes per rule. Text and Markdown are fixed in their source text, AKN in its elements."""
    from drafting.check.typography import expected_quotes, spacing_profile
    if doc.format not in ("text", "md", "akn"):
        return None, {}
    spacing = spacing_profile(doc) if doc.lang == "fr" else "vienna"
    quotes = expected_quotes(doc)
    counts: dict = {}
    if doc.is_text:
        head, body = split_front_matter(doc.text) if doc.format == "md" else ("", doc.text)
        return (head + fix_text(body, doc.lang, spacing, quotes, enabled, counts)).encode("utf-8"), counts
    from lxml import etree
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text:
            el.text = fix_text(el.text, doc.lang, spacing, quotes, enabled, counts)
        if el.tail and el.getparent() is not None:
            el.tail = fix_text(el.tail, doc.lang, spacing, quotes, enabled, counts)
    return etree.tostring(doc.root.getroottree(), xml_declaration=True, encoding="UTF-8"), counts
