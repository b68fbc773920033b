"""Personal coverage: correct at import, updated incrementally on every status change, assumed words apart."""

from __future__ import annotations

import random

import pytest

from reader import library
from reader.scoring import assume, coverage, ensure
from reader.scoring.listing import list_columns
from reader.store import articles
from reader.store.terms import (
    IGNORED,
    KNOWN,
    LEARNING,
    NEW,
    STATUSES,
    set_status,
    set_statuses,
    statuses,
    undo_last,
)

TEXTS = [
    "Der Verteidigungsminister besuchte am Montag das Haus. Angela Merkel sprach mit 20 Ministern über die "
    "Verteidigung und die Haustür.",
    "Die Haustür war offen. Der Minister ging in das Haus und las die Zeitung, die auf dem Tisch lag.",
    "Im Haushalt fehlen 300 Millionen Euro. Die Regierung plant eine neue Steuer für das Haus.",
]


@pytest.fixture
def library_store(store):
    ids = [library.import_text(store, text, ref=f"t{k}").article_id for k, text in enumerate(TEXTS)]
    return store, ids


def expected(store, article_id):
    """Coverage recomputed from scratch from the stored analysis and the current statuses."""
    return coverage.compute(coverage.TextCounts.of(articles.load_tokens(store, article_id)), statuses(store))


def assert_current(store, ids):
    cached = coverage.article_coverage(store)
    for article_id in ids:
        assert cached[article_id] == expected(store, article_id), article_id


def test_import_writes_a_coverage_row_counting_names_and_numbers_as_known(library_store):
    store, ids = library_store
    cov = coverage.article_coverage(store)[ids[0]]
    tokens = articles.load_tokens(store, ids[0])
    assert cov.total == sum(t.kind in ("word", "name", "number") for t in tokens)
    assert cov.known == sum(t.kind in ("name", "number") for t in tokens) == 3  # Angela Merkel, 20
    assert cov.new_words == len({t.lemma for t in tokens if t.kind == "word"})
    assert cov.verdict == "hard"


def test_a_status_change_updates_every_article_containing_the_word(library_store):
    store, ids = library_store
    before = coverage.article_coverage(store)
    set_status(store, "Haus", KNOWN)
    after = coverage.article_coverage(store)
    for article_id in ids:  # "Haus" occurs once in each text
        assert after[article_id].known == before[article_id].known + 1
        assert after[article_id].new_words == before[article_id].new_words - 1
    set_status(store, "Haus", LEARNING[0])  # learning: not known, no longer new
    assert coverage.article_coverage(store)[ids[0]].known == before[ids[0]].known
    assert coverage.article_coverage(store)[ids[0]].new_words == before[ids[0]].new_words - 1
    assert_current(store, ids)


def test_a_compound_of_known_parts_counts_half(library_store):
    store, ids = library_store
    start = coverage.article_coverage(store)[ids[1]].known
    set_statuses(store, ["Haus"], KNOWN)
    assert coverage.article_coverage(store)[ids[1]].known == start + 1
    set_statuses(store, ["Tür"], IGNORED)  # both parts of "Haustür" known now: half credit
    assert coverage.article_coverage(store)[ids[1]].known == start + 1.5
    set_status(store, "Haustür", KNOWN)
    assert coverage.article_coverage(store)[ids[1]].known == start + 2
    undo_last(store)
    undo_last(store)
    assert coverage.article_coverage(store)[ids[1]].known == start + 1
    assert_current(store, ids)


def test_random_changes_and_undos_keep_the_cache_equal_to_a_full_recount(library_store):
    store, ids = library_store
    rng = random.Random(4)
    lemmas = sorted({t.lemma for a in ids for t in articles.load_tokens(store, a) if t.kind == "word"})
    lemmas += ["Tür", "Verteidigung", "Minister", "Halt"]
    for _ in range(60):
        if rng.random() < 0.25:
            undo_last(store)
        else:
            set_statuses(store, rng.sample(lemmas, rng.randint(1, 4)), rng.choice(STATUSES))
        assert_current(store, ids)


def test_change_and_coverage_roll_back_together(library_store):
    store, ids = library_store
    before = coverage.article_coverage(store)
    with pytest.raises(RuntimeError), store.transaction():
        set_status(store, "Haus", KNOWN)
        raise RuntimeError("crash after the write")
    assert statuses(store, ["Haus"]) == {}
    assert coverage.article_coverage(store) == before


def test_assumed_level_marks_frequent_words_apart_from_the_learners(library_store):
    store, ids = library_store
    assert assume.needs_level(store)
    set_status(store, "Zeitung", LEARNING[1])  # the learner's own mark
    at_b1 = assume.apply_level(store, "B1")
    assert at_b1 > 5 and not assume.needs_level(store)
    rows = {r["lemma"]: (r["status"], r["assumed"]) for r in store.query("SELECT * FROM terms")}
    assert rows["der"] == rows["Haus"] == rows["Steuer"] == (KNOWN, 1)
    assert rows["Zeitung"] == (LEARNING[1], 0)
    assert "Verteidigungsminister" not in rows  # rare: not assumed
    assert_current(store, ids)
    # a lower level withdraws assumed words, never the learner's
    assert 0 < assume.apply_level(store, "A1") < at_b1
    rows = {r["lemma"]: (r["status"], r["assumed"]) for r in store.query("SELECT * FROM terms")}
    assert rows["der"] == (KNOWN, 1) and rows["Zeitung"] == (LEARNING[1], 0)
    assert rows["Steuer"][0] == NEW  # Zipf 4.4: known at B1, not at A1
    assert_current(store, ids)
    # marking an assumed word makes it the learner's own
    set_status(store, "der", KNOWN)
    assert store.query("SELECT assumed FROM terms WHERE lemma = 'der'")[0][0] == 0


def test_articles_imported_after_a_level_get_their_frequent_words_assumed(store):
    assume.apply_level(store, "B2")
    art = library.import_text(store, "Die Kinder spielen im Garten. Danach essen sie Kuchen.").article_id
    assumed = {r[0] for r in store.query("SELECT lemma FROM terms WHERE assumed = 1")}
    assert {"Kind", "spielen", "Garten", "essen"} <= assumed
    assert coverage.article_coverage(store)[art] == expected(store, art)


def test_missing_rows_are_restored_and_listed(library_store):
    store, ids = library_store
    with store.transaction() as conn:
        conn.execute("DELETE FROM article_coverage WHERE article_id = ?", (ids[2],))
        conn.execute("UPDATE articles SET score = NULL, level = NULL WHERE id = ?", (ids[2],))
    columns = list_columns(store)
    assert set(columns) == set(ids)
    assert columns[ids[2]]["level"] in ("A1", "A2", "B1", "B2", "C1", "C2")
    assert str(columns[ids[2]]["known"]).endswith("%")
    assert ensure(store) == 0
    assert_current(store, ids)


def test_rebuild_matches_incremental_state(library_store):
    store, ids = library_store
    set_statuses(store, ["Haus", "der", "Minister", "Verteidigung"], KNOWN)
    cached = coverage.article_coverage(store)
    coverage.rebuild(store)
    assert coverage.article_coverage(store) == cached


def test_verdict_thresholds():
    assert [coverage.verdict(x) for x in (0.99, 0.98, 0.97, 0.95, 0.949)] == [
        "comfortable", "comfortable", "with help", "with help", "hard"]
