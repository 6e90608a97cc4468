"""The ``subtools`` command line: a thin typer layer over ``subtools.usecases``.

Heavy modules (argostranslate, torch, ffmpeg) are imported inside the commands
that need them, so ``subtools --help`` stays fast.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from subtools.errors import SubtoolsError

if TYPE_CHECKING:  # for the annotations only: commands import their use-cases when run
    from subtools.quotes.results import QuoteReport
    from subtools.usecases.burn import BurnOptions, BurnResult

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


def warn(messages: Iterable[object]) -> None:
    for m in messages:
        typer.echo(f"warning: {m}", err=True)


InPath = Annotated[Path, typer.Argument(help="Input caption file (.srt, .vtt, .json).")]
Encoding = Annotated[
    str | None, typer.Option("--encoding", help="Input encoding; detected when omitted.")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


class _StderrBar:
    """A progress bar on stderr, shown only on a terminal and only for long runs.

    It starts on the first update with ``total >= min_total`` so that short runs,
    whose size is known only once the work starts, print nothing.
    """

    def __init__(self, label: str, min_total: int, enabled: bool) -> None:
        from rich.console import Console

        self.label = label
        self.min_total = min_total
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_total:
            return
        if self.bar is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(self.label),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# --- workflow commands ---
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
            _print_quote_table(step.detail)
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
        for f in report.files:
            reason = f" ({f.error})" if f.error else ""
            typer.echo(f"{f.status:8} {f.file}{reason}")
            for step in f.steps:
                typer.echo(f"           {step.name}: {step.summary}")
        c = report.counts()
        typer.echo(
            f"{c['files']} files: {c['ok']} ok, {c['problems']} with problems, "
            f"{c['error']} failed; summary in {report.summary_path}"
        )
    raise typer.Exit(report.exit_code)


# --- foundation commands ---
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
        f"wrote {result.output} ({result.format}, {result.cues} cues, read as {result.encoding})"
    )


# --- translate commands ---
models_app = typer.Typer(
    name="models",
    help="Translation models (argostranslate packages): list, install, remove.",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models", rich_help_panel="Translation")


@app.command(rich_help_panel="Translation")
@handle_errors
def translate(
    source: InPath,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Output file (.srt, .vtt, .json).")
    ],
    to_lang: Annotated[str, typer.Option("--to", help="Target language code.")] = "en",
    from_lang: Annotated[
        str, typer.Option("--from", help="Source language code, or 'auto' to detect it.")
    ] = "auto",
    model: Annotated[
        Path | None,
        typer.Option("--model", help="Use this .argosmodel file without installing it."),
    ] = None,
    glossary: Annotated[
        Path | None, typer.Option("--glossary", help="TSV of: source term<TAB>target term.")
    ] = None,
    bilingual: Annotated[
        bool,
        typer.Option("--bilingual", help="Source above translation (SRT/VTT), both in JSON."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    encoding: Encoding = None,
    as_json: JsonFlag = False,
) -> None:
    """Translate captions sentence by sentence, keeping every cue's timing and tags.

    Exit 1: a glossary term is missing from its cues (the output is written).
    """
    from subtools.usecases.translate import translate_file

    bar = _StderrBar("translating", 200, enabled=not quiet and not as_json)  # sentences
    try:
        result = translate_file(
            source,
            output,
            to_lang=to_lang,
            from_lang=from_lang,
            model=model,
            glossary=glossary,
            bilingual=bilingual,
            encoding=encoding,
            progress=bar,
        )
    finally:
        bar.close()
    if as_json:
        print_json(result.to_dict())
        if result.glossary_misses:
            raise typer.Exit(EXIT_PROBLEMS)
        return
    warn(result.notices)
    how = "detected" if result.detected else "given"
    typer.echo(
        f"wrote {result.output}: {len(result.track)} cues, {result.sentences} sentences, "
        f"{result.source_language} ({how}) -> {result.target_language}"
    )
    typer.echo(f"model: {result.model.describe()}")
    if result.notice:
        typer.echo(f"NOTE: {result.notice}", err=True)
    if result.skipped_cues:
        cues = ", ".join(map(str, result.skipped_cues))
        typer.echo(f"kept untranslated (nothing to translate): cues {cues}")
    if result.filled_cues:
        cues = ", ".join(map(str, result.filled_cues))
        typer.echo(f"translation too short to reach cues {cues}: they show '…'", err=True)
    for miss in result.glossary_misses:
        cues = ", ".join(map(str, miss.cues))
        typer.echo(
            f"glossary miss: {miss.source!r} -> {miss.target!r} not in cues {cues}", err=True
        )
    if result.glossary_misses:  # the output is written; the check found problems
        raise typer.Exit(EXIT_PROBLEMS)


@models_app.command("list")
@handle_errors
def models_list(as_json: JsonFlag = False) -> None:
    """List installed translation models."""
    from subtools.usecases.translate import list_models

    found = list_models()
    if as_json:
        print_json({"models": [m.to_dict() for m in found]})
        return
    if not found:
        typer.echo("no translation models installed (see `subtools models install --help`)")
    for m in found:
        typer.echo(f"{m.pair}  {m.describe()}  [{m.path}]")


@models_app.command("install")
@handle_errors
def models_install(
    file: Annotated[
        Path | None, typer.Argument(help="An .argosmodel file (omit with --from/--to).")
    ] = None,
    from_lang: Annotated[str | None, typer.Option("--from", help="Source language.")] = None,
    to_lang: Annotated[str | None, typer.Option("--to", help="Target language.")] = None,
) -> None:
    """Install a model from a file, or download one from the argos index (needs internet)."""
    from subtools.usecases.translate import install_model

    info = install_model(file, from_lang=from_lang, to_lang=to_lang)
    typer.echo(f"installed {info.describe()} in {info.path}")


@models_app.command("remove")
@handle_errors
def models_remove(
    from_lang: Annotated[str, typer.Option("--from", help="Source language.")],
    to_lang: Annotated[str, typer.Option("--to", help="Target language.")],
) -> None:
    """Remove the installed model(s) for a language pair."""
    from subtools.usecases.translate import remove_model

    for info in remove_model(from_lang, to_lang):
        typer.echo(f"removed {info.describe()}")


# --- quotes commands ---
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
    from subtools.usecases.quotes import verify_quotes, write_html_report

    report = verify_quotes(article, captions, encoding=encoding)
    if not as_json:
        warn(report.warnings)
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


def _print_quote_table(report: QuoteReport) -> None:
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


# --- check commands ---
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
            for line in _findings_table(report.findings, report.track):
                typer.echo(line)
        typer.echo(
            f"{path}: {_counts(report.findings)} "
            f"(profile {report.profile.name}, {len(report.track)} cues)"
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
        for c in report.changes:
            before, after = c.before.replace("\n", " / "), c.after.replace("\n", " / ")
            typer.echo(f"cue {c.cue}: {c.fix}: {c.message}\n    {before}\n -> {after}")
        if report.remaining:
            typer.echo("\nneeds a person:")
            for line in _findings_table(report.findings, report.track):
                typer.echo(line)
            for r in report.remaining:
                typer.echo(f"  cue {r.finding.cue or '-'} {r.finding.rule}: {r.reason}")
        typer.echo(
            f"wrote {report.output}: {len(report.changes)} changes, "
            f"{_counts(report.findings)} left (profile {report.profile.name})"
        )
    if any(f.is_error for f in report.findings):
        raise typer.Exit(EXIT_PROBLEMS)


def _retimed(report: Any, as_json: bool) -> None:
    if as_json:
        print_json(report.to_dict())
        return
    warn(report.notices)
    warn(report.adjustments)
    typer.echo(f"wrote {report.output} ({report.cues} cues)")


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


# --- burn commands ---
VideoArg = Annotated[Path, typer.Argument(help="Input video file.")]
CaptionsArg = Annotated[Path, typer.Argument(help="Caption file (.srt, .vtt, .json).")]
VideoOut = Annotated[
    Path, typer.Option("-o", "--output", help="Output video (.mp4, .m4v, .mov, .mkv).")
]
FontOpt = Annotated[
    str | None,
    typer.Option(
        "--font",
        help="Font family; default: the first "
        "installed font that has every caption letter (DejaVu Sans preferred).",
    ),
]
FontsDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--fonts-dir", help="Folder of .ttf/.otf fonts, searched before the system fonts."
    ),
]
SizeOpt = Annotated[
    int | None,
    typer.Option(
        "--size", help="Font size in pixels of the output picture; default 6% of its height."
    ),
]
PositionOpt = Annotated[str, typer.Option("--position", help="bottom or top.")]
OutlineOpt = Annotated[
    float | None,
    typer.Option(
        "--outline",
        help="Outline width in pixels (box padding with --box); default scales with the picture.",
    ),
]
BoxOpt = Annotated[bool, typer.Option("--box", help="Draw captions on a dark box.")]
CrfOpt = Annotated[int, typer.Option("--crf", help="x264 quality: 0 lossless .. 51 worst.")]
PresetOpt = Annotated[
    str, typer.Option("--preset", help="x264 speed preset (ultrafast .. veryslow).")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", help="Show ffmpeg's own log.")]


def _burn_options(
    font: str | None,
    fonts_dir: Path | None,
    size: int | None,
    position: str,
    outline: float | None,
    box: bool,
    crf: int,
    preset: str,
) -> BurnOptions:
    from subtools.burn.filters import Style
    from subtools.usecases.burn import BurnOptions

    style = Style(size=size, position=position, outline=outline, box=box)  # type: ignore[arg-type]
    return BurnOptions(font=font, fonts_dir=fonts_dir, style=style, crf=crf, preset=preset)


def _run_encode(
    fn: Callable[..., BurnResult], verbose: bool, as_json: bool, **kwargs: Any
) -> BurnResult:
    bar = _StderrBar("encoding", 10_000, enabled=not verbose and not as_json)  # ms

    def log(line: str) -> None:
        typer.echo(line, err=True)

    try:
        return fn(progress=bar, log=log if verbose else None, **kwargs)
    finally:
        bar.close()


@app.command(rich_help_panel="Video")
@handle_errors
def burn(
    video: VideoArg,
    captions: CaptionsArg,
    output: VideoOut,
    font: FontOpt = None,
    fonts_dir: FontsDirOpt = None,
    size: SizeOpt = None,
    position: PositionOpt = "bottom",
    outline: OutlineOpt = None,
    box: BoxOpt = False,
    crf: CrfOpt = 20,
    preset: PresetOpt = "veryfast",
    encoding: Encoding = None,
    verbose: VerboseOpt = False,
    as_json: JsonFlag = False,
) -> None:
    """Burn captions into a whole video with libass (audio copied)."""
    from subtools.timecode import format_seconds
    from subtools.usecases.burn import burn_file

    options = _burn_options(font, fonts_dir, size, position, outline, box, crf, preset)
    result = _run_encode(
        burn_file,
        verbose,
        as_json,
        video=video,
        captions=captions,
        output=output,
        options=options,
        encoding=encoding,
    )
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.warnings)
    speed = result.duration_ms / 1000 / result.seconds if result.seconds else 0.0
    typer.echo(
        f"wrote {result.output} ({format_seconds(result.duration_ms)}, {result.cues} "
        f"caption{'s' * (result.cues != 1)}, font {result.font}, "
        f"{result.seconds:.1f} s = {speed:.1f}x real time)"
    )


@app.command(rich_help_panel="Video")
@handle_errors
def clip(
    video: VideoArg,
    captions: CaptionsArg,
    output: VideoOut,
    start: Annotated[
        str | None, typer.Option("--start", help="Clip start: 12.5s, 00:01:02,500 ...")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="Clip end, same forms.")] = None,
    quote: Annotated[
        int | None,
        typer.Option(
            "--quote", help="Clip quote N (1-based) of ARTICLE, where the quote check found it."
        ),
    ] = None,
    article: Annotated[
        Path | None, typer.Option("--article", help="Article text for --quote.")
    ] = None,
    pad: Annotated[str, typer.Option("--pad", help="Extra time before and after.")] = "0.5s",
    soft: Annotated[
        bool,
        typer.Option(
            "--soft", help="Add the captions as a subtitle track instead of burning them."
        ),
    ] = False,
    font: FontOpt = None,
    fonts_dir: FontsDirOpt = None,
    size: SizeOpt = None,
    position: PositionOpt = "bottom",
    outline: OutlineOpt = None,
    box: BoxOpt = False,
    crf: CrfOpt = 20,
    preset: PresetOpt = "veryfast",
    encoding: Encoding = None,
    verbose: VerboseOpt = False,
    as_json: JsonFlag = False,
) -> None:
    """Cut a span (or a quote's span) with its captions re-based and burned in."""
    from subtools.timecode import format_seconds, parse_duration
    from subtools.usecases.burn import clip_file, quote_span

    if quote is not None:
        if start is not None or end is not None:
            raise fail("give either --start/--end or --quote, not both")
        if article is None:
            raise fail("--quote needs --article ARTICLE")
        start_ms, end_ms = quote_span(article, captions, quote)
    elif start is None or end is None:
        raise fail("give --start and --end, or --quote N --article ARTICLE")
    else:
        start_ms, end_ms = parse_duration(start), parse_duration(end)
    options = _burn_options(font, fonts_dir, size, position, outline, box, crf, preset)
    result = _run_encode(
        clip_file,
        verbose,
        as_json,
        video=video,
        captions=captions,
        output=output,
        start_ms=start_ms,
        end_ms=end_ms,
        pad_ms=parse_duration(pad),
        soft=soft,
        options=options,
        encoding=encoding,
    )
    if as_json:
        print_json(result.to_dict())
        return
    warn(result.warnings)
    how = "as a subtitle track" if soft else f"burned, font {result.font}"
    typer.echo(
        f"wrote {result.output}: {format_seconds(result.start_ms)} - "
        f"{format_seconds(result.end_ms)} of {result.video} "
        f"({result.duration_ms / 1000:.2f} s, {result.cues} caption{'s' * (result.cues != 1)} "
        f"{how})"
    )


@app.command(rich_help_panel="Video")
@handle_errors
def doctor(fonts_dir: FontsDirOpt = None, as_json: JsonFlag = False) -> None:
    """Check the burn setup: ffmpeg binary and version, libass, fonts covering Cyrillic."""
    from subtools.usecases.doctor import doctor as check

    report = check(fonts_dir)
    if as_json:
        print_json(report.to_dict())
    else:
        typer.echo(
            f"ffmpeg:         {report.ffmpeg or 'not found'}"
            + (f" ({report.origin}, version {report.version})" if report.ffmpeg else "")
            + f"\nffprobe:        {report.ffprobe or 'not found (durations read from ffmpeg)'}"
            f"\nlibass:         {'yes' if report.libass else 'no'}"
            f"\nCyrillic fonts: {', '.join(report.cyrillic_fonts) or 'none'}"
            f"\ndefault font:   {report.default_font or 'none'}"
        )
        for problem in report.problems:
            typer.echo(f"problem: {problem}", err=True)
    if not report.ok:
        raise typer.Exit(EXIT_PROBLEMS)


def main() -> None:
    app(prog_name="subtools")


if __name__ == "__main__":
    main()
