"""`lesen import`, `lesen list`, `lesen delete`, `lesen reanalyze`."""

from __future__ import annotations

import json
import sys

import click

from .. import library
from ..store import Store, articles
from .main import Context, fail, friendly_errors, main, pass_ctx


@main.command("import")
@click.argument("refs", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Import texts that do not look German.")
@click.option("--if-empty", is_flag=True, help="Only import when the library has no articles yet.")
@pass_ctx
@friendly_errors
def import_cmd(ctx: Context, refs: tuple[str, ...], force: bool, if_empty: bool) -> None:
    """Import articles: .txt/.md/.html files, directories, http(s) URLs and news feeds (RSS, Atom).

    Exits 1 when a file or address given is refused; a feed's refused articles are reported but do not
    fail the import."""
    store = ctx.store
    if if_empty and articles.count_articles(store):
        click.echo("The library already has articles; nothing imported.")
        return
    run_import(store, list(refs), force=force)


def run_import(store: Store, refs: list[str], *, force: bool = False) -> None:
    """Import refs with a progress bar (shown for several refs, and from a feed on), say what was not
    imported and which articles a feed brought, and exit 1 when something named in refs was refused. A
    refused article of a feed (a video page, a server error) is said and counted but does not fail the
    run: feeds list such pages all the time, and `feeds update` from a scheduler would fail on every one."""
    expanded = library.sources.expand(refs)
    tally, later, failed = library.Tally(), [], False
    show_bar = len(expanded) > 1
    with click.progressbar(length=len(expanded), label="Importing", file=sys.stderr, show_pos=True,
                           hidden=not show_bar) as bar:
        # one call for the whole batch: the word cache is saved once, at the end
        for result in library.import_refs(store, expanded, force=force):
            tally.count(result.outcome)
            failed = failed or result.outcome == library.REFUSED and not result.listed
            if not show_bar:
                _report(result)
            elif result.outcome == library.SKIPPED or result.listed and result.outcome == library.DUPLICATE:
                pass  # a feed's articles seen before: only counted, or every update would list them all
            elif result.outcome != library.ADDED or result.listed:
                later.append(result)  # said after the bar, which would overwrite it (a feed's news too)
            if result.links:  # a feed: its articles follow, with the bar shown from now on
                bar.length += len(result.links)
                bar.hidden, show_bar = False, True
            bar.update(1)
    for result in later:
        _report(result)
    if show_bar or tally.refused:
        click.echo(str(tally))
    if failed:
        raise SystemExit(1)


def _report(result: library.ImportResult) -> None:
    err = result.outcome in (library.REFUSED, library.WARNED)
    click.echo(("lesen: " if err else "") + result.message, err=err)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@pass_ctx
@friendly_errors
def list_cmd(ctx: Context, as_json: bool) -> None:
    """Show the library: title, source, date, words."""
    rows = articles.list_articles(ctx.store)
    if stale := len(articles.stale_articles(ctx.store)):
        click.echo(f"lesen: {stale} of {len(rows)} articles were analysed by an older lesen; "
                   "`lesen reanalyze` updates them", err=True)
    extra = _extra_columns(ctx)
    if as_json:
        for r in rows:
            obj = {"id": r.id, "title": r.title, "source": r.source, "date": r.published, "words": r.words,
                   "url": r.url}
            obj.update(extra.get(r.id, {}))
            click.echo(json.dumps(obj, ensure_ascii=False))
        return
    if not rows:
        click.echo("The library is empty. Import articles with: lesen import FILE|DIR|URL")
        return
    width = max(20, min(60, max(len(r.title) for r in rows)))
    click.echo(f"{'id':>4}  {'title':<{width}}  {'source':<14} {'date':<16} {'words':>6}")
    for r in rows:
        title = r.title if len(r.title) <= width else r.title[: width - 1] + "…"
        line = f"{r.id:>4}  {title:<{width}}  {(r.source or '')[:14]:<14} {(r.published or '')[:16]:<16}"
        line += f" {r.words:>6}"
        for key, value in extra.get(r.id, {}).items():
            line += f"  {key.replace('_', ' ')} {value}"  # `new words 98`; --json keeps the keys
        click.echo(line)


def _extra_columns(ctx: Context) -> dict[int, dict]:
    """Columns other parts add to `lesen list` (difficulty, personal coverage) when they exist."""
    try:
        from ..scoring.listing import list_columns
    except ImportError:
        return {}
    return list_columns(ctx.store)


@main.command("delete")
@click.argument("ref")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
@friendly_errors
def delete_cmd(ctx: Context, ref: str, yes: bool) -> None:
    """Remove an article (by id or title); the statuses of its words stay."""
    art = _one_article(ctx.store, ref)
    if not yes and not click.confirm(f"Delete “{art.title}”?"):
        return
    articles.delete_article(ctx.store, art.id)
    click.echo(f"Deleted article {art.id}.")


@main.command("reanalyze")
@click.argument("refs", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every article, not only those an older lesen analysed.")
@pass_ctx
@friendly_errors
def reanalyze_cmd(ctx: Context, refs: tuple[str, ...], every: bool) -> None:
    """Analyse articles again (by id or title; default: those an older lesen analysed).

    Lemmas, word classes and levels then follow this lesen's analysis; your word statuses stay."""
    store = ctx.store
    if refs:
        ids = [_one_article(store, ref).id for ref in refs]
    else:
        ids = [a.id for a in articles.list_articles(store)] if every else articles.stale_articles(store)
    if not ids:
        click.echo("Every article is analysed by this lesen already; nothing to do.")
        return
    done = changed = 0
    with click.progressbar(length=len(ids), label="Analysing", file=sys.stderr, show_pos=True,
                           hidden=len(ids) < 2) as bar:
        for result in library.reanalyze(store, ids):
            done, changed = done + 1, changed + result.changed
            bar.update(1)
    words = f"{changed} word now reads" if changed == 1 else f"{changed} words now read"
    click.echo(f"Analysed {done} article{'s' * (done != 1)} again; {words} another lemma.")


def _one_article(store: Store, ref: str) -> articles.ArticleRow:
    """The one article `ref` (id or title) names; exits with a one-line error otherwise."""
    found = articles.find_articles(store, ref)
    if not found:
        fail(f"no article matches {ref!r}")
    if len(found) > 1:
        fail(f"{len(found)} articles match {ref!r}; use the id")
    return found[0]
