"""Translate a track with any backend: plan sentences, translate in batches, reassemble."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Track
from .base import ChunkedTranslator, Progress, Translator, checked, translate_aligned
from .boundaries import Splitter, split_translation
from .glossary import GlossaryEntry, GlossaryMiss, check_glossary
from .sentences import CueBoundary, Plan, assemble, plan_track

__all__ = ["TrackTranslation", "translate_cues"]


@dataclass(frozen=True, slots=True)
class TrackTranslation:
    track: Track
    plan: Plan
    translations: tuple[str, ...]
    glossary_misses: tuple[GlossaryMiss, ...]
    skipped_cues: tuple[int, ...]  # 1-based: nothing to translate, kept as written
    filled_cues: tuple[int, ...]  # 1-based: translation too short to reach them, show "…"
    boundaries: tuple[CueBoundary, ...] = ()  # sentence crossings between cues (0-based cues)

    @property
    def sentences(self) -> int:
        return len(self.plan.sentences)


def translate_cues(
    track: Track,
    translator: Translator,
    *,
    to_lang: str,
    glossary: Sequence[GlossaryEntry] = (),
    progress: Progress | None = None,
    max_chars: int = 42,
    max_lines: int = 2,
    max_cps: float = 20.0,
    split: Splitter = split_translation,
) -> TrackTranslation:
    """Sentence-aware translation of ``track``: same cues, same timings, new text.

    ``max_cps`` (reading speed) only breaks ties between equally good cuts.
    """
    plan = plan_track(track)
    backend: Translator = checked(translator)
    if progress is not None:
        backend = ChunkedTranslator(backend, progress=progress)
    # Only a sentence spread over several cues has a cut to place.
    need = [len(s.fragments) > 1 for s in plan.sentences]
    results = translate_aligned(backend, [s.text for s in plan.sentences], need)
    translations = tuple(r.text for r in results)
    out, filled, crossings = assemble(
        plan,
        translations,
        to_lang,
        max_chars=max_chars,
        max_lines=max_lines,
        alignments=[r.alignment for r in results],
        max_cps=max_cps,
        split=split,
    )
    misses = check_glossary(plan, translations, glossary)
    return TrackTranslation(
        track=out.with_language(to_lang),
        plan=plan,
        translations=translations,
        glossary_misses=misses,
        skipped_cues=tuple(i + 1 for i in plan.skipped),
        filled_cues=tuple(i + 1 for i in filled),
        boundaries=crossings,
    )
