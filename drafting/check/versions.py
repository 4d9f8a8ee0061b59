"""Language versions: the versions of one symbol agree in paragraphs, footnotes and numbers.

Every language version of a document has the same numbered paragraphs and the same footnotes,
so that a reference ("paragraph 12, footnote 3") means the same in all of them. Each version is
compared with the first one given (``--versions``). The alignment of the compare package
(``drafting.compare.languages``: structure first, then Gale-Church lengths) pairs the units, so
a finding names the very paragraph that differs; without that package the rules fall back to a
structural count of paragraph numbers and footnote markers.
"""

from __future__ import annotations

from drafting.check.registry import rule


def paragraph_numbers(doc) -> list[str]:
    return [u.number for u in doc.units if u.kind == "paragraph" and u.number]


def footnote_markers(doc) -> list[str]:
    from drafting.check.footnotes import body_notes
    return [n.get("marker") or "" for n in body_notes(doc)]


def alignment(ref, doc):
    """The compare package's language alignment of ``doc`` against ``ref`` (None without it)."""
    cache = doc.__dict__.setdefault("_alignments", {})
    if id(ref) not in cache:
        try:
            from drafting.compare.languages import align_languages
        except ImportError:
            cache[id(ref)] = None
        else:
            cache[id(ref)] = align_languages(ref.root, doc.root, ref.path, doc.path)
    return cache[id(ref)]


def _difference(ref: list[str], other: list[str]) -> str:
    missing = [x for x in dict.fromkeys(ref) if x not in set(other)]
    extra = [x for x in dict.fromkeys(other) if x not in set(ref)]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else ""))
    if extra:
        parts.append("extra " + ", ".join(extra[:10]) + (" ..." if len(extra) > 10 else ""))
    if not parts and ref != other:
        parts.append("same numbers in another order")
    return "; ".join(parts)


def _issues(ref, doc, kinds):
    """(pair, mismatch) of the alignment whose kind is one of ``kinds``."""
    aligned = alignment(ref, doc)
    if aligned is None:
        return None
    return [(pair, m) for pair in aligned.pairs for m in pair.issues if m.kind in kinds]


def _at(doc, pair, message, rule_id):
    """A finding on the unit of ``doc`` (side B of the pair), or on the file when it has none."""
    item = pair.b[0] if pair.b else None
    if item is not None:
        return doc.finding(rule_id, message, eid=item.eid, num=item.num)
    return doc.finding(rule_id, message, line=1 if doc.is_text else None)


def _summary(doc, ref, rule_id, what, ref_values, values):
    return doc.finding(rule_id, f"{len(values)} {what} where {ref.path} ({ref.lang}) has "
                       f"{len(ref_values)}: {_difference(ref_values, values)}",
                       line=1 if doc.is_text else None)


@rule("UN901", "versions-paragraphs", "error",
      "Language versions of one symbol have the same paragraphs.",
      """Given several language versions of a document (``--versions``), each has the paragraphs
      of the first version given, with the same numbers: a paragraph with no counterpart in
      the other language is reported where it is (or, when it is missing, on the version that
      lacks it).""", multi=True)
def versions_paragraphs(docs):
    ref = docs[0]
    ref_nums = paragraph_numbers(ref)
    for doc in docs[1:]:
        nums = paragraph_numbers(doc)
        issues = _issues(ref, doc, {"missing-in-a", "missing-in-b"})
        if issues:
            for pair, m in issues:
                side = "only here" if m.kind == "missing-in-a" else f"missing here (in {ref.path})"
                yield _at(doc, pair, f"{side}: {m.message}", "UN901")
        elif nums != ref_nums:
            yield _summary(doc, ref, "UN901", "numbered paragraphs", ref_nums, nums)


@rule("UN902", "versions-footnotes", "error",
      "Language versions of one symbol have the same footnotes.",
      """Given several language versions (``--versions``), each paragraph carries as many
      footnotes as its counterpart in the first version given, and the footnote markers run
      alike.""", multi=True)
def versions_footnotes(docs):
    ref = docs[0]
    ref_marks = footnote_markers(ref)
    for doc in docs[1:]:
        marks = footnote_markers(doc)
        issues = _issues(ref, doc, {"footnotes"})
        for pair, m in issues or []:
            yield _at(doc, pair, f"{m.message} (A: {ref.path}, B: this file)", "UN902")
        if not issues and marks != ref_marks:
            yield _summary(doc, ref, "UN902", "footnotes", ref_marks, marks)


@rule("UN903", "versions-numbers", "warning",
      "Aligned paragraphs of language versions hold the same numbers and symbols.",
      """Figures, dates and document symbols do not change in translation: the numbers written
      in a paragraph (normalised for 10 000 / 10,000) and the symbols it cites match those of
      its counterpart. Needs the alignment of the compare package.""", multi=True)
def versions_numbers(docs):
    ref = docs[0]
    for doc in docs[1:]:
        for pair, m in _issues(ref, doc, {"numbers", "symbols"}) or []:
            yield _at(doc, pair, f"{m.message} (A: {ref.path}, B: this file)", "UN903")
