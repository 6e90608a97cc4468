"""``fix --split-long``: where a cue is cut, and why a cue is left whole."""

from __future__ import annotations

from subtools.check import FixOptions, fix_track, load_profile, run_checks
from subtools.check.explain import explain
from subtools.check.restructure import MAX_SPLIT_WORDS, split_refusal
from subtools.linebreak import BAD_LINE_ENDS, line_end_word
from subtools.model import Cue

from .helpers import track

EN = load_profile("netflix-en")
SPLIT = FixOptions(split_long=True)

# 85 + 1 + 81 characters: the most balanced cut falls right after "about".
FIRST = "Our families have written to the ministry many times asking for any information about"
SECOND = "the placement of the mobilized men, but nobody has answered them in three months."


def test_a_split_never_leaves_a_preposition_at_a_cue_or_line_end() -> None:
    result = fix_track(track((1000, 13000, f"{FIRST} {SECOND}")), EN, SPLIT)
    texts = [c.text for c in result.track.cues]
    assert texts == [
        "Our families have written to the ministry\nmany times asking for any information",
        "about the placement of the mobilized men,",
        "but nobody has answered them\nin three months.",
    ]
    ends = [line_end_word(line) for t in texts for line in t.split("\n")]
    assert not set(ends) & BAD_LINE_ENDS["en"]


def test_a_russian_split_keeps_the_preposition_with_its_noun() -> None:
    text = (
        "Нас отправили на передовую без подготовки и без оружия, и теперь мы стоим "
        "под постоянным обстрелом уже третью неделю подряд."
    )
    result = fix_track(track((0, 9000, text), lang="ru"), load_profile("netflix-ru"), SPLIT)
    assert len(result.track) >= 2
    for cue in result.track.cues:
        for line in cue.text.split("\n"):
            assert line_end_word(line) not in BAD_LINE_ENDS["ru"], cue.text


def _reasons(text: str, start: int, end: int) -> list[tuple[str, str]]:
    t = track((start, end, text), (end + 5000, end + 7000, "Next."))
    result = fix_track(t, EN, SPLIT)
    return [
        (f.rule, explain(f, result.track, EN, SPLIT))
        for f in run_checks(result.track, EN, language=False)
        if f.cue == 1
    ]


def test_a_96_character_cue_too_fast_for_two_parts_says_so() -> None:
    text = "We were told that we would be trained for two weeks, and then sent to the front line right away."
    assert len(text) == 96
    assert _reasons(text, 1000, 5800) == [
        (
            "line-length",
            "not split: two parts would be too fast to read (96 characters need 4800 ms, "
            "plus 80 ms between the parts; the cue lasts 4800 ms); shorten the text or give "
            "it more time",
        ),
        (
            "line-length",
            "not split: two parts would be too fast to read (96 characters need 4800 ms, "
            "plus 80 ms between the parts; the cue lasts 4800 ms); shorten the text or give "
            "it more time",
        ),
    ]


def test_a_157_character_cue_over_the_maximum_duration_says_why_it_stays() -> None:
    text = (
        "We appealed to the commandant and the military police, but they told us that "
        "they could not help us in any way, and so we are now recording this video today."
    )
    assert len(text) == 157
    reasons = _reasons(text, 0, 7000)
    assert ("reading-speed", reasons[0][1]) == reasons[0]
    assert (
        reasons[1:]
        == [
            (
                "line-length",
                "not split: two parts would be too fast to read (157 characters need 7850 ms, "
                "plus 80 ms between the parts; the cue lasts 7000 ms); shorten the text or give "
                "it more time",
            )
        ]
        * 2
    )


def test_refusals_name_their_reason() -> None:
    assert split_refusal(Cue(0, 9000, "x" * 120), EN, "en") == "not split: a single word"
    dialogue = "- Where were you sent after the training camp?\n- To the front line, where else."
    assert split_refusal(Cue(0, 9000, dialogue + " " + "word " * 10), EN, "en") == (
        "not split: a dialogue cue keeps one speaker per line; split it by hand"
    )
    many = " ".join(["word"] * (MAX_SPLIT_WORDS + 1))
    assert split_refusal(Cue(0, 600_000, many), EN, "en") == (
        f"not split: {MAX_SPLIT_WORDS + 1} words, more than {MAX_SPLIT_WORDS}; split it by hand"
    )
    fits = "Short and fine."
    assert split_refusal(Cue(0, 3000, fits), EN, "en") is None
