"""`lesen` in a real terminal (tmux): open the first article, move, mark a word, quit, check the database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from app_seed_db import seeded_copy

from reader.store import Store
from reader.store.articles import load_tokens

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (Debian: apt-get install tmux)")


class Terminal:
    """A detached tmux session on a private socket."""

    def __init__(self, socket: str, name: str) -> None:
        self.base = [TMUX or "tmux", "-L", socket]
        self.name = name

    def run(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")

    def dead(self) -> bool:
        return self.run("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"


def lesen_command(db: Path) -> str:
    script = Path(sys.executable).with_name("lesen")
    prefix = [str(script)] if script.exists() else [sys.executable, "-c",
                                                    "from reader.cli import main; main()"]
    return " ".join(f"'{p}'" for p in [*prefix, "--db", str(db)])


def test_read_mark_quit_in_a_real_terminal(tmp_path: Path) -> None:
    db = seeded_copy(tmp_path)
    term = Terminal(f"lesen-test-{os.getpid()}", "lesen")
    env = ["-e", "TEXTUAL_ANIMATIONS=none", "-e", "COLORTERM=truecolor", "-e", "TERM=xterm-256color"]
    # the session starts with a placeholder so that lesen starts in a pane that already has its final size
    term.run("-f", "/dev/null", "new-session", "-d", "-s", term.name, "-x", "120", "-y", "40", *env,
             "sleep 600")
    try:
        term.run("set-option", "-t", term.name, "remain-on-exit", "on")
        term.run("respawn-pane", "-k", "-t", term.name, *env, lesen_command(db))
        term.wait_for("lesen — 5 articles")
        term.keys("Enter")  # the first (highlighted) article
        term.wait_for("% known")
        term.wait_for("status: new")  # the gloss panel shows the first word
        term.keys("Right", "Right")
        time.sleep(0.3)
        term.keys("k")
        screen = term.wait_for("status: known")
        term.keys("C-q")
        end = time.monotonic() + 15
        while not term.dead() and time.monotonic() < end:
            time.sleep(0.1)
        assert term.dead(), term.screen()
    finally:
        subprocess.run([*term.base, "kill-server"], capture_output=True)

    with Store(db) as store:
        history = store.query("SELECT lemma, old_status, new_status, source FROM status_history")
        article_id, position = store.query("SELECT article_id, position FROM progress")[0]
        tokens = load_tokens(store, article_id)
        words = [t for t in tokens if t.kind in ("word", "name")]
    assert position == 2  # the third word: two to the right of the first
    assert [tuple(r) for r in history] == [(words[position].lemma, None, 5, "user")]
    assert words[position].text in screen
