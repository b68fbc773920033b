"""Vocabulary lists for teachers: the words of texts a reader at a level probably does not know.

Works on files and folders directly (read → clean → analyse, no learner database) and on articles of
the library (their stored analysis). Ranked by how much a word helps: its count in the texts, then its
frequency in German. `coverage` gives the fewest words that bring a reader to a target coverage.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import library, nlp, sources
from ..nlp.tokens import Token
from ..safeio import inside
from . import words as W

FORMATS = {"csv": "csv", "tsv": "tsv", "md": "md", "html": "html", "anki-txt": "txt", "quizlet": "txt"}
VOCAB_DIR = Path("vocab")
COLUMNS = ["word", "lemma", "article", "plural", "part of speech", "gloss", "level", "zipf", "count",
           "example", "source"]


@dataclass
class Text:
    """One analysed text: where it came from, its title, body and tokens."""

    ref: str
    title: str
    body: str
    tokens: list[Token]
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.spans = W.sentence_spans(self.tokens)


@dataclass
class VocabList:
    level: str
    texts: list[Text]
    entries: list[W.WordView]
    running: int  # running words of the texts (words and names)
    unknown: int  # running words a reader at the level probably does not know
    target: float | None = None  # coverage target in percent
    before: float = 0.0  # coverage before learning the listed words (0..1)
    after: float = 0.0  # coverage after

    @property
    def title(self) -> str:
        titles = [t.title for t in self.texts]
        shown = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
        return f"Vocabulary ({self.level}): {shown}"


# -- reading the texts ---------------------------------------------------------------------------------


def read_files(refs: Sequence[str], warn: Callable[[str], None] | None = None) -> list[Text]:
    """Files, folders, web pages and news feeds: read, cleaned and analysed (nothing stored).

    A bad file inside a folder, or a bad article of a feed, is skipped with a warning; a bad file named
    on its own is an error.
    """
    prepared = []
    named = {str(r) for r in refs}
    pending = library.Pending(sources.expand(list(refs)))
    for ref, listed in pending:
        try:
            prepared.append(library.prepare(ref))
        except sources.IsFeed as exc:
            if not listed:
                pending.add_feed(exc.feed.links)
            elif warn is None:
                raise
            else:
                warn(f"{ref}: is a feed listed in a feed; skipped")
        except sources.SourceError as exc:
            if warn is None or (ref in named and not listed):
                raise
            warn(str(exc))
    bodies = [p.article.body for p in prepared]
    out = []
    for p, tokens in zip(prepared, nlp.analyze_many(bodies), strict=True):
        title = p.article.title or p.doc.title or Path(p.ref).stem
        out.append(Text(p.ref, title, p.article.body, tokens))
    return out


def read_articles(store, refs: Sequence[str]) -> list[Text]:
    """Articles of the library by id or title: their stored analysis (no NLP runs)."""
    from ..store import articles

    out = []
    for ref in refs:
        found = articles.find_articles(store, ref)
        if not found:
            raise sources.SourceError(f"{ref}: no such file, folder or article")
        for art in found:
            out.append(Text(f"article {art.id}", art.title, articles.get_body(store, art.id),
                            articles.load_tokens(store, art.id)))
    return out


def read_texts(refs: Sequence[str], open_store=None, warn: Callable[[str], None] | None = None) -> list[Text]:
    """Paths are read as files; anything else is looked up in the library (opened only then)."""
    paths = [r for r in refs if Path(r).exists() or sources.is_url(r)]
    others = [r for r in refs if r not in paths]
    texts = read_files(paths, warn) if paths else []
    if others:
        store = open_store() if open_store else None
        if store is None:
            raise sources.SourceError(f"{others[0]}: no such file, folder or article")
        texts += read_articles(store, others)
    if not texts:
        raise sources.SourceError("no texts given")
    return texts


# -- choosing the words --------------------------------------------------------------------------------


def build(texts: list[Text], level: str = "B1", *, top: int | None = None,
          coverage: float | None = None) -> VocabList:
    """The words of the texts a reader at `level` probably does not know, most helpful first."""
    occ = W.Occurrences()
    for k, text in enumerate(texts):
        occ.add(k, text.tokens)
    unknown = [lemma for lemma in occ.counts
               if occ.pos[lemma] not in W.SKIP_POS and not W.known_at(lemma, level)]
    unknown.sort(key=lambda lemma: (-occ.counts[lemma], -W.zipf(lemma), lemma))
    unknown_running = sum(occ.counts[lemma] for lemma in unknown)
    running = max(occ.running, 1)
    before = 1 - unknown_running / running
    chosen = unknown
    after = 1.0 if unknown else before
    if coverage is not None:
        goal = coverage / 100
        chosen, missing = [], unknown_running
        for lemma in unknown:
            if 1 - missing / running >= goal:
                break
            chosen.append(lemma)
            missing -= occ.counts[lemma]
        after = 1 - missing / running
    elif top is not None:
        chosen = unknown[:top]
        after = 1 - (unknown_running - sum(occ.counts[lemma] for lemma in chosen)) / running
    if top is not None and coverage is not None:
        chosen = chosen[:top]
    entries = W.describe_all([word_of(texts, occ, lemma) for lemma in chosen])
    return VocabList(level, texts, entries, occ.running, unknown_running, coverage, before, after)


def word_of(texts: list[Text], occ: W.Occurrences, lemma: str) -> W.Word:
    """The lemma with its first occurrence in the texts."""
    text_no, hit = occ.first[lemma]
    text = texts[text_no]
    span = text.spans.get(text.tokens[hit].sentence)
    place = W.Place(text.tokens, text.body, hit, span, text.title)
    return W.Word(lemma, occ.pos[lemma], occ.counts[lemma], place)


# -- formats -------------------------------------------------------------------------------------------


def row(v: W.WordView, decimal: str = ".") -> list[str]:
    """One entry as plain text in the order of COLUMNS."""
    return [W.one_line(x) for x in (
        v.display, v.lemma, v.article, v.plural, v.pos_name, v.meaning_in_example, v.level,
        f"{v.zipf:.1f}".replace(".", decimal), str(v.count), v.example.text if v.example else "", v.title)]


def to_csv(vl: VocabList) -> bytes:
    """`;`-separated, decimal comma, UTF-8 with a byte-order mark: opens cleanly in German Excel."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(COLUMNS)
    w.writerows(row(v, decimal=",") for v in vl.entries)
    return buf.getvalue().encode("utf-8-sig")


