"""Two `lesen` processes writing at once, and a reader open meanwhile: nobody sees "database is locked"."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from store_checks import assert_sound, make_articles

from reader.store import Store
from reader.store.articles import list_articles

LESEN = str(Path(sys.executable).with_name("lesen"))
PER_PROCESS = 6


def test_two_imports_and_a_reader_at_once(tmp_path):
    left, right = tmp_path / "left", tmp_path / "right"
    left.mkdir()
    right.mkdir()
    make_articles(left, 2 * PER_PROCESS)
    for f in sorted(left.iterdir())[PER_PROCESS:]:
        f.rename(right / f.name)
    db = tmp_path / "lesen.db"  # does not exist yet: both processes create and migrate it at once
    env = {**os.environ, "LESEN_DB": str(db)}
    procs = [subprocess.Popen([LESEN, "import", str(d)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for d in (left, right)]
    while not db.exists():
        time.sleep(0.02)
    reader = Store(db)  # like the app: one connection, opened while the imports run
    version = reader.data_version()
    seen: list[int] = []
    held_snapshot = False
    while any(p.poll() is None for p in procs):
        seen.append(len(list_articles(reader)))
        if seen[-1] and not held_snapshot:  # a long read transaction must not block the writers
            held_snapshot = True
            reader.conn.execute("BEGIN")
            frozen = reader.scalar("SELECT count(*) FROM articles")
            time.sleep(1.0)
            assert reader.scalar("SELECT count(*) FROM articles") == frozen
            reader.conn.execute("COMMIT")
        time.sleep(0.05)
    outputs = [p.communicate() for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert "locked" not in err.lower() and "Traceback" not in err, err
        assert proc.returncode == 0, err
        assert f"{PER_PROCESS} imported, 0 already there, 0 refused." in out
    seen.append(len(list_articles(reader)))
    assert reader.data_version() != version  # what the app polls to notice imports from elsewhere
    reader.close()
    assert seen == sorted(seen), "the reader saw articles disappear"
    assert any(0 < n < 2 * PER_PROCESS for n in seen), f"the reader never saw an import in progress: {seen}"
    assert seen[-1] == 2 * PER_PROCESS  # the open connection sees every new article
    assert assert_sound(db) == 2 * PER_PROCESS


def test_status_writes_during_an_import_are_not_refused(tmp_path, db_path):
    """The app marking words (its own connection) while `lesen import` writes from another process."""
    from reader.store.terms import get_status, set_status

    folder = tmp_path / "articles"
    folder.mkdir()
    make_articles(folder, 4)
    store = Store(db_path)
    proc = subprocess.Popen([LESEN, "import", str(folder)], env={**os.environ, "LESEN_DB": str(db_path)},
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    marked = 0
    while proc.poll() is None:
        set_status(store, f"Wort{marked}", 1 + marked % 5)
        marked += 1
        time.sleep(0.01)
    _out, err = proc.communicate()
    assert proc.returncode == 0 and "locked" not in err.lower(), err
    assert marked > 10
    assert all(get_status(store, f"Wort{i}") == 1 + i % 5 for i in range(marked))
    store.close()
    assert assert_sound(db_path) == 4


def test_data_version_tells_the_app_about_other_writers_only(db_path):
    from reader.store.terms import set_status

    app, other = Store(db_path), Store(db_path)
    version = app.data_version()
    set_status(app, "eigen", 1)
    assert app.data_version() == version  # its own writes: nothing to reload
    set_status(other, "fremd", 2)
    assert app.data_version() != version  # another connection committed: reload
    app.close()
    other.close()


def test_a_library_held_longer_than_the_busy_timeout_gives_one_clear_line(tmp_path, db_path, monkeypatch):
    """Only a writer that holds the lock past the busy timeout (30 s; 0.3 s here) makes lesen give up."""
    from click.testing import CliRunner

    import reader.store.db
    from reader.cli import main

    folder = tmp_path / "one"
    folder.mkdir()
    make_articles(folder, 1)
    Store(db_path).close()
    monkeypatch.setattr(reader.store.db, "BUSY_TIMEOUT_MS", 300)
    holder = Store(db_path)
    holder.conn.execute("BEGIN IMMEDIATE")  # another program sitting on the write lock
    try:
        result = CliRunner().invoke(main, ["import", str(folder)])
    finally:
        holder.conn.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines == ["lesen: the library is busy: another lesen held it for more than 30 s; try again"]
    assert assert_sound(db_path) == 0


def test_two_imports_of_the_same_folder_store_each_article_once(tmp_path, db_path):
    folder = tmp_path / "same"
    folder.mkdir()
    make_articles(folder, PER_PROCESS)
    Store(db_path).close()
    env = {**os.environ, "LESEN_DB": str(db_path)}
    procs = [subprocess.Popen([LESEN, "import", str(folder)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate() for p in procs]
    imported = already = 0
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0 and "Traceback" not in err and "locked" not in err.lower(), err
        summary = out.strip().splitlines()[-1].split()  # "N imported, M already there, 0 refused."
        imported += int(summary[0])
        already += int(summary[2])
    assert (imported, already) == (PER_PROCESS, PER_PROCESS)  # whoever came second found it there
    assert assert_sound(db_path) == PER_PROCESS
