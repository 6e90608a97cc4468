"""Compare a translated track with a reference translation split by a person.

A reference pair is a source track and its translation with the same cues and
timings, where a subtitler decided which words go in which cue. Two measures
come from it: the sentence pairs (source sentence -> reference sentence, for a
test model that knows them) and how many cues of a machine translation carry
exactly the reference's words ("cues split as the reference").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Track
from ..tags import strip_tags
from .sentences import plan_track

__all__ = ["SplitScore", "reference_sentences", "split_score"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(strip_tags(text).split())


def reference_sentences(source: Track, reference: Track) -> list[tuple[str, str]]:
    """(source sentence, reference sentence) pairs, as the sentence planner cuts both.

    ValueError when the two tracks do not have the same cues or do not cut
    into sentences over the same cues (the reference is not a cue-for-cue
    translation).
    """
    if [(c.start, c.end) for c in source] != [(c.start, c.end) for c in reference]:
        raise ValueError("the reference does not have the source's cues and timings")
    src, ref = plan_track(source), plan_track(reference)
    if len(src.sentences) != len(ref.sentences) or any(
        src.sentence_cues(i) != ref.sentence_cues(i) for i in range(len(src.sentences))
    ):
        raise ValueError("the reference's sentences do not cover the same cues as the source's")
    return [(a.text, b.text) for a, b in zip(src.sentences, ref.sentences, strict=True)]


@dataclass(frozen=True, slots=True)
class SplitScore:
    """Cues whose words are exactly the reference's (tags and line breaks ignored)."""

    cues: int
    same: int
    multi_cues: int  # cues of sentences spread over several cues: where splits happen
    multi_same: int
    differing: tuple[int, ...]  # 1-based cue numbers

    @property
    def ratio(self) -> float:
        return self.same / self.cues if self.cues else 1.0

    @property
    def multi_ratio(self) -> float:
        return self.multi_same / self.multi_cues if self.multi_cues else 1.0

    def __add__(self, other: SplitScore) -> SplitScore:
        return SplitScore(
            self.cues + other.cues,
            self.same + other.same,
            self.multi_cues + other.multi_cues,
            self.multi_same + other.multi_same,
            (),
        )


def split_score(source: Track, translated: Track, reference: Track) -> SplitScore:
    """How many cues of ``translated`` hold the same words as ``reference``."""
    if len(translated) != len(reference):
        raise ValueError("the translation and the reference have different cue counts")
    plan = plan_track(source)
    multi = {
        ci
        for i in range(len(plan.sentences))
        if len(cues := plan.sentence_cues(i)) > 1
        for ci in cues
    }
    same = [_words(a.text) == _words(b.text) for a, b in zip(translated, reference, strict=True)]
    return SplitScore(
        cues=len(same),
        same=sum(same),
        multi_cues=len(multi),
        multi_same=sum(1 for ci in multi if same[ci]),
        differing=tuple(i + 1 for i, ok in enumerate(same) if not ok),
    )
