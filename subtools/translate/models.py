"""Installing, listing, finding and removing argos translation models (.argosmodel).

An archive is checked before anything is unpacked (one top folder with
metadata.json, a CTranslate2 model and a tokenizer), so a corrupt or foreign
file is refused with a clear message instead of half-installing. Unpacking
goes to a temporary folder beside the destination and is renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DependencyError, InputError
from . import argos
from .base import ModelInfo

__all__ = [
    "ArchiveInfo",
    "check_archive",
    "find_model",
    "install_file",
    "install_from_index",
    "list_models",
    "no_model_error",
    "open_model_file",
    "real_model_installed",
    "remove_model",
]

_REQUIRED = ("metadata.json", "model/model.bin")
_TOKENIZERS = ("sentencepiece.model", "bpe.model")


@dataclass(frozen=True, slots=True)
class ArchiveInfo:
    folder: str
    from_code: str
    to_code: str
    is_test_fixture: bool


def check_archive(path: Path) -> ArchiveInfo:
    """Validate an .argosmodel without unpacking it; InputError says what is wrong."""
    if not path.is_file():
        raise InputError("model file not found", path=path)
    if not zipfile.is_zipfile(path):
        raise InputError("not an .argosmodel (it is not a zip archive)", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.strip("/")]
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or not all("/" in n or n.endswith("/") for n in names):
                raise InputError(
                    "not an .argosmodel: it must hold exactly one top-level folder",
                    path=path,
                    value=", ".join(sorted(tops)[:5]),
                )
            top = tops.pop()
            if top in {"", ".", ".."} or any(".." in Path(n).parts for n in names):
                raise InputError("not an .argosmodel: unsafe paths in the archive", path=path)
            present = set(names)
            missing = [r for r in _REQUIRED if f"{top}/{r}" not in present]
            if not any(f"{top}/{t}" in present for t in _TOKENIZERS):
                missing.append("sentencepiece.model")
            if missing:
                raise InputError("not an .argosmodel: missing " + ", ".join(missing), path=path)
            meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            if zf.testzip() is not None:
                raise InputError("damaged .argosmodel (a member fails its CRC check)", path=path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"damaged .argosmodel: {exc}", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(
            "damaged .argosmodel: metadata.json is not valid JSON", path=path
        ) from None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        raise InputError("not a translation package (metadata type)", path=path)
    src, dst = meta.get("from_code"), meta.get("to_code")
    if not (isinstance(src, str) and isinstance(dst, str) and src and dst):
        raise InputError("metadata.json lacks from_code/to_code", path=path)
    return ArchiveInfo(top, src, dst, bool(meta.get(argos.FIXTURE_KEY, False)))


def install_file(path: Path, folder: Path | None = None) -> ModelInfo:
    """Install an .argosmodel file into the argos packages folder (replacing the same one)."""
    info = check_archive(path)
    root = folder or argos.packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".subtools-install-", dir=root) as tmp:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(tmp)
        unpacked = Path(tmp) / info.folder
        # Load it as translation will, so a damaged model is refused before it is installed.
        argos.ArgosTranslator(argos.load_package(unpacked), origin=path).check()
        target = root / info.folder
        if target.exists():
            shutil.rmtree(target)
        unpacked.rename(target)
    argos.clear_argos_caches()
    pkg = argos.load_package(target)
    return argos.model_info(pkg)


def install_from_index(from_code: str, to_code: str, folder: Path | None = None) -> ModelInfo:
    root = folder or argos.packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".subtools-download-", dir=root) as tmp:
        downloaded = argos.download_package(from_code, to_code, Path(tmp))
        info = check_archive(downloaded)
        if (info.from_code, info.to_code) != (from_code, to_code):
            raise InputError(
                "the index served a model for another pair",
                value=f"{info.from_code}->{info.to_code}",
            )
        return install_file(downloaded, root)


def list_models(folder: Path | None = None) -> list[ModelInfo]:
    return [info for _, info in argos.installed(folder)]


def _matching(from_code: str, to_code: str, folder: Path | None) -> list[tuple[Any, ModelInfo]]:
    found = [
        (p, i)
        for p, i in argos.installed(folder)
        if (i.from_code, i.to_code) == (from_code, to_code)
    ]
    # A real model wins over the test fixture when both are installed.
    return sorted(found, key=lambda pi: (pi[1].is_test_fixture, pi[1].name))


def no_model_error(from_code: str, to_code: str) -> DependencyError:
    return DependencyError(
        f"no translation model for {from_code}->{to_code} is installed",
        hint=f"install one with `subtools models install --from {from_code} --to {to_code}` "
        "(needs internet) or `subtools models install FILE.argosmodel`",
    )


def find_model(from_code: str, to_code: str, folder: Path | None = None) -> Any:
    """The installed argos package for the pair (a real one before the test fixture)."""
    found = _matching(from_code, to_code, folder)
    if not found:
        raise no_model_error(from_code, to_code)
    return found[0][0]


def real_model_installed(from_code: str, to_code: str, folder: Path | None = None) -> bool:
    """True when a model for the pair other than the subtools test fixture is installed."""
    return any(not i.is_test_fixture for _, i in _matching(from_code, to_code, folder))


def remove_model(from_code: str, to_code: str, folder: Path | None = None) -> list[ModelInfo]:
    """Remove every installed model for the pair; returns what was removed."""
    found = _matching(from_code, to_code, folder)
    if not found:
        raise InputError(
            f"no model for {from_code}->{to_code} is installed", hint="see `subtools models list`"
        )
    for _, info in found:
        assert info.path is not None
        shutil.rmtree(info.path)
    argos.clear_argos_caches()
    return [i for _, i in found]


@contextlib.contextmanager
def open_model_file(path: Path) -> Iterator[Any]:
    """Use an .argosmodel file without installing it: unpacked to a temporary folder."""
    info = check_archive(path)
    with tempfile.TemporaryDirectory(prefix="subtools-model-") as tmp:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(tmp)
        yield argos.load_package(Path(tmp) / info.folder)
