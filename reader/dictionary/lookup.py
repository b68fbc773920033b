"""Looking a word up: user gloss → separable verb → exact lemma (right POS first) → surface form →
compound split into known parts (the head gives gender and word class) → derivational fallbacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from ..zipf import german_zipf
from . import ahead, db
from .ding import Sense
from .family import family, family_rows, modifier_word
from .model import ARTICLES, Gloss, headword
from .ranking import Candidate, Ranked, core, rank, short

# Verb particles that are always separable, and those that may be either (über-, unter-, durch- …).
SEPARABLE = ("zurück", "zusammen", "entgegen", "gegenüber", "herunter", "herauf", "heraus", "herein",
             "hinaus", "hinein", "hinunter", "hervor", "vorbei", "voran", "voraus", "weiter", "nieder",
             "empor", "fest", "fort", "frei", "heim", "hoch", "los", "teil", "statt", "dar", "her", "hin",
             "weg", "nach", "mit", "auf", "aus", "bei", "ein", "vor", "an", "ab", "zu")
MAYBE_SEPARABLE = ("wieder", "wider", "hinter", "unter", "über", "durch", "voll", "um")
_FUGEN = ("", "s", "es", "n", "en", "e", "er", "ens", "nen")
_STEM_ENDINGS = ("", "en", "n", "e")
_INFLECTIONS = ("en", "n", "e", "es", "s", "er", "ern")
MIN_PART = 3
_CLOSED = frozenset(("ADP", "SCONJ", "PART"))  # prepositions, conjunctions and particles: Ding's order
ENGLISH_ZIPF = 3.0  # an English word this frequent may be a loanword
# Word classes whose inflected forms Ding may list as entries of their own (`nächste`, `viele`), and the
# entry classes that count.
_ATTRIBUTIVE = {"ADJ": {"ADJ", "NUM"}, "DET": {"DET", "PRON", "ADJ"}, "PRON": {"PRON", "DET", "ADJ"}}
_POSSESSIVES = frozenset(("mein", "dein", "sein", "unser", "euer", "ihr"))
_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) (?=\S)")
_YEARS = re.compile(r"^(\d+)(?:-)?jährig")
# Word classes whose entries a token of the given UPOS may use.
_ALSO = {"AUX": {"AUX", "VERB"}, "ADJ": {"ADJ", "ADV", "NUM"}, "ADV": {"ADV", "ADJ"},
         "PROPN": {"PROPN", "NOUN"}, "DET": {"DET", "PRON"}, "PRON": {"PRON", "DET"},
         "PART": {"PART", "ADV"},  # `nicht {adv}`
         "SCONJ": {"SCONJ", "CCONJ"}}  # Ding marks every conjunction `{conj}`

_ENTRY_SQL = ("SELECT e.word, e.pos, e.gender, e.plural, e.is_plural, e.line, e.sub, e.syn, e.labels,"
              " e.comment, s.senses FROM {src} JOIN subs s ON s.sid = {sid} WHERE {where}")

# `_ENTRY_SQL`'s leading columns (the same, in the same order: ties sort alike) without the English
_BARE_COLS = _ENTRY_SQL[: _ENTRY_SQL.index(", e.labels")]
_BARE_SQL = f"{_BARE_COLS} FROM entries e WHERE e.key = ? ORDER BY e.line, e.sub, e.syn"
_BARE_FORMS_SQL = (f"{_BARE_COLS} FROM forms f JOIN entries e ON e.id = f.entry WHERE f.key = ?"
                   " ORDER BY e.line")

_KNOWN_SQL = ("SELECT EXISTS (SELECT 1 FROM entries WHERE key = ?)"
              " OR EXISTS (SELECT 1 FROM forms WHERE key = ? AND kind != 'phrase')")


class Row(tuple):
    """One entry row (see `_ENTRY_SQL`)."""

    word = property(lambda r: r[0])
    pos = property(lambda r: r[1])
    gender = property(lambda r: r[2])
    plural = property(lambda r: r[3])
    is_plural = property(lambda r: bool(r[4]))
    line = property(lambda r: r[5])
    main = property(lambda r: r[6] == 0)
    syn = property(lambda r: r[7])
    labels = property(lambda r: (r[8] or "").split())  # German-side labels (`geogr.`, `ugs.`): full rows


@lru_cache(maxsize=64)
def _path(path: str) -> Path:
    return Path(path)


def _conn(path: str):
    conn = db.connection(_path(path))
    if conn is None:
        raise LookupError("no dictionary")
    return conn


@lru_cache(maxsize=50_000)
def entries(path: str, key: str) -> tuple[Row, ...]:
    """Entries whose headword is `key` (lower-cased), in Ding order."""
    if (loaded := ahead.take(("entries", path, key))) is not None:
        return loaded
    sql = _ENTRY_SQL.format(src="entries e", sid="e.sid", where="e.key = ?")
    sql += " ORDER BY e.line, e.sub, e.syn"
    return tuple(Row(r) for r in _conn(path).execute(sql, (key,)))


@lru_cache(maxsize=50_000)
def form_entries(path: str, key: str) -> tuple[Row, ...]:
    """Entries of which `key` is a listed form (plural, participle …), with the form's English."""
    sql = _ENTRY_SQL.format(src="forms f JOIN entries e ON e.id = f.entry", sid="f.sid", where="f.key = ?")
    return tuple(Row(r) for r in _conn(path).execute(sql + " ORDER BY e.line", (key,)))


