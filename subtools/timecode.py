"""Timecode text <-> integer milliseconds, for SRT, WebVTT and user options."""

from __future__ import annotations

import re

from .errors import InputError

__all__ = [
    "clock_ms",
    "format_seconds",
    "format_signed",
    "format_srt",
    "format_vtt",
    "parse_duration",
]

MS_PER_HOUR = 3_600_000


def _split(ms: int) -> tuple[int, int, int, int]:
    if ms < 0:
        raise InputError("negative time cannot be written", value=ms)
    hours, rest = divmod(ms, MS_PER_HOUR)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return hours, minutes, seconds, millis


def format_srt(ms: int) -> str:
    h, m, s, f = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d},{f:03d}"


def format_vtt(ms: int) -> str:
    h, m, s, f = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d}.{f:03d}"


def format_seconds(ms: int) -> str:
    """Short human form for tables: ``1:02.500`` or ``1:02:03.500``."""
    h, m, s, f = _split(ms)
    return f"{h}:{m:02d}:{s:02d}.{f:03d}" if h else f"{m}:{s:02d}.{f:03d}"


def format_signed(ms: int) -> str:
    """``format_seconds`` for a time that may be negative (``-0:00.500``), for messages."""
    return "-" + format_seconds(-ms) if ms < 0 else format_seconds(ms)


def clock_ms(hours: str | None, minutes: str | None, seconds: str, fraction: str | None) -> int:
    """Milliseconds of a clock reading's parts as written; the fraction is decimal ("5" is 500)."""
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + millis


_CLOCK = re.compile(r"^([-+])?(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$")
_UNITS = re.compile(r"^([-+])?(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$")
_UNIT_MS = {"ms": 1, "s": 1000, None: 1000, "m": 60_000, "min": 60_000, "h": MS_PER_HOUR}


def parse_duration(text: str) -> int:
    """Parse a user-given time or offset: ``-1.5s``, ``250ms``, ``00:01:02,500``, ``1:02.5``."""
    raw = text.strip()
    unit = _UNITS.match(raw)
    if unit:
        sign, number, suffix = unit.groups()
        value = round(float(number) * _UNIT_MS[suffix])
        return -value if sign == "-" else value
    clock = _CLOCK.match(raw)
    if clock and ":" in raw:
        sign, h, m, s, frac = clock.groups()
        if int(s) >= 60 or (m is not None and h is not None and int(m) >= 60):
            raise InputError("minutes and seconds must be below 60", value=text)
        value = clock_ms(h, m, s, frac)
        return -value if sign == "-" else value
    raise InputError(
        "not a time: use seconds (1.5s, -250ms) or a timecode (00:01:02,500)", value=text
    )
