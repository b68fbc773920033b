"""Articles and their stored analysis."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..nlp.tokens import WORD, Token
from .db import Store, now

# Raised whenever the analysis reads words differently (lemmas, tags, compound parts, joined verbs), so that
# `lesen reanalyze` brings the articles stored before up to date. 2: December 2026 (gehört, vor kurzem …).
ANALYSIS_VERSION = 2


@dataclass(slots=True)
class ArticleRow:
    id: int
    title: str
    source: str | None
    url: str | None
    published: str | None
    words: int
    imported_at: str
    origin: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> ArticleRow:
        return cls(**{k: row[k] for k in cls.__slots__})  # type: ignore[attr-defined]


def content_hash(body: str) -> str:
    """A hash of the article text with whitespace folded, so re-imports are recognised."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def pack_rows(rows: list[tuple]) -> bytes:
    """Token rows (`Token.to_row()`) as compressed JSON; zlib's fastest level (a third of level 6's time,
    16 % larger)."""
    return zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 1)


def unpack_tokens(blob: bytes) -> list[Token]:
    return [Token.from_row(r) for r in json.loads(zlib.decompress(blob))]


def term_counts(tokens: list[Token]) -> list[tuple[str, str, int, int]]:
    """(lemma, pos, count, first sentence) for every word lemma that can be unknown."""
    counts: Counter[str] = Counter()
    pos: dict[str, str] = {}
    first: dict[str, int] = {}
    for t in tokens:
        if t.kind != WORD:
            continue
        counts[t.lemma] += 1
        pos.setdefault(t.lemma, "VERB" if t.verb else t.pos)
        first.setdefault(t.lemma, t.sentence)
    return [(lemma, pos[lemma], n, first[lemma]) for lemma, n in counts.items()]


def running_words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def find_by_hash(store: Store, digest: str) -> int | None:
    return store.scalar("SELECT id FROM articles WHERE content_hash = ?", (digest,))


def find_by_url(store: Store, url: str) -> int | None:
    """The first article imported from `url`, if any."""
    return store.scalar("SELECT min(id) FROM articles WHERE url = ?", (url,))


def add_article(
    store: Store,
    *,
    title: str,
    body: str,
    tokens: list[Token],
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    origin: str | None = None,
) -> int:
    """Store an article with its analysis and term counts in one transaction; returns its id."""
    from ..scoring import article_added  # imported before the write lock is taken, not while holding it

    rows = [t.to_row() for t in tokens]  # stored, and scored
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO articles (title, source, url, published, origin, content_hash, body, words,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (title, source, url, published, origin, content_hash(body), body, running_words(tokens), now()),
        )
        article_id = cur.lastrowid
        _store_analysis(conn, article_id, tokens, rows)
        article_added(store, article_id, tokens, rows)  # level, score, coverage row: in the same transaction
    return article_id


def replace_analysis(store: Store, article_id: int, tokens: list[Token]) -> bool:
    """Store a new analysis of an article in place of its old one, in one transaction: its tokens, word
    count, term counts, level and coverage row. The learner's statuses, keyed by lemma, stay as they are.
    False when the article is gone (deleted meanwhile)."""
    from ..scoring import article_added

    rows = [t.to_row() for t in tokens]
    with store.transaction() as conn:
        sql = "UPDATE articles SET words = ? WHERE id = ?"
        if not conn.execute(sql, (running_words(tokens), article_id)).rowcount:
            return False
        conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))
        _store_analysis(conn, article_id, tokens, rows)
        article_added(store, article_id, tokens, rows)
    return True


def _store_analysis(conn: sqlite3.Connection, article_id: int, tokens: list[Token], rows: list) -> None:
    """An article's analysis and term counts (inside its transaction)."""
    conn.execute("INSERT INTO analyses (article_id, version, tokens) VALUES (?, ?, ?)",
                 (article_id, ANALYSIS_VERSION, pack_rows(rows)))
    conn.executemany(
        "INSERT INTO article_terms (article_id, lemma, pos, count, first_sentence) VALUES (?, ?, ?, ?, ?)",
        [(article_id, *row) for row in term_counts(tokens)],
    )


def stale_articles(store: Store) -> list[int]:
    """The articles whose stored analysis an older analysis wrote (`ANALYSIS_VERSION`)."""
    sql = "SELECT article_id FROM analyses WHERE version < ? ORDER BY article_id"
    return [r[0] for r in store.query(sql, (ANALYSIS_VERSION,))]


def get_article(store: Store, article_id: int) -> ArticleRow | None:
    rows = store.query("SELECT * FROM articles WHERE id = ?", (article_id,))
    return ArticleRow.from_row(rows[0]) if rows else None


def get_body(store: Store, article_id: int) -> str:
    return store.scalar("SELECT body FROM articles WHERE id = ?", (article_id,)) or ""


def load_tokens(store: Store, article_id: int) -> list[Token]:
    """The stored analysis of an article (no NLP runs)."""
    blob = store.scalar("SELECT tokens FROM analyses WHERE article_id = ?", (article_id,))
    return unpack_tokens(blob) if blob else []


def list_articles(store: Store) -> list[ArticleRow]:
    return [ArticleRow.from_row(r) for r in store.query("SELECT * FROM articles ORDER BY id")]


def find_articles(store: Store, ref: str) -> list[ArticleRow]:
    """Articles by id or by (part of) their title, case-insensitive."""
    if ref.isdigit():
        row = get_article(store, int(ref))
        return [row] if row else []
    rows = store.query(
        "SELECT * FROM articles WHERE title LIKE ? ESCAPE '\\' ORDER BY id",
        ("%" + ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
    )
    return [ArticleRow.from_row(r) for r in rows]


def delete_article(store: Store, article_id: int) -> bool:
    """Remove an article and its analysis; the statuses of its words stay."""
    with store.transaction() as conn:
        return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


def count_articles(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM articles") or 0
