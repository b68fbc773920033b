"""Import a Ding file into the dictionary's own indexed SQLite file (built aside, then swapped in)."""

from __future__ import annotations

import gc
import gzip
import io
import itertools
import json
import lzma
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..zipf import Zipf
from . import db, family, idioms
from .ding import Line, SubEntry, Word, is_single, read_lines, strip_person
from .ranking import core_of

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE subs (sid INTEGER PRIMARY KEY, senses TEXT NOT NULL);  -- [[text, labels, English Zipf], …]
CREATE TABLE lines (line INTEGER PRIMARY KEY, words TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,          -- lower-cased headword
    word TEXT NOT NULL,         -- as written
    pos TEXT,                   -- Universal POS from the word-class marker
    gender TEXT,                -- m / f / n
    plural TEXT,                -- the full plural form when the line gives one
    is_plural INTEGER NOT NULL, -- the headword itself is a plural ({pl})
    line INTEGER NOT NULL,
    sub INTEGER NOT NULL,       -- 0: the line's main sub-entry; >0: a phrase sub-entry
    syn INTEGER NOT NULL,       -- position among the synonyms
    sid INTEGER NOT NULL,       -- → subs (the English senses)
    labels TEXT,                -- German-side labels, space-separated
    comment TEXT
);
CREATE TABLE english (           -- one-word English senses, lower-cased
    word TEXT PRIMARY KEY,
    zipf REAL NOT NULL          -- wordfreq's English Zipf frequency
) WITHOUT ROWID;
CREATE TABLE forms (
    key TEXT NOT NULL,          -- lower-cased form (`abgehalten`, `abschreckungen`, `steht auf`)
    entry INTEGER NOT NULL,     -- → entries (the headword it is a form of)
    kind TEXT NOT NULL,         -- plural / form
    sid INTEGER NOT NULL        -- → subs (the English of this form: `given`, or the entry's own senses)
);
"""
INDEXES = """
CREATE INDEX entries_key ON entries (key);
CREATE INDEX forms_key ON forms (key);
"""
PLURAL, FORM, ABBREV, PHRASE = "plural", "form", "abbr", "phrase"
HYPHEN_BREAK = 1.0  # Zipf units per hyphen of an English sense (wordfreq's INFERRED_SPACE_FACTOR, 10×)
PHRASES_PER_WORD = 3
FRAME_RANK = 3  # a verb taken out of its object frame counts as a later synonym
_FRAME = {"etw.", "jdm.", "jdn.", "jds.", "sich", "jdm./etw.", "etw./jdm.", "jdn./etw.", "etw./jdn.", "einer",
          "Sache", "mit", "an", "auf", "für", "über", "von", "zu", "gegen", "um", "in", "aus", "bei", "nach",
          "vor", "unter", "zwischen", "als"}
# Leading words that are not part of the headword: `die Polizei`, `sich erholen`, `etw. planen`.
_LEADING = ("der ", "die ", "das ", "sich ", "etw. ", "jdn. ", "jdm. ", "jds. ", "etw./jdn. ", "jdn./etw. ",
            "jdm./etw. ", "etw./jdm. ")
_FORM_CLASSES = ("VERB", "ADJ", "ADV")
Progress = Callable[[int, int], None]
# Paired conjunctions and other two-part words: `weder … noch`, `sowohl … als auch`, `zwar …, aber …`.
_PAIRED = re.compile(r"^[^\W\d]+ …,? [^\W\d]+(?: [^\W\d]+)?(?: …)?$")
_to_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


@dataclass
class ImportResult:
    path: Path
    source: str
    lines: int
    entries: int
    malformed: int
    seconds: float
    errors: list[str]


def sid_of(line: int, sub: int) -> int:
    return line * 1024 + sub


def open_text(path: Path, progress: Progress | None = None) -> Iterator[str]:
    """The lines of a plain, gzipped or xz-compressed Ding file, reporting bytes read to `progress`."""
    raw = open(path, "rb")  # noqa: SIM115 - closed below
    total = os.fstat(raw.fileno()).st_size
    try:
        head = raw.read(6)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head[:2] == b"\x1f\x8b" else \
            lzma.LZMAFile(raw) if head == b"\xfd7zXZ\x00" else raw
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace")
        done = 0
        for n, line in enumerate(text):
            yield line
            if progress and n % 4096 == 0:
                pos = raw.tell()
                progress(pos - done, total)
                done = pos
        if progress:
            progress(total - done, total)
    finally:
        raw.close()


def _is_frame(text: str) -> bool:
    """A verb with its object frame: placeholders and prepositions, then one lower-case verb."""
    *frame, verb = text.split()
    return verb.isalpha() and verb.islower() and verb.endswith("n") and all(w in _FRAME for w in frame)


def case_forms(comment: str) -> list[str]:
    """A personal pronoun's case forms, listed first in its comment: `er {ppron} (seiner; ihm; ihn)`, `Sie
    {pron} (Ihrer; Ihnen; Sie) (förmliche Anrede)`."""
    forms = list(itertools.takewhile(str.isalpha, comment.split("; ")))
    return forms if len(forms) > 1 else []


def _form_like(sub: SubEntry) -> bool:
    """A sub-entry listing forms of the headword: no markers, single words, no `to …` infinitive."""
    if not sub.german or any(w.pos or w.gender or w.plural for w in sub.german):
        return False
    if any(s.text.startswith("to ") for s in sub.english):
        return False
    return all(len(strip_person(w.text).split()) <= 2 and is_single(strip_person(w.text).split()[0])
               for w in sub.german if strip_person(w.text))


class Rows:
    """Turns parsed lines into table rows."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.forms: list[tuple] = []
        self.subs: list[tuple] = []
        self.lines: list[tuple] = []
        self.phrases: list[tuple] = []  # short multi-word synonyms (`und zwar`, `v. Chr.`)
        self.english: set[str] = set()  # one-word English senses (to recognise English loanwords)
        self.family: list[tuple[str, str, list[str]]] = []  # (key, class, key words of its first senses)
        self.modifiers: list[tuple[str, list[str]]] = []  # (noun key, first words of its first senses)
        self.idioms: list[tuple[str, str, str, int, int]] = []  # verb phrases (`zur Verfügung stellen`)
        self.zipf = Zipf("en")  # each sense's English frequency (of its `core` words, as the ranking scores)

    def sense_zipf(self, text: str) -> float:
        """How common a sense is: wordfreq's Zipf of its `core` words, one less per hyphen. wordfreq reads a
        hyphenated word as its parts side by side, so `out-and-out` would be as common as `out`; its
        own penalty for a word break it had to infer is the same factor of ten."""
        core = core_of(text)
        return max(0.0, self.zipf(core) - HYPHEN_BREAK * core.count("-"))

    def _entry(self, w: Word, text: str, line: int, sub: int, syn: int, pos: str | None) -> int:
        eid = len(self.entries) + 1
        self.entries.append((eid, text.lower(), text, pos, w.gender, None, int(w.plural), line, sub, syn,
                             sid_of(line, sub), " ".join(w.labels) or None, w.comment))
        return eid

    def _words(self, sub: SubEntry, k: int, line: int, default_pos: str | None) -> list[int | None]:
        ids: list[int | None] = []
        for j, w in enumerate(sub.german):
            text = w.text
            while " " in text and text.startswith(_LEADING):
                text = text.split(" ", 1)[1]
            framed = " " in text and _is_frame(text)
            if framed:  # `jdn. von etw. abhalten`, `etw. mit jdm. teilen`: the verb, ranked after plain ones
                text = text.rsplit(" ", 1)[1]
            if not is_single(text):
                ids.append(None)
                if text.count(" ") <= 2 and "…" not in text and "/" not in text or _PAIRED.match(text):
                    self.phrases.append((w, text, line, k, j))
                for abbrev in w.abbrevs:  # `Sozialdemokratische Partei Deutschlands {f} /SPD/`
                    self._entry(w, abbrev, line, k, j, w.pos)
                continue
            pos = w.pos or (default_pos if text[:1].isupper() == (default_pos == "NOUN") else None)
            eid = self._entry(w, text, line, k, j + FRAME_RANK if framed else j, pos)
            ids.append(eid)
            for abbrev in w.abbrevs:
                self.forms.append((abbrev.lower(), eid, ABBREV, sid_of(line, k)))
            if pos == "PRON" and w.comment and (cases := case_forms(w.comment)):  # `sie (ihrer; ihnen; sie)`
                self.forms += [(case.lower(), eid, FORM, sid_of(line, k)) for case in cases]
        return ids

    def add(self, ln: Line) -> None:
        main = ln.subs[0]
        main_pos = next((w.pos for w in main.german if w.pos), None)
        context: set[str] = set()
        prev_ids: list[int | None] = []
        in_forms = main_pos in _FORM_CLASSES
        for k, sub in enumerate(ln.subs):
            if sub.is_sentence:
                in_forms = False
                prev_ids = []
                continue
            senses = [[s.text, s.labels, self.sense_zipf(s.text)] for s in sub.english]
            self.subs.append((sid_of(ln.number, k), _to_json(senses)))
            if k == 0:
                self.english.update(s.text.lower() for s in sub.english if s.text.isalpha())
            for w in sub.german:
                context.update(t.lower() for t in w.text.split() if len(t) > 2)
            if k == 0:
                prev_ids = self._words(sub, 0, ln.number, main_pos)
                self._family(prev_ids, sub)
                continue
            if in_forms and _form_like(sub):
                for j, w in enumerate(sub.german):
                    target = prev_ids[j] if j < len(prev_ids) else prev_ids[0] if prev_ids else None
                    if target:
                        self.forms.append((strip_person(w.text).lower(), target, FORM, sid_of(ln.number, k)))
                continue
            in_forms = False
            if sub.german and all(w.plural for w in sub.german) and any(prev_ids):
                for j, w in enumerate(sub.german):
                    target = prev_ids[j] if j < len(prev_ids) else None
                    if target and is_single(w.text):
                        self._set_plural(target, w.text)
                        self.forms.append((w.text.lower(), target, PLURAL, self.entries[target - 1][10]))
                continue
            prev_ids = self._words(sub, k, ln.number, None)
        self.lines.append((ln.number, " ".join(sorted(context))))
        self.idioms += idioms.rows(ln.number, ((sub, sid_of(ln.number, k)) for k, sub in enumerate(ln.subs)))

    def _family(self, ids: list[int | None], sub: SubEntry) -> None:
        for eid in ids:
            if eid and (e := self.entries[eid - 1])[3] in family.CLASSES:
                words = [family.key_word(s.text, e[3]) for s in sub.english[: family.SENSES]]
                self.family.append((e[1], e[3], words))
                if e[3] == "NOUN":
                    firsts = [family.first_word(s.text) for s in sub.english[: family.SENSES]]
                    self.modifiers.append((e[1], firsts))

    def add_phrases(self) -> None:
        """Words found only inside short phrases (`zwar` in `und zwar`, `weder` in `weder … noch`) or with
        no English of their own (`sowohl {conj} ::`, then `sowohl … als auch`) point to those phrases; the
        first word of a two-part one always does (`um` → `um … zu`)."""
        silent = {sid for sid, senses in self.subs if senses == "[]"}
        known = {e[1] for e in self.entries if e[10] not in silent} | {f[0] for f in self.forms}
        per_word: dict[str, int] = {}
        for w, text, line, k, j in self.phrases:
            eid = None
            # `nach wie vor`, `in der Regel`, `im Rahmen von`: shown as the phrase of a sentence
            if _set_phrase(w, text, k) or _PREPOSITION_OF.match(text):
                eid = self._entry(w, text, line, k, j, w.pos)
            if _PAIRED.match(text):  # its first word points to it even when known (`um` → `um … zu`)
                first = text.split()[0].lower()
                eid = eid or self._entry(w, text, line, k, j, w.pos)
                self.forms.append((first, eid, PHRASE, sid_of(line, k)))
                known.add(first)
            for token in text.split():
                key = token.lower().rstrip(".,")
                if len(key) < 2 or key in known or per_word.get(key, 0) >= PHRASES_PER_WORD:
                    continue
                if eid is None:
                    eid = self._entry(w, text, line, k, j, w.pos)
                per_word[key] = per_word.get(key, 0) + 1
                self.forms.append((key, eid, PHRASE, sid_of(line, k)))

    def _set_plural(self, eid: int, plural: str) -> None:
        row = self.entries[eid - 1]
        if row[5] is None and row[6] == 0:
            self.entries[eid - 1] = (*row[:5], plural, *row[6:])


# Words a set phrase of the main sub-entry does not open: an article or pronoun opens a noun phrase (`ein
# Einzelfall`), not a fixed expression.
_NOT_OPENING = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "sein",
    "seine", "ihr", "ihre", "mein", "meine", "sich", "es", "er", "sie", "ich", "du", "wir", "man"))


