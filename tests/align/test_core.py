"""Alignment on speech activity made from known timings: each distortion, exactly."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.align_cases import distort
from subtools.align import AlignOptions, align_track
from subtools.align.core import _moved, ratios
from subtools.model import Cue, Track


def dialogue(n: int = 60, seed: int = 1) -> Track:
    """Cues of 1-4 s with pauses of 0.2-2.5 s, as in an interview."""
    rng = np.random.default_rng(seed)
    cues, t = [], 2000
    for i in range(n):
        t += int(rng.integers(200, 2500))
        length = int(rng.integers(1000, 4000))
        cues.append(Cue(t, t + length, f"line {i}"))
        t += length
    return Track(tuple(cues))


def activity(track: Track, tail_ms: int = 5000) -> np.ndarray:
    """Speech from each cue's start over 85% of it (captions outlast the voice)."""
    frames = np.zeros((track.end + tail_ms) // 10)
    for cue in track:
        frames[round(cue.start / 10) : round((cue.start + cue.duration * 0.85) / 10)] = 1.0
    return frames


TRUTH = dialogue()
SPEECH = activity(TRUTH)


def errors(result_track: Track, truth: tuple[int, ...]) -> list[int]:
    return [abs(c.start - t) for c, t in zip(result_track, truth, strict=True)]


@pytest.mark.parametrize(
    "name", ["none", "offset700", "offset-2300", "offset41000", "deleted-4200"]
)
def test_offsets_are_found_to_the_frame(name: str) -> None:
    case = distort(TRUTH, name)
    result = align_track(case.track, SPEECH, AlignOptions())
    assert result.confident, result.problems
    assert max(errors(result.track, case.truth)) <= 10
    assert len(result.segments) == 1 and result.ratio == 1.0


@pytest.mark.parametrize(
    ("name", "ratio"), [("drift25+1500", 23.976 / 25), ("drift23-2000", 25 / 23.976)]
)
def test_frame_rate_drift_is_undone(name: str, ratio: float) -> None:
    case = distort(TRUTH, name)
    result = align_track(case.track, SPEECH, AlignOptions())
    assert result.ratio == pytest.approx(ratio)
    assert result.confident and len(result.segments) == 1
    assert max(errors(result.track, case.truth)) <= 20


def test_a_cut_is_found_where_it_is() -> None:
    case = distort(TRUTH, "cut6000")
    result = align_track(case.track, SPEECH, AlignOptions())
    assert [(s.first, s.offset_ms) for s in result.segments] == [(0, 0), (30, -6000)]
    assert max(errors(result.track, case.truth)) <= 10
    assert result.confident


def test_without_splits_a_cut_leaves_half_the_track_wrong() -> None:
    case = distort(TRUTH, "cut6000")
    result = align_track(case.track, SPEECH, AlignOptions(split=False))
    wrong = sum(e > 250 for e in errors(result.track, case.truth))
    assert len(result.segments) == 1 and wrong == 30


def test_no_split_is_invented_on_a_noisy_detector() -> None:
    rng = np.random.default_rng(7)
    noisy = np.clip(SPEECH + rng.normal(0, 0.25, SPEECH.size), 0, 1)
    result = align_track(distort(TRUTH, "offset700").track, noisy, AlignOptions())
    assert len(result.segments) == 1 and abs(result.offset_ms + 700) <= 10


def test_an_offset_beyond_the_range_needs_a_longer_range() -> None:
    track = TRUTH.shifted(100_000)
    assert align_track(track, SPEECH, AlignOptions()).offset_ms != -100_000
    longer = align_track(track, SPEECH, AlignOptions(max_offset_ms=150_000))
    assert longer.offset_ms == -100_000 and longer.confident


def test_silence_is_refused() -> None:
    result = align_track(TRUTH, np.zeros(SPEECH.size), AlignOptions())
    assert result.problems == ("no speech found in the audio",)
    assert result.track == TRUTH and not result.confident


def test_captions_of_another_video_are_refused() -> None:
    other = dialogue(seed=9)
    result = align_track(other, SPEECH, AlignOptions())
    assert not result.confident
    assert any("another video" in p for p in result.problems)


def test_ratios_are_the_usual_frame_rate_pairs() -> None:
    values = ratios()
    assert values[0] == 1.0 and len(values) == 17  # 20 pairs, 4 equal ratios (24/30 = 0.8 ...)
    assert 25 / 23.976 in values and 29.97 / 30 in values and 30 / 24 in values


def test_cues_moved_before_zero_are_clamped_and_counted() -> None:
    # The first cues of a track whose speech starts 3 s earlier than its times say.
    early = align_track(
        TRUTH.shifted(3000).with_cues((Cue(0, 500, "title"), *TRUTH.shifted(3000).cues)),
        SPEECH,
        AlignOptions(),
    )
    assert early.clamped == 1 and early.track[0].start == 0


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 600_000), st.integers(0, 5000)), min_size=1, max_size=20),
    st.sampled_from(ratios()),
    st.integers(-50_000, 50_000),
)
def test_moving_keeps_texts_count_and_the_affine_times(
    spans: list[tuple[int, int]], ratio: float, offset: int
) -> None:
    cues = tuple(Cue(a, a + n, f"t{i}") for i, (a, n) in enumerate(sorted(spans)))
    moved, clamped = _moved(cues, ratio, np.full(len(cues), offset))
    assert [c.text for c in moved] == [c.text for c in cues]
    for before, after in zip(cues, moved, strict=True):
        start = round(before.start * ratio) + offset
        assert after.start == max(start, 0)
        assert after.end == max(round(before.end * ratio) + offset, 0)
    assert clamped == sum(round(c.start * ratio) + offset < 0 for c in cues)
