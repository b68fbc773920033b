"""`make bench`: run every bench/<area>.py and print one table (area | figure | value | target | pass/fail).

Each area runs in its own process with a timeout, so a slow or broken area becomes a note in the table
instead of hanging or ending the run. Progress goes to stderr, the table to stdout. The bench never
fails: the exit status is 0 whatever the figures say.

    python -m bench                   # every area
    python -m bench reliability nlp   # only these areas
    python -m bench --timeout 300 --json
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
ORDER = ("nlp", "dictionary", "scoring", "app", "export", "reliability")
MARK = "@@bench-rows@@"
DEFAULT_TIMEOUT = 900.0
KEYS = ("area", "figure", "value", "target", "ok")

CHILD = f"""
import json, sys
import bench.{{name}} as area
rows = area.rows()
sys.stdout.write("\\n{MARK}" + json.dumps(rows, ensure_ascii=False, default=str) + "\\n")
"""


def areas() -> list[str]:
    """The bench modules present, in the issues' order, then any others alphabetically."""
    found = {p.stem for p in BENCH.glob("*.py") if not p.stem.startswith("_")}
    return [a for a in ORDER if a in found] + sorted(found - set(ORDER))


def note(area: str, reason: str) -> dict:
    return {"area": area, "figure": "(not measured)", "value": reason, "target": "", "ok": None}


def clean_rows(area: str, rows: object) -> list[dict]:
    """Rows as the table needs them; anything malformed becomes a note instead of an error."""
    if not isinstance(rows, list):
        return [note(area, f"rows() returned {type(rows).__name__}, not a list")]
    out = []
    for row in rows:
        if not isinstance(row, dict) or any(k not in row for k in ("figure", "value")):
            out.append(note(area, f"malformed row: {str(row)[:80]}"))
            continue
        ok = row.get("ok")
        out.append({
            "area": str(row.get("area") or area), "figure": str(row["figure"]), "value": str(row["value"]),
            "target": str(row.get("target") or ""), "ok": ok if isinstance(ok, bool) else None,
            "command": str(row.get("command") or ""),
        })
    return out


def last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:160] if lines else "no output"


def run_area(name: str, timeout: float) -> list[dict]:
    """Run one area's rows() in a child process; a failure or timeout gives a one-row note."""
    with tempfile.TemporaryDirectory(prefix=f"lesen-bench-{name}-") as tmp:
        # a bench never touches the user's library, even if a module forgets to choose its own
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path, "LESEN_DB": str(Path(tmp) / "lesen.db")}
        proc = subprocess.Popen([sys.executable, "-c", CHILD.format(name=name)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return [note(name, f"timed out after {timeout:g} s")]
    if err.strip():
        sys.stderr.write("".join(f"  {name}| {ln}\n" for ln in err.strip().splitlines()[-20:]))
    payload = next((ln[len(MARK):] for ln in reversed(out.splitlines()) if ln.startswith(MARK)), None)
    if proc.returncode != 0 or payload is None:
        return [note(name, f"failed (exit {proc.returncode}): {last_line(err or out)}")]
    try:
        return clean_rows(name, json.loads(payload))
    except json.JSONDecodeError as exc:
        return [note(name, f"unreadable rows ({exc})")]


def mark(ok: bool | None) -> str:
    return "—" if ok is None else ("pass" if ok else "FAIL")


def table(rows: list[dict]) -> str:
    """One pipe table (readable in a terminal, valid Markdown)."""
    head = ("area", "figure", "value", "target", "pass/fail")
    cells = [head] + [(r["area"], r["figure"], r["value"], r["target"], mark(r["ok"])) for r in rows]
    cells = [tuple(c.replace("|", "/").replace("\n", " ") for c in row) for row in cells]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def summary(rows: list[dict]) -> str:
    passed = sum(r["ok"] is True for r in rows)
    failed = sum(r["ok"] is False for r in rows)
    other = len(rows) - passed - failed
    commands = sorted({r["command"] for r in rows if r.get("command")})
    text = f"{passed} pass, {failed} fail, {other} without a target or not measured."
    if commands:
        text += "\nRe-run one area: " + "; ".join(commands)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="areas to run (default: all present)")
    parser.add_argument("--timeout", type=float,
                        default=float(os.environ.get("BENCH_TIMEOUT", DEFAULT_TIMEOUT)),
                        help="seconds per area before it is stopped (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON lines instead")
    args = parser.parse_args(argv)
    present = areas()
    chosen = args.areas or present
    rows: list[dict] = []
    started = time.monotonic()
    for name in chosen:
        if name not in present:
            rows.append(note(name, f"no module bench/{name}.py"))
            continue
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        t0 = time.monotonic()
        try:
            got = run_area(name, args.timeout)
        except Exception as exc:  # noqa: BLE001 - the runner itself must never end the bench
            got = [note(name, f"runner error: {type(exc).__name__}: {exc}")]
        rows.extend(got)
        print(f"bench: {name} done in {time.monotonic() - t0:.1f} s ({len(got)} rows)", file=sys.stderr,
              flush=True)
    print(f"bench: all areas in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(table(rows))
        print()
        print(summary(rows))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
