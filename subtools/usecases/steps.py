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
