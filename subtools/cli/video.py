"""Video: ``burn``, ``clip`` and ``doctor``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from subtools.cli.common import (
    EXIT_PROBLEMS,
    Encoding,
    JsonFlag,
    StderrBar,
    fail,
    handle_errors,
    print_json,
    warn,
)

if TYPE_CHECKING:
    from subtools.usecases.burn import BurnOptions, BurnResult

app = typer.Typer()

VideoArg = Annotated[Path, typer.Argument(help="Input video file.")]
CaptionsArg = Annotated[Path, typer.Argument(help="Caption file (.srt, .vtt, .json).")]
VideoOut = Annotated[
    Path, typer.Option("-o", "--output", help="Output video (.mp4, .m4v, .mov, .mkv).")
]
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
) -> BurnOptions:
    from subtools.burn.filters import Style
    from subtools.usecases.burn import BurnOptions

    style = Style(size=size, position=position, outline=outline, box=box)  # type: ignore[arg-type]
    return BurnOptions(font=font, fonts_dir=fonts_dir, style=style, crf=crf, preset=preset)


def _run_encode(
    fn: Callable[..., BurnResult], verbose: bool, as_json: bool, **kwargs: Any
) -> BurnResult:
    bar = StderrBar("encoding", 10_000, enabled=not verbose and not as_json)  # ms

    def log(line: str) -> None:
        typer.echo(line, err=True)

    try:
        return fn(progress=bar, log=log if verbose else None, **kwargs)
    finally:
        bar.close()


@app.command(rich_help_panel="Video")
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
        f"caption{'s' * (result.cues != 1)}, font {result.font}, "
        f"{result.seconds:.1f} s = {speed:.1f}x real time)"
    )


@app.command(rich_help_panel="Video")
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
        f"({result.duration_ms / 1000:.2f} s, {result.cues} caption{'s' * (result.cues != 1)} "
        f"{how})"
    )


@app.command(rich_help_panel="Video")
@handle_errors
def doctor(fonts_dir: FontsDirOpt = None, as_json: JsonFlag = False) -> None:
    """Check the burn setup: ffmpeg binary and version, libass, fonts covering Cyrillic."""
    from subtools.usecases.doctor import doctor as check

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
