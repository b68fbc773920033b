"""A parser for the Ding dictionary format (TU Chemnitz de-en), one line at a time.

A line is `German :: English`. ` | ` separates parallel sub-entries (the same position on both sides
corresponds), `;` separates synonyms, `{f}` `{pl}` `{vt}` … mark gender, number and word class,
`[mil.]` `[Br.]` … mark domain and register, `(…)` holds comments, `<…>` search keywords and `/…/`
abbreviations. After a verb's or adjective's first sub-entry come its forms (`abhaltend | abgehalten`,
`schneller | am schnellsten`); after a noun's, its plural (`Abschreckungen {pl}`); then phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# Word-class markers → Universal POS.
WORD_CLASSES = {
    "vt": "VERB", "vi": "VERB", "vr": "VERB", "v": "VERB", "adj": "ADJ", "adv": "ADV", "interj": "INTJ",
    "num": "NUM", "pron": "PRON", "ppron": "PRON", "conj": "CCONJ", "prp": "ADP", "art": "DET",
}
GENDERS = {"m", "f", "n"}
_BRACES = re.compile(r"\{([^}]*)\}")
_LABEL = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"\(([^()]*)\)")
_KEYWORDS = re.compile(r"<[^>]*>")
_ABBREV = re.compile(r"(?<!\S)/[^/\s][^/]*/(?!\S)")
_SPACES = re.compile(r"\s+")
_SPECIAL = re.compile(r"[(\[{</]")
# "er/sie ist/war", "ich/er/sie", "wir/sie" … before a verb form
_PERSON = re.compile(
    r"^(?:(?:ich|du|er|sie|es|wir|ihr|man)(?:/(?:ich|du|er|sie|es|wir|ihr))*\s+)?"
    r"(?:(?:hat|hatte|habe|ist|war|bin|sind|waren|haben|hatten)(?:/(?:hat|hatte|ist|war|haben|hatten|sind|waren))*\s+)?"
)


class MalformedLine(ValueError):
    """A line that does not follow the Ding format."""


@dataclass(slots=True)
class Sense:
    """One English translation with its labels (`[Br.]`, `[mil.]`) kept apart from the text."""

    text: str
    labels: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"text": self.text, "labels": list(self.labels)}


@dataclass(slots=True)
class Word:
    """One German synonym of a sub-entry."""

    text: str  # cleaned: markers, labels, comments removed
    pos: str | None = None
    gender: str | None = None  # "m", "f", "n" (first of `{m,f}`)
    plural: bool = False
    labels: list[str] = field(default_factory=list)
    comment: str | None = None
    abbrevs: list[str] = field(default_factory=list)  # `/Dr./` → ["Dr."]


@dataclass(slots=True)
class SubEntry:
    german: list[Word]
    english: list[Sense]
    raw_german: str = ""

    @property
    def is_sentence(self) -> bool:
        """An example sentence rather than a word or phrase."""
        raw = self.raw_german.strip()
        return raw[-1:] in ".!?" and len(raw.split()) > 3


@dataclass(slots=True)
class Line:
    number: int
    subs: list[SubEntry]


# brackets of any kind, and abbreviations between slashes (`oder {conj} /o.; od./`)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\]]*\]|\{[^}]*\}|<[^<>]*>|(?<!\S)/[^/\s|][^/|]{0,20}/(?!\S)")


def _blank(m: re.Match) -> str:
    return "\0" * len(m.group())


def split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside brackets of any kind and abbreviations."""
    if sep not in text:
        return [text]
    if not _SPECIAL.search(text):
        return text.split(sep)
    masked, prev = text, None
    while prev != masked:  # nested brackets, innermost first
        prev = masked
        masked = _BRACKETED.sub(_blank, masked)
    out, start = [], 0
    for piece in masked.split(sep):
        out.append(text[start:start + len(piece)])
        start += len(piece) + len(sep)
    return out


_MARKUP = re.compile(r"\(([^()]*)\)|\{([^}]*)\}|\[([^\]]*)\]|<[^>]*>|(?<!\S)/([^/\s][^/]*)/(?!\S)")


def clean(text: str) -> str:
    """A synonym or sense without markers, labels, comments, keywords or abbreviations."""
    if _SPECIAL.search(text):
        text = _MARKUP.sub(" ", text)
        if "(" in text:  # nested comments
            text = _MARKUP.sub(" ", text)
    return " ".join(text.split()).strip(" ;,")


