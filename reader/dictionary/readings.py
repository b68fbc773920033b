"""Function words read by the words around them: which of Ding's senses (or which sense Ding lacks) a word
has in its sentence. `sie` is "she" or "they" by its verb, a possessive `ihre` "their" after a plural verb,
`wurde … verletzt` the passive "was", `nach Angaben` "according to", `mehr als` "than", `es gibt` "there
is". Each reading looks only at the sentence's tokens (tags, lemmas, neighbours) and says None when they do
not decide, so the ranked senses stand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .agreement import neighbour, sentence_indices
from .lookup import MAYBE_SEPARABLE, SEPARABLE

if TYPE_CHECKING:
    from ..nlp import Token

_FINITE = ("VVFIN", "VAFIN", "VMFIN")


def sie_reading(tokens: Sequence[Token], index: int) -> str | None:
    """Which `sie` the subject pronoun at `index` is, by its finite verb next to it, or at the end of its
    verb-final clause: "she" (`sie ist`, `war sie`, `weil sie kam`), "they" (`sie sind`, `gehen sie`, `wie sie
    zusammenarbeiten können`), "you" for a capital `Sie` mid-sentence with a plural verb (`können Sie`); "her,
    them" for an object (`für sie`, `der sie begleitende Arzt`, `Die Polizei hat sie festgenommen`); None
    when there is no such verb."""
    t = tokens[index]
    if t.text.lower() != "sie":
        return None
    if _object_sie(tokens, index):
        return "you" if t.text == "Sie" else "her, them"  # `für Sie`: a capital mid-sentence is polite
    verb = next((n for n in (neighbour(tokens, index, 1), neighbour(tokens, index, -1))
                 if n is not None and n.tag in _FINITE), None)
    before = neighbour(tokens, index, -1)
    if verb is None and before is not None and before.tag in ("KOUS", "PWAV", "PRELS", "PWS"):
        verb = _last_verb(tokens, index)  # a verb-final clause: `wie sie … zusammenarbeiten können`
    if verb is None:
        return None
    if not plural_verb(verb):
        return "she"
    return "you" if t.text == "Sie" and neighbour(tokens, index, -1) is not None else "they"


_VERB_TAGS = ("VV", "VA", "VM")
# Nominatives other than `sie`, and articles that open a nominative noun phrase before the verb.
_OTHER_SUBJECTS = frozenset(("ich", "du", "er", "wir", "ihr", "man"))
_SUBJECT_ARTICLES = frozenset(("der", "die", "ein", "eine", "kein", "keine"))


def _object_sie(tokens: Sequence[Token], index: int) -> bool:
    """`sie` as an object: after a preposition (`für sie`), between an article and its adjective (`der sie
    begleitende Arzt`), or right after the finite verb of a main clause whose subject stands before that
    verb: a pronoun (`Ich sehe sie`, `Wir haben sie gefragt`), a name or a noun phrase opened by a
    nominative article (`Die Polizei hat sie festgenommen`; not `Das hat sie gesagt`, `Den Mann sieht sie`,
    `Morgen kommt sie`)."""
    before, after = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if before is None:
        return False
    if before.tag in ("APPR", "APPRART") or before.tag == "ART" and after is not None and after.tag == "ADJA":
        return True
    if before.tag not in _FINITE:
        return False
    first = sentence_indices(tokens, index)[0]
    front = [tokens[k] for k in range(first, index - 1) if tokens[k].tag != "$("]
    if not front or any(t.tag in ("$,", "KOUS", "PRELS", "PWS", "PWAV") for t in front):
        return False  # no main clause with its subject before the verb
    if any(t.tag == "PPER" and t.text.lower() in _OTHER_SUBJECTS for t in front):
        return True
    if all(t.tag == "NE" for t in front):
        return True  # `Merkel hat sie getroffen`
    return front[0].text.lower() in _SUBJECT_ARTICLES and front[0].tag == "ART" and not any(
        t.tag in ("APPR", "APPRART") for t in front)


def _last_verb(tokens: Sequence[Token], index: int) -> Token | None:
    """The last verb before the comma or sentence end after `index`: a verb-final clause's finite verb,
    whatever the tagger read it as (`können`, tagged an infinitive)."""
    verbs = [t for t in _ahead(tokens, index, index + 1, ("$,", "$.")) if t.tag.startswith(_VERB_TAGS)]
    return verbs[-1] if verbs else None


def _ahead(tokens: Sequence[Token], index: int, start: int,
           stops: tuple[str, ...] = ("$,",)) -> Iterator[Token]:
    """The tokens from `start` on in the sentence of `tokens[index]`, up to a comma (or one of `stops`)."""
    for k in range(start, len(tokens)):
        if tokens[k].sentence != tokens[index].sentence or tokens[k].tag in stops:
            return
        yield tokens[k]


def sentence_lemmas(tokens: Sequence[Token], index: int) -> set[str]:
    """The lemmas of the sentence of `tokens[index]` (a separable verb's own, `sprechen` of `sprach … an`),
    in lower case: the words a reading looks for anywhere in the sentence."""
    return {(tokens[k].base or tokens[k].lemma).lower() for k in sentence_indices(tokens, index)}


def plural_verb(verb: Token) -> bool:
    """A finite verb of the third person plural (or first): `sind`, `haben`, `wollten`; not `ist`, `will`,
    `kann`."""
    form = verb.text.lower()
    return form == "sind" or form.endswith("n") and form != "kann"


_REFLEXIVE_OF = {"er": "himself", "es": "itself", "man": "yourself, oneself", "sie": "herself, itself"}
# The reflexive pronouns other than `sich`, with the subject each goes with (`wir freuen uns`).
REFLEXIVE_WITH = {"uns": "wir", "euch": "ihr", "mich": "ich", "mir": "ich", "dich": "du", "dir": "du"}


def reflexive_reading(tokens: Sequence[Token], index: int) -> str | None:
    """The English of the reflexive `sich` at `index`, by its clause's finite verb and subject: "themselves"
    with a plural verb, the pronoun's own with a subject pronoun beside the verb (`er freut sich`: himself,
    `man fragt sich`: yourself), else "itself, himself, herself" (`die Lage hat sich verschärft`: a noun's
    subject is mostly a thing in news, but may be a person). None without a finite verb."""
    verb = clause_verb(tokens, index)
    if verb is None:
        return None
    if plural_verb(verb):
        return "themselves"
    for step in (-1, 1):
        near = neighbour(tokens, verb.i, step)
        if near is not None and near.tag in ("PPER", "PIS") and near.text.lower() in _REFLEXIVE_OF:
            return _REFLEXIVE_OF[near.text.lower()]
    return "itself, himself, herself"


def possessive_reading(tokens: Sequence[Token], index: int) -> str | None:
    """"their" or "her" for the possessive `ihr`, `ihre` … at `index`, by the number of the finite verb
    before it in its clause, whose subject it usually refers to (`die USA wollen ihre Kooperation …`,
    `Merkel hat ihre Meinung …`). A clause with no finite verb of its own (`beschlossen, ihre Kooperation
    auszubauen`) takes the one before its comma. None when there is no such verb (`weil sie ihre …
    verlassen`: the verb after may agree with the possessive's own noun)."""
    k = index - 1
    while k >= 0 and tokens[k].sentence == tokens[index].sentence:
        t = tokens[k]
        if t.tag in _FINITE:
            return "their" if plural_verb(t) else "her"
        if t.tag == "$," and _has_finite_verb_after(tokens, index):
            return None
        k -= 1
    return None


def _has_finite_verb_after(tokens: Sequence[Token], index: int) -> bool:
    """Whether a finite verb follows `tokens[index]` before the next comma or the sentence's end."""
    k = index + 1
    while k < len(tokens) and tokens[k].sentence == tokens[index].sentence and tokens[k].tag != "$,":
        if tokens[k].tag in _FINITE:
            return True
        k += 1
    return False


# Where a clause's subject may stand: its start, after a comma, a conjunction or a question word.
_CLAUSE_OPENERS = ("$,", "$(", "KON", "KOUS", "PWAV", "PWS", "PRELS")
# Second-person plural forms that no other person shares (`habt`, not `hat`).
YOU_PLURAL = frozenset(("habt", "seid", "wart", "hattet", "könnt", "wollt", "dürft", "müsst", "sollt",
                         "werdet", "wisst", "mögt"))


def ihr_reading(tokens: Sequence[Token], index: int) -> str | None:
    """"you" for `ihr` as the subject of its verb (`Ihr habt recht`, `weil ihr kommt`, `habt ihr`, `Kommt
    ihr mit?`), else "her" (the dative: `mit ihr`, `er hilft ihr`); None for another word."""
    if tokens[index].text.lower() != "ihr":
        return None
    before, after = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if after is not None and after.tag in _FINITE and (before is None or before.tag in _CLAUSE_OPENERS):
        return "you"
    if before is not None and before.tag in _FINITE and (before.text.lower() in YOU_PLURAL or neighbour(
            tokens, index, -2) is None and before.text.endswith("t")):
        return "you"
    return "her"


_PARTICIPLES = ("VVPP", "VAPP", "VMPP")
_PAST_WERDEN = frozenset(("wurde", "wurden", "wurdest", "wurdet", "ward"))
# Words after a comma that open a new clause (a comma in a list does not end the clause).
_CLAUSE_START = frozenset(("KOUS", "KOUI", "KON", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"))


def werden_use(tokens: Sequence[Token], index: int) -> str | None:
    """What the auxiliary `werden` at `index` does, by the other verbs of its clause: "would" (`würde`),
    "passive past" (`wurde … verletzt`), "passive" (`wird … geschätzt`), "passive infinitive" (`soll geändert
    werden`), "passive perfect" (`ist gewählt worden`), "become" when it has no other verb, or is itself
    the infinitive (`es wurde kalt`, `er wird Arzt`, `könnte Vorreiter werden`); None for the future (`wird
    kommen`), Ding's first sense. A participle the tagger read as a finite verb after it counts as one
    (`wird man nicht begrüßt`)."""
    t = tokens[index]
    form = t.text.lower()
    if t.lemma != "werden":
        return None
    if form in ("worden", "geworden"):
        return "passive perfect" if form == "worden" else "become"
    if form.startswith("würde"):
        return "would"
    others = [k for k in verb_clause(tokens, index) if k != index and tokens[k].tag.startswith("V")]
    if any(_participle(tokens[k], after=k > index) for k in others):
        if t.tag == "VAINF":
            return "passive infinitive"
        return "passive past" if form in _PAST_WERDEN else "passive"
    return None if others and t.tag != "VAINF" else "become"


# Verbs that form the perfect with `sein` (motion, change of state), alone or after a separable particle
# (`ist gestiegen`, `ist zurückgetreten`), only after one (`ist eingeschlafen`, not `hat geschlafen`), and
# verbs with an inseparable prefix whose perfect takes `sein` (`ist entstanden`).
_SEIN_VERBS = frozenset((
    "sein", "werden", "bleiben", "gehen", "kommen", "fahren", "fliegen", "laufen", "rennen", "reisen",
    "fallen", "steigen", "sinken", "sterben", "wachsen", "schwimmen", "springen", "fliehen", "folgen",
    "stürzen", "treten", "rücken", "rutschen", "wandern", "schmelzen", "platzen", "schrumpfen",
))
_SEIN_AFTER_PARTICLE = frozenset(("kehren", "wachen", "schlafen", "stehen", "brechen", "treffen", "tauchen",
                                  "flachen", "hauen"))
_SEIN_PREFIXED = frozenset((
    "entstehen", "erscheinen", "verschwinden", "gelingen", "misslingen", "geschehen", "passieren", "vergehen",
    "verfliegen", "entkommen", "ertrinken", "erfrieren", "zerfallen", "verfallen", "versterben",
    "verunglücken", "erwachen", "explodieren", "eskalieren", "scheitern", "gelangen", "begegnen", "geraten",
    "erkranken", "entgleisen", "emigrieren",
))
_PERFECT_AUX = {"haben": "hatt", "sein": "war"}  # the auxiliary and the start of its past forms


def _takes_sein(verb: str) -> bool:
    if verb in _SEIN_VERBS or verb in _SEIN_PREFIXED:
        return True
    particle = next((p for p in SEPARABLE + MAYBE_SEPARABLE if verb.startswith(p) and len(verb) > len(p) + 3),
                    None)
    rest = verb[len(particle):] if particle else ""
    return rest in _SEIN_VERBS or rest in _SEIN_AFTER_PARTICLE


def perfect_use(tokens: Sequence[Token], index: int) -> str | None:
    """The tense the auxiliary `haben` or `sein` at `index` makes with a participle in its clause:
    "perfect" (`hat … geeinigt`, `sind … gestiegen`), "past perfect" (`hatte … gesagt`, `war gekommen`),
    "perfect infinitive" (`soll … gewusst haben`), "subjunctive perfect" (`wäre gekommen`, `hätte gewusst`);
    None without one (`hat Angst`: to have), and for `sein` with the participle of a verb whose perfect
    takes `haben` (`ist geschlossen`: is)."""
    t = tokens[index]
    form = t.text.lower()
    if t.lemma not in _PERFECT_AUX or t.pos != "AUX":
        return None
    clause = verb_clause(tokens, index)
    final = all(not tokens[k].is_word for k in range(index + 1, clause.stop))  # `…, weil er es gesagt hat`
    # a participle after it, or before it when it ends its clause (not `hat sich verändert und hat …`)
    found = [k for k in clause if (k > index or final and k < index) and tokens[k].tag in _PARTICIPLES]
    if not found or t.lemma == "sein" and not _takes_sein(tokens[found[-1]].lemma):
        return None
    if t.tag == "VAINF":
        return "perfect infinitive"
    if form.startswith(("hätt", "wär")):
        return "subjunctive perfect"
    return "past perfect" if form.startswith(_PERFECT_AUX[t.lemma]) else "perfect"


def _participle(t: Token, *, after: bool) -> bool:
    return t.tag in _PARTICIPLES or after and t.tag == "VVFIN" and t.text.endswith("t")


def verb_clause(tokens: Sequence[Token], index: int) -> range:
    """The clause of the verb at `index`: back to the comma before it (a verb-final clause ends with its
    finite verb), on to the sentence's end, a comma or conjunction that opens another clause, or another
    finite verb (one in -t or -n may be a participle or infinitive the tagger misread, and stays in)."""
    sent = tokens[index].sentence
    first = last = index
    while first > 0 and tokens[first - 1].sentence == sent and tokens[first - 1].tag != "$,":
        first -= 1
    if tokens[index].tag in _FINITE and index + 1 < len(tokens) and tokens[index + 1].tag == "$,":
        return range(first, index + 1)  # `…, dass es kommen wird, daran …`: a verb-final clause ends with it
    while last + 1 < len(tokens) and tokens[last + 1].sentence == sent:
        nxt = tokens[last + 1]
        after = tokens[last + 2] if last + 2 < len(tokens) else None
        if nxt.tag == "$," and (after is None or after.tag in _CLAUSE_START or after.tag in _FINITE):
            break
        if nxt.tag == "KON" and after is not None and after.tag in _FINITE:
            break  # `werden zufriedener und fühlen sich …`: a second clause
        if nxt.tag in _FINITE and not nxt.text.endswith(("t", "n")):
            break  # another clause's verb (`es wurde kalt und regnete`); not a participle or infinitive
        last += 1
    return range(first, last + 1)


# Verbs an adjective stands beside as a predicate (`ist leer`, `bleibt offen`, `findet es gut`), not as an
# adverb (`kam plötzlich`).
_PREDICATE_VERBS = frozenset(("sein", "werden", "bleiben", "scheinen", "wirken", "aussehen", "finden",
                              "machen", "halten", "gelten"))
_PREDICATE_END = ("$.", "$,", "$(", "KON", "VAINF", "VAFIN", "VAPP")
_QUOTES = frozenset(("“", "”", '"', "»", "«"))


def adverbial(tokens: Sequence[Token], index: int) -> bool:
    """Whether an adjective without an ending (`ADJD`) is used as an adverb: it modifies a verb or another
    word (`kam plötzlich`, `offenbar leer`, `schwer verletzt`), not stands as the predicate of `sein`,
    `bleiben`, `finden` … at the end of its clause (`ist leer`, `finde es gut`, `wird schwer sein`)."""
    after, before = neighbour(tokens, index, 1), neighbour(tokens, index, -1)
    if before is not None and before.tag == "PTKA":
        return False  # `am besten`: a superlative, best (not well)
    if after is not None and after.pos in ("VERB", "AUX") and (after.base or after.lemma) in _PREDICATE_VERBS:
        # `sehr schlecht war`, `schwer sein`; but a fronted adverb before another predicate: `Gemeinsam sind
        # wir stärker`
        if before is not None and before.tag not in ("$,", "$.", "$(", "KON"):
            return False
        return any(t.tag == "ADJD" for t in _ahead(tokens, index, index + 2))
    compared = after is not None and after.tag == "KOKOM" and tokens[index].text.endswith("er")  # `höher als`
    if after is not None and not compared and after.tag not in _PREDICATE_END and after.text not in _QUOTES:
        return True
    verbs = (tokens[k] for k in verb_clause(tokens, index) if tokens[k].pos in ("VERB", "AUX"))
    return not any((v.base or v.lemma) in _PREDICATE_VERBS for v in verbs)


def clause_verb(tokens: Sequence[Token], index: int) -> Token | None:
    """The finite verb of the clause of `tokens[index]`: the nearest before it (`Die Spannungen haben sich
    …`), else the nearest after it (`weil sich die Lage verschärft`)."""
    clause = verb_clause(tokens, index)
    verbs = [k for k in clause if tokens[k].tag in _FINITE]
    if not verbs:  # a verb-final clause whose verb the tagger read as an infinitive (`weil … erhöht haben`)
        verbs = [k for k in clause if tokens[k].tag.startswith(_VERB_TAGS) and tokens[k].tag not in
                 _PARTICIPLES][-1:]
    return tokens[min(verbs, key=lambda k: (k > index, abs(k - index)))] if verbs else None


# Nouns after `nach` that make it "according to": `nach Angaben der Polizei`, `nach eigener Ansicht`,
# `nach Medienberichten` (a compound's end counts).
_ACCORDING = ("angaben", "ansicht", "meinung", "auffassung", "auskunft", "informationen", "bericht",
              "berichten", "einschätzung", "schätzungen", "darstellung", "worten", "aussage", "aussagen",
              "umfrage", "umfragen", "daten", "zahlen", "studie", "studien", "berechnungen", "paragraph",
              "paragraf", "artikel", "gesetz", "untersuchung", "untersuchungen")
_DIRECTIONS = frozenset(("hause", "norden", "süden", "osten", "westen", "oben", "unten", "links", "rechts",
                         "vorne", "hinten", "innen", "außen", "übersee"))
_BEFORE_NOUN = ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PRELAT", "PWAT", "ADJA", "CARD", "ADV")


def _past(tokens: Sequence[Token], index: int, skip: Callable[[Token], bool]) -> int | None:
    """The first token after `tokens[index]` in its sentence that `skip` does not pass over (the noun after
    a preposition's determiners and adjectives); None at the sentence's end."""
    k = index + 1
    while k < len(tokens) and tokens[k].sentence == tokens[index].sentence:
        if not skip(tokens[k]):
            return k
        k += 1
    return None


def nach_sense(tokens: Sequence[Token], index: int) -> str | None:
    """Which `nach` the preposition at `index` is, by the noun after it: "according to" (`nach Angaben der
    Polizei`, `meiner Meinung nach`), "after" (`nach dem Unwetter`, `nach langen Verhandlungen`, `nach
    Ende des Spiels`), "depending on" (`je nach Thema`); None for a place or direction (`nach Berlin`,
    `nach den USA`, `nach Hause`, `nach oben`), where Ding's first sense, "to", is right."""
    t = tokens[index]
    if t.text.lower() != "nach" or t.tag not in ("APPR", "APPO", "ADV"):
        return None
    prev = neighbour(tokens, index, -1)
    if prev is not None and prev.text.lower() == "je":
        return "depending on"  # `je nach Thema`
    if t.tag == "APPO" or prev is not None and prev.text.lower().endswith(_ACCORDING):
        return "according to"  # after its noun (the tagger may call it an adverb there)
    if index + 1 < len(tokens) and tokens[index + 1].text.lower() in _DIRECTIONS:
        return None  # `nach innen`, `nach oben`
    k = _past(tokens, index, lambda w: w.tag in _BEFORE_NOUN)
    if k is None:
        return None
    noun, before = tokens[k], k > index + 1
    if noun.text.lower().endswith(_ACCORDING):
        return "according to"
    if noun.tag == "NN" and noun.text.lower() not in _DIRECTIONS:
        return "after"
    return "after" if before and noun.tag not in ("NE", "NN") else None


# Words whose topic `über` names ("about"): speaking, writing, thinking and feeling verbs, their nouns
# and adjectives (`über den Krieg sprechen`, `Gespräche über …`, `besorgt über …`).
_ABOUT = frozenset((
    "sprechen", "reden", "berichten", "diskutieren", "informieren", "verhandeln", "streiten", "entscheiden",
    "nachdenken", "schreiben", "klagen", "beraten", "debattieren", "erzählen", "lachen", "urteilen",
    "abstimmen", "äußern", "beschweren", "freuen", "ärgern", "wundern", "aufregen", "beklagen", "austauschen",
    "unterhalten", "informiert", "besorgt", "froh", "glücklich", "enttäuscht", "erfreut", "überrascht",
    "verärgert", "empört", "gespräch", "debatte", "diskussion", "streit", "bericht", "information",
    "verhandlung", "entscheidung", "abstimmung", "buch", "film", "artikel", "studie", "sorge", "wissen",
))


# Determiners of a masculine or neuter dative singular: `über dem Tisch` is a place beneath (above).
_DATIVE_SINGULAR = frozenset(("dem", "einem", "diesem", "jedem", "keinem", "meinem", "seinem", "ihrem",
                              "unserem", "eurem", "deinem"))


def ueber_sense(tokens: Sequence[Token], index: int) -> str | None:
    """Which `über` the preposition at `index` is: "about" in a sentence of speaking, writing or feeling
    (`will über den Krieg sprechen`, `Gespräche über Zölle`), "over" before a number (`über 20.000
    Teilnehmer`) and else for the preposition (`über die Grenze`, `über weite Strecken`, `Sieg über`);
    None (Ding's first, "above") before a dative singular (`über dem Tisch`), the place beneath. `darüber` is
    "about it" in a sentence of speaking or feeling (`freut sich darüber`)."""
    t = tokens[index]
    if t.text.lower() == "darüber" and not getattr(neighbour(tokens, index, 1), "text", "") == "hinaus":
        words = sentence_lemmas(tokens, index)
        return "about it" if words & _ABOUT else None  # `sprachen darüber, wie …`
    if t.text.lower() != "über" or t.tag not in ("APPR", "ADV"):
        return None
    after = neighbour(tokens, index, 1)
    if after is not None and after.tag == "CARD":
        return "over"
    words = sentence_lemmas(tokens, index)
    if words & _ABOUT:
        return "about"
    if t.tag != "APPR" or after is not None and after.text.lower() in _DATIVE_SINGULAR:
        return None  # `über dem Tisch`, `über dem Durchschnitt`: a place or level, above
    return "over"


# `gegenüber`: "to" after a verb of saying (`bestätigte gegenüber den Medien`), "compared with" beside a
# measure (`3 °C gegenüber dem vorindustriellen Wert`), "opposite" before a place, else "towards"
# (`Intoleranz gegenüber …`); Ding has the place only.
_SAYING = frozenset(("sagen", "bestätigen", "erklären", "äußern", "betonen", "mitteilen", "berichten",
                     "sprechen", "versichern", "kündigen", "ankündigen", "zugeben", "einräumen"))
_MEASURES = frozenset(("wert", "vorjahr", "vormonat", "vorwoche", "vorjahresmonat", "niveau", "stand",
                       "durchschnitt", "zeitraum", "jahr"))
_COMPARING = frozenset(("steigen", "sinken", "zunehmen", "abnehmen", "überwiegen", "wachsen", "fallen",
                        "erhöhen", "verringern", "ander", "andere", "vergleichen"))
_PLACES = frozenset(("bahnhof", "haus", "kirche", "rathaus", "straße", "hotel", "eingang", "gebäude", "platz",
                     "schule", "park", "ufer", "seite"))


def gegenueber_sense(tokens: Sequence[Token], index: int) -> str | None:
    """Which `gegenüber` the preposition at `index` is (see `_SAYING`)."""
    t = tokens[index]
    if t.text.lower() != "gegenüber" or t.tag not in ("APPR", "APPO", "PTKVZ", "ADV"):
        return None
    nouns = [tokens[k] for k in range(index + 1, min(index + 4, len(tokens))) if tokens[k].tag == "NN"]
    if nouns and nouns[0].lemma.lower() in _PLACES:
        return None  # `gegenüber dem Bahnhof`: opposite
    words = sentence_lemmas(tokens, index)
    if words & _SAYING:
        return "to"
    if nouns and nouns[0].lemma.lower() in _MEASURES or words & _COMPARING or any(
            tokens[k].tag == "CARD" for k in range(max(index - 3, 0), index)):
        return "compared with"
    return "towards"


def bei_sense(tokens: Sequence[Token], index: int) -> str | None:
    """Which `bei` the preposition at `index` is: "at" before a determiner, adjective, number, common noun
    or relative pronoun, and as `beim` (`bei der Wahl`, `beim Arzt`, `bei Regen`, `bei denen`), "with"
    before a personal pronoun (`bei uns`); None before a name (`bei Berlin`: Ding's first sense, "near")."""
    t = tokens[index]
    low = t.text.lower()
    if low == "beim":
        return "at"
    if low != "bei" or t.tag != "APPR":
        return None
    after = neighbour(tokens, index, 1)
    if after is None:
        return None
    if after.tag in ("PPER", "PRF"):
        return "with"
    return "at" if after.tag in ("ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "CARD", "NN", "PRELS", "PDS",
                                 "PIS") else None


# Time spans after `vor`: `vor zwei Jahren` (ago).
_SPANS = ("jahr", "jahren", "monat", "monaten", "woche", "wochen", "tag", "tagen", "stunde", "stunden",
          "minute", "minuten", "sekunden", "jahrzehnt", "jahrzehnten", "jahrhundert", "jahrhunderten")
# Events and points in time after `vor der/dem …`: `vor der Wahl`, `vor dem Spiel`, `vor Beginn` (before).
_EVENTS = ("beginn", "ende", "start", "wahl", "wahlen", "abstimmung", "krieg", "spiel", "treffen", "gipfel",
           "sitzung", "konferenz", "anschlag", "ausbruch", "weihnachten", "ostern", "jahreswechsel",
           "pandemie", "krise", "reise", "besuch", "abreise", "ankunft", "verhandlungen", "gespräch",
           "gesprächen", "prozess", "urteil", "termin", "frist", "saisonstart", "anpfiff", "abflug", "zeit",
           "rückkehr", "geburt", "tod", "eröffnung", "einführung", "gründung", "veröffentlichung")
_BIG_NUMBERS = frozenset(("hundert", "tausend", "tausenden", "millionen", "milliarden"))
# Words around a number that leave it a number (`vor ungefähr 7,5 Millionen Jahren`, `vor bis zu 1,5 …`).
_ABOUT_NUMBERS = frozenset(("ungefähr", "etwa", "rund", "knapp", "fast", "gut", "mehr", "über", "bis", "zu",
                            "circa", "ca", "ca.", *_BIG_NUMBERS))
# Words before `vor` that give it their own sense: `Angst vor` (of), `warnen vor` (against), `schützen vor`
# (from), `kurz vor` (before).
_VOR_AFTER = {"angst": "of", "furcht": "of", "sorge": "of", "respekt": "for", "warnen": "against",
              "warnung": "against", "schützen": "from", "schutz": "from", "fliehen": "from", "flucht": "from",
              "verbergen": "from", "verstecken": "from", "retten": "from", "kurz": "before",
              "unmittelbar": "before", "lange": "before"}  # `kurz vor Ladenschluss`: shortly before


def vor_sense(tokens: Sequence[Token], index: int) -> str | None:
    """Which `vor` the preposition at `index` is: the sense a word before it gives it (`Angst vor` of,
    `warnen vor` against, `schützen vor` from), else by the noun after it: "ago" before a span of time with
    a number (`vor zwei Jahren`, `vor ungefähr 7,5 Millionen Jahren`), "before" before an event, a process
    or a point in time (`vor der Wahl`, `vor der Verwendung`, `vor dem Rasieren`, `vor 2020`); None
    otherwise (Ding's first sense, "in front of": `vor dem Krankenhaus`)."""
    t = tokens[index]
    if t.text.lower() not in ("vor", "vorm") or t.tag not in ("APPR", "APPRART"):
        return None
    before = neighbour(tokens, index, -1)
    if before is not None and (governed := _VOR_AFTER.get((before.base or before.lemma).lower())):
        return governed
    k = _past(tokens, index, lambda w: w.tag in _BEFORE_NOUN or w.tag == "ADJD" or w.text.lower() in
              _ABOUT_NUMBERS)
    end = k if k is not None else sentence_indices(tokens, index).stop
    counted = any(w.tag in ("CARD", "PIAT", "PIDAT") or w.text.lower() in (
        "langer", "kurzer", "einem", "einer", *_BIG_NUMBERS) for w in tokens[index + 1:end])
    if k is None or tokens[k].tag not in ("NN", "NE", "NNI"):
        return "before" if counted else None  # `vor 2020`
    noun = tokens[k].text.lower()
    if noun in _SPANS:
        return "ago" if counted else "before"
    # a process (`vor der Verwendung`, `vor dem Rasieren`) after a determiner: a point in time
    process = k > index + 1 and (noun.endswith("ung") or tokens[k].tag == "NNI" or noun.endswith("en") and
                                 tokens[k - 1].text.lower() in ("dem", "beim", "vom"))
    return "before" if noun.endswith(_EVENTS) or process else None


_COMPARED = 6  # how far before `als` a comparative may stand (`mehr Stunden zur Verfügung, als …`)


def _comparative(t: Token) -> bool:
    low = t.text.lower()
    return low in ("mehr", "weniger", "anders", "eher") or (
        t.tag in ("ADJD", "ADV", "PIAT", "PIS") and low.endswith("er") and low not in _NOT_COMPARATIVE)


def _opens_verb_final_clause(tokens: Sequence[Token], index: int) -> bool:
    """A word at the start of a clause that ends with a finite verb (`Als er kam, …`, `…, als sie kam.`)."""
    before = neighbour(tokens, index, -1)
    if before is not None and before.tag != "$,":
        return False
    sentence, k = tokens[index].sentence, index + 1
    while k < len(tokens) and tokens[k].sentence == sentence and tokens[k].tag not in ("$,", "$."):
        k += 1
    return k > index + 2 and tokens[k - 1].tag in _FINITE


# Words in -er that are no comparatives (`immer als Held`, `wieder als`).
_NOT_COMPARATIVE = frozenset(("immer", "wieder", "aber", "oder", "über", "unter", "hier", "hinter", "sicher",
                              "sauer", "teuer", "lecker", "bitter", "heiter", "finster", "munter", "sauber"))
_PASSIVE = ("passive", "passive past", "passive infinitive", "passive perfect")


# Adverbs that say a state as the predicate of `sein` (`ist zu`: closed; `ist zu groß`: too).
_STATES = {"zu": "closed, shut", "auf": "open", "an": "on (switched on)", "aus": "over, off",
           "vorbei": "over", "da": "there, present", "dabei": "there, taking part (dabei sein)",
           "weg": "gone, away"}


_DATIVE_PRONOUNS = frozenset(("mir", "dir", "ihm", "ihr", "uns", "euch", "ihnen"))
# Verbs `gleich` is the manner of: look, stay, sound the same; treat, pay, share equally.
_ALIKE = frozenset(("aussehen", "bleiben", "klingen", "schmecken", "lauten", "aussehend"))
_EQUALLY = frozenset(("behandeln", "stellen", "gleichstellen", "bezahlen", "verteilen", "gewichten"))


def _gleich_sense(tokens: Sequence[Token], index: int) -> str:
    """`gleich` as an adverb: "equally" before an adjective (`gleich groß`), "the same" or "equally" with a
    verb of manner (`gleich aussehen`, `gleich behandeln`), "as many as" before a number
    (`gleich zwei Preise`), "right" before a preposition or adverb (`gleich nach dem Krieg`), "all the same"
    after a dative pronoun (`das ist mir gleich`), else "right away" (`ich komme gleich`)."""
    before, after = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if after is not None and after.tag in ("ADJD", "ADJA"):
        return "equally"
    verbs = {tokens[k].lemma.lower() for k in sentence_indices(tokens, index)}  # joined: `sieht … aus`
    if verbs & _ALIKE:
        return "the same"  # `sieht von allen Seiten gleich aus`, `bleibt gleich`
    if verbs & _EQUALLY:
        return "equally"  # `Frauen und Männer gleich behandeln`
    if after is not None and after.tag == "CARD":
        return "as many as"
    if after is not None and (after.tag in ("APPR", "APPRART", "PROAV") or after.tag == "ADV" and (
            after.text.lower() != "wieder")):
        return "right"  # `gleich nach dem Krieg`, `gleich danach`, `gleich hier`; `gleich wieder` right away
    if before is not None and before.text.lower() in _DATIVE_PRONOUNS:
        return "all the same"
    return "right away"


def small_word_sense(tokens: Sequence[Token], index: int) -> str | None:
    """The sense a preposition, conjunction or particle has by its neighbours:
    - `als` "than" after a comparative (`mehr als 300`), "when" opening a clause (`Als er kam`), else "as";
    - `damit` "so that" opening a clause; `so` "so" before an adverb or adjective without `wie`;
    - `von`/`durch` "by" in a passive clause (`wurde von der Firma gebaut`), `von` "of" after a noun
      (`der Einsatz von Waffen`);
    - `aus` "of" with `bestehen` (`besteht aus Kalk`), else "from" (`aus Berlin`; Ding's first is "out of");
    - `um` "at" a time, "by" an amount, "about", "around" (`_um_sense`);
    - `seit` "for" with a span of time (`seit zwei Jahren`); `denn` "because" joining clauses;
    - `mal` "times" between numbers, else the particle (`komm mal her`); `gleich` (`_gleich_sense`);
    - `erst` "not until" before a point in time (`_erst_sense`); `nun` "now", "well" before a comma;
      `später` "later"; `zwar` "it is true" with `aber` after it, else "namely" (`und zwar`);
    - an adjective of degree before what it modifies (`_degree_sense`: `knapp 300` just under);
    - `zu`, `auf`, `an`, `aus`, `da`, `dabei` as the predicate of `sein` (`die Tür ist zu`: closed, `das
      Spiel ist aus`, `war kein Arzt da`: present, `bin auch ich dabei`: taking part).
    None otherwise."""
    t = tokens[index]
    low = t.text.lower()
    after, before = neighbour(tokens, index, 1), neighbour(tokens, index, -1)
    if low in _STATES and t.tag in ("ADV", "PROAV") and not adverbial(tokens, index) and (
            before is not None and before.tag not in ("$,", "$.", "$(", "KON")):  # not `Dabei werden …`
        if low == "dabei" and after is not None and after.tag == "$," and any(
                tokens[k].tag in ("PTKZU", "VVIZU") for k in sentence_indices(tokens, index) if k > index):
            return "in the process of (dabei sein, etw. zu tun)"  # `ist dabei, das Haus zu bauen`
        return _STATES[low]
    if low == "als":
        window = range(max(index - _COMPARED, 0), index)
        if any(tokens[k].sentence == t.sentence and _comparative(tokens[k]) for k in window):
            return "than"  # `mehr als 300`, `älter als`, `länger, als Billig-Schuhe`
        return "when" if t.tag == "KOUS" or _opens_verb_final_clause(tokens, index) else "as"
    if low == "damit" and (t.tag == "KOUS" or _opens_verb_final_clause(tokens, index)):
        return "so that"  # `…, damit er kommen kann`: Ding has only the adverb (with that)
    if low == "so" and after is not None and after.tag in ("ADJD", "ADV", "PIAT", "PIS") and not any(
            tokens[k].text.lower() == "wie" for k in range(index + 2, min(index + 5, len(tokens)))):
        return "so"  # `so viel`, `so schnell`; `so groß wie` is "as"
    if low == "gleich" and t.tag == "ADV":
        return _gleich_sense(tokens, index)
    if low == "denn" and t.tag == "KON":
        return "because"  # `…, denn es regnete`; Ding's first is the old-fashioned "for"
    if low == "mal" and t.tag == "ADV":
        return "times" if before is not None and before.tag == "CARD" else _MAL
    if low in ("von", "durch") and t.tag == "APPR":
        clause = verb_clause(tokens, index)
        if any(tokens[k].lemma == "werden" and werden_use(tokens, k) in _PASSIVE for k in clause):
            return "by"
        if low == "von" and before is not None and before.tag == "NN" and not any(
                w.text.lower() in ("bis", "nach", "aus", "zu") for w in tokens[index + 2:index + 7]):
            return "of"  # `der Einsatz von Atomwaffen`, `die Website von Frau X`; not `von Berlin nach Paris`
        return None
    if low == "aus" and t.tag == "APPR":
        if any(tokens[k].lemma == "bestehen" for k in verb_clause(tokens, index)):
            return "of"  # `besteht aus Kalk`
        return "from"  # `aus Berlin`, `aus dem Jahr 2010`, `Austritt aus der EU`: not Ding's first, out of
    if low == "um" and t.tag == "APPR" and after is not None:
        return _um_sense(tokens, index, after)
    if low == "zwar" and t.tag == "ADV":  # `zwar …, aber …`: it is true; `und zwar`: namely
        but = {tokens[k].text.lower() for k in sentence_indices(tokens, index)} & {"aber", "doch", "jedoch"}
        return "…, it is true, …but" if but else "namely"
    if t.tag in ("ADJD", "ADV") and after is not None and (degree := _degree_sense(low, after)):
        return degree
    if low == "später" and t.tag in ("ADJD", "ADV"):
        return "later"  # `zwei Tage später`, `Später wurde …`: the comparative, not `spät` (late)
    if low == "nun" and t.tag == "ADV":
        return "well" if after is not None and after.text == "," else "now"  # `Nun, …`; `Nun rücken sie …`
    if low == "erst" and after is not None and t.tag == "ADV":
        return _erst_sense(tokens, index, after)
    if low == "seit" and after is not None:
        k = _past(tokens, index, lambda w: w.tag in ("CARD", "PIAT", "PIDAT", "ADJA", "ART"))
        span = tokens[k].text.lower() if k is not None else ""
        if span in _SPANS and (k > index + 1 or span.endswith("n")):
            return "for"  # `seit zwei Jahren`, `seit Jahren`; not `seit 1988`
    return None


# Before `um` they make it "about": `Streit um`, `Sorge um`, `sich um … kümmern`.
_ABOUT_UM = ("streit", "debatte", "diskussion", "sorge", "sorgen", "angst", "kampf", "wissen", "bewusstsein",
             "verdienste", "fragen", "sich")
# Verbs that make a later `um` of their clause "about" with `es` or `sich` (`es geht um`, `handelt sich um`).
_ABOUT_VERBS = frozenset(("geht", "ging", "gehe", "gehen", "ginge", "handelt", "handelte", "handeln"))
# After `um` they make it "by", an amount of change: `um knapp 30 %`, `um die Hälfte`, `um ein Drittel`.
_BY_UM = frozenset(("knapp", "fast", "nahezu", "ca", "circa", "etwa", "rund", "bis", "mehr", "weniger",
                    "hälfte", "drittel", "viertel", "prozent", "monate", "jahre", "wochen", "tage"))
_ERA = frozenset(("v", "vor", "n", "nach", "chr"))  # `um 2000 v. Chr.`, `um 450 bis 380 v Chr`


def _um_sense(tokens: Sequence[Token], index: int, after: Token) -> str:
    """`um` "at" a time (`um 8 Uhr`), "around" a year (`um 450 v. Chr.`) and in space (`in und um Köln`,
    `um die Jahrhundertwende`; Ding's first is "round"), "by" an amount (`um 3 Prozent`, `um knapp 30 %`,
    `um die Hälfte`), "all the" before `so` (`um so besser`), "about" after a word of debate or with `es
    geht`, `es handelt sich` (`Streit um die Inseln`), "in order to" opening an infinitive clause the
    tagger read as a preposition (`Um das Zinken zu erschweren`; not `den Ring um Sarajewo zu öffnen`)."""
    clause = verb_clause(tokens, index)
    ahead = [tokens[k] for k in range(index + 1, clause.stop)]
    before = neighbour(tokens, index, -1)
    if after.tag == "CARD":
        third = neighbour(tokens, index, 2)
        if third is not None and third.text == "Uhr":
            return "at"
        return "around" if any(t.text.lower().split(".")[0] in _ERA for t in ahead[1:5]) else "by"
    if after.text.lower() == "so":
        return "all the (um so)"
    words = {tokens[k].text.lower() for k in clause}
    if before is not None and before.text.lower().endswith(_ABOUT_UM) or (
            words & _ABOUT_VERBS and words & {"es", "sich"}):
        return "about"
    if any(t.tag in ("VVIZU", "PTKZU") for t in ahead) and (before is None or before.tag not in ("NN", "NE")):
        return "in order to"
    if any(t.text.lower() in _BY_UM for t in ahead[:3]):
        return "by"
    return "around"


# What makes `erst` "not until": a point in time after it (`erst am Montag`, `erst 2025`, `erst morgen`),
# or after `im`, `in`, `zum` a word of time (`erst im Herbst`, `erst in zwei Wochen`; not `erst im Büro`).
_UNTIL_OPENERS = frozenset(("am", "um", "ab", "nach", "nachdem", "gegen", "morgen", "übermorgen", "später",
                            "dann", "danach", "als", "wenn", "nächste", "nächsten", "nächstes", "ende",
                            "anfang", "mitte"))
_TIME_WORDS = frozenset((
    *_SPANS, "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "frühjahr", "frühling", "sommer", "herbst", "winter", "jahre", "zukunft", "laufe",
    "alter", "zeitpunkt",
))


def _erst_sense(tokens: Sequence[Token], index: int, after: Token) -> str | None:
    """`erst` before a point in time is "not until" (`erst am Montag`, `erst 2025`, `erst im Herbst`); `erst
    einmal` is "first (of all)"; else None (Ding's "only": `erst 20 Jahre alt`, `erst seit Montag`)."""
    low = after.text.lower()
    if low in ("einmal", "mal"):
        return "first (of all) (erst einmal)"
    if low in ("im", "in", "zum"):
        words = {t.text.lower() for t in tokens[index + 2:index + 5]}
        timed = bool(words & _TIME_WORDS) or any(t.tag == "CARD" for t in tokens[index + 2:index + 4])
    else:
        timed = low in _UNTIL_OPENERS or after.tag == "CARD" and len(after.text) == 4 and after.text.isdigit()
    return "not until (erst + a point in time)" if timed else None


# Verbs of change whose participle `leicht` and `deutlich` measure: `leicht gestiegen`, `deutlich gesunken`.
_CHANGE_VERBS = ("steigen", "sinken", "fallen", "gehen", "nehmen", "erhöhen", "verbessern", "verschlechtern",
                 "verändern", "wachsen", "schrumpfen", "ziehen", "verringern", "senken", "anheben")


def _degree_sense(low: str, after: Token) -> str | None:
    """An adjective used as an adverb of degree before what it modifies: `knapp 300` just under, `leicht
    gestiegen` slightly, `deutlich höher` significantly, `wirklich gut` really, `genau das` exactly; and
    `leicht` ending its clause, easy."""
    if low == "knapp" and after.tag == "CARD":
        return "just under"
    if low == "leicht":  # `leicht gestiegen`: slightly; `das ist nicht leicht`: easy, not Ding's first, light
        if after.lemma.endswith(_CHANGE_VERBS) or after.tag in ("ADJD", "ADJA") and after.text.endswith("er"):
            return "slightly"
        return "easy" if after.tag.startswith("$") else None
    if low == "deutlich" and (after.lemma.endswith(_CHANGE_VERBS) or after.tag in ("ADJD", "ADJA") and
                              after.text.endswith(("er", "ere", "eren", "erem", "eres"))):
        return "significantly"
    if low in ("wirklich", "genau") and after.tag not in ("$.", "$,"):
        return "really" if low == "wirklich" else "exactly"
    return None


_MAL = "just, once (particle: komm mal her, schon mal)"  # Ding has only the arithmetic `mal` (by, times)
_SUBJECT_PRONOUNS = frozenset(("ich", "du", "er", "sie", "wir", "ihr", "man"))


def es_gibt(tokens: Sequence[Token], index: int) -> str | None:
    """`es gibt` "there is, there are" (`gab`: "there was, there were") for `geben`, `es geht um` "it is
    about" for `gehen` with `um` in its clause: with `es` right beside the verb and no other pronoun as its
    subject near it (`Heute gibt es keine Lösung`, `Dabei geht es um Geld`; not `Er gibt es ihm`)."""
    t = tokens[index]
    if t.lemma not in ("geben", "gehen") or t.tag != "VVFIN":
        return None
    beside = [neighbour(tokens, index, step) for step in (-1, 1)]
    if not any(n is not None and n.text.lower() == "es" for n in beside):
        return None
    near = [neighbour(tokens, index, step) for step in (-2, -1, 1, 2)]  # `Er gibt es ihm`, `Gibt er es …`
    if any(n is not None and n.text.lower() in _SUBJECT_PRONOUNS for n in near):
        return None
    past = t.text.lower().startswith(("gab", "ging"))
    if t.lemma == "gehen":
        if not any(tokens[k].text.lower() == "um" for k in verb_clause(tokens, index)):
            return None  # `wie geht es dir`
        return "it was about (es ging um)" if past else "it is about (es geht um)"
    return "there was, there were (es gab)" if past else "there is, there are (es gibt)"
