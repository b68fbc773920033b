"""wordfreq's `zipf_frequency`, exactly, for many texts: each distinct word is tokenised once.

The import stores every English sense's Zipf (and every one-word sense's, for loanwords) with it; the
ranking asks for the German context words'. A text's tokens are its words' tokens; their frequencies are
combined and rounded as wordfreq does (`1/f = 1/f1 + 1/f2 …` in token order, three significant digits, then
the Zipf scale to two decimals); a digit sequence is looked up and weighted as wordfreq does it (`2024` as a
year), so wordfreq's own German dict is never loaded.

Importing the `wordfreq` package takes 0.14 s (ftfy, langcodes), a seventh of a command's start-up. It is
not needed for words of Latin letters and digits, alone or joined by hyphens, which are nearly all words of
German news: their tokens are their hyphen-separated parts, case-folded. Only other words go through
wordfreq's tokeniser, imported then.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .frequency_table import frequencies

_FLOOR = 1e-9  # wordfreq's `zipf_to_freq(0.0)`: what it gives a text without tokens or with an unknown one
# Latin letters (ŉ excepted: wordfreq reads it as 'n) and digits; a hyphen separates tokens
_LATIN = "A-Za-zÀ-ÖØ-öø-ňŊ-ɏḀ-ỿ0-9"
_PLAIN_WORD = re.compile(f"[{_LATIN}]+(?:-+[{_LATIN}]+)*-*")
_DIGIT = re.compile(r"\d")  # as wordfreq's `\d`: any decimal digit


def wordfreq_tokens(word: str, lang: str) -> list[str]:
    """wordfreq's tokens of a word: Latin letters and digits are one token, case-folded, and a hyphen
    separates tokens (NFC and word breaks change nothing else); anything else goes through wordfreq's
    tokenizer."""
    if word.isascii() and word.isalpha():
        return [word.casefold()]
    if _PLAIN_WORD.fullmatch(word):
        return [part.casefold() for part in word.split("-") if part]
    from wordfreq import lossy_tokenize

    return lossy_tokenize(word, lang)


def _zipf_of(freq: float) -> float:
    """wordfreq's `freq_to_zipf`: the Zipf scale is log10 of the frequency per billion words."""
    return math.log(freq, 10) + 9


@cache
def _digit_estimates() -> tuple[Callable[[str], str], Callable[[str], float]]:
    """wordfreq's `smash_numbers` and `digit_freq`, from its module `wordfreq.numbers` loaded by itself
    (it imports only `regex`), so that a word with digits does not import the whole `wordfreq` package."""
    try:
        loaded = sys.modules.get("wordfreq.numbers")
        if loaded is None:
            package = importlib.util.find_spec("wordfreq")
            path = Path(package.submodule_search_locations[0]) / "numbers.py"  # type: ignore[union-attr]
            spec = importlib.util.spec_from_file_location("_lesen_wordfreq_numbers", path)
            loaded = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
            spec.loader.exec_module(loaded)  # type: ignore[union-attr]
        return loaded.smash_numbers, loaded.digit_freq
    except (ImportError, OSError, AttributeError, TypeError):  # a wordfreq laid out otherwise
        from wordfreq.numbers import digit_freq, smash_numbers

        return smash_numbers, digit_freq


class Zipf:
    """`Zipf(lang)(text)` == `wordfreq.zipf_frequency(text, lang)` for a language wordfreq only normalises
    (NFC, case folding) and splits with its regex, such as English and German (`frequencies` refuses
    others)."""

    def __init__(self, lang: str) -> None:
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
        if _DIGIT.search(token) is None:
            freq = self._freqs.get(token)
            return 1.0 / freq if freq else math.inf
        smash_numbers, digit_freq = _digit_estimates()
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
        z = self._zipfs[inverse] = round(_zipf_of(freq), 2)
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
