"""Cross-lingual checks: Russian captions, English article.

The translator here is a plain dictionary of cue texts, so the matching logic
is tested without a model; the real-model run is an end-to-end test of its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import subtools.usecases.quotes as usecase
from subtools.errors import DependencyError
from subtools.io import read_track
from subtools.model import Track
from subtools.quotes.html import render_html
from subtools.quotes.report import report_to_dict
from subtools.quotes.results import Translation
from subtools.usecases.quotes import verify_quotes

from .conftest import SAMPLES, no_model


class DictionaryTranslator:
    """Translate each cue by looking its Russian text up in a fixed table."""

    model = "test dictionary"

    def __init__(self) -> None:
        ru = read_track(SAMPLES / "captions.ru.srt").track
        en = read_track(SAMPLES / "captions.en.srt").track
        self.table = {r.text: e.text for r, e in zip(ru.cues, en.cues, strict=True)}
        self.calls = 0

    def __call__(self, track: Track) -> Track:
        self.calls += 1
        return track.map_text(lambda text: self.table[text]).with_language("en")


def test_russian_captions_are_translated_before_matching(
    sample_article: Path, captions_ru: Path
) -> None:
    translator = DictionaryTranslator()
    report = verify_quotes(sample_article, captions_ru, translator=translator)
    assert translator.calls == 1
    assert report.translated == Translation("ru", "en", "test dictionary")
    data = report_to_dict(report)
    assert data["translated"] == {
        "from": "ru",
        "to": "en",
        "model": "test dictionary",
        "notice": None,
    }
    assert data["captions_language"] == "ru" and data["language_mismatch"] is None
    assert [q["status"] for q in data["quotes"]] == [
        "exact",
        "exact",
        "exact",
        "exact",
        "minor",
        "exact",
        "exact",
        "changed",
        "exact",
        "exact",
        "exact",
        "missing",
        "missing",
    ]
    changed = data["quotes"][7]
    assert changed["caption_text"].startswith("Yesterday, twelve of our comrades were killed")
    assert changed["caption_original"].startswith(
        "Вчера двенадцать наших товарищей погибли под миномётным огнём у нулевой линии."
    )
    assert data["quotes"][1]["caption_original"] == "без оружия и без подготовки."


class FixtureLikeTranslator(DictionaryTranslator):
    """Marks its output the way the argos path marks a test fixture model's."""

    def __call__(self, track: Track) -> Track:
        done = super().__call__(track)
        return replace(done, meta=(*done.meta, ("notice", "not a real translation")))


def test_a_translation_notice_is_carried_to_every_report(
    sample_article: Path, captions_ru: Path
) -> None:
    report = verify_quotes(sample_article, captions_ru, translator=FixtureLikeTranslator())
    assert report.translated == Translation(
        "ru", "en", "test dictionary", notice="not a real translation"
    )
    assert report_to_dict(report)["translated"]["notice"] == "not a real translation"
    page = render_html(report)
    assert (
        '<p class="banner err"><b>Not a real translation:</b> not a real translation. '
        "Do not rely on the verdicts below; install a real ru-&gt;en model.</p>"
    ) in page


def test_same_language_never_calls_the_translator(sample_article: Path, captions_en: Path) -> None:
    translator = DictionaryTranslator()
    report = verify_quotes(sample_article, captions_en, translator=translator)
    assert translator.calls == 0 and report.translated is None


def test_without_translation_module_the_report_says_language_mismatch(
    sample_article: Path, captions_ru: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usecase, "_load_translate_track", lambda: no_model)
    report = verify_quotes(sample_article, captions_ru)
    mm = report.language_mismatch
    assert mm is not None and (mm.article, mm.captions) == ("en", "ru")
    assert mm.reason == "no ru->en translation model is installed"
    assert {q.status for q in report.quotes} == {"unchecked"}
    assert report.failures == () and report.summary["unchecked"] == 13


def test_translation_module_without_a_model_gives_its_hint(
    sample_article: Path, captions_ru: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_model_with_hint(track: object, to_lang: str, from_lang: str | None = None) -> object:
        raise DependencyError(
            f"no {from_lang}->{to_lang} model is installed",
            hint="run: subtools translate --install MODEL.argosmodel",
        )

    monkeypatch.setattr(usecase, "_load_translate_track", lambda: no_model_with_hint)
    report = verify_quotes(sample_article, captions_ru)
    mm = report.language_mismatch
    assert mm is not None
    assert mm.reason == "no ru->en model is installed"
    assert mm.hint == "run: subtools translate --install MODEL.argosmodel"
    assert mm.message == (
        "the captions are in 'ru' and the article in 'en': no ru->en model "
        "is installed; quotes were not checked"
    )
