"""`lesen export anki`, `lesen vocab`, `lesen known import|export`."""

from __future__ import annotations

from pathlib import Path

import click

from ..safeio import UnsafePathError, inside, write_atomic
from ..sources import SourceError
from ..store import articles
from ..store.db import default_db_path
from .main import Context, fail, friendly_errors, main, pass_ctx

LEVEL_CHOICE = click.Choice(["A1", "A2", "B1", "B2", "C1", "C2"], case_sensitive=False)


@main.group("export")
def export_group() -> None:
    """Export your words (Anki decks)."""


@export_group.command("anki")
@click.option("--article", "article_refs", multiple=True, metavar="ID|TITLE",
              help="Only words of these articles (repeatable).")
@click.option("--status", "status_text", default="new,learning", show_default=True,
              help="Which words: new, learning, learning1-4, known, ignored (comma-separated).")
@click.option("--min-level", type=LEVEL_CHOICE, help="Only words at or above this level (by frequency).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many words, most useful first.")
@click.option("--deck", default="lesen", show_default=True, help="Deck name in Anki.")
@click.option("--reverse", is_flag=True, help="Also a production card (English → German).")
@click.option("--out", type=click.Path(dir_okay=True, path_type=Path),
              help="Output .apkg (default decks/DECK.apkg).")
@pass_ctx
@friendly_errors
def export_anki_cmd(ctx: Context, article_refs: tuple[str, ...], status_text: str, min_level: str | None,
                    limit: int | None, deck: str, reverse: bool, out: Path | None) -> None:
    """Write an Anki deck of your words; re-exporting updates the same notes."""
    from ..export import anki

    try:
        statuses = anki.parse_statuses(status_text)
    except ValueError as exc:
        fail(str(exc))
    ids = None
    if article_refs:
        ids = []
        for ref in article_refs:
            found = articles.find_articles(ctx.store, ref)
            if not found:
                fail(f"no article matches {ref!r}")
            ids.extend(a.id for a in found)
    if not deck.strip():
        fail("the deck name is empty")
    opts = anki.Options(articles=ids, statuses=statuses, min_level=min_level.upper() if min_level else None,
                        limit=limit, deck=deck.strip(), reverse=reverse)
    try:
        result = anki.export_anki(ctx.store, opts, out)
    except (ValueError, UnsafePathError) as exc:
        fail(str(exc))
    if not result.notes:
        click.echo("No words match (see --status, --min-level, --article); nothing written.")
        return
    click.echo(f"Wrote {result.notes} notes ({result.cards} cards) to {result.path}: "
               f"{result.new} new, {result.updated} changed since the last export.")


@main.command("vocab")
@click.argument("refs", nargs=-1, required=True)
@click.option("--level", type=LEVEL_CHOICE, default="B1", show_default=True,
              help="The readers' level: list the words they probably do not know.")
@click.option("--top", type=click.IntRange(min=1), help="At most this many words.")
@click.option("--coverage", type=click.FloatRange(min=1, max=100),
              help="The fewest words that bring the readers to this coverage (percent), e.g. 95.")
@click.option("--format", "fmt", type=click.Choice(["csv", "tsv", "md", "html", "anki-txt", "quizlet"]),
              default="csv", show_default=True)
@click.option("--out", help="Output file, or - for standard output (default vocab/NAME.EXT).")
@click.pass_context
@friendly_errors
def vocab_cmd(cctx: click.Context, refs: tuple[str, ...], level: str, top: int | None, coverage: float | None,
              fmt: str, out: str | None) -> None:
    """Vocabulary list of FILE|DIR|URL|FEED|ARTICLE... for teachers (no learner data is used)."""
    from ..export import vocab

    ctx: Context = cctx.obj

    def open_store():
        path = ctx.db_path if ctx.db_path else default_db_path()
        return ctx.store if Path(path).exists() else None

    texts = vocab.read_texts(list(refs), open_store, warn=lambda msg: click.echo(f"lesen: {msg}", err=True))
    vl = vocab.build(texts, level.upper(), top=top, coverage=coverage)
    data = vocab.render(vl, fmt)
    if out == "-":
        click.echo(data.decode("utf-8"), nl=False)
        click.echo(vocab.summary(vl), err=True)
        return
    try:
        path = vocab.resolve_out(out, texts, fmt)
    except UnsafePathError as exc:
        fail(str(exc))
    write_atomic(path, data)
    click.echo(f"Wrote {path}. {vocab.summary(vl)}")


@main.group("known")
def known_group() -> None:
    """Known words in and out."""


@known_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@pass_ctx
@friendly_errors
def known_import_cmd(ctx: Context, file: Path) -> None:
    """Mark the words of FILE known (a list, a CSV/TSV first column, or an Anki text export)."""
    from ..export import known

    report = known.import_known(ctx.store, file)
    if not report.cells:
        raise SourceError(f"{file}: has no words")
    for line in report.lines():
        click.echo(line)


@known_group.command("export")
@click.option("--out", help="Output file (default: standard output).")
@click.option("--include-assumed", is_flag=True, help="Also words assumed known from your level.")
@pass_ctx
@friendly_errors
def known_export_cmd(ctx: Context, out: str | None, include_assumed: bool) -> None:
    """Write your known lemmas, one a line."""
    from ..export import known

    text = known.export_text(ctx.store, include_assumed=include_assumed)
    if out is None or out == "-":
        click.echo(text, nl=False)
        return
    path = Path(out)
    try:
        target = inside(path.parent, path.name)
    except UnsafePathError as exc:
        fail(str(exc))
    write_atomic(target, text)
    click.echo(f"Wrote {text.count(chr(10))} known words to {target}.", err=True)
