"""The caption signal, its correlation with speech and the per-cue scores, against brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.align.signal import EDGE, Correlator, caption_frames, cue_scores, peaks
from subtools.model import Cue


def brute_mask(frames: np.ndarray, size: int, edge: int) -> np.ndarray:
    mask = np.zeros(size)
    for a, b in frames:
        mask[a:b] = 1
    for a, _ in frames:
        mask[max(a - edge, 0) : a] -= 1
        mask[a : a + edge] += 1
    return mask


def brute_scores(weights: np.ndarray, frames: np.ndarray, max_offset: int, edge: int) -> np.ndarray:
    silence = -weights[weights < 0].mean() if (weights < 0).any() else 0.0
    size = int(frames[:, 1].max()) + edge + 1
    mask = brute_mask(frames, size, edge)
    out = []
    for offset in range(-max_offset, max_offset + 1):
        at = np.arange(size) + offset
        inside = (at >= 0) & (at < weights.size)
        speech = np.where(inside, weights[np.clip(at, 0, weights.size - 1)], -silence)
        out.append(float((mask * speech).sum()))
    return np.array(out)


def test_caption_frames_scale_round_and_keep_one_frame() -> None:
    cues = [Cue(1000, 2000, "a"), Cue(3004, 3006, "b")]
    assert caption_frames(cues, 1.0).tolist() == [[100, 200], [300, 301]]
    assert caption_frames(cues, 2.0).tolist() == [[200, 400], [601, 602]]
    assert caption_frames(cues, 1.0, step=10).tolist() == [[10, 20], [30, 31]]


def test_correlation_peaks_at_the_shift_of_a_clean_signal() -> None:
    activity = np.zeros(1000)
    frames = np.array([[100, 160], [300, 420], [600, 650]])
    for a, b in frames:
        activity[a + 37 : b + 37] = 1
    weights = activity - activity.mean()
    scores = Correlator(weights, 200, 700).scores(frames)
    assert int(np.argmax(scores)) - 200 == 37


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0, 1), min_size=30, max_size=120),
    st.lists(st.tuples(st.integers(0, 80), st.integers(1, 30)), min_size=1, max_size=5),
    st.integers(1, 40),
    st.sampled_from([0, 3, EDGE]),
)
def test_fft_correlation_equals_brute_force(
    probs: list[float], spans: list[tuple[int, int]], max_offset: int, edge: int
) -> None:
    weights = np.array(probs) - np.mean(probs)
    frames = np.array(sorted((a, a + n) for a, n in spans))
    fast = Correlator(weights, max_offset, int(frames[:, 1].max()) + 1).scores(frames, edge=edge)
    # Overlapping cues count once in the body, each cue its own edge: the brute
    # force builds the same mask, so the two agree exactly (up to FFT rounding).
    np.testing.assert_allclose(fast, brute_scores(weights, frames, max_offset, edge), atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0, 1), min_size=30, max_size=120),
    st.lists(st.tuples(st.integers(0, 80), st.integers(1, 30)), min_size=1, max_size=5),
    st.lists(st.integers(-60, 60), min_size=1, max_size=6),
)
def test_cue_scores_equal_each_cue_correlated_alone(
    probs: list[float], spans: list[tuple[int, int]], offsets: list[int]
) -> None:
    weights = np.array(probs) - np.mean(probs)
    frames = np.array([(a, a + n) for a, n in spans])
    table = cue_scores(weights, frames, np.array(offsets))
    for i, cue in enumerate(frames):
        alone = brute_scores(weights, cue[None, :], 60, EDGE)
        np.testing.assert_allclose(table[i], alone[np.array(offsets) + 60], atol=1e-9)


def test_peaks_are_the_highest_and_apart() -> None:
    scores = np.array([0, 5, 9, 8, 0, 0, 7, 0, 6, 0], dtype=float)
    assert peaks(scores, 3, 3) == [2, 6, 9] or peaks(scores, 3, 3) == [2, 6, 8]
    assert peaks(scores, 1, 3) == [2]
