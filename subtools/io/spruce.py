"""Spruce STL (text ``.stl`` of DVD Studio Pro): ``HH:MM:SS:FF , HH:MM:SS:FF , text``.

Not EBU STL (binary): the two share the extension. Frames count at 25 per
second unless ``--fps`` says otherwise; ``|`` breaks a line; ``$`` lines set
the look (not kept, reported) and ``//`` lines are comments.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Cue, Track
from .notices import Notice

__all__ = ["looks_like_spruce", "parse_spruce"]

_LINE = re.compile(
    r"^\s*(\d{2}):(\d{2}):(\d{2}):(\d{2})\s*,\s*(\d{2}):(\d{2}):(\d{2}):(\d{2})\s*,\s?(.*)$"
)
_DEFAULT_FPS = 25.0


def looks_like_spruce(text: str) -> bool:
    return any(_LINE.match(line) for line in text.split("\n", 40)[:40])


def _ms(parts: tuple[str, ...], fps: float) -> int:
    h, m, s, f = (int(p) for p in parts)
    return round(((h * 60 + m) * 60 + s) * 1000 + f * 1000 / fps)


def parse_spruce(text: str, path: str | None, fps: float | None) -> tuple[Track, list[Notice]]:
    rate = fps or _DEFAULT_FPS
    notices: list[Notice] = []
    if fps is None:
        notices.append(
            Notice(path, None, "Spruce STL frames read at 25 per second (--fps to change)")
        )
    cues: list[Cue] = []
    settings = False
    for n, raw in enumerate(text.split("\n"), 1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        if raw.lstrip().startswith("$"):
            settings = True
            continue
        m = _LINE.match(raw)
        if not m:
            notices.append(Notice(path, n, f"line skipped: {raw.strip()[:40]!r}"))
            continue
        g = m.groups()
        start, end = _ms(g[0:4], rate), _ms(g[4:8], rate)
        if end < start:
            notices.append(Notice(path, n, "cue ends before it starts, skipped"))
            continue
        body = "\n".join(part.strip() for part in g[8].split("|"))
        cues.append(Cue(start, end, body))
    if settings:
        notices.append(Notice(path, None, "$ settings (font, size, alignment) not kept"))
    if not cues:
        raise InputError("no subtitle cues found in this Spruce STL file", path=path)
    return Track(tuple(cues), source=path), notices
