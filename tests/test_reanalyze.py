"""Analysing stored articles again (`lesen reanalyze`) on a real SQLite file: what an older analysis
stored is replaced, the learner's data stays, and a failure leaves the article as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from reader import library
from reader.cli import main
from reader.store import Store
from reader.store.articles import (
    ANALYSIS_VERSION,
    load_tokens,
    pack_rows,
    replace_analysis,
    stale_articles,
    term_counts,
)
from reader.store.progress import get_progress, save_position
from reader.store.terms import get_status, set_status

SEED = SEEDS / "001_9c8e84d3104ac2b8.txt"
OLD = "Abschreckungx"  # a lemma an older analysis might have written


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _as_older_lesen(store: Store, article_id: int) -> tuple[int, str]:
    """Rewrite the article's stored analysis as an older lesen might have: version 1, the first word's
    lemma read otherwise. Returns that word's position and its right lemma."""
    tokens = load_tokens(store, article_id)
    word = next(t for t in tokens if t.counts_as_unknown and not t.verb)
    right, word.lemma = word.lemma, OLD
    with store.transaction() as conn:
        conn.execute("UPDATE analyses SET version = 1, tokens = ? WHERE article_id = ?",
                     (pack_rows([t.to_row() for t in tokens]), article_id))
        conn.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))
        conn.executemany("INSERT INTO article_terms (article_id, lemma, pos, count, first_sentence)"
                         " VALUES (?, ?, ?, ?, ?)", [(article_id, *r) for r in term_counts(tokens)])
    return word.i, right


def _terms(store: Store, article_id: int) -> set[str]:
    return {r[0] for r in store.query("SELECT lemma FROM article_terms WHERE article_id = ?", (article_id,))}


def test_reanalyze_replaces_an_older_analysis_and_keeps_the_learners_data(db_path: Path):
    assert run("import", str(SEED), str(SEEDS / "002_9de23342ac274480.txt")).exit_code == 0
    store = Store(db_path)
    first, second = (a for a, in store.query("SELECT id FROM articles ORDER BY id"))
    current = load_tokens(store, second)
    at, right = _as_older_lesen(store, first)
    set_status(store, OLD, 2)
    set_status(store, right, 5)
    save_position(store, first, 40)
    assert stale_articles(store) == [first]
    listed = CliRunner().invoke(main, ["list"])
    assert "1 of 2 articles were analysed by an older lesen" in listed.stderr

    result = run("reanalyze")
    assert result.exit_code == 0, result.output
    assert "Analysed 1 article again; 1 word now reads another lemma." in result.output
    assert stale_articles(store) == []
    assert store.scalar("SELECT version FROM analyses WHERE article_id = ?", (first,)) == ANALYSIS_VERSION
    assert load_tokens(store, first)[at].lemma == right
    assert OLD not in _terms(store, first) and right in _terms(store, first)
    assert load_tokens(store, second) == current  # not stale: not touched
    # the learner's statuses and reading position stay, also for the lemma no article has now
    assert (get_status(store, OLD), get_status(store, right)) == (2, 5)
    assert get_progress(store, first).position == 40
    assert store.integrity() == "ok"
    assert "nothing to do" in run("reanalyze").output
    store.close()


def test_reanalyze_by_reference_and_all(db_path: Path):
    assert run("import", str(SEED)).exit_code == 0
    assert "Analysed 1 article again; 0 words now read" in run("reanalyze", "--all").output
    assert "Analysed 1 article again" in run("reanalyze", "1").output
    bad = CliRunner().invoke(main, ["reanalyze", "no such title"])
    assert bad.exit_code == 1 and bad.stderr == "lesen: no article matches 'no such title'\n"


def test_a_failure_leaves_the_article_as_it_was(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert run("import", str(SEED)).exit_code == 0
    store = Store(db_path)
    at, _ = _as_older_lesen(store, 1)
    before = store.query("SELECT lemma, count FROM article_terms WHERE article_id = 1 ORDER BY lemma")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("reader.scoring.article_added", broken)  # fails inside the article's transaction
    with pytest.raises(RuntimeError):
        list(library.reanalyze(store, [1]))
    assert stale_articles(store) == [1] and load_tokens(store, 1)[at].lemma == OLD
    assert store.query("SELECT lemma, count FROM article_terms WHERE article_id = 1 ORDER BY lemma") == before
    assert store.integrity() == "ok"
    store.close()


def test_an_article_deleted_while_analysed_is_not_brought_back(db_path: Path):
    assert run("import", str(SEED)).exit_code == 0
    store = Store(db_path)
    tokens = load_tokens(store, 1)
    assert run("delete", "1", "--yes").exit_code == 0
    assert not replace_analysis(store, 1, tokens)
    assert store.scalar("SELECT count(*) FROM analyses") == 0
    assert store.scalar("SELECT count(*) FROM article_terms") == 0
    store.close()
