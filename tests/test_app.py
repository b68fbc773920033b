"""Pilot tests of the Textual app on the real seeds in a real SQLite file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from app_seed_db import seeded_copy  # noqa: E402
from conftest import serve_pages  # noqa: E402
from textual.widgets import Input  # noqa: E402

from reader.app.app import LesenApp  # noqa: E402
from reader.app.article_view import ArticleView  # noqa: E402
from reader.app.dialogs import ChoiceDialog, ConfirmDialog, InputDialog  # noqa: E402
from reader.app.help import HelpScreen  # noqa: E402
from reader.app.library import LibraryScreen  # noqa: E402
from reader.app.library_table import LibraryHeader, LibraryTable  # noqa: E402
from reader.app.reader_screen import ReaderScreen  # noqa: E402
from reader.app.stats import StatsScreen  # noqa: E402
from reader.store import Store  # noqa: E402
from reader.store import terms as T  # noqa: E402

pytestmark = pytest.mark.asyncio

WIDE = (110, 36)
# A German article page a news feed lists (`/neu.html`).
ARTICLE_PAGE = ("<html lang='de'><head><title>Neue Regeln für Mieten</title></head><body><article>"
                "<h1>Neue Regeln für Mieten</h1><p>Die Regierung hat am Montag ein neues Gesetz beschlossen. "
                "Es soll die Mieten in den großen Städten begrenzen und gilt ab dem nächsten Jahr.</p>"
                "<p>Vermieter kritisierten das Gesetz, Mieterverbände begrüßten es dagegen ausdrücklich.</p>"
                "</article></body></html>").encode()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seeded_copy(tmp_path)


async def settle(app, pilot, rounds: int = 3) -> None:
    """Let workers finish and their messages be handled (no sleeps)."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_article(app, pilot, article_id: int) -> ReaderScreen:
    app.open_article(article_id)
    await settle(app, pilot)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def status_of(db: Path, lemma: str) -> int:
    with Store(db) as s:
        return T.get_status(s, lemma)


def token_index(screen: ReaderScreen, text: str) -> int:
    return next(t.i for t in screen.tokens if t.text == text)


# -- library ---------------------------------------------------------------------------------------
async def test_library_lists_sorts_filters(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        lib = app.screen
        assert isinstance(lib, LibraryScreen)
        table = lib.query_one(LibraryTable)
        assert table.row_count == 5
        # personal columns arrive from a worker: known share and new words for every row
        assert all(r.known is not None and r.new_words for r in lib.rows)
        # sort by the next column (date → words), then reverse
        await pilot.press("greater_than_sign")
        assert lib.sort_key == "words"
        words = [r.words for r in table.rows]
        assert words == sorted(words, reverse=lib.sort_reverse)
        await pilot.press("r")
        assert [r.words for r in table.rows] == list(reversed(words))
        # the rendered rows are the sorted rows
        for i, row in enumerate(table.rows):
            assert f" {row.words} " in table.render_line(i).text
        # a click on a column header sorts by it
        await pilot.click(LibraryHeader, offset=(3, 0))
        await pilot.pause()
        assert lib.sort_key == "title"
        titles = [r.title.casefold() for r in table.rows]
        assert titles == sorted(titles, reverse=lib.sort_reverse)
        # filter box
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"Putin")
        await pilot.pause()
        assert table.row_count == 1 and "Putin" in table.render_line(0).text
        await pilot.press("enter")  # back to the table
        assert isinstance(app.focused, LibraryTable)
        await pilot.press("escape")
        assert table.row_count == 5


