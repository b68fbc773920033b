"""What every export shows about a word: level by frequency, example sentence, gloss, plural notation.

Shared by the Anki deck and the teachers' vocabulary lists. Nothing here writes anything.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dictionary.model import plural_notation as gloss_plural_notation
from ..nlp.tokens import WORD, Token
from ..scoring.frequency import lemma_zipf

if TYPE_CHECKING:
    from ..store import Store

try:  # one mapping for the whole program: the scoring package's, when it is there
    from ..scoring.levels import KNOWN_ZIPF as THRESHOLDS
    from ..scoring.levels import LEVELS
except ImportError:  # pragma: no cover - scoring is part of the package
    LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
    # A typical learner at level L knows lemmas with Zipf ≥ THRESHOLDS[L] (../shared/notes/difficulty.md).
    THRESHOLDS = {"A1": 5.0, "A2": 4.6, "B1": 4.2, "B2": 3.8, "C1": 3.3, "C2": 2.8}
BEYOND = "C2+"
ARTICLES = {"m": "der", "f": "die", "n": "das"}
GENDERS = {v: k for k, v in ARTICLES.items()}
POS_NAMES = {
    "NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adjective", "ADV": "adverb", "ADP": "preposition",
    "PRON": "pronoun", "DET": "determiner", "CCONJ": "conjunction", "SCONJ": "conjunction",
    "PART": "particle", "NUM": "numeral", "INTJ": "interjection", "PROPN": "name", "X": "other",
}
MAX_EXAMPLE_TOKENS = 40
# Parts of speech never listed or exported (names, numbers, symbols).
SKIP_POS = {"PROPN", "NUM", "PUNCT", "SYM", "X", "SPACE"}


def zipf(lemma: str) -> float:
    """The lemma's Zipf frequency in German (wordfreq, `scoring.frequency.lemma_zipf`); 0 when unknown."""
    return lemma_zipf(lemma)


def level_of(lemma: str) -> str:
    """The CEFR level at which a learner typically knows the lemma (frequency proxy); C2+ beyond C2."""
    z = zipf(lemma)
    for level in LEVELS:
        if z >= THRESHOLDS[level]:
            return level
    return BEYOND


def level_rank(level: str) -> int:
    """A1 → 0 … C2 → 5, C2+ → 6."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def parse_level(text: str) -> str:
    level = text.strip().upper()
    if level not in LEVELS:
        raise ValueError(f"unknown level {text!r} (use one of {', '.join(LEVELS)})")
    return level


def known_at(lemma: str, level: str) -> bool:
    """Whether a learner at `level` probably knows the lemma."""
    return zipf(lemma) >= THRESHOLDS[level]


def band(lemma: str) -> str:
    """Level and Zipf frequency, e.g. `B2 · Zipf 3.8`."""
    return f"{level_of(lemma)} · Zipf {zipf(lemma):.1f}"


def esc(text: str | None) -> str:
    """HTML-escape text from articles and dictionaries; braces too, so no text can become a template."""
    if not text:
        return ""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def one_line(text: str | None) -> str:
    """Text on one line (tabs, newlines and runs of spaces folded)."""
    return " ".join((text or "").split())


# -- plural -------------------------------------------------------------------------------------------


def plural_notation(lemma: str, plural: str | None) -> str:
    """Coursebook notation of a noun plural: Abschreckung/Abschreckungen → `-en`, Haus/Häuser → `¨-er`."""
    if not plural:
        return ""
    plural = plural.strip()
    if plural in ("-", "kein Pl.", "no pl"):
        return "kein Pl."
    return gloss_plural_notation(lemma, plural) or ""


def plural_from_headword(headword: str | None) -> str:
    """The part after the comma of a headword such as `die Abschreckung, -en`."""
    if headword and "," in headword:
        return headword.split(",", 1)[1].strip()
    return ""


# -- glosses ------------------------------------------------------------------------------------------


def _dictionary():
    """The dictionary package, when it is installed and complete."""
    try:
        from .. import dictionary
    except ImportError:
        return None
    return dictionary if hasattr(dictionary, "gloss_lemma") else None


def gloss_of(lemma: str, pos: str | None = None, *, context: str | None = None,
             store: Store | None = None) -> Any | None:
    """The dictionary's `Gloss` for a lemma (the learner's own gloss first when a store is given).

    None when no dictionary package is available; never raises for a word it does not know.
    """
    dictionary = _dictionary()
    if dictionary is None:
        return None
    try:
        return dictionary.gloss_lemma(lemma, pos, context=context, store=store)
    except LookupError:
        return None


def gloss_at(tokens: Sequence[Token], index: int, store: Store | None = None) -> Any | None:
    """The dictionary's `Gloss` of one token in its sentence (separable verbs joined, compound parts), as the
    lemma's meaning: `stärker` in the example gives `stark` "strong", not "stronger"."""
    dictionary = _dictionary()
    if dictionary is None:
        return None
    try:
        return dictionary.gloss_token(tokens, index, store=store, grade=False)  # type: ignore[arg-type]
    except LookupError:
        return None


