"""The library's exceptions, grouped by what the user has to do about them.

Every error names the thing it is about (file, line, value) so that the CLI can
print one line that points the user at the cause without a traceback.
"""

from __future__ import annotations

__all__ = [
    "DependencyError",
    "ExternalToolError",
    "InputError",
    "InternalError",
    "SubtoolsError",
]


class SubtoolsError(Exception):
    """Root of every error this library raises on purpose."""

    hint: str = ""

    def __init__(
        self,
        message: str,
        *,
        path: object | None = None,
        line: int | None = None,
        value: object | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.value = value
        if hint is not None:
            self.hint = hint

    def about(self, path: object) -> SubtoolsError:
        """This error, naming ``path`` if it names no file yet (the caller knows which)."""
        if self.path is None:
            self.path = str(path)
        return self

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        text = where + self.message
        if self.value is not None:
            text += f" ({self.value!r})" if isinstance(self.value, str) else f" ({self.value})"
        if self.hint:
            text += f"; {self.hint}"
        return text


class InputError(SubtoolsError):
    """The input (a file, an option value) is wrong: the user must fix it."""


class DependencyError(SubtoolsError):
    """Something must be installed first (a translation model, ffmpeg, a font)."""


class ExternalToolError(SubtoolsError):
    """An external program (ffmpeg) ran and failed; its last words are in the message."""


class InternalError(SubtoolsError):
    """A bug in subtools: the user should report it."""

    hint = "this is a bug in subtools, please report it"
