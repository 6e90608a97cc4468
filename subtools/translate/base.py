"""The translation backend interface and the wrappers the use-cases put around it.

A backend translates a batch of whole sentences; everything subtitle-specific
(cues, tags, timing) happens outside it, in ``sentences``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..errors import InternalError

__all__ = [
    "Aligned",
    "AligningTranslator",
    "ChunkedTranslator",
    "ModelInfo",
    "Progress",
    "Translator",
    "checked",
    "translate_aligned",
]

Progress = Callable[[int, int], None]  # (sentences done, sentences in total)


@runtime_checkable
class Translator(Protocol):
    """Translates sentences; returns exactly one translation per input, in order."""

    def translate(self, sentences: Sequence[str]) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class Aligned:
    """A translation and, if the backend can tell, which source words each target word renders.

    ``alignment``: one row per word of ``text`` (split on spaces), holding a
    weight per word of the source sentence (split on spaces).
    """

    text: str
    alignment: tuple[tuple[float, ...], ...] | None = None


@runtime_checkable
class AligningTranslator(Translator, Protocol):
    """A backend that can also say which source words each translated word comes from."""

    def translate_aligned(
        self, sentences: Sequence[str], need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        """``need[i]`` False: sentence i needs no alignment (None: all do)."""
        ...


def translate_aligned(
    translator: Translator, sentences: Sequence[str], need: Sequence[bool] | None = None
) -> list[Aligned]:
    """Translations with alignments where ``translator`` gives them (and ``need`` asks)."""
    if isinstance(translator, AligningTranslator):
        return translator.translate_aligned(sentences, need)
    return [Aligned(text) for text in translator.translate(sentences)]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What a translation model is, for listings and for labelling outputs."""

    from_code: str
    to_code: str
    name: str
    version: str = ""
    path: str | None = None
    is_test_fixture: bool = False
    from_name: str = ""
    to_name: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    def describe(self) -> str:
        text = f"{self.name} ({self.pair}"
        text += f", version {self.version})" if self.version else ")"
        if self.is_test_fixture:
            text += " - the subtools TEST FIXTURE model, not a real translation"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.from_code,
            "to": self.to_code,
            "name": self.name,
            "version": self.version,
            "path": self.path,
            "is_test_fixture": self.is_test_fixture,
        }


class _Checked:
    def __init__(self, inner: Translator) -> None:
        self.inner = inner

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [a.text for a in self.translate_aligned(sentences)]

    def translate_aligned(
        self, sentences: Sequence[str], need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        if not sentences:
            return []
        out = translate_aligned(self.inner, sentences, need)
        if len(out) != len(sentences) or not all(isinstance(a.text, str) for a in out):
            raise InternalError(
                "translation backend returned a wrong number of sentences",
                value=f"{len(out)} for {len(sentences)}",
            )
        return out


def checked(translator: Translator) -> Translator:
    """Guard the one-translation-per-sentence contract (a broken backend is a bug)."""
    return translator if isinstance(translator, _Checked) else _Checked(translator)


class ChunkedTranslator:
    """Feed the backend in chunks so a progress callback can follow a long track.

    Chunks are large (the backend still batches inside a chunk), so the cost
    over one single call is a few extra calls per thousand sentences.
    """

    def __init__(self, inner: Translator, chunk: int = 256, progress: Progress | None = None):
        if chunk < 1:
            raise ValueError("chunk must be >= 1")
        self.inner = inner
        self.chunk = chunk
        self.progress = progress

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [a.text for a in self.translate_aligned(sentences)]

    def translate_aligned(
        self, sentences: Sequence[str], need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        out: list[Aligned] = []
        total = len(sentences)
        if self.progress:
            self.progress(0, total)
        for i in range(0, total, self.chunk):
            part = None if need is None else need[i : i + self.chunk]
            out.extend(translate_aligned(self.inner, sentences[i : i + self.chunk], part))
            if self.progress:
                self.progress(len(out), total)
        return out
