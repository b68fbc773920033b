"""The offline dictionary (Ding de-en) and glosses for every word of a text.

Public API: `gloss_lemma`, `gloss_token`, `gloss_word`, `add_glosses`, `gender_lookup`, `Gloss`, `Sense`,
`dictionary_path`, `ensure_imported`.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..zipf import german_zipf
from . import db, idioms, lookup, nouns
from .agreement import allowed_genders, article_gender, neighbour, sentence_indices
from .degree import degree, graded
from .ding import Sense
from .everyday import ADVERB_SENSES, FUNCTION_SENSES, PHRASE_SENSES, context_sense, everyday_sense
from .model import ARTICLES, Gloss, headword
from .ranking import short
from .readings import (
    REFLEXIVE_WITH,
    YOU_PLURAL,
    adverbial,
    bei_sense,
    es_gibt,
    gegenueber_sense,
    ihr_reading,
    nach_sense,
    perfect_use,
    possessive_reading,
    reflexive_reading,
    sie_reading,
    small_word_sense,
    ueber_sense,
    vor_sense,
    werden_use,
)

if TYPE_CHECKING:
    from ..nlp import Token
    from ..store import Store

__all__ = ["Gloss", "Sense", "add_glosses", "dictionary_path", "ensure_imported", "gender_lookup",
           "gloss_lemma", "gloss_token", "gloss_word"]

_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_import_lock = threading.Lock()
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "X")
_NOMINALISED = ("NNA", "NNI")  # HanTa's nominalised adjectives and infinitives (`der Bekannte`, `das Essen`)


def dictionary_path() -> Path:
    return db.dict_path()


def ensure_imported(*, quiet: bool = False) -> Path | None:
    """The dictionary file, importing the system copy first when nothing was imported yet (None: none)."""
    path = db.dict_path()
    if db.is_valid(path):
        return path
    system = db.system_copy()
    if system is None:
        return None
    with _import_lock:
        if db.is_valid(path):
            return path
        from .build import import_file
        from .install import progress_bar

        show = not quiet and sys.stderr.isatty()
        with progress_bar(system.stat().st_size, f"Importing the dictionary from {system}", show) as bar:
            import_file(system, path, progress=bar)
    return path


_failed: set[Path] = set()  # automatic imports that failed in this process are not retried per word


def _available() -> Path | None:
    path = db.dict_path()
    if path in _failed:
        return path if db.is_valid(path) else None
    try:
        return ensure_imported()
    except (OSError, ValueError, EOFError) as exc:
        _failed.add(path)
        print(f"lesen: could not import the dictionary ({exc})", file=sys.stderr)
        return None


def gender_lookup() -> Callable[[str], str | None] | None:
    """lemma → "m"/"f"/"n" from the dictionary (compound head included); None when there is no dictionary."""
    path = _available()
    if path is None:
        return None
    return lambda lemma: nouns.gender_of(lemma, str(path)) if lemma else None


def _user(g: Gloss, lemma: str, store: Store | None) -> Gloss:
    if store is None:
        return g
    from ..store.terms import get_gloss

    own = get_gloss(store, lemma)
    if own:
        g.user_gloss = own
        g.best = own
        g.source = "user"
    return g


def _empty(lemma: str, pos: str | None) -> Gloss:
    return Gloss(lemma=lemma, pos=pos or "", headword=lemma)


def warm() -> None:
    """Open the dictionary and read what every gloss in a sentence needs: its multi-word headwords and the
    German frequency list the ranking weighs context words by (the app does this in a worker at start-up,
    so that the first gloss is quick)."""
    gloss_lemma("Haus", "NOUN")
    german_zipf("Haus")
    if (path := _available()) is not None:
        lookup.multiword_keys(str(path))


def gloss_lemma(lemma: str, pos: str | None = None, *, context: str | None = None,
                store: Store | None = None) -> Gloss:
    """The gloss of a lemma; `context` (a sentence) steers the sense ranking."""
    path = _available()
    ctx = frozenset(w.lower() for w in _WORDS.findall(context or ""))
    g = lookup.lookup(lemma, pos, context=ctx, path=path) if path else _empty(lemma, pos)
    return _user(g, lemma, store)


def sentence_context(tokens: Sequence[Token], index: int) -> frozenset[str]:
    """The other words of the sentence (both parts of a separable verb left out)."""
    skip = {index}
    if tokens[index].verb:
        skip.add(tokens[index].verb.get("other", index))
    out = set()
    for k in sentence_indices(tokens, index):
        t = tokens[k]
        if t.i not in skip and t.kind in ("word", "name") and t.pos in _CONTENT:
            out.add((t.base or t.lemma).lower())
            out.add(t.text.lower())
    return frozenset(out)


def gloss_token(tokens: list[Token], index: int, *, store: Store | None = None, agree: bool = True,
                grade: bool = True) -> Gloss:
    """The gloss of `tokens[index]` in its sentence: joined separable verb, compound parts, context, the
    noun's gender checked against its determiner (`agree=False`: not checked, for measuring), a comparative's
    in its degree (`grade=False`: the lemma's, for a word list whose entry is the positive)."""
    t = tokens[index]
    path = _available()
    base = t.base or t.lemma
    joined = t.lemma if t.verb and t.lemma != base else None
    if path is None:
        g = _empty(t.lemma, t.pos)
    else:
        pos = "NOUN" if t.tag in _NOMINALISED else "VERB" if joined else _GLOSS_POS.get((t.tag, base), t.pos)
        as_adverb = t.tag == "ADJD" and t.text.lower() not in _MUCH and adverbial(tokens, index)
        if t.text.lower() in _MUCH:
            pos = "ADJ"  # `viel Geld`, `vieles`
        elif as_adverb:
            pos = "ADV"  # `kam plötzlich`: suddenly, not sudden; `ist plötzlich`: sudden
        if t.text.lower() in ("deren", "dessen"):  # whose, its: the form's own entry, not the article's
            base = t.text.lower()
        context = sentence_context(tokens, index)
        if t.tag == "KOUI" and lookup.known(str(path), pair := f"{base.lower()} … zu"):  # `um … zu`
            base, pos = lookup.display(str(path), pair, False), None
        genders = allowed_genders(tokens, index) if t.tag == "NN" else None
        g = lookup.lookup(base, pos, text=t.text, parts=t.parts, joined=joined, context=context, path=path,
                          genders=genders)
        if as_adverb:
            g.pos = "ADJ"  # an adjective all the same, glossed as the adverb it is used as
            if base in ADVERB_SENSES:
                _prefer(g, ADVERB_SENSES[base])
        if g.source not in _ON_ITS_OWN:
            g = _fixed_phrase(str(path), tokens, index, context) or g
        if t.tag == "NE" and _in_person_name(tokens, index) and not _place(g):
            g = _empty(t.lemma, "PROPN")  # `Lee Jong-sup`, `Moon Jae-in`: no lee side, no moon
        _function_word_senses(str(path), g, tokens, index, as_adverb)
        if g.pos == "NOUN" or t.tag in _NOMINALISED:
            g.gender, g.pos = nouns.in_context(str(path), g, tokens, index, agree=agree), "NOUN"
            if t.tag == "NNI" or nouns.nominalised_infinitive(str(path), g.lemma):  # `das Bieten`
                g.plural = None
        elif t.tag == "NE":  # its article (`eine Vespa`), else the head of a hyphenated name (`Ifo-Institut`)
            said = article_gender(tokens, index) if agree else None
            g.gender = said or g.gender or nouns.name_head_gender(str(path), g.lemma)
        if grade:
            _in_degree(str(path), g, t, neighbour(tokens, index, 1))
        g.article = ARTICLES.get(g.gender or "") if g.pos == "NOUN" or t.tag == "NE" else g.article
        g.headword = headword(g)
        if t.kind == "word":
            _add_phrase(str(path), g, tokens, index)
    return _user(g, t.lemma, store)


def _in_degree(path: str, g: Gloss, t: Token, after: Token | None) -> None:
    """A comparative's or superlative's gloss in its degree (`stärker` stronger: HanTa's lemma and Ding's
    senses are the positive's). A gloss from Ding's own entry for the graded form stays (`nächste` next),
    unless it is a quantity's `most` (`größte`: biggest)."""
    form = degree(t, after)
    if not form or not g.best:
        return
    if g.best in ("most", "more") and t.lemma not in ("viel", "wenig"):
        g.best = graded(lookup.lookup(t.lemma, "ADJ", path=Path(path)).best, form)
    elif not _graded_entry(path, t, g):
        g.best = graded(g.best, form)


def _graded_entry(path: str, t: Token, g: Gloss) -> bool:
    """Whether the gloss comes from Ding's entry for the graded form itself (`nächste` next, `beste` best)."""
    form = lookup.attributive(t.text) if t.tag == "ADJA" else t.text.lower()
    if not any(r.pos in ("ADJ", "NUM") for r in lookup.entries(path, form)):
        return False
    return g.best in {short(s.text) for s in lookup.lookup(form, "ADJ", path=Path(path)).senses}


def _add_phrase(path: str, g: Gloss, tokens: Sequence[Token], index: int) -> None:
    """The phrase of the sentence the word belongs to, beside its own gloss: a verb phrase (`zur Verfügung
    stellen`), else a headword of two or three words side by side (`vor allem`, `auf jeden Fall`)."""
    idiom = idioms.find(path, tokens, sentence_indices(tokens, index), index)
    if idiom:
        g.phrase, g.phrase_senses, g.phrase_tokens = idiom.headword, _everyday_first(
            idiom.headword, idiom.senses), sorted(idiom.tokens)
        return
    for found, span in _headwords_around(path, tokens, index, (3, 2), no_start=_NO_PHRASE_START):
        senses = _everyday_first(found.lemma, [short(s.text) for s in found.senses])
        g.phrase, g.phrase_senses, g.phrase_tokens = found.lemma, senses, list(span)
        return


def _everyday_first(phrase: str, senses: Sequence[str]) -> list[str]:
    """A phrase's senses to show, the everyday one Ding misses first (`kurz vor` shortly before)."""
    return list(dict.fromkeys([*PHRASE_SENSES.get(phrase.lower(), ()), *senses]))[:idioms.SENSES]


# Determiners of a genitive noun phrase (and the feminine dative, which `der` shares): `im Rahmen der Reform`.
_GENITIVE = frozenset(("des", "der", "eines", "einer", "dieses", "dieser", "seines", "seiner", "ihres",
                       "ihrer", "unseres", "unserer", "jenes", "jener", "aller", "beider", "vieler",
                       "mehrerer"))


def _genitive_follows(tokens: Sequence[Token], k: int) -> bool:
    """Whether a genitive determiner follows the token at `k` in its sentence."""
    after = neighbour(tokens, k, 1)
    return after is not None and after.text.lower() in _GENITIVE


def _headwords_around(path: str, tokens: Sequence[Token], index: int, sizes: tuple[int, ...], *,
                      context: frozenset[str] = frozenset(),
                      no_start: frozenset[str] = frozenset()) -> Iterator[tuple[Gloss, range]]:
    """Ding's headwords of several words that the sentence holds side by side around `tokens[index]` (`im
    Nachhinein`, `vor allem`), each with its entry and the token indices it covers, the longest first;
    none that starts with a word tagged as in `no_start`."""
    sentence = sentence_indices(tokens, index)
    headwords = lookup.multiword_keys(path)
    for size in sizes:
        for first in range(index - size + 1, index + 1):
            span = range(first, first + size)
            if span[0] not in sentence or span[-1] not in sentence or any(
                    tokens[k].kind != "word" for k in span) or tokens[first].tag in no_start:
                continue
            key = " ".join(tokens[k].text for k in span).lower()
            if size == 2 and key + " von" in headwords and _genitive_follows(tokens, span[-1]):
                key += " von"  # `im Rahmen der Reform`, `am Rande des Gipfels`: Ding's `im Rahmen von`
            elif key not in headwords:
                continue
            found = lookup.lookup(lookup.display(path, key, False), None, context=context, path=Path(path))
            if found.best and found.source == "lemma":
                yield found, span


# An article or `etwas` opens a Ding example more than a set phrase: `ein erhöhtes Risiko` (a bad risk).
_NO_PHRASE_START = frozenset(("ART", "PIS", "PIAT"))


def _function_word_senses(path: str, g: Gloss, tokens: Sequence[Token], index: int, as_adverb: bool) -> None:
    """Put first the sense a pronoun or another function word has in its sentence (`as_adverb`: an ADJD used
    as an adverb, whose adverb sense `gloss_token` has put first)."""
    t = tokens[index]
    before = neighbour(tokens, index, -1)
    if t.tag == "PPER" and (reading := sie_reading(tokens, index) or ihr_reading(tokens, index)):
        _lead_with(g, reading)  # `her, them`: no sense of Ding's opens so
    elif t.tag in ("PPER", "PRF") and t.text.lower() in _OBJECT_FORMS:
        if _reflexive(tokens, index):  # `wir freuen uns`, `ich wasche mich`: whatever HanTa tagged
            _prefer(g, *[s.text for s in g.senses if s.text.endswith(("self", "selves"))][:1])
        elif case := _object_case(path, t.text, polite=t.text == "Ihnen" and before is not None):
            g.senses.insert(0, Sense(case))  # `uns` us (not ourselves), `ihnen` them, `euch` you
            g.best = case
    elif t.tag == "PPOSAT" and t.text == "ihr" and before is not None and before.text.lower() in YOU_PLURAL:
        _prefer(g, "you")  # `Habt ihr Zeit?`: the verb's subject, whatever HanTa tagged
    elif (t.tag, t.lemma) == ("PPOSAT", "ihr") and t.text[:1].isupper() and before is not None:
        _prefer(g, "your", "her", "their")  # `für Ihre Hilfe`
    elif (t.tag, t.lemma) == ("PPOSAT", "ihr") and (reading := possessive_reading(tokens, index)):
        _prefer(g, *((reading,) if reading == "their" else ("her", "its")))  # `die Regierung hat ihre …`: its
    elif (t.tag, t.lemma) == ("PRF", "sich") and (reading := reflexive_reading(tokens, index)):
        _lead_with(g, reading)  # `die Spannungen haben sich verschärft`: themselves; `die Lage …`: itself
    # `genau` read as an adverb is "exactly", not its function-word sense
    elif (t.tag, t.lemma) in FUNCTION_SENSES and not (as_adverb and t.lemma in ADVERB_SENSES):
        senses = FUNCTION_SENSES[t.tag, t.lemma]
        _lead_with(g, senses[0])  # Ding may lack it: `nichts` has none, nil, naught, not nothing
        _prefer(g, *senses)
    elif sense := (nach_sense(tokens, index) or ueber_sense(tokens, index) or bei_sense(tokens, index)
                   or gegenueber_sense(tokens, index)
                   or vor_sense(tokens, index) or small_word_sense(tokens, index)):
        _lead_with(g, sense)  # `meiner Meinung nach`, tagged an adverb, has no "according to" of its own
    elif (t.lemma, t.pos) == ("rund", "ADV") and getattr(neighbour(tokens, index, 1), "tag", "") == "CARD":
        _prefer(g, "about")  # `rund 3.000 Stellen`
    elif use := werden_use(tokens, index):
        _lead_with(g, "to become" if use == "become" else _WERDEN_SENSES[use])
    elif tense := perfect_use(tokens, index):
        _lead_with(g, _PERFECT_SENSES[t.lemma, tense])
    elif t.pos == "AUX" and (m := _SUBJUNCTIVE_II.match(t.text.lower())):
        _lead_with(g, _SUBJUNCTIVE_SENSES[m[1]])  # Ding lists the auxiliaries' present senses only
    elif t.lemma == "sollen" and t.text.lower().startswith("sollte"):
        _prefer(g, "should")
    elif (t.tag, t.lemma) == ("VMFIN", "sollen"):
        _lead_with(g, "to be supposed to")  # `soll … haben`: Ding's first is `to be to`
    elif (t.tag, t.lemma) == ("VMFIN", "können"):
        _prefer(g, "can")  # `kann`, not `to be able`
    elif there := es_gibt(tokens, index):
        _lead_with(g, there)
    elif (t.verb or t.pos in ("VERB", "NOUN")) and (everyday := everyday_sense(tokens, index)):
        _lead_with(g, everyday)
    elif reading := context_sense(tokens, index):
        _lead_with(g, reading)


def _opens(text: str, start: str) -> bool:
    """`by (expressing directional movement)` opens with `by`; `so-called` does not open with `so`."""
    return text == start or text.startswith(start + " ")


def _lead_with(g: Gloss, sense: str) -> None:
    """Put the sense opening with `sense` first, or `sense` itself where Ding has none (`was, were
    (passive: wurde + participle)`)."""
    if not any(_opens(s.text, sense) for s in g.senses):
        g.senses.insert(0, Sense(sense))
    _prefer(g, sense)


_WERDEN_SENSES = {"would": "would (würde + infinitive)",
                  "passive past": "was, were (passive: wurde + participle)",
                  "passive": "is, are (passive: wird + participle)",
                  "passive infinitive": "be (passive: participle + werden)",
                  "passive perfect": "been (passive: participle + worden)"}
_PERFECT_SENSES = {("haben", "perfect"): "has, have (perfect: hat + participle)",
                   ("haben", "past perfect"): "had (past perfect: hatte + participle)",
                   ("haben", "perfect infinitive"): "have (perfect: participle + haben)",
                   ("sein", "perfect"): "has, have (perfect: ist + participle)",
                   ("sein", "past perfect"): "had (past perfect: war + participle)",
                   ("sein", "perfect infinitive"): "have (perfect: participle + sein)",
                   ("haben", "subjunctive perfect"): "would have (hätte + participle)",
                   ("sein", "subjunctive perfect"): "would have (wäre + participle)"}
# The subjunctive II of modal verbs, `haben` and `sein`: `könnte`, `müssten`, `dürfte`, `möchtest`, `hätten`,
# `wäre` (not `müsst`, a present).
_SUBJUNCTIVE_II = re.compile(r"(könnt|müsst|dürft|möcht|hätt|wär)(?:e|en|est|et)$")
_SUBJUNCTIVE_SENSES = {"könnt": "could (könnte)", "müsst": "would have to (müsste)",
                       "dürft": "is likely to; might (dürfte)", "möcht": "would like (to) (möchte)",
                       "hätt": "would have (hätte)", "wär": "would be (wäre)"}


_OBJECT_FORMS = frozenset(("mich", "mir", "dich", "dir", "ihn", "ihm", "uns", "euch", "ihnen"))
_SUBJECT_AND_OBJECT = re.compile(r"(\w+)(?: \((\w+)\))?")  # `he (him)`, `you`


def _reflexive(tokens: Sequence[Token], index: int) -> bool:
    """A first or second person's object pronoun whose clause has the same person's subject."""
    subject = REFLEXIVE_WITH.get(tokens[index].text.lower())
    return subject is not None and subject in _clause_words(tokens, index)


def _object_case(path: str, text: str, *, polite: bool) -> str | None:
    """A personal pronoun's object form as the English of the subject form it is listed under writes
    it: `uns` → `we (us)` → us, `euch` → `you`, the `polite` `Ihnen` (capital, mid-sentence) under `Sie`
    → you; None when it is listed under none."""
    for r in lookup.form_entries(path, text.lower()):
        senses = json.loads(r[10])
        if r.pos != "PRON" or (r.word == "Sie") != polite or not senses:
            continue
        sense = senses[0][0].strip()
        if polite:
            return short(sense)
        if m := _SUBJECT_AND_OBJECT.fullmatch(sense):
            return m.group(2) or m.group(1)
    return None


def _clause_words(tokens: Sequence[Token], index: int) -> set[str]:
    """The words (lower case) between the commas or sentence ends around `tokens[index]`."""
    out: set[str] = set()
    for step in (-1, 1):
        k = index + step
        while 0 <= k < len(tokens) and tokens[k].sentence == tokens[index].sentence and tokens[k].tag != "$,":
            out.add(tokens[k].text.lower())
            k += step
    return out


_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")  # a romanised Korean given name: `Jong-sup`, `Geun-hye`


def _in_person_name(tokens: Sequence[Token], index: int) -> bool:
    """A family name with its given name after it (`Lee Jong-sup`, `Park Geun-hye`, `Moon Jae-in`), or that
    given name. Only this shape: beside other names a common noun is often meant (`Burtaris Yoga`)."""
    def given(k: int) -> bool:
        before = neighbour(tokens, k, -1) if k < len(tokens) else None
        return before is not None and before.tag == "NE" and bool(_GIVEN_NAME.fullmatch(tokens[k].text))

    return given(index + 1) or given(index)


def _place(g: Gloss) -> bool:
    return any("geogr." in s.labels for s in g.senses)


def _prefer(g: Gloss, *starts: str) -> None:
    """Put the first sense opening with each of `starts` first, in that order (`they (them)` for `sie
    sind`)."""
    for start in reversed(starts):  # the sense written just so (`by`) or shown so, else the first opening so
        k = next((k for k, s in enumerate(g.senses) if s.text == start), None)
        if k is None:  # `to meet (with sb.)` for `to meet`, not the earlier `to meet with sb.`
            k = next((k for k, s in enumerate(g.senses) if short(s.text) == start), None)
        if k is None:
            k = next((k for k, s in enumerate(g.senses) if _opens(s.text, start)), None)
        if k:
            g.senses.insert(0, g.senses.pop(k))
    if g.senses:
        g.best = short(g.senses[0].text)


# Where STTS and Ding file a word differently: the infinitive's `zu` is a particle in STTS and a
# conjunction in Ding (`to`; its `zu {adv}` is `too`), `als Präsident` a preposition and a conjunction (`as`),
# `ohne zu grüßen` a conjunction and a preposition (`without`).
_GLOSS_POS = {("PTKZU", "zu"): "CCONJ", ("APPR", "als"): "CCONJ", ("KOUI", "ohne"): "ADP",
              ("KOUI", "statt"): "ADP", ("KOUI", "anstatt"): "ADP"}
# `viel` in the singular, an adjective in Ding (much); its pronoun `viele` is the plural (many).
_MUCH = frozenset(("viel", "vieles", "vielem"))
_ON_ITS_OWN = {"separable", "lemma", "surface", "form", "variant"}  # lookup steps that found the word itself


def _fixed_phrase(path: str, tokens: Sequence[Token], index: int, context: frozenset[str]) -> Gloss | None:
    """A word the dictionary has only inside a two-word headword that the sentence holds around it
    (`im Nachhinein`): that headword's entry."""
    for g, _ in _headwords_around(path, tokens, index, (2,), context=context):
        g.source = "phrase"
        return g
    return None


@lru_cache(maxsize=2048)
def _analyse(text: str) -> tuple:
    from .. import nlp

    return tuple(nlp.analyze(text))


def gloss_word(word: str, *, context: str | None = None, store: Store | None = None) -> Gloss:
    """Analyse `word` (inside `context` when given) with reader.nlp, then gloss that token."""
    word = word.strip()
    if context and word.lower() in context.lower():
        tokens = list(_analyse(context))
        for t in tokens:
            if t.text.lower() == word.lower() and t.kind in ("word", "name"):
                return gloss_token(tokens, t.i, store=store)
    tokens = list(_analyse(word))
    words = [t for t in tokens if t.kind in ("word", "name")]
    if len(words) != 1:
        return gloss_lemma(word, None, context=context, store=store)
    g = gloss_token(tokens, words[0].i, store=store)
    # the tagger reads a lone word as a noun, though its small letter says otherwise: a headword written
    # just so that is no noun is what was meant (`ausweiten`, `leben`); and a word the analysis cut to an
    # unknown lemma is looked up as written
    small_noun = g.pos in ("NOUN", "PROPN") and word[:1].islower()
    unknown = not g.best and g.lemma != word
    if small_noun or unknown:
        alt = gloss_lemma(word, None, context=context, store=store)
        if alt.best and (unknown or alt.pos not in ("NOUN", "PROPN")):
            return alt
    return g


def add_glosses(tokens: list[Token], rows: list[dict[str, Any]]) -> None:
    """Add a "gloss" (best English gloss in this context) to every word/name row, and a "phrase" (the verb
    phrase of the sentence it belongs to, with its first English) where there is one."""
    for t, row in zip(tokens, rows, strict=True):
        if t.kind in ("word", "name"):
            g = gloss_token(tokens, t.i)
            row["gloss"] = g.best
            if g.phrase:
                row["phrase"] = {"headword": g.phrase, "gloss": g.phrase_senses[0] if g.phrase_senses else ""}
