"""Exports look the dictionary up in bulk: the same entries and glosses as word by word, fewer queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import dictionary, library
from reader.dictionary import ahead, db
from reader.dictionary import family as F
from reader.dictionary import lookup as L
from reader.export import anki as A
from reader.export import words as W
from reader.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# common and rare words, a verb whose entries tie on (line, sub, syn), a word Ding lacks, a separable verb
KEYS = ["haus", "abschreckung", "erinnern", "gehen", "sein", "die", "atomwaffenarsenal", "xyzzyq",
        "zurückrudern"]


@pytest.fixture(scope="module")
def dict_path() -> str:
    path = dictionary.ensure_imported(quiet=True)
    if path is None:
        pytest.skip("no dictionary (install Debian's trans-de-en)")
    return str(path)


@pytest.fixture(scope="module")
def words(tmp_path_factory, dict_path) -> list[W.Word]:
    """Every exportable word of the seed articles, with its example sentence."""
    with Store(tmp_path_factory.mktemp("lib") / "lesen.db") as store:
        for seed in sorted(SEEDS.glob("*.txt")):
            library.store_prepared(store, library.prepare(str(seed)))
        cache = A.ArticleCache(store)
        out = [A.word_of(c, cache) for c in A.select(store, A.Options())]
    assert len(out) > 300
    return out


def queries(monkeypatch) -> list[int]:
    """A counter of the dictionary connections asked for (one per query of the lookups)."""
    count = [0]
    real = db.connection

    def counted(path=None):
        count[0] += 1
        return real(path)

    monkeypatch.setattr(db, "connection", counted)
    return count


def families(path: str) -> dict[tuple[str, str], dict]:
    return {(k, pos): dict(F.family(path, k, pos)) for k in KEYS for pos in ("NOUN", "VERB", "ADJ", "X")}


def test_rows_loaded_ahead_are_the_rows_queried_one_by_one(dict_path, monkeypatch):
    db.reset()
    single = {k: L.entries(dict_path, k) for k in KEYS}
    lines = {r.line: L.line_words(dict_path, r.line) for rows in single.values() for r in rows}
    fams = families(dict_path)
    assert single["erinnern"] and not single["xyzzyq"]
    assert fams[("haus", "NOUN")] and fams[("gehen", "VERB")] and not fams[("xyzzyq", "NOUN")]
    db.reset()
    with L.loaded_ahead(KEYS, Path(dict_path)):
        count = queries(monkeypatch)
        assert {k: L.entries(dict_path, k) for k in KEYS} == single
        assert {n: L.line_words(dict_path, n) for n in lines} == lines
        assert families(dict_path) == fams
        assert count[0] == 0
    assert not any(k[1] == dict_path for k in ahead.rows)  # nothing is kept after the block


def test_bulk_descriptions_are_the_word_by_word_ones(words, monkeypatch):
    db.reset()  # cold caches for both paths
    count = queries(monkeypatch)
    one_by_one = [W.describe(w) for w in words]
    per_word = count[0]
    db.reset()
    count[0] = 0
    assert W.describe_all(words) == one_by_one
    assert count[0] < per_word / 3
    glossed = [v for v in one_by_one if v.meaning]
    assert len(glossed) > 0.9 * len(one_by_one)


def test_bulk_glosses_are_the_single_word_lookups(words):
    """Each exported word gets the gloss the gloss panel's own single-word lookup (`gloss_token`) gives, in
    the lemma's degree (`besser` in the example: the entry `gut`, well)."""
    placed = [w for w in words if w.place is not None and w.place.hit is not None]
    db.reset()
    single = [dictionary.gloss_token(list(w.place.tokens), w.place.hit, grade=False) for w in placed]
    db.reset()
    views = W.describe_all(placed)
    assert [v.meaning for v in views] == [g.best for g in single]
    nouns = [(v.article, g.article) for v, g in zip(views, single, strict=True)
             if v.pos == "NOUN" and g.article]
    assert nouns and all(a == b for a, b in nouns)


def test_a_dictionary_reimport_drops_what_was_loaded_ahead(dict_path):
    with L.loaded_ahead(["haus"], Path(dict_path)):
        assert ("entries", dict_path, "haus") in ahead.rows
        db.reset()
        assert ("entries", dict_path, "haus") not in ahead.rows


def test_without_a_dictionary_nothing_is_loaded(tmp_path):
    with L.loaded_ahead(["haus"], tmp_path / "none.db"):
        assert not any(k[1] == str(tmp_path / "none.db") for k in ahead.rows)


def test_sentence_context_is_the_whole_texts_words_of_that_sentence(words):
    """Only the word's own sentence is read; the context is what a scan of the whole text finds."""
    def scanned(tokens, index):
        t = tokens[index]
        skip = {index, (t.verb or {}).get("other", index)}
        return frozenset(w for u in tokens if u.sentence == t.sentence and u.i not in skip
                         and u.kind in ("word", "name") and u.pos in dictionary._CONTENT
                         for w in ((u.base or u.lemma).lower(), u.text.lower()))

    placed = [w.place for w in words if w.place is not None and w.place.hit is not None]
    assert len(placed) > 300
    assert all(dictionary.sentence_context(p.tokens, p.hit) == scanned(p.tokens, p.hit) for p in placed)
    tokens = placed[0].tokens
    assert all(dictionary.sentence_context(tokens, k) == scanned(tokens, k) for k in range(len(tokens)))
