"""Decoding any audio or video file to 8 kHz mono samples with ffmpeg."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from ..burn.ffmpeg import find_toolchain
from ..errors import ExternalToolError, InputError

__all__ = ["SAMPLE_RATE", "decode_audio"]

SAMPLE_RATE = 8_000  # all voice detection needs; decoding is faster too
TAIL_LINES = 8


def decode_audio(path: Path) -> np.ndarray:
    """The first audio stream of ``path`` as float32 samples in [-1, 1] at 8 kHz mono."""
    if not path.is_file():
        raise InputError("media file not found", path=path)
    tools = find_toolchain()
    args = [tools.ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0"]
    args += ["-vn", "-sn", "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1"]
    try:
        done = subprocess.run(args, capture_output=True, check=False)
    except OSError as exc:
        raise ExternalToolError(f"cannot run ffmpeg: {exc.strerror}", path=tools.ffmpeg) from None
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        if "matches no streams" in stderr:
            raise InputError("the file has no audio stream", path=path)
        if "Invalid data" in stderr or "could not find codec" in stderr.lower():
            raise InputError("not an audio or video file ffmpeg can read", path=path)
        tail = "\n".join(stderr.splitlines()[-TAIL_LINES:])
        raise ExternalToolError(f"ffmpeg could not decode the audio: {tail}", path=path)
    samples = np.frombuffer(done.stdout, dtype=np.int16)
    if samples.size == 0:
        raise InputError("the audio stream is empty", path=path)
    return samples.astype(np.float32) / 32768
