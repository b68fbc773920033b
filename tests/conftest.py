"""Shared fixtures: a fresh learner database file per test, paths to seeds and shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


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
