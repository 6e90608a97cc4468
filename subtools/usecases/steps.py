"""The steps a job runs on one caption file, as adapters over the use-cases.

Each step takes the current caption file and returns its result and the file
the next step works on (the translation, the fixed track), so steps chain.
"""

from __future__ import annotations

from pathlib import Path

from .convert import load_track
from .job import StepResult
from .jobspec import JobSpec

__all__ = ["read_step", "translate_step", "check_step", "quotes_step", "clip_step"]


def read_step(path: Path, spec: JobSpec, folder: Path) -> tuple[StepResult, Path]:
    track, info = load_track(path)
    summary = (
        f"{info.cues} cues, {info.encoding}, language {info.language or 'unknown'}, "
        f"{(info.end_ms - info.start_ms) / 1000:.1f} s"
    )
    warnings = [str(n) for n in info.notices]
    return StepResult(
        "read", True, summary, data={"info": info.to_dict()} if warnings else {}
    ), path


def translate_step(path: Path, spec: JobSpec, folder: Path) -> tuple[StepResult, Path]:
    from .translate import translate_file, write_bilingual

    t = spec.translate
    assert t is not None
    out = folder / f"{_stem(path)}.{t.to}.srt"
    result = translate_file(
        path, out, to_lang=t.to, from_lang=t.source, model=t.model, glossary=t.glossary
    )
    outputs = [str(out)]
    if t.bilingual:
        both = folder / f"{_stem(path)}.{result.source_language}-{t.to}.srt"
        write_bilingual(result, both)
        outputs.append(str(both))
    summary = (
        f"{len(result.track)} cues, {result.sentences} sentences, "
        f"{result.source_language} -> {t.to} with {result.model.name}"
    )
    if result.notice:
        summary += f" ({result.notice.upper()})"
    if result.glossary_misses:
        summary += f", {len(result.glossary_misses)} glossary misses"
    ok = not result.glossary_misses
    return StepResult("translate", ok, summary, tuple(outputs), result.to_dict()), out


def _stem(path: Path) -> str:
    """``captions.ru.srt`` -> ``captions``: drop the language part too."""
    stem = path.stem
    head, _, tail = stem.rpartition(".")
    return head if head and len(tail) in (2, 3) and tail.isalpha() else stem
