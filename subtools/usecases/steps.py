"""The steps a job runs on one caption file, as adapters over the use-cases.

Each step takes the current caption file and returns its result and the file
the next step works on (the translation, the fixed track), so steps chain.
"""

from __future__ import annotations

from pathlib import Path

from ..wording import plural
from .convert import load_track
from .job import StepResult
from .jobspec import JobSpec

__all__ = [
    "align_step",
    "check_step",
    "clip_step",
    "quotes_step",
    "read_step",
    "translate_step",
]


def read_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    _, info = load_track(path)
    summary = (
        f"{plural(info.cues, 'cue')}, {info.encoding}, language {info.language or 'unknown'}, "
        f"{(info.end_ms - info.start_ms) / 1000:.1f} s"
    )
    warnings = tuple(str(n) for n in info.notices)
    return StepResult(
        "read",
        True,
        summary,
        data={"info": info.to_dict()} if warnings else {},
        warnings=warnings,
    ), path


def align_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    """Align to the video's speech; later steps (quotes, clips) use the aligned file.

    Weak evidence is a problem of this file: the next steps keep the original
    timing, and the aligned file is written only with ``force``.
    """
    from ..align import AlignOptions
    from .align import align_file

    a = spec.align
    assert a is not None and spec.video is not None
    stem, language = _split_language(path)
    out = folder / f"{stem}.aligned{language}{path.suffix}"
    options = AlignOptions(max_offset_ms=a.max_offset_ms, split=a.split)
    result = align_file(spec.video, path, out, options=options, force=a.force)
    al = result.alignment
    summary = f"offset {al.offset_ms / 1000:+.2f} s"
    if al.ratio != 1:
        summary += f", speed ratio {al.ratio:.5f}"
    splits = len(al.segments) - 1
    if splits:
        summary += f", {splits} split{'s' * (splits != 1)}"
    if al.problems:
        summary += "; weak evidence: " + "; ".join(al.problems)
        if result.output is None:
            summary += " (not aligned, original timing kept)"
    outputs = () if result.output is None else (str(result.output),)
    return StepResult("align", al.confident, summary, outputs, result.to_dict()), (
        result.output or path
    )


def translate_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    from .translate import translate_file, write_bilingual

    t = spec.translate
    assert t is not None
    out = folder / f"{_split_language(path)[0]}.draft.{t.to}.srt"
    result = translate_file(
        path, out, to_lang=t.to, from_lang=t.source, model=t.model, glossary=t.glossary
    )
    if result.model.is_test_fixture:
        # Say it in the file name too: the draft was made by the test fixture model.
        out = out.replace(out.with_name(out.name.replace(".draft.", ".fixture-draft.")))
    outputs = [str(out)]
    # The result names the file before the fixture rename: report what is on disk.
    data = {**result.to_dict(), "output": str(out)}
    if t.bilingual:
        both = out.with_name(
            out.name.replace(f".{t.to}.srt", f".{result.source_language}-{t.to}.srt")
        )
        write_bilingual(result, both)
        outputs.append(str(both))
        data["bilingual_output"] = str(both)
    summary = (
        f"{plural(len(result.track), 'cue')}, {plural(result.sentences, 'sentence')}, "
        f"{result.source_language} -> {t.to} with {result.model.name}"
    )
    if result.notice:
        summary += f" ({result.notice.upper()})"
    if result.glossary_misses:
        summary += f", {len(result.glossary_misses)} glossary misses"
    ok = not result.glossary_misses
    return StepResult("translate", ok, summary, tuple(outputs), data), out


def _split_language(path: Path) -> tuple[str, str]:
    """``captions.ru.srt`` -> (``captions``, ``.ru``); (stem, "") without a language part."""
    head, dot, tail = path.stem.rpartition(".")
    if head and dot and len(tail) in (2, 3) and tail.isalpha():
        return head, f".{tail}"
    return path.stem, ""


def check_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    """Check against the profile; with ``fix``, fix first and check what is left."""
    from .check import check_file, fix_file

    c = spec.check
    assert c is not None
    if not c.fix:
        report = check_file(path, c.profile)
        errors = len(report.errors)
        warnings = len(report.findings) - errors
        summary = (
            f"{c.profile}: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}"
        )
        return StepResult("check", report.ok, summary, (), report.to_dict()), path
    stem, language = _split_language(path)
    out = folder / f"{stem}.fixed{language}.srt"
    fixed = fix_file(path, out, c.profile)
    errors = sum(f.is_error for f in fixed.findings)
    before = sum(f.is_error for f in fixed.before)
    fixes = len(fixed.changes)
    summary = (
        f"{c.profile}: {before} error{'s' * (before != 1)} before, "
        f"{fixes} fix{'es' * (fixes != 1)}, {errors} error{'s' * (errors != 1)} left for a person"
    )
    return StepResult("check+fix", errors == 0, summary, (str(out),), fixed.to_dict()), out


def quotes_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    from ..io import write_json_file
    from ..quotes.report import report_to_dict
    from .quotes import verify_quotes, write_html_report

    assert spec.article is not None and spec.quotes is not None
    # Captions translated by an earlier step with the test fixture model: the
    # report says so, as `quotes` does when it translates by itself.
    notice = next((s.data.get("notice") for s in earlier if s.name == "translate"), None)
    report = verify_quotes(spec.article, path, notice=notice)
    outputs = [folder / "quotes.json"]
    data = report_to_dict(report)
    write_json_file(data, outputs[0])
    if spec.quotes.html:
        outputs.append(folder / "quotes.html")
        write_html_report(report, outputs[-1])
    s = report.summary
    summary = (
        f"{plural(s['quotes'], 'quote')}: {s['exact']} exact, {s['minor']} minor, "
        f"{s['changed']} changed, {s['missing']} missing; {s['failures']} need attention"
    )
    if report.translated:
        summary += (
            f" (matched on a {report.translated.from_lang}->{report.translated.to_lang} "
            f"translation by {report.translated.model})"
        )
    if report.language_mismatch:
        summary = report.language_mismatch.message
    ok = not report.failures and report.language_mismatch is None
    data = {"summary": s, "failures": [q.id for q in report.failures]}
    return StepResult("quotes", ok, summary, tuple(map(str, outputs)), data, report), path


def clip_step(
    path: Path, spec: JobSpec, folder: Path, earlier: tuple[StepResult, ...] = ()
) -> tuple[StepResult, Path]:
    """Burn the passage of quote N into a clip, and save one frame of it as a picture."""
    from .burn import clip_file, quote_span, save_frame

    assert spec.clip is not None and spec.video is not None and spec.article is not None
    start, end = quote_span(spec.article, path, spec.clip.quote)
    out = folder / f"quote{spec.clip.quote}.mp4"
    result = clip_file(spec.video, path, out, start_ms=start, end_ms=end, pad_ms=spec.clip.pad_ms)
    picture = folder / f"quote{spec.clip.quote}.png"
    save_frame(out, picture, at_ms=spec.clip.pad_ms + 1000)
    summary = (
        f"quote {spec.clip.quote}: {(result.end_ms - result.start_ms) / 1000:.1f} s clip "
        f"from {result.start_ms / 1000:.1f} s, {result.cues} "
        f"caption{'s' * (result.cues != 1)} burned in ({result.font})"
    )
    return StepResult("clip", True, summary, (str(out), str(picture)), result.to_dict()), path
