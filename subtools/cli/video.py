"""Video: ``burn``, ``clip`` and ``doctor``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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
    from subtools.burn.layout import ClipLook
    from subtools.usecases.burn import BurnOptions, BurnResult

app = typer.Typer()

VideoArg = Annotated[Path, typer.Argument(help="Input video file.")]
CaptionsArg = Annotated[Path, typer.Argument(help="Caption file (.srt, .vtt, .json).")]
VideoOut = Annotated[
    Path,
    typer.Option(
        "-o", "--output", help="Output video (.mp4, .m4v, .mov, .mkv); a folder with --all-quotes."
    ),
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
# clip: shapes and texts for posting
AspectOpt = Annotated[
    str | None,
    typer.Option(
        "--aspect",
        help="Output shape 16:9, 9:16, 1:1 or 4:5, at the platform size (1080 px on the short "
        "side); default the source's shape.",
    ),
]
FillOpt = Annotated[
    str,
    typer.Option(
        "--fill", help="How the picture fills a new shape: blur (blurred copy behind), pad, crop."
    ),
]
FillColorOpt = Annotated[
    str, typer.Option("--fill-color", help="Colour of --fill pad: a name or #RRGGBB.")
]
HeightOpt = Annotated[
    int | None, typer.Option("--height", help="Output height in pixels (even); width follows.")
]
LabelOpt = Annotated[
    str | None,
    typer.Option(
        "--label",
        help='Lower-third label for the first seconds, e.g. "Name, role"; default with '
        '--quote/--all-quotes: the quote\'s speaker; "" for none.',
    ),
]
CreditOpt = Annotated[
    str | None, typer.Option("--credit", help="Text in a corner for the whole clip.")
]
LoudnormOpt = Annotated[
    bool, typer.Option("--loudnorm", help="Normalise the audio to -16 LUFS (ffmpeg loudnorm).")
]
AllQuotesOpt = Annotated[
    bool,
    typer.Option(
        "--all-quotes",
        help="One clip per quote of --article found in the captions, into the folder -o, "
        "with a poster each and index.json/index.html.",
    ),
]


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
    def log(line: str) -> None:
        typer.echo(line, err=True)

    with StderrBar("encoding", 10_000, enabled=not verbose and not as_json) as bar:  # ms
        return fn(progress=bar, log=log if verbose else None, **kwargs)


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
        Path | None, typer.Option("--article", help="Article text for --quote/--all-quotes.")
    ] = None,
    all_quotes: AllQuotesOpt = False,
    pad: Annotated[
        str | None,
        typer.Option(
            "--pad",
            help="Extra time before and after; default 0.5s with --quote/--all-quotes, "
            "none with --start/--end.",
        ),
    ] = None,
    soft: Annotated[
        bool,
        typer.Option(
            "--soft", help="Add the captions as a subtitle track instead of burning them."
        ),
    ] = False,
    aspect: AspectOpt = None,
    fill: FillOpt = "blur",
    fill_color: FillColorOpt = "black",
    height: HeightOpt = None,
    label: LabelOpt = None,
    credit: CreditOpt = None,
    loudnorm: LoudnormOpt = False,
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
    """Cut a span, a quote's span or every quote, with captions re-based and burned in."""
    from subtools.burn.layout import ClipLook
    from subtools.timecode import format_seconds, parse_duration
    from subtools.usecases.burn import clip_file, found_quote

    chosen = [name for name, given in (("--start/--end", start is not None or end is not None),
              ("--quote", quote is not None), ("--all-quotes", all_quotes)) if given]  # fmt: skip
    if len(chosen) > 1:
        raise fail(f"give only one of {', '.join(chosen)}")
    if (quote is not None or all_quotes) and article is None:
        raise fail(f"{chosen[0]} needs --article ARTICLE")
    look = ClipLook(aspect, fill, fill_color, height, None, credit, loudnorm)  # type: ignore[arg-type]
    options = _burn_options(font, fonts_dir, size, position, outline, box, crf, preset)
    pad_ms = parse_duration(pad) if pad is not None else None
    if all_quotes:
        assert article is not None
        _clip_all(video, captions, article, output, pad_ms, soft, look, label, options,
                  encoding, verbose, as_json)  # fmt: skip
        return
    if quote is not None:
        assert article is not None
        found = found_quote(article, captions, quote)
        assert found.match is not None
        start_ms, end_ms = found.match.start_ms, found.match.end_ms
        if label is None:
            from subtools.usecases.clips import default_label

            label = default_label(found.speaker)
        pad_ms = 500 if pad_ms is None else pad_ms
    elif start is None or end is None:
        raise fail("give --start and --end, or --quote N --article ARTICLE, or --all-quotes")
    else:
        start_ms, end_ms = parse_duration(start), parse_duration(end)
    look = replace(look, label=label or None)
    result = _run_encode(
        clip_file,
        verbose,
        as_json,
        video=video,
        captions=captions,
        output=output,
        start_ms=start_ms,
        end_ms=end_ms,
        pad_ms=pad_ms or 0,
        soft=soft,
        options=options,
        look=look,
        encoding=encoding,
    )
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.warnings)
    how = "as a subtitle track" if soft else f"burned, font {result.font}"
    # The span printed is the clip's own: the padding included, as the file starts.
    typer.echo(
        f"wrote {result.output}: {format_seconds(result.start_ms)} - "
        f"{format_seconds(result.end_ms)} of {result.video} "
        f"({result.duration_ms / 1000:.2f} s, {result.cues} caption{'s' * (result.cues != 1)} "
        f"{how})"
    )


def _clip_all(
    video: Path,
    captions: Path,
    article: Path,
    folder: Path,
    pad_ms: int | None,
    soft: bool,
    look: ClipLook,
    label: str | None,
    options: BurnOptions,
    encoding: str | None,
    verbose: bool,
    as_json: bool,
) -> None:
    from subtools.timecode import format_seconds
    from subtools.usecases.clips import clip_quotes

    with StderrBar("clips", 1, enabled=not verbose and not as_json) as bar:
        batch = clip_quotes(video, captions, article, folder,
                            pad_ms=500 if pad_ms is None else pad_ms, soft=soft, look=look,
                            label=label,
                            options=options, encoding=encoding, progress=bar)  # fmt: skip
    if as_json:
        print_json(batch.to_dict())
    else:
        for c in batch.clips:
            if c.result is None:
                typer.echo(f"error: quote {c.quote}: {c.error}", err=True)
                continue
            warn(f"quote {c.quote}: {w}" for w in c.result.warnings)
            r = c.result
            typer.echo(
                f"wrote {c.file}: {format_seconds(r.start_ms)} - {format_seconds(r.end_ms)} "
                f"({r.duration_ms / 1000:.2f} s, {r.cues} caption{'s' * (r.cues != 1)}"
                + (f", label {c.label!r})" if c.label else ")")
            )
        for s in batch.skipped:
            typer.echo(f"skipped quote {s.quote} ({s.status}): {s.text!r}")
        typer.echo(
            f"wrote {batch.index_json} and {Path(batch.index_html).name}: "
            f"{len(batch.clips) - len(batch.failed)} clip{'s' * (len(batch.clips) != 1)}, "
            f"{len(batch.skipped)} skipped, {len(batch.failed)} failed"
        )
    if batch.failed:
        raise typer.Exit(EXIT_PROBLEMS)


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
