"""The ``subtools`` command line: a thin typer layer over ``subtools.usecases``.

Heavy modules (argostranslate, torch, ffmpeg) are imported inside the commands
that need them, so ``subtools --help`` stays fast.
"""

from __future__ import annotations

import functools
import json
import sys
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
    from subtools.quotes.html import SHOW_CANDIDATE_FROM
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
    typer.echo(f"wrote {result.output} ({result.format}, {result.cues} cues, read as {result.encoding})")


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


# --- quotes commands ---
_STATUS_STYLE = {
    "exact": "green",
    "minor": "yellow",
    "changed": "bold red",
    "missing": "red",
    "unchecked": "dim",
}


@app.command()
@handle_errors
def quotes(
    article: Annotated[Path, typer.Argument(help="The article (.txt, .md or .html).")],
    captions: Annotated[Path, typer.Argument(help="The video's captions (.srt, .vtt, .json).")],
    as_json: JsonFlag = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", metavar="REPORT.html", help="Also write a self-contained HTML report."
        ),
    ] = None,
    encoding: Encoding = None,
) -> None:
    """Find every quote of ARTICLE in CAPTIONS: where, word for word or not, what differs.

    Exit 1 when a speech quote of the video's speaker is changed or missing, 0 otherwise;
    2 when the check could not run (also when the captions are in another language and
    no translation model is installed).
    """
    from subtools.quotes.report import report_to_dict
    from subtools.usecases.quotes import verify_quotes, write_html_report

    report = verify_quotes(article, captions, encoding=encoding)
    if html is not None:
        write_html_report(report, html)
    if as_json:
        print_json(report_to_dict(report))
    else:
        _print_quote_table(report)
        if html is not None:
            typer.echo(f"wrote {html}")
    if report.language_mismatch:
        mm = report.language_mismatch
        raise fail(f"{mm.message}; {mm.hint}")
    if report.failures:
        raise typer.Exit(EXIT_PROBLEMS)


def _print_quote_table(report: Any) -> None:
    import os

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from subtools.quotes.html import SHOW_CANDIDATE_FROM
    from subtools.timecode import format_seconds

    # Piped output gets a wide table (unless COLUMNS says otherwise) so that
    # lines are not folded mid-phrase.
    probe = Console()
    wide = probe.is_terminal or "COLUMNS" in os.environ
    console = Console(width=probe.width if wide else 240)
    if report.translated:
        t = report.translated
        console.print(f"captions translated {t.from_lang} -> {t.to_lang} ({t.model}) to match")
    table = Table(show_lines=True)
    for name in ("#", "status", "kind", "time", "cues"):
        table.add_column(name, no_wrap=True)
    table.add_column("speaker", overflow="fold", ratio=1)
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("differences / best candidate", overflow="fold", ratio=2)
    for q in report.quotes:
        found = q.match or q.candidate
        time = f"{format_seconds(found.start_ms)}-{format_seconds(found.end_ms)}" if found else ""
        cues = ""
        if found:
            first, last = found.cues[0].number, found.cues[-1].number
            cues = str(first) if first == last else f"{first}-{last}"
        status = Text(q.status, style=_STATUS_STYLE.get(q.status, ""))
        speaker = Text(q.speaker or "")
        if q.other_speaker:
            speaker = Text(f"{q.speaker} (other speaker: not counted)", style="blue")
        if q.differences:
            detail = "\n".join(
                f"{d.severity}: {d.article or '-'} -> {d.captions or '-'} ({d.reason})"
                for d in q.differences
            )
        elif q.candidate is not None and q.candidate.score >= SHOW_CANDIDATE_FROM:
            detail = f"best candidate ({q.candidate.score:.2f}): {q.candidate.caption_text}"
        elif q.status == "missing":
            detail = "no caption shares enough words"
        else:
            detail = ""
        located = q.candidate is None
        table.add_row(
            str(q.id),
            status,
            q.kind,
            time if located else "",
            cues if located else "",
            speaker,
            Text(q.text),
            Text(detail),
        )
    console.print(table)
    s = report.summary
    console.print(
        f"{s['quotes']} quotes: {s['exact']} exact, {s['minor']} minor, {s['changed']} changed, "
        f"{s['missing']} missing; {s['other_speaker']} attributed to another speaker; "
        f"{s['failures']} speech quote(s) not borne out by the captions"
    )


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    sys.exit(main())
