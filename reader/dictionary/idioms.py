"""Verb phrases: a Ding headword of words around a verb that the sentence holds (*zur Verfügung stellen*,
*einen Termin absagen*, *mit dem Bus fahren*, *Stellen streichen*).

At import, every German synonym that is a phrase ending in a verb's infinitive and holding at least one noun
becomes a row: the verb, the other words it needs in order and as written (a noun is capitalised: *Waren
bezahlen* is not *bezahlt waren*), articles and possessives left out, since they inflect, and
`jdm.`/`etw.`/`sich` placeholders, which the sentence fills with other words, and the sub-entry with its
English. Phrases around `sein`, `haben`, `werden` and the modals are left out: they are mostly the
plain sum of their words (*Fieber haben*), and these verbs would match almost every sentence.

In a sentence, a phrase is there when a token has the phrase's verb as its lemma (a separated verb's joined
lemma included) and the other words stand side by side in the phrase's order, with only articles,
possessives and attributive adjectives between them (*zur vollen Verfügung stellen*). The longest phrase
wins. All its words are in one clause: no comma or sentence mark between them. Every token it covers shows
it: the verb, the noun and the preposition (*zur*).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from . import db, lookup
from .ding import SubEntry

if TYPE_CHECKING:
    from ..nlp import Token

SCHEMA = """
CREATE TABLE idioms (
    verb TEXT NOT NULL,      -- the phrase's verb, infinitive (`stellen`)
    words TEXT NOT NULL,     -- the other words it needs, in order, as written (`zur Verfügung`)
    headword TEXT NOT NULL,  -- as Ding writes it (`jdm. etw. zur Verfügung stellen`)
    line INTEGER NOT NULL,
    sid INTEGER NOT NULL     -- → subs (its English)
);
CREATE INDEX idioms_verb ON idioms (verb);
"""
_PLACEHOLDER = re.compile(r"^(?:etw|jdn|jdm|jds|jd|sich)\b")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>")
OPTIONAL = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "sein",
    "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
))
PLAIN_VERBS = frozenset(("sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen",
                         "lassen"))
# Tags of the words a phrase's fixed words may have between them in the sentence.
_SKIPPED = frozenset(("ART", "PPOSAT", "ADJA", "PIAT", "PDAT"))
_CLAUSE_MARKS = frozenset(("$,", "$."))
_NOUNS = frozenset(("NN", "NE"))
SENSES = 3  # of a phrase's English, shown
COMMON = 4.5  # English Zipf from which senses count as equally common (Ding's order decides among them)


def phrase(text: str) -> tuple[str, str] | None:
    """(verb, the other words it needs) of a Ding synonym that is a verb phrase with a noun, else None."""
    if "/" in text or "…" in text:
        return None
    words = [w for w in _BRACKETS.sub(" ", text).split() if not _PLACEHOLDER.match(w)]
    if len(words) < 2:
        return None
    *rest, verb = words
    if not (verb.isalpha() and verb.islower() and verb.endswith("n")) or verb in PLAIN_VERBS:
        return None
    if not any(w[:1].isupper() for w in rest) or not all(w.isalpha() for w in rest):
        return None
    needed = [w for w in rest if w.lower() not in OPTIONAL]
    return (verb, " ".join(needed)) if needed else None


def rows(line: int, subs: Iterable[tuple[SubEntry, int]]) -> list[tuple[str, str, str, int, int]]:
    """The `idioms` rows of one Ding line: (sub-entry, its sid) pairs in, one row per verb phrase."""
    out = []
    for sub, sid in subs:
        if sub.is_sentence or not sub.english:
            continue
        for w in sub.german:
            found = phrase(w.text)
            if found:
                out.append((*found, w.text, line, sid))
    return out


def create(conn: sqlite3.Connection, table: list[tuple[str, str, str, int, int]]) -> None:
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO idioms VALUES (?, ?, ?, ?, ?)", table)


@dataclass(frozen=True)
class Idiom:
    headword: str  # as Ding writes it
    senses: tuple[str, ...]
    tokens: frozenset[int]  # the token indices it covers


class _Match(NamedTuple):
    size: int  # how many words besides the verb
    line: int
    headword: str
    sid: int
    tokens: frozenset[int]


@lru_cache(maxsize=20_000)
def _of_verb(path: str, verb: str) -> tuple[tuple[tuple[str, ...], str, int, int], ...]:
    """(needed words, headword, line, sid) of every phrase around `verb`, in Ding order."""
    rows = lookup._conn(path).execute(
        "SELECT words, headword, line, sid FROM idioms WHERE verb = ? ORDER BY line, sid", (verb,))
    return tuple((tuple(w.split()), h, line, sid) for w, h, line, sid in rows)


def _english(path: str, sid: int) -> list[tuple[str, float]]:
    """A phrase's English senses with their Zipf (read only for a phrase the sentence holds)."""
    row = lookup._conn(path).execute("SELECT senses FROM subs WHERE sid = ?", (sid,)).fetchone()
    return [(text, zipf) for text, _, zipf in json.loads(row[0])] if row else []


def find(path: str, tokens: Sequence[Token], sentence: range, index: int) -> Idiom | None:
    """The longest verb phrase of the sentence that covers `tokens[index]`: Ding's first line with it names
    it, and the English of every line with the same phrase is pooled, rare English last (`eine Rolle
    spielen`: to be involved, to make a difference before to be part of the equation)."""
    words = [tokens[k].text for k in sentence]
    if words and words[0][:1].isupper() and tokens[sentence[0]].tag not in _NOUNS:
        words[0] = words[0].lower()  # `Zur Verfügung steht …`: a capital that only starts the sentence
    present = set(words)
    skippable = [tokens[k].tag in _SKIPPED for k in sentence]
    found: list[_Match] = []
    for k in sentence:
        t = tokens[k]
        if not t.tag.startswith("V"):
            continue
        for needed, headword, line, sid in _of_verb(path, t.lemma.lower()):
            if not present.issuperset(needed):
                continue
            at = _side_by_side(words, skippable, needed)
            covered = frozenset((k, *(sentence[0] + i for i in at))) if at is not None else frozenset()
            if index in covered and _one_clause(tokens, covered):
                found.append(_Match(len(needed), line, headword, sid, covered))
    if not found:
        return None
    best = max(found, key=lambda m: (m.size, -m.line))
    same = sorted((m for m in found if m.size == best.size and m.tokens == best.tokens), key=lambda m: m.line)
    pooled = sorted((s for m in same for s in _english(path, m.sid)), key=lambda s: -min(s[1], COMMON))
    return Idiom(best.headword, tuple(dict.fromkeys(text for text, _ in pooled))[:SENSES], best.tokens)


def _one_clause(tokens: Sequence[Token], covered: frozenset[int]) -> bool:
    """No comma or sentence mark between the phrase's words (`Er machte deutlich, jeder Versuch …` holds no
    `einen Versuch machen`)."""
    return not any(tokens[k].tag in _CLAUSE_MARKS for k in range(min(covered), max(covered)))


def _side_by_side(words: list[str], skippable: list[bool], needed: tuple[str, ...]) -> list[int] | None:
    """The positions of `needed` in `words`, in order, with only skippable words between them."""
    for start, word in enumerate(words):
        if word != needed[0]:
            continue
        at, i = [start], start + 1
        for want in needed[1:]:
            while i < len(words) and words[i] != want and skippable[i]:
                i += 1
            if i == len(words) or words[i] != want:
                break
            at.append(i)
            i += 1
        else:
            return at
    return None


db.on_reset(_of_verb.cache_clear)
