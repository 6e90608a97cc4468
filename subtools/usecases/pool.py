"""Running a job's files in worker processes, and stopping them on an interrupt.

The rules every executor of a job follows (the local process pool here; a
cluster executor beside it reuses the same pieces):

- a worker ignores Ctrl-C's SIGINT (the terminal sends it to the whole process
  group; the parent decides), and dies with its parent (SIGTERM when the parent
  is gone, even after a SIGKILL);
- on SIGTERM a busy worker unwinds like Ctrl-C (its temporary files and ffmpeg
  are cleaned up) and exits; an idle one exits at once;
- when the parent is interrupted it cancels what has not started, stops every
  worker (SIGTERM, then SIGKILL after a grace period) and keeps the results
  that finished.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import TypeVar

from ..procs import Interrupted, die_with_parent

__all__ = [
    "STOP_GRACE_S",
    "WORKER_CLEANUP_S",
    "init_worker",
    "run_in_pool",
    "stop_workers",
    "worker_call",
]

STOP_GRACE_S = 1.5  # a busy worker's time to clean up before the parent's SIGKILL
WORKER_CLEANUP_S = 1.0  # and its own limit, for when the parent is gone

T = TypeVar("T")
_busy = False


def _on_stop_signal(signum: int, _frame: FrameType | None) -> None:
    if not _busy:
        os._exit(128 + signum)  # idle: nothing to clean up
    # The exception can land where Python swallows it (a finaliser, a callback):
    # the watchdog ends the worker anyway; a temporary left then is swept later.
    watchdog = threading.Timer(WORKER_CLEANUP_S, os._exit, (128 + signum,))
    watchdog.daemon = True
    watchdog.start()
    raise Interrupted(signum)  # unwinds through every cleanup, then worker_call exits


def init_worker(parent: int) -> None:
    """Initializer of every worker process (see the module doc)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, _on_stop_signal)
    die_with_parent(signal.SIGTERM, parent)


def worker_call(fn: Callable[..., T], *args: object) -> T:
    """Run ``fn`` in a worker; a stop signal during it ends the worker after cleanup."""
    global _busy
    try:
        _busy = True
        return fn(*args)
    except KeyboardInterrupt:
        os._exit(128 + signal.SIGTERM)
    finally:
        _busy = False


def stop_workers(processes: Sequence[BaseProcess], grace: float = STOP_GRACE_S) -> None:
    """SIGTERM every worker, wait up to ``grace`` seconds, SIGKILL what is left."""
    for p in processes:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + grace
    for p in processes:
        p.join(max(0.0, deadline - time.monotonic()))
    for p in processes:
        if p.is_alive():
            p.kill()
            p.join(1)


def run_in_pool(
    fn: Callable[..., T],
    tasks: Sequence[tuple[Path, tuple[object, ...]]],
    workers: int,
    record: Callable[[Path, T | BaseException], None],
) -> None:
    """Run ``fn(*args)`` per task in ``workers`` processes; ``record`` each outcome as it comes.

    An interrupt (KeyboardInterrupt, which SIGTERM/SIGHUP become in the CLI)
    cancels the rest, stops every worker and is raised again for the caller to
    report what finished.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=init_worker, initargs=(os.getpid(),)
    )
    try:
        futures: dict[Future[T], Path] = {
            pool.submit(worker_call, fn, *args): path for path, args in tasks
        }
        for future in as_completed(futures):
            try:
                outcome: T | BaseException = future.result()
            except Exception as exc:  # a worker died (e.g. killed): that file fails alone
                outcome = exc
            record(futures[future], outcome)
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        stop_workers(processes)
        raise
    pool.shutdown(wait=True)
