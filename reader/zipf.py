"""wordfreq's `zipf_frequency`, exactly, for many texts: each distinct word is tokenised once.

The import stores every English sense's Zipf (and every one-word sense's, for loanwords) with it; the
ranking asks for the German context words'. A text's tokens are its words' tokens; their frequencies are
combined and rounded as wordfreq does (`1/f = 1/f1 + 1/f2 …` in token order, three significant digits, then
the Zipf scale to two decimals); a digit sequence is looked up and weighted as wordfreq does it (`2024` as a
year), so wordfreq's own German dict is never loaded.
"""

from __future__ import annotations

import math
import re
from functools import cache

from wordfreq import freq_to_zipf, lossy_tokenize, zipf_to_freq
from wordfreq.language_info import get_language_info
from wordfreq.numbers import digit_freq, smash_numbers

from .frequency_table import frequencies

_FLOOR = zipf_to_freq(0.0)  # what wordfreq gives a text without tokens or with an unknown one (Zipf 0)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
_PLAIN = {"tokenizer": "regex", "normal_form": "NFC", "remove_marks": False, "dotless_i": False,
          "diacritics_under": None, "transliteration": None, "lookup_transliteration": None}


def wordfreq_tokens(word: str, lang: str) -> list[str]:
    """wordfreq's tokens of a word: a word of Latin letters is its one token, case-folded (NFC and word
    breaks change nothing); anything else goes through wordfreq's tokenizer."""
    if (word.isascii() and word.isalpha()) or _LATIN_WORD.fullmatch(word):
        return [word.casefold()]
    return lossy_tokenize(word, lang)


class Zipf:
    """`Zipf(lang)(text)` == `wordfreq.zipf_frequency(text, lang)` for a language wordfreq only normalises
    (NFC, case folding) and splits with its regex, such as English and German."""

    def __init__(self, lang: str) -> None:
        info = get_language_info(lang)
        if any(info[k] != v for k, v in _PLAIN.items()):
            raise ValueError(f"wordfreq treats {lang!r} specially")
        self.lang = lang
        self._freqs = frequencies(lang)
        self._words: dict[str, tuple[float, ...]] = {}  # word → 1/f of its tokens
        self._zipfs: dict[float, float] = {}  # sum of 1/f → Zipf (one-token texts share a few hundred sums)

    def listed(self, token: str) -> bool:
        """Whether wordfreq's list has this token."""
        return token in self._freqs

    def _tokens(self, word: str) -> tuple[float, ...]:
        tokens = wordfreq_tokens(word, self.lang)
        if word.isalpha():  # letters have no digits
            # an unknown token makes the sum infinite: the text gets the floor
            part = tuple([1.0 / f if (f := self._freqs.get(t)) else math.inf for t in tokens])
        else:
            part = tuple([self._inverse(t) for t in tokens])
        self._words[word] = part
        return part

    def _inverse(self, token: str) -> float:
        """1/f of a token that may hold digits, as wordfreq computes it: the digits are looked up as 0s,
        then weighted by wordfreq's estimate of that digit sequence (`2024` a year, `17` by Benford)."""
        smashed = smash_numbers(token)
        freq = self._freqs.get(smashed)
        if not freq:
            return math.inf
        return 1.0 / (freq * digit_freq(token) if smashed != token else freq)

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
            for inv in part:
                inverse += inv
        z = self._zipfs.get(inverse)
        return self._zipf(inverse) if z is None else z


@cache
def for_language(lang: str) -> Zipf:
    """The process's one `Zipf` for a language."""
    return Zipf(lang)


def german_zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "de")`, from the process's one `Zipf("de")`."""
    return for_language("de")(word)
