"""Retiming: exact shifts, syncs and rate conversions; properties of the timing arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.errors import InputError
from subtools.model import Cue, Track
from subtools.retime import Adjustment, parse_point, rate, shift, sync, sync_map


def tr(*cues: tuple[int, int]) -> Track:
    return Track(tuple(Cue(s, e, f"cue {n}") for n, (s, e) in enumerate(cues, 1)))


def times(t: Track) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in t]


def test_shift_all_and_from_a_cue() -> None:
    t = tr((1000, 2000), (3000, 4000), (5000, 6000))
    assert times(shift(t, -500).track) == [(500, 1500), (2500, 3500), (4500, 5500)]
    assert times(shift(t, 1500, from_cue=2).track) == [(1000, 2000), (4500, 5500), (6500, 7500)]


def test_negative_times_are_an_error_unless_clipped() -> None:
    t = tr((1000, 2000), (2000, 4000), (5000, 6000))
    with pytest.raises(InputError, match=r"cue 1 would start at -0:01\.500"):
        shift(t, -2500)
    result = shift(t, -2500, clip=True)
    assert times(result.track) == [(0, 1500), (2500, 3500)]
    assert result.adjustments == (
        Adjustment(1, "dropped", -1500, -500),
        Adjustment(2, "trimmed", -500, 1500),
    )
    assert [str(a) for a in result.adjustments] == [
        "cue 1 dropped: it would run from -1500 ms to -500 ms",
        "cue 2 trimmed: it would run from -500 ms to 1500 ms",
    ]


def test_clipping_away_every_cue_is_an_error() -> None:
    # An SRT file without cues is one that no reader (ours included) accepts.
    t = tr((1000, 2000), (3000, 4000))
    with pytest.raises(InputError, match="every cue would end before the video starts"):
        shift(t, -5000, clip=True)
    with pytest.raises(InputError, match="every cue would end before the video starts"):
        sync(t, [(5000, 0)], clip=True)


def test_shift_from_a_missing_cue() -> None:
    with pytest.raises(InputError, match="no cue 4: the track has 3 cues"):
        shift(tr((0, 1), (2, 3), (4, 5)), 10, from_cue=4)


def test_sync_one_point_is_an_offset_two_fix_drift() -> None:
    t = tr((10_000, 12_000), (60_000, 61_000), (110_000, 111_000))
    assert times(sync(t, [(10_000, 12_000)]).track) == [
        (12_000, 14_000),
        (62_000, 63_000),
        (112_000, 113_000),
    ]
    # 100 s of old time became 100.1 s: a drift of 1 ms per second plus a 2 s offset.
    two = sync(t, [(10_000, 12_000), (110_000, 112_100)]).track
    assert times(two) == [(12_000, 14_002), (62_050, 63_051), (112_100, 113_101)]


def test_sync_piecewise_between_points_and_extended_outside() -> None:
    fn = sync_map([(0, 0), (10_000, 20_000), (20_000, 25_000)])
    assert [fn(t) for t in (0, 5_000, 10_000, 15_000, 20_000, 30_000, -1_000)] == [
        0,
        10_000,
        20_000,
        22_500,
        25_000,
        30_000,
        -2_000,
    ]


def test_sync_point_errors() -> None:
    with pytest.raises(InputError, match="new times must increase"):
        sync_map([(0, 5_000), (10_000, 4_000)])
    with pytest.raises(InputError, match="share the old time 00:00:01,000"):
        sync_map([(1_000, 5_000), (1_000, 6_000)])
    with pytest.raises(InputError, match="at least one sync point"):
        sync_map([])
    assert parse_point("00:01:00,000=00:01:02,500") == (60_000, 62_500)
    assert parse_point("1.5s=-0.5s") == (1_500, -500)
    with pytest.raises(InputError, match="a sync point is OLD=NEW"):
        parse_point("00:01:00,000")


def test_rate_conversion() -> None:
    t = tr((1000, 2000), (3_600_000, 3_601_000))
    # A PAL (25 fps) timing onto the 23.976 (24000/1001) film frames: 4.27% slower.
    slow = rate(t, Fraction(25), Fraction(24000, 1001)).track
    assert times(slow) == [(1043, 2085), (3_753_750, 3_754_793)]
    assert times(rate(slow, Fraction(24000, 1001), Fraction(25)).track) == [
        (1000, 2000),
        (3_600_000, 3_601_000),
    ]
    with pytest.raises(InputError):
        rate(t, Fraction(0), Fraction(25))


# --- properties ---------------------------------------------------------------------------

starts = st.lists(
    st.tuples(st.integers(0, 10_000_000), st.integers(0, 20_000)), min_size=1, max_size=20
)


def build(pairs: list[tuple[int, int]]) -> Track:
    return tr(*sorted((s, s + d) for s, d in pairs))


@given(starts, st.integers(-5_000_000, 5_000_000))
def test_shift_round_trips(pairs: list[tuple[int, int]], offset: int) -> None:
    t = build(pairs)
    if t.start + offset < 0:
        with pytest.raises(InputError):
            shift(t, offset)
        return
    there = shift(t, offset).track
    assert shift(there, -offset).track == t


@given(
    st.lists(
        st.tuples(st.integers(0, 10_000_000), st.integers(1, 100_000)),
        min_size=1,
        max_size=6,
        unique_by=lambda p: p[0],
    )
)
def test_sync_is_exact_at_its_points(raw: list[tuple[int, int]]) -> None:
    olds = sorted(o for o, _ in raw)
    news = []
    acc = 0
    for _, step in raw:  # strictly increasing new times
        acc += step
        news.append(acc)
    points = list(zip(olds, news, strict=True))
    fn = sync_map(points)
    assert [fn(o) for o in olds] == news


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.integers(0, 1_000_000), st.integers(1, 50_000)),
        min_size=2,
        max_size=5,
        unique_by=lambda p: p[0],
    ),
    st.lists(st.integers(0, 2_000_000), min_size=2, max_size=30),
)
def test_sync_mapping_keeps_order(raw: list[tuple[int, int]], ts: list[int]) -> None:
    olds = sorted(o for o, _ in raw)
    news = [sum(step for _, step in raw[: k + 1]) for k in range(len(raw))]
    fn = sync_map(list(zip(olds, news, strict=True)))
    ordered = sorted(ts)
    mapped = [fn(t) for t in ordered]
    assert mapped == sorted(mapped)


@given(
    starts,
    st.sampled_from(["23.976", "24", "25", "29.97", "30", "50"]),
    st.sampled_from(["23.976", "24", "25", "29.97", "30", "50"]),
)
def test_rate_keeps_order_and_round_trips_within_a_millisecond(
    pairs: list[tuple[int, int]], a: str, b: str
) -> None:
    from subtools.check import parse_fps

    t = build(pairs)
    there = rate(t, parse_fps(a), parse_fps(b)).track
    starts_there = [c.start for c in there]
    assert starts_there == sorted(starts_there)
    back = rate(there, parse_fps(b), parse_fps(a)).track
    assert all(
        abs(x.start - y.start) <= 1 and abs(x.end - y.end) <= 1
        for x, y in zip(back, t, strict=True)
    )


def test_shift_from_a_cue_may_not_move_it_before_the_previous_one() -> None:
    t = tr((1000, 2000), (3000, 4000), (5000, 6000))
    with pytest.raises(InputError) as err:
        shift(t, -2500, from_cue=2)
    assert str(err.value) == (
        "cue 2 would start at 0:00.500, before cue 1 (0:01.000): the cues would be out of order; "
        "shift by -2000 ms at most, or from an earlier cue"
    )
    with pytest.raises(InputError, match=r"cue 2 would start at -0:01\.000, before cue 1"):
        shift(t, -4000, from_cue=2, clip=True)
    # Up to the previous cue's start is still in order (the overlap is fix's business).
    assert times(shift(t, -2000, from_cue=2).track) == [(1000, 2000), (1000, 2000), (3000, 4000)]
    # A track without cues has nothing to put out of order.
    assert shift(Track(()), -2500, from_cue=2).track == Track(())
    # A track already out of order there is not blamed on the shift.
    disordered = tr((5000, 6000), (3000, 4000))
    assert times(shift(disordered, -1000, from_cue=2).track) == [(5000, 6000), (2000, 3000)]


def test_sync_duplicate_and_crossing_points_are_clear_errors() -> None:
    with pytest.raises(InputError) as err:
        sync_map([(1_000, 2_000), (60_000, 61_000), (1_000, 2_000)])
    assert str(err.value) == ("the same sync point is given twice ('00:00:01,000=00:00:02,000')")
    with pytest.raises(InputError) as err:
        sync_map([(1_000, 2_000), (1_000, 2_500)])
    assert str(err.value) == (
        "two sync points share the old time 00:00:01,000 "
        "('00:00:01,000=00:00:02,000, 00:00:01,000=00:00:02,500')"
    )
    with pytest.raises(InputError) as err:
        sync_map([(60_000, 1_000), (1_000, 2_000)])  # given out of order, and crossing
    assert str(err.value) == (
        "sync points must keep their order (new times must increase with old ones) "
        "('00:00:01,000=00:00:02,000, 00:01:00,000=00:00:01,000')"
    )
    # Points given out of order but consistent are simply sorted.
    fn = sync_map([(60_000, 62_000), (0, 1_000)])
    assert [fn(0), fn(30_000), fn(60_000), fn(90_000)] == [1_000, 31_500, 62_000, 92_500]
    # A negative time in a point is shown with its sign.
    with pytest.raises(InputError, match=r"given twice \('-00:00:01,000=00:00:02,000'\)"):
        sync_map([(-1_000, 2_000), (-1_000, 2_000)])
