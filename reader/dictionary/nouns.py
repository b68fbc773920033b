"""A noun's gender when Ding's own entry does not settle it.

Order: the noun's own entry (most frequent gender) → a nominalised infinitive (`das Bieten`: a capitalised
verb with no noun entry) → an English loanword's rule (`-ing` neuter, `-ness` feminine, `-site`/`-page`/
`-mail` like *die Seite*/*die Post*, else masculine: *der Shop*, *der Newsletter*) → the compound head
(`Copyshop` → Shop), also when the modifier is unknown or misspelt (`Bugdetkonflikt` → Konflikt) → the new
spelling of an old `ß` (`Mittelzufluß`). Suffix rules for other unknown words are in `reader.nlp.gender`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from . import db, lookup
from .agreement import allowed_genders
from .model import Gloss

if TYPE_CHECKING:
    from ..nlp import Token

MIN_HEAD = 4  # a head found only as a tail of the word must be at least this long (`konflikt`, not `eur`)
_LOAN_SUFFIXES = (("ing", "n"), ("ness", "f"), ("ment", "n"), ("ity", "f"), ("tion", "f"), ("site", "f"),
                  ("page", "f"), ("mail", "f"))


@lru_cache(maxsize=50_000)
def noun_genders(path: str, word: str) -> tuple[str, ...]:
    """The genders of the noun's own singular entries, most frequent first (`Steuer` → f, n)."""
    votes: dict[str, int] = {}
    for r in lookup.bare_entries(path, word.lower()):
        if r.pos == "NOUN" and r.gender and not r.is_plural and r.word[:1].isupper() == word[:1].isupper():
            votes[r.gender] = votes.get(r.gender, 0) + (2 if r.main and r.syn == 0 else 1)
    return tuple(sorted(votes, key=lambda g: -votes[g]))


@lru_cache(maxsize=50_000)
def nominalised_infinitive(path: str, lemma: str) -> bool:
    """`Bieten`, `Zusammenrücken`: a capitalised verb infinitive that is no noun's entry or form."""
    if not (lemma[:1].isupper() and lemma.endswith("n") and len(lemma) > 3):
        return False
    rows = lookup.bare_entries(path, lemma.lower())
    if not any(r.pos in ("VERB", None) and r.word.islower() and r.word.endswith("n") for r in rows):
        return False
    return not any(r.pos == "NOUN" for r in (*rows, *lookup.bare_entries(path, lemma.lower(), True)))


def own_gender(path: str, word: str) -> str | None:
    """The gender of `lookup.noun_row(path, word)`, from the bare rows: no English fetched."""
    low = word.lower()

    def forms() -> list[lookup.Row]:
        return [r for r in lookup.bare_entries(path, low, True) if " " not in r.word]

    row = lookup.main_noun(lookup.bare_entries(path, low), forms, word)
    return row.gender if row else None


def _tail_head(path: str, word: str) -> str | None:
    """The gender of the longest tail of `word` that is a known noun (an unknown or misspelt modifier)."""
    low = word.lower()
    for i in range(lookup.MIN_PART, len(low) - MIN_HEAD + 1):
        genders = noun_genders(path, low[i:].capitalize())
        if genders:
            return genders[0]
    return None


def loan_gender(path: str, word: str) -> str | None:
    """The usual gender of an English loanword (`Shop`, `Meeting`, `Website`), None for other words."""
    low = word.lower()
    if not lookup.english_word(path, low):
        return None
    return next((g for suffix, g in _LOAN_SUFFIXES if low.endswith(suffix)), "m")


@lru_cache(maxsize=50_000)
def gender(path: str, lemma: str) -> str | None:
    """A noun's gender from the dictionary and the rules above; None when nothing says."""
    own = own_gender(path, lemma)
    if not own and "ß" in lemma:
        own = own_gender(path, lemma.replace("ß", "ss"))
    if own:
        return own
    if nominalised_infinitive(path, lemma):
        return "n"
    loan = loan_gender(path, lemma)
    if loan:
        return loan
    found = None
    if len(lemma) >= 2 * lookup.MIN_PART:
        split = lookup.split_compound(path, lemma)
        head = gender(path, lookup.display(path, split[-1], True)) if split else None
        found = head or _tail_head(path, lemma)
    if not found and "ß" in lemma:  # the old spelling of a compound's head: `Mittelzufluß`
        found = gender(path, lemma.replace("ß", "ss"))
    return found


def name_head_gender(path: str, name: str) -> str | None:
    """The gender of a hyphenated name's common-noun head (`Bertelsmann-Stiftung`, `Ifo-Instituts`)."""
    if "-" not in name.strip("-"):
        return None
    head = name.rstrip("-").rsplit("-", 1)[-1]
    if not head[:1].isupper():
        return None
    for cut in (0, 1, 2):  # a genitive: `Instituts`, `Hauses`
        if cut and not head.endswith("es"[2 - cut :]):
            continue
        g = gender(path, head[: len(head) - cut]) if len(head) - cut >= 3 else None
        if g:
            return g
    return None


def in_context(path: str, g: Gloss, tokens: Sequence[Token], index: int, *, agree: bool = True) -> str | None:
    """The gender the gloss of noun `tokens[index]` shows: a nominalised infinitive is neuter; else the
    dictionary's (the compound head's, the rules'); a determiner that rules it out picks another of the
    noun's genders (`am Steuer`), or its own when it allows only one (`einen Service`). `agree=False`
    leaves the determiner out (what the dictionary and rules say alone)."""
    t = tokens[index]
    if t.tag == "NNI" or nominalised_infinitive(path, g.lemma):
        base: str | None = "n"
    else:
        base = g.gender or gender(path, g.lemma) or t.gender
        if not base and t.text != g.lemma and t.text[:1].isupper():  # HanTa cut the lemma short: `Markis`
            base = gender(path, t.text)
        if not base:
            from ..nlp.gender import guess_gender

            base = guess_gender(g.lemma, [p for p, _ in g.parts] or t.parts, lambda head: gender(path, head))
    allowed = allowed_genders(tokens, index) if agree else None
    if not allowed or base in allowed:
        return base
    word = g.parts[-1][0] if g.parts and not noun_genders(path, g.lemma) else g.lemma
    other = [x for x in noun_genders(path, word) if x in allowed]
    if other:
        return other[0]
    return next(iter(allowed)) if len(allowed) == 1 else base


def gender_of(lemma: str, path: str | None = None) -> str | None:
    return gender(path or str(db.dict_path()), lemma) if lemma else None


def _clear() -> None:
    for fn in (noun_genders, nominalised_infinitive, gender):
        fn.cache_clear()


db.on_reset(_clear)
