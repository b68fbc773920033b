"""The schema, versioned with `PRAGMA user_version`; `Store.migrate` runs the pending migrations in one
locked transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


V1 = [
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT,
        url TEXT,
        published TEXT,
        origin TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        words INTEGER NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        tokens BLOB NOT NULL
    )""",
    """CREATE TABLE article_terms (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        pos TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_sentence INTEGER NOT NULL,
        PRIMARY KEY (article_id, lemma)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_terms_lemma ON article_terms(lemma)",
    """CREATE TABLE terms (
        lemma TEXT PRIMARY KEY,
        status INTEGER NOT NULL DEFAULT 0,
        gloss TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        lemma TEXT NOT NULL,
        old_status INTEGER,
        new_status INTEGER NOT NULL,
        at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'user'
    )""",
    "CREATE INDEX status_history_lemma ON status_history(lemma)",
    """CREATE TABLE progress (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        opened_at TEXT,
        finished_at TEXT
    )""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
]


def _v2(conn: sqlite3.Connection) -> None:
    """Assumed-known words (from a level guess) are kept apart from words the learner marked."""
    conn.execute("ALTER TABLE terms ADD COLUMN assumed INTEGER NOT NULL DEFAULT 0")


def _v1(conn: sqlite3.Connection) -> None:
    """The first schema (statements one by one: `executescript` would commit mid-transaction)."""
    for stmt in V1:
        conn.execute(stmt)


def _v3(conn: sqlite3.Connection) -> None:
    """Difficulty per article, a personal-coverage cache, and what Anki export needs per term."""
    for stmt in (
        "ALTER TABLE articles ADD COLUMN level TEXT",
        "ALTER TABLE articles ADD COLUMN score REAL",
        "ALTER TABLE articles ADD COLUMN features TEXT",
        """CREATE TABLE article_coverage (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            known INTEGER NOT NULL,
            total INTEGER NOT NULL,
            new_words INTEGER NOT NULL
        )""",
        "ALTER TABLE terms ADD COLUMN guid TEXT",
        "ALTER TABLE terms ADD COLUMN exported_at TEXT",
        "ALTER TABLE terms ADD COLUMN changed_at TEXT",
    ):
        conn.execute(stmt)


def _v4(conn: sqlite3.Connection) -> None:
    """A hash of what a word's Anki note last showed, so its timestamp moves only when the content does."""
    conn.execute("ALTER TABLE terms ADD COLUMN export_hash TEXT")


def _v5(conn: sqlite3.Connection) -> None:
    """Compound parts per lemma, so a status change reaches the compounds built from that word."""
    conn.execute(
        "CREATE TABLE compound_parts (lemma TEXT NOT NULL, part TEXT NOT NULL, PRIMARY KEY (lemma, part))"
        " WITHOUT ROWID"
    )
    conn.execute("CREATE INDEX compound_parts_part ON compound_parts(part)")


# Append only: a released migration is never edited.
MIGRATIONS: list[Migration] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)
