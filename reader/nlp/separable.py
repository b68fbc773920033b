"""Separable verbs: a separated particle (`PTKVZ`) joins its verb (*ruderte … zurück* → *zurückrudern*).

The particle belongs to the nearest finite verb before it in the same main clause: verbs inside a
verb-final subordinate clause (opened by a subordinating conjunction or relative/interrogative word and
closed by a comma) are skipped, and so is a "finite verb" before a noun that joins no verb with it (an
adjective the tagger misread: *gibt die ihm bekannte Zahl ein*). The particle must close its clause, and
the joined verb must be a word German word lists know, which keeps postpositions and idioms (*den Hunden
gegenüber*, *nach wie vor*) from being glued to a verb they do not belong to.

Two rules follow German spelling: nothing joins `sein` (the official rules write every combination
with it apart: *da sein*, *dabei sein*, *zurück sein*; such a particle is the word on its own), and a
particle followed by a verb form is no separated prefix (*hatte das als „Schritt zurück“ bezeichnet*),
nor is the `an`/`auf` that closes a `von` phrase of a point in time (*gilt von Anfang an*, *von klein
auf*; not *stiegen wegen … von Treibhausgasen an*), nor are two coordinated particles (*bewegt sich hin
und her*). An imperative the tagger read as a noun at the start of a command is the verb (*Ruf mich
an!*). Prefix particles (*unter-*, *zu-*, *wieder-*) and adjectives current spelling writes together
with the verb (*lahmlegen*, *bekanntgeben*, *verlorengehen*) do join: the learner's dictionary has them
as one word.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..zipf import german_zipf
from . import hanta
from .morphology import analyse_word
from .stts import is_finite_verb

if not Token.has_extension("verb"):
    Token.set_extension("verb", default=None)

# Words that open a verb-final clause.
_SUBORDINATORS = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"}
# Particles HanTa sometimes tags as preposition or adverb when they stand at the end of a clause.
_PARTICLES = {
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit", "nach", "vor",
    "weg", "zu", "zurück", "zusammen", "weiter", "vorbei", "heraus", "hinaus", "voran", "dar", "entgegen",
    "statt", "teil", "um", "durch", "über", "nieder", "hoch", "empor", "bereit", "frei", "kennen",
}
# Particles that join only when the verb's object is in the clause: `steht dafür gerade` (answers for it,
# geradestehen) but `steht gerade` (is standing just now).
_CUED = {"gerade": frozenset(("für", "dafür", "wofür", "hierfür"))}
MIN_ZIPF = 1.0
_CLOSING = {'"', "“", "”", "»", "«", ")", "''", "-", "–", "—", "--", ";", ":"}


def joined_lemma(particle: str, verb_lemma: str) -> str:
    return particle.lower() + verb_lemma


def is_verb(word: str) -> bool:
    return german_zipf(word) >= MIN_ZIPF


def _clause_verb(toks: list[Token], p: int) -> Token | None:
    """The finite verb of the main clause that the particle at position p closes.

    Walking back from the particle, a finite verb right before a comma that ends a subordinate clause
    is skipped (the particle cannot belong to it); a sentence end stops the search.
    """
    for k in range(p - 1, -1, -1):
        t = toks[k]
        if t.tag_ == "$.":
            return None
        if is_finite_verb(t.tag_):
            nxt = toks[k + 1]
            if nxt.tag_ == "$," and _opens_subclause(toks, k):
                continue
            return t
    return None


def _opens_subclause(toks: list[Token], k: int) -> bool:
    """Whether the verb at k ends a subordinate clause (a subordinator after the last comma before it)."""
    for j in range(k - 1, -1, -1):
        if toks[j].tag_ == "$,":
            return any(toks[m].tag_ in _SUBORDINATORS for m in range(j + 1, min(j + 3, k)))
        if toks[j].tag_ in _SUBORDINATORS:
            return True
    return False


def _ends_clause(toks: list[Token], p: int) -> bool:
    """A separated particle closes its clause: punctuation, a conjunction or the end follows it.

    A verb form right after it (closing quotes skipped) ends the clause instead, and the particle is
    then no separated prefix (*hatte das als „Schritt zurück“ bezeichnet*).
    """
    q = p + 1
    while q < len(toks) and toks[q].text in _CLOSING:
        q += 1
    if q < len(toks) and toks[q].tag_.startswith(("VV", "VA", "VM")):
        return False
    nxt = toks[p + 1] if p + 1 < len(toks) else None
    if nxt is None or nxt.tag_ in ("$.", "$,") or nxt.text in _CLOSING:
        return True
    after = toks[p + 2] if p + 2 < len(toks) else None
    # `… ab und …` ends a clause; `mit und ohne Leine` coordinates prepositions
    return nxt.tag_ == "KON" and (after is None or after.tag_ not in ("APPR", "APPRART"))


def _closes_von_frame(toks: list[Token], p: int) -> bool:
    """`von Anfang an`, `von diesem Tag an`, `von klein auf`, `von 1990 an`: the `an`/`auf` closes a `von`
    phrase of a point in time (not `stiegen infolge von Treibhausgasen an`)."""
    if toks[p].text.lower() not in ("an", "auf"):
        return False
    for k in range(p - 1, max(p - 4, -1), -1):
        if toks[k].text.lower() == "von":
            return any(t.tag_ == "CARD" or t.text.lower() in _FROM_WHEN for t in toks[k + 1:p])
        if is_finite_verb(toks[k].tag_) or toks[k].tag_ in ("$,", "$."):
            return False
    return False


# What a `von … an` phrase starts from: a point in time, or an age (`von klein auf`).
_FROM_WHEN = frozenset((
    "anfang", "beginn", "start", "kindheit", "jugend", "geburt", "klein", "jung", "da", "dort", "hier",
    "jetzt", "heute", "morgen", "nun", "an", "tag", "moment", "augenblick", "zeitpunkt", "jahr", "monat",
    "woche", "zeit", "stunde", "minute", "mal", "sekunde", "vornherein", "grund", "kind", "kindesbeinen",
))


def _is_particle(toks: list[Token], p: int) -> bool:
    t = toks[p]
    word = t.text.lower()
    if t.tag_ != "PTKVZ" and (word not in _PARTICLES or t.tag_ not in ("APPR", "ADV")) and word not in _CUED:
        return False
    return _ends_clause(toks, p) and not _closes_von_frame(toks, p) and not _paired(toks, p)


def _cued(toks: list[Token], p: int, verb: Token) -> bool:
    """A particle of `_CUED` has its cue in the verb's clause (from the comma before the verb to p)."""
    cues = _CUED.get(toks[p].text.lower())
    if cues is None:
        return True
    k = toks.index(verb)
    while k > 0 and toks[k - 1].tag_ not in ("$,", "$."):
        k -= 1
    return any(t.text.lower() in cues for t in toks[k:p])