async def test_enter_opens_highlighted_article_and_q_returns(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        lib = app.screen
        expected = lib.current_id()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == expected
        await pilot.press("q")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        progress = next(r for r in lib.rows if r.id == expected).progress
        assert progress == "0%", progress  # opened, still at the first word
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_delete_asks_first(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        target = app.screen.current_id()
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen.query_one(LibraryTable).row_count == 5
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert app.screen.query_one(LibraryTable).row_count == 4
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM articles WHERE id = ?", (target,)) == 0


async def test_import_in_background(db: Path, tmp_path: Path) -> None:
    text = tmp_path / "neu.txt"
    text.write_text("Ein neuer Artikel\n\nDie Regierung hat am Montag ein neues Gesetz beschlossen. "
                    "Es soll die Mieten in den großen Städten begrenzen und gilt ab dem nächsten Jahr.\n",
                    encoding="utf-8")
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert isinstance(app.screen, InputDialog)
        app.screen.query_one(Input).value = str(text)
        await pilot.press("enter")
        await settle(app, pilot, 5)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 6, [n.message for n in app._notifications]  # noqa: SLF001
        assert "1 imported" in str(app.screen.query_one("#library-status").render())


async def test_articles_an_older_lesen_analysed_are_analysed_again_in_background(db: Path) -> None:
    from reader.store.articles import ANALYSIS_VERSION, load_tokens, pack_rows

    with Store(db) as s:
        tokens = load_tokens(s, 2)
        word = next(t for t in tokens if t.counts_as_unknown and not t.verb)
        right, word.lemma = word.lemma, "Älterx"
        with s.transaction() as conn:
            conn.execute("UPDATE analyses SET version = 1, tokens = ? WHERE article_id = 2",
                         (pack_rows([t.to_row() for t in tokens]),))
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot, 5)
        assert "1 article analysed again" in str(app.screen.query_one("#library-status").render())
    with Store(db) as s:
        assert s.scalar("SELECT version FROM analyses WHERE article_id = 2") == ANALYSIS_VERSION
        assert load_tokens(s, 2)[word.i].lemma == right


async def test_import_follow_and_update_a_news_feed_in_background(db: Path) -> None:
    """A feed's address given to `o` imports the articles it lists (a missing item refused) and offers to
    follow the feed; `u` then imports what the followed feeds list that is new, the missing item not
    asked for again."""
    from reader.store.feeds import subscriptions

    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Test</title>"
            b"<item><link>/neu.html</link></item><item><link>/fehlt.html</link></item></channel></rss>")
    pages = {"/rss": ("application/rss+xml", feed), "/neu.html": ("text/html", ARTICLE_PAGE)}
    with serve_pages(pages) as base:
        app = LesenApp(db)
        async with app.run_test(size=WIDE) as pilot:
            await settle(app, pilot)
            await pilot.press("u")
            await settle(app, pilot)
            assert any("follow no feeds yet: press o" in str(n.message) for n in app._notifications)  # noqa: SLF001
            await pilot.press("o")
            app.screen.query_one(Input).value = f"{base}/rss"
            await pilot.press("enter")
            await settle(app, pilot, 5)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("y")
            await settle(app, pilot)
            with Store(db) as store:
                assert [(s.url, s.title) for s in subscriptions(store)] == [(f"{base}/rss", "Test")]
            assert app.screen.query_one(LibraryTable).row_count == 6
            status = app.screen.query_one("#library-status")
            assert "1 imported, 0 already there, 1 refused." in str(status.render())
            await pilot.press("u")
            await settle(app, pilot, 5)
            assert "0 imported, 1 already there, 0 refused, 1 refused before." in str(status.render())
            assert not isinstance(app.screen, ConfirmDialog)  # a followed feed is not offered again


