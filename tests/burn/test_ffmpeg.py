"""The ffmpeg wrapper: binary resolution, probing with and without ffprobe, running."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.burn import ffmpeg as ff
from subtools.burn.ffmpeg import EncodeJob, MediaInfo, Toolchain
from subtools.errors import DependencyError, ExternalToolError, InputError
from subtools.usecases.burn import BurnOptions, burn_file

from .conftest import H, W, changes, frame

STATIC = imageio_ffmpeg.get_ffmpeg_exe()


@pytest.fixture(scope="module")
def with_ffprobe(tools: Toolchain) -> Toolchain:
    ffprobe = shutil.which("ffprobe")
    assert ffprobe, "scripts/setup.sh installs Debian's ffmpeg, which brings ffprobe"
    return dataclasses.replace(tools, ffprobe=ffprobe)


def _bin_dir(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in names:
        (folder / name).symlink_to(STATIC if name == "ffmpeg" else shutil.which("true") or "")
    return folder


def test_env_var_wins(tmp_path: Path) -> None:
    path = str(_bin_dir(tmp_path, "ffmpeg"))
    tools = ff.find_toolchain({"SUBTOOLS_FFMPEG": STATIC, "PATH": path})
    assert tools == Toolchain(STATIC, "SUBTOOLS_FFMPEG", None)


def test_path_comes_next_with_its_ffprobe(tmp_path: Path) -> None:
    folder = _bin_dir(tmp_path, "ffmpeg", "ffprobe")
    tools = ff.find_toolchain({"PATH": str(folder)})
    assert tools == Toolchain(str(folder / "ffmpeg"), "PATH", str(folder / "ffprobe"))


def test_imageio_static_binary_is_the_fallback(tmp_path: Path) -> None:
    tools = ff.find_toolchain({"PATH": str(tmp_path)})
    assert tools == Toolchain(STATIC, "imageio-ffmpeg", None)


def test_env_var_that_is_not_an_executable(tmp_path: Path) -> None:
    with pytest.raises(DependencyError, match="SUBTOOLS_FFMPEG is not an executable ffmpeg"):
        ff.find_toolchain({"SUBTOOLS_FFMPEG": str(tmp_path / "nope"), "PATH": ""})


def test_version_and_libass() -> None:
    static = Toolchain(STATIC, "imageio-ffmpeg")
    assert ff.version(static) == imageio_ffmpeg.get_ffmpeg_version()
    assert {"subtitles", "drawtext", "scale"} <= ff.filters(static)


def _without_ffprobe(tools: Toolchain) -> Toolchain:
    return dataclasses.replace(tools, ffprobe=None)


def test_probe_with_and_without_ffprobe_agree(
    tools: Toolchain, with_ffprobe: Toolchain, video: Path, silent_video: Path
) -> None:
    expected = MediaInfo(6000, W, H, "h264", "aac", 25.0)
    assert ff.probe(_without_ffprobe(tools), video) == expected
    assert ff.probe(with_ffprobe, video) == expected
    silent = MediaInfo(3000, W, H, "h264", None, 25.0)
    assert ff.probe(_without_ffprobe(tools), silent_video) == silent
    assert ff.probe(with_ffprobe, silent_video) == silent


@pytest.fixture(scope="module")
def odd_media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("odd")
    text = folder / "text.mp4"
    text.write_text("not a video\n" * 100)
    article = folder / "article.txt"  # ffmpeg's tty demuxer would show it as a video
    article.write_text("He said they were sent to the front line.\n" * 20)
    audio, still = folder / "tone.m4a", folder / "still.png"
    subprocess.run(
        [STATIC, "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", str(audio)], check=True
    )
    subprocess.run(
        [
            STATIC,
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=64x48",
            "-frames:v",
            "1",
            str(still),
        ],
        check=True,
    )
    return {"text": text, "article": article, "audio": audio, "still": still, "folder": folder}


@pytest.mark.parametrize("ffprobe", [True, False], ids=["ffprobe", "ffmpeg-only"])
@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "not a video file: ffmpeg cannot read it"),
        ("article", r"a text file, not a video \('tty'\)"),
        ("audio", "no video stream in this file"),
        ("still", "a still image, not a video"),
        ("folder", "is a folder, not a video file"),
    ],
)
def test_probe_rejects_what_is_not_a_video(
    tools: Toolchain,
    with_ffprobe: Toolchain,
    odd_media: dict[str, Path],
    kind: str,
    message: str,
    ffprobe: bool,
) -> None:
    probe_tools = with_ffprobe if ffprobe else _without_ffprobe(tools)
    with pytest.raises(InputError, match=message) as err:
        ff.probe(probe_tools, odd_media[kind])
    assert err.value.path == str(odd_media[kind])


def test_command_seeks_before_decoding(tools: Toolchain, tmp_path: Path) -> None:
    job = EncodeJob(
        Path("/v/in.mp4"),
        Path("/v/out.mp4"),
        video_filter="subtitles=x",
        seek_ms=3_000_500,
        duration_ms=10_000,
        copy_audio=False,
        preset="fast",
    )
    assert ff.build_command(tools, job)[1:] == [
        "-ss",
        "3000.500",
        "-t",
        "10.000",
        "-i",
        "file:/v/in.mp4",
        "-map",
        "0:v:0",
        "-map",
        "0:a:0",
        "-b:a",
        "160k",
        "-c:a",
        "aac",
        "-c:v",
        "libx264",
        "-crf",
        "20",
        "-movflags",
        "+faststart",
        "-pix_fmt",
        "yuv420p",
        "-preset",
        "fast",
        "-vf",
        "subtitles=x",
        "file:/v/out.mp4",
        "-hide_banner",
        "-nostdin",
        "-nostats",
        "-loglevel",
        "info",
        "-progress",
        "pipe:1",
        "-y",
    ]


def test_failure_quotes_ffmpegs_last_lines(tools: Toolchain, tmp_path: Path) -> None:
    missing = tmp_path / "gone.mp4"
    with pytest.raises(ExternalToolError) as err:
        ff.run([tools.ffmpeg, "-hide_banner", "-i", f"file:{missing}", str(tmp_path / "o.mp4")])
    text = str(err.value)
    assert text.startswith("ffmpeg failed (exit code ")
    assert f"file:{missing}: No such file or directory" in text


def test_pip_only_setup_static_ffmpeg_no_ffprobe_no_fc_list(
    monkeypatch: pytest.MonkeyPatch, video: Path, captions: Path, tmp_path: Path
) -> None:
    """What `pip install` alone gives: imageio-ffmpeg's binary, no ffprobe, no fc-list."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("SUBTOOLS_FFMPEG", raising=False)
    assert ff.find_toolchain() == Toolchain(STATIC, "imageio-ffmpeg", None)
    out = tmp_path / "static.mp4"
    result = burn_file(video, captions, out, BurnOptions(crf=12, preset="ultrafast"))
    assert (result.ffmpeg, result.font, result.font_face) == (STATIC, "DejaVu Sans", "DejaVuSans")
    static = Toolchain(STATIC, "imageio-ffmpeg")
    shown = changes(frame(static, video, 3.5), frame(static, out, 3.5))  # Cyrillic cue
    assert shown.count > 150 and shown.within_rows(H * 3 // 4, H - 1)
    assert changes(frame(static, video, 2.75), frame(static, out, 2.75)).count == 0
    assert os.environ["PATH"] == str(tmp_path)


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", ["ffmpeg5-mp4.txt", "ffmpeg9-mp4.txt"])
def test_input_reports_of_both_ffmpeg_generations(name: str) -> None:
    report = (GOLDEN / name).read_text(encoding="utf-8")
    assert ff.parse_input_report(report, Path("карта.mp4")) == MediaInfo(
        6000, 320, 240, "h264", "aac", 25.0
    )


def test_cover_art_is_not_a_video_stream() -> None:
    report = (GOLDEN / "ffmpeg5-cover-art.txt").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="no video stream in this file"):
        ff.parse_input_report(report, Path("cover.m4a"))


_FRAGMENTS = st.one_of(
    st.text(max_size=40),
    st.builds("  Duration: {:02d}:{:02d}:{:05.2f}, start: 0.0".format,
              st.integers(0, 99), st.integers(0, 59), st.floats(0, 59.99)),
    st.builds("  Stream #0:{}: Video: {}, yuv420p, {}x{}, {} fps{}".format,
              st.integers(0, 3), st.sampled_from(["h264", "mjpeg", "png"]),
              st.integers(0, 99999), st.integers(0, 99999), st.integers(0, 120),
              st.sampled_from(["", " (attached pic)"])),
    st.builds("  Stream #0:{}: Audio: {}, 44100 Hz".format,
              st.integers(0, 3), st.sampled_from(["aac", "opus"])),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=8), st.sampled_from(["", "Input #0, mov,mp4, from 'x':"]))
def test_any_report_gives_media_info_or_an_input_error(lines: list[str], head: str) -> None:
    try:
        info = ff.parse_input_report("\n".join([head, *lines]), Path("x.mp4"))
    except InputError:
        return
    assert head
    assert info.duration > 0