@lru_cache(maxsize=50_000)
def bare_entries(path: str, key: str, forms: bool = False) -> tuple[Row, ...]:
    """`entries(path, key)` (with `forms`: `form_entries`) without labels and English: each row's first eight
    fields (word … syn), in the same order, from a cheaper query. What gender and word class need."""
    return tuple(Row(r) for r in _conn(path).execute(_BARE_FORMS_SQL if forms else _BARE_SQL, (key,)))


@lru_cache(maxsize=100_000)
def known(path: str, key: str) -> bool:
    """Whether `key` is a headword or a listed form (one cheap query)."""
    return _conn(path).execute(_KNOWN_SQL, (key, key)).fetchone()[0] == 1


@lru_cache(maxsize=4)
def multiword_keys(path: str) -> frozenset[str]:
    """Every headword of several words, lower-cased (about 29,000, read once in about 40 ms)."""
    rows = _conn(path).execute("SELECT DISTINCT key FROM entries WHERE key LIKE '% %'")
    return frozenset(k for (k,) in rows)


@lru_cache(maxsize=100_000)
def noun_row(path: str, word: str) -> Row | None:
    """The main singular noun entry of `word` (for gender and plural): most frequent gender wins."""
    return main_noun(entries(path, word.lower()), lambda: _forms(path, word), word)


def main_noun(rows: Iterable[Row], forms: Callable[[], Iterable[Row]], word: str) -> Row | None:
    """Of a word's entry rows (else of the rows it is a listed form of, `forms()`), the main singular noun
    entry: the most frequent gender wins, its plural from any main row of that gender."""
    rows = [r for r in rows if r.pos == "NOUN" and not r.is_plural and r.gender]
    if not rows:  # an abbreviation (`Dr.`) or a listed form
        rows = [r for r in forms() if r.pos == "NOUN" and r.gender]
    if not rows:
        return None
    cased = [r for r in rows if r.word == word] or rows
    main = [r for r in cased if r.main] or cased
    votes: dict[str, int] = {}
    for r in main:
        votes[r.gender] = votes.get(r.gender, 0) + (2 if r.syn == 0 else 1)
    gender = max(votes, key=lambda g: votes[g])
    best = next(r for r in main if r.gender == gender)
    plural = next((r.plural for r in main if r.gender == gender and r.plural), None)
    return Row((*best[:3], plural, *best[4:]))


@lru_cache(maxsize=20_000)
def english_word(path: str, word: str) -> bool:
    """An English word Ding uses as a translation and English text uses often (Zipf ≥ 3, stored at import):
    a loanword candidate."""
    row = _conn(path).execute("SELECT zipf FROM english WHERE word = ?", (word,)).fetchone()
    return row is not None and row[0] >= ENGLISH_ZIPF


@lru_cache(maxsize=20_000)
def line_words(path: str, line: int) -> frozenset[str]:
    if (loaded := ahead.take(("lines", path, line))) is not None:
        return loaded
    row = _conn(path).execute("SELECT words FROM lines WHERE line = ?", (line,)).fetchone()
    return frozenset(row[0].split()) if row else frozenset()


