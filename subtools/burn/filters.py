"""The libass ``subtitles`` filter text: caption style and escaping for any file name.

ffmpeg reads a filter graph through two parsers, each with its own escapes
(ffmpeg-filters(1), "Notes on filtergraph escaping"): the option parser splits
``key=value:key=value`` and the graph parser splits filters on ``[],;``. A path
with ``'``, ``:``, ``=`` or ``\\`` must survive both. ffmpeg-python's positional
filter arguments are escaped twice and break on exactly those characters, so the
whole filter text is built here and passed as ``-vf``. The burn use-case also
copies the captions to a temporary folder first, so in practice only that folder's
name (``$TMPDIR``) and a user's --fonts-dir reach this code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..io.assstyle import default_outline, default_size, style_fields

__all__ = [
    "Style",
    "escape_graph",
    "escape_option",
    "force_style",
    "subtitles_filter",
]

Position = Literal["bottom", "top"]

_OPTION_SPECIALS = "\\':="
_GRAPH_SPECIALS = "\\'[],;"
# libass reads force_style's Alignment in the legacy SSA scheme (2 bottom centre,
# 6 top centre), not the V4+ numpad one where 8 is top: measured with libass 0.17.1
# (Debian ffmpeg 5.1) and imageio-ffmpeg's static 9.0 build alike.
_ALIGNMENT = {"bottom": 2, "top": 6}


@dataclass(frozen=True, slots=True)
class Style:
    """Caption look in output-video pixels; None means "scaled to the video height"."""

    size: int | None = None
    position: Position = "bottom"
    outline: float | None = None
    box: bool = False

    def __post_init__(self) -> None:
        if self.size is not None and not 6 <= self.size <= 400:
            raise InputError("caption size must be 6 to 400 pixels", value=self.size)
        if self.outline is not None and not 0 <= self.outline <= 20:
            raise InputError("outline must be 0 to 20 pixels", value=self.outline)
        if self.position not in _ALIGNMENT:
            raise InputError("position must be bottom or top", value=self.position)

    def size_for(self, height: int) -> int:
        # 6% of the picture height: a little above libass's default 16/288, for phones.
        return self.size if self.size is not None else default_size(height)

    def outline_for(self, height: int) -> float:
        return self.outline if self.outline is not None else default_outline(height)


def _escape(text: str, specials: str) -> str:
    return "".join("\\" + ch if ch in specials else ch for ch in text)


def escape_option(value: str) -> str:
    """Escape a value for the filter option parser (``key=value:...``)."""
    escaped = _escape(value, _OPTION_SPECIALS)
    # Unescaped leading/trailing blanks are trimmed by ffmpeg's tokenizer.
    stripped = escaped.rstrip(" \t\n\r")
    return stripped + "".join("\\" + ch for ch in escaped[len(stripped) :])


def escape_graph(text: str) -> str:
    """Escape a filter's argument string for the filter graph parser."""
    return _escape(text, _GRAPH_SPECIALS)


def force_style(style: Style, family: str, width: int, height: int) -> str:
    """The ASS style override: sizes in output pixels (PlayRes set to the video size).

    The look is the ASS writer's Default style (subtools.io.assstyle), so a file
    written by ``convert x.srt x.ass`` burns the same as the SRT.
    """
    if "," in family or "=" in family:
        raise InputError("font names with ',' or '=' cannot be passed to libass", value=family)
    fields = [("PlayResX", str(width)), ("PlayResY", str(height))]
    fields += style_fields(
        family,
        width,
        height,
        size=style.size_for(height),
        outline=style.outline_for(height),
        position=style.position,
        box=style.box,
        legacy_alignment=True,
    )
    return ",".join(f"{k}={v}" for k, v in fields)


def subtitles_filter(captions: Path, fonts_dir: Path | None, style_override: str | None) -> str:
    """The complete ``-vf`` text that burns ``captions`` (any file name) with libass.

    ``style_override`` None keeps the file's own styles (an .ass file burned as it is).
    """
    options = [f"filename={escape_option(str(captions))}"]
    if fonts_dir is not None:
        options.append(f"fontsdir={escape_option(str(fonts_dir))}")
    options.append("charenc=UTF-8")
    if style_override is not None:
        options.append(f"force_style={escape_option(style_override)}")
    return "subtitles=" + escape_graph(":".join(options))
