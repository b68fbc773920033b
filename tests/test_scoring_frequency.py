"""The scoring's word frequencies (`reader.zipf.Zipf`) are wordfreq's own `zipf_frequency` values."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS
from wordfreq import lossy_tokenize, top_n_list, zipf_frequency

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


def test_word_tokens_are_wordfreqs():
    """The quick path for words of Latin letters and digits, alone or hyphenated, splits as wordfreq does;
    checked on every token of the five seeds, hyphen and digit shapes, and every Latin letter (Erdoğan)."""
    from reader.cleaning import clean
    from reader.nlp import analyze
    from reader.zipf import wordfreq_tokens

    words = {t.text for p in sorted(SEEDS.glob("*.txt"))
             for t in analyze(clean(p.read_text(encoding="utf-8")).body)}
    words |= {"B-52H-Bomber", "Atom-", "Atom--", "E-Mail-Adresse", "x-mal", "A--B", "-los", "3D-Drucker",
              "Covid-19-Pandemie", "US-Außenminister", "ÖL-Preis", "2022er", "52.000", "ﬁ-Test", "l'Oréal",
              "Straße-", "Ærø-Fähre", "Ĳssel-See", "K.-o.-Runde"}
    assert len(words) > 800 and sum("-" in w for w in words) > 30
    letters = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
    words |= {shape.format(c) for c in letters for shape in ("{}", "Ab{}cd", "{}ber", "Wort-{}x")}
    assert {w: wordfreq_tokens(w, "de") for w in words} == {w: lossy_tokenize(w, "de") for w in words}


def test_analysing_and_storing_german_news_never_imports_wordfreq(tmp_path):
    """Importing the `wordfreq` package takes a seventh of a command's start-up; the import of the seeds
    (language check, analysis, scores) reads wordfreq's lists from the cache folder's tries alone."""
    script = (
        "import sys; from pathlib import Path; from reader import library; from reader.store import Store\n"
        f"store = Store({str(tmp_path / 'lesen.db')!r})\n"
        f"results = [library.import_ref(store, str(p)) for p in sorted(Path({str(SEEDS)!r}).glob('*.txt'))]\n"
        "assert [r.outcome for r in results] == ['added'] * 5, [r.message for r in results]\n"
        "print(sorted(m for m in sys.modules if m.startswith('wordfreq')))\n"
    )
    frequency.zipf("laden")  # the trie exists in the tests' cache folder, as after a first import
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_a_stem_is_as_common_as_its_citation_form():
    """HanTa's lemmas of words used only inflected are stems rarely written alone: as common as their -e
    form; a common lemma, a capitalised one (a noun and its plural) and a compound keep their own rule."""
    for stem in ("letzt", "ander", "jed", "zweit"):
        assert frequency.lemma_zipf(stem) == zipf_frequency(stem + "e", "de") > zipf_frequency(stem, "de") + 1
    for lemma in ("gut", "Tag", "ab"):
        assert frequency.lemma_zipf(lemma) == zipf_frequency(lemma, "de")
