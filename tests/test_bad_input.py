"""Hostile and odd inputs through the real `lesen import`: the right outcome for each, nothing half-imported.

The corpus is generated in a temporary folder (nothing big is committed); web inputs come from a local
HTTP server on 127.0.0.1 that records every request, which proves imported HTML fetches nothing.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import time
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS, serve_http
from store_checks import article_count, assert_sound, make_articles

from reader import cleaning
from reader.cli import main

ENGLISH = (
    "The government announced on Monday that it would raise spending on schools and hospitals next year. "
    "The finance minister said the plan was affordable because tax revenue had grown faster than expected. "
    "Opposition leaders called the proposal a gift before the election and asked where the money would "
    "come from. Economists were divided: some welcomed the investment, while others warned that higher "
    "spending could push up inflation at a time when prices are already rising. The parliament will debate "
    "the budget in the coming weeks, and a final vote is expected before the summer break."
)
FRENCH = (
    "Le gouvernement a annoncé lundi une hausse des dépenses pour les écoles et les hôpitaux l'année "
    "prochaine. Le ministre des finances a déclaré que le plan était abordable, car les recettes fiscales "
    "avaient augmenté plus vite que prévu. Les dirigeants de l'opposition ont qualifié la proposition de "
    "cadeau électoral et ont demandé d'où viendrait l'argent. Les économistes sont partagés : certains "
    "saluent l'investissement, tandis que d'autres craignent une hausse de l'inflation. Le parlement "
    "débattra du budget dans les prochaines semaines."
)
SCRIPT_MARK = "SKRIPTLIEFHIER"
LESEN = str(Path(sys.executable).with_name("lesen"))


def seed_body(n: int) -> str:
    """The cleaned article text of seed n (German news, with umlauts)."""
    return cleaning.clean(sorted(SEEDS.glob("*.txt"))[n].read_text(encoding="utf-8")).body


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def html_page(base: str) -> str:
    """A German article page with a script, an iframe, remote images, a stylesheet and a script file."""
    paras = "".join(f"<p>{p}</p>" for p in seed_body(4).split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Militärübung im Pazifik</title>"
        f"<link rel='stylesheet' href='{base}/style.css'><script src='{base}/app.js'></script>"
        f"<script>fetch('{base}/beacon?ran=1'); document.write('<p>{SCRIPT_MARK}</p>');</script></head>"
        f"<body><article><h1>Militärübung im Pazifik</h1><img src='{base}/foto.jpg' alt='Foto'>"
        f"<iframe src='{base}/frame.html'></iframe>{paras}<img src='{base}/pixel.png'></article>"
        f"<script>new Image().src = '{base}/tracker.gif';</script></body></html>"
    )


class Recorder(BaseHTTPRequestHandler):
    """Serves the test pages and records every path asked for."""

    seen: list[str] = []
    page = ""

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self.seen.append(self.path)
        if self.path == "/article.html":
            self._send(200, "text/html; charset=utf-8", self.page.encode("utf-8"))
        elif self.path == "/slow.html":
            time.sleep(3)
            self._send(200, "text/html; charset=utf-8", self.page.encode("utf-8"))
        elif self.path == "/drip.html":  # answers at once, then a byte every 0.1 s: never a timeout
            body = self.page.encode("utf-8")
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for k in range(len(body)):
                    self.wfile.write(body[k:k + 1])
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:  # the client gave up
                pass
        elif self.path == "/paper.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n")
        else:
            self._send(404, "text/html", b"<html><body>not found</body></html>")

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (the timeout case)
            pass


@pytest.fixture(scope="module")
def server():
    with serve_http(Recorder) as base:
        Recorder.page = html_page(base)
        yield base


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, server) -> Path:
    """Every hostile file in one folder (the unreadable one is tested on its own)."""
    d = tmp_path_factory.mktemp("hostile")
    (d / "empty.txt").write_bytes(b"")
    (d / "whitespace.txt").write_text("  \n\t\n   \r\n\n", encoding="ascii")
    (d / "image.txt").write_bytes(png_bytes())
    line = ("Die Regierung hat am Montag neue Pläne vorgestellt. " * 40 + "\n").encode("utf-8")
    with (d / "huge.txt").open("wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (d / "latin1.txt").write_bytes(seed_body(0).encode("latin-1", errors="replace"))
    (d / "cp1252.txt").write_bytes(("„Wir sind bereit“, sagte er – über die Größe der Übung.\n\n"
                                    + seed_body(1)).encode("cp1252", errors="replace"))
    (d / "utf16.txt").write_bytes(seed_body(2).encode("utf-16"))  # Python writes the BOM
    (d / "page.html").write_text(html_page(server), encoding="utf-8")
    (d / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (d / "french.txt").write_text(FRENCH, encoding="utf-8")
    words = [w.strip(".,;:!?„“\"()–-") for w in seed_body(3).split()]
    flat = " ".join(w for w in words if w)
    (d / "longlines.txt").write_text("\n".join([flat * 3] * 2), encoding="utf-8")
    return d


def lesen(db: Path, *args: str) -> tuple[int, str, str]:
    """Run the real CLI in-process; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


