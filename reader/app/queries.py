"""What the screens read from the learner database (no Textual here, so it is testable on its own).

Everything in this module runs in worker threads; the screens only receive its results in messages.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..nlp.tokens import NAME, WORD, Token
from ..store import Store
from ..store import articles as store_articles
from ..store import progress as store_progress
from ..store.terms import IGNORED, KNOWN, KNOWN_LIKE, NEW, STATUS_NAMES, get_gloss


@dataclass(slots=True)
class LibraryRow:
    id: int
    title: str
    source: str
    date: str
    words: int
    progress: str
    level: str = ""
    known: float | None = None
    new_words: int | None = None


def library_rows(store: Store) -> list[LibraryRow]:
    """The articles with their reading progress (fast: no per-article work)."""
    done = store_progress.all_progress(store)
    rows = []
    for r in store.query("SELECT id, title, source, published, words, level FROM articles ORDER BY id"):
        p = done.get(r[0])
        if p and p.finished_at:
            state = "read"
        elif p:
            state = f"{min(99, 100 * (p.position + 1) // max(1, r[4])):d}%"
        else:
            state = ""
        rows.append(LibraryRow(r[0], r[1], r[2] or "", (r[3] or "")[:10], r[4], state, r[5] or ""))
    return rows


def personal_columns(store: Store) -> dict[int, dict]:
    """Level, known % (running words) and new words per article for this learner.

    Uses the scoring package when it is installed, else counts from article_terms and terms.
    """
    try:
        from ..scoring.listing import list_columns
    except ImportError:
        list_columns = None
    if list_columns is not None:
        return _normalise(list_columns(store))
    out: dict[int, dict] = {}
    for aid, known, total, new in store.query(
        "SELECT a.article_id,"
        " sum(CASE WHEN t.status IN (?, ?) THEN a.count ELSE 0 END), sum(a.count),"
        " sum(CASE WHEN coalesce(t.status, 0) = 0 THEN 1 ELSE 0 END)"
        " FROM article_terms a LEFT JOIN terms t ON t.lemma = a.lemma GROUP BY a.article_id",
        KNOWN_LIKE,
    ):
        out[aid] = {"known": known / total if total else 1.0, "new_words": new}
    return out


def _normalise(columns: dict[int, dict]) -> dict[int, dict]:
    """The scoring package gives known as a percentage of running words; the table wants a share."""
    out = {}
    for aid, col in columns.items():
        known = col.get("known")
        share = None if known is None else float(known) / 100
        out[int(aid)] = {"level": col.get("level") or "", "known": share, "new_words": col.get("new_words")}
    return out


# -- one article -----------------------------------------------------------------------------------
@dataclass(slots=True)
class Coverage:
    known: float
    total: int
    new_lemmas: int

    @property
    def share(self) -> float:
        return self.known / self.total if self.total else 1.0


class ArticleCoverage:
    """The live known share of one article's running words, counted like the library's column.

    Uses the scoring package's rules when present (names and numbers count as known, compounds of known
    parts half); otherwise counts only word tokens whose lemma is known or ignored.
    """

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        try:
            from ..scoring.coverage import TextCounts, compute
        except ImportError:
            self._counts, self._compute = None, None
        else:
            self._counts, self._compute = TextCounts.of(tokens), compute

    def lemmas(self) -> set[str]:
        """Every lemma whose status matters (compound parts included)."""
        out = {t.lemma for t in self.tokens}
        for t in self.tokens:
            if t.parts:
                out.update(t.parts)
        return out

    def __call__(self, statuses: dict[str, int]) -> Coverage:
        if self._compute is not None:
            c = self._compute(self._counts, statuses)
            return Coverage(c.known, c.total, c.new_words)
        return coverage(self.tokens, statuses)


def coverage(tokens: list[Token], statuses: dict[str, int]) -> Coverage:
    """Known share of the running words that can be unknown, and the number of still-new lemmas."""
    known = total = 0
    new: set[str] = set()
    for t in tokens:
        if t.kind != WORD:
            continue
        total += 1
        status = statuses.get(t.lemma, NEW)
        if status in KNOWN_LIKE:
            known += 1
        elif status == NEW:
            new.add(t.lemma)
    return Coverage(known, total, len(new))


def new_lemmas(tokens: list[Token], statuses: dict[str, int]) -> list[str]:
    return list(dict.fromkeys(
        t.lemma for t in tokens if t.kind == WORD and statuses.get(t.lemma, NEW) == NEW))


# -- one word --------------------------------------------------------------------------------------
@dataclass
class WordInfo:
    """Everything the gloss panel shows about the word under the cursor."""

    index: int
    text: str
    lemma: str
    pos: str
    kind: str
    status: int
    headword: str = ""
    gender: str | None = None
    plural: str | None = None
    senses: list[str] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)
    separable: str | None = None
    user_gloss: str | None = None
    source: str = ""
    in_article: int = 0
    in_library: int = 0
    library_articles: int = 0
    example: tuple[str, str] | None = None  # (sentence, article title) from another library article
    phrase: str = ""  # a verb phrase of the sentence the word is part of, its English and its tokens
    phrase_senses: list[str] = field(default_factory=list)
    phrase_tokens: list[int] = field(default_factory=list)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, str(self.status))


ARTICLE_OF_GENDER = {"m": "der", "f": "die", "n": "das"}


def _dictionary_gloss(tokens: list[Token], index: int, store: Store):
    try:
        from ..dictionary import gloss_token
    except ImportError:
        return None
    try:
        return gloss_token(tokens, index, store=store)
    except Exception:  # noqa: BLE001 - a dictionary problem must never break reading
        return None


def word_info(store: Store, tokens: list[Token], index: int, status: int, in_article: int) -> WordInfo:
    """The gloss (dictionary when present, else the stored analysis) and the word's counts."""
    t = tokens[index]
    info = WordInfo(index, t.text, t.lemma, "VERB" if t.verb else t.pos, t.kind, status, gender=t.gender,
                    in_article=in_article)
    if t.verb:
        info.separable = t.lemma
    g = _dictionary_gloss(tokens, index, store)
    if g is not None:
        info.headword = getattr(g, "headword", "") or ""
        info.gender = getattr(g, "gender", None) or info.gender
        info.plural = getattr(g, "plural", None)
        info.senses = [_sense_text(s) for s in (getattr(g, "senses", None) or [])]
        parts = getattr(g, "parts", None) or []
        info.parts = [(p, "") if isinstance(p, str) else (p[0], p[1] or "") for p in parts]
        if not info.parts and t.parts:
            info.parts = [(p, "") for p in t.parts]
        info.separable = getattr(g, "separable", None) or info.separable
        info.user_gloss = getattr(g, "user_gloss", None)
        info.source = getattr(g, "source", "") or ""
        info.pos = getattr(g, "pos", None) or info.pos
        info.phrase, info.phrase_senses = getattr(g, "phrase", ""), list(getattr(g, "phrase_senses", []))
        info.phrase_tokens = list(getattr(g, "phrase_tokens", []))
    else:
        info.parts = [(p, "") for p in (t.parts or [])]
        info.user_gloss = get_gloss(store, t.lemma)
        info.source = "analysis"
    if not info.headword:
        art = ARTICLE_OF_GENDER.get(info.gender or "")
        info.headword = f"{art} {t.lemma}" if art and t.pos in ("NOUN", "PROPN") else t.lemma
    row = store.query("SELECT coalesce(sum(count), 0), count(*) FROM article_terms WHERE lemma = ?",
                      (t.lemma,))
    info.in_library, info.library_articles = row[0][0], row[0][1]
    return info


