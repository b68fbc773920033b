"""Is this text German? A vote of its words by their frequency in German, English and French."""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W\d_]{2,}")
_OTHERS = ("en", "fr", "es", "it", "nl")
MIN_GERMAN_SHARE = 0.5
SAMPLE_WORDS = 2000


@lru_cache(maxsize=100_000)
def _vote(word: str) -> bool:
    de = zipf_frequency(word, "de")
    return de > 0 and all(de >= zipf_frequency(word, lang) for lang in _OTHERS)


def german_share(text: str) -> float:
    """The share of (up to 2,000) words that are more German than anything else; 0.0 for no words."""
    words = _WORD.findall(text)[:SAMPLE_WORDS]
    if not words:
        return 0.0
    return sum(_vote(w.lower()) for w in words) / len(words)


def is_german(text: str) -> bool:
    return german_share(text) >= MIN_GERMAN_SHARE
