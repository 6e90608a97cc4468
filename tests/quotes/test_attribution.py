from __future__ import annotations

from pathlib import Path

from subtools.quotes.article import parse_article
from subtools.quotes.attribution import Attribution, attribute
from subtools.quotes.extract import extract_quotes


def speakers(text: str) -> list[tuple[str | None, bool]]:
    paragraphs = parse_article(text)
    return [(a.speaker, a.other) for a in attribute(paragraphs, extract_quotes(paragraphs))]


def test_sample_speakers(sample_article: Path) -> None:
    assert speakers(sample_article.read_text(encoding="utf-8")) == [
        (None, False),  # headline term
        ("A group of mobilized Russian soldiers", False),
        ("one soldier", False),
        ("one soldier", False),  # second quote of the same paragraph
        ("their commander", False),
        ("he", False),  # "He said ... and added:"
        ("he", False),
        ("he", False),  # multi-paragraph quote continues the paragraph's speaker
        (None, False),  # terms have no speaker
        (None, False),
        ("he", False),
        ("Dr. Elena Varga", True),
        ("Dr. Elena Varga", True),  # "Varga said" is the same person
    ]


def test_patterns_after_the_quote() -> None:
    assert speakers('"We stay here and we fight on," said Colonel Ivanov.') == [
        ("Colonel Ivanov", True)
    ]
    assert speakers('"We stay here and we fight on," the soldier says in the video.') == [
        ("the soldier", False)
    ]


def test_named_speaker_of_the_video_is_not_another_speaker() -> None:
    text = (
        '"We stay here and we fight on," Ivanov says in the video.\n\n'
        '"Nobody came to help us at all," Ivanov said.'
    )
    assert speakers(text) == [("Ivanov", False), ("Ivanov", False)]


def test_pronoun_after_a_named_speaker_is_that_speaker() -> None:
    text = (
        'Political analyst Jane Roe told Newsweek that "these videos are a genre of their own."\n\n'
        '"Nobody in Moscow is listening to them," she added.'
    )
    assert speakers(text) == [("Jane Roe", True), ("Jane Roe", True)]


def test_appositive_between_name_and_verb() -> None:
    text = (
        'Jason Smart—a political adviser—told Newsweek that "there has been a steady '
        'stream of new videos."'
    )
    assert speakers(text) == [("Jason Smart", True)]


def test_place_names_are_not_speakers() -> None:
    text = (
        'A soldier stationed in Ukraine said they refuse to follow "senseless and '
        'suicidal orders" from above.'
    )
    assert speakers(text) == [("A soldier stationed in Ukraine", False)]


def test_a_speaker_phrase_keeps_its_modifier() -> None:
    # "a soldier holding the company flag says": the speaker is the soldier, not the flag.
    text = (
        '"We have been here since February," a soldier holding the company flag says in the video.'
    )
    assert speakers(text) == [("a soldier holding the company flag", False)]
    text = (
        "A group of Russian conscripts serving near Kupiansk say they were kept at the "
        'front "without rotation and without leave," according to a video.'
    )
    assert speakers(text) == [("A group of Russian conscripts serving near Kupiansk", False)]
    assert speakers('One of the soldiers said: "We stay."') == [("One of the soldiers", False)]


def test_a_phrase_before_the_speaker_is_not_part_of_it() -> None:
    assert speakers('In the morning the soldier said: "We stay."') == [("the soldier", False)]


def test_according_to_names_a_source_not_a_speaker() -> None:
    assert attribute(
        *(lambda p: (p, extract_quotes(p)))(
            parse_article(
                'They were sent "without weapons and without training," according to a video.'
            )
        )
    ) == [Attribution(None, False)]


def test_surname_later_in_the_article_is_the_full_name() -> None:
    text = (
        'Historian Dr. Elena Varga told the Ledger that "such videos are common now."\n\n'
        '"We will not go," the soldier says in the video.\n\n'
        '"They are a genre of their own," Varga said.'
    )
    assert speakers(text) == [
        ("Dr. Elena Varga", True),
        ("the soldier", False),
        ("Dr. Elena Varga", True),
    ]


def test_second_half_of_a_split_sentence_has_the_same_speaker() -> None:
    text = (
        'Analyst Mark Jensen said, "This is a familiar pattern."\n\n'
        '"Our families have not received any payments," he said, "for four months."'
    )
    # "he" follows the named analyst, so it is taken for him; the point is the second half.
    assert speakers(text) == [
        ("Analyst Mark Jensen", True),
        ("Analyst Mark Jensen", True),
        ("Analyst Mark Jensen", True),
    ]
    assert speakers('"We have no payments," the soldier said, "for four months."') == [
        ("the soldier", False),
        ("the soldier", False),
    ]


def test_said_before_a_common_noun_subject() -> None:
    text = (
        'Analyst Mark Jensen said, "This is a familiar pattern."\n\n'
        '"We did not abandon our positions," said the soldier. '
        'He repeated: "We did not abandon our positions."'
    )
    assert speakers(text) == [
        ("Analyst Mark Jensen", True),
        ("the soldier", False),
        ("he", False),
    ]
    assert speakers('"We stay," said one of the soldiers.') == [("one of the soldiers", False)]


def test_inverted_speaker_with_a_title_abbreviation() -> None:
    text = "“We did not abandon our positions,” said Sgt. Ivan Petrov, who appears in the video."
    assert speakers(text) == [("Sgt. Ivan Petrov", False)]
    assert speakers('"We stay here," said Dr. Elena Varga.') == [("Dr. Elena Varga", True)]


def test_a_colon_introduces_the_named_speakers_quote_whatever_the_verb() -> None:
    text = (
        '"We did not abandon our positions," the soldier says in the video. '
        'Analyst Mark Jensen disagreed: "That is not what the record shows at all."'
    )
    assert speakers(text) == [("the soldier", False), ("Analyst Mark Jensen", True)]


def test_a_clause_after_a_conjunction_belongs_to_the_next_quote() -> None:
    text = (
        'Jensen said "this is a very typical pattern," but the soldier insisted '
        '"we were abandoned by our commanders."'
    )
    assert speakers(text) == [("Jensen", True), ("the soldier", False)]


def test_the_attribution_line_of_a_blockquote_names_its_speaker() -> None:
    md = "# Soldiers\n\n> We did not abandon our positions.\n>\n> — Ivan, a soldier, in the video\n"
    paragraphs = parse_article(md, "markdown")
    found = attribute(paragraphs, extract_quotes(paragraphs))
    assert [(a.speaker, a.other) for a in found] == [("Ivan", False)]
