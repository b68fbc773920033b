"""Difficulty: a general level and score per article, and personal coverage for this learner.

`difficulty(tokens)` scores an analysed text; `article_added` is what the import calls (inside its
transaction) so every stored article has its level, score, features and coverage row.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp.tokens import Token
from ..store.db import Store
from . import assume, coverage
from .features import text_features
from .levels import level_of
from .model import MODEL_PATH, model

MODEL_SETTING = "scoring_model"


@dataclass(frozen=True)
class Difficulty:
    score: float
    level: str
    features: dict[str, float]


def difficulty(tokens: Sequence[Token] | Sequence[list]) -> Difficulty:
    """The general difficulty of an analysed text (tokens or stored token rows)."""
    features = text_features(tokens)
    score = model().score(features)
    return Difficulty(round(score, 3), level_of(score), features)


def model_id() -> str:
    return hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:12]


def store_difficulty(store: Store, article_id: int, tokens: Sequence[Token] | Sequence[list]) -> Difficulty:
    d = difficulty(tokens)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE articles SET level = ?, score = ?, features = ? WHERE id = ?",
            (d.level, d.score, json.dumps({k: round(v, 4) for k, v in d.features.items()}), article_id),
        )
    return d


def article_added(store: Store, article_id: int, tokens: Sequence[Token],
                  rows: Sequence[list] | None = None) -> None:
    """Level, score and features, assumed-known words for the learner's level, and the coverage row
    (`rows`: the tokens' rows when the caller has them already)."""
    with store.transaction():
        store_difficulty(store, article_id, rows or tokens)
        assume.assume_new(store, {t.lemma for t in tokens if t.counts_as_unknown})
        coverage.index_article(store, article_id, tokens)
        if store.get_setting(MODEL_SETTING) is None and store.scalar("SELECT count(*) FROM articles") == 1:
            store.set_setting(MODEL_SETTING, model_id())  # a new library: scored by this model from the start


def stored_rows(store: Store, article_id: int) -> list[list]:
    """The stored analysis as token rows (`Token.to_row()` form), without building Token objects."""
    blob = store.scalar("SELECT tokens FROM analyses WHERE article_id = ?", (article_id,))
    return json.loads(zlib.decompress(blob)) if blob else []


def rescore(store: Store, article_ids: Sequence[int]) -> None:
    """Recompute level, score and features of stored articles from their stored analysis."""
    with store.transaction():
        for article_id in article_ids:
            store_difficulty(store, article_id, stored_rows(store, article_id))


def ensure(store: Store) -> int:
    """Score and index articles that lack it (imported before scoring existed, or scored by another model).

    Returns how many articles were (re)scored.
    """
    from ..store.articles import load_tokens

    current = model_id()
    stale = store.get_setting(MODEL_SETTING) != current
    ids = [r[0] for r in store.query(
        "SELECT id FROM articles" + ("" if stale else " WHERE score IS NULL") + " ORDER BY id")]
    rescore(store, ids)
    missing = coverage.missing_articles(store)
    with store.transaction():
        for article_id in missing:
            coverage.index_article(store, article_id, load_tokens(store, article_id))
    if stale:
        store.set_setting(MODEL_SETTING, current)
    return len(ids)
