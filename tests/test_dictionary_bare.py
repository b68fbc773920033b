"""The bare rows the import's genders read (`lookup.bare_entries`: no English) equal the full rows' leading
fields, and the genders read from them equal those of the full rows (small Ding fixture)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.dictionary import lookup, nouns
from reader.dictionary.build import import_file

WORDS = ["Haus", "haus", "Bündnis", "Bund", "Doktor", "Doktorin", "Dr.", "Partner", "Partnerin", "Leute",
         "Kleine", "Abschreckung", "Abschreckungen", "Häuser", "Atomwaffe", "Atomwaffen", "Arsenal", "Vorrat",
         "Polizei", "abhalten", "Abhalten", "Rudern", "schnell", "mit", "Zwei", "Atomwaffenarsenal",
         "Verteidigungsressourcen", "Militärbündnis", "Xyzzy", ""]


@pytest.fixture
def dict_file(small_dict: Path) -> str:
    """The small fixture's dictionary file as the lookup functions take it."""
    return str(small_dict)


def test_bare_entries_are_the_full_rows_leading_fields(dict_file: str):
    conn = sqlite3.connect(dict_file)
    keys = [k for (k,) in conn.execute("SELECT DISTINCT key FROM entries")]
    form_keys = [k for (k,) in conn.execute("SELECT DISTINCT key FROM forms")]
    conn.close()
    assert "haus" in keys and "abgehalten" in form_keys
    for key in [*keys, "xyzzy"]:
        assert lookup.bare_entries(dict_file, key) == tuple(r[:8] for r in lookup.entries(dict_file, key))
    for key in [*form_keys, "xyzzy"]:
        assert lookup.bare_entries(dict_file, key, True) == tuple(
            r[:8] for r in lookup.form_entries(dict_file, key))
    (haus,) = lookup.bare_entries(dict_file, "haus")
    assert (haus.word, haus.pos, haus.gender, haus.main, len(haus)) == ("Haus", "NOUN", "n", True, 8)


def test_genders_from_bare_rows_equal_the_full_rows(dict_file: str):
    for word in WORDS:
        row = lookup.noun_row(dict_file, word) if word else None
        assert nouns.own_gender(dict_file, word) == (row.gender if row else None), word
        full = lookup.entries(dict_file, word.lower())  # display reads bare rows: the same word as the full
        for capital in (True, False):
            want = [r.word for r in full if r.word[:1].isupper() == capital]
            expected = want[0] if want else full[0].word if full else word.lower()
            assert lookup.display(dict_file, word.lower(), capital) == expected
    assert nouns.own_gender(dict_file, "Dr.") == "m"  # an abbreviation: a listed form's entry
    assert nouns.own_gender(dict_file, "Bund") == "m" and nouns.own_gender(dict_file, "Bündnis") == "n"
    assert nouns.gender(dict_file, "Atomwaffenarsenal") == "n"  # the compound head's
    assert nouns.nominalised_infinitive(dict_file, "Abhalten")
    assert nouns.gender(dict_file, "Abhalten") == "n"


def test_bare_entries_follow_a_reimport(dict_file: str, tmp_path: Path):
    assert lookup.bare_entries(dict_file, "haus")[0].gender == "n"
    other = tmp_path / "other.txt"
    other.write_text("Haus {m} :: house\n", encoding="utf-8")
    import_file(other, Path(dict_file))  # resets the caches
    assert lookup.bare_entries(dict_file, "haus")[0].gender == "m"
    assert nouns.gender(dict_file, "Haus") == "m"
