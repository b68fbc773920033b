"""The full Ding dictionary (Debian's trans-de-en): imported once for this module, then the seed words."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.dictionary import db, gender_lookup, gloss_lemma, gloss_word
from reader.dictionary.build import import_file

SYSTEM = Path("/usr/share/trans/de-en")


@pytest.fixture(scope="module")
def full_dict(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SYSTEM.is_file():
        pytest.skip(f"{SYSTEM} is missing: install Debian's trans-de-en to run the full-dictionary tests")
    path = tmp_path_factory.mktemp("ding") / "dictionary.db"
    result = import_file(SYSTEM, path)
    assert result.entries > 200_000 and result.malformed < 100
    return path


@pytest.fixture(autouse=True)
def use_full(full_dict: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LESEN_DICT", str(full_dict))


def senses(g) -> list[str]:
    return [s.text for s in g.senses]


def test_abschreckung_gives_deterrence():
    g = gloss_lemma("Abschreckung", "NOUN")
    assert "deterrence" in senses(g) and g.best == "deterrence"
    assert g.headword == "die Abschreckung, -en"


def test_denuklearisierung():
    assert gloss_lemma("Denuklearisierung", "NOUN").best.startswith("denuclearization")


def test_verteidigungsminister_and_compounds():
    g = gloss_lemma("Verteidigungsminister", "NOUN")
    assert g.gender == "m" and "minister of defence" in g.best
    b = gloss_word("Bündnispartner")
    assert b.gender == "m" and ("alliance" in b.best or "ally" in b.best)
    a = gloss_word("Atomwaffenarsenal")
    assert a.gender == "n" and "nuclear" in a.best and "arsenal" in a.best
    v = gloss_word("Verteidigungsressourcen")
    assert v.parts and v.parts[-1][1] == "resource" and v.gender == "f"


def test_separable_verbs_in_sentences():
    g = gloss_word("ruderte", context="Die Regierung ruderte am Montag zurück.")
    assert g.lemma == "zurückrudern" and g.separable == "zurück|rudern"
    assert any("backpedal" in s or "back-pedal" in s for s in senses(g))
    h = gloss_word("hält", context="Die Abschreckung hält Angreifer ab.")
    assert h.lemma == "abhalten" and h.separable == "ab|halten"


def test_gender_lookup_and_status():
    lookup = gender_lookup()
    assert lookup is not None
    assert [lookup(w) for w in ("Haus", "Polizei", "Tag", "Militärübung", "Dr.")] == ["n", "f", "m", "f", "m"]
    assert int(db.meta()["entries"]) > 200_000


def test_gender_in_running_text():
    from reader import nlp
    from reader.dictionary import gloss_token

    def shown(sentence: str, word: str) -> str | None:
        tokens = nlp.analyze(sentence)
        return next(gloss_token(tokens, t.i).gender for t in tokens if t.text == word)

    assert shown("Deutsche sitzen gern am Steuer.", "Steuer") == "n"  # das Steuer, not die Steuer
    assert shown("Die Steuer steigt.", "Steuer") == "f"
    assert shown("Er gewann beim Bieten.", "Bieten") == "n"  # a nominalised infinitive
    assert shown("USA und Japan: Zusammenrücken gegen Kim", "Zusammenrücken") == "n"
    assert shown("Dieser Shop ist gut.", "Shop") == "m"  # an English loanword Ding lacks
    assert shown("Die Betreiber des Copyshops kamen.", "Copyshops") == "m"  # … as a compound's head
    assert shown("Sie besuchte die Website.", "Website") == "f"
    assert shown("Manasse ist ein einzigartiger Parfümeur.", "Parfümeur") == "m"
    assert shown("Wir freuen uns auf den Bugdetkonflikt.", "Bugdetkonflikt") == "m"  # misspelt modifier
    assert shown("Er wechselt zur Bertelsmann-Stiftung.", "Bertelsmann-Stiftung") == "f"  # a name's head
    assert shown("Er kam mit Angela Merkel.", "Merkel") is None


def test_gender_of_the_hand_checked_seed_nouns():
    """Every singular common noun of the seeds, labelled by hand (tests/fixtures/gender_seeds.tsv)."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT))
    from bench._gender import seed_figures

    n = seed_figures()
    assert n["total"] >= 250 and n["missing"] <= 5
    assert n["shown"] / n["total"] >= 0.97


