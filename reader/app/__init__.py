"""The Textual app: library, reader, statistics. `run_app` is what `lesen` without a command runs."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def run_app(db_path: Path | str, level: str | None = None) -> None:
    """Open the reader on the learner database at `db_path` (a bad database: one line, exit status 1)."""
    from ..store.db import StoreError
    from .app import LesenApp

    try:
        app = LesenApp(db_path, level=level)
    except (StoreError, sqlite3.DatabaseError, OSError) as exc:
        print(f"lesen: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    app.run()


__all__ = ["run_app"]
