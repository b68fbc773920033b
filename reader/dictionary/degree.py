"""Comparatives and superlatives: the gloss of `stärker` is "stronger", not the positive's "strong".

HanTa lemmatises a graded adjective to its positive (`stärker`, `stärkste` → stark), and the dictionary has
the positive's senses; the shown gloss is put in the same degree as the German word (`besser` "better",
`höher` "higher", `wichtiger` "more important").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..spelling import umlaut_last

if TYPE_CHECKING:
    from ..nlp import Token

COMPARATIVE, SUPERLATIVE = "comparative", "superlative"
# German forms no ending rule reaches (the positive's lemma → its graded stems).
_IRREGULAR = {"gut": ("besser", "best"), "viel": ("mehr", "meist"), "hoch": ("höher", "höchst"),
              "nah": ("näher", "nächst"), "gern": ("lieber", "liebst")}
_ENGLISH = {"good": ("better", "best"), "well": ("better", "best"), "bad": ("worse", "worst"),
            "badly": ("worse", "worst"), "many": ("more", "most"), "much": ("more", "most"),
            "far": ("further", "furthest"), "little": ("less", "least"), "ill": ("worse", "worst"),
            "known": ("better-known", "best-known")}
# English words Ding gives for a graded German adjective that are no adjectives to grade (`höchste` top,
# `wichtigste` chief): shown as they are.
_UNGRADED = frozenset(("chief", "top", "main", "major", "prime", "principal", "upper", "lower", "total",
                       "whole", "entire", "only", "sole", "last", "first", "next", "former", "latter", "key"))
# Endings after a comparative's -er / a superlative's -st: none for an ADJD (`schneller`), an inflection for
# an ADJA (`schnellere`); an ADJA's bare -er is the positive's ending (`ein schneller Zug`).
_ADJA_ENDINGS = ("e", "en", "em", "er", "es")
_GRADED = frozenset(("more", "most", "less", "least", "better", "best", "worse", "worst"))
_AS_THEY_ARE = _GRADED | _UNGRADED
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def degree(t: Token, after: Token | None = None) -> str | None:
    """Whether the adjective `t` is a comparative or a superlative of its lemma (None for the positive); an
    `ADJD` right before a noun (`after`) is an attributive the tagger misread (`ein schneller Zug`)."""
    if t.pos != "ADJ" or t.tag not in ("ADJA", "ADJD") or t.tag == "ADJD" and after is not None and (
            after.tag == "NN"):
        return None
    low, lemma = t.text.lower(), t.lemma.lower()
    endings = ("",) if t.tag == "ADJD" else _ADJA_ENDINGS
    comparatives, superlatives = _stems(lemma)
    if any(low == stem + e for stem in comparatives for e in endings):
        return COMPARATIVE
    superlative_endings = _ADJA_ENDINGS if t.tag == "ADJA" else ("en",)  # `stärkste`, `am stärksten`
    if any(low == stem + e for stem in superlatives for e in superlative_endings):
        return SUPERLATIVE
    return None


def _stems(lemma: str) -> tuple[list[str], list[str]]:
    """The comparative and superlative stems a lemma may have (`stark` → stärker, starker; stärkst …)."""
    if lemma in _IRREGULAR:
        comparative, superlative = _IRREGULAR[lemma]
        return [comparative], [superlative]
    bases = list(dict.fromkeys((umlaut_last(lemma), lemma)))
    ends = ("est", "st", "t") if lemma.endswith(("t", "d", "s", "ß", "z", "sch", "x")) else ("st",)  # größt
    return [b + "er" for b in bases], [b + end for b in bases for end in ends]


def graded(english: str, grade: str) -> str:
    """One English adjective in the comparative or superlative: strong → stronger, large → largest, big →
    bigger, happy → happier, important → more important, good → better; a phrase or a graded word as it is."""
    word = english.strip()
    if not word.isalpha() or word.lower() in _AS_THEY_ARE or word.endswith(("er", "est")):
        return english  # a phrase, or graded already (`später` later: Ding's own sense)
    k = 0 if grade == COMPARATIVE else 1
    if word in _ENGLISH:
        return _ENGLISH[word][k]
    suffix = ("er", "est")[k]
    syllables = len(_VOWEL_GROUPS.findall(word.lower().removesuffix("e")))
    if word.endswith("ly") and word != "early":
        return ("more ", "most ")[k] + word  # slowly → more slowly
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou" and syllables <= 2:
        return word[:-1] + "i" + suffix  # happy → happier
    if syllables > 1:
        return ("more ", "most ")[k] + word
    if word.endswith("e"):
        return word + suffix[1:]  # large → larger
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        return word + word[-1] + suffix  # big → bigger
    return word + suffix
