"""The `lesen` group: global options, the database handle, one-line errors."""

from __future__ import annotations

import functools
import importlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from ..safeio import UnsafePathError
from ..sources import SourceError
from ..store import Store, default_db_path
from ..store.db import BUSY_TIMEOUT_MS, StoreError


class Context:
    """What every command needs: where the database is, opened on first use."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    click.echo(f"lesen: {message}", err=True)
    sys.exit(code)


def one_line(message: str) -> str:
    """An error message on one line, whatever the exception carried."""
    return " ".join(message.split()) or "unknown error"


def friendly_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected errors into one line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (SourceError, StoreError, UnsafePathError) as exc:
            fail(one_line(str(exc)))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                fail(f"the library is busy: another lesen held it for more than {BUSY_TIMEOUT_MS // 1000} s;"
                     " try again")
            if "full" in str(exc):
                fail("the disk is full: the change in progress was not stored (everything before it is "
                     "safe); free some space and try again")
            fail(one_line(f"database error: {exc}"))
        except sqlite3.DatabaseError as exc:
            if "malformed" in str(exc):
                fail(f"the database file is damaged ({exc}); `lesen restore BACKUP` brings back a backup")
            fail(one_line(f"database error: {exc}"))
        except BrokenPipeError:  # `lesen list | head`: the reader went away, which is not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(0)
        except OSError as exc:
            fail(one_line(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")))
        except KeyboardInterrupt:
            fail("interrupted; everything finished before is saved", 130)

    return wrapper


# Which module defines each command: a command's module is imported when it runs (or `--help` lists it),
# so a light command does not pay for the dictionary, the analysis or the exports.
COMMANDS = {
    "analyze": "analyze_cmd", "backup": "backup_cmds", "restore": "backup_cmds", "gloss": "dict_cmds",
    "dict": "dict_cmds", "export": "export_cmds", "vocab": "export_cmds", "known": "export_cmds",
    "feeds": "feed_cmds", "import": "library_cmds", "list": "library_cmds", "delete": "library_cmds",
    "reanalyze": "library_cmds",
    "score": "score_cmd", "level": "score_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"{__package__}.{COMMANDS[cmd_name]}")
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="LESEN_DB",
              help="Learner database (default: your data directory; env LESEN_DB).")
@click.option("--level", type=click.Choice(["A1", "A2", "B1", "B2", "C1", "C2"], case_sensitive=False),
              help="Your approximate level, used once when you have no history yet.")
@click.version_option(package_name="lesen")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, level: str | None) -> None:
    """lesen — read German news in the terminal, look words up, and learn them.

    Without a command, opens the reader on your library.
    """
    ctx.obj = Context(db_path or default_db_path())
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        try:
            from ..app import run_app
        except ImportError as exc:  # pragma: no cover - the app is part of the package
            fail(f"the reader app is not available ({exc})")
        run_app(ctx.obj.db_path, level=level)


pass_ctx = click.make_pass_decorator(Context)