# Nor is a phrase that a conjunction or degree word opens (`aber auch`, `sehr gut`) or that ends in an article
# or pronoun (`mit dem`, `für mich`): Ding has them, but they are no expressions of their own in a text.
_LOOSE = frozenset(("und", "oder", "aber", "denn", "sondern", "doch", "dann", "sehr", "auch", "so", "ganz"))
_NOT_ENDING = _NOT_OPENING | {"mich", "dich", "uns", "euch", "ihn", "ihm", "mir", "dir", "ihnen", "einem"}


# A preposition made of a preposition, a noun and `von` (`im Rahmen von`, `auf Kosten von`, `im Alter von`),
# in any sub-entry: in a text the noun is followed by `von` or a genitive (`im Rahmen der Reform`).
_PREPOSITION_OF = re.compile(r"^(?:im|in|am|an|auf|mit|zum|zur|unter|aus|vor|nach|bei|ohne|gegen|zu|vom)"
                             r" [A-ZÄÖÜ][a-zäöüß]+ von$")


def _set_phrase(w: Word, text: str, k: int) -> bool:
    """Whether a phrase of two or three words in a line's main sub-entry is a set expression to store as a
    headword of its own (`nach wie vor`, `zum Beispiel`, `darüber hinaus`), even when its words are known
    elsewhere: not a verb phrase (`idioms.py` has those: `billig einkaufen`) nor one opened by an article or
    pronoun, a conjunction or a degree word, nor one ending in an article or pronoun."""
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    verb_like = words[-1].islower() and words[-1].endswith(("en", "rn", "ln"))
    first, last = words[0].lower(), words[-1].lower()
    return (k == 0 and w.pos != "VERB" and first not in _NOT_OPENING | _LOOSE and last not in _NOT_ENDING
            and all(x.isalpha() for x in words) and not verb_like)