async def test_a_site_front_page_leads_to_its_feed(db: Path) -> None:
    """A page that is no article but names a news feed in its head (a site's front page): `o` offers to
    import the feed instead, and then to follow it."""
    from reader.store.feeds import subscriptions

    front = (b"<html><head><title>Start</title><link rel='alternate' type='application/rss+xml' href='/rss'>"
             b"</head><body><p>Willkommen</p></body></html>")
    feed = (b"<rss version='2.0'><channel><title>Test</title><item><link>/neu.html</link></item>"
            b"</channel></rss>")
    pages = {"/": ("text/html", front), "/rss": ("application/rss+xml", feed),
             "/neu.html": ("text/html", ARTICLE_PAGE)}
    with serve_pages(pages) as base:
        app = LesenApp(db)
        async with app.run_test(size=WIDE) as pilot:
            await settle(app, pilot)
            await pilot.press("o")
            app.screen.query_one(Input).value = f"{base}/"
            await pilot.press("enter")
            await settle(app, pilot, 5)
            assert isinstance(app.screen, ConfirmDialog)
            assert f"names the news feed\n{base}/rss" in app.screen.question
            # the refusal is the dialog's to explain: no notice quotes the command line's `lesen feeds add`
            assert not any("feeds add" in str(n.message) for n in app._notifications)  # noqa: SLF001
            await pilot.press("y")
            await settle(app, pilot, 5)
            assert isinstance(app.screen, ConfirmDialog) and "Follow “Test”" in app.screen.question
            await pilot.press("y")
            await settle(app, pilot)
            with Store(db) as store:
                assert [s.url for s in subscriptions(store)] == [f"{base}/rss"]
            assert app.screen.query_one(LibraryTable).row_count == 6


