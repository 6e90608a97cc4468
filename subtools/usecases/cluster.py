"""Run a job's files as tasks on a Dask cluster: ``subtools run JOB.toml --cluster ...``.

The only module that imports ``dask.distributed`` (the ``[cluster]`` extra), and
only when a cluster is asked for. Each caption file is one task running the same
``process_file`` as a local run, so outputs, the summary and exit codes are the
same; workers read inputs and write outputs (atomically) by path on storage they
share with this machine. What a worker loads (the translation model, parsed
fonts) stays in its process for the next file.

- ``local:N`` starts a LocalCluster of N single-threaded worker processes here;
  any other address is a running scheduler (``tcp://host:8786``).
- Before anything is submitted, every worker checks that it can read every
  input and write the output folder; a path one cannot use is an InputError.
- A worker that dies mid-file: the scheduler runs the file again once (for
  ``local:N``; a remote scheduler's ``distributed.scheduler.allowed-failures``
  decides), then the file fails with the reason and the others go on.
- Ctrl-C (or SIGTERM, which the CLI turns into the same interrupt) cancels the
  outstanding tasks; run_job writes the summary of what finished.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import DependencyError, InputError
from .job import FileResult, process_file
from .jobspec import JobSpec

__all__ = ["LOCAL", "DaskRunner", "job_paths", "unusable_paths"]

LOCAL = "local:"
CONNECT_TIMEOUT_S = 10
_ONE_THREAD = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
Task = Callable[[Path, JobSpec, Path], FileResult]

# Per worker process: files it ran (the model-load count lives in translate.loaded).
_files_run = 0


class DaskRunner:
    """Runs a job's files on a Dask cluster; see the module docstring."""

    def __init__(self, address: str, task: Task = process_file) -> None:
        self.address = address
        self.task = task  # tests swap in a task that kills its worker once
        # After a run: per worker address, {"files": n, "model_loads": n}.
        self.worker_stats: dict[str, dict[str, int]] = {}
        self.local_workers = _local_workers(address)

    def run(
        self, spec: JobSpec, folders: Mapping[Path, Path]
    ) -> Generator[tuple[Path, FileResult] | None, None, None]:
        """None once every worker can use every path, then (caption path, result) per file."""
        distributed = _import_distributed()
        captions = spec.captions  # as the caller knows them
        if self.local_workers is None:
            # Remote workers have another working folder: give them absolute paths.
            spec, folders = _absolute(spec, folders)
        with ExitStack() as stack:
            client = stack.enter_context(self._client(distributed))
            _refuse_unusable(client, spec)
            yield None
            futures = {
                client.submit(
                    _run_task, self.task, path, spec, folders[path], key=f"subtools-{n}-{path.name}"
                ): given
                for n, (given, path) in enumerate(zip(captions, spec.captions, strict=True))
            }
            try:
                for future in distributed.as_completed(futures):
                    yield futures[future], _result(future, futures[future])
                self.worker_stats = client.run(_worker_stats)
            finally:
                # Interrupted (or the caller stopped early): nothing outstanding keeps running.
                client.cancel(list(futures), force=True)

    @contextmanager
    def _client(self, distributed: Any) -> Iterator[Any]:
        import dask

        if self.local_workers is not None:
            # Our own scheduler: a file whose worker dies is retried once, then fails.
            # Workers fork from a fresh server process: a second to start, not the
            # ~8 s of spawning each (re-importing dask), and none inherits this
            # process's signal handlers or threads as plain fork would.
            settings = {
                "distributed.scheduler.allowed-failures": 1,
                # One file in flight per worker thread (Dask's default 1.1 sends a
                # second one ahead): a file queued on a worker that dies counts that
                # death against itself, so an innocent file beside one that kills
                # its worker twice would fail too.
                "distributed.scheduler.worker-saturation": 1.0,
                "distributed.worker.multiprocessing-method": "forkserver",
                # Dask's default MALLOC_TRIM_THRESHOLD_=65536 made each file 2.5x
                # slower here (CTranslate2 allocates and frees big buffers per
                # batch); keep its one-thread-per-library settings only.
                "distributed.nanny.pre-spawn-environ": dict.fromkeys(_ONE_THREAD, 1),
                # its sampling profiler costs ~15% of a worker's time; nobody reads it
                "distributed.worker.profile.enabled": False,
            }
            with (
                dask.config.set(settings),
                distributed.LocalCluster(
                    n_workers=self.local_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # its HTTP endpoint on a free port, not 8787 (which warns when taken)
                    scheduler_kwargs={"dashboard_address": ":0"},
                    silence_logs=logging.CRITICAL,
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                yield client
            return
        try:
            client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(
                f"cannot reach the Dask scheduler: {exc}",
                value=self.address,
                hint="start one with `dask scheduler` and workers with `dask worker ADDRESS "
                "--nthreads 1`, or try `--cluster local:2`",
            ) from None
        with client:
            yield client


def _local_workers(address: str) -> int | None:
    if not address.startswith(LOCAL):
        if "://" not in address:
            raise InputError(
                "--cluster takes a scheduler address (tcp://host:8786) or local:N",
                value=address,
            )
        return None
    count = address.removeprefix(LOCAL)
    if not count.isdigit() or int(count) < 1:
        raise InputError("--cluster local:N needs a number of workers >= 1", value=address)
    return int(count)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DependencyError(
            "--cluster needs dask.distributed", hint="pip install 'subtools[cluster]'"
        ) from None
    return distributed


def _run_task(task: Task, path: Path, spec: JobSpec, folder: Path) -> FileResult:
    from ..translate.loaded import keep_models

    global _files_run
    _files_run += 1
    keep_models()  # a worker process: the model stays loaded for its next files
    return task(path, spec, folder)


def _absolute(spec: JobSpec, folders: Mapping[Path, Path]) -> tuple[JobSpec, dict[Path, Path]]:
    def absolute(path: Path | None) -> Path | None:
        return None if path is None else path.absolute()

    translate = spec.translate and replace(
        spec.translate,
        model=absolute(spec.translate.model),
        glossary=absolute(spec.translate.glossary),
    )
    moved = replace(
        spec,
        captions=tuple(p.absolute() for p in spec.captions),
        out=spec.out.absolute(),
        article=absolute(spec.article),
        video=absolute(spec.video),
        translate=translate,
    )
    return moved, {p.absolute(): f.absolute() for p, f in folders.items()}


def _worker_stats() -> dict[str, int]:
    from ..translate.loaded import model_loads

    return {"files": _files_run, "model_loads": model_loads()}


def _result(future: Any, path: Path) -> FileResult:
    try:
        result: FileResult = future.result()
    except Exception as exc:  # the task never raises: its worker died (twice)
        name = type(exc).__name__
        reason = "its worker died while processing it" if name == "KilledWorker" else str(exc)
        return FileResult(str(path), (), f"cluster: {reason} ({name})")
    return result


def job_paths(spec: JobSpec) -> tuple[list[Path], list[Path]]:
    """(paths the workers read, folders they write) of a job."""
    reads = list(spec.captions)
    reads += [p for p in (spec.article, spec.video) if p is not None]
    if spec.translate is not None:
        reads += [p for p in (spec.translate.model, spec.translate.glossary) if p is not None]
    return reads, [spec.out]


def unusable_paths(reads: Sequence[Path], writes: Sequence[Path]) -> list[tuple[str, str]]:
    """(path, why) for every input this process cannot read and output folder it cannot write.

    Runs on each worker. Opening the file is the test (permission bits say
    nothing to root, and a share can fail on read).
    """
    problems = []
    for path in reads:
        try:
            with open(path, "rb") as fh:
                fh.read(1)
        except OSError as exc:
            problems.append((str(path), exc.strerror or type(exc).__name__))
    for folder in writes:
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is None or not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            problems.append((str(folder), "cannot create or write this output folder"))
    return problems


def _refuse_unusable(client: Any, spec: JobSpec) -> None:
    reads, writes = job_paths(spec)
    reads = [p.absolute() for p in reads]
    writes = [p.absolute() for p in writes]
    found: dict[tuple[str, str], list[str]] = {}
    for worker, problems in client.run(unusable_paths, reads, writes).items():
        for path, why in problems:
            found.setdefault((path, why), []).append(worker)
    if found:
        (path, why), workers = next(iter(found.items()))
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise InputError(
            f"not usable on {len(workers)} of {len(client.scheduler_info()['workers'])} "
            f"cluster workers: {why}{more}",
            path=path,
            hint="inputs and the output folder must be on storage every worker mounts "
            "at the same path",
        )
