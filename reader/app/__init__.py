"""The Textual app: library, reader, statistics. `run_app` is what `lesen` without a command runs."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path | str, level: str | None = None) -> None:
    """Open the reader on the learner database at `db_path`."""
    from .app import LesenApp

    LesenApp(db_path, level=level).run()


__all__ = ["run_app"]
