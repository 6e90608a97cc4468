"""Translate a track with any backend: plan sentences, translate in batches, reassemble."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Track
from .base import ChunkedTranslator, Progress, Translator, checked
from .glossary import GlossaryEntry, GlossaryMiss, check_glossary
from .sentences import Plan, assemble, plan_track

__all__ = ["TrackTranslation", "translate_cues"]


@dataclass(frozen=True, slots=True)
class TrackTranslation:
    track: Track
    plan: Plan
    translations: tuple[str, ...]
    glossary_misses: tuple[GlossaryMiss, ...]
    skipped_cues: tuple[int, ...]  # 1-based: nothing to translate, kept as written
    filled_cues: tuple[int, ...]  # 1-based: translation too short to reach them, show "…"

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
) -> TrackTranslation:
    """Sentence-aware translation of ``track``: same cues, same timings, new text."""
    plan = plan_track(track)
    backend: Translator = checked(translator)
    if progress is not None:
        backend = ChunkedTranslator(backend, progress=progress)
    translations = tuple(backend.translate([s.text for s in plan.sentences]))
    out, filled = assemble(plan, translations, to_lang, max_chars=max_chars, max_lines=max_lines)
    misses = check_glossary(plan, translations, glossary)
    return TrackTranslation(
        track=out.with_language(to_lang),
        plan=plan,
        translations=translations,
        glossary_misses=misses,
        skipped_cues=tuple(i + 1 for i in plan.skipped),
        filled_cues=tuple(i + 1 for i in filled),
    )
