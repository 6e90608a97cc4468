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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, SubtoolsError
from ..io import make_folder, protect_inputs, write_json_file
from .jobspec import JobSpec, validate_job
from .pool import run_in_pool

__all__ = [
    "FileResult",
    "JobPlan",
    "JobReport",
    "StepResult",
    "output_folders",
    "plan_job",
    "process_file",
    "run_job",
]


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
    warnings: tuple[str, ...] = ()  # shown under the file in the console, as `info` does

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "summary": self.summary,
            "outputs": list(self.outputs),
            **({"warnings": list(self.warnings)} if self.warnings else {}),
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
    # Ctrl-C or SIGTERM stopped the job: ``files`` holds what finished,
    # ``not_finished`` the rest.
    interrupted: bool = False
    not_finished: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # e.g. output folders renamed to stay unique

    def counts(self) -> dict[str, int]:
        counts = {"files": len(self.files), "ok": 0, "problems": 0, "error": 0}
        for f in self.files:
            counts[f.status] += 1
        if self.interrupted:
            counts["not_finished"] = len(self.not_finished)
        return counts

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 2
        counts = self.counts()
        return 0 if counts["ok"] == counts["files"] else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "summary": self.counts(),
            **(
                {"interrupted": True, "not_finished": list(self.not_finished)}
                if self.interrupted
                else {}
            ),
            **({"notices": list(self.notices)} if self.notices else {}),
            "files": [f.to_dict() for f in self.files],
        }


Step = Callable[..., tuple[StepResult, Path]]


def _steps(spec: JobSpec) -> Iterable[Step]:
    from . import steps

    yield steps.read_step
    if spec.translate:
        yield steps.translate_step
    if spec.check:
        yield steps.check_step
    if spec.quotes:
        yield steps.quotes_step
    if spec.clip:
        yield steps.clip_step


SUMMARY_NAME = "summary.json"


@dataclass(frozen=True, slots=True)
class JobPlan:
    """Where each file's outputs and the summary go, decided before any file runs."""

    folders: dict[Path, Path]
    summary: Path
    notices: tuple[str, ...] = ()


def _folder_names(spec: JobSpec) -> dict[Path, Path]:
    """``out/<stem>`` per file, below the sub-folders a glob reached (``a/ru.srt``
    -> ``out/a/ru``); files that would share one (``one.srt``, ``one.vtt``) keep
    their extension in it (``one-srt``, ``one-vtt``)."""
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


def plan_job(spec: JobSpec) -> JobPlan:
    """Unique output folders (a collision gets ``-2``, ``-3``..., reported), none
    equal to an input or the summary; the summary path is never an input."""
    summary = spec.out / SUMMARY_NAME
    inputs = {p.absolute() for p in spec.inputs()}
    if summary.absolute() in inputs:
        raise InputError(
            f"the job's summary would replace an input file named {SUMMARY_NAME}",
            path=summary,
            hint="choose another [output] folder or rename that input",
        )
    if summary.is_dir():
        raise InputError("the job's summary path is a folder", path=summary)
    if len(spec.captions) == 1:
        return JobPlan(_folder_names(spec), summary)
    taken = {summary.absolute(), *inputs}
    folders: dict[Path, Path] = {}
    notices: list[str] = []
    for path, wanted in _folder_names(spec).items():
        folder, n = wanted, 1
        while folder.absolute() in taken:
            n += 1
            folder = wanted.with_name(f"{wanted.name}-{n}")
        if folder != wanted:
            notices.append(f"{path}: outputs in {folder} ({wanted} is taken)")
        taken.add(folder.absolute())
        folders[path] = folder
    return JobPlan(folders, summary, tuple(notices))


def output_folders(spec: JobSpec) -> dict[Path, Path]:
    """Each caption file's own output folder (see :func:`plan_job`)."""
    return plan_job(spec).folders


def process_file(captions: Path, spec: JobSpec, folder: Path | None = None) -> FileResult:
    """Run every configured step on one caption file; each step gets the previous one's track.

    No output replaces a file the job reads (its captions, article, glossary, ...).
    """
    folder = output_folders(spec)[captions] if folder is None else folder
    done: list[StepResult] = []
    current, stage = captions, "output"
    try:
        with protect_inputs(*spec.inputs()):
            make_folder(folder)
            for step in _steps(spec):
                stage = step.__name__.removesuffix("_step")
                result, current = step(current, spec, folder, tuple(done))
                done.append(result)
        return FileResult(str(captions), tuple(done))
    except SubtoolsError as exc:
        error = f"{stage}: {exc}"
    except Exception as exc:  # a bug in one file must not stop the batch
        error = f"internal error: {type(exc).__name__}: {exc}; please report it"
    except BaseException:  # interrupted: no empty folder left behind either
        _remove_if_empty(folder, spec)
        raise
    _remove_if_empty(folder, spec)
    return FileResult(str(captions), tuple(done), error)


def _remove_if_empty(folder: Path, spec: JobSpec) -> None:
    if folder != spec.out:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if the failure left it empty


def run_job(
    spec: JobSpec, jobs: int = 1, progress: Callable[[FileResult], None] | None = None
) -> JobReport:
    """Every file through every step; the summary is written even when interrupted.

    The job's shared values are checked and its outputs planned before the
    first file runs (an InputError then, and no output folder is made).
    Ctrl-C or SIGTERM (as KeyboardInterrupt) stops the outstanding work; the
    report is marked interrupted and lists what finished.
    """
    validate_job(spec)
    plan = plan_job(spec)
    make_folder(spec.out)
    results: dict[Path, FileResult] = {}

    def record(path: Path, outcome: FileResult | BaseException) -> None:
        if isinstance(outcome, BaseException):
            outcome = FileResult(
                str(path), (), f"worker process failed: {type(outcome).__name__}: {outcome}"
            )
        results[path] = outcome
        if progress:
            progress(outcome)

    interrupted = False
    try:
        if jobs <= 1 or len(spec.captions) == 1:
            for path in spec.captions:
                record(path, process_file(path, spec, plan.folders[path]))
        else:
            tasks = [(p, (p, spec, plan.folders[p])) for p in spec.captions]
            run_in_pool(process_file, tasks, min(jobs, len(tasks)), record)
    except KeyboardInterrupt:
        interrupted = True
    report = JobReport(
        str(spec.out),
        tuple(results[p] for p in spec.captions if p in results),
        str(plan.summary),
        interrupted=interrupted,
        not_finished=tuple(str(p) for p in spec.captions if p not in results),
        notices=plan.notices,
    )
    write_json_file(report.to_dict(), plan.summary)
    return report
