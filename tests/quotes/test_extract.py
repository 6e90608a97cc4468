from __future__ import annotations

import string
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from subtools.quotes.article import Paragraph, parse_article, read_article
from subtools.quotes.extract import extract_quotes, quote_kind

from .conftest import ARTICLES


def quotes_of(text: str, fmt: str = "text") -> list[tuple[list[int], str, str]]:
    return [
        ([p.paragraph for p in q.parts], q.kind, q.text)
        for q in extract_quotes(parse_article(text, fmt))
    ]


def test_sample_article_quotes(sample_article: Path) -> None:
    got = quotes_of(sample_article.read_text(encoding="utf-8"))
    assert [(pars, kind) for pars, kind, _ in got] == [
        ([1], "term"),
        ([2], "speech"),
        ([4], "speech"),
        ([4], "speech"),
        ([5], "speech"),
        ([5], "speech"),
        ([6], "speech"),
        ([6, 7], "speech"),
        ([8], "term"),
        ([8], "term"),
        ([9], "speech"),
        ([10], "speech"),
        ([11], "speech"),
    ]
    texts = [t for _, _, t in got]
    assert texts[0] == "Sandbox"
    assert texts[1] == "without weapons and without training"
    assert texts[3] == "Three weeks ago we were sent to the front line … without training."
    assert (
        texts[6]
        == "We don't refuse to serve, but we will not go into the 'sandbox' without ammunition"
    )
    assert texts[7] == (
        "Yesterday, twelve of our comrades were killed by artillery fire near the zero line. "
        "We appealed to the commandant and the military police. They told us they couldn't "
        "help us in any way. That's why we're recording this video."
    )
    assert texts[10] == "return us to our permanent base [in Belgorod region]."


def test_part_offsets_point_at_the_paragraph_text(sample_article: Path) -> None:
    paragraphs = parse_article(sample_article.read_text(encoding="utf-8"))
    for q in extract_quotes(paragraphs):
        for part in q.parts:
            assert paragraphs[part.paragraph - 1].text[part.start : part.end] == part.text


def test_multi_paragraph_quote_over_three_paragraphs() -> None:
    text = 'He said, "One two three four.\n\n"Five six seven eight.\n\n"Nine ten."\n\nAfter.'
    assert quotes_of(text) == [
        ([1, 2, 3], "speech", "One two three four. Five six seven eight. Nine ten.")
    ]


def test_unclosed_quote_not_continued_ends_with_its_paragraph() -> None:
    text = 'He said, "One two three four five.\n\nThe next paragraph is narration.'
    assert quotes_of(text) == [([1], "speech", "One two three four five.")]


def test_headline_single_quotes_vs_apostrophes_and_possessives() -> None:
    text = (
        "Russians Won't Carry Out 'Suicidal Orders'\n\n"
        "The soldiers' families say the men's 'sandbox' is deadly."
    )
    assert quotes_of(text) == [([1], "term", "Suicidal Orders"), ([2], "term", "sandbox")]


def test_quote_styles_guillemets_low_high_and_curly() -> None:
    text = "«Мы не пойдём» — сказал он. „Wir gehen nicht“, sagte er. “We won’t go,” he said."
    assert [t for _, _, t in quotes_of(text)] == ["Мы не пойдём", "Wir gehen nicht", "We won’t go"]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    got = quotes_of("\"We will not go into the 'sandbox' at all,\" he said.")
    assert got == [([1], "speech", "We will not go into the 'sandbox' at all")]


def test_kind() -> None:
    assert quote_kind("zero line") == "term"
    assert quote_kind("front lines.") == "term"
    assert quote_kind("we refuse") == "speech"  # first person: someone speaking
    assert quote_kind("senseless and suicidal orders") == "speech"
    assert quote_kind("Yevgeny [Prigozhin] lied") == "term"
    # Russian and Ukrainian first/second person too: a Russian article's short
    # speech quote is checked as speech (as a term, a dropped "не" never failed).
    assert quote_kind("Мы отказываемся воевать") == "speech"
    assert quote_kind("Ми не відступимо") == "speech"
    assert quote_kind("вас обманули") == "speech"
    assert quote_kind("нулевая линия") == "term"


def test_markdown_article() -> None:
    article = read_article(ARTICLES / "article.md")
    assert [p.text for p in article.paragraphs][:3] == [
        "Mobilized Soldiers Say They Were Sent to the 'Sandbox'",
        'A group of mobilized soldiers say they were sent to the front line "without weapons '
        'and without training," according to a video posted on Telegram.',
        '"We have not signed any contracts," one soldier says in the video.',
    ]
    assert article.paragraphs[0].heading and article.paragraphs[3].blockquote
    assert [(q.kind, q.text) for q in extract_quotes(article.paragraphs)] == [
        ("term", "Sandbox"),
        ("speech", "without weapons and without training"),
        ("speech", "We have not signed any contracts"),
        ("speech", "We appealed to the commandant and the military police."),
        ("term", "zero line."),
    ]


