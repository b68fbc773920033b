"""The language check's shipped table of outvoted words gives exactly the live vote (wordfreq's Zipf)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from wordfreq import iter_wordlist

from reader.nlp import language

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W\d_]{2,}")
SENTENCES = {
    "de": "Die Drohungen Nordkoreas waren Anlass für ein Treffen der Verteidigungsminister in Straßburg.",
    "en": "The threats from North Korea prompted a meeting of the defence ministers in Strasbourg.",
    "fr": "Les menaces de la Corée du Nord ont provoqué une réunion des ministres de la défense.",
    "es": "Las amenazas de Corea del Norte provocaron una reunión de los ministros de defensa.",
    "it": "Le minacce della Corea del Nord hanno provocato una riunione dei ministri della difesa.",
    "nl": "De dreigementen van Noord-Korea leidden tot een bijeenkomst van de ministers van defensie.",
}


@pytest.fixture
def fresh():
    language._votes.clear()
    language._table.cache_clear()
    yield
    language._votes.clear()
    language._table.cache_clear()


def test_table_is_built_from_the_installed_wordfreq(fresh):
    assert language._table() is not None, "stale table: run reader.nlp.language.write_table()"


def test_table_votes_are_the_live_votes(fresh):
    words = {w for p in sorted((ROOT / "seeds").glob("*.txt"))
             for w in WORD.findall(p.read_text(encoding="utf-8"))}
    words |= {w for s in SENTENCES.values() for w in WORD.findall(s)}
    rnd = random.Random(7)
    for lang in ("de", "en", "tr", "pl"):
        words |= set(rnd.sample(list(iter_wordlist(lang))[:200_000], 1500))
    words |= {"Erdoğan", "Wałęsa", "Dvořák", "ﬁnden", "İstanbul", "σοφός", "ｔｅｓｔ", "café", "Straße"}
    words = {w.lower() for w in words}
    assert [w for w in words if language._vote(w) != language._live_vote(w)] == []
    assert sum(language._token(w) is not None for w in words) > 0.95 * len(words)  # the table answers


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_share_by_language(fresh, lang):
    assert language.is_german(SENTENCES[lang]) == (lang == "de")


def test_other_wordfreq_version_votes_live(fresh, tmp_path, monkeypatch):
    data = json.loads(language.TABLE.read_text(encoding="utf-8"))
    data["wordfreq"] = "0.0"
    data["outvoted"] = []  # would make every German-list word German if it were used
    stale = tmp_path / "not-german.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(language, "TABLE", stale)
    assert language._table() is None
    assert not language._vote("the")
    assert not language.is_german(SENTENCES["en"])


def test_missing_table_votes_live(fresh, tmp_path, monkeypatch):
    monkeypatch.setattr(language, "TABLE", tmp_path / "absent.json")
    assert language._table() is None
    assert language.german_share(SENTENCES["de"]) > 0.8
    assert language.german_share(SENTENCES["en"]) < 0.5
