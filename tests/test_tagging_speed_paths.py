"""The fast paths of the analysis give HanTa's own results: our sentence decoder, our per-word search, the
shipped word table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.nlp import hanta, viterbi, word_table
from reader.nlp.pipeline import analyze, reset_caches

ROOT = Path(__file__).resolve().parents[1]
GSD_DEV = ROOT.parent / "shared" / "data" / "ud-german-gsd" / "de_gsd-ud-dev.conllu"


def _seed_sentences() -> list[list[str]]:
    import spacy

    from reader.cleaning import clean

    nlp = spacy.blank("de")
    out: list[list[str]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        words: list[str] = []
        for tok in nlp(clean(path.read_text(encoding="utf-8")).body):
            if tok.is_space:
                continue
            words.append(tok.text)
            if tok.text in (".", "!", "?"):
                out.append(words)
                words = []
    return out


def _gsd_sentences(limit: int) -> list[list[str]]:
    if not GSD_DEV.exists():
        return []
    out, cur = [], []
    for line in GSD_DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                cur.append(cols[1])
    return out[:limit]


def test_our_decoder_tags_exactly_like_hanta(monkeypatch):
    monkeypatch.setattr(hanta, "GUESS_COMPOUNDS", False)  # the same word analyses on both sides
    reset_caches()
    sentences = _seed_sentences() + _gsd_sentences(400)
    assert len(sentences) > 100
    plain = hanta.plain_tagger()
    for words in sentences:
        assert viterbi.tag_sentence(words) == plain.tag_sent_viterbi(words, True), " ".join(words)


def test_our_morphological_search_gives_hantas_analyses():
    """Tag scores and morpheme paths of words HanTa must analyse itself, float for float."""
    import random
    import string

    from reader.nlp.morph_search import MorphSearch

    plain = hanta.plain_tagger()
    search = MorphSearch(plain)
    rng = random.Random(7)
    words = sorted({w.lower() for s in _seed_sentences() for w in s if len(w) > 6})[::5]
    words += ["", "a", "ab", "1880", "0,12", "--", "×", "zakharova", "weltenergiebedarfs",
              "seifenfilmoberflächen"]
    words += ["".join(rng.choice(string.ascii_lowercase + "äöüß") for _ in range(rng.randint(1, 20)))
              for _ in range(60)]
    assert len(words) > 140
    for word in words:
        scores = plain.analyze_forward(word)
        assert search.forward(word) == scores, word
        for tag, _ in scores[:3]:
            assert search.viterbi(word, -tag) == plain.analyze_viterbi(word, -tag), (word, tag)


def test_decoder_handles_empty_and_unknown_input():
    assert viterbi.tag_sentence([]) == []
    tags = viterbi.tag_sentence(["Xqzvw", "#+#", "blorft", "."])
    assert len(tags) == 4 and all(isinstance(t, int) for t in tags)


def test_shipped_table_is_present_and_built_for_the_installed_hanta(tmp_path):
    assert word_table.SHIPPED.exists(), "run scripts/build_word_table.py"
    table = word_table.open_table(tmp_path)
    assert table is not None
    assert table.forward("denuklearisierung") and table.paths("denuklearisierung")  # not in HanTa's model
    assert table.forward("abschreckung") is None and table.paths("abschreckung")  # the model has its scores
    assert table.forward("qxzvwk") is None and table.paths("qxzvwk") is None


def test_analysis_with_the_table_equals_analysis_without(monkeypatch, tmp_path):
    text = "\n\n".join(" ".join(s) for s in _seed_sentences())
    monkeypatch.setattr(hanta, "GUESS_COMPOUNDS", False)  # HanTa alone on both sides
    monkeypatch.setenv("LESEN_CACHE_DIR", "off")  # no word cache, no table: HanTa computes every word
    reset_caches()
    without = analyze(text)
    monkeypatch.setenv("LESEN_CACHE_DIR", str(tmp_path))
    reset_caches()
    with_table = analyze(text)
    assert hanta.tagger().word_cache.size < len({t.text.lower() for t in without})  # the table answered
    reset_caches()
    assert with_table == without


def test_a_table_built_by_another_hanta_is_ignored(monkeypatch, tmp_path):
    rows = [("abschreckung", [[5, -1.0]], {})]
    built = tmp_path / "other.sqlite.gz"
    word_table.write_table(built, rows, "test")
    monkeypatch.setattr(word_table, "SHIPPED", built)
    assert word_table.open_table(tmp_path / "a") is not None
    monkeypatch.setattr(word_table, "hanta_version", lambda: "0.0")
    assert word_table.open_table(tmp_path / "b") is None


@pytest.fixture
def small_table(monkeypatch, tmp_path) -> tuple[Path, Path]:
    """A one-word table shipped in place of the real one, and a cache folder holding its unpacked copy."""
    built = tmp_path / "t.sqlite.gz"
    word_table.write_table(built, [("haus", None, {})], "test")
    monkeypatch.setattr(word_table, "SHIPPED", built)
    cache = tmp_path / "cache"
    word_table.open_table(cache).close()
    return built, cache


def test_a_damaged_unpacked_copy_is_unpacked_again(small_table):
    _, cache = small_table
    (unpacked,) = cache.glob("*.sqlite")
    unpacked.write_bytes(b"not a database, " * 100)
    table = word_table.open_table(cache)
    assert table is not None and table.paths("haus") == {}


def test_a_new_shipped_table_replaces_the_old_unpacked_copy(small_table):
    built, cache = small_table
    (first,) = cache.glob("*.sqlite")
    os.utime(built, (1_000_000_000, 1_000_000_000))  # an upgrade ships a new file
    table = word_table.open_table(cache)
    assert table is not None and table.paths("haus") == {}
    (second,) = cache.glob("*.sqlite")
    assert second != first


@pytest.mark.parametrize("word, lemma, parts", [
    ("Militärübungen", "Militärübung", ["Militär", "Übung"]),
    ("Würfeltürmen", "Würfelturm", ["Würfel", "Turm"]),  # `würfel`: HanTa scores it a name first
    ("Haushaltsbefugnisse", "Haushaltsbefugnis", ["Haushalt", "Befugnis"]),
    ("Kriegsfähigkeiten", "Kriegsfähigkeit", ["Krieg", "Fähigkeit"]),
])
def test_unseen_compounds_are_analysed_from_their_parts(word, lemma, parts):
    reset_caches()
    (tok,) = [t for t in analyze(f"Sie sprachen über die {word} im Norden.") if t.text == word]
    assert word.lower() not in hanta.tagger().word_cache.forward  # built from its parts, not searched
    assert (tok.lemma, tok.tag, tok.parts) == (lemma, "NN", parts)


def test_words_that_only_look_like_compounds_go_to_hanta():
    from reader.nlp.compound_guess import CompoundGuesser

    t = hanta.tagger()
    guesser = CompoundGuesser(t.cache.get, lambda w, zipf: w in t.cache, t.tag2int, t.int2tag)
    for word in ("geduldigeren", "arrestieren", "wunderbar", "kurz", "kohlenstoffsenke", "versauerungen",
                 "dipolaren", "setzendes", "gebissenem"):
        assert guesser.split(word) is None, word
    path, head, noun_only = guesser.split("us-amerikanischen")  # all the head's tags, not only nouns
    assert head == "amerikanischen" and not noun_only and path[-1][1] == len("us-")
    nouns = {"führungen": t.cache["häuser"], "wasser": t.cache["häuser"]}  # both known nouns, and common
    anything = CompoundGuesser(nouns.get, lambda w, zipf: True, t.tag2int, t.int2tag)
    assert anything.split("wasserführungen")[1] == "führungen"
    assert anything.split("entführungen") is None  # a verb prefix is no modifier: not `ent|Führungen`


def test_tokenizer_shortcut_for_letters_splits_like_spacys_german_tokenizer():
    """Chunks of letters skip the affix rules (`token_match`); spaCy's own German tokenizer, without the
    shortcut, must split the same texts the same way: seeds, and letters of every script beside words."""
    import sys

    import spacy

    from reader.cleaning import clean
    from reader.nlp.pipeline import build

    ours, theirs = build().tokenizer, spacy.blank("de").tokenizer
    assert ours.token_match is not None and theirs.token_match is None
    letters = [chr(i) for i in range(0, sys.maxunicode + 1, 5) if chr(i).isalpha()]
    texts = [clean(p.read_text(encoding="utf-8")).body for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [" ".join(f"{c} Haus{c} {c}Haus Ha{c}us ({c}{c}) {c}. 12{c} 5km" for c in letters[k : k + 500])
              for k in range(0, len(letters), 500)]
    for text in texts:
        assert [(t.idx, t.text) for t in ours(text)] == [(t.idx, t.text) for t in theirs(text)]
