"""Messages that workers post and screens handle: the only way results reach widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message

from ..nlp.tokens import Token
from .queries import LibraryRow, Stats, WordInfo

if TYPE_CHECKING:  # loaded by the import worker when it runs, not at the app's start
    from ..library import Tally


@dataclass
class LibraryLoaded(Message):
    rows: list[LibraryRow]


class LibraryChangedElsewhere(Message):
    """Another process (e.g. `lesen import`) committed to the learner database."""


@dataclass
class ColumnsLoaded(Message):
    """Level, known % and new words per article (computed after the table shows)."""

    columns: dict[int, dict]


@dataclass
class ImportProgress(Message):
    done: int
    total: int
    message: str


@dataclass
class ImportFinished(Message):
    tally: Tally
    refused: list[str]  # what was refused, one line each
    new_feed: tuple[str, str | None] | None = None  # (address, title) of an imported feed not followed yet
    named_feed: tuple[str, str] | None = None  # (page, feed): a page refused as no article names a feed


@dataclass
class AnalysisUpdated(Message):
    """Articles an older lesen analysed were analysed again (`articles`), or that failed (`error`)."""

    articles: int
    error: str | None = None


@dataclass
class ArticleDeleted(Message):
    article_id: int


@dataclass
class ArticleLoaded(Message):
    article_id: int
    title: str
    body: str
    tokens: list[Token]
    statuses: dict[str, int]
    position: int


@dataclass
class StatusesChanged(Message):
    """Lemmas whose status changed (after a key, a bulk change or an undo)."""

    changes: dict[str, int]
    note: str = ""


@dataclass
class GlossReady(Message):
    info: WordInfo
    content: Content | None = None  # the panel text, built in the worker


@dataclass
class StatsReady(Message):
    stats: Stats


@dataclass
class Notice(Message):
    """A one-line notice from a worker (errors included)."""

    text: str
    severity: str = "information"


class WarmedUp(Message):
    """The dictionary and the reader's modules are loaded."""
