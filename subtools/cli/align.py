"""Timing: ``align`` captions to the speech of an audio or video file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from subtools.cli.common import (
    EXIT_PROBLEMS,
    Encoding,
    JsonFlag,
    StderrBar,
    fail,
    handle_errors,
    print_json,
)

if TYPE_CHECKING:
    from subtools.usecases.align import AlignResult

app = typer.Typer()

_MIN_BAR_WINDOWS = 4000  # VAD windows of 32 ms: a bar from about two minutes of audio


@app.command(rich_help_panel="Timing")
@handle_errors
def align(
    media: Annotated[Path, typer.Argument(help="Audio or video file with the speech.")],
    captions: Annotated[
        Path, typer.Argument(help="Caption file to align (any format subtools reads).")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Aligned caption file (format by extension).")
    ],
    max_offset: Annotated[
        str, typer.Option("--max-offset", help="Largest shift searched, either way: 90s, 5m ...")
    ] = "90s",
    no_drift: Annotated[
        bool, typer.Option("--no-drift", help="Do not try frame-rate ratios (25 vs 23.976 ...).")
    ] = False,
    no_split: Annotated[
        bool, typer.Option("--no-split", help="One offset for the whole track: no cuts.")
    ] = False,
    split_penalty: Annotated[
        float,
        typer.Option(
            "--split-penalty",
            help="Share of the single-offset score a split must gain; higher = fewer splits.",
        ),
    ] = 0.07,
    vad: Annotated[
        str,
        typer.Option(
            "--vad",
            help="Voice detector: auto (webrtcvad, Silero VAD when it is unsure), "
            "silero or webrtc.",
        ),
    ] = "auto",
    force: Annotated[
        bool, typer.Option("--force", help="Write the output even when the evidence is weak.")
    ] = False,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Also draw speech, captions before/after and offsets (PNG)."),
    ] = None,
    encoding: Encoding = None,
    as_json: JsonFlag = False,
) -> None:
    """Align captions to the speech in MEDIA: offset, frame-rate drift and cuts.

    Exit 1: the evidence is weak (no speech, captions of another video) and
    nothing was written unless --force; 2: the command cannot run.
    """
    from subtools.align import AlignOptions
    from subtools.timecode import parse_duration
    from subtools.usecases.align import align_file

    if vad not in ("auto", "silero", "webrtc"):
        raise fail(f"--vad must be auto, silero or webrtc, not {vad!r}")
    if not 0 <= split_penalty <= 1:
        raise fail(f"--split-penalty must be between 0 and 1, not {split_penalty}")
    limit = parse_duration(max_offset)
    if limit <= 0:
        raise fail(f"--max-offset must be positive, not {max_offset!r}")
    options = AlignOptions(
        max_offset_ms=limit, drift=not no_drift, split=not no_split, split_penalty=split_penalty
    )
    with StderrBar("detecting speech", _MIN_BAR_WINDOWS, enabled=not as_json) as bar:
        result = align_file(
            media,
            captions,
            output,
            options=options,
            vad=vad,  # type: ignore[arg-type]
            force=force,
            plot=plot,
            encoding=encoding,
            progress=bar,
        )
    if as_json:
        print_json(result.to_dict())
    else:
        _report(result)
    if not result.alignment.confident and not force:
        raise typer.Exit(EXIT_PROBLEMS)


def _report(result: AlignResult) -> None:
    from subtools.timecode import format_seconds

    a = result.alignment
    parts = [f"offset {a.offset_ms / 1000:+.2f} s"]
    if a.ratio != 1:
        parts.append(f"speed ratio {a.ratio:.5f}")
    if len(a.segments) > 4:
        parts.append(f"{len(a.segments) - 1} splits")
    for s in a.segments[1:] if len(a.segments) <= 4 else ():
        parts.append(
            f"split before cue {s.first + 1} at {format_seconds(s.start_ms)} "
            f"(then {s.offset_ms / 1000:+.2f} s)"
        )
    parts.append(f"speech under captions {a.lift:.2f}x the average")
    parts.append(f"fit {a.contrast:.2f}x chance")
    if a.clamped:
        parts.append(f"{a.clamped} cue(s) moved before 0 s were set to start at 0")
    typer.echo(f"{result.captions.name}: " + ", ".join(parts))
    for problem in a.problems:
        typer.echo(f"weak evidence: {problem}", err=True)
    if result.plot is not None:
        typer.echo(f"drew {result.plot}")
    if result.output is not None:
        typer.echo(f"wrote {result.output} ({result.seconds:.1f} s)")
    else:
        typer.echo(
            "not written: the alignment is not trustworthy; --force writes it anyway", err=True
        )
