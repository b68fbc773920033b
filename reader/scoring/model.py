"""The difficulty model: a linear score on the text features, with coefficients from `model.json`.

The score estimates the mean complexity rating (1 easy – 7 hard) that A/B-level learners gave
TextComplexityDE sentences; a text gets the word-weighted mean over its sentences.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    intercept: float
    cutoffs: list[float]

    def score(self, features: dict[str, float]) -> float:
        return self.intercept + sum(w * features[name] for name, w in self.weights.items())

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(data["weights"]), float(data["intercept"]), list(data["cutoffs"]))


@functools.cache
def model() -> Model:
    """The shipped model (loaded once)."""
    return Model.load()
