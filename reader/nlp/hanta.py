"""HanTa, loaded once per process, with per-word-type caching of its expensive steps.

HanTa's sentence tagger spends nearly all its time in the morphological analysis of each word type
(`analyze_forward`: which tags a word can have) and in building lemmas (`analyze_viterbi`: its
morphemes for a tag). Both depend only on the word, so they are cached by word type: in memory, and
on disk between runs (the user's cache directory, `LESEN_CACHE_DIR` to override), so that later
imports only analyse word types they have not seen; frequent German words come ready-made from the
shipped table (`word_table`). The analysis of the rest (`morph_search`) and tagging in context
(`viterbi`) give HanTa's own results, faster.
"""

from __future__ import annotations

import functools
import pickle
import threading
from pathlib import Path

from ..cache import cache_folder
from ..zipf import german_zipf
from .compound_guess import CompoundGuesser
from .loading import models_loading
from .morph_search import MorphSearch
from .word_table import NoTable, WordTable, hanta_version, open_table

_lock = threading.Lock()
_tagger = None

CACHE_SIZE = 500_000
GUESS_COMPOUNDS = True  # unseen compounds from their known parts (`compound_guess`)
CACHE_FORMAT = 1
MAX_PERSISTED = 400_000


class WordCache:
    """HanTa's per-word analyses, persisted with pickle (a file of our own, in our cache directory)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.forward: dict[str, list] = {}
        self.viterbi: dict[tuple[str, int], list] = {}
        self.saved_size = 0
        if path and path.exists():
            try:
                with open(path, "rb") as fh:
                    data = pickle.load(fh)
                if data.get("format") == CACHE_FORMAT:
                    self.forward, self.viterbi = data["forward"], data["viterbi"]
            except Exception:  # a damaged cache is only a slower start
                self.forward, self.viterbi = {}, {}
        self.saved_size = self.size

    @property
    def size(self) -> int:
        return len(self.forward) + len(self.viterbi)

    def wrap(self, t, table: WordTable | None = None, guess_compounds: bool = True) -> None:
        """Route HanTa's per-word steps through this cache, then the shipped table, then unseen noun
        compounds built from their known parts (`compound_guess`), then HanTa itself."""
        search = MorphSearch(t)
        forward, viterbi = search.forward, search.viterbi
        fcache, vcache = self.forward, self.viterbi
        splits: dict[str, tuple | None] = {}
        table = table or NoTable()

        def known(word):
            if word in t.cache:
                return t.cache[word]
            hit = table.forward(word)
            return hit if hit is not None else fcache.get(word)

        def common(word, zipf):
            return word in t.cache or german_zipf(word) >= zipf

        guesser = CompoundGuesser(known, common, t.tag2int, t.int2tag) if guess_compounds else None

        def split(word):
            if word not in splits:
                splits[word] = guesser.split(word) if guesser is not None else None
            return splits[word]

        def analyze_forward(word):
            hit = fcache.get(word)
            if hit is None:
                hit = table.forward(word)
                if hit is None:
                    parts = split(word)
                    hit = guesser.scores(parts) or None if parts else None
                if hit is None:  # plain floats: numpy's make the persisted cache slow to load
                    hit = fcache[word] = [(tag, float(lp)) for tag, lp in forward(word)]
            return hit

        def analyze_viterbi(word, targetpos):
            key = (word, targetpos)
            hit = vcache.get(key)
            if hit is None:
                paths = table.paths(word)
                hit = paths.get(targetpos) if paths else None
                if hit is None:
                    parts = split(word)
                    if parts and any(tag == -targetpos for tag, _ in guesser.scores(parts)):
                        path, head, _ = parts
                        shift = len(word) - len(head)
                        hit = path + [(tag, end + shift) for tag, end in analyze_viterbi(head, targetpos)]
                if hit is None:
                    hit = vcache[key] = viterbi(word, targetpos)
            return hit

        t.analyze_forward = analyze_forward
        t.analyze_viterbi = analyze_viterbi

    def save(self) -> bool:
        """Write the cache when it grew (atomically; never fatal)."""
        if not self.path or self.size == self.saved_size or self.size > MAX_PERSISTED:
            return False
        from ..safeio import write_atomic

        try:
            data = {"format": CACHE_FORMAT, "forward": self.forward, "viterbi": self.viterbi}
            write_atomic(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return False
        self.saved_size = self.size
        return True


def _makelemma(t):
    """HanTa's `makelemma` (stem + the lemma suffix its longest matching ending asks for) without
    measuring the longest ending of the word class's suffix table at every call."""
    longest = {tag: max(map(len, table)) for tag, table in t.lemmasuffixtable.items() if table}
    capitalized, tag2int = t.capitalizedlemmata, t.tag2int

    def makelemma(stem_morphemes: list[str], pos: str) -> str:
        lemma = "".join(stem_morphemes)
        suffix = ""
        main = pos.split("(")[0]
        if main in longest:
            endings = t.lemmasuffixtable[main]
            marked = "#" + lemma
            for i in range(min(longest[main], len(lemma)) + 1, 0, -1):
                if marked[-i:] in endings:
                    suffix = endings[marked[-i:]]
                    break
        if tag2int.get(pos, 0) in capitalized:
            lemma = lemma[0].upper() + lemma[1:]
        return lemma + suffix

    return makelemma


def cache_path() -> Path | None:
    """Where the word cache lives; keyed by the HanTa version so a new model never reads old analyses."""
    folder = cache_folder()
    return folder / f"hanta-{hanta_version()}-words-v{CACHE_FORMAT}.pickle" if folder else None


def tagger():
    """The process-wide HanTa tagger with cached word analysis."""
    global _tagger
    if _tagger is not None:
        return _tagger
    with _lock:
        if _tagger is None:
            # millions of objects that live as long as the process: kept out of the collector's scans
            with models_loading():
                from HanTa import HanoverTagger as ht

                t = ht.HanoverTagger("morphmodel_ger.pgz")
                path = cache_path()
                t.word_cache = WordCache(path)
                t.word_cache.wrap(t, open_table(path.parent) if path else None, GUESS_COMPOUNDS)
                t.makelemma = _makelemma(t)
                t._tag_word = functools.lru_cache(maxsize=CACHE_SIZE)(t._tag_word)
                t._analyze = functools.lru_cache(maxsize=CACHE_SIZE)(t._analyze)
                _tagger = t
        return _tagger


def save_cache() -> bool:
    """Persist the word cache (call after an import)."""
    return _tagger.word_cache.save() if _tagger is not None else False


def reset() -> None:
    """Drop the process-wide tagger (benchmarks use this for cold runs)."""
    global _tagger
    with _lock:
        _tagger = None


def plain_tagger():
    """A fresh HanTa tagger without our caches (the baseline for benchmarks)."""
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger("morphmodel_ger.pgz")


def tag_sentence(words: list[str]) -> list[int]:
    """HanTa's most likely tag ids for one sentence (decoded by `viterbi`, same result, faster)."""
    from .viterbi import tag_sentence as decode

    return decode(words)


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


def best_tag_id(word: str, exclude: tuple[str, ...] = ()) -> int | None:
    """The most likely tag id of a word on its own, skipping the excluded tags."""
    t = tagger()
    for tid, _ in t._tag_word(word, 5, True):
        if t.int2tag.get(tid, "") not in exclude and tid > 0:
            return tid
    return None
