"""German analysis: tokens with lemma, POS, compound parts and joined separable verbs."""

from .language import german_share, is_german
from .pipeline import analyze, analyze_many, installed_model
from .tokens import NAME, NUMBER, PUNCT, SYMBOL, WORD, Token

__all__ = [
    "NAME", "NUMBER", "PUNCT", "SYMBOL", "WORD", "Token", "analyze", "analyze_many", "german_share",
    "installed_model", "is_german",
]
