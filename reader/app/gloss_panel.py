"""The gloss panel: the word under the cursor, its dictionary entry, status and where else it occurs."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from .queries import WordInfo


def _e(text: object) -> str:
    return Content(str(text)).markup


def gloss_markup(info: WordInfo) -> str:
    """The panel's text as Textual markup (theme variables, so it follows the theme)."""
    lines = [f"[b $text-accent]{_e(info.headword)}[/]  [dim]{_e(info.pos)}[/]"]
    if info.text != info.lemma:
        lines.append(f"[dim]form:[/] {_e(info.text)}")
    if info.plural:
        lines.append(f"[dim]plural:[/] {_e(info.plural)}")
    if info.separable:
        lines.append(f"[dim]separable verb:[/] {_e(info.separable)}")
    if info.kind == "word":
        lines.append(f"[dim]status:[/] [b]{_e(info.status_name)}[/]")
    else:  # the reader refuses a status for them, and they are never counted as unknown
        lines.append(f"[dim]a {_e(info.kind)}: never counted as unknown[/]")
    if info.user_gloss:
        lines.append(f"[dim]your gloss:[/] [b]{_e(info.user_gloss)}[/]")
    if info.phrase:
        lines.append("")
        lines.append(f"[dim]in this sentence:[/] [b]{_e(info.phrase)}[/]")
        lines.append(f"  {_e('; '.join(info.phrase_senses))}")
    if info.senses:
        lines.append("")
        lines.extend(f"{n}. {_e(s)}" for n, s in enumerate(info.senses[:8], 1))
    elif info.kind == "word" and not info.user_gloss:
        lines.append("[dim]not in the dictionary — press e to write your own gloss[/]")
    if info.parts:
        parts = " + ".join(f"{_e(p)} ({_e(g)})" if g else _e(p) for p, g in info.parts)
        lines.append(f"[dim]parts:[/] {parts}")
    lines.append("")
    lines.append(f"[dim]in this article:[/] {info.in_article}×")
    if info.kind == "word":  # only words that can be unknown; a line of its own, or a narrow panel cuts it
        lines.append(f"[dim]library:[/] {info.in_library}× in {info.library_articles} article"
                     f"{'' if info.library_articles == 1 else 's'}")
    if info.example:
        sentence, title = info.example
        lines.append(f"[dim]also in “{_e(title)}”:[/]")
        lines.append(f"[i]{_e(sentence)}[/]")
    if info.source:
        lines.append(f"[dim]source: {_e(info.source)}[/]")
    return "\n".join(lines)


BUCKET = 8  # the text's height is rounded up to this many lines, so most updates need no new layout


def panel_content(info: WordInfo, width: int = 0) -> Content:
    """The panel text (safe to build in a worker thread: it touches no widget). With the text's `width`
    its wrapped height is measured too, so showing it on the UI thread needs no second wrap."""
    content = Content.from_markup(gloss_markup(info))
    if width > 0:
        content.get_height({}, width)  # cached in the content: the panel asks with the same width
    return content


class GlossPanel(VerticalScroll, can_focus=False):
    """Shows a `WordInfo` (the word under the cursor)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.info: WordInfo | None = None
        self._content: Content | None = None
        self._bucket = -1
        self.text_width = 0  # the text's width at the last update (workers measure the text with it)

    def compose(self):
        yield Static("Move the cursor to a word (arrows or a click).", id="gloss-text")

    def show(self, info: WordInfo, content: Content | None = None) -> None:
        """Show a word; `content` is its panel text when a worker has already built it."""
        self.info = info
        self._content = content
        self._update()

    def _update(self) -> None:
        """Show the new text; a new layout (costly) only when its height moves to another bucket of lines."""
        if self.info is None:
            return
        content = self._content or panel_content(self.info)
        static = self.query_one("#gloss-text", Static)
        width = self.text_width = static.content_region.width or self.scrollable_content_region.width
        lines = content.get_height(static.styles, width) if width > 0 else 0
        bucket = max(self.scrollable_content_region.height, -(-lines // BUCKET) * BUCKET)
        if bucket != self._bucket:
            self._bucket = bucket
            static.styles.height = bucket
            static.update(content)
        else:
            static.update(content, layout=False)

    def on_resize(self) -> None:
        self._bucket = -1
        self._update()

    @property
    def text(self) -> str:
        """The panel's plain text (for tests)."""
        if self.info is None:
            return ""
        return panel_content(self.info).plain
