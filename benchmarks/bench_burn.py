"""Burn speed at 720p, and the cost of a clip deep in a long video vs near its start.

Goals (issue 6):
- burn speed as a multiple of real time for 720p (veryfast), next to a plain
  re-encode of the same video without captions (the baseline, same process);
- a 10 s clip at minute 50 of a 60-minute video within 1.5x the time of the same
  clip at minute 1 (input seeking: cost follows the clip's length, not its place).

The long video is made cheaply: a 6-minute segment (testsrc2 640x360, 25 fps,
x264 ultrafast, default keyframe interval, 440 Hz AAC) joined ten times with
ffmpeg's concat demuxer by stream copy. ``--naive`` also times the minute-50
clip with output seeking (decode everything before the cut) for comparison.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subtools.burn import ffmpeg as ff
from subtools.io import write_track
from subtools.model import Cue, Track
from subtools.usecases.burn import BurnOptions, burn_file, clip_file, make_test_video

LINES = (
    "We, the mobilized men\nof the 57th Battalion,",
    "Мы, мобилизованные\nиз 57-го батальона,",
    "<i>are appealing to\nthe defense minister.</i>",
)
ROUNDS = 3


def captions(path: Path, duration_ms: int, every_ms: int = 3000) -> Path:
    cues = [
        Cue(t, t + every_ms - 300, LINES[(t // every_ms) % len(LINES)])
        for t in range(0, duration_ms - every_ms + 1, every_ms)
    ]
    write_track(Track(tuple(cues)), path)
    return path


def timed(fn: object) -> float:
    return measured(fn)[0]


def measured(fn: object) -> tuple[float, float]:
    """Wall seconds and the CPU seconds ffmpeg used (robust when the machine is shared)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench_burn(tmp: Path, tools: ff.Toolchain) -> None:
    seconds = 60
    t = timed(lambda: make_test_video(tmp / "hd.mp4", seconds, "1280x720", rate=30))
    print(f"made 60 s of 1280x720 @ 30 fps in {t:.1f} s (ultrafast)")
    srt = captions(tmp / "hd.srt", seconds * 1000)
    opts = BurnOptions(preset="veryfast")
    job = ff.EncodeJob(tmp / "hd.mp4", tmp / "plain.mp4", preset=opts.preset, crf=opts.crf)
    plain: list[tuple[float, float]] = []
    burn: list[tuple[float, float]] = []
    for _ in range(2):  # interleaved, best of 2: other load hits both alike
        plain.append(measured(lambda: ff.encode(tools, job, total_ms=seconds * 1000)))
        burn.append(measured(lambda: burn_file(tmp / "hd.mp4", srt, tmp / "burned.mp4", opts)))
    (pw, pc), (bw, bc) = min(plain), min(burn)
    for name, wall, cpu in (("re-encode, no captions (baseline)", pw, pc),
                            (f"burn (veryfast, crf {opts.crf})", bw, bc)):  # fmt: skip
        print(
            f"720p {name:34} {wall:5.1f} s wall = {seconds / wall:4.1f}x real time; "
            f"ffmpeg CPU {cpu:5.1f} s"
        )
    print(f"burn / baseline: {bw / pw:.2f}x wall, {bc / pc:.2f}x CPU")


def long_video(tmp: Path) -> Path:
    segment = make_test_video(tmp / "segment.mp4", 360, "640x360", rate=25)
    listing = tmp / "list.txt"
    listing.write_text("".join(f"file '{segment}'\n" for _ in range(10)), encoding="utf-8")
    out = tmp / "long.mp4"
    tools = ff.find_toolchain()
    ff.run(
        [tools.ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "concat",
         "-safe", "0", "-i", str(listing), "-c", "copy", "-movflags", "+faststart", "-y",
         str(out)]
    )  # fmt: skip
    return out


def bench_seek(tmp: Path, tools: ff.Toolchain, naive: bool) -> bool:
    t = timed(lambda: long_video(tmp))
    video = tmp / "long.mp4"
    info = ff.probe(tools, video)
    print(f"made a {info.duration / 60000:.1f}-minute 640x360 video in {t:.1f} s")
    srt = captions(tmp / "long.srt", info.duration)
    opts = BurnOptions(preset="veryfast")

    def clip_at(minute: int) -> float:
        start = minute * 60_000
        return timed(
            lambda: clip_file(
                video, srt, tmp / f"clip{minute}.mp4", start_ms=start, end_ms=start + 10_000,
                pad_ms=0, options=opts,
            )
        )  # fmt: skip

    early = statistics.median(clip_at(1) for _ in range(ROUNDS))
    late = statistics.median(clip_at(50) for _ in range(ROUNDS))
    ratio = late / early
    print(f"10 s clip at minute  1: {early:5.2f} s (median of {ROUNDS})")
    print(f"10 s clip at minute 50: {late:5.2f} s (median of {ROUNDS})")
    print(f"ratio minute 50 / minute 1: {ratio:.2f}x (goal <= 1.5x)")
    if naive:
        job = ff.EncodeJob(video, tmp / "naive.mp4", preset=opts.preset, copy_audio=False)
        args = ff.build_command(tools, job)
        cut = args.index("-map")  # output seeking: -ss/-t after the input
        args[cut:cut] = ["-ss", "3000", "-t", "10"]
        naive_t = timed(lambda: ff.run(args))
        print(f"same clip with output seeking (decodes 50 min first): {naive_t:5.1f} s")
    return ratio <= 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--naive", action="store_true", help="also time output seeking")
    parser.add_argument("--skip-burn", action="store_true", help="only the seek benchmark")
    args = parser.parse_args()
    tools = ff.find_toolchain()
    print(f"ffmpeg: {tools.ffmpeg} ({tools.origin}, version {ff.version(tools)})")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench-burn-") as tmp:
        if not args.skip_burn:
            bench_burn(Path(tmp), tools)
        ok = bench_seek(Path(tmp), tools, args.naive)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