def import_file(source: Path, target: Path | None = None, *, progress: Progress | None = None,
                origin: str | None = None) -> ImportResult:
    """Parse `source` (plain or gzipped Ding) into a fresh dictionary file at `target`, atomically."""
    started = time.perf_counter()
    source = Path(source)
    target = Path(target) if target else db.dict_path()
    if not source.is_file():
        raise FileNotFoundError(2, "no such file", str(source))
    errors: list[str] = []
    rows = Rows()
    count = 0
    collecting = gc.isenabled()
    gc.disable()  # millions of small objects, none cyclic: the collector would only slow the import down
    try:
        for ln in read_lines(open_text(source, progress), errors):
            rows.add(ln)
            count += 1
        rows.add_phrases()
    finally:
        if collecting:
            gc.enable()
    if count == 0:
        raise ValueError(f"{source}: no Ding entries found ({len(errors)} malformed lines)")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(str(tmp))
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(SCHEMA)
        conn.execute(f"PRAGMA application_id = {db.APP_ID}")
        conn.execute(f"PRAGMA user_version = {db.FORMAT_VERSION}")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.entries)
        conn.executemany("INSERT INTO forms VALUES (?,?,?,?)", rows.forms)
        conn.executemany("INSERT INTO subs VALUES (?,?)", rows.subs)
        conn.executemany("INSERT INTO lines VALUES (?,?)", rows.lines)
        english = [(w, rows.zipf(w)) for w in sorted(rows.english)]
        conn.executemany("INSERT INTO english VALUES (?,?)", english)
        family.create(conn, family.table_rows(rows.family), family.modifier_rows(rows.modifiers))
        idioms.create(conn, rows.idioms)
        conn.executescript(INDEXES)
        meta = {"source": origin or str(source.resolve()), "lines": count, "entries": len(rows.entries),
                "malformed": len(errors), "imported_at": db.now(), "size": source.stat().st_size}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)  # on disk before it replaces the old file: a crash never leaves a torn dictionary
    finally:
        os.close(fd)
    os.replace(tmp, target)
    db.reset()
    return ImportResult(target, meta["source"], count, len(rows.entries), len(errors),
                        time.perf_counter() - started, errors)
