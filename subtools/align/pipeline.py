"""From samples to an alignment: which voice detector to trust, then ``align_track``.

``auto`` (the default) runs webrtcvad first: it costs a quarter of Silero and
is as exact on clean speech. When the alignment it gives is not confident, or
much of what it calls speech falls outside the aligned captions (music, noise:
webrtcvad takes them for voices), Silero VAD decides instead. The benchmark
(benchmarks/bench_align.py) has the measurements behind this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Literal

import numpy as np

from ..model import Track
from .core import Alignment, AlignOptions, align_track
from .vad import speech_activity

__all__ = ["CLEAN", "Detector", "align_samples"]

Detector = Literal["auto", "silero", "webrtc"]
CLEAN = 0.8  # share of webrtcvad's speech under the captions for its verdict to stand


def align_samples(
    samples: np.ndarray,
    track: Track,
    options: AlignOptions,
    vad: Detector = "auto",
    progress: Callable[[int, int], None] | None = None,
) -> Alignment:
    """Align ``track`` to the speech in ``samples`` (8 kHz mono)."""
    if vad != "silero":
        quick = replace(
            align_track(track, speech_activity(samples, "webrtc"), options), detector="webrtc"
        )
        if vad == "webrtc" or (quick.confident and quick.captured >= CLEAN):
            return quick
    activity = speech_activity(samples, "silero", progress)
    return replace(align_track(track, activity, options), detector="silero")
