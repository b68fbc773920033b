"""Shared fixtures: a fresh learner database file per test, paths to seeds and shared data."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _word_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Keep the analysis word cache out of the user's cache directory (shared by all tests)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LESEN_CACHE_DIR", str(tmp_path_factory.mktemp("word-cache")))
        yield


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "lesen.db"
    monkeypatch.setenv("LESEN_DB", str(path))
    return path


@pytest.fixture
def store(db_path: Path):
    from reader.store import Store

    s = Store(db_path)
    yield s
    s.close()


DING_FIXTURE = Path(__file__).parent / "fixtures" / "ding_small.txt"


@pytest.fixture
def small_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small Ding fixture imported into a fresh dictionary file; no system copy can be used instead."""
    from reader.dictionary.build import import_file

    path = tmp_path / "dictionary.db"
    monkeypatch.setenv("LESEN_DICT", str(path))
    monkeypatch.setenv("LESEN_DING_SYSTEM", str(tmp_path / "no-system-copy"))
    import_file(DING_FIXTURE, path)
    return path


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


@contextmanager
def serve_http(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def serve_pages(pages: dict[str, tuple[str, bytes] | int], seen: list[str] | None = None) -> Iterator[str]:
    """Serve fixed answers (path → content type and body, or an HTTP error code; 404 for any other path),
    recording the paths asked for."""

    class Pages(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            if seen is not None:
                seen.append(self.path)
            answer = pages.get(self.path, 404)
            if isinstance(answer, int):
                self.send_error(answer)
                return
            ctype, body = answer
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve_http(Pages) as base:
        yield base
