"""Quote verification: ``quotes`` and its terminal table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    from rich.text import Text

    from subtools.quotes.classify import Difference
    from subtools.quotes.results import QuoteReport, QuoteResult

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
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="ARTICLE... CAPTIONS",
            help="One or more articles (.txt, .md, .html, or a folder of them), then the "
            "video's captions (.srt, .vtt, .json).",
        ),
    ],
    as_json: JsonFlag = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="REPORT.html",
            help="Also write an HTML report (several articles: a summary page linking "
            "one page per article, written beside it).",
        ),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Captions encoding; detected when omitted.")
    ] = None,
    speaker: Annotated[
        list[str] | None,
        typer.Option(
            "--speaker",
            metavar="NAME",
            help="Who speaks in the video (repeat for other names of the same person); "
            "inferred from the captions when omitted.",
        ),
    ] = None,
    video: Annotated[
        Path | None,
        typer.Option(
            "--video",
            metavar="FILE",
            help="With --html: play this video in the report; clicking a quote seeks to it.",
        ),
    ] = None,
) -> None:
    """Find every quote of each ARTICLE in CAPTIONS: where, word for word or not, what differs.

    Exit 0: no speech quote is changed; the video speaker's quotes are all found.

    Exit 1: a speech quote is changed (whoever is named), or one of theirs is missing.

    Exit 2: the check could not run, e.g. captions in another language and no model.
    """
    from subtools.quotes.report import report_to_dict
    from subtools.usecases.quotes import article_paths, check_html_path, verify_quotes

    if html is not None:
        check_html_path(html)  # before the work, not after it
    if len(paths) < 2:
        raise fail("give at least one article and the captions: ARTICLE... CAPTIONS")
    if video is not None and html is None:
        raise fail("--video needs --html REPORT.html (the video plays in the report)")
    *articles, captions = paths
    reports = [
        verify_quotes(a, captions, encoding=encoding, speakers=speaker or ())
        for a in article_paths(articles)
    ]
    if not as_json:
        warn(reports[0].warnings)
    pages = _write_html(reports, html, video)
    if as_json:
        if len(reports) == 1:
            print_json(report_to_dict(reports[0]))
        else:
            print_json(_multi_json(reports))
    else:
        for report in reports:
            if len(reports) > 1:
                typer.echo(f"\n== {report.article}")
            print_quote_table(report)
        if len(reports) > 1:
            print_summary_table(reports)
        for page in pages:
            typer.echo(f"wrote {page}")
    mismatch = next((r.language_mismatch for r in reports if r.language_mismatch), None)
    if mismatch:
        raise fail(f"{mismatch.message}; {mismatch.hint}")
    if any(r.failures for r in reports):
        raise typer.Exit(EXIT_PROBLEMS)


def _write_html(reports: list[QuoteReport], html: Path | None, video: Path | None) -> list[Path]:
    from subtools.usecases.quotes import write_html_report, write_html_summary

    if html is None:
        return []
    if len(reports) == 1:
        write_html_report(reports[0], html, video)
        return [html]
    return [html, *write_html_summary(reports, html, video)]


def _multi_json(reports: list[QuoteReport]) -> dict[str, Any]:
    from subtools.quotes.report import report_to_dict

    return {
        "captions": reports[0].captions,
        "articles": [report_to_dict(r) for r in reports],
        "summary": [{"article": r.article, **r.summary} for r in reports],
    }


def print_summary_table(reports: list[QuoteReport]) -> None:
    """One row per article: how each one quotes the video."""
    import os

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cols = ("quotes", "exact", "minor", "changed", "missing", "misattributed")
    table = Table(title="summary")
    table.add_column("article", overflow="fold", ratio=1)
    for c in cols:
        table.add_column(c, justify="right")
    table.add_column("verdict")
    for r in reports:
        s = r.summary
        verdict = Text("misquotes", style="bold red") if r.failures else Text("ok", style="green")
        table.add_row(Text(r.article), *(str(s[c]) for c in cols), verdict)
    # Like the quote table: piped output is wide, so paths stay on one line.
    probe = Console()
    wide = probe.is_terminal or "COLUMNS" in os.environ
    Console(width=probe.width if wide else 240).print(table)


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
        speaker = _speaker_cell(q)
        if q.differences:
            detail = "\n".join(map(_difference_line, q.differences))
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
    if report.video_speaker:
        console.print(report.video_speaker.message)
    console.print(
        f"{plural(s['quotes'], 'quote')}: {s['exact']} exact, {s['minor']} minor, "
        f"{s['changed']} changed, "
        f"{s['missing']} missing; {s['other_speaker']} attributed to another speaker "
        f"({s['misattributed']} misattributed); "
        f"{plural(s['failures'], 'speech quote')} not borne out by the captions"
    )


def _difference_line(d: Difference) -> str:
    if d.op == "cut":
        return f"{d.severity}: cut without an ellipsis: {d.captions} ({d.reason})"
    return f"{d.severity}: {d.article or '-'} -> {d.captions or '-'} ({d.reason})"


def _speaker_cell(q: QuoteResult) -> Text:
    """The resolved speaker, and what their attribution means for this quote."""
    from rich.text import Text

    name = f"{q.speaker} [{q.speaker_id}]" if q.speaker and q.speaker_id else q.speaker or ""
    name = shown(name)
    if q.misattributed:
        return Text(f"{name} (misattributed: said in the video)", style="magenta")
    if q.other_speaker:
        return Text(f"{name} (another speaker)", style="blue")
    return Text(name)
