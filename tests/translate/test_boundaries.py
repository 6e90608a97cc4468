"""Where a translated sentence is cut between its cues: one test per rule, exact splits.

Each rule test also shows what the older proportional method (``distribute``)
does with the same input, so the test fails if the rule stops mattering.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.errors import InternalError
from subtools.model import Cue, Track
from subtools.translate.alignment import piece_words, word_alignment
from subtools.translate.base import Aligned, checked, translate_aligned
from subtools.translate.boundaries import Split, split_translation
from subtools.translate.pipeline import translate_cues
from subtools.translate.sentences import CueBoundary, proportional_split

from .fake import FakeTranslator


def _both(translation: str, sources: list[str], **kw: object) -> tuple[tuple[str, ...], Split]:
    return proportional_split(translation, sources).parts, split_translation(
        translation,
        sources,
        **kw,  # type: ignore[arg-type]
    )


def test_source_cue_ending_in_a_comma_ends_at_the_matching_comma() -> None:
    old, new = _both(
        "Yesterday we were visited by officers from the regiment, "
        "who demanded that we hand in our weapons.",
        ["Вчера к нам приехали представители полка,", "которые потребовали сдать оружие."],
    )
    assert old == new.parts  # the older method preferred this comma too
    assert new == Split(
        (
            "Yesterday we were visited by officers from the regiment,",
            "who demanded that we hand in our weapons.",
        ),
        ("punctuation",),
    )


def test_next_cue_starting_with_a_conjunction_starts_with_its_rendering() -> None:
    old, new = _both(
        "We were told they could not arrest those responsible or help us.",
        ["Нам ответили, что задержать виновных", "или помочь нам они не могут."],
    )
    assert old == ("We were told they could not arrest", "those responsible or help us.")
    assert new == Split(
        ("We were told they could not arrest those responsible", "or help us."),
        ("punctuation",),
    )


def test_conjunction_after_a_comma_without_a_target_comma() -> None:
    # "очевидна, | когда": the English has no comma, but has "when".
    old, new = _both(
        "The senselessness of this order became clear when a convoy of our servicemen",
        ["Бессмысленность этого приказа стала очевидна,", "когда колонну наших военнослужащих"],
    )
    assert old == new.parts  # the source comma also matched nothing there
    assert new == Split(
        ("The senselessness of this order became clear", "when a convoy of our servicemen"),
        ("punctuation",),
    )


def test_next_cue_starting_with_a_preposition_starts_at_one() -> None:
    old, new = _both(
        "Yesterday, twelve of our comrades were killed by mortar fire near the zero line.",
        ["Вчера двенадцать наших товарищей погибли", "под миномётным огнём у нулевой линии."],
    )
    assert old == (
        "Yesterday, twelve of our comrades were",
        "killed by mortar fire near the zero line.",
    )
    assert new == Split(
        ("Yesterday, twelve of our comrades were killed", "by mortar fire near the zero line."),
        ("punctuation",),
    )


def test_number_stays_with_its_unit() -> None:
    old, new = _both(
        "It is minus fifteen degrees outside today.",
        ["Сегодня на улице минус", "пятнадцать градусов."],
    )
    assert old == ("It is minus fifteen", "degrees outside today.")
    assert new.parts == ("It is minus fifteen degrees", "outside today.")


def test_subject_pronoun_stays_with_its_verb() -> None:
    old, new = _both(
        "You promised that today you would fix the kitchen tap.",
        ["Ты обещал, что сегодня", "починишь кран на кухне."],
    )
    assert old == ("You promised that today you", "would fix the kitchen tap.")
    assert new.parts == ("You promised that today", "you would fix the kitchen tap.")
    assert new.evidence == ("proportional",)


def test_more_than_is_not_cut() -> None:
    assert split_translation(
        "Rescuers in boats have evacuated more than three hundred people.",
        ["Спасатели на лодках вывезли", "более трёхсот человек."],
    ).parts == ("Rescuers in boats have evacuated", "more than three hundred people.")


def test_article_and_preposition_do_not_end_a_cue() -> None:
    assert split_translation("men of the battalion went", ["люди батальона", "ушли"]).parts == (
        "men of the battalion",
        "went",
    )


def test_a_cue_is_not_left_with_two_words_when_more_were_due() -> None:
    old, new = _both(
        "one two three four five six seven eight",
        ["ааа ббб ввв ггг", "ддддддддддддддддддддддддддддддддддддддддддддддд еее"],
    )
    assert old == ("one two", "three four five six seven eight")
    assert new.parts == ("one two three", "four five six seven eight")


def test_reading_speed_breaks_a_tie() -> None:
    # "aaa | bbb ccc" and "aaa bbb | ccc" are equally far from the 6:5 share.
    short_first = split_translation("aaa bbb ccc", ["аааааа", "ббббб"], durations_ms=[300, 3000])
    short_last = split_translation("aaa bbb ccc", ["аааааа", "ббббб"], durations_ms=[3000, 300])
    assert short_first.parts == ("aaa", "bbb ccc")
    assert short_last.parts == ("aaa bbb", "ccc")


def test_without_evidence_the_proportional_point_decides() -> None:
    assert split_translation("one two three four", ["раз два", "три четыре"]) == Split(
        ("one two", "three four"), ("proportional",)
    )
    assert split_translation("Yes.", ["Да,", "конечно,", "да."]) == Split(
        ("Yes.", "", ""), ("proportional", "proportional")
    )
    assert split_translation("just one", ["один"]) == Split(("just one",), ())


def _monotone(n_tgt: int, owners: list[int], n_src: int) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(1.0 if s == owners[t] else 0.0 for s in range(n_src)) for t in range(n_tgt))


_THANKS = "We thank the volunteers who came yesterday to help us."
_THANKS_SOURCE = ["Благодарим добровольцев-спасателей", "пришедших вчера помочь нам."]


def test_a_clear_alignment_places_the_cut_against_the_proportional_point() -> None:
    # We,thank->Благодарим the,volunteers->добровольцев-спасателей who,came->пришедших
    # yesterday->вчера to,help->помочь us->нам
    alignment = _monotone(10, [0, 0, 1, 1, 2, 2, 3, 4, 4, 5], 6)
    assert split_translation(_THANKS, _THANKS_SOURCE) == Split(
        ("We thank the volunteers who came", "yesterday to help us."), ("proportional",)
    )
    assert split_translation(_THANKS, _THANKS_SOURCE, alignment=alignment) == Split(
        ("We thank the volunteers", "who came yesterday to help us."), ("alignment",)
    )


def test_an_alignment_that_jumps_around_is_ignored() -> None:
    owners = [0, 3, 1, 5, 2, 0, 3, 4, 1, 5]  # a memorising model's attention
    alignment = _monotone(10, owners, 6)
    assert split_translation(_THANKS, _THANKS_SOURCE, alignment=alignment) == Split(
        ("We thank the volunteers who came", "yesterday to help us."), ("proportional",)
    )


def test_attention_piled_on_a_few_source_words_is_ignored() -> None:
    # In order and with one clear cut, but most source words are nobody's
    # strongest: the degenerate attention of a model that did not learn to align.
    alignment = _monotone(10, [0, 0, 5, 5, 5, 5, 5, 5, 5, 5], 6)
    assert split_translation(_THANKS, _THANKS_SOURCE, alignment=alignment).evidence == (
        "proportional",
    )


def test_sentencepiece_tokens_are_summed_into_words() -> None:
    assert piece_words(["▁Мы", ",", "▁мобил", "изованные", "▁", "«", "п", "»"]) == [
        0,
        0,
        1,
        1,
        2,
        2,
        2,
        2,
    ]
    attention = [[0.7, 0.1, 0.2], [0.5, 0.5, 0.0], [0.0, 0.1, 0.9]]
    got = word_alignment(
        ["▁Мы", ",", "▁идём"], ["▁We", "▁go", "."], attention, "Мы, идём", "We go."
    )
    assert got is not None
    assert [tuple(round(x, 6) for x in row) for row in got] == [(0.8, 0.2), (1.1, 0.9)]
    # Tokens that do not spell the text's words (a replaced unknown): no alignment.
    assert word_alignment(["▁Мы"], ["▁We", "▁go"], [[1.0], [1.0]], "Мы", "We") is None


_WORD = st.text(alphabet="abcдеж,.-'", min_size=1, max_size=6).filter(lambda w: w.strip() == w)
_SOURCE = st.lists(
    st.sampled_from(["и", "что,", "под", "полиции,", "два", "мы", "ждали"]), min_size=1, max_size=5
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORD, min_size=0, max_size=14),
    sources=st.lists(_SOURCE, min_size=1, max_size=5),
    durations=st.lists(st.integers(0, 5000), max_size=5),
    seed=st.integers(0, 10_000),
    aligned=st.booleans(),
)
def test_property_no_word_is_lost_duplicated_or_reordered(
    words: list[str], sources: list[str], durations: list[int], seed: int, aligned: bool
) -> None:
    n_src = sum(len(s.split()) for s in sources)
    alignment = None
    if aligned:
        alignment = tuple(
            tuple(float((seed * (t + 3) + s * 7) % 5) for s in range(n_src))
            for t in range(len(words))
        )
    split = split_translation(" ".join(words), sources, alignment=alignment, durations_ms=durations)
    assert len(split.parts) == len(sources)
    assert len(split.evidence) == len(sources) - 1
    assert " ".join(p for p in split.parts if p).split() == words
    if len(words) >= len(sources):
        assert all(split.parts)
    else:  # too few words: they fill the first cues, one each
        assert list(split.parts) == words + [""] * (len(sources) - len(words))


class _Aligning:
    """A backend double that also returns alignments (as the argos backend does)."""

    def __init__(self, extra: int = 0) -> None:
        self.extra = extra

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [a.text for a in self.translate_aligned(sentences)]

    def translate_aligned(
        self, sentences: Sequence[str], need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        rows = _monotone(10, [0, 0, 1, 1, 2, 2, 3, 4, 4, 5], 6)
        return [Aligned(_THANKS, rows) for _ in range(len(sentences) + self.extra)]


def test_alignments_reach_the_layout_through_the_wrappers() -> None:
    track = Track((Cue(0, 1500, _THANKS_SOURCE[0]), Cue(1600, 3500, _THANKS_SOURCE[1])))
    done = translate_cues(track, _Aligning(), to_lang="en", progress=lambda done, total: None)
    assert [c.text for c in done.track] == [
        "We thank the volunteers",
        "who came yesterday to help us.",
    ]
    assert done.boundaries == (CueBoundary(0, 1, "alignment"),)
    # A backend without alignments gets the rules only.
    plain = translate_cues(track, FakeTranslator({" ".join(_THANKS_SOURCE): _THANKS}), to_lang="en")
    assert plain.boundaries == (CueBoundary(0, 1, "proportional"),)
    assert translate_aligned(FakeTranslator({"a": "b"}), ["a"]) == [Aligned("b")]


def test_an_aligning_backend_returning_a_wrong_count_is_an_internal_error() -> None:
    with pytest.raises(InternalError, match="wrong number of sentences"):
        checked(_Aligning(extra=1)).translate(["Благодарим."])
