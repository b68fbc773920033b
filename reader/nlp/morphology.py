"""The morphology component: lemma, STTS tag, Universal POS, token kind and compound parts.

Backed by HanTa; HanTa's known failure modes are repaired here, by rules about German, never by lists
of test words:
- names keep their written form (HanTa re-cases `USA` → `Usa`), camel-case brands too (`TechnoGym`);
- a lemma that no German word list knows, when the written form or a plain inflection cut of it is a
  known word, is a truncation of an unknown word (`Smartphone` → `Smartphon`) and is replaced; when
  neither is known, the word's head decides (`Kristallisationswärme`, not `…wärm`); a compound's lemma
  ends in its head's own lemma (`Banknoten` → Banknote, as `Noten` → Note);
- lexicalised comparatives keep their own lemma (`weitere` → `weiter`, not `weit`). UD German treebanks
  (GSD, PUD) write `weit` like any comparative's positive, but the dictionary glosses `weit` as
  far/wide, so a learner would never see `further`, `additional`; every other comparative and superlative
  gets its positive from HanTa (`größten` → groß, `nächste` → nah);
- capitalisation decides noun or not mid-sentence (`sehr lecker`, `für die Mitfahrt`, `beim Treten`),
  and a degree adverb before a word (`wirklich klasse`); a hyphenated word's capitalised last part makes
  it a noun whatever its first letter (`pH-Wert`, `iPhone-Nutzer`);
- nominalised adjectives take the -e form (`Älteren` → `Ältere`), nouns in -in are never inflected,
  a loanword's -s plural is cut (`Cafés`), an -ien plural is an -ie, -ium or -ion noun's (`Ethnien`,
  `Sanatorien`, `Stadien`), an umlaut plural loses its umlaut (`Ankünfte` → Ankunft), the -n plural of
  an -e noun HanTa knows keeps the -e (`Noten` → Note, not Not: Nöte), so does a feminine -e noun HanTa
  was trained on (`Marke`, not Mark) unless the shorter noun has a strong genitive (`Worte` → Wort: Wortes)
  and a compound ending in a common -e noun (`Biersorte`, not `Biersort`), HanTa's old `ß` gives way to
  the text's `ss` (`Prozess`);
- a ge- participle in -en is a strong verb's (`gelegen` → liegen, not legen: gelegt);
- a verb lemma no list knows is rebuilt from the written form (`gewürfelt` → `würfeln`, not
  `gewürfeln`); un- participles are adjectives (`unangemeldet`); number words are written small;
- `TV's`, `Virus'` are lemmatised without the apostrophe; soft hyphens are ignored; abbreviations of
  dotted pieces are adverbs written as the dictionary writes them (`z.B.` → z. B.);
- the words around decide where grammar does (`_in_context`): a surname after a title (`Frau Rübben`),
  the nominalised infinitive or the feminine plural by the determiner's gender (`zu dem Bleiben`, `das
  Sieden`, `die Duschen`), a feminine singular after `eine`/`einer` (`einer Markise`, not `Markis`) or
  after any determiner but a dative when the other noun forms its plural otherwise (`die Falle`, not
  `Fall`: Fälle),
  `gefallen`/`geraten` by their auxiliary (`hat … gefallen` ≠ `ist … gefallen`), a subordinate clause
  without a finite verb ends in one (`ob es ihm gefällt`: gefallen, not fällen), a capitalised adverb
  after a preposition is a noun (`im Nachhinein`), a country in -en after a plural determiner is its
  people (`der Polen` → Pole).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..spelling import umlaut_last
from ..zipf import german_zipf
from . import hanta
from .segment import ABBREVIATION
from .stts import to_stts, to_upos
from .tokens import NAME, NUMBER, PUNCT, SYMBOL, WORD

for _name, _default in (("kind", WORD), ("parts", None), ("base", "")):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_default)

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "»": '"', "«": '"', "‚": "'", "‘": "'", "’": "'",
                         "–": "-", "—": "-", "\u00ad": None})
_NUMBER = re.compile(r"^[+-]?(\d+([.,:/]\d+)*\.?|\d+(er|ern|s)?)$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_VOWELS = re.compile(r"[aeiouyäöü]", re.IGNORECASE)
_CAMEL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_CODE = re.compile(r"[<>{}=\\|@#_/]|\(.*\)|\w\.\w+\.\w")
# Comparatives that are words of their own in German dictionaries.
_LEXICAL_COMPARATIVES = {"weiter": "weiter", "mehrer": "mehrere", "ober": "ober", "unter": "unter",
                         "inner": "inner", "äußer": "äußer", "hinter": "hinter", "vorder": "vorder"}
_NOUN_ENDINGS = ("", "s", "es", "n", "en", "e", "er", "ern", "nen")


def clear_caches() -> None:
    """Forget every per-word-type cache of this module (benchmarks measuring cold runs call this)."""
    for fn in (analyse_word, repair_lemma, compound_parts, _hanta_word, _hanta_spelling, _unknown_non_noun,
               _inflected_adjective):
        fn.cache_clear()


def known(word: str) -> bool:
    """Whether a German word list knows the word (wordfreq, any frequency)."""
    return german_zipf(word) > 0


_IRREGULAR_GRADES = {"nächst": "nah", "näher": "nah"}


@lru_cache(maxsize=200_000)
def repair_lemma(text: str, lemma: str, stts: str, tag_id: int = -1) -> str:
    """Fix HanTa's lemma where it is clearly wrong (see module docstring)."""
    if stts in ("NE", "NN", "FM") and _CAMEL.search(text):
        return text  # brand and product names written in camel case: `TechnoGym`, `iPhone`, `BahnCard`
    if stts == "NE":
        if _is_acronym(text):
            return text
        # a genitive name (`Japans`, `Nordkoreas`) when the name without -s is clearly more common
        if text.endswith("s") and len(text) > 3:
            bare = german_zipf(text[:-1])
            if bare > 0 and bare >= german_zipf(text) + 0.5:
                return text[:-1]
        return text
    if stts == "NN":
        return _repair_noun(text, lemma, tag_id)
    if stts in ("ADJA", "ADJD"):
        low = text.lower()
        if lemma.lower() in _IRREGULAR_GRADES:
            return _IRREGULAR_GRADES[lemma.lower()]
        if low.replace("ss", "ß") == "äußerst":
            return "äußerst"  # the adverb `äußerst` (extremely), not a superlative of `äußer`
        for stem, lex in _LEXICAL_COMPARATIVES.items():
            if low.startswith(stem) and len(low) - len(stem) <= 2 and lemma.lower() != stem:
                return lex
        if text[:1].isupper() and text.endswith("er") and lemma == low:
            return text  # adjectives from place names keep their capital: `Aachener`, `Münchner`
        return lemma
    if stts == "VVPP" and text.endswith("en"):
        return _strong_participle(text.lower(), _repair_verb(text, lemma))
    if stts.startswith(("VV", "VA", "VM")):
        return _repair_verb(text, lemma)
    if stts in ("PIS", "PIAT", "PIDAT", "ADV") and lemma == text.lower() + "er" and not text.endswith("e"):
        return text.lower()  # `wenig` is no form of `weniger`
    if stts in ("PDS", "PDAT") and lemma.lower() in ("diese", "dieses"):
        return "dieser"  # one lemma for the demonstrative, whatever form HanTa took as it
    if stts in ("PIS", "PIAT", "PIDAT") and lemma.endswith("er") and lemma.lower() not in _PRONOUNS_IN_ER:
        low = text.lower()  # `die meisten` is no `Meister`: the -e form, as dictionaries list it (meiste)
        stem = next((low[: -len(e)] for e in ("en", "em", "es") if low.endswith(e)), None)
        if stem and lemma.lower() == stem + "er":
            return stem + "e"
    return lemma