def best_gloss(g: Any | None, user_gloss: str | None = None) -> str:
    """The learner's own gloss first, then the dictionary's best sense."""
    if user_gloss:
        return user_gloss
    if g is None:
        return ""
    return getattr(g, "user_gloss", None) or getattr(g, "best", "") or ""


def all_senses(g: Any | None, limit: int = 3) -> list[str]:
    if g is None:
        return []
    out = []
    for sense in getattr(g, "senses", None) or []:
        text = getattr(sense, "text", str(sense))
        if text and text not in out:
            out.append(text)
        if len(out) >= limit:
            break
    return out


# -- occurrences and examples -------------------------------------------------------------------------


@dataclass
class Example:
    """One sentence from a text: plain, with the word in bold (HTML), and with the word gapped (HTML)."""

    text: str
    bold: str
    gap: str


def sentence_spans(tokens: Sequence[Token]) -> dict[int, tuple[int, int]]:
    """sentence number → (first token index, last token index)."""
    spans: dict[int, tuple[int, int]] = {}
    for t in tokens:
        first, _ = spans.get(t.sentence, (t.i, t.i))
        spans[t.sentence] = (first, t.i)
    return spans


def occurrence(tokens: Sequence[Token], index: int) -> set[int]:
    """The token indices of one occurrence: the token, and the other part of a separated verb."""
    t = tokens[index]
    found = {index}
    if t.verb and t.verb.get("other") is not None:
        found.add(int(t.verb["other"]))
    return found


def example(tokens: Sequence[Token], body: str, marked: set[int], span: tuple[int, int],
            max_tokens: int = MAX_EXAMPLE_TOKENS) -> Example:
    """The sentence `span` of `body`, with the tokens `marked` bold / gapped; long sentences are cut
    to a window around the marked tokens."""
    first, last = span
    if last - first + 1 > max_tokens:
        lo, hi = min(marked), max(marked)
        pad = max(0, (max_tokens - (hi - lo + 1)) // 2)
        first2 = max(first, lo - pad)
        last2 = min(last, max(hi + pad, first2 + max_tokens - 1))
        first, last = first2, last2
        cut_left, cut_right = first > span[0], last < span[1]
    else:
        cut_left = cut_right = False
    lead, tail = ("… " if cut_left else ""), (" …" if cut_right else "")
    plain, bold, gap = [lead], [lead], [lead]
    for k in range(first, last + 1):
        t = tokens[k]
        space = " " if k > first and t.start > tokens[k - 1].end else ""
        word = body[t.start : t.end] or t.text
        shown = esc(word)
        plain.append(space + word)
        bold.append(space + (f"<b>{shown}</b>" if k in marked else shown))
        gap.append(space + ("<b>[…]</b>" if k in marked else shown))
    return Example("".join(plain) + tail, "".join(bold) + tail, "".join(gap) + tail)


@dataclass
class Occurrences:
    """The word lemmas of one or more texts: counts, part of speech, gender, parts, first occurrence."""

    counts: dict[str, int] = field(default_factory=dict)
    pos: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)
    first: dict[str, tuple[int, int]] = field(default_factory=dict)  # lemma → (text number, token index)
    running: int = 0  # running words (words and names)
    known_free: int = 0  # running words that never count as unknown (names)

    def add(self, text_no: int, tokens: Iterable[Token]) -> None:
        for t in tokens:
            if not t.is_word:
                continue
            self.running += 1
            if t.kind != WORD:
                self.known_free += 1
                continue
            lemma = t.lemma
            pos = "VERB" if t.verb else t.pos
            if lemma not in self.counts:
                self.counts[lemma] = 0
            if lemma not in self.first or (self.pos[lemma] == "X" and pos != "X"):
                # the first occurrence, unless it was a fragment such as `Abschreckungs-`
                self.pos[lemma] = pos
                self.first[lemma] = (text_no, t.i)
            self.counts[lemma] += 1
            if t.gender and lemma not in self.gender:
                self.gender[lemma] = t.gender
            if t.parts and lemma not in self.parts:
                self.parts[lemma] = list(t.parts)


def usefulness(lemma: str, count: int) -> float:
    """How much learning a word helps: its frequency in German plus its occurrences in the texts."""
    return zipf(lemma) + math.log10(max(count, 1))


_SEPARATOR = re.compile(r"[|·]")


def strip_separable_mark(word: str) -> str:
    return _SEPARATOR.sub("", word)


# -- one word, everything an export shows about it ----------------------------------------------------