def test_the_everyday_sense_comes_first():
    """The word family (`Güterzug`, `Nachtzug` … train) outranks Ding's order (`Zug` pull, move, train …)."""
    assert gloss_word("Zug", context="Wann fährt der nächste Zug?").best == "train"
    assert gloss_word("Techniker", context="Der Techniker kommt am Dienstag.").best == "technician"
    assert gloss_word("bleiben", context="Wir bleiben heute zu Hause.").best == "to stay"


def test_a_particle_is_no_common_verb():
    """`to up` and `to back` are rare verbs, however common `up` and `back` are as particles."""
    assert gloss_lemma("unterstützen", "VERB").best == "to support"
    sentence = "Der Minister kündigte an, die Pauschale zu erhöhen und den Freibetrag anzuheben."
    assert gloss_word("erhöhen", context=sentence).best != "to up"


def test_a_spelling_variant_is_no_later_sense():
    """`co-operation; cooperation`: the second spelling ranks as if it came first, so the common word wins
    over later lines' `joint work` (a phrase as common, by wordfreq, as its rarer word)."""
    assert gloss_lemma("Zusammenarbeit", "NOUN").best == "cooperation"


def test_a_name_is_not_glossed_by_its_parts():
    """`Einstein` is no `one stone`, `Kissinger` no `cushion …`: a name gets Ding's entry or nothing."""
    for name in ("Einstein", "Kissinger", "Mecklenburg", "Microsoft", "Grünheide"):
        assert gloss_lemma(name, "PROPN").best == "", name
    assert gloss_lemma("Washington", "PROPN").best.startswith("Washington")
    assert gloss_lemma("Bundesamt", "NOUN").best  # a common noun still is (`Federal Office`)


def test_a_line_that_lists_the_texts_form_ranks_higher():
    """`Spannungen {pl}` is listed under `Spannung (zwischen jdm.) :: tension`, not under `stress`: a plural
    in the text prefers the line that gives that plural."""
    cases = {"Spannungen": ("Die militärischen Spannungen haben sich verschärft.", "tension"),
             "Folgen": ("Die Folgen des Klimawandels sind schwer.", "consequence"),
             "Emissionen": ("Die Emissionen sind gestiegen.", "emission")}
    for word, (sentence, best) in cases.items():
        assert gloss_word(word, context=sentence).best.startswith(best), word


def test_the_determiners_gender_picks_the_nouns_entry():
    """`am Steuer` is das Steuer (wheel), not die Steuer (tax); `eine Leiter` a ladder; `im See` a lake."""
    cases = {"Steuer": ("Er sitzt am Steuer.", "steering wheel"),
             "Leiter": ("Er stieg auf eine Leiter.", "ladder"),
             "See": ("Wir schwimmen im See.", "lake")}
    for word, (sentence, best) in cases.items():
        assert gloss_word(word, context=sentence).best.startswith(best), word
    assert gloss_word("Steuer", context="Die Steuer wird erhöht.").best.startswith("tax")


def test_stem_lemmas_are_shown_as_ding_cites_them():
    """`jed`, `ander`, `zweit`: stems no dictionary cites; the senses are those of Ding's entry either way."""
    for sentence, word, headword in (("Jeder Soldat kam.", "Jeder", "jede"),
                                     ("Die anderen Staaten zögerten.", "anderen", "andere"),
                                     ("In der zweiten Runde verlor er.", "zweiten", "zweite"),
                                     ("Er hat viel Geld.", "viel", "viel"),
                                     ("Das ist eine Frage.", "eine", "ein")):
        assert gloss_word(word, context=sentence).headword == headword, sentence


def test_viel_in_the_singular_is_much():
    """Ding's pronoun is the plural `viele` (many); `viel Geld`, `vieles` are much."""
    assert gloss_word("viel", context="Er hat viel Geld.").best == "much"
    assert gloss_word("Vieles", context="Vieles ist unklar.").best == "much"
    assert gloss_word("Viele", context="Viele Menschen kamen.").best == "many"


