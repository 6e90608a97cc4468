"""Translation models loaded once per process and kept for the next file.

Unpacking an .argosmodel, loading its CTranslate2 model and tokenizer costs
more than translating a short track, and a batch worker (a ``--jobs`` process,
a Dask worker) translates many files with the same model: each process loads a
model once and reuses it. A model file is known by path, size and modification
time, so a file replaced on disk is loaded again.
"""

from __future__ import annotations

import atexit
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from . import argos, models

__all__ = ["installed_translator", "model_loads", "model_translator"]

_lock = threading.Lock()
_loaded: dict[tuple[str, int, int], argos.ArgosTranslator] = {}
# Unpacked model folders live as long as the process that uses them.
_unpacked = ExitStack()
atexit.register(_unpacked.close)
_loads = 0


def model_loads() -> int:
    """How many models this process has loaded (the batch benchmark counts them per worker)."""
    return _loads


def model_translator(path: Path) -> argos.ArgosTranslator:
    """The translator of an .argosmodel file, unpacked and loaded on first use."""
    try:
        st = path.stat()
    except OSError:
        st = None
    if st is None:  # let the loader report the missing file as it always does
        with models.open_model_file(path) as pkg:
            return argos.ArgosTranslator(pkg, origin=path)
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _lock:
        if key not in _loaded:
            pkg = _unpacked.enter_context(models.open_model_file(path))
            _loaded[key] = _load(pkg, origin=path)
        return _loaded[key]


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
            _loaded[key] = _load(pkg)
        return _loaded[key]


def _load(pkg: Any, origin: Path | None = None) -> argos.ArgosTranslator:
    global _loads
    translator = argos.ArgosTranslator(pkg, origin=origin)
    _loads += 1
    return translator
