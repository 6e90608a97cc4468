from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import DependencyError

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
SAMPLES = HERE.parents[1] / "samples"


@pytest.fixture
def captions_en() -> Path:
    return SAMPLES / "captions.en.srt"


@pytest.fixture
def captions_ru() -> Path:
    return SAMPLES / "captions.ru.srt"


@pytest.fixture
def sample_article() -> Path:
    return SAMPLES / "article.txt"


def no_model(track: object, to_lang: str, from_lang: str | None = None) -> object:
    """The real translate_track's behaviour when no model for the pair is installed."""
    raise DependencyError(f"no {from_lang}->{to_lang} translation model is installed")
