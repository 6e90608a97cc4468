"""Reading and writing caption files, with a small format registry.

Formats are chosen by extension, or by content when the extension is missing,
generic (.txt, .xml, .sub) or wrong (see sniff). Readers return a track and
notices (repairs made, things the model cannot hold), never silently change a
cue; writers return text and are written atomically. Readers that need a
library (pysubs2, ttconv) import it only when such a file is read.
"""

from __future__ import annotations

import os
import re
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
from .jsonfmt import json_text, track_to_dict, write_json
from .notices import Notice
from .sniff import refuse_images, sniff_bytes, sniff_text
from .srt import parse_srt, write_srt
from .vtt import parse_vtt, write_vtt

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Format",
    "Notice",
    "ReadOptions",
    "ReadResult",
    "atomic_output",
    "atomic_write_text",
    "check_output",
    "format_for",
    "lost_markup",
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


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What some formats need besides the text: MicroDVD counts frames, not time."""

    fps: float | None = None


Parser = Callable[[str, "str | None", ReadOptions], tuple[Track, list[Notice]]]
BinaryParser = Callable[[bytes, "str | None"], tuple[Track, list[Notice]]]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]  # read (and, for writers, written) under these names
    parse: Parser | None = None
    render: Callable[[Track], str] | None = None
    parse_binary: BinaryParser | None = None
    generic: tuple[str, ...] = ()  # shared extensions (.txt, .xml, .sub): content decides
    keeps: str = ""
    reports: str = ""

    @property
    def readable(self) -> bool:
        return self.parse is not None or self.parse_binary is not None

    @property
    def writable(self) -> bool:
        return self.render is not None


def _cues_only(parse: Callable[[str, str | None], tuple[list[Cue], list[Notice]]]) -> Parser:
    """SRT and WebVTT carry nothing but cues: the track is the cues and the file name."""

    def parse_track(text: str, source: str | None, _: ReadOptions) -> tuple[Track, list[Notice]]:
        cues, notices = parse(text, source)
        return Track(tuple(cues), source=source), notices

    return parse_track


def _pysubs2(fmt: str) -> Parser:
    def parse_track(
        text: str, source: str | None, options: ReadOptions
    ) -> tuple[Track, list[Notice]]:
        from .substation import parse_substation

        return parse_substation(text, fmt, source, options.fps)

    return parse_track


def _lazy(module: str, name: str) -> Parser:
    def parse_track(text: str, source: str | None, _: ReadOptions) -> tuple[Track, list[Notice]]:
        import importlib

        fn = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        return fn(text, source)  # type: ignore[no-any-return]

    return parse_track


def _parse_spruce(
    text: str, source: str | None, options: ReadOptions
) -> tuple[Track, list[Notice]]:
    from .spruce import parse_spruce

    return parse_spruce(text, source, options.fps)


def _parse_stl(data: bytes, source: str | None) -> tuple[Track, list[Notice]]:
    from .timedtext import parse_stl

    return parse_stl(data, source)


def _render_ass(track: Track) -> str:
    from .substation import write_ass

    return write_ass(track.cues)


def _render_ttml(track: Track) -> str:
    from .timedtext import write_ttml

    return write_ttml(track.cues, track.language)


_TAGS = "italics, bold, line breaks"
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "srt",
            "SubRip",
            (".srt",),
            _cues_only(parse_srt),
            lambda t: write_srt(t.cues),
            keeps=f"{_TAGS}, {{\\an8}} placement",
            reports="repairs (missing blank lines, short timestamps)",
        ),
        Format(
            "vtt",
            "WebVTT",
            (".vtt",),
            _cues_only(parse_vtt),
            lambda t: write_vtt(t.cues),
            keeps=_TAGS,
            reports="cue settings, STYLE and REGION blocks; unreadable cues skipped",
        ),
        Format(
            "json",
            "subtools JSON, Whisper JSON",
            (".json",),
            _lazy("jsonfmt", "parse_json_track"),
            lambda t: write_json(t.cues, t),
            keeps="text, language",
            reports="-",
        ),
        Format(
            "ass",
            "Advanced SubStation Alpha (ASS/SSA)",
            (".ass", ".ssa"),
            _pysubs2("ass"),
            _render_ass,
            keeps=f"{_TAGS}, \\an top/bottom (also from the style)",
            reports="styles' look, \\pos/\\move, other override tags, layers, comments, drawings",
        ),
        Format(
            "ttml",
            "TTML, DFXP, IMSC1 Text",
            (".ttml", ".dfxp"),
            _lazy("timedtext", "parse_ttml"),
            _render_ttml,
            generic=(".xml",),
            keeps=f"{_TAGS}, top/bottom region",
            reports="other styling, regions, unreadable time expressions (repaired)",
        ),
        Format(
            "scc",
            "Scenarist SCC (CEA-608)",
            (".scc",),
            _lazy("timedtext", "parse_scc"),
            keeps="pop-on, roll-up and paint-on screens as cues, italics",
            reports="ttconv's decoder warnings",
        ),
        Format(
            "stl",
            "EBU STL (Tech 3264, binary)",
            (".stl",),
            parse_binary=_parse_stl,
            keeps=f"{_TAGS}, code page, top/bottom rows",
            reports="ttconv's decoder warnings",
        ),
        Format(
            "sbv",
            "YouTube SBV, SubViewer 2",
            (".sbv",),
            _lazy("sbv", "parse_sbv"),
            generic=(".sub",),
            keeps="line breaks ([br])",
            reports="skipped lines and cues",
        ),
        Format(
            "microdvd",
            "MicroDVD (frames)",
            (),
            _pysubs2("microdvd"),
            generic=(".sub", ".txt"),
            keeps=f"{_TAGS} ({{y:i}})",
            reports="frame rate used; other {...} codes",
        ),
        Format("mpl2", "MPL2", (), _pysubs2("mpl2"), generic=(".txt",), keeps=_TAGS, reports="-"),
        Format(
            "tmp", "TMPlayer", (), _pysubs2("tmp"), generic=(".txt",), keeps="text", reports="-"
        ),
        Format(
            "sami",
            "SAMI",
            (".smi", ".sami"),
            _pysubs2("sami"),
            keeps=_TAGS,
            reports="classes and styles",
        ),
        Format(
            "spruce",
            "Spruce STL (text)",
            (),
            _parse_spruce,
            generic=(".stl",),
            keeps="line breaks (|)",
            reports="frame rate used, $ settings",
        ),
    )
}
# What a sniff may call a format that reads with another one's reader.
_SAME_READER = {"subviewer": "sbv", "ssa": "ass"}
EXTENSIONS = tuple(e for f in FORMATS.values() for e in f.extensions)  # what reads as captions
_GENERIC = frozenset(e for f in FORMATS.values() for e in f.generic)


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> Format:
    """The format an OUTPUT file is written in, by its extension (or ``fmt``)."""
    if fmt:
        if fmt not in FORMATS:
            raise InputError(
                "unknown caption format", value=fmt, hint="use one of: " + ", ".join(FORMATS)
            )
        spec = FORMATS[fmt]
    else:
        ext = Path(path).suffix.lower()
        found = next((f for f in FORMATS.values() if ext in f.extensions), None)
        if found is None:
            raise InputError(
                "unsupported caption file type",
                path=path,
                value=ext or "(none)",
                hint="write one of: " + ", ".join(_WRITE_EXTENSIONS),
            )
        spec = found
    if not spec.writable or Path(path).suffix.lower() == ".ssa":
        raise InputError(
            f"subtools reads {spec.label} but does not write it",
            path=path,
            hint="write one of: " + ", ".join(_WRITE_EXTENSIONS),
        )
    return spec


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
    detected_by: str = "extension"  # or "content", "option"


def parse_text(
    text: str, fmt: str, source: str | None = None, options: ReadOptions | None = None
) -> tuple[Track, list[Notice]]:
    spec = FORMATS[_SAME_READER.get(fmt, fmt)]
    if spec.parse is None:
        raise InputError(f"{spec.label} is a binary format, not text", path=source)
    return spec.parse(text, source, options or ReadOptions())


def read_track(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    fps: float | None = None,
) -> ReadResult:
    """Read a caption file: detect encoding and format (extension or content), parse, validate."""
    if Path(path).is_dir():  # before its "type": a folder has no extension to judge
        raise InputError("is a folder, not a caption file", path=path)
    if not Path(path).exists():
        raise InputError("file not found", path=path)
    if fmt and fmt not in FORMATS:
        raise InputError(
            "unknown caption format", value=fmt, hint="use one of: " + ", ".join(FORMATS)
        )
    return parse_bytes(read_bytes(path), fmt, str(path), encoding=encoding, fps=fps)


def _by_extension(source: str | None) -> str | None:
    ext = Path(source or "").suffix.lower()
    return next((f.name for f in FORMATS.values() if ext in f.extensions), None)


def parse_bytes(
    data: bytes,
    fmt: str | None,
    source: str | None = None,
    *,
    encoding: str | None = None,
    fps: float | None = None,
) -> ReadResult:
    """Decode and parse a file's bytes; any newline style (LF, CRLF, CR) reads the same.

    ``fmt`` None: the extension decides when the content agrees or says nothing;
    the content decides when the extension is missing, generic or wrong.
    """
    if not data.strip():
        raise InputError("empty file", path=source)
    binary = sniff_bytes(data)
    if binary is not None:
        refuse_images(binary, source)
    how = "option" if fmt else "extension"
    if fmt is None and binary == "stl":
        fmt, how = "stl", "extension" if _by_extension(source) == "stl" else "content"
    spec = FORMATS.get(fmt or "")
    if spec is not None and spec.parse_binary is not None:
        from .timedtext import stl_code_page

        track, found = spec.parse_binary(data, source)
        return _checked(track, Decoded("", stl_code_page(data)), found, spec.name, how, source)
    decoded = decode_bytes(data, encoding=encoding, path=source)
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("binary data, not a subtitle file", path=source)
    joined = _drop_inner_boms(text, source)
    text = text.replace("\ufeff", "")
    notices: list[Notice] = []
    if fmt is None:
        fmt, how, notices = _detect(text, source)
    track, parsed = parse_text(text, fmt, source, ReadOptions(fps))
    return _checked(track, decoded, [*joined, *notices, *parsed], fmt, how, source)


def _detect(text: str, source: str | None) -> tuple[str, str, list[Notice]]:
    ext = Path(source or "").suffix.lower()
    named = _by_extension(source)
    sniffed = sniff_text(text)
    if sniffed is not None:
        refuse_images(sniffed, source)
    if named == "stl":  # a text file named .stl: no GSI block was found above
        from .spruce import looks_like_spruce

        if looks_like_spruce(text):
            return "spruce", "content", []
        raise InputError(
            "not an EBU STL file (no GSI block) nor a Spruce STL text file",
            path=source,
            hint="export it as SRT from the program that made it",
        )
    same = sniffed is not None and _SAME_READER.get(sniffed, sniffed) == named
    if named is not None and (sniffed is None or same):
        return named, "extension", []
    if sniffed is not None:
        if named is None:
            return sniffed, "content", []
        label = FORMATS[_SAME_READER.get(sniffed, sniffed)].label
        note = Notice(source, None, f"named {ext} but holds {label}: read as {label}")
        return sniffed, "content", [note]
    if ext in _GENERIC or not ext:
        raise InputError(
            "cannot tell the caption format from the content (no timing lines found)",
            path=source,
            value=ext or "(no extension)",
            hint="plain text without times is not a caption file",
        )
    raise InputError(
        "unsupported caption file type",
        path=source,
        value=ext,
        hint="subtools reads: " + ", ".join(EXTENSIONS) + " (and .txt/.xml/.sub by content)",
    )


def _checked(
    track: Track,
    encoding: Decoded,
    notices: list[Notice],
    fmt: str,
    how: str,
    source: str | None,
) -> ReadResult:
    if not track.cues:  # SRT says so while scanning; other formats may hold none
        raise InputError("no subtitle cues found", path=source)
    return ReadResult(track, encoding, tuple(notices), fmt, how)


def _drop_inner_boms(text: str, source: str | None) -> list[Notice]:
    """A BOM after the start comes from joined files (``cat a.srt b.srt``); it is removed."""
    at = text.find("\ufeff")
    if at < 0:
        return []
    line = text.count("\n", 0, at) + 1
    return [Notice(source, line, "byte order mark inside the file (joined files?): removed")]


# Markup in cue text that a writer cannot carry (the text itself is written).
_LOST_MARKUP = {
    "ass": re.compile(r"<(?![ibus]>)([a-zA-Z]+)[^<>]*>"),
    "ttml": re.compile(r"<(?![ibu]>)([a-zA-Z]+)[^<>]*>|\{\\(?!an?\d+\})(\d?[a-z]+)[^{}]*\}"),
}


def lost_markup(track: Track, fmt: str, path: str | os.PathLike[str] | None) -> list[Notice]:
    """What writing ``track`` as ``fmt`` leaves out (``<font>`` in ASS, ``{\\b1}`` in
    TTML ...): one notice, so a conversion loses nothing silently."""
    pattern = _LOST_MARKUP.get(fmt)
    if pattern is None:
        return []
    found: dict[str, int] = {}
    for cue in track.cues:
        if "<" in cue.text or "{" in cue.text:
            for m in pattern.finditer(cue.text):
                name = m.group(1) or "\\" + m.group(2)
                found[name] = found.get(name, 0) + 1
    if not found:
        return []
    tags = ", ".join(f"{name} ({n})" for name, n in sorted(found.items()))
    where = None if path is None else str(path)
    return [Notice(where, None, f"markup not written in {FORMATS[fmt].label}: {tags}")]


def render_track(track: Track, fmt: str) -> str:
    """``track`` as text in ``fmt``; text the format cannot hold is an InputError
    naming the cue and the file the track came from."""
    render = FORMATS[fmt].render
    if render is None:
        raise InputError(f"subtools does not write {FORMATS[fmt].label}", value=fmt)
    try:
        return render(track)
    except InputError as exc:
        if exc.path is None and track.source is not None:
            exc.path = track.source
        raise


def write_track(track: Track, path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Write ``track`` atomically in the format of ``path``'s extension; return the format."""
    spec = format_for(path, fmt)
    atomic_write_text(path, render_track(track, spec.name))
    return spec.name


def write_json_file(data: Any, path: str | os.PathLike[str]) -> None:
    """Write a report (not a caption track) as JSON, atomically."""
    atomic_write_text(path, json_text(data))


_WRITE_EXTENSIONS = tuple(
    e for f in FORMATS.values() if f.writable for e in f.extensions if e != ".ssa"
)
