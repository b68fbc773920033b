"""German analysis: tokens with lemma, POS, compound parts and joined separable verbs.

The heavy parts (spaCy, HanTa, wordfreq) load on first use, so reading stored analyses stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

from .loading import models_loading
from .tokens import NAME, NUMBER, PUNCT, SYMBOL, WORD, Token

_LAZY = {
    "analyze": "pipeline", "analyze_many": "pipeline", "installed_model": "pipeline",
    "german_share": "language", "is_german": "language",
    "save_word_cache": "hanta.save_cache",
}

__all__ = [
    "NAME", "NUMBER", "PUNCT", "SYMBOL", "WORD", "Token", "analyze", "analyze_many", "german_share",
    "installed_model", "is_german", "save_word_cache",
]


def save_word_cache() -> bool:
    """Persist the per-word analysis cache after an import (see `hanta.WordCache`)."""
    from .hanta import save_cache

    return save_cache()


def __getattr__(name: str) -> Any:
    """Load the analysis pipeline (and submodules) only when first asked for."""
    if name in _LAZY:
        module, _, attr = _LAZY[name].partition(".")
        with models_loading():
            value = globals()[name] = getattr(importlib.import_module(f".{module}", __name__), attr or name)
        return value
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as exc:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from exc
