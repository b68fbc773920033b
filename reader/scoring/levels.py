"""CEFR levels on the difficulty score scale.

The cut-offs live in `model.json`, placed by `scripts/fit_difficulty.py`: the median plain-language text
(TextComplexityDE's Leichte Sprache articles 24–25) sits on the A2|B1 boundary, the median standard text
(the news seeds and the Wikipedia articles 1–23) on the B2|C1 boundary, and the other boundaries continue
the same band width. So plain language lands at A2–B1 and typical news at B2–C1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")

# What a typical learner at a level knows: lemmas at least this frequent (Zipf). From the median Zipf of
# the Goethe-Institut word lists by level (A1 4.75, A2 4.45, B1 4.12), extended by the same steps.
KNOWN_ZIPF = {"A1": 5.0, "A2": 4.6, "B1": 4.2, "B2": 3.8, "C1": 3.3, "C2": 2.8}


def level_of(score: float, cutoffs: Sequence[float] | None = None) -> str:
    """The CEFR level of a score."""
    if cutoffs is None:
        from .model import model

        cutoffs = model().cutoffs
    return LEVELS[bisect_right(list(cutoffs), score)]


def normalise(level: str) -> str:
    """'b1' → 'B1'; raises ValueError for anything that is not a CEFR level."""
    up = level.strip().upper()
    if up not in LEVELS:
        raise ValueError(f"{level!r} is not a level (one of {', '.join(LEVELS)})")
    return up