async def test_articles_imported_by_another_process_appear(db: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from reader.app import library as library_screen
    from reader.cli import main

    monkeypatch.setattr(library_screen, "WATCH_EVERY", 0.2)
    text = Path(db).parent / "anderswo.txt"
    text.write_text("Anderswo importiert\n\nDie Stadt baut eine neue Brücke über den Fluss. Sie soll im "
                    "nächsten Sommer fertig sein und den Verkehr in der Innenstadt entlasten.\n",
                    encoding="utf-8")
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 5
        await pilot.pause(0.5)  # the watcher has read the current version
        result = CliRunner().invoke(main, ["--db", str(db), "import", str(text)])
        assert result.exit_code == 0, result.output
        for _ in range(20):
            await pilot.pause(0.2)
            await settle(app, pilot, 1)
            if table.row_count == 6:
                break
        assert table.row_count == 6
        assert any(r.title == "Anderswo importiert" for r in table.rows)


async def test_stats_screen(db: Path) -> None:
    with Store(db) as s:
        T.set_statuses(s, ["Regierung", "Krieg"], T.KNOWN)
        T.set_status(s, "Drohung", 2)
        T.set_statuses(s, ["Haus", "Baum", "gehen"], T.KNOWN, source="level", assumed=True)
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, StatsScreen)
        text = str(app.screen.query_one("#stats-text").render())
        # the learner's own words apart from those assumed known from the level
        assert re.search(r"known +2\b", text) and "learning 2" in text
        assert re.search(r"assumed +3 +known from your level", text)
        assert "Marked this week: 3 words" in text
        day = str(app.screen.query_one("#known-range").render())
        assert day.endswith("5 known (the chart grows with the days you read)")
        assert "Articles read: 0 of 5" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_export_keys_do_something(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        for key in ("x", "v"):
            await pilot.press(key)
            await settle(app, pilot)
            opened = not isinstance(app.screen, LibraryScreen)
            assert opened or app._notifications, key
            if opened:
                await pilot.press("escape")
                await settle(app, pilot)


async def test_first_run_asks_level_once(tmp_path: Path) -> None:
    db = seeded_copy(tmp_path)
    with Store(db) as s:
        s.conn.execute("DELETE FROM settings WHERE key = 'level_asked'")
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


# -- reader: cursor --------------------------------------------------------------------------------
async def test_cursor_keys(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=(110, 20)) as pilot:
        screen = await open_article(app, pilot, 4)
        view = screen.view
        sel = view.selectable
        assert len(view.lines) > 2 * view.scrollable_content_region.height
        assert view.cursor == sel[0]
        await pilot.press("right", "right")
        assert view.cursor == sel[2]
        await pilot.press("left")
        assert view.cursor == sel[1]
        line0 = view.where[view.cursor][0]
        await pilot.press("down")
        assert view.where[view.cursor][0] == line0 + 1
        await pilot.press("up")
        assert view.where[view.cursor][0] == line0
        await pilot.press("pagedown")
        assert view.where[view.cursor][0] >= line0 + view.scrollable_content_region.height - 2
        await pilot.press("pageup")
        assert view.where[view.cursor][0] <= line0 + 1
        await pilot.press("end")
        assert view.cursor == sel[-1]
        await pilot.press("home")
        assert view.cursor == sel[0]
        # n / N: next and previous still-new word, skipping known ones and names
        first = screen.tokens[sel[0]]
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press("home", "n")
        t = screen.tokens[view.cursor]
        assert t.kind == "word" and t.lemma != first.lemma and screen.statuses.get(t.lemma, 0) == 0
        here = view.cursor
        await pilot.press("n", "N")
        assert view.cursor == here


async def test_click_maps_to_the_word_on_screen(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 2)
        view = screen.view
        region = view.content_region
        checked_words = checked_gaps = 0
        for row in range(0, min(region.height, len(view.lines)), 5):
            rendered = view.render_line(row).text
            for col in range(1, region.width - 2, 11):
                before = view.cursor
                await pilot.click(offset=(region.x + col, region.y + row))
                ch = rendered[col]
                if ch.isalnum():
                    t = screen.tokens[view.cursor]
                    line, x0, x1 = view.where[t.i]
                    assert line == row + view.scroll_offset.y and x0 <= col < x1, (row, col)
                    assert rendered[x0:x1] == t.text, (rendered[x0:x1], t.text)
                    checked_words += 1
                elif ch == " ":
                    assert view.cursor == before
                    checked_gaps += 1
        assert checked_words > 20 and checked_gaps > 3
        await settle(app, pilot)
        assert screen.panel.info is not None and screen.panel.info.index == view.cursor


# -- reader: gloss panel ---------------------------------------------------------------------------
async def test_gloss_panel_for_seed_words(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        view = screen.view
        view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        text = screen.panel.text
        assert "die Konsequenz" in text and "status: new" in text
        assert "in this article: 1×" in text
        view.cursor = token_index(screen, "Drohungen")
        await settle(app, pilot)
        text = screen.panel.text
        assert "Drohung" in text and "form: Drohungen" in text
        with Store(db) as s:
            n, arts = s.query("SELECT sum(count), count(*) FROM article_terms WHERE lemma = 'Drohung'")[0]
        assert f"library: {n}× in {arts} articles" in text
        assert "also in “" in text  # one other library sentence using it
        view.cursor = token_index(screen, "Verteidigungsminister")
        await settle(app, pilot)
        assert "Verteidigung" in screen.panel.text.split("parts:")[1]
        view.cursor = next(t.i for t in screen.tokens if t.kind == "name")  # no status, no library count
        await settle(app, pilot)
        text = screen.panel.text
        assert "a name: never counted as unknown" in text and "status:" not in text and "library:" not in text


async def test_separable_verb_parts_belong_together(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 2)
        view = screen.view
        verb = next(t for t in screen.tokens if t.verb and t.lemma == "zusammenrücken")
        other = verb.verb["other"]
        view.cursor = verb.i
        await settle(app, pilot)
        assert view.partner(view.cursor) == other
        assert "separable verb: zusammen" in screen.panel.text
        # the partner is drawn with the partner style, an ordinary word of its line is not
        line, x0, _ = view.where[other]
        strip = view._render_text_line(line)
        partner_style = view.get_component_rich_style("article-view--partner", partial=True)
        styles = {seg.text: seg.style for seg in strip}
        assert styles[screen.tokens[other].text].underline == partner_style.underline is True
        # marking one part marks the joined lemma
        await pilot.press("k")
        await settle(app, pilot)
        assert status_of(db, "zusammenrücken") == T.KNOWN


# -- reader: statuses ------------------------------------------------------------------------------
async def test_status_keys_write_with_history(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        view = screen.view
        view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        for key, status in [("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5), ("0", 0), ("k", 5), ("u", 0),
                            ("i", 98)]:
            await pilot.press(key)
            await settle(app, pilot)
            assert status_of(db, "Konsequenz") == status, key
            assert screen.statuses["Konsequenz"] == status
            assert f"status: {T.STATUS_NAMES[status]}" in screen.panel.text
        header_before = str(screen.query_one("#reader-header").render())
        await pilot.press("right", "k")
        await settle(app, pilot)
        assert str(screen.query_one("#reader-header").render()) != header_before
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM status_history WHERE lemma = 'Konsequenz'") == 9


async def test_all_known_with_confirmation_and_repeatable_undo(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        view = screen.view
        view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        new_before = [t.lemma for t in screen.tokens
                      if t.kind == "word" and screen.statuses.get(t.lemma, 0) == 0]
        await pilot.press("K")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app, pilot)
        assert status_of(db, new_before[0]) == T.NEW
        await pilot.press("K", "y")
        await settle(app, pilot)
        assert all(status_of(db, lemma) == T.KNOWN for lemma in new_before[:20])
        assert status_of(db, "Konsequenz") == 2  # learning words stay learning
        assert "100.0% known" not in str(screen.query_one("#reader-header").render())
        await pilot.press("z")
        await settle(app, pilot)
        assert all(status_of(db, lemma) == T.NEW for lemma in new_before[:20])
        assert status_of(db, "Konsequenz") == 2
        await pilot.press("z")
        await settle(app, pilot)
        assert status_of(db, "Konsequenz") == T.NEW
        assert screen.statuses["Konsequenz"] == T.NEW


async def test_gloss_panel_shows_the_verb_phrase_of_the_sentence(db: Path, small_dict: Path) -> None:
    """`… Waffentechnologie zur Verfügung stellen könnte`: the phrase and its English on the noun."""
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 4)
        screen.view.cursor = token_index(screen, "Verfügung")
        await settle(app, pilot)
        text = screen.panel.text
        assert "in this sentence: jdm. etw. zur Verfügung stellen" in text and "to provide sth." in text
        assert "die Verfügung" in text  # the word's own entry stays
        # its other words are drawn like a separable verb's partner
        view = screen.view
        stellen = next(t.i for t in screen.tokens if t.text == "stellen" and t.i > view.cursor)
        assert view.phrase == {view.cursor - 1, view.cursor, stellen}
        line, _, _ = view.where[stellen]
        partner = view.get_component_rich_style("article-view--partner", partial=True)
        assert {seg.text: seg.style for seg in view._render_text_line(line)}["stellen"].underline is True
        assert partner.underline is True
        view.cursor = token_index(screen, "Waffentechnologie")
        await settle(app, pilot)
        assert "in this sentence" not in screen.panel.text and not view.phrase


async def test_own_gloss(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        screen.view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, InputDialog)
        await pilot.press(*"the outcome", "enter")
        await settle(app, pilot)
        assert "your gloss: the outcome" in screen.panel.text
    with Store(db) as s:
        assert T.get_gloss(s, "Konsequenz") == "the outcome"


async def test_position_status_and_finish_persist_across_restart(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 3)
        await pilot.press("right", "right", "right", "down")
        await settle(app, pilot)
        position = screen.view.cursor
        lemma = screen.tokens[position].lemma
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 3)
        assert screen.view.cursor == position
        assert screen.statuses[lemma] == 3
        await pilot.press("end")
        await settle(app, pilot)
    with Store(db) as s:
        assert s.scalar("SELECT finished_at FROM progress WHERE article_id = 3") is not None


# -- layout, help, palette --------------------------------------------------------------------------
async def test_narrow_layout_puts_gloss_below(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        columns = str(app.screen.query_one(LibraryHeader).render())
        assert "Title" in columns and "Known" in columns and "Source" not in columns  # titles keep room
        table = app.screen.query_one(LibraryTable)
        assert all(len(table.render_line(i).text) <= table.scrollable_content_region.width for i in range(5))
        screen = await open_article(app, pilot, 1)
        assert screen.has_class("-narrow")
        view, panel = screen.view, screen.panel
        assert panel.region.y > view.region.y and panel.region.width == view.region.width
        assert max(len(line.text) for line in view.lines) <= view.scrollable_content_region.width
        await pilot.press("right")
        await settle(app, pilot)
        assert screen.panel.info is not None
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert not screen.has_class("-narrow")
        assert panel.region.x > view.region.x
        assert max(len(line.text) for line in view.lines) > 70  # rewrapped to the wider view


async def test_help_lists_every_key(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await open_article(app, pilot, 1)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for cls in (ReaderScreen, LibraryScreen, ArticleView, LesenApp):
            for b in cls.BINDINGS:
                assert b.description in text, b.description
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_command_palette_runs_actions(db: Path) -> None:
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        screen.view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Ignore")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert status_of(db, "Konsequenz") == T.IGNORED


async def test_keymap_setting_remaps_keys(db: Path) -> None:
    with Store(db) as s:
        s.set_setting("keymap", '{"reader.known": "j"}')
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(app, pilot, 1)
        screen.view.cursor = token_index(screen, "Konsequenz")
        await settle(app, pilot)
        await pilot.press("k")
        await settle(app, pilot)
        assert status_of(db, "Konsequenz") == T.NEW
        await pilot.press("j")
        await settle(app, pilot)
        assert status_of(db, "Konsequenz") == T.KNOWN


async def test_anki_export_dialog_writes_a_deck(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("reader.export.anki")
    from reader.app.export_dialogs import ExportDialog

    out = tmp_path / "words.apkg"
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#out", Input).value = str(out)
        app.screen.query_one("#out", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot, 5)
        assert isinstance(app.screen, LibraryScreen)
    assert out.exists() and out.stat().st_size > 1000


async def test_vocabulary_dialog_writes_a_list(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("reader.export.vocab")
    from reader.app.export_dialogs import ExportDialog

    out = tmp_path / "list.md"
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#top", Input).value = "10"
        app.screen.query_one("#out", Input).value = str(out)
        await pilot.click("#export")
        await settle(app, pilot, 5)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Vocabulary (B1)") and text.count("\n|") >= 10


async def test_level_answer_assumes_words_and_theme_is_remembered(tmp_path: Path) -> None:
    pytest.importorskip("reader.scoring.assume")
    db = seeded_copy(tmp_path)
    with Store(db) as s:
        s.conn.execute("DELETE FROM settings WHERE key = 'level_asked'")
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("right", "right", "enter")  # B1
        await settle(app, pilot, 5)
        app.theme = "nord"
        await pilot.pause()
    with Store(db) as s:
        assert s.get_setting("level_asked") == "B1"
        assert s.scalar("SELECT count(*) FROM terms WHERE assumed = 1 AND status = 5") > 50
        assert s.scalar("SELECT count(*) FROM status_history WHERE source = 'user'") == 0
        assert s.get_setting("theme") == "nord"
    app = LesenApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord" and isinstance(app.screen, LibraryScreen)


async def test_long_article_first_paint_wraps_a_part_then_all(db: Path, monkeypatch) -> None:
    import reader.app.article_view as article_view

    monkeypatch.setattr(article_view, "FIRST_WRAP", 120)
    app = LesenApp(db)
    async with app.run_test(size=(110, 20)) as pilot:
        screen = await open_article(app, pilot, 4)
        view = screen.view
        assert len(view.where) == len(view.tokens)  # completed right after the first paint
        assert view.virtual_size.height == len(view.lines)
        await pilot.press("end")
        assert view.cursor == view.selectable[-1]
        row = view.where[view.cursor][0] - view.scroll_offset.y
        assert 0 <= row < view.scrollable_content_region.height


async def test_empty_library_says_how_to_import(db_path: Path) -> None:
    app = LesenApp(db_path, ask_level=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert "0 articles — press o to import" in str(app.screen.query_one("#library-header").render())
        await pilot.press("enter", "s")
        await settle(app, pilot)
        assert isinstance(app.screen, StatsScreen)

