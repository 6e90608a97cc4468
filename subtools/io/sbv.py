"""YouTube SBV and SubViewer 2 (``.sbv``, ``.sub``): ``start,end`` then text lines.

Both write ``H:MM:SS.fff,H:MM:SS.fff`` on a line of its own; SubViewer puts a
header in brackets first and writes line breaks as ``[br]``. Small enough to
read here, line by line, so every repair names its line.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Cue, Track
from .notices import Notice
from .timing import timing_span

__all__ = ["parse_sbv"]

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:\.(\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*,\s*{_TIME}\s*$")
_LOOSE = re.compile(r"^\s*-?\d+:\S*\s*,\s*-?\d*:\S*\s*$")
_HEADER = re.compile(r"^\s*\[[A-Z ]+\]")


def parse_sbv(text: str, path: str | None) -> tuple[Track, list[Notice]]:
    notices: list[Notice] = []
    cues: list[Cue] = []
    current: tuple[int, int, int] | None = None  # line, start, end
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        joined = "\n".join(body)
        if not joined:
            notices.append(Notice(path, current[0], "empty cue kept"))
        cues.append(Cue(current[1], current[2], joined))

    skipping = False  # inside a cue whose timing line could not be read
    for n, raw in enumerate(text.split("\n"), 1):
        m = _TIMING.match(raw)
        if m or _LOOSE.match(raw):
            close()
            current, body, skipping = None, [], True
            try:
                if not m:
                    raise InputError("unreadable timing line")
                start, end = timing_span(m.groups(), raw, path, n)
            except InputError as exc:  # one bad cue does not cost the file
                notices.append(Notice(path, n, f"{exc.message}, cue skipped: {raw.strip()!r}"))
                continue
            current, skipping = (n, start, end), False
            continue
        if not raw.strip():
            close()
            current, body, skipping = None, [], False
            continue
        if current is not None:
            body.extend(part.strip() for part in re.split(r"\[br\]", raw, flags=re.I))
        elif not skipping and not _HEADER.match(raw):
            notices.append(Notice(path, n, f"text outside any cue skipped: {raw.strip()[:40]!r}"))
    close()
    if not cues:
        raise InputError(
            "no subtitle cues found (no timing line like '0:00:01.000,0:00:02.000')", path=path
        )
    return Track(tuple(cues), source=path), notices
