"""The checks every caption format makes on a parsed timing line."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..timecode import clock_ms

__all__ = ["MAX_HOUR_DIGITS", "timing_span"]

# 9,999 hours is over a year of video; a longer hour field is damage, and turning
# thousands of digits into a number is refused by Python itself.
MAX_HOUR_DIGITS = 4


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def timing_span(
    groups: Sequence[str | None], raw: str, path: str | None, line: int
) -> tuple[int, int]:
    """(start, end) ms from a timing line's (h, m, s, fraction) groups for start and end.

    Minutes and seconds must be below 60 and the end not before the start:
    readers that wrap around (pysrt) would silently move the cue.
    """
    for clock in (groups[0:4], groups[4:8]):
        if len(clock[0] or "") > MAX_HOUR_DIGITS:
            raise InputError(
                f"bad timestamp: more than {MAX_HOUR_DIGITS} hour digits",
                path=path,
                line=line,
                value=_short(raw.strip()),
            )
        if int(clock[1] or 0) >= 60 or int(clock[2] or 0) >= 60:
            raise InputError(
                "bad timestamp: minutes and seconds must be below 60",
                path=path,
                line=line,
                value=raw.strip(),
            )
    start = clock_ms(groups[0], groups[1], groups[2] or "0", groups[3])
    end = clock_ms(groups[4], groups[5], groups[6] or "0", groups[7])
    if end < start:
        raise InputError("cue ends before it starts", path=path, line=line, value=raw.strip())
    return start, end