def test_frequent_news_adverbs_lead_with_their_everyday_sense():
    for word, sentence, best in (("sofort", "Die Polizei griff sofort ein.", "immediately"),
                                 ("Nun", "Nun rücken die Partner zusammen.", "now"),
                                 ("Nun", "Nun, das ist schwierig.", "well"),
                                 ("allerdings", "Das ist allerdings teuer.", "however"),
                                 ("erneut", "Er hat erneut gedroht.", "once again"),
                                 ("künftige", "Die künftige Regierung tritt an.", "future"),
                                 ("später", "Zwei Tage später kam er.", "later"),
                                 ("Leider", "Leider kam er nicht.", "unfortunately"),
                                 ("zwar", "Das ist zwar teuer, aber gut.", "it is true, …but"),
                                 ("zwar", "Er kam, und zwar sofort.", "namely"),
                                 ("wirklich", "Das war wirklich gut.", "really"),  # degree
                                 ("Genau", "Genau das wollte er.", "exactly"),
                                 ("leicht", "Die Preise sind leicht gestiegen.", "slightly"),
                                 ("leicht", "Das ist nicht leicht.", "easy"),
                                 ("deutlich", "Die Kosten sind deutlich höher.", "significantly"),
                                 ("deutlich", "Er hat das deutlich gemacht.", "clear")):
        assert gloss_word(word, context=sentence).best == best, sentence


def test_von_after_a_noun_is_of():
    assert gloss_word("von", context="Sie drohen mit dem Einsatz von Atomwaffen.").best == "of"
    assert gloss_word("von", context="Die Flüge von Berlin nach Paris fallen aus.").best == "from"
    assert gloss_word("von", context="Das Haus wurde von der Firma gebaut.").best == "by"  # the passive


def test_aus_is_from_unless_something_consists_of_it():
    assert gloss_word("aus", context="Er kommt aus Berlin.").best == "from"
    assert gloss_word("aus", context="Die Studie stammt aus dem Jahr 2010.").best == "from"
    assert gloss_word("aus", context="Die Skelette bestehen vor allem aus Kalk.").best == "of"


def test_frequent_verbs_lead_with_their_everyday_sense():
    """Ding's lines and the ranking put an idiom or a rarer sense first for some of the commonest verbs, in
    every sentence alike; a preposition in the clause can change the verb (`bestehen aus`)."""
    for word, sentence, best in (("macht", "Das macht Sorgen.", "to make"),
                                 ("nutzen", "Sie nutzen die Chance.", "to use"),
                                 ("erhielt", "Er erhielt einen Preis.", "to receive"),
                                 ("bestehen", "Die Skelette bestehen aus Kalk.", "to be made up of"),
                                 ("besteht", "Er besteht auf seinem Recht.", "to insist on"),
                                 ("besteht", "Das Problem besteht seit Jahren.", "to exist"),
                                 ("gilt", "Er gilt als Favorit.", "to count"),
                                 ("beschreibt", "Er beschreibt die Lage.", "to describe"),
                                 ("Rolle", "Das spielt eine wichtige Rolle.", "role"),
                                 ("ein", "Die Polizei setzte Wasserwerfer ein.", "to use"),  # einsetzen
                                 ("stellte", "Sie stellte den Plan vor.", "to present"),
                                 ("vorstellen", "Ich kann mir das nicht vorstellen.", "to imagine"),
                                 ("Frau", "Frau Merkel sprach.", "Ms."),  # a title before a name
                                 ("Frau", "Die Frau sprach.", "woman")):
        assert gloss_word(word, context=sentence).best == best, sentence


