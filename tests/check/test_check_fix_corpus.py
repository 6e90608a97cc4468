"""``fix`` on every real caption file of the shared corpus (../shared/corpus): the
properties of test_check_fix.py, on text and timing nobody crafted for them."""

from __future__ import annotations

import pytest

from subtools.check import FixOptions, fix_track, load_profile
from subtools.errors import SubtoolsError
from subtools.io import read_track
from subtools.lang import detect_language

from ..conftest import corpus_captions
from .test_check_fix import assert_nothing_fixable_left, words_of


@pytest.mark.slow
def test_fix_on_every_corpus_file_keeps_words_is_idempotent_and_complete() -> None:
    checked = changed = 0
    for path in corpus_captions():
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
    assert checked > 500
    assert changed > 300  # the corpus is real work for fix, not a set of clean files
