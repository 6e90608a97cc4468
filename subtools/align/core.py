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
MIN_CONTRAST = 1.15  # the peak over the best peak of tracks that match nothing
SHUFFLES = 3  # null tracks with the pauses shuffled (besides the mirrored one)
CUES_PER_SPLIT = 25  # more splits than one per this many cues (at least 1) is no fit
RATIO_GAIN = 1.05  # a drift ratio must beat the plain track's score by 5%
COARSE = 10  # frames per step of the grid the ratios are compared on
NEIGHBOURS = 0.003  # ratios this close to the coarse choice are compared on the fine grid
MIN_SPLIT_CUES = 3  # a split must gain at least what this many typical cues score
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
    captured: float = 0.0  # share of the detected speech that falls under the captions
    detector: str = ""  # the voice detector whose activity this is
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
                "speech_captured": round(self.captured, 4),
                "contrast": round(self.contrast, 3),
            },
            "detector": self.detector,
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
    # Long enough for any scaled track and for the aligned one (moved up to max_offset).
    longest = int(np.ceil(track.end * max(ratios()) / FRAME_MS)) + max_offset + 2
    correlator = Correlator(weights, max_offset, longest)
    ratio, best = 1.0, _solve(caption_frames(track.cues, 1.0), weights, correlator, options)
    if options.drift:
        # The best other ratio (coarse grid) must beat ratio 1 with its own splits:
        # a cut then does not pass for drift, nor drift for a string of cuts.
        # Close ratios (25/24 and 25/23.976) differ by less than the coarse grid
        # shows on a short track: the fine grid decides between neighbours.
        coarse = _coarse_ratio(track.cues, weights, max_offset, longest)
        near = [r for r in ratios()[1:] if abs(r / coarse - 1) < NEIGHBOURS]
        plain = best.total
        for other in near if coarse != 1.0 else []:
            solved = _solve(caption_frames(track.cues, other), weights, correlator, options)
            if solved.total > max(plain * RATIO_GAIN, best.total):
                ratio, best = other, solved
    aligned, clamped = _moved(track.cues, ratio, best.offsets)
    segments = _segments(best.offsets, aligned)
    contrast = _contrast(caption_frames(aligned, 1.0), correlator)
    coverage, captured = _coverage(activity, aligned)
    problems = _problems(coverage / speech, contrast, len(segments) - 1, len(aligned))
    return Alignment(
        track.with_cues(aligned),
        ratio,
        segments,
        coverage,
        speech,
        contrast,
        problems,
        clamped,
        captured,
        activity=activity,
    )


def _contrast(frames: np.ndarray, correlator: Correlator) -> float:
    """How far the aligned track's peak stands above what tracks of its rhythm reach by chance.

    Heights over the median of each correlation; the chance level is the
    highest of the null tracks (``_nulls``). 1 means no better than chance.
    """
    scores = correlator.scores(frames)
    height = float(scores.max() - np.median(scores))
    chance = max(float(n.max() - np.median(n)) for n in map(correlator.scores, _nulls(frames)))
    return height / chance if chance > 0 else 0.0


@dataclass(frozen=True, slots=True)
class _Solution:
    offsets: np.ndarray  # ms per cue
    total: float  # agreement minus split penalties


