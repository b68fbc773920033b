"""Unseen noun compounds analysed from their known parts instead of by HanTa's full search.

HanTa's morphological search costs 1–2 ms for a long word it has never seen, and most such words in news
are noun compounds of known words (`Militär|übungen`, `Kriegs|fähigkeit`). When an unseen word is a
modifier (a noun or name with an optional linking element `s`, `n`, `en`, …, or an adjective) followed
by a noun, both known words (HanTa's own frequent words, or wordfreq Zipf ≥ 3 for the head and ≥ 2 for
the modifier, which is never a verb prefix such as `ent`), its analysis is built
the way HanTa's own results for compounds look: the head's noun scores, and a morpheme path of modifier
(+ linking element) + the head's own path. Hyphenated words (`Euro-Geldnoten`, `US-amerikanischen`)
take all the tag scores of their known last part. Anything else goes to HanTa.
"""

from __future__ import annotations

import re
from collections.abc import Callable

LINKERS = ("ns", "es", "en", "er", "s", "n", "e", "")  # `Kriegs`: krieg + s before a word `kriegs`
MIN_MODIFIER = 3
MIN_HEAD = 4
MIN_WORD = 9
HEAD_ZIPF, MODIFIER_ZIPF = 3.0, 2.0  # how common (wordfreq Zipf) a part HanTa's model does not hold must be
PREFIXES = {"ver", "ent", "zer", "emp", "miss", "miß"}  # verb prefixes, never a noun's modifier
NN, ADJ, NE, FUGE, HYPHEN = "NN", "ADJ", "NE", "FUGE", "HYPHEN"  # HanTa's morpheme tags
NOUN_TAGS = {"NN"}
# adjective and verb endings: such words are left to HanTa (`geduldigeren`, `arrestieren`)
_NOT_NOUN_END = re.compile(r"((isch|lich|ig|bar|sam|haft|los|voll)(er|st)?(e[nmrs]?)?|ieren)$")
ADJ_TAGS = {"ADJ(A)", "ADJ(D)"}
HYPHENATED_TAGS = {"NN", "NE", "NNA", *ADJ_TAGS}
NAME_OR_NOUN = {"NN", "NE"}
# a modifier's best tag → its morpheme tag (`Nobel|stiftung`, `Schnell|zug`)
_MODIFIER_TAG = {"NN": NN, "NE": NE, "ADJ": ADJ}

# word -> its tag scores, from HanTa's model or the shipped table only (None when neither has it)
Known = Callable[[str], "list | None"]
Split = tuple[list[tuple[int, int]], str, bool]


class CompoundGuesser:
    """Splits unseen words with a lookup of known words' tag scores (`known`) and HanTa's tag ids."""

    def __init__(self, known: Known, common: Callable[[str, float], bool], tag2int: dict[str, int],
                 int2tag: dict[int, str]) -> None:
        self.known = known
        self.common = common
        self.int2tag = int2tag
        self.morph = {name: tag2int[name] for name in (NN, ADJ, NE, FUGE, HYPHEN)}

    def _best(self, word: str) -> str | None:
        scores = self.known(word)
        if not scores:
            return None
        return self.int2tag.get(max(scores, key=lambda s: s[1])[0])

    def scores(self, split: Split) -> list:
        """The compound's tag scores: its head's noun scores (hyphenated: noun, name or adjective ones)."""
        _, head, noun_only = split
        keep = NOUN_TAGS if noun_only else HYPHENATED_TAGS
        return [s for s in self.known(head) or () if self.int2tag.get(s[0]) in keep]

    def split(self, word: str) -> Split | None:
        """(morpheme path of the modifier, head, noun only) of a compound; the longest head wins."""
        if "-" in word.strip("-"):
            return self._hyphenated(word)
        if len(word) < MIN_WORD or not word.isalpha() or _NOT_NOUN_END.search(word):
            return None
        for k in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            head = word[k:]
            if self._best(head) not in NAME_OR_NOUN or not self.scores(([], head, True)):
                continue  # HanTa's raw scores ignore case: `würfel` looks like a name before a noun
            if not self.common(head, HEAD_ZIPF):
                continue
            modifier = word[:k]
            for linker in LINKERS:
                if linker and not modifier.endswith(linker):
                    continue
                stem = modifier[: len(modifier) - len(linker)]
                if len(stem) < MIN_MODIFIER or stem in PREFIXES or not self.common(stem, MODIFIER_ZIPF):
                    continue
                tag = _MODIFIER_TAG.get((self._best(stem) or "").split("(")[0])
                if tag is None or linker and tag not in (NN, NE):
                    continue
                path = [(self.morph[tag], len(stem))]
                if linker:
                    path.append((self.morph[FUGE], k))
                return path, head, True
        return None

    def _hyphenated(self, word: str) -> Split | None:
        """`euro-geldnoten`, `us-amerikanischen`: the part after the last hyphen decides, if it is known."""
        modifier, head = word.rsplit("-", 1)
        if not head.isalpha() or self._best(head) is None:
            return None
        best = self._best(modifier) or ""
        tag = ADJ if best in ADJ_TAGS else NE if best.startswith("NE") else NN
        return [(self.morph[tag], len(modifier)), (self.morph[HYPHEN], len(modifier) + 1)], head, False
