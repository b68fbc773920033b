"""Anki export: every deck is opened with Anki's own importer (the `anki` package, test-only, AGPL)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reader import library
from reader.export import anki as A
from reader.store import Store
from reader.store.terms import IGNORED, KNOWN, set_gloss, set_statuses

anki_collection = pytest.importorskip("anki.collection")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLES = ["001_9c8e84d3104ac2b8.txt", "004_fd22ed933553cd7a.txt"]


@pytest.fixture(scope="module")
def library_db(tmp_path_factory) -> Path:
    """A learner database with two seed articles, built once per module."""
    path = tmp_path_factory.mktemp("lib") / "lesen.db"
    with Store(path) as s:
        results = [library.store_prepared(s, library.prepare(str(SEEDS / a))) for a in ARTICLES]
        assert all(r.ok for r in results), [r.message for r in results]
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def lib(library_db: Path, tmp_path: Path, monkeypatch):
    path = tmp_path / "lesen.db"
    shutil.copy(library_db, path)
    monkeypatch.setenv("LESEN_DB", str(path))
    s = Store(path)
    yield s
    s.close()


def new_collection(tmp_path: Path, name: str = "collection"):
    return anki_collection.Collection(str(tmp_path / f"{name}.anki2"))


def import_apkg(col, path: Path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    options = ImportAnkiPackageOptions(with_scheduling=True)
    req = ImportAnkiPackageRequest(package_path=str(path), options=options)
    log = col.import_anki_package(req).log
    col.models._clear_cache()
    return log


def notes_by_word(col) -> dict:
    return {col.get_note(nid)["Word"]: col.get_note(nid) for nid in col.find_notes("")}


def test_deck_opens_in_anki_with_fields_tags_and_cards(lib, tmp_path):
    out = tmp_path / "decks" / "test.apkg"
    res = A.export_anki(lib, A.Options(min_level="B2", reverse=True, deck="Deutsch::lesen"), out)
    assert res.path == out.resolve() and out.is_file()
    assert res.notes > 50 and res.new == res.notes
    col = new_collection(tmp_path)
    try:
        log = import_apkg(col, out)
        assert len(log.new) == res.notes
        assert col.note_count() == res.notes
        assert col.card_count() == res.cards
        model = col.models.by_name(A.MODEL_NAME)
        assert model is not None and model["id"] == A.MODEL_ID
        assert [f["name"] for f in model["flds"]] == A.FIELD_NAMES
        assert [t["name"] for t in model["tmpls"]] == ["Recognition", "Production", "Cloze"]
        assert col.decks.by_name("Deutsch::lesen") is not None
        notes = notes_by_word(col)
        assert set(notes) == set(res.words)

        deno = notes["Denuklearisierung"]
        assert deno["Display"] == "die Denuklearisierung" and deno["Gender"] == "f"
        assert "<b>Denuklearisierung</b>" in deno["Sentence"]
        assert "<b>[…]</b>" in deno["Gap"] and "Denuklearisierung" not in deno["Gap"]
        assert deno["Source"] == "USA und Japan Zusammenrücken gegen Kim"
        assert deno["Level"].startswith("C2+")
        assert "lesen" in deno.tags and "pos::noun" in deno.tags and "level::C2+" in deno.tags
        assert any(t.startswith("article::USA_und_Japan") for t in deno.tags)

        # both parts of the separated verb are bold, the prefix is marked
        rudern = notes["zurückrudern"]
        assert rudern["Display"] == "zurück|rudern"
        assert "<b>ruderte</b>" in rudern["Sentence"] and "<b>zurück</b>" in rudern["Sentence"]
        assert rudern["Gap"].count("<b>[…]</b>") == 2
        assert "pos::verb" in rudern.tags

        # the cards render in Anki: the word with its article, German text-to-speech, the gap
        cards = {col.get_card(cid).ord: col.get_card(cid) for cid in col.find_cards(f"nid:{deno.id}")}
        assert "die Denuklearisierung" in cards[0].question()
        tts = cards[0].question_av_tags()
        assert tts[0].lang == "de_DE" and tts[0].field_text == "Denuklearisierung"
        assert "<b>[…]</b>" in cards[2].question() and "<b>Denuklearisierung</b>" in cards[2].answer()

        # every note has its recognition and cloze card; production cards exist because of --reverse
        ords = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            ords.setdefault(card.nid, set()).add(card.ord)
        assert all(0 in o for o in ords.values())
        assert sum(1 in o for o in ords.values()) == sum(bool(n["Meaning"]) for n in notes.values())
        assert all(2 in ords[n.id] for n in notes.values() if n["Gap"])
        # text from the article is escaped: nothing but the bold marks is markup
        for n in notes.values():
            for name in ("Sentence", "Gap", "Source", "Meaning"):
                assert "<" not in re.sub(r"</?b>", "", n[name])
    finally:
        col.close()


def test_glosses_come_first_from_the_learner_then_the_dictionary(lib, tmp_path):
    from reader.dictionary import dictionary_path, ensure_imported

    if ensure_imported(quiet=True) is None:
        pytest.skip(f"no Ding dictionary ({dictionary_path()})")
    set_gloss(lib, "Abschreckung", "my own: deterrent")
    res = A.export_anki(lib, A.Options(limit=None), tmp_path / "d.apkg")
    col = new_collection(tmp_path)
    try:
        import_apkg(col, res.path)
        notes = notes_by_word(col)
        assert notes["Abschreckung"]["Meaning"] == "my own: deterrent"
        assert notes["Abschreckung"]["Plural"] == "-en"
        assert "deterrence" in notes["Abschreckung"]["MoreSenses"]
        assert "denucleari" in notes["Denuklearisierung"]["Meaning"]
    finally:
        col.close()


def test_selection_by_status_level_limit_and_article(lib, tmp_path):
    set_statuses(lib, ["Abschreckung", "Denuklearisierung"], 2)
    set_statuses(lib, ["zurückrudern"], KNOWN)
    set_statuses(lib, ["Bündnis"], IGNORED)
    learning = A.select(lib, A.Options(statuses=A.parse_statuses("learning")))
    assert {c.lemma for c in learning} == {"Abschreckung", "Denuklearisierung"}
    default = {c.lemma for c in A.select(lib, A.Options())}
    assert "Abschreckung" in default and "zurückrudern" not in default and "Bündnis" not in default
    assert not any(c[:1].isupper() and c in ("USA", "Kim", "Japan") for c in default)  # names excluded
    b2 = A.select(lib, A.Options(min_level="C1"))
    assert all(A.W.level_rank(A.W.level_of(c.lemma)) >= A.W.level_rank("C1") for c in b2)
    top = A.select(lib, A.Options(limit=5))
    assert len(top) == 5 and [c.score for c in top] == sorted((c.score for c in top), reverse=True)
    first = lib.scalar("SELECT id FROM articles WHERE title LIKE 'USA und Japan%'")
    only = {c.lemma for c in A.select(lib, A.Options(articles=[first]))}
    assert "Denuklearisierung" in only and "Abschreckung" not in only
    with pytest.raises(ValueError):
        A.parse_statuses("sometimes")


def _review_first_card(col) -> tuple[int, int]:
    """Answer one card with Anki's scheduler; returns (card id, revlog rows)."""
    did = col.decks.id_for_name("lesen")
    col.decks.select(did)
    card = col.sched.getCard()
    assert card is not None
    col.sched.answerCard(card, 3)
    return card.id, col.db.scalar("select count() from revlog")


