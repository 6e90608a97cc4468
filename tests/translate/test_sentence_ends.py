"""Where a sentence ends: abbreviations, initials, ellipses and continuation marks.

A wrong end sends fragments ("В.", "е.", "...это ещё не всё.") to the model,
which translates each into nonsense; a missed end only makes one input longer.
So a mark followed by a lowercase word, an initial, or a caption continued with
a leading ellipsis does not end the sentence.
"""

from __future__ import annotations

from subtools.io import read_track
from subtools.model import Cue, Track
from subtools.translate.pipeline import translate_cues
from subtools.translate.sentences import plan_track

from ..conftest import corpus_dir
from .fake import FakeTranslator


def _track(*texts: str, gap: int = 100) -> Track:
    cues, t = [], 0
    for text in texts:
        cues.append(Cue(t, t + 1000, text))
        t += 1000 + gap
    return Track(tuple(cues))


def _sentences(*texts: str, gap: int = 100) -> list[tuple[str, tuple[int, ...]]]:
    plan = plan_track(_track(*texts, gap=gap))
    return [(s.text, plan.sentence_cues(i)) for i, s in enumerate(plan.sentences)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert _sentences("Это сказал В. В. Путин в Москве.", "Мы пришли, т. е. нас привели.") == [
        ("Это сказал В. В. Путин в Москве.", (0,)),
        ("Мы пришли, т. е. нас привели.", (1,)),
    ]
    assert _sentences("Цена 1.5 рубля, т.е. мало. Ясно?") == [
        ("Цена 1.5 рубля, т.е. мало.", (0,)),
        ("Ясно?", (0,)),
    ]
    # "г." before a name is "город"; after a year it is "год" and may end the sentence.
    assert _sentences("Мы жили в г. Москве. Это было в 2022 г. Потом война.") == [
        ("Мы жили в г. Москве.", (0,)),
        ("Это было в 2022 г.", (0,)),
        ("Потом война.", (0,)),
    ]
    # A one-letter sentence ("Я.") is still a sentence.
    assert _sentences("Кто там? Я. Открывай.") == [
        ("Кто там?", (0,)),
        ("Я.", (0,)),
        ("Открывай.", (0,)),
    ]


def test_a_mark_before_a_lowercase_word_does_not_end_a_sentence() -> None:
    assert _sentences("«Стой!» — крикнул он.", "Ты где? — Дома.") == [
        ("«Стой!» — крикнул он.", (0,)),
        ("Ты где?", (1,)),
        ("— Дома.", (1,)),
    ]
    assert _sentences("Я думал… что ты придёшь.") == [("Я думал… что ты придёшь.", (0,))]
    # Across cues: a trailing ellipsis (or any mark) and a lowercase start continue.
    assert _sentences("Это...", "как прозрачность.", "Но...", "Где я?") == [
        ("Это... как прозрачность.", (0, 1)),
        ("Но...", (2,)),
        ("Где я?", (3,)),
    ]


def test_leading_ellipsis_continues_the_sentence_and_comes_back_in_the_translation() -> None:
    # The captioners' convention (morevnaproject's Russian and English tracks):
    # "гнётся..." / "...это ещё не всё." is one sentence cut over two cues.
    track = _track("Несмотря на то, что всё двигается, гнётся...", "...это ещё не всё.", "Хорошо.")
    assert [s.text for s in plan_track(track).sentences] == [
        "Несмотря на то, что всё двигается, гнётся... это ещё не всё.",
        "Хорошо.",
    ]
    fake = FakeTranslator(
        {
            "Несмотря на то, что всё двигается, гнётся... это ещё не всё.": (
                "Even though everything moves and bends... that is not all."
            ),
            "Хорошо.": "Good.",
        }
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "Even though everything moves and bends...",
        "...that is not all.",
        "Good.",
    ]


def test_leading_ellipsis_continues_across_a_long_pause() -> None:
    # The pause is what the ellipses mark; an unmarked cue after it starts anew.
    assert _sentences("Понимаешь...", "...в зоопарке умерла обезьяна.", "дальше", gap=3000) == [
        ("Понимаешь... в зоопарке умерла обезьяна.", (0, 1)),
        ("дальше", (2,)),
    ]


def test_sentence_over_five_cues_and_a_cue_with_two_sentence_parts() -> None:
    track = _track(
        "Вчера утром",
        "двенадцать наших",
        "товарищей погибли",
        "под миномётным",
        "огнём у линии. А мы",
        "остались здесь.",
    )
    plan = plan_track(track)
    assert [(s.text, plan.sentence_cues(i)) for i, s in enumerate(plan.sentences)] == [
        (
            "Вчера утром двенадцать наших товарищей погибли под миномётным огнём у линии.",
            (0, 1, 2, 3, 4),
        ),
        ("А мы остались здесь.", (4, 5)),
    ]
    fake = FakeTranslator(
        {
            plan.sentences[0].text: (
                "Yesterday morning twelve of our comrades died under mortar fire near the line."
            ),
            plan.sentences[1].text: "And we stayed here.",
        }
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        # Each cue's share of the source characters (11, 16, 17, 14, 14 of 72).
        "Yesterday",
        "morning twelve",
        "of our comrades died",
        "under mortar fire",
        "near the line. And",
        "we stayed here.",
    ]


def test_morevna_lesson_sentences_cut_with_ellipses_are_joined() -> None:
    path = (
        corpus_dir()
        / "morevnaproject-org__subtitles-translation/output/course-pepper/rus/coatools-lesson-5.srt"
    )
    plan = plan_track(read_track(path).track)
    got = {plan.sentence_cues(i): s.text for i, s in enumerate(plan.sentences)}
    assert (
        got[(2, 3)] == "Несмотря на то, что вроде бы всё уже двигается, гнётся... это ещё не всё."
    )
    assert (
        got[(14, 15)]
        == "Третье - включить рентген... и выделить кость. которая принадлежит этой части тела."
    )
    assert got[(43, 44)] == 'Затем, изменяем параметр "Weight" на ноль... т.е. на синий цвет.'
    assert (
        got[(26, 27, 28)]
        == "Инструмент по редактированию весов... находится в левом меню... вкладка Tools."
    )
    assert len(plan.sentences) == 41  # 59 cues


def test_a_track_written_all_in_lowercase_still_ends_sentences_at_marks() -> None:
    # Without capitals anywhere after a full stop, a lowercase word says nothing
    # about the sentence going on.
    assert _sentences("привет. как дела?", "нормально.") == [
        ("привет.", (0,)),
        ("как дела?", (0,)),
        ("нормально.", (1,)),
    ]
    # The captioners' leading ellipsis still continues one.
    assert _sentences("ну...", "...ладно.") == [("ну... ладно.", (0, 1))]