def to_tsv(vl: VocabList) -> bytes:
    lines = ["\t".join(COLUMNS)] + ["\t".join(row(v)) for v in vl.entries]
    return ("\n".join(lines) + "\n").encode("utf-8")


def summary(vl: VocabList) -> str:
    """One line: how many words, and the coverage they bring."""
    n = len(vl.entries)
    text = (f"{n} words a reader at {vl.level} probably does not know, from {len(vl.texts)} text(s)"
            f" of {vl.running} running words.")
    text += f" Coverage at {vl.level}: {vl.before:.1%} before, {vl.after:.1%} after learning them."
    if vl.target is not None and vl.after < vl.target / 100:
        text += f" ({vl.target:g} % is not reachable with the words listed.)"
    return text


def _md_cell(text: str) -> str:
    return W.esc(W.one_line(text)).replace("|", "\\|")


def to_md(vl: VocabList) -> bytes:
    out = [f"# {_md_cell(vl.title)}", "", _md_cell(summary(vl)), ""]
    head = ["word", "plural", "part of speech", "gloss", "level", "count", "example"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for v in vl.entries:
        ex = v.example.bold.replace("|", "\\|") if v.example else ""
        cells = [_md_cell(v.display), _md_cell(v.plural), _md_cell(v.pos_name),
                 _md_cell(v.meaning_in_example), _md_cell(v.level), str(v.count), ex]
        out.append("| " + " | ".join(cells) + " |")
    return ("\n".join(out) + "\n").encode("utf-8")


HTML_CSS = """\
body { font-family: "Source Serif 4", Georgia, serif; max-width: 60rem; margin: 2rem auto; color: #111;
  line-height: 1.35; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } p.summary { color: #444; margin-top: 0; }
ul.sources { color: #444; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #333; } td.n { text-align: right; } td.ex { font-size: .85rem; color: #333; }
tr { page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def to_html(vl: VocabList) -> bytes:
    """A printable page: a title with the source texts, a summary line, one table."""
    e = W.esc
    rows = []
    for v in vl.entries:
        ex = v.example.bold if v.example else ""
        rows.append(
            f"<tr><td><strong>{e(v.display)}</strong></td><td>{e(v.plural)}</td><td>{e(v.pos_name)}</td>"
            f"<td>{e(v.meaning_in_example)}</td><td>{e(v.level)}</td><td class=\"n\">{v.count}</td>"
            f"<td class=\"ex\">{ex}</td></tr>")
    sources_html = "".join(f"<li>{e(t.title)}</li>" for t in vl.texts)
    page = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{e(vl.title)}</title>
<style>{HTML_CSS}</style></head>
<body><h1>{e(vl.title)}</h1>
<p class="summary">{e(summary(vl))}</p>
<ul class="sources">{sources_html}</ul>
<table><thead><tr><th>word</th><th>plural</th><th>part of speech</th><th>gloss</th><th>level</th>
<th>count</th><th>example</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    return page.encode("utf-8")


def to_anki_txt(vl: VocabList, deck: str = "lesen vocabulary") -> bytes:
    """Anki's plain-text import with `#` headers: the lesen note type's fields, a GUID per word."""
    from . import anki

    head = ["guid", "notetype", "deck", *anki.FIELD_NAMES, "tags"]
    lines = [
        "#separator:tab", "#html:true", f"#notetype:{anki.MODEL_NAME}", f"#deck:{deck}",
        "#guid column:1", "#notetype column:2", "#deck column:3", f"#tags column:{len(head)}",
        "#columns:" + "\t".join(head),
    ]
    for v in vl.entries:
        fields = [f.replace("\t", " ") for f in anki.note_fields(v, reverse=False)]
        tags = " ".join(anki.note_tags(v))
        lines.append("\t".join([anki.new_guid(v.lemma, v.pos), anki.MODEL_NAME, deck, *fields, tags]))
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_quizlet(vl: VocabList) -> bytes:
    """term⇥definition, one card a line, no quoting."""
    lines = [f"{W.one_line(v.headword)}\t{W.one_line(v.meaning_in_example)}" for v in vl.entries]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"csv": to_csv, "tsv": to_tsv, "md": to_md, "html": to_html, "anki-txt": to_anki_txt,
           "quizlet": to_quizlet}


def render(vl: VocabList, fmt: str) -> bytes:
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r} (use one of {', '.join(WRITERS)})")
    return WRITERS[fmt](vl)


def default_out(texts: list[Text], fmt: str) -> Path:
    """vocab/<the one file's name, or the one stored article's title>.<ext>, else vocab/vocabulary.<ext>
    (with -quizlet / -anki before the extension where it helps)."""
    stem = "vocabulary"
    if len(texts) == 1 and texts[0].ref.startswith("article "):
        stem = _title_stem(texts[0].title) or stem
    elif len(texts) == 1:
        stem = Path(texts[0].ref).stem
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("._") or "vocabulary"
    suffix = {"quizlet": "-quizlet", "anki-txt": "-anki"}.get(fmt, "")
    return inside(VOCAB_DIR, f"{stem}{suffix}.{FORMATS[fmt]}")


def _title_stem(title: str, most: int = 60) -> str:
    """`Kim kündigt „härteste Gegenmaßnahmen“ an` → `Kim-kündigt-härteste-Gegenmaßnahmen-an`, whole words
    up to `most` characters."""
    stem = ""
    for word in re.findall(r"\w+", title):
        if stem and len(stem) + 1 + len(word) > most:
            break
        stem = f"{stem}-{word}" if stem else word[:most]
    return stem


def resolve_out(out: str | None, texts: list[Text], fmt: str) -> Path:
    if out is None:
        return default_out(texts, fmt)
    path = Path(out)
    if path.is_dir():
        return inside(path, default_out(texts, fmt).name)
    return inside(path.parent, path.name)