# Pronouns listed under their -er form (`jeder; jede; jedes`).
_PRONOUNS_IN_ER = frozenset(("einer", "keiner", "jeder", "mancher", "welcher", "solcher", "irgendeiner",
                             "irgendwelcher", "dieser", "jener", "jedweder", "jeglicher"))


def _repair_noun(text: str, lemma: str, tag_id: int) -> str:
    if _is_acronym(text):
        return text
    if len(text) > 4 and text.endswith("in") and text[-3:-2].isalpha():
        return text  # a singular noun in -in is never inflected (`Kollegin`, `Termin`, `Benzin`)
    if tag_id >= 0 and hanta.tag_name(tag_id) == "NNA" and _nominalised_adjective(text):
        return _nominalised_adjective(text)
    if (lemma == text or len(lemma) < len(text) - 1) and _s_plural(text, lemma):
        return text[:-1]  # a loanword's -s plural HanTa did not know (`Cafés`, `Apps` → Ap)
    if lemma in (text, text[:-1]) and text.endswith("e") and (singular := _umlaut_plural(text, lemma)):
        return singular
    if lemma == text[:-2] and text.endswith("en") and _own_noun(text[:-1]):
        return text[:-1]  # `Noten` is Note's plural, not a form of Not (Nöte)
    if lemma == text[:-1] and (_own_e_noun(text) or _unseen_e_noun(text, lemma)):
        return text  # `Marke` is no form of Mark, `Weste` none of West, `Kamille` none of Kamill
    if lemma == text[:-2] and text.endswith("er") and _umlautable(lemma):
        return text  # an -er plural umlauts its stem (`Länder`): `Luster` is no form of Lust
    if lemma == text[:-2] and text.endswith("en") and _own_e_noun(text[:-1]) and (
            german_zipf(text[:-1]) >= german_zipf(lemma) - 0.5):
        return text[:-1]  # `Marken`; not `Türen`, the plural of Tür beside the rarer Türe
    if text.endswith("ien") and len(text) > 5 and (singular := _ien_singular(text, lemma)):
        return singular
    if lemma == text:
        return lemma
    cut = text[len(lemma):] if text.startswith(lemma) else ""
    if cut and not _VOWELS.search(cut) and cut not in ("s", "n", "r", "ns"):
        return text  # `App` is no form of `Ap`: no noun ending is a consonant but -s, -n, -r (`Beamter`)
    lem, z_lem, z_text = lemma, german_zipf(lemma), german_zipf(text)
    # a lemma no list knows, or one barely known beside a common written form (`Torsten` → Torst)
    noise = z_lem < _RARE and z_text >= 3 and z_text >= z_lem + 2
    if z_lem > 0 and not noise:
        return lem
    if lemma == text[:-1] and text.endswith("e") and _ends_in_e_noun(text):
        return text  # `Biersorte` → Biersort, `Hochschulreife` → Hochschulreif: the -e is the head's
    if tag_id >= 0 and (by_head := _by_head(text, tag_id, lem)):
        return by_head
    if z_text > 0:
        # an unknown word cut short (`Smartphone` → `Smartphon`): the nearest known form of the surface
        for ending in _NOUN_ENDINGS[1:]:
            cand = text[: len(text) - len(ending)]
            if text.endswith(ending) and len(cand) > 2 and cand != lem and known(cand) and (
                    german_zipf(cand) >= min(_RARE, z_text - 1)):
                return cand
        return text
    if text.lower().startswith(lem.lower()):
        return _uncut(text, lem)
    return lem


_LAST_VOWELS = re.compile(r"[aeiouyäöü]+(?=[^aeiouyäöü]*$)", re.IGNORECASE)


def _umlautable(word: str) -> bool:
    """Whether the word's last vowel takes an umlaut (`Lust`, `Haus`; not `Kind`, `Geist`, `Leu`)."""
    vowels = _LAST_VOWELS.search(word)
    return vowels is not None and vowels.group().lower() in ("a", "o", "u", "au", "aa", "oo")


def _umlaut_plural(text: str, lemma: str) -> str | None:
    """The singular of an umlaut -e plural that HanTa does not know (`Herkünfte` → Herkunft,
    `Ankünfte` → Ankunft, not `Ankünft`): the form without -e and umlaut, when that is a noun and HanTa
    has only guessed the form or its lemma is no word."""
    stem = text[:-1]
    i = max(stem.rfind(c) for c in "äöü")
    if i < 0 or "äu" in stem[i:] or any(c in "aeiouy" for c in stem[i + 1:]):
        return None  # the umlaut must be in the last syllable (`Zünfte`, not `Mühle`)
    singular = stem[:i] + stem[i].translate(_UMLAUTS) + stem[i + 1:]
    if not (_guessed(text) or lemma == stem and not known(lemma)):
        return None
    return singular if known(singular) and hanta.best_tag(singular) == "NN" else None


def _ien_singular(text: str, lemma: str) -> str | None:
    """The singular of an -ien plural HanTa gets wrong, about as common as the plural and at least as
    common as HanTa's lemma: an -ie noun's (`Ethnien`, `Studien` → Studie), else the more common of an -ium
    and a neuter -ion noun's (`Sanatorien` → Sanatorium, `Stadien` → Stadion)."""
    stem = text[:-3]
    least = max(2.0, german_zipf(text) - 1, german_zipf(lemma) if lemma != text else 0.0)
    if german_zipf(text[:-1]) >= least:
        return text[:-1]
    # an -ion noun with an -ionen plural is feminine: `Aktien` is not Aktion's
    neuter = [stem + "ium"] + ([stem + "ion"] if not known(stem + "ionen") else [])
    z, singular = max((german_zipf(s), s) for s in neuter)
    return singular if z >= least else None


def _own_noun(word: str) -> bool:
    """Whether HanTa's lexicon holds the -e word as a noun and lemmatises it as itself (`Note`, `Rate`;
    not `Worte`, Wort's plural). Its -n form is then that noun's plural, whatever stem HanTa cut it to."""
    t = hanta.tagger()
    nn = t.tag2int["NN"]
    return word.lower() in t.LP_m_t[nn] and hanta.lemma(word, nn) == word


_SEEN_THRICE = -11.5  # a morpheme's log probability in HanTa's lexicon when its training saw it three times


def _own_e_noun(word: str) -> bool:
    """Whether a noun in -e that HanTa cut to the word without it is a noun of its own: HanTa's lexicon
    holds it as a noun seen in training more than once or twice, and the word without -e has no strong
    genitive in -es (`Wortes`, `Landes`, `Falles`), so the -e is no plural or old dative ending of it."""
    if not word.endswith("e"):
        return False
    t = hanta.tagger()
    lp = t.LP_m_t[t.tag2int["NN"]].get(word.lower())
    return lp is not None and lp >= _SEEN_THRICE and german_zipf(word[:-1] + "es") < 2.5


def _guessed(word: str) -> bool:
    """Whether HanTa only guesses the word's analysis from its letters (its best score is that low)."""
    best = hanta.tagger()._tag_word(word, 1, True)
    return not best or best[0][1] < _UNKNOWN_SCORE


def _unseen_e_noun(text: str, lemma: str) -> bool:
    """Whether a noun in -e whose analysis HanTa guesses, cut to a rarer word, is its own lemma: wordfreq
    knows the -e form at least ten times as often (`Kamille`, not Kamill; `Shavette`)."""
    z = german_zipf(text)
    return text.endswith("e") and z >= 2.0 and z >= german_zipf(lemma) + 1 and _guessed(text)


