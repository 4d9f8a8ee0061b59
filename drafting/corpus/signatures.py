"""Normalised paragraph text and its near-duplicate signature (MinHash), with LSH band keys.

Why a small MinHash over numpy and not ``datasketch``: both compute the same estimate (MinHash
of shingles under universal hashing); ``datasketch`` hashes every shingle with SHA-1 in Python and
builds a permutation matrix per paragraph, the version here hashes each word once with CRC-32,
makes the word pairs and mixes them with vectorised multiply-shift: several times faster on the real UN paragraphs, with
``update_batch`` (``tests/bench/bench_corpus.py`` measures both in the same run). The index signs
every paragraph of every document, so that speed is indexing time; and the signature has to be
stored and compared in bulk anyway, which a numpy array does directly.

Shingles are word pairs (word bigrams): a one-word change in a 40-word paragraph removes two of
forty shingles, so lightly amended paragraphs stay close (Jaccard about 0.9) while unrelated
paragraphs of the same committee, which share formulas ("Requests the Secretary-General to"),
stay far. Chinese and Japanese text has no spaces: each character is a word there.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np

NUM_PERM = 64          # signature length: the estimate's standard error is about 1/sqrt(64) = 0.125
BANDS = 16             # LSH: 16 bands of 4 rows; pairs of Jaccard >= 0.5 share a band with
ROWS = NUM_PERM // BANDS  # probability 1 - (1 - 0.5**4)**16 = 0.64, >= 0.7: 0.98, >= 0.8: 0.9999

_rng = np.random.default_rng(20240601)  # fixed seed: signatures must be equal across runs
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)  # odd
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalise(text: str) -> str:
    """Compatibility-folded, lowercase words separated by single spaces: what two printings of
    one paragraph share (punctuation, quotes, hyphenation and spacing differ between them)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _CJK.sub(lambda m: f" {m.group(0)} ", folded)
    return " ".join(_WORD.findall(folded))


def shingles(norm: str) -> list[str]:
    words = norm.split()
    if len(words) < 2:
        return words
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


_WORD_HASHES: dict[str, int] = {}   # per process: UN texts reuse a small vocabulary
_PAIR_MIX = np.uint64(0x9E3779B97F4A7C15)


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        value = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return value


def signatures(norms: list[str]) -> np.ndarray:
    """The MinHash signatures of many normalised texts (shape n x NUM_PERM, uint32): for each of
    NUM_PERM hash functions, the smallest hash of a text's shingles, with multiply-shift universal
    hashing ((a*x + b) mod 2**64, top 32 bits). All texts of a document go through numpy at once:
    per-paragraph numpy calls would cost more than the hashing itself."""
    if not norms:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    words = [n.split() or [""] for n in norms]
    counts = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    total = int(counts.sum())
    ids = np.fromiter((_word_hash(w) for ws in words for w in ws), dtype=np.uint64, count=total)
    # shingle k: words k and k+1 of one text. A text's last position repeats its last pair (the
    # minimum does not change), or is the word itself in a one-word text.
    shingle = np.empty(total, dtype=np.uint64)
    shingle[:-1] = ids[:-1] * _PAIR_MIX ^ ids[1:]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    last = starts + counts - 1
    shingle[last] = np.where(counts == 1, ids[last], shingle[np.maximum(last - 1, 0)])
    mixed = (_A[:, None] * shingle[None, :] + _B[:, None]) >> np.uint64(32)
    return np.minimum.reduceat(mixed, starts, axis=1).T.astype(np.uint32)


def signature(norm: str) -> np.ndarray:
    return signatures([norm])[0]


_BAND_MIX = np.uint64(0xC2B2AE3D27D4EB4F)


def band_keys_of(sigs: np.ndarray) -> np.ndarray:
    """One integer per LSH band and text (shape n x BANDS): texts sharing a key are candidates.
    The band number is the key's high bits; the rows' hash its low 32 bits."""
    rows = sigs.reshape(len(sigs), BANDS, ROWS).astype(np.uint64)
    h = rows[..., 0]
    for r in range(1, ROWS):
        h = (h * _BAND_MIX) ^ rows[..., r]
    h = (h * _BAND_MIX) >> np.uint64(32)
    bands = np.arange(BANDS, dtype=np.uint64)[None, :] << np.uint64(32)
    return (bands | h).astype(np.int64)


def band_keys(sig: np.ndarray) -> list[int]:
    return [int(k) for k in band_keys_of(sig[None, :])[0]]


def similarity_estimates(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of ``sig`` with each row of ``others`` (shape n x NUM_PERM)."""
    if not len(others):
        return np.zeros(0)
    return (others == sig[None, :]).mean(axis=1)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blobs(blobs: list[bytes]) -> np.ndarray:
    if not blobs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), NUM_PERM)
