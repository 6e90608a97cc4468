"""Line breaking: exact breaks for English and Russian, and words never change."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from subtools.linebreak import break_lines, break_penalty, is_dialogue, line_end_word
from subtools.tags import strip_tags


def test_breaks_after_punctuation_and_before_prepositions() -> None:
    assert (
        break_lines("We, the mobilized men of the 57th Battalion, are here")
        == "We, the mobilized men\nof the 57th Battalion, are here"
    )
    assert (
        break_lines("We were sent to the front line without weapons.")
        == "We were sent to the front line\nwithout weapons."
    )
    assert (
        break_lines("are appealing to the defense minister.", 37)
        == "are appealing\nto the defense minister."
    )
    assert (
        break_lines("Командир сказал, что нас прикрепили к штурмовому отряду.", 39, 2, "ru")
        == "Командир сказал, что нас прикрепили\nк штурмовому отряду."
    )
    assert (
        break_lines("Мы обратились к\nкоменданту и военной полиции.", 39, 2, "ru")
        == "Мы обратились к коменданту\nи военной полиции."
    )


def test_longer_russian_prepositions_do_not_hang_at_a_line_end() -> None:
    assert (
        break_lines("Нас бросили одних среди минных полей и воронок", 39, 2, "ru")
        == "Нас бросили одних\nсреди минных полей и воронок"
    )
    assert (
        break_lines("Он ушёл к соседям после двух суток под огнём", 39, 2, "ru")
        == "Он ушёл к соседям\nпосле двух суток под огнём"
    )


def test_text_that_fits_goes_on_one_line() -> None:
    assert break_lines("Three weeks ago\nwe were sent") == "Three weeks ago we were sent"
    assert break_lines("  spaced   out  ") == "spaced out"
    assert break_lines("") == ""


def test_dialogue_keeps_one_speaker_per_line() -> None:
    text = "- That's it, turn it off.\n- Wait."
    assert is_dialogue(text)
    assert break_lines(text, 10) == text
    assert not is_dialogue("- Only one line")


def test_tags_do_not_count_towards_width() -> None:
    text = "<i>We ask you to return us to our permanent base.</i>"
    assert break_lines(text) == "<i>We ask you to return us\nto our permanent base.</i>"
    assert (
        break_lines('<font color="red">' + "a " * 20 + "</font>")
        == '<font color="red">' + " ".join(["a"] * 20) + " </font>"
    )


def test_three_lines_only_when_allowed_and_needed() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve"
    assert (
        break_lines(text, 35, 2)
        == "one two three four five six seven\neight nine ten eleven twelve"
    )
    # Two lines cannot hold it in 22 characters: the least overflow is chosen.
    assert (
        break_lines(text, 22, 2)
        == "one two three four five six seven\neight nine ten eleven twelve"
    )
    assert (
        break_lines(text, 22, 3)
        == "one two three four\nfive six seven eight\nnine ten eleven twelve"
    )


def test_penalties_and_line_ends() -> None:
    words = ["Yes.", "and", "the", "end"]
    assert break_penalty(words, 1) == -14  # after a full stop
    assert break_penalty(words, 3) == 20  # right after an article
    assert break_penalty(["we", "went", "to"], 2) == -6  # before a preposition
    assert line_end_word("to «the»") == "the"
    assert line_end_word("") == ""


WORD = st.sampled_from(
    [
        "we",
        "the",
        "<i>front</i>",
        "line,",
        "без",
        "патронов.",
        "a",
        "and",
        "Supercalifragilisticexpialidocious",
        "«песочницу»",
        "{\\an8}top",
    ]
)


@given(st.lists(WORD, min_size=0, max_size=30), st.integers(10, 50), st.integers(1, 3))
def test_words_never_change(words: list[str], width: int, lines: int) -> None:
    text = " ".join(words)
    out = break_lines(text, width, lines)
    assert out.split() == text.split()
    assert out.count("\n") < max(lines, 1)
    if len(strip_tags(" ".join(words))) <= width:
        assert "\n" not in out


def test_never_breaks_inside_a_tag_that_holds_a_space() -> None:
    text = (
        '<i>without</i> в we we на в <font color="red">weapons</font> {\\an8}go '
        '<font color="red">big <font color="red">weapons</font>'
    )
    assert break_lines(text, 20, 3) == (
        "<i>without</i> в we\n"
        'we на в <font color="red">weapons</font>\n'
        '{\\an8}go <font color="red">big <font color="red">weapons</font>'
    )


TAGGED = st.sampled_from(
    ['<font color="red">weapons</font>', '<font color="red" face="Arial">big', "guns</font>"]
)


@given(st.lists(st.one_of(WORD, TAGGED), min_size=0, max_size=20), st.integers(8, 42))
def test_tags_with_spaces_stay_whole_on_one_line(words: list[str], width: int) -> None:
    text = " ".join(words)
    out = break_lines(text, width, 3)
    assert strip_tags(out).split() == strip_tags(text).split()
    for line in out.split("\n"):
        assert line.count("<") == line.count(">"), out


def test_a_speaker_turn_inside_the_text_always_starts_a_line() -> None:
    # The second speaker's turn wraps over two lines: joining it to the first
    # speaker's line would put a dash in mid-line. Each turn gets one line if it fits...
    assert (
        break_lines("He said:\n- Go to the\nfront now.", 42, 2)
        == "He said:\n- Go to the front now."
    )
    assert (
        break_lines("- Где?\n- На фронт,\nбез оружия.", 39, 2) == "- Где?\n- На фронт, без оружия."
    )
    # ... else the text is left as it is, for a person.
    text = "- Where?\n- To the front, where they send us\nall without training."
    assert break_lines(text, 42, 2) == text
    assert break_lines("<i>- Where?</i>\n<i>- Away</i>\n<i>now.</i>", 42, 2) == (
        "<i>- Where?</i>\n<i>- Away</i> <i>now.</i>"
    )
    # One speaker whose cue starts with a dash is broken as usual.
    assert break_lines("- Where are you going with all of those weapons, my friend?", 42, 2) == (
        "- Where are you going with all\nof those weapons, my friend?"
    )
