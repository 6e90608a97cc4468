"""Voice activity: where in the audio someone speaks, as one value per 10 ms frame.

Silero VAD (the ONNX model shipped inside the ``silero-vad`` package, run with
onnxruntime) is the detector: it ignores music and noise far better than
webrtcvad on the benchmark cases (see benchmarks/bench_align.py). Its
"sequence" export scores a whole batch of 32 ms windows per call, which makes
it fast enough for long files. webrtcvad stays available as ``vad="webrtc"``.
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
_WINDOW = 512  # silero's window at 16 kHz (32 ms)
_CONTEXT = 64  # samples of the previous window it sees
_BATCH = 2048  # windows per onnxruntime call (65 s of audio)

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
        model = resources.files("silero_vad").joinpath("data/silero_vad_16k_sequence.onnx")
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
    session = _silero_session()
    n_windows = -(-samples.size // _WINDOW)
    padded = np.zeros(_CONTEXT + n_windows * _WINDOW, dtype=np.float32)
    padded[_CONTEXT : _CONTEXT + samples.size] = samples
    # Each row: the 64 samples before the window, then the window (the model's input).
    starts = np.arange(n_windows) * _WINDOW
    rows = starts[:, None] + np.arange(_CONTEXT + _WINDOW)[None, :]
    h = np.zeros((1, 1, 128), dtype=np.float32)
    c = np.zeros((1, 1, 128), dtype=np.float32)
    probs = np.empty(n_windows, dtype=np.float32)
    for at in range(0, n_windows, _BATCH):
        batch = padded[rows[at : at + _BATCH]]
        out, h, c = session.run(None, {"input": batch, "h": h, "c": c})
        probs[at : at + _BATCH] = out
        if progress is not None:
            progress(min(at + _BATCH, n_windows), n_windows)
    # 32 ms windows onto the 10 ms grid: each frame takes the window it falls in.
    n_frames = -(-samples.size // _FRAME)
    where = np.minimum(np.arange(n_frames) * _FRAME // _WINDOW, n_windows - 1)
    return probs[where]


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
