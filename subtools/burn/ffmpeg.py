"""The one place that knows ffmpeg: finding the binary, probing media, running encodes.

ffmpeg-python (imported lazily) assembles the command lines; the process is run
here so that ffmpeg's ``-progress`` output can drive a progress callback while
its log is kept for the error message.
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DependencyError, ExternalToolError, InputError
from ..procs import preexec_die_with_parent

__all__ = [
    "ENV_VAR",
    "EncodeJob",
    "MediaInfo",
    "Progress",
    "Toolchain",
    "build_command",
    "encode",
    "filters",
    "find_toolchain",
    "parse_input_report",
    "probe",
    "run",
    "snapshot",
    "synthesize",
    "version",
]

ENV_VAR = "SUBTOOLS_FFMPEG"
TAIL_LINES = 12  # stderr lines quoted in an error
Progress = Callable[[int, int], None]  # (done ms, total ms)
LogSink = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Toolchain:
    """The ffmpeg binary to use, where it came from, and an ffprobe if there is one."""

    ffmpeg: str
    origin: str  # "SUBTOOLS_FFMPEG", "PATH" or "imageio-ffmpeg"
    ffprobe: str | None = None


def find_toolchain(env: dict[str, str] | None = None) -> Toolchain:
    """``$SUBTOOLS_FFMPEG``, else ``ffmpeg`` on PATH, else imageio-ffmpeg's static binary."""
    env = dict(os.environ) if env is None else env
    path_var = env.get("PATH", "")
    chosen = env.get(ENV_VAR, "").strip()
    if chosen:
        exe = shutil.which(chosen, path=path_var)
        if exe is None:
            raise DependencyError(f"{ENV_VAR} is not an executable ffmpeg", value=chosen)
        return Toolchain(exe, ENV_VAR, _ffprobe_for(exe, path_var))
    exe = shutil.which("ffmpeg", path=path_var)
    if exe is not None:
        return Toolchain(exe, "PATH", _ffprobe_for(exe, path_var))
    try:
        import imageio_ffmpeg

        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        raise DependencyError(
            "ffmpeg not found",
            hint=f"install ffmpeg (apt-get install ffmpeg), pip install imageio-ffmpeg, "
            f"or set {ENV_VAR} to an ffmpeg binary",
        ) from None
    # imageio-ffmpeg ships no ffprobe; one on PATH still works for probing.
    return Toolchain(exe, "imageio-ffmpeg", shutil.which("ffprobe", path=path_var))


def _ffprobe_for(ffmpeg: str, path_var: str) -> str | None:
    beside = Path(ffmpeg).with_name("ffprobe")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("ffprobe", path=path_var)


def _capture(args: Sequence[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            list(args),
            capture_output=True,
            text=True,
            errors="replace",
            preexec_fn=preexec_die_with_parent(),
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except OSError as exc:
        raise DependencyError(f"cannot run {args[0]}: {exc.strerror}", path=args[0]) from None


def snapshot(tools: Toolchain, video: Path, picture: Path, at_ms: int) -> None:
    """Write the frame shown at ``at_ms`` as a picture (format by ``picture``'s extension)."""
    args = [
        tools.ffmpeg,
        "-v",
        "error",
        "-y",
        "-ss",
        f"{at_ms / 1000:.3f}",
        "-i",
        _url(video),
        "-frames:v",
        "1",
        "-update",
        "1",
        _url(picture),
    ]
    done = _capture(args)
    if done.returncode != 0 or not picture.exists() or picture.stat().st_size == 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-TAIL_LINES:])
        raise ExternalToolError(f"ffmpeg could not take a frame: {tail}", path=video, value=at_ms)


def version(tools: Toolchain) -> str:
    """``ffmpeg -version``'s version word, e.g. ``5.1.9-0+deb12u1``."""
    first = _capture([tools.ffmpeg, "-hide_banner", "-version"]).stdout.partition("\n")[0]
    match = re.match(r"ffmpeg version (\S+)", first)
    return match.group(1) if match else first.strip() or "unknown"


def filters(tools: Toolchain) -> frozenset[str]:
    """Names of the filters this build has (``subtitles`` means libass is in)."""
    out = _capture([tools.ffmpeg, "-hide_banner", "-filters"]).stdout
    names = re.findall(r"^\s*[A-Z.|]{2,3}\s+(\w+)\s+\S+->\S+", out, flags=re.MULTILINE)
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What a media file holds; durations in ms."""

    duration: int
    width: int
    height: int
    video_codec: str
    audio_codec: str | None
    fps: float | None = None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None


def probe(tools: Toolchain, path: Path) -> MediaInfo:
    """Describe ``path`` with ffprobe, or by reading ``ffmpeg -i``'s report without it."""
    if not path.exists():
        raise InputError("file not found", path=path)
    if path.is_dir():
        raise InputError("is a folder, not a video file", path=path)
    if tools.ffprobe:
        return _probe_json(tools.ffprobe, path)
    return _probe_banner(tools.ffmpeg, path)


