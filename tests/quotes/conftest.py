from __future__ import annotations

from pathlib import Path

import pytest

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
