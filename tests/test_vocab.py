"""Teachers' vocabulary lists: every format parsed back and checked; no learner database is touched."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.export import anki as A
from reader.export import vocab as V
from reader.export import words as W

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def texts() -> list[V.Text]:
    return V.read_texts([str(SEEDS)])


@pytest.fixture(scope="module")
def b1(texts) -> V.VocabList:
    return V.build(texts, "B1")


def test_seeds_b1_list_has_the_hard_words_with_glosses(b1):
    from reader.dictionary import dictionary_path, ensure_imported

    entries = {v.lemma: v for v in b1.entries}
    assert "Abschreckung" in entries and "Denuklearisierung" in entries
    assert entries["Abschreckung"].display == "die Abschreckung"
    assert "Abschreckung" in entries["Abschreckung"].example.text
    assert all(not W.known_at(v.lemma, "B1") for v in b1.entries)
    assert all(v.pos not in W.SKIP_POS for v in b1.entries)
    assert "Japan" not in entries and "USA" not in entries  # names are never listed
    # HanTa's stems of the commonest words are no B1 vocabulary: `letzt` (letzte), `ander` (anderen)
    assert not {"letzt", "ander", "jed"} & set(entries)
    if ensure_imported(quiet=True) is None:
        pytest.skip(f"no Ding dictionary ({dictionary_path()})")
    assert "deterrence" in entries["Abschreckung"].meaning + " ".join(entries["Abschreckung"].more)
    assert "denuclearization" in entries["Denuklearisierung"].meaning
    assert entries["Abschreckung"].plural == "-en"


def test_ranking_by_count_then_frequency(b1):
    keys = [(-v.count, -v.zipf) for v in b1.entries]
    assert keys == sorted(keys)


def test_level_changes_the_list(texts, b1):
    c1 = V.build(texts, "C1")
    assert {v.lemma for v in c1.entries} < {v.lemma for v in b1.entries}
    assert c1.before > b1.before


def test_coverage_gives_the_fewest_words(texts):
    vl = V.build(texts, "B1", coverage=95)
    assert vl.before < 0.95 <= vl.after
    counts = sum(v.count for v in vl.entries)
    assert vl.after == pytest.approx(vl.before + counts / vl.running)
    # one word fewer (the least frequent listed) would not reach 95 %
    assert vl.after - vl.entries[-1].count / vl.running < 0.95
    assert "95.1%" in V.summary(vl) or f"{vl.after:.1%}" in V.summary(vl)


def test_top(texts):
    vl = V.build(texts, "B1", top=10)
    assert len(vl.entries) == 10 and vl.after > vl.before


def test_csv_opens_in_german_excel(b1):
    data = V.render(b1, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == V.COLUMNS
    assert len(rows) == len(b1.entries) + 1
    by_lemma = {r[1]: dict(zip(V.COLUMNS, r, strict=True)) for r in rows[1:]}
    ab = by_lemma["Abschreckung"]
    assert ab["word"] == "die Abschreckung" and ab["article"] == "die" and ab["part of speech"] == "noun"
    assert ab["level"] == W.level_of("Abschreckung") and int(ab["count"]) >= 1
    assert float(ab["zipf"].replace(",", ".")) == pytest.approx(W.zipf("Abschreckung"), abs=0.05)
    assert "," in ab["zipf"]  # decimal comma for German spreadsheets
    assert "Abschreckung" in ab["example"] and "<b>" not in ab["example"]


def test_tsv(b1):
    lines = V.render(b1, "tsv").decode("utf-8").splitlines()
    assert lines[0].split("\t") == V.COLUMNS
    assert all(len(line.split("\t")) == len(V.COLUMNS) for line in lines)
    assert any(line.split("\t")[1] == "Denuklearisierung" for line in lines)


class TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.title = ""
        self.items: list[str] = []
        self._cell: list[str] | None = None
        self._where: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("title", "li"):
            self._where = tag
            if tag == "li":
                self.items.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag in ("title", "li"):
            self._where = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._where == "title":
            self.title += data
        elif self._where == "li":
            self.items[-1] += data


def test_printable_html(b1, texts):
    page = V.render(b1, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    p = TableParser()
    p.feed(page)
    assert p.title.startswith("Vocabulary (B1):") and texts[0].title in p.title
    assert p.items == [t.title for t in texts]
    assert p.rows[0][0] == "word" and len(p.rows) == len(b1.entries) + 1
    words = {r[0] for r in p.rows[1:]}
    assert "die Denuklearisierung" in words
    assert page.count("<table") == 1


def test_markdown(b1):
    lines = V.render(b1, "md").decode("utf-8").splitlines()
    assert lines[0].startswith("# Vocabulary (B1):")
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == len(b1.entries) + 2
    assert any("die Abschreckung" in line for line in table)


def test_anki_text_headers_and_columns(b1):
    lines = V.render(b1, "anki-txt").decode("utf-8").splitlines()
    headers = dict(line[1:].split(":", 1) for line in lines if line.startswith("#"))
    assert headers["separator"] == "tab" and headers["html"] == "true"
    assert headers["notetype"] == A.MODEL_NAME and headers["guid column"] == "1"
    assert headers["deck column"] == "3" and headers["notetype column"] == "2"
    columns = headers["columns"].split("\t")
    assert columns[3:-1] == A.FIELD_NAMES
    body = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(body) == len(b1.entries) and all(len(r) == len(columns) for r in body)
    assert len({r[0] for r in body}) == len(body)  # one GUID per word
    deno = next(r for r in body if r[3] == "Denuklearisierung")
    assert deno[0] == A.new_guid("Denuklearisierung", "NOUN") and "lesen" in deno[-1].split()


def test_quizlet(b1):
    lines = V.render(b1, "quizlet").decode("utf-8").splitlines()
    assert len(lines) == len(b1.entries)
    assert all(line.count("\t") == 1 for line in lines)
    assert any(line.startswith("die Abschreckung, -en\t") or line.startswith("die Abschreckung\t")
               for line in lines)


def test_cli_on_files_needs_no_database(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from reader.cli import main

    db = tmp_path / "nobody.db"
    monkeypatch.setenv("LESEN_DB", str(db))
    monkeypatch.chdir(tmp_path)
    seed = str(SEEDS / "001_9c8e84d3104ac2b8.txt")
    r = CliRunner().invoke(main, ["vocab", seed, "--level", "B2", "--format", "csv"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "vocab" / "001_9c8e84d3104ac2b8.csv"
    assert out.is_file() and "Coverage at B2" in r.output
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == V.COLUMNS and len(rows) > 5
    r = CliRunner().invoke(main, ["vocab", seed, "--coverage", "95", "--format", "quizlet", "--out", "-"])
    assert r.exit_code == 0 and "\t" in r.output
    assert not db.exists()
    r = CliRunner().invoke(main, ["vocab", "no-such-thing"])
    assert r.exit_code != 0 and "no such file, folder or article" in r.output


def test_articles_from_the_library(store):
    from reader import library

    res = library.import_text(store, (SEEDS / "004_fd22ed933553cd7a.txt").read_text("utf-8"), ref="seed4")
    texts = V.read_texts([str(res.article_id)], lambda: store)
    vl = V.build(texts, "B1")
    assert "Abschreckung" in {v.lemma for v in vl.entries}
    with pytest.raises(V.sources.SourceError):
        V.read_texts(["12345"], lambda: store)
    # one stored article's list is named by its title, so lists of different articles do not overwrite
    # each other; several articles' list is vocabulary.*
    name = V.default_out(texts, "csv").name
    assert name == "Angesichts-der-anhaltenden-Provokation-Nordkoreas-wollen-die.csv"
    assert V.default_out(texts * 2, "md").name == "vocabulary.md"


def test_a_bad_file_in_a_folder_is_skipped_with_a_warning(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text((SEEDS / "001_9c8e84d3104ac2b8.txt").read_text("utf-8"), "utf-8")
    english = "This is an English text about nothing in particular at all, really."
    (folder / "b.txt").write_text(english, "utf-8")
    warnings: list[str] = []
    texts = V.read_texts([str(folder)], warn=warnings.append)
    assert len(texts) == 1 and len(warnings) == 1 and "does not look German" in warnings[0]
    with pytest.raises(V.sources.SourceError):
        V.read_texts([str(folder / "b.txt")], warn=warnings.append)


def test_a_word_in_a_verb_phrase_is_glossed_with_the_phrase_of_its_example(small_dict, tmp_path):
    """A teacher pre-teaching `Verfügung` from `… zur Verfügung stellen` needs the phrase's meaning."""
    f = tmp_path / "waffen.txt"
    f.write_text("Waffen für Nordkorea\n\nRussland könnte Nordkorea Waffen zur Verfügung stellen. Das sagte "
                 "ein Sprecher der Regierung am Montag in Moskau.", encoding="utf-8")
    vl = V.build(V.read_texts([str(f)]), "A1")
    rows = {r["lemma"]: r for r in csv.DictReader(io.StringIO(V.render(vl, "tsv").decode()), delimiter="\t")}
    assert rows["Verfügung"]["gloss"].endswith(
        "(in the example: jdm. etw. zur Verfügung stellen: to provide sth. (to/for sb.))"), rows["Verfügung"]
    assert "in the example" not in rows["Sprecher"]["gloss"]
    quizlet = dict(line.split("\t") for line in V.render(vl, "quizlet").decode().splitlines())
    assert "zur Verfügung stellen" in next(v for k, v in quizlet.items() if "Verfügung" in k)
