"""Clip shapes, fitted captions and label placement: pure geometry and filter text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.burn.ffmpeg import MediaInfo
from subtools.burn.filters import Style
from subtools.burn.fonts import discover_fonts
from subtools.burn.layout import (
    ClipLook,
    Frame,
    Placed,
    caption_style,
    fit_captions,
    fit_text,
    output_frame,
    place_texts,
    reframe_filter,
    text_filter,
)
from subtools.burn.metrics import FontMetrics, read_metrics
from subtools.errors import InputError
from subtools.model import Cue, Track
from subtools.tags import strip_tags


@pytest.fixture(scope="module")
def sans() -> FontMetrics:
    face = next(
        f for f in discover_fonts() if f.family == "DejaVu Sans" and f.style in ("Book", "Regular")
    )
    return read_metrics(face.path, face.index)


@pytest.mark.parametrize(
    ("aspect", "height", "size"),
    [
        ("9:16", None, (1080, 1920)),
        ("1:1", None, (1080, 1080)),
        ("4:5", None, (1080, 1350)),
        ("16:9", None, (1920, 1080)),
        ("9:16", 640, (360, 640)),
        ("4:5", 300, (240, 300)),
        (None, 360, (640, 360)),  # the source's shape (1280x720) at a height
        (None, None, (1280, 720)),
    ],
)
def test_output_frames(aspect: str | None, height: int | None, size: tuple[int, int]) -> None:
    frame = output_frame(ClipLook(aspect=aspect, height=height), 1280, 720)
    assert (frame.width, frame.height) == size


def test_safe_area_numbers() -> None:
    tall, wide = Frame(1080, 1920), Frame(1920, 1080)
    assert (tall.side_margin, tall.safe_width, tall.bottom_margin) == (54, 972, 288)
    assert (wide.side_margin, wide.safe_width, wide.bottom_margin) == (96, 1728, 54)
    assert tall.vertical and not wide.vertical and not Frame(1080, 1080).vertical


def test_odd_source_is_made_even_and_a_same_shape_source_only_scaled() -> None:
    assert output_frame(ClipLook(), 321, 241) == Frame(320, 240)
    look = ClipLook(aspect="16:9", height=360)
    assert (
        reframe_filter(look, 1280, 720, output_frame(look, 1280, 720)) == "scale=640:360,setsar=1"
    )
    assert reframe_filter(ClipLook(), 640, 360, Frame(640, 360)) is None


def test_fill_modes() -> None:
    frame = Frame(1080, 1920)
    crop = reframe_filter(ClipLook(fill="crop"), 1280, 720, frame)
    assert crop == ("scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1")
    pad = reframe_filter(ClipLook(fill="pad", fill_color="#102030"), 1280, 720, frame)
    assert pad == (
        "scale=1080:1920:force_original_aspect_ratio=decrease:force_divisible_by=2,"
        "pad=1080:1920:(ow-iw)/2:(oh-ih)/2:color=#102030,setsar=1"
    )
    blur = reframe_filter(ClipLook(), 1280, 720, frame)
    assert blur is not None
    # the background is blurred at 1/8 size, then scaled up under the fitted picture
    assert "scale=136:240:force_original_aspect_ratio=increase,crop=136:240,boxblur=11:2," in blur
    assert blur.endswith("[subtools_blur][subtools_pic]overlay=(W-w)/2:(H-h)/2,setsar=1")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"aspect": "3:4"}, "unknown aspect"),
        ({"fill": "smear"}, "fill must be blur, pad or crop"),
        ({"fill_color": "red;drawtext"}, "fill colour must be a name or #RRGGBB"),
        ({"height": 641}, "height must be an even number"),
        ({"height": 32}, "height must be an even number"),
    ],
)
def test_bad_looks(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        ClipLook(**kwargs)  # type: ignore[arg-type]


def test_caption_style_is_sized_for_the_frame_unless_given() -> None:
    assert caption_style(Style(), Frame(1080, 1920)) == Style(size=70, outline=4.5)
    assert caption_style(Style(), Frame(1920, 1080)) == Style(size=65, outline=4.5)
    assert caption_style(Style(size=40, outline=1), Frame(1080, 1920)) == Style(40, outline=1)


def test_long_captions_are_rebroken_to_the_safe_width(sans: FontMetrics) -> None:
    text = "We, the mobilized men of the 57th Battalion, are appealing to the defense minister"
    track = Track((Cue(0, 1000, text), Cue(1000, 2000, "Short\nline")))
    fitted = fit_captions(track, sans, 70, 972)
    lines = fitted.cues[0].text.split("\n")
    assert " ".join(lines) == text  # words kept, only the breaks move
    assert len(lines) == 3
    assert all(sans.ass_width(line, 70) <= 972 for line in lines)
    assert fitted.cues[1].text == "Short\nline"  # already fits: left alone


words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzАБВгджз,.WM", min_size=1, max_size=12),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(words, st.integers(20, 90), st.integers(300, 1800))
def test_fitted_lines_never_exceed_the_width_when_every_word_fits(
    sans: FontMetrics, parts: list[str], size: int, width: int
) -> None:
    text = " ".join(parts)
    fitted = fit_captions(Track((Cue(0, 1000, text),)), sans, size, width).cues[0].text
    assert fitted.split() == text.split()
    if all(sans.ass_width(w, size) <= width for w in parts):
        assert all(sans.ass_width(strip_tags(ln), size) <= width for ln in fitted.split("\n"))


def test_fit_text_shrinks_then_wraps(sans: FontMetrics) -> None:
    assert fit_text("Dr. Elena Varga", sans, 48, 900, 24) == ("Dr. Elena Varga", 48)
    text, size = fit_text("Dr. Elena Varga, military historian", sans, 48, 700, 24)
    assert text == "Dr. Elena Varga, military historian" and size < 48
    assert sans.em_width(text, size) <= 700
    wrapped, smallest = fit_text("a " * 60, sans, 48, 300, 24)
    assert smallest == 24 and "\n" in wrapped
    assert fit_text("A\x00B\tC\x1b[31m\nD", sans, 48, 900, 24) == ("AB C[31m D", 48)
    assert all(sans.em_width(line, 24) <= 300 for line in wrapped.split("\n"))


def test_label_sits_above_the_caption_block_and_credit_in_the_corner(sans: FontMetrics) -> None:
    frame = Frame(1080, 1920)
    style = caption_style(Style(), frame)
    look = ClipLook(label="Dr. Elena Varga", credit="Captions: volunteers")
    label, credit, margin_v = place_texts(look, frame, style, 3, sans, sans, 10_000)
    assert label is not None and credit is not None
    # captions end above the bottom 15%, with room for their 4.5 px outline
    assert margin_v == 288 + 6
    # box bottom = 1920 - 294 (margin) - 3 lines * 70 * 1.1 - 2 * 4.5 (outline) - 27 (gap)
    box = label.box
    assert label.y == f"{1920 - 294 - box - 240 - 27}-th"
    assert label.x == str(54 + box) and label.until_ms == 4000
    assert (credit.x, credit.y, credit.until_ms) == ("w-54-tw", "115", None)
    short, _, _ = place_texts(look, frame, style, 3, sans, sans, 2500)
    assert short is not None and short.until_ms == 2500


def test_top_captions_go_below_the_credit(sans: FontMetrics) -> None:
    frame = Frame(1080, 1080)
    style = caption_style(Style(position="top"), frame)
    look = ClipLook(label="Name", credit="Captions: volunteers")
    label, credit, margin_v = place_texts(look, frame, style, 2, sans, sans, 10_000)
    assert label is not None and credit is not None
    assert label.y == f"{1080 - 54 - label.box}-th"  # at the bottom of the safe area
    credit_bottom = 54 + round(sans.win_height / sans.units_per_em * credit.size)
    assert margin_v == credit_bottom + round(1080 * 0.02) + 6  # gap, outline room


def test_text_filter_reads_the_text_from_a_file_without_expansion(tmp_path: Path) -> None:
    placed = Placed('Dr. "O\'Neil": a\\b, 100%', 40, "10", "200-th", box=14, until_ms=4000)
    folder = tmp_path / "a b'c:d"
    vf = text_filter(placed, folder / "label.txt", folder / "label.ttf")
    assert "O'Neil" not in vf and "100%" not in vf  # the text never enters the graph
    assert vf == (
        "drawtext=fontfile="
        + str(folder / "label.ttf").replace("'", "\\\\\\'").replace(":", "\\\\:")
        + ":textfile="
        + str(folder / "label.txt").replace("'", "\\\\\\'").replace(":", "\\\\:")
        + ":expansion=none:fontsize=40:fontcolor=white:x=10:y=200-th:box=1:"
        "boxcolor=black@0.65:boxborderw=14:enable=lt(t\\,4.000):"
        "alpha=min(1\\,max(0\\,(4.000-t)/0.400))"
    )


def test_metrics_match_the_fonts_advances(sans: FontMetrics) -> None:
    # DejaVu Sans: 2048 units per em, "H" 1540, "i" 569, Cyrillic "Ж" 2206 units (as fontTools reads them)
    assert (sans.units_per_em, sans.win_height) == (2048, 2384)
    assert [sans.advances[ord(c)] for c in "HiЖ"] == [1540, 569, 2206]
    assert sans.em_width("Hi", 2048) == 2109
    assert sans.units("\U0001f92f") == sans.widest  # a character the face lacks


def test_a_font_without_metrics_is_a_dependency_error(tmp_path: Path) -> None:
    from subtools.burn.fonts import FontChoice
    from subtools.burn.posting import plan_clip
    from subtools.burn.sfnt import FontFile
    from subtools.errors import DependencyError

    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 8)
    face = FontFile(str(broken), 0, "Broken", "Regular", frozenset(range(32, 127)))
    media = MediaInfo(4000, 640, 360, "h264", "aac", 25.0)
    with pytest.raises(DependencyError, match="cannot measure text with this font"):
        plan_clip(ClipLook(aspect="9:16"), media, Track((Cue(0, 1000, "hi"),)),
                  FontChoice("Broken", (face,)), Style(), 4000, burn=True)  # fmt: skip
