"""``fix`` on every real caption file of the shared corpus (../shared/corpus): the
properties of test_check_fix.py, on text and timing nobody crafted for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.check import FixOptions, fix_track, load_profile
from subtools.errors import SubtoolsError
from subtools.io import read_track
from subtools.lang import detect_language

from ..conftest import corpus_captions
from ..edge_tracks import EDGE_TRACKS, write_edge_tracks
from .test_check_fix import assert_nothing_fixable_left, words_of


def _fix_keeps_words_is_idempotent_and_complete(paths: list[Path]) -> tuple[int, int]:
    checked = changed = 0
    for path in paths:
        try:
            track = read_track(path).track
        except SubtoolsError:
            continue  # unreadable input is the reader's business, tested there
        if not track.cues:
            continue
        lang = track.language or detect_language(track.text[:5000]) or "en"
        track = track.with_language(lang)
        profile = load_profile("netflix-ru" if lang == "ru" else "netflix-en")
        for options in (FixOptions(), FixOptions(split_long=True, merge_short=True)):
            fixed = fix_track(track, profile, options)
            assert words_of(fixed.track) == words_of(track), (path, options)
            assert fix_track(fixed.track, profile, options).changes == (), (path, options)
            changed += bool(fixed.changes)
        assert_nothing_fixable_left(fix_track(track, profile).track, profile)
        checked += 1
    return checked, changed


@pytest.mark.slow
def test_fix_on_every_corpus_file_keeps_words_is_idempotent_and_complete() -> None:
    checked, changed = _fix_keeps_words_is_idempotent_and_complete(corpus_captions())
    assert checked > 500
    assert changed > 300  # the corpus is real work for fix, not a set of clean files


def test_fix_on_every_generated_edge_track(tmp_path: Path) -> None:
    # The same properties on the suite's own file of each corpus edge class.
    checked, changed = _fix_keeps_words_is_idempotent_and_complete(write_edge_tracks(tmp_path))
    assert checked == sum(t.cues is not None for t in EDGE_TRACKS)
    assert changed >= 3  # overlaps, long lines, missing milliseconds are fixable
