"""The lesen app: opens the learner database, shows the library, opens articles, asks the level once."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding

from ..store import Store
from ..store import articles as store_articles
from ..store import progress as store_progress
from ..store import terms as store_terms
from . import messages as msg
from .commands import ActionsProvider
from .dialogs import ChoiceDialog
from .library import LibraryScreen
from .queries import ArticleCoverage, has_history

LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"]


class LesenApp(App):
    """Keys are bindings with ids: a JSON object {binding id: keys} in the `keymap` setting remaps them."""

    CSS_PATH = "lesen.tcss"
    TITLE = "lesen"
    HELP_TITLE = "Everywhere"
    COMMANDS = App.COMMANDS | {ActionsProvider}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    def __init__(self, db_path: Path | str, level: str | None = None, *, ask_level: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.level = level.upper() if level else None
        self.ask_level = ask_level
        self.store = Store(self.db_path)
        self.library: LibraryScreen | None = None

    # -- start ------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._apply_settings()
        self.library = LibraryScreen()
        self.push_screen(self.library)
        if not has_history(self.store):
            if self.level:
                self._apply_level(self.level)
            elif self.ask_level:
                self.push_screen(ChoiceDialog(
                    "Welcome to lesen! What is your German level, roughly?\n"
                    "Words common at that level start as known (you can change any word later).",
                    LEVELS), self._level_chosen)

    def warm_up(self) -> None:
        """Once the library shows: load the reader's modules now and open the dictionary in a worker, so
        the first article and the first gloss do not pay for it."""
        from . import reader_screen  # noqa: F401

        self._warm_dictionary()

    @work(thread=True, exclusive=True, group="warm")
    def _warm_dictionary(self) -> None:
        try:
            from ..dictionary import warm
        except ImportError:
            return
        try:
            warm()
        except Exception:  # noqa: BLE001 - warming is best effort; a real lookup reports problems
            pass
        self.post_message(msg.WarmedUp())

    @on(msg.WarmedUp)
    def _warmed_up(self) -> None:
        # The dictionary and frequency lists are large and live as long as the app: keep them out of the
        # garbage collector's scans, which otherwise slow every later allocation-heavy step.
        gc.collect()
        gc.freeze()

    def _apply_settings(self) -> None:
        keymap = self.store.get_setting("keymap")
        if keymap:
            try:
                self.set_keymap(json.loads(keymap))
            except (ValueError, TypeError, AttributeError):
                self.notify("The keymap setting is not a JSON object; default keys are used.",
                            severity="warning")
        theme = self.store.get_setting("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme) -> None:
        self.store.set_setting("theme", theme.name)

    def _level_chosen(self, level: str | None) -> None:
        if level:
            self._apply_level(level)
        else:
            self.store.set_setting("level_asked", "skipped")

    @work(thread=True, exclusive=True, group="level")
    def _apply_level(self, level: str) -> None:
        self.store.set_setting("level_asked", level)
        try:
            from ..scoring.assume import apply_level
        except ImportError:
            self.post_message(msg.Notice(f"Level {level} noted."))
            return
        count = apply_level(self.store, level)
        self.post_message(msg.Notice(f"Level {level}: {count} frequent words assumed known "
                                     "(change any of them while reading)."))
        if self.library is not None:
            self.library.reload()

    @on(msg.Notice)
    def _notice(self, message: msg.Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]

    # -- articles ---------------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        self._load_article(article_id)

    @work(thread=True, exclusive=True, group="open")
    def _load_article(self, article_id: int) -> None:
        store = self.store
        row = store_articles.get_article(store, article_id)
        if row is None:
            self.post_message(msg.Notice("That article is gone.", "error"))
            return
        tokens = store_articles.load_tokens(store, article_id)
        body = store_articles.get_body(store, article_id)
        statuses = store_terms.statuses(store, ArticleCoverage(tokens).lemmas())
        position = store_progress.get_progress(store, article_id).position
        self.post_message(msg.ArticleLoaded(article_id, row.title, body, tokens, statuses, position))

    @on(msg.ArticleLoaded)
    def _article_loaded(self, message: msg.ArticleLoaded) -> None:
        from .reader_screen import ReaderScreen

        if not message.tokens:
            self.notify("This article has no stored analysis.", severity="error")
            return
        self.push_screen(ReaderScreen(message))

    def close_article(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        if self.library is not None:
            self.library.reload()

    # -- other screens ----------------------------------------------------------------------------
    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_export(self, kind: str) -> None:
        """The Anki export or vocabulary-list dialog, when the export module provides it."""
        try:
            from .export_dialogs import open_export
        except ImportError:
            self.notify("Export is not available in this version yet.", severity="warning")
            return
        open_export(self, kind)

    async def action_quit(self) -> None:
        from .reader_screen import ReaderScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.flush_position()
        self.exit()

    def on_unmount(self) -> None:
        self.store.close()
