"""The help screen: every key of every screen, read from the bindings themselves (so remaps show)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .article_view import ArticleView


def binding_rows(app, classes: list[type]) -> list[tuple[str, str, str]]:
    """(section, keys, description) for the bindings of the given classes, with the user's keymap applied."""
    keymap = getattr(app, "_keymap", {}) or {}
    rows = []
    for cls in classes:
        section = getattr(cls, "HELP_TITLE", cls.__name__)
        for b in cls.BINDINGS:
            if not isinstance(b, Binding) or not b.description:
                continue
            keys = keymap.get(b.id, b.key) if b.id else b.key
            shown = ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
            rows.append((section, shown, b.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists every key; Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        from .app import LesenApp
        from .library import LibraryScreen
        from .library_table import LibraryTable
        from .reader_screen import ReaderScreen

        rows = binding_rows(self.app, [LesenApp, LibraryScreen, LibraryTable, ReaderScreen, ArticleView])
        lines = ["[b]lesen — keys[/b]", ""]
        section = None
        for sec, keys, desc in rows:
            if sec != section:
                if section is not None:
                    lines.append("")
                lines.append(f"[b $text-accent]{sec}[/]")
                section = sec
            lines.append(f"  [b]{keys:<18}[/b] {desc}")
        lines += ["", "Mouse: click a word to put the cursor on it. Escape, q or ? closes this help."]
        with VerticalScroll(id="help-box"):
            yield Static("\n".join(lines), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

