"""Translate a track with any backend: plan sentences, translate in batches, reassemble."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Track
from .base import ChunkedTranslator, Progress, Translator, checked, translate_aligned
from .boundaries import Alignment, Splitter, split_translation
from .glossary import GlossaryEntry, GlossaryMiss, check_glossary
from .sentences import CueBoundary, Plan, assemble, plan_track

__all__ = ["MAX_MODEL_CHARS", "TrackTranslation", "split_for_model", "translate_cues"]

# The models take at most 512 tokens, and a token is at least one character: a
# longer sentence (400 words without a full stop) is cut before translation, at
# a clause mark if there is one in reach, else between words.
MAX_MODEL_CHARS = 400
_CLAUSE_AFTER = (", ", "; ", ": ")
_CLAUSE_BEFORE = (" – ", " — ", " - ")


@dataclass(frozen=True, slots=True)
class TrackTranslation:
    track: Track
    plan: Plan
    translations: tuple[str, ...]
    glossary_misses: tuple[GlossaryMiss, ...]
    skipped_cues: tuple[int, ...]  # 1-based: nothing to translate, kept as written
    filled_cues: tuple[int, ...]  # 1-based: translation too short to reach them, show "…"
    # 1-based cues of each sentence too long for the model, translated in parts
    split_sentences: tuple[tuple[int, ...], ...] = ()
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
    parts: list[str] = []
    owners: list[int] = []
    for i, sentence in enumerate(plan.sentences):
        pieces = split_for_model(sentence.text)
        parts.extend(pieces)
        owners.extend([i] * len(pieces))
    pieces_of = [0] * len(plan.sentences)
    for o in owners:
        pieces_of[o] += 1
    # Only a sentence spread over several cues has a cut to place; one translated
    # in parts has no alignment over its whole text, so its cuts use the other evidence.
    need = [len(plan.sentences[o].fragments) > 1 and pieces_of[o] == 1 for o in owners]
    results = translate_aligned(backend, parts, need)
    joined: list[list[str]] = [[] for _ in plan.sentences]
    aligned: list[Alignment | None] = [None] * len(plan.sentences)
    for owner, r in zip(owners, results, strict=True):
        joined[owner].append(r.text.strip())
        if pieces_of[owner] == 1:
            aligned[owner] = r.alignment
    translations = tuple(" ".join(t for t in texts if t) for texts in joined)
    in_parts = tuple(
        tuple(c + 1 for c in plan.sentence_cues(i))
        for i, texts in enumerate(joined)
        if len(texts) > 1
    )
    out, filled, crossings = assemble(
        plan,
        translations,
        to_lang,
        max_chars=max_chars,
        max_lines=max_lines,
        alignments=aligned,
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
        split_sentences=in_parts,
        boundaries=crossings,
    )


def split_for_model(text: str, limit: int = MAX_MODEL_CHARS) -> list[str]:
    """``text`` in parts of at most ``limit`` characters, cut after a clause mark
    (a comma, a dash) in the last two thirds of each part, else at its last space,
    else (one word longer than a part) at the limit."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = max(
            max((window.rfind(m) + 1 for m in _CLAUSE_AFTER), default=0),
            max((window.rfind(m) for m in _CLAUSE_BEFORE), default=0),
        )
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    parts.append(rest)
    return [p for p in parts if p] or [text]