def _solve(
    frames: np.ndarray, weights: np.ndarray, correlator: Correlator, options: AlignOptions
) -> _Solution:
    """Offsets per cue: the correlation's peaks as candidates, the split-aware programme."""
    corr = correlator.scores(frames)
    top = peaks(corr, PEAKS if options.split else 1, WINDOW_MS // FRAME_MS)
    window = np.arange(-WINDOW_MS // FRAME_MS, WINDOW_MS // FRAME_MS + 1)
    candidates = np.unique(np.concatenate([window + (p - correlator.max_offset) for p in top]))
    table = cue_scores(weights, frames, candidates)
    if options.split:
        # A split must earn a share of the whole track's score, and never less
        # than what a few cues bring: a cue or two alone always fit somewhere.
        single = table.sum(axis=0)
        per_cue = float(np.median(table[:, int(np.argmax(single))]))
        penalty = max(options.split_penalty * float(single.max()), MIN_SPLIT_CUES * per_cue, 1.0)
        path, total = best_path(table, penalty)
        path, total = _in_order(path, total, table, frames, candidates)
    else:
        single = table.sum(axis=0)
        path = np.full(len(frames), int(np.argmax(single)))
        total = float(single.max())
    return _Solution(candidates[path] * FRAME_MS, total)


def _in_order(
    path: np.ndarray, total: float, table: np.ndarray, frames: np.ndarray, candidates: np.ndarray
) -> tuple[np.ndarray, float]:
    """At each split, move boundary cues to the other side until the cues keep their order.

    The programme scores each cue alone, so the last cue before a cut may sit
    on someone else's speech after the cut instead of on its own: it is the
    order of the cues that tells. Of the two cues out of order, the one that
    loses less changes sides.
    """
    path = path.copy()
    starts = frames[:, 0]
    for _ in range(len(path)):
        at = starts + candidates[path]
        wrong = np.flatnonzero((np.diff(path) != 0) & (at[1:] < at[:-1]))
        if wrong.size == 0:
            break
        i = int(wrong[0])  # cues i and i + 1 are out of order across a split
        left = table[i, path[i + 1]] - table[i, path[i]]  # cue i joins the later segment
        right = table[i + 1, path[i]] - table[i + 1, path[i + 1]]  # cue i+1 the earlier one
        if left >= right:
            total += float(left)
            path[i] = path[i + 1]
        else:
            total += float(right)
            path[i + 1] = path[i]
    return path, total


def _nulls(frames: np.ndarray) -> list[np.ndarray]:
    """Tracks with the same cue lengths and pauses that match no speech: what chance gives.

    The track mirrored in time, and the track with its pauses in other orders
    (a fixed seed: the same input always gets the same verdict).
    """
    end = int(frames[:, 1].max())
    nulls = [np.stack([end - frames[::-1, 1], end - frames[::-1, 0]], axis=1)]
    lengths = frames[:, 1] - frames[:, 0]
    gaps = np.diff(frames[:, 0], prepend=0) - np.concatenate([[0], lengths[:-1]])
    rng = np.random.default_rng(len(frames))
    for _ in range(SHUFFLES):
        steps = np.concatenate([[0], lengths[:-1]]) + rng.permutation(gaps)
        starts = np.maximum(np.cumsum(steps), 0)
        nulls.append(np.stack([starts, starts + lengths], axis=1))
    return nulls


def _coarse_ratio(
    cues: tuple[Cue, ...], weights: np.ndarray, max_offset: int, longest: int
) -> float:
    """The frame-rate ratio whose correlation peaks highest, on a 100 ms grid (cheap)."""
    n = weights.size // COARSE * COARSE
    coarse_weights = weights[:n].reshape(-1, COARSE).mean(axis=1)
    coarse = Correlator(coarse_weights, max_offset // COARSE, longest // COARSE + 2)
    heights = {
        r: float(coarse.scores(caption_frames(cues, r, COARSE), edge=0).max()) for r in ratios()
    }
    return max(heights, key=lambda r: heights[r])


def _moved(cues: tuple[Cue, ...], ratio: float, offsets: np.ndarray) -> tuple[list[Cue], int]:
    out, clamped = [], 0
    for cue, offset in zip(cues, offsets.tolist(), strict=True):
        start = round(cue.start * ratio) + offset
        end = round(cue.end * ratio) + offset
        if start < 0:
            clamped += 1
        out.append(Cue(max(start, 0), max(end, 0), cue.text))
    return out, clamped


def _coverage(activity: np.ndarray, cues: list[Cue]) -> tuple[float, float]:
    """Mean speech under the captions, and the share of all speech that is under them."""
    mask = np.zeros(activity.size, dtype=bool)
    for cue in cues:
        mask[cue.start // FRAME_MS : cue.end // FRAME_MS] = True
    if not mask.any():
        return 0.0, 0.0
    under = float(activity[mask].sum())
    return under / int(mask.sum()), under / max(float(activity.sum()), 1e-9)


def _problems(lift: float, height: float, splits: int, cues: int) -> tuple[str, ...]:
    problems = []
    if splits > max(1, cues // CUES_PER_SPLIT):
        problems.append(
            f"the captions fit only in {splits + 1} pieces ({cues} cues): "
            "captions of another video or another cut?"
        )
    if lift < MIN_LIFT:
        problems.append(
            f"the captions cover speech little better than chance ({lift:.2f}x the average, "
            f"at least {MIN_LIFT}x expected)"
        )
    if height < MIN_CONTRAST:
        problems.append(
            f"no clear fit (the score is {height:.2f}x what tracks of the same rhythm "
            f"that match nothing reach, at least {MIN_CONTRAST}x expected): "
            "captions of another video?"
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
    return Alignment(track, 1.0, (segment,), 0.0, speech, 0.0, (problem,), activity=activity)
