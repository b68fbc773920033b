"""What a lookup returns: the `Gloss` shown in the gloss panel, `lesen gloss` and Anki cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..spelling import umlaut_last
from .ding import Sense

ARTICLES = {"m": "der", "f": "die", "n": "das"}
NO_PLURAL = None


@dataclass
class Gloss:
    lemma: str
    pos: str
    article: str | None = None
    gender: str | None = None
    plural: str | None = None
    headword: str = ""
    senses: list[Sense] = field(default_factory=list)
    best: str = ""
    parts: list[tuple[str, str]] = field(default_factory=list)
    separable: str | None = None
    user_gloss: str | None = None
    source: str = "none"  # the lookup step: user, separable, lemma, form, compound, derived:…, none
    plural_only: bool = False
    phrase: str = ""  # a verb phrase of the sentence the word is part of (`jdm. etw. zur Verfügung stellen`)
    phrase_senses: list[str] = field(default_factory=list)  # its English
    phrase_tokens: list[int] = field(default_factory=list)  # the indices of its words in the token list

    @property
    def found(self) -> bool:
        return bool(self.best)

    def to_json(self) -> dict[str, Any]:
        return {
            "lemma": self.lemma, "pos": self.pos, "article": self.article, "gender": self.gender,
            "plural": self.plural, "headword": self.headword,
            "senses": [s.to_json() for s in self.senses], "best": self.best,
            "parts": [list(p) for p in self.parts], "separable": self.separable,
            "user_gloss": self.user_gloss, "source": self.source,
            **({"phrase": self.phrase, "phrase_senses": list(self.phrase_senses),
                "phrase_tokens": list(self.phrase_tokens)} if self.phrase else {}),
        }


def plural_notation(lemma: str, plural: str | None) -> str | None:
    """Coursebook notation of a plural: `-en`, `-`, `¨-e`, or the full form when irregular."""
    if not plural:
        return None
    if plural == lemma:
        return "-"
    if plural.startswith(lemma):
        return "-" + plural[len(lemma):]
    umlauted = umlaut_last(lemma)  # Haus → Häuser: the umlauted stem
    if plural.startswith(umlauted):
        return "¨-" + plural[len(umlauted):]
    return plural


def headword(g: Gloss) -> str:
    """`die Abschreckung, -en`, `zurück|rudern`, `die Leute (pl.)`, or the lemma."""
    if g.pos in ("NOUN", "PROPN") and g.article:
        if g.plural_only:
            return f"die {g.lemma} (pl.)"
        note = plural_notation(g.lemma, g.plural)
        return f"{g.article} {g.lemma}" + (f", {note}" if note else "")
    if g.separable:
        return g.separable
    return g.lemma
