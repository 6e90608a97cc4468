"""The ``subtools`` command line: a thin typer layer over ``subtools.usecases``.

Heavy modules (argostranslate, torch, ffmpeg) are imported inside the commands
that need them, so ``subtools --help`` stays fast.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from subtools.errors import SubtoolsError

__all__ = ["app", "main"]

app = typer.Typer(
    name="subtools",
    help="Offline toolkit for translated video quotes: captions, quotes, translation, burn-in.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")

EXIT_PROBLEMS = 1  # a check ran and found problems
EXIT_ERROR = 2  # could not run: bad input, missing dependency, bug


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one ``error:`` line and exit code 2; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except SubtoolsError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted") from None
        except Exception as exc:  # a bug: still no traceback for the user
            raise fail(f"internal error: {type(exc).__name__}: {exc}; please report it") from None

    return wrapper


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(messages: Any) -> None:
    for m in messages:
        typer.echo(f"warning: {m}", err=True)


InPath = Annotated[Path, typer.Argument(help="Input caption file (.srt, .vtt, .json).")]
Encoding = Annotated[
    str | None, typer.Option("--encoding", help="Input encoding; detected when omitted.")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


# --- foundation commands ---
@app.command()
@handle_errors
def info(path: InPath, encoding: Encoding = None, as_json: JsonFlag = False) -> None:
    """Describe a caption file: cues, duration, encoding, language."""
    from subtools.timecode import format_seconds
    from subtools.usecases.convert import describe

    result = describe(path, encoding)
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.notices)
    lang = result.language or "unknown (too little text)"
    typer.echo(
        f"{result.path}\n"
        f"  format:   {result.format}\n"
        f"  encoding: {result.encoding}\n"
        f"  cues:     {result.cues}\n"
        f"  span:     {format_seconds(result.start_ms)} - {format_seconds(result.end_ms)}\n"
        f"  language: {lang}"
    )


@app.command()
@handle_errors
def convert(
    source: InPath,
    output: Annotated[Path, typer.Argument(help="Output file; format by extension.")],
    encoding: Encoding = None,
) -> None:
    """Convert between SRT, WebVTT and JSON (format chosen by OUTPUT's extension)."""
    from subtools.usecases.convert import convert as run

    result = run(source, output, encoding)
    warn(result.notices)
    typer.echo(
        f"wrote {result.output} ({result.format}, {result.cues} cues, read as {result.encoding})"
    )


# --- workflow commands ---
@app.command()
@handle_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for every output.")] = Path(
        "demo-output"
    ),
) -> None:
    """Run the whole job on the bundled samples and summarise it."""
    from subtools.usecases.demo import run_demo

    def show(step: Any) -> None:
        mark = "ok " if step.ok else "!! "
        typer.echo(f"{mark}{step.name}: {step.summary}")
        for o in step.outputs:
            typer.echo(f"     -> {o}")

    result = run_demo(out, progress=show)
    typer.echo(f"\nAll outputs are in {result.folder}/")


@app.command()
@handle_errors
def run(
    job: Annotated[Path, typer.Argument(help="JOB.toml declaring inputs, steps and outputs.")],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Files processed in parallel.")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Run a job file's steps on its caption files (a folder or glob runs a batch)."""
    from rich.console import Console
    from rich.progress import Progress

    from subtools.usecases.job import run_job
    from subtools.usecases.jobspec import load_job

    spec = load_job(job)
    err = Console(stderr=True)
    show = not quiet and not as_json and err.is_terminal
    with Progress(console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("files", total=len(spec.captions))
        report = run_job(spec, jobs=jobs, progress=lambda _: bar.advance(task))
    if as_json:
        print_json(report.to_dict())
    else:
        for f in report.files:
            reason = f" ({f.error})" if f.error else ""
            typer.echo(f"{f.status:8} {f.file}{reason}")
            for step in f.steps:
                typer.echo(f"           {step.name}: {step.summary}")
        c = report.counts()
        typer.echo(
            f"{c['files']} files: {c['ok']} ok, {c['problems']} with problems, "
            f"{c['error']} failed; summary in {report.summary_path}"
        )
    raise typer.Exit(report.exit_code)


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    main()
