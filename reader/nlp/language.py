"""Is this text German? A vote of its words by their frequency in German and five neighbouring languages.

Each word's Zipf value per language is wordfreq's own (`zipf_frequency`), computed by `Zipf`, which
tokenises each distinct word once and reads the frequency lists directly.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dictionary.zipf import Zipf

_WORD = re.compile(r"[^\W\d_]{2,}")
_OTHERS = ("en", "fr", "es", "it", "nl")
MIN_GERMAN_SHARE = 0.5
SAMPLE_WORDS = 2000


@cache
def _zipf(lang: str) -> Zipf:
    """wordfreq's Zipf for `lang`, its frequency list loaded once (the dictionary package on first use)."""
    from ..dictionary.zipf import Zipf

    return Zipf(lang)


@lru_cache(maxsize=100_000)
def _vote(word: str) -> bool:
    """True when `word` is at least as frequent in German as in any of the other languages (and seen)."""
    de = _zipf("de")(word)
    return de > 0 and all(de >= _zipf(lang)(word) for lang in _OTHERS)


def german_share(text: str) -> float:
    """The share of (up to 2,000) words that are more German than anything else; 0.0 for no words."""
    words = _WORD.findall(text)[:SAMPLE_WORDS]
    if not words:
        return 0.0
    return sum(_vote(w.lower()) for w in words) / len(words)


def is_german(text: str) -> bool:
    return german_share(text) >= MIN_GERMAN_SHARE
