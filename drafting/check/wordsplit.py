"""Words run together: a token the language does not know that splits into words it knows well.

The language's words come from ``wordfreq`` (word frequencies of Arabic, Chinese, English,
French, Russian and Spanish gathered from many sources, shipped in the wheel): a word the
language uses is never cut (``undertaken``, ``intergovernmental``, ``peacebuilding``,
``devenir``), and the parts of a split must be common words (Zipf frequency 3 or more: about
once per million words), so a rare word is not cut into rare halves. Hunspell dictionaries
were measured too and rejected: they do not know the UN's own words (``peacebuilding``,
``multistakeholder``), need a system package per language and take seconds to load.

A token printed with an inner capital (``SecretaryGeneral``, ``CounterTerrorism``) is a hyphen
or space lost in extraction even when the lowercase word exists, unless the language uses the
whole token as a word of its own (a brand such as ``YouTube``).

The frequency tables are loaded once per process, on the first look-up of a language.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import chain

MIN_LENGTH = 6
MAX_PARTS = 4
# Zipf frequencies (log10 of uses per billion words).
COMMON = 3.0          # a part of a split: a common word of the language
FUNCTION_WORD = 5.0   # a part of two or three letters: only the language's function words
PART_COST = 0.7      # what one more part must gain in average frequency
CAMEL_WORD = 3.5      # a token with an inner capital that the language uses this much is a name

TOKEN = re.compile(r"(?<![\w'’\-./@#])[^\W\d_]{6,}(?![\w'’\-/@]|\.\w)")
_INNER_CAPITAL = re.compile(r"(?<=[a-zß-ÿа-яё])(?=[A-ZÀ-ÞА-ЯЁ])")


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """The languages read for words run together (the locale says which: those written with
    spaces between words whose words are not joined by clitics)."""
    from drafting.locale import languages as all_languages, run_together_words
    return tuple(lang for lang in all_languages() if run_together_words(lang))


@lru_cache(maxsize=None)
def lexicon(lang: str) -> "Lexicon | None":
    """The language's words, loaded once per process on first use (None: no words to split)."""
    if lang not in languages():
        return None
    return Lexicon(lang)


