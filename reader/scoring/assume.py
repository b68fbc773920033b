"""Assumed-known words: for a learner without history, frequent lemmas up to their level count as known.

They are stored as known with `terms.assumed = 1` and history source "assumed", so they never mix with
words the learner marked: marking an assumed word makes it the learner's own, and changing the level
only adds or removes assumed words.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..store.db import Store
from ..store.terms import KNOWN, NEW, set_statuses
from .frequency import lemma_zipf
from .levels import KNOWN_ZIPF, normalise

SETTING = "assumed_level"
SOURCE = "assumed"


def current_level(store: Store) -> str | None:
    return store.get_setting(SETTING)


def needs_level(store: Store) -> bool:
    """True for a learner with no level and no marked words yet: ask once for an approximate level."""
    if current_level(store):
        return False
    return store.scalar("SELECT 1 FROM status_history WHERE source != ? LIMIT 1", (SOURCE,)) is None


def _free(store: Store, lemmas: Iterable[str]) -> set[str]:
    """Lemmas the learner has not marked: no term, an assumed term, or a status-less term (e.g. a gloss)."""
    wanted = list(set(lemmas))
    taken: set[str] = set()
    for k in range(0, len(wanted), 900):
        chunk = wanted[k : k + 900]
        taken.update(r[0] for r in store.query(
            f"SELECT t.lemma FROM terms t WHERE t.lemma IN ({','.join('?' * len(chunk))}) AND t.assumed = 0"
            " AND (t.status != ? OR EXISTS (SELECT 1 FROM status_history h WHERE h.lemma = t.lemma"
            " AND h.source != ?))", (*chunk, NEW, SOURCE)))
    return set(wanted) - taken


def known_at(level: str, lemma: str) -> bool:
    return lemma_zipf(lemma) >= KNOWN_ZIPF[level]


def apply_level(store: Store, level: str) -> int:
    """Assume the library's frequent lemmas up to `level` known; returns how many words are assumed now.

    Also remembered for articles imported later. Words the learner marked are never touched; words
    assumed for a higher level that this level does not reach are no longer assumed.
    """
    level = normalise(level)
    with store.transaction():
        store.set_setting(SETTING, level)
        lemmas = {r[0] for r in store.query("SELECT DISTINCT lemma FROM article_terms")}
        lemmas |= {r[0] for r in store.query("SELECT DISTINCT part FROM compound_parts")}
        assumed = {r[0] for r in store.query("SELECT lemma FROM terms WHERE assumed = 1")}
        free = _free(store, lemmas | assumed)
        target = {lemma for lemma in free if known_at(level, lemma)}
        set_statuses(store, sorted(target - assumed), KNOWN, source=SOURCE, assumed=True)
        set_statuses(store, sorted((assumed & free) - target), NEW, source=SOURCE)
    return assumed_count(store)


def assumed_count(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM terms WHERE assumed = 1") or 0


def assume_new(store: Store, lemmas: Iterable[str]) -> int:
    """At import: assume the new article's frequent lemmas known when the learner chose a level."""
    level = current_level(store)
    if not level:
        return 0
    frequent = [lemma for lemma in set(lemmas) if known_at(level, lemma)]
    if not frequent:
        return 0
    fresh = _free(store, frequent) - {r[0] for r in store.query("SELECT lemma FROM terms WHERE assumed = 1")}
    return set_statuses(store, sorted(fresh), KNOWN, source=SOURCE, assumed=True)
