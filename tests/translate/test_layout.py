"""The translation put back on its cue: formatting tags (ASS toggles, spans over cues), lines."""

from __future__ import annotations

from subtools.model import Cue, Track
from subtools.translate.pipeline import translate_cues

from .fake import FakeTranslator


def _track(*texts: str) -> Track:
    return Track(tuple(Cue(i * 1100, i * 1100 + 1000, text) for i, text in enumerate(texts)))


def test_ass_italic_toggles_are_a_span_not_a_position_prefix() -> None:
    # {\i1}...{\i0} (Aegisub's SRT export) went to the cue start as "{\i1}{\i0}":
    # the italics were lost.
    track = _track(
        "{\\i1}Курсивом{\\i0} сказано.", "Обычный {\\i1}курсив{\\i0}.", "{\\an8}{\\i1}Сверху всё."
    )
    fake = FakeTranslator(
        {
            "Курсивом сказано.": "Said in italics.",
            "Обычный курсив.": "Normal italic.",
            "Сверху всё.": "All on top.",
        }
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "{\\i1}Said{\\i0} in italics.",
        "Normal {\\i1}italic.{\\i0}",
        "{\\an8}{\\i1}All on top.{\\i0}",
    ]


def test_font_span_continued_from_an_earlier_cue_keeps_its_attributes() -> None:
    # The closing </font> of the third cue belongs to the <font color> opened
    # in the first: the third cue was written as a bare "<font>" (no colour).
    track = _track('<font color="#ff0000">Внимание', "всем", "постам.</font> Приём.")
    fake = FakeTranslator({"Внимание всем постам.": "Attention all posts.", "Приём.": "Over."})
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        '<font color="#ff0000">Attention</font>',
        "all",
        '<font color="#ff0000">posts.</font> Over.',
    ]


def test_span_around_music_marks_and_a_leading_ellipsis_stays_around_them() -> None:
    # "<i>...и что?</i>" came out as "...<i>and what?</i>".
    track = _track("<i>...и что?</i>", "<i>♪ Мы едем домой! ♪</i>", "♪ <i>Едем!</i> ♪")
    fake = FakeTranslator(
        {"и что?": "and what?", "Мы едем домой!": "We are going home!", "Едем!": "Going!"}
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "<i>...and what?</i>",
        "<i>♪ We are going home! ♪</i>",
        "♪ <i>Going!</i> ♪",
    ]


def test_a_cue_with_one_dashed_turn_is_rebroken_like_any_other() -> None:
    # Only cues with two or more turns keep one line per turn; a single dashed
    # turn was left on one line of any length.
    track = _track("- Иди сюда, садись за стол.", "- Кто там?\n- Свои.")
    fake = FakeTranslator(
        {
            "Иди сюда, садись за стол.": (
                "Come here, we have been waiting for you, sit down at the table."
            ),
            "Кто там?": "Who is there?",
            "Свои.": "Friends.",
        }
    )
    done = translate_cues(track, fake, to_lang="en")
    assert [c.text for c in done.track.cues] == [
        "- Come here, we have been waiting\nfor you, sit down at the table.",
        "- Who is there?\n- Friends.",
    ]
