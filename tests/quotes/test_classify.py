from __future__ import annotations

import pytest

from subtools.model import Cue, Track
from subtools.quotes.align import align_quote, build_pattern
from subtools.quotes.classify import block_severity, classify
from subtools.quotes.extract import QuotePart
from subtools.quotes.stream import build_stream


def check(quote: str, captions: list[str]) -> tuple[str, list[tuple[str, str, str, str, str]]]:
    track = Track(tuple(Cue(i * 1000, i * 1000 + 900, t) for i, t in enumerate(captions)))
    stream = build_stream(track)
    pattern = build_pattern([QuotePart(1, 0, len(quote), quote)])
    verdict = classify(align_quote(pattern, stream), pattern, stream)
    return verdict.status, [
        (d.op, d.article, d.captions, d.severity, d.reason) for d in verdict.differences
    ]


@pytest.mark.parametrize(
    ("quote", "caption", "expected"),
    [
        (
            "we would be able to leave",
            "we wouldn't be able to leave",
            ("changed", [("replace", "would", "wouldn't", "major", "negation")]),
        ),
        (
            "They told us they couldn't help us",
            "They told us they could help us",
            ("changed", [("replace", "couldn't", "could", "major", "negation")]),
        ),
        (
            "we did not sign",
            "we did sign",
            ("changed", [("delete", "not", "", "major", "negation")]),
        ),
        (
            "they were sent to the front",
            "we were sent to the front",
            ("changed", [("replace", "they", "we", "major", "person")]),
        ),
        (
            "ten of our comrades were killed",
            "twelve of our comrades were killed",
            ("changed", [("replace", "ten", "twelve", "major", "number")]),
        ),
        (
            "twelve of our comrades were killed",
            "12 of our comrades were killed",
            ("minor", [("replace", "twelve", "12", "minor", "number format")]),
        ),
        (
            "we had been attached to the unit",
            "we'd been attached to the unit",
            ("minor", [("replace", "we had", "we'd", "minor", "contraction")]),
        ),
        (
            "we do not refuse to serve",
            "we don't refuse to serve",
            ("minor", [("replace", "do not", "don't", "minor", "contraction")]),
        ),
        (
            "attached to assault unit today",
            "attached to an assault unit today",
            ("minor", [("insert", "", "an", "minor", "article")]),
        ),
        (
            "it was the first time we refused",
            "it was the one time we refused",
            ("changed", [("replace", "first", "one", "major", "number")]),
        ),
        (
            "the twelfth attack on our positions",
            "the twelve attack on our positions",
            ("changed", [("replace", "twelfth", "twelve", "major", "number")]),
        ),
        (
            "the twelfth attack on our positions",
            "the 12th attack on our positions",
            ("minor", [("replace", "twelfth", "12th", "minor", "number format")]),
        ),
        (
            "we are the fifty-seventh brigade",
            "we are the 57th brigade",
            ("minor", [("replace", "fifty-seventh", "57th", "minor", "number format")]),
        ),
        (
            # Digits with or without the ordinal ending: the same unit, a matter of style.
            "we serve in the 1428 Regiment",
            "we serve in the 1428th Regiment",
            ("minor", [("replace", "1428", "1428th", "minor", "number format")]),
        ),
        (
            "we serve in the fourteenth regiment",
            "we serve in the 14 regiment",
            ("changed", [("replace", "fourteenth", "14", "major", "number")]),
        ),
        (
            "we have served here since the 1990s",
            "we have served here since the 1990",
            ("changed", [("replace", "1990s", "1990", "major", "number")]),
        ),
        (
            "they kept the shells a part of the time",
            "they kept the shells apart of the time",
            ("changed", [("replace", "a part", "apart", "major", "word")]),
        ),
        (
            "the defence minister",
            "the defense minister",
            ("minor", [("replace", "defence", "defense", "minor", "spelling")]),
        ),
        (
            "sent to the front-line trenches",
            "sent to the frontline trenches",
            ("minor", [("replace", "front-line", "frontline", "minor", "spelling")]),
        ),
        (
            "killed by artillery fire near the line",
            "killed by mortar fire near the line",
            ("changed", [("replace", "artillery", "mortar", "major", "word")]),
        ),
        (
            "the commander Ivanov told us to stay",
            "the commander Petrov told us to stay",
            ("changed", [("replace", "Ivanov", "Petrov", "major", "name")]),
        ),
        ("We, the mobilized men!", "we the mobilized men", ("exact", [])),
    ],
)
def test_severity_rules(
    quote: str, caption: str, expected: tuple[str, list[tuple[str, str, str, str, str]]]
) -> None:
    assert (
        check(quote, ["Something else entirely here.", caption, "And more words after."])
        == expected
    )


def test_quote_across_cues_and_line_breaks() -> None:
    assert check(
        "we were sent to the front line without weapons",
        ["Three weeks ago we were sent\nto the front line", "without weapons."],
    ) == ("exact", [])


def test_brackets_are_optional_and_ellipses_skip_caption_words() -> None:
    assert check("return us [to Belgorod] to our base", ["return us to our base"]) == ("exact", [])
    assert check(
        "we were sent … without training",
        ["we were sent to the line", "without weapons and without training"],
    ) == ("exact", [])
    # Without the ellipsis, the skipped words are a change.
    assert (
        check(
            "we were sent without training",
            ["we were sent to the line", "without weapons and without training"],
        )[0]
        == "changed"
    )


