"""Is this text German? A vote of its words by their frequency in German and five neighbouring languages.

A word votes German when wordfreq has seen it in German (Zipf > 0) and its German Zipf is at least its
Zipf in each other language (wordfreq's `zipf_frequency`, exactly). The other languages' frequency lists
take half a second to load, so the votes that need them ship ready-made: `data/not-german.json` lists the
words of wordfreq's German list that another language outvotes (built by `write_table` from the installed
wordfreq). Words the table does not cover, or any word under another wordfreq version, are voted live.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..zipf import for_language, german_zipf, wordfreq_tokens

_WORD = re.compile(r"[^\W\d_]{2,}")
_OTHERS = ("en", "fr", "es", "it", "nl")
_LANGUAGES = ["de", *_OTHERS]  # as the table records them (a JSON list)
MIN_GERMAN_SHARE = 0.5
SAMPLE_WORDS = 2000
TABLE = Path(__file__).with_name("data") / "not-german.json"


def _live_vote(word: str) -> bool:
    de = german_zipf(word)
    return de > 0 and all(de >= for_language(lang)(word) for lang in _OTHERS)


def _token(word: str) -> str | None:
    """wordfreq's only token for `word`; None for several, none, or digits (wordfreq's special case)."""
    tokens = wordfreq_tokens(word, "de")
    if len(tokens) != 1 or any(c.isdigit() for c in tokens[0]):
        return None
    return tokens[0]


@cache
def _table() -> tuple[frozenset[str], frozenset[str]] | None:
    """(outvoted tokens, tokens to vote live) when the shipped table was built from this wordfreq."""
    try:
        data = json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("wordfreq") != version("wordfreq") or data.get("languages") != _LANGUAGES:
        return None
    return frozenset(data["outvoted"]), frozenset(data["live"])


_votes: dict[str, bool] = {}  # a plain dict of str → bool: the garbage collector never scans it


def _vote(word: str) -> bool:
    """True when `word` is seen in German and at least as frequent there as in each other language."""
    vote = _votes.get(word)
    if vote is None:
        table = _table()
        token = _token(word) if table else None
        if token is None or token in table[1]:
            vote = _live_vote(word)
        else:
            vote = for_language("de").listed(token) and token not in table[0]
        if len(_votes) >= 100_000:
            _votes.clear()
        _votes[word] = vote
    return vote


def german_share(text: str) -> float:
    """The share of (up to 2,000) words that are more German than anything else; 0.0 for no words."""
    words = _WORD.findall(text)[:SAMPLE_WORDS]
    if not words:
        return 0.0
    return sum(_vote(w.lower()) for w in words) / len(words)


def is_german(text: str) -> bool:
    return german_share(text) >= MIN_GERMAN_SHARE


def write_table(path: Path = TABLE) -> tuple[int, int]:
    """Write the table of outvoted German words from the installed wordfreq; (outvoted, live) counts.

    Every token of wordfreq's German list that is its own only token is voted live once; one that is not
    (wordfreq would split or change it) is listed to be voted live at import.
    """
    from wordfreq import get_frequency_dict

    outvoted, live = [], []
    for key in get_frequency_dict("de", "best"):
        if _token(key) != key:
            live.append(key)
        elif not _live_vote(key):
            outvoted.append(key)
    data = {"wordfreq": version("wordfreq"), "languages": _LANGUAGES, "outvoted": sorted(outvoted),
            "live": sorted(live)}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(outvoted), len(live)
