"""Exports: Anki decks for learners, vocabulary lists for teachers, known-word lists in and out.

Never imports Textual; the `anki` package (AGPL) is used only by the tests.
"""
