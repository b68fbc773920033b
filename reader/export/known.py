"""Known words in and out: a plain list, a CSV/TSV (first column) or an Anki plain-text export.

Imported words are lemmatised with lesen's own analysis and marked known; a status the learner set is
never lowered (ignored words stay ignored, known words stay known), and words only assumed known from a
level guess become known for real.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import nlp, sources
from ..store import Store
from ..store.terms import IGNORED, KNOWN, set_statuses
from . import words as W

MAX_BYTES = 20 * 1024 * 1024
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}
_HEADER_CELLS = {"word", "words", "lemma", "wort", "wörter", "term", "front", "vorderseite", "german",
                 "deutsch", "vokabel", "vocabulary"}
_TAG = re.compile(r"<[^>]*>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(der|die|das|sich|to)\s+", re.IGNORECASE)
_SKIP_POS = {"DET", "PRON", "PUNCT"}


def _cells_from_anki(lines: list[str]) -> list[str]:
    """The first content column of Anki's plain-text export, honouring its `#` headers."""
    headers: dict[str, str] = {}
    body = []
    for line in lines:
        if line.startswith("#") and ":" in line and not body:
            key, value = line[1:].split(":", 1)
            headers[key.strip().lower()] = value.strip()
        elif line.strip():
            body.append(line)
    sep_name = headers.get("separator", "tab").lower()
    sep = _SEPARATORS.get(sep_name, sep_name[:1] or "\t")
    skip = {int(v) - 1 for k, v in headers.items() if k.endswith(" column") and v.isdigit()}
    out = []
    for row in csv.reader(body, delimiter=sep):
        cells = [c for k, c in enumerate(row) if k not in skip]
        if cells:
            out.append(cells[0])
    return out


def read_cells(path: Path) -> list[str]:
    """The words of a file: one a line, the first column of a CSV/TSV, or Anki's text export."""
    if not path.is_file():
        raise sources.SourceError(f"{path}: no such file")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise sources.SourceError(f"{path}: is too large for a word list")
    text = sources.decode(data, str(path))
    lines = text.splitlines()
    if any(line.startswith(("#separator:", "#html:", "#columns:", "#notetype")) for line in lines[:20]):
        return _cells_from_anki(lines)
    sample = "\n".join(lines[:50])
    sep = None
    if path.suffix.lower() == ".tsv" or "\t" in sample:
        sep = "\t"
    elif path.suffix.lower() == ".csv" or ";" in sample or "," in sample:
        sep = ";" if sample.count(";") >= sample.count(",") else ","
    if sep is None:
        cells = [line.strip() for line in lines]
    else:
        cells = [row[0] for row in csv.reader(lines, delimiter=sep) if row]
    cells = [c for c in cells if c.strip() and not c.lstrip().startswith("#")]
    if cells and cells[0].strip().lower() in _HEADER_CELLS:
        cells = cells[1:]
    return cells


def clean_cell(cell: str) -> str:
    """`<b>die</b> Abschreckung, -en [sound:x.mp3]` → `Abschreckung`; `zurück|rudern` → `zurückrudern`."""
    text = html.unescape(_TAG.sub(" ", _SOUND.sub(" ", cell)))
    text = W.strip_separable_mark(text)
    text = _BRACKETS.sub(" ", text).split(",")[0].strip()
    for _ in range(2):
        text = _LEADING.sub("", text).strip()
    return " ".join(text.split()).strip(" .;:!?\"'„“”")


def lemmatise(words: list[str]) -> list[str | None]:
    """Each cleaned word's lemma by lesen's analysis (None for cells with no word)."""
    out: list[str | None] = []
    for tokens in nlp.analyze_many(words):
        words_ = [t for t in tokens if t.is_word]
        chosen = [t for t in words_ if t.pos not in _SKIP_POS] or words_
        if not chosen:
            out.append(None)
            continue
        t = chosen[0]
        lemma = t.lemma
        if t.pos == "NOUN" and t.text[:1].islower() and t.text.endswith(("en", "ern", "eln")):
            # a lone lowercase infinitive is read as a nominalised one (`laufen` → `Laufen`)
            lemma = t.text
        out.append(lemma)
    return out


@dataclass
class ImportReport:
    cells: int = 0  # entries read from the file
    lemmas: int = 0  # distinct lemmas they gave
    in_library: int = 0  # of those, lemmas that occur in the learner's articles
    marked: int = 0  # newly marked known (or confirmed when only assumed)
    already: int = 0  # already known
    kept_ignored: int = 0  # ignored by the learner, left as they are
    unrecognised: list[str] = field(default_factory=list)  # lemmas no German word list or article knows

    def lines(self) -> list[str]:
        out = [
            f"Read {self.cells} entries: {self.lemmas} distinct lemmas, {self.in_library} of them in your"
            " library.",
            f"{self.marked} marked known, {self.already} already known,"
            f" {self.kept_ignored} ignored words left as they are.",
        ]
        if self.unrecognised:
            sample = ", ".join(self.unrecognised[:8]) + (" …" if len(self.unrecognised) > 8 else "")
            out.append(f"{len(self.unrecognised)} not recognised as German words (marked anyway): {sample}")
        return out


def import_known(store: Store, path: Path | str) -> ImportReport:
    """Mark the words of a file known, never lowering a status the learner set (one transaction)."""
    cells = read_cells(Path(path))
    cleaned = [clean_cell(c) for c in cells]
    lemmas = [lemma for lemma in lemmatise([c for c in cleaned if c]) if lemma]
    unique = list(dict.fromkeys(lemmas))
    report = ImportReport(cells=len(cells), lemmas=len(unique))
    current: dict[str, tuple[int, int]] = {}
    in_library: set[str] = set()
    for k in range(0, len(unique), 900):
        chunk = unique[k : k + 900]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT lemma, status, assumed FROM terms WHERE lemma IN ({marks})"
        for r in store.query(sql, tuple(chunk)):
            current[r[0]] = (r[1], r[2])
        in_library.update(r[0] for r in store.query(
            f"SELECT DISTINCT lemma FROM article_terms WHERE lemma IN ({marks})", tuple(chunk)))
    report.in_library = len(in_library)
    to_mark = []
    for lemma in unique:
        status, assumed = current.get(lemma, (0, 0))
        if status == IGNORED:
            report.kept_ignored += 1
        elif status == KNOWN and not assumed:
            report.already += 1
        else:
            to_mark.append(lemma)
        if lemma not in in_library and W.zipf(lemma) == 0:
            report.unrecognised.append(lemma)
    report.marked = set_statuses(store, to_mark, KNOWN, source="import")
    return report


def known_lemmas(store: Store, *, include_assumed: bool = False) -> list[str]:
    """The learner's known lemmas, alphabetically (assumed-known words only when asked)."""
    sql = "SELECT lemma FROM terms WHERE status = ?" + ("" if include_assumed else " AND assumed = 0")
    return sorted((r[0] for r in store.query(sql, (KNOWN,))), key=lambda s: (s.casefold(), s))


def export_text(store: Store, *, include_assumed: bool = False) -> str:
    lemmas = known_lemmas(store, include_assumed=include_assumed)
    return "".join(f"{lemma}\n" for lemma in lemmas)
