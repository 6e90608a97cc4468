"""Inputs that used to cost the square of their size (issue 15, point 8).

Their timing is measured in benchmarks/bench_linear.py (sizes growing 10x);
here each hostile input of the size that took minutes runs and gives the right
result, the rewritten scanners agree with the regexes they replace, and the
limits give clear errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.errors import InputError
from subtools.io.vtt import parse_vtt, write_vtt
from subtools.linebreak import _Layout, _width, break_lines, split_words
from subtools.model import Cue, Track
from subtools.quotes.article import parse_article
from subtools.translate import ends
from subtools.translate.glossary import MAX_TERM_CHARS, load_glossary, parse_glossary, term_in
from subtools.translate.sentences import plan_track

# The regexes the linear scanners replaced: the reference for what they must find.
OLD_LAST_WORD = re.compile(r"(?:(?P<prev>\S+)\s+)?(?P<word>[^\W\d_]+)\.$")
OLD_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s|$)")
OLD_MARK_THEN_LETTER = re.compile(r"[.!?…][\"'»”’)\]]*\s+[^\w]*?([^\W\d_])")
OLD_FIRST = re.compile(r"[^\W_]")

ALPHABET = st.sampled_from([*"aZБГгтулrd1 .!?…\"'»)_-\u00a0я", ".."])
TEXT = st.lists(ALPHABET, max_size=20).map("".join)


def _old_ends(before: str, after: str | None, cased: bool) -> bool:
    rest = (after or "").lstrip()
    first = OLD_FIRST.search(rest)
    if first is None:
        return True
    if rest.startswith(ends.ELLIPSES) or (cased and first.group().islower()):
        return False
    m = OLD_LAST_WORD.search(before)
    if m is None or not first.group().isupper():
        return True
    word, prev = m.group("word"), m.group("prev") or ""
    if len(word) == 1 and word.isupper() and word not in ends._NOT_INITIALS:
        return False
    low = word.lower()
    return not (low in ends._TITLES or (low in ends._YEAR_ABBREVIATIONS and not prev[:1].isdigit()))


def _old_split(text: str, follow: str | None, cased: bool) -> list[tuple[int, int, bool]]:
    parts: list[tuple[int, int, bool]] = []
    start = 0
    for m in OLD_END.finditer(text):
        rest = text[m.end() :] if m.end() < len(text) else follow
        if not _old_ends(text[start : m.end()], rest, cased):
            continue
        if text[start : m.end()].strip():
            parts.append((start, m.end(), True))
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        parts.append((start, len(text), False))
    return parts


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([None, "", "Ab", " а", "…x", "1", " Путин"]), st.booleans())
def test_sentence_ends_are_found_as_the_regexes_found_them(
    text: str, follow: str | None, cased: bool
) -> None:
    assert ends.split_piece(text, follow, cased) == _old_split(text, follow, cased)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=4))
def test_capitals_after_marks_are_seen_as_the_regex_saw_them(texts: list[str]) -> None:
    first = any((m := OLD_FIRST.search(t)) and m.group().isupper() for t in texts)
    joined = " ".join(texts)
    old = first or any(m.group(1).isupper() for m in OLD_MARK_THEN_LETTER.finditer(joined))
    assert ends.uses_capitals(texts) == old


def test_sentence_splitting_of_hostile_text_still_ends_real_sentences() -> None:
    initials = "А. " * 30_000 + "Путин приехал. Всё."
    plan = plan_track(Track((Cue(0, 600_000, initials),)))
    assert [len(s.text) for s in plan.sentences] == [len(initials) - len(" Всё."), 4]
    spaced = "Да." + " " * 100_000 + "Нет" + "♪ " * 50_000
    plan = plan_track(Track((Cue(0, 600_000, spaced),)))
    assert [s.text for s in plan.sentences] == ["Да.", "Нет"]


def test_a_bare_angle_bracket_before_160k_letters_is_escaped() -> None:
    text = "<" + "a" * 160_000
    written = write_vtt([Cue(0, 1000, text)])
    assert written.endswith("&lt;" + "a" * 160_000 + "\n")
    cues, _ = parse_vtt(written)
    assert [c.text for c in cues] == [text]


def test_a_markdown_paragraph_of_20000_unclosed_stars_keeps_its_text() -> None:
    (para,) = parse_article('"' + "*a " * 20_000 + '"', "markdown")
    assert para.text.count("*a") == 20_000
    (para,) = parse_article("He said **_nested_ emphasis** and *one* more.", "markdown")
    assert para.text == "He said nested emphasis and one more."


@given(
    st.lists(st.sampled_from(["a", "<i>b", "c</i>", "{\\an8}d", "<font color=red>e"]), min_size=1)
)
def test_line_widths_of_tagged_words_add_up_to_the_joined_width(words: list[str]) -> None:
    lay = _Layout(words, "en")
    for a in range(len(words)):
        for b in range(a + 1, len(words) + 1):
            assert lay.width(a, b) == _width(words[a:b])


def test_a_long_tagged_text_is_broken_into_two_lines() -> None:
    text = "<i>a " * 4_000
    lines = break_lines(text).split("\n")
    assert len(lines) == 2
    assert split_words(" ".join(lines)) == split_words(text)


def test_a_glossary_term_of_100k_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("песочница\tsandbox\n" + "я" * 100_000 + "\tx\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value) == (
        f"{path}:2: glossary term longer than {MAX_TERM_CHARS} characters (100,000); "
        f"a term is a word or a short phrase ('{'я' * 40}...')"
    )
    assert len(parse_glossary("я" * MAX_TERM_CHARS + "\tx")) == 1


def test_an_inflected_term_against_a_100k_letter_word_is_no_match() -> None:
    assert not term_in("песочница", "песочниц" + "а" * 100_000, inflected=True)
    assert term_in("песочница", "в песочнице", inflected=True)
