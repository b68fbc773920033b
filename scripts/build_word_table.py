"""Build `reader/nlp/data/hanta-words.sqlite.gz`: HanTa's analyses of frequent German words.

Words: wordfreq's most frequent German words (lower case, as HanTa looks them up), plus the `ß` spelling
of words with one `ss` (wordfreq folds `ß` into `ss`). For each word: HanTa's tag scores (unless the model
already holds them) and the morpheme paths for every tag within reach of the best one. Nothing is
rounded, so a word read from the table analyses exactly as HanTa would analyse it.

    .venv/bin/python scripts/build_word_table.py [--words 300000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import re
import time
from multiprocessing import Pool
from pathlib import Path

from reader.nlp.word_table import SHIPPED, write_table

REACH = 10.0  # log units below the best tag score still worth a stored morpheme path
MAX_PATHS = 5
_VOWEL_SS = re.compile(r"(?<=[aeiouäöü])ss")

_tagger = None


def words(n: int) -> list[str]:
    from wordfreq import top_n_list

    out = top_n_list("de", n)
    seen = set(out)
    for w in list(out):
        if w.count("ss") == 1 and _VOWEL_SS.search(w):
            v = w.replace("ss", "ß")
            if v not in seen:
                seen.add(v)
                out.append(v)
    return out


def _init() -> None:
    global _tagger
    from reader.nlp.hanta import plain_tagger

    _tagger = plain_tagger()


def analyse(word: str) -> tuple[str, list | None, dict[int, list]]:
    t = _tagger
    own = word in t.cache
    forward = t.cache[word] if own else t.analyze_forward(word)
    scores = [(tag, float(lp)) for tag, lp in forward]
    best = max((lp for _, lp in scores), default=0.0)
    paths: dict[int, list] = {}
    for tag, lp in sorted(scores, key=lambda x: -x[1])[:MAX_PATHS]:
        if tag > 3 and lp >= best - REACH and -tag not in t.atomic_class:
            paths[-tag] = [list(x) for x in t.analyze_viterbi(word, -tag)]
    return word, None if own else [list(x) for x in scores], paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=SHIPPED)
    args = ap.parse_args()
    todo = words(args.words)
    t0 = time.time()
    rows = []
    with Pool(args.jobs, initializer=_init) as pool:
        for k, row in enumerate(pool.imap(analyse, todo, chunksize=500), 1):
            rows.append(row)
            if k % 20_000 == 0:
                print(f"{k:,}/{len(todo):,} words, {time.time() - t0:.0f} s", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_table(args.out, rows, f"wordfreq top {args.words:,} German words + ß spellings")
    size = args.out.stat().st_size / 1e6
    print(f"{len(rows):,} words → {args.out} ({size:.1f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
