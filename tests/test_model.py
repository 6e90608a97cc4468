from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subtools.errors import InputError
from subtools.model import Cue, Track


def test_cue_is_immutable_and_edits_return_new_objects() -> None:
    cue = Cue(1000, 2500, "<i>Hello</i>")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.text = "x"  # type: ignore[misc]
    moved = cue.shifted(500)
    assert (moved.start, moved.end, moved.text) == (1500, 3000, "<i>Hello</i>")
    assert (cue.start, cue.end) == (1000, 2500)
    assert cue.with_text("Bye") == Cue(1000, 2500, "Bye")
    assert cue.duration == 1500


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 10, "cue starts before 0"),
        (10, 5, "cue ends before it starts"),
        (1.5, 10, "cue times must be integer milliseconds"),
        (True, 10, "cue times must be integer milliseconds"),
    ],
)
def test_invalid_cues_are_rejected(start: int, end: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        Cue(start, end, "x")
    assert err.value.message == message


def test_track_holds_language_and_source() -> None:
    track = Track([Cue(0, 1000, "a"), Cue(2000, 3000, "b")], language="ru", source="x.srt")
    assert isinstance(track.cues, tuple)
    assert len(track) == 2 and track[1].text == "b"
    assert (track.start, track.end, track.duration) == (0, 3000, 3000)
    assert track.text == "a\nb"
    assert track[1:].cues == (Cue(2000, 3000, "b"),)
    upper = track.map_text(str.upper)
    assert [c.text for c in upper] == ["A", "B"] and [c.text for c in track] == ["a", "b"]
    assert upper.language == "ru" and upper.source == "x.srt"
    assert track.with_language("en").language == "en" and track.language == "ru"


def test_empty_track() -> None:
    assert (Track().start, Track().end, Track().duration, Track().text) == (0, 0, 0, "")


cues = st.builds(
    lambda s, d, t: Cue(s, s + d, t),
    st.integers(0, 10**8),
    st.integers(0, 10**6),
    st.text(max_size=20),
)


@given(st.lists(cues, max_size=20), st.integers(-(10**6), 10**6))
def test_shift_round_trip(items: list[Cue], ms: int) -> None:
    track = Track(items)
    if all(c.start + ms >= 0 for c in items):
        assert track.shifted(ms).shifted(-ms) == track


@given(st.lists(cues, max_size=20))
def test_sorted_is_ordered_and_keeps_every_cue(items: list[Cue]) -> None:
    out = Track(items).sorted()
    assert sorted(out.cues, key=lambda c: (c.start, c.end)) == list(out.cues)
    assert sorted(map(repr, out.cues)) == sorted(map(repr, items))
