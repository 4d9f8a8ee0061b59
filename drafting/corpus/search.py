"""``corpus search``: paragraphs by words (FTS5) and by near-identical wording (MinHash LSH)."""

from __future__ import annotations


import numpy as np

from drafting.corpus.signatures import band_keys, from_blobs, normalise, signature, similarity_estimates
from drafting.records import record

NEAR_FROM_WORDS = 8   # a query this long is also looked up as wording, not only as words


@record
class Hit:
    """One paragraph of the corpus that a search found, with the document it stands in."""

    symbol: str | None
    part: str
    number: str | None
    date: str | None
    kind: str | None
    language: str | None
    text: str
    path: str
    match: str          # "words" or "wording"
    score: float


def _filters(since, kind, part, lang) -> tuple[str, list]:
    clauses, args = [], []
    for column, value in (("d.kind", kind), ("p.part", part), ("d.language", lang)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    if since:
        clauses.append("d.date >= ?")
        args.append(since)
    return "".join(f" AND {c}" for c in clauses), args


def fts_query(words: str) -> str:
    """The user's words as FTS5 phrase tokens, all required: no FTS syntax reaches SQLite."""
    return " ".join(f'"{w}"' for w in normalise(words).split())


def search(conn, words: str, *, since=None, kind=None, part=None, lang=None, limit=20) -> list[Hit]:
    query = fts_query(words)
    if not query:
        return []
    where, args = _filters(since, kind, part, lang)
    select = ("SELECT d.symbol, p.part, p.number, d.date, d.kind, d.language, t.text, d.path, {score} "
              "FROM paragraphs p JOIN documents d ON d.id = p.doc_id JOIN texts t ON t.id = p.text_id ")
    hits: list[Hit] = []
    seen: set = set()
    norm = normalise(words)
    if len(norm.split()) >= NEAR_FROM_WORDS:
        for hit in _near(conn, norm, select, where, args, limit):
            if _key(hit) not in seen:
                seen.add(_key(hit))
                hits.append(hit)
    # The best-ranked texts first (bm25 on the small FTS table), then their paragraphs.
    ranked = conn.execute("SELECT rowid, bm25(texts_fts) FROM texts_fts WHERE texts_fts MATCH ? "
                          "ORDER BY bm25(texts_fts) LIMIT ?", (query, limit * 5)).fetchall()
    for text_id, rank in ranked:
        rows = conn.execute(select.format(score="?") + "WHERE p.text_id = ?" + where +
                            " ORDER BY d.date DESC", [-rank, text_id] + args).fetchall()
        for row in rows:
            hit = Hit(*row[:8], "words", round(float(row[8]), 3))
            if _key(hit) not in seen:
                seen.add(_key(hit))
                hits.append(hit)
        if len(hits) >= limit:
            break
    return hits[:limit]


def _key(hit: Hit) -> tuple:
    """One hit per paragraph of a document, however many copies of the file are indexed."""
    return (hit.symbol or hit.path, hit.part, hit.number, hit.text)


def _near(conn, norm, select, where, args, limit) -> list[Hit]:
    sig = signature(norm)
    keys = band_keys(sig)
    ids = [r[0] for r in conn.execute(
        f"SELECT DISTINCT text_id FROM lsh WHERE key IN ({','.join('?' * len(keys))})", keys)][:2000]
    if not ids:
        return []
    rows = conn.execute(f"SELECT id, sig FROM texts WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
    estimates = similarity_estimates(sig, from_blobs([r[1] for r in rows]))
    hits = []
    for i in np.argsort(-estimates, kind="stable")[:limit]:
        if estimates[i] < 0.5:
            break
        for row in conn.execute(select.format(score="?") + "WHERE p.text_id = ?" + where +
                                " ORDER BY d.date DESC", [float(estimates[i]), rows[i][0]] + args):
            hits.append(Hit(*row[:8], "wording", round(float(row[8]), 3)))
    return hits
