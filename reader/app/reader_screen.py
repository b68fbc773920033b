"""The reader screen: the article, the word cursor, the gloss panel and the status keys."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..store import progress as store_progress
from ..store import terms as store_terms
from ..store.terms import KNOWN, NEW, STATUS_NAMES
from . import messages as msg
from .article_view import ArticleView
from .dialogs import ConfirmDialog, InputDialog
from .gloss_panel import GlossPanel, panel_content
from .queries import ArticleCoverage, example_sentence, new_lemmas, occurrences, word_info

NARROW = 100  # below this width the gloss panel goes under the text
POSITION_EVERY = 2.0  # seconds between writes of the reading position


class ReaderScreen(Screen):
    """One article. Every status change is written at once (with history) and can be undone with z."""

    HELP_TITLE = "Reader"

    BINDINGS = [
        Binding("1", "status(1)", "Learning 1", show=False, id="reader.learning_1"),
        Binding("2", "status(2)", "Learning 2", show=False, id="reader.learning_2"),
        Binding("3", "status(3)", "Learning 3", show=False, id="reader.learning_3"),
        Binding("4", "status(4)", "Learning 4", show=False, id="reader.learning_4"),
        Binding("5,k", "status(5)", "Known", id="reader.known"),
        Binding("i", "status(98)", "Ignore", id="reader.ignore"),
        Binding("0,u", "status(0)", "New again", show=False, id="reader.new"),
        Binding("e", "edit_gloss", "Own gloss", id="reader.edit_gloss"),
        Binding("K", "all_known", "All new → known", id="reader.all_known"),
        Binding("z", "undo", "Undo", id="reader.undo"),
        Binding("escape,q", "back", "Library", id="reader.back"),
    ]

    def __init__(self, article: msg.ArticleLoaded) -> None:
        super().__init__(id="reader")
        self.article_id = article.article_id
        self.title_text = article.title
        self.tokens = article.tokens
        self.statuses = article.statuses
        self.start_position = article.position
        self.counts: Counter[str] = occurrences(article.tokens)
        self.coverage = ArticleCoverage(article.tokens)
        self._body = article.body
        self._write_lock = asyncio.Lock()
        self.finished = False
        self._pending_position: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="reader-header")
        with Container(id="reader-body"):
            # kept as attributes: nested children mount after this screen's on_mount may already run
            self.view = ArticleView(self._body, self.tokens, self.statuses, start=self.start_position,
                                    id="article")
            self.panel = GlossPanel(id="gloss")
            yield self.view
            yield self.panel
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.update_header()
        self.set_interval(POSITION_EVERY, self._save_pending)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def update_header(self) -> None:
        """Title and the live known share of the article's running words."""
        cov = self.coverage(self.statuses)
        self.query_one("#reader-header", Static).update(Content.assemble(
            (f"{cov.share:.1%} known", "bold $text-accent"), f" · {cov.new_lemmas} new · ",
            (self.title_text, "bold")))

    # -- cursor and gloss -------------------------------------------------------------------------
    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._gloss(message.index, self.panel.text_width)
        self._pending_position = self.view.word_number(message.index)  # written every 2 s and when leaving

    def _save_pending(self) -> None:
        if self._pending_position is not None:
            index, self._pending_position = self._pending_position, None
            self._save_position(index)

    def flush_position(self) -> None:
        """Write the reading position now (leaving the article or quitting: a single small write)."""
        if self._pending_position is not None:
            index, self._pending_position = self._pending_position, None
            store_progress.save_position(self.app.store, self.article_id, index)

    @work(thread=True, exclusive=True, group="gloss")
    def _gloss(self, index: int, width: int) -> None:
        store = self.app.store
        t = self.tokens[index]
        info = word_info(store, self.tokens, index, self.statuses.get(t.lemma, NEW), self.counts[t.lemma])
        info.example = example_sentence(store, t.lemma, self.article_id)
        self.post_message(msg.GlossReady(info, panel_content(info, width)))  # one message, one repaint

    @on(msg.GlossReady)
    def _gloss_ready(self, message: msg.GlossReady) -> None:
        if message.info.index == self.view.cursor:
            self.panel.show(message.info, message.content)
            self.view.show_phrase(message.info.phrase_tokens)

    @work(thread=True, exclusive=True, group="position")
    def _save_position(self, index: int) -> None:
        store_progress.save_position(self.app.store, self.article_id, index)

    @on(ArticleView.ReachedEnd)
    def _reached_end(self) -> None:
        if not self.finished:
            self.finished = True
            self._finish()

    @work(thread=True, group="position")
    def _finish(self) -> None:
        if store_progress.mark_finished(self.app.store, self.article_id):
            self.post_message(msg.Notice("Article finished — recorded as read."))

    @on(msg.Notice)
    def _notice(self, message: msg.Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]

    # -- statuses ---------------------------------------------------------------------------------
    def current_token(self):
        index = self.view.cursor
        if 0 <= index < len(self.tokens):
            return self.tokens[index]
        return None

    def action_status(self, status: int) -> None:
        t = self.current_token()
        if t is None:
            return
        if t.kind != "word":
            self.notify("Names, numbers and punctuation have no status.", timeout=2)
            return
        lemma = t.lemma
        self._write(lambda store: self._set(store, [lemma], status),
                    f"{lemma}: {STATUS_NAMES[status]}")

    @staticmethod
    def _set(store, lemmas: list[str], status: int) -> dict[str, int]:
        store_terms.set_statuses(store, lemmas, status)
        return dict.fromkeys(lemmas, status)

    def action_all_known(self) -> None:
        lemmas = new_lemmas(self.tokens, self.statuses)
        if not lemmas:
            self.notify("No new words left in this article.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(lambda store: self._set(store, lemmas, KNOWN),
                            f"{len(lemmas)} words marked known")

        self.app.push_screen(ConfirmDialog(
            f"Mark all {len(lemmas)} still-new words of this article as known?\n(z undoes it)", "Mark known"),
            answered)

    def action_undo(self) -> None:
        def undo(store) -> dict[str, int]:
            return dict(store_terms.undo_last(store))

        self._write(undo, "undone", empty="Nothing to undo.")

    def action_edit_gloss(self) -> None:
        t = self.current_token()
        if t is None or t.kind not in ("word", "name"):
            return
        lemma = t.lemma
        current = store_terms.get_gloss(self.app.store, lemma) or ""

        def answered(text: str | None) -> None:
            if text is not None:
                self._write(lambda store: self._gloss_set(store, lemma, text.strip()), "gloss saved")

        self.app.push_screen(InputDialog(f"Your gloss for “{lemma}” (empty removes it):", current), answered)

    @staticmethod
    def _gloss_set(store, lemma: str, text: str) -> dict[str, int]:
        store_terms.set_gloss(store, lemma, text or None)
        return {}

    @work(group="db")
    async def _write(self, change: Callable, note: str, empty: str = "") -> None:
        """Run one database change off the event loop, in the order the keys were pressed."""
        async with self._write_lock:
            try:
                changes = await asyncio.to_thread(change, self.app.store)
            except Exception as exc:  # noqa: BLE001 - show any database problem, keep reading
                self.post_message(msg.Notice(f"Could not save: {exc}", "error"))
                return
        self.post_message(msg.StatusesChanged(changes, note if changes or not empty else empty))

    @on(msg.StatusesChanged)
    def _statuses_changed(self, message: msg.StatusesChanged) -> None:
        if message.changes:
            self.view.set_statuses(message.changes)
        self.update_header()
        if message.note:
            self.notify(message.note, timeout=2)
        if self.view.cursor >= 0:
            self._gloss(self.view.cursor, self.panel.text_width)

    def action_back(self) -> None:
        self.flush_position()
        self.app.close_article()

