"""``doctor``: what ``burn`` would use (ffmpeg, libass, Cyrillic fonts) and what is missing.

A setup check, not an encode: it reports problems as data and raises only for a
fonts folder that does not exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..burn import ffmpeg as ff
from ..burn.fonts import choose_font, covering_families, discover_fonts
from ..errors import DependencyError, InputError

__all__ = ["DoctorReport", "doctor"]


@dataclass(frozen=True, slots=True)
class DoctorReport:
    ffmpeg: str | None
    origin: str | None  # SUBTOOLS_FFMPEG, PATH or imageio-ffmpeg
    version: str | None
    ffprobe: str | None
    libass: bool
    cyrillic_fonts: tuple[str, ...]
    default_font: str | None  # what burn picks for Latin + Cyrillic captions
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "ffmpeg": self.ffmpeg,
            "origin": self.origin,
            "version": self.version,
            "ffprobe": self.ffprobe,
            "libass": self.libass,
            "cyrillic_fonts": list(self.cyrillic_fonts),
            "default_font": self.default_font,
            "problems": list(self.problems),
            "ok": self.ok,
        }


def doctor(fonts_dir: str | os.PathLike[str] | None = None) -> DoctorReport:
    """Which ffmpeg burn would use, whether it has libass, and which fonts draw Cyrillic."""
    if fonts_dir is not None and not Path(fonts_dir).is_dir():
        raise InputError("fonts folder not found", path=fonts_dir)
    problems: list[str] = []
    tools: ff.Toolchain | None
    try:
        tools = ff.find_toolchain()
    except DependencyError as exc:
        tools, problems = None, [str(exc)]
    libass, ver = False, None
    if tools is not None:
        ver = ff.version(tools)
        libass = "subtitles" in ff.filters(tools)
        if not libass:
            problems.append(f"{tools.ffmpeg} has no 'subtitles' filter (built without libass)")
    faces = discover_fonts([Path(fonts_dir)] if fonts_dir else [])
    cyrillic = covering_families(faces)
    default = None
    try:
        default = choose_font(faces, "Latin Кириллица").family
    except DependencyError as exc:
        problems.append(str(exc))
    return DoctorReport(
        ffmpeg=tools.ffmpeg if tools else None,
        origin=tools.origin if tools else None,
        version=ver,
        ffprobe=tools.ffprobe if tools else None,
        libass=libass,
        cyrillic_fonts=tuple(cyrillic),
        default_font=default,
        problems=tuple(problems),
    )
