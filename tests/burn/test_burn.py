"""burn_file on real generated videos: captions appear only where and when they are shown."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from subtools.burn.ffmpeg import Toolchain, probe
from subtools.burn.filters import Style
from subtools.burn.fonts import FontChoice
from subtools.burn.render import FontWatch
from subtools.errors import DependencyError, ExternalToolError, InputError
from subtools.usecases.burn import BurnOptions, burn_file, clip_file

from .conftest import H, W, changes, frame, probe_streams

BOTTOM = (H * 3 // 4, H - 1)
TOP = (0, H // 4)
OPTS = BurnOptions(crf=12, preset="ultrafast")


def _assert_caption_at(
    tools: Toolchain, src: Path, out: Path, t: float, rows: tuple[int, int]
) -> None:
    diff = changes(frame(tools, src, t), frame(tools, out, t))
    assert diff.count > 150, f"no caption drawn at {t} s"
    assert diff.within_rows(*rows), f"changes outside rows {rows} at {t} s: {diff}"
    # centred: the text's box straddles the middle of the picture
    assert diff.left < W // 2 < diff.right


def _assert_clean_at(tools: Toolchain, src: Path, out: Path, t: float) -> None:
    assert changes(frame(tools, src, t), frame(tools, out, t)).count == 0


@pytest.mark.slow
def test_latin_and_cyrillic_captions_change_only_the_caption_region_while_shown(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "burned.mp4"
    result = burn_file(video, captions, out, OPTS)
    assert result.font == "DejaVu Sans"
    assert result.font_face == "DejaVuSans"
    assert result.cues == 2
    assert result.warnings == ()
    assert result.duration_ms == 6000
    _assert_clean_at(tools, video, out, 0.5)
    _assert_caption_at(tools, video, out, 1.5, BOTTOM)  # "Hello, world"
    _assert_clean_at(tools, video, out, 2.75)
    _assert_caption_at(tools, video, out, 3.5, BOTTOM)  # "Привет, мир"
    _assert_clean_at(tools, video, out, 5.0)
    assert probe_streams(tools, out) == ["Video", "Audio"]


def test_top_position_and_box(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "top.mp4"
    opts = BurnOptions(style=Style(position="top", box=True), crf=12, preset="ultrafast")
    burn_file(video, captions, out, opts)
    _assert_caption_at(tools, video, out, 3.5, TOP)
    _assert_clean_at(tools, video, out, 2.75)


def test_size_option_sets_the_text_height(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path
) -> None:
    heights = []
    for size in (16, 32):
        out = tmp_path / f"size{size}.mp4"
        burn_file(
            video,
            captions,
            out,
            BurnOptions(style=Style(size=size, outline=0), crf=12, preset="ultrafast"),
        )
        diff = changes(frame(tools, video, 1.5), frame(tools, out, 1.5))
        heights.append(diff.bottom - diff.top + 1)
    # "Hello, world": cap height to comma descender is about 0.9 em in DejaVu Sans
    assert 11 <= heights[0] <= 17
    assert 24 <= heights[1] <= 34


def test_italic_tags_are_rendered_slanted(tools: Toolchain, video: Path, tmp_path: Path) -> None:
    plain, italic = tmp_path / "plain.srt", tmp_path / "italic.srt"
    plain.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    italic.write_text("1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i>\n", encoding="utf-8")
    a, b = tmp_path / "a.mp4", tmp_path / "b.mp4"
    burn_file(video, plain, a, OPTS)
    burn_file(video, italic, b, OPTS)
    slant = changes(frame(tools, a, 1.5), frame(tools, b, 1.5))
    assert slant.count > 50
    assert slant.within_rows(*BOTTOM)


NAMES = [
    "with space.srt",
    "it's.srt",
    'say "hi".srt',
    "a:b=c.srt",
    "one, two; three.srt",
    "[bracket] (paren).srt",
    "Привет мир.srt",
    "back\\slash %p.srt",
    "all 'of':them,[x]=;y.srt",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_any_file_name_works(
    tools: Toolchain, video: Path, captions: Path, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / name.replace(".srt", "")  # odd folder names too
    folder.mkdir()
    src_captions = folder / name
    src_captions.write_bytes(captions.read_bytes())
    src_video = folder / name.replace(".srt", ".mp4")
    os.symlink(video, src_video)
    fonts = folder / ("fonts " + name.replace(".srt", ""))
    fonts.mkdir()
    os.symlink("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fonts / "a'b:c.ttf")
    out = folder / ("out " + name.replace(".srt", ".mp4"))
    opts = BurnOptions(fonts_dir=fonts, crf=12, preset="ultrafast")
    result = burn_file(src_video, src_captions, out, opts)
    assert result.font == "DejaVu Sans"
    _assert_caption_at(tools, video, out, 3.5, BOTTOM)


def test_captions_longer_than_the_video_warn(
    tools: Toolchain, silent_video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "short.mp4"
    result = burn_file(silent_video, captions, out, OPTS)  # 3 s video, cues to 4.5 s
    assert result.warnings == (
        f"{silent_video}: the video has no audio stream; the output is silent",
        "captions run to 0:04.500 but the video ends at 0:03.000: 1 cue will not be shown",
    )
    assert result.cues == 1
    assert probe_streams(tools, out) == ["Video"]
    assert probe(tools, out).duration == 3000


def test_output_equal_to_input_is_refused(video: Path, captions: Path) -> None:
    before = video.stat().st_mtime_ns
    with pytest.raises(InputError, match="output path is the input file"):
        burn_file(video, captions, video)
    with pytest.raises(InputError, match="output path is the input file"):
        burn_file(video, captions, captions.with_suffix(".srt"))
    assert video.stat().st_mtime_ns == before


def test_missing_video_and_missing_captions(video: Path, captions: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.mp4: file not found"):
        burn_file(tmp_path / "nope.mp4", captions, tmp_path / "o.mp4")
    with pytest.raises(InputError, match=r"nope\.srt: file not found"):
        burn_file(video, tmp_path / "nope.srt", tmp_path / "o.mp4")
    assert list(tmp_path.iterdir()) == [captions]


def test_not_a_video(captions: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.mp4"
    fake.write_text("this is not a video\n" * 50)
    with pytest.raises(InputError, match=r"fake\.mp4: not a video file: ffmpeg cannot read it"):
        burn_file(fake, captions, tmp_path / "o.mp4")


def test_output_must_be_a_video_extension(video: Path, captions: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"output must be a video file \('\.srt'\)"):
        burn_file(video, captions, tmp_path / "o.srt")


def test_failed_encode_leaves_the_old_output_and_no_temp_file(
    video: Path, captions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.mp4"
    out.write_bytes(b"previous result")

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        burn_file(video, captions, out, OPTS, progress=cancel)
    assert out.read_bytes() == b"previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captions.srt", "out.mp4"]


def test_a_truncated_video_is_an_error_not_a_short_output(
    video: Path, captions: Path, tmp_path: Path
) -> None:
    # The header still says 6 s, ffmpeg decodes what is there and exits 0: the
    # result would be a fraction of the video, written as if all was well.
    cut = tmp_path / "cut.mp4"
    data = video.read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 5])
    out = tmp_path / "out.mp4"
    with pytest.raises(ExternalToolError, match=r"of the 0:06\.000 expected: the video is damaged"):
        burn_file(cut, captions, out, OPTS)
    with pytest.raises(ExternalToolError, match=r"of the 0:03\.000 expected: the video is damaged"):
        clip_file(cut, captions, out, start_ms=2500, end_ms=5500, pad_ms=0, options=OPTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captions.srt", "cut.mp4"]


def test_progress_reaches_the_total(video: Path, captions: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    burn_file(video, captions, tmp_path / "o.mp4", OPTS, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (6000, 6000)
    assert all(t == 6000 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_verbose_log_gets_ffmpeg_lines(video: Path, captions: Path, tmp_path: Path) -> None:
    lines: list[str] = []
    burn_file(video, captions, tmp_path / "o.mp4", OPTS, log=lines.append)
    assert any("fontselect: (DejaVu Sans, 400, 0)" in ln for ln in lines)


def test_bad_options_are_input_errors() -> None:
    with pytest.raises(InputError, match="unknown x264 preset"):
        BurnOptions(preset="warp")
    with pytest.raises(InputError, match="crf must be"):
        BurnOptions(crf=60)
    with pytest.raises(InputError, match="position must be bottom or top"):
        Style(position="left")  # type: ignore[arg-type]


def test_a_glyph_no_font_has_is_reported_as_left_out(video: Path, tmp_path: Path) -> None:
    captions = tmp_path / "pua.srt"
    captions.write_text("1\n00:00:01,000 --> 00:00:02,000\nHi \U0010fffd\n", encoding="utf-8")
    result = burn_file(video, captions, tmp_path / "o.mp4", OPTS)
    assert result.warnings == ("no installed font has '\\U0010fffd': left out of the picture",)


def test_letters_libass_could_not_draw_fail_the_burn() -> None:
    # The line libass 0.17 logs (seen with Debian's ffmpeg 5.1) when no font has a glyph.
    watch = FontWatch(None)
    for line in (
        "[Parsed_subtitles_0 @ 0x5] fontselect: (DejaVu Sans, 400, 0) -> DejaVuSans, 0, DejaVuSans",
        "[Parsed_subtitles_0 @ 0x5] fontselect: failed to find any fallback with glyph 0x5D0 "
        "for font: (DejaVu Sans, 400, 0)",
    ):
        watch(line)
    assert watch.face == "DejaVuSans"
    font = FontChoice("DejaVu Sans", ())
    with pytest.raises(DependencyError, match=r"libass found no font to draw 'א'"):
        watch.verdict(font)


def test_cp1251_captions_are_decoded_before_burning(
    tools: Toolchain, video: Path, tmp_path: Path
) -> None:
    captions = tmp_path / "cp1251.srt"
    captions.write_bytes("1\n00:00:03,000 --> 00:00:04,500\nПривет, мир\n".encode("cp1251"))
    out = tmp_path / "o.mp4"
    burn_file(video, captions, out, OPTS)
    _assert_caption_at(tools, video, out, 3.5, BOTTOM)


def test_odd_sized_video_is_cropped_to_even(
    tools: Toolchain, captions: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.mp4"
    subprocess.run(
        [tools.ffmpeg, "-v", "error", "-f", "lavfi", "-i", "testsrc=size=321x241:duration=2",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p", str(odd)],
        check=True,
    )  # fmt: skip
    out, soft = tmp_path / "o.mp4", tmp_path / "soft.mp4"
    burn_file(odd, captions, out, OPTS)
    clip_file(odd, captions, soft, start_ms=500, end_ms=1500, soft=True, options=OPTS)
    for path in (out, soft):
        assert (probe(tools, path).width, probe(tools, path).height) == (320, 240)


def test_a_cues_own_position_tag_wins(tools: Toolchain, video: Path, tmp_path: Path) -> None:
    captions = tmp_path / "an8.srt"
    captions.write_text("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Up here\n", encoding="utf-8")
    out = tmp_path / "o.mp4"
    burn_file(video, captions, out, OPTS)  # default position: bottom
    _assert_caption_at(tools, video, out, 1.5, TOP)
