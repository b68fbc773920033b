"""The difficulty model: fitted file, features from our analysis, levels of real texts."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, shared_file

from reader import library, nlp
from reader.scoring import difficulty, fitting, levels, stored_rows
from reader.scoring.features import FEATURES, text_features
from reader.scoring.frequency import lemma_zipf, zipf
from reader.scoring.model import MODEL_PATH
from reader.store import articles


@pytest.fixture(scope="module")
def corpus():
    folder = shared_file("data", "textcomplexityde19", "ratings.csv").parent
    return fitting.read_ratings(folder), fitting.read_pairs(folder)


@pytest.fixture(scope="module")
def seed_tokens():
    bodies = [library.prepare_text(p.read_text(encoding="utf-8"), p.name).article.body
              for p in sorted(SEEDS.glob("*.txt"))]
    return list(nlp.analyze_many(bodies))


def test_model_file_is_complete_and_records_its_validation():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(FEATURES)
    cuts = data["cutoffs"]
    assert len(cuts) == len(levels.LEVELS) - 1 and cuts == sorted(cuts)
    assert data["cv"]["pearson_r"] >= 0.82 and data["cv"]["held_out"] == "whole articles"


def test_plain_language_sentences_score_lower_than_wikipedia(corpus):
    rows, _ = corpus
    plain = [r["text"] for r in rows if r["article"] in (24, 25)][::3][:25]
    wiki = [r["text"] for r in rows if r["article"] <= 23][::30][:25]
    scores = [difficulty(t).score for t in nlp.analyze_many(plain + wiki)]
    mean_plain, mean_wiki = sum(scores[:25]) / 25, sum(scores[25:]) / 25
    assert mean_plain + 0.8 < mean_wiki


def test_simplified_sentences_score_easier(corpus):
    _, pairs = corpus
    sample = pairs[::6]
    analysed = list(nlp.analyze_many([t for p in sample for t in p]))
    pairs_ = zip(analysed[::2], analysed[1::2], strict=True)
    easier = sum(difficulty(s).score < difficulty(o).score for o, s in pairs_)
    assert easier >= 0.93 * len(sample)


def test_seeds_are_b2_to_c1_and_leichte_sprache_a2_to_b1(corpus, seed_tokens):
    assert {difficulty(t).level for t in seed_tokens} <= {"B2", "C1"}
    rows, _ = corpus
    for article in (24, 25):
        text = " ".join(r["text"] for r in rows if r["article"] == article)
        assert difficulty(nlp.analyze(text)).level in ("A2", "B1")


def test_longer_rarer_sentence_scores_harder():
    easy = difficulty(nlp.analyze("Das Haus ist groß. Der Hund schläft."))
    hard = difficulty(nlp.analyze(
        "Die Bundesregierung beschloss angesichts der anhaltenden Provokationen umfangreiche "
        "Sanktionsmaßnahmen, deren völkerrechtliche Tragweite umstritten ist."))
    assert easy.score < hard.score
    assert levels.LEVELS.index(easy.level) < levels.LEVELS.index(hard.level)


def test_compounds_are_judged_by_their_parts_and_names_are_not_rare():
    assert zipf("Verteidigungsressource") == 0
    judged = lemma_zipf("Verteidigungsressource", ["Verteidigung", "Ressource"])
    assert judged == min(zipf("Verteidigung"), zipf("Ressource")) > 3
    with_names = text_features(nlp.analyze("Wolodymyr Selenskyj traf Olaf Scholz in Kyjiw."))
    assert with_names["rare"] == 0 and with_names["names"] > 0.5


def test_stored_score_is_the_score_of_the_stored_analysis(store):
    result = library.import_text(store, (SEEDS / "000_c465e4351b0a3578.txt").read_text(encoding="utf-8"))
    row = store.query("SELECT level, score, features FROM articles WHERE id = ?", (result.article_id,))[0]
    tokens = articles.load_tokens(store, result.article_id)
    assert row["score"] == difficulty(tokens).score == difficulty(stored_rows(store, result.article_id)).score
    assert row["level"] == difficulty(tokens).level
    assert json.loads(row["features"])["sentences"] == text_features(tokens)["sentences"]


def test_level_cutoffs_and_names():
    cuts = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert [levels.level_of(x, cuts) for x in (0.5, 1.0, 2.5, 4.99, 9)] == ["A1", "A2", "B1", "C1", "C2"]
    assert levels.normalise(" b1 ") == "B1"
    with pytest.raises(ValueError):
        levels.normalise("B3")


def test_fitting_recovers_a_linear_rule_and_holds_out_whole_articles():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 3))
    y = 2.0 + x @ np.array([1.5, -0.5, 0.0]) + rng.normal(scale=0.05, size=200)
    weights, intercept = fitting.fit_ridge(x, y, ridge=0.01)
    assert np.allclose(weights, [1.5, -0.5, 0.0], atol=0.03) and abs(intercept - 2.0) < 0.03
    articles_ = [k // 10 for k in range(200)]
    fold = fitting.folds_by_article(articles_)
    for a in set(articles_):
        assert len({fold[i] for i in range(200) if articles_[i] == a}) == 1
    assert fitting.pearson(fitting.cross_validate(x, y, fold), y) > 0.99
