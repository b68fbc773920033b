"""Shared fixtures: a fresh learner database file per test, paths to seeds and shared data."""

from __future__ import annotations

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


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path
