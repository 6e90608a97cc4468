"""Translation models loaded once per process and kept for the next file.

Unpacking an .argosmodel, loading its CTranslate2 model and tokenizer costs
more than translating a short track, and a batch worker (a ``--jobs`` process,
a Dask worker) translates many files with the same model: each process loads a
model once and reuses it. A model file is known by path, size and modification
time, so a file replaced on disk is loaded again.

Only batch workers keep models (``keep_models()``, called by the worker pool
and the Dask task): a kept CTranslate2 model has live threads, and a process
forked while they run cannot use CTranslate2 at all (it hangs), so the main
process, which may fork a pool later, loads a model per use as before. A forked
process starts with nothing kept.

The unpacked folder is shared by every process on the machine (one folder per
model file version under the temporary folder, made atomically), so worker
processes, which exit without running cleanup handlers, leave nothing behind
per run, and a model file is unpacked once, not once per use.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

from . import argos, models

__all__ = [
    "installed_translator",
    "keep_models",
    "model_loads",
    "model_translator",
    "unpacked_folder",
]

_lock = threading.Lock()
_loaded: dict[tuple[str, int, int], argos.ArgosTranslator] = {}
_loads = 0
_keep = False


def keep_models() -> None:
    """Keep every model this process loads for its next files (batch workers only)."""
    global _keep
    _keep = True


def _forget_after_fork() -> None:
    global _loads, _lock, _keep
    _loaded.clear()
    _loads = 0
    _keep = False
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


def model_loads() -> int:
    """How many models this process has loaded (the batch benchmark counts them per worker)."""
    return _loads


def model_translator(path: Path) -> argos.ArgosTranslator:
    """The translator of an .argosmodel file, unpacked and loaded on first use."""
    info = models.check_archive(path)  # InputError for a missing or damaged file
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _lock:
        if key not in _loaded:
            folder = unpacked_folder(path, key) / info.folder
            translator = _load(argos.load_package(folder), origin=path)
            if not _keep:
                return translator
            _loaded[key] = translator
        return _loaded[key]


def unpacked_folder(path: Path, key: tuple[str, int, int]) -> Path:
    """The model file unpacked below the temporary folder, once per machine and version."""
    root = Path(tempfile.gettempdir()) / f"subtools-models-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    target = root / hashlib.sha256(repr(key).encode()).hexdigest()[:20]
    if target.is_dir():
        return target
    # Unpack beside it and rename into place: a concurrent process either wins
    # the rename or finds the finished folder.
    partial = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=root))
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(partial)  # member paths were checked by check_archive
        os.rename(partial, target)
    except OSError:
        if not target.is_dir():
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


def installed_translator(from_code: str, to_code: str) -> argos.ArgosTranslator:
    """The translator of the installed model for the pair, loaded on first use."""
    pkg = models.find_model(from_code, to_code)
    folder = Path(pkg.package_path)
    try:
        st = (folder / "metadata.json").stat()
    except OSError:
        return argos.ArgosTranslator(pkg)
    key = (str(folder.resolve()), st.st_mtime_ns, st.st_size)
    with _lock:
        if key not in _loaded:
            translator = _load(pkg)
            if not _keep:
                return translator
            _loaded[key] = translator
        return _loaded[key]


def _load(pkg: Any, origin: Path | None = None) -> argos.ArgosTranslator:
    global _loads
    translator = argos.ArgosTranslator(pkg, origin=origin)
    _loads += 1
    return translator
