"""SIGKILL during a 200-article import, 20 times: the library stays sound and no committed change is lost.

The importer is the real `lesen import DIR`; beside it a second process sets word statuses and prints
each change once it is committed. Both are killed at the same random moment, 0-1.5 s after the import
has stored its first article (so the kill lands in the import itself, and the test stays short); then the
database must open, pass its integrity check, hold every article wholly (text, analysis, article_terms)
or not at all, and hold every status change printed. Each run starts from a fresh empty library.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from store_checks import article_count, assert_sound, make_articles

from reader.store import Store

LESEN = str(Path(sys.executable).with_name("lesen"))
RUNS = 20
ARTICLES = 600  # more than an import stores in the 1.5 s a kill may wait (recombined seeds import fast)

STATUS_WRITER = """
import sys
from reader.store import Store
from reader.store.terms import set_status
store = Store(sys.argv[1])
run = sys.argv[2]
n = 0
while True:
    lemma, status = f"Probe{run}x{n}", n % 5 + 1
    set_status(store, lemma, status)
    sys.stdout.write(f"{lemma} {status}\\n")
    sys.stdout.flush()
    n += 1
"""


def kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the process; True when it was still running (so the kill interrupted it)."""
    running = proc.poll() is None
    if running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return running


@pytest.mark.slow
def test_sigkill_during_import_loses_nothing(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    make_articles(corpus, ARTICLES)
    empty = tmp_path / "empty.db"
    Store(empty).close()
    rng = random.Random(20)
    kills, whole, kept, interrupted = [], 0, 0, 0
    for run in range(RUNS):
        db = tmp_path / f"run{run}.db"  # each run is a fresh import, so it never runs dry
        shutil.copy(empty, db)
        env = {**os.environ, "LESEN_DB": str(db), "PYTHONPATH": str(ROOT)}
        importer = subprocess.Popen([LESEN, "import", str(corpus)], env=env, cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        writer = subprocess.Popen([sys.executable, "-c", STATUS_WRITER, str(db), str(run)], env=env,
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started = time.monotonic()
        while article_count(db) == 0 and importer.poll() is None and time.monotonic() - started < 60:
            time.sleep(0.02)  # start-up (loading the analysis) is over once the first article is stored
        delay = rng.uniform(0.0, 1.5)
        time.sleep(delay)
        interrupted += kill(importer)
        kill(writer)
        kills.append(round(time.monotonic() - started, 2))
        committed: dict[str, int] = {}
        for line in writer.stdout.read().split("\n")[:-1]:  # a line cut by the kill is not a report
            lemma, status = line.split()
            committed[lemma] = int(status)
        writer_err = writer.stderr.read()
        assert not writer_err.strip(), writer_err  # no "database is locked", no error at all
        assert "Traceback" not in importer.stderr.read().decode()

        whole += assert_sound(db)
        with Store(db) as store:
            stored = dict(store.query("SELECT lemma, status FROM terms WHERE lemma LIKE 'Probe%'"))
            history = {r[0] for r in store.query(
                "SELECT lemma FROM status_history WHERE lemma LIKE 'Probe%'")}
        lost = {k: v for k, v in committed.items() if stored.get(k) != v or k not in history}
        assert not lost, f"run {run} (killed after {kills[-1]} s): lost status changes {sorted(lost)[:5]}"
        assert committed, f"run {run}: the status writer never committed anything"
        kept += len(committed)
    print(f"\n{RUNS} kills at {kills} s ({interrupted} interrupted the importer): {whole} articles whole,"
          f" {kept} status changes kept")
    assert interrupted == RUNS, f"an import of {ARTICLES} articles finished within 1.5 s of its first article"
    assert whole > 0
