"""Voice activity: where in the audio someone speaks, as one value per 10 ms frame.

Two detectors: webrtcvad (a C library, fast, exact on clean speech, but it
takes music and noise for voices) and Silero VAD (the ONNX model shipped
inside the ``silero-vad`` package, run with onnxruntime: it ignores music,
at about four times the cost). ``pipeline`` chooses between them. Silero
runs at 8 kHz, where it costs half as much as at 16 kHz, with many stretches
of the audio in one batch.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import DependencyError
from .audio import SAMPLE_RATE

__all__ = ["FRAME_MS", "Backend", "speech_activity"]

FRAME_MS = 10
Backend = Literal["silero", "webrtc"]
_FRAME = SAMPLE_RATE * FRAME_MS // 1000
_MODEL = "silero_vad_op18_ifless.onnx"
_WINDOW = 256  # silero's window at 8 kHz (32 ms)
_CONTEXT = 32  # samples of the previous window it sees
_STREAM = 320  # windows per stream (about 10 s)
_WARMUP = 16  # windows a stream runs before its own part (about 0.5 s)
_QUIET = 10 ** (-30 / 20)  # amplitude ratio to the loud parts below which a window is silence
_MARGIN = 3  # windows kept on both sides of an audible one (about 0.1 s)

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
            "onnxruntime is not installed", hint="pip install onnxruntime"
        ) from None
    # find_spec locates the package without running it: silero_vad imports torch.
    spec = importlib.util.find_spec("silero_vad")
    folders = list(spec.submodule_search_locations or []) if spec else []
    models = [Path(f) / "data" / _MODEL for f in folders if (Path(f) / "data" / _MODEL).is_file()]
    if not models:
        raise DependencyError(
            "the Silero VAD model is not installed", hint="pip install silero-vad"
        )
    options = ort.SessionOptions()
    options.log_severity_level = 3  # the model's unused initializers are not the user's business
    options.intra_op_num_threads = 1
    return ort.InferenceSession(
        str(models[0]), sess_options=options, providers=["CPUExecutionProvider"]
    )


def _silero(samples: np.ndarray, progress: Progress | None) -> np.ndarray:
    """Silero on the audio's non-silent windows, cut into streams run side by side.

    The model is recurrent: one window after another. Cutting the windows into
    ``_STREAM``-window pieces, each started ``_WARMUP`` windows early so its
    state has settled where its own part begins, lets one onnxruntime call
    score a window of every piece. Long silences (far below the loud parts)
    are not speech and are skipped: they cost nothing.
    """
    session = _silero_session()
    n_windows = max(1, -(-samples.size // _WINDOW))
    # Row r of ``padded`` from r * _WINDOW: window w's context and samples at row w + 1;
    # row 0 is silence, for warm-up steps before the first window.
    padded = np.zeros((n_windows + 1) * _WINDOW + _CONTEXT, dtype=np.float32)
    padded[_WINDOW + _CONTEXT : _WINDOW + _CONTEXT + samples.size] = samples
    kept = np.flatnonzero(_audible(padded[_WINDOW + _CONTEXT :], n_windows))
    probs = np.zeros(n_windows, dtype=np.float32)
    if kept.size == 0:
        return _on_frames(probs, samples.size)
    streams = -(-kept.size // _STREAM)
    # order[j, step]: the window stream j scores at ``step`` (-1: silence).
    at = np.arange(streams)[:, None] * _STREAM - _WARMUP + np.arange(_WARMUP + _STREAM)[None, :]
    order = np.where((at >= 0) & (at < kept.size), kept[np.clip(at, 0, kept.size - 1)], -1)
    state = np.zeros((2, streams, 128), dtype=np.float32)
    rate = np.array(SAMPLE_RATE, dtype=np.int64)
    width = np.arange(_CONTEXT + _WINDOW)
    for step in range(order.shape[1]):
        windows = order[:, step]
        if step:
            # After a skipped silence the stream starts afresh, as the model would
            # after hearing it: a state carried over would call the lead-in speech.
            state[:, windows != order[:, step - 1] + 1, :] = 0
        rows = ((windows + 1) * _WINDOW)[:, None] + width[None, :]
        out, state = session.run(None, {"input": padded[rows], "sr": rate, "state": state})
        if step >= _WARMUP:
            real = windows >= 0
            probs[windows[real]] = out[real, 0]
        if progress is not None:
            progress(step + 1, order.shape[1])
    return _on_frames(probs, samples.size)


def _audible(samples: np.ndarray, n_windows: int) -> np.ndarray:
    """Windows that are not in a long stretch of near-silence (30 dB below the loud parts)."""
    frames = np.zeros(n_windows * _WINDOW, dtype=np.float32)
    frames[: min(samples.size, frames.size)] = samples[: frames.size]
    rms = np.sqrt(np.mean(frames.reshape(n_windows, _WINDOW) ** 2, axis=1))
    loud = rms >= max(float(np.percentile(rms, 95)) * _QUIET, 1e-4)
    # Keep a margin around every loud window: the model sees onsets and pauses whole.
    margin = np.convolve(loud.astype(np.float32), np.ones(2 * _MARGIN + 1), mode="same")
    return np.asarray(margin > 0)


def _on_frames(probs: np.ndarray, n_samples: int) -> np.ndarray:
    # 32 ms windows onto the 10 ms grid. A window counts as speech when speech
    # starts anywhere in it, so its onset is early by half a window on average:
    # each frame takes the window half a window before its middle.
    n_frames = -(-n_samples // _FRAME)
    middle = np.arange(n_frames) * _FRAME + _FRAME // 2
    where = np.clip((middle - _WINDOW // 2) // _WINDOW, 0, probs.size - 1)
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
