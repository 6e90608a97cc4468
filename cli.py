"""The ``subtools`` command line: the entry point that assembles the command groups.

Each group lives in ``subtools/cli/`` (options shared by several commands are
declared once in ``subtools/cli/common.py``). Heavy modules (argostranslate,
torch, ffmpeg) are imported inside the commands that need them, so
``subtools --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from subtools.cli import align, files, formats, job, quality, quotes, translation, video
from subtools.cli.common import SubtoolsGroup

__all__ = ["app", "main"]

app = typer.Typer(
    name="subtools",
    cls=SubtoolsGroup,
    help="Offline toolkit for translated video quotes: captions, quotes, translation, burn-in.",
    no_args_is_help=True,
    # typer's own --install-completion / --show-completion (bash, zsh, fish).
    add_completion=True,
    pretty_exceptions_enable=False,
)

# Order of the help panels: the whole job first, then by user.
for group in (job, files, formats, align, translation, quotes, quality, video):
    app.add_typer(group.app)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            help="With --version: also argostranslate, ctranslate2, ffmpeg and libass versions.",
        ),
    ] = False,
) -> None:
    """Offline toolkit for translated video quotes: captions, quotes, translation, burn-in."""
    # Not eager: both flags must be known, whatever their order (--version --verbose).
    if version:
        from subtools import __version__

        typer.echo(f"subtools {__version__}")
        if verbose:
            from subtools.usecases.versions import backend_versions

            for name, value in backend_versions():
                typer.echo(f"{name}: {value}")
        raise typer.Exit()
    if verbose:
        raise typer.BadParameter("--verbose goes with --version", param_hint="--verbose")
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    main()
