"""Run a job: every step for every caption file, in parallel, with one summary.

A failure in one file (bad input, a step that cannot run) is recorded with its
reason and never stops the other files. ``summary.json`` in the output folder
lists every file's result.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SubtoolsError
from ..io import make_folder, write_json_file
from .jobspec import JobSpec

__all__ = ["FileResult", "JobReport", "StepResult", "output_folders", "process_file", "run_job"]


@dataclass(frozen=True, slots=True)
class StepResult:
    name: str
    ok: bool  # False: the step ran and found problems
    summary: str
    outputs: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    # The use-case's own result (e.g. the QuoteReport), for callers that present
    # it; not part of the summary JSON.
    detail: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "summary": self.summary,
            "outputs": list(self.outputs),
            **({"data": self.data} if self.data else {}),
        }


@dataclass(frozen=True, slots=True)
class FileResult:
    file: str
    steps: tuple[StepResult, ...]
    error: str | None = None  # the step could not run: why

    @property
    def status(self) -> str:
        if self.error:
            return "error"
        return "ok" if all(s.ok for s in self.steps) else "problems"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error,
            "steps": [s.to_dict() for s in self.steps],
        }


@dataclass(frozen=True, slots=True)
class JobReport:
    out: str
    files: tuple[FileResult, ...]
    summary_path: str

    def counts(self) -> dict[str, int]:
        counts = {"files": len(self.files), "ok": 0, "problems": 0, "error": 0}
        for f in self.files:
            counts[f.status] += 1
        return counts

    @property
    def exit_code(self) -> int:
        counts = self.counts()
        return 0 if counts["ok"] == counts["files"] else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "summary": self.counts(),
            "files": [f.to_dict() for f in self.files],
        }


Step = Callable[[Path, JobSpec, Path], tuple[StepResult, Path]]


def _steps(spec: JobSpec) -> Iterable[Step]:
    from . import steps

    yield steps.read_step
    if spec.align:
        yield steps.align_step
    if spec.translate:
        yield steps.translate_step
    if spec.check:
        yield steps.check_step
    if spec.quotes:
        yield steps.quotes_step
    if spec.clip:
        yield steps.clip_step


def output_folders(spec: JobSpec) -> dict[Path, Path]:
    """Each caption file's own output folder: ``out`` for a single file, else
    ``out/<stem>``, below the sub-folders a glob reached (``a/ru.srt`` ->
    ``out/a/ru``); files that would still share one (``one.srt``, ``one.vtt``)
    keep their extension in it (``one-srt``, ``one-vtt``)."""
    if len(spec.captions) == 1:
        return {spec.captions[0]: spec.out}
    root = Path(os.path.commonpath([p.parent.absolute() for p in spec.captions]))
    rel = {p: p.absolute().relative_to(root) for p in spec.captions}
    named = Counter(r.with_suffix("") for r in rel.values())
    return {
        p: spec.out
        / r.with_name(r.stem if named[r.with_suffix("")] == 1 else f"{r.stem}-{r.suffix[1:]}")
        for p, r in rel.items()
    }


def process_file(captions: Path, spec: JobSpec, folder: Path | None = None) -> FileResult:
    """Run every configured step on one caption file; each step gets the previous one's track."""
    folder = output_folders(spec)[captions] if folder is None else folder
    done: list[StepResult] = []
    current, stage = captions, "output"
    try:
        make_folder(folder)
        for step in _steps(spec):
            stage = step.__name__.removesuffix("_step")
            result, current = step(current, spec, folder)
            done.append(result)
        return FileResult(str(captions), tuple(done))
    except SubtoolsError as exc:
        error = f"{stage}: {exc}"
    except Exception as exc:  # a bug in one file must not stop the batch
        error = f"internal error: {type(exc).__name__}: {exc}; please report it"
    if folder != spec.out:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if the failure left it empty
    return FileResult(str(captions), tuple(done), error)


def run_job(
    spec: JobSpec, jobs: int = 1, progress: Callable[[FileResult], None] | None = None
) -> JobReport:
    make_folder(spec.out)
    results: dict[Path, FileResult] = {}
    folders = output_folders(spec)
    if jobs <= 1 or len(spec.captions) == 1:
        for path in spec.captions:
            results[path] = process_file(path, spec, folders[path])
            if progress:
                progress(results[path])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(spec.captions))) as pool:
            futures = {pool.submit(process_file, p, spec, folders[p]): p for p in spec.captions}
            for future in as_completed(futures):
                path = futures[future]
                try:
                    results[path] = future.result()
                except Exception as exc:  # a worker died (e.g. killed): that file fails alone
                    results[path] = FileResult(
                        str(path), (), f"worker process failed: {type(exc).__name__}: {exc}"
                    )
                if progress:
                    progress(results[path])
    ordered = tuple(results[p] for p in spec.captions)
    summary_path = spec.out / "summary.json"
    report = JobReport(str(spec.out), ordered, str(summary_path))
    write_json_file(report.to_dict(), summary_path)
    return report
