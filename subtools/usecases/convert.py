"""``convert`` and ``info``: read a caption file, report on it, write it in another format."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..io import FORMATS, Notice, check_output, lost_markup, read_track, write_track
from ..lang import detect_language
from ..model import Track

__all__ = ["ConvertResult", "TrackInfo", "convert", "describe", "format_table", "load_track"]


@dataclass(frozen=True, slots=True)
class TrackInfo:
    path: str
    format: str
    encoding: str
    cues: int
    start_ms: int
    end_ms: int
    language: str | None
    notices: tuple[Notice, ...]
    detected_by: str = "extension"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "detected_by": self.detected_by,
            "encoding": self.encoding,
            "cues": self.cues,
            "start": self.start_ms / 1000,
            "end": self.end_ms / 1000,
            "duration": (self.end_ms - self.start_ms) / 1000,
            "language": self.language,
            "warnings": [str(n) for n in self.notices],
        }


@dataclass(frozen=True, slots=True)
class ConvertResult:
    output: str
    format: str
    cues: int
    encoding: str
    notices: tuple[Notice, ...]


def load_track(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    detect: bool = True,
    fps: float | None = None,
) -> tuple[Track, TrackInfo]:
    """Read a track and detect its language from the joined text."""
    result = read_track(path, encoding=encoding, fps=fps)
    track = result.track
    if track.language is None and detect:
        track = track.with_language(detect_language(track.text))
    info = TrackInfo(
        path=str(path),
        format=result.format,
        encoding=result.encoding.label,
        cues=len(track),
        start_ms=track.start,
        end_ms=track.end,
        language=track.language,
        notices=result.notices,
        detected_by=result.detected_by,
    )
    return track, info


def describe(
    path: str | os.PathLike[str], encoding: str | None = None, fps: float | None = None
) -> TrackInfo:
    return load_track(path, encoding, fps=fps)[1]


def convert(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    encoding: str | None = None,
    fps: float | None = None,
) -> ConvertResult:
    check_output(source, output)
    # JSON and TTML carry the language: detect it only for them
    detect = Path(output).suffix.lower() in (".json", ".ttml", ".dfxp")
    track, info = load_track(source, encoding, detect=detect, fps=fps)
    fmt = write_track(track, output)
    notices = (*info.notices, *lost_markup(track, fmt, output))
    return ConvertResult(str(output), fmt, len(track), info.encoding, notices)


def format_table() -> list[dict[str, Any]]:
    """One row per caption format: what ``subtools formats`` prints."""
    return [
        {
            "name": f.name,
            "label": f.label,
            "extensions": list(f.extensions),
            "by_content": list(f.generic),
            "read": f.readable,
            "write": f.writable,
            "keeps": f.keeps,
            "reports": f.reports,
        }
        for f in FORMATS.values()
    ]
