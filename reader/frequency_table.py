"""wordfreq's frequency list of a language as a memory-mapped trie in lesen's cache folder.

wordfreq builds a dict of its whole list on first use: for German 634,502 words, about 0.24 s of every
process's start. The trie (marisa-trie) holds the same words with their wordfreq bucket, is written once per
wordfreq version into the cache folder (`LESEN_CACHE_DIR`), and opens in well under a millisecond. A word's
frequency is wordfreq's own number for its bucket, so every Zipf stays exactly wordfreq's. Without a
usable cache folder, wordfreq's dict is used. The `wordfreq` package is imported only to write the trie or
to fall back on its dict: opening a written trie does not need it.

`reader.zipf` reads words by wordfreq's regex rules, so a language whose text wordfreq treats specially
(its own tokeniser, transliteration) is refused.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import marisa_trie

from .cache import cache_folder
from .safeio import write_atomic

FORMAT = 1
_PLAIN = {"tokenizer": "regex", "normal_form": "NFC", "remove_marks": False, "dotless_i": False,
          "diacritics_under": None, "transliteration": None, "lookup_transliteration": None}


class TrieFrequencies:
    """word → wordfreq frequency (None when unlisted), as `get_frequency_dict(lang)` gives it."""

    def __init__(self, trie: marisa_trie.RecordTrie) -> None:
        self._trie = trie
        self._freqs: dict[int, float] = {}  # bucket → frequency, computed as wordfreq computes it

    def get(self, word: str) -> float | None:
        hit = self._trie.get(word)
        if not hit:
            return None
        bucket = hit[0][0]
        freq = self._freqs.get(bucket)
        if freq is None:
            freq = self._freqs[bucket] = 10 ** (-bucket / 100)  # wordfreq's `cB_to_freq(-bucket)`
        return freq

    def __contains__(self, word: str) -> bool:
        return word in self._trie


def _wordfreq(lang: str):
    """The `wordfreq` package, once `lang` is checked to be a language it only normalises and splits."""
    import wordfreq
    from wordfreq.language_info import get_language_info

    info = get_language_info(lang)
    if any(info[k] != v for k, v in _PLAIN.items()):
        raise ValueError(f"wordfreq treats {lang!r} specially")
    return wordfreq


def _write(lang: str, target: Path) -> None:
    """Write the trie atomically (another process may be reading the folder)."""
    get_frequency_list = _wordfreq(lang).get_frequency_list
    # a word in two buckets has the last one's frequency, as in wordfreq's dict
    buckets = {w: i for i, bucket in enumerate(get_frequency_list(lang, "best")) for w in bucket}
    write_atomic(target, marisa_trie.RecordTrie("<H", ((w, (i,)) for w, i in buckets.items())).tobytes())


def open_table(lang: str, folder: Path) -> TrieFrequencies | None:
    """The trie of `lang` in `folder`, written first when missing; None when it cannot be written or read."""
    target = folder / f"wordfreq-{version('wordfreq')}-{lang}-v{FORMAT}.marisa"
    for _ in range(2):  # a damaged file is written again, once
        try:
            if not target.exists():
                _write(lang, target)
            trie = marisa_trie.RecordTrie("<H")
            trie.mmap(str(target))
            return TrieFrequencies(trie)
        except OSError:
            return None
        except RuntimeError:  # marisa's error for a file that is no trie
            target.unlink(missing_ok=True)
    return None


def frequencies(lang: str) -> TrieFrequencies | dict[str, float]:
    """wordfreq's frequencies of `lang`'s words: the trie in the cache folder, else wordfreq's dict."""
    folder = cache_folder()
    table = open_table(lang, folder) if folder is not None else None
    return table if table is not None else _wordfreq(lang).get_frequency_dict(lang, "best")
