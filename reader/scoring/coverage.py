"""Personal difficulty: the share of running words this learner knows, kept up to date incrementally.

Running words are word, name and number tokens. Names and numbers always count as known; a word counts
as known when its lemma is known or ignored (marked or assumed), and as half-known when it is a compound
whose parts are all known. `article_coverage` caches (known, total, new words) per article; a status change
updates every affected article in the same transaction through the indexed `article_terms` and
`compound_parts` tables, so the cache is never stale and never needs a rescan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..nlp.tokens import NAME, NUMBER, WORD, Token
from ..store.db import Store
from ..store.terms import KNOWN_LIKE, NEW, statuses

PARTS_KNOWN_CREDIT = 0.5
COMFORTABLE, WITH_HELP = 0.98, 0.95
BULK = 400  # more changed lemmas than this: recompute every article instead of applying deltas


def verdict(coverage: float) -> str:
    """Reading-research thresholds: ≥ 98 % comfortable, 95–98 % with help, below that hard."""
    if coverage >= COMFORTABLE:
        return "comfortable"
    return "with help" if coverage >= WITH_HELP else "hard"


@dataclass(frozen=True)
class Coverage:
    known: float
    total: int
    new_words: int

    @property
    def ratio(self) -> float:
        return self.known / self.total if self.total else 1.0

    @property
    def verdict(self) -> str:
        return verdict(self.ratio)


@dataclass
class TextCounts:
    """What coverage needs from a text: word lemma counts, names and numbers, and compound parts."""

    counts: Counter[str]
    free: int
    parts: dict[str, tuple[str, ...]]

    @property
    def total(self) -> int:
        return self.free + sum(self.counts.values())

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> TextCounts:
        counts: Counter[str] = Counter()
        free = 0
        parts: dict[str, tuple[str, ...]] = {}
        for t in tokens:
            if t.kind == WORD:
                counts[t.lemma] += 1
                if t.parts and len(t.parts) > 1 and t.lemma not in parts:
                    parts[t.lemma] = tuple(dict.fromkeys(t.parts))
            elif t.kind in (NAME, NUMBER):
                free += 1
        return cls(counts, free, parts)


def credit(lemma: str, status_of: Mapping[str, int], parts: Mapping[str, Sequence[str]]) -> float:
    """How much one running word of `lemma` counts as known: 1, 0.5 (compound of known parts) or 0."""
    if status_of.get(lemma, NEW) in KNOWN_LIKE:
        return 1.0
    these = parts.get(lemma)
    if these and all(status_of.get(p, NEW) in KNOWN_LIKE for p in these):
        return PARTS_KNOWN_CREDIT
    return 0.0


def compute(text: TextCounts, status_of: Mapping[str, int]) -> Coverage:
    """Coverage of a text for statuses `status_of` (lemmas missing from it are new)."""
    known = float(text.free)
    new = 0
    for lemma, n in text.counts.items():
        known += n * credit(lemma, status_of, text.parts)
        new += status_of.get(lemma, NEW) == NEW
    return Coverage(known, text.total, new)


def text_coverage(store: Store, text: TextCounts) -> Coverage:
    """Coverage of a text (stored or not) for the learner in `store`."""
    lemmas = set(text.counts) | {p for ps in text.parts.values() for p in ps}
    return compute(text, statuses(store, lemmas))


def index_article(store: Store, article_id: int, tokens: Sequence[Token]) -> Coverage:
    """Record an article's compound parts and its coverage row (call inside the import transaction)."""
    text = TextCounts.of(tokens)
    cov = text_coverage(store, text)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO compound_parts (lemma, part) VALUES (?, ?)",
            [(lemma, p) for lemma, ps in text.parts.items() for p in ps],
        )
        conn.execute(
            "INSERT OR REPLACE INTO article_coverage (article_id, known, total, new_words)"
            " VALUES (?, ?, ?, ?)",
            (article_id, cov.known, cov.total, cov.new_words),
        )
    return cov


