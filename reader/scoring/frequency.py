"""Word frequency on the Zipf scale (wordfreq), cached, with compounds judged by their parts."""

from __future__ import annotations

from collections.abc import Sequence

from ..zipf import german_zipf

_lemma: dict[tuple[str, tuple[str, ...] | None], float] = {}


def zipf(word: str) -> float:
    """wordfreq's Zipf value of a German word (0 when unseen; `reader.zipf` keeps each word's tokens)."""
    return german_zipf(word)


STEM_ZIPF = 4.0  # below this a small-letter lemma may be a stem that is rarely written alone


def lemma_zipf(lemma: str, parts: Sequence[str] | None = None) -> float:
    """How common a lemma is: its own Zipf; its -e form's when that is higher for an uncommon small-letter
    lemma; for a compound, its rarest part's when that is higher.

    HanTa's lemmas of words used only inflected are stems that are rarely written alone (`letzt` 3.6,
    `ander` 3.2, `jed` 2.9), while their citation forms are among the commonest words (`letzte` 5.2,
    `andere` 5.9, `jede` 5.5). *Verteidigungsressourcen* is unseen by wordfreq, yet a reader who knows
    *Verteidigung* and *Ressource* can work it out, so a compound is never rarer than its rarest part.
    """
    key = (lemma, tuple(parts) if parts else None)
    value = _lemma.get(key)
    if value is None:
        value = zipf(lemma)
        if value < STEM_ZIPF and lemma.islower():
            value = max(value, zipf(lemma + "e"))
        if parts:
            value = max(value, min(zipf(p) for p in parts))
        _lemma[key] = value
    return value
