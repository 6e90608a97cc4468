"""Captions and speech as signals on one 10 ms grid, and their cross-correlation.

The speech signal is the detector's probability minus its mean, so a caption
frame over silence costs what a caption frame over speech earns, and frames
beyond the end of the audio count as silence. The caption signal is 1 inside a
cue. Their correlation at every offset is the agreement of the two.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Cue

__all__ = ["FRAME_MS", "caption_frames", "correlate", "cue_scores", "peaks", "speech_weights"]

FRAME_MS = 10


def speech_weights(activity: np.ndarray) -> np.ndarray:
    """Per-frame weight: positive where speech is likelier than on average."""
    return (activity - float(np.mean(activity))).astype(np.float64)


def caption_frames(cues: Sequence[Cue], ratio: float) -> np.ndarray:
    """(n, 2) first and end frame of every cue, its times scaled by ``ratio``."""
    times = np.array([(c.start, c.end) for c in cues], dtype=np.float64).reshape(-1, 2)
    frames = np.rint(times * ratio / FRAME_MS).astype(np.int64)
    frames[:, 1] = np.maximum(frames[:, 1], frames[:, 0] + 1)
    return frames


def _mask(frames: np.ndarray) -> np.ndarray:
    mask = np.zeros(int(frames[:, 1].max()) + 1, dtype=np.float64)
    delta = np.zeros_like(mask)
    np.add.at(delta, frames[:, 0], 1)
    np.add.at(delta, frames[:, 1], -1)
    mask = (np.cumsum(delta) > 0).astype(np.float64)  # overlapping cues count once
    return mask


def correlate(weights: np.ndarray, frames: np.ndarray, max_offset: int) -> np.ndarray:
    """Agreement for every offset in frames, ``-max_offset .. max_offset`` (index 0 = -max).

    One FFT product: the caption mask against the speech weights padded with
    "silence" on both sides so a cue pushed past either end of the audio loses.
    """
    mask = _mask(frames)
    silence = -float(np.mean(weights[weights < 0])) if np.any(weights < 0) else 0.0
    pad = max_offset
    padded = np.concatenate([np.full(pad, -silence), weights, np.full(pad + mask.size, -silence)])
    size = 1 << int(np.ceil(np.log2(padded.size + mask.size)))
    spectrum = np.fft.rfft(padded, size) * np.conj(np.fft.rfft(mask, size))
    full = np.fft.irfft(spectrum, size)
    # full[k] = sum_t mask[t] * padded[t + k]; offset o sits at k = o + pad.
    return full[: 2 * max_offset + 1]


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


def cue_scores(weights: np.ndarray, frames: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """(cues, offsets) agreement of each cue alone at each candidate offset (in frames)."""
    silence = -float(np.mean(weights[weights < 0])) if np.any(weights < 0) else 0.0
    prefix = np.concatenate([[0.0], np.cumsum(weights)])
    n = weights.size

    def cumulative(at: np.ndarray) -> np.ndarray:
        # Beyond either end the audio is silence: extend the prefix sum linearly.
        inside = prefix[np.clip(at, 0, n)]
        return inside - silence * (np.minimum(at, 0) + np.maximum(at - n, 0))

    starts = frames[:, 0:1] + offsets[None, :]
    ends = frames[:, 1:2] + offsets[None, :]
    return cumulative(ends) - cumulative(starts)
