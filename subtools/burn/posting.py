"""One shaped clip's render plan: frame, fitted captions, label and credit, the filter graph.

The plan is made before the work folder exists (the fitted captions are what
gets written there); ``video_filter`` then writes the label and credit text
files and font links into that private folder, so only names chosen here reach
the filter graph.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import DependencyError
from ..model import Cue, Track
from .ffmpeg import MediaInfo
from .filters import Style, force_style, subtitles_filter
from .fonts import FontChoice
from .layout import (
    ClipLook,
    Frame,
    Placed,
    caption_edge,
    caption_style,
    fit_captions,
    output_frame,
    place_texts,
    reframe_filter,
    text_filter,
)
from .metrics import FontMetrics, read_metrics
from .sfnt import FontFile, FontFormatError

__all__ = ["LOUDNORM", "ClipPlan", "look_texts", "plan_clip", "with_texts"]

# EBU R128 loudness for social platforms: -16 LUFS integrated, -1.5 dBTP peaks.
LOUDNORM = "loudnorm=I=-16:TP=-1.5:LRA=11"


@dataclass(frozen=True, slots=True)
class ClipPlan:
    look: ClipLook
    media: MediaInfo
    frame: Frame
    track: Track  # the captions re-broken for the frame (unchanged when not burned)
    style: Style
    margin_v: int
    font: FontChoice
    label: Placed | None
    credit: Placed | None

    def video_filter(self, folder: Path, captions: Path | None, fonts: Path | None) -> str:
        """The whole ``-vf`` graph; ``captions`` None when they are not burned in.

        ``folder`` is the private work folder: the label and credit files go there.
        """
        parts = []
        reframe = reframe_filter(self.look, self.media.width, self.media.height, self.frame)
        if reframe:
            parts.append(reframe)
        if captions is not None:
            w, h = self.frame.width, self.frame.height
            side = self.frame.side_margin + caption_edge(self.style)
            style = force_style(self.style, self.font.family, w, h)
            # Later fields win in libass's force_style: the safe-area margins.
            style += f",MarginL={side},MarginR={side},MarginV={self.margin_v}"
            parts.append(subtitles_filter(captions, fonts, style))
        for name, placed, face in (
            ("label", self.label, _face(self.font, bold=True)),
            ("credit", self.credit, _face(self.font, bold=False)),
        ):
            if placed is None:
                continue
            textfile = folder / f"{name}.txt"
            textfile.write_text(placed.text, encoding="utf-8")
            fontfile = folder / f"{name}{Path(face.path).suffix.lower()}"
            try:
                fontfile.symlink_to(Path(face.path).resolve())
            except OSError:
                shutil.copyfile(face.path, fontfile)
            parts.append(text_filter(placed, textfile, fontfile))
        return ",".join(parts) if parts else "null"


def _face(font: FontChoice, *, bold: bool) -> FontFile:
    if bold:
        for face in font.faces:
            if face.style.casefold() == "bold":
                return face
    return font.regular


def look_texts(look: ClipLook | None) -> tuple[str, ...]:
    """The label and credit, for choosing a font that has their letters too."""
    if look is None:
        return ()
    return tuple(t for t in (look.label, look.credit) if t and t.strip())


def plan_clip(
    look: ClipLook,
    media: MediaInfo,
    track: Track,
    font: FontChoice,
    style: Style,
    clip_ms: int,
    *,
    burn: bool,
) -> ClipPlan:
    frame = output_frame(look, media.width, media.height)
    fitted = caption_style(style, frame)
    assert fitted.size is not None
    regular = font.regular
    if burn:
        metrics = _metrics(regular)
        width = frame.safe_width - 2 * caption_edge(fitted)
        track = fit_captions(track, metrics, fitted.size, width)
    lines = max((len(c.text.split("\n")) for c in track.cues), default=0) if burn else 0
    bold = _face(font, bold=True)
    label, credit, margin_v = place_texts(
        look,
        frame,
        fitted,
        lines,
        _metrics(bold),
        _metrics(regular),
        clip_ms,
    )
    return ClipPlan(look, media, frame, track, fitted, margin_v, font, label, credit)


def _metrics(face: FontFile) -> FontMetrics:
    try:
        return read_metrics(face.path, face.index)
    except FontFormatError as exc:
        raise DependencyError(
            f"cannot measure text with this font: {exc}",
            path=face.path,
            hint="pass --font or --fonts-dir with another font",
        ) from None


def with_texts(track: Track, look: ClipLook | None) -> Track:
    """``track`` plus cues holding the label and credit (font choice only, never written)."""
    extra = [Cue(0, 1, text) for text in look_texts(look)]
    return track.with_cues([*track.cues, *extra]) if extra else track
