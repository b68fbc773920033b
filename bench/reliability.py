"""Reliability figures: throughput of a real directory import, the wait a learner's status write sees while
an import runs in another process, and the time of an online backup.

Run alone: `.venv/bin/python -m bench.reliability` (prints the rows as JSON lines).

The corpus is generated: articles recombined from the seeds' paragraphs, each with its own content hash.
Every import is the installed `lesen import DIR` in its own process pinned to one core, timed from
process start to exit (so start-up and model loading count), first with an empty word cache, then with
the cache the first run left (a second corpus, so nothing is a duplicate). The shipped word table is
unpacked before the first run and timed on its own: that happens once after installing.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LESEN = str(Path(sys.executable).with_name("lesen"))
AREA = "reliability"
CMD = ".venv/bin/python -m bench.reliability"
ARTICLES = 200
TARGET_TOKENS_PER_S = 20_000
TARGET_WRITE_WAIT_MS = 500


def make_corpus(folder: Path, count: int, seed: int = 200, skip: int = 0) -> None:
    """`count` German articles recombined from the seeds' paragraphs, each with a distinct content hash.

    `skip` leaves out the first articles of the sequence, so two corpora with different `skip` ranges
    never share an article.
    """
    from reader import cleaning
    from reader.store.articles import content_hash

    paragraphs = [p for f in sorted(SEEDS.glob("*.txt"))
                  for p in cleaning.clean(f.read_text(encoding="utf-8")).body.split("\n\n")
                  if len(p.split()) >= 12]
    rng = random.Random(seed)
    hashes: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    while len(hashes) < skip + count:
        text = "\n\n".join(rng.sample(paragraphs, rng.randint(3, 6)))
        digest = content_hash(cleaning.clean(text).body)
        if digest in hashes:
            continue
        hashes.add(digest)
        if len(hashes) > skip:
            (folder / f"article_{len(hashes):04d}.txt").write_text(text, encoding="utf-8")


def _one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed_import(folder: Path, env: dict[str, str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run([LESEN, "import", str(folder)], env=env, capture_output=True, text=True,
                          preexec_fn=_one_core if hasattr(os, "sched_setaffinity") else None)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"lesen import failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
    return seconds, proc.stdout.strip().splitlines()[-1]


def unpack_table(cache: Path) -> float:
    """Seconds to unpack the shipped word table and write wordfreq's German table into an empty cache
    folder: what the first analysis after installing does once (kept apart from the import figures, as in
    `bench.nlp`)."""
    from reader import frequency_table
    from reader.nlp import word_table

    t0 = time.perf_counter()
    table = word_table.open_table(cache)
    frequency_table.open_table("de", cache)
    seconds = time.perf_counter() - t0
    if table is not None:
        table.close()
    return seconds


def library_tokens(db: Path) -> tuple[int, int]:
    """(articles, tokens) stored in a library."""
    from reader.store import Store
    from reader.store.articles import load_tokens

    with Store(db) as store:
        ids = [r[0] for r in store.query("SELECT id FROM articles")]
        return len(ids), sum(len(load_tokens(store, i)) for i in ids)


def write_waits(db: Path, stop: threading.Event) -> list[float]:
    """Milliseconds each status change took while another process imports."""
    from reader.store import Store
    from reader.store.terms import set_status

    waits: list[float] = []
    with Store(db) as store:
        n = 0
        while not stop.is_set():
            t0 = time.perf_counter()
            set_status(store, f"Benchwort{n}", n % 5 + 1)
            waits.append((time.perf_counter() - t0) * 1000)
            n += 1
            time.sleep(0.02)
    return waits


def measure(count: int = ARTICLES) -> dict:
    with tempfile.TemporaryDirectory(prefix="lesen-bench-reliability-") as tmp:
        base = Path(tmp)
        first, second = base / "first", base / "second"
        make_corpus(first, count)
        make_corpus(second, count, skip=count)
        env = {**os.environ, "LESEN_DB": str(base / "lesen.db"), "LESEN_CACHE_DIR": str(base / "cache")}
        unpack_s = unpack_table(base / "cache")
        cold_s, cold_line = timed_import(first, env)
        cold_articles, cold_tokens = library_tokens(base / "lesen.db")

        stop = threading.Event()
        waits: list[float] = []
        writer = threading.Thread(target=lambda: waits.extend(write_waits(base / "lesen.db", stop)))
        writer.start()
        try:
            warm_s, warm_line = timed_import(second, env)
        finally:
            stop.set()
            writer.join()
        articles, tokens = library_tokens(base / "lesen.db")

        from reader.store import Store

        with Store(base / "lesen.db") as store:
            t0 = time.perf_counter()
            store.backup(base / "backup.db")
            backup_ms = (time.perf_counter() - t0) * 1000
        size_mb = (base / "backup.db").stat().st_size / 1e6
    return {
        "cold_s": cold_s, "cold_articles": cold_articles, "cold_tokens": cold_tokens, "cold_line": cold_line,
        "warm_s": warm_s, "warm_articles": articles - cold_articles, "warm_tokens": tokens - cold_tokens,
        "warm_line": warm_line, "waits": waits, "backup_ms": backup_ms, "size_mb": size_mb,
        "articles": articles, "unpack_s": unpack_s,
    }


def _row(figure: str, value: str, target: str, ok: bool | None) -> dict:
    return {"area": AREA, "figure": figure, "value": value, "target": target, "ok": ok, "command": CMD}


def rows() -> list[dict]:
    m = measure()
    cold_rate = m["cold_tokens"] / m["cold_s"]
    warm_rate = m["warm_tokens"] / m["warm_s"]
    waits = sorted(m["waits"])
    worst = waits[-1] if waits else float("nan")
    p95 = waits[int(0.95 * (len(waits) - 1))] if waits else float("nan")
    median = statistics.median(waits) if waits else float("nan")
    cold = f"{m['cold_articles'] / m['cold_s']:.1f} articles/s, {m['cold_s']:.1f} s"
    warm = f"{m['warm_articles'] / m['warm_s']:.1f} articles/s, {m['warm_s']:.1f} s"
    target = f"≥ {TARGET_TOKENS_PER_S:,} tok/s"
    return [
        _row(f"`lesen import DIR`, {m['cold_articles']} articles, empty word cache, 1 core, start-up counted",
             f"{cold_rate:,.0f} tok/s ({cold})", target, cold_rate >= TARGET_TOKENS_PER_S),
        _row("  once after installing, before it: unpacking the shipped word table, writing wordfreq's German"
             " table",
             f"{m['unpack_s']:.2f} s", "", None),
        _row(f"`lesen import DIR`, {m['warm_articles']} more articles, warm word cache (baseline: row above)",
             f"{warm_rate:,.0f} tok/s ({warm})", target, warm_rate >= TARGET_TOKENS_PER_S),
        _row(f"status write while another process imports ({len(waits)} writes)",
             f"worst {worst:.0f} ms, p95 {p95:.0f} ms, median {median:.0f} ms",
             f"worst ≤ {TARGET_WRITE_WAIT_MS} ms, never 'locked'",
             bool(waits) and worst <= TARGET_WRITE_WAIT_MS),
        _row(f"online backup of the library ({m['articles']} articles, {m['size_mb']:.1f} MB)",
             f"{m['backup_ms']:.0f} ms", "", None),
    ]


if __name__ == "__main__":
    for row in rows():
        print(json.dumps(row, ensure_ascii=False))
