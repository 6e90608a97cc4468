"""`translate` reads every caption format: an .ass or .ttml copy of the sample
translates to the same SRT as the sample itself (real fixture model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

from .conftest import GOLDEN, SAMPLE_RU

runner = CliRunner()


@pytest.mark.parametrize("fmt", ["ass", "ttml"])
def test_translate_reads_ass_and_ttml(with_model: Path, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / f"captions.ru.{fmt}"
    assert runner.invoke(app, ["convert", str(SAMPLE_RU), str(source)]).exit_code == 0
    out = tmp_path / "out.en.srt"
    result = runner.invoke(app, ["translate", str(source), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == (GOLDEN / "captions.ru-en.fixture.srt").read_text("utf-8")
