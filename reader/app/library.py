"""The library screen: the articles as a sortable, filterable table."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from . import messages as msg
from .dialogs import ConfirmDialog, InputDialog
from .library_table import COLUMNS, LibraryHeader, LibraryTable
from .queries import LibraryRow, library_rows, personal_columns

WATCH_EVERY = 2.0  # seconds between checks for changes other processes made


def _sort_value(row: LibraryRow, key: str):
    if key in ("title", "source"):
        return getattr(row, key).casefold()
    if key == "known":
        return row.known if row.known is not None else -1
    if key == "new":
        return row.new_words if row.new_words is not None else -1
    if key == "level":
        return row.level or "~"
    return getattr(row, key)


class LibraryScreen(Screen):
    """Enter opens the highlighted article; the keys below act on it or on the library."""

    HELP_TITLE = "Library"

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("o", "import", "Import", id="library.import"),
        Binding("delete", "delete", "Delete", id="library.delete"),
        Binding("s", "stats", "Stats", id="library.stats"),
        Binding("x", "export_anki", "Anki", id="library.export_anki"),
        Binding("v", "vocabulary", "Vocab list", id="library.vocabulary"),
        Binding("u", "update_feeds", "Update feeds", show=False, id="library.update_feeds"),
        Binding("less_than_sign", "sort(-1)", "Sort by previous column", show=False,
                id="library.sort_previous"),
        Binding("greater_than_sign", "sort(1)", "Sort by next column", show=False, id="library.sort_next"),
        Binding("r", "reverse", "Reverse sort", show=False, id="library.reverse"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear_filter"),
    ]

    def __init__(self) -> None:
        super().__init__(id="library")
        self.rows: list[LibraryRow] = []
        self.sort_key = "date"
        self.sort_reverse = True
        self.filter_text = ""
        self._warmed = False
        self._data_version: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("lesen — library", id="library-header")
        yield Input(placeholder="filter by title or source (Escape clears)", id="filter")
        yield LibraryHeader(id="columns")
        yield LibraryTable(id="articles")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Static("", id="library-status")
        yield Footer()

    @property
    def table(self) -> LibraryTable:
        return self.query_one(LibraryTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()
        self.set_interval(WATCH_EVERY, self._watch)
        self._update_analysis()

    @work(thread=True, group="reanalyze")
    def _update_analysis(self) -> None:
        """Articles an older lesen analysed are analysed again, in the importing process, one by one."""
        from ..store.articles import stale_articles
        from .importer import finish, import_process, reanalyze_one

        ids = stale_articles(self.app.store)
        if not ids:
            return
        what = f"updating the analysis of {len(ids)} article{'s' * (len(ids) != 1)}"
        self.post_message(msg.ImportProgress(0, len(ids), what + "…"))
        try:
            with import_process() as pool:
                for done, article_id in enumerate(ids, 1):
                    pool.submit(reanalyze_one, str(self.app.db_path), article_id).result()
                    self.post_message(msg.ImportProgress(done, len(ids), what + "…"))
                pool.submit(finish).result()
        except Exception as exc:  # noqa: BLE001 - the articles keep their older analysis
            self.post_message(msg.AnalysisUpdated(len(ids), f"{what} failed ({exc})"))
            return
        self.post_message(msg.AnalysisUpdated(len(ids)))

    @on(msg.AnalysisUpdated)
    def _analysis_updated(self, message: msg.AnalysisUpdated) -> None:
        s = "s" * (message.articles != 1)
        text = message.error or f"{message.articles} article{s} analysed again by this lesen"
        self._progress_done(text, text, "warning" if message.error else "information")

    def _progress_done(self, status: str, notice: str, severity: str) -> None:
        """A background job finished: the progress bar hidden, its outcome said, the table read again."""
        self.query_one("#import-progress", ProgressBar).remove_class("-shown")
        self.query_one("#library-status", Static).update(status)
        self.notify(notice, severity=severity)  # type: ignore[arg-type]
        self.reload()

    def on_resize(self) -> None:
        self._show_header()

    # -- loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._load_rows()

    @work(thread=True, exclusive=True, group="library-load")
    def _load_rows(self) -> None:
        self.post_message(msg.LibraryLoaded(library_rows(self.app.store)))

    @work(thread=True, exclusive=True, group="library-watch")
    def _watch(self) -> None:
        """Notice commits of other processes (SQLite's data_version) and reload the table then."""
        version = self.app.store.data_version()
        if self._data_version is not None and version != self._data_version:
            self.post_message(msg.LibraryChangedElsewhere())
        self._data_version = version

    @on(msg.LibraryChangedElsewhere)
    def _changed_elsewhere(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="library-columns")
    def _load_columns(self) -> None:
        self.post_message(msg.ColumnsLoaded(personal_columns(self.app.store)))

    @on(msg.LibraryLoaded)
    def _rows_loaded(self, message: msg.LibraryLoaded) -> None:
        old = {r.id: r for r in self.rows}
        for row in message.rows:  # keep the personal columns until fresh ones arrive
            if row.id in old and row.known is None:
                row.known, row.new_words = old[row.id].known, old[row.id].new_words
                row.level = row.level or old[row.id].level
        self.rows = message.rows
        self.fill()
        self.call_after_refresh(self._load_columns)  # after the table is on screen
        if not self._warmed:
            self._warmed = True
            self.call_after_refresh(self.app.warm_up)

    @on(msg.ColumnsLoaded)
    def _columns_loaded(self, message: msg.ColumnsLoaded) -> None:
        for row in self.rows:
            col = message.columns.get(row.id)
            if col:
                row.level = col.get("level") or row.level
                row.known = col.get("known")
                row.new_words = col.get("new_words")
        self.fill()

    def visible_rows(self) -> list[LibraryRow]:
        needle = self.filter_text.casefold()
        rows = [r for r in self.rows if needle in r.title.casefold() or needle in r.source.casefold()]
        rows.sort(key=lambda r: _sort_value(r, self.sort_key), reverse=self.sort_reverse)
        return rows

    def _show_header(self) -> None:
        self.query_one(LibraryHeader).show(self.sort_key, self.sort_reverse,
                                           self.table.scrollable_content_region.width)

    def fill(self) -> None:
        """Show `rows` filtered and sorted, keeping the highlighted article."""
        table = self.table
        table.set_rows(self.visible_rows(), keep=table.current_id())
        self._show_header()
        count = len(self.rows)
        self.query_one("#library-header", Static).update(
            f"lesen — {count} article{'s' if count != 1 else ''}"
            + (f" ({table.row_count} shown, filter “{self.filter_text}”)" if self.filter_text else "")
            + ("" if count else " — press o to import a file, folder or URL"))

    def current_id(self) -> int | None:
        return self.table.current_id()

    # -- actions ----------------------------------------------------------------------------------
    def action_open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.app.open_article(article_id)

    @on(LibraryTable.Selected)
    def _row_selected(self, event: LibraryTable.Selected) -> None:
        event.stop()
        self.app.open_article(event.article_id)

    @on(LibraryHeader.Sort)
    def _header_clicked(self, event: LibraryHeader.Sort) -> None:
        same = event.key == self.sort_key
        self.sort_reverse = not self.sort_reverse if same else event.key in ("words", "known", "date")
        self.sort_key = event.key
        self.fill()

    def action_sort(self, step: int) -> None:
        keys = [c.key for c in COLUMNS]
        self.sort_key = keys[(keys.index(self.sort_key) + step) % len(keys)]
        self.fill()
        label = next(c.label for c in COLUMNS if c.key == self.sort_key)
        self.notify(f"Sorted by {label.lower()}", timeout=1.5)

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.fill()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        box.remove_class("-shown")
        self.filter_text = ""
        self.fill()
        self.table.focus()

    def action_delete(self) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        title = next((r.title for r in self.rows if r.id == article_id), str(article_id))

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(article_id)

        self.app.push_screen(ConfirmDialog(f"Delete “{title}”?\nThe statuses of its words stay.", "Delete"),
                             answered)

    @work(thread=True, group="db")
    def _delete(self, article_id: int) -> None:
        from ..store.articles import delete_article

        delete_article(self.app.store, article_id)
        self.post_message(msg.ArticleDeleted(article_id))

    @on(msg.ArticleDeleted)
    def _deleted(self, message: msg.ArticleDeleted) -> None:
        self.rows = [r for r in self.rows if r.id != message.article_id]
        self.fill()
        self.notify("Article deleted.")

    def action_import(self) -> None:
        def answered(ref: str | None) -> None:
            if ref and ref.strip():
                self._import(ref.strip())

        self.app.push_screen(InputDialog("Import a file, a folder, a URL or a news feed:",
                                         placeholder="path or https://…"),
                             answered)

    def action_update_feeds(self) -> None:
        self._import(None)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, ref: str | None) -> None:
        """Import a file, folder, URL or feed; None: what the followed feeds list that is not imported yet."""
        from .. import library
        from ..store.feeds import subscriptions
        from .importer import finish, import_one, import_process

        followed = [s.url for s in subscriptions(self.app.store)]
        try:
            refs = library.sources.expand([ref]) if ref else followed
        except library.sources.SourceError as exc:
            self.post_message(msg.Notice(str(exc), "error"))
            return
        if not refs:
            self.post_message(msg.Notice("You follow no feeds yet: press o and give a news feed's address "
                                         "(a news site's page will do)", "warning"))
            return
        tally, done = library.Tally(), 0
        refused: list[str] = []
        new_feed = named_feed = None
        pending = library.Pending(refs)
        self.post_message(msg.ImportProgress(0, len(pending), "starting the analysis…"))
        try:
            db = str(self.app.db_path)
            with import_process() as pool:
                for one, listed in pending:
                    self.post_message(msg.ImportProgress(done, done + 1 + len(pending), f"importing {one}"))
                    outcome, message, links, title, names = pool.submit(import_one, db, one, listed).result()
                    done += 1
                    pending.add_feed(links)
                    tally.count(outcome)
                    if outcome == library.FEED and one not in followed:
                        new_feed = (one, title)
                    elif outcome == library.REFUSED and names and one == ref:
                        named_feed = (one, names)  # the dialog that offers the feed says why
                    elif outcome == library.REFUSED:
                        refused.append(message)
                pool.submit(finish).result()
        except Exception as exc:  # noqa: BLE001 - a failed import is reported, the app goes on
            refused.append(f"{ref or 'feeds'}: import failed ({exc})")
            tally.count(library.REFUSED)
        self.post_message(msg.ImportProgress(done, done, "done"))
        self.post_message(msg.ImportFinished(tally, refused, new_feed, named_feed))

    @on(msg.ImportProgress)
    def _import_progress(self, message: msg.ImportProgress) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.add_class("-shown")
        bar.update(total=max(1, message.total), progress=message.done)
        self.query_one("#library-status", Static).update(message.message)

    @on(msg.ImportFinished)
    def _import_finished(self, message: msg.ImportFinished) -> None:
        text = str(message.tally)
        self._progress_done(text, text + ("\n" + "\n".join(message.refused[:3]) if message.refused else ""),
                            "warning" if message.refused else "information")
        if message.named_feed:  # a site's front page, say: its feed is what to import
            page, feed = message.named_feed

            def import_feed(yes: bool | None) -> None:
                if yes:
                    self._import(feed)

            question = f"{page} is no article, but it names the news feed\n{feed}\nImport its articles?"
            self.app.push_screen(ConfirmDialog(question, "Import"), import_feed)
        if message.new_feed:
            url, title = message.new_feed

            def answered(yes: bool | None) -> None:
                if yes:
                    self._follow(url, title)

            question = f"Follow “{title or url}”?\n`u` then imports its new articles."
            self.app.push_screen(ConfirmDialog(question, "Follow"), answered)

    @work(thread=True, group="db")
    def _follow(self, url: str, title: str | None) -> None:
        from ..store.feeds import follow

        follow(self.app.store, url, title)
        self.post_message(msg.Notice(f"Following {title or url}: u imports its new articles.", "information"))

    @on(msg.Notice)
    def _notice(self, message: msg.Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]

    def action_stats(self) -> None:
        from .stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def action_export_anki(self) -> None:
        self.app.open_export("anki")

    def action_vocabulary(self) -> None:
        self.app.open_export("vocabulary")

