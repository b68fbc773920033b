"""Reading progress per article: the saved position, when it was opened, when it was finished."""

from __future__ import annotations

from dataclasses import dataclass

from .db import Store, now


@dataclass(slots=True)
class Progress:
    position: int = 0
    opened_at: str | None = None
    finished_at: str | None = None


def get_progress(store: Store, article_id: int) -> Progress:
    rows = store.query("SELECT position, opened_at, finished_at FROM progress WHERE article_id = ?",
                       (article_id,))
    return Progress(rows[0][0], rows[0][1], rows[0][2]) if rows else Progress()


def all_progress(store: Store) -> dict[int, Progress]:
    """Progress of every article that has been opened."""
    return {r[0]: Progress(r[1], r[2], r[3])
            for r in store.query("SELECT article_id, position, opened_at, finished_at FROM progress")}


def save_position(store: Store, article_id: int, position: int) -> None:
    """Remember where the learner is (the number of the word, counting words and names from 0) and when
    the article was last opened."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO progress (article_id, position, opened_at) VALUES (?, ?, ?)"
            " ON CONFLICT(article_id) DO UPDATE SET position = excluded.position,"
            " opened_at = excluded.opened_at",
            (article_id, max(0, position), now()),
        )


def mark_finished(store: Store, article_id: int) -> bool:
    """Record the article as read (the first time only); True when this call recorded it."""
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO progress (article_id, position, opened_at) VALUES (?, 0, ?)",
                     (article_id, now()))
        return conn.execute(
            "UPDATE progress SET finished_at = ? WHERE article_id = ? AND finished_at IS NULL",
            (now(), article_id),
        ).rowcount > 0


def finished_count(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM progress WHERE finished_at IS NOT NULL") or 0
