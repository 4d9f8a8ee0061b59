"""Normalised paragraph text and its near-duplicate signature (MinHash), with LSH band keys.

Why a small MinHash over numpy and not ``datasketch``: both compute the same estimate (MinHash
of shingles under universal hashing); ``datasketch`` hashes every shingle with SHA-1 in Python and
builds a permutation matrix per paragraph, the version here hashes shingles with CRC-32 and mixes
them with one vectorised multiply-shift: about five times faster on the real UN paragraphs, with
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


def shingle_hashes(norm: str) -> np.ndarray:
    """Stable 32-bit hashes (CRC-32: equal in every process, unlike ``hash``) of the shingles."""
    return np.fromiter((zlib.crc32(s.encode("utf-8")) for s in set(shingles(norm))), dtype=np.uint64)


def signature(norm: str) -> np.ndarray:
    """The MinHash signature: for each of NUM_PERM hash functions, the smallest hash of a shingle
    (multiply-shift universal hashing: (a*x + b) mod 2**64, top 32 bits)."""
    hashes = shingle_hashes(norm)
    if not hashes.size:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    mixed = (_A[:, None] * hashes[None, :] + _B[:, None]) >> np.uint64(32)
    return mixed.min(axis=1).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One integer per LSH band (band number mixed in): paragraphs sharing a key are candidates.
    Signed 63-bit so that SQLite stores them as plain integers."""
    rows = sig.reshape(BANDS, ROWS)
    keys = []
    for band, row in enumerate(rows):
        digest = zlib.crc32(row.tobytes(), band * 0x9E3779B1 & 0xFFFFFFFF)
        keys.append((band << 32) | digest)
    return keys


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
