"""WebVTT (.vtt): header, NOTE/STYLE/REGION blocks, cue ids and settings, entities."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import InputError
from ..model import Cue
from ..timecode import format_vtt
from .notices import Notice

__all__ = ["parse_vtt", "write_vtt"]

_TIME = r"(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+(.*))?$")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e",
             "&rlm;": "\u200f"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))
# '<' that does not open a tag must be escaped on output; real tags stay as they are.
_BARE_LT = re.compile(r"<(?!/?(?:[a-z]+|\d{2}:)[^<>]*>)")


def _ms(h: str | None, m: str, s: str, f: str) -> int:
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(f)


def parse_vtt(text: str, path: str | None = None) -> tuple[list[Cue], list[Notice]]:
    notices: list[Notice] = []
    lines = text.split("\n")
    if not lines[0].lstrip(" \t").startswith("WEBVTT"):
        raise InputError("not a WebVTT file: the first line must start with WEBVTT",
                         path=path, line=1, value=lines[0][:40])
    cues: list[Cue] = []
    settings_seen = False
    i, n = 1, len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        while i < n and lines[i].strip():
            i += 1
        block = lines[block_start:i]
        first = block[0].strip()
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            if block_start == 1 or (block_start > 1 and not cues and ":" in first):
                continue  # header metadata lines (Kind:, Language:) after WEBVTT
            raise InputError("cue without a timing line", path=path, line=block_start + 1,
                             value=first[:60])
        line_no = block_start + timing_at + 1
        m = _TIMING.match(block[timing_at])
        if not m:
            raise InputError("bad timing line", path=path, line=line_no,
                             value=block[timing_at].strip())
        g = m.groups()
        for clock in (g[0:4], g[4:8]):
            if int(clock[1]) >= 60 or int(clock[2]) >= 60:
                raise InputError("bad timestamp: minutes and seconds must be below 60",
                                 path=path, line=line_no, value=block[timing_at].strip())
        start, end = _ms(*g[0:4]), _ms(*g[4:8])
        if end < start:
            raise InputError("cue ends before it starts", path=path, line=line_no,
                             value=block[timing_at].strip())
        if g[8] and g[8].strip() and not settings_seen:
            settings_seen = True
            notices.append(Notice(path, line_no, f"cue settings not kept: {g[8].strip()!r}"))
        body = "\n".join(t.rstrip() for t in block[timing_at + 1 :])
        cues.append(Cue(start, end, _ENTITY.sub(lambda e: _ENTITIES[e.group()], body)))
    return cues, notices


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;")
    return _BARE_LT.sub("&lt;", text).replace("-->", "--&gt;")


def write_vtt(cues: Iterable[Cue]) -> str:
    parts = ["WEBVTT\n"]
    for c in cues:
        body = "\n".join(line for line in _escape(c.text).split("\n") if line.strip())
        parts.append(f"\n{format_vtt(c.start)} --> {format_vtt(c.end)}\n{body}\n")
    return "".join(parts)
