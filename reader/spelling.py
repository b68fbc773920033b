"""German spelling shared by the analysis, the dictionary and the exports."""

from __future__ import annotations

_UMLAUT = str.maketrans("aouAOU", "äöüÄÖÜ")


def umlaut_last(word: str) -> str:
    """The word with its last `a`, `o` or `u` umlauted, the `a` of an `au` (`Plan` → Plän, `Haus` → Häus);
    unchanged when it has none."""
    for k in range(len(word) - 1, -1, -1):
        if word[k] in "aouAOU":
            at = k - 1 if k and word[k - 1 : k + 1].lower() == "au" else k
            return word[:at] + word[at].translate(_UMLAUT) + word[at + 1:]
    return word
