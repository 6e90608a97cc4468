"""A caption track as one stream of comparison units, with a word index.

Quotes cross cue boundaries and line breaks, so matching ignores both: every
cue's visible text (tags removed, lines joined) is tokenised once and the units
of all cues are laid end to end. Each unit remembers its word and cue, so an
alignment maps straight back to cue numbers and timecodes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Track
from ..tags import strip_tags
from .normalize import WORD_RE, Word, canonical, normalize_word, word_units

__all__ = ["CaptionStream", "build_stream", "plain_cue_text"]


_SENTENCE_END = re.compile(r"[\"”’')\]]*[.!?…]")


def plain_cue_text(text: str) -> str:
    """A cue's visible text on one line (what the report quotes back)."""
    return " ".join(strip_tags(text).split())


@dataclass(frozen=True)
class CaptionStream:
    """All units of a track. ``words[k]`` lies in cue ``word_cue[k]`` (0-based)."""

    track: Track
    texts: tuple[str, ...]  # plain text per cue; word offsets refer to these
    words: tuple[Word, ...]
    word_cue: tuple[int, ...]
    keys: tuple[str, ...]  # per unit
    canons: tuple[str, ...]  # per unit
    unit_word: tuple[int, ...]  # per unit
    sentence_end: tuple[bool, ...]  # per unit: its word closes a sentence (". ! ? …" after it)
    index: dict[str, list[int]] = field(repr=False)  # canon -> unit positions

    def __len__(self) -> int:
        return len(self.keys)

    def frequency(self, canon: str) -> int:
        return len(self.index.get(canon, ()))

    def cue_of_unit(self, u: int) -> int:
        return self.word_cue[self.unit_word[u]]

    def span_text(self, first_word: int, last_word: int) -> str:
        """The caption text from word ``first_word`` to ``last_word`` (inclusive), cues joined."""
        a, b = self.words[first_word], self.words[last_word]
        ca, cb = self.word_cue[first_word], self.word_cue[last_word]
        if ca == cb:
            return self.texts[ca][a.start : b.end]
        pieces = [self.texts[ca][a.start :], *self.texts[ca + 1 : cb], self.texts[cb][: b.end]]
        return " ".join(p.strip() for p in pieces if p.strip())


def build_stream(track: Track) -> CaptionStream:
    texts: list[str] = []
    words: list[Word] = []
    word_cue: list[int] = []
    keys: list[str] = []
    unit_word: list[int] = []
    canons: list[str] = []
    sentence_end: list[bool] = []
    index: dict[str, list[int]] = defaultdict(list)
    # Captions repeat their words: normalise each distinct spelling once.
    seen: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for ci, cue in enumerate(track.cues):
        text = plain_cue_text(cue.text)
        texts.append(text)
        for m in WORD_RE.finditer(text):
            raw = m.group()
            closes = bool(_SENTENCE_END.match(text, m.end()))
            after = text[m.end() : m.end() + 3]
            # "No" depends on what follows ("No. 1"); any other spelling is cached.
            cache = raw + after if raw in ("No", "no", "Nos", "nos") else raw
            known = seen.get(cache)
            if known is None:
                norm = normalize_word(raw)
                units = word_units(raw, norm, after)
                known = seen[cache] = (norm, [(k, canonical(k)) for k in units])
            wi = len(words)
            words.append(Word(raw, known[0], m.start(), m.end()))
            word_cue.append(ci)
            last = len(known[1]) - 1
            for k, (key, canon) in enumerate(known[1]):
                index[canon].append(len(keys))
                keys.append(key)
                canons.append(canon)
                unit_word.append(wi)
                sentence_end.append(closes and k == last)
    return CaptionStream(
        track,
        tuple(texts),
        tuple(words),
        tuple(word_cue),
        tuple(keys),
        tuple(canons),
        tuple(unit_word),
        tuple(sentence_end),
        dict(index),
    )
