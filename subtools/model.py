"""The caption model: timed cues in integer milliseconds, grouped in a track.

Pure values: no I/O, no third-party imports. Every edit returns a new object,
so a track read from disk can be shared between steps without copying.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import overload

from .errors import InputError

__all__ = ["Cue", "Track"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: shown from ``start`` to ``end`` (ms, end exclusive)."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if type(self.start) is not int or type(self.end) is not int:  # a bool is no time
            raise InputError("cue times must be integer milliseconds", value=(self.start, self.end))
        if self.start < 0:
            raise InputError("cue starts before 0", value=self.start)
        if self.end < self.start:
            raise InputError("cue ends before it starts", value=(self.start, self.end))

    @property
    def duration(self) -> int:
        return self.end - self.start

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def with_text(self, text: str) -> Cue:
        return Cue(self.start, self.end, text)

    def with_times(self, start: int, end: int) -> Cue:
        return Cue(start, end, self.text)

    def shifted(self, ms: int) -> Cue:
        return Cue(self.start + ms, self.end + ms, self.text)


@dataclass(frozen=True, slots=True)
class Track:
    """An ordered sequence of cues with the language and origin of the text.

    ``language`` is an ISO 639-1 code or None when unknown; ``source`` says where
    the track came from (a path, "translation of ...") for reports.
    """

    cues: tuple[Cue, ...] = ()
    language: str | None = None
    source: str | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.cues, tuple):
            object.__setattr__(self, "cues", tuple(self.cues))

    def __len__(self) -> int:
        return len(self.cues)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.cues)

    @overload
    def __getitem__(self, index: int) -> Cue: ...
    @overload
    def __getitem__(self, index: slice) -> Track: ...
    def __getitem__(self, index: int | slice) -> Cue | Track:
        if isinstance(index, slice):
            return replace(self, cues=self.cues[index])
        return self.cues[index]

    @property
    def start(self) -> int:
        return min((c.start for c in self.cues), default=0)

    @property
    def end(self) -> int:
        return max((c.end for c in self.cues), default=0)

    @property
    def duration(self) -> int:
        return self.end - self.start if self.cues else 0

    @property
    def text(self) -> str:
        """All cue texts joined by newlines (what language detection reads)."""
        return "\n".join(c.text for c in self.cues)

    def with_cues(self, cues: Iterable[Cue]) -> Track:
        return replace(self, cues=tuple(cues))

    def with_language(self, language: str | None) -> Track:
        return replace(self, language=language)

    def with_source(self, source: str | None) -> Track:
        return replace(self, source=source)

    def map_text(self, fn: Callable[[str], str]) -> Track:
        return self.with_cues(c.with_text(fn(c.text)) for c in self.cues)

    def shifted(self, ms: int) -> Track:
        return self.with_cues(c.shifted(ms) for c in self.cues)

    def sorted(self) -> Track:
        return self.with_cues(sorted(self.cues, key=lambda c: (c.start, c.end)))
