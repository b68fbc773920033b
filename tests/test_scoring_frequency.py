"""The scoring's word frequencies (`reader.zipf.Zipf`) are wordfreq's own `zipf_frequency` values."""

from __future__ import annotations

from wordfreq import top_n_list, zipf_frequency

from reader.scoring import frequency

# lemmas as the analysis gives them: capitalised, ß, umlauts, hyphens, digits, apostrophes, names, unknown
TRICKY = ["Haus", "haus", "Straße", "Strasse", "Öl", "über", "NATO-Partner", "Spa-/Wellness-Bereich", "G7",
          "2024", "1990er", "9-Euro-Ticket", "Hartz-IV-Empfänger", "Erdoğan", "Wałęsa", "Café",
          "e\u0301te\u0301", "ﬁnden", "McDonald's", "Verteidigungsressourcen", "Xyzzyqq", "", " ",
          "zurück rudern", "Baden-Württemberg"]


def test_scoring_zipf_is_wordfreqs():
    words = TRICKY + [w.capitalize() for w in top_n_list("de", 3000)[::3]]
    assert [frequency.zipf(w) for w in words] == [zipf_frequency(w, "de") for w in words]
    assert frequency.lemma_zipf("Verteidigungsressourcen", ["Verteidigung", "Ressource"]) == min(
        zipf_frequency("Verteidigung", "de"), zipf_frequency("Ressource", "de"))
