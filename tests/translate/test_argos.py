"""The real argostranslate code path with the tiny fixture model (memorised sample sentences).

The fixture's output proves mechanics (merge, batching, layout), never
translation quality.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from subtools.io import read_track, render_track
from subtools.model import Cue, Track
from subtools.translate import argos, models
from subtools.translate.pipeline import translate_cues
from subtools.translate.sentences import plan_track
from subtools.usecases.translate import real_model_installed, translate_file, translate_track

from .conftest import FIXTURE_MODEL, GOLDEN, SAMPLE_RU, run_python

MEMORISED = {
    "Мы, мобилизованные из 57-го батальона, обращаемся к министру обороны.": "We, the mobilized men of the 57th Battalion, are appealing to the defense minister.",
    "Три недели назад нас отправили на передовую без оружия и без подготовки.": "Three weeks ago we were sent to the front line without weapons and without training.",
    "Командир сказал, что нас прикрепили к штурмовому отряду.": "The commander said that we had been attached to an assault unit.",
    "Мы не подписывали никаких контрактов.": "We did not sign any contracts.",
    "Мы не отказываемся служить, но мы не пойдём в «песочницу» без патронов.": 'We do not refuse to serve, but we will not go into the "sandbox" without ammunition.',
    "Вчера двенадцать наших товарищей погибли под миномётным огнём у нулевой линии.": "Yesterday twelve of our comrades were killed by mortar fire near the zero line.",
    "Мы обратились к коменданту и военной полиции.": "We appealed to the commandant and the military police.",
    "Нам ответили, что ничем не могут помочь.": "We were told that they could not help in any way.",
    "Поэтому мы записываем это видео.": "That is why we are recording this video.",
    "Просим вернуть нас в пункт постоянной дислокации.": "We ask to be returned to our permanent base.",
    "Всё, выключай.": "That's it, turn it off.",
    "Подожди.": "Wait.",
}
# Sentences the sample spreads over two cues (the ones cue-by-cue tools break).
MULTI_CUE = [
    "We, the mobilized men of the 57th Battalion, are appealing to the defense minister.",
    "Three weeks ago we were sent to the front line without weapons and without training.",
    'We do not refuse to serve, but we will not go into the "sandbox" without ammunition.',
    "Yesterday twelve of our comrades were killed by mortar fire near the zero line.",
]


def test_fixture_metadata_marks_it_as_a_test_fixture(with_model: Path) -> None:
    (info,) = models.list_models()
    assert (info.from_code, info.to_code, info.name, info.is_test_fixture) == (
        "ru",
        "en",
        "ru_en-subtools-test-fixture",
        True,
    )
    assert "not a real translation" in info.describe()
    assert real_model_installed("ru", "en") is False
    assert FIXTURE_MODEL.stat().st_size < 1_000_000


def test_batched_backend_gives_the_memorised_sentences(with_model: Path) -> None:
    translator = argos.ArgosTranslator(models.find_model("ru", "en"))
    assert translator.translate(list(MEMORISED)) == list(MEMORISED.values())


def test_attention_gives_a_word_alignment_per_sentence(with_model: Path) -> None:
    translator = argos.ArgosTranslator(models.find_model("ru", "en"))
    aligned = translator.translate_aligned(list(MEMORISED))
    assert [a.text for a in aligned] == list(MEMORISED.values())
    for source, result in zip(MEMORISED, aligned, strict=True):
        assert result.alignment is not None
        # one row per translated word, one weight per source word
        assert len(result.alignment) == len(result.text.split())
        assert {len(row) for row in result.alignment} == {len(source.split())}
        assert all(sum(row) > 0 for row in result.alignment)


def test_sentence_aware_file_translation_matches_golden(with_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    result = translate_file(SAMPLE_RU, out)
    assert out.read_text("utf-8") == (GOLDEN / "captions.ru-en.fixture.srt").read_text("utf-8")
    source = read_track(SAMPLE_RU).track
    assert [(c.start, c.end) for c in result.track] == [(c.start, c.end) for c in source]
    assert (result.source_language, result.detected, result.sentences) == ("ru", True, 12)
    assert result.model.is_test_fixture is True
    assert result.notice == "translated by the subtools test fixture model, not a real translation"
    assert (result.skipped_cues, result.filled_cues, result.glossary_misses) == ((), (), ())
    for cue in result.track:
        lines = cue.text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= 42 for line in lines)


def test_translate_track_for_quotes(with_model: Path) -> None:
    track = read_track(SAMPLE_RU).track
    out = translate_track(track, "en")
    assert render_track(out, "srt") == (GOLDEN / "captions.ru-en.fixture.srt").read_text("utf-8")
    assert out.language == "en"
    english = read_track(SAMPLE_RU.with_name("captions.en.srt")).track
    assert translate_track(english, "en") is english


@pytest.mark.slow
def test_cue_by_cue_argos_does_not_reproduce_the_sentences(fixture_packages: Path) -> None:
    """argostranslate.translate.translate() per cue (what other tools do) vs per sentence."""
    code = f"""
import json
from subtools.io import read_track
from subtools.translate.argos import naive_translate
track = read_track({str(SAMPLE_RU)!r}).track
sentences = {list(MEMORISED)!r}
print(json.dumps({{
    "cues": [naive_translate(c.text, "ru", "en") for c in track.cues],
    "sentences": [naive_translate(s, "ru", "en") for s in sentences],
}}))
"""
    proc = run_python(code, fixture_packages)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    # argostranslate itself gives the memorised sentence when handed whole sentences ...
    assert got["sentences"] == list(MEMORISED.values())
    # ... and so does subtools' batched path (checked above); cue by cue it cannot:
    joined = " ".join(" ".join(t.split()) for t in got["cues"])
    for sentence in MULTI_CUE:
        assert sentence not in joined
    plan = plan_track(read_track(SAMPLE_RU).track)
    multi = {i for i, s in enumerate(plan.sentences) if len(plan.sentence_cues(i)) > 1}
    for i in multi:
        first, second = plan.sentence_cues(i)
        pair = " ".join(got["cues"][first].split() + got["cues"][second].split())
        assert pair != MEMORISED[plan.sentences[i].text]


def test_track_with_nothing_to_translate_keeps_every_cue(with_model: Path) -> None:
    from subtools.model import Cue, Track

    track = Track((Cue(0, 1000, "♪♪"), Cue(1000, 2000, "<i></i>")))
    done = translate_cues(track, argos.ArgosTranslator(models.find_model("ru", "en")), to_lang="en")
    assert [c.text for c in done.track] == ["♪♪", "<i></i>"]
    assert done.skipped_cues == (1, 2)


def test_continuation_marks_give_the_model_the_whole_sentence(with_model: Path) -> None:
    # "...в «песочницу»" went to the model with its dots inside the sentence
    # ("пойдём ...в"): the fixture, which knows only its whole sentences,
    # garbled it; a real model reads the dots as a pause that is not there.
    track = Track(
        (
            Cue(2000, 4500, "Мы не отказываемся служить, но мы не пойдём"),
            Cue(4600, 7000, "...в «песочницу» без патронов."),
        )
    )
    translator = argos.ArgosTranslator(models.find_model("ru", "en"))
    done = translate_cues(track, translator, to_lang="en")
    assert done.translations == (
        MEMORISED["Мы не отказываемся служить, но мы не пойдём в «песочницу» без патронов."],
    )
    assert [c.text for c in done.track.cues] == [
        "We do not refuse to serve,\nbut we will not go",
        '...into the "sandbox" without ammunition.',
    ]
