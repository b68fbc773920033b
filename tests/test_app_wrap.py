"""The article view's own word wrapping (no app needed)."""

from __future__ import annotations

from reader.app.article_view import wrap
from reader.nlp.tokens import Token


def test_wrap_keeps_every_token_and_width() -> None:
    body = "Ein Donaudampfschifffahrtsgesellschaftskapitän kam. Zweiter Absatz hier."
    tokens = []
    for n, (start, end) in enumerate([(0, 3), (4, 46), (47, 50), (50, 51), (52, 59), (60, 67), (68, 72),
                                       (72, 73)]):
        tokens.append(Token(n, body[start:end], start, end, 0, 0 if n < 4 else 1, "punct"
                            if body[start:end] == "." else "word", body[start:end], "X", "X"))
    lines, where = wrap(body, tokens, 20)
    assert all(len(line.text) <= 20 for line in lines)
    assert set(where) == {t.i for t in tokens}
    assert any(line.text == "" for line in lines)  # paragraphs are separated by a blank line
    for t in tokens:
        row, x0, x1 = where[t.i]
        assert lines[row].text[x0:x1] == t.text[: x1 - x0]


def test_a_word_written_with_spaces_is_one_token_on_every_piece() -> None:
    from reader.nlp import analyze

    body = "Das gilt z. B. für Schulen."
    tokens = analyze(body)
    abbreviation = next(t for t in tokens if t.text == "z. B.")
    for width, rows in ((40, 1), (11, 2)):  # on one line, and broken after `Das gilt z.`
        lines, _ = wrap(body, tokens, width)
        found = [(r, line.text[x0:x1]) for r, line in enumerate(lines) for x0, x1, i in line.hits
                 if i == abbreviation.i]
        assert [text for _, text in found] == ["z.", "B."] and len({r for r, _ in found}) == rows
        starts = [i for line in lines for x0 in line.starts for (h0, _, i) in line.hits if h0 == x0]
        assert starts.count(abbreviation.i) == 1  # the cursor stops on it once
