"""Subtitle quality: ``check``, ``fix`` and the retiming commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from subtools.cli.common import (
    EXIT_PROBLEMS,
    Encoding,
    InPath,
    JsonFlag,
    echo_lines,
    handle_errors,
    plural,
    print_json,
    warn,
)

app = typer.Typer()

ProfileOpt = Annotated[
    str,
    typer.Option("--profile", help="Profile: netflix-en, netflix-ru, bbc, or a .toml file."),
]
FpsOpt = Annotated[
    str | None,
    typer.Option(
        "--fps",
        help="Frame rate for the gap rule (e.g. 25, 23.976); default: the profile's "
        "(25 for the shipped ones).",
    ),
]
NoLanguage = Annotated[
    bool, typer.Option("--no-language", help="Skip the langdetect rules (untranslated cues).")
]
OutOpt = Annotated[Path, typer.Option("-o", "--output", help="Output file (.srt, .vtt, .json).")]
ClipFlag = Annotated[
    bool, typer.Option("--clip", help="Drop or trim cues that would start before 0 (reported).")
]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _findings_table(findings: Any, track: Any) -> list[str]:
    from subtools.timecode import format_seconds

    rows = [("cue", "at", "rule", "severity", "value", "limit", "message")]
    for f in findings:
        at = format_seconds(track.cues[f.cue - 1].start) if f.cue else ""
        rows.append(
            (_cell(f.cue or "-"), at, f.rule, f.severity, _cell(f.value), _cell(f.limit), f.message)
        )
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    return [
        "  ".join(c.ljust(w) for c, w in zip(r[:6], widths, strict=False)) + "  " + r[6]
        for r in rows
    ]


def _counts(findings: Any) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


@app.command(rich_help_panel="Subtitle quality")
@handle_errors
def check(
    path: InPath,
    profile: ProfileOpt = "netflix-en",
    fps: FpsOpt = None,
    as_json: JsonFlag = False,
    no_language: NoLanguage = False,
    encoding: Encoding = None,
) -> None:
    """Check captions against a style profile. Exit 1 when an error-severity finding exists."""
    from subtools.check import parse_fps
    from subtools.usecases.check import check_file

    report = check_file(
        path,
        profile,
        fps=parse_fps(fps) if fps else None,
        language=not no_language,
        encoding=encoding,
    )
    if as_json:
        print_json(report.to_dict())
    else:
        warn(report.notices)
        if report.findings:
            echo_lines(_findings_table(report.findings, report.track))
        echo_lines(
            [
                f"{path}: {_counts(report.findings)} "
                f"(profile {report.profile.name}, {plural(len(report.track), 'cue')})"
            ]
        )
    if not report.ok:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command(rich_help_panel="Subtitle quality")
@handle_errors
def fix(
    path: InPath,
    output: OutOpt,
    profile: ProfileOpt = "netflix-en",
    fps: FpsOpt = None,
    split_long: Annotated[
        bool, typer.Option("--split-long", help="Split cues that are too long into two or more.")
    ] = False,
    merge_short: Annotated[
        bool, typer.Option("--merge-short", help="Merge too short/fast cues with a neighbour.")
    ] = False,
    as_json: JsonFlag = False,
    no_language: NoLanguage = False,
    encoding: Encoding = None,
) -> None:
    """Fix line breaks and timing without touching a word; list what needs a person.

    Exit 1 when error-severity findings remain in the output (it is still written).
    """
    from subtools.check import parse_fps
    from subtools.usecases.check import fix_file

    report = fix_file(
        path,
        output,
        profile,
        fps=parse_fps(fps) if fps else None,
        split_long=split_long,
        merge_short=merge_short,
        language=not no_language,
        encoding=encoding,
    )
    if as_json:
        print_json(report.to_dict())
    else:
        warn(report.notices)
        lines = []
        for c in report.changes:
            before, after = c.before.replace("\n", " / "), c.after.replace("\n", " / ")
            lines.append(f"cue {c.cue}: {c.fix}: {c.message}\n    {before}\n -> {after}")
        if report.remaining:
            lines.append("\nneeds a person:")
            lines.extend(_findings_table(report.findings, report.track))
            lines.extend(
                f"  cue {r.finding.cue or '-'} {r.finding.rule}: {r.reason}"
                for r in report.remaining
            )
        lines.append(
            f"wrote {report.output}: {plural(len(report.changes), 'change')}, "
            f"{_counts(report.findings)} left (profile {report.profile.name})"
        )
        echo_lines(lines)
    if any(f.is_error for f in report.findings):
        raise typer.Exit(EXIT_PROBLEMS)


def _retimed(report: Any, as_json: bool) -> None:
    if as_json:
        print_json(report.to_dict())
        return
    warn(report.notices)
    warn(report.adjustments)
    echo_lines([f"wrote {report.output} ({plural(report.cues, 'cue')})"])


@app.command(rich_help_panel="Subtitle quality")
@handle_errors
def shift(
    path: InPath,
    by: Annotated[str, typer.Option("--by", help="Offset: -1.5s, 250ms, 00:00:01,500.")],
    output: OutOpt,
    from_cue: Annotated[
        int, typer.Option("--from-cue", help="Shift only this cue (1-based) and later ones.")
    ] = 1,
    clip: ClipFlag = False,
    as_json: JsonFlag = False,
    encoding: Encoding = None,
) -> None:
    """Shift cues by an offset (negative = earlier), optionally from a given cue on."""
    from subtools.timecode import parse_duration
    from subtools.usecases.check import shift_file

    report = shift_file(
        path, output, parse_duration(by), from_cue=from_cue, clip=clip, encoding=encoding
    )
    _retimed(report, as_json)


@app.command(rich_help_panel="Subtitle quality")
@handle_errors
def sync(
    path: InPath,
    point: Annotated[
        list[str],
        typer.Option("--point", help="OLD=NEW time pair; repeat it (2+ points fix drift too)."),
    ],
    output: OutOpt,
    clip: ClipFlag = False,
    as_json: JsonFlag = False,
    encoding: Encoding = None,
) -> None:
    """Re-synchronise: map OLD times to NEW ones, linearly between the points."""
    from subtools.retime import parse_point
    from subtools.usecases.check import sync_file

    report = sync_file(path, output, [parse_point(p) for p in point], clip=clip, encoding=encoding)
    _retimed(report, as_json)


@app.command(rich_help_panel="Subtitle quality")
@handle_errors
def rate(
    path: InPath,
    from_fps: Annotated[str, typer.Option("--from-fps", help="Frame rate the captions fit.")],
    to_fps: Annotated[str, typer.Option("--to-fps", help="Frame rate of the target video.")],
    output: OutOpt,
    as_json: JsonFlag = False,
    encoding: Encoding = None,
) -> None:
    """Convert timing between frame rates (e.g. 25 -> 23.976 for a PAL-speedup source)."""
    from subtools.check import parse_fps
    from subtools.usecases.check import rate_file

    report = rate_file(path, output, parse_fps(from_fps), parse_fps(to_fps), encoding=encoding)
    _retimed(report, as_json)
