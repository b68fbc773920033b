"""HanTa's analyses of frequent German words, computed ahead of time and shipped with lesen.

HanTa spends about a millisecond analysing each word type it has not seen. `scripts/build_word_table.py`
runs that analysis once for wordfreq's most frequent German words and stores the results (HanTa's own
numbers, unrounded) in `data/hanta-words.sqlite.gz`: per lower-case word, the tag scores
(`analyze_forward`) and the morpheme paths for its likely tags (`analyze_viterbi`). At run time the file
is unpacked once into the cache directory and read one word at a time, so a first import analyses only
the words outside that list. The table is used only with the HanTa version it was built by.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import tempfile
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

SHIPPED = Path(__file__).parent / "data" / "hanta-words.sqlite.gz"
FORMAT = 1


def hanta_version() -> str:
    try:
        return version("HanTa")
    except PackageNotFoundError:
        return "unknown"


class WordTable:
    """Read access to the shipped analyses; every method answers None for a word it does not hold."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._db.execute("PRAGMA mmap_size = 268435456")  # pages read from memory, not one syscall each
        self._lock = threading.Lock()
        self._rows: dict[str, tuple[str | None, str] | None] = {}
        self._forward: dict[str, list | None] = {}
        self._paths: dict[str, dict[int, list] | None] = {}

    def _row(self, word: str) -> tuple[str | None, str] | None:
        if word not in self._rows:
            with self._lock:
                sql = "SELECT forward, paths FROM words WHERE word = ?"
                self._rows[word] = self._db.execute(sql, (word,)).fetchone()
        return self._rows[word]

    def forward(self, word: str) -> list | None:
        """HanTa's tag scores `[[tag, score], …]`; None also when HanTa's model holds them itself."""
        if word not in self._forward:
            row = self._row(word)
            self._forward[word] = json.loads(row[0]) if row and row[0] else None
        return self._forward[word]

    def paths(self, word: str) -> dict[int, list] | None:
        """HanTa's morpheme paths `[[tag, end], …]` by target tag."""
        if word not in self._paths:
            row = self._row(word)
            self._paths[word] = {int(k): v for k, v in json.loads(row[1]).items()} if row else None
        return self._paths[word]

    def close(self) -> None:
        self._db.close()


class NoTable:
    """Stands in when there is no usable table: it holds no word."""

    def forward(self, word: str) -> None:
        return None

    def paths(self, word: str) -> None:
        return None


def open_table(cache_dir: Path | None) -> WordTable | None:
    """The shipped table, unpacked into `cache_dir` once; None when absent or built for another HanTa."""
    if cache_dir is None or not SHIPPED.exists():
        return None
    stamp = SHIPPED.stat()
    target = cache_dir / f"hanta-words-v{FORMAT}-{stamp.st_size}-{int(stamp.st_mtime)}.sqlite"
    for _ in range(2):  # a damaged copy is unpacked again, once
        try:
            if not target.exists():
                _unpack(target)
                _remove_stale(target)
            table = WordTable(target)
        except OSError:
            return None  # an unwritable cache folder only means a slower first import
        try:
            meta = dict(table._db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error:
            table.close()
            target.unlink(missing_ok=True)
            continue
        if meta.get("hanta") == hanta_version() and meta.get("format") == str(FORMAT):
            return table
        table.close()
        return None
    return None


def _unpack(target: Path) -> None:
    """Decompress the shipped file next to `target` under a name of its own, then move it in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with gzip.open(SHIPPED, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _remove_stale(target: Path) -> None:
    """Delete copies unpacked from earlier shipped tables (each is over 100 MB); a process still reading
    one keeps its open file."""
    for old in target.parent.glob("hanta-words-v*.sqlite"):
        if old != target:
            try:
                old.unlink()
            except OSError:  # in use on a system that forbids deleting open files: next time
                pass


def write_table(path: Path, rows: list[tuple[str, list | None, dict[int, list]]], source: str) -> None:
    """Write rows (word, tag scores or None, paths by target tag) as a gzipped table."""
    plain = path.with_suffix("")
    plain.unlink(missing_ok=True)
    db = sqlite3.connect(plain)
    with db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, forward TEXT, paths TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("hanta", hanta_version()), ("format", str(FORMAT)), ("source", source)])
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?)", (
            (w, json.dumps(f, separators=(",", ":")) if f is not None else None,
             json.dumps({str(k): v for k, v in p.items()}, separators=(",", ":")))
            for w, f, p in rows))
    db.execute("VACUUM")
    db.close()
    with open(plain, "rb") as src, gzip.open(path, "wb", compresslevel=9) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    plain.unlink()