def _clear() -> None:
    for fn in (entries, form_entries, bare_entries, known, multiword_keys, noun_row, line_words,
               split_compound, best_of, english_word):
        fn.cache_clear()


def candidates(path: str, rows: Iterable[Row]) -> list[Candidate]:
    out = []
    for r in rows:
        stored = json.loads(r[10])
        senses = [Sense(t, list(lab)) for t, lab, _ in stored]
        out.append(Candidate(r.word, r.pos, senses, r.main, r.syn, r.labels, r[9],
                             line_words(path, r.line), r.line, [z for _, _, z in stored]))
    return out


def in_ding_order(ranked: list[Ranked], word: str) -> list[Ranked]:
    """Prepositions', subordinating conjunctions' and particles' senses as Ding orders them, the entries
    written as the word is and where it comes first leading (`nicht` not, `vor` in front of, `da` as; not
    `Aus` the end of the line): their translations are all common English words, so the ranking's
    frequency and context evidence says little."""
    def key(r: Ranked) -> tuple:
        c = r.candidate
        return c.word != word, not (c.main and c.syn == 0), c.order, c.senses.index(r.sense)
    return sorted(ranked, key=key)


def with_entry_labels(r: Ranked) -> Sense:
    """The sense with its entry's German-side labels (`[pol.] [mil.]`) added to its own."""
    extra = [x for x in r.candidate.labels if x not in r.sense.labels]
    return Sense(r.sense.text, [*r.sense.labels, *extra]) if extra else r.sense


def _forms(path: str, word: str) -> list[Row]:
    """Entries `word` is a form of (phrases left out: they come after the compound split)."""
    return [r for r in form_entries(path, word.lower()) if " " not in r.word]


def _compatible(rows: Iterable[Row], pos: str | None) -> list[Row]:
    if not pos:
        return list(rows)
    want = _ALSO.get(pos, {pos})
    return [r for r in rows if r.pos in want or r.pos is None]


# -- compounds ------------------------------------------------------------------------------------
def _known_part(path: str, mod: str) -> str | None:
    """A modifier as a known word: as written, without linking element, or a verb stem (`Fahr` → fahren)."""
    stems = [mod[: len(mod) - len(f)] if f else mod for f in _FUGEN if not f or mod.endswith(f)]
    for stem in stems:
        for ending in _STEM_ENDINGS:
            cand = stem + ending
            if len(stem) >= MIN_PART and known(path, cand):
                return cand
    for stem in stems:  # a word the dictionary lacks but German text uses (`Fertigung`)
        if len(stem) >= 5 and german_zipf(stem) >= 2.0:
            return stem
    return None


@lru_cache(maxsize=50_000)
def split_compound(path: str, word: str, depth: int = 0) -> tuple[str, ...] | None:
    """Split a compound into known parts, the longest known head first: `Atomwaffenarsenal` →
    (atomwaffe, arsenal). Parts are lower-cased keys."""
    low = word.lower()
    if "-" in low.strip("-"):  # `Spa-/Wellness-Bereich`, `NATO-Bündnispartner`
        mod, head = low.rstrip("-").rsplit("-", 1)
        mod = mod.strip("-/ ")
        if len(head) >= 2 and known(path, head):
            return (mod, head) if mod else None
        sub = split_compound(path, head, depth) if len(head) >= 2 * MIN_PART else None
        return (mod, *sub) if sub and mod else None
    for i in range(MIN_PART, len(low) - MIN_PART + 1):
        head = low[i:]
        if not known(path, head) and "ss" in head and known(path, head.replace("ss", "ß")):
            head = head.replace("ss", "ß")  # Swiss spelling: `Isarstrasse`
        if not known(path, head):
            # an inflected head (`…verläufe`, `…gehäusen`): the word as written, HanTa's lemma cut short
            head = next((head[: -len(e)] for e in _INFLECTIONS if head.endswith(e)
                         and len(head) - len(e) >= MIN_PART and known(path, head[: -len(e)])), "")
            if not head:
                continue
        mod = low[:i].rstrip("-")
        part = _known_part(path, mod)
        if part:
            return (part, head)
        if depth < 2:
            for fuge in _FUGEN:
                if fuge and not mod.endswith(fuge):
                    continue
                sub = split_compound(path, mod[: len(mod) - len(fuge)] if fuge else mod, depth + 1)
                if sub:
                    return (*sub, head)
    return None


