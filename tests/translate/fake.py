"""A deterministic test double of a translation backend.

For unit tests of the logic around the backend (batching, layout, tags,
glossary). It is not a translator and never stands in for the real-model
tests, which run argostranslate with the fixture model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["FakeTranslator"]


class FakeTranslator:
    """Looks sentences up in ``table``; anything else becomes ``[xx] <sentence upper-cased>``.

    Records every batch it was given in ``calls`` so tests can check batching.
    """

    def __init__(self, table: Mapping[str, str] | None = None, tag: str = "en") -> None:
        self.table = dict(table or {})
        self.tag = tag
        self.calls: list[tuple[str, ...]] = []

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(tuple(sentences))
        return [self.table.get(s, f"[{self.tag}] {s.upper()}") for s in sentences]
