"""Captions and speech as signals on one 10 ms grid, and their cross-correlation.

The speech signal is the detector's probability minus its mean, so a caption
frame over silence costs what a caption frame over speech earns, and frames
beyond the end of the audio count as silence. The caption signal is 1 inside a
cue, plus an onset edge: ``+1`` over the first ``EDGE`` frames of each cue and
``-1`` over the ``EDGE`` frames before it. The edge matters because a cue
usually outlasts its speech: without it every offset that keeps the speech
inside the cue scores the same, and the edge picks the one that puts the cue
start on the speech onset. Their correlation at every offset is the
agreement of the two.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Cue

__all__ = ["FRAME_MS", "Correlator", "caption_frames", "cue_scores", "peaks", "speech_weights"]

FRAME_MS = 10
EDGE = 15  # frames of the onset edge on either side of a cue start (150 ms)


def speech_weights(activity: np.ndarray) -> np.ndarray:
    """Per-frame weight: positive where speech is likelier than on average."""
    return (activity - float(np.mean(activity))).astype(np.float64)


def caption_frames(cues: Sequence[Cue], ratio: float, step: int = 1) -> np.ndarray:
    """(n, 2) first and end frame of every cue, its times scaled by ``ratio``.

    ``step`` > 1 counts in steps of that many frames (the coarse grid).
    """
    times = np.array([(c.start, c.end) for c in cues], dtype=np.float64).reshape(-1, 2)
    frames = np.rint(times * ratio / (FRAME_MS * step)).astype(np.int64)
    frames[:, 1] = np.maximum(frames[:, 1], frames[:, 0] + 1)
    return frames


def _mask(frames: np.ndarray, edge: int) -> np.ndarray:
    size = int(frames[:, 1].max()) + edge + 1
    delta = np.zeros(size, dtype=np.float64)
    np.add.at(delta, frames[:, 0], 1)
    np.add.at(delta, frames[:, 1], -1)
    mask = (np.cumsum(delta) > 0).astype(np.float64)  # overlapping cues count once
    if edge:
        ramp = np.zeros(size + 1, dtype=np.float64)
        starts = frames[:, 0]
        np.add.at(ramp, np.maximum(starts - edge, 0), -1)
        np.add.at(ramp, starts, 2)
        np.add.at(ramp, starts + edge, -1)
        mask += np.cumsum(ramp)[:size]
    return mask


class Correlator:
    """Agreement of caption masks with one speech signal at every offset.

    The offsets run ``-max_offset .. max_offset`` frames (index 0 = -max). The
    speech side is padded with "silence" on both sides, so a cue pushed past
    either end of the audio loses, and transformed once for all the masks
    (the frame-rate ratios and the mirrored track) correlated against it.
    """

    def __init__(self, weights: np.ndarray, max_offset: int, longest_mask: int) -> None:
        silence = -float(np.mean(weights[weights < 0])) if np.any(weights < 0) else 0.0
        self.max_offset = max_offset
        # Lags reach 2 * max_offset past a mask's end: that much padding, no more
        # (a circular product that never wraps onto the lags that are kept).
        tail = max_offset + max(longest_mask + EDGE - weights.size, 0)
        padded = np.concatenate([np.full(max_offset, -silence), weights, np.full(tail, -silence)])
        self.size = 1 << int(np.ceil(np.log2(padded.size)))
        self.speech = np.fft.rfft(padded, self.size)

    def scores(self, frames: np.ndarray, edge: int = EDGE) -> np.ndarray:
        mask = _mask(frames, edge)
        full: np.ndarray = np.fft.irfft(
            self.speech * np.conj(np.fft.rfft(mask, self.size)), self.size
        )
        # full[k] = sum_t mask[t] * padded[t + k]; offset o sits at k = o + max_offset.
        return full[: 2 * self.max_offset + 1]


def peaks(scores: np.ndarray, count: int, spacing: int) -> list[int]:
    """Indexes of the ``count`` highest local maxima at least ``spacing`` apart."""
    order = np.argsort(scores)[::-1]
    chosen: list[int] = []
    for i in order:
        if all(abs(int(i) - j) >= spacing for j in chosen):
            chosen.append(int(i))
            if len(chosen) == count:
                break
    return chosen


def cue_scores(
    weights: np.ndarray, frames: np.ndarray, offsets: np.ndarray, edge: int = EDGE
) -> np.ndarray:
    """(cues, offsets) agreement of each cue alone (with its edge) at each offset (frames)."""
    silence = -float(np.mean(weights[weights < 0])) if np.any(weights < 0) else 0.0
    prefix = np.concatenate([[0.0], np.cumsum(weights)])
    n = weights.size

    def cumulative(at: np.ndarray) -> np.ndarray:
        # Beyond either end the audio is silence: extend the prefix sum linearly.
        inside: np.ndarray = prefix[np.clip(at, 0, n)]
        outside: np.ndarray = silence * (np.minimum(at, 0) + np.maximum(at - n, 0))
        total: np.ndarray = inside - outside
        return total

    starts = frames[:, 0:1] + offsets[None, :]
    ends = frames[:, 1:2] + offsets[None, :]
    at_start = cumulative(starts)
    body = cumulative(ends) - at_start
    # The lobe before a cue stops at caption time 0, as in the correlated mask.
    lobe = np.maximum(frames[:, 0:1] - edge, 0) + offsets[None, :]
    onset = 2 * at_start - cumulative(starts + edge) - cumulative(lobe)
    return np.asarray(body - onset)
