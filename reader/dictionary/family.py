"""A word's family: which English words translate the longer words built on it.

*Zug* has the senses pull, train, procession …; its compounds (*Güterzug* freight train, *Nachtzug* night
train, *Personenzug* passenger train) say which sense is the everyday one. At import, every one-word
headword of a line's main sub-entry adds the key words of its first senses to its longest known tail of the
same word class (`Güterzug` → zug, `dableiben` → bleiben); the ranking gives a sense a bonus for how often
its key word occurs there (`ranking.FAMILY`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from . import ahead, db

SCHEMA = "CREATE TABLE family (key TEXT NOT NULL, pos TEXT NOT NULL, words TEXT NOT NULL," \
         " PRIMARY KEY (key, pos)) WITHOUT ROWID;"
CLASSES = ("NOUN", "VERB", "ADJ")
SENSES = 4  # the first senses of a longer word that vote
TOP = 16  # words kept per family
MIN_HEAD, MIN_REST = 3, 2
_EMPTY: MappingProxyType = MappingProxyType({})
_PLACEHOLDERS = {"sth.", "sb.", "sth", "sb", "sb.'s", "one's", "oneself", "a", "an", "the", "…"}
_CLASS_OF = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ", "ADV": "ADJ"}


def key_word(text: str, pos: str) -> str:
    """The word of a sense that compounds repeat: a noun phrase's last word, a verb's first (`to stay on`);
    a cheap `ranking.family_word` for the import."""
    words = [w for w in text.split("(", 1)[0].lower().split() if w not in _PLACEHOLDERS]
    if words and words[0] == "to":
        words = words[1:]
    return (words[0] if pos == "VERB" else words[-1]) if words else ""


def table_rows(members: Iterable[tuple[str, str, list[str]]]) -> list[tuple[str, str, str]]:
    """(key, word class, key words of its first senses) for each headword → rows of the `family` table."""
    members = [m for m in members if m[0].isalpha()]
    keys: dict[str, set[str]] = {cls: set() for cls in CLASSES}
    for key, pos, _ in members:
        keys[pos].add(key)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for key, pos, words in members:
        known = keys[pos]
        for i in range(MIN_REST, len(key) - MIN_HEAD + 1):
            if key[i:] in known:
                c = counts[(key[i:], pos)]
                for w in dict.fromkeys(words):  # not a set: its order, and so ties, would vary by run
                    c[w] = c.get(w, 0) + 1
                break
    return [(key, pos, json.dumps(dict(Counter(c).most_common(TOP)), ensure_ascii=False))
            for (key, pos), c in counts.items()]


def create(conn: sqlite3.Connection, rows: list[tuple[str, str, str]],
           modifiers: list[tuple[str, str]] = ()) -> None:
    conn.execute(SCHEMA)
    conn.executemany("INSERT INTO family VALUES (?, ?, ?)", rows)
    conn.execute(MODIFIER_SCHEMA)
    conn.executemany("INSERT INTO modifiers VALUES (?, ?)", modifiers)


# A compound's modifier in English: how Ding translates the nouns that start with it. `Flotte` is "fleet" on
# its own (Ding's first sense: a dyeing bath), but *Flottenbasis* naval base, *Flottenparade* naval review:
# "naval" before a noun, so an unknown *Flottenbefehl* is a naval order, not a bath order.
MODIFIER_SCHEMA = "CREATE TABLE modifiers (key TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID;"
_LINKS = ("", "s", "es", "n", "en", "e")  # linking elements between modifier and head (not -er: `Oster…`)
MIN_VOTES, MARGIN = 3, 1.5  # a modifier word needs this many compounds, and this many times the runner-up's


def first_word(text: str) -> str:
    """The first word of a noun phrase of two or more words (`nuclear weapon` → nuclear; `European` keeps its
    capital), else ""; not of a phrase built with `of` (`head of state`), whose first word is the head."""
    words = [w for w in text.split("(", 1)[0].split() if w.lower() not in _PLACEHOLDERS]
    return words[0] if len(words) >= 2 and "of" not in words and words[0].isalpha() else ""


def modifier_rows(members: Iterable[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """(noun key, first words of its first senses) for each noun headword → rows of the `modifiers` table: for
    the longest known noun that starts a compound of known nouns (with a linking element between), how often
    each English word starts the compound's senses."""
    members = [m for m in members if m[0].isalpha()]
    known = {key for key, _ in members}
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for key, words in members:
        for i in range(len(key) - MIN_HEAD, MIN_HEAD - 1, -1):
            head = key[:i]
            if head in known and any(key[i:].startswith(link) and key[i + len(link):] in known
                                     for link in _LINKS if len(key) - i - len(link) >= MIN_HEAD):
                c = counts[head]
                for w in dict.fromkeys(w for w in words if w):
                    c[w] = c.get(w, 0) + 1
                break
    return [(key, json.dumps(dict(_caseless(c).most_common(TOP)), ensure_ascii=False))
            for key, c in counts.items()]


