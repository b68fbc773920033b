"""Opening the learner database: WAL, busy timeout, migrations with a backup first, transactions."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_data_dir

from .schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
APP_ID = 0x4C45534E  # "LESN": marks a file as a lesen database


class StoreError(Exception):
    """A database that cannot be used (not a lesen database, newer than this program, unreadable)."""


def default_db_path() -> Path:
    """`LESEN_DB`, else the user's data directory."""
    env = os.environ.get("LESEN_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("lesen", appauthor=False)) / "lesen.db"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One connection to the learner database. Writes go through `transaction()`."""

    def __init__(self, path: Path | str, *, migrate: bool = True) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        self.conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._enable_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.OperationalError as exc:  # busy, read-only folder, disk I/O: the file may be fine
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path} is not a lesen database ({exc})") from exc
        if migrate:
            self.migrate()

    def _enable_wal(self) -> None:
        """Switch to WAL once. SQLite may refuse the switch at once (no busy handler) while another
        process creates or switches the same new file, so retry within the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @property
    def db(self):
        """A sqlite-utils view of the connection, made on first use (importing it pulls in numpy)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- schema -------------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def check_identity(self) -> None:
        """Refuse a SQLite file that some other program made. The id and the tables are read in one
        statement, so in one snapshot: another process creating the file commits both at once, and two
        reads could see the id before its commit and the tables after it."""
        app_id, tables = self.conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT count(*) FROM sqlite_master WHERE type = 'table')").fetchone()
        if app_id != APP_ID and tables:
            raise StoreError(f"{self.path} is a SQLite file but not a lesen database")

    def migrate(self) -> None:
        """Bring the schema up to date, backing the file up before changing an existing schema.

        All pending migrations run in one write transaction: the file is either upgraded completely or
        not at all, and a second process opening the same file waits, then finds nothing left to do
        (so it neither repeats a migration nor overwrites the backup with already-upgraded content).
        """
        self.check_identity()
        if self._check_version() == SCHEMA_VERSION:
            return
        with self.transaction():
            current = self._check_version()
            if 0 < current < SCHEMA_VERSION and str(self.path) != ":memory:":
                # through a second connection: SQLite's backup cannot read from one holding a write lock
                src = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    _copy_database(src, self.path.with_name(f"{self.path.name}.schema{current}.bak"))
                finally:
                    src.close()
            for version in range(current, SCHEMA_VERSION):
                MIGRATIONS[version](self.conn)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
            self.conn.execute(f"PRAGMA application_id = {APP_ID}")

    def _check_version(self) -> int:
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer lesen (schema {current} > {SCHEMA_VERSION})"
            )
        return current

    # -- transactions -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one). Rolls back on any error."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    def _rollback(self) -> None:
        """Roll back what is left: after SQLITE_FULL or an I/O error SQLite may already have done it, and
        a failing ROLLBACK must never hide the error that caused it."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        with self._lock:
            row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- settings -----------------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # -- files --------------------------------------------------------------------------------------
    def backup(self, target: Path | str) -> Path:
        """SQLite's online backup: a consistent copy even while other connections write."""
        with self._lock:
            return _copy_database(self.conn, Path(target))

    def restore(self, source: Path | str) -> Path:
        """Replace this database's content with a checked lesen backup; returns the backup of the old one.

        The current content is backed up first; the copy goes through SQLite's backup API into this
        connection, so the WAL and other open connections stay consistent (a file copy would not).
        """
        source = Path(source)
        inspect_file(source)
        if str(self.path) != ":memory:" and source.resolve() == self.path.resolve():
            raise StoreError(f"{source} is the database in use; nothing to restore")
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        saved = self.backup(self.path.with_name(f"{self.path.name}.before-restore-{stamp}.bak"))
        src = _connect_read_only(source)
        try:
            with self._lock:
                src.backup(self.conn)
        finally:
            src.close()
        self.migrate()
        return saved

    def data_version(self) -> int:
        """A number that changes whenever another connection (another process) commits a change.

        Cheap to poll: the app compares it every few seconds to notice articles imported elsewhere.
        """
        return self.scalar("PRAGMA data_version")

    def integrity(self) -> str:
        return self.scalar("PRAGMA integrity_check")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _copy_database(src: sqlite3.Connection, target: Path) -> Path:
    """Copy a database with SQLite's backup API into a self-contained file, written whole or not at all."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")  # two processes never share one
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
        finally:
            dest.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{target}: cannot write the backup ({exc})") from exc
    return target


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def inspect_file(path: Path | str) -> int:
    """The schema version of a lesen database file; StoreError when the file is not a usable one."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    try:
        conn = _connect_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a lesen database ({exc})") from exc
    if app_id != APP_ID or version < 1:
        raise StoreError(f"{path} is not a lesen database")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer lesen (schema {version} > {SCHEMA_VERSION})")
    if check != "ok":
        raise StoreError(f"{path} is damaged ({check})")
    return version


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating and migrating as needed) the learner database at `path` or the default place."""
    return Store(path or default_db_path())
