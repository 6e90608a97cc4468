"""``subtools demo``: the whole job on the bundled samples, outputs in one folder.

The demo is two jobs run by the same machinery as ``subtools run``:
- the translator's: the Russian track -> English draft (bilingual too) -> check and fix;
- the editor's and video editor's: the volunteers' English track -> check and fix
  -> verify the article's quotes (table, JSON, HTML) -> a burned clip of one quote.
Without a real ru->en model installed, the translation uses the tiny test fixture
model, and every output and the summary say so. Samples and fixture model ship in
the wheel (subtools.resources), so the demo runs from any folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..io import make_folder
from ..resources import fixture_model, samples_dir
from .job import FileResult, StepResult, process_file
from .jobspec import CheckSpec, ClipSpec, JobSpec, QuotesSpec, TranslateSpec

__all__ = ["DEMO_VIDEO", "FIXTURE_MODEL", "SAMPLES", "DemoResult", "run_demo"]

SAMPLES = samples_dir()
FIXTURE_MODEL = fixture_model()
DEMO_QUOTE = 4  # "Three weeks ago we were sent to the front line … without training."
VIDEO_SECONDS = 60
DEMO_VIDEO = "sample-video.mp4"  # in the demo's folder; README's burn examples use it


@dataclass(frozen=True, slots=True)
class DemoResult:
    folder: str
    results: tuple[FileResult, ...]
    fixture_translation: bool

    @property
    def ok(self) -> bool:
        return all(r.error is None for r in self.results)


def run_demo(
    out_dir: str | os.PathLike[str],
    samples: Path | None = None,
    progress: Callable[[str, StepResult], None] | None = None,
) -> DemoResult:
    from .translate import real_model_installed

    out = Path(out_dir)
    make_folder(out)
    samples = _short(samples or samples_dir())
    report = progress or (lambda _name, _step: None)
    fixture = not real_model_installed("ru", "en")
    translator_job = JobSpec(
        captions=(samples / "captions.ru.srt",),
        out=out / "translation",
        translate=TranslateSpec(
            to="en", source="auto", model=fixture_model() if fixture else None, bilingual=True
        ),
        check=CheckSpec("netflix-en", fix=True),
    )
    video = _sample_video(out)
    editor_job = JobSpec(
        captions=(samples / "captions.en.srt",),
        out=out / "quotes",
        article=samples / "article.txt",
        video=video,
        check=CheckSpec("netflix-en", fix=True),
        quotes=QuotesSpec(html=True),
        clip=ClipSpec(DEMO_QUOTE, 500),
    )
    results = []
    for label, job in (("translator", translator_job), ("editor", editor_job)):
        result = process_file(job.captions[0], job)
        for step in result.steps:
            report(label, step)
        if result.error:
            report(label, StepResult("error", False, result.error))
        results.append(result)
    return DemoResult(str(out), tuple(results), fixture)


def _short(path: Path) -> Path:
    """``samples`` relative to the working folder when it is below it: reports read better."""
    relative = Path(os.path.relpath(path))
    return path if relative.parts[:1] == ("..",) else relative


def _sample_video(out: Path) -> Path:
    """A synthetic 60 s video (test pattern + tone) standing in for the soldier's video."""
    from .burn import make_test_video

    video = out / DEMO_VIDEO
    if not video.exists():
        make_test_video(video, VIDEO_SECONDS, size="640x360")
    return video
