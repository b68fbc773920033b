"""`lesen` without a command starts the app; a bad database is one line and exit status 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_lesen_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    proc = subprocess.run([sys.executable, "-c", "from reader.cli import main; main()", "--db", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("lesen: ") and len(proc.stderr.strip().splitlines()) == 1


def test_every_command_is_found_where_it_is_defined() -> None:
    """`lesen` imports a command's module only when the command runs (`COMMANDS`); every command of every
    module must be listed there, with its module."""
    import importlib
    import pkgutil

    import reader.cli
    from reader.cli.main import COMMANDS, main

    for mod in pkgutil.iter_modules(reader.cli.__path__):
        importlib.import_module(f"reader.cli.{mod.name}")
    defined = {name: cmd.callback.__module__.rsplit(".", 1)[-1] for name, cmd in main.commands.items()}
    assert defined == COMMANDS