def _sense_text(sense) -> str:
    text = getattr(sense, "text", None) or str(sense)
    labels = getattr(sense, "labels", None)
    return f"{text} ({', '.join(labels)})" if labels else text


_TOKENS: OrderedDict[int, tuple[str, list[Token]]] = OrderedDict()


def _article_tokens(store: Store, article_id: int) -> tuple[str, list[Token]]:
    """Body and tokens of another article, with a small cache (examples often come from the same few)."""
    if article_id in _TOKENS:
        _TOKENS.move_to_end(article_id)
        return _TOKENS[article_id]
    value = (store_articles.get_body(store, article_id), store_articles.load_tokens(store, article_id))
    _TOKENS[article_id] = value
    if len(_TOKENS) > 8:
        _TOKENS.popitem(last=False)
    return value


def example_sentence(store: Store, lemma: str, article_id: int) -> tuple[str, str] | None:
    """(sentence, article title) of one other library article using the lemma."""
    rows = store.query(
        "SELECT a.article_id, a.first_sentence, r.title FROM article_terms a"
        " JOIN articles r ON r.id = a.article_id"
        " WHERE a.lemma = ? AND a.article_id != ? ORDER BY a.article_id LIMIT 1",
        (lemma, article_id),
    )
    if not rows:
        return None
    other, sentence, title = rows[0]
    body, tokens = _article_tokens(store, other)
    inside = [t for t in tokens if t.sentence == sentence]
    if not inside:
        return None
    return " ".join(body[inside[0].start : inside[-1].end].split()), title