@pytest.mark.parametrize(("word", "sentence", "best"), [
    ("kostet", "Das Ticket kostet 20 Euro.", "to cost"),  # not `to taste`
    ("verhindern", "Die Polizei konnte den Anschlag verhindern.", "to prevent"),  # not `to save`
    ("bot", "Die Firma bot ihm eine Stelle an.", "to offer"),  # not `to offer services`
    ("behandelt", "Der Arzt behandelt den Patienten.", "to treat"),  # not `to cover`
    ("unterzeichnete", "Er unterzeichnete den Vertrag.", "to sign"),  # not `to ink`
    ("Staat", "Der Staat zahlt.", "state"),  # not `country`
    ("freundlich", "Das Personal war sehr freundlich.", "friendly"),  # not `kind`
    # a preposition in the clause, or a `da-` word of it, changes the verb
    ("hängt", "Das hängt vom Wetter ab.", "to depend on"),  # not `to take down`
    ("hängt", "Es hängt davon ab, wer kommt.", "to depend on"),
    ("verfügt", "Das Land verfügt über große Reserven.", "to have at disposal"),  # not `to will`
    ("sorgte", "Der Plan sorgte für Aufsehen.", "to ensure"),
    ("sorgen", "Wir müssen dafür sorgen, dass alle kommen.", "to ensure"),
    ("sorgt", "Sie sorgt sich um ihre Kinder.", "to worry"),
    ("hält", "Er hält den Plan für falsch.", "to consider"),
    ("hält", "Sie hält das Kind im Arm.", "to hold"),  # not `to keep`
    ("unterscheiden", "Die beiden Modelle unterscheiden sich kaum.", "to differ"),
    ("verurteilt", "Er wurde zu drei Jahren Haft verurteilt.", "to sentence"),
    ("verurteilt", "Die Regierung verurteilt den Angriff.", "to condemn"),
    ("handelt", "Es handelt sich um einen Fehler.", "to be about"),
    ("löste", "Sie löste das Problem.", "to solve"),  # not `to come off`
    ("Gletscher", "Die Gletscher nehmen ab.", "glacier"),
    ("nehmen", "Die Gletscher nehmen ab.", "to decrease"),  # not `to take off`
    ("reicht", "Das Geld reicht nicht.", "to be enough"),  # not `to hand`
    ("forderten", "Sie forderten Nordkorea auf, die Tests zu beenden.", "to call on"),
    ("kommt", "Es kommt darauf an, wer gewinnt.", "to depend on"),  # `darauf`: auf
    ("schlossen", "Sie schlossen sich den Rebellen an.", "to join"),
    ("Bürger", "Die Bürger wählen ein neues Parlament.", "citizen"),  # not `bourgeois`
    ("Gewalt", "Die Gewalt in der Stadt nimmt zu.", "violence"),  # not `power`
    ("Thema", "Das Thema der Konferenz ist der Klimawandel.", "topic"),  # not `theme`
    ("Land", "Das Land hat eine neue Regierung.", "country"),  # not `land`
    ("Uhr", "Die Wahllokale schließen um acht Uhr.", "o'clock"),  # after a number
    ("Uhr", "Die Uhr an der Wand ist stehen geblieben.", "clock"),  # not `watch`
    # joined separable verbs
    ("geht", "Die Polizei geht davon aus, dass es Brandstiftung war.", "to assume"),  # not `to go out`
    ("gab", "Die Regierung gab das Ergebnis bekannt.", "to announce"),  # not `to give notice of`
    ("wies", "Er wies die Vorwürfe zurück.", "to reject"),  # not `to turn back`
    ("schoben", "Die Behörden schoben den Mann ab.", "to deport"),  # Ding has no `to deport`
    ("Verbündeten", "Die Verbündeten beraten über Gegenmaßnahmen.", "ally"),  # not `confederate`
    ("beraten", "Die Verbündeten beraten über Gegenmaßnahmen.", "to discuss"),
    ("traf", "Er traf seinen Freund in Berlin.", "to meet"),  # the sense shown so, not `to meet with`
    ("traf", "Die Rakete traf ein Wohnhaus.", "to hit"),
    ("trifft", "Die Krise trifft vor allem die Armen.", "to hit"),
    ("gehört", "Hast du das schon gehört?", "to hear"),  # hören's participle
    ("Ermittlungen", "Die Ermittlungen dauern an.", "investigation"),  # the plural's own sense
    ("fällt", "Das Spiel fällt aus.", "to be cancelled"),  # not `to fall out`
    ("riet", "Er riet ihr, zu warten.", "to advise"),  # not `to guess`
    ("Folge", "Die Folge war klar.", "consequence"),  # not `run`
    ("Folge", "In der zweiten Folge der Serie stirbt er.", "episode"),
    ("Strom", "Der Strom wird teurer.", "electricity"),  # not `current`
    ("Bahn", "Die Bahn erhöht die Preise.", "railway"),  # among words of travel
    ("Bahn", "Der Komet zieht seine Bahn.", "track"),
    ("Konsequenzen", "Nordkorea droht mit militärischen Konsequenzen.", "consequence"),  # Ding lacks it
    ("Konsequenz", "Er handelte mit aller Konsequenz.", "consistency"),  # the singular's own sense
    ("Versuch", "Jeder Versuch der Diplomatie ist gescheitert.", "attempt"),  # not `test`
    ("Wahlen", "Am Sonntag sind Wahlen.", "election"),  # the plural: elections
    ("Wahl", "Das Hotel ist meine erste Wahl.", "choice"),
    ("Chef", "Der Chef der Firma trat zurück.", "boss"),  # not `chief`
    # the sentence decides between two everyday senses
    ("Lage", "Die Lage im Land hat sich verschärft.", "situation"),
    ("Lage", "Die Lage des Hotels ist zentral.", "location"),
    ("Schließlich", "Schließlich gab er auf.", "finally"),
    ("schließlich", "Er ist schließlich Arzt.", "after all"),
    ("stellte", "Die Firma stellte die Produktion ein.", "to stop"),
    ("stellte", "Die Firma stellte neue Mitarbeiter ein.", "to hire"),
    ("gegenüber", "Das Ministerium bestätigte dies gegenüber den Medien.", "to"),  # Ding: only the place
    ("gegenüber", "Die Preise stiegen gegenüber dem Vorjahr.", "compared with"),
    ("gegenüber", "Er zeigte Respekt gegenüber seinen Gegnern.", "towards"),
    ("gegenüber", "Das Café liegt gegenüber dem Bahnhof.", "opposite"),
    ("Geschosse", "Die Geschosse könnten Ziele in den USA treffen.", "projectile"),  # among weapons
    ("treffen", "Die Geschosse könnten Ziele in den USA treffen.", "to hit"),
    ("Einstellung", "Sie fordern die Einstellung der Kämpfe.", "stopping"),  # not `setting`
    ("Medien", "Er bestätigte es gegenüber den Medien.", "media"),
    ("Bildung", "Er warnt vor der Bildung eines Militärblocks.", "formation"),  # a process of something
    ("Bildung", "Bildung ist der Schlüssel zum Erfolg.", "education"),
    ("ausgingen", "Die Risiken, die von Nordkorea ausgingen, sind groß.", "to come from"),  # not `to assume`
    ("angekündigt", "Die Führung hatte zuletzt angekündigt, das Arsenal auszubauen.", "to announce"),
])
def test_frequent_verbs_and_nouns_in_the_news_lead_with_their_everyday_sense(word, sentence, best):
    assert gloss_word(word, context=sentence).best == best, sentence


