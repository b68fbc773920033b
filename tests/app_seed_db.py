"""A learner database with the five seeds imported, built once per test session and copied per test."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@lru_cache(maxsize=1)
def prepared_db() -> Path:
    """Import the seeds once (the NLP runs here, never in the app) and keep the file for the session."""
    from reader import library
    from reader.store import Store

    folder = Path(tempfile.mkdtemp(prefix="lesen-app-tests-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "seeded.db"
    with Store(path) as store:
        results = list(library.import_refs(store, [str(SEEDS)]))
        assert sum(r.ok for r in results) == 5, [r.message for r in results]
        store.set_setting("level_asked", "test")  # no first-run question unless a test wants it
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def seeded_copy(target_dir: Path) -> Path:
    """A private copy of the seeded database for one test."""
    target = target_dir / "lesen.db"
    shutil.copyfile(prepared_db(), target)
    return target
