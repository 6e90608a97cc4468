"""Shared measures of cue text, so that checks and fixes count the same way."""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

from ..tags import strip_tags

__all__ = [
    "char_count",
    "cps_over",
    "min_ms_for_cps",
    "min_ms_for_rate",
    "plain",
    "rate_over",
    "word_count",
]


def plain(text: str) -> str:
    """Visible text; the fast path matters on 20,000-cue files."""
    if "<" not in text and "{" not in text:
        return text
    return strip_tags(text)


def char_count(text: str) -> int:
    """Netflix counting: every visible character incl. spaces and punctuation, tags
    excluded; a line break counts as one character (it stands for a space)."""
    return len(plain(text))


def word_count(text: str) -> int:
    return len(plain(text).split())


@lru_cache(maxsize=64)
def _exact(limit: float) -> Fraction:
    """The decimal the profile wrote (16.4, not the float just below it)."""
    return Fraction(repr(limit))


def rate_over(count: int, unit_ms: int, duration_ms: int, limit: float) -> bool:
    """True when ``count`` items per ``unit_ms`` shown for ``duration_ms`` exceed ``limit``
    (compared in integers, so checks and fixes agree to the millisecond and a cue
    exactly at a decimal limit passes: 123 characters in 7500 ms is 16.4 cps)."""
    exact = _exact(limit)
    return count * unit_ms * exact.denominator > exact.numerator * duration_ms


def cps_over(chars: int, duration_ms: int, max_cps: float) -> bool:
    return rate_over(chars, 1000, duration_ms, max_cps)


def min_ms_for_rate(count: int, unit_ms: int, limit: float) -> int:
    """Shortest whole-ms duration at which ``count`` per ``unit_ms`` is within ``limit``."""
    if limit <= 0:
        return 0
    ms = math.ceil(count * unit_ms / limit)
    while rate_over(count, unit_ms, ms, limit):
        ms += 1
    while ms > 0 and not rate_over(count, unit_ms, ms - 1, limit):
        ms -= 1
    return ms


def min_ms_for_cps(chars: int, max_cps: float) -> int:
    return min_ms_for_rate(chars, 1000, max_cps)
