"""The German analysis pipeline: spaCy's German tokenizer plus lesen's own components.

`analyze(text)` returns one `Token` per non-space token, with offsets into the text as given.
When a spaCy German model is installed it supplies tags and lemmas instead of HanTa.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from . import morphology, segment, separable  # noqa: F401  (registers the components)
from .gender import guess_gender
from .loading import models_loading
from .tokens import WORD, Token

_lock = threading.Lock()
_nlp: Language | None = None
SPACY_MODELS = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")

# A lexicon hook: lemma → gender ("m", "f", "n") or None; the dictionary registers one when present.
GenderLookup = Callable[[str], "str | None"]


def installed_model() -> str | None:
    """The name of an installed spaCy German model, if any."""
    for name in SPACY_MODELS:
        if spacy.util.is_package(name):
            return name
    return None


def build() -> Language:
    """A fresh pipeline: tokenizer, segmentation, morphology (HanTa or a spaCy model), separable verbs."""
    nlp = spacy.blank("de")
    # spaCy computes some twenty attributes for every new word type; lesen reads only `is_space`
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {IS_SPACE: getters[IS_SPACE]}
    # A chunk of letters only is one token: no German prefix, suffix or infix rule splits letters (checked
    # for every Unicode letter), so its first sight skips the affix regexes (most new chunks are words).
    nlp.tokenizer.token_match = str.isalpha
    # An ordinal written against its noun is two words: `1.Dezember`, `2.Weltkrieg` (not `2.0`, `z.B.`)
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9]\.)(?=[A-ZÄÖÜ][a-zäöüß]{2})"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("lesen_segment")
    nlp.add_pipe("lesen_morphology")
    nlp.add_pipe("lesen_separable")
    return nlp


def pipeline() -> Language:
    global _nlp
    with _lock:
        if _nlp is None:
            with models_loading():
                _nlp = build()
        return _nlp


def reset_caches() -> None:
    """Forget every per-word cache in this process, spaCy's vocabulary included (benchmarks use it to
    measure cold runs)."""
    global _nlp
    from ..zipf import for_language
    from . import hanta, viterbi

    with _lock:
        _nlp = None
    hanta.reset()
    for_language.cache_clear()
    viterbi.emissions.cache_clear()
    morphology.clear_caches()


_ARRAY = [ORTH, IDX, IS_SPACE, SENT_START, TAG, POS, LEMMA]


def to_tokens(doc: Doc, gender_of: GenderLookup | None = None) -> list[Token]:
    """Convert a processed Doc to lesen tokens (whitespace dropped, sentence indices counted).

    Read from arrays, not spaCy Token objects (building one per token and reading its properties took a
    third more time): the token attributes as one array, strings from the vocabulary, paragraphs from
    `segment`, and the components' stored attributes from `doc.user_data`, where spaCy keeps them under
    `("._.", name, tok.idx, None)`.
    """
    from spacy.tokens import Token as SpacyToken

    get = doc.user_data.get
    strings = doc.vocab.strings
    paragraphs = segment.paragraphs(doc)
    stored = [SpacyToken.get_extension(name) for name in ("kind", "parts", "verb", "base")]
    assert all(e[1] is None and e[2] is None for e in stored), "stored token attributes expected"
    no_kind, no_parts, no_verb, no_base = (e[0] for e in stored)
    out: list[Token] = []
    index: dict[int, int] = {}
    sentence = -1
    for i, (orth, idx, space, start, tag_id, pos_id, lemma_id) in enumerate(doc.to_array(_ARRAY).tolist()):
        if space:
            continue
        if start == 1 or sentence < 0:
            sentence += 1
        text, lemma, tag = strings[orth], strings[lemma_id], strings[tag_id]
        index[i] = len(out)
        kind = get(("._.", "kind", idx, None), no_kind)
        parts = get(("._.", "parts", idx, None), no_parts)
        verb = get(("._.", "verb", idx, None), no_verb)
        gender = None
        if tag == "NN" and kind == WORD:
            gender = (gender_of(lemma) if gender_of else None) or guess_gender(lemma, parts, gender_of)
        out.append(Token(  # positional, in field order: the call is cheaper than by keyword
            len(out), text, idx, idx + len(text), sentence, paragraphs[i], kind, lemma,
            strings[pos_id] if pos_id else "", tag, get(("._.", "base", idx, None), no_base) or lemma,
            gender, list(parts) if parts else None, dict(verb) if verb else None,
        ))
    for t in out:
        if t.verb:
            t.verb["other"] = index[t.verb["other"]]
    return out


def analyze(text: str, gender_of: GenderLookup | None = None) -> list[Token]:
    """Analyse one German text."""
    return to_tokens(pipeline()(text), gender_of)


def analyze_many(texts: Iterable[str], gender_of: GenderLookup | None = None) -> Iterable[list[Token]]:
    """Analyse several texts in one stream (spaCy batches them)."""
    for doc in pipeline().pipe(texts, batch_size=16):
        yield to_tokens(doc, gender_of)