def assert_refused(db: Path, ref: str, reason: str, *extra: str) -> None:
    before = article_count(db)
    code, _out, err = lesen(db, "import", *extra, ref)
    lines = error_lines(err)
    assert code != 0, f"{ref} was not refused"
    assert len(lines) == 1 and lines[0].startswith("lesen: "), err
    assert reason.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in err
    assert article_count(db) == before


def import_ok(db: Path, ref: str, *extra: str) -> tuple[str, str]:
    before = article_count(db)
    code, out, err = lesen(db, "import", *extra, ref)
    assert code == 0, err
    assert article_count(db) == before + 1
    return out, err


def last_body(db: Path) -> str:
    from reader.store import Store

    with Store(db) as s:
        return s.scalar("SELECT body FROM articles ORDER BY id DESC LIMIT 1")


REFUSED_FILES = {
    "empty.txt": "is empty",
    "whitespace.txt": "is empty",
    "image.txt": "PNG image",
    "huge.txt": "MB",
    "english.txt": "does not look German",
    "french.txt": "does not look German",
}


@pytest.mark.parametrize("name", sorted(REFUSED_FILES))
def test_bad_file_is_refused_in_one_line(tmp_path, corpus, name):
    db = tmp_path / "lesen.db"
    assert_refused(db, str(corpus / name), REFUSED_FILES[name])
    assert_sound(db)


@pytest.mark.parametrize("name", ["english.txt", "french.txt"])
def test_foreign_article_says_use_force_and_force_imports_it_with_a_warning(tmp_path, corpus, name):
    db = tmp_path / "lesen.db"
    assert_refused(db, str(corpus / name), "--force")
    _out, err = import_ok(db, str(corpus / name), "--force")
    [line] = error_lines(err)
    assert "does not look German" in line and "--force" in line
    assert_sound(db)


@pytest.mark.parametrize("name,seed,extra", [
    ("latin1.txt", 0, []),
    ("cp1252.txt", 1, ["„Wir sind bereit“, sagte er – über die Größe der Übung."]),
    ("utf16.txt", 2, []),
])
def test_legacy_encodings_are_decoded(tmp_path, corpus, name, seed, extra):
    db = tmp_path / "lesen.db"
    import_ok(db, str(corpus / name))
    body = last_body(db)
    umlaut_words = re.findall(r"\w*[äöüÄÖÜß]\w*", seed_body(seed))
    assert len(umlaut_words) >= 5
    for word in umlaut_words + extra:
        assert word in body
    assert "\ufffd" not in body and "Ã" not in body
    assert_sound(db)


def test_long_lines_without_punctuation_are_imported(tmp_path, corpus):
    db = tmp_path / "lesen.db"
    import_ok(db, str(corpus / "longlines.txt"))
    assert len(last_body(db).split()) > 1000
    assert_sound(db)


def test_html_file_runs_nothing_and_fetches_nothing(tmp_path, corpus, server):
    db = tmp_path / "lesen.db"
    Recorder.seen.clear()
    import_ok(db, str(corpus / "page.html"))
    body = last_body(db)
    assert "Kim" in body and SCRIPT_MARK not in body and "fetch(" not in body and "<" not in body
    assert Recorder.seen == []  # no image, iframe, stylesheet, script or beacon was requested
    assert_sound(db)


def test_html_page_from_the_web_fetches_only_the_page(tmp_path, server):
    db = tmp_path / "lesen.db"
    Recorder.seen.clear()
    import_ok(db, f"{server}/article.html")
    assert Recorder.seen == ["/article.html"]
    body = last_body(db)
    assert SCRIPT_MARK not in body and "Kim" in body
    assert_sound(db)


@pytest.mark.parametrize("path,reason", [
    ("/missing.html", "404"),
    ("/paper.pdf", "application/pdf"),
    ("/slow.html", "timed out"),
    ("/drip.html", "took more than 2 s"),
])
def test_bad_url_is_refused(tmp_path, server, monkeypatch, path, reason):
    monkeypatch.setenv("LESEN_URL_TIMEOUT", "0.5")
    db = tmp_path / "lesen.db"
    started = time.monotonic()
    assert_refused(db, server + path, reason)
    assert time.monotonic() - started < 4  # the short timeout (0.5 s, 2 s in all) was honoured
    assert_sound(db)