def _s_plural(text: str, lemma: str) -> bool:
    """Whether the word is the -s plural of a common noun (without the -s) that HanTa missed."""
    if len(text) < 4 or not text.endswith("s") or text.endswith(("ss", "us", "is")):
        return False
    bare = german_zipf(text[:-1])
    other = german_zipf(text) + 0.3 if lemma == text else german_zipf(lemma) + 0.5
    return bare >= 3 and bare >= other and hanta.best_tag(text[:-1]) == "NN"


_RARE = 1.5  # a verb lemma must be at least this common (Zipf) to replace HanTa's
_HEAD = 2.0  # a compound's last word must be at least this common to judge a cut by it


def _uncut(text: str, lemma: str) -> str:
    """HanTa cut an ending off a word no list knows (`Kristallisationswärme` → `…wärm`,
    `Hompepage` → `Hompepag`): keep the cut only if the word's head reads as well cut as uncut.

    The head is the longest common word the surface ends with (`wärme`, `page`); when the cut is
    wrong, the head is lemmatised on its own.
    """
    low = text.lower()
    start = _head_start(low)
    if not start or german_zipf(lemma.lower()[start:]) >= german_zipf(low[start:]) - 1:
        return lemma
    # the head on its own is a word HanTa knows: its lemma (`…gehäusen` → Gehäuse), else the surface
    head = low[start:].capitalize()
    tid = hanta.best_tag_id(head)
    if tid is not None and hanta.tag_name(tid) in ("NN", "NNI"):
        head = hanta.lemma(head, tid)
        if german_zipf(head) >= _HEAD:
            return text[:start] + head.lower()
    return text


def _head_start(low: str) -> int:
    """Where the longest common word (of four letters or more) that the lower-case word ends with starts;
    0 when there is none."""
    return next((i for i in range(1, len(low) - 3) if german_zipf(low[i:]) >= _HEAD), 0)


def _ends_in_e_noun(text: str) -> bool:
    """Whether the word ends in a common noun in -e that is its own lemma (`…sorte`, `…reife`,
    `…geschichte`): HanTa then cut the compound's -e by mistake (not in `…produkte`, Produkt's plural)."""
    start = _head_start(text.lower())
    if not start:
        return False
    head = text[start:].capitalize()
    tid = hanta.best_tag_id(head)
    return tid is not None and hanta.tag_name(tid) in ("NN", "NNA") and analyse_word(head, tid)[2] == head


def _nominalised_adjective(text: str) -> str | None:
    """`Angestellten`, `Älteren` → `Angestellte`, `Ältere`: an adjective used as a noun takes the
    surface with its weak -e ending; None when the word is no common adjective with an ending."""
    for ending, keep in (("e", 0), ("en", 1), ("er", 1), ("es", 1), ("em", 1)):
        if text.endswith(ending) and german_zipf(text[: -len(ending)]) >= 2:
            return text[: len(text) - len(ending) + keep] if keep else text
    return None


def _reform_ss(text: str, lemma: str) -> str:
    """HanTa's old spelling `Prozeß`, `Mißbrauch` where the text writes `ss`: the lemma keeps the `ss`."""
    if "ß" not in lemma or "ß" in text:
        return lemma
    low = text.lower().translate(_UMLAUTS)
    out = lemma
    i = out.find("ß")
    while i >= 0:
        if low[i:i + 2] == "ss" and low[:i] == out[:i].lower().translate(_UMLAUTS):
            out = out[:i] + "ss" + out[i + 1:]
        i = out.find("ß", i + 1)
    return out


_UMLAUTS = str.maketrans("äöü", "aou")


_PARTICLE_PREFIXES = ("zurück", "zusammen", "weiter", "heraus", "hinaus", "vorbei", "herum", "an", "auf",
                      "aus", "ab", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor", "weg",
                      "zu", "um", "durch", "über", "unter", "wieder", "hoch", "frei")
_VERB_ENDINGS = ("test", "tet", "ten", "te", "est", "et", "st", "t", "en", "e", "n", "")


def _repair_verb(text: str, lemma: str) -> str:
    """A verb lemma no word list knows (`gewürfeln`, `angewinkeln`, `erkälen`): the first common
    infinitive that the written form can be an inflection of (`würfeln`, `anwinkeln`, `erkälten`)."""
    low = text.lower()
    if low.startswith("un") and not low.startswith("unter") and lemma.startswith("un"):
        return lemma  # handled by the caller: an un- participle is an adjective
    if german_zipf(lemma) > 0:
        return lemma
    for ending in _VERB_ENDINGS:
        if not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)]
        for base in (*_without_ge(stem), stem):
            for inf in (base + "en", base + "n"):
                if inf != low and len(base) > 2 and german_zipf(inf) >= _RARE:
                    return inf
    return lemma


def _strong_participle(form: str, lemma: str) -> str:
    """A ge- participle in -en is no weak verb's (`gelegen` is not `legen`'s, which is `gelegt`): the
    strong verb whose participle stem HanTa's lexicon gives for it (`leg` → liegen), when the weak
    verb's participle is a word and the strong verb's would-be weak one is not (`geliegt`)."""
    t = hanta.tagger()
    variants = t.stemdict.get(t.tag2int["VV_VAR_PP"], {})
    stem = lemma[:-2] if lemma.endswith("en") else ""
    for i in range(len(stem) - 2):
        strong = variants.get(stem[i:])
        if strong is None or not form.endswith(stem[i:] + "en"):
            continue
        head = form[: len(form) - len(stem) + i - 2]  # `gelegen` → `ge`, `abgelegen` → `abge`
        if head.endswith("ge") and known(head + stem[i:] + "t") and not known(head + strong + "t"):
            return stem[:i] + strong + "en"
        return lemma
    return lemma


def _without_ge(stem: str) -> list[str]:
    """`gewürfel` → `würfel`, `angewinkel` → `anwinkel`: the stem without a participle's ge-."""
    out = [stem[2:]] if stem.startswith("ge") else []
    for p in _PARTICLE_PREFIXES:
        if stem.startswith(p + "ge"):
            out.append(p + stem[len(p) + 2:])
    return out


def _is_acronym(text: str) -> bool:
    """`USA`, `SPD`, `TV`, `B52`: upper-case letters (and digits), kept as written."""
    if len(text) > 6 or text.islower():
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    return len(letters) <= 3 or not known(text)  # `REDE` and `TEAM` are words in capitals


def _by_head(text: str, tag_id: int, lemma: str) -> str | None:
    """A compound's lemma is its modifiers and its head's own lemma (`…möglichkeiten` → Möglichkeit,
    `Banknoten` → Banknote, not Banknot: `Noten` is Note's plural). None when the word is no compound
    of a known head."""
    word = text.translate(_QUOTES)
    parts = compound_parts(word, tag_id, lemma)
    if not parts:
        return None
    start = len(lemma) - len(parts[-1])
    head = word[start:]
    head = head[:1].upper() + head[1:]
    hid = hanta.best_tag_id(head)
    if hid is not None and hanta.tag_name(hid) == "NN":
        own = analyse_word(head, hid)[2]
        if own != parts[-1] and known(own):
            return lemma[:start] + own.lower()
    if not (known(head) or _inflects(head, parts[-1])):
        return None  # the surface's head is no word nor a form of the part (`Bankomaten` is no Bank·Oma)
    return lemma if known(parts[-1]) else None


def _inflects(form: str, noun: str) -> bool:
    """Whether the form is the noun with a noun ending, umlaut allowed (`Pläne`, `Omas`; not `Omaten`)."""
    form, noun = form.lower().translate(_UMLAUTS), noun.lower().translate(_UMLAUTS)
    return form.startswith(noun) and form[len(noun):] in _NOUN_ENDINGS


