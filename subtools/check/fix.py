"""Word-preserving fixes: re-break lines, drop empty cues, trim overlaps, enforce the
minimum gap, extend short or fast cues into free time, trim over-long cues, and
(only when asked) split long cues or merge short ones.

No fix changes, adds or drops a word: the sequence of visible words of the whole
track is compared before and after, and a difference is a bug (InternalError).
In-times are never moved, because they follow the speech; only out-times move.
Every change is reported as a ``Change`` value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InternalError
from ..linebreak import break_lines
from ..model import Cue, Track
from ..timecode import format_srt
from .layout import better_break
from .profiles import Profile
from .text import char_count, min_ms_for_cps, min_ms_for_rate, plain, word_count

__all__ = [
    "Change",
    "FixOptions",
    "FixResult",
    "Item",
    "fits",
    "fix_track",
    "needed_ms",
    "overflow",
    "span",
]


@dataclass(frozen=True, slots=True)
class FixOptions:
    split_long: bool = False
    merge_short: bool = False
    merge_max_gap_ms: int = 1000  # never merge across a longer silence


@dataclass(frozen=True, slots=True)
class Change:
    """One edit: ``cue`` is the cue number in the input file."""

    cue: int
    fix: str
    message: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue,
            "fix": self.fix,
            "message": self.message,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class FixResult:
    track: Track
    changes: tuple[Change, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Item:
    """A cue during fixing, with the input cue number it came from."""

    origin: int
    cue: Cue


Log = Callable[[Change], None]


def span(cue: Cue) -> str:
    return f"{format_srt(cue.start)} --> {format_srt(cue.end)}"


def overflow(text: str, p: Profile) -> tuple[int, int]:
    """(lines over the limit, characters over the limit): (0, 0) when the text fits."""
    lines = plain(text).split("\n")
    return max(0, len(lines) - p.max_lines), sum(
        max(0, len(x) - p.max_chars_per_line) for x in lines
    )


def fits(text: str, p: Profile) -> bool:
    return overflow(text, p) == (0, 0)


def needed_ms(text: str, p: Profile) -> int:
    """The shortest duration the enabled rules accept for ``text``."""
    need = p.min_duration_ms if p.severity("min-duration", "error") else 0
    if p.severity("reading-speed", "error"):
        need = max(need, min_ms_for_cps(char_count(text), p.max_cps))
    if p.max_wpm and p.severity("words-per-minute", "warning"):
        need = max(need, min_ms_for_rate(word_count(text), 60_000, p.max_wpm))
    return need


def _words(cues: Any) -> list[str]:
    return [w for c in cues for w in plain(c.text).split()]


def fix_track(track: Track, profile: Profile, options: FixOptions = FixOptions()) -> FixResult:
    from .restructure import merge_short, split_long

    lang = track.language or profile.language or "en"
    changes: list[Change] = []
    log: Log = changes.append
    items = [Item(n, c) for n, c in enumerate(track.cues, 1)]
    items = _drop_empty(items, log)
    items = _rebreak(items, profile, lang, log)
    if options.split_long:
        items = split_long(items, profile, lang, log)
    items = _fix_timing(items, profile, log)
    if options.merge_short:
        items = merge_short(items, profile, lang, options.merge_max_gap_ms, log)
        items = _fix_timing(items, profile, log)
    fixed = track.with_cues(i.cue for i in items)
    if _words(track.cues) != _words(fixed.cues):
        raise InternalError("a fix changed the words of the track")
    # Sorted by cue (stable, so one cue's changes stay in the order they were made).
    return FixResult(fixed, tuple(sorted(changes, key=lambda c: c.cue)))


def _drop_empty(items: list[Item], log: Log) -> list[Item]:
    kept = []
    for it in items:
        if plain(it.cue.text).strip():
            kept.append(it)
        else:
            log(
                Change(
                    it.origin, "drop-empty", "removed a cue without visible text", span(it.cue), ""
                )
            )
    return kept


def _rebreak(items: list[Item], p: Profile, lang: str, log: Log) -> list[Item]:
    out = []
    for it in items:
        text = it.cue.text
        if fits(text, p) and better_break(text, p, lang) is None:
            out.append(it)
            continue
        new = break_lines(text, p.max_chars_per_line, p.max_lines, lang)
        if new != text and overflow(new, p) <= overflow(text, p):
            log(
                Change(
                    it.origin,
                    "rebreak",
                    "re-broke lines" if fits(new, p) else "re-broke lines (still too long)",
                    text,
                    new,
                )
            )
            it = Item(it.origin, it.cue.with_text(new))
        out.append(it)
    return out


def _fix_timing(items: list[Item], p: Profile, log: Log) -> list[Item]:
    gap = p.min_gap_ms
    out = list(items)
    for i, it in enumerate(out):
        cue = it.cue
        nxt = out[i + 1].cue if i + 1 < len(out) else None
        # Out of order: a person must decide which time is wrong, so the out-time
        # only moves for the cue's own limit (max duration).
        out_of_order = nxt is not None and nxt.start < cue.start
        limit = nxt.start - gap if nxt is not None and not out_of_order else None
        end = cue.end
        if limit is not None and end > limit and limit > cue.start:
            kind = "trim-overlap" if nxt is not None and end > nxt.start else "close-gap"
            what = "overlap with the next cue" if kind == "trim-overlap" else "too small a gap"
            end = _move(out, i, end, limit, kind, f"out-time moved earlier: {what}", log)
        need = needed_ms(cue.text, p)
        if end - cue.start < need and not out_of_order:
            target = cue.start + need
            if p.severity("max-duration", "error"):
                target = min(target, cue.start + p.max_duration_ms)
            if limit is not None:
                target = min(target, limit)
            if target > end:
                end = _move(
                    out,
                    i,
                    end,
                    target,
                    "extend",
                    "out-time moved later into free time (too short or too fast)",
                    log,
                )
        if p.severity("max-duration", "error") and end - cue.start > p.max_duration_ms:
            target = cue.start + p.max_duration_ms
            if target - cue.start >= need:
                end = _move(
                    out, i, end, target, "trim-long", "out-time moved earlier: too long", log
                )
    return out


def _move(
    items: list[Item], i: int, old_end: int, new_end: int, kind: str, message: str, log: Log
) -> int:
    it = items[i]
    before = it.cue.with_times(it.cue.start, old_end)
    after = it.cue.with_times(it.cue.start, new_end)
    items[i] = Item(it.origin, after)
    log(Change(it.origin, kind, message, span(before), span(after)))
    return new_end