class WordTable:
    """One language's words as the rule asks about them: is it a word (``in``), and how common
    is it. Read from wordfreq's buckets (one list of words per centibel of frequency, the most
    frequent first) into the words alone and the frequencies of the common ones (about one word
    in ten): every question the rule asks of a frequency is whether it reaches COMMON or more,
    except the score of a one-letter part, which ``zipf`` answers exactly for rare words too.

    Both are dicts of strings to atoms, which the cycle collector does not track: a set of
    the words, or wordfreq's cached lists, would be walked by every full collection of the
    process (1.7 million words in the four languages)."""

    def __init__(self, lang: str):
        self.lang = lang
        self._rare_zipf: dict[str, float] | None = None
        buckets = _buckets(lang)
        self.words = dict.fromkeys(chain.from_iterable(buckets))
        # Zipf frequency (log10 of uses per billion words) of each word used COMMON or more:
        # the same float as from wordfreq's frequency dict (log10 of the frequency, plus 9).
        self.common: dict[str, float] = {}
        for index, bucket in enumerate(buckets):
            zipf = _zipf(index)
            if zipf < COMMON:
                break
            self.common.update(dict.fromkeys(bucket, zipf))
        if len(self.words) != sum(map(len, buckets)):
            # a word in two buckets: wordfreq's frequency of it is the last one read
            from wordfreq import get_frequency_dict
            frequencies = get_frequency_dict(lang, wordlist="large")
            self.common = {w: z for w in self.common if (z := math.log10(frequencies[w]) + 9) >= COMMON}

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency (log10 of uses per billion words; 0 for no word)."""
        z = self.common.get(word)
        if z is not None:
            return z
        return self._rare(word) if word in self.words else 0.0

    def _rare(self, word: str) -> float:
        """A word used less than COMMON (rarely asked: a one-letter part): the frequencies of
        the rare words, read from the file the first time one is asked for."""
        if self._rare_zipf is None:
            self._rare_zipf = {}
            for index, bucket in enumerate(_buckets(self.lang)):
                zipf = _zipf(index)
                if zipf < COMMON:
                    self._rare_zipf.update(dict.fromkeys(bucket, zipf))
        return self._rare_zipf.get(word, 0.0)


def _buckets(lang: str) -> list[list[str]]:
    """wordfreq's lists of the language's words, read from its file (not kept in a cache)."""
    from drafting.locale.frequencies import buckets
    return buckets(lang, "large")


def _zipf(index: int) -> float:
    # (wordfreq's cB_to_freq: bucket k holds the words used 10 ** (-k / 100) of the time)
    return math.log10(10 ** (-index / 100)) + 9


@lru_cache(maxsize=None)
def table(lang: str) -> WordTable:
    """The language's words, read from wordfreq's files once per process."""
    return WordTable(lang)


class Lexicon:
    def __init__(self, lang: str):
        self.lang = lang
        self._table = table(lang)
        self._words = self._table.words
        self._common = self._table.common
        from drafting.locale import run_together_words
        known = run_together_words(lang) or {}
        self.prefixes = frozenset(known.get("prefixes", ()))
        self.suffixes = frozenset(known.get("suffixes", ()))
        self.words = frozenset(known.get("words", ()))
        self.plural_s = bool(known.get("plural_s"))
        self.one_letter = frozenset(known.get("one_letter", ()))
        # longest ending first, so "erions" is tried before "ions" and "s"
        self.verb_endings = tuple(sorted(known.get("verb_endings", ()), key=len, reverse=True))
        self.infinitives = tuple(known.get("infinitive_endings", ()))
        # UN documents quote titles and names in the other languages of their script: a word
        # of any of them is no run-together word ("notamment" in an English text).
        self._script = known.get("script", "latin")
        self._others = [o for o in languages()
                        if o != lang and run_together_words(o).get("script", "latin") == self._script]
        self._splits: dict[str, list[str] | None] = {}  # the tokens met in this process

    @property
    def common_lowercase(self) -> dict:
        """The language's words (lower case, as the frequencies hold them) for ``in``: a
        lower-case token in it is a word of the language, never split."""
        return self._words

    def zipf(self, word: str) -> float:
        return self._table.zipf(word)

    def _used(self, word: str, zipf: float) -> bool:
        """Whether the language uses the word ``zipf`` or more (``zipf`` at COMMON or above:
        the common words are the ones whose frequency is at hand)."""
        return self._common.get(word, 0.0) >= zipf

    def known(self, word: str) -> bool:
        if word in self._words or word in self.words:
            return True
        if self.plural_s and word.endswith("s") and (word[:-1] in self._words or word[:-1] in self.words):
            return True  # "workplans": the plural of a word of the language
        return any(word in table(o).words for o in self._others) or self.verb_form(word)

    def verb_form(self, word: str) -> bool:
        """A form of a verb the language uses, though the frequencies lack the form itself
        ("raillions" of "railler", "encorde" of "encorder")."""
        for ending in self.verb_endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[:len(word) - len(ending)]
                if any(stem + infinitive in self._words for infinitive in self.infinitives):
                    return True
        return False

    def part(self, word: str) -> bool:
        """A word that may be a part of a split: a common word of the language; of two or
        three letters only a function word."""
        if len(word) == 1:
            return word in self.one_letter
        return self._used(word, FUNCTION_WORD if len(word) <= 3 else COMMON)

    def split(self, token: str) -> list[str] | None:
        """The parts of a token whose spaces were lost, or None for a word of its own."""
        if token in self._splits:  # every token met in this process, once
            return self._splits[token]
        if token[1:].islower() and self.known(token.lower()):
            parts = None  # the common case: a word of the language, no inner capital
        else:
            parts = self._split(token)
        self._splits[token] = parts
        return parts

    def _split(self, token: str) -> list[str] | None:
        if len(token) < MIN_LENGTH or not token.isalpha() or not self._in_script(token):
            return None
        low = token.lower()
        pieces = _INNER_CAPITAL.split(token)
        if len(pieces) > 1:
            if self._used(low, CAMEL_WORD) or (pieces[0].islower() and len(pieces[0]) <= 3):
                return None  # a brand or a name the language uses as it is (eBay, weCollaborate)
            if all(self.part(p.lower()) or len(p) >= 4 and self.known(p.lower()) for p in pieces):
                return pieces
        if self.known(low):
            return None
        parts = self._best_split(low)
        if not parts:
            return None
        out, i = [], 0
        for p in parts:  # keep the printed case
            out.append(token[i:i + len(p)])
            i += len(p)
        return out

    def _in_script(self, token: str) -> bool:
        cyrillic = "\u0400" <= token[0] <= "\u04ff"
        return cyrillic == (self._script == "cyrillic")

    def _best_split(self, low: str) -> list[str] | None:
        """The split whose parts are the most frequent on average, less a cost for each part
        beyond the first, over splits of two to four parts: "de la" beats the rarer "dela",
        and "hostage taking" beats "host age taking". Breadth first, so most tokens fail at
        once, since no common word starts them."""
        n = len(low)
        frontier: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
        best: tuple[float, list[str]] | None = None
        for count in range(1, MAX_PARTS + 1):
            following: dict[int, tuple[float, list[str]]] = {}
            for j, (score, parts) in frontier.items():
                for i in range(j + 1, min(n, j + 30) + 1):
                    part = low[j:i]
                    if part == low or not self.part(part):
                        continue
                    s = score + self.zipf(part)
                    if i not in following or following[i][0] < s:
                        following[i] = (s, parts + [part])
            if n in following:
                total, parts = following.pop(n)
                score = total / count - PART_COST * (count - 1)
                if best is None or score > best[0]:
                    best = (score, parts)
            if not following:
                break
            frontier = following
        return self._plausible(best[1]) if best else None

    def _plausible(self, parts: list[str]) -> list[str] | None:
        if all(len(p) <= 3 for p in parts):
            return None  # "thereon", "lorsque": function words make compounds of their own
        if len(parts[-1]) <= 3 and len(parts[-2]) > 3:
            return None  # "fonctionnel|les": an ending, not a lost space
        if parts[0] in self.prefixes or parts[-1] in self.suffixes:
            return None  # "inter|divisional", "entrepreneur|ships": one word of the language
        return parts