def _kind(text: str, stts: str) -> str:
    if stts.startswith("$") or not _HAS_LETTER.search(text) and not any(c.isdigit() for c in text):
        return PUNCT if not any(c.isalnum() for c in text) else SYMBOL
    if stts == "CARD" or _NUMBER.match(text):
        return NUMBER
    if stts == "NE" or stts == "FM" and text[:1].isupper():
        return NAME
    if not _HAS_LETTER.search(text) or _CODE.search(text):
        return SYMBOL  # markup, code, addresses: `alert('x')</script`, `www.x.de/a`
    return WORD


def _punct_tag(text: str) -> str:
    if text in (",",):
        return "$,"
    if text in (".", "!", "?", ":", ";", "…", "...", "?!", "!?"):
        return "$."
    return "$("


@lru_cache(maxsize=200_000)
def compound_parts(word: str, tag_id: int, lemma: str) -> tuple[str, ...] | None:
    """Compound parts of a noun from HanTa's morphemes: `Verteidigungsminister` → Verteidigung, Minister.

    The head is the lemma minus the modifiers' letters (linking elements included), so its inflection
    and umlaut come out right (`Angriffsplänen` → Angriff, Plan).
    """
    morphs = hanta.morphemes(word, tag_id)
    stem_idx = [k for k, (_, t) in enumerate(morphs) if t.startswith(("NN", "ADJ", "VV", "NE", "CARD"))]
    if lemma == word and morphs[-1][1] == "SUF_NN" and len(stem_idx) >= 2:
        stem_idx = _before_e_head(word, morphs, stem_idx)  # the -e HanTa cut is the head's (`Biersorte`)
    if len(stem_idx) < 2:
        return None
    parts = []
    for k in stem_idx[:-1]:
        base = hanta.stem_of(*morphs[k])
        parts.append(base[:1].upper() + base[1:] if morphs[k][1].startswith(("NN", "NE")) else base)
    head = lemma[sum(len(m) for m, _ in morphs[: stem_idx[-1]]):]
    if len(head) < 3 or any(len(p) < 2 for p in parts) or not known(head):
        return None  # a head no word list knows is no word (`Bankomat` is no Bank·Omat)
    return (*parts, head[:1].upper() + head[1:])


def _before_e_head(word: str, morphs: list[tuple[str, str]], stem_idx: list[int]) -> list[int]:
    """HanTa's stems of a compound whose lemma keeps the -e HanTa cut (`Biersorte`: bier·s·ort·e): those
    that end before the common noun the word ends with, then that noun's start; [] when a stem or other
    letters than a linking element straddle its start (`Lesereise`: leser·eis·e)."""
    start, end, out = _head_start(word.lower()), 0, []
    for k, (m, t) in enumerate(morphs):
        if end == start:
            return [*out, k] if out else []
        if k in stem_idx:
            out.append(k)
        elif t != "FUGE":
            return []
        end += len(m)
    return []


@Language.component("lesen_morphology")
def morphology(doc: Doc) -> Doc:
    """Tag every sentence with HanTa and set lemma, tag, pos, kind and compound parts."""
    names: list[tuple[Token, str]] = []
    ext = doc.user_data  # where `tok._.name = value` stores, at ("._.", name, tok.idx, None): set directly,
    # without the helper object `tok._` builds on every access (a tenth of this component's time)
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        texts = [t.text for t in toks]
        words = [_hanta_word(text) for text in texts]
        tag_ids = hanta.tag_sentence(words)
        mid, tags = _retag(words, tag_ids)  # the passes below keep `tags` (the ids' names) in step
        _finite_last(words, tag_ids, tags)
        _finite_somewhere(words, tag_ids, tags)
        _adjective_after_degree(words, tag_ids, tags)
        for k, (tok, text, tid) in enumerate(zip(toks, texts, tag_ids, strict=True)):
            stts, pos, lemma, kind, parts = analyse_word(text, tid)
            if mid[k] and stts == "ADJA" and _place_adjective(text, lemma):
                lemma = text  # `Helgoländer Bucht`: an adjective from a place name is invariable
            elif stts == "ADJD" and lemma == "früh" and text.lower() == "früher" and (
                    k + 1 == len(texts) or texts[k + 1] != "als"):
                stts, pos, lemma = "ADV", "ADV", "früher"  # `Früher war …` (formerly), not `früher als`
            elif stts in _CONTEXT_TAGS:
                found = _in_context(words, tag_ids, k, stts, lemma, mid[k])
                if found is not None:
                    stts, lemma = found
                    pos, kind, parts = to_upos(stts), NAME if stts == "NE" else WORD, None
            tok.tag_ = stts
            tok.pos_ = pos
            tok.lemma_ = lemma
            idx = tok.idx
            ext[("._.", "base", idx, None)] = lemma
            if kind != WORD:  # the extensions' defaults are WORD and None
                ext[("._.", "kind", idx, None)] = kind
                if kind == NAME:
                    names.append((tok, text))
            if parts is not None:
                ext[("._.", "parts", idx, None)] = parts
    _genitive_names(names)
    return doc


_CONTEXT_TAGS = frozenset(("NN", "NE", "PIS", "VVPP", "VVFIN", "ADV", "ADJD"))
# Titles before a surname: the next capitalised word is a name, whatever else it could be.
_TITLES = frozenset(("Herr", "Herrn", "Frau", "Dr.", "Prof.", "Dr", "Prof"))
# Determiners that only go with a singular masculine or neuter noun (and the contracted prepositions).
_SINGULAR_NEUTER = frozenset(("das", "dem", "des", "beim", "zum", "vom", "im", "ins", "am", "ans", "aufs",
                              "fürs", "übers", "durchs", "ein", "einem", "eines", "kein", "keinem", "dieses",
                              "diesem", "jedes", "jedem", "sein", "seinem", "mein", "meinem", "ihrem"))
# Determiners of a neuter singular and nothing else that an -en noun could be: not a plural, nor a weak
# masculine (`das Sieden`, `ein Sieden`, `ins Schwitzen`; `dem Kunden` is the weak masculine Kunde).
_NEUTER_ONLY = frozenset(("das", "ein", "kein", "ins", "ans", "aufs", "fürs", "übers", "durchs", "ums"))
# Determiners that never go with a neuter singular noun (so not with a nominalised infinitive).
_NOT_NEUTER = frozenset(("die", "den", "der", "keine", "meine", "deine", "seine", "ihre", "unsere", "viele",
                         "einige", "mehrere", "alle", "beide", "diese", "jene", "manche", "solche", "welche"))
# Participles shared by a verb and its ge- verb; the auxiliary decides: (with haben, with sein).
_AUXILIARY_DECIDES = {"gefallen": ("gefallen", "fallen"), "geraten": ("raten", "geraten")}


