"""`lesen score`, `lesen level` and the difficulty columns of `lesen list`, through the real CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import SEEDS

from reader.cli import main
from reader.scoring.levels import LEVELS
from reader.store import Store
from reader.store.terms import KNOWN, set_statuses

SEED = SEEDS / "001_9c8e84d3104ac2b8.txt"
KEYS = {"level", "score", "coverage", "verdict", "new_words", "sentence_length", "bands", "to_reach_95",
        "to_reach_98"}


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_score_files_and_articles_in_order_without_adding_files(db_path, tmp_path):
    assert run(db_path, "import", str(SEEDS / "000_c465e4351b0a3578.txt")).exit_code == 0
    easy = tmp_path / "easy.txt"
    easy.write_text("Das ist Tom. Tom hat einen Hund. Der Hund heißt Bello. Tom und Bello spielen im Garten.",
                    encoding="utf-8")
    result = run(db_path, "score", "--json", str(SEED), "1", str(easy))
    assert result.exit_code == 0, result.output
    first, stored, simple = json_lines(result.output)
    assert [first["ref"], stored["ref"], simple["ref"]] == [str(SEED), "1", str(easy)]
    assert stored["id"] == 1 and "id" not in first
    for obj in (first, stored, simple):
        assert KEYS <= set(obj) and obj["level"] in LEVELS
        assert abs(sum(obj["bands"].values()) - 1) < 0.01
    assert simple["score"] < first["score"] and LEVELS.index(simple["level"]) < LEVELS.index(first["level"])
    assert simple["sentence_length"] < first["sentence_length"]
    with Store(db_path) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 1
        assert store.scalar("SELECT score FROM articles WHERE id = 1") == stored["score"]


def test_to_reach_lists_are_the_fewest_words_that_reach_the_target(db_path):
    (obj,) = json_lines(run(db_path, "score", "--json", str(SEED)).output)
    assert obj["coverage"] < 0.95 and len(obj["to_reach_95"]) <= len(obj["to_reach_98"])
    assert obj["to_reach_98"][: len(obj["to_reach_95"])] == obj["to_reach_95"]
    with Store(db_path) as store:
        set_statuses(store, obj["to_reach_95"][:-1], KNOWN)
    (short,) = json_lines(run(db_path, "score", "--json", str(SEED)).output)
    assert short["coverage"] < 0.95
    with Store(db_path) as store:
        set_statuses(store, obj["to_reach_95"][-1:], KNOWN)
    (done,) = json_lines(run(db_path, "score", "--json", str(SEED)).output)
    assert done["coverage"] >= 0.95 and done["to_reach_95"] == [] and done["verdict"] != "hard"


def test_bad_refs_fail_with_one_line_each_and_the_rest_is_scored(db_path, tmp_path):
    result = CliRunner().invoke(main, ["--db", str(db_path), "score", "nope", str(SEED)])
    assert result.exit_code == 1
    assert "lesen: nope: no such file or article" in result.output
    assert f"{SEED}:" in result.output and "Traceback" not in result.output


def test_level_command_and_list_columns(db_path):
    assert "No level set" in run(db_path, "level").output
    run(db_path, "import", str(SEED))
    (plain,) = json_lines(run(db_path, "list", "--json").output)
    assert plain["level"] in ("B2", "C1") and plain["known"] < 20
    result = run(db_path, "level", "b2")
    assert result.exit_code == 0 and "Level B2" in result.output
    assert "Your level: B2" in run(db_path, "level").output
    (after,) = json_lines(run(db_path, "list", "--json").output)
    assert after["known"] > 80 and after["new_words"] < plain["new_words"]
    text = run(db_path, "list").output
    assert f"known {after['known']:.1f}%" in text and f"level {after['level']}" in text
    assert f"new words {after['new_words']}" in text
    bad = CliRunner().invoke(main, ["--db", str(db_path), "level", "Z9"])
    assert bad.exit_code == 1 and "not a level" in bad.output
