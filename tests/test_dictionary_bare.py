"""The bare rows the import's genders read (`lookup.bare_entries`: no English) equal the full rows' leading
fields, and the genders read from them equal those of the full rows (small Ding fixture)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.dictionary import lookup, nouns
from reader.dictionary.build import import_file

FIXTURE = Path(__file__).parent / "fixtures" / "ding_small.txt"
WORDS = ["Haus", "haus", "Bündnis", "Bund", "Doktor", "Doktorin", "Dr.", "Partner", "Partnerin", "Leute",
         "Kleine", "Abschreckung", "Abschreckungen", "Häuser", "Atomwaffe", "Atomwaffen", "Arsenal", "Vorrat",
         "Polizei", "abhalten", "Abhalten", "Rudern", "schnell", "mit", "Zwei", "Atomwaffenarsenal",
         "Verteidigungsressourcen", "Militärbündnis", "Xyzzy", ""]


@pytest.fixture
def small_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The fixture imported into a fresh dictionary file; no system copy can be picked up instead."""
    path = tmp_path / "dictionary.db"
    monkeypatch.setenv("LESEN_DICT", str(path))
    monkeypatch.setenv("LESEN_DING_SYSTEM", str(tmp_path / "no-system-copy"))
    import_file(FIXTURE, path)
    return str(path)


def test_bare_entries_are_the_full_rows_leading_fields(small_dict: str):
    conn = sqlite3.connect(small_dict)
    keys = [k for (k,) in conn.execute("SELECT DISTINCT key FROM entries")]
    form_keys = [k for (k,) in conn.execute("SELECT DISTINCT key FROM forms")]
    conn.close()
    assert "haus" in keys and "abgehalten" in form_keys
    for key in [*keys, "xyzzy"]:
        assert lookup.bare_entries(small_dict, key) == tuple(r[:8] for r in lookup.entries(small_dict, key))
    for key in [*form_keys, "xyzzy"]:
        assert lookup.bare_entries(small_dict, key, True) == tuple(
            r[:8] for r in lookup.form_entries(small_dict, key))
    (haus,) = lookup.bare_entries(small_dict, "haus")
    assert (haus.word, haus.pos, haus.gender, haus.main, len(haus)) == ("Haus", "NOUN", "n", True, 8)


def test_genders_from_bare_rows_equal_the_full_rows(small_dict: str):
    for word in WORDS:
        row = lookup.noun_row(small_dict, word) if word else None
        assert nouns.own_gender(small_dict, word) == (row.gender if row else None), word
        full = lookup.entries(small_dict, word.lower())  # display reads bare rows: the same word as the full
        for capital in (True, False):
            want = [r.word for r in full if r.word[:1].isupper() == capital]
            expected = want[0] if want else full[0].word if full else word.lower()
            assert lookup.display(small_dict, word.lower(), capital) == expected
    assert nouns.own_gender(small_dict, "Dr.") == "m"  # an abbreviation: a listed form's entry
    assert nouns.own_gender(small_dict, "Bund") == "m" and nouns.own_gender(small_dict, "Bündnis") == "n"
    assert nouns.gender(small_dict, "Atomwaffenarsenal") == "n"  # the compound head's
    assert nouns.nominalised_infinitive(small_dict, "Abhalten")
    assert nouns.gender(small_dict, "Abhalten") == "n"


def test_bare_entries_follow_a_reimport(small_dict: str, tmp_path: Path):
    assert lookup.bare_entries(small_dict, "haus")[0].gender == "n"
    other = tmp_path / "other.txt"
    other.write_text("Haus {m} :: house\n", encoding="utf-8")
    import_file(other, Path(small_dict))  # resets the caches
    assert lookup.bare_entries(small_dict, "haus")[0].gender == "m"
    assert nouns.gender(small_dict, "Haus") == "m"
