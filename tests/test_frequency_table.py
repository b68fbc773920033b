"""wordfreq's list as a trie in the cache folder: the same frequencies, written once, never in the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordfreq import get_frequency_dict

from reader import frequency_table


def test_every_listed_word_has_wordfreqs_frequency(tmp_path: Path):
    table = frequency_table.open_table("de", tmp_path)
    assert table is not None
    listed = get_frequency_dict("de", "best")
    assert all(table.get(w) == f for w, f in listed.items())  # the same float, not a close one
    for unlisted in ("xyzzyqq", "", "Haus", "STRASSE"):  # wordfreq's list is case-folded
        assert table.get(unlisted) is None and unlisted not in table
    assert "haus" in table


def test_written_once_and_a_damaged_file_written_again(tmp_path: Path):
    assert frequency_table.open_table("nl", tmp_path) is not None
    (path,) = tmp_path.glob("wordfreq-*-nl-*.marisa")
    written = path.stat().st_mtime_ns
    assert frequency_table.open_table("nl", tmp_path) is not None and path.stat().st_mtime_ns == written
    path.write_bytes(b"not a trie")
    table = frequency_table.open_table("nl", tmp_path)
    assert table is not None and table.get("het") == get_frequency_dict("nl", "best")["het"]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no part files left behind


def test_a_folder_that_cannot_be_made_falls_back_to_wordfreqs_dict(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")  # even root cannot make a folder inside a file
    assert frequency_table.open_table("de", blocked / "cache") is None
    monkeypatch.setenv("LESEN_CACHE_DIR", str(blocked / "cache"))
    assert frequency_table.frequencies("de") is get_frequency_dict("de", "best")


def test_no_cache_folder_means_wordfreqs_dict(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LESEN_CACHE_DIR", "off")
    assert frequency_table.frequencies("de") is get_frequency_dict("de", "best")