def test_reexport_updates_in_place_and_keeps_review_history(lib, tmp_path):
    words = ["Abschreckung", "Denuklearisierung", "zurückrudern", "Allianz", "Provokation"]
    set_statuses(lib, words, 1)
    first = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "one.apkg")
    assert sorted(first.words) == sorted(words) and first.new == 5
    guids = dict(lib.query("SELECT lemma, guid FROM terms WHERE lemma IN (?,?,?,?,?)", tuple(words)))
    assert all(guids.values()) and len(set(guids.values())) == 5
    assert lib.scalar("SELECT count(*) FROM terms WHERE exported_at IS NOT NULL") == 5

    col = new_collection(tmp_path)
    try:
        assert len(import_apkg(col, first.path).new) == 5
        cid, revlog = _review_first_card(col)
        before = col.get_card(cid)
        reps, ivl, due, ctype = before.reps, before.ivl, before.due, before.type
        assert reps == 1 and revlog == 1

        # same content again: nothing changes, nothing is duplicated
        same = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "same.apkg")
        assert same.new == 0 and same.updated == 0
        log = import_apkg(col, same.path)
        assert len(log.new) == 0 and len(log.updated) == 0
        assert col.note_count() == 5

        # change one gloss, add one word → one new note, one updated note
        set_gloss(lib, "Allianz", "a learner's own gloss")
        set_statuses(lib, ["Atomwaffe"], 1)
        second = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "two.apkg")
        assert second.new == 1 and second.updated == 1
        sql = "SELECT lemma, guid FROM terms WHERE lemma IN (?,?,?,?,?)"
        assert dict(lib.query(sql, tuple(words))) == guids
        log = import_apkg(col, second.path)
        assert len(log.new) == 1 and len(log.updated) == 1
        assert col.note_count() == 6
        notes = notes_by_word(col)
        assert notes["Allianz"]["Meaning"] == "a learner's own gloss"
        assert {n.guid for w, n in notes.items() if w in guids} == set(guids.values())
        after = col.get_card(cid)
        assert (after.reps, after.ivl, after.due, after.type) == (reps, ivl, due, ctype)
        assert col.db.scalar("select count() from revlog") == revlog
    finally:
        col.close()


