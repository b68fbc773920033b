"""Difficulty figures: TextComplexityDE cross-validation with baselines, simplification pairs, scoring speed,
incremental coverage on a generated 10,000-article library.

Run alone: `.venv/bin/python -m bench.scoring` (prints the rows as JSON lines).
"""

from __future__ import annotations

import functools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "textcomplexityde19"
AREA = "scoring"
CMD = ".venv/bin/python -m bench.scoring"


def row(figure: str, value: str, target: str, ok: bool | None) -> dict:
    return {"area": AREA, "figure": figure, "value": value, "target": target,
            "ok": None if ok is None else bool(ok), "command": CMD}


def corpus_rows() -> list[dict]:
    from reader.scoring import fitting
    from reader.scoring.model import model

    rows, tokens, feats, _pairs, pair_feats = fitting.corpus_features(DATA)
    y = np.array([r["rating"] for r in rows])
    fold = fitting.folds_by_article([r["article"] for r in rows])
    ours = fitting.pearson(fitting.cross_validate(fitting.matrix(feats), y, fold), y)
    flesch = np.array([[fitting.flesch(t)] for t in tokens])
    r_flesch = fitting.pearson(fitting.cross_validate(flesch, y, fold), y)
    two = fitting.matrix(feats, ("log_chars", "rare"))
    r_two = fitting.pearson(fitting.cross_validate(two, y, fold), y)
    m = model()
    easier = np.mean([m.score(s) < m.score(o) for o, s in pair_feats])
    texts = fitting.read_pairs(DATA)
    analysed = fitting.analyse_all([t for p in texts for t in p])
    fl_easier = np.mean([fitting.flesch(s) > fitting.flesch(o)
                         for o, s in zip(analysed[0::2], analysed[1::2], strict=True)])
    return [
        row("TextComplexityDE sentences, 5-fold CV (whole articles held out): Pearson r",
            f"{ours:.3f} (German Flesch {r_flesch:.3f}; log chars + rare-lemma share {r_two:.3f})",
            "≥ 0.82", ours >= 0.82),
        row("simplified sentence scored easier (parallel_corpus.csv)",
            f"{easier:.1%} of {len(pair_feats)} (Flesch {fl_easier:.1%})", "≥ 98 %", easier >= 0.98),
    ]


