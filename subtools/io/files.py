"""Safe file handling: atomic outputs, and never overwriting a file the command reads.

Every output goes through :func:`atomic_output`: it is written beside the target
under a short temporary name and renamed over it only on success. Special
targets are handled there once for every writer: a symlink is followed (its
target is replaced), a character device or FIFO is streamed into (``/dev/null``,
``/dev/stdout``, a pipe stay what they are), anything else that is not a regular
file is refused.

Within an :func:`protect_inputs` scope (every CLI command, every file of a job)
each file read through :func:`read_bytes` or named by :func:`note_read` is
protected: an output path that is one of them is an :class:`InputError`.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

__all__ = [
    "TEMP_PREFIX",
    "atomic_output",
    "atomic_write_text",
    "make_folder",
    "note_read",
    "output_folder",
    "protect_inputs",
    "read_bytes",
    "refuse_same_path",
    "sweep_stale",
]

# Temporary names carry the writer's process id, so a later run can tell the
# leftovers of a killed run (owner gone) from another run's work in progress.
# They stay short: a 250-byte output name must not make a 256-byte temp name.
TEMP_PREFIX = ".subtools-"
_TEMP_NAME = re.compile(r"^\.subtools-(\d+)-")
_MAX_TEMP_SUFFIX = 16

_Key = tuple[str, tuple[int, int] | None]
_READ: contextvars.ContextVar[set[_Key] | None] = contextvars.ContextVar(
    "subtools_read_paths", default=None
)
_SWEPT_KEYS: set[tuple[str, str]] = set()


def _key(path: str | os.PathLike[str]) -> _Key:
    p = Path(path)
    try:
        st = p.stat()
        ident: tuple[int, int] | None = (st.st_dev, st.st_ino)
    except OSError:
        ident = None
    return os.path.realpath(p), ident


@contextlib.contextmanager
def protect_inputs(*paths: str | os.PathLike[str] | None) -> Iterator[None]:
    """Protect ``paths`` and every file read inside this scope from being overwritten.

    Scopes nest: an inner scope protects what the outer one does, and more.
    """
    current = set(_READ.get() or ())
    current.update(_key(p) for p in paths if p is not None)
    token = _READ.set(current)
    try:
        yield
    finally:
        _READ.reset(token)


def note_read(path: str | os.PathLike[str]) -> None:
    """Record that the command reads ``path`` (outside a scope: nothing to protect)."""
    read = _READ.get()
    if read is not None:
        read.add(_key(path))


def _is_read(target: Path) -> bool:
    read = _READ.get()
    if not read:
        return False
    real, ident = _key(target)
    return any(r == real or (ident is not None and i == ident) for r, i in read)


def refuse_same_path(source: str | os.PathLike[str], output: str | os.PathLike[str]) -> None:
    a, b = Path(source), Path(output)
    same = a.resolve() == b.resolve()
    if not same and a.exists() and b.exists():
        same = os.path.samefile(a, b)
    if same:
        raise InputError("output path is the input file; refusing to overwrite it", path=output)


def output_folder(path: str | os.PathLike[str]) -> Path:
    """The existing folder an output file goes to; InputError when there is none,
    when the output is a file this command reads, or is neither a file nor a stream.

    Use-cases call it before any long work, so a typo in the output path costs nothing.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=folder)
    if target.is_dir():
        raise InputError("output path is a folder", path=target)
    if _is_read(target):
        raise InputError(
            "output path is a file this command reads; refusing to overwrite it", path=target
        )
    _stream_target(target)  # refuses a socket or block device now, not after the work
    return folder


def _stream_target(target: Path) -> bool:
    """Whether ``target`` is written by streaming (a character device or a FIFO)."""
    try:
        mode = target.stat().st_mode  # follows a symlink to what it names
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise InputError(f"cannot use the output path: {exc.strerror}", path=target) from None
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    raise InputError("output path is not a regular file, a device or a pipe", path=target)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; put it in place only on success.

    The temp file keeps the target's extension so tools that pick a format from
    the name (ffmpeg) behave the same. A symlink's target is replaced, not the
    link; a device or FIFO receives the finished bytes, and the temp file lives
    in the system's temp folder (never beside ``/dev/null``).
    """
    given = Path(path)
    output_folder(given)
    # A link is followed: its target is the file to replace (a dangling link too).
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = output_folder(target)
    stream = _stream_target(target)
    tmp_folder = Path(tempfile.gettempdir()) if stream else folder
    sweep_stale(tmp_folder)
    ext = suffix or target.suffix
    if len(ext) > _MAX_TEMP_SUFFIX:
        ext = ""
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=ext, dir=tmp_folder
        )
    except OSError as exc:
        raise InputError(
            f"cannot write in the output folder: {exc.strerror}", path=tmp_folder
        ) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if stream:
            _stream_into(tmp_path, target)
        else:
            # mkstemp makes the file 0600; give it the mode the replaced file had,
            # or the one any new file gets (umask), so others can read the output.
            tmp_path.chmod(_mode_for(target))
            os.replace(tmp_path, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def _stream_into(source: Path, target: Path) -> None:
    try:
        with source.open("rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=target) from None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def sweep_stale(folder: str | os.PathLike[str], prefix: re.Pattern[str] = _TEMP_NAME) -> None:
    """Remove the temporaries a killed run left in ``folder`` (their process is gone).

    Done once per folder and process: the first write into a folder pays for it.
    """
    where = os.path.realpath(folder)
    if (where, prefix.pattern) in _SWEPT_KEYS:
        return
    _SWEPT_KEYS.add((where, prefix.pattern))
    with contextlib.suppress(OSError):
        for entry in os.scandir(where):
            m = prefix.match(entry.name)
            if m and not _alive(int(m.group(1))):
                with contextlib.suppress(OSError):
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path)
                    else:
                        os.unlink(entry.path)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", path=p)
    if p.is_dir():
        raise InputError("is a folder, not a file", path=p)
    note_read(p)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=p) from None


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create an output folder (and its parents) if needed; InputError if it cannot be."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot make the output folder: {exc.strerror}", path=folder) from None
    return folder
