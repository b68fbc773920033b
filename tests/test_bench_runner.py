"""The `make bench` runner: one table whatever the areas do (fail to import, raise, hang, return junk)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.__main__ import clean_rows, run_area, table  # noqa: E402


def test_an_area_that_cannot_be_imported_becomes_a_note():
    [row] = run_area("no_such_area", timeout=60)
    assert row["ok"] is None and "ModuleNotFoundError" in row["value"]


def test_an_area_that_hangs_is_stopped_and_noted():
    [row] = run_area("reliability", timeout=0.5)
    assert row == {"area": "reliability", "figure": "(not measured)", "value": "timed out after 0.5 s",
                   "target": "", "ok": None}


def test_malformed_rows_become_notes_and_the_table_has_one_line_per_row():
    rows = clean_rows("x", [{"figure": "a|b", "value": 3, "target": "≤ 1", "ok": False},
                            "junk", {"value": "no figure"}])
    assert [r["ok"] for r in rows] == [False, None, None]
    lines = table(rows).splitlines()
    assert len(lines) == 2 + 3 and lines[2].split("|")[2].strip() == "a/b" and "FAIL" in lines[2]
    assert clean_rows("x", None)[0]["figure"] == "(not measured)"


def test_the_bench_exits_0_even_when_areas_fail():
    proc = subprocess.run([sys.executable, "-m", "bench", "no_such_area", "--timeout", "30"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert "| no_such_area |" in proc.stdout and "no module bench/no_such_area.py" in proc.stdout
