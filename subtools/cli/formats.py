"""``formats``: every caption format subtools reads and writes."""

from __future__ import annotations

import typer

from subtools.cli.common import JsonFlag, handle_errors, print_json

app = typer.Typer()


@app.command(rich_help_panel="Caption files")
@handle_errors
def formats(as_json: JsonFlag = False) -> None:
    """List the caption formats: extensions, read/write support, what is kept and reported."""
    from subtools.usecases.convert import format_table

    rows = format_table()
    if as_json:
        print_json(rows)
        return
    for row in rows:
        mode = "read+write" if row["write"] else "read"
        exts = " ".join(row["extensions"]) or "-"
        by_content = f" (by content: {' '.join(row['by_content'])})" if row["by_content"] else ""
        typer.echo(f"{row['name']:<9} {mode:<10} {row['label']}: {exts}{by_content}")
        typer.echo(f"{'':<20} keeps: {row['keeps']}; reports: {row['reports']}")
    typer.echo("Picture subtitles (VobSub .idx/.sub, PGS .sup) are refused: they hold no text.")
