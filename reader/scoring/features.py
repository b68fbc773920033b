"""Difficulty features of a text, computed from its analysis (`reader.nlp` tokens, as stored).

Every feature is computed per sentence; a text's features are the word-weighted means over its
sentences, so a linear model gives a text the word-weighted mean of its sentences' scores.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from ..nlp.tokens import NAME, NUMBER, PUNCT, WORD, Token
from .frequency import lemma_zipf, zipf

RARE, VERY_RARE = 4.0, 3.0  # Zipf below which a lemma counts as rare / very rare
LONG_WORD = 7  # characters (as in LIX)
SUBORDINATORS = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "PWAT"}
FINITE = {"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"}
PARTICIPLES = {"VVPP", "VAPP", "VMPP"}
INFINITIVES = {"VVINF", "VAINF", "VMINF", "VVIZU"}
PREPOSITIONS = {"APPR", "APPRART", "APPO", "APZR"}
CONTENT = {"NOUN", "VERB", "ADJ", "ADV"}
NOMINAL_SUFFIXES = ("ung", "heit", "keit", "ion", "ität", "ismus", "schaft", "tum", "nis")
BRACKETS = set("()[]{};:–—\"„“”‚‘'«»/")
_VOWELS = re.compile(r"[aeiouyäöü]+")

FEATURES = (
    "log_chars", "log_words", "words", "word_length", "long_words", "syllables", "polysyllables",
    "rare", "very_rare", "rare_count", "several_rare", "mean_zipf", "min_zipf", "low_zipf",
    "surface_rare", "surface_zipf", "unseen", "commas", "other_punct", "subordinators", "finite_verbs",
    "participles", "infinitives", "nouns", "adjectives", "prepositions", "content", "names", "numbers",
    "compounds", "nominal", "max_word_length",
)
INDEX = {name: k for k, name in enumerate(FEATURES)}


def syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word.lower())))


def split_sentences(tokens: Iterable[Token]) -> list[list[Token]]:
    """Tokens grouped by sentence, in order."""
    out: list[list[Token]] = []
    current = None
    for t in tokens:
        if t.sentence != current:
            out.append([])
            current = t.sentence
        out[-1].append(t)
    return out


def sentence_features(tokens: Sequence[Token]) -> tuple[list[float], int]:
    """(feature vector in `FEATURES` order, running words) of one sentence."""
    words = [t for t in tokens if t.kind == WORD]
    running = sum(1 for t in tokens if t.kind in (WORD, NAME, NUMBER))
    n = max(1, len(words))
    chars = (tokens[-1].end - tokens[0].start) if tokens else 0
    lengths = [len(t.text) for t in words]
    sylls = [syllables(t.text) for t in words]
    zipfs = [lemma_zipf(t.lemma, t.parts) for t in words]
    surface = [zipf(t.text) for t in words]
    tags = [t.tag for t in tokens]
    rare = sum(z < RARE for z in zipfs)
    f = [
        math.log1p(chars),
        math.log1p(running),
        float(running),
        sum(lengths) / n,
        sum(x >= LONG_WORD for x in lengths) / n,
        sum(sylls) / n,
        sum(s >= 3 for s in sylls) / n,
        rare / n,
        sum(z < VERY_RARE for z in zipfs) / n,
        math.log1p(rare),
        float(rare >= 2),
        sum(zipfs) / n if zipfs else 7.0,
        min(zipfs, default=7.0),
        sorted(zipfs)[1] if len(zipfs) > 1 else min(zipfs, default=7.0),
        sum(z < VERY_RARE for z in surface) / n,
        sum(surface) / n if surface else 7.0,
        sum(z == 0 for z in zipfs) / n,
        float(sum(t.text == "," for t in tokens)),
        float(sum(t.kind == PUNCT and t.text in BRACKETS for t in tokens)),
        float(sum(tag in SUBORDINATORS for tag in tags)),
        float(sum(tag in FINITE for tag in tags)),
        float(sum(tag in PARTICIPLES for tag in tags)),
        float(sum(tag in INFINITIVES for tag in tags)),
        sum(t.pos == "NOUN" for t in words) / n,
        sum(t.tag == "ADJA" for t in words) / n,
        sum(tag in PREPOSITIONS for tag in tags) / n,
        sum(t.pos in CONTENT for t in words) / n,
        sum(t.kind == NAME for t in tokens) / max(1, running),
        sum(t.kind == NUMBER for t in tokens) / max(1, running),
        sum(bool(t.parts) for t in words) / n,
        sum(t.pos == "NOUN" and t.lemma.endswith(NOMINAL_SUFFIXES) for t in words) / n,
        float(max(lengths, default=0)),
    ]
    return f, running


def text_features(tokens: Sequence[Token]) -> dict[str, float]:
    """Word-weighted means over the sentences of a text, plus its sentence and word counts."""
    total = [0.0] * len(FEATURES)
    weight = 0
    sentences = 0
    for sentence in split_sentences(tokens):
        f, running = sentence_features(sentence)
        if not running:
            continue
        sentences += 1
        weight += running
        for k, value in enumerate(f):
            total[k] += value * running
    out = {name: (total[k] / weight if weight else 0.0) for k, name in enumerate(FEATURES)}
    out["sentences"] = float(sentences)
    out["running_words"] = float(weight)
    out["sentence_length"] = weight / sentences if sentences else 0.0
    return out
