"""Retiming: shift by an offset, piecewise-linear sync from OLD=NEW points, and
frame-rate conversion. Pure functions on Track; integer ms in and out.

A time mapped below zero is an error unless ``clip`` is set: then a cue that
ends at or before 0 is dropped and one that straddles 0 is trimmed to start at
0, and each is reported as an ``Adjustment``; dropping every cue is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise
from typing import Any

from .errors import InputError
from .model import Cue, Track
from .timecode import format_seconds, format_signed, format_srt, parse_duration
from .wording import plural

__all__ = [
    "Adjustment",
    "RetimeResult",
    "SyncPoint",
    "parse_point",
    "rate",
    "shift",
    "sync",
    "sync_map",
]

SyncPoint = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A cue that ``clip`` dropped or trimmed; ``cue`` is its number in the input."""

    cue: int
    action: str  # "dropped" | "trimmed"
    start: int  # the mapped (negative) times, before clipping
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"cue": self.cue, "action": self.action, "start_ms": self.start, "end_ms": self.end}

    def __str__(self) -> str:
        return f"cue {self.cue} {self.action}: it would run from {self.start} ms to {self.end} ms"


@dataclass(frozen=True, slots=True)
class RetimeResult:
    track: Track
    adjustments: tuple[Adjustment, ...] = field(default=())


def _apply(track: Track, fn: Callable[[int, Cue], tuple[int, int]], clip: bool) -> RetimeResult:
    cues: list[Cue] = []
    notes: list[Adjustment] = []
    for n, cue in enumerate(track.cues, 1):
        start, end = fn(n, cue)
        if start >= 0:
            cues.append(Cue(start, end, cue.text))
            continue
        if not clip:
            raise InputError(
                f"cue {n} would start at {format_signed(start)}, before the video starts",
                hint="use --clip to drop or trim cues that fall before 0",
            )
        if end <= 0:
            notes.append(Adjustment(n, "dropped", start, end))
        else:
            notes.append(Adjustment(n, "trimmed", start, end))
            cues.append(Cue(0, end, cue.text))
    if track.cues and not cues:
        # A caption file without cues is one that no reader accepts.
        raise InputError(
            f"every cue would end before the video starts (the last at "
            f"{format_signed(notes[-1].end)}): nothing would be left"
        )
    return RetimeResult(track.with_cues(cues), tuple(notes))


def shift(track: Track, offset_ms: int, *, from_cue: int = 1, clip: bool = False) -> RetimeResult:
    """Move cues ``from_cue`` (1-based) onwards by ``offset_ms``."""
    if from_cue < 1 or (track.cues and from_cue > len(track.cues)):
        raise InputError(
            f"no cue {from_cue}: the track has {plural(len(track.cues), 'cue')}", value=from_cue
        )
    if 1 < from_cue <= len(track.cues) and offset_ms < 0:
        # Shifting only the tail earlier can carry it past the cue before: the file
        # would be out of order, which no later step can sort out for the user.
        prev, first = track.cues[from_cue - 2], track.cues[from_cue - 1]
        if prev.start <= first.start and first.start + offset_ms < prev.start:
            raise InputError(
                f"cue {from_cue} would start at {format_signed(first.start + offset_ms)}, "
                f"before cue {from_cue - 1} ({format_seconds(prev.start)}): "
                "the cues would be out of order",
                hint=f"shift by -{first.start - prev.start} ms at most, or from an earlier cue",
            )

    def move(n: int, cue: Cue) -> tuple[int, int]:
        if n < from_cue:
            return cue.start, cue.end
        return cue.start + offset_ms, cue.end + offset_ms

    return _apply(track, move, clip)


def parse_point(text: str) -> SyncPoint:
    """``OLD=NEW``, each a time as ``parse_duration`` reads it (``00:01:02,500=00:01:04,000``)."""
    old, sep, new = text.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise InputError(
            "a sync point is OLD=NEW", value=text, hint="e.g. --point 00:01:00,000=00:01:02,500"
        )
    return parse_duration(old), parse_duration(new)


def _time(ms: int) -> str:
    """A point's time as the user may have typed it (points may be negative)."""
    return ("-" if ms < 0 else "") + format_srt(abs(ms))


def _point(point: SyncPoint) -> str:
    return f"{_time(point[0])}={_time(point[1])}"


def _round_div(num: int, den: int) -> int:
    """num / den rounded half up, exactly (den > 0)."""
    return (2 * num + den) // (2 * den)


def sync_map(points: Sequence[SyncPoint]) -> Callable[[int], int]:
    """The piecewise-linear map through ``points``; outside them the nearest segment's
    line is extended. One point is a pure offset. Exact (integer arithmetic) at the points."""
    pts = sorted(points)
    if not pts:
        raise InputError("give at least one sync point (OLD=NEW)")
    for a, b in pairwise(pts):
        if a == b:
            raise InputError("the same sync point is given twice", value=_point(a))
        if a[0] == b[0]:
            raise InputError(
                f"two sync points share the old time {_time(a[0])}",
                value=f"{_point(a)}, {_point(b)}",
            )
        if b[1] <= a[1]:
            raise InputError(
                "sync points must keep their order (new times must increase with old ones)",
                value=f"{_point(a)}, {_point(b)}",
            )
    if len(pts) == 1:
        offset = pts[0][1] - pts[0][0]
        return lambda t: t + offset

    def mapped(t: int) -> int:
        k = 0
        while k < len(pts) - 2 and t > pts[k + 1][0]:
            k += 1
        (o1, n1), (o2, n2) = pts[k], pts[k + 1]
        return n1 + _round_div((t - o1) * (n2 - n1), o2 - o1)

    return mapped


def sync(track: Track, points: Sequence[SyncPoint], *, clip: bool = False) -> RetimeResult:
    fn = sync_map(points)
    return _apply(track, lambda _n, c: (fn(c.start), fn(c.end)), clip)


def rate(track: Track, from_fps: Fraction, to_fps: Fraction) -> RetimeResult:
    """Captions timed for a video at ``from_fps`` onto the same frames played at ``to_fps``:
    frame f is shown at f / fps, so every time is scaled by from_fps / to_fps."""
    if from_fps <= 0 or to_fps <= 0:
        raise InputError("frame rates must be positive", value=(str(from_fps), str(to_fps)))
    ratio = Fraction(from_fps) / Fraction(to_fps)

    def scale(t: int) -> int:
        return _round_div(t * ratio.numerator, ratio.denominator)

    return _apply(track, lambda _n, c: (scale(c.start), scale(c.end)), False)
