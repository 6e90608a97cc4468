"""Text widths from a font's own advance widths, so lines can be fitted before ffmpeg runs.

drawtext never wraps and libass wraps only at its margins, so a caption or a
label that must stay inside a safe area is measured here: the sum of the
glyphs' advances (kerning ignored, which only makes the estimate wider).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from functools import lru_cache

from .sfnt import FontFormatError, _face_offset, _read, _table_directory, cmap_glyphs

__all__ = ["FontMetrics", "read_metrics"]


@dataclass(frozen=True, slots=True)
class FontMetrics:
    """Advances in font units per code point, and the vertical extents libass sizes by."""

    units_per_em: int
    win_height: int  # usWinAscent + usWinDescent (hhea extents without OS/2)
    advances: dict[int, int]
    widest: int  # used for characters the face lacks (drawn by a fallback font)

    def units(self, text: str) -> int:
        return sum(self.advances.get(ord(ch), self.widest) for ch in text)

    def em_width(self, text: str, em_px: float) -> float:
        """Width in pixels at an em of ``em_px`` (drawtext's ``fontsize``)."""
        return self.units(text) * em_px / self.units_per_em

    def ass_width(self, text: str, font_size: float) -> float:
        """Width in pixels at an ASS ``FontSize`` (libass makes the win height that size)."""
        return self.units(text) * font_size / self.win_height


@lru_cache(maxsize=16)
def read_metrics(path: str | os.PathLike[str], index: int = 0) -> FontMetrics:
    try:
        with open(path, "rb") as fh:
            base = _face_offset(fh, index)
            tables = _table_directory(fh, base)
            for tag in (b"head", b"hhea", b"hmtx", b"cmap"):
                if tag not in tables:
                    raise FontFormatError(f"{path}: no {tag.decode()} table")
            head = _read(fh, tables[b"head"][0], 54)
            hhea = _read(fh, tables[b"hhea"][0], 36)
            (upem,) = struct.unpack(">H", head[18:20])
            ascender, descender = struct.unpack(">hh", hhea[4:8])
            (count,) = struct.unpack(">H", hhea[34:36])
            hmtx = _read(fh, tables[b"hmtx"][0], 4 * count)
            height = ascender - descender
            if b"OS/2" in tables and tables[b"OS/2"][1] >= 78:
                os2 = _read(fh, tables[b"OS/2"][0], 78)
                win_ascent, win_descent = struct.unpack(">HH", os2[74:78])
                height = win_ascent + win_descent or height
            glyphs = cmap_glyphs(fh, *tables[b"cmap"])
    except (OSError, struct.error) as exc:
        raise FontFormatError(f"{path}: unreadable font ({exc})") from None
    if not upem or count == 0 or height <= 0:
        raise FontFormatError(f"{path}: no usable metrics")
    widths = [struct.unpack(">H", hmtx[4 * i : 4 * i + 2])[0] for i in range(count)]
    # Glyphs past the last long metric share its advance (monospaced tails).
    advances = {code: widths[min(glyph, count - 1)] for code, glyph in glyphs.items()}
    return FontMetrics(upem, height, advances, max(widths))
