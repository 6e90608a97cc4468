"""The whole job: ``demo`` and ``run``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from subtools.cli.common import EXIT_ERROR, JsonFlag, fail, handle_errors, print_json
from subtools.cli.quotes import print_quote_table

app = typer.Typer()


@app.command(rich_help_panel="The whole job")
@handle_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for every output.")] = Path(
        "demo-output"
    ),
) -> None:
    """Run the whole job on the bundled samples and summarise it."""
    from subtools.usecases.demo import run_demo

    def show(job: str, step: Any) -> None:
        mark = "ok" if step.ok else "!!"
        typer.echo(f"{mark} [{job}] {step.name}: {step.summary}")
        if step.name == "quotes" and step.detail is not None:
            print_quote_table(step.detail)
        for o in step.outputs:
            typer.echo(f"       -> {o}")

    result = run_demo(out, progress=show)
    if result.fixture_translation:
        typer.echo(
            "\nNOTE: no real ru->en model is installed, so the translation was made by the "
            "repository's tiny TEST FIXTURE model: it shows the mechanics, not translation quality."
        )
    typer.echo(f"\nAll outputs are in {result.folder}/")
    if not result.ok:
        raise typer.Exit(EXIT_ERROR)


@app.command(rich_help_panel="The whole job")
@handle_errors
def run(
    job: Annotated[Path, typer.Argument(help="JOB.toml declaring inputs, steps and outputs.")],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Files processed in parallel.")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Run a job file's steps on its caption files (a folder or glob runs a batch).

    Exit 1: a file has problems or failed; 2: the job file cannot be used.
    """
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
        for notice in report.notices:
            typer.echo(f"note: {notice}")
        for f in report.files:
            reason = f" ({f.error})" if f.error else ""
            typer.echo(f"{f.status:8} {f.file}{reason}")
            for step in f.steps:
                typer.echo(f"           {step.name}: {step.summary}")
                for w in step.warnings:
                    typer.echo(f"             warning: {w}")
        c = report.counts()
        typer.echo(
            f"{c['files']} files: {c['ok']} ok, {c['problems']} with problems, "
            f"{c['error']} failed; summary in {report.summary_path}"
        )
    if report.interrupted:
        raise fail(
            f"interrupted: {len(report.files)} of {len(spec.captions)} files finished, "
            f"{len(report.not_finished)} not; summary in {report.summary_path}"
        )
    raise typer.Exit(report.exit_code)
