"""Voice activity: where in the audio someone speaks, as one value per 10 ms frame.

Silero VAD (the ONNX model shipped inside the ``silero-vad`` package, run with
onnxruntime) is the detector: it ignores music and noise far better than
webrtcvad on the benchmark cases (see benchmarks/bench_align.py). It runs at
8 kHz, where it costs half as much as at 16 kHz, with many stretches of the
audio in one batch. webrtcvad stays available as ``vad="webrtc"``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any, Literal

import numpy as np

from ..errors import DependencyError
from .audio import SAMPLE_RATE

__all__ = ["FRAME_MS", "Backend", "speech_activity"]

FRAME_MS = 10
Backend = Literal["silero", "webrtc"]
_FRAME = SAMPLE_RATE * FRAME_MS // 1000
_WINDOW = 256  # silero's window at 8 kHz (32 ms)
_CONTEXT = 32  # samples of the previous window it sees
_STREAM = 320  # windows per stream (about 10 s)
_WARMUP = 16  # windows a stream runs before its own part (about 0.5 s)

Progress = Callable[[int, int], None]


def speech_activity(
    samples: np.ndarray, vad: Backend = "silero", progress: Progress | None = None
) -> np.ndarray:
    """Speech probability in [0, 1] for every 10 ms frame of ``samples`` (16 kHz mono)."""
    if vad == "webrtc":
        return _webrtc(samples, progress)
    return _silero(samples, progress)


def _silero_session() -> Any:
    try:
        import onnxruntime as ort
    except ImportError:
        raise DependencyError(
            "onnxruntime is not installed", hint="pip install 'subtools[align]'"
        ) from None
    try:
        model = resources.files("silero_vad").joinpath("data/silero_vad_op18_ifless.onnx")
    except ModuleNotFoundError:
        raise DependencyError(
            "silero-vad is not installed", hint="pip install 'subtools[align]'"
        ) from None
    options = ort.SessionOptions()
    options.log_severity_level = 3  # the model's unused initializers are not the user's business
    options.intra_op_num_threads = 1
    with resources.as_file(model) as path:
        return ort.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )


def _silero(samples: np.ndarray, progress: Progress | None) -> np.ndarray:
    """Silero on the audio cut into streams run side by side as one batch.

    The model is recurrent: one window after another. Cutting the audio into
    ``_STREAM``-window pieces, each started ``_WARMUP`` windows early so its
    state has settled where its own part begins, lets one onnxruntime call
    score a window of every piece: about 5x faster than one long sequence.
    """
    session = _silero_session()
    n_windows = max(1, -(-samples.size // _WINDOW))
    streams = -(-n_windows // _STREAM)
    steps = _WARMUP + _STREAM
    # Window w of the audio sits at padded index w + _WARMUP (zeros before the start).
    padded = np.zeros((_WARMUP + streams * _STREAM) * _WINDOW + _CONTEXT, dtype=np.float32)
    at = (_WARMUP * _WINDOW) + _CONTEXT
    padded[at : at + samples.size] = samples
    state = np.zeros((2, streams, 128), dtype=np.float32)
    rate = np.array(SAMPLE_RATE, dtype=np.int64)
    first = np.arange(streams) * _STREAM  # each stream's first (warm-up) window
    width = np.arange(_CONTEXT + _WINDOW)
    probs = np.empty((streams, _STREAM), dtype=np.float32)
    for step in range(steps):
        rows = (first + step)[:, None] * _WINDOW + width[None, :]
        out, state = session.run(None, {"input": padded[rows], "sr": rate, "state": state})
        if step >= _WARMUP:
            probs[:, step - _WARMUP] = out[:, 0]
        if progress is not None:
            progress(step + 1, steps)
    flat = probs.reshape(-1)[:n_windows]
    # 32 ms windows onto the 10 ms grid: each frame takes the window it falls in.
    n_frames = -(-samples.size // _FRAME)
    where = np.minimum(np.arange(n_frames) * _FRAME // _WINDOW, n_windows - 1)
    return flat[where]


def _webrtc(samples: np.ndarray, progress: Progress | None) -> np.ndarray:
    try:
        import webrtcvad
    except ImportError:
        raise DependencyError(
            "webrtcvad is not installed", hint="pip install webrtcvad-wheels"
        ) from None
    detector = webrtcvad.Vad(3)
    n_frames = samples.size // _FRAME
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes()
    width = _FRAME * 2
    out = np.empty(n_frames, dtype=np.float32)
    for i in range(n_frames):
        out[i] = detector.is_speech(pcm[i * width : (i + 1) * width], SAMPLE_RATE)
        if progress is not None and i % 6000 == 0:
            progress(i, n_frames)
    return out
