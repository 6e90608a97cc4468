"""Reading and writing caption files, with a small format registry.

Formats are chosen by extension. Readers return cues and notices (repairs made,
reported), never silently change a cue; writers return text and are written
atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Cue, Track
from .decode import Decoded, decode_bytes
from .files import (
    atomic_output,
    atomic_write_text,
    make_folder,
    note_read,
    output_folder,
    protect_inputs,
    read_bytes,
    refuse_same_path,
)
from .jsonfmt import json_text, parse_json_track, track_to_dict, write_json
from .notices import Notice
from .srt import parse_srt, write_srt
from .vtt import parse_vtt, write_vtt

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Format",
    "Notice",
    "ReadResult",
    "atomic_output",
    "atomic_write_text",
    "check_output",
    "format_for",
    "make_folder",
    "note_read",
    "parse_bytes",
    "parse_text",
    "protect_inputs",
    "read_track",
    "refuse_same_path",
    "render_track",
    "track_to_dict",
    "write_json_file",
    "write_track",
]

Parser = Callable[[str, "str | None"], tuple[Track, list[Notice]]]
CueParser = Callable[[str, "str | None"], tuple[list[Cue], list[Notice]]]


def _as_track(parse: CueParser) -> Parser:
    """SRT and WebVTT carry nothing but cues: the track is the cues and the file name."""

    def parse_track(text: str, source: str | None) -> tuple[Track, list[Notice]]:
        cues, notices = parse(text, source)
        return Track(tuple(cues), source=source), notices

    return parse_track


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    parse: Parser
    render: Callable[[Track], str]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("srt", (".srt",), _as_track(parse_srt), lambda t: write_srt(t.cues)),
        Format("vtt", (".vtt",), _as_track(parse_vtt), lambda t: write_vtt(t.cues)),
        Format("json", (".json",), parse_json_track, lambda t: write_json(t.cues, t)),
    )
}
EXTENSIONS = tuple(e for f in FORMATS.values() for e in f.extensions)  # what reads as captions


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> Format:
    if fmt:
        if fmt not in FORMATS:
            raise InputError(
                "unknown caption format", value=fmt, hint="use one of: " + ", ".join(FORMATS)
            )
        return FORMATS[fmt]
    ext = Path(path).suffix.lower()
    for f in FORMATS.values():
        if ext in f.extensions:
            return f
    raise InputError(
        "unsupported caption file type",
        path=path,
        value=ext or "(none)",
        hint="use one of: " + ", ".join(EXTENSIONS),
    )


def check_output(source: str | os.PathLike[str], output: str | os.PathLike[str]) -> Format:
    """Before any work: the output is not the input, has a caption type, and its folder exists."""
    refuse_same_path(source, output)
    spec = format_for(output)
    output_folder(output)
    return spec


@dataclass(frozen=True, slots=True)
class ReadResult:
    track: Track
    encoding: Decoded
    notices: tuple[Notice, ...]
    format: str


def parse_text(text: str, fmt: str, source: str | None = None) -> tuple[Track, list[Notice]]:
    return FORMATS[fmt].parse(text, source)


def read_track(
    path: str | os.PathLike[str], *, encoding: str | None = None, fmt: str | None = None
) -> ReadResult:
    """Read a caption file: detect the encoding, normalise newlines, parse and validate."""
    spec = format_for(path, fmt)
    return parse_bytes(read_bytes(path), spec.name, str(path), encoding=encoding)


def parse_bytes(
    data: bytes, fmt: str, source: str | None = None, *, encoding: str | None = None
) -> ReadResult:
    """Decode and parse a file's bytes; any newline style (LF, CRLF, CR) reads the same."""
    if not data.strip():
        raise InputError("empty file", path=source)
    decoded = decode_bytes(data, encoding=encoding, path=source)
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("binary data, not a subtitle file", path=source)
    joined = _drop_inner_boms(text, source)
    text = text.replace("\ufeff", "")
    track, notices = parse_text(text, fmt, source)
    notices[:0] = joined
    if not track.cues:  # SRT says so while scanning; WebVTT and JSON may hold none
        raise InputError("no subtitle cues found", path=source)
    return ReadResult(track, decoded, tuple(notices), fmt)


def _drop_inner_boms(text: str, source: str | None) -> list[Notice]:
    """A BOM after the start comes from joined files (``cat a.srt b.srt``); it is removed."""
    at = text.find("\ufeff")
    if at < 0:
        return []
    line = text.count("\n", 0, at) + 1
    return [Notice(source, line, "byte order mark inside the file (joined files?): removed")]


def render_track(track: Track, fmt: str) -> str:
    return FORMATS[fmt].render(track)


def write_track(track: Track, path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Write ``track`` atomically in the format of ``path``'s extension; return the format."""
    spec = format_for(path, fmt)
    atomic_write_text(path, spec.render(track))
    return spec.name


def write_json_file(data: Any, path: str | os.PathLike[str]) -> None:
    """Write a report (not a caption track) as JSON, atomically."""
    atomic_write_text(path, json_text(data))
