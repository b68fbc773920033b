"""HanTa's morphological search over one word, rewritten for speed with the same results.

HanTa splits an unknown word into morphemes with a second-order HMM over the word's letters
(`analyze_forward`: which tags the word can end in; `analyze_viterbi`: the best morpheme path for a
tag). For a word type that neither the word cache nor the shipped table holds, this is the analysis'
largest cost. The code here runs the same loops in the same order, so every score, tie and float is
HanTa's own, but it skips what can only score -inf: most (segment, tag) pairs, because only a few tags
may hold a morpheme the model does not know, and a segment no tag knows needs only those.
"""

from __future__ import annotations

import math
from operator import itemgetter

from numpy import logaddexp

EMPTY, START, UNKNOWN, END_UNKNOWN = 0, 1, 3, -3  # HanTa's reserved tag ids
LOWER_BOUND = -1e6
_INF = -math.inf
_NONE: dict = {}


class MorphSearch:
    """Per-word analyses over a loaded `HanoverTagger`'s model."""

    def __init__(self, tagger) -> None:
        self.t = tagger
        self.nonfinal = tagger.LP_trans_nonfinal
        self.final = tagger.LP_trans_final
        self._forward_follow: dict = {}  # state -> (transitions, those to tags that guess, tag -> rank)
        self._followups: dict[int, dict] = {}  # the same for each target tag, reachable ones only
        self.known: dict[str, dict[int, float]] = {}  # morpheme -> the tags that know it, with its score
        for tag, scores in tagger.LP_m_t.items():
            for morpheme, lp in scores.items():
                self.known.setdefault(morpheme, {})[tag] = lp
        # a tag's unknown-morpheme score without its length and suffix terms (HanTa adds left to right)
        self.base = {t: tagger.Int_t + tagger.LP_hapax_t[t] for t in tagger.LP_hapax_t if t in tagger.LP_s_t}
        # ... plus its length term, by morpheme length (the same sum, in the same order, as HanTa's)
        self.base_len = {t: [b + lp for lp in tagger.LP_len_t[t][:25]] for t, b in self.base.items()}

    def _guess(self, word: str):
        """HanTa's `lp_m_t` for the morpheme `word[i:j]` no tag knows, with a tag that may guess (not
        strict). The suffix score depends only on the morpheme's last four letters and on which of them
        it has (length up to 5), so it is looked up once per (end, length class, tag)."""
        lp_s_t, base_len = self.t.LP_s_t, self.base_len
        wlen = len(word)
        suffix_scores: dict[tuple[int, int, int], float] = {}

        def guess(i: int, j: int, t: int) -> float:
            mlen = j - i
            if not (wlen < 4 or mlen > 2):
                return _INF
            key = (j, mlen if mlen < 5 else 5, t)
            lp_suf = suffix_scores.get(key)
            if lp_suf is None:
                m, suffixes = word[i:j], lp_s_t[t]
                if mlen > 4 and m[-4:] in suffixes:
                    lp_suf = suffixes[m[-4:]]
                elif mlen > 3 and m[-3:] in suffixes:
                    lp_suf = suffixes[m[-3:]]
                elif mlen > 2 and m[-2:] in suffixes:
                    lp_suf = suffixes[m[-2:]]
                elif mlen > 1 and m[-1:] in suffixes:
                    lp_suf = suffixes[m[-1:]]
                else:
                    lp_suf = suffixes[""]
                suffix_scores[key] = lp_suf
            lp = base_len[t][mlen if mlen < 24 else 24] + lp_suf
            if wlen == mlen:
                lp -= 4.6
            return lp

        return guess

    def _fill(self, word: str, strict: bool, follow, pointers: list[dict] | None) -> list[dict]:
        """The search table over the word's letters, in HanTa's loop order. `follow(state)` gives the
        transitions considered: all of them by tag, and those to tags that may hold an unknown morpheme
        (the only ones a segment no tag knows can take). Backpointers are kept when `pointers` is given.
        A segment is tried only with the tags that know it and the guessing ones, in HanTa's order."""
        wlen = len(word)
        guess = self._guess(word)
        known_by = self.known
        table: list[dict] = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        for i in range(wlen + 1):
            row = table[i]
            if not row:
                continue
            bound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
            # (end, the tags that know the segment, the guesses' scores by tag or None: no guess scores it)
            segments = []
            for j in range(i + 1, wlen + 1):
                known = known_by.get(word[i:j], _NONE)
                guesses = None if strict or not (wlen < 4 or j - i > 2) else {}
                if known or guesses is not None:
                    segments.append((j, known, guesses))
            known_segments = [s for s in segments if s[1]]  # all a state without guessing tags can take
            for state, lp in row.items():
                if lp < bound:
                    continue
                every, guessable, order = follow(state)
                prev_tag = state[1]
                for j, known, guesses in segments if guessable else known_segments:
                    if not known:
                        moves, mixed = [], False
                    elif len(known) < len(every):
                        moves = [(tag, every[tag], lpm) for tag, lpm in known.items() if tag in every]
                        mixed = len(moves) > 1
                    else:
                        moves = [(tag, lpt, known[tag]) for tag, lpt in every.items() if tag in known]
                        mixed = False
                    if guesses is not None:
                        mixed = mixed or bool(moves)
                        for tag, lpt in guessable:
                            if tag not in known:
                                lpm = guesses.get(tag)
                                if lpm is None:
                                    lpm = guesses[tag] = guess(i, j, tag)
                                moves.append((tag, lpt, lpm))
                    if not moves:
                        continue
                    if mixed:  # HanTa's order, so that cells are filled (and floats summed) as it does
                        moves.sort(key=lambda move: order[move[0]])
                    target = table[j]
                    back = pointers[j] if pointers is not None else None
                    for tag, lpt, lpm in moves:
                        lp1 = lp + lpt + lpm
                        if lp1 > LOWER_BOUND:
                            new = (prev_tag, tag)
                            old = target.get(new)
                            if old is None or lp1 > old:
                                target[new] = lp1
                                if back is not None:
                                    back[new] = (state, i)
        return table

    def _follow(self, cache: dict, state, reachable=None) -> tuple[dict, list, dict]:
        hit = cache.get(state)
        if hit is None:
            every = {t: p for t, p in self.nonfinal.get(state, []) if reachable is None or t in reachable}
            hit = cache[state] = (every, [(t, p) for t, p in every.items() if t in self.base],
                                  {t: k for k, t in enumerate(every)})
        return hit

    def forward(self, word: str) -> list[tuple[int, float]]:
        """HanTa's `analyze_forward`: the word's final tags with their scores, best first."""
        final = self.final
        table = self._fill(word, self.t.strict, lambda s: self._follow(self._forward_follow, s), None)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
                    new = (state[1], tag)
                    if new not in last or lp1 > last[new]:
                        last[new] = lp1
        results: dict[int, float] = {}
        for state, lp in last.items():
            if lp == _INF:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        ranked = sorted(results.items(), key=itemgetter(1), reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        """HanTa's `analyze_viterbi`: the best (tag, end) morpheme path for a final tag."""
        wlen = len(word)
        followups = self._followups.setdefault(targetpos, {})
        reachable = self.t.reachability.get(targetpos, frozenset())
        final = self.final

        def follow(state):
            return self._follow(followups, state, reachable)

        for strict in (True, False):
            pointers: list[dict] = [{} for _ in range(wlen + 2)]
            table = self._fill(word, strict, follow, pointers)
            last, back = table[-1], pointers[-1]
            for state, lp in table[-2].items():
                for tag, lpt in final.get(state, []):
                    if tag == targetpos:
                        lp1 = lp + lpt
                        new = (state[1], tag)
                        if lp1 > LOWER_BOUND and (new not in last or lp1 > last[new]):
                            last[new] = lp1
                            back[new] = (state, wlen)
                        break
            if last:
                break
        best_lp, best = _INF, (EMPTY, EMPTY)
        for state, lp in last.items():
            if lp > best_lp:
                best_lp, best = lp, state
        i = len(pointers) - 1
        if best == (EMPTY, EMPTY):
            return [(UNKNOWN, i - 1), (END_UNKNOWN, i)]
        states = [(best, i)]
        state = best
        while i > 0:
            state, i = pointers[i][state]
            states.append((state, i))
        return [(s[1], k) for s, k in states[:-1][::-1]]
