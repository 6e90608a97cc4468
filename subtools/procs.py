"""Process lifetime: stop signals as interrupts, and children that die with their parent.

SIGTERM and SIGHUP (a ``kill``, a closed terminal) are turned into
:class:`Interrupted`, a ``KeyboardInterrupt``, so every ``finally`` and
``except BaseException`` that cleans up after Ctrl-C (temporary files, a
running ffmpeg) runs for them too. Child processes (ffmpeg, job workers) ask
the kernel to kill them when their parent dies, so even a SIGKILL of subtools
leaves no encoder running.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType

__all__ = ["Interrupted", "die_with_parent", "preexec_die_with_parent", "stop_signals_interrupt"]

_PR_SET_PDEATHSIG = 1
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived; cleans up exactly like Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_interrupted(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {s: signal.signal(s, _raise_interrupted) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn: Callable[..., int] = libc.prctl
    except (OSError, AttributeError):
        return None
    return fn


_PRCTL = _prctl()


def die_with_parent(signum: int = signal.SIGKILL, parent: int | None = None) -> None:
    """Ask the kernel to send ``signum`` to this process when its parent dies (Linux).

    ``parent`` is the pid the caller expects as parent: if it is already gone
    (it died between fork and this call), the process ends now.
    """
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signum)


def preexec_die_with_parent() -> Callable[[], None]:
    """A ``preexec_fn`` for Popen: the child is killed when this process dies."""
    parent = os.getpid()

    def preexec() -> None:
        die_with_parent(signal.SIGKILL, parent)

    return preexec