def display(path: str, key: str, capital: bool) -> str:
    """A part as written in the dictionary (`waffe` → `Waffe`)."""
    rows = bare_entries(path, key)
    want = [r.word for r in rows if r.word[:1].isupper() == capital]
    return want[0] if want else rows[0].word if rows else key


# -- the steps ------------------------------------------------------------------------------------
@lru_cache(maxsize=50_000)
def best_of(path: str, word: str, pos: str | None = None) -> str:
    """The best gloss of a word on its own (compound parts, derivations); "" when unknown."""
    rows = _compatible(entries(path, word.lower()), pos) or list(entries(path, word.lower())) \
        or _forms(path, word)
    if not rows:
        return ""
    ranked = rank(candidates(path, rows), word, pos)
    return core(ranked[0].sense.text) if ranked else ""


def separable_prefix(path: str, lemma: str) -> str | None:
    """`zurückrudern` → `zurück|rudern` when the verb is separable."""
    low = lemma.lower()
    for p in SEPARABLE + MAYBE_SEPARABLE:
        rest = low[len(p):]
        if not low.startswith(p) or len(rest) < 3 or not rest.endswith("n"):
            continue
        if p in MAYBE_SEPARABLE:
            participle = form_entries(path, p + "ge" + rest[:-2] + "t") or any(
                f.word.lower() == low for f in form_entries(path, p + "ge" + rest))
            if not participle:
                continue
        elif not (known(path, rest) or known(path, low)):
            continue
        return f"{lemma[:len(p)]}|{lemma[len(p):]}"
    return None


