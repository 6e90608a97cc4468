"""Caption files: ``info`` and ``convert``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from subtools.cli.common import Encoding, Fps, InPath, JsonFlag, handle_errors, print_json, warn
from subtools.wording import plural

app = typer.Typer()


@app.command(rich_help_panel="Caption files")
@handle_errors
def info(
    path: InPath, encoding: Encoding = None, fps: Fps = None, as_json: JsonFlag = False
) -> None:
    """Describe a caption file: format (and how it was recognised), cues, duration, encoding."""
    from subtools.timecode import format_seconds
    from subtools.usecases.convert import describe

    result = describe(path, encoding, fps)
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.notices)
    lang = result.language or "unknown (too little text)"
    typer.echo(
        f"{result.path}\n"
        f"  format:   {result.format} (by {result.detected_by})\n"
        f"  encoding: {result.encoding}\n"
        f"  cues:     {result.cues}\n"
        f"  span:     {format_seconds(result.start_ms)} - {format_seconds(result.end_ms)}\n"
        f"  language: {lang}"
    )


@app.command(rich_help_panel="Caption files")
@handle_errors
def convert(
    source: InPath,
    output: Annotated[Path, typer.Argument(help="Output file; format by extension.")],
    encoding: Encoding = None,
    fps: Fps = None,
) -> None:
    """Convert any readable caption file to SRT, WebVTT, JSON, ASS or TTML (by OUTPUT's extension).

    See `subtools formats` for the formats read.
    """
    from subtools.usecases.convert import convert as run

    result = run(source, output, encoding, fps)
    warn(result.notices)
    typer.echo(
        f"wrote {result.output} ({result.format}, {plural(result.cues, 'cue')}, "
        f"read as {result.encoding})"
    )
