"""What every command shares: exit codes, error handling, JSON output and options.

Options used by several commands are declared here once (typer ``Annotated``
aliases), so a command module only names them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from subtools.errors import SubtoolsError

__all__ = [
    "EXIT_ERROR",
    "EXIT_PROBLEMS",
    "Encoding",
    "InPath",
    "JsonFlag",
    "StderrBar",
    "fail",
    "handle_errors",
    "print_json",
    "warn",
]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_PROBLEMS = 1  # a check ran and found problems
EXIT_ERROR = 2  # could not run: bad input, missing dependency, bug


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one ``error:`` line and exit code 2; never a traceback.

    It also sets up what every command needs around its work: the files it reads
    are protected from being overwritten by its outputs, and SIGTERM/SIGHUP
    clean up like Ctrl-C (temporary files removed, ffmpeg stopped).
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from subtools.io.files import protect_inputs
        from subtools.procs import Interrupted, stop_signals_interrupt

        try:
            with stop_signals_interrupt(), protect_inputs():
                return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except SubtoolsError as exc:
            raise fail(str(exc)) from None
        except Interrupted as exc:
            raise fail(f"interrupted ({exc})") from None
        except KeyboardInterrupt:
            raise fail("interrupted") from None
        except Exception as exc:  # a bug: still no traceback for the user
            raise fail(f"internal error: {type(exc).__name__}: {exc}; please report it") from None

    return wrapper


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(messages: Iterable[object]) -> None:
    for m in messages:
        typer.echo(f"warning: {m}", err=True)


InPath = Annotated[Path, typer.Argument(help="Input caption file (.srt, .vtt, .json).")]
Encoding = Annotated[
    str | None, typer.Option("--encoding", help="Input encoding; detected when omitted.")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


class StderrBar:
    """A progress bar on stderr, shown only on a terminal and only for long runs.

    It starts on the first update with ``total >= min_total`` so that short runs,
    whose size is known only once the work starts, print nothing.
    """

    def __init__(self, label: str, min_total: int, enabled: bool) -> None:
        from rich.console import Console

        self.label = label
        self.min_total = min_total
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_total:
            return
        if self.bar is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(self.label),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
