"""Quote verification: ``quotes`` and its terminal table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from subtools.cli.common import (
    EXIT_PROBLEMS,
    JsonFlag,
    fail,
    handle_errors,
    print_json,
    shown,
    warn,
)
from subtools.wording import plural

if TYPE_CHECKING:
    from subtools.quotes.results import QuoteReport

app = typer.Typer()

_STATUS_STYLE = {
    "exact": "green",
    "minor": "yellow",
    "changed": "bold red",
    "missing": "red",
    "unchecked": "dim",
}


@app.command(rich_help_panel="Quote verification")
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
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Captions encoding; detected when omitted.")
    ] = None,
) -> None:
    """Find every quote of ARTICLE in CAPTIONS: where, word for word or not, what differs.

    Exit 0: every speech quote of the video's speaker is exact or minor.

    Exit 1: at least one is changed or missing (terms and other speakers never count).

    Exit 2: the check could not run, e.g. captions in another language and no model.
    """
    from subtools.quotes.report import report_to_dict
    from subtools.usecases.quotes import check_html_path, verify_quotes, write_html_report

    if html is not None:
        check_html_path(html)  # before the work, not after it
    report = verify_quotes(article, captions, encoding=encoding)
    if not as_json:
        warn(report.warnings)
    if html is not None:
        write_html_report(report, html)
    if as_json:
        print_json(report_to_dict(report))
    else:
        print_quote_table(report)
        if html is not None:
            typer.echo(f"wrote {html}")
    if report.language_mismatch:
        mm = report.language_mismatch
        raise fail(f"{mm.message}; {mm.hint}")
    if report.failures:
        raise typer.Exit(EXIT_PROBLEMS)


def print_quote_table(report: QuoteReport) -> None:
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
        if t.notice:
            console.print(f"NOTE: {t.notice}: do not rely on these verdicts", style="bold")
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
        speaker = Text(shown(q.speaker or ""))
        if q.other_speaker:
            speaker = Text(shown(f"{q.speaker} (other speaker: not counted)"), style="blue")
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
            Text(shown(q.text)),  # article and caption text: control characters escaped
            Text(shown(detail)),
        )
    console.print(table)
    s = report.summary
    console.print(
        f"{plural(s['quotes'], 'quote')}: {s['exact']} exact, {s['minor']} minor, "
        f"{s['changed']} changed, "
        f"{s['missing']} missing; {s['other_speaker']} attributed to another speaker; "
        f"{plural(s['failures'], 'speech quote')} not borne out by the captions"
    )
