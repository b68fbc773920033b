"""German analysis: tokens with lemma, POS, compound parts and joined separable verbs.

The heavy parts (spaCy, HanTa, wordfreq) load on first use, so reading stored analyses stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

from .tokens import NAME, NUMBER, PUNCT, SYMBOL, WORD, Token

_LAZY = {
    "analyze": "pipeline", "analyze_many": "pipeline", "installed_model": "pipeline",
    "german_share": "language", "is_german": "language",
}

__all__ = [
    "NAME", "NUMBER", "PUNCT", "SYMBOL", "WORD", "Token", "analyze", "analyze_many", "german_share",
    "installed_model", "is_german", "save_word_cache",
]


def __getattr__(name: str) -> Any:
    """Load the analysis pipeline (and submodules) only when first asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as exc:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from exc
