"""`lesen backup` / `lesen restore`, the automatic backup before a migration, and upgrading old databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS
from store_checks import assert_sound

from reader import library
from reader.cli import main
from reader.store import Store
from reader.store.db import APP_ID, inspect_file
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION
from reader.store.terms import KNOWN, get_status, set_status

WRITER = """
import sys
from reader.store import Store
from reader.store.terms import set_status
store = Store(sys.argv[1])
n = 0
while True:
    set_status(store, f"Schreib{n}", n % 5 + 1)
    n += 1
"""


def lesen(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("lesen: "), err
    return lines[0]


@pytest.fixture
def library_db(tmp_path) -> Path:
    """A library with two seed articles and a few marked words."""
    db = tmp_path / "lesen.db"
    with Store(db) as store:
        for seed in sorted(SEEDS.glob("*.txt"))[:2]:
            assert list(library.import_refs(store, [str(seed)]))[0].outcome == library.ADDED
        for lemma, status in (("Drohung", KNOWN), ("Bündnis", 2), ("Atomschlag", 1)):
            set_status(store, lemma, status)
    return db


def snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            "articles": conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall(),
            "terms": conn.execute("SELECT lemma, status FROM terms ORDER BY lemma").fetchall(),
            "history": conn.execute("SELECT id, lemma, old_status, new_status, at, source"
                                    " FROM status_history ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def test_backup_while_another_process_writes(tmp_path, library_db):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(library_db)], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not any(t[0].startswith("Schreib") for t in snapshot(library_db)["terms"]):  # writing yet?
            assert writer.poll() is None and time.monotonic() < deadline, "the writer did not start"
            time.sleep(0.05)
        copies = []
        for k in range(3):
            target = tmp_path / f"copy{k}.db"
            code, out, err = lesen(library_db, "backup", str(target))
            assert code == 0, err
            assert str(target) in out
            copies.append(target)
            time.sleep(0.2)
    finally:
        writer.kill()
        _, werr = writer.communicate()
    assert "locked" not in werr
    counts = []
    for copy in copies:
        assert inspect_file(copy) == SCHEMA_VERSION
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        snap = snapshot(copy)
        written = [t for t in snap["terms"] if t[0].startswith("Schreib")]
        assert len(written) == sum(1 for h in snap["history"] if h[1].startswith("Schreib"))  # consistent
        counts.append(len(written))
        assert assert_sound(copy) == 2
    assert counts == sorted(counts) and counts[-1] > 0  # each copy caught the writer further along


def test_backup_default_path_and_refusals(tmp_path, library_db):
    code, out, _ = lesen(library_db, "backup")
    assert code == 0
    made = list((library_db.parent / "backups").glob("lesen-*.db"))
    assert len(made) == 1 and str(made[0]) in out
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert lesen(library_db, "backup", str(folder))[0] == 0
    assert len(list(folder.glob("lesen-*.db"))) == 1
    code, _, err = lesen(library_db, "backup", str(made[0]))
    assert code != 0 and "already exists" in one_error_line(err)
    code, _, err = lesen(tmp_path / "none.db", "backup", str(tmp_path / "x.db"))
    assert code != 0 and "no database" in one_error_line(err)
    assert not (tmp_path / "none.db").exists()


def test_restore_brings_back_the_backup_and_keeps_the_current_database(tmp_path, library_db):
    backup = tmp_path / "saved.db"
    assert lesen(library_db, "backup", str(backup))[0] == 0
    before = snapshot(library_db)
    app = Store(library_db)  # the app stays open during the restore
    set_status(app, "Drohung", 1)
    set_status(app, "Neuwort", 3)
    assert library.store_articles.delete_article(app, 1)
    changed = snapshot(library_db)

    code, out, err = lesen(library_db, "restore", "--yes", str(backup))
    assert code == 0, err
    assert snapshot(library_db) == before
    assert get_status(app, "Drohung") == KNOWN and get_status(app, "Neuwort") == 0  # the open app sees it
    saved = Path(out.strip().rsplit(" ", 1)[-1])
    assert saved.exists() and snapshot(saved) == changed  # what was replaced is kept
    app.close()
    assert assert_sound(library_db) == 2


@pytest.mark.parametrize("kind", ["text", "empty", "other-sqlite", "newer", "missing"])
def test_restore_refuses_what_is_not_a_lesen_database(tmp_path, library_db, kind):
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("Das ist keine Datenbank.\n" * 100)
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "other-sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE terms (lemma TEXT, status INTEGER)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        assert lesen(library_db, "backup", str(bad))[0] == 0
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    before = snapshot(library_db)
    code, _, err = lesen(library_db, "restore", "--yes", str(bad))
    line = one_error_line(err)
    assert code != 0
    assert ("newer lesen" if kind == "newer" else "no such file" if kind == "missing"
            else "not a lesen database") in line
    assert snapshot(library_db) == before
    assert not list(tmp_path.glob("lesen.db.before-restore-*"))


def build_old_database(path: Path, version: int) -> dict[str, list[tuple]]:
    """A database exactly as schema `version` left it (only its migrations run), with learner data."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        conn.execute("BEGIN")
        migration(conn)
        conn.execute("COMMIT")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    stamp = "2024-03-01T10:00:00+00:00"
    terms = [("Haus", 5, None), ("Bündnis", 2, "alliance"), ("Drohung", 1, None), ("und", 98, None)]
    conn.executemany(
        "INSERT INTO terms (lemma, status, gloss, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        [(lemma, status, gloss, stamp, stamp) for lemma, status, gloss in terms],
    )
    history = [(lemma, None if k % 2 else 0, status, f"2024-03-01T10:00:{k:02d}+00:00", "user")
               for k, (lemma, status, _) in enumerate(terms)]
    history += [("Haus", 5, 4, "2024-03-02T09:00:00+00:00", "user"),
                ("Haus", 4, 5, "2024-03-03T09:00:00+00:00", "user")]
    conn.executemany(
        "INSERT INTO status_history (lemma, old_status, new_status, at, source) VALUES (?, ?, ?, ?, ?)",
        history,
    )
    conn.execute("INSERT INTO settings (key, value) VALUES ('level', 'B1')")
    conn.close()
    return snapshot(path)


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_old_schema_is_upgraded_with_every_status_and_history_row(tmp_path, version):
    db = tmp_path / "lesen.db"
    before = build_old_database(db, version)
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        assert store.get_setting("level") == "B1"
        assert store.scalar("SELECT gloss FROM terms WHERE lemma = 'Bündnis'") == "alliance"
    assert snapshot(db) == before
    backup = db.with_name(f"lesen.db.schema{version}.bak")  # taken before the first migration ran
    assert inspect_file(backup) == version
    assert snapshot(backup) == before
    assert assert_sound(db) == 0


