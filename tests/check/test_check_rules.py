"""Every rule, with exact expected findings on small crafted tracks (English and Russian)."""

from __future__ import annotations

from subtools.check import Finding, load_profile, run_checks
from subtools.check.language import script_of
from subtools.check.profiles import parse_fps

from .helpers import findings, rules_of, track


def test_reading_speed_counts_spaces_and_punctuation_not_tags() -> None:
    t = track(
        (0, 1000, "Twenty-one characters"),  # 21 chars in 1 s
        (2000, 3000, "<i>Twenty characters.</i>"),  # 20 visible chars: at the limit
        (4000, 5000, "Two lines, ten\nmore here"),  # 24 incl. the line break
    )
    assert findings(t) == [
        Finding(
            1,
            "reading-speed",
            "error",
            "21.0 characters per second (21 characters in 1000 ms)",
            21.0,
            20.0,
        ),
        Finding(
            3,
            "reading-speed",
            "error",
            "24.0 characters per second (24 characters in 1000 ms)",
            24.0,
            20.0,
        ),
    ]


def test_reading_speed_cyrillic_uses_the_russian_limit() -> None:
    t = track((0, 2000, "Мы не подписывали никаких контрактов."), lang="ru")
    assert findings(t, "netflix-ru") == [
        Finding(
            1,
            "reading-speed",
            "error",
            "18.5 characters per second (37 characters in 2000 ms)",
            18.5,
            17.0,
        ),
    ]
    assert findings(t, "netflix-en") == []  # 18.5 cps is fine for English's 20


def test_line_length_and_count() -> None:
    t = track(
        (0, 5000, "Командир сказал, что нас прикрепили к штурмовому\nотряду."),
        (6000, 11000, "one\ntwo\nthree"),
        lang="ru",
    )
    assert findings(t, "netflix-ru") == [
        Finding(1, "line-length", "error", "line 1 has 48 characters", 48, 39),
        Finding(2, "line-count", "error", "3 lines", 3, 2),
    ]


def test_line_length_ignores_tags() -> None:
    t = track((0, 5000, "<i>" + "x" * 42 + "</i>"), (6000, 11000, "{\\an8}" + "y" * 43))
    assert findings(t) == [Finding(2, "line-length", "error", "line 1 has 43 characters", 43, 42)]


def test_durations() -> None:
    t = track((0, 832, "Да."), (2000, 2833, "Нет."), (4000, 11001, "Долго."), lang="ru")
    assert findings(t, "netflix-ru") == [
        Finding(1, "min-duration", "error", "shown for 832 ms", 832, 833),
        Finding(3, "max-duration", "error", "shown for 7001 ms", 7001, 7000),
    ]


def test_gap_in_frames_depends_on_fps() -> None:
    t = track((0, 1000, "One."), (1040, 2000, "Two."), (2080, 3000, "Three."))
    assert findings(t) == [
        Finding(
            1,
            "min-gap",
            "error",
            "40 ms (1.0 frames at 25 fps) before cue 2; at least 80 ms needed",
            1.0,
            2.0,
        ),
    ]
    at50 = run_checks(t, load_profile("netflix-en").with_fps(parse_fps("50")), language=False)
    assert at50 == ()
    at23 = load_profile("netflix-en").with_fps(parse_fps("23.976"))
    assert at23.min_gap_ms == 83  # 2 frames = 83.42 ms: written as 83 or 84 ms
    assert rules_of(list(run_checks(t, at23, language=False))) == [(1, "min-gap"), (2, "min-gap")]


def test_overlap_and_order() -> None:
    t = track((0, 2000, "First."), (1500, 3000, "Second."), (1000, 1900, "Early."))
    assert findings(t) == [
        Finding(1, "overlap", "error", "overlaps cue 2 by 500 ms", 500, 0),
        Finding(3, "order", "error", "starts 500 ms before cue 2, which precedes it", 1000, 1500),
    ]


def test_empty_cues() -> None:
    t = track((0, 1000, ""), (2000, 3000, "<i> </i>"), (4000, 5000, "Text."))
    assert rules_of(findings(t)) == [(1, "empty"), (2, "empty")]


def test_tags() -> None:
    t = track(
        (0, 2000, "<i>Never closed"),
        (3000, 5000, "Closed but </i>never opened"),
        (6000, 8000, "<i><b>Crossing</i></b>"),
        (9000, 11000, "<i>Malformed</i> <b"),
        (12000, 14000, "{\\an8}<v Bob>Fine <font color=red>here</font>"),
        (15000, 17000, "<I>Case</i> is fine"),
    )
    assert findings(t) == [
        Finding(1, "tags", "error", "<i> is never closed", "<i>", None),
        Finding(2, "tags", "error", "</i> closes a tag that is not open", "</i>", None),
        Finding(3, "tags", "error", "</i> closes across the open <b>", "</i>", None),
        Finding(4, "tags", "error", "malformed tag '<b'", "<b", None),
    ]


def test_line_break_after_article_or_preposition_english() -> None:
    t = track(
        (0, 5000, "We were sent to the\nfront line without weapons."),
        (6000, 11000, "We appealed to the commandant\nand the military police."),
        (12000, 17000, "- Turn it off. Go to the\n- Wait."),  # dialogue: each turn keeps its line
    )
    assert findings(t) == [
        Finding(
            1,
            "line-break",
            "warning",
            'line 1 ends with "the"; better: "We were sent to the front line / without weapons."',
            "the",
            None,
        ),
    ]


