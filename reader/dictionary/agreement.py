"""Gender evidence from the text itself: an article that can only go with one gender in the singular.

`das`, `eine`, `einer`, `einen` are unambiguous (a neuter singular; a feminine; a feminine; a masculine
accusative), so *einen Service* says *der Service* even where the dictionary knows only *das Service*
(the tableware), and *das Ersatzteil* picks one of Ding's `{m,n}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..nlp import Token

ARTICLE_GENDER = {"das": "n", "eine": "f", "einer": "f", "einen": "m"}
# What may stand between an article and its noun: adjectives, adverbs, numbers, participles.
_BETWEEN = ("ADJA", "ADJD", "ADV", "CARD", "PTKNEG", "PIAT", "PIDAT")
MAX_GAP = 4


def article_gender(tokens: Sequence[Token], index: int) -> str | None:
    """The gender an unambiguous article before `tokens[index]` (a noun) demands, else None."""
    noun = tokens[index]
    k = index - 1
    while k >= 0 and index - k <= MAX_GAP + 1 and tokens[k].sentence == noun.sentence:
        t = tokens[k]
        if t.tag == "ART":
            return ARTICLE_GENDER.get(t.text.lower())
        if t.tag not in _BETWEEN and t.kind != "punct" or t.text in (".", ";", ":"):
            return None
        k -= 1
    return None
