"""Aligning a caption track to speech activity: offset, frame-rate ratio, splits, confidence.

Pure computation on the track and the per-frame speech probability (no I/O):

1. For every usual frame-rate ratio, the FFT cross-correlation of the caption
   signal with the speech signal over the whole offset range; a ratio other
   than 1 is kept only when its peak is clearly higher.
2. Candidate offsets: a window around each of the highest peaks. A dynamic
   programme over the cues picks one offset per cue with a penalty for each
   change (``split.best_path``), so a cut or an inserted break splits the
   track while a track without one keeps one offset.
3. Evidence: how much of the aligned caption time has speech compared with
   the audio as a whole, and how far the correlation peak stands above the
   peak that the same track mirrored in time reaches (same cue lengths and
   pauses, no true match: what chance alone gives).
   Weak evidence (no speech, music, captions of another video) is reported,
   not hidden.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from ..model import Cue, Track
from .signal import FRAME_MS, Correlator, caption_frames, cue_scores, peaks, speech_weights
from .split import best_path

__all__ = ["RATES", "AlignOptions", "Alignment", "Segment", "align_track", "ratios"]

RATES = (23.976, 24.0, 25.0, 29.97, 30.0)
MIN_SPEECH = 0.01  # share of frames: below it there is no speech to align to
MIN_LIFT = 1.2  # speech under the aligned captions vs the audio on average
MIN_CONTRAST = 1.9  # the peak's height over the height a mirrored track reaches
RATIO_GAIN = 1.1  # a drift ratio must beat the plain track's peak by 10%
COARSE = 10  # frames per step of the grid the ratios are compared on
PEAKS = 6  # candidate offsets around this many correlation peaks
WINDOW_MS = 1500  # ... within this much of each peak


def ratios() -> tuple[float, ...]:
    """1 and every ratio between two usual frame rates, both ways."""
    pairs = (a / b for a, b in itertools.permutations(RATES, 2))
    return (1.0, *sorted(set(pairs)))


@dataclass(frozen=True, slots=True)
class AlignOptions:
    max_offset_ms: int = 90_000
    drift: bool = True
    split: bool = True
    split_penalty: float = 0.07  # share of the best single-offset score a split must earn


@dataclass(frozen=True, slots=True)
class Segment:
    """Cues ``first``..``last`` (0-based, inclusive, in time order) moved by ``offset_ms``."""

    first: int
    last: int
    offset_ms: int
    start_ms: int  # where the segment starts in the media after alignment

    def to_dict(self) -> dict[str, int]:
        return {
            "first_cue": self.first + 1,
            "last_cue": self.last + 1,
            "offset_ms": self.offset_ms,
            "start_ms": self.start_ms,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    track: Track
    ratio: float
    segments: tuple[Segment, ...]
    coverage: float  # mean speech probability under the aligned captions
    speech: float  # mean speech probability of the whole audio
    contrast: float  # peak height over the mirrored track's peak height
    problems: tuple[str, ...]  # why the evidence is weak; empty when confident
    clamped: int = 0  # cues that would start before 0
    activity: np.ndarray = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)

    @property
    def confident(self) -> bool:
        return not self.problems

    @property
    def lift(self) -> float:
        return self.coverage / self.speech if self.speech > 0 else 0.0

    @property
    def offset_ms(self) -> int:
        """The offset of the longest segment (the track's offset when there is one)."""
        return max(self.segments, key=lambda s: s.last - s.first).offset_ms

    def to_dict(self) -> dict[str, object]:
        return {
            "confident": self.confident,
            "problems": list(self.problems),
            "offset_ms": self.offset_ms,
            "ratio": round(self.ratio, 6),
            "splits": len(self.segments) - 1,
            "segments": [s.to_dict() for s in self.segments],
            "score": {
                "speech_under_captions": round(self.coverage, 4),
                "speech_overall": round(self.speech, 4),
                "lift": round(self.lift, 3),
                "contrast": round(self.contrast, 3),
            },
            "cues": len(self.track),
            "clamped_cues": self.clamped,
        }


def align_track(track: Track, activity: np.ndarray, options: AlignOptions) -> Alignment:
    """Move ``track``'s cues onto the speech in ``activity`` (probability per 10 ms frame)."""
    track = track.sorted()
    speech = float(np.mean(activity)) if activity.size else 0.0
    if not track.cues or speech < MIN_SPEECH:
        return _unmoved(track, activity, speech, "no speech found in the audio")
    weights = speech_weights(activity)
    max_offset = options.max_offset_ms // FRAME_MS
    ratio, frames, corr, correlator = _best_ratio(track.cues, weights, max_offset, options.drift)
    top = peaks(corr, PEAKS if options.split else 1, WINDOW_MS // FRAME_MS)
    height = _contrast(correlator, frames, corr)
    window = np.arange(-WINDOW_MS // FRAME_MS, WINDOW_MS // FRAME_MS + 1)
    candidates = np.unique(np.concatenate([window + (p - max_offset) for p in top]))
    table = cue_scores(weights, frames, candidates)
    if options.split:
        penalty = options.split_penalty * max(float(corr[top[0]]), 1.0)
        path, _ = best_path(table, penalty)
    else:
        path = np.full(len(track), int(np.argmax(table.sum(axis=0))))
    offsets = candidates[path] * FRAME_MS
    aligned, clamped = _moved(track.cues, ratio, offsets)
    coverage = _coverage(activity, aligned)
    problems = _problems(coverage / speech, height)
    return Alignment(
        track.with_cues(aligned),
        ratio,
        _segments(offsets, aligned),
        coverage,
        speech,
        height,
        problems,
        clamped,
        activity,
    )


def _best_ratio(
    cues: tuple[Cue, ...], weights: np.ndarray, max_offset: int, drift: bool
) -> tuple[float, np.ndarray, np.ndarray, Correlator]:
    """The frame-rate ratio (1 unless another is clearly better) and its correlation.

    Ratios are compared on a coarse grid (100 ms), ten times cheaper; only the
    chosen one is correlated on the fine grid.
    """
    longest = int(np.ceil(max(c.end for c in cues) * max(ratios()) / FRAME_MS)) + 2
    fine = Correlator(weights, max_offset, longest)
    ratio = 1.0
    if drift:
        n = weights.size // COARSE * COARSE
        coarse_weights = weights[:n].reshape(-1, COARSE).mean(axis=1)
        coarse = Correlator(coarse_weights, max_offset // COARSE, longest // COARSE + 2)
        plain = float(coarse.scores(caption_frames(cues, 1.0, COARSE), edge=0).max())
        best = plain * RATIO_GAIN
        for r in ratios()[1:]:
            peak = float(coarse.scores(caption_frames(cues, r, COARSE), edge=0).max()) * COARSE
            if peak > best * COARSE:
                ratio, best = r, peak / COARSE
    frames = caption_frames(cues, ratio)
    return ratio, frames, fine.scores(frames), fine


def _contrast(correlator: Correlator, frames: np.ndarray, corr: np.ndarray) -> float:
    end = int(frames[:, 1].max())
    mirrored = np.stack([end - frames[:, 1], end - frames[:, 0]], axis=1)
    null = correlator.scores(mirrored)
    chance = float(null.max() - np.median(null))
    height = float(corr.max() - np.median(corr))
    return height / chance if chance > 0 else 0.0


def _moved(cues: tuple[Cue, ...], ratio: float, offsets: np.ndarray) -> tuple[list[Cue], int]:
    out, clamped = [], 0
    for cue, offset in zip(cues, offsets.tolist(), strict=True):
        start = round(cue.start * ratio) + offset
        end = round(cue.end * ratio) + offset
        if start < 0:
            clamped += 1
        out.append(Cue(max(start, 0), max(end, 0), cue.text))
    return out, clamped


def _coverage(activity: np.ndarray, cues: list[Cue]) -> float:
    mask = np.zeros(activity.size, dtype=bool)
    for cue in cues:
        mask[cue.start // FRAME_MS : cue.end // FRAME_MS] = True
    return float(activity[mask].mean()) if mask.any() else 0.0


def _problems(lift: float, height: float) -> tuple[str, ...]:
    problems = []
    if lift < MIN_LIFT:
        problems.append(
            f"the captions cover speech little better than chance ({lift:.2f}x the average, "
            f"at least {MIN_LIFT}x expected)"
        )
    if height < MIN_CONTRAST:
        problems.append(
            f"no clear best offset (the peak is {height:.2f}x what chance gives, "
            f"at least {MIN_CONTRAST}x expected): captions of another video?"
        )
    return tuple(problems)


def _segments(offsets: np.ndarray, cues: list[Cue]) -> tuple[Segment, ...]:
    segments, first = [], 0
    for i in range(1, len(cues) + 1):
        if i == len(cues) or offsets[i] != offsets[first]:
            segments.append(Segment(first, i - 1, int(offsets[first]), cues[first].start))
            first = i
    return tuple(segments)


def _unmoved(track: Track, activity: np.ndarray, speech: float, problem: str) -> Alignment:
    segment = Segment(0, max(len(track) - 1, 0), 0, track.start)
    return Alignment(track, 1.0, (segment,), 0.0, speech, 0.0, (problem,), 0, activity)
