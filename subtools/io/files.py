"""Safe file handling: atomic outputs and refusing to overwrite an input."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

__all__ = [
    "atomic_output",
    "atomic_write_text",
    "make_folder",
    "output_folder",
    "read_bytes",
    "refuse_same_path",
]


def refuse_same_path(source: str | os.PathLike[str], output: str | os.PathLike[str]) -> None:
    a, b = Path(source), Path(output)
    same = a.resolve() == b.resolve()
    if not same and a.exists() and b.exists():
        same = os.path.samefile(a, b)
    if same:
        raise InputError("output path is the input file; refusing to overwrite it", path=output)


def output_folder(path: str | os.PathLike[str]) -> Path:
    """The existing folder an output file goes to; InputError when there is none.

    Use-cases call it before any long work, so a typo in the output path costs nothing.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=folder)
    if target.is_dir():
        raise InputError("output path is a folder", path=target)
    return folder


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success.

    The temp file keeps the target's extension so tools that pick a format from
    the name (ffmpeg) behave the same.
    """
    target = Path(path)
    folder = output_folder(target)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=suffix or target.suffix, dir=folder
        )
    except OSError as exc:
        raise InputError(
            f"cannot write in the output folder: {exc.strerror}", path=folder
        ) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp makes the file 0600; give it the mode the replaced file had,
        # or the one any new file gets (umask), so others can read the output.
        tmp_path.chmod(_mode_for(target))
        os.replace(tmp_path, target)
    except OSError as exc:
        # A full disk (errno 28) names no file: say which output could not be written.
        raise InputError(f"cannot write: {exc.strerror or exc}", path=target) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


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
