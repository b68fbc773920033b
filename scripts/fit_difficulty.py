"""Fit the difficulty model on TextComplexityDE and write reader/scoring/model.json.

    .venv/bin/python scripts/fit_difficulty.py [--data ../shared/data/textcomplexityde19] [--dry-run]

Ridge regression of the mean complexity rating (1–7) on the sentence features of `reader.scoring.features`,
computed from our own analysis; 5-fold cross-validation holding out whole articles. The CEFR cut-offs are
then placed on the same score scale (see `calibrate`). Analyses are cached in the user cache folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.library import prepare_text  # noqa: E402
from reader.scoring import fitting  # noqa: E402
from reader.scoring.features import FEATURES, text_features  # noqa: E402
from reader.scoring.levels import LEVELS  # noqa: E402
from reader.scoring.model import MODEL_PATH, Model  # noqa: E402

PLAIN_ARTICLES = (24, 25)  # Leichte Sprache in TextComplexityDE


def article_scores(model: Model, rows: list[dict], tokens: list) -> dict[int, float]:
    """Each TextComplexityDE article scored as one text (its sentences in order)."""
    by_article: dict[int, list] = {}
    sentences: dict[int, int] = {}
    for row, toks in zip(rows, tokens, strict=True):
        a = row["article"]
        offset = sentences.get(a, 0)
        by_article.setdefault(a, []).extend(replace(t, sentence=offset + t.sentence) for t in toks)
        sentences[a] = offset + (toks[-1].sentence + 1 if toks else 0)
    return {a: model.score(text_features(t)) for a, t in by_article.items()}


def calibrate(plain: list[float], standard: list[float]) -> list[float]:
    """Cut-offs between the six levels on the score scale, from two anchors.

    The median plain-language text sits on the A2|B1 boundary and the median standard text (news seeds and
    Wikipedia articles) on the B2|C1 boundary; the other boundaries continue the same band width.
    """
    low, high = float(np.median(plain)), float(np.median(standard))
    width = (high - low) / 2
    return [round(c, 3) for c in (low - width, low, low + width, high, high + width)]


def seed_texts(folder: Path) -> list[str]:
    return [prepare_text(p.read_text(encoding="utf-8"), p.name).article.body
            for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / fitting.CORPUS)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--dry-run", action="store_true", help="Report, but do not write the model file.")
    args = ap.parse_args()
    say = lambda msg: print(msg, file=sys.stderr)  # noqa: E731

    rows, tokens, feats, _pairs, pair_feats = fitting.corpus_features(args.data, say)
    x, y = fitting.matrix(feats), np.array([r["rating"] for r in rows])
    fold = fitting.folds_by_article([r["article"] for r in rows])
    pred = fitting.cross_validate(x, y, fold)
    r, err = fitting.pearson(pred, y), fitting.rmse(pred, y)
    weights, intercept = fitting.fit_ridge(x, y)
    model = Model(dict(zip(FEATURES, weights.tolist(), strict=True)), intercept, [])
    easier = float(np.mean([model.score(s) < model.score(o) for o, s in pair_feats]))

    arts = article_scores(model, rows, tokens)
    seeds = [model.score(text_features(t)) for t in fitting.analyse_all(seed_texts(args.seeds), say)]
    plain = [s for a, s in arts.items() if a in PLAIN_ARTICLES]
    standard = [s for a, s in arts.items() if a not in PLAIN_ARTICLES] + seeds
    cuts = calibrate(plain, standard)
    say(f"CV Pearson r {r:.3f}, RMSE {err:.3f}; simplified easier in {easier:.1%} of {len(pair_feats)} pairs")
    say(f"plain-language articles {[round(s, 2) for s in plain]}; seeds {[round(s, 2) for s in seeds]}")
    bounds = [f"{a}|{b}" for a, b in zip(LEVELS, LEVELS[1:], strict=False)]
    say(f"cut-offs {dict(zip(bounds, cuts, strict=True))}")
    data = {
        "about": "Difficulty model fitted by scripts/fit_difficulty.py on TextComplexityDE (MOS_Complexity, "
                 "1-7); score = intercept + sum(weight * feature); levels cut the score at `cutoffs`.",
        "ridge": fitting.RIDGE,
        "cv": {"pearson_r": round(r, 4), "rmse": round(err, 4), "folds": fitting.FOLDS,
               "held_out": "whole articles", "pairs_easier": round(easier, 4)},
        "intercept": round(intercept, 6),
        "weights": {n: round(w, 6) for n, w in zip(FEATURES, weights.tolist(), strict=True)},
        "cutoffs": cuts,
    }
    if args.dry_run:
        print(json.dumps(data, indent=1))
        return
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    say(f"wrote {args.out}")


if __name__ == "__main__":
    main()
