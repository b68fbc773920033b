"""Export figures: an Anki deck of 5,000 notes, a vocabulary list for 100 stored articles.

The library is built from real German text (UD German GSD dev sentences, TextComplexityDE sentences, the
seeds) grouped into articles and imported with the real pipeline; the dictionary is the real one when
installed. Run alone: `.venv/bin/python -m bench.export` (prints the rows as JSON lines).
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSD_DEV = SHARED / "data" / "ud-german-gsd" / "de_gsd-ud-dev.conllu"
RATINGS = SHARED / "data" / "textcomplexityde19" / "ratings.csv"
PARALLEL = SHARED / "data" / "textcomplexityde19" / "parallel_corpus.csv"
SEEDS = ROOT / "seeds"
NOTES = 5000
ARTICLES = 100
SENTENCES_PER_ARTICLE = 12


def sentences() -> list[str]:
    """Real German sentences from the shared data (whatever of it is present)."""
    out: list[str] = []
    if GSD_DEV.exists():
        out += [line[len("# text = "):] for line in GSD_DEV.read_text("utf-8").splitlines()
                if line.startswith("# text = ")]
    sources = ((RATINGS, "Sentence"), (PARALLEL, "Original_Sentence"), (PARALLEL, "Simplification"))
    for path, column in sources:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                out += [row[column] for row in csv.DictReader(fh) if row.get(column)]
    return out


def build_library(path: Path) -> tuple[object, list[int]]:
    from reader import library
    from reader.store import Store

    store = Store(path)
    ids: list[int] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        r = library.store_prepared(store, library.prepare(str(seed)))
        if r.article_id:
            ids.append(r.article_id)
    sents = sentences()
    for k in range(0, len(sents), SENTENCES_PER_ARTICLE):
        chunk = sents[k : k + SENTENCES_PER_ARTICLE]
        title = f"Bench article {k // SENTENCES_PER_ARTICLE + 1}: " + " ".join(chunk[0].split()[:6])
        try:
            r = library.import_text(store, title + "\n\n" + "\n\n".join(chunk), ref=f"bench-{k}", force=True)
        except library.sources.SourceError:
            continue
        if r.article_id:
            ids.append(r.article_id)
    return store, ids


class GlossClock:
    """Time spent in the dictionary's gloss lookups (wraps the two calls the exports make)."""

    def __init__(self) -> None:
        from reader.export import words

        self.spent = 0.0
        for name in ("gloss_at", "gloss_of"):
            setattr(words, name, self._timed(getattr(words, name)))

    def _timed(self, fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - t0

        return timed

    def take(self) -> float:
        value, self.spent = self.spent, 0.0
        return value


def rows() -> list[dict]:
    from reader.export import anki, vocab

    out: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store, ids = build_library(Path(tmp) / "lesen.db")
        setup = time.perf_counter() - t0
        candidates = len(anki.select(store, anki.Options()))
        n = min(NOTES, candidates)
        note = f"library of {len(ids)} articles, {candidates} new words (built in {setup:.0f} s)"

        clock = GlossClock()
        t0 = time.perf_counter()
        first = anki.export_anki(store, anki.Options(limit=n), Path(tmp) / "decks" / "bench.apkg")
        first_s = time.perf_counter() - t0
        gloss_first = clock.take()
        t0 = time.perf_counter()
        again = anki.export_anki(store, anki.Options(limit=n), Path(tmp) / "decks" / "bench.apkg")
        again_s = time.perf_counter() - t0
        gloss_again = clock.take()
        full = first.notes >= NOTES
        out.append({
            "area": "export", "figure": f"Anki export of {first.notes:,} notes ({first.cards:,} cards)",
            "value": f"{first_s:.2f} s (dictionary glosses {gloss_first:.2f} s)",
            "target": f"{NOTES:,} notes ≤ 3 s",
            "ok": first_s <= 3.0 if full else None, "command": "python -m bench.export", "note": note,
        })
        out.append({
            "area": "export", "figure": "  the same export without the dictionary's gloss lookups",
            "value": f"{first_s - gloss_first:.2f} s", "target": "≤ 3 s",
            "ok": first_s - gloss_first <= 3.0 if full else None,
        })
        out.append({
            "area": "export", "figure": f"Anki re-export of the same {again.notes:,} notes (GUIDs stored)",
            "value": f"{again_s:.2f} s (dictionary glosses {gloss_again:.2f} s)", "target": "≤ 3 s",
            "ok": again_s <= 3.0 if full else None,
        })

        hundred = [str(i) for i in ids[:ARTICLES]]
        t0 = time.perf_counter()
        texts = vocab.read_texts(hundred, lambda: store)
        vl = vocab.build(texts, "B1")
        data = vocab.render(vl, "csv")
        vocab_s = time.perf_counter() - t0
        out.append({
            "area": "export", "figure": f"vocabulary list (B1, csv) for {len(texts)} stored articles, "
                                        f"{len(vl.entries):,} words",
            "value": f"{vocab_s:.2f} s", "target": "100 articles ≤ 5 s",
            "ok": vocab_s <= 5.0 if len(texts) >= ARTICLES else None, "command": "python -m bench.export",
            "bytes": len(data),
        })

        t0 = time.perf_counter()
        texts = vocab.read_texts([str(SEEDS)])
        vl = vocab.build(texts, "B1", coverage=95)
        vocab.render(vl, "html")
        files_s = time.perf_counter() - t0
        out.append({
            "area": "export",
            "figure": f"vocabulary list from {len(texts)} files (read, clean, analyse, gloss)",
            "value": f"{files_s:.2f} s", "target": "—", "ok": None,
        })
        store.close()
    return out


if __name__ == "__main__":
    for row in rows():
        print(json.dumps(row, ensure_ascii=False))
