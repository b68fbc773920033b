"""Lemmas the words around decide (`morphology._in_context`), on hand-written sentences."""

from __future__ import annotations

import pytest

from reader.nlp import NAME, analyze


def by_text(tokens, text, nth: int = 0):
    found = [t for t in tokens if t.text == text]
    assert len(found) > nth, f"{text!r} not among {[t.text for t in tokens]}"
    return found[nth]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Gestern habe ich mit Frau Rübben telefoniert.", "Rübben"),
        ("Der Termin bei Herrn Wassermanns war schnell vorbei.", "Wassermanns"),
        ("Wir danken Dr. Sieben für die Hilfe.", "Sieben"),
    ],
)
def test_a_word_after_a_title_is_a_surname(sentence, word):
    tok = by_text(analyze(sentence), word)
    assert (tok.lemma, tok.tag, tok.kind) == (word, "NE", NAME)


def test_a_title_before_a_common_noun_name_keeps_the_noun_elsewhere():
    toks = analyze("Frau Fischer kaufte beim Fischer ein.")
    assert by_text(toks, "Fischer").lemma == "Fischer"
    assert by_text(toks, "Fischer", 1).tag == "NN"


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        # a neuter determiner: the nominalised infinitive, not the plural of a feminine -e noun
        ("Sie redeten ihm zu dem Bleiben in der Stadt zu.", "Bleiben", "Bleiben"),
        ("Nach einem Duschen fühlt man sich besser.", "Duschen", "Duschen"),
        # `das`, `ein`, `ins` go with no plural and no weak masculine in -en: even a verb HanTa does not know
        ("Die Sumerer erfanden das Sieden von Seife.", "Sieden", "Sieden"),
        ("Um das Zinken zu erschweren, prüft man die Würfel.", "Zinken", "Zinken"),
        # a determiner no neuter takes: the plural noun, not the infinitive
        ("Im Keller gibt es die Duschen für alle Gäste.", "Duschen", "Dusche"),
        ("Wir haben keine neuen Leuchten gekauft.", "Leuchten", "Leuchte"),
        # `eine`/`einer`: a feminine singular, its -e is no plural ending
        ("Wir brauchen einer Markise wegen einen Handwerker.", "Markise", "Markise"),
        ("Er kaufte eine Markise für den Balkon.", "Markise", "Markise"),
        # no dative: the -e is no old dative ending, and the other noun forms its plural otherwise
        ("Der Fuchs lief in die Falle.", "Falle", "Falle"),
        ("Der Specht klopft an die Rinde.", "Rinde", "Rinde"),
        ("Die Worte des Ministers waren klar.", "Worte", "Wort"),
        ("Die Tage werden kürzer.", "Tage", "Tag"),
        ("Er wohnt seit Jahren auf dem Lande.", "Lande", "Land"),
        # no determiner and no preposition or adjective that could govern an old dative: the -e noun
        ("Der Vogel pickt Rinde und Blätter.", "Rinde", "Rinde"),
        ("Sie ist heute zu Hause geblieben.", "Hause", "Haus"),
        ("Sie wohnten in großem Hause.", "Hause", "Haus"),
        # a weak masculine is no infinitive, even after a singular determiner
        ("Er schrieb einem Kollegen und dem Großneffen des Malers.", "Großneffen", "Großneffe"),
        ("Er schrieb einem Kollegen und dem Großneffen des Malers.", "Kollegen", "Kollege"),
    ],
)
def test_determiner_decides_noun_form(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


def test_plural_without_determiner_is_left_to_hanta():
    # `die Reisen` plural; `Reisen` with nothing before it is not decided here
    assert by_text(analyze("Sie plant die Reisen für den Sommer."), "Reisen").lemma == "Reise"


@pytest.mark.parametrize(
    ("sentence", "lemma"),
    [
        ("Das Konzert hat uns sehr gefallen.", "gefallen"),
        ("Gefallen hat mir vor allem der Garten.", "gefallen"),
        ("Die Vase ist vom Regal gefallen.", "fallen"),
        ("Die Aktie war stark gefallen.", "fallen"),
    ],
)
def test_auxiliary_decides_gefallen(sentence, lemma):
    toks = analyze(sentence)
    tok = next(t for t in toks if t.text.lower() == "gefallen")
    assert tok.lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "lemma"),
    [
        ("Das Projekt ist in Vergessenheit geraten.", "geraten"),
        ("Der Arzt hat mir zu mehr Ruhe geraten.", "raten"),
    ],
)
def test_auxiliary_decides_geraten(sentence, lemma):
    assert by_text(analyze(sentence), "geraten").lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Im Nachhinein war die Entscheidung richtig.", "Nachhinein"),
        ("In dem Nachhinein ärgerte er sich.", "Nachhinein"),
    ],
)
def test_capitalised_after_preposition_is_a_noun(sentence, word):
    tok = by_text(analyze(sentence), word)
    assert (tok.lemma, tok.pos) == (word, "NOUN")


