"""Rows loaded in bulk before many lookups (exports): what a lookup would query, keyed by (table, path, key…).

`lookup.load_ahead` fills it; a lookup takes its row from here once (then its own cache keeps it) instead of
querying. A dictionary re-import empties it.
"""

from __future__ import annotations

from typing import Any

from . import db

rows: dict[tuple, Any] = {}


def take(key: tuple) -> Any | None:
    """The row loaded ahead for `key` (removed from here), None when it was not loaded."""
    return rows.pop(key, None)


db.on_reset(rows.clear)
