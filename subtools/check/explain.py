"""Why a finding is still there after ``fix``: the note a person reads next to it."""

from __future__ import annotations

from ..linebreak import speaker_turns
from ..model import Track
from .findings import Finding
from .fix import FixOptions, needed_ms
from .profiles import Profile
from .restructure import split_refusal
from .text import plain

__all__ = ["explain"]

_FIXED_ELSEWHERE = "no automatic fix for this rule"


def explain(f: Finding, track: Track, p: Profile, options: FixOptions | None = None) -> str:
    options = options or FixOptions()
    if f.cue is None:
        return "the whole track is in another language than the profile expects"
    cue = track.cues[f.cue - 1]
    nxt = track.cues[f.cue] if f.cue < len(track.cues) else None
    rule = f.rule
    if rule in ("reading-speed", "min-duration", "words-per-minute"):
        need = needed_ms(cue.text, p)
        free = nxt.start - p.min_gap_ms - cue.start if nxt is not None else None
        if nxt is not None and nxt.start < cue.start:
            room = "the next cue is out of order"
        elif free is not None and free < p.max_duration_ms:
            room = f"only {max(0, free)} ms until the next cue"
        else:
            room = f"the maximum duration is {p.max_duration_ms} ms"
        tail = "" if options.merge_short else "; --merge-short may help"
        return f"needs {need} ms but {room}: shorten the text or retime{tail}"
    if options.split_long and rule in ("line-length", "line-count", "max-duration"):
        lang = track.language or p.language or "en"
        refusal = split_refusal(cue, p, lang)
        if refusal is not None:
            return refusal
    if rule in ("line-length", "line-count"):
        if len(speaker_turns(cue.text)) > 1:
            return "dialogue lines keep one speaker per line: shorten or split by hand"
        longest = max(plain(cue.text).split(), key=len, default="")
        if len(longest) > p.max_chars_per_line:
            return f'the word "{longest}" alone is longer than a line'
        tail = "" if options.split_long else " (--split-long may help)"
        return (
            f"the text does not fit in {p.max_lines} lines of {p.max_chars_per_line}: "
            f"shorten it{tail}"
        )
    if rule == "max-duration":
        tail = "" if options.split_long else " (--split-long may help)"
        return f"trimming to {p.max_duration_ms} ms would make it too fast to read: split it{tail}"
    if rule in ("overlap", "min-gap"):
        if nxt is not None and nxt.start - p.min_gap_ms <= cue.start:
            return "the next cue starts (almost) at the same time: retime one of them"
        return "the cues are out of order: retime first"
    if rule == "order":
        return "the cue starts before the previous one: check which time is wrong"
    if rule == "tags":
        return "where the tag should close is a matter of meaning: fix the markup by hand"
    if rule == "untranslated":
        return "translate this cue (or confirm it is meant to stay in the original language)"
    if rule == "line-break":
        return "no better break fits the limits"
    return _FIXED_ELSEWHERE
