"""How often a language uses a word: wordfreq's word lists, read from the files it ships.

wordfreq (Apache-2.0, Robyn Speer) is the source of the languages' words: the OCR repairs ask
whether a rebuilt heading word is a common word, ``check`` whether two words run together are
two words. Importing wordfreq costs about 80 ms (ftfy, langcodes and its tokenizers load with
it), more than reading a whole document, for questions about a few plain words. So a list is
read here straight from its file, in the cBpack format wordfreq documents (``read_cBpack``: a
gzipped msgpack list whose first element is the header ``{"format": "cB", "version": 1}`` and
whose element k + 1 holds the words used 10 ** (-k / 100) of the time); a file in any other
format, and every word the short way cannot answer exactly as wordfreq would, goes through
wordfreq itself.
"""

from __future__ import annotations

import gzip
import math
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# A word of the Latin-script languages (en, fr, es) in lower case without signs, digits or
# marks: wordfreq's tokenizer keeps it whole and as it is (NFC, case-folded), so its frequency
# is that of its bucket. (ß folds to "ss", × and ÷ split a token: both left to wordfreq.)
_PLAIN_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_PLAIN_LANGUAGES = frozenset({"en", "fr", "es"})
_HEADER = {"format": "cB", "version": 1}


def _data_file(lang: str, wordlist: str) -> Path | None:
    """wordfreq's file of the list, found without importing wordfreq (None: not there)."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / f"{wordlist}_{lang}.msgpack.gz"
    return path if path.is_file() else None


def buckets(lang: str, wordlist: str) -> list[list[str]]:
    """The language's words by frequency: element k holds the words used 10 ** (-k / 100) of
    the time (``wordfreq.get_frequency_list``), read from the file at each call: a caller keeps
    what it needs (lists of a million words that a program kept would be walked by every full
    collection of the cycle collector)."""
    path = _data_file(lang, wordlist)
    if path is not None:
        import msgpack

        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=False)
        if isinstance(data, list) and data and data[0] == _HEADER:
            return data[1:]
    from wordfreq import get_frequency_list

    return get_frequency_list.__wrapped__(lang, wordlist=wordlist)   # (not into wordfreq's cache)


@lru_cache(maxsize=None)
def _bucket_of(lang: str, wordlist: str) -> dict[str, int]:
    """Each word -> its bucket (a word in two buckets: the last, as wordfreq's dict holds it;
    a dict of strings to numbers, which the cycle collector does not track)."""
    index: dict[str, int] = {}
    for k, words in enumerate(buckets(lang, wordlist)):
        index.update(dict.fromkeys(words, k))
    return index


def zipf(word: str, lang: str, wordlist: str = "small") -> float:
    """``wordfreq.zipf_frequency(word, lang, wordlist)``: log10 of the word's uses per billion
    words, rounded as wordfreq rounds it (0 for a word not in the list)."""
    if lang not in _PLAIN_LANGUAGES or not _PLAIN_WORD.fullmatch(word):
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang, wordlist=wordlist)
    k = _bucket_of(lang, wordlist).get(word)
    # wordfreq's arithmetic, step for step: the bucket's frequency (one token: 1 / (1 / f)), at
    # least a billionth, to three significant digits; then Zipf rounded to hundredths
    freq = 1.0 / (1.0 / 10 ** (-k / 100)) if k is not None else 0.0
    freq = max(freq, 10 ** 0 / 1e9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)
