"""Cleaning scraped German news text: keep the article, drop the web page around it.

Lines are judged by their shape (short, no sentence punctuation, no lower-case function words, a
known interface phrase, a credit or a time stamp), not by the text of any one site. Title, date and
source are taken out as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = {
    "januar": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}

# Whole lines that are page furniture (matched case-insensitively against the stripped line).
_UI_LINE = re.compile(
    r"^(werbung|anzeige|advertisement|loader|loading|newsletter|newsletters?|kommentare|teilen|share|"
    r"artikel teilen:?|diesen artikel teilen.*|copy to clipboard.*|copied|link kopieren|drucken|"
    r"finden sie uns.*|folgen sie uns.*|mehr infos?|mehr zum thema:?|darstellung:?|themen|tags?:?|"
    r"copyright.*|©.*|zuerst veröffentlicht.*|aktualisiert.*|nicht mehr anzeigen|"
    r"zu den barrierefreiheitskürzeln springen|zum inhalt springen|close button|schließen|"
    r"den link zum einbetten.*|video abspielen|audio abspielen|jetzt lesen|weiterlesen|"
    r"\d{1,2}:\d{2}(:\d{2})?|/[\w./-]+)$",
    re.IGNORECASE,
)
MAX_NOTICE = 300  # characters: a notice about the page is short
# Sentences or lines that are notices about the page, not the news.
_UI_PHRASE = re.compile(
    r"(diese audioversion wurde|audioversion .* generiert|folgen sie .* (bei|auf) (whatsapp|facebook|"
    r"twitter|instagram)|ich möchte gerne nachrichten|per e-mail erhalten|journalistischen standards|"
    r"über dieses thema berichtete|hier finden sie brandheiße|melden sie sich .* newsletter|"
    r"cookies?|javascript|datenschutzerklärung|alle rechte vorbehalten)",
    re.IGNORECASE,
)
# A block that ends the article: everything after it is other articles.
_END_MARKER = re.compile(
    r"^(zum selben thema|mehr zum thema|das könnte sie auch interessieren|auch interessant|"
    r"weitere artikel|ähnliche artikel|verwandte themen|themen|newsletter|meistgelesen|top-themen)\s*:?$",
    re.IGNORECASE,
)
# "Lesen Sie auch:" and the teaser headline that follows it.
_TEASER_MARKER = re.compile(r"^(lesen sie auch|siehe auch|mehr dazu|lesetipp|auch lesenswert)\s*:?\s*(.*)$",
                            re.IGNORECASE)
_CREDIT = re.compile(
    r"(\s*\|\s*)?\(?\b(bildquelle|foto|fotos|bild|quelle|grafik|video|credit|copyright)\s*:\s*[^.!?]*\)?\s*$",
    re.IGNORECASE,
)
_STAND = re.compile(
    r"^(stand|veröffentlicht|aktualisiert|datum|date|published|zuletzt aktualisiert)\s*:?\s*"
    r"(\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}|\d{4}-\d{2}(-\d{2})?|\d{1,2}\.\s*[a-zäöü]+\s+\d{4})"
    r"(,?\s*(um\s*)?(\d{1,2}[:.]\d{2})\s*(uhr)?)?\s*",
    re.IGNORECASE,
)
_AUTHOR = re.compile(r"^(?i:von|by)\s+([A-ZÄÖÜ][\w.-]*(\s+[A-ZÄÖÜ][\w.-]*){0,3})$")
_SOURCE_LINE = re.compile(r"^quelle\s*:\s*([^,;/]+)", re.IGNORECASE)
_SOURCE_HINTS = (
    re.compile(r"redaktion von ([\w.-]+\.\w{2,})", re.IGNORECASE),
    re.compile(r"folgen sie ([\w.-]+\.\w{2,}) ", re.IGNORECASE),
    re.compile(r"(?i:über dieses thema berichtete) ([A-ZÄÖÜ][\w-]+)"),
)
_BULLET = re.compile(r"^\s*[•·▪●◦*–-]\s+")
_SENTENCE_END = re.compile(r"[.!?…:]['\"“”»«)]*$")
_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "mit",
    "von", "für", "in", "im", "am", "an", "auf", "aus", "bei", "gegen", "zu", "zum", "zur", "nach",
    "über", "unter", "vor", "ist", "sind", "hat", "haben", "wird", "werden", "nicht", "auch", "als",
    "wie", "sich", "sie", "er", "es", "wir", "was", "wer", "um", "bis", "durch", "ohne",
}


@dataclass
class CleanArticle:
    title: str
    body: str  # paragraphs separated by blank lines
    published: str | None = None
    source: str | None = None
    dropped: list[str] = field(default_factory=list)


_WORD = re.compile(r"[^\W\d_][\w-]*")
_PUNCTUATION = re.compile(r"[.,;:!?\"„“]")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_navigation(line: str) -> bool:
    """A run of capitalised menu words with no function word and no punctuation."""
    if _PUNCTUATION.search(line):  # first: a paragraph of text has some, and is long to split into words
        return False
    words = _words(line)
    return len(words) >= 3 and not any(w.lower() in _FUNCTION_WORDS for w in words) and all(
        w[0].isupper() for w in words)


def is_heading(line: str) -> bool:
    """Short and without sentence-final punctuation: a title, subheading or teaser headline."""
    return len(_words(line)) <= 20 and not re.search(r"[.!…]['\"“”»«)]*$", line)


def is_rubric(line: str) -> bool:
    """A single-word section label such as `Politik` or `Wirtschaft`."""
    return bool(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", line.strip()))


def parse_date(text: str) -> str | None:
    """`17.08.2017 22:11` → `2017-08-17T22:11`; `2023-01` stays; `17. August 2017` → `2017-08-17`."""
    m = re.search(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?:,?\s*(?:um\s*)?(\d{1,2})[:.](\d{2}))?", text)
    if m:
        d, mo, y, hh, mm = m.groups()
        out = f"{y}-{int(mo):02d}-{int(d):02d}"
        return f"{out}T{int(hh):02d}:{mm}" if hh else out
    m = re.search(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if m:
        return m.group(0)
    m = re.search(r"(\d{1,2})\.\s*([A-Za-zäöüÄÖÜ]+)\s+(\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def _source_hint(line: str) -> str | None:
    """A source named in a line (`… Redaktion von news.de`); site names lower-cased."""
    for hint in _SOURCE_HINTS:
        m = hint.search(line)
        if m:
            name = m.group(1).rstrip(".")
            return name.lower() if "." in name else name
    return None


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line without final punctuation followed by a lower-case start."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and not _SENTENCE_END.search(out[-1]) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def clean(text: str, *, title: str | None = None) -> CleanArticle:
    """Clean scraped text into an article. `title`, when given (e.g. from HTML), wins over a guess."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.replace("\r\n", "\n").split("\n")]
    lines = _join_wrapped(lines)
    published: str | None = None
    source: str | None = None
    dropped: list[str] = []
    kept: list[str] = []
    seen: set[str] = set()
    skip_teaser = False
    body_started = False

    for line in lines:
        if not line:
            continue
        if not source:
            source = _source_hint(line)
        if _END_MARKER.match(line) and body_started:
            dropped.append(line)
            break
        m = _STAND.match(line)
        if m:
            published = published or parse_date(m.group(0))
            line = line[m.end():].strip()
            if not line:
                continue
        m = _TEASER_MARKER.match(line)
        if m:
            dropped.append(line)
            skip_teaser = not m.group(2)
            continue
        if skip_teaser and is_heading(line):
            dropped.append(line)
            skip_teaser = False
            continue
        skip_teaser = False
        m = _AUTHOR.match(line)
        if m and len(line) < 40:
            source = source or m.group(1)
            dropped.append(line)
            continue
        m = _SOURCE_LINE.match(line)
        if m and len(line) < 80:
            source = source or m.group(1).strip()
            dropped.append(line)
            continue
        credit = _CREDIT.search(line)
        if credit:
            dropped.append(credit.group(0).strip())
            caption = credit.group(0).lstrip().startswith("|")
            line = line[: credit.start()].strip()
            if caption or not _words(line) or line.startswith("("):
                if line:
                    dropped.append(line)
                continue
        line = _BULLET.sub("", line)
        notice = len(line) <= MAX_NOTICE and _UI_PHRASE.search(line)  # a long paragraph is article text
        if _UI_LINE.match(line) or notice or is_navigation(line):
            dropped.append(line)
            continue
        if line in seen:
            dropped.append(line)
            continue
        seen.add(line)
        if not kept and is_rubric(line):
            dropped.append(line)
            continue
        kept.append(line)
        body_started = body_started or not is_heading(line)

    while kept and is_heading(kept[-1]) and len(kept) > 1 and not _SENTENCE_END.search(kept[-1]):
        dropped.append(kept.pop())  # trailing headlines of other articles
    if title is None:
        title, kept = _take_title(kept)
    else:
        kept = [ln for ln in kept if ln != title]
    return CleanArticle(title=title, body="\n\n".join(kept), published=published, source=source,
                        dropped=dropped)


def _take_title(kept: list[str]) -> tuple[str, list[str]]:
    """The first heading-shaped line is the title; without one, the start of the first sentence."""
    if kept and is_heading(kept[0]):
        return kept[0], kept[1:]
    if not kept:
        return "", kept
    first = re.split(r"(?<=[.!?])\s", kept[0], maxsplit=1)[0]
    if len(first) > 90:
        first = first[:90].rsplit(" ", 1)[0] + " …"
    return first, kept