def _caseless(counts: dict[str, int]) -> Counter:
    """Votes of the same word in any case added up, under its most frequent spelling (`East`, `east`)."""
    spelling: dict[str, tuple[int, str]] = {}
    total: Counter = Counter()
    for w, n in counts.items():
        total[w.lower()] += n
        spelling[w.lower()] = max(spelling.get(w.lower(), (0, w)), (n, w))
    return Counter({spelling[low][1]: n for low, n in total.items()})


@lru_cache(maxsize=20_000)
def modifier_word(path: str, word: str, own: str) -> str | None:
    """The English word Ding's compounds starting with the noun `word` (its -n plural, `Nachrichten…`, or the
    noun whose plural or linked form it is, `Flotten…`) most often begin with (`Staat` → state, `Haupt` →
    main), when at least `MIN_VOTES` do, clearly more than any other word, and the word's own sense `own` is
    not about as frequent there (`Reform…` stays reform)."""
    conn = db.connection(Path(path))
    if conn is None:
        return None
    low = word.lower()
    cut = [low[: -len(link)] for link in ("n", "en", "s") if low.endswith(link)]  # `Flotten…` → flotte
    for key in dict.fromkeys((low, low + "n", low + "en", *cut)):
        row = conn.execute("SELECT words FROM modifiers WHERE key = ?", (key,)).fetchone()
        if row:
            (best, n), *rest = [*json.loads(row[0]).items(), ("", 0)]
            said = {w.lower(): k for w, k in rest}.get(own.lower(), 0)
            return best if n >= MIN_VOTES and n >= MARGIN * rest[0][1] and 2 * said < n else None
    return None


def word_class(pos: str | None) -> str | None:
    """The entry class whose family a token of this UPOS uses."""
    return _CLASS_OF.get(pos or "")


@lru_cache(maxsize=50_000)
def family(path: str, word: str, pos: str | None) -> MappingProxyType:
    """English key word → how often it translates the longer words built on `word` (empty when none)."""
    cls = word_class(pos)
    if cls is None:
        return _EMPTY
    if (loaded := ahead.take(("family", path, word.lower(), cls))) is not None:
        return loaded
    conn = db.connection(Path(path))
    if conn is None:
        return _EMPTY
    row = conn.execute("SELECT words FROM family WHERE key = ? AND pos = ?", (word.lower(), cls)).fetchone()
    return MappingProxyType(json.loads(row[0])) if row else _EMPTY


def family_rows(conn: sqlite3.Connection, path: str, keys: list[str]) -> dict[tuple, MappingProxyType]:
    """The families of `keys` (every class, empty ones too) in one query, keyed as `family` takes them from
    `ahead`."""
    out = {("family", path, k, cls): _EMPTY for k in keys for cls in CLASSES}
    sql = f"SELECT key, pos, words FROM family WHERE key IN ({','.join('?' * len(keys))})"
    for key, cls, words in conn.execute(sql, keys):
        out[("family", path, key, cls)] = MappingProxyType(json.loads(words))
    return out


db.on_reset(family.cache_clear)
db.on_reset(modifier_word.cache_clear)