def test_restoring_an_old_backup_upgrades_it(tmp_path, library_db):
    old = tmp_path / "old.db"
    before = build_old_database(old, 1)
    code, out, err = lesen(library_db, "restore", "--yes", str(old))
    assert code == 0, err
    assert "upgraded from schema 1" in out
    assert snapshot(library_db) == before
    with Store(library_db) as store:
        assert store.version == SCHEMA_VERSION


def test_backup_that_cannot_be_written_is_one_line_and_leaves_nothing(tmp_path, library_db):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")
    code, _, err = lesen(library_db, "backup", str(blocker / "copy.db"))
    assert code != 0 and "cannot" in one_error_line(err)
    assert blocker.read_text() == "a file, not a folder"
    assert not list(tmp_path.glob("**/*.part"))


def test_two_processes_upgrading_at_once_keep_data_and_the_old_backup(tmp_path):
    db = tmp_path / "lesen.db"
    before = build_old_database(db, 1)
    lesen_bin = str(Path(sys.executable).with_name("lesen"))
    procs = [subprocess.Popen([lesen_bin, "--db", str(db), "list"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    errors = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert snapshot(db) == before
    backup = db.with_name("lesen.db.schema1.bak")
    assert inspect_file(backup) == 1 and snapshot(backup) == before  # not overwritten by an upgraded copy
    assert not list(tmp_path.glob("*.part"))


def test_a_damaged_database_says_so_in_one_line_and_restore_repairs_it(tmp_path, library_db):
    backup = tmp_path / "good.db"
    assert lesen(library_db, "backup", str(backup))[0] == 0
    before = snapshot(library_db)
    conn = sqlite3.connect(library_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = library_db.stat().st_size
    with library_db.open("r+b") as fh:  # every page after the header page becomes garbage
        fh.seek(4096)
        fh.write(b"\xff" * (size - 4096))
    code, _, err = lesen(library_db, "list")
    assert code != 0 and "damaged" in one_error_line(err) and "lesen restore" in err
    code, _, err = lesen(library_db, "restore", "--yes", str(backup))
    assert code == 0, err
    assert snapshot(library_db) == before
    assert assert_sound(library_db) == 2
