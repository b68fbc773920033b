"""Sentence and paragraph boundaries over spaCy's tokens.

Paragraphs are separated by blank lines; a single line break is just a space. A sentence ends at
., !, ?, … (and closing quotes or brackets after them) when the next word starts a sentence.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {'"', "“", "”", "»", "«", "’", "'", ")", "]"}
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

_PARAGRAPHS = "lesen_paragraphs"


def paragraphs(doc: Doc) -> list[int]:
    """The paragraph index of every token of a segmented doc (all 0 before segmentation)."""
    return doc.user_data.get(_PARAGRAPHS) or [0] * len(doc)


def is_paragraph_break(tok: Token) -> bool:
    return tok.is_space and bool(_BLANK_LINE.search(tok.text))


def _starts_sentence(tok: Token) -> bool:
    """A capital, a digit or an opening mark; or a small letter with a capital later in the word, which
    German writes at a sentence start too (`pH-Werte`, `iPhone`, `dpa-Meldungen`)."""
    t = tok.text
    return (t[:1].isupper() or t[:1].isdigit() or t[:1] in '"„“»«‚(–-'
            or t[:1].islower() and not t.islower())


_NUMBER_DOT = re.compile(r"^\d+\.$")
_DIGIT_DOT = re.compile(r"\d\.")


def _next_word(doc: Doc, i: int) -> Token | None:
    for tok in doc[i + 1:]:
        if is_paragraph_break(tok):
            return None
        if not tok.is_space:
            return tok
    return None


def split_sentence_final_numbers(doc: Doc, text: str) -> Doc:
    """spaCy keeps `2017.` whole; split it when the period ends a sentence rather than an ordinal.

    An ordinal is followed by a noun (`am 17. August`) or a lower-case word (`17. und 18.`); a number
    at the end of a paragraph, or before a capitalised word that is not a noun, ends its sentence.
    """
    from . import hanta

    if not _DIGIT_DOT.search(text):  # no `17.` anywhere: nothing to look at token by token
        return doc
    splits = []
    for tok in doc:
        if not _NUMBER_DOT.match(tok.text):
            continue
        nxt = _next_word(doc, tok.i)
        if nxt is None or nxt.text[:1].isupper() and hanta.best_tag(nxt.text) not in ("NN", "NE"):
            splits.append(tok)
    if splits:
        with doc.retokenize() as retok:
            for tok in splits:
                retok.split(tok, [tok.text[:-1], "."], heads=[(tok, 0), (tok, 0)])
    return doc


_GENDER_SEPARATORS = {":", "/", "*", "_"}
_GENDER_ENDINGS = {"in", "innen"}
_GENDER_FORM = re.compile(r"[:/*_]in")


def merge_gender_forms(doc: Doc, text: str) -> Doc:
    """spaCy splits gender-inclusive nouns at the colon or slash (`Mitarbeiter : innen`): one word again.

    Merged only when the three pieces touch, the first is a capitalised word and the last is `in` or
    `innen` (`Mitarbeiter:innen`, `Wähler/in`); `und/oder` or `10:30` are left alone.
    """
    if not _GENDER_FORM.search(text):  # no `:in`, `/innen` …: nothing to look at token by token
        return doc
    texts = [t.text for t in doc]  # read once: every `doc[k]` builds a new Token object
    spans = []
    k = 0
    while k + 2 < len(texts):
        first = texts[k]
        if (texts[k + 1] in _GENDER_SEPARATORS and texts[k + 2] in _GENDER_ENDINGS and first[:1].isupper()
                and first.isalpha() and not doc[k].whitespace_ and not doc[k + 1].whitespace_):
            spans.append(doc[k : k + 3])
            k += 3
        else:
            k += 1
    return _merge(doc, spans)


# Abbreviations of several dotted pieces, the first a lower-case letter: `z.B.`, `u. a.`, `v. Chr.`
# (initials such as `J. R. R.` start with a capital).
_FIRST, _NEXT = r"[a-zäöü]\.", r"[^\W\d_]{1,4}\."
ABBREVIATION = re.compile(rf"^{_FIRST}(?: ?{_NEXT})+$")
_FIRST_PIECE, _NEXT_PIECE = re.compile(rf"^{_FIRST}$"), re.compile(rf"^{_NEXT}$")
_SPACED_PIECES = re.compile(rf"{_FIRST} {_NEXT}")  # what a text must hold for a merge


def merge_abbreviations(doc: Doc, text: str) -> Doc:
    """spaCy splits abbreviations written with spaces (`z. B.`, `u. a.`, `v. Chr.`): one word again, a
    first piece and the further ones one space apart, as `ABBREVIATION` reads them."""
    if not _SPACED_PIECES.search(text):  # no `x. yy.` anywhere: nothing to look at token by token
        return doc
    texts = [t.text for t in doc]
    spans = []
    k = 0
    while k + 1 < len(texts):
        end = k
        if _FIRST_PIECE.match(texts[k]):
            while end + 1 < len(texts) and doc[end].whitespace_ == " " and _NEXT_PIECE.match(texts[end + 1]):
                end += 1
        if end > k:
            spans.append(doc[k : end + 1])
        k = end + 1
    return _merge(doc, spans)


def _merge(doc: Doc, spans: list) -> Doc:
    if spans:
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span)
    return doc


@Language.component("lesen_segment")
def segment(doc: Doc) -> Doc:
    """Set sentence starts and every token's paragraph (`paragraphs`) in one pass, written at once."""
    text = doc.text  # built from the tokens each time it is read; splits and merges keep it as it is
    doc = merge_abbreviations(merge_gender_forms(split_sentence_final_numbers(doc, text), text), text)
    paragraph = 0
    new_sentence = True
    pending_end = False
    starts: list[int] = []
    paragraphs: list[int] = []
    for tok in doc:
        if tok.is_space:
            if is_paragraph_break(tok):
                paragraph += 1
                new_sentence = True
                pending_end = False
            starts.append(-1 if tok.i else 1)
        elif pending_end and tok.text in CLOSERS and not doc[tok.i - 1].whitespace_:
            starts.append(-1)
        else:
            if pending_end and _starts_sentence(tok):
                new_sentence = True
            starts.append(1 if new_sentence or tok.i == 0 else -1)
            new_sentence = False
            pending_end = tok.text in SENT_END
        paragraphs.append(paragraph)
    if starts:  # one array write: setting `is_sent_start` token by token rescans the whole doc each time
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    doc.user_data[_PARAGRAPHS] = paragraphs
    return doc
