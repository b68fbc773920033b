"""Gender evidence from the text itself: which genders the determiner before a singular noun allows.

Only forms that say something whatever the case are used: `das` (neuter), `eine`/`einer` (feminine),
`einen` (masculine), `dem`/`des`/`einem`/`eines`/`im`/`am`/`vom`/`zum`/`beim` and the `-em`/`-es`
determiners (masculine or neuter), `zur` (feminine), `ins`/`aufs`/`ans` … (neuter), and `der` right
after a preposition that does not take the genitive (`von der Rechten`: only a feminine dative).
So *einen Service* says *der Service* where the dictionary knows only *das Service* (the tableware),
*am Steuer* picks *das Steuer* over *die Steuer*, and *das Ersatzteil* picks one of Ding's `{m,n}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..nlp import Token

M, F, N = frozenset("m"), frozenset("f"), frozenset("n")
MN = frozenset("mn")
ARTICLES = {"das": N, "eine": F, "einer": F, "einen": M, "dem": MN, "des": MN, "einem": MN, "eines": MN,
            "ein": MN}
CONTRACTIONS = {"im": MN, "am": MN, "vom": MN, "zum": MN, "beim": MN, "zur": F, "ins": N, "ans": N,
                "aufs": N, "durchs": N, "fürs": N, "ums": N, "übers": N, "unters": N, "vors": N,
                "hinters": N}
# Prepositions whose `der` may be a genitive plural (`wegen der Kosten`): no evidence there.
GENITIVE = {"wegen", "während", "trotz", "statt", "anstatt", "aufgrund", "infolge", "innerhalb",
            "außerhalb", "angesichts", "laut", "mittels", "bezüglich", "hinsichtlich", "seitens", "jenseits",
            "diesseits", "oberhalb", "unterhalb", "zugunsten", "anhand", "inmitten", "entlang", "dank",
            "abseits", "zwecks", "anlässlich", "einschließlich", "ausschließlich", "mangels", "namens"}
# Determiners whose ending alone says masculine or neuter (`keinem`, `dieses`, `jedem`, `meines`).
_MN_ENDINGS = ("em", "es")
_DETERMINERS = ("ART", "APPRART", "PDAT", "PPOSAT", "PWAT", "PRELAT")
_QUANTIFYING = ("PIAT", "PIDAT")  # `keines`, `jedem`, `etwas`, but also `vielen`, `beiden`
# What may stand between a determiner and its noun: adjectives, adverbs, numbers, participles.
_BETWEEN = ("ADJA", "ADJD", "ADV", "CARD", "PTKNEG")
MAX_GAP = 4
# `etwas Gutes`, `nichts Neues`: a nominalised adjective after these is neuter.
QUANTIFIERS = {"etwas", "nichts", "viel", "wenig", "allerlei", "genug", "mehr", "manches", "alles"}


def _determiner(tokens: Sequence[Token], index: int) -> int | None:
    """The index of the determiner or contracted preposition of the noun `tokens[index]`, if any
    (`jedem`, `keines` count only when no article stands further left: `die vielen Menschen`)."""
    noun = tokens[index]
    k, quantifier = index - 1, None
    while k >= 0 and index - k <= MAX_GAP + 1 and tokens[k].sentence == noun.sentence:
        t = tokens[k]
        if t.tag in _DETERMINERS:
            return k
        if t.tag in _QUANTIFYING and quantifier is None:
            quantifier = k
        elif t.tag not in _BETWEEN and t.kind != "punct" or t.text in (".", ";", ":"):
            break
        k -= 1
    return quantifier


def allowed_genders(tokens: Sequence[Token], index: int) -> frozenset[str] | None:
    """The genders the determiner before `tokens[index]` (a singular noun) allows; None: no evidence."""
    k = _determiner(tokens, index)
    if k is None:
        return None
    t, word = tokens[k], tokens[k].text.lower()
    if t.tag == "APPRART":
        return CONTRACTIONS.get(word)
    if t.tag == "ART":
        if word == "der" and k and tokens[k - 1].tag == "APPR" and tokens[k - 1].text.lower() not in GENITIVE:
            return F
        return ARTICLES.get(word)
    if word in QUANTIFIERS:
        return N if tokens[index].tag == "NNA" or tokens[index].text.endswith("es") else None
    if word.endswith(_MN_ENDINGS) and len(word) > 3 and word not in ("des", "alles", "manches"):
        return MN
    return None


def article_gender(tokens: Sequence[Token], index: int) -> str | None:
    """The one gender the determiner before `tokens[index]` demands, else None."""
    allowed = allowed_genders(tokens, index)
    return next(iter(allowed)) if allowed and len(allowed) == 1 else None


def sentence_indices(tokens: Sequence[Token], index: int) -> range:
    """The token indices of the sentence of `tokens[index]` (an analysis numbers its sentences in order, so a
    sentence's tokens are consecutive: found without going through the whole text)."""
    sent = tokens[index].sentence
    first = last = index
    while first > 0 and tokens[first - 1].sentence == sent:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == sent:
        last += 1
    return range(first, last + 1)


def neighbour(tokens: Sequence[Token], index: int, step: int) -> Token | None:
    """The token `step` places from `tokens[index]`, when it is in the same sentence."""
    k = index + step
    return tokens[k] if 0 <= k < len(tokens) and tokens[k].sentence == tokens[index].sentence else None