def test_html_article_skips_scripts_and_reads_entities_and_q() -> None:
    article = read_article(ARTICLES / "article.html")
    assert article.paragraphs[0] == Paragraph(1, "Soldiers Refuse the ‘Sandbox’", True, False)
    assert [(q.kind, q.text) for q in extract_quotes(article.paragraphs)] == [
        ("term", "Sandbox"),
        ("speech", "without weapons and without training"),
        ("speech", "We have not signed any contracts."),
        ("term", "sandbox"),
        ("speech", "twelve of our comrades were killed by artillery fire"),
    ]


def test_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    assert [p.text for p in parse_article("Title\nFirst line.\nSecond line.")] == [
        "Title",
        "First line.",
        "Second line.",
    ]


plain = st.text(alphabet=string.ascii_letters + " ,.", min_size=0, max_size=60)
phrase = st.lists(
    st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8), min_size=1, max_size=12
).map(" ".join)


@given(
    st.lists(st.tuples(plain, phrase), min_size=1, max_size=5),
    plain,
    st.sampled_from(['"', "“”", "«»"]),
)
def test_every_inserted_quote_is_found(
    pieces: list[tuple[str, str]], tail: str, marks: str
) -> None:
    open_, close = marks[0], marks[-1]
    text = "".join(f"{before} {open_}{q}{close} " for before, q in pieces) + tail
    assert [t for _, _, t in quotes_of(text)] == [q for _, q in pieces]


@given(st.text(alphabet=string.ascii_letters + string.digits + " ,.;:!?-\n", max_size=300))
def test_text_without_quote_marks_has_no_quotes(text: str) -> None:
    assert quotes_of(text) == []


@given(st.text(max_size=300))
def test_extraction_never_fails_and_parts_lie_in_their_paragraph(text: str) -> None:
    paragraphs = parse_article(text)
    for q in extract_quotes(paragraphs):
        for part in q.parts:
            assert paragraphs[part.paragraph - 1].text[part.start : part.end] == part.text
            assert part.text.strip() == part.text and part.text


def test_second_half_of_a_sentence_split_by_he_said_is_speech() -> None:
    # Short as it is, the second half is the speaker's words, not a scare-quoted term.
    text = '"Our families have not received any payments," he said, "for four months."'
    assert quotes_of(text) == [
        ([1], "speech", "Our families have not received any payments"),
        ([1], "speech", "for four months."),
    ]
    dashed = "“We were mobilized,” the soldier says — “in October.”"
    assert quotes_of(dashed)[1] == ([1], "speech", "in October.")


def test_a_short_quote_attributed_with_a_speech_verb_is_speech() -> None:
    # "Nobody answers them," he said: the speaker's words, checked like any speech
    # (as a term, a changed word would never fail the check).
    assert quotes_of('"Nobody answers them," he said.') == [([1], "speech", "Nobody answers them")]
    assert quotes_of("“Nobody came,” said Varga.") == [([1], "speech", "Nobody came")]
    # A term followed by the article's own words stays a term.
    text = 'He meant the "zero line," the term Russian troops use for the front.'
    assert quotes_of(text) == [([1], "term", "zero line")]
    text = 'The men call it "hell." Officials said nothing.'
    assert quotes_of(text) == [([1], "term", "hell.")]


def test_a_term_after_a_finished_quoted_sentence_stays_a_term() -> None:
    text = '"We will not go back there." The men call it the "meat grinder."'
    assert quotes_of(text)[1] == ([1], "term", "meat grinder.")


def test_invisible_characters_of_web_pages_do_not_split_words() -> None:
    # Soft hyphens (&shy;) and zero-width spaces are invisible: "aban&shy;don" reads "abandon".
    html = "<p>He said: &ldquo;We did not aban&shy;don our posi&#173;tions&#8203; here.&rdquo;</p>"
    assert quotes_of(html, "html") == [([1], "speech", "We did not abandon our positions here.")]
    assert quotes_of('He said: "sol\u00addiers\u2060 of the\u200c\u200d line."') == [
        ([1], "speech", "soldiers of the line.")
    ]


def test_a_headline_that_ends_with_a_quote_is_a_headline() -> None:
    paragraphs = parse_article('Russian Soldiers: "We Refuse Suicidal Orders"\n\nA soldier spoke.')
    assert [p.heading for p in paragraphs] == [True, False]
    assert parse_article("Soldiers Say “We Will Not Go Back”\n\nBody.")[0].heading
    assert not parse_article('"We will not go back."\n\nBody.')[0].heading


def test_a_blockquotes_attribution_line_is_not_part_of_the_quote() -> None:
    md = "# Soldiers\n\n> We did not abandon our positions.\n>\n> — Ivan, a soldier, in the video\n"
    assert quotes_of(md, "markdown") == [([2], "speech", "We did not abandon our positions.")]
    html = (
        "<blockquote><p>They took our phones and sent us back.</p>"
        "<footer>— <cite>the soldier, in the video</cite></footer></blockquote>"
        "<blockquote>We ask the President to hear us. <cite>-- a soldier</cite></blockquote>"
    )
    assert quotes_of(html, "html") == [
        ([1], "speech", "They took our phones and sent us back."),
        ([3], "speech", "We ask the President to hear us."),
    ]
    # A dash inside the quoted sentence is the speaker's own.
    assert quotes_of("> We waited for days — nobody came to help us.", "markdown") == [
        ([1], "speech", "We waited for days — nobody came to help us.")
    ]
