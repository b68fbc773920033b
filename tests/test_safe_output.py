"""reader/safeio: whole files or none, and never outside the folder asked for."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from reader import safeio
from reader.safeio import UnsafePathError, inside, write_atomic


def test_write_atomic_writes_text_and_bytes_and_leaves_no_temporary_file(tmp_path):
    target = write_atomic(tmp_path / "out" / "deck.txt", "Größe „Übung“\n")
    assert target.read_text(encoding="utf-8") == "Größe „Übung“\n"
    write_atomic(target, b"\x00\x01binary")
    assert target.read_bytes() == b"\x00\x01binary"
    assert sorted(p.name for p in target.parent.iterdir()) == ["deck.txt"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "vocab.csv"
    target.write_text("old content\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safeio.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new content\n" * 1000)
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["vocab.csv"]


KILLED_WRITER = """
import sys
from reader.safeio import write_atomic
n = 0
while True:
    write_atomic(sys.argv[1], (str(n % 10) * 4_000_000).encode())
    n += 1
"""


def test_killed_writer_leaves_a_whole_file(tmp_path):
    """SIGKILL while 4 MB files are being rewritten: the file is always one whole version."""
    target = tmp_path / "export.apkg"
    for delay in (0.05, 0.13, 0.21):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        while not target.exists():
            time.sleep(0.01)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert len(data) == 4_000_000 and len(set(data)) == 1
    leftovers = [p for p in tmp_path.iterdir() if p.name != target.name]
    assert all(p.name.startswith(".export.apkg.") and p.suffix == ".tmp" for p in leftovers)


@pytest.mark.parametrize("name", ["../escape.txt", "sub/../../escape.txt", "/etc/passwd", "/tmp/x.apkg",
                                  "..", "a/../../b"])
def test_inside_refuses_names_that_leave_the_folder(tmp_path, name):
    with pytest.raises(UnsafePathError):
        inside(tmp_path / "decks", name)


def test_inside_refuses_a_symlink_that_points_outside(tmp_path):
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "link").symlink_to(tmp_path / "outside")
    with pytest.raises(UnsafePathError):
        inside(folder, "link/deck.apkg")


@pytest.mark.parametrize("name", ["deck.apkg", "B1/Wortschatz.csv", "sub/../deck.apkg", "Größe „Übung“.txt"])
def test_inside_accepts_names_within_the_folder(tmp_path, name):
    folder = tmp_path / "vocab"
    path = inside(folder, name)
    assert folder.resolve() in path.parents
    write_atomic(path, "ok")
    assert Path(path).read_text() == "ok"