@functools.cache
def seed_tokens():
    from reader import library, nlp

    texts = [library.prepare_text(p.read_text(encoding="utf-8"), p.name).article.body
             for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return list(nlp.analyze_many(texts))


def speed_row(folder: Path) -> dict:
    """1,000 stored articles (the seeds' analyses stored 200 times each) re-scored from the store."""
    from reader.scoring import rescore
    from reader.store import Store
    from reader.store.articles import add_article

    analysed = seed_tokens()
    store = Store(folder / "speed.db")
    with store.transaction():
        ids = [add_article(store, title=f"a{k}", body=f"{k}", tokens=analysed[k % len(analysed)])
               for k in range(1000)]
    walls, cpus = [], []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        rescore(store, ids)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    store.close()
    took = min(walls)
    return row("scoring 1,000 stored articles (load analysis, features, score, write), best of 3",
               f"{took:.2f} s (CPU {min(cpus):.2f} s, load average {os.getloadavg()[0]:.1f})",
               "≤ 2 s", took <= 2.0)


def levels_row() -> dict:
    """Calibration check: the seeds (news) at B2–C1, the Leichte Sprache articles at A2–B1."""
    from reader import nlp
    from reader.scoring import difficulty, fitting

    seeds = [difficulty(t) for t in seed_tokens()]
    plain = []
    if DATA.exists():
        rows = fitting.read_ratings(DATA)
        for article in (24, 25):
            text = " ".join(r["text"] for r in rows if r["article"] == article)
            plain.append(difficulty(nlp.analyze(text)))
    ok = all(d.level in ("B2", "C1") for d in seeds) and all(d.level in ("A2", "B1") for d in plain)
    show = lambda ds: ", ".join(f"{d.level} {d.score:.2f}" for d in ds)  # noqa: E731
    return row("levels: news seeds | Leichte Sprache articles 24–25", f"{show(seeds)} | {show(plain)}",
               "B2–C1 | A2–B1", ok)


def generated_library(store, articles: int = 10_000, words: int = 500, seed: int = 7) -> list[str]:
    """Articles drawn from German word frequencies (wordfreq), with compounds of frequent parts.

    Only what coverage reads is generated: article_terms, compound_parts and coverage rows.
    Returns the vocabulary, most frequent first.
    """
    from wordfreq import top_n_list, word_frequency

    from reader.scoring import coverage

    rng = np.random.default_rng(seed)
    vocab = top_n_list("de", 20_000)
    heads = vocab[200:3000]
    compounds = {f"{a.capitalize()}{b}": (a.capitalize(), b.capitalize())
                 for a, b in zip(random.Random(seed).sample(heads, 2000),
                                 random.Random(seed + 1).sample(heads, 2000), strict=True)}
    lemmas = vocab + list(compounds)
    weights = np.array([word_frequency(w, "de") for w in vocab] + [2e-6] * len(compounds))
    weights /= weights.sum()
    with store.transaction() as conn:
        conn.executemany("INSERT INTO compound_parts (lemma, part) VALUES (?, ?)",
                         [(c, p) for c, ps in compounds.items() for p in ps])
        for k in range(articles):
            aid = conn.execute(
                "INSERT INTO articles (title, content_hash, body, words, imported_at)"
                " VALUES (?, ?, '', ?, '')",
                (f"gen {k}", f"gen{k}", words)).lastrowid
            drawn, counts = np.unique(rng.choice(len(lemmas), size=words - 20, p=weights), return_counts=True)
            conn.executemany(
                "INSERT INTO article_terms (article_id, lemma, pos, count, first_sentence)"
                " VALUES (?, ?, 'X', ?, 0)",
                [(aid, lemmas[i], int(c)) for i, c in zip(drawn, counts, strict=True)])
            conn.execute("INSERT INTO article_coverage VALUES (?, 20, ?, 0)", (aid, words))
    coverage.rebuild(store)
    return vocab


def coverage_row(folder: Path) -> dict:
    from reader.scoring import coverage
    from reader.store import Store
    from reader.store.terms import KNOWN, LEARNING, set_status

    store = Store(folder / "library.db")
    vocab = generated_library(store)
    articles = store.scalar("SELECT count(*) FROM articles")
    # the most frequent word (in every article), a common one, a compound part, a rare one
    part = store.scalar("SELECT part FROM compound_parts GROUP BY part ORDER BY count(*) DESC LIMIT 1")
    probes = [vocab[0], vocab[50], part, vocab[5000]]
    coverage.article_coverage(store)  # as the app does when it shows the library
    times = []
    for lemma in probes:
        for status in (KNOWN, LEARNING[0], KNOWN):
            start = time.perf_counter()
            set_status(store, lemma, status)
            times.append(time.perf_counter() - start)
    cached = coverage.article_coverage(store)
    coverage.rebuild(store)
    same = cached == coverage.article_coverage(store)
    store.close()
    worst = max(times) * 1000
    return row(f"coverage update after one status change, {articles:,} generated articles",
               f"worst {worst:.0f} ms, median {statistics.median(times) * 1000:.0f} ms"
               f" ({'equal' if same else 'DIFFERENT'} to a full rebuild)", "≤ 100 ms",
               worst <= 100 and same)


def rows() -> list[dict]:
    out: list[dict] = []
    if DATA.exists():
        out += corpus_rows()
    with tempfile.TemporaryDirectory() as tmp:
        out.append(levels_row())
        for make in (speed_row, coverage_row):
            start = time.perf_counter()
            out.append(make(Path(tmp)))
            print(f"{make.__name__}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return out


if __name__ == "__main__":
    for r in rows():
        print(json.dumps(r, ensure_ascii=False))
