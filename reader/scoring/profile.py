"""What `lesen score` reports on a text for this learner: level, coverage, bands, words to learn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..nlp.tokens import NAME, NUMBER, WORD, Token
from ..store.db import Store
from ..store.terms import statuses
from . import coverage
from .frequency import lemma_zipf
from .levels import KNOWN_ZIPF

RARER = "rarer"
NAMES = "names_numbers"


def band_of(z: float) -> str:
    """The first level whose typical learner knows a lemma this frequent (see `levels.KNOWN_ZIPF`)."""
    for level, floor in KNOWN_ZIPF.items():
        if z >= floor:
            return level
    return RARER


def bands(tokens: Sequence[Token]) -> dict[str, float]:
    """Share of running words per frequency band (A1 … C2, rarer, names and numbers)."""
    counts = dict.fromkeys([*KNOWN_ZIPF, RARER, NAMES], 0)
    for t in tokens:
        if t.kind == WORD:
            counts[band_of(lemma_zipf(t.lemma, t.parts))] += 1
        elif t.kind in (NAME, NUMBER):
            counts[NAMES] += 1
    total = sum(counts.values())
    return {k: round(v / total, 4) if total else 0.0 for k, v in counts.items()}


def to_reach(text: coverage.TextCounts, status_of: Mapping[str, int], target: float) -> list[str]:
    """The fewest lemmas to learn, most frequent in the text first, for coverage to reach `target`."""
    if not text.total:
        return []
    known = coverage.compute(text, status_of).known
    gains = []
    for lemma, n in text.counts.items():
        gain = n * (1.0 - coverage.credit(lemma, status_of, text.parts))
        if gain > 0:
            gains.append((-n, -lemma_zipf(lemma, text.parts.get(lemma)), lemma, gain))
    out: list[str] = []
    for _, _, lemma, gain in sorted(gains):
        if known / text.total >= target:
            break
        known += gain
        out.append(lemma)
    return out


def profile(store: Store, tokens: Sequence[Token]) -> dict[str, Any]:
    """The full report on one analysed text (the keys of `lesen score --json`)."""
    from . import difficulty

    d = difficulty(tokens)
    text = coverage.TextCounts.of(tokens)
    status_of = statuses(store, set(text.counts) | {p for ps in text.parts.values() for p in ps})
    cov = coverage.compute(text, status_of)
    return {
        "level": d.level,
        "score": d.score,
        "coverage": round(cov.ratio, 4),
        "verdict": cov.verdict,
        "known": cov.known,
        "running_words": cov.total,
        "new_words": cov.new_words,
        "sentence_length": round(d.features["sentence_length"], 2),
        "sentences": int(d.features["sentences"]),
        "bands": bands(tokens),
        "to_reach_95": to_reach(text, status_of, coverage.WITH_HELP),
        "to_reach_98": to_reach(text, status_of, coverage.COMFORTABLE),
    }
