"""Language versions: the versions of one symbol agree in paragraph and footnote numbers.

Every language version of a document has the same numbered paragraphs and the same footnotes,
so that a reference ("paragraph 12, footnote 3") means the same in all of them. The rule
compares each version with the first one given (``--versions``). It counts structure only
(paragraph numbers, footnote markers), which is what must agree whatever the language.
"""

from __future__ import annotations

from drafting.check.registry import rule


def paragraph_numbers(doc) -> list[str]:
    return [u.number for u in doc.units if u.kind == "paragraph" and u.number]


def footnote_markers(doc) -> list[str]:
    from drafting.check.footnotes import body_notes
    return [n.get("marker") or "" for n in body_notes(doc)]


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


@rule("UN901", "versions-paragraphs", "error",
      "Language versions of one symbol have the same numbered paragraphs.",
      """Given several language versions of a document (``--versions``), each has the same
      number of numbered paragraphs with the same numbers as the first version given.""",
      multi=True)
def versions_paragraphs(docs):
    ref = docs[0]
    ref_nums = paragraph_numbers(ref)
    for doc in docs[1:]:
        nums = paragraph_numbers(doc)
        if nums != ref_nums:
            yield doc.finding("UN901", f"{len(nums)} numbered paragraphs where {ref.path} "
                              f"({ref.lang}) has {len(ref_nums)}: {_difference(ref_nums, nums)}",
                              line=1 if doc.is_text else None)


@rule("UN902", "versions-footnotes", "error",
      "Language versions of one symbol have the same footnotes.",
      """Given several language versions (``--versions``), each has the same footnote markers in
      the same order as the first version given.""", multi=True)
def versions_footnotes(docs):
    ref = docs[0]
    ref_marks = footnote_markers(ref)
    for doc in docs[1:]:
        marks = footnote_markers(doc)
        if marks != ref_marks:
            yield doc.finding("UN902", f"{len(marks)} footnotes where {ref.path} ({ref.lang}) "
                              f"has {len(ref_marks)}: {_difference(ref_marks, marks)}",
                              line=1 if doc.is_text else None)
