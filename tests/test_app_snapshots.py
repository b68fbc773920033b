"""SVG snapshots of the main screens at fixed sizes (pytest-textual-snapshot; --snapshot-update)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from app_seed_db import seeded_copy  # noqa: E402

from reader.app.app import LesenApp  # noqa: E402


@pytest.fixture
def app(tmp_path: Path) -> LesenApp:
    try:
        from reader.dictionary import ensure_imported
    except ImportError:
        pytest.skip("the dictionary package is not present")
    if ensure_imported(quiet=True) is None:
        pytest.skip("no dictionary installed (the gloss panel would differ)")
    return LesenApp(seeded_copy(tmp_path))


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def open_article(article_id: int, *keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.open_article(article_id)
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_library(snap_compare, app: LesenApp) -> None:
    assert snap_compare(app, terminal_size=(110, 24), run_before=settle)


def test_reader_wide(snap_compare, app: LesenApp) -> None:
    assert snap_compare(app, terminal_size=(110, 30), run_before=open_article(1, "right", "right", "right"))


def test_reader_narrow(snap_compare, app: LesenApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_article(2, "down", "down"))


def test_help(snap_compare, app: LesenApp) -> None:
    assert snap_compare(app, terminal_size=(100, 40), run_before=open_article(1, "question_mark"))
