"""Translator's glossary: a TSV of (source term, target term), checked after translation.

A neural model cannot be forced to use a term, so the glossary is a check:
every entry whose source term occurs in a sentence must appear in that
sentence's translation, or it is reported as a miss with the cues involved.
Terms are matched word by word, case-insensitively, with ё read as е. Russian
inflects nouns and adjectives, so two words match when they are one stem of at
least three letters plus a case ending each ("песочница" finds "песочницу",
"песочницами"; "нулевая линия" finds "нулевой линии"); other words may add an
English plural or possessive ending ("sandbox" finds "sandboxes").
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
    "MAX_TERM_CHARS",
    "GlossaryEntry",
    "GlossaryMiss",
    "check_glossary",
    "load_glossary",
    "parse_glossary",
    "term_in",
]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-я]")
_MIN_STEM = 3
# Russian noun and adjective case endings (after ё -> е); verbs are not covered.
_RU_ENDING_LIST = (
    "а я о е ы и у ю ь й ом ем ой ей ою ею ам ям ами ями ах ях ов ев ью ия ию ии "
    "ый ий ая яя ое ее ые ие ого его ому ему ым им ыми ими ых их ую юю"
)
_RU_ENDINGS = frozenset({"", *_RU_ENDING_LIST.split()})
_EN_ENDINGS = frozenset({"", "s", "es", "'s", "’s", "s'", "s’"})
_LONGEST_ENDING = max(len(e) for e in _RU_ENDINGS | _EN_ENDINGS)
# A term is a word or a phrase; a longer "term" is a mistake (a pasted
# paragraph, a file that is not a glossary), and matching it costs its length
# times the text's.
MAX_TERM_CHARS = 200


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


def _key(term: str) -> str:
    return " ".join(_words(term))


def parse_glossary(text: str, path: str | None = None) -> tuple[GlossaryEntry, ...]:
    """One ``source<TAB>target`` per line; ``#`` comments, blank lines, a BOM are skipped.

    Several tabs in a row count as one (columns aligned in an editor). An entry
    repeated is kept once; the same source term with another target is refused,
    since one of the two would always be reported as missing.
    """
    entries: list[GlossaryEntry] = []
    seen: dict[str, GlossaryEntry] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.replace("\ufeff", "").rstrip("\r")
        if "\x00" in line:
            raise InputError("a NUL byte in the line: not a clean glossary", path=path, line=n)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = re.split(r"\t+", line.strip())
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            raise InputError(
                "glossary line needs: source term<TAB>target term", path=path, line=n, value=line
            )
        for term in fields:
            if len(term.strip()) > MAX_TERM_CHARS:
                raise InputError(
                    f"glossary term longer than {MAX_TERM_CHARS} characters "
                    f"({len(term.strip()):,}); a term is a word or a short phrase",
                    path=path,
                    line=n,
                    value=term.strip()[:40] + "...",
                )
        entry = GlossaryEntry(fields[0].strip(), fields[1].strip(), n)
        earlier = seen.get(_key(entry.source))
        if earlier is None:
            seen[_key(entry.source)] = entry
            entries.append(entry)
        elif _key(earlier.target) != _key(entry.target):
            raise InputError(
                f"{entry.source!r} is already in the glossary as {earlier.target!r} "
                f"(line {earlier.line})",
                path=path,
                line=n,
                value=line,
            )
    return tuple(entries)


def load_glossary(path: str | os.PathLike[str]) -> tuple[GlossaryEntry, ...]:
    decoded = decode_bytes(read_bytes(path), path=path, what="glossary")
    return parse_glossary(decoded.text, str(Path(path)))


def _words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text)]


def _same_word(want: str, have: str) -> bool:
    """One stem (3+ letters) plus an ending each: Russian cases, English plurals."""
    if want == have:
        return True
    endings = _RU_ENDINGS if _CYRILLIC.search(want) else _EN_ENDINGS
    # The stem is all but an ending of each word: only the last few cut points can work.
    for k in range(max(_MIN_STEM, len(want) - _LONGEST_ENDING), len(want) + 1):
        if len(have) - k > _LONGEST_ENDING:
            continue
        if want[k:] in endings and have.startswith(want[:k]) and have[k:] in endings:
            return True
    return False


def term_in(term: str, text: str, *, inflected: bool = False) -> bool:
    """Whether ``term`` occurs in ``text`` as whole words (case-insensitive, ё = е).

    ``inflected``: each word may also differ by its ending (see the module doc).
    """
    want, have = _words(term), _words(text)
    if not want:
        return False
    same = _same_word if inflected else str.__eq__
    return any(
        all(same(w, h) for w, h in zip(want, have[i : i + len(want)], strict=True))
        for i in range(len(have) - len(want) + 1)
    )


def check_glossary(
    plan: Plan, translations: Sequence[str], glossary: Sequence[GlossaryEntry]
) -> tuple[GlossaryMiss, ...]:
    misses: list[GlossaryMiss] = []
    for entry in glossary:
        for i, (sentence, translated) in enumerate(zip(plan.sentences, translations, strict=True)):
            if term_in(entry.source, sentence.text, inflected=True) and not term_in(
                entry.target, translated, inflected=True
            ):
                cues = tuple(c + 1 for c in plan.sentence_cues(i))
                misses.append(GlossaryMiss(entry.source, entry.target, cues, translated))
    return tuple(misses)
