"""The library API: import articles (read, clean, check, analyse, store) and list them."""

from __future__ import annotations

import gc
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import cleaning, nlp, sources
from .store import Store
from .store import articles as store_articles
from .store import feeds as followed
from .store.db import StoreError

ADDED, DUPLICATE, REFUSED, WARNED = "added", "duplicate", "refused", "warned"
FEED = "feed"  # a news feed's address: its articles follow as results of their own
SKIPPED = "skipped"  # an article of a feed refused before for a lasting reason: not downloaded again
MIN_WORDS = 3
MAX_WORDS = 50_000  # longer texts are books or dumps, not articles (analysis would take minutes)


@dataclass
class ImportResult:
    ref: str
    outcome: str
    message: str
    article_id: int | None = None
    title: str | None = None
    tokens: int = 0
    links: list[str] = field(default_factory=list)  # a feed's articles, to import next
    listed: bool = False  # an article a feed listed, not a ref the user named
    names_feed: str | None = None  # a page refused as no article names this news feed

    @property
    def ok(self) -> bool:
        return self.outcome in (ADDED, DUPLICATE, WARNED, FEED, SKIPPED)


class NotGermanError(sources.SourceError):
    """The text does not look German."""


@dataclass
class Prepared:
    """An article read and cleaned, ready to be analysed."""

    ref: str
    doc: sources.RawDocument
    article: cleaning.CleanArticle
    warning: str | None = None


def prepare_text(text: str, ref: str, *, force: bool = False, title: str | None = None,
                 doc: sources.RawDocument | None = None) -> Prepared:
    """Clean text and check that it is a German article; raises SourceError with a one-line reason."""
    if not text.strip():
        raise sources.SourceError(f"{ref}: is empty")
    words = len(text.split())
    if words > MAX_WORDS:
        raise sources.SourceError(f"{ref}: has {words:,} words; articles longer than {MAX_WORDS:,} words"
                                  " are refused")
    article = cleaning.clean(text, title=title)
    body = article.body
    if len(body.split()) < MIN_WORDS:
        feeds = doc.named_feeds() if doc else []
        raise sources.no_article(f"{ref}: has no article text after cleaning", feeds)
    share = nlp.german_share(body)
    warning = None
    if share < nlp.language.MIN_GERMAN_SHARE:
        msg = f"{ref}: does not look German ({share:.0%} German words)"
        if not force:
            raise NotGermanError(msg + "; use --force to import it anyway")
        warning = msg + "; imported because of --force"
    return Prepared(ref=ref, doc=doc or sources.RawDocument(text=text, origin=ref), article=article,
                    warning=warning)


def prepare(ref: str, *, force: bool = False, timeout: float | None = None) -> Prepared:
    doc = sources.read(ref, timeout=timeout)
    return prepare_text(doc.text, ref, force=force, title=doc.title, doc=doc)


_gc_settled = False


FULL_COLLECTION_EVERY = 100  # younger collections per full one in an importing process (CPython: 10)


def _settle_gc() -> None:
    """Once per process, after its first analysis: hide every object alive then from the cyclic garbage
    collector (`gc.freeze`) and run its full collections a tenth as often. The objects alive then are
    mostly the analysis' models and tables, and the word caches that grow during an import live as long;
    each full collection scans them all again (four per 300 articles took 0.1 to 0.2 s, a twentieth of
    the import). An import leaves no reference cycles behind (a full collection after 300 articles finds
    none), so nothing waits longer to be freed; the app imports in a process of its own. Only a cycle
    alive at the freeze and dropped later is never collected."""
    global _gc_settled
    if not _gc_settled:
        _gc_settled = True
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


@dataclass
class Tally:
    """How many results of an import had each outcome (a feed's own result counts for none)."""

    added: int = 0  # a `WARNED` import is added too
    duplicates: int = 0
    refused: int = 0
    skipped: int = 0

    def count(self, outcome: str) -> None:
        if outcome in (ADDED, WARNED):
            self.added += 1
        elif outcome == DUPLICATE:
            self.duplicates += 1
        elif outcome == REFUSED:
            self.refused += 1
        elif outcome == SKIPPED:
            self.skipped += 1

    def __str__(self) -> str:
        """`3 imported, 1 already there, 0 refused.` (and how many were refused before, if any)."""
        before = f", {self.skipped} refused before" if self.skipped else ""
        return f"{self.added} imported, {self.duplicates} already there, {self.refused} refused{before}."


def _duplicate(ref: str, article_id: int, title: str | None = None) -> ImportResult:
    return ImportResult(ref, DUPLICATE, f"{ref}: already in the library (article {article_id})", article_id,
                        title)


