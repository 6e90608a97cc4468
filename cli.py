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


# --- burn commands ---
VideoArg = Annotated[Path, typer.Argument(help="Input video file.")]
CaptionsArg = Annotated[Path, typer.Argument(help="Caption file (.srt, .vtt, .json).")]
VideoOut = Annotated[Path, typer.Option("-o", "--output", help="Output video (.mp4, .mkv, .mov).")]
FontOpt = Annotated[
    str | None,
    typer.Option(
        "--font",
        help="Font family; default: the first "
        "installed font that has every caption letter (DejaVu Sans preferred).",
    ),
]
FontsDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--fonts-dir", help="Folder of .ttf/.otf fonts, searched before the system fonts."
    ),
]
SizeOpt = Annotated[
    int | None,
    typer.Option(
        "--size", help="Font size in pixels of the output picture; default 6% of its height."
    ),
]
PositionOpt = Annotated[str, typer.Option("--position", help="bottom or top.")]
OutlineOpt = Annotated[
    float | None,
    typer.Option(
        "--outline",
        help="Outline width in pixels (box padding with --box); default scales with the picture.",
    ),
]
BoxOpt = Annotated[bool, typer.Option("--box", help="Draw captions on a dark box.")]
CrfOpt = Annotated[int, typer.Option("--crf", help="x264 quality: 0 lossless .. 51 worst.")]
PresetOpt = Annotated[
    str, typer.Option("--preset", help="x264 speed preset (ultrafast .. veryslow).")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", help="Show ffmpeg's own log.")]


def _burn_options(
    font: str | None,
    fonts_dir: Path | None,
    size: int | None,
    position: str,
    outline: float | None,
    box: bool,
    crf: int,
    preset: str,
) -> Any:
    from subtools.burn.filters import Style
    from subtools.usecases.burn import BurnOptions

    style = Style(size=size, position=position, outline=outline, box=box)  # type: ignore[arg-type]
    return BurnOptions(font=font, fonts_dir=fonts_dir, style=style, crf=crf, preset=preset)


class _EncodeProgress:
    """A progress bar on stderr for encodes of 10 s or more, when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done_ms: int, total_ms: int) -> None:
        if not self.enabled or total_ms < 10_000:
            return
        if self.bar is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("encoding"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("encode", total=total_ms)
        self.bar.update(self.task, completed=done_ms)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _run_encode(fn: Callable[..., Any], verbose: bool, as_json: bool, **kwargs: Any) -> Any:
    bar = _EncodeProgress(enabled=not verbose and not as_json)

    def log(line: str) -> None:
        typer.echo(line, err=True)

    try:
        return fn(progress=bar, log=log if verbose else None, **kwargs)
    finally:
        bar.close()


@app.command()
@handle_errors
def burn(
    video: VideoArg,
    captions: CaptionsArg,
    output: VideoOut,
    font: FontOpt = None,
    fonts_dir: FontsDirOpt = None,
    size: SizeOpt = None,
    position: PositionOpt = "bottom",
    outline: OutlineOpt = None,
    box: BoxOpt = False,
    crf: CrfOpt = 20,
    preset: PresetOpt = "veryfast",
    encoding: Encoding = None,
    verbose: VerboseOpt = False,
    as_json: JsonFlag = False,
) -> None:
    """Burn captions into a whole video with libass (audio copied)."""
    from subtools.timecode import format_seconds
    from subtools.usecases.burn import burn_file

    options = _burn_options(font, fonts_dir, size, position, outline, box, crf, preset)
    result = _run_encode(
        burn_file,
        verbose,
        as_json,
        video=video,
        captions=captions,
        output=output,
        options=options,
        encoding=encoding,
    )
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.warnings)
    speed = result.duration_ms / 1000 / result.seconds if result.seconds else 0.0
    typer.echo(
        f"wrote {result.output} ({format_seconds(result.duration_ms)}, {result.cues} "
        f"captions, font {result.font}, {result.seconds:.1f} s = {speed:.1f}x real time)"
    )


@app.command()
@handle_errors
def clip(
    video: VideoArg,
    captions: CaptionsArg,
    output: VideoOut,
    start: Annotated[
        str | None, typer.Option("--start", help="Clip start: 12.5s, 00:01:02,500 ...")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="Clip end, same forms.")] = None,
    quote: Annotated[
        int | None,
        typer.Option(
            "--quote", help="Clip quote N (1-based) of ARTICLE, where the quote check found it."
        ),
    ] = None,
    article: Annotated[
        Path | None, typer.Option("--article", help="Article text for --quote.")
    ] = None,
    pad: Annotated[str, typer.Option("--pad", help="Extra time before and after.")] = "0.5s",
    soft: Annotated[
        bool,
        typer.Option(
            "--soft", help="Add the captions as a subtitle track instead of burning them."
        ),
    ] = False,
    font: FontOpt = None,
    fonts_dir: FontsDirOpt = None,
    size: SizeOpt = None,
    position: PositionOpt = "bottom",
    outline: OutlineOpt = None,
    box: BoxOpt = False,
    crf: CrfOpt = 20,
    preset: PresetOpt = "veryfast",
    encoding: Encoding = None,
    verbose: VerboseOpt = False,
    as_json: JsonFlag = False,
) -> None:
    """Cut a span (or a quote's span) with its captions re-based and burned in."""
    from subtools.timecode import format_seconds, parse_duration
    from subtools.usecases.burn import clip_file, quote_span

    if quote is not None:
        if start is not None or end is not None:
            raise fail("give either --start/--end or --quote, not both")
        if article is None:
            raise fail("--quote needs --article ARTICLE")
        start_ms, end_ms = quote_span(article, captions, quote)
    elif start is None or end is None:
        raise fail("give --start and --end, or --quote N --article ARTICLE")
    else:
        start_ms, end_ms = parse_duration(start), parse_duration(end)
    options = _burn_options(font, fonts_dir, size, position, outline, box, crf, preset)
    result = _run_encode(
        clip_file,
        verbose,
        as_json,
        video=video,
        captions=captions,
        output=output,
        start_ms=start_ms,
        end_ms=end_ms,
        pad_ms=parse_duration(pad),
        soft=soft,
        options=options,
        encoding=encoding,
    )
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.warnings)
    how = "as a subtitle track" if soft else f"burned, font {result.font}"
    typer.echo(
        f"wrote {result.output}: {format_seconds(result.start_ms)} - "
        f"{format_seconds(result.end_ms)} of {result.video} "
        f"({result.duration_ms / 1000:.2f} s, {result.cues} captions {how})"
    )


@app.command()
@handle_errors
def doctor(fonts_dir: FontsDirOpt = None, as_json: JsonFlag = False) -> None:
    """Check the burn setup: ffmpeg binary and version, libass, fonts covering Cyrillic."""
    from subtools.usecases.burn import doctor as check

    report = check(fonts_dir)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(
            f"ffmpeg:         {report.ffmpeg or 'not found'}"
            + (f" ({report.origin}, version {report.version})" if report.ffmpeg else "")
            + f"\nffprobe:        {report.ffprobe or 'not found (durations read from ffmpeg)'}"
            f"\nlibass:         {'yes' if report.libass else 'no'}"
            f"\nCyrillic fonts: {', '.join(report.cyrillic_fonts) or 'none'}"
            f"\ndefault font:   {report.default_font or 'none'}"
        )
        for problem in report.problems:
            typer.echo(f"problem: {problem}", err=True)
    if not report.ok:
        raise typer.Exit(EXIT_PROBLEMS)


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    main()
