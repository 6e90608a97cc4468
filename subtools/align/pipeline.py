"""From samples to an alignment: which voice detector to trust, then ``align_track``.

``auto`` (the default) runs webrtcvad first: it costs a quarter of Silero and
was as exact or more on every benchmark case, music beds included (Silero
hears onsets under music about 30 ms late). When the alignment it gives is not
confident (webrtcvad takes music and noise for voices, which blurs the fit),
Silero VAD decides instead: it tells a music-only track from speech. The
benchmark (benchmarks/bench_align.py --vad ...) has the measurements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Literal

import numpy as np

from ..model import Track
from .core import Alignment, AlignOptions, align_track
from .vad import speech_activity

__all__ = ["Detector", "align_samples"]

Detector = Literal["auto", "silero", "webrtc"]


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
        if vad == "webrtc" or quick.confident:
            return quick
    activity = speech_activity(samples, "silero", progress)
    return replace(align_track(track, activity, options), detector="silero")
