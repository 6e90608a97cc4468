"""Preparing one libass render: the font, a private work folder, the filter, the log watch.

Pure domain steps shared by whole-video burns and clips; the use-case module
strings them together around one ffmpeg run.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DependencyError, InputError
from ..io import note_read, write_track
from ..io.files import sweep_stale
from ..model import Track
from ..tags import strip_tags
from .ffmpeg import MediaInfo
from .filters import Style, force_style, subtitles_filter
from .fonts import PREFERRED_FAMILIES, FontChoice, choose_font, discover_fonts

__all__ = [
    "FontWatch",
    "audio_copyable",
    "even_crop",
    "pick_font",
    "video_filter",
    "workdir",
]

_MP4_AUDIO = {"aac", "mp3", "ac3", "eac3", "alac", "opus", "flac"}
_MOV_AUDIO = {"aac", "mp3", "ac3", "alac"}
# What libass logs (through ffmpeg, at info level) about fonts.
_NO_FALLBACK = re.compile(r"failed to find any fallback with glyph 0x([0-9A-Fa-f]+)")
_FONT_USED = re.compile(r"fontselect: \((.*?), \d+, \d+\) -> (.+?), \d+")


def pick_font(track: Track, name: str | None, fonts_dir: Path | None) -> FontChoice:
    """The family that draws every letter of ``track``; a --fonts-dir's families first."""
    own: tuple[str, ...] = ()
    extra: list[Path] = []
    if fonts_dir is not None:
        if not fonts_dir.is_dir():
            raise InputError("fonts folder not found", path=fonts_dir)
        extra.append(fonts_dir)
        own = tuple(f.family for f in discover_fonts(extra, system=False))
    faces = discover_fonts(extra)
    text = strip_tags(track.text)
    choice = choose_font(faces, text, name, preferred=(*own, *PREFERRED_FAMILIES))
    for face in choice.faces:
        note_read(face.path)  # the command reads them: an output must not replace one
    return choice


_WORKDIR = re.compile(r"^subtools-burn-(\d+)-")


@contextmanager
def workdir(track: Track, font: FontChoice | None) -> Iterator[tuple[Path, Path | None]]:
    """A private folder with ``captions.srt`` and links to the font files libass must load.

    Only names chosen here reach the filter graph, and libass gets the font by
    ``fontsdir`` even where ffmpeg's own fontconfig finds nothing.
    """
    # The pid in the name lets the next run remove what a killed run left behind.
    sweep_stale(tempfile.gettempdir(), _WORKDIR)
    with tempfile.TemporaryDirectory(prefix=f"subtools-burn-{os.getpid()}-") as tmp:
        folder = Path(tmp)
        captions = folder / "captions.srt"
        write_track(track, captions)
        fonts = None
        if font is not None:
            fonts = folder / "fonts"
            fonts.mkdir()
            for i, face in enumerate(font.faces):
                link = fonts / f"{i:02d}{Path(face.path).suffix.lower()}"
                try:
                    link.symlink_to(Path(face.path).resolve())
                except OSError:
                    shutil.copyfile(face.path, link)
        yield captions, fonts


def video_filter(
    style: Style, font: FontChoice, media: MediaInfo, captions: Path, fonts: Path | None
) -> str:
    width, height = media.width // 2 * 2, media.height // 2 * 2
    burn = subtitles_filter(captions, fonts, force_style(style, font.family, width, height))
    crop = even_crop(media)
    return f"{crop},{burn}" if crop else burn


def even_crop(media: MediaInfo) -> str | None:
    """x264's yuv420p needs even sizes: an odd picture loses its last row/column."""
    width, height = media.width // 2 * 2, media.height // 2 * 2
    if (width, height) == (media.width, media.height):
        return None
    return f"crop={width}:{height}:0:0"


def audio_copyable(media: MediaInfo, output: Path) -> bool:
    """Whether OUTPUT's container can hold the source audio as it is."""
    ext = output.suffix.lower()
    codec = media.audio_codec or ""
    if ext == ".mkv":
        return True
    if ext == ".mov":
        return codec in _MOV_AUDIO or codec.startswith("pcm_")
    return codec in _MP4_AUDIO


class FontWatch:
    """Reads ffmpeg's log as it streams: the face libass used, and glyphs it drew nowhere.

    The log repeats a missing glyph on every frame, so it is watched line by line
    rather than searched in the tail kept for error messages.
    """

    def __init__(self, forward: Callable[[str], None] | None) -> None:
        self.forward = forward
        self.face: str | None = None
        self.undrawn: dict[str, None] = {}

    def __call__(self, line: str) -> None:
        missing = _NO_FALLBACK.search(line)
        if missing:
            self.undrawn.setdefault(chr(int(missing.group(1), 16)))
        elif self.face is None:
            used = _FONT_USED.search(line)
            if used:
                self.face = used.group(2)
        if self.forward is not None:
            self.forward(line)

    def verdict(self, font: FontChoice) -> tuple[str, ...]:
        """Raise when letters were left out; warn about left-out symbols."""
        letters = "".join(ch for ch in self.undrawn if unicodedata.category(ch)[0] in "LN")
        if letters:
            raise DependencyError(
                f"libass found no font to draw {letters!r} (font {font.family!r})",
                hint="pass --font or --fonts-dir with a font that has these letters",
            )
        if not self.undrawn:
            return ()
        return (f"no installed font has {''.join(self.undrawn)!r}: left out of the picture",)
