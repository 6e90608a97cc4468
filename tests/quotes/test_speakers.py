"""One person, many names: the speaker ids that attribution gives."""

from __future__ import annotations

from subtools.quotes.article import parse_article
from subtools.quotes.attribution import attribute
from subtools.quotes.extract import extract_quotes
from subtools.quotes.speakers import name_key, strip_titles


def ids(text: str) -> list[tuple[str | None, str | None]]:
    paragraphs = parse_article(text)
    return [(a.speaker_id, a.speaker) for a in attribute(paragraphs, extract_quotes(paragraphs))]


def test_name_key_strips_titles_first_names_and_possessives() -> None:
    assert name_key("President Jane Roe") == "roe"
    assert name_key("Defence Minister Ivan Petrov") == "petrov"
    assert name_key("Roe's") == "roe"
    assert name_key("Dr. Elena Varga") == "varga"
    assert name_key("John F. Kennedy Jr.") == "kennedy"
    assert name_key("the President") is None
    assert strip_titles("Former Defence Minister Ivan Petrov") == ["Ivan", "Petrov"]


def test_every_name_of_one_person_is_one_speaker() -> None:
    text = (
        "President Jane Roe spoke for ten minutes.\n\n"
        '"We will rebuild every bridge," Roe said.\n\n'
        '"Not one family will be left behind," the president said.\n\n'
        'Her aide, Tom Hill, said the plan was "already costed and paid for."\n\n'
        '"We start on Monday," she added.\n\n'
        'Roe\'s closing words were plain: "This is only the beginning."'
    )
    assert ids(text) == [
        ("roe", "Jane Roe"),  # the fullest form, without the title
        ("roe", "Jane Roe"),
        ("hill", "Tom Hill"),
        ("roe", "Jane Roe"),  # "she": the nearest woman, past the aide
        ("roe", "Jane Roe"),  # a possessive
    ]


def test_a_role_binds_to_the_person_who_holds_it() -> None:
    text = (
        "Defence Minister Ivan Petrov visited the base with General Anna Orlova.\n\n"
        '"The supplies arrive tomorrow," the minister said.\n\n'
        '"We are ready for them," the general said.'
    )
    assert [i for i, _ in ids(text)] == ["petrov", "orlova"]


def test_a_past_holder_is_not_the_role() -> None:
    text = (
        "Outgoing President Dwight Eisenhower sat behind President Mark Bell.\n\n"
        '"We begin today," the president said.'
    )
    assert [i for i, _ in ids(text)] == ["bell"]


def test_initials_stand_for_the_full_name() -> None:
    text = (
        "Franklin D. Roosevelt addressed Congress.\n\n"
        '"Hostilities exist," FDR said.\n\n'
        '"We will win," Roosevelt said.'
    )
    assert [i for i, _ in ids(text)] == ["roosevelt", "roosevelt"]


def test_a_pronoun_goes_to_the_nearest_compatible_person() -> None:
    text = (
        "Senator Ruth Calder and Mayor Tom Price met the workers.\n\n"
        '"The plant stays open," Calder said.\n\n'
        'Price disagreed. "It closes in May," he said.\n\n'
        '"Not while I am here," she said.'
    )
    assert [i for i, _ in ids(text)] == ["calder", "price", "calder"]


def test_an_unnamed_speaker_stops_a_pronoun_going_further_back() -> None:
    text = (
        'Analyst Mark Jensen said, "This is a familiar pattern."\n\n'
        '"We stay here," said the soldier. He repeated: "We stay here."'
    )
    assert ids(text) == [
        ("jensen", "Analyst Mark Jensen"),
        ("the-soldier", "the soldier"),
        (None, "he"),
    ]
