"""Every SRT/WebVTT file of ../shared/corpus either reads with the right cue count
or fails with a clear one-line InputError; never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track

from ..conftest import CORPUS, CORPUS_MISSING, corpus_index

# Where the corpus index's count is wrong, with the reason (checked by hand).
COUNT_FIXES = {
    # timestamps without milliseconds: the index regex skipped them; we read
    # the cue and report the missing milliseconds
    "byroot__pysrt/tests/static/invalid.srt": 1,
    # UTF-16 file: the index counted timing lines on undecoded bytes
    "mantas-done__subtitles/tests/files/utf16.srt": 1,
    # WPT's test of timestamps a strict WebVTT parser rejects ("0:00:01.000",
    # "00:00:1.000"): subtools reads them, as SRT's, each with a notice
    "sandflow__ttconv/src/test/resources/vtt/wpt-tests/file-parsing/timings-too-short.vtt": 15,
}


def corpus_rows() -> list[dict[str, str]]:
    return [r for r in corpus_index() if Path(r["path"]).suffix.lower() in (".srt", ".vtt")]


ROWS = corpus_rows()


@pytest.mark.skipif(not ROWS, reason=CORPUS_MISSING)
def test_corpus_has_the_expected_size() -> None:
    assert len(ROWS) >= 600


@pytest.mark.skipif(not ROWS, reason=CORPUS_MISSING)
@pytest.mark.parametrize("row", ROWS or [{}], ids=[r["path"] for r in ROWS] or ["absent"])
def test_corpus_file(row: dict[str, str]) -> None:
    assert CORPUS is not None
    path = CORPUS / row["path"]
    try:
        result = read_track(path)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
        return
    expected = COUNT_FIXES.get(row["path"], row["timing_lines"])
    if expected not in ("", "-"):
        # A WebVTT cue whose timing line cannot be read is skipped with a notice,
        # as browsers do; the index counted some of those lines as timings.
        skipped = sum(n.message.startswith("cue skipped") for n in result.notices)
        assert len(result.track) <= int(expected) <= len(result.track) + skipped
        assert skipped or len(result.track) == int(expected)
