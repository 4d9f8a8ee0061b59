"""Words run together: a token that is no known word but splits into known words.

Known words: a compact list per language (``data/words_<lang>.txt``: common words and the
vocabulary of clean UN texts) plus the words of the document itself. A split is believed only
when every part is used on its own in the document (or the list) more often than the token, so
a rare compound of the language is not cut because its halves happen to be words; a token
made only of function words (``lorsque``, ``thereon``) is a word of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

MIN_LENGTH = 6
MAX_PARTS = 4
# One-letter words that may be a part of a split (French "a", "à", "y"; Spanish "a", "y", "o").
ONE_LETTER = {"fr": {"a", "à", "y"}, "es": {"a", "y", "o", "e", "u"}, "en": {"a"}}


@lru_cache(maxsize=None)
def word_list(lang: str, kind: str = "words") -> frozenset[str] | None:
    """``words``: vocabulary; ``stop``: function words (data/<kind>_<lang>.txt)."""
    from importlib.resources import files
    path = files("drafting.check").joinpath(f"data/{kind}_{lang}.txt")
    try:
        text = path.read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return frozenset(w.strip().lower() for w in text.splitlines()
                     if w.strip() and not w.startswith("#"))


class Vocabulary:
    # Parts of web and mail addresses (www.ungift.org) are no words of the language.
    TOKEN = re.compile(r"(?<![\w'’\-./@])[^\W\d_]{6,}(?![\w'’\-/@]|\.\w)")
    # Hyphenated compounds count as one word: "inter" of "inter-institutions" is no word.
    # (\w is twice as fast to scan as [^\W\d_]; words with digits are never split anyway)
    WORD = re.compile(r"\w+(?:-\w+)*")

    def __init__(self, lang: str, common: frozenset[str], stop: frozenset[str], counts: Counter):
        self.lang = lang
        self.stop = stop
        self.common = common | stop
        self.counts = counts
        self.one_letter = ONE_LETTER.get(lang, set())
        self._splits: dict[str, list[str] | None] = {}
        self._suspect: dict[str, bool] = {}

    @classmethod
    def of(cls, lang: str, text: str) -> "Vocabulary | None":
        common, stop = word_list(lang), word_list(lang, "stop")
        if common is None or stop is None:
            return None
        counts = Counter(cls.WORD.findall(text.lower()))
        return cls(lang, common, stop, counts)

    def weight(self, word: str) -> int:
        return self.counts.get(word, 0) + (5 if word in self.common else 0)

    def known(self, word: str) -> bool:
        """A word that may be a part of a split: short parts only if function words ("la",
        "de"), content parts of four letters at least (so prefixes such as "in" stay on)."""
        if len(word) == 1:
            return word in self.one_letter
        if word in self.stop:
            return True
        if len(word) < 4 or not (word in self.common or self.counts.get(word, 0) > 0):
            return False
        return not self._is_suspect(word)

    def _is_suspect(self, word: str) -> bool:
        """The document's own run-together tokens ("latraite") are no words to split others into."""
        if len(word) < MIN_LENGTH or word in self.common:
            return False
        known = self._suspect.get(word)
        if known is None:
            self._suspect[word] = False  # no recursion through itself
            known = self._suspect[word] = self._best_split(word, self.counts.get(word, 0)) is not None
        return known

    def split(self, token: str) -> list[str] | None:
        low = token.lower()
        if len(low) < MIN_LENGTH or low in self.common or not low.isalpha():
            return None
        if low not in self._splits:
            self._splits[low] = self._best_split(low, self.counts.get(low, 0))
        parts = self._splits[low]
        if not parts:
            return None
        out, i = [], 0
        for p in parts:  # keep the printed case
            out.append(token[i:i + len(p)])
            i += len(p)
        return out

    def _best_split(self, low: str, own: int) -> list[str] | None:
        """The split into the fewest known parts (breadth first: most words fail at once,
        since no known word starts them)."""
        n = len(low)
        frontier: dict[int, list[str]] = {0: []}
        result = None
        for _ in range(MAX_PARTS):
            following: dict[int, list[str]] = {}
            for j, parts in frontier.items():
                for i in range(j + 1, min(n, j + 30) + 1):
                    if i in following:
                        continue
                    part = low[j:i]
                    if part == low or not self.known(part) or self.weight(part) <= own:
                        continue
                    following[i] = parts + [part]
            if n in following:
                result = following[n]
                break
            if not following:
                break
            frontier = following
        if not result or len(result) < 2 or all(p in self.stop for p in result):
            return None  # "lorsque", "thereon": function words make compounds of their own
        if result[-1] in self.stop and result[-2] not in self.stop:
            return None  # "fonctionnel|les": an ending, not a lost space
        return result