def _in_context(words: list[str], tag_ids: list[int], k: int, stts: str, lemma: str,
                mid: bool) -> tuple[str, str] | None:
    """A lemma (and tag) that the words around decide, or None to keep the word's own:
    - a capitalised word after a title is a surname (`Frau Rübben`, `Dr. Sieben`);
    - a word HanTa cut to a feminine -e noun is a nominalised infinitive after a neuter determiner
      (`zu dem Bleiben`; after `das`, `ein`, `ins` … even a verb HanTa does not know: `das Sieden`), and a
      nominalised infinitive is that -e noun's plural after a determiner that never goes with a neuter
      (`die Duschen`);
    - after `eine`/`einer` a noun is feminine singular, so its -e is no plural ending (`einer Markise`);
      so it is after any determiner but a dative one, or with nothing before it that could govern a
      dative, when the noun HanTa chose forms its plural otherwise (`die Falle` beside `Fälle`, `Rinde
      und Blätter` beside `Rinder`): the -e is then no old dative ending either;
    - `gefallen`, `geraten`: the sentence's auxiliary tells which verb (`hat … gefallen`, `ist … gefallen`);
    - a capitalised adverb mid-sentence after a preposition or article is a noun (`im Nachhinein`), and
      so is a capitalised predicative adjective after a determiner or adjective (`keinen Laut`, `ein
      lauter Laut`): German writes nominalisations with a capital;
    - a name in -en after a determiner that no neuter takes is a people, not its country (`der Polen`);
    - a name in -s is the -s plural of a common noun, when there is one, after a determiner or outside a
      name (`die Smartphones`, `Laptops und Bugs`); a name's genitive stands before its noun, without a
      determiner (`Müllers Vorschlag`), and a longer name has another beside it (`United Nations`).
    """
    w = words[k]
    prev = words[k - 1] if k else ""
    if stts in ("PIS", "NN") and prev.lower() in _SET_PHRASE_PREPOSITIONS:
        adjective = _adjective_after_preposition(words, tag_ids, k)
        if adjective:
            return "ADJA", adjective
    if stts in ("NN", "NE") and prev in _TITLES and w[:1].isupper() and w[1:2].islower():
        return ("NE", w) if lemma != w or stts != "NE" else None
    if stts == "NE" and w.endswith("en") and _determiner(words, tag_ids, k) in _NOT_NEUTER:
        people = _inhabitants(w)  # `der Polen`: a country in -en takes no article, its people do
        return ("NN", people) if people else None
    if stts == "NE" and _s_plural(w, w) and (
            _determiner(words, tag_ids, k) is not None or not _in_name(tag_ids, k)):
        return "NN", w[:-1]  # `die Smartphones`, `Tablets und Headsets`; not `Müllers (neuer) Vorschlag`
    if stts == "NN":
        if lemma == w[:-1] and w.endswith("en"):  # `Bleiben` → Bleibe
            det = _determiner(words, tag_ids, k)
            if det in _NEUTER_ONLY or det in _SINGULAR_NEUTER and _is_infinitive(w):
                return "NN", w
        elif lemma == w and w.endswith("en") and hanta.tag_name(tag_ids[k]) == "NNI":  # `Duschen`
            if _determiner(words, tag_ids, k) in _NOT_NEUTER:
                noun = hanta.lemma(w, hanta.tagger().tag2int["NN"])
                return ("NN", noun) if noun == w[:-1] and noun.endswith("e") and known(noun) else None
        elif lemma == w[:-1] and w.endswith("e"):  # `einer Markise` → Markis, `die Rinde` → Rind
            det = _determiner(words, tag_ids, k)
            # an old dative -e needs a dative before it (`dem Rinde`, `zu Hause`, `großem Hause`)
            bare = det is None and (not k or hanta.tag_name(tag_ids[k - 1]) not in _BEFORE_OLD_DATIVE)
            if det in ("eine", "einer") or (bare or det and det not in _DATIVE_SINGULAR) and _other_plural(
                    lemma, w):
                return "NN", w
        return None
    if w.lower() in _PARTICIPLE_TOO:
        return _finite_or_participle(words, tag_ids, k, stts)
    if stts == "VVPP":
        pair = _AUXILIARY_DECIDES.get(w.lower())
        aux = _auxiliary(words, tag_ids, k) if pair else None
        return (stts, pair[aux == "sein"]) if aux else None
    if stts in ("ADV", "ADJD") and mid and w[:1].isupper() and w[1:2].islower() and (
            hanta.tag_name(tag_ids[k - 1]) in (_AFTER_ADVERB if stts == "ADV" else _AFTER_ADJECTIVE)):
        return "NN", w
    return None


# Prepositions of set phrases with an adjective and no noun: `vor kurzem`, `seit langem`, `bei weitem`, `von
# neuem`, `ohne weiteres`, `bis auf weiteres`.
_SET_PHRASE_PREPOSITIONS = frozenset(("vor", "seit", "bei", "von", "ohne", "auf"))


def _adjective_after_preposition(words: list[str], tag_ids: list[int], k: int) -> str | None:
    """The adjective (`kurz`) of an -em or -es word after a preposition with no noun after it, which HanTa
    reads as a pronoun or noun and cuts to `kurze`, `weitem`: None when the word is no such adjective."""
    low = words[k].lower()
    if not low.endswith(("em", "es")) or k + 1 < len(words) and hanta.tag_name(tag_ids[k + 1]) in _NOUN_TAGS:
        return None
    stem = low[:-2]
    known_as = hanta.tag_name(hanta.best_tag_id(stem) or 0) if stem in hanta.tagger().cache else None
    if known_as not in ("ADJ(D)", "ADV"):
        return None
    return _LEXICAL_COMPARATIVES.get(stem, stem)


# A finite form of one verb that is another's participle too: (the finite form's verb, the participle's).
_PARTICIPLE_TOO = {"gehört": ("gehören", "hören")}
_DATIVE_PRONOUNS = frozenset(("mir", "dir", "ihm", "uns", "euch", "ihnen", "wem"))


def _finite_or_participle(words: list[str], tag_ids: list[int], k: int, stts: str) -> tuple[str, str] | None:
    """`gehört`, gehören's present or hören's participle. With a finite `haben`, `sein` or `werden` in its
    clause and standing last in it (`hat nicht gehört`, `wurde gehört`, `was ich gehört habe`) it is a
    participle: hören's, unless `haben` goes with a dative pronoun or a `zu` phrase (`hat mir gehört`, `hat
    zu den Besten gehört`: gehören). A participle without an auxiliary is hören's (`Gut gehört!`)."""
    finite, participle = _PARTICIPLE_TOO[words[k].lower()]
    names = [hanta.tag_name(t) for t in tag_ids]
    lo, hi = _clause(names, k, _CLAUSE_ENDS)
    auxes = [words[j].lower() for j in range(lo, hi) if names[j] == "VA(FIN)"]
    last = hi == k + 1 or hi == k + 2 and names[k + 1] == "VA(FIN)"
    if not (auxes and last):
        return ("VVPP", participle) if stts == "VVPP" else None
    clause = [w.lower() for w in words[lo:k]]
    belongs = any(w.startswith(("hab", "hat", "hät")) for w in auxes) and (any(
        w in _DATIVE_PRONOUNS and (j == 0 or names[lo + j - 1] not in ("APPR", "APPRART"))
        for j, w in enumerate(clause)) or _zu_phrase(clause))
    return "VVPP", finite if belongs else participle


def _clause(names: list[str], k: int, ends: tuple[str, ...]) -> tuple[int, int]:
    """The start and end (exclusive) of the clause around position k: up to the tags in `ends`."""
    lo, hi = k, k + 1
    while lo > 0 and names[lo - 1] not in ends:
        lo -= 1
    while hi < len(names) and names[hi] not in ends:
        hi += 1
    return lo, hi


def _zu_phrase(clause: list[str]) -> bool:
    """A `zu` phrase with a determiner (`zu den Besten`, `zum Alltag`; not `zu Hause`, `zum ersten Mal`)."""
    for j, w in enumerate(clause):
        if w in ("zum", "zur") or w == "zu" and j + 1 < len(clause) and clause[j + 1] in _ZU_DETERMINERS:
            if "mal" not in clause[j + 1:j + 4]:
                return True
    return False


_ZU_DETERMINERS = frozenset(("den", "der", "dem", "einem", "einer", "diesen", "dieser", "diesem", "seinen",
                             "ihren", "meinen", "unseren", "jenen", "wenigen", "vielen"))


