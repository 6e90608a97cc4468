"""Caption files: ``info`` and ``convert``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from subtools.cli.common import Encoding, InPath, JsonFlag, handle_errors, print_json, warn
from subtools.wording import plural

app = typer.Typer()


@app.command(rich_help_panel="Caption files")
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


@app.command(rich_help_panel="Caption files")
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
        f"wrote {result.output} ({result.format}, {plural(result.cues, 'cue')}, "
        f"read as {result.encoding})"
    )
