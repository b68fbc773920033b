"""Anki decks for learners (genanki): a note type made for German, updated in place on re-export.

Re-exporting never duplicates a note nor touches review history, because (see ../shared/notes/anki.md):
the note type id, its field ids and template ids are constants; every word has one GUID, created once and
stored in `terms.guid`; a note's modification time is when its content last changed (a hash of the fields
and tags is kept in `terms.export_hash`, and `terms.changed_at` moves only when the hash does), so Anki
takes our update only when something changed and keeps edits the learner made in Anki after that.

API for the reader's export dialog: `export_anki(store, Options(...), out)` → `ExportResult`."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import re
import sqlite3
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import genanki

from ..nlp.tokens import Token
from ..safeio import inside, write_atomic
from ..store import Store
from ..store import articles as store_articles
from ..store.db import now
from ..store.terms import IGNORED, KNOWN, LEARNING, NEW
from . import words as W

DEFAULT_DECK = "lesen"
DECKS_DIR = Path("decks")

# -- the note type: frozen since the first release; never renumber, only append ----------------------

MODEL_ID = 1_739_412_006
MODEL_NAME = "lesen German word"
MODEL_MTIME = 1_764_000_000  # when the templates or CSS last changed (bump it when they do)

FIELDS = [
    {"name": "Word", "id": 7_142_310_001},
    {"name": "Display", "id": 7_142_310_002},
    {"name": "Gender", "id": 7_142_310_003},
    {"name": "Plural", "id": 7_142_310_004},
    {"name": "PartOfSpeech", "id": 7_142_310_005},
    {"name": "Meaning", "id": 7_142_310_006},
    {"name": "MoreSenses", "id": 7_142_310_007},
    {"name": "Sentence", "id": 7_142_310_008},
    {"name": "Gap", "id": 7_142_310_009},
    {"name": "Source", "id": 7_142_310_010},
    {"name": "Level", "id": 7_142_310_011},
    {"name": "Parts", "id": 7_142_310_012},
    {"name": "Reverse", "id": 7_142_310_013},
]
FIELD_NAMES = [f["name"] for f in FIELDS]

_HEAD = '<div class="word g-{{Gender}}">{{Display}}</div>'
_FACTS = (
    '<div class="facts">{{#Plural}}<span class="plural">Pl. {{Plural}}</span> {{/Plural}}'
    '<span class="pos">{{PartOfSpeech}}</span>'
    '{{#Gender}} <span class="gname g-{{Gender}}"></span>{{/Gender}}</div>'
)
_BACK_INFO = (
    '<div class="meaning">{{Meaning}}</div>'
    '{{#MoreSenses}}<div class="more">{{MoreSenses}}</div>{{/MoreSenses}}'
    "{{#Parts}}<div class=\"parts\">{{Parts}}</div>{{/Parts}}"
    '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}'
    '<div class="meta">{{#Source}}<span class="source">{{Source}}</span> · {{/Source}}'
    '<span class="level">{{Level}}</span></div>'
)
TEMPLATES = [
    {
        "name": "Recognition",
        "id": 7_142_320_001,
        "qfmt": _HEAD + _FACTS + "{{tts de_DE:Word}}",
        "afmt": "{{FrontSide}}<hr id=answer>" + _BACK_INFO,
    },
    {
        "name": "Production",
        "id": 7_142_320_002,
        "qfmt": '{{#Reverse}}{{#Meaning}}<div class="meaning">{{Meaning}}</div>'
                '<div class="facts"><span class="pos">{{PartOfSpeech}}</span></div>{{/Meaning}}{{/Reverse}}',
        "afmt": "{{FrontSide}}<hr id=answer>" + _HEAD + _FACTS + "{{tts de_DE:Word}}"
                '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}',
    },
    {
        "name": "Cloze",
        "id": 7_142_320_003,
        "qfmt": '{{#Gap}}<div class="sentence">{{Gap}}</div><div class="hint">{{Meaning}}</div>{{/Gap}}',
        "afmt": '<div class="sentence">{{Sentence}}</div><hr id=answer>' + _HEAD + _FACTS
                + "{{tts de_DE:Word}}" + '<div class="meta"><span class="source">{{Source}}</span></div>',
    },
]

# Gender is shown by the article and a word label, and in colour only in addition.
CSS = """\
.card { font-family: "Source Sans 3", "Noto Sans", Arial, sans-serif; font-size: 22px; text-align: center;
  color: #1d1d1f; background: #fff; line-height: 1.4; }
.nightMode.card, .night_mode .card { color: #eee; background: #222; }
.word { font-size: 34px; font-weight: 600; margin: .3em 0; padding: 0 .4em; display: inline-block; }
.g-m { color: #1f5fbf; border-bottom: 3px solid #1f5fbf; }
.g-f { color: #c0392b; border-bottom: 3px dashed #c0392b; }
.g-n { color: #1e8449; border-bottom: 3px dotted #1e8449; }
.nightMode .g-m { color: #7fb0ff; } .nightMode .g-f { color: #ff8a7a; } .nightMode .g-n { color: #7fdc9a; }
.gname.g-m::after { content: "masculine"; } .gname.g-f::after { content: "feminine"; }
.gname.g-n::after { content: "neuter"; }
.gname { border: none; font-size: 15px; }
.facts { font-size: 16px; color: #666; } .facts span + span { margin-left: .6em; }
.meaning { font-size: 26px; margin: .4em 0; } .more { font-size: 16px; color: #666; }
.parts { font-size: 16px; color: #555; margin: .3em 0; }
.sentence { font-size: 19px; margin: .8em auto; max-width: 36em; text-align: left; }
.sentence b { color: inherit; background: rgba(255, 214, 0, .35); }
.hint { font-size: 16px; color: #777; }
.meta { font-size: 13px; color: #888; margin-top: 1em; }
"""


class LesenModel(genanki.Model):
    """The note type, stamped with the time its templates last changed (not the export time)."""

    def to_json(self, timestamp: float, deck_id):  # noqa: D102
        data = super().to_json(timestamp, deck_id)
        data["mod"] = MODEL_MTIME
        return data


class TimedNote(genanki.Note):
    """A note stamped with the time its content last changed, so Anki updates it only then."""

    def __init__(self, *args, mtime: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mtime = mtime

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen):  # noqa: D102
        super().write_to_db(cursor, self.mtime, deck_id, id_gen)


def model() -> genanki.Model:
    return LesenModel(
        MODEL_ID, MODEL_NAME, fields=[dict(f) for f in FIELDS], templates=[dict(t) for t in TEMPLATES],
        css=CSS, sort_field_index=0,
    )


def deck_id(name: str) -> int:
    """A stable deck id from the deck name (Anki matches decks by name anyway)."""
    return (1 << 30) + int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:7], 16)


def new_guid(lemma: str, pos: str) -> str:
    return genanki.guid_for("lesen", lemma, pos)


# -- selection -------------------------------------------------------------------------------------------

STATUS_GROUPS = {"new": (NEW,), "learning": LEARNING, "known": (KNOWN,), "ignored": (IGNORED,)}


def parse_statuses(text: str) -> tuple[int, ...]:
    """`new,learning` → status codes; also `learning1` … `learning4`."""
    out: list[int] = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        if part in STATUS_GROUPS:
            out.extend(STATUS_GROUPS[part])
        elif re.fullmatch(r"learning ?[1-4]", part):
            out.append(int(part[-1]))
        else:
            raise ValueError(f"unknown status {part!r} (use new, learning, learning1-4, known, ignored)")
    if not out:
        raise ValueError("no status given")
    return tuple(dict.fromkeys(out))


@dataclass
class Options:
    articles: list[int] | None = None  # None: the whole library
    statuses: tuple[int, ...] = (NEW, *LEARNING)
    min_level: str | None = None
    limit: int | None = None
    deck: str = DEFAULT_DECK
    reverse: bool = False


@dataclass
class Candidate:
    lemma: str
    pos: str
    count: int
    article_id: int | None
    first_sentence: int | None
    gloss: str | None
    guid: str | None
    export_hash: str | None
    changed_at: str | None
    updated_at: str | None = None
    score: float = 0.0


def select(store: Store, opts: Options) -> list[Candidate]:
    """The words to export, most useful first (frequency in German, occurrences in the library)."""
    params: list = []
    where_art = ""
    if opts.articles is not None:
        if not opts.articles:
            return []
        where_art = f"WHERE a.article_id IN ({','.join('?' * len(opts.articles))})"
        params.extend(opts.articles)
    marks = ",".join("?" * len(opts.statuses))
    rows = store.query(
        f"""SELECT a.lemma, MIN(a.pos) AS pos, SUM(a.count) AS n, MIN(a.article_id) AS article_id,
                  t.gloss, t.guid, t.export_hash, t.changed_at, t.updated_at
           FROM article_terms a LEFT JOIN terms t ON t.lemma = a.lemma
           {where_art}
           GROUP BY a.lemma
           HAVING COALESCE(MAX(t.status), 0) IN ({marks})""",
        (*params, *opts.statuses),
    )
    cands = [Candidate(r["lemma"], r["pos"], r["n"], r["article_id"], None, r["gloss"], r["guid"],
                       r["export_hash"], r["changed_at"], r["updated_at"]) for r in rows]
    if opts.articles is None:
        # the learner's words whose articles were deleted since
        extra = store.query(
            f"""SELECT lemma, gloss, guid, export_hash, changed_at, updated_at FROM terms
               WHERE status IN ({marks}) AND lemma NOT IN (SELECT lemma FROM article_terms)""",
            opts.statuses,
        )
        cands += [Candidate(r["lemma"], "X" if not r["lemma"][:1].isupper() else "NOUN", 0, None, None,
                            r["gloss"], r["guid"], r["export_hash"], r["changed_at"], r["updated_at"])
                  for r in extra]
    min_rank = W.level_rank(opts.min_level) if opts.min_level else 0
    out = []
    for c in cands:
        if c.pos in W.SKIP_POS and c.count:
            continue
        if min_rank and W.level_rank(W.level_of(c.lemma)) < min_rank:
            continue
        c.score = W.usefulness(c.lemma, c.count)
        out.append(c)
    out.sort(key=lambda c: (-c.score, c.lemma))
    if opts.limit is not None:
        out = out[: opts.limit]
    _first_sentences(store, out)
    return out


def _first_sentences(store: Store, cands: list[Candidate]) -> None:
    by_key = {(c.article_id, c.lemma): c for c in cands if c.article_id is not None}
    ids = sorted({a for a, _ in by_key})
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        for r in store.query(
            f"SELECT article_id, lemma, first_sentence FROM article_terms WHERE article_id IN"
            f" ({','.join('?' * len(chunk))})", tuple(chunk),
        ):
            c = by_key.get((r[0], r[1]))
            if c is not None:
                c.first_sentence = r[2]


# -- notes -------------------------------------------------------------------------------------------


@dataclass
class NoteData:
    lemma: str
    guid: str
    fields: list[str]
    tags: list[str]
    content_hash: str
    changed_at: str
    is_new_guid: bool = False
    changed: bool = False


@dataclass
class ArticleCache:
    store: Store
    tokens: dict[int, list[Token]] = field(default_factory=dict)
    bodies: dict[int, str] = field(default_factory=dict)
    spans: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)

    def load(self, article_id: int) -> None:
        if article_id in self.tokens:
            return
        self.tokens[article_id] = store_articles.load_tokens(self.store, article_id)
        self.bodies[article_id] = store_articles.get_body(self.store, article_id)
        self.spans[article_id] = W.sentence_spans(self.tokens[article_id])
        row = store_articles.get_article(self.store, article_id)
        self.titles[article_id] = row.title if row else ""


def tag_slug(text: str, limit: int = 40) -> str:
    """A title as one Anki tag word (no spaces, no hierarchy separators)."""
    slug = re.sub(r"[\s:\"]+", "_", text.strip())
    slug = re.sub(r"_+", "_", slug).strip("_")
    return slug[:limit].rstrip("_") or "untitled"


def note_fields(v: W.WordView, reverse: bool) -> list[str]:
    """The note's fields in the order of FIELDS, HTML-escaped (the example is escaped by `W.example`)."""
    parts = " + ".join(f"{W.esc(p)} ({W.esc(g)})" if g else W.esc(p) for p, g in v.parts) \
        if len(v.parts) > 1 else ""
    ex = v.example
    more = ([f"in this sentence: {v.phrase}"] if v.phrase else []) + v.more
    return [
        W.esc(v.lemma), W.esc(v.display), v.gender, W.esc(v.plural), W.esc(v.pos_name), W.esc(v.meaning),
        W.esc("; ".join(more)), ex.bold if ex else "", ex.gap if ex else "", W.esc(v.title),
        W.esc(v.band), parts, "y" if reverse else "",
    ]


def note_tags(v: W.WordView) -> list[str]:
    tags = ["lesen", f"pos::{v.pos_name.replace(' ', '_')}", f"level::{v.level}"]
    if v.title:
        tags.append(f"article::{tag_slug(v.title)}")
    return tags


def word_of(c: Candidate, cache: ArticleCache) -> W.Word:
    """The word with its example sentence from the article it was chosen from, and the learner's gloss."""
    if c.article_id is None:
        return W.Word(c.lemma, c.pos, c.count, user_gloss=c.gloss)
    cache.load(c.article_id)
    tokens = cache.tokens[c.article_id]
    span = cache.spans[c.article_id].get(c.first_sentence) if c.first_sentence is not None else None
    hit = W.find_hit(tokens, span, c.lemma) if span else None
    place = W.Place(tokens, cache.bodies[c.article_id], hit, span, cache.titles[c.article_id])
    return W.Word(c.lemma, c.pos, c.count, place, c.gloss)


def note_data(c: Candidate, v: W.WordView, reverse: bool) -> NoteData:
    fields = note_fields(v, reverse)
    tags = note_tags(v)
    digest = hashlib.sha1("\x1f".join(fields + tags).encode("utf-8")).hexdigest()
    guid = c.guid or new_guid(c.lemma, c.pos)
    changed = digest != c.export_hash
    stamp = note_time(c, changed)
    return NoteData(c.lemma, guid, fields, tags, digest, stamp, is_new_guid=c.guid is None, changed=changed)


def build_notes(store: Store, cands: list[Candidate], reverse: bool) -> list[NoteData]:
    """The notes of the candidates (their dictionary entries loaded in bulk)."""
    cache = ArticleCache(store)
    views = W.describe_all([word_of(c, cache) for c in cands])
    return [note_data(c, v, reverse) for c, v in zip(cands, views, strict=True)]


def _epoch(stamp: str) -> int:
    dt = datetime.fromisoformat(stamp)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return int(dt.timestamp())


def note_time(c: Candidate, changed: bool) -> str:
    """When the word's note content last changed.

    First export: now. Unchanged: the stored time. Changed: when the learner last touched the word in
    lesen (its row's update time), but always later than the previous note, so Anki takes the update;
    an edit the learner made in Anki after that stays theirs.
    """
    if not c.changed_at:
        return now()
    if not changed:
        return c.changed_at
    previous = _epoch(c.changed_at)
    touched = max(_epoch(t) for t in (c.updated_at, c.changed_at) if t)
    return _iso(max(min(touched, _epoch(now())), previous + 1))


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="seconds")


@dataclass
class ExportResult:
    path: Path
    notes: int
    new: int  # words exported for the first time
    updated: int  # words whose note content changed since their last export
    cards: int
    words: list[str]


def default_out(deck: str) -> Path:
    """decks/<deck>.apkg, never outside decks/."""
    name = re.sub(r"[^\w.-]+", "_", deck, flags=re.UNICODE).strip("._") or DEFAULT_DECK
    return inside(DECKS_DIR, name + ".apkg")


def resolve_out(out: str | Path | None, deck: str) -> Path:
    """The output file: as given (inside its own folder), else decks/<deck>.apkg."""
    if out is None:
        return default_out(deck)
    out = Path(out)
    if out.is_dir():
        return inside(out, default_out(deck).name)
    if out.suffix.lower() != ".apkg":
        raise ValueError(f"{out}: an Anki package must end in .apkg")
    return inside(out.parent, out.name)


def build_package(notes: list[NoteData], deck: str) -> tuple[genanki.Package, int]:
    m = model()
    d = genanki.Deck(deck_id(deck), deck, description="Words from your lesen reading")
    cards = 0
    for n in notes:
        note = TimedNote(model=m, fields=n.fields, tags=n.tags, guid=n.guid, mtime=_epoch(n.changed_at))
        cards += len(note.cards)
        d.add_note(note)
    return genanki.Package(d), cards


def package_bytes(pkg: genanki.Package) -> bytes:
    """The .apkg as genanki writes it, its collection built in memory (no temporary file to sync)."""
    conn = sqlite3.connect(":memory:")
    try:
        stamp = time.time()
        pkg.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        out.writestr("collection.anki2", collection)
        out.writestr("media", json.dumps({k: Path(f).name for k, f in enumerate(pkg.media_files)}))
        for k, f in enumerate(pkg.media_files):
            out.write(f, str(k))
    return buf.getvalue()


def export_anki(store: Store, opts: Options, out: str | Path | None = None) -> ExportResult:
    """Write the deck and remember the exported words (GUID, content hash, change and export times).

    When no word matches, nothing is written (the result has 0 notes).
    """
    path = resolve_out(out, opts.deck)
    cands = select(store, opts)
    if not cands:
        return ExportResult(path, 0, 0, 0, 0, [])  # nothing to write
    notes = build_notes(store, cands, opts.reverse)
    pkg, cards = build_package(notes, opts.deck)
    write_atomic(path, package_bytes(pkg))
    remember(store, notes)
    return ExportResult(path, len(notes), sum(n.is_new_guid for n in notes),
                        sum(n.changed and not n.is_new_guid for n in notes), cards, [n.lemma for n in notes])


def remember(store: Store, notes: list[NoteData]) -> None:
    """Store each word's GUID, content hash and times in one transaction (creating NEW terms as needed)."""
    stamp = now()
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO terms (lemma, status, created_at, updated_at) VALUES (?, 0, ?, ?)"
            " ON CONFLICT(lemma) DO NOTHING",
            [(n.lemma, stamp, stamp) for n in notes],
        )
        conn.executemany(
            "UPDATE terms SET guid = ?, export_hash = ?, changed_at = ?, exported_at = ? WHERE lemma = ?",
            [(n.guid, n.content_hash, n.changed_at, stamp, n.lemma) for n in notes],
        )