@pytest.mark.parametrize(("word", "sentence", "best"), [
    ("plötzlich", "Er kam plötzlich zurück.", "suddenly"),  # an adjective used as an adverb
    ("plötzlich", "Das Ende war plötzlich.", "sudden"),  # the predicate of `sein`
    ("offenbar", "Das Haus ist offenbar leer.", "apparently"),  # modifies the next word
    ("leer", "Das Haus ist offenbar leer.", "empty"),
    ("schwer", "Zwei Menschen wurden schwer verletzt.", "badly"),
    ("schlecht", "Die Qualität war sehr schlecht.", "bad"),  # `sein` right after it
    ("gut", "Ich finde es gut.", "good"),  # `finden`: a predicate of the object
    ("gut", "Er hat gut gearbeitet.", "well"),
    ("regelmäßig", "Er muss das Parlament regelmäßig informieren.", "regularly"),  # not `will`
    ("ständig", "Sie arbeitet ständig.", "constantly"),  # not `ever`
    ("Gemeinsam", "Gemeinsam sind wir stärker.", "together"),  # fronted before another predicate
    ("Schlecht", "Schlecht war das Essen.", "bad"),  # a fronted predicate
])
def test_an_adjective_used_as_an_adverb_is_glossed_as_one(word, sentence, best):
    g = gloss_word(word, context=sentence)
    assert (g.best, g.pos) == (best, "ADJ"), sentence


