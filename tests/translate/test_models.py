"""Model archives: validation, install, list, find, remove (real argos package objects)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from subtools.errors import DependencyError, InputError
from subtools.translate import models

from .conftest import FIXTURE_MODEL


def _variant(tmp: Path, name: str, folder: str, **meta_changes: object) -> Path:
    """A copy of the fixture archive under another top folder with edited metadata."""
    out = tmp / name
    with zipfile.ZipFile(FIXTURE_MODEL) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            arc = folder + item.filename[item.filename.index("/") :]
            if item.filename.endswith("/metadata.json"):
                meta = json.loads(data)
                meta.update(meta_changes)
                meta = {k: v for k, v in meta.items() if v is not None}
                data = json.dumps(meta).encode()
            if item.filename.endswith("/README.md") and "subtools_test_fixture" in meta_changes:
                data = b"# A stand-in for a real model (README without the fixture marker)\n"
            dst.writestr(arc, data)
    return out


def _zip(tmp: Path, name: str, files: dict[str, bytes]) -> Path:
    out = tmp / name
    with zipfile.ZipFile(out, "w") as zf:
        for arc, data in files.items():
            zf.writestr(arc, data)
    return out


def test_check_archive_reads_the_fixture() -> None:
    assert models.check_archive(FIXTURE_MODEL) == models.ArchiveInfo(
        "translate-ru_en-subtools-test-fixture", "ru", "en", True
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"a/metadata.json": b"{}", "b/model/model.bin": b""},
            "must hold exactly one top-level folder",
        ),
        (
            {"p/metadata.json": b'{"from_code":"ru","to_code":"en"}', "p/sentencepiece.model": b""},
            "missing model/model.bin",
        ),
        (
            {"p/metadata.json": b"{oops", "p/model/model.bin": b"", "p/sentencepiece.model": b""},
            "metadata.json is not valid JSON",
        ),
        (
            {
                "p/metadata.json": b'{"type":"sbd"}',
                "p/model/model.bin": b"",
                "p/sentencepiece.model": b"",
            },
            "not a translation package",
        ),
        (
            {
                "p/metadata.json": b'{"from_code":"ru"}',
                "p/model/model.bin": b"",
                "p/sentencepiece.model": b"",
            },
            "lacks from_code/to_code",
        ),
    ],
)
def test_check_archive_refuses_broken_archives(
    tmp_path: Path, files: dict[str, bytes], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        models.check_archive(_zip(tmp_path, "x.argosmodel", files))


def test_not_a_zip_and_truncated_zip_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "text.argosmodel"
    text.write_text("hello")
    with pytest.raises(InputError, match="not a zip archive"):
        models.check_archive(text)
    cut = tmp_path / "cut.argosmodel"
    cut.write_bytes(FIXTURE_MODEL.read_bytes()[:-5000])
    with pytest.raises(InputError, match="argosmodel"):
        models.check_archive(cut)


def test_install_list_find_remove(empty_packages: Path, tmp_path: Path) -> None:
    assert models.list_models() == []
    with pytest.raises(DependencyError, match=r"no translation model for ru->en is installed"):
        models.find_model("ru", "en")
    info = models.install_file(FIXTURE_MODEL)
    assert info.path == str(empty_packages / "translate-ru_en-subtools-test-fixture")
    assert [m.name for m in models.list_models()] == ["ru_en-subtools-test-fixture"]
    assert models.real_model_installed("ru", "en") is False
    # A "real" model for the same pair is preferred over the fixture.
    real = _variant(
        tmp_path, "real.argosmodel", "translate-ru_en-1_9", subtools_test_fixture=None, code="ru_en"
    )
    models.install_file(real)
    assert models.real_model_installed("ru", "en") is True
    assert Path(models.find_model("ru", "en").package_path).name == "translate-ru_en-1_9"
    removed = models.remove_model("ru", "en")
    assert sorted(m.name for m in removed) == ["ru_en", "ru_en-subtools-test-fixture"]
    assert sorted(p.name for p in empty_packages.iterdir()) == []
    with pytest.raises(InputError, match="no model for ru->en is installed"):
        models.remove_model("ru", "en")


def test_install_from_index_offline_says_how_to_install_a_file(
    empty_packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argostranslate.settings

    # Port 9 (discard) on localhost refuses connections: a deterministic "offline".
    monkeypatch.setattr(
        argostranslate.settings, "remote_package_index", "http://127.0.0.1:9/index.json"
    )
    with pytest.raises(DependencyError) as err:
        models.install_from_index("ru", "en")
    assert "cannot reach the argos package index" in str(err.value)
    assert "subtools models install FILE.argosmodel" in str(err.value)
    assert list(empty_packages.iterdir()) == []


def test_open_model_file_uses_the_archive_without_installing(empty_packages: Path) -> None:
    with models.open_model_file(FIXTURE_MODEL) as pkg:
        assert (pkg.from_code, pkg.to_code) == ("ru", "en")
        folder = Path(pkg.package_path)
        assert folder.is_dir()
    assert not folder.exists()
    assert list(empty_packages.iterdir()) == []


def _damaged(tmp: Path, member: str) -> Path:
    out = tmp / f"damaged-{member.replace('/', '_')}.argosmodel"
    with zipfile.ZipFile(FIXTURE_MODEL) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item.filename, b"garbage" * 10 if item.filename.endswith(member) else data)
    return out


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ("model/model.bin", "translation model cannot be loaded: Unsupported model binary version"),
        ("sentencepiece.model", "tokenizer cannot be loaded: INTERNAL: could not parse ModelProto"),
    ],
)
def test_damaged_model_is_refused_before_installing(
    empty_packages: Path, tmp_path: Path, member: str, message: str
) -> None:
    bad = _damaged(tmp_path, member)
    with pytest.raises(InputError) as err:
        models.install_file(bad)
    assert str(err.value) == (
        f"{bad}: {message}; the file is damaged or was made for another CTranslate2 version"
    )
    assert list(empty_packages.iterdir()) == []


def test_prepare_environment_sets_argos_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from subtools.translate import argos

    for key in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(key, raising=False)
    # argostranslate.settings is already imported in this process (conftest): False.
    assert argos.prepare_environment(home=tmp_path) is False
    assert {k: os.environ[k] for k in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME")} == {
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    assert argos.packages_dir() == tmp_path / "packages"