def _in_name(tag_ids: list[int], k: int) -> bool:
    """Whether the word at k may be a genitive name or part of a longer name: a noun, an adjective or a
    number follows it (`Müllers neuer Plan`), or a name or foreign word stands before it (`United Nations`,
    `Commonwealth of Nations`)."""
    after = hanta.tag_name(tag_ids[k + 1]) if k + 1 < len(tag_ids) else ""
    before = hanta.tag_name(tag_ids[k - 1]) if k else ""
    return after in ("NN", "NE", "NNA", "NNI", "ADJ(A)", "CARD") or before in ("NE", "FM")


def _inhabitants(name: str) -> str | None:
    """`Polen` → Pole, `Sachsen` → Sachse: the weak masculine noun whose plural the name is, when that
    is a common noun HanTa knows (not one it guesses from the ending: `Philippine`)."""
    noun = name[:-1]
    t = hanta.tagger()
    return noun if noun.endswith("e") and german_zipf(noun) >= _HEAD and any(
        t.int2tag[tid] == "NN" and lp > _UNKNOWN_SCORE for tid, lp in t._tag_word(noun, 3, True)) else None


_BEFORE_OLD_DATIVE = ("APPR", "APPRART", "ADJ(A)")
# Determiners of a masculine or neuter dative singular, the one case that may take an old -e (`dem Lande`).
_DATIVE_SINGULAR = frozenset(("dem", "einem", "im", "am", "vom", "zum", "beim", "diesem", "jedem", "keinem",
                              "seinem", "meinem", "ihrem", "deinem", "unserem", "eurem", "welchem"))


@lru_cache(maxsize=50_000)
def _other_plural(lemma: str, form: str) -> bool:
    """Whether HanTa knows the noun's plural formed otherwise than `form` (with umlaut or -er, at least
    about as common as `form`), so that `form` after a determiner that is no dative is another noun
    (`die Falle` beside `Fälle`, `die Rinde` beside `Rinder`; not `die Worte` beside the rarer `Wörter`,
    not `Arbeit` beside `Arbeiter`, a noun of its own)."""
    nn = hanta.tagger().tag2int["NN"]
    least = german_zipf(form) - 0.3
    umlauted = umlaut_last(lemma)
    return any(german_zipf(p) >= max(least, 3.0) and hanta.best_tag(p) == "NN"
               and hanta.lemma(p, nn) == lemma
               for p in {umlauted + "e", lemma + "er", umlauted + "er"} if p != form)


def _determiner(words: list[str], tag_ids: list[int], k: int) -> str | None:
    """The article, pronoun or contracted preposition before the noun at k (adjectives between skipped),
    lower-cased; None when there is none."""
    j = k - 1
    while j >= 0 and hanta.tag_name(tag_ids[j]) == "ADJ(A)":
        j -= 1
    if j < 0 or hanta.tag_name(tag_ids[j]) not in _DETERMINER_TAGS:
        return None
    return words[j].lower()


_DETERMINER_TAGS = frozenset(("ART", "APPRART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT"))
# What a capitalised adverb (`im Nachhinein`) or predicative adjective (`keinen Laut`, `ein lauter Laut`)
# follows when it is a noun.
_AFTER_ADVERB = frozenset(("APPR", "APPRART", "ART"))
_AFTER_ADJECTIVE = _DETERMINER_TAGS | {"ADJ(A)"}


def _is_infinitive(word: str) -> bool:
    """Whether HanTa reads the word as a nominalised infinitive and, written small, as a verb it knows
    (`Bleiben`; not the weak masculine `Großneffen`, which it only guesses to be a verb)."""
    t = hanta.tagger()
    if not any(t.int2tag.get(tid) == "NNI" for tid, _ in t._tag_word(word, 5, True)):
        return False
    best = t._tag_word(word.lower(), 1, True)
    return bool(best) and best[0][1] > _UNKNOWN_SCORE and t.int2tag[best[0][0]].startswith(("VV", "VA", "VM"))


def _auxiliary(words: list[str], tag_ids: list[int], k: int) -> str | None:
    """`haben` or `sein`: the form of either nearest to the participle at k in its sentence."""
    best: tuple[int, str] | None = None
    for j, (w, tid) in enumerate(zip(words, tag_ids, strict=True)):
        if hanta.tag_name(tid) in ("VA(FIN)", "VA(INF)"):
            low = w.lower()
            aux = "haben" if low.startswith(("hab", "hat", "hät")) else "sein" if low in _SEIN_FORMS else None
            if aux and (best is None or abs(j - k) < best[0]):
                best = (abs(j - k), aux)
    return best[1] if best else None


_SEIN_FORMS = frozenset(("bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "wäre",
                         "wären", "wärst", "sei", "seien", "sein"))


@lru_cache(maxsize=500_000)
def _hanta_word(text: str) -> str:
    """The word as HanTa reads it: plain quotes and dashes, no soft hyphens, its spelling."""
    return _hanta_spelling(text.translate(_QUOTES))


_NOUN_TAGS = ("NN", "NE", "NNA", "NNI")
_NOUN_HEAD = re.compile(r"\w-[A-ZÄÖÜ][a-zäöüß]+$")  # `pH-Wert`, not `x-beliebig` or `ARD-Vorsitz-KO`
_VERB_TAGS = tuple(f"{v}({f})" for v in ("VV", "VA", "VM") for f in ("FIN", "INF", "IMP", "PP", "IZU"))
# After these a word may be capitalised because a sentence or quotation starts there.
_OPENING_TAGS = ("$.", "$(")
# Words after which a lower-case word written like a noun is a noun after all (`das zimmer`).
_NOUN_CONTEXT = ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "APPRART", "APPR", "ADJ(A)", "CARD")
_INFLECTIONS = ("em", "en", "er", "es", "e")


_CLAUSE_ENDS = ("$,", "$.", "$(")
_FINITE = ("VV(FIN)", "VA(FIN)", "VM(FIN)")
_FINITE_LOOKALIKES = ("VV(PP)", "VV(INF)", "ADJ(D)")


def _finite_last(words: list[str], tag_ids: list[int], names: list[str]) -> None:
    """A clause opened by a subordinating conjunction ends in its finite verb: when HanTa tagged none,
    the last word is it, if it can be one (`ob es ihm gefällt`: gefallen, not the participle of fällen;
    `falls das jemand interessiert`: interessieren, not the adjective)."""
    if "KOUS" not in names:  # most sentences: nothing to look at
        return
    t = hanta.tagger()
    finite = t.tag2int["VV(FIN)"]
    for k, name in enumerate(names):
        if name != "KOUS":
            continue
        end = k + 1
        while end < len(words) and names[end] not in _CLAUSE_ENDS:
            end += 1
        last = end - 1
        if last <= k or names[last] not in _FINITE_LOOKALIKES or any(n in _FINITE for n in names[k + 1:end]):
            continue
        if any(tid == finite for tid, _ in t._tag_word(words[last], 5, True)):
            tag_ids[last], names[last] = finite, "VV(FIN)"


_INFINITIVES = {"VV(INF)": "VV(FIN)", "VM(INF)": "VM(FIN)", "VA(INF)": "VA(FIN)"}
_SUBJECTS = ("NN", "NE", "PPER", "PIS", "PDS", "PRELS", "PWS")
_VERB_FINAL = ("KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT")


