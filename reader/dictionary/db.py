"""Where the dictionary file lives, and one read-only connection to it per thread."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir

APP_ID = 0x4C445447  # "LDTG": a lesen dictionary file
FORMAT_VERSION = 25  # bump whenever the tables change: older files are re-imported
SYSTEM_COPY = Path("/usr/share/trans/de-en")
FILE_NAME = "dictionary.db"

_local = threading.local()
_generation = 0  # bumped by reset(): connections and caches of older generations are dropped
_reset_hooks: list = []
_valid: set[Path] = set()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def dict_path() -> Path:
    """`LESEN_DICT`, else `dictionary.db` in the user's data directory (next to `lesen.db`)."""
    env = os.environ
    return _resolve(env.get("LESEN_DICT"), env.get("XDG_DATA_HOME"), env.get("HOME"))


@lru_cache(maxsize=16)
def _resolve(chosen: str | None, data_home: str | None, home: str | None) -> Path:
    """Cached per the variables the path depends on (platformdirs reads `XDG_DATA_HOME` and `HOME`): every
    gloss asks for it, and resolving it takes longer than the lookup of a common word."""
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_data_dir("lesen", appauthor=False)) / FILE_NAME


def system_copy() -> Path | None:
    """Debian's `trans-de-en` copy of Ding, when installed (`LESEN_DING_SYSTEM` overrides the path)."""
    path = Path(os.environ.get("LESEN_DING_SYSTEM", SYSTEM_COPY))
    return path if path.is_file() else None


def is_valid(path: Path) -> bool:
    """Whether `path` is a complete dictionary file of the current format (remembered until `reset`)."""
    if path in _valid:
        return True
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            ok = app == APP_ID and version == FORMAT_VERSION
            if ok:
                _valid.add(path)
            return ok
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def connection(path: Path | None = None) -> sqlite3.Connection | None:
    """This thread's read-only connection to the dictionary at `path` (None when there is none)."""
    path = path or dict_path()
    conns = getattr(_local, "conns", None)
    if conns is None or getattr(_local, "generation", -1) != _generation:
        for c in (conns or {}).values():
            c.close()
        conns = _local.conns = {}
        _local.generation = _generation
    conn = conns.get(path)
    if conn is None:
        if not is_valid(path):
            return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA cache_size = -32000")
        conns[path] = conn
    return conn


def meta(path: Path | None = None) -> dict[str, str]:
    conn = connection(path)
    if conn is None:
        return {}
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def on_reset(fn) -> None:
    """Register a cache to clear when a dictionary is (re)imported."""
    _reset_hooks.append(fn)


def reset() -> None:
    """Forget open connections and cached lookups (after an import replaced the file)."""
    global _generation
    _generation += 1
    _valid.clear()
    for fn in _reset_hooks:
        fn()