def test_adverbs_stay_small():
    toks = analyze("Er kam nachher in allem zu spät.")
    assert by_text(toks, "nachher").lemma == "nachher"
    assert by_text(toks, "allem").lemma == "alle"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Ethnien", "Ethnie"), ("Akazien", "Akazie"), ("Ferien", "Ferien"), ("Medien", "Medium"),
     ("Studien", "Studie"), ("Aktien", "Aktie"), ("Sanatorien", "Sanatorium"), ("Solarien", "Solarium"),
     ("Stadien", "Stadion")],
)
def test_ie_noun_plurals_hanta_does_not_know(word, lemma):
    # an -ie noun's plural adds -n, an -ium or neuter -ion noun's replaces the ending (not `Aktion`, whose
    # plural is `Aktionen`); `Ferien` has no common singular and stays as it is
    assert by_text(analyze(f"Im Bericht ging es um die {word} der Region."), word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("Die Torte sieht wirklich klasse aus.", "klasse", "klasse"),
        ("Der Kuchen war sehr klasse.", "klasse", "klasse"),
        # a lower-case noun after an article or adjective stays a noun
        ("Das zimmer war sehr sauber.", "zimmer", "Zimmer"),
        ("Wir haben ein sehr schönes zimmer gebucht.", "zimmer", "Zimmer"),
    ],
)
def test_a_degree_adverb_is_followed_by_no_noun(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        # `gelegen` is the participle of `liegen`; `legen`'s is `gelegt`
        ("Die Wohnung ist ruhig gelegen.", "gelegen", "liegen"),
        ("Der Brief hat auf dem Tisch gelegen.", "gelegen", "liegen"),
        ("Sie hat das Buch auf den Tisch gelegt.", "gelegt", "legen"),
        # strong verbs whose participle keeps the stem vowel stay as they are
        ("Die Welt wurde in sieben Tagen geschaffen.", "geschaffen", "schaffen"),
        ("Er hat die Brille vergessen.", "vergessen", "vergessen"),
    ],
)
def test_a_participle_in_en_belongs_to_a_strong_verb(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        # after a plural determiner: the inhabitants, not the country
        ("Die Geschichte der Polen ist lang.", "Polen", "Pole"),
        ("Im Sommer kamen die Sachsen zu Besuch.", "Sachsen", "Sachse"),
        # without an article: the country
        ("Wir fahren im Sommer nach Polen.", "Polen", "Polen"),
        ("Polen ist ein Nachbarland.", "Polen", "Polen"),
        # a country whose own name is plural: no people noun behind it (`Philippine` is only guessed)
        ("Spanien verlor Kuba und die Philippinen.", "Philippinen", "Philippinen"),
    ],
)
def test_a_country_in_en_after_a_determiner_is_its_people(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "tag"),
    [
        # after a determiner: the -s plural of a common noun HanTa took for a name
        ("Die Smartphones sind teuer geworden.", "Smartphones", "Smartphone", "NN"),
        ("Er liest viele Blogs über Politik.", "Blogs", "Blog", "NN"),
        # or outside a name: no noun after it, no name before it
        ("Das Update brachte Bugs mit sich.", "Bugs", "Bug", "NN"),
        ("Sie stritten jahrelang über Copyrights.", "Copyrights", "Copyright", "NN"),
        # a name's genitive stands before its noun; a longer name has another beside it; a name's plural
        # has no common noun behind it
        ("Müllers Vorschlag fand keine Mehrheit.", "Müllers", "Müller", "NE"),
        ("Müllers neuer Vorschlag fand keine Mehrheit.", "Müllers", "Müller", "NE"),
        ("Nach Erlangung der Unabhängigkeit traten die meisten ehemaligen Kolonien dem Commonwealth of "
         "Nations bei, einer losen Verbindung souveräner Staaten.", "Nations", "Nation", "NE"),
        ("Die Simpsons laufen seit Jahren.", "Simpsons", "Simpsons", "NE"),
    ],
)
def test_a_name_in_s_is_a_nouns_plural_outside_names(sentence, word, lemma, tag):
    tok = by_text(analyze(sentence), word)
    assert (tok.lemma, tok.tag) == (lemma, tag)


