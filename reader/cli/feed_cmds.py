"""`lesen feeds`: follow news feeds and import what they have published since."""

from __future__ import annotations

import click

from .. import sources
from ..store import feeds as followed
from .library_cmds import run_import
from .main import Context, fail, friendly_errors, main, pass_ctx


@main.group("feeds", invoke_without_command=True)
@click.pass_context
@friendly_errors
def feeds_group(cctx: click.Context) -> None:
    """The news feeds you follow (RSS, Atom): without a subcommand, list them."""
    if cctx.invoked_subcommand is not None:
        return
    subs = followed.subscriptions(cctx.find_object(Context).store)
    if not subs:
        click.echo("You follow no feeds. Add one with: lesen feeds add URL")
    for k, sub in enumerate(subs, 1):
        click.echo(f"{k:>3}  {sub.title or '(no title)'}  {sub.url}")


@feeds_group.command("add")
@click.argument("urls", nargs=-1, required=True)
@pass_ctx
@friendly_errors
def add_cmd(ctx: Context, urls: tuple[str, ...]) -> None:
    """Follow the feeds at URLS: a feed's address, or a news site's page, whose head names its feed
    (each is downloaded once to check that it is a feed)."""
    for url in urls:
        if not sources.is_url(url):
            fail(f"{url}: a feed is an http:// or https:// address")
        try:
            feed = sources.fetch_feed(url)
        except sources.SourceError as exc:
            fail(str(exc))
        new = followed.follow(ctx.store, feed.url, feed.title)
        name = f"“{feed.title}”" if feed.title else feed.url
        verb = "Following" if new else "Already following"
        found = f", the feed {feed.url} named by {url}" if feed.url != url else ""
        click.echo(f"{verb} {name} ({feed.size} now{found})")


@feeds_group.command("remove")
@click.argument("ref")
@pass_ctx
@friendly_errors
def remove_cmd(ctx: Context, ref: str) -> None:
    """Stop following a feed (its address or its number in `lesen feeds`); its articles stay."""
    removed = followed.unfollow(ctx.store, ref)
    if removed is None:
        fail(f"{ref}: you follow no such feed (see `lesen feeds`)")
    click.echo(f"No longer following {removed.title or removed.url}.")


@feeds_group.command("update")
@click.option("--force", is_flag=True, help="Import texts that do not look German.")
@pass_ctx
@friendly_errors
def update_cmd(ctx: Context, force: bool) -> None:
    """Import the articles your feeds list that are not in the library yet."""
    subs = followed.subscriptions(ctx.store)
    if not subs:
        fail("you follow no feeds; add one with: lesen feeds add URL")
    run_import(ctx.store, [s.url for s in subs], force=force)
