"""`to_tokens` reads token attributes from one array and the components' ones from `doc.user_data`
directly: the same values as spaCy's Token objects and `tok._` (this fails if a spaCy release stores
extension values elsewhere)."""

from __future__ import annotations

from pathlib import Path

from reader.cleaning import clean
from reader.nlp.pipeline import pipeline, to_tokens
from reader.nlp.segment import paragraphs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _via_underscore(doc) -> list[tuple]:
    """(text, start, sentence, paragraph, kind, lemma, base, parts, verb's other token, tag, pos) of each
    non-space token, read through spaCy's Token objects and `tok._`."""
    out, sentence, index = [], -1, {}
    para = paragraphs(doc)
    for tok in doc:
        if tok.is_space:
            continue
        if tok.is_sent_start or sentence < 0:
            sentence += 1
        index[tok.i] = len(out)
        ext = tok._
        out.append([tok.text, tok.idx, sentence, para[tok.i], ext.kind, tok.lemma_, ext.base or tok.lemma_,
                    list(ext.parts) if ext.parts else None, ext.verb["other"] if ext.verb else None,
                    tok.tag_, tok.pos_])
    for row in out:
        if row[8] is not None:
            row[8] = index[row[8]]
    return [tuple(r) for r in out]


def test_to_tokens_reads_what_underscore_reads():
    nlp = pipeline()
    text = "\n\n".join(clean(p.read_text(encoding="utf-8")).body for p in sorted(SEEDS.glob("*.txt"))[:3])
    text += "\n\nEr ruft sie morgen an. Die Bundesregierung kündigte an, die Steuerreform zurückzunehmen."
    doc = nlp(text)
    got = [(t.text, t.start, t.sentence, t.paragraph, t.kind, t.lemma, t.base, t.parts,
            t.verb["other"] if t.verb else None, t.tag, t.pos) for t in to_tokens(doc)]
    expected = _via_underscore(doc)
    assert got == expected
    assert {row[4] for row in got} > {"word"}  # kinds besides the default were read
    assert any(row[7] for row in got) and any(row[8] is not None for row in got)  # parts, verbs
    assert max(row[3] for row in got) == text.count("\n\n")  # paragraphs: one per blank line
