"""The Anki export (x) and vocabulary-list (v) dialogs: a small form, the work in a worker."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from . import messages as msg

LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"]
FORMATS = ["md", "csv", "tsv", "html", "anki-txt", "quizlet"]


@dataclass
class ExportRequest:
    kind: str  # "anki" or "vocabulary"
    article_id: int | None  # None: the whole library
    statuses: str = "new,learning"
    deck: str = ""
    level: str = "B1"
    top: int | None = None
    fmt: str = "md"
    out: str | None = None


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Asks what to export; Enter on a field or the Export button starts it, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, kind: str, article_id: int | None, title: str | None) -> None:
        super().__init__(classes="dialog")
        self.kind = kind
        self.article_id = article_id
        self.article_title = title

    def compose(self) -> ComposeResult:
        anki = self.kind == "anki"
        scope = [(f"This article: {self.article_title[:50]}", "article")] if self.article_id else []
        with Vertical(classes="dialog-box"):
            heading = "Export an Anki deck" if anki else "Make a vocabulary list"
            yield Label(heading, classes="dialog-question")
            yield Select(scope + [("The whole library", "library")],
                         value=scope[0][1] if scope else "library", allow_blank=False, id="scope")
            if anki:
                yield Label("Statuses (new, learning, learning1-4, known, ignored):")
                yield Input("new,learning", id="statuses")
                yield Label("Deck name:")
                yield Input("lesen", id="deck")
                yield Label("File (empty: decks/<deck>.apkg):")
            else:
                yield Label("Learners' level, words to list (empty: all) and format:")
                with Horizontal(classes="dialog-row"):
                    yield Select([(lv, lv) for lv in LEVELS], value="B1", allow_blank=False, id="level")
                    yield Input("", placeholder="all", id="top", type="integer")
                    yield Select([(f, f) for f in FORMATS], value="md", allow_blank=False, id="format")
                yield Label("File (empty: vocab/<name>):")
            yield Input("", placeholder="default", id="out")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def _value(self, selector: str, default: str = "") -> str:
        found = self.query(selector)
        if not found:
            return default
        widget = found.first()
        return str(widget.value).strip() if widget.value is not None else default

    def request(self) -> ExportRequest:
        top = self._value("#top")
        return ExportRequest(
            kind=self.kind,
            article_id=self.article_id if self._value("#scope") == "article" else None,
            statuses=self._value("#statuses", "new,learning") or "new,learning",
            deck=self._value("#deck", "lesen") or "lesen",
            level=self._value("#level", "B1"),
            top=int(top) if top.isdigit() and int(top) > 0 else None,
            fmt=self._value("#format", "md"),
            out=self._value("#out") or None,
        )

    @on(Button.Pressed, "#export")
    @on(Input.Submitted)
    def _export(self) -> None:
        self.dismiss(self.request())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def run_export(store, req: ExportRequest) -> str:
    """Do the export (in a worker thread); returns the one-line result to show."""
    from ..safeio import write_atomic

    if req.kind == "anki":
        from ..export import anki

        opts = anki.Options(articles=[req.article_id] if req.article_id else None,
                            statuses=anki.parse_statuses(req.statuses), deck=req.deck)
        result = anki.export_anki(store, opts, req.out)
        if not result.notes:
            return "No words match; nothing written."
        return f"Wrote {result.path}: {result.notes} notes ({result.new} new, {result.updated} updated)."
    from ..export import vocab

    ids = [req.article_id] if req.article_id else [r[0] for r in store.query("SELECT id FROM articles")]
    if not ids:
        return "The library is empty."
    texts = vocab.read_articles(store, [str(i) for i in ids])
    vl = vocab.build(texts, req.level, top=req.top)
    path = vocab.resolve_out(req.out, texts, req.fmt)
    write_atomic(path, vocab.render(vl, req.fmt))
    return f"Wrote {path}. {vocab.summary(vl)}"


def open_export(app, kind: str) -> None:
    """Ask, then export in a worker; the result (or the error) arrives as a notice."""
    screen = app.screen
    article_id = screen.current_id() if hasattr(screen, "current_id") else None
    title = next((r.title for r in getattr(screen, "rows", []) if r.id == article_id), None)

    def answered(req: ExportRequest | None) -> None:
        if req is not None:
            _export_worker(app, req)

    app.push_screen(ExportDialog(kind, article_id, title), answered)


def _export_worker(app, req: ExportRequest) -> None:
    @work(thread=True, group="export", name=f"export {req.kind}")
    def job(self) -> None:
        try:
            text, severity = run_export(self.store, req), "information"
        except Exception as exc:  # noqa: BLE001 - any failure becomes a notice, reading goes on
            text, severity = f"Export failed: {exc}", "error"
        self.post_message(msg.Notice(text, severity))

    job(app)
