"""The bilingual file: the source above the translation in each cue."""

from __future__ import annotations

from pathlib import Path

from subtools.model import Cue, Track
from subtools.translate.base import ModelInfo
from subtools.translate.pipeline import translate_cues
from subtools.usecases.translate import TranslateResult, write_bilingual

from .fake import FakeTranslator


def test_position_tag_is_written_once_per_bilingual_cue(tmp_path: Path) -> None:
    # "{\an8}Сверху идёт\n{\an8}On top goes": the second tag sat mid-cue, where
    # renderers that do not apply it show it as text.
    source = Track(
        (
            Cue(0, 1000, "{\\an8}Сверху идёт"),
            Cue(1100, 2000, "{\\an8}<i>текст дальше.</i>"),
            Cue(2100, 3000, "♪♪"),
            Cue(3100, 4000, "{\\i1}Конец.{\\i0}"),
        )
    )
    done = translate_cues(
        source,
        FakeTranslator(
            {"Сверху идёт текст дальше.": "On top goes text further.", "Конец.": "End."}
        ),
        to_lang="en",
    )
    result = TranslateResult(
        track=done.track,
        source_track=source,
        source_language="ru",
        target_language="en",
        detected=False,
        model=ModelInfo("ru", "en", "test"),
        sentences=done.sentences,
        glossary_misses=(),
        skipped_cues=done.skipped_cues,
        filled_cues=(),
    )
    out = tmp_path / "both.srt"
    write_bilingual(result, out)
    assert out.read_text(encoding="utf-8") == (
        "1\n00:00:00,000 --> 00:00:01,000\n{\\an8}Сверху идёт\nOn top goes\n\n"
        "2\n00:00:01,100 --> 00:00:02,000\n{\\an8}<i>текст дальше.</i>\n<i>text further.</i>\n\n"
        "3\n00:00:02,100 --> 00:00:03,000\n♪♪\n\n"
        "4\n00:00:03,100 --> 00:00:04,000\n{\\i1}Конец.{\\i0}\n{\\i1}End.{\\i0}\n\n"
    )
