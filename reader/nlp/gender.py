"""Noun gender when the dictionary does not list the noun: the compound head's gender, then suffix rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

# Suffixes whose gender is (nearly) regular in German, tried longest first (`-eur` before `-ur`: *der
# Parfümeur*, *die Natur*; `-ismus` before `-um`; `-ment` before `-ent`).
_SUFFIX_GENDER = sorted((
    ("ung", "f"), ("heit", "f"), ("keit", "f"), ("schaft", "f"), ("tion", "f"), ("sion", "f"),
    ("tät", "f"), ("ik", "f"), ("ie", "f"), ("enz", "f"), ("anz", "f"), ("ur", "f"), ("ei", "f"),
    ("in", "f"), ("chen", "n"), ("lein", "n"), ("ment", "n"), ("tum", "n"), ("um", "n"), ("nis", "n"),
    ("ismus", "m"), ("ist", "m"), ("ling", "m"), ("eur", "m"), ("ant", "m"), ("ent", "m"), ("or", "m"),
    ("er", "m"),
), key=lambda s: -len(s[0]))


def guess_gender(
    lemma: str, parts: Sequence[str] | None = None, gender_of: Callable[[str], str | None] | None = None
) -> str | None:
    """The gender of a compound's head (when a lexicon knows it), else a suffix rule, else None."""
    if parts and gender_of:
        g = gender_of(parts[-1])
        if g:
            return g
    return suffix_gender(lemma.lower())


@lru_cache(maxsize=100_000)
def suffix_gender(word: str) -> str | None:
    """The gender a lower-case noun's suffix gives, else None."""
    for suffix, g in _SUFFIX_GENDER:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return g
    return None
