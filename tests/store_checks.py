"""Checks shared by the reliability tests: a library file is sound and no article is half there."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT))  # bench/ holds the corpus generator
from bench.reliability import make_corpus  # noqa: E402
from reader.store import Store
from reader.store.articles import content_hash, term_counts, unpack_tokens


def assert_sound(path: Path | str) -> int:
    """The database opens, passes `integrity_check` and every article is whole; returns the article count."""
    with Store(path) as store:
        assert store.integrity() == "ok"
        assert store.query("PRAGMA foreign_key_check") == []
        articles = store.query("SELECT id, body, content_hash FROM articles")
        for art_id, body, digest in articles:
            assert content_hash(body) == digest, f"article {art_id}: body does not match its hash"
            blob = store.scalar("SELECT tokens FROM analyses WHERE article_id = ?", (art_id,))
            assert blob is not None, f"article {art_id} has no analysis"
            tokens = unpack_tokens(blob)
            assert tokens, f"article {art_id} has an empty analysis"
            stored = {tuple(r) for r in store.query(
                "SELECT lemma, pos, count, first_sentence FROM article_terms WHERE article_id = ?", (art_id,)
            )}
            assert stored == set(term_counts(tokens)), f"article {art_id}: article_terms incomplete"
        orphans = store.scalar(
            "SELECT (SELECT count(*) FROM analyses WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM article_terms WHERE article_id NOT IN (SELECT id FROM articles))")
        assert orphans == 0
        return len(articles)


def article_count(path: Path | str) -> int:
    """Articles in a library, read without migrating or creating anything (0 when there is no file)."""
    if not Path(path).exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def make_articles(folder: Path, count: int, seed: int = 200) -> None:
    """`count` German articles recombined from the seeds' paragraphs, each with its own content hash."""
    make_corpus(folder, count, seed)
