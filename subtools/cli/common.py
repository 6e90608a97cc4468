"""What every command shares: exit codes, error handling, JSON output and options.

Options used by several commands are declared here once (typer ``Annotated``
aliases), so a command module only names them.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

try:  # typer 0.2x carries its own copy of click; older typers use click itself
    from typer._click import core as click_core
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import core as click_core  # type: ignore[no-redef]
    from click import exceptions as click_exc  # type: ignore[no-redef]

from subtools.errors import SubtoolsError
from subtools.wording import plural

__all__ = [
    "EXIT_ERROR",
    "EXIT_PROBLEMS",
    "Encoding",
    "Fps",
    "InPath",
    "JsonFlag",
    "StderrBar",
    "SubtoolsGroup",
    "echo_lines",
    "fail",
    "handle_errors",
    "plural",
    "print_json",
    "shown",
    "warn",
]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_PROBLEMS = 1  # a check ran and found problems
EXIT_ERROR = 2  # could not run: bad input, missing dependency, bug


# Characters a terminal acts on instead of showing: C0 controls but tab and
# newline, DEL, C1 controls (CSI...), and the bidirectional overrides that
# reorder what follows them. Caption and article text may hold any of them
# (one set a terminal's title), so user text is shown with them escaped.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: control characters as ``\\x1b``-style escapes."""
    return _CONTROL.sub(_escape, text)


def echo_lines(lines: Iterable[str], err: bool = False) -> None:
    """Print lines of user text at once (one write, not one per line: 50,000 findings)."""
    text = "\n".join(shown(line) for line in lines)
    if text:
        typer.echo(text, err=err)


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {shown(message)}", err=True)
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


def _commands(cmd: click_core.Command) -> Iterator[click_core.Command]:
    yield cmd
    if isinstance(cmd, TyperGroup):
        for sub in cmd.commands.values():
            yield from _commands(sub)


def _tidy_help(root: click_core.Command) -> None:
    """Help and usage lines that match what a user types, for every command at once.

    A flag takes no value, so its help shows none (typer would print ``<bool>``,
    which invites ``--json true``); an argument is shown by its name in capitals
    in the usage line and in the help alike (typer would use the type, ``{path}``).
    """
    for cmd in _commands(root):
        ctx = click_core.Context(cmd, info_name=cmd.name)
        for param in cmd.get_params(ctx):
            if isinstance(param, TyperOption) and param.is_flag:
                param.metavar = ""
            elif isinstance(param, TyperArgument) and param.metavar is None and param.name:
                param.metavar = param.name.upper()


def _command_path(root: click_core.Command, args: Sequence[str], prog_name: str) -> str:
    """The command that ``args`` name (an error raised while parsing has no context)."""
    path, cmd = [prog_name], root
    for arg in args:
        sub = cmd.commands.get(arg) if isinstance(cmd, TyperGroup) else None
        if sub is None:
            if not arg.startswith("-"):
                break
            continue
        path.append(arg)
        cmd = sub
    return " ".join(path)


def _usage_error(
    exc: click_exc.UsageError, root: click_core.Command, args: Sequence[str], prog_name: str
) -> str:
    text = exc.format_message().strip().rstrip(".")
    text = text[:1].lower() + text[1:]
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else _command_path(root, args, prog_name)
    return f"error: {text}; see '{where} --help'"


class SubtoolsGroup(TyperGroup):
    """The root command: command-line mistakes get one ``error:`` line and exit 2, as
    every other error does (click would draw a box without ``error:``)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        _tidy_help(self)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_exc.NoArgsIsHelpError:
            if not standalone_mode:
                raise
            sys.exit(EXIT_ERROR)  # typer has printed the help
        except click_exc.UsageError as exc:
            if not standalone_mode:
                raise
            argv = sys.argv[1:] if args is None else list(args)
            typer.echo(_usage_error(exc, self, argv, prog_name or "subtools"), err=True)
            sys.exit(EXIT_ERROR)
        except click_exc.ClickException as exc:
            if not standalone_mode:
                raise
            typer.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(EXIT_ERROR)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("error: interrupted", err=True)
            sys.exit(EXIT_ERROR)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(messages: Iterable[object]) -> None:
    echo_lines((f"warning: {m}" for m in messages), err=True)


InPath = Annotated[
    Path,
    typer.Argument(
        help="Input caption file (SRT, WebVTT, ASS, TTML, SCC, ...: `subtools formats`)."
    ),
]
Fps = Annotated[
    float | None,
    typer.Option("--fps", help="Frame rate of a MicroDVD file without a {1}{1}fps line.", min=1.0),
]
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

    def __enter__(self) -> StderrBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
