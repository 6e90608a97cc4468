"""Clips shaped for posting: the output frame, the reframing graph, captions and labels fitted.

Pure geometry and filter text, no ffmpeg run. Every size is in output pixels.
Safe area: no text wider than 90% of the picture; in vertical pictures nothing
below the bottom 15% (where phone apps draw their own controls). The speaker
label sits just above the tallest caption block of the clip, so they never meet.

Label and credit are drawn by ``drawtext`` from text files with
``expansion=none``: the text is never parsed by ffmpeg, so quotes, colons,
backslashes and ``%`` in a name come out as typed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..linebreak import break_lines, is_dialogue
from ..model import Track
from ..tags import strip_tags
from .filters import Style, escape_graph, escape_option
from .metrics import FontMetrics

__all__ = [
    "ASPECTS",
    "FILLS",
    "LABEL_MS",
    "ClipLook",
    "Frame",
    "Placed",
    "caption_edge",
    "caption_style",
    "fit_captions",
    "fit_text",
    "output_frame",
    "place_texts",
    "reframe_filter",
    "text_filter",
]

Fill = Literal["blur", "pad", "crop"]
FILLS: tuple[Fill, ...] = ("blur", "pad", "crop")
# Platform sizes: 1080 pixels on the short side.
ASPECTS: dict[str, tuple[int, int]] = {
    "16:9": (1920, 1080),
    "9:16": (1080, 1920),
    "1:1": (1080, 1080),
    "4:5": (1080, 1350),
}
LABEL_MS = 4000  # the speaker label shows for the clip's first seconds, then fades
_FADE_MS = 400
_SAFE_WIDTH = 0.90
_COLOUR = re.compile(r"[A-Za-z]{3,20}|#[0-9A-Fa-f]{6}")


@dataclass(frozen=True, slots=True)
class ClipLook:
    """How a clip is shaped and labelled; all None/False = the source's shape, no extras."""

    aspect: str | None = None
    fill: Fill = "blur"
    fill_color: str = "black"
    height: int | None = None
    label: str | None = None
    credit: str | None = None
    loudnorm: bool = False

    def __post_init__(self) -> None:
        if self.aspect is not None and self.aspect not in ASPECTS:
            raise InputError("unknown aspect", value=self.aspect, hint="use " + ", ".join(ASPECTS))
        if self.fill not in FILLS:
            raise InputError("fill must be blur, pad or crop", value=self.fill)
        if not _COLOUR.fullmatch(self.fill_color):
            raise InputError("fill colour must be a name or #RRGGBB", value=self.fill_color)
        if self.height is not None and (self.height % 2 or not 64 <= self.height <= 4320):
            raise InputError("height must be an even number from 64 to 4320", value=self.height)

    @property
    def reshapes(self) -> bool:
        """Whether the picture or its text differ from a plain clip's."""
        return bool(self.aspect or self.height or self.label or self.credit)


