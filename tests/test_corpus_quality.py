"""Quality of ``trace`` on the hand-made gold of the session chains (tests/fixtures/real/chains).

Each chain is one resolution over three sessions. Every later resolution is traced against an
index of the chain's earlier resolutions; for each paragraph the gold marks carried or amended,
its gold source (symbol and PP/OP id in the previous session) must be the first source trace
gives (recall); of the paragraphs trace calls new, the gold must call them new too (precision).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
CHAINS = ROOT / "tests" / "fixtures" / "real" / "chains"

# What trace reaches on the three chains, per rendering of the PDFs (recall, operative recall,
# new precision, verdicts): from the PDFs 0.992, 0.986, 1.0, 0.948; from pdftotext's text 0.992,
# 0.986, 1.0, 0.919. The issue's targets: recall 0.98, new precision 0.95.
MINIMA = {
    "pdf": {"recall": 0.98, "operative_recall": 0.98, "new_precision": 0.95, "verdicts": 0.94},
    "pdftotext": {"recall": 0.98, "operative_recall": 0.98, "new_precision": 0.95, "verdicts": 0.91},
}


def readable(pdf: Path, rendering: str = "pdftotext") -> Path:
    """The PDF itself, or its pdftotext rendering beside it."""
    return pdf if rendering == "pdf" else pdf.with_suffix(".pdftotext.txt")


def paragraph_id(part: str, number: str | None) -> str | None:
    prefix = {"preamble": "PP", "operative": "OP"}.get(part)
    return f"{prefix}{number}" if prefix and number else None


def trace_chain(chain: dict, tmp_path: Path, rendering: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(doc symbol, id) -> (our verdict, our first source as "SYMBOL ID") for every later document."""
    from drafting.corpus.extract import document_record
    from drafting.corpus.index import connect, index_files
    from drafting.corpus.trace import trace_record

    files = [readable(REAL / d, rendering) for d in chain["documents"]]
    ours = {}
    for k in range(1, len(files)):
        db = tmp_path / f"{chain['chain']}-{rendering}-{k}.sqlite"
        summary, _ = index_files(db, [str(f) for f in files[:k]], jobs=1, quiet=True)
        assert not summary.failed
        record = document_record(str(files[k]))
        conn = connect(db)
        try:
            traced = trace_record(conn, record, None)
        finally:
            conn.close()
        for p in traced:
            pid = paragraph_id(p.part, p.number)
            if pid is None:
                continue
            first = p.sources[0] if p.sources else None
            ours[(record["symbol"], pid)] = (p.verdict, first and f"{first.symbol} {paragraph_id(first.part, first.number)}")
    return ours


def measure(tmp_path: Path, rendering: str = "pdftotext") -> dict:
    found = wanted = said_new = right_new = agree = judged = 0
    operative = [0, 0]   # found, wanted: operative paragraphs carry printed numbers
    misses = []
    for path in sorted(CHAINS.glob("*.toml")):
        chain = tomllib.loads(path.read_text(encoding="utf-8"))
        ours = trace_chain(chain, tmp_path, rendering)
        for g in chain["paragraph"]:
            verdict, first = ours.get((g["doc"], g["id"]), ("missing", None))
            judged += 1
            agree += verdict == g["verdict"]
            if g["verdict"] in ("carried", "amended"):
                wanted += 1
                operative[1] += g["id"].startswith("OP")
                if first == g["source"]:
                    found += 1
                    operative[0] += g["id"].startswith("OP")
                else:
                    misses.append(f"{g['doc']} {g['id']}: {first} instead of {g['source']}")
            if verdict == "new":
                said_new += 1
                right_new += g["verdict"] == "new"
    return {"recall": found / wanted if wanted else 1.0,
            "new_precision": right_new / said_new if said_new else 1.0,
            "operative_recall": operative[0] / operative[1] if operative[1] else 1.0,
            "verdicts": agree / judged if judged else 1.0,
            "wanted": wanted, "said_new": said_new, "misses": misses}


@pytest.mark.parametrize("rendering", sorted(MINIMA))
def test_trace_finds_the_hand_marked_sources_of_the_session_chains(tmp_path, rendering):
    if not list(CHAINS.glob("*.toml")):
        pytest.skip("no hand-made chain gold in tests/fixtures/real/chains")
    m = measure(tmp_path, rendering)
    assert m["wanted"] > 300
    for key, minimum in MINIMA[rendering].items():
        assert m[key] >= minimum, (key, m[key], m["misses"][:20])
