"""Sentence planning, redistribution, tags and line breaks (with the test double backend)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.errors import SubtoolsError
from subtools.io import read_track
from subtools.model import Cue, Track
from subtools.tags import strip_tags
from subtools.translate.pipeline import translate_cues
from subtools.translate.sentences import distribute, has_letters, plan_track

from ..conftest import corpus_captions
from ..edge_tracks import EDGE_TRACKS, write_edge_tracks
from .conftest import SAMPLE_RU
from .fake import FakeTranslator


def _track(*texts: str, gap: int = 100) -> Track:
    cues, t = [], 0
    for text in texts:
        cues.append(Cue(t, t + 1000, text))
        t += 1000 + gap
    return Track(tuple(cues))


def test_sample_is_cut_into_whole_sentences() -> None:
    plan = plan_track(read_track(SAMPLE_RU).track)
    got = [(s.text, plan.sentence_cues(i)) for i, s in enumerate(plan.sentences)]
    assert got == [
        ("Мы, мобилизованные из 57-го батальона, обращаемся к министру обороны.", (0, 1)),
        ("Три недели назад нас отправили на передовую без оружия и без подготовки.", (2, 3)),
        ("Командир сказал, что нас прикрепили к штурмовому отряду.", (4,)),
        ("Мы не подписывали никаких контрактов.", (5,)),
        ("Мы не отказываемся служить, но мы не пойдём в «песочницу» без патронов.", (6, 7)),
        ("Вчера двенадцать наших товарищей погибли под миномётным огнём у нулевой линии.", (8, 9)),
        ("Мы обратились к коменданту и военной полиции.", (10,)),
        ("Нам ответили, что ничем не могут помочь.", (11,)),
        ("Поэтому мы записываем это видео.", (12,)),
        ("Просим вернуть нас в пункт постоянной дислокации.", (13,)),
        ("Всё, выключай.", (14,)),
        ("Подожди.", (14,)),
    ]
    assert plan.skipped == ()


def test_distribute_follows_source_shares_at_word_boundaries() -> None:
    assert distribute("one two three four", [10, 10]) == ["one two", "three four"]
    assert distribute("one two three four", [30, 10]) == ["one two three", "four"]
    assert distribute("a b c", [1, 1, 1]) == ["a", "b", "c"]
    assert distribute("just one", [5]) == ["just one"]


def test_distribute_prefers_matching_punctuation_and_avoids_glue_words() -> None:
    # The source fragment ends with a comma: the break goes after the comma.
    assert distribute(
        "We, the men of the unit, are here now.", [10, 10], ["Мы, люди,", "тут."]
    ) == [
        "We, the men of the unit,",
        "are here now.",
    ]
    # Proportion alone says "of | the"; never end a part on an article or preposition.
    assert distribute("men of the battalion went", [3, 2]) == ["men of the battalion", "went"]


def test_distribute_with_fewer_words_than_parts_leaves_parts_empty() -> None:
    assert distribute("Yes.", [5, 5, 5]) == ["Yes.", "", ""]


def test_too_short_translation_fills_cue_with_ellipsis() -> None:
    track = _track("Он сказал, что", "придёт завтра.")
    done = translate_cues(
        track, FakeTranslator({"Он сказал, что придёт завтра.": "Yes."}), to_lang="en"
    )
    assert [c.text for c in done.track.cues] == ["Yes.", "…"]
    assert done.filled_cues == (2,)


def test_dialogue_dashes_start_sentences_and_keep_their_lines() -> None:
    track = _track("- Ты где\n- Дома.", "- Иди сюда.")
    plan = plan_track(track)
    assert [s.text for s in plan.sentences] == ["Ты где", "Дома.", "Иди сюда."]
    fake = FakeTranslator({"Ты где": "Where are you", "Дома.": "Home.", "Иди сюда.": "Come here."})
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == ["- Where are you\n- Home.", "- Come here."]


def test_whole_partial_and_unclosed_tags_are_reapplied() -> None:
    track = _track(
        "<i>Просим вернуть нас</i>",
        "Это <b>очень</b> важно сейчас.",
        '<font color="#ff0000">Внимание',
    )
    fake = FakeTranslator(
        {
            "Просим вернуть нас Это очень важно сейчас.": "We ask to return us This is very important now.",
            "Внимание": "Attention",
        }
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "<i>We ask to return us</i>",
        "This <b>is</b> very important now.",
        '<font color="#ff0000">Attention</font>',
    ]


def test_webvtt_word_timestamps_are_not_sent_to_the_model() -> None:
    # Karaoke-style WebVTT times each word: "<00:00:01.500>" went into the
    # sentence as text. Word timings cannot survive a translation: dropped.
    track = _track("Нас<00:00:00.500><c> отправили</c><00:00:00.800><c> туда.</c>")
    fake = FakeTranslator({"Нас отправили туда.": "We were sent there."})
    assert [s.text for s in plan_track(track).sentences] == ["Нас отправили туда."]
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == ["We <c>were sent</c> <c>there.</c>"]


def test_position_tags_stay_on_their_cue() -> None:
    track = _track("{\\an8}Сверху идёт", "текст дальше.")
    done = translate_cues(
        track,
        FakeTranslator({"Сверху идёт текст дальше.": "On top goes text further."}),
        to_lang="en",
    )
    assert [c.text for c in done.track.cues] == ["{\\an8}On top goes", "text further."]


def test_cues_without_letters_are_skipped_and_reported() -> None:
    track = _track("♪♪", "<i></i>", "Привет.", "2024", "♪ Мы едем домой ♪")
    fake = FakeTranslator({"Привет.": "Hello.", "Мы едем домой": "We are going home"})
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "♪♪",
        "<i></i>",
        "Hello.",
        "2024",
        "♪ We are going home ♪",
    ]
    assert done.skipped_cues == (1, 2, 4)
    assert fake.calls == [("Привет.", "Мы едем домой")]


def test_long_pause_ends_an_unpunctuated_sentence() -> None:
    assert [
        s.text for s in plan_track(_track("первая часть", "вторая часть", gap=2500)).sentences
    ] == [
        "первая часть",
        "вторая часть",
    ]
    assert [
        s.text for s in plan_track(_track("первая часть", "вторая часть", gap=500)).sentences
    ] == [
        "первая часть вторая часть",
    ]


def test_lines_are_rebroken_to_two_lines_of_42() -> None:
    track = _track("Длинная фраза.")
    long_en = "This sentence is clearly far too long to fit on one caption line at all."
    done = translate_cues(track, FakeTranslator({"Длинная фраза.": long_en}), to_lang="en")
    assert done.track.cues[0].text == (
        "This sentence is clearly far too long\nto fit on one caption line at all."
    )


def test_all_sentences_go_to_the_backend_in_one_batch() -> None:
    fake = FakeTranslator()
    translate_cues(read_track(SAMPLE_RU).track, fake, to_lang="en")
    assert len(fake.calls) == 1 and len(fake.calls[0]) == 12


_WORDS = st.sampled_from(["мы", "идём", "домой", "сейчас", "Да", "нет", "что", "56-й", "♪"])
_ENDS = st.sampled_from(["", "", ".", ",", "?", "!", "..."])
_LINE = st.builds(
    lambda pre, words, end, wrap: (
        pre + ("<i>" if wrap else "") + " ".join(words) + end + ("</i>" if wrap else "")
    ),
    st.sampled_from(["", "", "- ", "{\\an8}"]),
    st.lists(_WORDS, min_size=1, max_size=7),
    _ENDS,
    st.booleans(),
)
_CUE_TEXT = st.lists(_LINE, min_size=1, max_size=2).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(_CUE_TEXT, min_size=1, max_size=12),
    gaps=st.lists(st.integers(0, 4000), min_size=12, max_size=12),
    word_counts=st.lists(st.integers(1, 12), min_size=1, max_size=40),
)
def test_property_cues_timings_and_text_survive(
    texts: list[str], gaps: list[int], word_counts: list[int]
) -> None:
    cues, t = [], 0
    for text, gap in zip(texts, gaps, strict=False):
        cues.append(Cue(t, t + 900, text))
        t += 900 + gap
    track = Track(tuple(cues))

    class Varying:
        def translate(self, sentences: list[str]) -> list[str]:
            return [
                " ".join(["w"] * word_counts[i % len(word_counts)]) + "."
                for i, _ in enumerate(sentences)
            ]

    done = translate_cues(track, Varying(), to_lang="en")
    assert len(done.track) == len(track)
    assert [(c.start, c.end) for c in done.track] == [(c.start, c.end) for c in track]
    for before, after in zip(track, done.track, strict=True):
        if has_letters(before.text):
            assert strip_tags(after.text).strip()
        else:
            assert after.text == before.text


def test_one_long_word_is_not_rebroken() -> None:
    word = "https://example.org/a-very-long-address-that-has-no-spaces-at-all"
    done = translate_cues(_track("Ссылка."), FakeTranslator({"Ссылка.": word}), to_lang="en")
    assert done.track.cues[0].text == word


def _keeps_cues_timings_and_text(paths: list[Path]) -> int:
    checked = 0
    for path in paths:
        try:
            track = read_track(path).track
        except SubtoolsError:
            continue  # unreadable input is the reader's business, tested there
        done = translate_cues(track, FakeTranslator(), to_lang="en")
        assert [(c.start, c.end) for c in done.track] == [(c.start, c.end) for c in track]
        for before, after in zip(track, done.track, strict=True):
            if has_letters(before.text):
                assert strip_tags(after.text).strip(), (path, before.text)
            else:
                assert after.text == before.text
        checked += 1
    return checked


@pytest.mark.slow
def test_every_corpus_file_keeps_cues_timings_and_text() -> None:
    assert _keeps_cues_timings_and_text(corpus_captions()) > 500


def test_every_generated_edge_track_keeps_cues_timings_and_text(tmp_path: Path) -> None:
    checked = _keeps_cues_timings_and_text(write_edge_tracks(tmp_path))
    assert checked == sum(t.cues is not None for t in EDGE_TRACKS)
