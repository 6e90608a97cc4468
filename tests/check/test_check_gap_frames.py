"""The minimum-gap rule against frame-accurate timing written in whole milliseconds.

A subtitle tool that times to frames writes each time rounded to the nearest ms,
so an exact 2-frame gap at 23.976 fps (83.42 ms) is written as 83 or 84 ms
depending on the frame. Both are 2 frames: neither may be reported.
"""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from subtools.check import Finding, FixOptions, fix_track, load_profile, run_checks
from subtools.check.profiles import parse_fps

from .helpers import track

EN = load_profile("netflix-en")


def _frame_ms(frame: int, fps: Fraction) -> int:
    """A frame's start written to ms, rounded half up as timing tools do."""
    return math.floor(frame * 1000 / fps + Fraction(1, 2))


def test_min_gap_ms_per_frame_rate() -> None:
    gaps = {fps: EN.with_fps(parse_fps(fps)).min_gap_ms for fps in ("23.976", "25", "29.97")}
    assert gaps == {"23.976": 83, "25": 80, "29.97": 66}


def test_frame_accurate_two_frame_gap_at_23_976_is_not_reported() -> None:
    p = EN.with_fps(parse_fps("23.976"))
    # Frames 24/26 are written 1001/1084 ms (83 ms); frames 23/25 959/1043 (84 ms).
    t = track((0, 1001, "One."), (1084, 2000, "Two."), (2084, 3000, "Three."))
    assert (_frame_ms(23, p.fps), _frame_ms(25, p.fps)) == (959, 1043)
    assert run_checks(t, p, language=False, only=["min-gap", "overlap"]) == ()


def test_frame_accurate_two_frame_gap_at_29_97_is_not_reported() -> None:
    p = EN.with_fps(parse_fps("29.97"))
    # Frames 32/34 are written 1068/1134 ms: 66 ms, 2 frames.
    assert (_frame_ms(32, p.fps), _frame_ms(34, p.fps)) == (1068, 1134)
    t = track((0, 1068, "One."), (1134, 2200, "Two."))
    assert run_checks(t, p, language=False, only=["min-gap"]) == ()


def test_one_ms_short_of_the_frames_is_reported() -> None:
    at23 = EN.with_fps(parse_fps("23.976"))
    t = track((0, 1001, "One."), (1083, 2000, "Two."))
    assert run_checks(t, at23, language=False, only=["min-gap"]) == (
        Finding(
            1,
            "min-gap",
            "error",
            "82 ms (1.97 frames at 23.976 fps) before cue 2; at least 83 ms needed",
            1.97,
            2.0,
        ),
    )
    at25 = track((0, 1000, "One."), (1079, 2000, "Two."))
    assert run_checks(at25, EN, language=False, only=["min-gap"]) == (
        Finding(
            1,
            "min-gap",
            "error",
            "79 ms (1.98 frames at 25 fps) before cue 2; at least 80 ms needed",
            1.98,
            2.0,
        ),
    )


def test_fix_closes_a_gap_to_the_frame_rate_minimum() -> None:
    p = EN.with_fps(parse_fps("29.97"))
    fixed = fix_track(track((0, 1100, "One."), (1134, 2200, "Two.")), p, FixOptions())
    assert [(c.start, c.end) for c in fixed.track] == [(0, 1068), (1134, 2200)]
    assert run_checks(fixed.track, p, language=False, only=["min-gap"]) == ()


@given(
    st.sampled_from(["23.976", "24", "25", "29.97", "30", "50", "59.94"]),
    st.integers(0, 10_000_000),
    st.integers(2, 5),
)
def test_any_frame_accurate_gap_of_n_frames_passes(fps: str, frame: int, frames: int) -> None:
    p = EN.with_fps(parse_fps(fps))
    for write in (_frame_ms, lambda f, r: round(f * 1000 / r)):  # half up, half even
        gap = write(frame + frames, p.fps) - write(frame, p.fps)
        assert gap >= p.min_gap_ms
        # ... and one frame less is always reported at the 2-frame minimum.
        short = write(frame + 1, p.fps) - write(frame, p.fps)
        assert short < p.min_gap_ms