@dataclass(frozen=True, slots=True)
class Frame:
    width: int
    height: int

    @property
    def vertical(self) -> bool:
        return self.height > self.width

    @property
    def short_side(self) -> int:
        return min(self.width, self.height)

    @property
    def side_margin(self) -> int:
        return round(self.width * (1 - _SAFE_WIDTH) / 2)

    @property
    def safe_width(self) -> int:
        return self.width - 2 * self.side_margin

    @property
    def bottom_margin(self) -> int:
        return round(self.height * (0.15 if self.vertical else 0.05))

    @property
    def top_margin(self) -> int:
        return round(self.height * (0.06 if self.vertical else 0.05))


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def output_frame(look: ClipLook, width: int, height: int) -> Frame:
    """The output picture: the platform size, else the source's shape at ``look.height``."""
    if look.aspect is None:
        if look.height is None:
            return Frame(width // 2 * 2, height // 2 * 2)
        return Frame(_even(look.height * width / height), look.height)
    w, h = ASPECTS[look.aspect]
    if look.height is None:
        return Frame(w, h)
    return Frame(_even(look.height * w / h), look.height)


def reframe_filter(look: ClipLook, width: int, height: int, frame: Frame) -> str | None:
    """Filter text from the source picture to ``frame`` (None when nothing changes)."""
    w, h = frame.width, frame.height
    if (width, height) == (w, h):
        return None
    if width * h == height * w:  # same shape: only a resize
        return f"scale={w}:{h},setsar=1"
    fit = f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2"
    cover = f"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h}"
    if look.fill == "crop":
        return f"{cover},setsar=1"
    if look.fill == "pad":
        return f"{fit},pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color={look.fill_color},setsar=1"
    # Blur: a small copy blurred and scaled up costs a fraction of blurring at full size.
    bw, bh = _even(w / 8), _even(h / 8)
    radius = max(2, min(bw, bh) // 12)
    background = (
        f"scale={bw}:{bh}:force_original_aspect_ratio=increase,crop={bw}:{bh},"
        f"boxblur={radius}:2,scale={w}:{h}"
    )
    return (
        f"split=2[subtools_bg][subtools_fg];[subtools_bg]{background}[subtools_blur];"
        f"[subtools_fg]{fit}[subtools_pic];"
        f"[subtools_blur][subtools_pic]overlay=(W-w)/2:(H-h)/2,setsar=1"
    )


def caption_style(style: Style, frame: Frame) -> Style:
    """Sizes chosen for the output picture unless given: larger text in vertical clips."""
    size = style.size or round(frame.short_side * (0.065 if frame.vertical else 0.06))
    outline = style.outline
    if outline is None:
        outline = max(1.0, round(frame.short_side / 360 * 1.5 * 2) / 2)
    return replace(style, size=size, outline=outline)


def caption_edge(style: Style) -> int:
    """Room for the outline (or box padding) libass draws outside its margins."""
    return math.ceil(style.outline or 0) + 1


def fit_captions(track: Track, metrics: FontMetrics, size: int, width: int) -> Track:
    """Each cue re-broken so every line is narrower than ``width`` pixels at ``size``."""
    lang = track.language or "en"

    def fits(text: str) -> bool:
        return all(metrics.ass_width(strip_tags(ln), size) <= width for ln in text.split("\n"))

    def refit(text: str) -> str:
        if fits(text) and text.count("\n") < 2:
            return text
        if is_dialogue(text):
            return "\n".join(_greedy(line, metrics, size, width) for line in text.split("\n"))
        joined = " ".join(text.split())
        per_char = max(1.0, metrics.ass_width(strip_tags(joined), size) / max(1, len(joined)))
        chars = int(width / per_char)
        # A few character budgets below the average-width estimate (wide letters need
        # fewer); the linguistic breaker first, a pixel-exact greedy wrap if none fits.
        for max_chars in (chars, chars * 9 // 10, chars * 4 // 5):
            if max_chars < 8:
                break
            broken = break_lines(joined, max_chars=max_chars, max_lines=3, lang=lang)
            if fits(broken):
                return broken
        return _greedy(joined, metrics, size, width)

    return track.map_text(refit)


def _greedy(text: str, metrics: FontMetrics, size: int, width: int) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.ass_width(strip_tags(f"{lines[-1]} {word}"), size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def fit_text(
    text: str, metrics: FontMetrics, em: int, width: int, smallest: int
) -> tuple[str, int]:
    """One line of ``text`` at the largest em size down to ``smallest`` that fits, else lines.

    Words are wrapped greedily at ``smallest``; a word wider than the width alone
    keeps its own line (drawtext cannot break it).
    """
    # Control characters have no glyph and a NUL would end drawtext's text early.
    kept = (ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    text = " ".join("".join(kept).split())
    for size in range(em, smallest - 1, -1):
        if metrics.em_width(text, size) <= width:
            return text, size
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.em_width(f"{lines[-1]} {word}", smallest) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines), smallest


@dataclass(frozen=True, slots=True)
class Placed:
    """A text block for drawtext: what, how large, where (expressions), and when."""

    text: str
    size: int
    x: str
    y: str
    box: int  # box border in pixels; 0 = outlined text without a box
    until_ms: int | None = None  # shown from the start until then (fading out), or always


def _line_height(metrics: FontMetrics, em: int) -> float:
    return em * metrics.win_height / metrics.units_per_em


def place_texts(
    look: ClipLook,
    frame: Frame,
    caption: Style,
    caption_lines: int,
    label_metrics: FontMetrics,
    credit_metrics: FontMetrics,
    clip_ms: int,
) -> tuple[Placed | None, Placed | None, int]:
    """Label and credit placements, and the caption margin that keeps captions clear of them.

    The label's bottom edge is set above the caption block (the clip's most lines
    at the caption size) at the bottom, or at the bottom of the safe area when
    captions are on top; the credit sits in the top right corner.
    """
    short = frame.short_side
    margin_v = frame.bottom_margin + caption_edge(caption)
    label = credit = None
    credit_bottom = 0
    if look.credit and look.credit.strip():
        text, size = fit_text(
            look.credit, credit_metrics, round(short * 0.028), frame.safe_width, 10
        )
        x = f"w-{frame.side_margin}-tw"
        credit = Placed(text, size, x, str(frame.top_margin), box=0)
        lines = text.count("\n") + 1
        credit_bottom = frame.top_margin + round(lines * _line_height(credit_metrics, size))
    if caption.position == "top":
        margin_v = max(frame.top_margin, credit_bottom + round(short * 0.02)) + caption_edge(
            caption
        )
    if look.label and look.label.strip():
        em = round(short * 0.045)
        border = max(2, round(em * 0.35))
        text, size = fit_text(
            look.label, label_metrics, em, frame.safe_width - 2 * border, max(10, em // 2)
        )
        gap = round(short * 0.025)
        bottom = frame.height - frame.bottom_margin - border
        if caption.position == "bottom" and caption_lines:
            assert caption.size is not None
            block = caption_lines * caption.size * 1.1 + 2 * (caption.outline or 0)
            bottom = frame.height - margin_v - border - round(block) - gap
        label = Placed(
            text,
            size,
            str(frame.side_margin + border),
            f"{bottom}-th",
            box=border,
            until_ms=min(LABEL_MS, clip_ms),
        )
    return label, credit, margin_v


def text_filter(placed: Placed, textfile: Path, fontfile: Path) -> str:
    """The drawtext filter for ``placed``, its text read verbatim from ``textfile``."""
    options: list[tuple[str, str]] = [
        ("fontfile", str(fontfile)),
        ("textfile", str(textfile)),
        ("expansion", "none"),
        ("fontsize", str(placed.size)),
        ("fontcolor", "white"),
        ("x", placed.x),
        ("y", placed.y),
    ]
    if placed.box:
        options += [("box", "1"), ("boxcolor", "black@0.65"), ("boxborderw", str(placed.box))]
    else:
        options += [("borderw", str(max(1, placed.size // 12))), ("bordercolor", "black@0.7")]
    if placed.until_ms is not None:
        end = placed.until_ms / 1000
        fade = min(_FADE_MS, placed.until_ms // 2) / 1000
        options += [
            ("enable", f"lt(t,{end:.3f})"),
            ("alpha", f"min(1,max(0,({end:.3f}-t)/{fade:.3f}))"),
        ]
    args = ":".join(f"{k}={escape_option(v)}" for k, v in options)
    return "drawtext=" + escape_graph(args)
