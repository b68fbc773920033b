"""Safe output: atomic writes (reader/safeio), paths that never leave their folder, SQL that only ever
takes values as parameters, and article text escaped in HTML and Anki output."""

from __future__ import annotations

import ast
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
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


def test_written_files_get_the_umasks_permissions_or_keep_their_own(tmp_path):
    """An exported deck is as readable as any file the user writes (a temporary file is 0600), and a file
    whose permissions the user changed keeps them."""
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "deck.apkg", b"deck")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        write_atomic(target, b"deck again")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        os.umask(0o077)
        assert stat.S_IMODE(write_atomic(tmp_path / "private.csv", "a,b\n").stat().st_mode) == 0o600
    finally:
        os.umask(old)


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


# -- every SQL statement is parameterised -----------------------------------------------------------
SQL_START = re.compile(r"^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|PRAGMA|WITH|BEGIN|"
                       r"COMMIT|ATTACH|WHERE|AND|OR|ORDER BY|LIMIT)\b")


class SqlPieces:
    """Decides what may be pasted into SQL text in one module: constants, UPPER_CASE names, `int(...)`,
    joins of `?` marks, names only ever assigned such pieces, loop variables over literals or `range`."""

    def __init__(self, tree: ast.AST) -> None:
        self.assigned: dict[str, list[ast.AST]] = {}
        self.literal_loops: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.assigned.setdefault(target.id, []).append(node.value)
            elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
                it = node.iter
                literals = isinstance(it, (ast.Tuple, ast.List)) and all(
                    isinstance(e, ast.Constant) for e in it.elts)
                ints = isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range"
                if literals or ints:
                    self.literal_loops.add(node.target.id)  # constants or ints
                else:
                    self.assigned.setdefault(node.target.id, []).append(node.iter)  # anything: unsafe
        self._checking: set[str] = set()

    def safe(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return node.id.isupper() or node.id in self.literal_loops or self._safe_name(node.id)
        if isinstance(node, ast.Attribute):
            return node.attr.isupper()
        if isinstance(node, ast.BinOp):  # `"?" * n`, "A" + ("" if x else "B"), int(v) + 1
            return self.safe(node.left) and (self.safe(node.right) or isinstance(node.op, ast.Mult))
        if isinstance(node, ast.IfExp):
            return self.safe(node.body) and self.safe(node.orelse)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "int":
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
            return self.safe(node.func.value) and all(self.safe(a) for a in node.args)
        if isinstance(node, ast.FormattedValue):
            return self.safe(node.value)
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(v) for v in node.values)
        return False

    def _safe_name(self, name: str) -> bool:
        if name in self._checking or name not in self.assigned:
            return False
        self._checking.add(name)
        try:
            return all(self.safe(v) for v in self.assigned[name])
        finally:
            self._checking.discard(name)


def _sql_text(node: ast.AST) -> str | None:
    """The literal text of a string built by f-string, `+`, `%` or `.format` (None for other nodes)."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        return node.left.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and isinstance(node.func.value, ast.Constant):
        return str(node.func.value.value)
    return None


def test_every_sql_statement_in_reader_is_parameterised():
    """SQL built from strings may only paste constants and `?` marks; values always go as parameters."""
    pasted = []
    checked = 0
    for path in sorted((ROOT / "reader").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = SqlPieces(tree)
        for node in ast.walk(tree):
            text = _sql_text(node)
            if text is None or not SQL_START.match(text):
                continue
            checked += 1
            formatted = isinstance(node, ast.Call) or (
                isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod))
            if formatted or not pieces.safe(node if isinstance(node, ast.JoinedStr) else node.right):
                pasted.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert checked > 5  # the scan sees the dynamic statements (IN lists, PRAGMAs)
    assert not pasted, f"SQL built from values instead of parameters: {pasted}"


def test_the_sql_check_catches_a_pasted_value():
    tree = ast.parse('lemma = input()\nsql = f"SELECT * FROM terms WHERE lemma = \'{lemma}\'"')
    pieces = SqlPieces(tree)
    fstring = next(n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr))
    assert SQL_START.match(_sql_text(fstring)) and not pieces.safe(fstring)


# -- text from articles is escaped in HTML and Anki output -------------------------------------------
EVIL = ("Die Regierung zeigte den Befehl <img src=x onerror=alert(1)> und <script>alert('x')</script> "
        "sowie {{Front}} im Parlament.")
OWN_TAGS = re.compile(r"</?(b|i|u|br|strong|em|span|div|p|td|tr|th|table|thead|tbody|h\d|ul|ol|li|html|head|"
                      r"body|meta|title|style|small|section|header|footer|main)\b[^<>]*>", re.IGNORECASE)


def test_article_text_is_escaped_in_vocabulary_html_and_anki_notes(tmp_path, db_path):
    from click.testing import CliRunner
    from conftest import SEEDS

    from reader.cli import main

    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    cut = seed.index("Die Drohungen")
    article = tmp_path / "evil.txt"
    article.write_text(seed[:cut] + "\n\n" + EVIL + "\n\n" + seed[cut:], encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(article)]).exit_code == 0

    html_out = tmp_path / "vocab.html"
    result = runner.invoke(main, ["vocab", str(article), "--format", "html", "--out", str(html_out)])
    assert result.exit_code == 0, result.stderr
    page = html_out.read_text(encoding="utf-8")
    assert "onerror=alert(1)&gt;" in page  # the sentence is there, escaped
    assert not re.search(r"<(img|script|iframe)", page, re.IGNORECASE)

    deck = tmp_path / "deck.apkg"
    result = runner.invoke(main, ["export", "anki", "--status", "new", "--out", str(deck)])
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(deck) as z:
        name = next(n for n in z.namelist() if n.startswith("collection.anki2"))
        (tmp_path / "collection.db").write_bytes(z.read(name))
    conn = sqlite3.connect(tmp_path / "collection.db")
    fields = [f for (flds,) in conn.execute("SELECT flds FROM notes") for f in flds.split("\x1f")]
    conn.close()
    evil_fields = [f for f in fields if "onerror" in f]
    assert evil_fields, "the example sentence did not reach the deck"
    for field in fields:
        assert "<" not in OWN_TAGS.sub("", field), field  # only the exporter's own markup
        assert "{{" not in field  # no text can become an Anki template
