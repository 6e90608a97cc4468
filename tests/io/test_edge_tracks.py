"""Every edge class of the shared corpus, on files the suite writes itself (see
tests/edge_tracks.py): read with the right cues, or refused with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track

from ..edge_tracks import EDGE_TRACKS, EdgeTrack


def test_every_corpus_edge_class_has_a_generated_track() -> None:
    classes = {
        "normal", "bom", "utf16", "utf32", "crlf", "mixed-eol", "cp1252", "iso8859",
        "gb2312", "tags", "overlap", "multilang", "malformed", "empty", "large", "binary",
    }  # fmt: skip
    assert {t.edge for t in EDGE_TRACKS} == classes


@pytest.mark.parametrize("track", EDGE_TRACKS, ids=[t.name for t in EDGE_TRACKS])
def test_edge_track_reads_or_is_refused_in_one_line(track: EdgeTrack, tmp_path: Path) -> None:
    path = tmp_path / track.name
    path.write_bytes(track.data)
    if track.cues is None:
        with pytest.raises(InputError) as err:
            read_track(path)
        message = str(err.value)
        assert message.startswith(f"{path}") and track.error in message and "\n" not in message
        return
    result = read_track(path)
    assert len(result.track) == track.cues
    if track.texts:
        got = [c.text for c in result.track.cues[: len(track.texts)]]
        assert got == list(track.texts)
