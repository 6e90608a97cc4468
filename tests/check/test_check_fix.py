"""Fixes: exact changes on crafted tracks; words never change; what is left could not be fixed."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subtools.check import Change, FixOptions, Profile, fix_track, load_profile, run_checks
from subtools.check.text import char_count, plain
from subtools.io import read_track
from subtools.linebreak import break_lines, is_dialogue
from subtools.model import Cue, Track

from .helpers import track

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EN, RU, BBC = (load_profile(n) for n in ("netflix-en", "netflix-ru", "bbc"))


def test_cyrillic_track_every_timing_and_layout_fix() -> None:
    t = track(
        (0, 600, "Мы обратились к\nкоменданту и военной полиции."),  # short, fast, bad break
        (1000, 3000, ""),  # empty
        (3500, 6000, "Командир сказал, что нас прикрепили к штурмовому отряду."),  # long line
        (5990, 8000, "Вчера двенадцать наших товарищей погибли"),  # overlapped by the previous
        (8040, 16000, "Да."),  # too long; 40 ms gap before it
        (17000, 17500, "- Всё, выключай.\n- Подожди."),  # no gap before the next
        (17500, 20000, "Нам ответили, что ничем не могут помочь."),
        lang="ru",
    )
    result = fix_track(t, RU)
    assert result.changes == (
        Change(
            1,
            "rebreak",
            "re-broke lines",
            "Мы обратились к\nкоменданту и военной полиции.",
            "Мы обратились к коменданту\nи военной полиции.",
        ),
        Change(
            1,
            "extend",
            "out-time moved later into free time (too short or too fast)",
            "00:00:00,000 --> 00:00:00,600",
            "00:00:00,000 --> 00:00:02,648",
        ),
        Change(
            2,
            "drop-empty",
            "removed a cue without visible text",
            "00:00:01,000 --> 00:00:03,000",
            "",
        ),
        Change(
            3,
            "rebreak",
            "re-broke lines",
            "Командир сказал, что нас прикрепили к штурмовому отряду.",
            "Командир сказал, что нас прикрепили\nк штурмовому отряду.",
        ),
        Change(
            3,
            "trim-overlap",
            "out-time moved earlier: overlap with the next cue",
            "00:00:03,500 --> 00:00:06,000",
            "00:00:03,500 --> 00:00:05,910",
        ),
        Change(
            4,
            "rebreak",
            "re-broke lines",
            "Вчера двенадцать наших товарищей погибли",
            "Вчера двенадцать наших\nтоварищей погибли",
        ),
        Change(
            4,
            "close-gap",
            "out-time moved earlier: too small a gap",
            "00:00:05,990 --> 00:00:08,000",
            "00:00:05,990 --> 00:00:07,960",
        ),
        Change(
            5,
            "trim-long",
            "out-time moved earlier: too long",
            "00:00:08,040 --> 00:00:16,000",
            "00:00:08,040 --> 00:00:15,040",
        ),
        Change(
            6,
            "close-gap",
            "out-time moved earlier: too small a gap",
            "00:00:17,000 --> 00:00:17,500",
            "00:00:17,000 --> 00:00:17,420",
        ),
        Change(
            7,
            "rebreak",
            "re-broke lines",
            "Нам ответили, что ничем не могут помочь.",
            "Нам ответили,\nчто ничем не могут помочь.",
        ),
    )
    # 45 characters at 17 cps need 2648 ms; the freed time of the empty cue allows it.
    assert [(c.start, c.end) for c in result.track] == [
        (0, 2648),
        (3500, 5910),
        (5990, 7960),
        (8040, 15040),
        (17000, 17420),
        (17500, 20000),
    ]
    left = [(f.cue, f.rule, f.value) for f in run_checks(result.track, RU, language=False)]
    assert left == [
        (2, "reading-speed", 23.24),  # 56 characters, next cue 80 ms after its end
        (3, "reading-speed", 20.3),
        (5, "min-duration", 420),  # the dialogue cue had to give up its end for the gap
        (5, "reading-speed", 64.29),
    ]
    assert_nothing_fixable_left(result.track, RU)


def test_extension_stops_at_the_gap_before_the_next_cue() -> None:
    t = track((0, 500, "Hi."), (700, 3000, "Hello."))
    result = fix_track(t, EN)
    assert result.track.cues[0] == Cue(0, 620, "Hi.")  # 700 - 2 frames at 25 fps
    assert run_checks(result.track, EN) == run_checks(fix_track(result.track, EN).track, EN)


def test_last_cue_extends_up_to_what_it_needs() -> None:
    result = fix_track(track((0, 1000, "x" * 41)), EN)  # 41 characters at 20 cps: 2050 ms
    assert result.track.cues[0].end == 2050


def test_already_fine_track_is_untouched() -> None:
    t = read_track(SAMPLES / "captions.en.srt").track.with_language("en")
    result = fix_track(t, EN)
    assert result.changes == ()
    assert result.track == t


def test_split_long_and_merge_short_only_when_asked() -> None:
    t = track(
        (
            0,
            9000,
            "We ask you to return us to our permanent base, because we were sent "
            "to the front without any weapons.",
        ),
        (9500, 10000, "Wait."),
        (10100, 12000, "I'm coming with you."),
    )
    plain_fix = fix_track(t, EN)
    assert [c.fix for c in plain_fix.changes] == ["rebreak", "trim-long", "extend"]
    assert len(plain_fix.track) == 3

    result = fix_track(t, EN, FixOptions(split_long=True, merge_short=True))
    assert [(c.cue, c.fix) for c in result.changes] == [
        (1, "rebreak"),
        (1, "split"),
        (2, "extend"),
        (2, "merge"),
    ]
    assert result.track.cues == (
        Cue(0, 4060, "We ask you to return us\nto our permanent base,"),
        Cue(4140, 9000, "because we were sent\nto the front without any weapons."),
        Cue(9500, 12000, "Wait. I'm coming with you."),
    )
    assert run_checks(result.track, EN) == ()


def test_split_closes_and_reopens_the_tags_open_at_the_cut() -> None:
    text = (
        "{\\an8}<i>We ask you to return us to our <b>permanent base</b>, because we were sent "
        "to the front without any weapons.</i>"
    )
    result = fix_track(track((0, 9000, text)), EN, FixOptions(split_long=True))
    assert [c.fix for c in result.changes] == ["rebreak", "split"]
    assert result.track.cues == (
        Cue(0, 4060, "{\\an8}<i>We ask you to return us\nto our <b>permanent base</b>,</i>"),
        Cue(4140, 9000, "{\\an8}<i>because we were sent\nto the front without any weapons.</i>"),
    )
    assert run_checks(result.track, EN, language=False) == ()


def test_split_cyrillic_colour_tag() -> None:
    text = (
        '<font color="red">Мы обращаемся к министру обороны, потому что нас отправили '
        "на передовую без оружия и без подготовки.</font>"
    )
    result = fix_track(track((0, 9000, text), lang="ru"), RU, FixOptions(split_long=True))
    assert result.track.cues == (
        Cue(
            0,
            5193,
            '<font color="red">Мы обращаемся к министру обороны,\nпотому что нас отправили</font>',
        ),
        Cue(5273, 9000, '<font color="red">на передовую без оружия\nи без подготовки.</font>'),
    )
    assert run_checks(result.track, RU, language=False) == ()


def test_split_refuses_a_cue_whose_markup_is_broken() -> None:
    # Where the never-closed <i> should end is a matter of meaning: a person decides.
    text = (
        "<i>We ask you to return us to our permanent base, because we were sent "
        "to the front without any weapons."
    )
    result = fix_track(track((0, 9000, text)), EN, FixOptions(split_long=True))
    assert [c.fix for c in result.changes] == ["rebreak", "trim-long"]


def test_merge_never_joins_dialogue_or_across_long_silence() -> None:
    t = track(
        (0, 500, "- Wait."), (600, 2000, "Hello there."), (5000, 5400, "Go."), (7000, 9000, "Now.")
    )
    result = fix_track(t, EN, FixOptions(merge_short=True))
    assert "merge" not in {c.fix for c in result.changes}


def test_samples_after_fix_only_person_work_remains() -> None:
    en = read_track(SAMPLES / "captions.en.srt").track.with_language("en")
    ru = read_track(SAMPLES / "captions.ru.srt").track.with_language("ru")
    assert run_checks(fix_track(ru, RU).track, RU, language=False) == ()
    fixed = fix_track(en, BBC)
    assert [(c.cue, c.fix) for c in fixed.changes] == [
        (2, "rebreak"),
        (3, "extend"),
        (5, "extend"),
        (8, "extend"),
        (11, "extend"),
        (13, "rebreak"),
    ]
    left = [(f.cue, f.rule) for f in run_checks(fixed.track, BBC, language=False)]
    assert left == [(3, "words-per-minute"), (5, "reading-speed"), (11, "reading-speed")]
    assert_nothing_fixable_left(fixed.track, BBC)


# --- properties -----------------------------------------------------------------------------

WORDS = (
    "we",
    "the",
    "to",
    "front",
    "weapons",
    "and",
    "without",
    "commander",
    "в",
    "на",
    "товарищей",
    "погибли",
    "<i>quiet</i>",
    "мы",
    "a",
    "line,",
    "zero.",
    "Supercalifragilistic",
    '<font color="red">front</font>',
    "- Go.",
)


@st.composite
def tracks(draw: st.DrawFn) -> Track:
    cues = []
    t = draw(st.integers(0, 3000))
    for _ in range(draw(st.integers(1, 8))):
        n = draw(st.integers(0, 16))
        words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
        cut = draw(st.integers(0, max(0, n)))
        text = " ".join(words[:cut]) + ("\n" if 0 < cut < n else " ") + " ".join(words[cut:])
        if draw(st.booleans()) and n > 1:
            text = "- " + " ".join(words[:1]) + "\n- " + " ".join(words[1:])
        duration = draw(st.integers(0, 9000))
        cues.append(Cue(t, t + duration, text.strip()))
        t = max(0, t + draw(st.integers(-600, 9000)))
    return Track(tuple(cues), language="en")


def words_of(t: Track) -> list[str]:
    return [w for c in t for w in plain(c.text).split()]


def assert_nothing_fixable_left(fixed: Track, p: Profile) -> None:
    """An independent statement of when each fixable rule cannot be repaired."""
    gap = p.min_gap_ms
    for f in run_checks(fixed, p, language=False):
        assert f.cue is not None
        cue = fixed.cues[f.cue - 1]
        nxt = fixed.cues[f.cue] if f.cue < len(fixed) else None
        out_of_order = nxt is not None and nxt.start < cue.start
        room = nxt.start - gap if nxt is not None else math.inf
        if f.rule in ("min-duration", "reading-speed", "words-per-minute"):
            assert out_of_order or cue.end >= min(room, cue.start + p.max_duration_ms), f
        elif f.rule in ("overlap", "min-gap"):
            assert nxt is not None and nxt.start - gap <= cue.start, f
        elif f.rule == "max-duration":
            assert char_count(cue.text) * 1000 > p.max_cps * p.max_duration_ms, f
        elif f.rule in ("line-length", "line-count"):
            rebroken = break_lines(cue.text, p.max_chars_per_line, p.max_lines)
            too_long = [len(x) > p.max_chars_per_line for x in plain(rebroken).split("\n")]
            assert is_dialogue(cue.text) or any(too_long) or rebroken.count("\n") >= p.max_lines, f
        else:
            assert f.rule in ("order", "tags"), f  # rules without an automatic fix


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tracks())
def test_fix_keeps_words_in_times_and_leaves_nothing_fixable(t: Track) -> None:
    result = fix_track(t, EN)
    assert words_of(result.track) == words_of(t)
    assert [c.start for c in result.track] == [c.start for c in t if plain(c.text).strip()]
    assert fix_track(result.track, EN).changes == ()  # a second run finds nothing to do
    assert_nothing_fixable_left(result.track, EN)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tracks())
def test_split_and_merge_keep_every_word_in_order(t: Track) -> None:
    result = fix_track(t, RU, FixOptions(split_long=True, merge_short=True))
    assert words_of(result.track) == words_of(t)
    assert all(c.start >= 0 and c.end >= c.start for c in result.track)


def test_a_word_longer_than_a_line_is_left_for_a_person() -> None:
    from subtools.check.explain import explain

    word = "Pneumonoultramicroscopicsilicovolcanoconiosis-like"  # 50 characters
    result = fix_track(track((0, 3000, word)), EN)
    assert result.changes == ()
    (finding,) = run_checks(result.track, EN, language=False)
    assert (finding.rule, finding.value) == ("line-length", 50)
    assert explain(finding, result.track, EN) == f'the word "{word}" alone is longer than a line'


def test_merge_keeps_cues_placed_differently_apart() -> None:
    # {\an8} puts a cue at the top: joined, both texts would go where one of them was.
    t = track((0, 300, "Yes."), (400, 2000, "{\\an8}Сюда."), (5000, 5300, "{\\an8}Нет."), lang="ru")
    t = t.with_cues((*t.cues, Cue(5400, 7000, "{\\an8}Да, конечно.")))
    result = fix_track(t, RU, FixOptions(merge_short=True))
    assert result.track.cues == (
        Cue(0, 320, "Yes."),
        Cue(400, 2000, "{\\an8}Сюда."),
        Cue(5000, 7000, "{\\an8}Нет. Да, конечно."),
    )
    assert [(c.cue, c.fix) for c in result.changes] == [
        (1, "extend"),
        (3, "extend"),
        (3, "merge"),
    ]


def test_split_inside_a_colour_tag_that_holds_a_space() -> None:
    text = (
        'We ask you to return us to our <font color="red">permanent base, because we were '
        "sent</font> to the front without any weapons."
    )
    result = fix_track(track((0, 9000, text)), EN, FixOptions(split_long=True))
    assert result.track.cues == (
        Cue(0, 4060, 'We ask you to return us\nto our <font color="red">permanent base,</font>'),
        Cue(
            4140,
            9000,
            '<font color="red">because we were sent</font>\nto the front without any weapons.',
        ),
    )


def test_fix_never_joins_two_speakers_on_one_line() -> None:
    from subtools.check.explain import explain

    wrapped = "- Where?\n- To the front, where they send us\nall without training."
    t = track((0, 5000, "He said:\n- Go to the\nfront now."), (6000, 11000, wrapped))
    result = fix_track(t, EN, FixOptions(split_long=True, merge_short=True))
    assert [(c.cue, c.fix, c.after) for c in result.changes] == [
        (1, "rebreak", "He said:\n- Go to the front now."),
    ]
    (left,) = run_checks(result.track, EN, language=False)
    assert (left.cue, left.rule, left.value) == (2, "line-count", 3)
    assert explain(left, result.track, EN) == (
        "dialogue lines keep one speaker per line: shorten or split by hand"
    )


def test_split_repeats_a_position_tag_written_after_another_tag() -> None:
    text = (
        "<i>{\\an8}We ask you to return us to our permanent base, because we were sent "
        "to the front without any weapons.</i>"
    )
    result = fix_track(track((0, 9000, text)), EN, FixOptions(split_long=True))
    assert [c.text for c in result.track] == [
        "<i>{\\an8}We ask you to return us\nto our permanent base,</i>",
        "{\\an8}<i>because we were sent\nto the front without any weapons.</i>",
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tracks(), st.sampled_from(["23.976", "29.97", "30", "50"]))
def test_fix_at_other_frame_rates_leaves_nothing_fixable(t: Track, fps: str) -> None:
    from subtools.check.profiles import parse_fps

    p = BBC.with_fps(parse_fps(fps))
    result = fix_track(t, p)
    assert words_of(result.track) == words_of(t)
    assert fix_track(result.track, p).changes == ()
    assert_nothing_fixable_left(result.track, p)
