"""Timing rules: reading speed, durations, gaps, overlaps and cue order."""

from __future__ import annotations

from ..model import Track
from .findings import Finding, Severity
from .profiles import Profile
from .text import char_count, cps_over, rate_over, word_count

__all__ = [
    "cue_order",
    "in_order",
    "max_duration",
    "min_duration",
    "min_gap",
    "overlap",
    "reading_speed",
    "words_per_minute",
]


def in_order(track: Track, i: int) -> bool:
    """Whether cue ``i + 1`` starts no earlier than cue ``i`` (0-based ``i``)."""
    return track.cues[i + 1].start >= track.cues[i].start


def reading_speed(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    out = []
    for n, cue in enumerate(track.cues, 1):
        d = cue.end - cue.start
        if d <= 0:
            continue  # zero-length cues are reported by min-duration
        chars = char_count(cue.text)
        if cps_over(chars, d, p.max_cps):
            cps = chars * 1000 / d
            out.append(
                Finding(
                    n,
                    "reading-speed",
                    sev,
                    f"{cps:.1f} characters per second ({chars} characters in {d} ms)",
                    round(cps, 2),
                    p.max_cps,
                )
            )
    return out


def words_per_minute(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    if p.max_wpm is None:
        return []
    out = []
    for n, cue in enumerate(track.cues, 1):
        d = cue.end - cue.start
        words = word_count(cue.text)
        if d > 0 and rate_over(words, 60_000, d, p.max_wpm):
            wpm = words * 60_000 / d
            out.append(
                Finding(
                    n,
                    "words-per-minute",
                    sev,
                    f"{wpm:.0f} words per minute ({words} words in {d} ms)",
                    round(wpm, 1),
                    p.max_wpm,
                )
            )
    return out


def _durations(track: Track, rule: str, sev: Severity, limit: int, sign: int) -> list[Finding]:
    """Cues shown shorter (``sign`` -1) or longer (+1) than ``limit`` ms."""
    return [
        Finding(n, rule, sev, f"shown for {c.end - c.start} ms", c.end - c.start, limit)
        for n, c in enumerate(track.cues, 1)
        if (c.end - c.start - limit) * sign > 0
    ]


def min_duration(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    return _durations(track, "min-duration", sev, p.min_duration_ms, -1)


def max_duration(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    return _durations(track, "max-duration", sev, p.max_duration_ms, 1)


def cue_order(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    cues = track.cues
    return [
        Finding(
            i + 2,
            "order",
            sev,
            f"starts {cues[i].start - cues[i + 1].start} ms before cue {i + 1}, which precedes it",
            cues[i + 1].start,
            cues[i].start,
        )
        for i in range(len(cues) - 1)
        if not in_order(track, i)
    ]


def overlap(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    cues = track.cues
    out = []
    for i in range(len(cues) - 1):
        cur, nxt = cues[i], cues[i + 1]
        if in_order(track, i) and nxt.start < cur.end:
            out.append(
                Finding(
                    i + 1,
                    "overlap",
                    sev,
                    f"overlaps cue {i + 2} by {cur.end - nxt.start} ms",
                    cur.end - nxt.start,
                    0,
                )
            )
    return out


def min_gap(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    cues = track.cues
    need = p.min_gap_ms
    out = []
    for i in range(len(cues) - 1):
        gap = cues[i + 1].start - cues[i].end
        if 0 <= gap < need and in_order(track, i):
            out.append(
                Finding(
                    i + 1,
                    "min-gap",
                    sev,
                    f"{gap} ms ({p.frames(gap)} frames at {float(p.fps):g} fps) "
                    f"before cue {i + 2}; at least {need} ms needed",
                    p.frames(gap),
                    p.min_gap_frames,
                )
            )
    return out