def _parts_of(store: Store, lemmas: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    wanted = list(lemmas)
    for k in range(0, len(wanted), 900):
        chunk = wanted[k : k + 900]
        marks = ",".join("?" * len(chunk))
        for lemma, part in store.query(
            f"SELECT lemma, part FROM compound_parts WHERE lemma IN ({marks})", tuple(chunk)
        ):
            out.setdefault(lemma, []).append(part)
    return {k: tuple(v) for k, v in out.items()}


def _compounds_with(store: Store, parts: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for k in range(0, len(parts), 900):
        chunk = parts[k : k + 900]
        out.update(r[0] for r in store.query(
            f"SELECT lemma FROM compound_parts WHERE part IN ({','.join('?' * len(chunk))})", tuple(chunk)))
    return out


def status_changed(store: Store, before: Mapping[str, int]) -> None:
    """Update every article's coverage after the statuses of `before`'s lemmas changed from those values.

    Call inside the transaction that wrote the new statuses: the deltas are applied to `article_coverage`
    for the changed lemmas and for every compound built from them.
    """
    if not before:
        return
    if len(before) > BULK:
        rebuild(store)
        return
    changed = list(before)
    affected = set(changed) | _compounds_with(store, changed)
    parts = _parts_of(store, affected)
    after = statuses(store, affected | {p for ps in parts.values() for p in ps})
    old = {**after, **before}
    deltas = []
    for lemma in affected:
        dk = credit(lemma, after, parts) - credit(lemma, old, parts)
        dn = int(after.get(lemma, NEW) == NEW) - int(old.get(lemma, NEW) == NEW)
        if dk or dn:
            deltas.append((lemma, dk, dn))
    if not deltas:
        return
    with store.transaction() as conn:
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS coverage_delta (lemma TEXT PRIMARY KEY, dk REAL, dn INT)"
        )
        conn.execute("DELETE FROM coverage_delta")
        conn.executemany("INSERT INTO coverage_delta VALUES (?, ?, ?)", deltas)
        conn.execute(
            "UPDATE article_coverage SET known = known + d.k, new_words = new_words + d.n FROM ("
            " SELECT a.article_id AS id, SUM(a.count * x.dk) AS k, SUM(x.dn) AS n"
            " FROM coverage_delta x CROSS JOIN article_terms a ON a.lemma = x.lemma"  # CROSS: lemma index
            " GROUP BY a.article_id) AS d"
            " WHERE article_coverage.article_id = d.id"
        )
        conn.execute("DELETE FROM coverage_delta")


def rebuild(store: Store) -> None:
    """Recompute every stored coverage row from `article_terms` (after a bulk change)."""
    status_of = statuses(store)
    parts: dict[str, tuple[str, ...]] = {}
    for lemma, part in store.query("SELECT lemma, part FROM compound_parts"):
        parts[lemma] = (*parts.get(lemma, ()), part)
    rows = []
    current, known, words, new = None, 0.0, 0, 0
    totals = {r[0]: r[1] for r in store.query("SELECT article_id, total FROM article_coverage")}
    for article_id, lemma, n in store.query(
        "SELECT article_id, lemma, count FROM article_terms ORDER BY article_id"
    ):
        if article_id != current:
            if current in totals:
                rows.append((current, known, words, new))
            current, known, words, new = article_id, 0.0, 0, 0
        known += n * credit(lemma, status_of, parts)
        words += n
        new += status_of.get(lemma, NEW) == NEW
    if current in totals:
        rows.append((current, known, words, new))
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE article_coverage SET known = total - ? + ?, new_words = ? WHERE article_id = ?",
            [(words, known, new, aid) for aid, known, words, new in rows],
        )


def missing_articles(store: Store) -> list[int]:
    return [r[0] for r in store.query(
        "SELECT a.id FROM articles a LEFT JOIN article_coverage c ON c.article_id = a.id"
        " WHERE c.article_id IS NULL ORDER BY a.id")]


def article_coverage(store: Store) -> dict[int, Coverage]:
    """The cached coverage of every article."""
    return {r[0]: Coverage(r[1], r[2], r[3]) for r in store.query(
        "SELECT article_id, known, total, new_words FROM article_coverage")}
