"""Cutting a span out of a track: pure arithmetic on the model, no ffmpeg.

A clip is encoded with input seeking, so its timestamps start at 0 at the cut;
the captions must be moved the same way or they would be shown late (or never).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Track
from ..timecode import format_seconds, format_signed

__all__ = ["Span", "clip_captions", "clip_span", "rebase"]


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` in ms of the source video, and what was trimmed to fit it."""

    start: int
    end: int
    clamped_start: bool = False
    clamped_end: bool = False

    @property
    def duration(self) -> int:
        return self.end - self.start


def clip_span(start: int, end: int, pad: int, video_duration: int) -> Span:
    """The span to cut: ``[start - pad, end + pad)`` kept inside ``[0, video_duration]``."""
    if pad < 0:
        raise InputError("padding cannot be negative", value=pad)
    if start < 0:
        raise InputError(f"clip start {format_signed(start)} is before the video starts")
    if end <= start:
        raise InputError(
            f"clip end {format_seconds(end)} must be after its start {format_seconds(start)}"
        )
    if start >= video_duration:
        raise InputError(
            f"clip starts at {start / 1000:.3f} s but the video is only "
            f"{video_duration / 1000:.3f} s long",
        )
    lo, hi = start - pad, end + pad
    return Span(
        max(0, lo),
        min(video_duration, hi),
        clamped_start=lo < 0,
        clamped_end=hi > video_duration,
    )


def rebase(track: Track, start: int, end: int) -> Track:
    """The cues shown during ``[start, end)``, cut to it and moved so ``start`` becomes 0.

    A cue running across a cut keeps only its visible part; cues outside the span
    (and those that would last 0 ms) are dropped.
    """
    if end < start:
        raise InputError("span ends before it starts", value=(start, end))
    kept = []
    for cue in track.cues:
        lo, hi = max(cue.start, start), min(cue.end, end)
        if hi > lo:
            kept.append(cue.with_times(lo - start, hi - start))
    return track.with_cues(kept)


def clip_captions(track: Track, start: int, end: int, span: Span) -> Track:
    """The captions of a clip of ``[start, end)`` cut as ``span`` (that range plus padding).

    Only cues shown during ``[start, end)`` itself are kept: the padding is room
    around the passage, not a place for a flash of the neighbouring captions.
    """
    inside = track.with_cues(c for c in track.cues if c.end > start and c.start < end)
    return rebase(inside, span.start, span.end)