@pytest.mark.parametrize(("word", "sentence", "best"), [
    ("nichts", "Wir wissen nichts.", "nothing"),  # Ding: none, nil, naught
    ("einer", "Er ist einer der besten Spieler.", "one"),  # not `a`
    ("Mehrere", "Mehrere Menschen kamen.", "several"),
    ("kann", "Er kann schwimmen.", "can"),  # not `to be able`
    ("soll", "Er soll reich sein.", "to be supposed to"),  # not `to be to`
    ("könnte", "Er könnte kommen.", "could"),
    ("besten", "Das schmeckt am besten.", "best"),  # not `well`: a superlative
    ("bekannt", "Er war als Gegner von Hitler bekannt.", "known"),  # not `espoused`, Ding's particle
    ("zu", "Die Tür ist zu.", "closed, shut"),  # the predicate of `sein`
    ("zu", "Das ist zu groß.", "too"),
    ("aus", "Das Spiel ist aus.", "over, off"),
    ("da", "Jedes Mal war ein anderer Arzt da.", "there, present"),  # not the conjunction's `when`
    ("dabei", "Seit 1980 bin auch ich dabei.", "there, taking part"),
    ("dabei", "Er ist dabei, das Haus zu bauen.", "in the process of"),
    ("Dabei", "Dabei werden zwei Typen unterschieden.", "in doing so"),  # first in its clause
    ("darüber", "Sie sprachen darüber, wie es weitergeht.", "about it"),  # a sentence of speaking
    ("darüber", "Die Brücke führt darüber.", "over"),
    # a verb-final clause ends with its verb: no participle of the next clause makes `wird` a passive
    ("wird", "Dass es dazu kommen wird, daran hat er Zweifel geäußert.", "will"),
    # `sie` by the verb that ends its verb-final clause, whatever the tagger read it as
    ("sie", "Er fragte, wie sie enger zusammenarbeiten können.", "they"),
    ("sie", "Das Land muss entscheiden, ob sie das gestalten will.", "she"),
    ("Sie", "Sie kann gut schwimmen.", "she"),  # `kann` is no plural for ending in -n
    ("einzige", "Das ist die einzige Lösung.", "only"),  # not `one`
    ("sogenannte", "Das ist die sogenannte Krise.", "so-called"),  # not `what is called`
    ("gleichen", "Zur gleichen Zeit kam er.", "same"),  # not `right`
])
def test_function_words_lead_with_their_everyday_sense(word, sentence, best):
    assert gloss_word(word, context=sentence).best == best, sentence


def test_a_foreign_word_is_not_glossed_by_a_phrase_it_is_part_of():
    assert gloss_word("the", context="Das Buch heißt Crown of the Continent.").best != "on the rocks"


@pytest.mark.parametrize(("word", "sentence", "best"), [
    ("besser", "Das ist besser.", "better"),
    ("höher", "Die Preise sind höher.", "higher"),
    ("stärkste", "Er ist der stärkste Mann.", "strongest"),
    ("wichtiger", "Das ist noch wichtiger.", "more important"),
    ("schneller", "Sie fährt schneller.", "faster"),
    ("schneller", "Ein schneller Zug kam.", "fast"),  # an attributive the tagger read as ADJD: the positive
    ("nächste", "Die nächste Woche wird warm.", "next"),  # Ding's own entry for the graded form
    ("großer", "Ein großer Mann kam.", "big"),  # the positive's -er ending
    ("genauer", "Sie ist genauer als die alte Methode.", "more exact"),  # a predicate before `als`
    ("genau", "Er weiß es genau.", "exactly"),  # an adverb
    ("größte", "Das ist die größte Stadt des Landes.", "biggest"),  # not Ding's `größte` most
    ("meisten", "Die meisten Menschen kamen.", "most"),
])
def test_a_graded_adjective_is_glossed_in_its_degree(word, sentence, best):
    assert gloss_word(word, context=sentence).best == best, sentence


