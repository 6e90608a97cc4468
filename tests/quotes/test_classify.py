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