def _paired(toks: list[Token], p: int) -> bool:
    """`hin und her`, `auf und ab`: two coordinated adverbs, written apart from the verb."""
    def pair(a: int, b: int) -> bool:
        return 0 <= a and b < len(toks) and toks[a + 1].text in ("und", "oder") and (
            toks[a].text.lower() in _PARTICLES and toks[b].text.lower() in _PARTICLES)
    return pair(p - 2, p) or pair(p, p + 2) and _ends_clause(toks, p + 2)  # not `aus und ab morgen`


def _before_misread_adjective(toks: list[Token], verb: Token) -> Token | None:
    """The clause's finite verb before `verb` when that is right before a noun, so perhaps an adjective the
    tagger misread (`gibt die bekannte Zahl ein`); None otherwise."""
    k = toks.index(verb)
    return _clause_verb(toks, k) if k + 1 < len(toks) and toks[k + 1].tag_ in ("NN", "ADJA") else None


_OBJECT_PRONOUNS = {"mich", "dich", "uns", "euch", "mir", "dir", "ihn", "ihm", "es"}


def _imperative(toks: list[Token], p: int) -> Token | None:
    """An imperative the tagger read as a noun at the start of a sentence without a finite verb (`Ruf
    mich an!`, `Pass auf dich auf!`): retagged, when its stem with -en is a verb that joins the particle
    at p and an exclamation mark or an object pronoun marks the command (not the headline `Blick zurück`).
    """
    k = 0
    while k < p and toks[k].tag_ == "$(":
        k += 1
    head = toks[k]
    if head.tag_ != "NN" or k + 1 >= p or head._.verb is not None:
        return None
    verb = head.text.lower() + "en"
    end = next((t for t in toks[p + 1:] if t.tag_ == "$."), None)
    if not (end is not None and end.text == "!" or toks[k + 1].text.lower() in _OBJECT_PRONOUNS):
        return None
    if not is_verb(verb) or not is_verb(joined_lemma(toks[p].text, verb)):
        return None
    head.tag_, head.pos_, head.lemma_, head._.base, head._.parts = "VVIMP", "VERB", verb, verb, None
    return head


@Language.component("lesen_separable")
def separable(doc: Doc) -> Doc:
    """Join separated particles to their verbs; both tokens get the joined lemma."""
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        # right to left: the particle at the very end of a clause claims its verb first
        for p in range(len(toks) - 1, -1, -1):
            tok = toks[p]
            if not _is_particle(toks, p):
                continue
            verb = _clause_verb(toks, p) or _imperative(toks, p)
            if verb is None or not _cued(toks, p, verb):
                continue
            lemma = joined_lemma(tok.text, verb.lemma_)
            if not is_verb(lemma) and (before := _before_misread_adjective(toks, verb)) is not None:
                verb, lemma = before, joined_lemma(tok.text, before.lemma_)  # `gibt die bekannte Zahl ein`
            if verb.lemma_ == "sein":  # `da sein`, `dabei sein`: never one verb (official spelling, §35)
                if tok.tag_ == "PTKVZ":
                    _unjoined(tok)
                continue
            if verb._.verb is not None or not is_verb(lemma):
                continue
            tok.tag_ = "PTKVZ"
            tok.pos_ = "ADP"
            verb._.verb = {"lemma": lemma, "other": tok.i}
            tok._.verb = {"lemma": lemma, "other": verb.i}
            verb.lemma_ = lemma
            tok.lemma_ = lemma
    return doc


def _unjoined(tok: Token) -> None:
    """A particle of `sein` (`ist als Gegner bekannt`, `ist zurück`, `ist zu`) is the word it is on its own:
    HanTa's best other reading (`bekannt` known, not Ding's particle `espoused`), an adverb for a
    preposition without its noun."""
    tid = hanta.best_tag_id(tok.text, exclude=("PTKVZ",))
    if tid is None:
        return
    tok.tag_, tok.pos_, tok.lemma_, _, _ = analyse_word(tok.text, tid)
    if tok.tag_ in ("APPR", "APPRART"):
        tok.tag_, tok.pos_, tok.lemma_ = "ADV", "ADV", tok.text.lower()
    tok._.base = tok.lemma_
