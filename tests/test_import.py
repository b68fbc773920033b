"""Importing into a real SQLite file through the `lesen` command: seeds, re-imports, URLs, analyze."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, serve_pages

from reader import library
from reader.cli import main
from reader.store import Store
from reader.store.articles import list_articles, load_tokens

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Bahn erhöht die Preise | Beispielzeitung</title></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Bahn erhöht die Preise im Fernverkehr</h1>
<p>Die Deutsche Bahn hebt ihre Preise zum Fahrplanwechsel an. Betroffen sind vor allem die Flexpreise im
Fernverkehr, wie das Unternehmen am Montag in Berlin mitteilte.</p>
<p>Verbraucherschützer kritisierten die Erhöhung scharf. Sie forderten die Bundesregierung auf, die
Preise für Pendler stabil zu halten und den Nahverkehr weiter auszubauen.</p>
</article><footer>Impressum Datenschutz Kontakt</footer></body></html>"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_seeds_import_once(db_path: Path):
    result = run("import", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "5 imported, 0 already there, 0 refused." in result.output
    again = run("import", str(SEEDS / "001_9c8e84d3104ac2b8.txt"))
    assert again.exit_code == 0
    assert "already in the library" in again.output

    store = Store(db_path)
    arts = list_articles(store)
    assert len(arts) == 5
    art = next(a for a in arts if a.title == "USA und Japan Zusammenrücken gegen Kim")
    assert art.published == "2017-08-17T22:11" and art.source == "Inforadio"
    tokens = load_tokens(store, art.id)
    assert sum(t.is_word for t in tokens) == art.words
    zur = [t for t in tokens if t.lemma == "zurückrudern"]
    assert [t.text for t in zur] == ["ruderte", "zurück"]
    # per-article lemma counts answer "how many of this article's words" in one query
    count = store.scalar("SELECT count FROM article_terms WHERE article_id = ? AND lemma = ?",
                         (art.id, "Denuklearisierung"))
    assert count == 1
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.integrity() == "ok"
    store.close()


def test_list_json(db_path: Path):
    run("import", str(SEEDS))
    out = run("list", "--json").output.splitlines()
    rows = [json.loads(line) for line in out]
    assert len(rows) == 5
    assert {"id", "title", "source", "date", "words"} <= set(rows[0])
    assert any(r["source"] == "ntv.de" for r in rows)


def test_import_if_empty_imports_only_into_an_empty_library(db_path: Path):
    assert run("import", "--if-empty", str(SEEDS)).exit_code == 0
    second = run("import", "--if-empty", str(SEEDS))
    assert "already has articles" in second.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


@pytest.fixture
def http_page():
    with serve_pages({"/artikel.html": ("text/html; charset=utf-8", PAGE.encode("utf-8"))}) as base:
        yield base


def test_url_import(db_path: Path, http_page: str):
    result = run("import", f"{http_page}/artikel.html")
    assert result.exit_code == 0, result.output
    store = Store(db_path)
    (art,) = list_articles(store)
    assert art.url == f"{http_page}/artikel.html"
    assert "Bahn erhöht die Preise" in art.title
    body = store.scalar("SELECT body FROM articles")
    assert "Fahrplanwechsel" in body and "Impressum" not in body and "Startseite" not in body
    store.close()
    missing = run("import", f"{http_page}/fehlt.html")
    assert missing.exit_code == 1
    assert "404" in missing.output


def test_analyze_json_offsets(tmp_path: Path):
    text = "Kim ruderte von angeblichen Angriffsplänen zurück.\n\nDie USA halten eine Übung ab."
    f = tmp_path / "t.txt"
    f.write_text(text, encoding="utf-8")
    result = run("analyze", str(f), "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    ruderte = next(r for r in rows if r["text"] == "ruderte")
    assert ruderte["lemma"] == "zurückrudern" and rows[ruderte["verb"]["other"]]["text"] == "zurück"
    assert next(r for r in rows if r["text"] == "Die")["sentence"] == 1
    piped = run("analyze", "-", "--json", input=text)
    assert piped.output == result.output


def test_analyze_gives_nouns_the_dictionary_gender(tmp_path: Path, small_dict: Path):
    """A noun no suffix rule covers takes its gender from the dictionary, a compound its head's."""
    text = "Der Tisch steht im Gasthaus."
    result = run("analyze", "-", "--json", input=text)
    assert result.exit_code == 0, result.output
    genders = {r["text"]: r.get("gender") for r in map(json.loads, result.output.splitlines())}
    assert genders["Tisch"] == "m" and genders["Gasthaus"] == "n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not text"),
        (b"The threats from North Korea prompted a meeting of ministers.", "does not look German"),
    ],
    ids=["empty", "whitespace", "png", "english"],
)
def test_analyze_refuses_bad_files(tmp_path: Path, content: bytes, reason: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    result = CliRunner().invoke(main, ["analyze", str(f)])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0]


def test_analyze_refuses_a_directory(tmp_path: Path):
    result = CliRunner().invoke(main, ["analyze", str(tmp_path)])
    assert result.exit_code != 0 and "is a directory" in result.output


def test_an_import_leaves_no_reference_cycles(tmp_path: Path):
    """An importing process runs the garbage collector's full collections a tenth as often
    (`library._settle_gc`); that holds nothing back only while an import leaves no cycles behind."""
    seeds = sorted(SEEDS.glob("*.txt"))
    with Store(tmp_path / "lesen.db") as store:
        list(library.import_refs(store, [str(seeds[0])], save_cache=False))  # models and tables loaded
        gc.collect()
        results = list(library.import_refs(store, [str(p) for p in seeds[1:]], save_cache=False))
        assert [r.outcome for r in results] == [library.ADDED] * 4
        del results
        assert gc.collect() == 0
    assert gc.get_threshold()[2] == library.FULL_COLLECTION_EVERY