def _finite_somewhere(words: list[str], tag_ids: list[int], names: list[str]) -> None:
    """A sentence has a finite verb. When HanTa tagged none, each clause's infinitive after a noun or
    pronoun is the present plural it is written like (`Steigende Temperaturen verschieben das Spektrum.`):
    the first one, or the last in a clause that puts its verb last (`…, die ihr Essen anbieten`, `dass sie
    teilhaben können`). Not in a `zu` or `um … zu` clause, and never `sein` (`sind`)."""
    if not any(n in _INFINITIVES for n in names) or any(n in _FINITE or n.endswith("(IMP)") for n in names):
        return
    start = 0
    for end in [k for k, n in enumerate(names) if n in _CLAUSE_ENDS] + [len(names)]:
        clause = names[start:end]
        if "PTKZU" not in clause and "KOUI" not in clause:
            verbs = [j for j in range(start + 1, end) if names[j] in _INFINITIVES]
            k = verbs[-1 if any(n in _VERB_FINAL for n in clause) else 0] if verbs else None
            if k is not None and words[k].lower() != "sein" and any(n in _SUBJECTS for n in names[start:k]):
                names[k] = _INFINITIVES[names[k]]
                tag_ids[k] = hanta.tagger().tag2int[names[k]]
        start = end + 1


def _adjective_after_degree(words: list[str], tag_ids: list[int], names: list[str]) -> None:
    """A "finite verb" right after an adverb of degree is an adjective when its clause has another finite
    verb and HanTa can read it as one (`was Trump als "sehr weise" begrüßte`: wise, not weisen); a clause has
    one finite verb (`weil er sehr leidet` keeps its verb)."""
    t = hanta.tagger()
    for k in range(1, len(words)):
        if names[k] != "VV(FIN)" or words[k - 1].lower() not in _DEGREE_ADVERBS:
            continue
        lo, hi = _clause(names, k, ("$,", "$."))  # quotes inside: `als "sehr weise" begrüßte`
        if any(n in _FINITE for j, n in enumerate(names[lo:hi], lo) if j != k) and any(
                t.int2tag[tid].startswith("ADJ") for tid, _ in t._tag_word(words[k], 5, True)):
            tag_ids[k], names[k] = t.tag2int["ADJ(D)"], "ADJ(D)"


def _small_hyphen_noun(word: str) -> bool:
    return word[:1].islower() and "-" in word and bool(_NOUN_HEAD.search(word))


def _retag(words: list[str], tag_ids: list[int]) -> tuple[list[bool], list[str]]:
    """Correct HanTa's tags where German capitalisation decides them; returns which words stand
    mid-sentence (not first, not right after a sentence end, quotation mark or bracket), and the tags'
    names.

    - a lower-case word mid-sentence is no noun: HanTa's best other tag, or, when it knows the word
      only as a noun and no article comes before it, an adjective (`sehr lecker`, `ist klasse`);
    - a capitalised word mid-sentence is no verb (`für die Mitfahrt`, `den Google Maps Eintrag`);
    - an inflected word HanTa guessed to be an adverb before a noun is an adjective (`leckere Burger`);
    - a hyphenated word with a small first letter and a capitalised last part is a noun (`pH-Wert`,
      `iPhone-Nutzer`): HanTa reads the small letter as the sign of a non-noun;
    - `am` before a superlative that no noun follows is the superlative's particle (`läuft am schnellsten`,
      not `am höchsten Punkt`).
    """
    t = hanta.tagger()
    int2tag, tag2int = t.int2tag, t.tag2int
    names = [int2tag[i] for i in tag_ids]
    for k, w in enumerate(words):
        if names[k] not in _NOUN_TAGS and _small_hyphen_noun(w):
            tag_ids[k], names[k] = tag2int["NN"], "NN"
    mid = [k > 0 and not names[k - 1].startswith(_OPENING_TAGS) for k in range(len(words))]
    for k in range(1, len(words)):
        w, name, old = words[k], names[k], tag_ids[k]
        nxt = names[k + 1] if k + 1 < len(words) else ""
        first = w[:1]
        if first.islower():
            if name in _NOUN_TAGS and not _small_hyphen_noun(w):
                alt = hanta.best_tag_id(w, exclude=_NOUN_TAGS)
                if alt is None and name == "NN" and (names[k - 1] not in _NOUN_CONTEXT or nxt in _MODIFIED):
                    alt = _unknown_non_noun(w)
                    if alt is None and words[k - 1].lower() in _DEGREE_ADVERBS:
                        alt = tag2int["ADJ(D)"]  # `sieht wirklich klasse aus`: no noun after `sehr`
                tag_ids[k] = alt or old
            elif w in _TIMES_OF_DAY and words[k - 1].lower() in _DAYS:
                tag_ids[k] = tag2int["NN"]  # old spelling `heute morgen`: heute Morgen
        elif mid[k] and first.isupper():
            if w.isupper():
                if len(w) > 2 and name in _PRONOUN_TAGS and not _caps_sentence(words):
                    tag_ids[k] = tag2int["NE"]  # `130 EUR`: capitals mid-sentence are no pronoun
            elif name in _VERB_TAGS:
                alt = hanta.best_tag_id(w, exclude=_VERB_TAGS)
                if not (alt and int2tag[alt] in ("NN", "NE", "NNI")):
                    # a nominalised infinitive (`beim Treten`) or a noun HanTa knows only as a verb form
                    infinitive = hanta.lemma(w, old) == w.lower()
                    alt = tag2int["NNI" if infinitive else "NN"]
                tag_ids[k] = alt
        if tag_ids[k] != old:
            name = names[k] = int2tag[tag_ids[k]]
        if name == "ADV" and nxt in _MODIFIED and _inflected_adjective(w):
            tag_ids[k] = tag2int["ADJ(A)"]
            names[k] = "ADJ(A)"
        elif name == "ADJ(A)" and names[k - 1] == "APPRART" and words[k - 1].lower() == "am" and (
                w.endswith("sten") and nxt not in _MODIFIED):
            tag_ids[k - 1], tag_ids[k] = tag2int["PTKA"], tag2int["ADJ(D)"]  # `läuft am schnellsten`
            names[k - 1], names[k] = "PTKA", "ADJ(D)"
    return mid, names


_MODIFIED = ("ADJ(A)", "NN", "NNA", "NNI", "NE")
# Adverbs of degree, which modify an adjective or adverb but never a noun.
_DEGREE_ADVERBS = frozenset(("sehr", "wirklich", "echt", "total", "ziemlich", "besonders", "äußerst",
                             "überaus", "extrem", "absolut"))
_PRONOUN_TAGS = ("PPOSAT", "PPER", "PDS", "PDAT", "PIS", "PIAT", "ART", "PRELS", "PWS", "PRF")
_TIMES_OF_DAY = {"morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"}
_DAYS = {"heute", "gestern", "vorgestern", "morgen", "übermorgen", "montag", "dienstag", "mittwoch",
         "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"}


def _caps_sentence(words: list[str]) -> bool:
    """A headline or shout in capitals, where capitals say nothing about the word."""
    letters = [w for w in words if w[:1].isalpha()]
    return sum(w.isupper() for w in letters) * 2 > len(letters)


@lru_cache(maxsize=50_000)
def _unknown_non_noun(word: str) -> int | None:
    """For a lower-case word HanTa never saw and reads only as a noun (`lecker`, `würfeln`): its best
    reading that is not a noun, however unlikely HanTa finds it (an adjective, a verb form)."""
    t = hanta.tagger()
    if word in t.cache or len(word) < 4 or not re.search("[aeiouyäöü]", word):
        return None  # a word HanTa saw as a noun only (`zimmer`), or an abbreviation (`km`)
    for tid, _ in t._tag_word(word, 30, True):
        name = t.int2tag.get(tid, "")
        if name not in _NOUN_TAGS and tid > 3:
            return t.tag2int["ADJ(D)"] if name == "ADJ(A)" else tid  # HanTa's ADJ(A) guess cuts endings
    return None


