"""Alignment properties on generated tracks: a quote cut from the captions is found where it is."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.model import Cue, Track
from subtools.quotes.align import MAX_CANDIDATES, align_quote, build_pattern, candidate_windows
from subtools.quotes.classify import classify
from subtools.quotes.extract import QuotePart
from subtools.quotes.stream import build_stream

VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "ru", "sa") for b in ("te", "vo", "zu", "pi")]
FILLER = ["the", "we", "and", "to", "of", "a", "not"]


def make_track(seed: int, n_cues: int) -> Track:
    rng = random.Random(seed)
    cues = []
    for i in range(n_cues):
        words = [
            rng.choice(VOCAB if rng.random() < 0.6 else FILLER) for _ in range(rng.randint(3, 8))
        ]
        cues.append(Cue(i * 2000, i * 2000 + 1800, " ".join(words)))
    return Track(tuple(cues))


def check(quote: str, track: Track) -> tuple[str, list[int]]:
    stream = build_stream(track)
    pattern = build_pattern([QuotePart(1, 0, len(quote), quote)])
    alignment = align_quote(pattern, stream)
    verdict = classify(alignment, pattern, stream)
    cues = sorted({stream.cue_of_unit(u) for u in alignment.stream_units}) if alignment else []
    return verdict.status, cues


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 120), st.data())
def test_a_verbatim_quote_is_exact_and_found_where_it_was_cut(
    seed: int, n_cues: int, data: st.DataObject
) -> None:
    track = make_track(seed, n_cues)
    stream = build_stream(track)
    length = data.draw(st.integers(6, min(30, len(stream.words))))
    start = data.draw(st.integers(0, len(stream.words) - length))
    quote = " ".join(w.text for w in stream.words[start : start + length])
    status, cues = check(quote, track)
    assert status == "exact"
    # The same words may occur twice in such a small vocabulary; then both places are right.
    text = [w.norm for w in stream.words]
    found = " ".join(
        w.norm for c in cues for w, wc in zip(stream.words, stream.word_cue, strict=True) if wc == c
    )
    assert " ".join(text[start : start + length]) in found


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.data())
def test_dropping_a_negation_is_never_minor(seed: int, data: st.DataObject) -> None:
    track = make_track(seed, 40)
    stream = build_stream(track)
    nots = [
        k for k, w in enumerate(stream.words) if w.norm == "not" and 4 <= k < len(stream.words) - 4
    ]
    if not nots:
        return
    k = data.draw(st.sampled_from(nots))
    words = [w.text for w in stream.words[k - 4 : k + 5]]
    del words[4]
    status, _ = check(" ".join(words), track)
    assert status in ("changed", "missing")


def test_candidate_windows_are_few_and_small() -> None:
    track = make_track(3, 2000)
    stream = build_stream(track)
    quote = " ".join(w.text for w in stream.words[5000:5020])
    windows = candidate_windows(build_pattern([QuotePart(1, 0, len(quote), quote)]), stream)
    assert 1 <= len(windows) <= MAX_CANDIDATES
    assert all(hi - lo <= 20 * 3 for lo, hi in windows)


def _span(quote: str, captions: list[str]) -> tuple[str, list[int]]:
    track = Track(tuple(Cue(i * 2000, i * 2000 + 1800, t) for i, t in enumerate(captions)))
    stream = build_stream(track)
    pattern = build_pattern([QuotePart(1, 0, len(quote), quote)])
    alignment = align_quote(pattern, stream)
    assert alignment is not None
    words = [stream.unit_word[u] for u in alignment.stream_units]
    cues = sorted({stream.word_cue[w] + 1 for w in words})
    return stream.span_text(min(words), max(words)), cues


def test_the_span_holds_only_the_quoted_sentence() -> None:
    captions = [
        "Three weeks ago we were sent",
        "without weapons and without training.",
        "The commander said we'd been attached",
        "to an assault unit.",
    ]
    # "As" must not be matched to "training." of the sentence before.
    text, cues = _span("As the regiment commander said, we'd been attached", captions)
    assert (text, cues) == ("The commander said we'd been attached", [3])
    # The article's own words at the end must not reach into the next sentence.
    captions = [
        "We have not signed any contracts.",
        "We don't refuse to serve.",
    ]
    text, cues = _span("we have not signed any contracts saying we are volunteers", captions)
    assert (text, cues) == ("We have not signed any contracts", [1])


def test_a_trimmed_word_does_not_drop_the_first_cue() -> None:
    captions = [
        "The majority of those",
        "who died today were",
        "civilians in their homes.",
    ]
    text, cues = _span("The majority of those who died were civilians", captions)
    assert cues == [1, 2, 3]
    assert text.startswith("The majority")
