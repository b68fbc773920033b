"""Difficulty features of a text, computed from its analysis (`reader.nlp` tokens, as stored).

Every feature is computed per sentence; a text's features are the word-weighted means over its
sentences, so a linear model gives a text the word-weighted mean of its sentences' scores.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..nlp.tokens import NAME, NUMBER, PUNCT, ROW_FIELDS, WORD, Token
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


# Positions in a token row (`Token.to_row()`, the stored form): features read rows, not Token objects,
# so scoring stored articles needs no Token construction.
TEXT, START, END, SENTENCE, KIND, LEMMA, POS, TAG, PARTS = (
    ROW_FIELDS.index(k) for k in ("text", "start", "end", "sentence", "kind", "lemma", "pos", "tag", "parts"))
Row = Sequence[Any]

# Per word (surface, lemma): length, syllables, lemma Zipf, surface Zipf, noun nominalisation, compound.
_words: dict[tuple[str, str, str], tuple[int, int, float, float, bool, bool]] = {}


def _word(row: Row) -> tuple[int, int, float, float, bool, bool]:
    key = (row[TEXT], row[LEMMA], row[POS])
    info = _words.get(key)
    if info is None:
        text, lemma, parts = row[TEXT], row[LEMMA], row[PARTS]
        info = _words[key] = (len(text), syllables(text), lemma_zipf(lemma, parts), zipf(text),
                              row[POS] == "NOUN" and lemma.endswith(NOMINAL_SUFFIXES), bool(parts))
    return info


def split_sentences(tokens: Iterable[Any]) -> list[list[Any]]:
    """Tokens (or token rows) grouped by sentence, in order."""
    out: list[list[Any]] = []
    current = None
    tokens = list(tokens)
    rows = bool(tokens) and isinstance(tokens[0], (list, tuple))
    for t in tokens:
        sentence = t[SENTENCE] if rows else t.sentence
        if sentence != current:
            out.append([])
            current = sentence
        out[-1].append(t)
    return out


def sentence_features(rows: Sequence[Row]) -> tuple[list[float], int]:
    """(feature vector in `FEATURES` order, running words) of one sentence's token rows."""
    n = running = names = numbers = commas = other = 0
    length = long = syll = poly = rare = very_rare = unseen = surface_rare = max_len = 0
    zipf_sum = surface_sum = 0.0
    low1 = low2 = math.inf
    sub = fin = part = inf = nouns = adja = prep = content = compounds = nominal = 0
    words = _words
    for row in rows:
        kind, tag = row[KIND], row[TAG]
        if tag in SUBORDINATORS:
            sub += 1
        elif tag in FINITE:
            fin += 1
        elif tag in PARTICIPLES:
            part += 1
        elif tag in INFINITIVES:
            inf += 1
        elif tag in PREPOSITIONS:
            prep += 1
        if kind == WORD:
            n += 1
            running += 1
            info = words.get((row[TEXT], row[LEMMA], row[POS]))
            chars, sy, z, sz, nom, comp = info if info is not None else _word(row)
            length += chars
            if chars >= LONG_WORD:
                long += 1
                if chars > max_len:
                    max_len = chars
            elif chars > max_len:
                max_len = chars
            syll += sy
            poly += sy >= 3
            rare += z < RARE
            very_rare += z < VERY_RARE
            unseen += z == 0
            zipf_sum += z
            if z < low1:
                low1, low2 = z, low1
            elif z < low2:
                low2 = z
            surface_rare += sz < VERY_RARE
            surface_sum += sz
            pos = row[POS]
            nouns += pos == "NOUN"
            adja += tag == "ADJA"
            content += pos in CONTENT
            compounds += comp
            nominal += nom
        elif kind == NAME:
            running += 1
            names += 1
        elif kind == NUMBER:
            running += 1
            numbers += 1
        elif kind == PUNCT:
            if row[TEXT] == ",":
                commas += 1
            elif row[TEXT] in BRACKETS:
                other += 1
    chars_total = (rows[-1][END] - rows[0][START]) if rows else 0
    w = max(1, n)
    r = max(1, running)
    low1 = low1 if n else 7.0
    f = [
        math.log1p(chars_total), math.log1p(running), float(running), length / w, long / w, syll / w,
        poly / w, rare / w, very_rare / w, math.log1p(rare), float(rare >= 2), zipf_sum / w if n else 7.0,
        low1, low2 if n > 1 else low1, surface_rare / w, surface_sum / w if n else 7.0, unseen / w,
        float(commas), float(other), float(sub), float(fin), float(part), float(inf), nouns / w, adja / w,
        prep / w, content / w, names / r, numbers / r, compounds / w, nominal / w, float(max_len),
    ]
    return f, running


def text_features(tokens: Sequence[Token] | Sequence[Row]) -> dict[str, float]:
    """Word-weighted means over the sentences of a text (tokens or token rows), plus its counts."""
    rows = tokens if tokens and isinstance(tokens[0], (list, tuple)) else [t.to_row() for t in tokens]  # type: ignore[union-attr]
    total = [0.0] * len(FEATURES)
    weight = 0
    sentences = 0
    for sentence in split_sentences(rows):
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