def occurrences(tokens: list[Token]) -> Counter[str]:
    return Counter(t.lemma for t in tokens if t.kind in (WORD, NAME))


# -- statistics ------------------------------------------------------------------------------------
@dataclass
class Stats:
    by_status: dict[str, int]  # the learner's own words, by status
    assumed: int  # words assumed known from the learner's level
    known_by_day: list[tuple[str, int]]
    marked_this_week: int
    articles_read: int
    articles: int
    library_known: float
    articles_95: int
    articles_98: int


def stats(store: Store) -> Stats:
    """Vocabulary, its growth, this week's work and the library's coverage at the current vocabulary."""
    counts = {STATUS_NAMES[s]: n for s, n in store.query(
        "SELECT status, count(*) FROM terms WHERE NOT assumed GROUP BY status ORDER BY status")
        if s in STATUS_NAMES}
    known_by_day: dict[str, int] = {}
    current: dict[str, int] = {}
    total_known = 0
    for lemma, new, at in store.query("SELECT lemma, new_status, at FROM status_history ORDER BY id"):
        was = current.get(lemma) in (KNOWN,)
        now_known = new == KNOWN
        total_known += int(now_known) - int(was)
        current[lemma] = new
        known_by_day[at[:10]] = total_known
    week = (datetime.now(timezone.utc) - timedelta(days=7)).isoformat(timespec="seconds")
    marked = store.scalar(
        "SELECT count(DISTINCT lemma) FROM status_history WHERE source = 'user' AND at >= ?", (week,)) or 0
    cols = personal_columns(store)
    known_words, total_words = library_known(store)
    shares = [c["known"] for c in cols.values() if c.get("known") is not None]
    return Stats(
        by_status=counts,
        assumed=store.scalar("SELECT count(*) FROM terms WHERE assumed") or 0,
        known_by_day=sorted(known_by_day.items()),
        marked_this_week=marked,
        articles_read=store_progress.finished_count(store),
        articles=store_articles.count_articles(store),
        library_known=known_words / total_words if total_words else 0.0,
        articles_95=sum(s >= 0.95 for s in shares),
        articles_98=sum(s >= 0.98 for s in shares),
    )


def library_known(store: Store) -> tuple[float, int]:
    """Known and total running words of the whole library (the scoring cache when it is filled)."""
    cached = store.query(
        "SELECT coalesce(sum(known), 0), coalesce(sum(total), 0), count(*) FROM article_coverage")
    if cached[0][2] and cached[0][2] == store_articles.count_articles(store):
        return cached[0][0], cached[0][1]
    return tuple(store.query(
        "SELECT coalesce(sum(CASE WHEN t.status IN (?, ?) THEN a.count ELSE 0 END), 0),"
        " coalesce(sum(a.count), 0) FROM article_terms a LEFT JOIN terms t ON t.lemma = a.lemma",
        (KNOWN, IGNORED))[0])


def has_history(store: Store) -> bool:
    """Whether the learner has marked anything yet (the first-run level question is asked only once)."""
    return bool(store.scalar("SELECT 1 FROM terms LIMIT 1")
                or store.scalar("SELECT 1 FROM status_history LIMIT 1")
                or store.get_setting("level_asked"))
