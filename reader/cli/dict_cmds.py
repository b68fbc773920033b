"""`lesen gloss` (look a word up, write your own gloss) and `lesen dict status|install|import|ensure`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import dictionary
from ..dictionary import db as dict_db
from ..dictionary import install as dict_install
from ..dictionary.build import import_file
from ..store import terms
from .main import Context, fail, friendly_errors, main, pass_ctx


def _show(g: dictionary.Gloss, limit: int) -> None:
    pos = f"  ({g.pos})" if g.pos else ""
    click.echo(f"{g.headword or g.lemma}{pos}")
    if g.user_gloss:
        click.echo(f"  your gloss: {g.user_gloss}")
    if g.separable and g.separable.replace("|", "") != g.headword.replace("|", ""):
        click.echo(f"  separable verb: {g.separable}")
    if g.phrase:
        click.echo(f"  in this sentence: {g.phrase}: {'; '.join(g.phrase_senses)}")
    for n, s in enumerate(g.senses[:limit], 1):
        labels = " ".join(f"[{x}]" for x in s.labels)
        click.echo(f"  {n:>2}. {s.text}" + (f"  {labels}" if labels else ""))
    if len(g.senses) > limit:
        click.echo(f"      … {len(g.senses) - limit} more (--all)")
    if g.parts:
        click.echo("  parts: " + " + ".join(f"{p} “{e}”" if e else p for p, e in g.parts))
    if not g.best:
        click.echo("  (not in the dictionary)")


@main.command("gloss")
@click.argument("word")
@click.option("--context", "-c", help="The sentence the word is in (for the best sense).")
@click.option("--json", "as_json", is_flag=True, help="Print the gloss as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Show every sense.")
@click.option("--set", "own", metavar="TEXT", help="Write your own gloss for the word's lemma.")
@click.option("--unset", is_flag=True, help="Remove your own gloss for the word's lemma.")
@pass_ctx
@friendly_errors
def gloss_cmd(ctx: Context, word: str, context: str | None, as_json: bool, show_all: bool,
              own: str | None, unset: bool) -> None:
    """Look a German word up: lemma, article and plural, senses, compound parts, your own gloss."""
    if not word.strip():
        fail("give a word to look up")
    if own is not None and unset:
        fail("use either --set or --unset")
    store = ctx.store
    g = dictionary.gloss_word(word, context=context, store=store)
    if own is not None or unset:
        text = (own or "").strip()
        if own is not None and not text:
            fail("--set needs a non-empty gloss (use --unset to remove yours)")
        terms.set_gloss(store, g.lemma, text or None)
        click.echo(f"{'Saved' if text else 'Removed'} your gloss for {g.lemma}.")
        g = dictionary.gloss_word(word, context=context, store=store)
    if dictionary.dictionary_path() and not dict_db.is_valid(dictionary.dictionary_path()) and not as_json:
        click.echo("lesen: no dictionary installed; see `lesen dict ensure`", err=True)
    if as_json:
        click.echo(json.dumps(g.to_json(), ensure_ascii=False))
        return
    _show(g, 10_000 if show_all else 8)


@main.group("dict")
def dict_group() -> None:
    """The offline dictionary (Ding de-en): status, install, import."""


@dict_group.command("status")
@click.option("--json", "as_json", is_flag=True)
@friendly_errors
def status_cmd(as_json: bool) -> None:
    """Which dictionary is in use, where from, how many entries, when imported."""
    path = dict_db.dict_path()
    info = dict_db.meta(path) if dict_db.is_valid(path) else {}
    system = dict_db.system_copy()
    if as_json:
        click.echo(json.dumps({"path": str(path), "installed": bool(info), **info,
                               "system_copy": str(system) if system else None}, ensure_ascii=False))
        return
    if not info:
        click.echo(f"No dictionary imported yet (it would live at {path}).")
        if system:
            click.echo(f"The system copy {system} will be imported on first use (or: lesen dict ensure).")
        else:
            click.echo(dict_install.HOW_TO_GET)
        return
    click.echo(f"Dictionary: {path}")
    click.echo(f"  from:      {info.get('source')}")
    entries, lines = int(info.get("entries", 0)), int(info.get("lines", 0))
    click.echo(f"  entries:   {entries:,} headwords from {lines:,} lines"
               f" ({info.get('malformed', 0)} malformed lines skipped)")
    click.echo(f"  imported:  {info.get('imported_at')}")


def _report(result) -> None:
    click.echo(f"Imported {result.entries:,} headwords from {result.lines:,} lines of {result.source} "
               f"in {result.seconds:.1f} s ({result.malformed} malformed lines skipped) → {result.path}")


@dict_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@friendly_errors
def import_cmd(file: Path) -> None:
    """Import any Ding-format de-en FILE (plain or .gz), replacing the current dictionary."""
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        with dict_install.progress_bar(file.stat().st_size, f"Importing {file.name}") as bar:
            result = import_file(file, progress=bar)
    except (ValueError, EOFError) as exc:
        fail(f"{file}: not a Ding dictionary ({exc})")
    _report(result)


@dict_group.command("install")
@click.option("--url", help="Where to download the Ding file from (default: TU Chemnitz).")
@click.option("--timeout", type=float, default=dict_install.TIMEOUT, show_default=True)
@friendly_errors
def install_cmd(url: str | None, timeout: float) -> None:
    """Download the Ding de-en dictionary from TU Chemnitz and import it."""
    try:
        result = dict_install.install(url, timeout=timeout)
    except dict_install.DownloadError as exc:
        fail(str(exc))
    _report(result)


@dict_group.command("ensure")
@click.option("--no-download", is_flag=True, help="Do not try the download.")
@click.option("--no-apt", is_flag=True, help="Do not try `apt-get install trans-de-en`.")
@friendly_errors
def ensure_cmd(no_download: bool, no_apt: bool) -> None:
    """Make sure a dictionary is imported: system copy, then download, then apt-get (as root)."""
    path = dict_db.dict_path()
    if dict_db.is_valid(path):
        click.echo(f"Dictionary ready: {path}")
        return
    result = dict_install.ensure(allow_download=not no_download, allow_apt=not no_apt)
    if result:
        _report(result)