def attributive(text: str) -> str:
    """An inflected adjective in the form Ding lists adjectives used only inflected: `nächsten` → nächste."""
    low = text.lower()
    for ending in ("en", "er", "es", "em"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return low[: -len(ending)] + "e"
    return low


def variants(lemma: str, text: str | None, pos: str | None) -> list[str]:
    """Other spellings to try: old ß (`Prozeß`), adjective stems HanTa cuts short (`ander` → andere)."""
    low = lemma.lower()
    out = []
    if "ß" in low:
        out.append(low.replace("ß", "ss"))
    elif "ss" in low:
        out.append(low.replace("ss", "ß"))  # Swiss spelling: `Spass`, `Strasse`
    if pos in ("ADJ", "ADV", "DET", "PRON", None):
        out += [low + "e", low + "er", low + "es"]
        out += [low[: -len(e)] for e in ("e", "en", "er", "es", "em")
                if low.endswith(e) and len(low) > len(e) + 2]
    if text:
        out += [text.lower(), text.lower().replace("ß", "ss")]
    return [v for v in dict.fromkeys(out) if v != low]


def _citation(p: str, lemma: str, pos: str | None, rows: list[Row]) -> str | None:
    """How Ding cites an inflected word whose lemma is a bare stem, no headword of the rows' word class: the
    stem with the ending of the citation form (a pronoun's -er, an adjective's -e), as the rows write it
    (`jed` → jede, `zweit` → zweite, `erst` → erste, whose own entry is the adverb; not `ein` → eine)."""
    words = {r.word.lower(): r.word for r in rows}
    low = lemma.lower()
    classes = {r.pos for r in rows}
    if low in words or any(r.pos in classes for r in entries(p, low)):
        return None
    endings = ("er", "e", "es") if pos in ("DET", "PRON") else ("e", "er", "es")
    return next((words[low + e] for e in endings if low + e in words), None)


def lookup(lemma: str, pos: str | None, *, text: str | None = None, parts: Iterable[str] | None = None,
           joined: str | None = None, context: frozenset[str] = frozenset(),
           path: Path | None = None, genders: frozenset[str] | None = None) -> Gloss:
    """The full lookup chain for one word (the user-gloss step is in `glosses`). `genders`: the genders its
    determiner allows (`am Steuer`: not die Steuer, tax)."""
    p = str(path or db.dict_path())
    if "ß" in lemma and text and "ß" not in text and not known(p, lemma.lower()):
        lemma = lemma.replace("ß", "ss")  # HanTa's old spelling: `Friedensprozess` → Friedensprozeß
    g = Gloss(lemma=joined or lemma, pos=pos or "")
    rows: list[Row] = []
    if joined:
        rows = _compatible(entries(p, joined.lower()), "VERB")
        g.source = "separable"
    if not rows:
        g.lemma = lemma
        exact = list(entries(p, lemma.lower()))
        # no word class asked for: the entries written as asked (`zurückrudern`, not `Zurückrudern`)
        rows = _compatible(exact, pos) if pos else [r for r in exact if r.word == lemma] or exact
        if genders:  # `das Steuer` (wheel) is not `die Steuer` (tax)
            rows = [r for r in rows if r.gender is None or r.gender in genders] or rows
        inflected = pos in _ATTRIBUTIVE and text and text.lower() != lemma.lower() and (
            pos == "ADJ" or lemma.lower() not in _POSSESSIVES)  # `unsere` is our, not Ding's `unsere` ours
        own = [r for r in entries(p, attributive(text)) if r.pos in _ATTRIBUTIVE[pos]] if inflected else []
        # Ding's entry for the inflected form: `nächste` next (not nah), `beste` best, `letzte` last; but not
        # the relative pronoun `den` (who) for the article, whose lemma `der` has an entry of its word class
        if own and (any(r.pos == pos for r in own) or not any(r.pos == pos for r in rows)):
            rows = own
        elif inflected and pos == "ADJ" and all(r.pos in ("ADV", None) for r in rows):
            rows = []  # an inflected adjective is no adverb: `erste` is not `erst` (only) but first
        g.source = "lemma"
        if not rows and text and text.lower() != lemma.lower():
            rows = _compatible(entries(p, text.lower()), pos)
            g.source = "surface"
        if not rows:
            form_pos = "VERB" if pos in ("ADJ", "ADV") else pos  # participles used as adjectives
            rows = _compatible(_forms(p, lemma), pos) or (_compatible(_forms(p, text), pos) if text else []) \
                or _compatible(_forms(p, lemma), form_pos)
            g.source = "form"
        if not rows:
            for variant in variants(lemma, text, pos):
                rows = _compatible(entries(p, variant), pos) or _compatible(_forms(p, variant), pos)
                if rows:
                    g.source = "variant"
                    break
        if not rows and pos == "NOUN" and text and text.endswith("n") and len(text) > 4:
            # the dative of a plural headword: `Streitkräften` → Streitkräfte {pl} (armed forces)
            rows = [r for r in entries(p, text.lower()[:-1]) if r.is_plural]
            if rows:
                g.lemma, g.source = rows[0].word, "variant"
        if not rows and exact:  # the word itself in another word class (`bis` {prp} for a tagged ADV)
            rows, g.source = exact, "lemma"
        if not rows:  # a variant in any word class (`viert` → vierte {num})
            for variant in variants(lemma, text, pos):
                rows = list(entries(p, variant))
                if rows:
                    g.source = "variant"
                    break
    if rows:
        if pos == "ADJ":  # an ordinal: `erste; erster; erstes; 1. {num}`, not `erste {adj}` (leadoff)
            rows = [r for r in rows if r.pos == "NUM"] or rows
        a_form = text and pos == "NOUN" and text.lower() != g.lemma.lower()  # `Spannungen`, `(zu) Hause`
        form_lines = frozenset(r.line for r in form_entries(p, text.lower())) if a_form else frozenset()
        ranked = rank(candidates(p, rows), g.lemma, pos, context, family(p, g.lemma, pos or rows[0].pos),
                      form_lines)
        if pos in _CLOSED:
            ranked = in_ding_order(ranked, g.lemma)
        g.senses = [with_entry_labels(r) for r in ranked]
        g.best = short(ranked[0].sense.text) if ranked else ""
        if not g.pos:  # the best sense's class; a sub-entry has none (`zurückrudern` under `rudern {vi}`)
            top = ranked[0].candidate.pos if ranked else None
            g.pos = top or next((r.pos for r in rows if r.pos), "")
    if not g.best:
        _before_compound(p, g, lemma, pos)
    if not g.best:
        _compound(p, g, lemma, pos, parts)
    if not g.best and text and text.lower() != lemma.lower():  # HanTa cut an unknown word short
        _compound(p, g, text, pos, None)
    if not g.best and pos != "X":  # a word Ding has only inside short phrases (`zwar` in `und zwar`), not
        # a foreign word (`the` is no `on the rocks`)
        phrases = [r for w in (lemma, text or lemma) for r in form_entries(p, w.lower()) if " " in r.word]
        if phrases:
            ranked = rank(candidates(p, phrases), lemma, pos, context)
            g.senses = [with_entry_labels(r) for r in ranked]
            g.best = short(ranked[0].sense.text) if ranked else ""
            g.source = "phrase:" + ranked[0].candidate.word if ranked else "phrase"
    if not g.best:
        _derived(p, g, lemma, pos)
    if rows and not joined:
        g.lemma = _citation(p, g.lemma, pos, rows) or g.lemma  # `jeder` → jede, `anderen` → andere
    _noun_info(p, g, rows)
    if g.pos == "VERB" or (rows and rows[0].pos == "VERB"):
        g.separable = separable_prefix(p, g.lemma)
    g.headword = headword(g)
    return g


# Adjectives that end a compound as English suffixes do: `rauchfrei` smoke-free, `vitaminreich` vitamin-rich.
_ENGLISH_SUFFIX = {"frei": "-free", "reich": "-rich"}


def _compound(p: str, g: Gloss, lemma: str, pos: str | None, parts: Iterable[str] | None) -> None:
    keys: list[str] = []
    if parts:
        keys = [x for x in parts if x]
        if len(keys) < 2 or not all(best_of(p, k) for k in keys[-1:]):
            keys = []
    if not keys and len(lemma) >= 2 * MIN_PART and pos != "PROPN":  # a name is no sum of words: `Grünheide`
        split = split_compound(p, lemma)
        if split:
            capital = lemma[:1].isupper()
            keys = [display(p, k, capital if k == split[-1] else True) for k in split]
    if not keys:
        return
    suffix = _ENGLISH_SUFFIX.get(keys[-1].lower()) if pos == "ADJ" and len(keys) == 2 else None
    if suffix:
        from .everyday import everyday_word  # imported here: see `_part_english`

        # `gewaltfrei` violence-free: the noun's own sense, not the one noun compounds give it (power)
        noun = everyday_word(keys[0]) or best_of(p, keys[0], None)
        if noun and " " not in noun:
            g.parts = [(keys[0], noun), (keys[1], best_of(p, keys[1], "ADJ"))]
            g.best, g.source, g.pos = noun + suffix, "compound", "ADJ"
            g.senses = [Sense(g.best, [])]
            return
    glosses = [(k, _part_english(p, k, pos, n < len(keys) - 1)) for n, k in enumerate(keys)]
    if not glosses[-1][1]:
        return
    g.parts = glosses
    # an acronym modifier stays one in English (`US-Verteidigungsminister`: US minister of defence)
    words = [k if _ACRONYM.fullmatch(k) and n < len(glosses) - 1 else _LEADING_ARTICLE.sub("", x)
             for n, (k, x) in enumerate(glosses)]  # `Militärführer`: military leader, not the military leader
    g.best = " ".join(w for w in words if w)
    g.source = "compound"
    g.senses = [Sense(g.best, [])]
    if pos is None or pos == "NOUN":
        g.pos = g.pos or "NOUN"


def _part_english(p: str, part: str, pos: str | None, modifier: bool) -> str:
    """A compound part's English: a one-word modifier as curated (`Atom…` nuclear) or as Ding's compounds
    begin with it (`Flotten…` naval, not bath; `Umweltschutz…` stays environmental protection), else its
    everyday sense (`…rest` rest, not leaving; `Nachrichtenagentur…` news agency), else its best sense or
    derivation."""
    # imported here: `everyday` reads sentences through `readings`, which imports this module
    from .everyday import everyday_modifier, everyday_word

    own = best_of(p, part, None if modifier else pos)
    if modifier and " " not in own:
        word = everyday_modifier(part) or (modifier_word(p, part, own) if noun_row(p, part) else None)
        return word or own or _derived_word(p, part)
    return everyday_word(part) or own or _derived_word(p, part)


def _noun_info(p: str, g: Gloss, rows: list[Row]) -> None:
    """Gender, article and plural: the lemma's own noun entry, else the compound head's."""
    if g.pos not in ("NOUN", "") and not (rows and rows[0].pos == "NOUN"):
        return
    row = noun_row(p, g.lemma)
    head = None
    if row is None and g.parts:
        head = g.parts[-1][0]
        row = noun_row(p, head) or noun_row(p, head.capitalize())
    if row is None:
        if rows and all(r.is_plural for r in rows if r.pos == "NOUN") and any(r.pos == "NOUN" for r in rows):
            g.plural_only, g.article, g.pos = True, "die", "NOUN"
        return
    g.pos = "NOUN" if g.pos in ("", "PROPN") else g.pos
    g.gender = row.gender
    g.article = ARTICLES.get(row.gender)
    if row.plural:
        if head is None:
            g.plural = row.plural
        elif g.lemma.lower().endswith(head.lower()):
            stem = g.lemma[: len(g.lemma) - len(head)]
            g.plural = stem + (row.plural if stem.endswith("-") else row.plural.lower())  # `NATO-Partner`


def gender_of(lemma: str, path: Path | None = None) -> str | None:
    """The gender of a noun: its own entry, else its compound head's."""
    p = str(path or db.dict_path())
    row = noun_row(p, lemma) or ("ß" in lemma and noun_row(p, lemma.replace("ß", "ss"))) or None
    if row is None and len(lemma) >= 2 * MIN_PART:
        split = split_compound(p, lemma)
        if split:
            row = noun_row(p, display(p, split[-1], True))
    return row.gender if row else None


# -- derivational fallbacks -----------------------------------------------------------------------
def _gerund(verb_gloss: str) -> str:
    words = verb_gloss.split()
    if not words:
        return ""
    w = words[0]
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        w = w[:-1]
    return " ".join([w + "ing", *words[1:]])


def _derived(p: str, g: Gloss, lemma: str, pos: str | None) -> None:
    low = lemma.lower()
    found: tuple[str, str] | None = None
    if low.endswith("isierung") and len(low) > 10:
        stem = low[:-8]
        adj = best_of(p, stem) or best_of(p, stem + "isch")
        verb = best_of(p, stem + "isieren", "VERB")
        if verb.endswith("ize"):
            found = ("-isierung", verb[:-1] + "ation")
        elif adj and " " not in adj:
            found = ("-isierung", adj.rstrip("e") + "ization")
    if not found and low.startswith("de") and len(low) > 7:
        rest = lemma[2:]
        inner = best_of(p, rest[:1].upper() + rest[1:]) or _derived_word(p, rest[:1].upper() + rest[1:])
        if inner and " " not in inner:
            found = ("de-", "de" + inner)
    if not found and low.endswith(("in", "innen")) and pos in (None, "NOUN"):
        base = lemma[:-5] if low.endswith("innen") else lemma[:-2]
        b = best_of(p, base, "NOUN")
        if b:
            found = ("-in", f"{b} (female)")
    if not found and low.startswith("un") and pos in (None, "ADJ", "ADV"):
        b = best_of(p, lemma[2:], pos)
        if b:
            found = ("un-", f"not {b}")
    if not found and low.endswith("ung") and pos in (None, "NOUN"):
        b = best_of(p, low[:-3] + "en", "VERB") or best_of(p, low[:-3] + "n", "VERB")
        if b:
            found = ("-ung", _gerund(b))
    if not found and pos in (None, "NOUN") and low.endswith(("e", "en", "er", "es")) and lemma[:1].isupper():
        for cut in (1, 2):
            b = best_of(p, low[:-cut], "ADJ")
            if b:
                found = ("noun from adjective", b)
                break
    if not found and low.endswith("en") and lemma[:1].isupper():
        b = best_of(p, low, "VERB")
        if b:
            found = ("noun from verb", _gerund(b))
    for suffix, template in (("los", "without {}"), ("frei", "{}-free"), ("weise", "by way of {}"),
                             ("reich", "rich in {}"), ("mäßig", "in terms of {}")):
        if found or not low.endswith(suffix) or len(low) < len(suffix) + MIN_PART:
            continue
        stem = low[: -len(suffix)]
        part = _known_part(p, stem)
        b = best_of(p, part) if part else ""
        if b:
            found = ("-" + suffix, template.format(b))
    if not found and lemma[:1].isupper() and low.endswith("er") and len(low) > 5:  # `Münchner`, `Weimarer`
        for base in (lemma[:-2], lemma[:-2] + "en", lemma[:-3] + "en"):
            rows = [r for r in entries(p, base.lower()) if r.word[:1].isupper() and "geogr." in r.labels]
            if rows:  # a place Ding marks as one: `Lindner` is no `Linden` (lime trees)
                name = rows[0].word
                english = best_of(p, name) or name  # `Münchner`: of Munich (München)
                found = ("-er of a place", f"of {english}" + (f" ({name})" if english != name else ""))
                break
    if not found:
        m = _YEARS.match(low)
        if m:
            found = ("-jährig", f"{m.group(1)}-year-old")
    if not found and len(low) > 2 and english_word(p, low):
        found = ("English loanword", low)  # `Website`, `College`: German uses the English word
    if not found and pos != "PROPN":  # a name's tail says nothing: `Einstein` is no kind of stone
        for i in range(1, len(low) - 3):  # the longest known tail of the same word class, as a last resort
            if pos and not _compatible(entries(p, low[i:]), pos):
                continue  # `baptistisch` is no kind of `Tisch`
            b = best_of(p, low[i:], pos)
            if b and len(low) - i >= 4:
                found = ("tail", f"… {b}")
                break
    if found:
        g.source = "derived:" + found[0]
        g.best = found[1]
        g.senses = [Sense(found[1], [])]


def _before_compound(p: str, g: Gloss, lemma: str, pos: str | None) -> None:
    """Derivations that beat a compound split: a feminine of a known noun (`Staatsbürgerin`),
    a common English loanword (`Button`, `Newsletter`)."""
    low = lemma.lower()
    found = None
    if low.endswith("in") and pos in (None, "NOUN") and len(low) > 6:
        base = [r for r in entries(p, low[:-2]) if r.pos == "NOUN"]
        if base:
            b = best_of(p, base[0].word, "NOUN")
            found = ("-in", f"{b} (female)") if b else None
    if not found and len(low) >= 4 and lemma[:1].isupper() and english_word(p, low):
        found = ("English loanword", low)
    if found:
        g.source, g.best, g.senses = "derived:" + found[0], found[1], [Sense(found[1], [])]


def _derived_word(p: str, word: str) -> str:
    tmp = Gloss(lemma=word, pos="")
    _derived(p, tmp, word, None)
    return tmp.best if not tmp.source.endswith("tail") else ""


db.on_reset(_clear)


# -- many words at once (exports): their rows loaded ahead, one query per chunk ---------------------
_CHUNK = 500


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def load_ahead(path: str, words: Iterable[str]) -> list[tuple]:
    """Load the entries and families of the words (lower-cased) and their lines' words into `ahead`; the keys
    added."""
    conn = _conn(path)
    keys = sorted({w.lower() for w in words if w})
    found: dict[str, list[Row]] = {k: [] for k in keys}
    sql = _ENTRY_SQL.replace("SELECT ", "SELECT e.key, ", 1)
    for chunk in _chunks(keys):
        where = f"e.key IN ({','.join('?' * len(chunk))})"
        for r in conn.execute(sql.format(src="entries e", sid="e.sid", where=where)
                              + " ORDER BY e.key, e.line, e.sub, e.syn, e.id", chunk):
            found[r[0]].append(Row(r[1:]))
    lines = sorted({r.line for rows in found.values() for r in rows})
    words_of = dict.fromkeys(lines, frozenset())
    for chunk in _chunks(lines):
        marks = ",".join("?" * len(chunk))
        for line, text in conn.execute(f"SELECT line, words FROM lines WHERE line IN ({marks})", chunk):
            words_of[line] = frozenset(text.split())
    loaded: dict[tuple, object] = {("entries", path, k): tuple(rows) for k, rows in found.items()}
    loaded.update({("lines", path, line): w for line, w in words_of.items()})
    for chunk in _chunks(keys):
        loaded.update(family_rows(conn, path, chunk))
    ahead.rows.update(loaded)
    return list(loaded)


@contextmanager
def loaded_ahead(words: Iterable[str], path: Path | None = None) -> Iterator[None]:
    """Inside the block, the lookups of `words` find their entries, families and the entries' line words
    loaded in one query per chunk instead of one query each; the results are the same. Without a dictionary:
    no-op."""
    try:
        mine = load_ahead(str(path or db.dict_path()), words)
    except LookupError:
        mine = []
    try:
        yield
    finally:
        for k in mine:
            ahead.rows.pop(k, None)
