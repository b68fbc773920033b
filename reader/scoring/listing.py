"""The difficulty columns of `lesen list`: level, known share, new words."""

from __future__ import annotations

from ..store.db import Store
from . import coverage, ensure


class Percent(float):
    """A share shown as '93.4%' in text and written as the number 93.4 in JSON."""

    def __format__(self, spec: str) -> str:
        return format(f"{float(self):.1f}%", spec)

    __str__ = __repr__ = lambda self: f"{float(self):.1f}%"  # noqa: E731


def list_columns(store: Store) -> dict[int, dict]:
    """{article id: {"level", "known" (percent of running words), "new_words"}} for every article."""
    ensure(store)
    levels = {r[0]: r[1] for r in store.query("SELECT id, level FROM articles")}
    out: dict[int, dict] = {}
    for article_id, cov in coverage.article_coverage(store).items():
        out[article_id] = {
            "level": levels.get(article_id),
            "known": Percent(round(100 * cov.ratio, 1)),
            "new_words": cov.new_words,
        }
    return out