def _not_media(path: Path, stderr: str) -> InputError:
    last = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    why = last[-1] if last else "unknown format"
    return InputError("not a video file: ffmpeg cannot read it", path=path, hint=why)


def _probe_json(ffprobe: str, path: Path) -> MediaInfo:
    done = _capture(
        [
            ffprobe,
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            _url(path),
        ]
    )
    if done.returncode != 0:
        raise _not_media(path, done.stderr)
    data = json.loads(done.stdout or "{}")
    video = audio = None
    for s in data.get("streams", []):
        still = s.get("disposition", {}).get("attached_pic") == 1
        if s.get("codec_type") == "video" and video is None and not still:
            video = s
        elif s.get("codec_type") == "audio" and audio is None:
            audio = s
    fmt = data.get("format", {})
    duration = fmt.get("duration") or (video or {}).get("duration")
    return _media(path, fmt.get("format_name", ""), duration, video, audio)


_TEXT_FORMATS = frozenset({"tty", "srt", "webvtt", "ass", "subviewer", "microdvd", "sami"})


def _media(
    path: Path,
    fmt_name: str,
    duration: Any,
    video: dict[str, Any] | None,
    audio: dict[str, Any] | None,
) -> MediaInfo:
    if video is None:
        raise InputError("no video stream in this file", path=path)
    if fmt_name.endswith("_pipe") or fmt_name.startswith("image2") or duration is None:
        raise InputError("a still image, not a video", path=path)
    if fmt_name in _TEXT_FORMATS:
        # ffmpeg renders text files as "ANSI art" video: a text file is never the video.
        raise InputError("a text file, not a video", path=path, value=fmt_name)
    ms = round(float(duration) * 1000)
    if ms <= 0:
        raise InputError("the video has no duration", path=path)
    fps = None
    rate = str(video.get("avg_frame_rate") or "")
    num, _, den = rate.partition("/")
    if num.isdigit() and den.isdigit() and int(den):
        fps = int(num) / int(den)
    return MediaInfo(
        ms,
        int(video["width"]),
        int(video["height"]),
        str(video["codec_name"]),
        None if audio is None else str(audio["codec_name"]),
        fps,
    )


_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_INPUT = re.compile(r"^Input #0, (\S+?), from", re.MULTILINE)
_STREAM = re.compile(r"^\s*Stream #0:\d+\S*: (Video|Audio): (\w+)(.*)$", re.MULTILINE)
_SIZE = re.compile(r", (\d{1,5})x(\d{1,5})\b")
_FPS = re.compile(r", (\d+(?:\.\d+)?) fps\b")


def _probe_banner(ffmpeg: str, path: Path) -> MediaInfo:
    # Without an output ffmpeg prints the input report and exits 1: that is expected.
    done = _capture([ffmpeg, "-hide_banner", "-nostdin", "-i", _url(path)])
    return parse_input_report(done.stderr, path)


def parse_input_report(report: str, path: Path) -> MediaInfo:
    """Read duration and streams from ``ffmpeg -i``'s report (the ffprobe-less route)."""
    head = _INPUT.search(report)
    if head is None:
        raise _not_media(path, report)
    video = audio = None
    for kind, codec, rest in _STREAM.findall(report):
        if kind == "Video" and video is None and "(attached pic)" not in rest:
            size = _SIZE.search(rest)
            fps = _FPS.search(rest)
            video = {
                "codec_name": codec,
                "width": size.group(1) if size else 0,
                "height": size.group(2) if size else 0,
                "avg_frame_rate": f"{round(float(fps.group(1)) * 1000)}/1000" if fps else "",
            }
        elif kind == "Audio" and audio is None:
            audio = {"codec_name": codec}
    dur = _DURATION.search(report)
    seconds = None
    if dur:
        h, m, s = dur.groups()
        seconds = int(h) * 3600 + int(m) * 60 + float(s)
    return _media(path, head.group(1), seconds, video, audio)


def _url(path: Path) -> str:
    # "file:" stops ffmpeg from reading "name:rest" as a protocol or "-x" as an option.
    return "file:" + str(path.absolute())


@dataclass(frozen=True, slots=True)
class EncodeJob:
    """One ffmpeg run: an input span, an optional filter and soft-caption track, an output."""

    source: Path
    output: Path
    video_filter: str | None = None
    seek_ms: int = 0
    duration_ms: int | None = None
    audio: bool = True
    copy_audio: bool = True
    audio_filter: str | None = None  # needs copy_audio False
    soft_captions: Path | None = None
    caption_codec: str = "mov_text"
    caption_language: str | None = None
    crf: int = 20
    preset: str = "veryfast"


def _x264(crf: int, preset: str) -> dict[str, str]:
    # yuv420p: the chroma layout every player decodes; x264 keeps a 4:2:2/4:4:4 source's.
    return {"c:v": "libx264", "preset": preset, "crf": str(crf), "pix_fmt": "yuv420p"}


