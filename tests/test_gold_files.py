"""The hand-made gold for real pairs and session chains agrees with itself and with the texts.

The gold files (tests/fixtures/real/, format in its README.md) are read by the compare and corpus
quality tests; a typo in them would mislead every measurement made with them. These tests check what
can be checked without the toolkit: every id of both documents is accounted for exactly once, the
counts agree with the ids, and every evidence phrase is found in the document it names (and, for a
change, is absent from the other side, so it really shows the change).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "real"
CORPUS = HERE.parent / "corpus" / "real"

PAIR_FILES = sorted((GOLD / "pairs").glob("*.toml"))
CHAIN_FILES = sorted((GOLD / "chains").glob("*.toml"))

PAIR_KINDS = {"modified", "inserted", "deleted", "moved", "note"}
VERDICTS = {"carried", "amended", "new"}
ID_RE = re.compile(r"^(PP|OP|ANNEX)([1-9][0-9]*)$")
# Characters that differ between a draft and its final text without any change of wording.
TYPOGRAPHY = str.maketrans(
    {
        # Hyphens go: pdftotext joins a compound split at a line end without its hyphen
        # ("aid-fortrade") or with a space ("ambassadorial - level").
        "-": None,
        "\u2011": None,  # non-breaking hyphen of final texts
        "\u2010": None,
        "\u00ad": None,  # soft hyphen
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
WHITE = re.compile(r"\s+")

# The keys each kind of record may have (a misspelt flag would otherwise be ignored silently).
PAIR_KEYS = {
    "old", "new", "old_preambular", "new_preambular", "old_operative", "new_operative",
    "old_annex", "new_annex", "notes", "identical", "change",
}
CHANGE_KEYS = {
    "kind", "old", "new", "modified", "case_only", "editorial", "ambiguous", "evidence", "words",
    "notes",
}
CHAIN_KEYS = {"chain", "documents", "preambular", "operative", "paragraph"}
PARAGRAPH_KEYS = {
    "doc", "id", "verdict", "source", "evidence", "words", "notes", "case_only",
    "punctuation_only", "split", "ambiguous",
}
FLAGS = {"modified", "case_only", "editorial", "ambiguous", "punctuation_only", "split"}


def check_keys(record: dict, allowed: set[str]) -> None:
    assert set(record) <= allowed, f"unknown keys {sorted(set(record) - allowed)} in {record}"
    for flag in FLAGS & set(record):
        assert isinstance(record[flag], bool), record


def squash(text: str) -> str:
    """Text without typography, hyphens and white space (line breaks, extraction gaps)."""
    return WHITE.sub("", text.translate(TYPOGRAPHY))


_TEXTS: dict[str, str] = {}


def text_of(rel: str) -> str:
    """The squashed pdftotext output beside the PDF `rel` (relative to corpus/real)."""
    if rel not in _TEXTS:
        txt = (CORPUS / rel).with_suffix(".pdftotext.txt")
        _TEXTS[rel] = squash(txt.read_text(encoding="utf-8"))
    return _TEXTS[rel]


def symbol_of(rel: str) -> str:
    """A/RES/79/129 from sessions/.../A_RES_79_129.pdf."""
    return Path(rel).stem.replace("_", "/")


def expected_ids(preambular: int, operative: int, annex: int = 0) -> set[str]:
    return (
        {f"PP{i}" for i in range(1, preambular + 1)}
        | {f"OP{i}" for i in range(1, operative + 1)}
        | {f"ANNEX{i}" for i in range(1, annex + 1)}
    )


def load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def test_gold_exists_for_enough_real_pairs_and_chains():
    assert len(PAIR_FILES) >= 10
    assert {p.stem.split("_")[0] for p in CHAIN_FILES} >= {"S1", "S3"}


@pytest.mark.parametrize("path", PAIR_FILES, ids=lambda p: p.stem)
def test_pair_gold_accounts_for_every_paragraph_once(path):
    gold = load(path)
    check_keys(gold, PAIR_KEYS)
    for side in ("old", "new"):
        assert (CORPUS / gold[side]).is_file(), gold[side]
        assert text_of(gold[side])
    old_ids = expected_ids(gold["old_preambular"], gold["old_operative"], gold.get("old_annex", 0))
    new_ids = expected_ids(gold["new_preambular"], gold["new_operative"], gold.get("new_annex", 0))

    seen_old: list[str] = []
    seen_new: list[str] = []
    for old, new in gold["identical"]:
        assert ID_RE.match(old) and ID_RE.match(new), (old, new)
        seen_old.append(old)
        seen_new.append(new)
    for change in gold.get("change", []):
        check_keys(change, CHANGE_KEYS)
        kind = change["kind"]
        assert kind in PAIR_KINDS, change
        if kind == "note":
            assert change["old"] or change["new"], change
            for side in ("old", "new"):
                assert change[side] == "" or change[side].isdigit(), change
            continue
        if kind == "inserted":
            assert change["old"] == "" and ID_RE.match(change["new"]), change
        elif kind == "deleted":
            assert change["new"] == "" and ID_RE.match(change["old"]), change
        else:
            assert ID_RE.match(change["old"]) and ID_RE.match(change["new"]), change
        if change["old"]:
            seen_old.append(change["old"])
        if change["new"]:
            seen_new.append(change["new"])

    for seen, expected, side in ((seen_old, old_ids, "old"), (seen_new, new_ids, "new")):
        twice = sorted({i for i in seen if seen.count(i) > 1})
        assert not twice, f"{side} ids listed twice: {twice}"
        assert set(seen) == expected, (
            f"{side}: missing {sorted(expected - set(seen))}, "
            f"unknown {sorted(set(seen) - expected)}"
        )


def _evidence_sides(change: dict) -> tuple[str, str | None]:
    """(side that must hold the evidence, side that must not hold it, or None).

    Note texts are short and repeat ("Ibid.", "Resolution 70/1."), so a note's evidence is only
    required on its own side.
    """
    kind = change["kind"]
    if kind == "note":
        return ("old" if change["new"] == "" else "new"), None
    if kind == "deleted":
        return "old", "new"
    if kind == "moved" and not change.get("modified", False):
        return "new", None
    return "new", "old"


@pytest.mark.parametrize("path", PAIR_FILES, ids=lambda p: p.stem)
def test_pair_evidence_is_in_the_named_text_and_shows_the_change(path):
    gold = load(path)
    for change in gold.get("change", []):
        evidence = squash(change["evidence"])
        assert len(evidence) >= (5 if change["kind"] == "note" else 8), change
        present, absent = _evidence_sides(change)
        assert evidence in text_of(gold[present]), f"{change['evidence']!r} not in {gold[present]}"
        if absent is not None:
            assert evidence not in text_of(gold[absent]), (
                f"{change['evidence']!r} is also in {gold[absent]}: it does not show the change"
            )


@pytest.mark.parametrize("path", CHAIN_FILES, ids=lambda p: p.stem)
def test_chain_gold_accounts_for_every_paragraph_once(path):
    gold = load(path)
    check_keys(gold, CHAIN_KEYS)
    documents = gold["documents"]
    assert len(documents) >= 2
    assert len(gold["preambular"]) == len(gold["operative"]) == len(documents)
    symbols = [symbol_of(d) for d in documents]
    for rel in documents:
        assert (CORPUS / rel).is_file(), rel
    counts = {
        s: expected_ids(pp, op) for s, pp, op in zip(symbols, gold["preambular"], gold["operative"])
    }
    previous = dict(zip(symbols[1:], symbols[:-1]))

    seen: dict[str, list[str]] = {s: [] for s in symbols[1:]}
    sources: dict[str, list[str]] = {s: [] for s in symbols[1:]}
    split_sources: dict[str, set[str]] = {s: set() for s in symbols[1:]}
    for para in gold["paragraph"]:
        check_keys(para, PARAGRAPH_KEYS)
        doc, pid, verdict, source = para["doc"], para["id"], para["verdict"], para["source"]
        assert doc in seen, f"{doc} is not a later document of the chain"
        assert pid in counts[doc], (doc, pid)
        assert verdict in VERDICTS, para
        seen[doc].append(pid)
        if verdict == "new":
            assert source == "", para
            continue
        src_symbol, _, src_id = source.partition(" ")
        assert src_symbol == previous[doc], f"{doc} {pid}: {source} is not in the previous session"
        assert src_id in counts[src_symbol], para
        sources[doc].append(src_id)
        if para.get("split", False):
            split_sources[doc].add(src_id)

    for doc in seen:
        twice = sorted({i for i in seen[doc] if seen[doc].count(i) > 1})
        assert not twice, f"{doc}: ids listed twice {twice}"
        assert set(seen[doc]) == counts[doc], (
            f"{doc}: missing {sorted(counts[doc] - set(seen[doc]))}"
        )
        # A source may feed two paragraphs only when one of them says it was split off.
        reused = sorted({i for i in sources[doc] if sources[doc].count(i) > 1} - split_sources[doc])
        assert not reused, f"{doc}: one source paragraph given twice {reused}"


@pytest.mark.parametrize("path", CHAIN_FILES, ids=lambda p: p.stem)
def test_chain_evidence_is_in_the_later_text_and_not_the_earlier(path):
    gold = load(path)
    by_symbol = {symbol_of(d): d for d in gold["documents"]}
    symbols = list(by_symbol)
    previous = dict(zip(symbols[1:], symbols[:-1]))
    for para in gold["paragraph"]:
        if para["verdict"] == "carried":
            continue
        evidence = squash(para["evidence"])
        assert len(evidence) >= 8, para
        doc = by_symbol[para["doc"]]
        assert evidence in text_of(doc), f"{para['evidence']!r} not in {doc}"
        earlier = by_symbol[previous[para["doc"]]]
        assert evidence not in text_of(earlier), (
            f"{para['doc']} {para['id']}: {para['evidence']!r} is also in {earlier}"
        )
