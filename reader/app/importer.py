"""Imports for the app, run in a separate process so the analysis never stalls the interface (no Textual)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def import_one(db_path: str, ref: str,
               listed: bool = False) -> tuple[str, str, list[str], str | None, str | None]:
    """Import one file or URL (`listed` in a feed or not) into the database at `db_path`: (outcome,
    message, a feed's article addresses, title, the news feed a page refused as no article names)."""
    from .. import library
    from ..store import Store

    with Store(db_path) as store:
        r = library.import_ref(store, ref, listed=listed)
        return r.outcome, r.message, r.links, r.title, r.names_feed


def reanalyze_one(db_path: str, article_id: int) -> int:
    """Analyse one stored article again (`library.reanalyze`): how many of its words read another lemma."""
    from .. import library
    from ..store import Store

    with Store(db_path) as store:
        return sum(r.changed for r in library.reanalyze(store, [article_id], save_cache=False))


def finish() -> None:
    """In the importing process, after the batch: persist the word cache once."""
    from .. import nlp

    nlp.save_word_cache()


def _start_resource_tracker() -> None:
    """multiprocessing passes sys.stderr's descriptor to its helper process; inside the app stderr is
    captured and has none, so start the helper against the real stderr first."""
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        try:
            fd = saved.fileno()
        except (AttributeError, OSError, ValueError):
            fd = -1
        if not isinstance(fd, int) or fd < 0:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


def _quiet() -> None:
    """In the importing process: nothing may write to the terminal the app is drawing on."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdout = sys.stderr = open(os.devnull, "w")  # kept open for the life of the process


@contextmanager
def import_process() -> Iterator[ProcessPoolExecutor]:
    """One fresh process (spawned, not forked: the app has threads) for a batch of imports."""
    _start_resource_tracker()
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_quiet) as pool:
        yield pool
