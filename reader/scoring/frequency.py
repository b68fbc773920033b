"""Word frequency on the Zipf scale (wordfreq), cached, with compounds judged by their parts."""

from __future__ import annotations

from collections.abc import Sequence

from ..zipf import german_zipf

_lemma: dict[tuple[str, tuple[str, ...] | None], float] = {}


def zipf(word: str) -> float:
    """wordfreq's Zipf value of a German word (0 when unseen; `reader.zipf` keeps each word's tokens)."""
    return german_zipf(word)


def lemma_zipf(lemma: str, parts: Sequence[str] | None = None) -> float:
    """How common a lemma is: its own Zipf, or, for a compound, its rarest part when that is higher.

    *Verteidigungsressourcen* is unseen by wordfreq, yet a reader who knows *Verteidigung* and
    *Ressource* can work it out, so a compound is never rarer than its rarest part.
    """
    key = (lemma, tuple(parts) if parts else None)
    value = _lemma.get(key)
    if value is None:
        value = zipf(lemma)
        if parts:
            value = max(value, min(zipf(p) for p in parts))
        _lemma[key] = value
    return value
