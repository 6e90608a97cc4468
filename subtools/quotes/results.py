"""Result values of a quote check: per quote, and the whole report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .article import Paragraph
from .classify import CHANGED, MISSING, Difference
from .extract import QuotePart

__all__ = [
    "UNCHECKED",
    "CueSegment",
    "LanguageMismatch",
    "Mark",
    "Match",
    "QuoteReport",
    "QuoteResult",
    "Translation",
]

UNCHECKED = "unchecked"  # the captions could not be compared (language mismatch)


@dataclass(frozen=True, slots=True)
class Mark:
    """Text ``[start, end)`` marked ``kind`` (match/minor/major/skipped); ``note``: tooltip."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class CueSegment:
    """One cue the quote spans: number (1-based), times, visible text and marks on it."""

    number: int
    start_ms: int
    end_ms: int
    text: str
    marks: tuple[Mark, ...]
    original: str | None = None  # the untranslated cue text, when the captions were translated


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote was found (or its best candidate, for a missing quote)."""

    cues: tuple[CueSegment, ...]
    caption_text: str
    score: float

    @property
    def start_ms(self) -> int:
        return self.cues[0].start_ms

    @property
    def end_ms(self) -> int:
        return self.cues[-1].end_ms


@dataclass(frozen=True, slots=True)
class QuoteResult:
    id: int
    parts: tuple[QuotePart, ...]
    kind: str
    speaker: str | None
    other_speaker: bool
    status: str
    match: Match | None  # None when missing (see ``candidate``) or unchecked
    candidate: Match | None
    differences: tuple[Difference, ...]
    article_marks: tuple[tuple[int, Mark], ...] = ()  # (paragraph, mark) on the article text

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)

    @property
    def paragraph(self) -> int:
        return self.parts[0].paragraph

    @property
    def score(self) -> float:
        found = self.match or self.candidate
        return found.score if found else 0.0

    @property
    def failed(self) -> bool:
        """A speech quote of the video's speaker that the captions do not bear out."""
        return (
            self.kind == "speech" and not self.other_speaker and self.status in (CHANGED, MISSING)
        )


@dataclass(frozen=True, slots=True)
class Translation:
    from_lang: str
    to_lang: str
    model: str
    # Set when the translation is known not to be real (the test fixture model):
    # every report says so, or its verdicts would read as findings about the article.
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class LanguageMismatch:
    """The captions are in another language and could not be translated."""

    article: str
    captions: str
    reason: str
    hint: str

    @property
    def message(self) -> str:
        return (
            f"the captions are in {self.captions!r} and the article in {self.article!r}: "
            f"{self.reason}; quotes were not checked"
        )


@dataclass(frozen=True, slots=True)
class QuoteReport:
    article: str
    captions: str
    article_language: str | None
    captions_language: str | None
    paragraphs: tuple[Paragraph, ...]
    quotes: tuple[QuoteResult, ...]
    translated: Translation | None = None
    language_mismatch: LanguageMismatch | None = None
    warnings: tuple[str, ...] = ()  # what the caption reader repaired
    # Set when the captions matched were made by the test fixture model (here or
    # by an earlier step of a job): every report says so, or its verdicts would
    # read as findings about the article.
    notice: str | None = None

    @property
    def failures(self) -> tuple[QuoteResult, ...]:
        return tuple(q for q in self.quotes if q.failed)

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(q.status for q in self.quotes)
        out = {s: counts.get(s, 0) for s in ("exact", "minor", "changed", "missing")}
        if self.language_mismatch:
            out["unchecked"] = counts.get(UNCHECKED, 0)
        out["quotes"] = len(self.quotes)
        out["speech"] = sum(1 for q in self.quotes if q.kind == "speech")
        out["terms"] = sum(1 for q in self.quotes if q.kind == "term")
        out["other_speaker"] = sum(1 for q in self.quotes if q.other_speaker)
        out["failures"] = len(self.failures)
        return out
