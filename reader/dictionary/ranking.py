"""Sense ranking: the English sense a translator would most likely use in this sentence.

Signals, all principled and cheap: the entry's part of speech against the token's, the headword's case
(a noun is capitalised), the line's main sub-entry before its phrase sub-entries, general senses before
domain-specific, regional or register-marked ones, the German words of the entry's line that also occur
in the sentence (`atomare Abschreckung` when the sentence says *atomar*), a line that lists the form the
text has (`Spannungen {pl}` under *tension*, not under *stress*), the English sense's own
frequency (translators use common words: *deterrence* before *determent*; stored at import, see
`zipf.py`), and Ding's own order: among the word's own lines (it is their first headword) only, since Ding
sorts lines by their first headword (`auf Arbeit sein; arbeiten` comes before `arbeiten {vi}`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..zipf import german_zipf
from . import db
from .ding import Sense

REGISTER = {"ugs.", "coll.", "slang", "vulg.", "pej.", "humor.", "poet.", "geh.", "formal", "rare", "selten",
            "veraltet", "veraltend", "obs.", "archaic", "dated", "altertümlich", "alt", "iron.", "euphem.",
            "Jägersprache", "Sprw.", "prov.", "tm", "former name", "stud.", "school"}
FIGURATIVE = {"übtr.", "fig."}
REGIONAL = {"Ös.", "Schw.", "Süddt.", "Norddt.", "Bayr.", "Mitteldt.", "Westdt.", "Ostdt.", "Mittelwestdt.",
            "BW", "Südtirol", "Lux.", "Austr.", "NZ", "Sc.", "Ir.", "Can.", "Ind.", "SAfr.", "eAm."}
NEUTRAL = {"Br.", "Am.", "Dt."}
COMPATIBLE = {("ADJ", "ADV"), ("ADV", "ADJ"), ("AUX", "VERB"), ("PROPN", "NOUN"), ("NOUN", "PROPN"),
              ("VERB", "ADJ"), ("ADJ", "VERB")}
ZIPF_WEIGHT, ZIPF_CAP = 0.7, 6.0  # tuned on the tune topics of bench/data/auf_deutsch_pairs.tsv
MULTI = 0.0  # per extra word of a sense
FAMILY = 0.4  # per log count of the sense among the word's compounds and prefixed verbs
COMMENT = 0.2
COGNATE = 1.5  # translators use the English cognate when there is one (`Option` → option)
COMMON_ZIPF = 5.5  # `der`, `sein`, `haben` … say nothing about which sense is meant
LINE_RANK, VOTE, LONG, SENSE_INDEX, CONTEXT = 0.2, 0.3, 0.6, 0.3, 1.2
FORM_MATCH = 1.5  # tuned on the tune topics (0.5 … 4: 1.5 is the smallest that reaches the best)
EXTRA_LABEL = 0.1  # per label beyond a sense's strongest one
OTHER_LINE = 1  # the line rank of a line where the word is a later synonym (Ding sorts by the first)
# English particles that are also (rare, colloquial) verbs: `to up` is as rare as a verb as `up` is common
# as a particle, so its Zipf says nothing about how often translators use it.
_PARTICLE_VERBS = frozenset(("up", "down", "out", "off", "in", "on", "over", "back", "through", "about"))
PARTICLE_VERB_ZIPF = 3.0
_NOISE = re.compile(r"\([^)]*\)|(?<!\S)/[^/\s][^/]*/(?!\S)|(?<!\S)/\S*|\S*/(?!\S)|"
                    r"\b(?:sth|sb|one[’']s|oneself|sb[’']s)\b\.?(?:[’']s\b)?(?:/(?:sth|sb|sb[’']s)\b\.?)*|^\s*…|…\s*$")
_MANY_SPACES = re.compile(r"\s+")
# A preposition with its object after a first object: `sb. with sth.`, `sth. of/about sth.`, `sb. to do sth.`.
_PREPOSITIONS = r"(?:with|as|to|of|about|for|from|on|into|against|by|at|in)"
_SECOND_OBJECT = re.compile(
    rf"\b((?:sth|sb)\.)\s+(?:{_PREPOSITIONS}(?:/{_PREPOSITIONS})*|to do)\s+(?:sth|sb)\b\.?")


@dataclass
class Candidate:
    """One dictionary entry found for a word, with how it was found."""

    word: str
    pos: str | None
    senses: list[Sense]
    main: bool  # from the line's first sub-entry
    syn: int
    labels: list[str]
    comment: str | None
    line_words: frozenset[str]
    order: int  # Ding line number (earlier lines are the more basic senses for a headword)
    zipfs: list[float]  # each sense's English frequency (Zipf of its `core`), computed at import


@dataclass
class Ranked:
    sense: Sense
    score: float
    candidate: Candidate


@lru_cache(maxsize=200_000)
def short(text: str) -> str:
    """A sense as a short gloss: no comments, abbreviations or `sth.` (`to keep away`), nor a preposition
    left without its object (`to discuss sth. with sb.` → to discuss; `to depend on sth.` keeps its `on`);
    an ellipsis only between words (`as … as possible`)."""
    if "sth" in text or "sb" in text:
        text = _SECOND_OBJECT.sub(r"\1", text)
    return _plain(text)


def _plain(text: str) -> str:
    """The sense without comments, abbreviations and `sth.`."""
    if not ("(" in text or "/" in text or "…" in text or "sth" in text or "sb" in text or "one" in text
            or "  " in text) and text.isprintable():
        return text.strip(" ,;")  # the patterns change nothing: every `_NOISE` match holds one of these
    return _MANY_SPACES.sub(" ", _NOISE.sub(" ", text)).strip(" ,;")


def core_of(text: str) -> str:
    """The words of a sense that carry its meaning: `_plain` without a leading `to ` (the prepositions of a
    second object kept: the import stores each sense's frequency by it)."""
    text = _plain(text)
    return text[3:] if text.startswith("to ") else text


core = lru_cache(maxsize=200_000)(core_of)  # cached for lookups; the import calls `core_of` once a sense


_COGNATE_SPELLING = str.maketrans("kz", "cc")  # German k and z where English writes c: Konflikt, Zentrum


def cognate(word: str, english: str) -> bool:
    """`Option`/option, `Region`/region, `Artikel`/article, `Konsequenz`/consequence: a one-word sense
    sharing the word's start."""
    w, e = word.lower().translate(_COGNATE_SPELLING), english.lower().translate(_COGNATE_SPELLING)
    if " " in e or len(w) < 4:
        return False
    return w == e or (len(w) >= 5 and len(e) >= 5 and w[:5] == e[:5])


@lru_cache(maxsize=100_000)
def _common_german(word: str) -> bool:
    return german_zipf(word) > COMMON_ZIPF


def informative(context: frozenset[str]) -> frozenset[str]:
    """Context words that say something about the topic: not function words or the most common words."""
    return frozenset(w for w in context if len(w) > 2 and not _common_german(w))


def pos_score(entry_pos: str | None, pos: str | None) -> float:
    if not pos or not entry_pos:
        return 1.0
    if entry_pos == pos:
        return 3.0
    return 1.8 if (entry_pos, pos) in COMPATIBLE else 0.0


def label_penalty(labels: list[str]) -> float:
    """The strongest label's penalty, a little more for each further one: a sense marked for several
    domains (`German [geogr.] [ling.] [soc.]`) is general rather than three times specialised."""
    ps = [0.9 if label in REGISTER else 0.7 if label in REGIONAL else 0.3 if label in FIGURATIVE else 0.5
          for label in labels if label not in NEUTRAL]
    return min(max(ps) + EXTRA_LABEL * (len(ps) - 1), 2.0) if ps else 0.0


def candidate_score(c: Candidate, word: str, pos: str | None, context: frozenset[str]) -> float:
    s = pos_score(c.pos, pos)
    if word[:1].isupper() == c.word[:1].isupper():
        s += 1.0
    s += 1.0 if c.main else 0.0
    s -= 0.3 * min(c.syn, 3)
    s -= label_penalty(c.labels)
    if c.comment:  # a usage restriction (`abhalten (Lehrstunde; Vorlesung)`): weaker unless the sentence fits
        said = {w.lower() for w in re.findall(r"\w+", c.comment) if len(w) > 2}
        s -= COMMENT if not (said & context) else 0.0
    if context:
        s += CONTEXT * min(3, len(context & c.line_words))
    return s


def family_word(text: str, pos: str | None) -> str:
    """The word of a sense (`core` text) that compounds repeat: a noun phrase's last word, a verb's first
    (`stay on`)."""
    words = text.lower().split()
    return (words[0] if pos in ("VERB", "AUX") else words[-1]) if words else ""


def rank(candidates: list[Candidate], word: str, pos: str | None,
         context: frozenset[str] = frozenset(), family: Mapping[str, int] | None = None,
         form_lines: frozenset[int] = frozenset()) -> list[Ranked]:
    """All senses of all candidates, best first, each text once. `family`: how often each sense word
    translates the longer words built on this one (`Güterzug` freight train, `Nachtzug` night train)."""
    ctx = informative(context) - {word.lower()}
    best: dict[str, Ranked] = {}
    lines = sorted({c.order for c in candidates if c.main and c.syn == 0})  # the word's own lines
    votes: dict[str, int] = {}
    for c in candidates:
        for sense in c.senses:
            key = core(sense.text).lower()
            votes[key] = votes.get(key, 0) + 1
    for c in candidates:
        own = lines.index(c.order) if c.main and c.syn == 0 else OTHER_LINE
        base = candidate_score(c, word, pos, ctx) - LINE_RANK * min(4, own)
        if c.order in form_lines:  # the line lists the form the text has (`Spannungen {pl}`: tensions)
            base += FORM_MATCH
        places: dict[str, int] = {}  # a spelling variant is no later sense: `co-operation; cooperation`
        for k, sense in enumerate(c.senses):
            text = core(sense.text)
            if not text:
                continue
            place = places.setdefault(text.lower().replace("-", "").replace(" ", ""), k)
            score = base - SENSE_INDEX * min(place, 6) - label_penalty(sense.labels)
            particle = pos in ("VERB", "AUX") and text in _PARTICLE_VERBS
            score += ZIPF_WEIGHT * min(PARTICLE_VERB_ZIPF if particle else c.zipfs[k], ZIPF_CAP)
            score += VOTE * min(3, votes.get(text.lower(), 1) - 1)
            if cognate(word, text):
                score += COGNATE
            if family:
                score += FAMILY * math.log1p(family.get(family_word(text, pos), 0))
            n_words = len(text.split()) - text.count("…")  # a slot is no word
            score -= MULTI * min(3, n_words - 1)
            if n_words > 3:
                score -= LONG
            key = sense.text.lower()
            if key not in best or best[key].score < score:
                best[key] = Ranked(sense, score, c)
    return sorted(best.values(), key=lambda r: -r.score)


def _clear() -> None:  # with the lookup caches, so that measured lookups do the string work again
    short.cache_clear()
    core.cache_clear()


db.on_reset(_clear)
