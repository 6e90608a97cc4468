"""Counts in words: "1 cue", "2 cues" (every message that counts something)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["numbered", "plural"]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 cue", "2 cues", "0 files"; ``many``: an irregular plural."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def numbered(noun: str, numbers: Sequence[int]) -> str:
    """ "cue 3" or "cues 3, 5": a noun before the list of numbers it names."""
    listed = ", ".join(map(str, numbers))
    return f"{noun if len(numbers) == 1 else noun + 's'} {listed}"
