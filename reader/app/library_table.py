"""The library as a Line-API table: only visible rows are drawn, so 1,000 articles show at once."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from .queries import LibraryRow


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int  # 0: takes the remaining width
    right: bool = False


COLUMNS = [
    Column("title", "Title", 0), Column("source", "Source", 14), Column("date", "Date", 10),
    Column("words", "Words", 6, True), Column("level", "Level", 5), Column("known", "Known", 6, True),
    Column("new", "New", 5, True), Column("progress", "Read", 7),
]
GAP = 1
MIN_TITLE = 16


NARROW_HIDDEN = ("source", "date")  # left out below NARROW_TABLE cells, so titles stay readable
NARROW_TABLE = 96


def widths(total: int) -> list[int]:
    """Column widths for a table `total` cells wide (the title takes what the others leave; 0 = hidden)."""
    hidden = NARROW_HIDDEN if total < NARROW_TABLE else ()
    shown = [c for c in COLUMNS if c.key not in hidden]
    fixed = sum(c.width for c in shown) + GAP * (len(shown) - 1)
    return [0 if c.key in hidden else c.width or max(MIN_TITLE, total - fixed) for c in COLUMNS]


def cell_texts(row: LibraryRow) -> list[str]:
    known = f"{row.known:.0%}" if row.known is not None else "…"
    new = str(row.new_words) if row.new_words is not None else "…"
    return [row.title, row.source, row.date, str(row.words), row.level or "–", known, new, row.progress]


def fit(text: str, width: int, right: bool = False) -> str:
    if len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return text.rjust(width) if right else text.ljust(width)


def line_text(cells: list[str], total: int) -> str:
    return (" " * GAP).join(fit(t, w, c.right)
                            for t, w, c in zip(cells, widths(total), COLUMNS, strict=True) if w)


class LibraryHeader(Static):
    """The column labels; a click on one sorts by it."""

    class Sort(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    total = 80

    def show(self, sort_key: str, reverse: bool, total: int) -> None:
        self.total = total
        labels = [c.label + ((" ▼" if reverse else " ▲") if c.key == sort_key else "") for c in COLUMNS]
        self.update(line_text(labels, total))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x = 0
        for column, width in zip(COLUMNS, widths(self.total), strict=True):
            if not width:
                continue
            if x <= offset.x < x + width + GAP:
                self.post_message(self.Sort(column.key))
                return
            x += width + GAP


class LibraryTable(ScrollView, can_focus=True, inherit_bindings=False):
    """A row cursor over the articles; Enter (or a click on the highlighted row) opens one."""

    HELP_TITLE = "Library table"
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"library-table--cursor", "library-table--even", "library-table--read"}

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False, id="table.down"),
        Binding("up", "move(-1)", "Up", show=False, id="table.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="table.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page_up"),
        Binding("home", "edge(0)", "First", show=False, id="table.home"),
        Binding("end", "edge(1)", "Last", show=False, id="table.end"),
        Binding("enter", "select", "Open", id="table.open"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    class Selected(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[LibraryRow] = []
        self._strips: dict[tuple[int, bool], Strip] = {}
        self._width = 0

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: list[LibraryRow], keep: int | None = None) -> None:
        """Show these rows, keeping the cursor on article `keep` when it is among them."""
        self.rows = rows
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        index = next((n for n, r in enumerate(rows) if r.id == keep), 0) if keep is not None else 0
        self.set_reactive(LibraryTable.cursor, min(index, max(0, len(rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()

    def current_id(self) -> int | None:
        return self.rows[self.cursor].id if 0 <= self.cursor < len(self.rows) else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        on_cursor = index == self.cursor
        key = (index, on_cursor)
        if width != self._width:
            self._width = width
            self._strips.clear()
        strip = self._strips.get(key)
        if strip is None:
            row = self.rows[index]
            style: Style = self.rich_style
            if index % 2:
                style += self.get_component_rich_style("library-table--even", partial=True)
            if row.progress == "read":
                style += self.get_component_rich_style("library-table--read", partial=True)
            if on_cursor:
                style += self.get_component_rich_style("library-table--cursor", partial=True)
            text = line_text(cell_texts(row), width)
            strip = Strip([Segment(text, style)], len(text))
            if len(self._strips) > 2000:
                self._strips.clear()
            self._strips[key] = strip
        return strip.crop_extend(0, width, self.rich_style)

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            self.refresh_line(index)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, end: int) -> None:
        if self.rows:
            self.cursor = len(self.rows) - 1 if end else 0

    def action_select(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.post_message(self.Selected(article_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if 0 <= index < len(self.rows):
            self.focus()
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_select()
            else:
                self.cursor = index
