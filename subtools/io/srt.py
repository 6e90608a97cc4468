"""SubRip (.srt): a structural pre-scan that guards pysrt, then pysrt itself.

pysrt silently merges a cue into the previous one when a blank line is missing
and reads a broken timestamp as 00:00:00,000. The pre-scan finds every timing
line, validates it, and rebuilds a canonical text (index, timing, text, blank
line) that pysrt cannot misread; pysrt then parses that text and its result is
checked against the pre-scan, cue for cue.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from ..errors import InputError, InternalError
from ..model import Cue
from ..timecode import format_srt
from .notices import Notice

__all__ = ["parse_srt", "write_srt"]

# Hours optional, ',' or '.' (or ':') before milliseconds, 1-3 ms digits;
# anything after the end time (SSA-style coordinates) is ignored.
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(.*)$")
# Looks like a timing line (digits, then an arrow) even if it is broken.
_LOOSE = re.compile(r"^[ \t]*\d+[:.,;]\S*[ \t]*(?:-->|->|—>|- ->)")
_INDEX = re.compile(r"^[ \t]*\d+[ \t]*$")


def _ms(h: str | None, m: str, s: str, frac: str | None) -> int:
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int((frac or "0").ljust(3, "0"))


def _check_clock(groups: tuple[str | None, ...], raw: str, path: str | None, line: int) -> None:
    h, m, s, frac = groups
    if int(m) >= 60 or int(s) >= 60:
        raise InputError("bad timestamp: minutes and seconds must be below 60",
                         path=path, line=line, value=raw)


def _scan(lines: list[str], path: str | None, notices: list[Notice]) -> list[tuple[int, int, int, list[str]]]:
    """Return (line_no, start, end, text_lines) per cue, from timing lines."""
    timings: list[tuple[int, int, int]] = []
    for i, raw in enumerate(lines):
        if "-->" not in raw and not _LOOSE.match(raw):
            continue
        m = _TIMING.match(raw)
        if not m and not _LOOSE.match(raw) and not raw.lstrip()[:1].isdigit():
            continue  # an arrow inside cue text, not a timing line
        if not m:
            raise InputError("bad timing line", path=path, line=i + 1, value=raw.strip())
        g = m.groups()
        _check_clock(g[0:4], raw.strip(), path, i + 1)
        _check_clock(g[4:8], raw.strip(), path, i + 1)
        start, end = _ms(*g[0:4]), _ms(*g[4:8])
        if end < start:
            raise InputError("cue ends before it starts", path=path, line=i + 1, value=raw.strip())
        if any(f is not None and len(f) < 3 for f in (g[3], g[7])):
            notices.append(Notice(path, i + 1, f"short milliseconds read as a fraction: {raw.strip()!r}"))
        timings.append((i, start, end))
    cues = []
    for k, (i, start, end) in enumerate(timings):
        stop = timings[k + 1][0] if k + 1 < len(timings) else len(lines)
        body = lines[i + 1 : stop]
        if k + 1 < len(timings) and body and _INDEX.match(body[-1]):
            body = body[:-1]  # the next cue's number
            if body and body[-1].strip():
                notices.append(Notice(path, stop, "missing blank line before this cue: split"))
        elif k + 1 < len(timings) and body and body[-1].strip():
            notices.append(Notice(path, stop + 1, "missing blank line and number before this cue: split"))
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        if any(not b.strip() for b in body):
            notices.append(Notice(path, i + 2, "blank line inside cue text: removed"))
            body = [b for b in body if b.strip()]
        cues.append((i + 1, start, end, [b.rstrip() for b in body]))
    head = lines[: timings[0][0]] if timings else lines
    junk = [t for t in head if t.strip() and not _INDEX.match(t)]
    if junk:
        raise InputError("text before the first cue", path=path, line=head.index(junk[0]) + 1,
                         value=junk[0].strip()[:60])
    return cues


def parse_srt(text: str, path: str | None = None) -> tuple[list[Cue], list[Notice]]:
    import pysrt  # light, but only the SRT path needs it

    notices: list[Notice] = []
    lines = text.split("\n")
    scanned = _scan(lines, path, notices)
    if not scanned:
        raise InputError("no subtitle cues found", path=path)
    # The canonical text keeps every line that pysrt must not misread away from
    # it: a cue text line that is only digits, or that looks like a timing line.
    canonical = "".join(
        f"{n}\n{format_srt(s)} --> {format_srt(e)}\n" + "".join(t + "\n" for t in body) + "\n"
        for n, (_, s, e, body) in enumerate(scanned, 1)
    )
    items = pysrt.from_string(canonical, error_handling=pysrt.ERROR_RAISE)
    if len(items) != len(scanned):
        raise InternalError("pysrt disagrees with the pre-scan", path=path,
                            value=(len(items), len(scanned)))
    cues = []
    for item, (line, start, end, body) in zip(items, scanned, strict=True):
        if item.start.ordinal != start or item.end.ordinal != end:
            raise InternalError("pysrt read different times", path=path, line=line)
        cue_text = "\n".join(body)
        if not cue_text:
            notices.append(Notice(path, line, "empty cue kept"))
        cues.append(Cue(start, end, cue_text))
    return cues, notices


def write_srt(cues: Iterable[Cue]) -> str:
    import pysrt

    out = io.StringIO()
    items = pysrt.SubRipFile(
        [pysrt.SubRipItem(n, pysrt.SubRipTime.from_ordinal(c.start),
                          pysrt.SubRipTime.from_ordinal(c.end), c.text)
         for n, c in enumerate(cues, 1)]
    )
    items.write_into(out, eol="\n")
    return out.getvalue()
