"""`lesen analyze`: the analysis of a text, one token per line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import nlp
from ..sources import SourceError, decode
from .main import fail, friendly_errors, main


def read_input(ref: str) -> str:
    if ref == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        path = Path(ref)
        if path.is_dir():
            raise SourceError(f"{ref}: is a directory (analyze takes one file)")
        if not path.is_file():
            raise SourceError(f"{ref}: no such file")
        data = path.read_bytes()
        name = ref
    text = decode(data, name)
    if not text.strip():
        raise SourceError(f"{name}: is empty")
    return text


@main.command("analyze")
@click.argument("ref", default="-")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per token.")
@click.option("--gloss", "with_gloss", is_flag=True, help="Add each word's best English gloss.")
@click.option("--force", is_flag=True, help="Analyse text that does not look German.")
@friendly_errors
def analyze_cmd(ref: str, as_json: bool, with_gloss: bool, force: bool) -> None:
    """Analyse a German text (FILE or - for standard input)."""
    text = read_input(ref)
    share = nlp.german_share(text)
    if share < nlp.language.MIN_GERMAN_SHARE and not force:
        fail(f"{ref}: does not look German ({share:.0%} German words); use --force to analyse it anyway")
    from ..dictionary import gender_lookup

    tokens = nlp.analyze(text, gender_lookup())  # a noun's gender from the dictionary
    rows = [t.to_json() for t in tokens]
    if with_gloss:
        from ..dictionary import add_glosses

        add_glosses(tokens, rows)
    if as_json:
        click.echo("\n".join(json.dumps(row, ensure_ascii=False) for row in rows))
        return
    for t, row in zip(tokens, rows, strict=True):
        extra = f"  {row['gloss']}" if with_gloss and row.get("gloss") else ""
        parts = "·".join(t.parts) if t.parts else ""
        click.echo(f"{t.sentence:>3} {t.text:<24} {t.lemma:<24} {t.pos:<6} {t.tag:<7} {parts}{extra}")