def test_learner_edits_in_anki_survive_an_unchanged_reexport(lib, tmp_path):
    set_statuses(lib, ["Abschreckung", "Allianz"], 1)
    first = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "one.apkg")
    col = new_collection(tmp_path)
    try:
        import_apkg(col, first.path)
        note = notes_by_word(col)["Allianz"]
        note["Meaning"] = "edited in Anki"
        note.tags.append("my_tag")
        col.update_note(note)
        again = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "again.apkg")
        assert again.updated == 0
        import_apkg(col, again.path)
        kept = notes_by_word(col)["Allianz"]
        assert kept["Meaning"] == "edited in Anki" and "my_tag" in kept.tags
        assert col.note_count() == 2

        # a later change in lesen is newer than the learner's edit, so it wins
        edited_at = int(lib.scalar("SELECT strftime('%s', changed_at) FROM terms WHERE lemma = 'Allianz'"))
        col.db.execute("update notes set mod = ? where id = ?", edited_at, kept.id)
        set_gloss(lib, "Allianz", "changed in lesen")
        later = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "later.apkg")
        assert later.updated == 1
        log = import_apkg(col, later.path)
        assert len(log.updated) == 1 and notes_by_word(col)["Allianz"]["Meaning"] == "changed in lesen"
        assert col.note_count() == 2

        # a change in lesen older than the learner's next edit in Anki does not overwrite that edit
        set_gloss(lib, "Allianz", "changed in lesen again")
        changed = int(lib.scalar("SELECT strftime('%s', updated_at) FROM terms WHERE lemma = 'Allianz'"))
        note = notes_by_word(col)["Allianz"]
        note["Meaning"] = "the learner's later edit"
        col.update_note(note)
        col.db.execute("update notes set mod = ? where id = ?", changed + 100, note.id)
        last = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "last.apkg")
        assert last.updated == 1
        log = import_apkg(col, last.path)
        assert len(log.updated) == 0
        assert notes_by_word(col)["Allianz"]["Meaning"] == "the learner's later edit"
    finally:
        col.close()


def test_article_text_is_escaped(lib, tmp_path):
    text = ("Die Regierung prüft die Verstaatlichung von <Firmen> & {{c1::Banken}} sorgfältig. "
            "Die Verstaatlichung sei \"keine Option\", sagte der Minister am Montag in Berlin.")
    res = library.import_text(lib, text, ref="escape.txt")
    assert res.ok
    set_statuses(lib, ["Verstaatlichung"], 1)
    out = A.export_anki(lib, A.Options(statuses=(1,)), tmp_path / "e.apkg")
    col = new_collection(tmp_path)
    try:
        import_apkg(col, out.path)
        note = notes_by_word(col)["Verstaatlichung"]
        sentence = note["Sentence"]
        assert "<b>Verstaatlichung</b>" in sentence
        assert "<" not in re.sub(r"</?b>", "", sentence)
        if "Firmen" in sentence:
            assert "&lt;Firmen&gt;" in sentence and "&amp;" in sentence
        assert "{{" not in sentence and "{{" not in note["Gap"]
    finally:
        col.close()


def test_output_stays_in_the_folder_asked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert A.resolve_out(None, "../../etc/passwd") == (tmp_path / "decks" / "etc_passwd.apkg").resolve()
    assert A.resolve_out(None, "Deutsch::News") == (tmp_path / "decks" / "Deutsch_News.apkg").resolve()
    with pytest.raises(ValueError):
        A.resolve_out("deck.txt", "x")


def test_cli_export_anki(lib, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from reader.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    r = runner.invoke(main, ["export", "anki", "--limit", "7", "--deck", "News", "--reverse"])
    assert r.exit_code == 0, r.output
    assert "Wrote 7 notes" in r.output and (tmp_path / "decks" / "News.apkg").is_file()
    r = runner.invoke(main, ["export", "anki", "--status", "ignored", "--out", "decks/none.apkg"])
    assert r.exit_code == 0 and "nothing written" in r.output
    assert not (tmp_path / "decks" / "none.apkg").exists()
    r = runner.invoke(main, ["export", "anki", "--article", "no such title"])
    assert r.exit_code != 0 and "no article matches" in r.output
    r = runner.invoke(main, ["export", "anki", "--status", "often"])
    assert r.exit_code != 0 and "unknown status" in r.output


def test_a_word_in_a_verb_phrase_shows_the_phrase_on_its_card(small_dict, tmp_path, monkeypatch):
    """`Verfügung` met in `… zur Verfügung stellen`: the card says what the phrase means in that sentence,
    before the word's own other senses."""
    monkeypatch.setenv("LESEN_DB", str(tmp_path / "lesen.db"))
    text = ("Waffen für Nordkorea\n\nRussland könnte Nordkorea Waffen zur Verfügung stellen. "
            "Das sagte ein Sprecher der Regierung am Montag in Moskau.")
    with Store(tmp_path / "lesen.db") as s:
        assert library.import_text(s, text).ok
        res = A.export_anki(s, A.Options(limit=None), tmp_path / "d.apkg")
    col = new_collection(tmp_path)
    try:
        import_apkg(col, res.path)
        notes = notes_by_word(col)
        more = notes["Verfügung"]["MoreSenses"]
        assert more.startswith("in this sentence: jdm. etw. zur Verfügung stellen: to provide sth."), more
        assert "in this sentence" not in notes["Sprecher"]["MoreSenses"]
    finally:
        col.close()
