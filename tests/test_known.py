"""Known words in and out: plain lists, CSV/TSV, Anki's text export; statuses are never lowered."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import main
from reader.export import known as K
from reader.store.terms import IGNORED, KNOWN, get_status, set_statuses


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_plain_list_is_lemmatised(store, tmp_path):
    text = "Häuser\nging\ndie Abschreckung\nzurück|rudern\n\n  schnell  \nHäuser\nabend\nlaufen\n"
    path = write(tmp_path, "words.txt", text)
    report = K.import_known(store, path)
    assert report.cells == 8 and report.lemmas == 7 and report.marked == 7
    for lemma in ("Haus", "gehen", "Abschreckung", "zurückrudern", "schnell", "Abend", "laufen"):
        assert get_status(store, lemma) == KNOWN, lemma
    assert store.scalar("SELECT source FROM status_history LIMIT 1") == "import"


def test_csv_and_tsv_first_column_with_header(store, tmp_path):
    text = "Wort;Bedeutung\nBündnis;alliance\n\"Drohung\";threat\n"
    csv_path = write(tmp_path, "list.csv", text, "utf-8-sig")
    assert K.read_cells(csv_path) == ["Bündnis", "Drohung"]
    tsv_path = write(tmp_path, "list.tsv", "Verteidigungsminister\tminister of defence\nsagen\tto say\n")
    assert K.read_cells(tsv_path) == ["Verteidigungsminister", "sagen"]
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Größe\nÜbung\n".encode("cp1252"))
    assert K.read_cells(latin) == ["Größe", "Übung"]
    K.import_known(store, csv_path)
    assert get_status(store, "Bündnis") == KNOWN and get_status(store, "Drohung") == KNOWN


def test_anki_plain_text_export(store, tmp_path):
    text = (
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
        "a1B2c3\tlesen German word\tlesen\t<b>die</b> Abschreckung, -en [sound:abschreckung.mp3]"
        "\tdeterrence\tlesen\n"
        "x9y8z7\tBasic\tDeutsch\tVerb&auml;nde\tassociations\t\n"
    )
    path = write(tmp_path, "anki.txt", text)
    assert [K.clean_cell(c) for c in K.read_cells(path)] == ["Abschreckung", "Verbände"]
    report = K.import_known(store, path)
    assert report.marked == 2
    assert get_status(store, "Abschreckung") == KNOWN and get_status(store, "Verband") == KNOWN


def test_never_lowers_what_the_learner_set(store, tmp_path):
    set_statuses(store, ["Bündnis"], IGNORED)
    set_statuses(store, ["Drohung"], KNOWN)
    set_statuses(store, ["Allianz"], 2)
    set_statuses(store, ["Haus"], KNOWN, source="level", assumed=True)
    path = write(tmp_path, "w.txt", "Bündnis\nDrohung\nAllianz\nHaus\nXyzqwv\n")
    report = K.import_known(store, path)
    assert get_status(store, "Bündnis") == IGNORED
    assert get_status(store, "Drohung") == KNOWN
    assert get_status(store, "Allianz") == KNOWN
    assert store.scalar("SELECT assumed FROM terms WHERE lemma = 'Haus'") == 0
    assert (report.kept_ignored, report.already, report.marked) == (1, 1, 3)
    assert report.unrecognised == ["Xyzqwv"]
    assert any("not recognised" in line for line in report.lines())


def test_export_round_trip(store, tmp_path):
    set_statuses(store, ["Haus", "gehen"], KNOWN)
    set_statuses(store, ["Baum"], KNOWN, source="level", assumed=True)
    set_statuses(store, ["Allianz"], 3)
    assert K.known_lemmas(store) == ["gehen", "Haus"]
    assert K.known_lemmas(store, include_assumed=True) == ["Baum", "gehen", "Haus"]
    runner = CliRunner()
    r = runner.invoke(main, ["known", "export"])
    assert r.exit_code == 0 and r.output == "gehen\nHaus\n"
    out = tmp_path / "out" / "known.txt"
    r = runner.invoke(main, ["known", "export", "--out", str(out)])
    assert r.exit_code == 0 and out.read_text("utf-8") == "gehen\nHaus\n"
    r = runner.invoke(main, ["known", "import", str(out)])
    assert r.exit_code == 0 and "0 marked known, 2 already known" in r.output


def test_cli_errors(store, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["known", "import", str(tmp_path / "missing.txt")])
    assert r.exit_code != 0 and "no such file" in r.output
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    r = runner.invoke(main, ["known", "import", str(binary)])
    assert r.exit_code != 0 and "binary" in r.output
    empty = write(tmp_path, "empty.txt", "\n\n")
    r = runner.invoke(main, ["known", "import", str(empty)])
    assert r.exit_code != 0 and "has no words" in r.output
    assert store.scalar("SELECT count(*) FROM terms") == 0


@pytest.mark.parametrize("cell,word", [
    ("<div>das  Haus</div>", "Haus"), ("sich erinnern (an + Akk.)", "erinnern"), ("Eltern (pl.)", "Eltern"),
    ("ab|holen", "abholen"), ("&quot;Zug&quot;", "Zug"),
])
def test_clean_cell(cell, word):
    assert K.clean_cell(cell) == word


def test_notes_exported_by_anki_itself(store, tmp_path):
    """Anki's own "Notes in Plain Text" export (guid, note type, deck and tags columns) is read."""
    anki_collection = pytest.importorskip("anki.collection")
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest, NoteIdsLimit

    from reader.export import anki as A
    from reader.export import words as W

    views = [W.WordView("Abschreckung", "NOUN", article="die", gender="f", display="die Abschreckung"),
             W.WordView("zurückrudern", "VERB", display="zurück|rudern"),
             W.WordView("Bündnispartner", "NOUN", article="der", gender="m", display="der Bündnispartner")]
    notes = [A.NoteData(v.lemma, A.new_guid(v.lemma, v.pos), A.note_fields(v, False), A.note_tags(v), "",
                        "2025-01-01T00:00:00+00:00") for v in views]
    pkg, _ = A.build_package(notes, "lesen")
    apkg = tmp_path / "d.apkg"
    apkg.write_bytes(A.package_bytes(pkg))
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg),
                                                         options=ImportAnkiPackageOptions()))
        out = tmp_path / "notes.txt"
        everything = NoteIdsLimit(note_ids=list(col.find_notes("")))
        col.export_note_csv(out_path=str(out), limit=everything, with_html=True, with_tags=True,
                            with_deck=True, with_notetype=True, with_guid=True)
    finally:
        col.close()
    assert sorted(K.clean_cell(c) for c in K.read_cells(out)) == ["Abschreckung", "Bündnispartner",
                                                                   "zurückrudern"]
    report = K.import_known(store, out)
    assert report.marked == 3
    assert all(get_status(store, w) == KNOWN for w in ("Abschreckung", "zurückrudern", "Bündnispartner"))