def store_prepared(store: Store, p: Prepared) -> ImportResult:
    """Analyse and store a prepared article, unless the same text is already there.

    The stored analysis carries the analysis' own noun genders (suffix rules); the dictionary's are
    looked up when a word is shown, where the gloss needs them with the word's determiner anyway."""
    art = p.article
    existing = store_articles.find_by_hash(store, store_articles.content_hash(art.body))
    if existing is not None:
        return _duplicate(p.ref, existing, art.title)
    tokens = nlp.analyze(art.body)
    _settle_gc()
    try:
        article_id = store_articles.add_article(
            store, title=art.title or p.doc.title or p.ref, body=art.body, tokens=tokens,
            source=art.source or p.doc.source, url=p.doc.url,
            published=art.published or p.doc.published, origin=p.doc.origin,
        )
    except sqlite3.IntegrityError:  # another process stored the same text while this one analysed it
        existing = store_articles.find_by_hash(store, store_articles.content_hash(art.body))
        if existing is None:
            raise
        return _duplicate(p.ref, existing, art.title)
    outcome, message = (WARNED, p.warning) if p.warning else (ADDED, f"{p.ref}: imported “{art.title}”")
    return ImportResult(p.ref, outcome, message, article_id, art.title, len(tokens))


class Pending:
    """The refs still to read, in order, each with whether a feed listed it: a feed's articles are queued
    right after the feed."""

    def __init__(self, refs: Iterable[str]) -> None:
        self._queue = deque((ref, False) for ref in refs)

    def __len__(self) -> int:
        return len(self._queue)

    def __iter__(self) -> Iterator[tuple[str, bool]]:
        while self._queue:
            yield self._queue.popleft()

    def add_feed(self, links: list[str]) -> None:
        self._queue.extendleft((link, True) for link in reversed(links))


def import_ref(store: Store, ref: str, *, listed: bool = False, force: bool = False,
               timeout: float | None = None) -> ImportResult:
    """Import one file or URL; never raises for a bad input (a `REFUSED` result says why in one line).

    Each article is stored in one transaction, so a failure leaves nothing half-imported. A file that
    breaks an unexpected part of the pipeline is refused; database errors are raised, since every further
    article would fail the same way. A news feed's address (RSS or Atom) gives a `FEED` result with the
    addresses of its articles. For an address `listed` in a feed: an article already imported from it is
    not downloaded again, nor one refused before for a lasting reason (not a timeout or a server error),
    and a feed is refused. The result says whether a feed `listed` it.
    """
    result = _import_ref(store, ref, listed, force, timeout)
    result.listed = listed
    return result


def _import_ref(store: Store, ref: str, listed: bool, force: bool, timeout: float | None) -> ImportResult:
    try:
        if listed and (existing := store_articles.find_by_url(store, ref)) is not None:
            return _duplicate(ref, existing)
        if listed and followed.refused_before(store, ref):
            return ImportResult(ref, SKIPPED, f"{ref}: refused before; not downloaded again")
        return store_prepared(store, prepare(ref, force=force, timeout=timeout))
    except sources.IsFeed as exc:
        if listed:
            followed.remember_refusal(store, ref)
            return ImportResult(ref, REFUSED, f"{ref}: is a feed listed in a feed; import it on its own")
        feed = exc.feed
        name = f" “{feed.title}”" if feed.title else ""
        return ImportResult(ref, FEED, f"{ref}: news feed{name} with {feed.size}",
                            title=feed.title, links=feed.links)
    except sources.SourceError as exc:
        if listed and exc.lasting:
            followed.remember_refusal(store, ref)
        named = exc.feed if isinstance(exc, sources.NamesFeed) else None
        return ImportResult(ref, REFUSED, str(exc), names_feed=named)
    except (sqlite3.Error, StoreError):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a directory import
        reason = (str(exc).splitlines() or [""])[0][:200]
        return ImportResult(ref, REFUSED, f"{ref}: could not be imported ({type(exc).__name__}: {reason})")


def import_refs(
    store: Store, refs: list[str], *, force: bool = False, timeout: float | None = None,
    save_cache: bool = True,
) -> Iterator[ImportResult]:
    """Import files, directories, URLs and news feeds one by one (`import_ref`), going on past bad ones;
    a feed's result comes before those of its articles."""
    pending = Pending(sources.expand(refs))
    for ref, listed in pending:
        result = import_ref(store, ref, listed=listed, force=force, timeout=timeout)
        pending.add_feed(result.links)
        yield result
    if save_cache:  # later imports only analyse word types they have not seen
        nlp.save_word_cache()


def import_text(store: Store, text: str, *, ref: str = "<text>", force: bool = False) -> ImportResult:
    return store_prepared(store, prepare_text(text, ref, force=force))


@dataclass
class Reanalysis:
    """One article analysed again: how many of its words now read another lemma."""

    article_id: int
    changed: int


def reanalyze(store: Store, article_ids: Iterable[int], *, save_cache: bool = True) -> Iterator[Reanalysis]:
    """Analyse stored articles again with this lesen's analysis, each replaced in one transaction (an
    interrupted run leaves every article either as it was or done). The learner's statuses stay; an
    article deleted before or while it is analysed is passed over."""
    for article_id in article_ids:
        body = store_articles.get_body(store, article_id)
        if not body:
            continue
        old = store_articles.load_tokens(store, article_id)
        tokens = nlp.analyze(body)
        _settle_gc()
        if not store_articles.replace_analysis(store, article_id, tokens):
            continue
        before = {(t.start, t.end): t.lemma for t in old if t.is_word}
        changed = sum(before.get((t.start, t.end), t.lemma) != t.lemma for t in tokens if t.is_word)
        yield Reanalysis(article_id, changed)
    if save_cache:
        nlp.save_word_cache()
