"""Just enough of the TrueType/OpenType (sfnt) format to name a font and list its characters.

Font discovery must work where fontconfig's ``fc-list`` is missing (the static
ffmpeg from imageio-ffmpeg brings its own fontconfig, the machine may have none),
and the question "does this font draw Cyrillic?" needs the font's cmap either
way, so the two tables are read here directly instead of adding a font library.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = ["FONT_EXTENSIONS", "FontFile", "FontFormatError", "cmap_glyphs", "read_font"]

FONT_EXTENSIONS = (".ttf", ".otf", ".ttc", ".otc")

# Preferred cmap subtables, best first: full-Unicode ones (format 12) before BMP-only.
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
_WINDOWS_ENGLISH = 0x409


class FontFormatError(ValueError):
    """The file is not a font this reader understands (corrupt, bitmap-only, unknown)."""


@dataclass(frozen=True, slots=True)
class FontFile:
    """One face of a font file: its family and style names and the characters it maps."""

    path: str
    index: int
    family: str
    style: str
    chars: frozenset[int]
    aliases: tuple[str, ...] = ()  # other family names it answers to (legacy name id 1)

    def answers_to(self, name: str) -> bool:
        wanted = name.casefold()
        return any(n.casefold() == wanted for n in (self.family, *self.aliases))

    def covers(self, text: str) -> bool:
        return all(ord(ch) in self.chars for ch in text)

    def missing(self, text: str) -> str:
        """The distinct characters of ``text`` this face has no glyph for, in order."""
        seen: dict[str, None] = {}
        for ch in text:
            if ord(ch) not in self.chars:
                seen.setdefault(ch)
        return "".join(seen)


def read_font(path: str | os.PathLike[str], index: int = 0) -> FontFile:
    """Read face ``index`` of a font file (collections hold several faces)."""
    try:
        with open(path, "rb") as fh:
            base = _face_offset(fh, index)
            tables = _table_directory(fh, base)
            if b"cmap" not in tables or b"name" not in tables:
                raise FontFormatError(f"{path}: no cmap or name table")
            names = _names(fh, *tables[b"name"])
            chars = _cmap_chars(fh, *tables[b"cmap"])
    except (OSError, struct.error) as exc:
        raise FontFormatError(f"{path}: unreadable font ({exc})") from None
    # Typographic names (16/17) group weights under one family, as fontconfig does;
    # the legacy family (1) stays usable as an alias ("DejaVu Sans Condensed").
    family = names.get(16) or names.get(1) or Path(path).stem
    style = names.get(17) or names.get(2) or "Regular"
    aliases = tuple(n for n in (names.get(1),) if n and n != family)
    return FontFile(str(path), index, family, style, chars, aliases)


def _read(fh: BinaryIO, offset: int, size: int) -> bytes:
    fh.seek(offset)
    data = fh.read(size)
    if len(data) != size:
        raise FontFormatError("truncated font file")
    return data


def _face_offset(fh: BinaryIO, index: int) -> int:
    tag = _read(fh, 0, 4)
    if tag == b"ttcf":
        (count,) = struct.unpack(">I", _read(fh, 8, 4))
        if not 0 <= index < count:
            raise FontFormatError(f"collection has {count} faces, not {index + 1}")
        (offset,) = struct.unpack(">I", _read(fh, 12 + 4 * index, 4))
        return int(offset)
    if tag not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise FontFormatError("not a TrueType/OpenType font")
    return 0


def _table_directory(fh: BinaryIO, base: int) -> dict[bytes, tuple[int, int]]:
    (num_tables,) = struct.unpack(">H", _read(fh, base + 4, 2))
    raw = _read(fh, base + 12, 16 * num_tables)
    tables = {}
    for i in range(num_tables):
        tag, _checksum, offset, length = struct.unpack(">4sIII", raw[16 * i : 16 * i + 16])
        tables[tag] = (offset, length)
    return tables


def _names(fh: BinaryIO, offset: int, length: int) -> dict[int, str]:
    data = _read(fh, offset, length)
    _fmt, count, strings = struct.unpack(">HHH", data[:6])
    found: dict[int, tuple[int, str]] = {}  # name id -> (rank, text); lower rank wins
    for i in range(count):
        rec = data[6 + 12 * i : 18 + 12 * i]
        platform, encoding, language, name_id, size, pos = struct.unpack(">6H", rec)
        if name_id not in (1, 2, 16, 17):
            continue
        raw = data[strings + pos : strings + pos + size]
        if (platform == 3 and encoding in (0, 1, 10)) or platform == 0:
            text = raw.decode("utf-16-be", "replace")
            rank = 0 if platform == 3 and language == _WINDOWS_ENGLISH else 1
        elif platform == 1 and encoding == 0:
            text, rank = raw.decode("mac_roman", "replace"), 2
        else:
            continue
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, text.strip())
    return {name_id: text for name_id, (_rank, text) in found.items() if text}


def _cmap_chars(
    fh: BinaryIO,
    offset: int,
    length: int,
    preference: tuple[tuple[int, int], ...] = _CMAP_PREFERENCE,
) -> frozenset[int]:
    return frozenset(cmap_glyphs(fh, offset, length, preference))


def cmap_glyphs(
    fh: BinaryIO,
    offset: int,
    length: int,
    preference: tuple[tuple[int, int], ...] = _CMAP_PREFERENCE,
) -> dict[int, int]:
    """Code point -> glyph id from the best Unicode subtable of the cmap at ``offset``."""
    data = _read(fh, offset, length)
    _version, count = struct.unpack(">HH", data[:4])
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack(">HHI", data[4 + 8 * i : 12 + 8 * i])
        subtables.setdefault((platform, encoding), sub)
    for key in preference:
        if key in subtables:
            sub = subtables[key]
            (fmt,) = struct.unpack(">H", data[sub : sub + 2])
            if fmt == 12:
                return _format12(data, sub)
            if fmt == 4:
                return _format4(data, sub)
    raise FontFormatError("no Unicode character map (format 4 or 12)")


def _format12(data: bytes, sub: int) -> dict[int, int]:
    (groups,) = struct.unpack(">I", data[sub + 12 : sub + 16])
    glyphs: dict[int, int] = {}
    for i in range(groups):
        start, end, glyph = struct.unpack(">III", data[sub + 16 + 12 * i : sub + 28 + 12 * i])
        end = min(end, 0x10FFFF)  # a corrupt group must not ask for billions of code points
        first = start if glyph else start + 1  # glyph 0 is .notdef: not a real glyph
        glyphs.update((code, glyph + code - start) for code in range(first, end + 1))
    return glyphs


def _format4(data: bytes, sub: int) -> dict[int, int]:
    (seg_x2,) = struct.unpack(">H", data[sub + 6 : sub + 8])
    segs = seg_x2 // 2
    ends_at = sub + 14
    starts_at = ends_at + seg_x2 + 2  # skip reservedPad
    deltas_at = starts_at + seg_x2
    ranges_at = deltas_at + seg_x2
    glyphs: dict[int, int] = {}
    for i in range(segs):
        (end,) = struct.unpack(">H", data[ends_at + 2 * i : ends_at + 2 * i + 2])
        (start,) = struct.unpack(">H", data[starts_at + 2 * i : starts_at + 2 * i + 2])
        (delta,) = struct.unpack(">H", data[deltas_at + 2 * i : deltas_at + 2 * i + 2])
        range_pos = ranges_at + 2 * i
        (range_offset,) = struct.unpack(">H", data[range_pos : range_pos + 2])
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_pos + range_offset + 2 * (code - start)
                (glyph,) = struct.unpack(">H", data[at : at + 2])
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                glyphs[code] = glyph
    return glyphs
