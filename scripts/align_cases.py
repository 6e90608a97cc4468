"""Speech you can control, for the align tests and benchmark.

Each cue's text is spoken by espeak-ng (voice by language) and fitted into the
cue's span, so the true timing of every cue is known. The speech sits on a
quiet noise floor, optionally under a music-like bed, and is muxed with a tiny
lavfi video. Distortions of the caption track (offsets, frame-rate drift, a
cut, deleted cues) keep, for every distorted cue, its true start.

Usage: ``python scripts/align_cases.py CAPTIONS OUT.mp4 [--lang ru] [--music 0.5]``
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subtools.burn.ffmpeg import find_toolchain
from subtools.model import Cue, Track

__all__ = [
    "DISTORTIONS",
    "Distorted",
    "build_media",
    "distort",
    "espeak_voice",
    "score",
    "synth_audio",
]

RATE = 22050  # espeak-ng's own rate: no resampling before ffmpeg
VOICES = {"en": "en-us", "ru": "ru", "de": "de", "fr": "fr-fr", "es": "es", "it": "it"}
VOICES |= {"pt": "pt", "pl": "pl", "da": "da", "eo": "eo", "ko": "ko", "ja": "ja", "zh": "cmn"}


def espeak_voice(language: str | None) -> str:
    return VOICES.get(language or "en", "en-us")


def _espeak(text: str, voice: str, speed: int) -> np.ndarray:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise SystemExit("espeak-ng is not installed (apt-get install espeak-ng)")
    wav = subprocess.run(
        [exe, "-v", voice, "-s", str(speed), "--stdout", text],
        capture_output=True,
        check=True,
    ).stdout
    with wave.open(io.BytesIO(wav)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    samples = data.astype(np.float32) / 32768
    # espeak-ng pads with silence: trim it so the speech starts at the cue start.
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return samples[loud[0] : loud[-1] + 1] if loud.size else samples[:0]


def _speak_into(text: str, voice: str, span_ms: int) -> np.ndarray:
    """Speech of ``text`` that fills about 90% of ``span_ms`` (espeak's speed adjusted)."""
    text = " ".join(text.replace("\n", " ").split()) or "mm"
    first = _espeak(text, voice, 175)
    want = 0.9 * span_ms * RATE / 1000
    if first.size == 0:
        return first
    speed = int(np.clip(175 * first.size / want, 80, 450))
    speech = first if abs(speed - 175) < 10 else _espeak(text, voice, speed)
    return speech[: int(span_ms * RATE / 1000)]


def _music(n: int, rng: np.random.Generator) -> np.ndarray:
    """A music-like bed: chords with harmonics, a beat and a little hiss."""
    t = np.arange(n, dtype=np.float32) / RATE
    out = np.zeros(n, dtype=np.float32)
    roots = [220.0, 246.9, 196.0, 174.6]
    bar = 2.0  # seconds per chord
    for k, root in enumerate(roots):
        mask = ((t // bar) % len(roots)) == k
        for ratio in (1.0, 1.26, 1.5, 2.0):
            for h in (1, 2, 3):
                out[mask] += np.sin(2 * np.pi * root * ratio * h * t[mask]) / (4 * h)
    beat = np.exp(-((t % 0.5) * 30)).astype(np.float32)
    out += beat * rng.standard_normal(n).astype(np.float32) * 0.5
    out *= 0.6 + 0.4 * np.sin(2 * np.pi * 0.05 * t)
    return out / np.max(np.abs(out))


def synth_audio(
    track: Track, language: str | None, *, music: float = 0.0, seed: int = 0, tail_ms: int = 3000
) -> np.ndarray:
    """The whole track spoken at its own times: float32 mono at ``RATE``."""
    voice = espeak_voice(language)
    n = int((track.end + tail_ms) * RATE / 1000)
    rng = np.random.default_rng(seed)
    out = rng.standard_normal(n).astype(np.float32) * 0.003  # noise floor, about -50 dBFS
    for cue in track:
        speech = _speak_into(cue.text, voice, cue.duration)
        at = int(cue.start * RATE / 1000)
        out[at : at + speech.size] += 0.5 * speech[: n - at]
    if music:
        out += music * 0.3 * _music(n, rng)
    return np.clip(out, -1, 1)


def build_media(audio: np.ndarray, out: Path, *, video: bool = True) -> Path:
    """Write ``audio`` as an .mp4 with a tiny black video (or as .wav/.m4a alone)."""
    tools = find_toolchain()
    pcm = (audio * 32767).astype(np.int16).tobytes()
    args = [tools.ffmpeg, "-v", "error", "-y", "-f", "s16le", "-ar", str(RATE), "-ac", "1"]
    args += ["-i", "pipe:0"]
    if video:
        args += ["-f", "lavfi", "-i", "color=c=black:s=64x36:r=5"]
        args += ["-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage"]
    args += ["-c:a", "aac", "-b:a", "48k"] if out.suffix != ".wav" else []
    subprocess.run([*args, str(out)], input=pcm, check=True)
    return out


@dataclass(frozen=True, slots=True)
class Distorted:
    """A distorted track and, per cue, the start it really has in the media."""

    name: str
    track: Track
    truth: tuple[int, ...]
    cut: bool = False


def _scaled(cue: Cue, ratio: float, offset: int) -> Cue:
    start = max(0, round(cue.start * ratio) + offset)
    return Cue(start, start + round(cue.duration * ratio), cue.text)


def distort(track: Track, name: str) -> Distorted:
    """One named distortion of ``track`` (see ``DISTORTIONS``)."""
    cues = list(track.cues)
    truth = tuple(c.start for c in cues)
    if name == "none":
        return Distorted(name, track, truth)
    if name.startswith("offset"):
        ms = int(name.removeprefix("offset"))
        keep = [i for i, c in enumerate(cues) if c.start + ms >= 0]
        return Distorted(
            name, track.with_cues(cues[i].shifted(ms) for i in keep), tuple(truth[i] for i in keep)
        )
    if name.startswith("drift"):
        # Captions timed at one frame rate played at another: every time scales.
        ratio = {"drift25": 25 / 23.976, "drift23": 23.976 / 25}[name[:7]]
        offset = int(name[7:] or 0)
        return Distorted(name, track.with_cues(_scaled(c, ratio, offset) for c in cues), truth)
    if name.startswith("cut"):
        ms = int(name.removeprefix("cut"))
        half = len(cues) // 2
        moved = cues[:half] + [c.shifted(ms) for c in cues[half:]]
        return Distorted(name, track.with_cues(moved), truth, cut=True)
    if name.startswith("deleted"):
        ms = int(name.removeprefix("deleted"))
        keep = [i for i in range(len(cues)) if i % 4 != 1 and cues[i].start + ms >= 0]
        return Distorted(
            name, track.with_cues(cues[i].shifted(ms) for i in keep), tuple(truth[i] for i in keep)
        )
    raise ValueError(f"unknown distortion {name!r}")


DISTORTIONS = (
    "none",
    "offset700",
    "offset-2300",
    "offset41000",
    "drift25+1500",
    "drift23-2000",
    "cut6000",
    "deleted-4200",
)


def score(aligned: Sequence[int], truth: Sequence[int]) -> dict[str, float]:
    """Median and 90th-percentile absolute start error (ms), share within 100 and 250 ms."""
    err = np.abs(np.asarray(aligned, dtype=np.int64) - np.asarray(truth, dtype=np.int64))
    return {
        "median": float(np.median(err)),
        "p90": float(np.percentile(err, 90)),
        "within100": float(np.mean(err <= 100)),
        "within250": float(np.mean(err <= 250)),
    }


def main() -> None:
    from subtools.io import read_track

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("captions", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--music", type=float, default=0.0)
    args = parser.parse_args()
    track = read_track(args.captions).track.sorted()
    build_media(synth_audio(track, args.lang, music=args.music), args.out)
    print(args.out)


if __name__ == "__main__":
    main()
