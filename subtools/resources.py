"""Files that ship with subtools: the sample captions and article, the fixture model.

In the repository they live where a contributor expects them (``samples/`` and
``tests/fixtures/models/``); the wheel build copies them into the package as
``subtools/_data/`` (see setup.py), so an installed subtools finds them with
importlib.resources from any folder. The repository copy is the fallback for a
checkout run from source.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib import resources
from pathlib import Path

from .errors import InternalError

__all__ = ["FIXTURE_MODEL_NAME", "bundled", "fixture_model", "samples_dir"]

FIXTURE_MODEL_NAME = "ru_en_tiny.argosmodel"

_CHECKOUT = Path(__file__).resolve().parents[1]
# Where each bundled item sits in the wheel (below subtools/_data) and in a checkout.
_LOCATIONS = {
    "samples": ("samples", _CHECKOUT / "samples"),
    "fixture-model": (
        f"models/{FIXTURE_MODEL_NAME}",
        _CHECKOUT / "tests" / "fixtures" / "models" / FIXTURE_MODEL_NAME,
    ),
}
# Keeps resources extracted from a zipped install alive until the process exits.
_extracted = ExitStack()
atexit.register(_extracted.close)


def bundled(name: str) -> Path:
    """A filesystem path to the bundled item ``name`` ("samples" or "fixture-model")."""
    inside, checkout = _LOCATIONS[name]
    packaged = resources.files("subtools").joinpath("_data", *inside.split("/"))
    if packaged.is_dir() or packaged.is_file():
        if isinstance(packaged, Path):
            return packaged
        return _extracted.enter_context(resources.as_file(packaged))
    if checkout.exists():
        return checkout
    raise InternalError(f"this subtools installation lacks its bundled {name} ({inside})")


def samples_dir() -> Path:
    """The folder with the demo's sample captions (ru, en) and article."""
    return bundled("samples")


def fixture_model() -> Path:
    """The tiny ru->en test-fixture model: the demo's translator when no real one is installed."""
    return bundled("fixture-model")
