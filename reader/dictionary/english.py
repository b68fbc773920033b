"""English frequencies for the import: wordfreq's `zipf_frequency(text, "en")` of every sense and of every
one-word sense, worked out once per distinct English word (lookups read them from the dictionary file).

`EnglishZipf` gives exactly what `zipf_frequency` gives: a text's tokens are its words' tokens, and their
frequencies are combined and rounded as wordfreq does (`1/f = 1/f1 + 1/f2 …` in token order, three
significant digits, then the Zipf scale to two decimals). Texts with digit sequences go to wordfreq itself.
"""

from __future__ import annotations

import math

from wordfreq import freq_to_zipf, get_frequency_dict, lossy_tokenize, zipf_frequency, zipf_to_freq
from wordfreq.numbers import smash_numbers

from .ranking import core_of

LANG = "en"
_FLOOR = zipf_to_freq(0.0)  # what wordfreq gives a text without tokens or with an unknown one (Zipf 0)


class EnglishZipf:
    """`zipf(text)` == `wordfreq.zipf_frequency(text, "en")`, each distinct word tokenised once."""

    def __init__(self) -> None:
        self._freqs = get_frequency_dict(LANG)
        self._words: dict[str, tuple[float, ...] | None] = {}  # word → 1/f of its tokens; None: digits
        self._zipfs: dict[float, float] = {}  # sum of 1/f → Zipf (one-token texts share a few hundred sums)

    def sense(self, text: str) -> float:
        """The Zipf frequency of a sense's `core` words (what the ranking scores)."""
        return self(core_of(text))

    def _tokens(self, word: str) -> tuple[float, ...] | None:
        if word.isascii() and word.isalpha():  # wordfreq's one token, lower-cased (nothing else changes it)
            tokens = [word.lower()]
        else:
            tokens = lossy_tokenize(word, LANG)
            if any(smash_numbers(t) != t for t in tokens):
                self._words[word] = None
                return None
        # an unknown token makes the sum infinite: the text gets the floor
        part = self._words[word] = tuple([1.0 / f if (f := self._freqs.get(t)) else math.inf for t in tokens])
        return part

    def _zipf(self, inverse: float) -> float:
        if inverse in (0.0, math.inf):
            freq = _FLOOR
        else:
            unrounded = max(1.0 / inverse, _FLOOR)
            freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
        z = self._zipfs[inverse] = round(freq_to_zipf(freq), 2)
        return z

    def __call__(self, text: str) -> float:
        words = self._words
        inverse = 0.0
        for word in text.split():
            part = words[word] if word in words else self._tokens(word)
            if part is None:
                return zipf_frequency(text, LANG)
            for inv in part:
                inverse += inv
        z = self._zipfs.get(inverse)
        return self._zipf(inverse) if z is None else z
