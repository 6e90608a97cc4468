"""Tags inside cue text: formatting, ASS overrides and WebVTT timestamps."""

from __future__ import annotations

from subtools.tags import split_tags, strip_tags, visible_length

KARAOKE = "we were sent<00:00:01.500><c> to</c><1:00:02.000><c> the front</c>"


def test_webvtt_timestamp_tags_are_tags() -> None:
    # YouTube-style captions time every word; those tags were counted as text
    # (line length, reading speed) and sent to the translator.
    assert strip_tags(KARAOKE) == "we were sent to the front"
    assert visible_length(KARAOKE) == 25
    assert split_tags("a<00:01.500>b") == [(False, "a"), (True, "<00:01.500>"), (False, "b")]


def test_text_that_only_looks_like_a_tag_stays_text() -> None:
    assert strip_tags("1 <2 and 3> 0 <00:01> {\\an8}<i>x</i>") == "1 <2 and 3> 0 <00:01> x"