_ENDINGS = re.compile(r"(?<=\we)/r/s$")  # `sogenannte/r/s`: sogenannte, sogenannter, sogenanntes


def parse_word(raw: str) -> Word:
    if not _SPECIAL.search(raw):
        return Word(text=" ".join(raw.split()).strip(" ;,"))
    w = Word(text=_ENDINGS.sub("", clean(raw)))
    comments = []
    for m in _MARKUP.finditer(raw):
        comment, marker, label, abbrev = m.group(1, 2, 3, 4)
        if label is not None:
            w.labels.append(label.strip())
        elif comment is not None:
            comments.append(comment.strip())
        elif abbrev is not None:  # `/Dr./`, `/o.; od./`, and dotted ones written with spaces: `/z. B./`
            for a in (a.strip() for a in abbrev.split(";")):
                if " " not in a or all(p.endswith(".") for p in a.split()):
                    w.abbrevs.append(a)
        elif marker is not None:
            for item in marker.replace(";", ",").split(","):
                item = item.strip()
                if item in GENDERS:
                    w.gender = w.gender or item
                    w.pos = "NOUN"
                elif item == "pl":
                    w.plural = True
                    w.pos = w.pos or "NOUN"  # `sie {ppron} {pl}` stays a pronoun
                elif item in WORD_CLASSES:
                    w.pos = w.pos or WORD_CLASSES[item]
    if comments:
        w.comment = "; ".join(comments)
    return w


def parse_sense(raw: str) -> Sense:
    if "[" not in raw and "{" not in raw and "<" not in raw:
        return Sense(" ".join(raw.split()).strip(" ;,"))
    unbraced = _BRACES.sub(" ", raw)  # `to work {work; worked} {wrought; wrought [archaic]}`: forms' labels
    labels = [m.strip() for m in _LABEL.findall(unbraced)]
    text = _KEYWORDS.sub(" ", _LABEL.sub(" ", unbraced))  # `last <laste>`: keywords are no sense
    return Sense(_SPACES.sub(" ", text).strip(" ;,"), labels)


def parse_side(raw: str, parse) -> list:
    return [parse(p) for p in split_top(raw, ";") if p.strip()]


def parse_line(text: str, number: int = 0) -> Line:
    """Parse one line; raises MalformedLine when the sides or sub-entries do not match."""
    text = text.strip()
    sides = text.split(" :: ")
    if len(sides) != 2 or not sides[0].strip() or not sides[1].strip():
        raise MalformedLine(f"line {number}: expected 'German :: English'")
    de, en = split_top(sides[0], " | "), split_top(sides[1], " | ")
    if len(de) != len(en):
        raise MalformedLine(f"line {number}: {len(de)} German but {len(en)} English sub-entries")
    subs = []
    for k, (d, e) in enumerate(zip(de, en, strict=True)):
        stripped = d.strip()
        if k and stripped[-1:] in ".!?" and stripped.count(" ") > 2:  # an example sentence: kept whole
            subs.append(SubEntry([], [Sense(e.strip())], d))
            continue
        words = parse_side(d, parse_word)
        # a word-class marker after the last synonym applies to all of them (`abhalten; abwehren {vt}`)
        shared = next((w.pos for w in reversed(words) if w.pos and w.pos != "NOUN"), None)
        for w in words:
            if w.pos is None and shared:
                w.pos = shared
        subs.append(SubEntry(words, parse_side(e, parse_sense), d))
    if not subs[0].german or not any(w.text for w in subs[0].german):
        raise MalformedLine(f"line {number}: empty headword")
    return Line(number, subs)


def read_lines(lines: Iterable[str], errors: list[str] | None = None) -> Iterator[Line]:
    """Parse every entry line, skipping comments; malformed lines go to `errors` (never fatal)."""
    for number, text in enumerate(lines, 1):
        if not text.strip() or text.startswith("#"):
            continue
        try:
            yield parse_line(text, number)
        except MalformedLine as exc:
            if errors is not None:
                errors.append(str(exc))


def strip_person(text: str) -> str:
    """`er/sie ist/war aufgestanden` → `aufgestanden`; `am schnellsten` → `schnellsten`."""
    text = _PERSON.sub("", text)
    return text[3:] if text.startswith("am ") else text


def is_single(text: str) -> bool:
    return bool(text) and " " not in text and "…" not in text and "/" not in text
