"""Clips shaped for posting, on real ffmpeg: sizes, safe areas, label, credit, fill, loudness.

Text is found by difference: the same clip is cut twice, once with the text and
once without (captions that fall outside the span), through the same reframing
graph, so every pixel that moved by more than a caption's contrast is text.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from subtools.burn.ffmpeg import Toolchain, probe
from subtools.burn.fonts import discover_fonts
from subtools.burn.layout import ClipLook, Frame
from subtools.burn.metrics import read_metrics
from subtools.usecases.burn import BurnOptions, clip_file, make_test_video

from .conftest import Changes, changes, probe_streams

OPTS = BurnOptions(crf=10, preset="ultrafast")
LONG = "We, the mobilized men of the 57th Battalion, are appealing to the defense minister"
# Cut on frame boundaries (25 fps) so durations are exact: 0.48-4.52 s is 4.04 s.
START, END = 480, 4520
# 1.0-2.5 s and 3.0-4.5 s of the source are 0.52-2.02 s and 2.52-4.02 s of the clip.
FIRST, SECOND = 1.2, 3.2


@pytest.fixture(scope="module")
def captions_long(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shaped") / "long.srt"
    path.write_text(
        f"1\n00:00:01,000 --> 00:00:02,500\n{LONG}\n\n2\n00:00:03,000 --> 00:00:04,500\nПривет, мир\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def unseen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A caption far past any test video: the clip burns nothing."""
    path = tmp_path_factory.mktemp("shaped") / "unseen.srt"
    path.write_text("1\n00:10:00,000 --> 00:10:01,000\nnever\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def wide(media_dir: Path) -> Path:
    """A 16:9 source: 320x180, 3 s."""
    return make_test_video(media_dir / "wide.mp4", 3, "320x180", crf=10)


def gray(tools: Toolchain, video: Path, seconds: float, width: int, height: int) -> bytes:
    out = subprocess.run(
        [tools.ffmpeg, "-v", "error", "-ss", f"{seconds:.3f}", "-i", str(video), "-frames:v",
         "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True,
        check=True,
    ).stdout  # fmt: skip
    assert len(out) == width * height
    return out


def rows(data: bytes, width: int, first: int, last: int) -> bytes:
    return data[first * width : (last + 1) * width]


def cut(video: Path, captions: Path, out: Path, look: ClipLook, **kw: int) -> Path:
    start, end = kw.get("start", START), kw.get("end", END)
    clip_file(video, captions, out, start_ms=start, end_ms=end, options=OPTS, look=look)
    return out


SHAPES = [
    ("9:16", 640, Frame(360, 640)),
    ("1:1", 360, Frame(360, 360)),
    ("4:5", 450, Frame(360, 450)),
    ("16:9", 360, Frame(640, 360)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("aspect", "height", "frame"), SHAPES)
def test_captions_are_fitted_inside_the_safe_area_of_every_shape(
    tools: Toolchain,
    video: Path,
    captions_long: Path,
    unseen: Path,
    tmp_path: Path,
    aspect: str,
    height: int,
    frame: Frame,
) -> None:
    look = ClipLook(aspect=aspect, height=height)
    out = cut(video, captions_long, tmp_path / "c.mp4", look)
    bare = cut(video, unseen, tmp_path / "bare.mp4", look)
    info = probe(tools, out)
    assert (info.width, info.height, info.duration) == (frame.width, frame.height, END - START)
    w, h = frame.width, frame.height
    for t in (FIRST, SECOND):
        text = changes(gray(tools, out, t, w, h), gray(tools, bare, t, w, h), width=w)
        assert text.count > 100, f"no caption at {t} s"
        # inside the 90% width, in the lower part, above the bottom 15% when vertical
        assert frame.side_margin <= text.left and text.right < w - frame.side_margin, text
        assert h // 2 < text.top and text.bottom < h - frame.bottom_margin, text
    before = changes(gray(tools, out, 0.2, w, h), gray(tools, bare, 0.2, w, h), width=w)
    assert before.count == 0


def _below(c: Changes, row: int) -> bool:
    return c.count > 0 and c.top >= row


@pytest.mark.slow
def test_label_early_above_the_captions_then_gone_and_credit_throughout(
    tools: Toolchain, video: Path, captions_long: Path, unseen: Path, tmp_path: Path
) -> None:
    frame = Frame(360, 640)
    w, h = frame.width, frame.height
    plain = ClipLook(aspect="9:16", height=h)
    dressed = ClipLook(
        aspect="9:16", height=h, label="Dr. Elena Varga, historian", credit="Captions: volunteers"
    )
    end = START + 5040  # 5.04 s: the label (4 s) has gone before the end
    out = cut(video, captions_long, tmp_path / "dressed.mp4", dressed, end=end)
    captions_only = cut(video, captions_long, tmp_path / "plain.mp4", plain, end=end)
    bare = cut(video, unseen, tmp_path / "bare.mp4", plain, end=end)

    def region(a: Path, b: Path, t: float, first: int, last: int) -> Changes:
        return changes(
            rows(gray(tools, a, t, w, h), w, first, last),
            rows(gray(tools, b, t, w, h), w, first, last),
            width=w,
        )

    lower, top = (h // 3, h - 1), (0, h // 6)
    label_early = region(out, captions_only, 0.3, *lower)
    label_with_caption = region(out, captions_only, FIRST, *lower)
    caption = region(captions_only, bare, FIRST, *lower)
    assert label_early.count > 300 and label_with_caption.count > 300
    assert label_early.left >= frame.side_margin and label_early.right < w - frame.side_margin
    # never over the caption: the label box ends above the caption's first row
    assert label_with_caption.bottom < caption.top, (label_with_caption, caption)
    assert region(out, captions_only, 4.4, *lower).count == 0  # gone after 4 s
    for t in (0.3, FIRST, 4.4, 4.9):
        credit = region(out, captions_only, t, *top)
        assert credit.count > 30, f"no credit at {t} s"
        assert credit.left > w // 3 and credit.right < w - frame.side_margin  # top right corner
        assert credit.top >= frame.top_margin - 2


@pytest.mark.slow
def test_fill_blur_pad_and_crop_of_a_wide_source_in_a_tall_frame(
    tools: Toolchain, wide: Path, unseen: Path, tmp_path: Path
) -> None:
    w, h = 180, 320
    # the 320x180 picture fitted to 180 wide is 180x102, rows 109-210; above and below: fill
    above, below = (0, 100), (220, h - 1)
    means = {}
    for fill in ("blur", "pad", "crop"):
        out = cut(wide, unseen, tmp_path / f"{fill}.mp4",
                  ClipLook(aspect="9:16", height=h, fill=fill), start=0, end=2000)  # type: ignore[arg-type]  # fmt: skip
        info = probe(tools, out)
        assert (info.width, info.height, info.duration) == (w, h, 2000)
        picture = gray(tools, out, 1.0, w, h)
        means[fill] = [
            sum(rows(picture, w, *part)) / len(rows(picture, w, *part)) for part in (above, below)
        ]
    assert all(m > 40 for m in means["blur"]), means  # the blurred picture, not black
    assert all(m < 3 for m in means["pad"]), means  # black bars
    assert all(m > 40 for m in means["crop"]), means  # the picture itself, cropped
    # the blurred copy is smooth: neighbouring pixels differ little, unlike the test card
    blur = gray(tools, tmp_path / "blur.mp4", 1.0, w, h)
    steps = [abs(blur[i] - blur[i + 1]) for i in range(20 * w, 80 * w) if (i + 1) % w]
    assert max(steps) < 24


@pytest.mark.slow
def test_label_with_quotes_colons_and_backslashes_renders_literally(
    tools: Toolchain, wide: Path, unseen: Path, tmp_path: Path
) -> None:
    label = 'O\'Neil: "C:\\a\\b" 100% %{pts}'
    w, h = 720, 1280
    look = ClipLook(aspect="9:16", height=h, fill="pad", label=label)
    out = cut(wide, unseen, tmp_path / "label.mp4", look, start=0, end=1000)
    # pad fill: the 720x405 picture is in rows 437-841; the label box below it is black,
    # so the white letters are the only bright pixels there
    picture = gray(tools, out, 0.3, w, h)
    bright = [i for i, v in enumerate(rows(picture, w, 860, h - 1)) if v > 128]
    assert bright, "no label drawn"
    xs = [i % w for i in bright]
    ink = max(xs) - min(xs) + 1
    bold = next(f for f in discover_fonts() if f.family == "DejaVu Sans" and f.style == "Bold")
    metrics = read_metrics(bold.path, bold.index)
    size = round(w * 0.045)  # the label's em at this frame (it fits on one line)
    expected = metrics.em_width(label, size)
    tolerance = 0.1 * size + 2  # side bearings of the first and last letter
    assert abs(ink - expected) <= tolerance, (ink, expected)
    # each way the text could have been mangled is measurably different
    for mangled in ("O'Neil", 'O\'Neil: "C:ab" 100% %{pts}', 'O\'Neil: "C:\\a\\b" 100% 0.000'):
        assert abs(metrics.em_width(mangled, size) - expected) > 2 * tolerance


def loudness(tools: Toolchain, path: Path) -> float:
    report = subprocess.run(
        [tools.ffmpeg, "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128",
         "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr  # fmt: skip
    found = re.findall(r"I:\s+(-?\d+(?:\.\d+)?) LUFS", report)
    return float(found[-1])


@pytest.mark.slow
def test_loudnorm_brings_the_clip_to_minus_16_lufs(
    tools: Toolchain, video: Path, unseen: Path, tmp_path: Path
) -> None:
    plain = cut(video, unseen, tmp_path / "plain.mp4", ClipLook(), start=0, end=4000)
    loud = cut(video, unseen, tmp_path / "loud.mp4", ClipLook(loudnorm=True), start=0, end=4000)
    before, after = loudness(tools, plain), loudness(tools, loud)
    assert abs(after + 16) <= 1.0, after
    assert abs(before + 16) > 3, before  # the tone is much quieter to begin with
    report = subprocess.run(
        [tools.ffmpeg, "-hide_banner", "-i", str(loud)], capture_output=True, text=True
    ).stderr
    assert "48000 Hz" in report  # not loudnorm's 192 kHz


def test_soft_captions_in_a_shaped_clip(
    tools: Toolchain, video: Path, captions_long: Path, tmp_path: Path
) -> None:
    out = tmp_path / "soft.mp4"
    look = ClipLook(aspect="1:1", height=240, credit="Captions: volunteers")
    result = clip_file(video, captions_long, out, start_ms=START, end_ms=END, soft=True,
                       options=OPTS, look=look)  # fmt: skip
    info = probe(tools, out)
    assert (info.width, info.height) == (240, 240)
    assert probe_streams(tools, out) == ["Video", "Audio", "Subtitle"]
    assert result.cues == 2
