"""Translator's glossary: a TSV of (source term, target term), checked after translation.

A neural model cannot be forced to use a term, so the glossary is a check:
every entry whose source term occurs in a sentence must appear in that
sentence's translation, or it is reported as a miss with the cues involved.
Russian inflects nouns, so a source-term word longer than four letters also
matches a text word that differs only in its last two letters
("министр обороны" finds "министру обороны").
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..io.decode import decode_bytes
from ..io.files import read_bytes
from .sentences import Plan

__all__ = [
    "GlossaryEntry",
    "GlossaryMiss",
    "check_glossary",
    "load_glossary",
    "parse_glossary",
    "term_in",
]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    source: str
    target: str
    line: int


@dataclass(frozen=True, slots=True)
class GlossaryMiss:
    source: str
    target: str
    cues: tuple[int, ...]  # 1-based cue numbers, as in the SRT
    translation: str

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "cues": list(self.cues),
            "translation": self.translation,
        }


def parse_glossary(text: str, path: str | None = None) -> tuple[GlossaryEntry, ...]:
    entries: list[GlossaryEntry] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip("\ufeff").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            raise InputError(
                "glossary line needs: source term<TAB>target term", path=path, line=n, value=line
            )
        entries.append(GlossaryEntry(fields[0].strip(), fields[1].strip(), n))
    return tuple(entries)


def load_glossary(path: str | os.PathLike[str]) -> tuple[GlossaryEntry, ...]:
    decoded = decode_bytes(read_bytes(path), path=path)
    return parse_glossary(decoded.text, str(Path(path)))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _stem(word: str) -> str:
    return word if len(word) <= 4 else word[:-2]


def term_in(term: str, text: str, *, inflected: bool = False) -> bool:
    """Whether ``term`` occurs in ``text`` as whole words (case-insensitive)."""
    want, have = _words(term), _words(text)
    if not want:
        return False
    for i in range(len(have) - len(want) + 1):
        ok = True
        for w, h in zip(want, have[i : i + len(want)], strict=True):
            if not (
                h == w
                or (
                    inflected
                    and len(w) > 4
                    and h.startswith(_stem(w))
                    and len(h) - len(_stem(w)) <= 3
                )
            ):
                ok = False
                break
        if ok:
            return True
    return False


def check_glossary(
    plan: Plan, translations: Sequence[str], glossary: Sequence[GlossaryEntry]
) -> tuple[GlossaryMiss, ...]:
    misses: list[GlossaryMiss] = []
    for entry in glossary:
        for i, (sentence, translated) in enumerate(zip(plan.sentences, translations, strict=True)):
            if term_in(entry.source, sentence.text, inflected=True) and not term_in(
                entry.target, translated
            ):
                cues = tuple(c + 1 for c in plan.sentence_cues(i))
                misses.append(GlossaryMiss(entry.source, entry.target, cues, translated))
    return tuple(misses)