@dataclass
class WordView:
    """A word as the exports show it (plain text; each format escapes it for its own medium)."""

    lemma: str
    pos: str
    count: int = 0
    article: str = ""  # der / die / das for nouns
    gender: str = ""  # m / f / n
    plural: str = ""  # coursebook notation
    display: str = ""  # `die Abschreckung`, `zurück|rudern`
    meaning: str = ""  # the learner's own gloss first, else the dictionary's best
    more: list[str] = field(default_factory=list)
    phrase: str = ""  # the verb phrase of the example the word is part of, with its English
    parts: list[tuple[str, str]] = field(default_factory=list)
    example: Example | None = None
    title: str = ""

    @property
    def meaning_in_example(self) -> str:
        """The meaning, and the verb phrase of the example when the word is part of one."""
        return f"{self.meaning} (in the example: {self.phrase})" if self.phrase else self.meaning

    @property
    def level(self) -> str:
        return level_of(self.lemma)

    @property
    def zipf(self) -> float:
        return zipf(self.lemma)

    @property
    def band(self) -> str:
        return band(self.lemma)

    @property
    def pos_name(self) -> str:
        return POS_NAMES.get(self.pos, self.pos.lower())

    @property
    def headword(self) -> str:
        """`die Abschreckung, -en` (the display with the plural)."""
        return f"{self.display}, {self.plural}" if self.plural else self.display

    def parts_text(self) -> str:
        """`Verteidigung (defence) + Minister (minister)`; empty for a simple word."""
        if len(self.parts) < 2:
            return ""
        return " + ".join(f"{p} ({g})" if g else p for p, g in self.parts)


def _cited(lemma: str, g: Any) -> str:
    """The dictionary's citation form of a lemma that is its stem (`letzt` → letzte, `jed` → jede)."""
    cited = getattr(g, "lemma", "") or ""
    return cited if cited.lower().startswith(lemma.lower()) and 0 < len(cited) - len(lemma) <= 2 else lemma


def separable_display(tokens: Sequence[Token], marked: set[int], lemma: str) -> str | None:
    """`zurück|rudern` from a separated verb in the text (particle + rest of the lemma)."""
    for k in marked:
        t = tokens[k]
        if t.verb and t.tag == "PTKVZ":
            particle = t.text.lower()
            if lemma.startswith(particle) and len(lemma) > len(particle):
                return f"{particle}|{lemma[len(particle):]}"
    return None


@dataclass
class Place:
    """Where a text shows a word: its tokens and body, the word's token, that sentence's span, the title."""

    tokens: Sequence[Token]
    body: str
    hit: int | None = None
    span: tuple[int, int] | None = None
    title: str = ""


@dataclass
class Word:
    """A word to describe: lemma, part of speech, count, where it was met, the learner's own gloss."""

    lemma: str
    pos: str
    count: int = 0
    place: Place | None = None
    user_gloss: str | None = None

    def lookup_words(self) -> tuple[str, ...]:
        """The words its dictionary lookup starts from (the lemma; the token's base form and text)."""
        if self.place is None or self.place.hit is None:
            return (self.lemma,)
        t = self.place.tokens[self.place.hit]
        return (t.lemma, t.base or t.lemma, t.text)


def describe(w: Word) -> WordView:
    """Everything about one word: dictionary gloss (learner's first), gender, plural, example sentence."""
    lemma, pos, place = w.lemma, w.pos, w.place
    view = WordView(lemma, pos, w.count, title=place.title if place else "")
    sep = None
    token_parts: list[str] = []
    if place is not None and place.hit is not None:
        tokens, hit = place.tokens, place.hit
        t = tokens[hit]
        marked = occurrence(tokens, hit)
        if place.span is not None:
            view.example = example(tokens, place.body, marked, place.span)
        view.gender = t.gender or ""
        token_parts = list(t.parts or [])
        sep = separable_display(tokens, marked, lemma)
        g = gloss_at(tokens, hit)
    else:
        g = gloss_of(lemma, pos)
    if pos == "NOUN":
        view.article = getattr(g, "article", None) or ARTICLES.get(view.gender, "")
        view.gender = GENDERS.get(view.article, view.gender)
        view.plural = plural_notation(lemma, getattr(g, "plural", None)) or plural_from_headword(
            getattr(g, "headword", None))
        if getattr(g, "plural_only", False):
            view.plural = "nur Pl."
    else:
        view.gender = ""
    shown = _cited(lemma, g)
    view.display = f"{view.article} {shown}" if view.article else (
        (getattr(g, "separable", None) if g is not None else None) or sep or shown)
    view.meaning = best_gloss(g, w.user_gloss)
    view.more = [s for s in all_senses(g, 4) if s != view.meaning][:3]
    if getattr(g, "phrase", ""):  # only a gloss in its example sentence (`gloss_at`) has one
        view.phrase = f"{g.phrase}: {g.phrase_senses[0]}" if g.phrase_senses else g.phrase
    gparts = getattr(g, "parts", None) or []
    view.parts = [(str(p), str(pg or "")) for p, pg in gparts] or [(p, "") for p in token_parts]
    return view


def describe_all(words: Sequence[Word]) -> list[WordView]:
    """`describe` for many words: their dictionary entries are loaded in bulk first (same results)."""
    dictionary = _dictionary()
    ahead = dictionary.lookup.loaded_ahead([x for w in words for x in w.lookup_words()]) \
        if dictionary is not None else nullcontext()
    with ahead:
        return [describe(w) for w in words]


def find_hit(tokens: Sequence[Token], span: tuple[int, int], lemma: str) -> int | None:
    """The first word token of the lemma inside a sentence span."""
    return next((k for k in range(span[0], span[1] + 1)
                 if tokens[k].kind == WORD and tokens[k].lemma == lemma), None)