def test_missing_path_is_refused(tmp_path):
    assert_refused(tmp_path / "lesen.db", str(tmp_path / "nowhere" / "article.txt"), "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the error path is "
                    "tested by test_read_error_is_one_line")
def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(seed_body(0), encoding="utf-8")
    path.chmod(0)
    try:
        assert_refused(tmp_path / "lesen.db", str(path), "permission denied")
    finally:
        path.chmod(0o600)


def test_read_error_is_one_line(tmp_path, monkeypatch):
    """The permission-denied path, made to happen even as root by failing the open itself."""
    path = tmp_path / "secret.txt"
    path.write_text(seed_body(0), encoding="utf-8")
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    assert_refused(tmp_path / "lesen.db", str(path), "permission denied")


def test_directory_import_goes_on_past_bad_files(tmp_path, corpus, server, monkeypatch):
    """All files together, through the installed `lesen` in its own process."""
    db = tmp_path / "lesen.db"
    env = {**os.environ, "LESEN_DB": str(db), "LESEN_URL_TIMEOUT": "0.5"}
    Recorder.seen.clear()
    proc = subprocess.run([LESEN, "import", str(corpus)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    good = {"latin1.txt", "cp1252.txt", "utf16.txt", "page.html", "longlines.txt"}
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines()[-1] == f"{len(good)} imported, 0 already there, " \
                                                   f"{len(REFUSED_FILES)} refused."
    lines = error_lines(proc.stderr.split("\r")[-1].split("\n", 1)[-1])  # after the progress bar
    refused = [ln for ln in lines if ln.startswith("lesen: ")]
    assert sorted(Path(ln[len("lesen: "):].split(":")[0]).name for ln in refused) == sorted(REFUSED_FILES)
    assert "Traceback" not in proc.stderr
    assert assert_sound(db) == len(good)
    assert Recorder.seen == []

    forced = subprocess.run([LESEN, "import", "--force", str(corpus)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert forced.stdout.strip().splitlines()[-1] == f"2 imported, {len(good)} already there, 4 refused."
    assert assert_sound(db) == len(good) + 2


@pytest.mark.parametrize("ref", ["ftp://example.org/artikel.txt", "file:///etc/passwd"])
def test_other_url_schemes_are_refused(tmp_path, ref):
    assert_refused(tmp_path / "lesen.db", ref, "only http:// and https://")


def test_special_file_is_refused(tmp_path):
    assert_refused(tmp_path / "lesen.db", os.devnull, "not a regular file")


def test_a_failure_inside_the_store_transaction_leaves_no_trace(tmp_path, corpus, monkeypatch):
    """A fault after the article row is written (in the scoring step) rolls the whole article back,
    is reported in one line, and the directory import goes on with the next file."""
    import reader.scoring

    db = tmp_path / "lesen.db"
    real = reader.scoring.article_added
    calls = []

    def fails_once(store, article_id, *args):
        calls.append(article_id)
        if len(calls) == 1:
            raise RuntimeError("disk on fire\nsecond line")
        return real(store, article_id, *args)

    monkeypatch.setattr(reader.scoring, "article_added", fails_once)
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("cp1252.txt", "latin1.txt"):
        (folder / name).write_bytes((corpus / name).read_bytes())
    code, out, err = lesen(db, "import", str(folder))
    assert code == 1
    [line] = error_lines(err.split("\n", 1)[-1])  # after the progress bar's label
    assert line.startswith("lesen: ") and "cp1252.txt" in line and "disk on fire" in line
    assert out.strip().splitlines()[-1] == "1 imported, 0 already there, 1 refused."
    assert assert_sound(db) == 1


def test_a_full_disk_stops_the_import_in_one_line_and_keeps_what_was_stored(tmp_path, monkeypatch):
    """SQLite's own SQLITE_FULL (a page limit on the importer's connection stands in for a full disk)."""
    from reader.store import Store

    folder = tmp_path / "many"
    folder.mkdir()
    make_articles(folder, 12)
    db = tmp_path / "lesen.db"
    Store(db).close()
    real_init = Store.__init__

    def small_disk(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        pages = self.scalar("PRAGMA page_count")
        self.conn.execute(f"PRAGMA max_page_count = {int(pages) + 12}")

    monkeypatch.setattr(Store, "__init__", small_disk)
    code, out, err = lesen(db, "import", str(folder))
    monkeypatch.undo()
    assert code != 0
    [line] = [ln for ln in error_lines(err) if ln.startswith("lesen: ")]
    assert "the disk is full" in line, line
    assert "Traceback" not in err
    stored = assert_sound(db)
    assert 0 < stored < 12  # the articles before the full disk are whole, the one that failed is absent
