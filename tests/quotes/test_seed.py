"""The seed article (the real input the project started from, kept outside the
repository in ../shared/seed and never copied in) against the sample captions.

The sample captions are not the seed's video, so most quotes are missing; what
is checked is that what is found is found to the word: the span holds only the
quoted words, never a word of the neighbouring sentence, and the article's
term "front lines." (full stop inside the marks) still matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from subtools.quotes.results import QuoteReport, QuoteResult
from subtools.usecases.quotes import verify_quotes
from tests.conftest import CORPUS

SEED = CORPUS.parent / "seed" if CORPUS is not None else None


@pytest.fixture(scope="module")
def seed_report() -> QuoteReport:
    articles = sorted(SEED.glob("*.txt")) if SEED is not None and SEED.is_dir() else []
    if not articles:
        pytest.skip(
            f"the seed article is not there ({SEED or '../shared/seed: set SUBTOOLS_CORPUS'})"
        )
    samples = Path(__file__).resolve().parents[2] / "samples"
    return verify_quotes(articles[0], samples / "captions.en.srt")


def _quote(report: QuoteReport, start: str) -> QuoteResult:
    return next(q for q in report.quotes if q.text.startswith(start))


def test_the_span_starts_at_the_first_quoted_word(seed_report: QuoteReport) -> None:
    q = _quote(seed_report, "As the regiment commander said")
    assert q.status == "changed" and q.match is not None
    assert q.match.caption_text == "The commander said we'd been attached to an assault"
    assert [c.number for c in q.match.cues] == [5]
    assert q.match.start_ms == 14_500


def test_front_lines_term_matches(seed_report: QuoteReport) -> None:
    q = _quote(seed_report, "front lines")
    assert (q.kind, q.status) == ("term", "minor")
    assert q.match is not None and q.match.caption_text == "front line"


def test_no_span_reaches_into_a_neighbouring_sentence(seed_report: QuoteReport) -> None:
    found = [q for q in seed_report.quotes if q.match is not None]
    assert len(found) == 3
    for q in found:
        assert q.match is not None
        inner_ends = re.findall(r"[.!?]\s", q.match.caption_text)
        assert len(inner_ends) <= len(re.findall(r"[.!?]\s", q.text)), q.text


def test_the_seed_check_fails_and_names_the_other_speaker(seed_report: QuoteReport) -> None:
    smart = [q for q in seed_report.quotes if q.speaker_id == "smart"]
    assert len(smart) == 2 and all(q.other_speaker and not q.misattributed for q in smart)
    assert smart[0].speaker == "Jason Jay Smart"
    assert seed_report.failures  # the changed quote at least
