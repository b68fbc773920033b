"""`lesen score`: difficulty of articles or files for you; `lesen level`: your approximate level."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import library, nlp
from ..scoring import assume, levels
from ..scoring.profile import profile
from ..sources import SourceError
from ..store import articles
from .main import Context, fail, friendly_errors, main, pass_ctx


def _tokens(ctx: Context, ref: str) -> tuple[dict, list[nlp.Token]]:
    """A file (analysed, not stored) or a stored article (its stored analysis)."""
    if Path(ref).is_file():
        prepared = library.prepare(ref)
        return {"file": ref, "title": prepared.article.title}, nlp.analyze(prepared.article.body)
    found = articles.find_articles(ctx.store, ref)
    if not found:
        raise SourceError(f"{ref}: no such file or article")
    if len(found) > 1:
        raise SourceError(f"{ref}: {len(found)} articles match; use the id")
    art = found[0]
    return {"id": art.id, "title": art.title}, articles.load_tokens(ctx.store, art.id)


def _line(ref: str, p: dict) -> str:
    learn = f"; learn {len(p['to_reach_95'])} words for 95%" if p["to_reach_95"] else ""
    return (f"{ref}: {p['level']} (score {p['score']:.2f}), {p['coverage']:.1%} known ({p['verdict']}), "
            f"{p['new_words']} new words, {p['sentence_length']:.1f} words per sentence{learn}")


@main.command("score")
@click.argument("refs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article or file, in order.")
@pass_ctx
@friendly_errors
def score_cmd(ctx: Context, refs: tuple[str, ...], as_json: bool) -> None:
    """Difficulty of ARTICLEs (id or title) or FILEs (scored without being added): level and your coverage."""
    bad = 0
    for ref in refs:
        try:
            head, tokens = _tokens(ctx, ref)
        except SourceError as exc:
            click.echo(f"lesen: {exc}", err=True)
            bad += 1
            continue
        report = profile(ctx.store, tokens)
        if as_json:
            click.echo(json.dumps({"ref": ref, **head, **report}, ensure_ascii=False))
        else:
            click.echo(_line(ref, report))
    if bad:
        raise SystemExit(1)


@main.command("level")
@click.argument("level", required=False)
@pass_ctx
@friendly_errors
def level_cmd(ctx: Context, level: str | None) -> None:
    """Show or set your approximate level (A1–C2): frequent words up to it are assumed known."""
    if level is None:
        current = assume.current_level(ctx.store)
        if current:
            click.echo(f"Your level: {current} ({assume.assumed_count(ctx.store)} words assumed known)")
        else:
            click.echo("No level set. Set one with: lesen level B1")
        return
    try:
        level = levels.normalise(level)
    except ValueError as exc:
        fail(str(exc))
    count = assume.apply_level(ctx.store, level)
    click.echo(f"Level {level}: {count} frequent words of your library assumed known "
               "(words you marked are unchanged).")
