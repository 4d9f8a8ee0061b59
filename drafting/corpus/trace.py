"""Where the wording of each paragraph of a draft comes from: the closest earlier paragraphs.

For each paragraph: LSH candidates from the index (texts sharing a band key), ranked by their
MinHash estimate; the best few measured exactly (word-level similarity of the normalised texts);
their occurrences in earlier documents listed best first, adopted texts (resolutions) before
drafts and, among equals, the most recent session first. The verdict: ``carried`` when the best
source has the same words with the same capitals, ``amended`` when it is close (similarity at least AMENDED_FROM),
``new`` otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import field
from difflib import SequenceMatcher

import numpy as np

from drafting.corpus.signatures import from_blobs, similarity_estimates
from drafting.records import record

AMENDED_FROM = 0.35    # similarity from which a paragraph is an amended earlier one
CLOSE = 0.9            # a source this close needs no second look
RECENT_MARGIN = 0.15   # a more recent source this close to the best is the one drafters used
MAIN_SHARE = 0.2       # a main source document is the close source of this share of paragraphs
MAIN_DOCUMENTS = 2
CANDIDATE_FLOOR = 0.25  # MinHash estimate below which a candidate is not worth measuring
MEASURED = 6           # candidate texts measured exactly per paragraph
SOURCES = 5            # sources reported per paragraph
KIND_RANK = {"resolution": 0, "decision": 0, "draft": 1}


@record
class Source:
    """An earlier document of the corpus that holds a traced paragraph's language, and how alike
    they are."""

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


@record
class TracedParagraph:
    """One paragraph of a document, whether its language is agreed language of the corpus, and
    where from."""

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


_WORDS = re.compile(r"\w+")


def same_wording(a: str, b: str) -> bool:
    """The same words with the same capitals (a capital changed is an amendment: "parties" ->
    "Parties" is a different thing); spacing and line breaks do not count."""
    return _WORDS.findall(unicodedata.normalize("NFKC", a)) == _WORDS.findall(unicodedata.normalize("NFKC", b))


def sort_key(source: Source):
    return (-round(source.similarity, 3), KIND_RANK.get(source.kind or "", 2),
            _descending(source.date), source.symbol or "", source.number or "")


def _descending(date: str | None) -> str:
    """Most recent first in an ascending sort; undated last."""
    if not date:
        return "\uffff"
    return "".join(chr(0x7F - ord(c)) if c.isascii() else c for c in date)


def trace_record(conn, record: dict, path: str | None = None, wanted=None) -> list[TracedParagraph]:
    """Trace the paragraphs of ``record`` (see ``extract.document_record``) against the index.

    Two passes. The first finds each paragraph's near-duplicates through the LSH index. A draft
    is mostly built on one or two earlier texts (last session's resolution): those are the
    documents the first pass finds most often. The second pass compares each paragraph the first
    pass found no close source for with every paragraph of those documents, which finds the
    heavily reworded ones that share too few word pairs for LSH.
    """
    from drafting.compare.inline import inline_diff

    paras = record["paragraphs"]
    found = [_sources(conn, para, record, path) for para in paras]
    _reworded(conn, paras, found)
    out = []
    for para, sources in zip(paras, found):
        if wanted is not None and not wanted(para):
            continue
        sources = _recent_first(sources)
        if not sources or sources[0].similarity < AMENDED_FROM:
            verdict = "new"
        elif sources[0].similarity >= 1.0 and same_wording(sources[0].text, para["text"]):
            verdict = "carried"
        else:
            verdict = "amended"
        for src in sources:
            src.inline = [["=", src.text]] if src.text == para["text"] else \
                [list(x) for x in inline_diff(src.text, para["text"])]
        out.append(TracedParagraph(para["part"], para["number"], para["eid"], para["text"], verdict, sources))
    return out


def _recent_first(sources: list[Source]) -> list[Source]:
    """Among sources as close as the best (within RECENT_MARGIN), the adopted and most recent
    first: agreed language comes from last session's resolution, not from the one before."""
    if len(sources) < 2:
        return sources
    best = sources[0].similarity
    near = [s for s in sources if s.similarity >= best - RECENT_MARGIN]
    first = min(near, key=lambda s: (KIND_RANK.get(s.kind or "", 2), _descending(s.date)))
    return [first] + [s for s in sources if s is not first]


def _main_documents(found: list[list[Source]]) -> list[str]:
    """The documents that are the close source of many paragraphs (paths)."""
    from collections import Counter

    counts = Counter(srcs[0].path for srcs in found if srcs and srcs[0].similarity >= CLOSE)
    floor = max(3, MAIN_SHARE * len(found))
    return [p for p, n in counts.most_common(MAIN_DOCUMENTS) if n >= floor]


def _reworded(conn, paras: list[dict], found: list[list[Source]]) -> None:
    """Second pass (see ``trace_record``): updates ``found`` in place."""
    weak = [k for k, srcs in enumerate(found) if not srcs or srcs[0].similarity < CLOSE]
    main = _main_documents(found)
    if not weak or not main:
        return
    pool = conn.execute(
        "SELECT d.symbol, p.part, p.number, d.date, d.kind, d.path, p.eid, t.text, t.norm "
        f"FROM paragraphs p JOIN documents d ON d.id = p.doc_id JOIN texts t ON t.id = p.text_id "
        f"WHERE d.path IN ({','.join('?' * len(main))})", main).fetchall()
    words = [set(row[8].split()) for row in pool]
    for k in weak:
        mine = set(paras[k]["norm"].split())
        overlap = sorted(((len(mine & w) / (len(mine | w) or 1), i) for i, w in enumerate(words)), reverse=True)
        best = None
        for _, i in overlap[:3]:
            score = similarity(paras[k]["norm"], pool[i][8])
            if best is None or score > best[0]:
                best = (score, pool[i])
        current = found[k][0].similarity if found[k] else 0.0
        if best and best[0] > current:
            row = best[1]
            src = Source(*row[:5], round(best[0], 4), row[7], row[5], row[6])
            found[k] = [src] + [s for s in found[k] if (s.symbol or s.path) != (src.symbol or src.path)]


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