@lru_cache(maxsize=50_000)
def _inflected_adjective(word: str) -> bool:
    """An inflected adjective HanTa does not know (`leckere`, `gebissenem`): not among HanTa's frequent
    words, and without its ending a common word."""
    low = word.lower()
    if not low.endswith(_INFLECTIONS) or low in hanta.tagger().cache:
        return False
    return german_zipf(_strip_adjective_ending(low)) >= 2.5


def _place_adjective(text: str, lemma: str) -> bool:
    """Capitalised mid-sentence, ending in -er, and HanTa's lemma no word (`Helgoländer` → helgoländ)."""
    return text[:2].istitle() and text.endswith("er") and not known(lemma)


def _genitive_names(names: list[tuple[Token, str]]) -> None:
    """`Japans` next to `Japan` in the same text: the genitive takes the name as its lemma."""
    written = {text for _, text in names}
    for tok, text in names:
        if text.endswith("s") and text[:-1] in written:
            tok.lemma_ = tok._.base = text[:-1]


@lru_cache(maxsize=500_000)
def analyse_word(text: str, tag_id: int) -> tuple[str, str, str, str, tuple[str, ...] | None]:
    """(STTS, UPOS, lemma, kind, compound parts) of a word with the tag HanTa chose in context."""
    word = _hanta_word(text)
    stts = to_stts(hanta.tag_name(tag_id))
    if not _HAS_LETTER.search(text) and not any(c.isdigit() for c in text):
        stts = _punct_tag(text)
        lemma = text
    elif stts.startswith("$"):
        lemma = text
    elif _GENDER_FORM.match(word):
        stts, lemma = "NN", _gender_lemma(word)  # `Lehrer*innen` → Lehrer*in
    elif stts in ("NN", "NE", "FM") and _APOSTROPHE.search(word) and len(word) > 3:
        lemma = analyse_word(_APOSTROPHE.sub("", word), tag_id)[2]  # `TV's`, `Virus'`: the word before it
    elif "-" in text.strip("-") and stts == "NN":
        lemma = _hyphen_lemma(text.replace("\u00ad", ""), tag_id)
    elif ABBREVIATION.match(word):
        stts, lemma = "ADV", _SPACED.sub(". ", word)  # `z.B.`, `z. B.` → z. B. (as the dictionary writes it)
    elif stts in ("KOUS", "KOUI", "KON", "KOKOM") or stts == "PRF" and text.lower() in _FIRST_SECOND:
        lemma = text.lower()  # conjunctions are their own lemma, as written (`sodass`, `dass`, `daß`), and
        # only a third person's reflexive is `sich` (`an dich`, `ich wasche mich`)
    elif stts == "CARD" and word.isalpha() and word[1:].islower():
        lemma = word.lower()  # a number word is written small: `Sieben` → sieben
    elif stts in ("NE", "CARD", "FM", "XY"):
        plain = text.replace("\u00ad", "")
        lemma = repair_lemma(plain, plain, stts, tag_id)  # names keep their form: no morphology needed
    else:
        lemma, analysed = _hanta_lemma(word, tag_id)
        if not analysed and stts == "ADJA":
            lemma = _strip_adjective_ending(word)  # HanTa cannot build the form: `leckere` → lecker
        lemma = repair_lemma(word, _reform_ss(text, lemma), stts, tag_id)
        if stts.startswith("VV") and _is_un_participle(word, lemma):
            stts, lemma = "ADJD", word.lower()  # `unangemeldet`, `unbeabsichtigt`: adjectives
    kind = WORD if stts == "NN" and _GENDER_FORM.match(word) else _kind(text, stts)
    if kind == NUMBER and stts != "ADJA":
        stts = "CARD"
    pos = to_upos(stts) if kind != PUNCT else "PUNCT"
    parts = None
    if stts == "NN" and kind == WORD and not _GENDER_FORM.match(word):
        parts = _hyphen_parts(text, lemma) if "-" in text.strip("-") else compound_parts(word, tag_id, lemma)
    return stts, pos, lemma, kind, parts


_FIRST_SECOND = frozenset(("mich", "mir", "dich", "dir", "uns", "euch"))
_APOSTROPHE = re.compile(r"(?<=\w)'s?$")
_SPACED = re.compile(r"\.(?=\S)")
# Gender-inclusive nouns: `Lehrer*innen`, `Mitarbeiter:innen`, `Kolleg_innen`, `Wähler/in`, `LehrerInnen`.
_GENDER_FORM = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:[*:_/]in(?:nen)?|Innen)$")


def _gender_lemma(word: str) -> str:
    """The singular of a gender-inclusive noun as it is written: `Lehrer*innen` → `Lehrer*in`."""
    return word[:-3] if word.endswith("nen") else word
_REFORM_SS = re.compile(r"ss(?=[^aeiouäöüy]|$)")
_UNKNOWN_SCORE = -25.0  # HanTa's best tag score below this: it is guessing from the word's ending


@lru_cache(maxsize=50_000)
def _hanta_spelling(word: str) -> str:
    """The spelling HanTa knows a word by. Its model predates the 1996 reform, so for a word with the
    reformed `ss` it does not know (`Einfluss` → a name `Einflus`) it reads the old `ß` (`Einfluß`);
    the lemma gets its `ss` back (`_reform_ss`). The reform's one-word `sodass` (`so dass`) it reads as
    the conjunction after `so`."""
    t = hanta.tagger()

    def unknown(w: str) -> bool:
        best = t._tag_word(w, 1, True)
        return bool(best) and best[0][1] < _UNKNOWN_SCORE

    # the alternative spelling is analysed only for a word HanTa does not know as written (a search each)
    if word[:2].lower() == "so" and len(word) > 5 and (rest := word[2:]).islower() and unknown(word):
        best = t._tag_word(rest, 1, True)
        if best and t.int2tag[best[0][0]] == "KOUS":
            return rest
    if "ss" not in word or not _REFORM_SS.search(word) or not unknown(word):
        return word
    new = _REFORM_SS.sub("ß", word)
    now, then = t._tag_word(word, 5, True), t._tag_word(new, 5, True)
    if then and then[0][1] > now[0][1] + 5:
        return new
    return word


def _hanta_lemma(word: str, tag_id: int) -> tuple[str, bool]:
    """HanTa's lemma for the tag, and whether HanTa could analyse the word with that tag at all."""
    lemma, tag = hanta.tagger()._analyze(word, tag_id, taglevel=1)
    return lemma, tag != "UNKNOWN"


def _strip_adjective_ending(word: str) -> str:
    low = word.lower()
    for ending in ("em", "en", "er", "es", "e"):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def _is_un_participle(word: str, lemma: str) -> bool:
    """A participle with the negating un- (`unangemeldet`): German has no verb `unanmelden`."""
    low = word.lower()
    return (low.startswith("un") and not low.startswith("unter") and lemma.startswith("un")
            and low.endswith(("t", "en")) and german_zipf(lemma) == 0)


def _hyphen_lemma(text: str, tag_id: int) -> str:
    """`B-52-Bombern` → `B-52-Bomber`: the head is lemmatised, the modifiers stay as written."""
    mod, head = text.rsplit("-", 1)
    if not head:
        return text
    lemma = repair_lemma(head, hanta.lemma(head, tag_id), "NN")
    return f"{mod}-{lemma[:1].upper()}{lemma[1:]}" if head[:1].isupper() else f"{mod}-{lemma}"


def _hyphen_parts(text: str, lemma: str) -> tuple[str, ...] | None:
    """`Mega-Militäraktion` → Mega, Militäraktion; `B-52-Bomber` → B-52, Bomber."""
    head = lemma.rsplit("-", 1)[-1]
    mod = text.rsplit("-", 1)[0]
    if not head or not mod:
        return None
    return (mod, head)
