"""English frequencies stored at import equal wordfreq's; the import's quick paths change nothing."""

from __future__ import annotations

import json

import pytest
import wordfreq
from wordfreq import top_n_list, zipf_frequency

from reader import dictionary
from reader.dictionary import db, family, ranking
from reader.dictionary.build import HYPHEN_BREAK
from reader.frequency_table import TrieFrequencies
from reader.zipf import Zipf

# digits, hyphens, apostrophes, slashes, accents, unknown and empty texts, several words
TRICKY = ["cheese", "Cheese", "nuclear deterrence", "6-0", "G-M", "1990s", "Azara's", "dependants’",
          "reach/shoot", "naïve café", "xyzzyqq", "xyzzyqq cheese", "", "  ", "…", "to keep away",
          "rock 'n' roll", "U.S.", "far,", "hand-tight screw", "the the the the", "ﬁne", "e\u0301te\u0301"]


@pytest.fixture(scope="module")
def conn():
    path = dictionary.ensure_imported(quiet=True)
    if path is None:
        pytest.skip("no dictionary (install Debian's trans-de-en)")
    return db.connection(path)


def test_tricky_texts_get_wordfreqs_own_zipf():
    zipf = Zipf("en")
    assert [zipf(t) for t in TRICKY] == [zipf_frequency(t, "en") for t in TRICKY]
    assert zipf("nuclear deterrence") < zipf("deterrence") < zipf("cheese")
    with pytest.raises(ValueError):
        Zipf("ja")  # wordfreq's Japanese tokeniser is not a regex


def test_german_words_get_wordfreqs_own_zipf():
    """The ranking's common-word test: wordfreq's German list, capitalised, with ß, umlauts and foreign
    letters."""
    words = top_n_list("de", 30_000)
    words += [w.capitalize() for w in words[:5_000]] + [w.upper() for w in words[:2_000]]
    words += ["Straße", "STRASSE", "Maß", "Œuvre", "naïve", "µ", "E-Mail", "z.B.", "2024", "xyzzyqq", ""]
    # digit sequences, which wordfreq weights by its own estimate (a year, Benford's law)
    words += ["B-52", "2022er", "80er-Jahre", "COVID-19", "G7", "1.000", "20.000", "3,5", "17", "1990",
              "Windows 10", "pH-7"]
    wordfreq.get_frequency_dict.cache_clear()
    zipf = Zipf("de")
    ours = [zipf(w) for w in words]
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0  # wordfreq's dict was never needed
    assert ours == [zipf_frequency(w, "de") for w in words]
    assert isinstance(zipf._freqs, TrieFrequencies)  # wordfreq's list from the cache folder's table


def test_stored_sense_frequencies_are_wordfreqs(conn):
    """Every 40th line: each sense's stored Zipf is wordfreq's Zipf of its core words, one less per hyphen
    (wordfreq reads `out-and-out` as three words side by side)."""
    checked = hyphenated = 0
    for (senses,) in conn.execute("SELECT senses FROM subs WHERE (sid >> 10) % 40 = 7"):
        for text, _, stored in json.loads(senses):
            core = ranking.core(text)
            assert stored == max(0.0, zipf_frequency(core, "en") - HYPHEN_BREAK * core.count("-")), text
            checked += 1
            hyphenated += "-" in core
    assert checked > 5_000 and hyphenated > 100


def test_stored_english_words_frequencies_are_wordfreqs(conn):
    rows = conn.execute("SELECT word, zipf FROM english ORDER BY word").fetchall()[3::10]
    assert len(rows) > 2_000
    assert all(z == zipf_frequency(w, "en") for w, z in rows)


def _short_by_patterns(text: str) -> str:
    return ranking._MANY_SPACES.sub(" ", ranking._NOISE.sub(" ", text)).strip(" ,;")


def test_short_gloss_quick_path_is_the_patterns_result(conn):
    rows = conn.execute("SELECT senses FROM subs WHERE (sid >> 10) % 20 = 3")
    texts = [t for (senses,) in rows for t, *_ in json.loads(senses)]
    texts += ["to keep  away", "a\u00a0b", "a\tb", "so-called", "one's own", "(fig.) rot", "…", " x ;"]
    assert len(texts) > 10_000
    assert [ranking._plain(t) for t in texts] == [_short_by_patterns(t) for t in texts]


def test_family_ties_keep_the_first_words_seen():
    """Ties at the cut are kept in import order (a set's order would change with every run)."""
    words = [f"w{k:02d}" for k in range(family.TOP + 4)]
    members = [("zug", "NOUN", ["train"])]
    members += [(chr(97 + k) * 2 + "zug", "NOUN", [w]) for k, w in enumerate(words)]
    [(key, _, kept)] = family.table_rows(members)
    assert key == "zug" and list(json.loads(kept)) == words[: family.TOP]
