"""What the exports show about a word: plural notation, levels, example sentences, escaping."""

from __future__ import annotations

import pytest

from reader import nlp
from reader.export import words as W


@pytest.mark.parametrize("lemma,plural,notation", [
    ("Abschreckung", "Abschreckungen", "-en"), ("Haus", "Häuser", "¨-er"), ("Vater", "Väter", "¨-"),
    ("Lehrer", "Lehrer", "-"), ("Buch", "Bücher", "¨-er"), ("Auto", "Autos", "-s"),
    ("Museum", "Museen", "Museen"),
    ("Milch", None, ""),
])
def test_plural_notation(lemma, plural, notation):
    assert W.plural_notation(lemma, plural) == notation


def test_levels_follow_frequency():
    assert W.level_of("Haus") == "A1"
    assert W.level_of("Denuklearisierung") == W.BEYOND
    assert W.level_rank("A1") < W.level_rank("C2") < W.level_rank(W.BEYOND)
    assert W.known_at("Haus", "A1") and not W.known_at("Abschreckung", "B1")
    assert W.band("Haus").startswith("A1 · Zipf 5.")
    with pytest.raises(ValueError):
        W.parse_level("D1")


def test_example_bolds_both_parts_of_a_separated_verb_and_escapes():
    text = "Der Minister ruderte am Montag <plötzlich> & ohne Erklärung zurück. Danach schwieg er."
    tokens = nlp.analyze(text)
    spans = W.sentence_spans(tokens)
    hit = next(t.i for t in tokens if t.text == "ruderte")
    marked = W.occurrence(tokens, hit)
    assert {tokens[k].text for k in marked} == {"ruderte", "zurück"}
    ex = W.example(tokens, text, marked, spans[tokens[hit].sentence])
    assert ex.text.startswith("Der Minister ruderte am Montag") and ex.text.endswith("zurück.")
    assert "<b>ruderte</b>" in ex.bold and "<b>zurück</b>" in ex.bold
    assert "&lt;" in ex.bold and "&amp;" in ex.bold and "<plötzlich>" not in ex.bold
    assert ex.gap.count("<b>[…]</b>") == 2 and "ruderte" not in ex.gap
    assert W.separable_display(tokens, marked, "zurückrudern") == "zurück|rudern"


def test_long_sentences_are_cut_around_the_word():
    words = " ".join(f"Wort{k}" for k in range(80))
    text = f"Am Anfang stehen {words} und dann die Abschreckung am Ende."
    tokens = nlp.analyze(text)
    hit = next(t.i for t in tokens if t.text == "Abschreckung")
    ex = W.example(tokens, text, {hit}, W.sentence_spans(tokens)[0], max_tokens=20)
    assert ex.text.startswith("… ") and "Abschreckung" in ex.text
    assert len(ex.text.split()) <= 22


def test_escape_braces_and_markup():
    assert W.esc('<b>{{c1::x}}</b> & "q"') == '&lt;b&gt;&#123;&#123;c1::x&#125;&#125;&lt;/b&gt; &amp; "q"'
    assert W.one_line("a\tb\n c") == "a b c"
