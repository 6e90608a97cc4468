from __future__ import annotations

from pathlib import Path

import pytest

from subtools.io import read_track, render_track

from ..conftest import SAMPLES

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("fmt", ["srt", "vtt", "json", "ass", "ttml"])
def test_sample_renders_exactly_as_golden(fmt: str) -> None:
    track = read_track(SAMPLES / "captions.ru.srt").track
    track = track.with_language("ru").with_source("captions.ru.srt")
    assert render_track(track, fmt) == (GOLDEN / f"captions.ru.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["srt", "vtt", "json", "ass", "ttml"])
def test_golden_files_read_back_to_the_sample(fmt: str) -> None:
    sample = read_track(SAMPLES / "captions.ru.srt").track
    assert read_track(GOLDEN / f"captions.ru.{fmt}").track.cues == sample.cues