def test_an_ellipsis_that_hides_a_negation_of_its_sentence_is_a_change() -> None:
    # "We did … abandon" for "We did not abandon" turns the sentence around.
    assert check("we did … abandon our positions", ["We did not", "abandon our positions."]) == (
        "changed",
        [("insert", "…", "not", "major", "negation")],
    )
    assert check(
        "we were sent to the front … without weapons",
        ["we were sent to the front three weeks ago,", "and we were never left without weapons"],
    ) == (
        "changed",
        [("insert", "…", "three weeks ago, and we were never left", "major", "negation")],
    )
    # A negation in a sentence the ellipsis skips as a whole is not the quote's.
    assert check(
        "we were sent to the front. … We ask you to return us",
        ["we were sent to the front.", "We don't refuse to serve.", "We ask you to return us"],
    ) == ("exact", [])


def test_a_quote_that_is_not_there_is_missing() -> None:
    assert check(
        "We are proud to defend our motherland until the end",
        ["We were sent to the front.", "They told us nothing."],
    ) == ("missing", [])


def test_no_shared_word_is_missing_without_candidate() -> None:
    track = Track((Cue(0, 1000, "alpha beta gamma"),))
    stream = build_stream(track)
    pattern = build_pattern([QuotePart(1, 0, 11, "delta omega")])
    assert align_quote(pattern, stream) is None


def test_block_severity_negation_wins_over_similarity() -> None:
    assert block_severity(["could", "not"], ["could"], [("could", "could")], False) == (
        "major",
        "negation",
    )
    assert block_severity(["the"], [], [], False) == ("minor", "article")
    assert block_severity(["twenty", "one"], ["21"], [("twenty", "21")], False) == (
        "minor",
        "number format",
    )
    assert block_severity(["twenty", "two"], ["21"], [("twenty", "21")], False) == (
        "major",
        "number",
    )


@pytest.mark.parametrize(
    ("quote", "captions", "expected"),
    [
        # Abbreviations and their expansions are minor, both ways.
        (
            "The U.S. was at peace",
            ["The United States was at peace"],
            ("minor", [("replace", "U.S.", "United States", "minor", "abbreviation")]),
        ),
        (
            "the United States will answer",
            ["the US will answer"],
            ("minor", [("replace", "United States", "US", "minor", "abbreviation")]),
        ),
        (
            "Dr Jones will see us now",
            ["Doctor Jones will see us now"],
            ("minor", [("replace", "Dr", "Doctor", "minor", "abbreviation")]),
        ),
        (
            "we were in Battalion No. 4 then",
            ["we were in Battalion number 4 then"],
            ("minor", [("replace", "No", "number", "minor", "abbreviation")]),
        ),
        # "us" the pronoun is not the country.
        (
            "they told us to wait here",
            ["they told the United States to wait here"],
            ("changed", [("replace", "us", "the United States", "major", "person")]),
        ),
        # An apostrophe typo, an ordinal written without its suffix.
        (
            "the people of the United State's have formed their opinions",
            ["the people of the United States have formed their opinions"],
            ("minor", [("replace", "State's", "States", "minor", "spelling")]),
        ),
        (
            "we arrived on January 20 in the rain",
            ["we arrived on January 20th in the rain"],
            ("minor", [("replace", "20", "20th", "minor", "number format")]),
        ),
    ],
)
def test_minor_not_changed(
    quote: str, captions: list[str], expected: tuple[str, list[tuple[str, ...]]]
) -> None:
    assert check(quote, captions) == expected


def test_a_silent_cut_is_changed_with_the_dropped_words() -> None:
    captions = ["we lost our trucks, our radios and our food in the river"]
    status, diffs = check("we lost our trucks and our food in the river", captions)
    assert (status, diffs) == ("changed", [("insert", "", "our radios", "major", "person")])
    # A whole clause or sentence dropped is a cut, still found (not missing).
    captions = [
        "We waited for the trucks all night long.",
        "Nobody came, nobody called, and the radio stayed silent until dawn.",
        "Then we walked back to the base on foot.",
    ]
    status, diffs = check(
        "We waited for the trucks all night long. Then we walked back to the base on foot.",
        captions,
    )
    assert status == "changed"
    assert diffs == [
        (
            "cut",
            "",
            "Nobody came, nobody called, and the radio stayed silent until dawn",
            "major",
            "silent cut",
        )
    ]


def test_an_ellipsis_stays_an_allowed_cut() -> None:
    captions = ["We waited all night.", "Nobody came, nobody called.", "Then we walked back."]
    for mark in ("...", "…", "[...]"):
        assert check(f"We waited all night {mark} Then we walked back.", captions)[0] == "exact"


def test_a_term_in_the_plural_with_its_full_stop_inside_the_marks() -> None:
    track = Track((Cue(0, 2000, "we were sent to the front line"),))
    stream = build_stream(track)
    pattern = build_pattern([QuotePart(1, 0, 12, "front lines.")])
    verdict = classify(align_quote(pattern, stream), pattern, stream, "term")
    assert verdict.status == "minor"
    assert [(d.reason, d.severity) for d in verdict.differences] == [("plural", "minor")]
