"""The ``subtools`` command line: the entry point that assembles the command groups.

Each group lives in ``subtools/cli/`` (options shared by several commands are
declared once in ``subtools/cli/common.py``). Heavy modules (argostranslate,
torch, ffmpeg) are imported inside the commands that need them, so
``subtools --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from subtools.cli import align, files, job, quality, quotes, translation, video

__all__ = ["app", "main"]

app = typer.Typer(
    name="subtools",
    help="Offline toolkit for translated video quotes: captions, quotes, translation, burn-in.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Order of the help panels: the whole job first, then by user.
for group in (job, files, align, translation, quotes, quality, video):
    app.add_typer(group.app)


def _version(value: bool) -> None:
    if value:
        from subtools import __version__

        typer.echo(f"subtools {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Offline toolkit for translated video quotes: captions, quotes, translation, burn-in."""


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    main()
