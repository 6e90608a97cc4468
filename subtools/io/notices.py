"""Warnings about repairs a reader made: data, not exceptions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError
from ..model import Cue

__all__ = ["Notice", "refuse_nul"]


@dataclass(frozen=True, slots=True)
class Notice:
    """A repair or oddity in an input file, reported so nothing changes silently."""

    path: str | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


def refuse_nul(cues: Iterable[Cue]) -> None:
    """A NUL cannot be written in a caption file (the readers take it for binary data)."""
    for n, c in enumerate(cues, 1):
        if "\x00" in c.text:
            raise InputError(
                f"cue {n}: its text holds a NUL character, which a caption file cannot carry",
                value=c.text[:60],
            )
