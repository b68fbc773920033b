"""`lesen backup` and `lesen restore`: copies of the learner database, safe while the app runs."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click

from ..store.db import inspect_file
from .main import Context, fail, friendly_errors, main, pass_ctx


def default_backup_path(db_path: Path, folder: Path | None = None) -> Path:
    """`<folder or the database's folder>/backups/<name>-<UTC time>.db`."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    base = folder if folder is not None else db_path.parent / "backups"
    return base / f"{db_path.stem}-{stamp}.db"


@main.command("backup")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@pass_ctx
@friendly_errors
def backup_cmd(ctx: Context, path: Path | None) -> None:
    """Copy the learner database to PATH (a file or a folder; default: a dated file in backups/)."""
    if not ctx.db_path.is_file():
        fail(f"{ctx.db_path}: no database to back up")
    if path is None or path.is_dir():
        path = default_backup_path(ctx.db_path, path)
    if path.exists():
        fail(f"{path}: already exists; choose another name")
    if path.resolve() == ctx.db_path.resolve():
        fail(f"{path}: is the database itself")
    target = ctx.store.backup(path)
    click.echo(f"Backed up {ctx.db_path} to {target}")


@main.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
@friendly_errors
def restore_cmd(ctx: Context, path: Path, yes: bool) -> None:
    """Replace the learner database with the backup at PATH (the current one is backed up first)."""
    version = inspect_file(path)
    if not yes and not click.confirm(f"Replace the library at {ctx.db_path} with {path}?"):
        fail("nothing restored")
    saved = ctx.store.restore(path)
    note = f" (upgraded from schema {version})" if version != ctx.store.version else ""
    click.echo(f"Restored {path}{note}; the previous database was saved as {saved}")