@pytest.mark.parametrize("sentence", ["Die App ist neu.", "Ich lade die App herunter."])
def test_no_noun_ending_is_a_lone_consonant(sentence):
    # HanTa cuts `App` to `Ap`; German nouns end in no consonant but -s, -n and -r (`Beamter` → Beamte)
    assert by_text(analyze(sentence), "App").lemma == "App"
    assert by_text(analyze("Ein Beamter kam."), "Beamter").lemma == "Beamte"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Ankünfte", "Ankunft"), ("Herkünfte", "Herkunft"), ("Auskünfte", "Auskunft"), ("Röhre", "Röhre")],
)
def test_umlaut_plurals_hanta_does_not_know(word, lemma):
    # HanTa keeps the umlaut in the lemma (`Ankünft`); `Röhre` is a singular of its own, not `Rohr`
    assert by_text(analyze(f"Im Bericht ging es um die {word} der Gäste."), word).lemma == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # the -n plural of an -e noun HanTa knows as itself, not a form of the noun one letter shorter
        ("Noten", "Note"), ("Raten", "Rate"), ("Ecken", "Ecke"), ("Gefährten", "Gefährte"),
        # dative plurals of -e plurals stay with their noun (`Worte` is Wort's plural)
        ("Worten", "Wort"), ("Zwecken", "Zweck"), ("Banken", "Bank"), ("Tonen", "Ton"),
    ],
)
def test_the_n_plural_of_an_e_noun(word, lemma):
    assert by_text(analyze(f"Im Bericht ging es um die {word} der Gäste."), word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        # HanTa cuts a feminine -e noun it was trained on to a shorter noun: `Marke` → Mark, `Weste` → West
        ("Die Marke ist bei jungen Leuten beliebt.", "Marke", "Marke"),
        ("Die Marken verkaufen sich gut.", "Marken", "Marke"),
        ("Er trug die gelbe Weste.", "Weste", "Weste"),
        # and compounds of them: their head is the noun, not its cut form
        ("Die Briefmarke klebt auf dem Umschlag.", "Briefmarke", "Briefmarke"),
        ("Jeder Autofahrer braucht eine Warnweste.", "Warnweste", "Warnweste"),
        # a noun with a strong genitive (`Wortes`, `Landes`) takes an -e plural or old dative
        ("Die Worte des Ministers waren klar.", "Worte", "Wort"),
        ("Er lebt im Lande seiner Väter.", "Lande", "Land"),
        # the -n plural of the shorter noun stays its own when that noun is clearly commoner (`Türe`)
        ("Die Türen waren verschlossen.", "Türen", "Tür"),
    ],
)
def test_a_feminine_e_noun_hanta_cuts_short(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


@pytest.mark.parametrize(
    ("word", "lemma", "parts"),
    [
        ("Banknoten", "Banknote", ["Bank", "Note"]),
        ("Zerfallsraten", "Zerfallsrate", ["Zerfall", "Rate"]),
        ("Auslaufprozesses", "Auslaufprozess", ["Auslauf", "Prozess"]),
        ("Verteidigungsministern", "Verteidigungsminister", ["Verteidigung", "Minister"]),
        # HanTa cut the -e of an unknown compound whose head is a noun in -e (bier·s·ort·e)
        ("Biersorte", "Biersorte", ["Bier", "Sorte"]),
        ("Kaffeesorte", "Kaffeesorte", ["Kaffee", "Sorte"]),
        ("Lesereise", "Lesereise", None),  # leser·eis·e: no stem ends where `Reise` starts
        ("Getreideprodukte", "Getreideprodukt", ["Getreide", "Produkt"]),  # Produkte is Produkt's plural
    ],
)
def test_a_compound_takes_its_heads_own_lemma(word, lemma, parts):
    tok = by_text(analyze(f"Im Bericht ging es um die {word} der Gäste."), word)
    assert (tok.lemma, tok.parts) == (lemma, parts)


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "tag"),
    [
        # a clause opened by a subordinating conjunction ends in its finite verb
        ("Ich weiß nicht, ob es ihm gefällt.", "gefällt", "gefallen", "VVFIN"),
        ("Falls das jemand interessiert, komm mit.", "interessiert", "interessieren", "VVFIN"),
        # with a finite verb of its own, the participle stays one
        ("Er fragte, ob der Baum gefällt wurde.", "gefällt", "fällen", "VVPP"),
        ("Der Baum wurde gefällt.", "gefällt", "fällen", "VVPP"),
        # an elliptic clause without any verb keeps its adjective
        ("Wenn auch spät, kam er doch.", "spät", "spät", "ADJD"),
    ],
)
def test_a_subordinate_clause_ends_in_its_finite_verb(sentence, word, lemma, tag):
    tok = by_text(analyze(sentence), word)
    assert (tok.lemma, tok.tag) == (lemma, tag)


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        # HanTa builds an indefinite pronoun's lemma in -er from its inflected form (`meisten` → Meister)
        ("Die meisten kamen zu spät.", "meisten", "meiste"),
        ("Von den vielen sprach keiner.", "vielen", "viele"),
        ("Die anderen gingen nach Hause.", "anderen", "andere"),
        # a pronoun listed under its -er form keeps it; a form that is its own lemma stays
        ("Er sprach mit jedem.", "jedem", "jeder"),
        ("Keiner kam.", "Keiner", "keiner"),
        ("Alle blieben.", "Alle", "alle"),
    ],
)
def test_an_indefinite_pronoun_is_no_er_noun(sentence, word, lemma):
    assert by_text(analyze(sentence), word).lemma == lemma


def test_the_demonstrative_has_one_lemma():
    assert {t.lemma for t in analyze("Diese sind gut. Dieses ist neu. Diese Leute.") if t.text[:3] == "Die"} \
        == {"dieser"}


@pytest.mark.parametrize(("sentence", "word", "tags"), [
    ("Er läuft am schnellsten.", "schnellsten", ("PTKA", "ADJD")),  # the superlative's particle
    ("Am schönsten war der Abend.", "schönsten", ("PTKA", "ADJD")),
    ("Am höchsten Punkt steht ein Kreuz.", "höchsten", ("APPRART", "ADJA")),  # a noun follows
])
def test_am_before_a_superlative_without_a_noun_is_its_particle(sentence, word, tags):
    toks = analyze(sentence)
    adj = by_text(toks, word)
    assert (toks[adj.i - 1].tag, adj.tag) == tags
