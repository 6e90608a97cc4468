"""An .ass file burns with its own styles and positions unless a style option is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.burn.ffmpeg import Toolchain
from subtools.burn.filters import Style
from subtools.usecases.burn import BurnOptions, burn_file

from .conftest import H, changes, frame

# A top-centre style (numpad 8) with a large margin: its own placement.
ASS = """[Script Info]
ScriptType: v4.00+
PlayResX: 320
PlayResY: 240

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Sign,DejaVu Sans,24,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,8,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.50,Sign,,0,0,0,,Hello, world
"""
OPTS = BurnOptions(crf=12, preset="ultrafast")


@pytest.fixture
def ass_file(tmp_path: Path) -> Path:
    path = tmp_path / "sign.ass"
    path.write_text(ASS, encoding="utf-8")
    return path


def _rows(tools: Toolchain, src: Path, out: Path) -> tuple[int, int]:
    diff = changes(frame(tools, src, 1.5), frame(tools, out, 1.5))
    assert diff.count > 150
    return diff.top, diff.bottom


@pytest.mark.slow
def test_ass_keeps_its_own_top_style(
    tools: Toolchain, video: Path, ass_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "own.mp4"
    result = burn_file(video, ass_file, out, OPTS)
    assert result.cues == 1
    _, bottom = _rows(tools, video, out)
    assert bottom < H // 3  # the file's own top placement


@pytest.mark.slow
def test_a_style_option_replaces_the_files_style(
    tools: Toolchain, video: Path, ass_file: Path, tmp_path: Path
) -> None:
    own, forced = tmp_path / "own.mp4", tmp_path / "forced.mp4"
    burn_file(video, ass_file, own, OPTS)
    burn_file(
        video, ass_file, forced, BurnOptions(style=Style(size=48), crf=12, preset="ultrafast")
    )
    own_top, own_bottom = _rows(tools, video, own)
    top, bottom = _rows(tools, video, forced)
    # subtools' style at the asked size; the top placement read from the style stays
    assert bottom - top > 1.5 * (own_bottom - own_top)
    assert bottom < H // 2


@pytest.mark.slow
def test_microdvd_without_a_rate_burns_at_the_videos_rate(
    tools: Toolchain, video: Path, tmp_path: Path
) -> None:
    sub = tmp_path / "frames.sub"
    sub.write_text("{25}{62}Hello, world\n", encoding="utf-8")  # 1.0-2.48 s at 25 fps
    out = tmp_path / "frames.mp4"
    result = burn_file(video, sub, out, OPTS)
    assert result.cues == 1
    assert result.warnings[0] == f"{sub}: MicroDVD frames read at the video's 25 fps"
    assert changes(frame(tools, video, 1.5), frame(tools, out, 1.5)).count > 150
    assert changes(frame(tools, video, 2.75), frame(tools, out, 2.75)).count == 0
