"""The morphology component: lemma, STTS tag, Universal POS, token kind and compound parts.

Backed by HanTa; HanTa's known failure modes are repaired here:
- names keep their written form (HanTa re-cases `USA` → `Usa`),
- a lemma that no German word list knows, when the written form or a plain inflection cut of it is a
  known word, is a truncation of an unknown word (`Smartphone` → `Smartphon`) and is replaced,
- lexicalised comparatives keep their own lemma (`weitere` → `weiter`, not `weit`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from . import hanta
from .stts import to_stts, to_upos
from .tokens import NAME, NUMBER, PUNCT, SYMBOL, WORD

for _name, _default in (("kind", WORD), ("parts", None), ("base", "")):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_default)

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "»": '"', "«": '"', "‚": "'", "‘": "'", "’": "'",
                         "–": "-", "—": "-"})
_NUMBER = re.compile(r"^[+-]?(\d+([.,:/]\d+)*\.?|\d+(er|ern|s)?)$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"[<>{}=\\|@#_/]|\(.*\)|\w\.\w+\.\w")
# Comparatives that are words of their own in German dictionaries.
_LEXICAL_COMPARATIVES = {"weiter": "weiter", "mehrer": "mehrere", "ober": "ober", "unter": "unter",
                         "inner": "inner", "äußer": "äußer", "hinter": "hinter", "vorder": "vorder"}
_NOUN_ENDINGS = ("", "s", "es", "n", "en", "e", "er", "ern", "nen")


def known(word: str) -> bool:
    """Whether a German word list knows the word (wordfreq, any frequency)."""
    return zipf_frequency(word, "de") > 0


_IRREGULAR_GRADES = {"nächst": "nah", "näher": "nah"}


@lru_cache(maxsize=200_000)
def repair_lemma(text: str, lemma: str, stts: str, tag_id: int = -1) -> str:
    """Fix HanTa's lemma where it is clearly wrong (see module docstring)."""
    if stts == "NE":
        if _is_acronym(text):
            return text
        # a genitive name (`Japans`, `Nordkoreas`) when the name without -s is clearly more common
        if text.endswith("s") and len(text) > 3:
            bare = zipf_frequency(text[:-1], "de")
            if bare > 0 and bare >= zipf_frequency(text, "de") + 0.5:
                return text[:-1]
        return text
    if stts == "NN" and _is_acronym(text):
        return text
    if stts in ("ADJA", "ADJD"):
        low = text.lower()
        if lemma.lower() in _IRREGULAR_GRADES:
            return _IRREGULAR_GRADES[lemma.lower()]
        for stem, lex in _LEXICAL_COMPARATIVES.items():
            if low.startswith(stem) and len(low) - len(stem) <= 2 and lemma.lower() != stem:
                return lex
        if text[:1].isupper() and text.endswith("er") and lemma == low:
            return text  # adjectives from place names keep their capital: `Aachener`, `Münchner`
        return lemma
    if stts != "NN" or known(lemma) or not known(text) or (tag_id >= 0 and _head_known(text, tag_id, lemma)):
        return lemma
    # an unknown word cut short (`Smartphone` → `Smartphon`): the nearest known form of the surface
    for ending in ("s", "es", "n", "en", "e", "er", "ern", "nen", ""):
        if ending and not text.endswith(ending):
            continue
        cand = text[: len(text) - len(ending)] if ending else text
        if len(cand) > 2 and known(cand):
            return cand
    return text


def _is_acronym(text: str) -> bool:
    """`USA`, `SPD`, `TV`, `B52`: upper-case letters (and digits), kept as written."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters) or len(text) > 6:
        return False
    return len(letters) <= 3 or not known(text)  # `REDE` and `TEAM` are words in capitals


def _head_known(text: str, tag_id: int, lemma: str) -> bool:
    """Whether the lemma is a compound whose head is a known word (`…möglichkeiten` → Möglichkeit)."""
    parts = compound_parts(text.translate(_QUOTES), tag_id, lemma)
    return bool(parts) and known(parts[-1])


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
    if len(stem_idx) < 2:
        return None
    parts = []
    for k in stem_idx[:-1]:
        base = hanta.stem_of(*morphs[k])
        parts.append(base[:1].upper() + base[1:] if morphs[k][1].startswith(("NN", "NE")) else base)
    head = lemma[sum(len(m) for m, _ in morphs[: stem_idx[-1]]):]
    if len(head) < 3 or any(len(p) < 2 for p in parts):
        return None
    return (*parts, head[:1].upper() + head[1:])


@Language.component("lesen_morphology")
def morphology(doc: Doc) -> Doc:
    """Tag every sentence with HanTa and set lemma, tag, pos, kind and compound parts."""
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        words = [t.text.translate(_QUOTES) for t in toks]
        tag_ids = hanta.tag_sentence(words)
        for k in range(1, len(words)):  # mid-sentence, a lower-case word is no noun
            if words[k][:1].islower() and hanta.tag_name(tag_ids[k]) in ("NN", "NE", "NNA", "NNI"):
                tag_ids[k] = hanta.best_tag_id(words[k], exclude=("NN", "NE", "NNA", "NNI")) or tag_ids[k]
        for tok, tid in zip(toks, tag_ids, strict=True):
            stts, pos, lemma, kind, parts = analyse_word(tok.text, tid)
            tok.tag_ = stts
            tok.pos_ = pos
            tok.lemma_ = lemma
            tok._.base = lemma
            tok._.kind = kind
            tok._.parts = parts
    _genitive_names(doc)
    return doc


def _genitive_names(doc: Doc) -> None:
    """`Japans` next to `Japan` in the same text: the genitive takes the name as its lemma."""
    names = {t.text for t in doc if t._.kind == NAME}
    for tok in doc:
        if tok._.kind == NAME and tok.text.endswith("s") and tok.text[:-1] in names:
            tok.lemma_ = tok._.base = tok.text[:-1]


@lru_cache(maxsize=500_000)
def analyse_word(text: str, tag_id: int) -> tuple[str, str, str, str, tuple[str, ...] | None]:
    """(STTS, UPOS, lemma, kind, compound parts) of a word with the tag HanTa chose in context."""
    word = text.translate(_QUOTES)
    stts = to_stts(hanta.tag_name(tag_id))
    if not _HAS_LETTER.search(text) and not any(c.isdigit() for c in text):
        stts = _punct_tag(text)
        lemma = text
    elif stts.startswith("$"):
        lemma = text
    elif "-" in text.strip("-") and stts == "NN":
        lemma = _hyphen_lemma(text, tag_id)
    elif stts in ("NE", "CARD", "FM", "XY"):
        lemma = repair_lemma(text, text, stts, tag_id)  # names keep their form: no morphology needed
    else:
        lemma = repair_lemma(text, hanta.lemma(word, tag_id), stts, tag_id)
    kind = _kind(text, stts)
    if kind == NUMBER and stts != "ADJA":
        stts = "CARD"
    pos = to_upos(stts) if kind != PUNCT else "PUNCT"
    parts = None
    if stts == "NN" and kind == WORD:
        parts = _hyphen_parts(text, lemma) if "-" in text.strip("-") else compound_parts(word, tag_id, lemma)
    return stts, pos, lemma, kind, parts


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
