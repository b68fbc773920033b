"""The analysed token: what the store keeps and every other part reads."""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

# What a token is, for counting known words: only WORD tokens can be unknown.
WORD, NAME, NUMBER, PUNCT, SYMBOL = "word", "name", "number", "punct", "symbol"


@dataclass(slots=True)
class Token:
    """One token of an analysed text, with offsets into the text as given."""

    i: int
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    kind: str
    lemma: str
    pos: str
    tag: str
    base: str = ""  # the token's own lemma (before a separable verb is joined)
    gender: str | None = None
    parts: list[str] | None = None
    verb: dict[str, Any] | None = None  # {"lemma": joined lemma, "other": index of the other part}

    @property
    def is_word(self) -> bool:
        return self.kind in (WORD, NAME)

    @property
    def counts_as_unknown(self) -> bool:
        """Only ordinary words can be unknown; names, numbers and punctuation never are."""
        return self.kind == WORD

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape of `lesen analyze --json`."""
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "is_word": self.is_word,
            "lemma": self.lemma,
            "pos": self.pos,
            "tag": self.tag,
        }
        if self.gender:
            out["gender"] = self.gender
        if self.parts:
            out["parts"] = list(self.parts)
        if self.verb:
            out["verb"] = dict(self.verb)
        return out

    def to_row(self) -> tuple[Any, ...]:
        """A compact positional form for storage (see `from_row`)."""
        return _to_row(self)

    @classmethod
    def from_row(cls, row: list[Any]) -> Token:
        return cls(*row)  # the row holds the fields in declaration order


ROW_FIELDS = (  # the stored order: never reorder
    "i", "text", "start", "end", "sentence", "paragraph", "kind", "lemma", "pos", "tag",
    "base", "gender", "parts", "verb",
)

assert ROW_FIELDS == tuple(f.name for f in fields(Token))
_to_row = attrgetter(*ROW_FIELDS)
