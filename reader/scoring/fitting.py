"""Fitting and validating the difficulty model on TextComplexityDE (used by the fit script and the bench).

The analysis of the corpus sentences is cached (outside the repository, in the user cache folder),
keyed by the text and by the source of `reader.nlp`, so a changed analysis is never reused.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from platformdirs import user_cache_dir

from .. import nlp
from ..nlp.tokens import Token
from .features import FEATURES, split_sentences, syllables, text_features

CORPUS = "textcomplexityde19"
FOLDS = 5
RIDGE = 1.0


def nlp_fingerprint() -> str:
    """A hash of the analysis code: cached analyses are only reused for the same code."""
    h = hashlib.sha256()
    for path in sorted(Path(nlp.__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    return Path(user_cache_dir("lesen", appauthor=False)) / f"analysis-{nlp_fingerprint()}.json.gz"


def analyse_all(texts: Sequence[str], progress: Callable[[str], None] | None = None) -> list[list[Token]]:
    """The analysis of each text, from the cache when present."""
    path = cache_path()
    cache: dict[str, list] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            cache = json.load(fh)
    missing = [t for t in dict.fromkeys(texts) if t not in cache]
    if missing:
        if progress:
            progress(f"analysing {len(missing)} texts (cached in {path})")
        for text, tokens in zip(missing, nlp.analyze_many(missing), strict=True):
            cache[text] = [t.to_row() for t in tokens]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            json.dump(cache, fh, ensure_ascii=False)
        tmp.replace(path)
    return [[Token.from_row(r) for r in cache[t]] for t in texts]


def read_ratings(folder: Path) -> list[dict]:
    with (folder / "ratings.csv").open(encoding="utf-8", newline="") as fh:
        return [
            {"text": r["Sentence"], "article": int(r["Article_ID"]), "rating": float(r["MOS_Complexity"])}
            for r in csv.DictReader(fh)
        ]


def read_pairs(folder: Path) -> list[tuple[str, str]]:
    """(original, simplification) pairs."""
    with (folder / "parallel_corpus.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["Original_Sentence"], r["Simplification"]) for r in csv.DictReader(fh)]


def matrix(feature_dicts: Sequence[dict[str, float]], names: Sequence[str] = FEATURES) -> np.ndarray:
    return np.array([[f[n] for n in names] for f in feature_dicts], dtype=float)


def flesch(tokens: Sequence[Token]) -> float:
    """German Flesch reading ease (Amstad): 180 − words per sentence − 58.5 × syllables per word."""
    sentences = split_sentences(tokens)
    words = [t for t in tokens if t.is_word]
    if not words:
        return 100.0
    return 180 - len(words) / len(sentences) - 58.5 * sum(syllables(t.text) for t in words) / len(words)


def fit_ridge(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> tuple[np.ndarray, float]:
    """Ridge regression on standardised features; returns (weights on raw features, intercept)."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    a = z.T @ z + ridge * np.eye(z.shape[1])
    w = np.linalg.solve(a, z.T @ (y - y.mean()))
    weights = w / std
    return weights, float(y.mean() - mean @ weights)


def folds_by_article(articles: Sequence[int], folds: int = FOLDS) -> np.ndarray:
    """Fold of each item: whole articles are held out together (article k of the sorted ids → k mod folds)."""
    order = {a: k % folds for k, a in enumerate(sorted(set(articles)))}
    return np.array([order[a] for a in articles])


def cross_validate(x: np.ndarray, y: np.ndarray, fold: np.ndarray, ridge: float = RIDGE) -> np.ndarray:
    """Out-of-fold predictions."""
    pred = np.empty_like(y)
    for k in sorted(set(fold.tolist())):
        train, test = fold != k, fold == k
        w, b = fit_ridge(x[train], y[train], ridge)
        pred[test] = x[test] @ w + b
    return pred


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def rmse(a: np.ndarray, b: np.ndarray) -> float:
    return math.sqrt(float(np.mean((a - b) ** 2)))


def corpus_features(folder: Path, progress: Callable[[str], None] | None = None):
    """(ratings rows, their token lists, their features, pairs, pair features) for the corpus in `folder`."""
    rows = read_ratings(folder)
    pairs = read_pairs(folder)
    texts = [r["text"] for r in rows] + [t for p in pairs for t in p]
    analysed = analyse_all(texts, progress)
    tokens = analysed[: len(rows)]
    feats = [text_features(t) for t in tokens]
    pair_feats = [text_features(t) for t in analysed[len(rows):]]
    return rows, tokens, feats, pairs, list(zip(pair_feats[0::2], pair_feats[1::2], strict=True))
