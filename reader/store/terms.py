"""Learner statuses for lemmas, with a history that makes every change undoable."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from .db import Store, now

NEW, KNOWN, IGNORED = 0, 5, 98
LEARNING = (1, 2, 3, 4)
STATUSES = (NEW, *LEARNING, KNOWN, IGNORED)
STATUS_NAMES = {NEW: "new", 1: "learning 1", 2: "learning 2", 3: "learning 3", 4: "learning 4",
                KNOWN: "known", IGNORED: "ignored"}
KNOWN_LIKE = (KNOWN, IGNORED)


def get_status(store: Store, lemma: str) -> int:
    return store.scalar("SELECT status FROM terms WHERE lemma = ?", (lemma,)) or NEW


def statuses(store: Store, lemmas: Iterable[str] | None = None) -> dict[str, int]:
    """Status of each given lemma that has one (all terms when `lemmas` is None)."""
    if lemmas is None:
        return {r[0]: r[1] for r in store.query("SELECT lemma, status FROM terms")}
    wanted = list(set(lemmas))
    out: dict[str, int] = {}
    for k in range(0, len(wanted), 900):
        chunk = wanted[k : k + 900]
        marks = ",".join("?" * len(chunk))
        out.update({r[0]: r[1] for r in store.query(
            f"SELECT lemma, status FROM terms WHERE lemma IN ({marks})", tuple(chunk))})
    return out


def history_stamp() -> str:
    """A history timestamp fine enough that two quick changes stay two undo steps."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def set_statuses(
    store: Store, lemmas: Iterable[str], status: int, *, source: str = "user", assumed: bool = False
) -> int:
    """Set the status of lemmas in one transaction, recording each real change; returns the count changed."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status}")
    stamp = now()
    batch = history_stamp()
    changed = 0
    before: dict[str, int] = {}
    with store.transaction() as conn:
        for lemma in dict.fromkeys(lemmas):
            row = conn.execute("SELECT status, assumed FROM terms WHERE lemma = ?", (lemma,)).fetchone()
            old = row[0] if row else None
            if row is not None and old == status and bool(row[1]) == assumed:
                continue
            conn.execute(
                "INSERT INTO terms (lemma, status, assumed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(lemma) DO UPDATE SET status = excluded.status, assumed = excluded.assumed,"
                " updated_at = excluded.updated_at",
                (lemma, status, int(assumed), stamp, stamp),
            )
            conn.execute(
                "INSERT INTO status_history (lemma, old_status, new_status, at, source)"
                " VALUES (?, ?, ?, ?, ?)",
                (lemma, old, status, batch, source),
            )
            changed += 1
            before[lemma] = NEW if old is None else old
        _coverage_changed(store, before)
    return changed


def set_status(store: Store, lemma: str, status: int, *, source: str = "user") -> bool:
    return set_statuses(store, [lemma], status, source=source) > 0


def undo_last(store: Store, *, source: str = "user") -> list[tuple[str, int]]:
    """Undo the most recent change (one batch shares a timestamp); returns the (lemma, status) restored."""
    with store.transaction() as conn:
        last = conn.execute(
            "SELECT at FROM status_history WHERE source = ? ORDER BY id DESC LIMIT 1", (source,)
        ).fetchone()
        if not last:
            return []
        rows = conn.execute(
            "SELECT id, lemma, old_status FROM status_history WHERE source = ? AND at = ? ORDER BY id DESC",
            (source, last[0]),
        ).fetchall()
        restored = []
        stamp = now()
        before: dict[str, int] = {}
        for hid, lemma, old in rows:
            before.setdefault(lemma, get_status(store, lemma))
            if old is None:
                conn.execute("DELETE FROM terms WHERE lemma = ? AND gloss IS NULL", (lemma,))
                conn.execute("UPDATE terms SET status = 0, updated_at = ? WHERE lemma = ?", (stamp, lemma))
            else:
                conn.execute("UPDATE terms SET status = ?, updated_at = ? WHERE lemma = ?",
                             (old, stamp, lemma))
            conn.execute("DELETE FROM status_history WHERE id = ?", (hid,))
            restored.append((lemma, NEW if old is None else old))
        _coverage_changed(store, before)
    return restored


def _coverage_changed(store: Store, before: dict[str, int]) -> None:
    """Keep every article's personal coverage current, inside the caller's transaction."""
    from ..scoring.coverage import status_changed

    status_changed(store, before)


def set_gloss(store: Store, lemma: str, gloss: str | None) -> None:
    """The learner's own gloss for a lemma (None removes it). Kept apart from the dictionary."""
    stamp = now()
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO terms (lemma, status, gloss, created_at, updated_at) VALUES (?, 0, ?, ?, ?)"
            " ON CONFLICT(lemma) DO UPDATE SET gloss = excluded.gloss, updated_at = excluded.updated_at",
            (lemma, gloss or None, stamp, stamp),
        )


def get_gloss(store: Store, lemma: str) -> str | None:
    return store.scalar("SELECT gloss FROM terms WHERE lemma = ?", (lemma,))
