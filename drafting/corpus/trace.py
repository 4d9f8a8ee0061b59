"""Where the wording of each paragraph of a draft comes from: the closest earlier paragraphs.

For each paragraph: LSH candidates from the index (texts sharing a band key), ranked by their
MinHash estimate; the best few measured exactly (word-level similarity of the normalised texts);
their occurrences in earlier documents listed best first, adopted texts (resolutions) before
drafts and, among equals, the most recent session first. The verdict: ``carried`` when the best
source has the same words, ``amended`` when it is close (similarity at least AMENDED_FROM),
``new`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from drafting.corpus.signatures import from_blobs, similarity_estimates

AMENDED_FROM = 0.6     # similarity from which a paragraph is an amended earlier one
CANDIDATE_FLOOR = 0.25  # MinHash estimate below which a candidate is not worth measuring
MEASURED = 6           # candidate texts measured exactly per paragraph
SOURCES = 5            # sources reported per paragraph
KIND_RANK = {"resolution": 0, "decision": 0, "draft": 1}


@dataclass
class Source:
    symbol: str | None
    part: str
    number: str | None
    date: str | None
    kind: str | None
    similarity: float
    text: str
    path: str
    eid: str | None
    inline: list = field(default_factory=list)


@dataclass
class TracedParagraph:
    part: str
    number: str | None
    eid: str | None
    text: str
    verdict: str
    sources: list[Source]


def similarity(a: str, b: str) -> float:
    """Share of words two normalised texts have in common, in order (1.0: the same words)."""
    if a == b:
        return 1.0
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def sort_key(source: Source):
    return (-round(source.similarity, 3), KIND_RANK.get(source.kind or "", 2),
            _descending(source.date), source.symbol or "", source.number or "")


def _descending(date: str | None) -> str:
    """Most recent first in an ascending sort; undated last."""
    if not date:
        return "\uffff"
    return "".join(chr(0x7F - ord(c)) if c.isascii() else c for c in date)


def trace_record(conn, record: dict, path: str | None = None, wanted=None) -> list[TracedParagraph]:
    """Trace the paragraphs of ``record`` (see ``extract.document_record``) against the index."""
    from drafting.compare.inline import inline_diff

    out = []
    for para in record["paragraphs"]:
        if wanted is not None and not wanted(para):
            continue
        sources = _sources(conn, para, record, path)
        if not sources:
            verdict = "new"
        elif sources[0].similarity >= 1.0:
            verdict = "carried"
        elif sources[0].similarity >= AMENDED_FROM:
            verdict = "amended"
        else:
            verdict = "new"
        for s in sources:
            s.inline = [["=", s.text]] if s.similarity >= 1.0 and s.text == para["text"] else \
                [list(x) for x in inline_diff(s.text, para["text"])]
        out.append(TracedParagraph(para["part"], para["number"], para["eid"], para["text"], verdict, sources))
    return out


def _sources(conn, para: dict, record: dict, path: str | None) -> list[Source]:
    keys = para["keys"]
    marks = ",".join("?" * len(keys))
    ids = [r[0] for r in conn.execute(f"SELECT DISTINCT text_id FROM lsh WHERE key IN ({marks})", keys)]
    if not ids:
        return []
    rows = _in_chunks(conn, "SELECT id, sig, norm, text FROM texts WHERE id IN ({})", ids)
    sig = np.frombuffer(para["sig"], dtype="<u4")
    estimates = similarity_estimates(sig, from_blobs([r[1] for r in rows]))
    order = np.argsort(-estimates, kind="stable")[:MEASURED * 4]
    measured = []
    for i in order:
        if estimates[i] < CANDIDATE_FLOOR:
            break
        measured.append((similarity(para["norm"], rows[i][2]), rows[i]))
    measured.sort(key=lambda m: -m[0])
    sources: list[Source] = []
    symbol, date = record.get("symbol"), record.get("date")
    for score, (text_id, _, _, text) in measured[:MEASURED]:
        # Earlier documents only: not the draft itself (by path or symbol), none dated after it.
        # A formula repeated in hundreds of documents: the adopted and most recent first suffice.
        for occ in conn.execute(
                "SELECT d.symbol, p.part, p.number, d.date, d.kind, d.path, p.eid FROM paragraphs p "
                "JOIN documents d ON d.id = p.doc_id WHERE p.text_id = ? AND d.path IS NOT ? "
                "AND (? IS NULL OR d.symbol IS NOT ?) AND (? IS NULL OR d.date IS NULL OR d.date < ?) "
                "ORDER BY CASE d.kind WHEN 'resolution' THEN 0 WHEN 'decision' THEN 0 "
                "WHEN 'draft' THEN 1 ELSE 2 END, d.date DESC LIMIT ?",
                (text_id, path, symbol, symbol, date, date, SOURCES * 4)):
            sources.append(Source(*occ[:5], round(score, 4), text, occ[5], occ[6]))
    sources.sort(key=sort_key)
    return _one_per_document(sources)[:SOURCES]


def _one_per_document(sources: list[Source]) -> list[Source]:
    """The best paragraph of each earlier document (a formula repeated in one document once)."""
    seen, out = set(), []
    for s in sources:
        key = s.symbol or s.path
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _in_chunks(conn, sql: str, ids: list[int], size: int = 900) -> list:
    rows = []
    for i in range(0, len(ids), size):
        part = ids[i:i + size]
        rows.extend(conn.execute(sql.format(",".join("?" * len(part))), part))
    return rows


def paragraph_filter(spec: str | None):
    """``--para``: ``5`` or ``OP5`` (operative 5), ``PP3`` (preambular 3), ``5 (a)``."""
    if not spec:
        return None
    text = spec.strip()
    upper = text.upper()
    if upper.startswith("PP"):
        part, number = "preamble", text[2:].strip()
    elif upper.startswith("OP"):
        part, number = "operative", text[2:].strip()
    else:
        part, number = None, text
    return lambda p: p["number"] == number and (part is None or p["part"] == part)