def test_line_break_russian_preposition() -> None:
    t = track((0, 5000, "Мы обратились к\nкоменданту и военной полиции."), lang="ru")
    assert findings(t, "netflix-ru") == [
        Finding(
            1,
            "line-break",
            "warning",
            'line 1 ends with "к"; better: "Мы обратились к коменданту / и военной полиции."',
            "к",
            None,
        ),
    ]


def test_line_break_not_reported_when_no_better_break_fits() -> None:
    # Every other break overflows 42 characters, so the article must stay.
    text = "Antidisestablishmentarianism is the\nantidisestablishmentarianism campaigners"
    assert findings(track((0, 7000, text))) == []


def test_untranslated_cues_with_corroboration() -> None:
    ru = track(
        (
            0,
            3000,
            "Три недели назад нас отправили\nна передовую",
        ),  # langdetect says bg: not trusted
        (
            4000,
            7000,
            "We were sent to the front\nwithout any weapons.",
        ),  # Latin in a Cyrillic track
        (8000, 11000, "Ми не відмовляємося служити, але їдемо"),  # Ukrainian letters
        (12000, 15000, "Да."),  # too short to judge
        lang="ru",
    )
    assert findings(ru, "netflix-ru", language=True) == [
        Finding(2, "untranslated", "warning", "reads as en, the track is ru", "en", "ru"),
        Finding(3, "untranslated", "warning", "reads as uk, the track is ru", "uk", "ru"),
    ]
    en = track(
        (0, 3000, "Мы не отказываемся служить,\nно без патронов"), (4000, 7000, "Hello there.")
    )
    assert findings(en, language=True) == [
        Finding(1, "untranslated", "warning", "reads as ru, the track is en", "ru", "en"),
    ]


def test_untranslated_same_script_needs_length_and_few_function_words() -> None:
    t = track(
        (0, 4000, "Wir wurden ohne Waffen\nan die Front geschickt, sagt er."),  # German, 44 letters
        (5000, 9000, "Nous avons été envoyés au front."),  # French, but under 40 letters
        (10000, 14000, "We were sent to the front line\nwithout weapons or training."),
    )
    assert findings(t, language=True) == [
        Finding(1, "untranslated", "warning", "reads as de, the track is en", "de", "en"),
    ]


def test_script_of() -> None:
    assert [script_of(x) for x in ("Привет, world", "hello мир", "Γειά σου", "שלום", "123")] == [
        "CYRILLIC",
        "LATIN",
        "GREEK",
        "HEBREW",
        None,
    ]


def test_track_language_against_profile() -> None:
    t = track((0, 3000, "Мы не отказываемся служить."), lang="ru")
    assert findings(t, "netflix-en", language=True) == [
        Finding(
            None,
            "track-language",
            "warning",
            "the track is in ru, profile netflix-en expects en",
            "ru",
            "en",
        ),
    ]


def test_words_per_minute_only_in_bbc() -> None:
    t = track((0, 2000, "I am so sad to go now"))  # 7 words in 2 s = 210 wpm, 10.5 cps
    assert findings(t, "bbc") == [
        Finding(
            1,
            "words-per-minute",
            "warning",
            "210 words per minute (7 words in 2000 ms)",
            210.0,
            180.0,
        ),
    ]
    assert findings(t, "netflix-en") == []


def test_language_rules_are_skipped_without_language() -> None:
    t = track((0, 3000, "Мы не отказываемся служить, но без них"))
    assert findings(t, language=False) == []


def test_findings_are_ordered_by_cue_then_rule() -> None:
    t = track((0, 500, "x" * 50), (400, 1000, ""))
    assert rules_of(findings(t)) == [
        (1, "overlap"),
        (1, "min-duration"),
        (1, "reading-speed"),
        (1, "line-length"),
        (2, "empty"),
        (2, "min-duration"),
    ]


def test_untranslated_script_follows_the_track_language_not_the_majority() -> None:
    # A half-translated draft: more English letters than Russian ones. The track is
    # Russian, so the English cues are the untranslated ones.
    ru = track(
        (0, 3000, "Мы не подписывали никаких контрактов."),
        (4000, 7000, "We did not sign any contracts with the army."),
        (8000, 11000, "They sent us to the front without any training."),
        lang="ru",
    )
    assert run_checks(ru, load_profile("netflix-ru"), only=["untranslated"]) == (
        Finding(2, "untranslated", "warning", "reads as en, the track is ru", "en", "ru"),
        Finding(3, "untranslated", "warning", "reads as en, the track is ru", "en", "ru"),
    )
    # The other way round: an English track whose Russian cues outweigh it.
    en = track(
        (0, 3000, "Мы не сдадимся никогда, но без патронов"),
        (4000, 7000, "Нас отправили на передовую без подготовки"),
        (8000, 11000, "Hello there."),
    )
    assert run_checks(en, load_profile("netflix-en"), only=["untranslated"]) == (
        Finding(1, "untranslated", "warning", "reads as ru, the track is en", "ru", "en"),
        Finding(2, "untranslated", "warning", "reads as ru, the track is en", "ru", "en"),
    )


def test_a_cue_exactly_at_a_decimal_limit_passes() -> None:
    from subtools.check.text import cps_over, min_ms_for_cps

    # 123 characters in 7.5 s is exactly 16.4 cps (bbc); 16.4 * 7500 in floats is
    # 122999.99999999999, which made the cue read as over the limit.
    assert (cps_over(123, 7500, 16.4), cps_over(123, 7499, 16.4)) == (False, True)
    assert min_ms_for_cps(123, 16.4) == 7500
    t = track((0, 7500, "x" * 41 + "\n" + "y" * 81))
    assert run_checks(t, load_profile("bbc"), language=False, only=["reading-speed"]) == ()
