"""The statistics screen: vocabulary growth, words per status, this week, articles read, library coverage."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from . import messages as msg
from .queries import stats


class StatsScreen(Screen):
    HELP_TITLE = "Statistics"

    BINDINGS = [Binding("escape,q", "back", "Back", id="stats.back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats-box"):
            yield Static("[b]Statistics[/b]", id="stats-title")
            yield Static("Known words over time", classes="stats-label")
            yield Sparkline([], id="known-chart")
            yield Static("", id="known-range", classes="stats-label")
            yield Static("loading…", id="stats-text")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="stats")
    def _load(self) -> None:
        self.post_message(msg.StatsReady(stats(self.app.store)))

    @on(msg.StatsReady)
    def _ready(self, message: msg.StatsReady) -> None:
        s = message.stats
        series = [0] + [n for _, n in s.known_by_day]  # from nothing to today
        self.query_one(Sparkline).data = series or [0]
        if len(s.known_by_day) > 1:
            first, last = s.known_by_day[0], s.known_by_day[-1]
            span = f"{first[0]}: {first[1]} known  →  {last[0]}: {last[1]} known"
        elif s.known_by_day:
            day, n = s.known_by_day[0]
            span = f"{day}: {n} known (the chart grows with the days you read)"
        else:
            span = "no words marked yet"
        self.query_one("#known-range", Static).update(span)
        lines = [f"  {name:<12} {n:>6}" for name, n in s.by_status.items()]
        if s.assumed:
            lines.append(f"  {'assumed':<12} {s.assumed:>6}  known from your level (change any as you read)")
        by_status = "\n".join(lines) or "  none yet"
        self.query_one("#stats-text", Static).update(
            f"[b]Words per status[/b]\n{by_status}\n\n"
            f"[b]Marked this week:[/b] {s.marked_this_week} words\n"
            f"[b]Articles read:[/b] {s.articles_read} of {s.articles}\n\n"
            f"[b]Library coverage at your vocabulary[/b]\n"
            f"  {s.library_known:.1%} of the library's running words are known\n"
            f"  {s.articles_95} article(s) at ≥ 95 % known, {s.articles_98} at ≥ 98 %"
        )

    def action_back(self) -> None:
        self.dismiss()
