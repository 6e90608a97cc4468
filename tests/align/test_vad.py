"""Decoding and the two voice detectors on generated speech, music and silence."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from subtools.align.audio import SAMPLE_RATE, decode_audio
from subtools.align.vad import speech_activity
from subtools.burn.ffmpeg import find_toolchain
from subtools.errors import InputError

from .conftest import track


def truth_mask(frames: int) -> np.ndarray:
    mask = np.zeros(frames, dtype=bool)
    for cue in track("en"):
        mask[cue.start // 10 : cue.end // 10] = True
    return mask


def test_decode_gives_8_khz_mono_of_the_whole_file(speech_video: Path) -> None:
    samples = decode_audio(speech_video)
    assert samples.dtype == np.float32
    # 57.3 s of captions plus the 3 s tail the generator adds, within an AAC frame.
    assert abs(samples.size / SAMPLE_RATE - 60.3) < 0.1
    assert 0.05 < float(np.abs(samples).max()) <= 1.0


def test_decode_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="media file not found"):
        decode_audio(tmp_path / "missing.mp4")
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    with pytest.raises(InputError, match="not an audio or video file ffmpeg can read"):
        decode_audio(text)
    silent = tmp_path / "silent.mp4"
    subprocess.run(
        [
            find_toolchain().ffmpeg,
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "color=s=32x32:d=1",
            "-c:v",
            "libx264",
            str(silent),
        ],
        check=True,
    )
    with pytest.raises(InputError, match="the file has no audio stream"):
        decode_audio(silent)


@pytest.mark.parametrize("vad", ["silero", "webrtc"])
def test_both_detectors_find_the_spoken_cues(speech_video: Path, vad: str) -> None:
    activity = speech_activity(decode_audio(speech_video), vad)  # type: ignore[arg-type]
    speech = activity > 0.5
    truth = truth_mask(speech.size)
    recall = (speech & truth).sum() / truth.sum()
    precision = (speech & truth).sum() / speech.sum()
    assert recall > 0.8 and precision > 0.97, (recall, precision)


def test_music_is_speech_to_webrtcvad_but_not_to_silero(music_video: Path) -> None:
    samples = decode_audio(music_video)
    assert float((speech_activity(samples, "silero") > 0.5).mean()) < 0.02
    assert float((speech_activity(samples, "webrtc") > 0.5).mean()) > 0.3


def test_silence_is_no_speech_and_costs_no_model_run() -> None:
    samples = np.random.default_rng(1).normal(0, 1e-5, SAMPLE_RATE * 5).astype(np.float32)
    assert speech_activity(samples, "silero").max() == 0.0
    assert speech_activity(samples, "silero").size == 500
