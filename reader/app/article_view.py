"""The article as a Line-API widget: own word wrapping, a per-line strip cache and geometry hit-testing.

Only the lines whose look changed are redrawn (the old and new cursor lines on a move; everything after
a status change). Status colours are component classes, so the stylesheet and the theme decide them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..nlp.tokens import NAME, WORD, Token
from ..store.terms import IGNORED, KNOWN, NEW

_CHUNK = re.compile(r"\S+")
SELECTABLE = (WORD, NAME)
FIRST_WRAP = 1500  # tokens wrapped before the first paint of a long article (several screens' worth)


@dataclass(slots=True)
class Line:
    """One wrapped row: its text and the tokens on it as (start column, end column, token index)."""

    text: str = ""
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # start columns of the selectable spans
    hits: list[tuple[int, int, int]] = field(default_factory=list)  # the selectable spans


def wrap(body: str, tokens: list[Token], width: int) -> tuple[list[Line], dict[int, tuple[int, int, int]]]:
    """Wrap paragraphs greedily at `width`; returns the lines and, per token, (line, start col, end col)."""
    width = max(8, width)
    lines: list[Line] = []
    where: dict[int, tuple[int, int, int]] = {}
    n, k = len(tokens), 0
    while k < n:
        paragraph, j = tokens[k].paragraph, k
        while j < n and tokens[j].paragraph == paragraph:
            j += 1
        para, k = tokens[k:j], j
        if lines:
            lines.append(Line())
        first = len(lines)
        starts: list[int] = []  # body offset where each placed piece starts
        placed: list[tuple[int, int, int]] = []  # (body end, line, column) of each piece
        parts: list[str] = []
        col = 0
        for m in _CHUNK.finditer(body, para[0].start, para[-1].end):
            cs, ce = m.span()
            while ce - cs > width:  # a chunk longer than a line is cut
                if col:
                    lines.append(Line(" ".join(parts)))
                    parts, col = [], 0
                starts.append(cs)
                placed.append((cs + width, len(lines), 0))
                lines.append(Line(body[cs : cs + width]))
                cs += width
            size = ce - cs
            if col and col + 1 + size > width:
                lines.append(Line(" ".join(parts)))
                parts, col = [], 0
            at = col + 1 if col else 0
            starts.append(cs)
            placed.append((ce, len(lines), at))
            parts.append(body[cs:ce])
            col = at + size
        if parts or len(lines) == first:
            lines.append(Line(" ".join(parts)))
        p = 0
        last = len(starts) - 1
        for t in para:
            start = t.start
            while p < last and starts[p + 1] <= start:
                p += 1
            ps = starts[p]
            pe, row, pcol = placed[p]
            x0 = pcol + (start - ps if start > ps else 0)
            x1 = x0 + ((t.end if t.end < pe else pe) - (start if start > ps else ps))
            if x1 <= x0:
                x1 = x0 + 1
            if x1 > width:
                x1 = width
            where[t.i] = (row, x0, x1)
            line = lines[row]
            line.spans.append((x0, x1, t.i))
            if t.kind in SELECTABLE:
                line.starts.append(x0)
                line.hits.append((x0, x1, t.i))
            while t.end > pe and p < last:  # a word written with spaces (`z. B.`) goes on in the next piece
                p += 1
                ps = starts[p]
                pe, row, pcol = placed[p]
                x1 = pcol + min(t.end, pe) - ps
                lines[row].spans.append((pcol, x1, t.i))
                if t.kind in SELECTABLE:
                    lines[row].hits.append((pcol, x1, t.i))
    return lines, where


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Every word coloured by the learner's status for its lemma, with a word cursor."""

    HELP_TITLE = "Reading cursor"
    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "article-view--new",
        "article-view--learning-1",
        "article-view--learning-2",
        "article-view--learning-3",
        "article-view--learning-4",
        "article-view--known",
        "article-view--ignored",
        "article-view--name",
        "article-view--cursor",
        "article-view--partner",
    }

    BINDINGS = [
        Binding("right", "move(1)", "Next word", show=False, id="cursor.right"),
        Binding("left", "move(-1)", "Previous word", show=False, id="cursor.left"),
        Binding("down", "line(1)", "Line down", show=False, id="cursor.down"),
        Binding("up", "line(-1)", "Line up", show=False, id="cursor.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="cursor.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="cursor.page_up"),
        Binding("home", "edge(0)", "First word", show=False, id="cursor.home"),
        Binding("end", "edge(1)", "Last word", show=False, id="cursor.end"),
        Binding("n", "new_word(1)", "Next new", id="cursor.next_new"),
        Binding("N", "new_word(-1)", "Prev new", show=False, id="cursor.previous_new"),
    ]

    cursor: reactive[int] = reactive(-1, repaint=False, init=False)

    class CursorMoved(Message):
        """The word cursor is on another token."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class ReachedEnd(Message):
        """The learner reached the last line of the article."""

    def __init__(self, body: str, tokens: list[Token], statuses: dict[str, int], start: int = 0,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.start = start
        self.body = body
        self.tokens = tokens
        self.statuses = statuses
        self.selectable = [t.i for t in tokens if t.kind in SELECTABLE]
        self._rank = {i: n for n, i in enumerate(self.selectable)}
        self.lines: list[Line] = []
        self.where: dict[int, tuple[int, int, int]] = {}
        self._width = -1
        self._partial = False
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self.phrase: frozenset[int] = frozenset()  # the verb phrase under the cursor (drawn like a partner)
        self.renders = 0  # lines rendered (not from the cache): for tests and benchmarks

    def on_mount(self) -> None:
        self.focus()
        if self.selectable:  # `start` is a word number (the saved reading position)
            self.place_cursor(self.selectable[max(0, min(self.start, len(self.selectable) - 1))])

    # -- layout -----------------------------------------------------------------------------------
    def _ensure_layout(self, complete: bool = True) -> bool:
        """Wrap for the current width. For the first paint of a long article (`complete=False`) only its
        beginning is wrapped; the rest follows right after that paint."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return False
        if width != self._width or (complete and self._partial):
            self._width = width
            partial = not complete and len(self.tokens) > FIRST_WRAP and self.cursor < FIRST_WRAP // 2
            tokens = self.tokens[:FIRST_WRAP] if partial else self.tokens
            self.lines, self.where = wrap(self.body, tokens, width)
            self._partial = partial
            self._strips.clear()
            estimate = len(self.lines) * len(self.tokens) // FIRST_WRAP if partial else len(self.lines)
            self.virtual_size = Size(width, estimate)
            if partial:
                self.call_after_refresh(self._complete_layout)
            elif self.cursor >= 0:
                self.call_after_refresh(self.scroll_to_cursor)
        return True

    def _complete_layout(self) -> None:
        if self._partial and self._ensure_layout():
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout(complete=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- rendering --------------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"article-view--{name}", partial=True)
        return style

    def token_class(self, t: Token) -> str | None:
        if t.kind == NAME:
            return "name"
        if t.kind != WORD:
            return None
        status = self.statuses.get(t.lemma, NEW)
        if status == NEW:
            return "new"
        if status == KNOWN:
            return "known"
        if status == IGNORED:
            return "ignored"
        return f"learning-{status}"

    def partner(self, index: int) -> int | None:
        if 0 <= index < len(self.tokens):
            verb = self.tokens[index].verb
            if verb and verb.get("other") is not None:
                return int(verb["other"])
        return None

    def _render_text_line(self, y: int) -> Strip:
        strip = self._strips.get(y)
        if strip is not None:
            return strip
        self.renders += 1
        line = self.lines[y]
        base = self.rich_style
        cursor = self.cursor
        partner = self.partner(cursor)
        segments: list[Segment] = []
        col = 0
        for x0, x1, i in line.spans:
            if x0 > col:
                segments.append(Segment(line.text[col:x0], base))
            elif x0 < col:  # overlapping spans after a cut chunk
                continue
            style = base
            name = self.token_class(self.tokens[i])
            if name:
                style = style + self._style(name)
            if i == cursor:
                style = style + self._style("cursor")
            elif i == partner or i in self.phrase:
                style = style + self._style("partner")
            segments.append(Segment(line.text[x0:x1], style))
            col = x1
        if col < len(line.text):
            segments.append(Segment(line.text[col:], base))
        strip = Strip(segments, len(line.text))
        if len(self._strips) > 4000:
            self._strips.clear()
        self._strips[y] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        self._ensure_layout(complete=False)
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        return self._render_text_line(index).crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _rows(self, index: int) -> range:
        """The lines a token is on: its first, and the next for a word written with spaces (`z. B.`)."""
        y = self.where[index][0]
        return range(y, y + 1 + (" " in self.tokens[index].text))

    def _redraw_token(self, index: int | None) -> None:
        if index is None or index not in self.where:
            return
        for y in self._rows(index):
            self._strips.pop(y, None)
            self.refresh_line(y)

    def set_statuses(self, changes: dict[str, int]) -> None:
        """Apply status changes and redraw only the lines holding those lemmas."""
        self.statuses.update(changes)
        rows = {y for t in self.tokens if t.lemma in changes and t.i in self.where for y in self._rows(t.i)}
        for y in rows:
            self._strips.pop(y, None)
            self.refresh_line(y)

    # -- cursor -----------------------------------------------------------------------------------
    def show_phrase(self, indices: Iterable[int]) -> None:
        """Draw these tokens (a verb phrase of the cursor's sentence: `zur Verfügung stellen`) as partners."""
        old, self.phrase = self.phrase, frozenset(indices)
        for index in old ^ self.phrase:
            self._redraw_token(index)

    def watch_cursor(self, old: int, new: int) -> None:
        self._ensure_layout()
        if new not in self.phrase:  # the gloss of the new word brings its own phrase, if any
            self.show_phrase(())
        for index in (old, self.partner(old), new, self.partner(new)):
            self._redraw_token(index)
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(new))
        if self.lines and new in self.where and self.selectable:
            if self.where[new][0] >= self.where[self.selectable[-1]][0]:
                self.post_message(self.ReachedEnd())

    def scroll_to_cursor(self) -> None:
        if not self._ensure_layout() or self.cursor not in self.where:
            return
        y = self.where[self.cursor][0]
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if y < top:
            self.scroll_to(y=max(0, y - 1), animate=False, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 2, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        """Put the cursor on a selectable token (the nearest one at or after `index`)."""
        if not self.selectable:
            return
        k = min(bisect_right(self.selectable, index - 1), len(self.selectable) - 1)
        self.cursor = self.selectable[k]

    def word_number(self, index: int) -> int:
        """The position of a token among the article's words (what the reading position stores)."""
        return self._rank.get(index, 0)

    def place_cursor(self, index: int) -> None:
        """Put the cursor near `index` before the first paint; it is announced once the text is shown."""
        if not self.selectable:
            return
        k = min(bisect_right(self.selectable, index - 1), len(self.selectable) - 1)
        self.set_reactive(ArticleView.cursor, self.selectable[k])
        self.call_after_refresh(self._announce)

    def _announce(self) -> None:
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self.cursor))

    def action_move(self, step: int) -> None:
        if not self.selectable:
            return
        k = self._rank.get(self.cursor, -1 if step > 0 else len(self.selectable))
        self.cursor = self.selectable[max(0, min(len(self.selectable) - 1, k + step))]

    def _nearest_on_line(self, y: int, x: int) -> int | None:
        hits = self.lines[y].hits
        if not hits:
            return None
        return min(hits, key=lambda h: 0 if h[0] <= x < h[1] else min(abs(h[0] - x), abs(h[1] - 1 - x)))[2]

    def _go_line(self, target: int, step: int) -> None:
        if not self._ensure_layout() or not self.selectable:
            return
        if self.cursor not in self.where:
            self.cursor = self.selectable[0]
            return
        _, x0, _ = self.where[self.cursor]
        y = max(0, min(len(self.lines) - 1, target))
        while 0 <= y < len(self.lines):
            found = self._nearest_on_line(y, x0)
            if found is not None:
                self.cursor = found
                return
            y += step
        self.action_edge(0 if step < 0 else 1)

    def action_line(self, step: int) -> None:
        self._ensure_layout()
        line = self.where.get(self.cursor, (0, 0, 0))[0]
        self._go_line(line + step, step)

    def action_page(self, step: int) -> None:
        self._ensure_layout()
        line = self.where.get(self.cursor, (0, 0, 0))[0]
        page = max(1, self.scrollable_content_region.height - 1)
        self._go_line(line + step * page, step)
        self.scroll_to(y=self.scroll_offset.y + step * page, animate=False, immediate=True)
        self.scroll_to_cursor()

    def action_edge(self, end: int) -> None:
        if self.selectable:
            self.cursor = self.selectable[-1 if end else 0]

    def action_new_word(self, step: int) -> None:
        k = self._rank.get(self.cursor, -1)
        order = range(k + 1, len(self.selectable)) if step > 0 else range(k - 1, -1, -1)
        for n in order:
            t = self.tokens[self.selectable[n]]
            if t.kind == WORD and self.statuses.get(t.lemma, NEW) == NEW:
                self.cursor = t.i
                return
        self.notify("No more new words this way.", timeout=2)

    # -- mouse ------------------------------------------------------------------------------------
    def token_at(self, x: int, y: int) -> int | None:
        """The selectable token at virtual (x, y), or None on spaces, punctuation and blank lines."""
        self._ensure_layout()
        if not 0 <= y < len(self.lines):
            return None
        line = self.lines[y]
        k = bisect_right(line.starts, x) - 1
        if k >= 0 and x < line.hits[k][1]:
            return line.hits[k][2]
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.token_at(offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y)
        if index is not None:
            event.stop()
            self.focus()
            self.cursor = index
