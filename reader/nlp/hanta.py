"""HanTa, loaded once per process, with per-word-type caching of its expensive steps.

HanTa's sentence tagger spends nearly all its time in the morphological analysis of each word
(`_tag_word`) and in building lemmas (`_analyze`); both depend only on the word, so caching them by
word type keeps HanTa's context-aware tagging while running several times faster on real text.
"""

from __future__ import annotations

import functools
import threading

_lock = threading.Lock()
_tagger = None

CACHE_SIZE = 500_000


def tagger():
    """The process-wide HanTa tagger with cached word analysis."""
    global _tagger
    with _lock:
        if _tagger is None:
            from HanTa import HanoverTagger as ht

            t = ht.HanoverTagger("morphmodel_ger.pgz")
            t._tag_word = functools.lru_cache(maxsize=CACHE_SIZE)(t._tag_word)
            t._analyze = functools.lru_cache(maxsize=CACHE_SIZE)(t._analyze)
            _tagger = t
        return _tagger


def plain_tagger():
    """A fresh HanTa tagger without our caches (the baseline for benchmarks)."""
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger("morphmodel_ger.pgz")


def tag_sentence(words: list[str]) -> list[int]:
    """HanTa's Viterbi tag ids for one sentence."""
    return tagger().tag_sent_viterbi(words, True) if words else []


def tag_name(tag_id: int) -> str:
    return tagger().int2tag[tag_id]


def lemma(word: str, tag_id: int) -> str:
    return tagger()._analyze(word, tag_id, taglevel=1)[0]


def morphemes(word: str, tag_id: int) -> list[tuple[str, str]]:
    """HanTa's morpheme analysis, e.g. verteidigung/NN + s/FUGE + minister/NN."""
    return tagger()._analyze(word, tag_id, taglevel=3)[1]


def stem_of(morpheme: str, mtag: str) -> str:
    """A morpheme variant mapped to its dictionary stem (`plän`/NN_VAR → `plan`)."""
    t = tagger()
    tid = t.tag2int.get(mtag)
    if tid is not None and tid in t.stemdict:
        return t.stemdict[tid].get(morpheme, morpheme)
    return morpheme


def best_tag(word: str) -> str:
    """The most likely tag of a word on its own (no context)."""
    tags = tagger().tag_word(word)
    return tags[0][0] if tags else "XY"
