"""Small real videos made with ffmpeg's lavfi sources, and frame comparison helpers.

Videos are 320x240 at 25 fps and a few seconds long; they are made once per
test session in a temporary folder (never stored in the repo).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from subtools.burn.ffmpeg import Toolchain, find_toolchain
from subtools.usecases.burn import make_test_video

W, H, FPS = 320, 240, 25
CUES_SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\nHello, world\n\n"
    "2\n00:00:03,000 --> 00:00:04,500\nПривет, мир\n"
)


@pytest.fixture(scope="session")
def tools() -> Toolchain:
    return find_toolchain()


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def video(media_dir: Path) -> Path:
    """6 s, 320x240, with a 440 Hz tone; near-lossless so frame diffs show only captions."""
    return make_test_video(media_dir / "card.mp4", 6, f"{W}x{H}", rate=FPS, crf=10)


@pytest.fixture(scope="session")
def silent_video(media_dir: Path) -> Path:
    return make_test_video(media_dir / "silent.mp4", 3, f"{W}x{H}", rate=FPS, audio=False, crf=10)


@pytest.fixture
def captions(tmp_path: Path) -> Path:
    path = tmp_path / "captions.srt"
    path.write_text(CUES_SRT, encoding="utf-8")
    return path


def frame(tools: Toolchain, video: Path, seconds: float) -> bytes:
    """The grey levels of the frame shown at ``seconds`` (W*H bytes)."""
    out = subprocess.run(
        [
            tools.ffmpeg,
            "-v",
            "error",
            "-ss",
            f"{seconds:.3f}",
            "-i",
            str(video),
            "-frames:v",
            "1",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "gray",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert len(out) == W * H
    return out


@dataclass(frozen=True)
class Changes:
    """Pixels whose grey level moved by more than a caption's contrast (>64 of 255).

    Encoding noise at crf 10-20 stays far below that; white text with a black
    outline on the test card is far above it.
    """

    count: int
    top: int  # bounding box of the changed pixels
    bottom: int
    left: int
    right: int

    def within_rows(self, first: int, last: int) -> bool:
        return self.count > 0 and first <= self.top and self.bottom <= last


def changes(a: bytes, b: bytes, width: int = W) -> Changes:
    xs: list[int] = []
    ys: list[int] = []
    for i, (p, q) in enumerate(zip(a, b, strict=True)):
        if abs(p - q) > 64:
            ys.append(i // width)
            xs.append(i % width)
    if not xs:
        return Changes(0, 0, 0, 0, 0)
    return Changes(len(xs), min(ys), max(ys), min(xs), max(xs))


def probe_streams(tools: Toolchain, path: Path) -> list[str]:
    """Codec type of every stream, via ffmpeg's report (works with or without ffprobe)."""
    report = subprocess.run(
        [tools.ffmpeg, "-hide_banner", "-i", str(path)], capture_output=True, text=True
    ).stderr
    return [line.split(": ")[1] for line in report.splitlines() if "Stream #0:" in line]
