"""Clip spans and re-basing (pure), then real clips cut with ffmpeg."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subtools.burn.clip import Span, clip_captions, clip_span, rebase
from subtools.burn.ffmpeg import Toolchain
from subtools.errors import InputError
from subtools.model import Cue, Track
from subtools.usecases.burn import BurnOptions, clip_file, quote_span

from .conftest import H, changes, frame, probe_streams

TRACK = Track((Cue(1000, 2500, "a"), Cue(3000, 4500, "b"), Cue(5000, 5900, "c")))


def test_rebase_keeps_the_visible_parts() -> None:
    assert rebase(TRACK, 2000, 5000).cues == (Cue(0, 500, "a"), Cue(1000, 2500, "b"))
    assert rebase(TRACK, 2500, 3000).cues == ()
    assert rebase(TRACK, 0, 10_000).cues == TRACK.cues
    with pytest.raises(InputError, match="span ends before it starts"):
        rebase(TRACK, 5, 4)


def test_clip_captions_leave_the_padding_to_the_picture() -> None:
    span = clip_span(3000, 4500, 600, 6000)  # 2400-5100: cue "a" ends at 2500, "c" starts 5000
    assert clip_captions(TRACK, 3000, 4500, span).cues == (Cue(600, 2100, "b"),)
    wide = clip_span(2000, 5200, 0, 6000)
    assert clip_captions(TRACK, 2000, 5200, wide).cues == (
        Cue(0, 500, "a"),
        Cue(1000, 2500, "b"),
        Cue(3000, 3200, "c"),
    )


def test_clip_span_pads_and_clamps() -> None:
    assert clip_span(3000, 4500, 500, 6000) == Span(2500, 5000)
    assert clip_span(200, 5900, 500, 6000) == Span(0, 6000, True, True)
    assert clip_span(200, 5900, 500, 6000).duration == 6000


@pytest.mark.parametrize(
    ("start", "end", "pad", "message"),
    [
        (-1, 10, 0, "clip start -0:00.001 is before the video starts"),
        (10, 10, 0, "clip end 0:00.010 must be after its start 0:00.010"),
        (10, 20, -1, "padding cannot be negative"),
        (6000, 7000, 0, "clip starts at 6.000 s but the video is only 6.000 s long"),
    ],
)
def test_clip_span_errors(start: int, end: int, pad: int, message: str) -> None:
    with pytest.raises(InputError, match=message):
        clip_span(start, end, pad, 6000)


cues = st.lists(
    st.tuples(st.integers(0, 100_000), st.integers(0, 10_000)).map(
        lambda t: Cue(t[0], t[0] + t[1], "x")
    ),
    max_size=20,
)


@given(cues, st.integers(0, 120_000), st.integers(0, 60_000))
def test_rebased_cues_lie_inside_the_clip_and_inside_their_source(
    source: list[Cue], start: int, length: int
) -> None:
    track = Track(tuple(source))
    out = rebase(track, start, start + length)
    assert len(out) <= len(track)
    for cue in out.cues:
        assert 0 <= cue.start < cue.end <= length
        assert any(c.start <= cue.start + start and cue.end + start <= c.end for c in source)
    # every cue that is visible during the span is kept
    assert len(out) == sum(1 for c in source if min(c.end, start + length) > max(c.start, start))


# --- real clips -----------------------------------------------------------

OPTS = BurnOptions(crf=12, preset="ultrafast")


@pytest.mark.slow
def test_clip_duration_and_first_caption_at_the_rebased_time(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clip.mp4"
    # cue 2 ("Привет, мир") is at 3.0-4.5 s; the clip 2.6-5.0 s shows it at 0.4-1.9 s
    result = clip_file(video, captions, out, start_ms=2600, end_ms=5000, pad_ms=0, options=OPTS)
    assert (result.start_ms, result.end_ms, result.cues) == (2600, 5000, 1)
    assert 2400 <= result.duration_ms <= 2440  # within one frame at 25 fps
    assert probe_streams(tools, out) == ["Video", "Audio"]
    # the picture is the source's, shifted by the cut: same frame, no change but the caption
    assert changes(frame(tools, video, 2.8), frame(tools, out, 0.2)).count == 0
    shown = changes(frame(tools, video, 3.6), frame(tools, out, 1.0))
    assert shown.count > 150 and shown.within_rows(H * 3 // 4, H - 1)
    assert changes(frame(tools, video, 4.8), frame(tools, out, 2.2)).count == 0


def test_clip_padding_is_added_around_the_span(video: Path, captions: Path, tmp_path: Path) -> None:
    result = clip_file(
        video, captions, tmp_path / "c.mp4", start_ms=1000, end_ms=2500, pad_ms=400, options=OPTS
    )
    assert (result.start_ms, result.end_ms, result.cues) == (600, 2900, 1)
    assert 2300 <= result.duration_ms <= 2340


def test_soft_captions_are_a_rebased_subtitle_track(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "soft.mp4"
    result = clip_file(
        video, captions, out, start_ms=2600, end_ms=5000, pad_ms=0, soft=True, options=OPTS
    )
    assert result.font is None
    assert probe_streams(tools, out) == ["Video", "Audio", "Subtitle"]
    srt = subprocess.run(
        [tools.ffmpeg, "-v", "error", "-i", str(out), "-map", "0:s:0", "-f", "srt", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert srt == "1\n00:00:00,400 --> 00:00:01,900\nПривет, мир\n\n"
    report = subprocess.run(
        [tools.ffmpeg, "-hide_banner", "-i", str(out)], capture_output=True, text=True
    ).stderr
    assert "Subtitle: mov_text" in report
    # nothing burned into the picture
    assert changes(frame(tools, video, 3.6), frame(tools, out, 1.0)).count == 0


def test_soft_captions_are_tagged_with_the_track_language(
    tools: Toolchain, video: Path, samples: Path, tmp_path: Path
) -> None:
    out = tmp_path / "soft.mkv"
    clip_file(
        video, samples / "captions.ru.srt", out, start_ms=1000, end_ms=4200, soft=True, options=OPTS
    )
    report = subprocess.run(
        [tools.ffmpeg, "-hide_banner", "-i", str(out)], capture_output=True, text=True
    ).stderr
    assert re.search(r"Stream #0:2\(rus\): Subtitle: subrip", report), report


def test_clip_past_the_end_is_cut_at_the_end_with_a_warning(
    video: Path, captions: Path, tmp_path: Path
) -> None:
    result = clip_file(
        video, captions, tmp_path / "c.mp4", start_ms=5000, end_ms=9000, pad_ms=0, options=OPTS
    )
    assert (result.start_ms, result.end_ms, result.cues) == (5000, 6000, 0)
    assert result.warnings == (
        "the clip end 0:09.000 is past the end of the video; the clip stops at 0:06.000",
        "no caption is shown during the clip",
    )


def test_clip_starting_after_the_video_is_an_error(
    video: Path, captions: Path, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"clip starts at 7\.000 s but the video is only 6\.000 s"):
        clip_file(video, captions, tmp_path / "c.mp4", start_ms=7000, end_ms=8000)
    assert list(tmp_path.iterdir()) == [captions]


# --- quote spans (the real quote check on the bundled samples) ------------------


def test_quote_span_of_a_found_quote(samples: Path) -> None:
    # quote 3: "We, the mobilized men of the 57th Battalion, are appealing to the
    # defense minister," = cues 1-2 of the English captions
    assert quote_span(samples / "article.txt", samples / "captions.en.srt", 3) == (1000, 7500)


def test_quote_span_of_a_missing_quote_says_so(samples: Path) -> None:
    article = samples / "article.txt"
    with pytest.raises(InputError) as err:
        quote_span(article, samples / "captions.en.srt", 12)
    assert str(err.value) == (
        f"{article}: quote 12 was not found in the captions (status: missing); "
        "there is nothing to clip; run `subtools quotes` to see what was found"
    )
    with pytest.raises(InputError, match="there is no quote 99: the article has 13 quote"):
        quote_span(article, samples / "captions.en.srt", 99)


def test_clip_of_a_quote(tools: Toolchain, video: Path, samples: Path, tmp_path: Path) -> None:
    start, end = quote_span(samples / "article.txt", samples / "captions.en.srt", 3)
    out = tmp_path / "quote3.mp4"
    # 480 ms keeps the cut on a frame boundary (25 fps) so frames compare 1:1
    result = clip_file(video, samples / "captions.en.srt", out, start_ms=start, end_ms=end,
                       pad_ms=480, options=OPTS)  # fmt: skip
    assert (result.start_ms, result.end_ms, result.cues) == (520, 6000, 2)  # video is 6 s
    # cue 1 starts at 1.0 s of the source = 0.48 s of the clip
    assert changes(frame(tools, video, 0.72), frame(tools, out, 0.2)).count == 0
    shown = changes(frame(tools, video, 1.32), frame(tools, out, 0.8))
    assert shown.count > 150 and shown.within_rows(H * 3 // 4, H - 1)
