"""`lesen dict install` against a local HTTP server on 127.0.0.1 serving a gzipped Ding fixture."""

from __future__ import annotations

import gzip
import http.server
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import serve_http

from reader.cli import main
from reader.dictionary import db, gloss_lemma
from reader.dictionary.install import DownloadError, ensure, install

FIXTURE = Path(__file__).parent / "fixtures" / "ding_small.txt"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Serves tmp_path/www over HTTP on 127.0.0.1; yields the base URL."""
    www = tmp_path / "www"
    www.mkdir()
    (www / "de-en.txt.gz").write_bytes(gzip.compress(FIXTURE.read_bytes()))
    (www / "garbage.gz").write_bytes(b"\x1f\x8b this is not gzip data at all")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(www), **kwargs)

        def log_message(self, *args):
            pass

    with serve_http(Handler) as base:
        yield base


@pytest.fixture
def no_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "dictionary.db"
    monkeypatch.setenv("LESEN_DICT", str(path))
    monkeypatch.setenv("LESEN_DING_SYSTEM", str(tmp_path / "no-system-copy"))
    return path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_install_downloads_gunzips_and_imports(server: str, no_dict: Path):
    result = install(f"{server}/de-en.txt.gz", show=False, timeout=5)
    assert result.malformed == 3 and result.entries > 30
    assert db.is_valid(no_dict)
    assert db.meta(no_dict)["source"] == f"{server}/de-en.txt.gz"
    assert gloss_lemma("Abschreckung", "NOUN").best == "deterrence"


def test_cli_install_shows_progress_and_reports(server: str, no_dict: Path, db_path: Path):
    r = CliRunner().invoke(main, ["dict", "install", "--url", f"{server}/de-en.txt.gz"])
    assert r.exit_code == 0, r.output
    assert "Imported" in r.output and "3 malformed" in r.output


def test_offline_gives_a_clear_message(no_dict: Path, db_path: Path):
    url = f"http://127.0.0.1:{_closed_port()}/de-en.txt.gz"
    with pytest.raises(DownloadError, match="offline"):
        install(url, show=False, timeout=2)
    r = CliRunner().invoke(main, ["dict", "install", "--url", url, "--timeout", "2"])
    assert r.exit_code == 1
    out = r.output.strip()
    assert out.startswith("lesen: could not download") and "offline" in out and len(out.splitlines()) == 1
    assert not no_dict.exists()


def test_missing_file_and_bad_data_leave_no_dictionary(server: str, no_dict: Path):
    with pytest.raises(DownloadError):
        install(f"{server}/nothing-here.gz", show=False, timeout=5)
    with pytest.raises(DownloadError, match="not a Ding dictionary"):
        install(f"{server}/garbage.gz", show=False, timeout=5)
    assert not no_dict.exists()


def test_ensure_falls_back_to_the_download(server: str, no_dict: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LESEN_DICT_URL", f"{server}/de-en.txt.gz")
    result = ensure(show=False, allow_apt=False)
    assert result is not None and db.is_valid(no_dict)
    assert ensure(show=False, allow_apt=False) is None  # already there: nothing to do
