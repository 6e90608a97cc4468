"""Translation tests: argos settings pinned to temporary folders, fixture model installed.

argostranslate reads XDG_* and ARGOS_* once, when argostranslate.settings is
first imported, so the import happens here with temporary XDG folders (then
the environment is restored for the rest of the suite). subtools itself reads
ARGOS_PACKAGES_DIR at call time, so each test points it at its own folder.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_MODEL = ROOT / "tests" / "fixtures" / "models" / "ru_en_tiny.argosmodel"
# Knows the reference pairs' sentences (tests/fixtures/boundaries) as the reference has them.
BOUNDARIES_MODEL = ROOT / "tests" / "fixtures" / "models" / "ru_en_boundaries.argosmodel"
SAMPLE_RU = ROOT / "samples" / "captions.ru.srt"
GOLDEN = Path(__file__).resolve().parent / "golden"

_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="subtools-argos-test-"))
atexit.register(shutil.rmtree, _ARGOS_HOME, True)


def argos_env(packages: Path) -> dict[str, str]:
    """Environment for a subprocess that imports argostranslate against ``packages``."""
    env = dict(os.environ)
    env.update(
        ARGOS_PACKAGES_DIR=str(packages),
        XDG_DATA_HOME=str(_ARGOS_HOME / "data"),
        XDG_CONFIG_HOME=str(_ARGOS_HOME / "config"),
        XDG_CACHE_HOME=str(_ARGOS_HOME / "cache"),
        PYTHONPATH=str(ROOT),
    )
    return env


def _pin_argos_settings() -> None:
    if "argostranslate.settings" in sys.modules:
        return
    keys = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update({k: v for k, v in argos_env(_ARGOS_HOME / "packages").items() if k in keys})
    try:
        import argostranslate.settings  # noqa: F401
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


_pin_argos_settings()

_INSTALLED = _ARGOS_HOME / "installed"


@pytest.fixture(scope="session")
def fixture_packages() -> Path:
    """A packages folder holding the installed fixture model (installed once)."""
    if not (_INSTALLED / "translate-ru_en-subtools-test-fixture").is_dir():
        from subtools.translate.models import install_file

        install_file(FIXTURE_MODEL, _INSTALLED)
    return _INSTALLED


@pytest.fixture(scope="session")
def boundaries_packages() -> Path:
    """A packages folder holding only the installed boundaries fixture model."""
    folder = _ARGOS_HOME / "boundaries"
    if not (folder / "translate-ru_en-subtools-boundaries-fixture").is_dir():
        from subtools.translate.models import install_file

        install_file(BOUNDARIES_MODEL, folder)
    return folder


@pytest.fixture
def with_model(fixture_packages: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(fixture_packages))
    return fixture_packages


@pytest.fixture
def empty_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    yield folder


def run_python(code: str, packages: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=argos_env(packages),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


def _variant_pair(tmp: Path, from_code: str, to_code: str) -> Path:
    """A copy of the fixture archive whose metadata claims another language pair."""
    import json
    import zipfile

    out = tmp / f"{from_code}_{to_code}.argosmodel"
    with zipfile.ZipFile(FIXTURE_MODEL) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("/metadata.json"):
                meta = json.loads(data)
                meta.update(from_code=from_code, to_code=to_code)
                data = json.dumps(meta).encode()
            dst.writestr(item.filename, data)
    return out
