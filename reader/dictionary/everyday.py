"""The sense a frequent word leads with where Ding's lines and the ranking put a rarer one first: a learner's
dictionary's everyday sense (`kosten` "to cost", not "to taste"), the sense a word of the verb's clause
gives it (`hängt davon ab` "to depend on"), a title's before a name (`Frau Merkel` "Ms."), a function word's
by its tag (`nichts` "nothing"), an adjective's as an adverb (`regelmäßig` "regularly").

Curated for the most frequent words and checked against every occurrence in the bench corpus; the
ranking's own figures (`bench.dictionary`) measure `lookup.lookup` without them, the reader's with them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .agreement import neighbour
from .ranking import short
from .readings import REFLEXIVE_WITH, sentence_lemmas, verb_clause

if TYPE_CHECKING:
    from ..nlp import Token

# Frequent verbs and nouns whose first senses by Ding's lines and the ranking are idioms or rarer senses,
# the same in every sentence of the bench corpus (`machen` "to make sth. of oneself", `erhalten` "to come by
# sth.", `beschreiben` "to write on", `Rolle` "roller", `Staat` "country", `kosten` "to taste", `verhindern`
# "to save"), with the everyday sense a learner's dictionary gives first. `nutzen`'s "to use" is only under
# `benutzen` in Ding, and Ding lacks `verhindern` "to prevent" (its line is `ein Ereignis verhindern`),
# `gelangen` "to reach" and `Erwärmung` "warming".
_EVERYDAY = {
    "machen": "to make", "erhalten": "to receive sth.", "nutzen": "to use", "stellen": "to put sth.",
    "hören": "to hear sth.", "treffen": "to meet", "ausfallen": "to be cancelled", "Folge": "consequence",
    "Strom": "electricity (electrical energy)",
    "bestehen": "to exist", "beschreiben": "to describe", "einsetzen": "to use sth.",
    "beziehen": "to obtain sth.", "vorstellen": "to present", "kosten": "to cost", "verhindern": "to prevent",
    "bestimmen": "to determine", "anbieten": "to offer", "darstellen": "to represent",
    "unterscheiden": "to distinguish", "vergeben": "to award", "gelangen": "to get to, to reach",
    "wirken": "to have an effect (on)", "handeln": "to act", "ausbauen": "to expand",
    "versorgen": "to supply", "gestalten": "to design", "betragen": "to amount to",
    "durchsetzen": "to enforce sth.", "behandeln": "to treat", "verbinden": "to connect",
    "betreiben": "to operate", "regeln": "to regulate", "wagen": "to dare", "verhalten": "to behave",
    "anfangen": "to begin", "halten": "to hold", "schützen": "to protect", "überzeugen": "to convince",
    "prägen": "to shape", "fehlen": "to be missing", "passieren": "to happen", "bedürfen": "to require",
    "entsprechen": "to correspond to sth.", "unternehmen": "to undertake sth.", "empfehlen": "to recommend",
    "bestellen": "to order", "verhandeln": "to negotiate", "verurteilen": "to condemn sb./sth.",
    "unterzeichnen": "to sign sth.", "mitteilen": "to inform sb. of/about sth.", "einräumen": "to admit sth.",
    "zurücktreten": "to resign (from sth.)", "verabschieden": "to pass sth.", "ausweiten": "to expand sth.",
    "vorwerfen": "to accuse sb. of sth.", "überraschen": "to surprise sb.", "lösen": "to solve",
    "beteiligen": "to take part in sth.", "erfüllen": "to fulfil sth.", "informieren": "to inform",
    "widerstehen": "to resist sth.", "kümmern": "to take care of sth.", "überlegen": "to think about sth.",
    "ausschließen": "to rule sth. out", "verteilen": "to distribute (among)", "trennen": "to separate",
    "versehen": "to provide sb. with sth.", "begleiten": "to accompany sb.",
    "diskutieren": "to discuss sth. with sb.", "verbessern": "to improve sth.", "besetzen": "to occupy sth.",
    "vergleichen": "to compare", "verursachen": "to cause sth.", "vorgehen": "to proceed",
    "einrichten": "to set up sth.", "sperren": "to block sth.", "schweigen": "to remain silent",
    "aussprechen": "to express sth.", "umgehen": "to avoid sth.", "umsetzen": "to implement",
    "vorsehen": "to provide for", "übersetzen": "to translate sth.", "testen": "to test sth.",
    "bedrohen": "to threaten sb.", "ausstatten": "to equip sth. with sth.",
    "begründen": "to give reasons for", "erzeugen": "to generate", "erzielen": "to achieve",
    "landen": "to land", "vornehmen": "to carry out sth.", "teilnehmen": "to take part in sth.",
    "ausführen": "to carry out sth.", "ehren": "to honour", "verpflichten": "to oblige sb.",
    "annehmen": "to accept sth.", "merken": "to notice", "klappen": "to work out", "ankommen": "to arrive",
    "behaupten": "to claim sth.", "erleben": "to experience sth.", "reichen": "to be enough",
    "ausreichen": "to be enough", "nachlassen": "to ease up", "überfordern": "to ask too much of sb.",
    "erarbeiten": "to work out", "auffordern": "to call on sb. to do sth.", "behindern": "to hinder",
    "hervorheben": "to emphasize sth.", "bewirken": "to bring about", "vereinbaren": "to agree (up)on sth.",
    "wahrnehmen": "to perceive sth.", "erfordern": "to require sth.", "widmen": "to dedicate sth. to sb.",
    "eignen": "to be suitable for sth.", "schildern": "to describe", "verlängern": "to extend sth.",
    "vertreten": "to represent sb.", "auswählen": "to choose", "abnehmen": "to decrease",
    "absagen": "to cancel sth.", "abholen": "to pick up sb./sth.", "abhalten": "to hold sth.",
    "abschätzen": "to estimate sth.", "überschätzen": "to overestimate sth.", "überschreiten": "to exceed",
    "ähneln": "to resemble", "übereinkommen": "to agree", "ausprobieren": "to try out",
    "enthalten": "to contain sth.", "berechnen": "to calculate sth.", "anschließen": "to connect (to)",
    "erwerben": "to acquire", "erachten": "to consider", "aufrufen": "to call for sth.",
    "anerkennen": "to acknowledge sth.", "vorschlagen": "to propose sb./sth. (to sb.)",
    "zurückweisen": "to reject sth.", "bekanntgeben": "to announce sth.", "abschieben": "to deport",
    "beitragen": "to contribute to/towards sth.", "niederlegen": "to lay down", "ausrufen": "to proclaim",
    "zurückziehen": "to withdraw sth. (from sb.)", "auslösen": "to trigger sth.",
    "ausrüsten": "to equip sth. with sth.", "begrüßen": "to welcome", "erneuern": "to renew",
    "unterstreichen": "to underline sth.", "abschrecken": "to deter sb.", "unterstellen": "to insinuate sth.",
    "entsenden": "to send sb.", "zusichern": "to pledge sth.", "ankündigen": "to announce sth.",
    "Rolle": "role", "Staat": "state (as a body politic)", "Einsatz": "use", "Erwärmung": "warming",
    "Gesellschaft": "society (aggregate of people living together)", "Vergabe": "awarding", "Rille": "groove",
    "Bürger": "citizen", "Rest": "the rest", "Gesetz": "law", "Gewalt": "violence",
    "Bildung": "education (systematic instruction)", "Industrie": "industry", "Tour": "tour",
    "Ahnung": "idea", "Thema": "topic", "Land": "country (in the international community)",
    "Bedeutung": "importance", "Uhr": "clock", "Verbündete": "ally", "Verbündeter": "ally",
    "Streit": "dispute", "Sorge": "worry", "Transfer": "transfer", "Versuch": "attempt",
    "Nachrichtenagentur": "news agency", "Führung": "leadership", "Grenze": "border", "Luftraum": "airspace",
    "Stärkung": "strengthening", "Sicherheit": "security",
    "Chef": "boss (supreme head of an institution/organization)", "Fahrer": "driver",
    "Kalkstein": "limestone", "Unterhalt": "maintenance", "Automat": "machine", "Geschwader": "squadron",
    "Ausweis": "ID", "Leistung": "performance", "Beratung": "advice", "Schluss": "end",
    "Amtskollege": "counterpart", "Amtskollegin": "counterpart",
}
# Nouns whose plural has the everyday sense Ding lacks (`mit aller Konsequenz`: consistency; `militärische
# Konsequenzen`: consequences).
_PLURAL = {"Konsequenzen": "consequence", "Wahlen": "election (process and result)",  # `meine erste Wahl`
           "Medien": "media",  # `ein Medium`: medium
           "Ermittlungen": "investigation"}  # `die Ermittlung der Kosten`: determination
# Nouns that name a process before the genitive of what undergoes it (`die Bildung eines Blocks`).
_PROCESS = {"Bildung": "formation (process of being formed)"}
_OF = frozenset(("des", "der", "eines", "einer", "von"))
_TITLES = {"Frau": "Ms. (term of address)", "Herr": "Mr."}  # before a name
# A word in the clause that changes the verb: `bestehen aus` (consist of), `bestehen auf` (insist on),
# `gelten als` (count as), `sich beziehen auf` (refer to), `sich etw. vorstellen` (imagine), `sich für etw.
# einsetzen` (campaign for), `abhängen von` (depend on), `verfügen über` (have), `sorgen für` (ensure) …
_VERB_WITH = {("bestehen", "aus"): "to be made up of sth.", ("bestehen", "auf"): "to insist on sth.",
              ("gelten", "als"): "to count (as)", ("beziehen", "auf"): "to refer to sb./sth.",
              ("vorstellen", "sich"): "to imagine sth.",  # `stellte den Plan vor`: present
              ("einsetzen", "sich"): "to campaign for/against",  # `setzte sich für … ein`
              ("abhängen", "von"): "to depend on sth.",
              ("verfügen", "über"): "to have sth. at one’s disposal",
              ("sorgen", "für"): "to ensure", ("sorgen", "sich"): "to worry (about)",
              ("halten", "für"): "to consider sb./sth. sth.", ("unterscheiden", "sich"): "to differ",
              ("durchsetzen", "sich"): "to prevail", ("verabschieden", "sich"): "to say goodbye",
              ("verurteilen", "zu"): "to sentence sb.", ("leisten", "sich"): "to afford sth.",
              ("handeln", "um"): "to be about (es handelt sich um)",
              ("vorgehen", "gegen"): "to take action against",
              ("aussprechen", "sich"): "to speak out (for/against)",
              ("umgehen", "mit"): "to handle sth.", ("verpflichten", "sich"): "to pledge oneself to do sth.",
              ("absehen", "von"): "to refrain from sth.", ("merken", "sich"): "to remember sth.",
              ("ankommen", "auf"): "to depend on sth.", ("behaupten", "sich"): "to hold your own",
              ("widmen", "sich"): "to devote oneself to sth.", ("anschließen", "sich"): "to join sb.",
              ("abzielen", "auf"): "to aim at sth.", ("stoßen", "auf"): "to come across sth.",
              ("eingehen", "auf"): "to respond to sth.", ("ausgehen", "davon"): "to assume (davon ausgehen)",
              ("ausgehen", "von"): "to come from",
              ("beraten", "über"): "to discuss", ("treffen", "sich"): "to meet",  # `treffen sich morgen`
              ("raten", "zu"): "to advise sb. to do sth.",  # `riet ihr, zu warten`: not guess
              # `die Rakete traf das Ziel`, `die Krise trifft die Armen`: hit, not meet
              **dict.fromkeys((("treffen", w) for w in (
                  "ziel", "rakete", "geschoss", "kugel", "bombe", "granate", "schuss", "projektil", "krise",
                  "sanktion", "kürzung", "streik", "inflation", "sturm", "unwetter", "dürre", "hitzewelle",
                  "erdbeben", "hochwasser")), "to hit"),
              # `stellte die Produktion ein`: stop; `stellte Personal ein`: hire
              **dict.fromkeys((("einstellen", w) for w in (
                  "betrieb", "produktion", "arbeit", "verfahren", "ermittlung", "aktivität", "feuer", "kampf",
                  "angriff", "zahlung", "verkehr", "dienst", "flug", "test", "programm", "handel")),
                  "to stop sb./sth."),
              **dict.fromkeys((("einstellen", w) for w in (
                  "mitarbeiter", "mitarbeiterin", "personal", "lehrer", "arbeitskraft", "fachkraft",
                  "angestellte")),
                  "to hire")}
_VERBS_WITH = frozenset(verb for verb, _ in _VERB_WITH)
# The preposition in `davon`, `dafür`, `darauf` … and in `vom`, `zum`, `beim` …
_PREPOSITION_IN = {("dar" if p[0] in "aeiouü" else "da") + p: p for p in (
    "von", "für", "über", "auf", "aus", "zu", "mit", "um", "an", "in", "bei", "nach")} | {
    "vom": "von", "zum": "zu", "zur": "zu", "beim": "bei", "am": "an", "ans": "an", "im": "in", "ins": "in",
    "ums": "um", "aufs": "auf", "fürs": "für", "übers": "über"}


def everyday_sense(tokens: Sequence[Token], index: int) -> str | None:
    """The everyday sense of a frequent verb or noun whose ranked first sense is an idiom or a rarer one (or
    of its plural: `Wahlen` elections, `Wahl` choice), the sense a word in a verb's clause gives it (`besteht
    aus Kalk`: to be made up of), a title's before a name (`Frau Merkel`: Ms.), `Uhr` after a number
    (o'clock), a process noun's before a genitive (`die Bildung eines Blocks`: formation)."""
    t = tokens[index]
    if (t.pos == "VERB" or t.verb) and t.lemma in _VERBS_WITH:
        clause = [tokens[k] for k in verb_clause(tokens, index)]
        words = {c.text.lower() for c in clause} | {c.lemma.lower() for c in clause if c.pos == "NOUN"}
        if words & REFLEXIVE_WITH.keys():
            words.add("sich")  # `ich kann mir das vorstellen`
        words |= {_PREPOSITION_IN[w] for w in words if w in _PREPOSITION_IN}  # `hängt davon/vom … ab`: von
        found = [sense for (verb, word), sense in _VERB_WITH.items() if verb == t.lemma and word in words]
        if found:
            return found[0]
    after = neighbour(tokens, index, 1)
    if t.lemma in _TITLES and after is not None and after.tag == "NE":
        return _TITLES[t.lemma]  # `Frau Merkel`: Ms., not woman
    if t.lemma == "Uhr" and getattr(neighbour(tokens, index, -1), "tag", "") == "CARD":
        return "o'clock"  # `um 19 Uhr`, `um acht Uhr`
    if t.lemma == "Einstellung" and (reading := _einstellung(tokens, index)):
        return reading
    if t.lemma == "Folge" and sentence_lemmas(tokens, index) & _SERIES:
        return "episode (of a series) (TV, video)"
    if t.lemma in _PROCESS and after is not None and after.text.lower() in _OF:
        return _PROCESS[t.lemma]  # `die Bildung eines Blocks`: formation, not education
    return _PLURAL.get(t.text) or _EVERYDAY.get(t.lemma)


# Who is hired: `die Einstellung neuer Lehrer`, `von Pflegekräften` (and any `…kräfte`, `…personal`).
_STAFF = frozenset(("Personal", "Mitarbeiter", "Mitarbeiterin", "Lehrer", "Lehrerin", "Arbeitskraft",
                    "Kraft", "Beschäftigte", "Angestellte", "Arzt", "Ärztin", "Polizist", "Polizistin",
                    "Soldat", "Frau"))
# Adjectives of a stance: `eine positive Einstellung`.
_STANCE = frozenset(("positiv", "negativ", "kritisch", "ablehnend", "offen", "grundsätzlich", "politisch",
                     "religiös", "persönlich", "richtig", "falsch", "feindlich", "skeptisch", "liberal"))


def _einstellung(tokens: Sequence[Token], index: int) -> str | None:
    """`Einstellung` "attitude" toward something, someone's own or of a stance (`Einstellung zu`, `seine
    Einstellung`, `eine kritische Einstellung`), "recruitment" of staff (`die Einstellung neuer Lehrer`),
    "stopping" of anything else (`der Kämpfe`); None without a word that decides."""
    before, after = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    following = after.text.lower() if after is not None else ""
    if following in ("zu", "zur", "zum", "gegenüber") or before is not None and (
            before.tag == "PPOSAT" and following not in _OF or before.lemma in _STANCE):
        return "attitude"
    if following in _OF or after is not None and after.tag == "ADJA":  # `neuer Lehrer`: a genitive
        noun = next((tokens[k] for k in range(index + 2, min(index + 5, len(tokens)))
                     if tokens[k].tag == "NN" and tokens[k].sentence == tokens[index].sentence), None)
        if noun is not None and (noun.lemma in _STAFF or noun.lemma.endswith(("kraft", "personal"))):
            return "recruitment"
    return "stopping" if following in _OF else None


# `Lage`: a situation in the news (`die Lage hat sich verschärft`), a location in reviews (`ruhige Lage`).
_SITUATION = frozenset(("verschärfen", "zuspitzen", "entspannen", "beruhigen", "eskalieren", "verschlechtern",
                        "verbessern", "angespannt", "dramatisch", "kritisch", "schwierig", "humanitär",
                        "wirtschaftlich", "politisch", "finanziell", "ernst", "unübersichtlich", "stabil"))
_LOCATION = frozenset(("zentral", "ruhig", "toll", "super", "perfekt", "ideal", "nähe", "strand", "hotel",
                       "zimmer", "idyllisch", "schön", "verkehrsgünstig", "erreichbar", "gelegen"))


# `Bahn` among words of travel: the railway (else Ding's path, track).
_RAIL = frozenset(("deutsch", "zug", "fahrgast", "fahrgäste", "ticket", "fahrkarte", "bahnhof", "streik",
                   "fahrplan", "verspätung", "preis", "reisende", "pendler", "strecke", "gdl", "fahren"))
# `Folge` of a series: an episode (else a consequence).
_SERIES = frozenset(("serie", "staffel", "sendung", "fernsehserie", "podcast", "tatort", "krimi",
                     "zuschauer"))
_WEAPONS = frozenset(("rakete", "atomsprengkopf", "sprengkopf", "waffe", "abfeuern", "schießen", "feuern",
                      "militär", "armee", "panzer", "artillerie", "reichweite", "treffen", "einschlagen"))


def context_sense(tokens: Sequence[Token], index: int) -> str | None:
    """The sense the words of the sentence give a noun or adverb with two everyday ones: `Lage` situation or
    location, `Schließlich` opening a sentence "finally" (mid-clause, Ding's "after all"), `Bahn` railway
    among words of travel, `Geschoss` projectile among weapons (else Ding's storey)."""
    t = tokens[index]
    if t.lemma == "Lage" and t.tag == "NN":
        words = sentence_lemmas(tokens, index)
        return "situation" if words & _SITUATION else "location" if words & _LOCATION else None
    if t.lemma == "schließlich" and t.text == "Schließlich":
        return "finally"
    if t.lemma == "Bahn" and t.tag == "NN" and sentence_lemmas(tokens, index) & _RAIL:
        return "railway"  # `Die Bahn erhöht die Preise`; Ding's first is path
    if t.lemma == "Geschoss" and t.tag == "NN":
        words = sentence_lemmas(tokens, index)
        return "projectile" if words & _WEAPONS else None  # else Ding's storey
    return None


def everyday_word(lemma: str) -> str | None:
    """The everyday sense of a frequent noun as a compound's head (`…rest` rest, not leaving), short."""
    sense = _EVERYDAY.get(lemma) if lemma[:1].isupper() else None
    return short(sense).removeprefix("the ") if sense else None


# Modifiers of news compounds whose English in Ding's compounds is split or technical: `Atom…` atomic 33,
# nuclear 31; `Kreis…` circular before district; `Masse…` earth (electrical) before mass; `Wechsel…` bill.
_MODIFIERS = {"Atom": "nuclear", "Kern": "nuclear", "Kreis": "district", "Masse": "mass", "Ost": "east",
              "Sicherheit": "security", "Wechsel": "exchange"}


def everyday_modifier(part: str) -> str | None:
    """The curated English of a frequent compound modifier (`Atom…` nuclear)."""
    return _MODIFIERS.get(part)


# Function words whose Ding senses the ranking orders badly, with the senses their tag means first.
FUNCTION_SENSES = {
    ("PRF", "sich"): ("himself", "herself", "itself", "themselves"),  # the reflexive, not `each other`
    ("PPOSAT", "ihr"): ("her", "their", "your"),  # `ihre Autos`: a possessive, not `ihr` (you-all)
    ("PDAT", "dieser"): ("this",), ("PDS", "dieser"): ("this",),  # not `such`
    ("PRELAT", "der"): ("whose",),  # `die Frau, deren Mann`
    # news adverbs whose everyday sense Ding lists after a vaguer or rarer one
    ("ADV", "sofort"): ("immediately",),  # not `just`
    ("ADV", "allerdings"): ("however",),  # not `mind you`
    ("ADV", "leider"): ("unfortunately",),  # not `sad to say`
    ("ADJA", "entsprechend"): ("appropriate",), ("ADJD", "entsprechend"): ("appropriate",),  # not `like`
    ("ADJD", "erneut"): ("once again",), ("ADJA", "erneut"): ("renewed",),  # `erneut gedroht`: not `new`
    ("ADJD", "künftig"): ("for the future",), ("ADJA", "künftig"): ("future",),  # not `to come`
    ("ADJD", "freundlich"): ("friendly",), ("ADJA", "freundlich"): ("friendly",),  # not `kind`
    ("PIS", "nichts"): ("nothing",), ("PIS", "einer"): ("one",),  # `einer der größten`: not `a`
    ("PIAT", "mehrere"): ("several",), ("PIS", "mehrere"): ("several",),  # not `a number of`
    ("APPR", "neben"): ("next to",),  # not `by`
    ("PTKA", "am"): ("most (am + superlative: am besten, best)",),  # Ding has no `am` of its own
    ("ADV", "zuletzt"): ("most recently",),  # `hatte zuletzt gedroht`: not `last`
    ("ADJA", "unumkehrbar"): ("irreversible",), ("ADJD", "unumkehrbar"): ("irreversible",),  # not `hopeless`
    ("ADJA", "zuverlässig"): ("reliable",), ("ADJD", "zuverlässig"): ("reliable",),  # not `all right`
    ("ADJA", "provokant"): ("provocative",), ("ADJD", "provokant"): ("provocative",),  # Ding: disputatiously
    ("ADJA", "entwickelt"): ("developed",),  # `hoch entwickelte Technik`: not `mature (wine taste)`
    ("ADJA", "genau"): ("exact",), ("ADJD", "genau"): ("exact",),  # `ist genauer`: not `right`
    ("ADJA", "einzig"): ("only",),  # `die einzige Lösung`: not `one`
    ("ADJA", "gleich"): ("same",), ("ADJD", "gleich"): ("same",),  # `zur gleichen Zeit`: not `right`
    ("ADJA", "üblich"): ("usual",), ("ADJD", "üblich"): ("usual",),  # not `general`
    ("ADV", "zumindest"): ("at least",),  # not `if nothing else`
    ("ADV", "gern"): ("gladly",), ("ADV", "gerne"): ("gladly",),  # not `readily`
    ("ADV", "anders"): ("differently (from)",),  # not `in other ways`
    ("ADJA", "sogenannt"): ("so-called",),  # not `what is called`
    ("ADJA", "lecker"): ("tasty",), ("ADJD", "lecker"): ("tasty",),  # not `nice`
    ("ADJA", "bedeutend"): ("significant",), ("ADJD", "bedeutend"): ("significant",),  # not `great`
    ("ADJA", "vergangen"): ("last (used to refer to a time period)",),  # `in den vergangenen Jahren`
    ("ADJA", "gemeinsam"): ("common",),  # `ein gemeinsamer Gegner`: not `corporate`
    ("ADJA", "entwickelnd"): ("developing",),  # `sich rasch entwickelnde Programme`: not `elaborative`
}
# Phrases whose Ding senses miss the everyday one or put it late: `kurz vor` has only "shy", `im Vergleich zu`
# "vis-à-vis", `immer mehr` "progressively", `abhängig von` "dependently", `Reihe von` "panel of".
PHRASE_SENSES = {"kurz vor": ("shortly before",), "im vergleich zu": ("compared to",),
                 "zusammen mit": ("together with",), "spaß machen": ("to be fun",),  # `Das macht Spaß`
                 "immer mehr": ("more and more",), "anders als": ("unlike, different from",),
                 "je nach": ("depending on",), "abhängig von": ("depending on",),
                 "reihe von": ("a number of",), "ausgehend von": ("starting from",),
                 "erste wahl": ("first choice",)}
# Adjectives used as adverbs whose Ding adverb senses the ranking orders badly (`regelmäßig` "will",
# `ständig` "ever", `zusätzlich` "for good measure"), with the everyday adverb.
ADVERB_SENSES = {"genau": "exactly", "ständig": "constantly", "zusätzlich": "in addition",
                 "vollständig": "completely", "regelmäßig": "regularly", "prompt": "promptly",
                 "ordentlich": "properly", "tief": "deeply"}
