"""Bundled files: found in a checkout here; the wheel check (scripts/check_wheel.sh) covers installs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from subtools.errors import InternalError
from subtools.resources import bundled, fixture_model, samples_dir

from .conftest import ROOT


def test_checkout_falls_back_to_repository_files() -> None:
    assert samples_dir() == ROOT / "samples"
    assert fixture_model() == ROOT / "tests" / "fixtures" / "models" / "ru_en_tiny.argosmodel"


def test_samples_are_the_demo_inputs() -> None:
    names = sorted(p.name for p in samples_dir().iterdir())
    assert names == ["article.txt", "captions.en.srt", "captions.ru.srt", "job.toml", "terms.tsv"]


def test_fixture_model_is_an_argos_package() -> None:
    with zipfile.ZipFile(fixture_model()) as archive:
        assert "translate-ru_en-subtools-test-fixture/metadata.json" in archive.namelist()


def test_packaged_copy_wins_over_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An installed package has subtools/_data: that copy is used, not a checkout nearby."""
    import subtools.resources as res

    data = tmp_path / "subtools" / "_data" / "samples"
    data.mkdir(parents=True)
    (data / "article.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(res.resources, "files", lambda _pkg: tmp_path / "subtools")
    assert bundled("samples") == data


def test_missing_bundle_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subtools.resources as res

    monkeypatch.setattr(res.resources, "files", lambda _pkg: tmp_path)
    monkeypatch.setattr(res, "_LOCATIONS", {"samples": ("samples", tmp_path / "nowhere")})
    with pytest.raises(InternalError, match=r"lacks its bundled samples \(samples\)"):
        bundled("samples")