def _run_args(loglevel: str) -> tuple[str, ...]:
    # ``run`` reads progress as key=value lines on stdout and keeps the log from stderr.
    return ("-hide_banner", "-nostdin", "-nostats", "-loglevel", loglevel, "-progress", "pipe:1")


def build_command(tools: Toolchain, job: EncodeJob) -> list[str]:
    import ffmpeg as ffmpeg_python  # heavy-ish and only needed to encode

    in_opts: dict[str, str] = {}
    if job.seek_ms:
        in_opts["ss"] = f"{job.seek_ms / 1000:.3f}"  # before -i: seek, then decode
    if job.duration_ms is not None:
        in_opts["t"] = f"{job.duration_ms / 1000:.3f}"
    src = ffmpeg_python.input(_url(job.source), **in_opts)
    streams = [src["v:0"]]
    if job.audio:
        streams.append(src["a:0"])
    out = _x264(job.crf, job.preset)
    if job.video_filter:
        out["vf"] = job.video_filter
    if job.audio:
        out["c:a"] = "copy" if job.copy_audio else "aac"
        if not job.copy_audio:
            out["b:a"] = "160k"
        if job.audio_filter and not job.copy_audio:
            out["af"] = job.audio_filter
            out["ar"] = "48000"  # loudnorm resamples to 192 kHz otherwise
    if job.soft_captions is not None:
        streams.append(ffmpeg_python.input(_url(job.soft_captions))["s:0"])
        out["c:s"] = job.caption_codec
        if job.caption_language:
            out["metadata:s:s:0"] = f"language={job.caption_language}"
    if job.output.suffix.lower() in (".mp4", ".m4v", ".mov"):
        out["movflags"] = "+faststart"
    stream = ffmpeg_python.output(*streams, _url(job.output), **out)
    stream = stream.global_args(*_run_args("info"))  # info: libass names its fonts there
    args: list[str] = stream.overwrite_output().compile(cmd=tools.ffmpeg)
    return args


def synthesize(
    tools: Toolchain,
    output: Path,
    duration_ms: int,
    *,
    width: int,
    height: int,
    rate: int = 25,
    audio: bool = True,
    crf: int = 18,
    preset: str = "ultrafast",
    keyint: int | None = None,
    log: LogSink | None = None,
) -> None:
    """Write a test video from ffmpeg's own sources: a moving test card and a 440 Hz tone."""
    import ffmpeg as ffmpeg_python

    seconds = f"{duration_ms / 1000:.3f}"
    card = ffmpeg_python.input(
        f"testsrc2=size={width}x{height}:rate={rate}:duration={seconds}", f="lavfi"
    )
    streams = [card["v"]]
    if audio:
        tone = ffmpeg_python.input(
            f"sine=frequency=440:sample_rate=44100:duration={seconds}", f="lavfi"
        )
        streams.append(tone["a"])
    opts = {**_x264(crf, preset), "movflags": "+faststart"}
    if keyint:
        opts["g"] = str(keyint)
    if audio:
        opts.update({"c:a": "aac", "b:a": "96k"})
    args = (
        ffmpeg_python.output(*streams, _url(output), **opts)
        .global_args(*_run_args("error"))
        .overwrite_output()
        .compile(cmd=tools.ffmpeg)
    )
    run(args, log=log)


def encode(
    tools: Toolchain,
    job: EncodeJob,
    *,
    total_ms: int,
    progress: Progress | None = None,
    log: LogSink | None = None,
) -> tuple[str, ...]:
    return run(build_command(tools, job), total_ms=total_ms, progress=progress, log=log)


def run(
    args: Sequence[str],
    *,
    total_ms: int | None = None,
    progress: Progress | None = None,
    log: LogSink | None = None,
) -> tuple[str, ...]:
    """Run ffmpeg; report ``-progress`` to ``progress``; return its log lines.

    ``log`` receives ffmpeg's own log as it comes (for --verbose). On failure the
    last lines of the log are in the ExternalToolError.
    """
    try:
        proc = subprocess.Popen(
            list(args),
            # ffmpeg must not outlive us: killed with its parent, even by SIGKILL.
            preexec_fn=preexec_die_with_parent(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
    except OSError as exc:
        raise DependencyError(f"cannot run ffmpeg: {exc.strerror}", path=args[0]) from None
    lines: collections.deque[str] = collections.deque(maxlen=2000)

    def drain() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            line = line.rstrip("\n")
            lines.append(line)
            if log is not None:
                log(line)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            key, _, value = line.strip().partition("=")
            if progress is not None and total_ms and key == "out_time_us" and value.isdigit():
                progress(min(int(value) // 1000, total_ms), total_ms)
        code = proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        reader.join(timeout=10)
    if code != 0:
        tail = [ln for ln in lines if ln.strip()][-TAIL_LINES:]
        raise ExternalToolError(
            f"ffmpeg failed (exit code {code}):\n  " + "\n  ".join(tail or ["(no output)"])
        )
    if progress is not None and total_ms:
        progress(total_ms, total_ms)
    return tuple(lines)