def test_a_word_list_glosses_the_lemma_not_the_degree_of_its_example(tmp_path: Path):
    """A vocabulary entry is `stürmisch`: its meaning is the positive's even when its example has the
    comparative, which the reader glosses in its degree."""
    from reader.export import vocab as V

    sentence = "Das Wetter wurde am Abend deutlich stürmischer als erwartet."
    f = tmp_path / "wetter.txt"
    f.write_text(f"Wetter\n\n{sentence}", encoding="utf-8")
    rows = {e.lemma: e for e in V.build(V.read_texts([str(f)]), "A1").entries}
    assert rows["stürmisch"].meaning == "wild" and "stürmischer" in rows["stürmisch"].example.text
    assert gloss_word("stürmischer", context=sentence).best == "wilder"


@pytest.mark.parametrize(("word", "sentence", "phrase"), [
    ("wie", "Das Problem besteht nach wie vor.", "nach wie vor"),
    ("Regel", "In der Regel kommt er pünktlich.", "in der Regel"),
    ("hinaus", "Darüber hinaus gibt es Probleme.", "darüber hinaus"),
    ("Ort", "Die Polizei war schnell vor Ort.", "vor Ort"),
])
def test_a_set_phrase_of_known_words_is_shown_as_the_phrase_of_its_sentence(word, sentence, phrase):
    """Ding's set phrases whose words are all known elsewhere are headwords too (not `mit dem`)."""
    g = gloss_word(word, context=sentence)
    assert g.phrase.lower() == phrase.lower() and g.phrase_senses, sentence
    assert not gloss_word("dem", context="Er kam mit dem Auto.").phrase


def test_the_dative_of_a_plural_headword():
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze("Die Regierung schickte den Streitkräften neue Waffen.")
    g = gloss_token(toks, next(t.i for t in toks if t.text == "Streitkräften"))
    assert (g.headword, g.best) == ("die Streitkräfte (pl.)", "armed forces")  # not "argument force"


@pytest.mark.parametrize(("sentence", "word", "phrase", "sense"), [
    ("Das geschah im Rahmen der Reform.", "Rahmen", "im Rahmen von", "within the scope of"),  # a genitive
    ("Er starb im Alter von 80 Jahren.", "Alter", "im Alter von", "at the age of"),
    ("Am Rande des Gipfels trafen sie sich.", "Rande", "am Rande von", "at the edge of"),
])
def test_a_preposition_of_a_noun_and_von_takes_a_genitive_too(sentence, word, phrase, sense):
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze(sentence)
    g = gloss_token(toks, next(t.i for t in toks if t.text == word))
    assert g.phrase == phrase and sense in g.phrase_senses


def test_a_noun_with_its_preposition_alone_is_no_such_phrase():
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze("Im Alter wird man weise.")  # in old age
    assert gloss_token(toks, 1).phrase == ""


@pytest.mark.parametrize(("sentence", "best"), [
    ("Seine Einstellung zur Arbeit ist gut.", "attitude"), ("Er hat eine positive Einstellung.", "attitude"),
    ("Die Einstellung neuer Lehrer kostet Geld.", "recruitment"),
    ("Die Einstellung der Kämpfe wurde gefordert.", "stopping"),
])
def test_einstellung_by_the_words_around_it(sentence, best):
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze(sentence)
    assert gloss_token(toks, next(t.i for t in toks if t.text == "Einstellung")).best == best


def test_a_noun_and_frei_is_x_free():
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze("Der gewaltfreie Protest ging weiter.")
    g = gloss_token(toks, 1)
    assert g.best == "violence-free" and g.parts[0] == ("Gewalt", "violence")  # not Ding's power


def test_a_phrase_whose_ding_senses_miss_the_everyday_one_leads_with_it():
    from reader.dictionary import gloss_token
    from reader.nlp import analyze

    toks = analyze("Er kam kurz vor Mitternacht nach Hause.")
    g = gloss_token(toks, 2)
    assert g.phrase == "kurz vor" and g.phrase_senses[0] == "shortly before"  # Ding has only "shy"
    toks = analyze("Das macht mir viel Spaß.")
    assert gloss_token(toks, 4).phrase_senses[:2] == ["to be fun", "to joke"]  # a verb phrase too
    toks = analyze("Immer mehr Menschen ziehen weg.")
    assert gloss_token(toks, 0).phrase_senses[:2] == ["more and more", "progressively"]
