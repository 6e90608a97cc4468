"""Where a translated sentence is cut between the cues it was spoken over.

A sentence spread over several cues is translated whole; its translation must
then be cut back into those cues so that each cue shows the words spoken
during it. Each cut is chosen by a small dynamic programme over word
boundaries, scoring every candidate with the evidence below, strongest first:

1. alignment: the model's attention maps each target word to source words;
   the cut that leaves the fewest target words on the wrong side of the
   source cue boundary wins, when that minimum is clear (few words misplaced,
   the runner-up clearly worse);
2. clause structure ("punctuation"): a source cue ending in a comma, colon,
   semicolon, dash or ellipsis, or a next cue starting with a conjunction,
   relative word or preposition, should meet the matching punctuation or word
   in the translation near the proportional point;
3. the proportional point (the source characters' share), with penalties for
   cutting inside a short fixed unit (article or preposition + noun,
   auxiliary + verb, number + unit, adjective + noun, possessive + noun), for
   leaving a cue one or two words where more were due, and, as a tie-breaker,
   for exceeding the reading speed.

Every boundary reports which evidence placed it. Pure functions, no backend.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from ..linebreak import GLUE_WORDS
from .clause_words import (
    ADJECTIVE,
    ALL_CLAUSE_WORDS,
    ALL_PREPOSITIONS,
    AUXILIARIES,
    CLAUSE_PUNCT,
    FIXED_PAIRS,
    NO_END,
    NUMBER,
    NUMBER_WORDS,
    RENDERINGS,
    STRIP,
    SUBJECTS,
)

__all__ = [
    "EVIDENCE",
    "PROPORTIONAL",
    "Alignment",
    "Evidence",
    "Split",
    "Splitter",
    "split_translation",
]

Evidence = Literal["alignment", "punctuation", "proportional"]
EVIDENCE: tuple[Evidence, ...] = ("alignment", "punctuation", "proportional")
PROPORTIONAL: Evidence = "proportional"

# Per target word, its attention weight on each source word (rows need not sum to 1).
Alignment = tuple[tuple[float, ...], ...]


# Cost weights (the proportional distance is a fraction of the sentence, 0..1).
_ALIGN_BONUS = 1.0
_PUNCT_BONUS = 0.25
_RENDERING_BONUS = 0.3
_CLAUSE_BONUS = 0.16
_PREP_BONUS = 0.08
_PREP_RENDERING_BONUS = 0.16
_GLUE_COST = 0.15
_UNIT_COST = 0.12
_SHORT_COST = 0.15
_CPS_COST = 0.03
_EMPTY_COST = 10.0
# Alignment counts only when at most this share of the target words go back
# to an earlier source cue than the word before, the best cut misplaces at most
# this share of them (or one word) and every other cut two words more.
_ALIGN_MAX_BACKWARDS = 0.1
# ... and at least this share of the source words is some target word's strongest.
_ALIGN_MIN_COVERAGE = 0.7
_ALIGN_MAX_WRONG = 0.1
_ALIGN_MARGIN = 2


@dataclass(frozen=True, slots=True)
class Split:
    """A translation cut into one part per source fragment, and why each cut is where it is."""

    parts: tuple[str, ...]
    evidence: tuple[Evidence, ...]  # one per boundary: len(parts) - 1


class Splitter(Protocol):
    """The signature of ``split_translation`` (another method can be measured against it)."""

    def __call__(
        self,
        translation: str,
        sources: Sequence[str],
        *,
        alignment: Alignment | None = None,
        durations_ms: Sequence[int] = (),
        lang: str = "en",
        max_cps: float = 20.0,
    ) -> Split: ...


def _bare(word: str) -> str:
    return word.strip(STRIP).lower()


def _ends_clause(word: str) -> bool:
    return word.rstrip(STRIP).endswith(CLAUSE_PUNCT)


def _is_number(word: str) -> bool:
    bare = _bare(word)
    return bool(NUMBER.match(bare)) or bare in NUMBER_WORDS


@functools.cache
def _word_sets(lang: str) -> tuple[frozenset[str], ...]:
    """(glue, phrase openers, auxiliaries, function words) for a target language."""
    glue = GLUE_WORDS.get(lang, frozenset()) | GLUE_WORDS["en"]
    opens = ALL_CLAUSE_WORDS | ALL_PREPOSITIONS | (glue - ALL_PREPOSITIONS)
    aux = AUXILIARIES.get(lang, frozenset()) | AUXILIARIES["en"]
    return glue, opens, aux, glue | aux | ALL_CLAUSE_WORDS | ALL_PREPOSITIONS


def _unit_cost(prev: str, nxt: str, lang: str) -> float:
    """Cost of a cut between ``prev`` and ``nxt``: inside a short fixed unit or not."""
    if _ends_clause(prev) or prev.endswith((".", "!", "?")):
        return 0.0
    low, after = _bare(prev), _bare(nxt)
    if (low, after) in FIXED_PAIRS or low in NO_END:
        return _GLUE_COST  # a cue does not end on "more", "than", "who", "when"...
    glue, opens, aux, function = _word_sets(lang)
    if low in glue:
        return _GLUE_COST
    holder = low.endswith(("'s", "’s")) or low in SUBJECTS
    if holder and after[:1].isalpha() and after not in opens:
        return _UNIT_COST  # "the city's | districts", "you | would"
    if low in aux and after not in ALL_CLAUSE_WORDS:
        return _UNIT_COST
    if _is_number(prev) and _is_number(nxt):
        return _UNIT_COST  # "three | hundred"
    if after in function or not after[:1].isalpha():
        return 0.0
    if _is_number(prev):
        return _UNIT_COST  # "fifteen | degrees", "57 | km"
    if _is_number(nxt):
        return 0.0
    if lang == "en" and prev.islower() and ADJECTIVE.search(low) and len(low) > 4:
        return _UNIT_COST / 2  # "military | police" (a guess from the ending)
    return 0.0


@dataclass(frozen=True, slots=True)
class _Boundary:
    """What the source says about one cue boundary."""

    punct: bool  # the earlier fragment ends in clause punctuation
    clause: bool  # the next fragment starts with a conjunction or relative word
    prep: bool  # the next fragment starts with a preposition
    renderings: frozenset[str]  # the target words that usually render that first word


def _source_boundary(before: str, after: str) -> _Boundary:
    words_b, words_a = before.split(), after.split()
    first = _bare(words_a[0]) if words_a else ""
    return _Boundary(
        punct=bool(words_b) and _ends_clause(words_b[-1]),
        clause=first in ALL_CLAUSE_WORDS,
        prep=first in ALL_PREPOSITIONS and first not in ALL_CLAUSE_WORDS,
        renderings=RENDERINGS.get(first, frozenset()),
    )


def _clause_bonus(src: _Boundary, words: Sequence[str], b: int) -> float:
    """Bonus of a cut before ``words[b]`` for matching the source's clause boundary."""
    prev, nxt = _bare(words[b - 1]), _bare(words[b])
    bonus = 0.0
    target_punct = _ends_clause(words[b - 1])
    if src.punct and target_punct:
        bonus = _PUNCT_BONUS
    if nxt in src.renderings and prev not in NO_END:
        bonus = max(bonus, _PREP_RENDERING_BONUS if src.prep else _RENDERING_BONUS)
    elif src.clause and nxt in ALL_CLAUSE_WORDS and prev not in ALL_CLAUSE_WORDS:
        bonus = max(bonus, _CLAUSE_BONUS + (0.04 if src.punct or target_punct else 0.0))
    elif src.punct and nxt in ALL_CLAUSE_WORDS and prev not in ALL_CLAUSE_WORDS:
        bonus = max(bonus, _CLAUSE_BONUS)  # "стала очевидна, | когда" -> "became clear | when"
    if src.prep and nxt in ALL_PREPOSITIONS and prev not in NO_END:
        bonus = max(bonus, _PREP_BONUS)
    return bonus


def _alignment_cuts(
    alignment: Alignment, fragment_words: Sequence[int], n: int
) -> list[tuple[int, ...]]:
    """Per boundary, the cuts the alignment clearly supports (empty: not confident).

    Each target word is given to the source fragment holding its strongest
    source word; a cut's cost is the number of words it puts on the wrong side.
    The alignment is trusted only when it covers most source words and reads
    almost in order (attention of a model that did not learn to align piles up
    on a few source words, often the last, or jumps around) and the best cut
    misplaces at most one word in ten while every cut away from it misplaces
    two more.
    """
    k = len(fragment_words)
    edges = [0]
    for count in fragment_words:
        edges.append(edges[-1] + count)
    owner: list[int] = []
    covered: set[int] = set()
    for row in alignment:
        if not row or max(row) <= 0:
            owner.append(-1)
            continue
        best = max(range(len(row)), key=row.__getitem__)
        covered.add(best)
        owner.append(next((f for f in range(k) if best < edges[f + 1]), -1))
    known = [o for o in owner if o >= 0]
    backwards = sum(1 for a, b in itertools.pairwise(known) if b < a)
    if (
        len(known) < n * 0.8
        or len(covered) < _ALIGN_MIN_COVERAGE * edges[-1]
        or backwards > _ALIGN_MAX_BACKWARDS * max(1, len(known) - 1)
    ):
        return [() for _ in range(k - 1)]
    out: list[tuple[int, ...]] = []
    for j in range(k - 1):
        wrong = []
        for b in range(n + 1):
            left = sum(1 for o in owner[:b] if o > j)
            right = sum(1 for o in owner[b:] if 0 <= o <= j)
            wrong.append(left + right)
        low = min(wrong)
        best_cuts = [b for b in range(1, n) if wrong[b] == low]
        if not best_cuts or best_cuts[-1] - best_cuts[0] > 1:
            out.append(())
            continue
        others = [w for b, w in enumerate(wrong) if abs(b - best_cuts[0]) > 1 and 0 < b < n]
        clear = not others or min(others) >= low + _ALIGN_MARGIN
        out.append(tuple(best_cuts) if low <= max(1, _ALIGN_MAX_WRONG * n) and clear else ())
    return out


def split_translation(
    translation: str,
    sources: Sequence[str],
    *,
    alignment: Alignment | None = None,
    durations_ms: Sequence[int] = (),
    lang: str = "en",
    max_cps: float = 20.0,
) -> Split:
    """Cut ``translation`` at word boundaries into one part per source fragment.

    ``sources``: the source sentence's fragments in order (one per cue);
    ``alignment``: per target word, weights over the source words (the
    fragments' words in order), or None; ``durations_ms``: each cue's duration,
    for the reading-speed tie-breaker. Parts are empty only when there are
    fewer words than parts; then every boundary is "proportional".
    """
    words = translation.split()
    k, n = len(sources), len(words)
    if k <= 1:
        return Split((" ".join(words),) if k else (), ())
    if n < k:  # too short to spread: the words go first, later cues show nothing
        fallback: tuple[Evidence, ...] = (PROPORTIONAL,) * (k - 1)
        return Split(tuple(words) + ("",) * (k - n), fallback)
    weights = [len(s) for s in sources]
    total_w = sum(weights) or k
    cum = [0]
    for word in words:
        cum.append(cum[-1] + len(word) + 1)
    total_c = max(cum[-1] - 1, 1)
    targets, acc = [], 0
    for weight in weights[:-1]:
        acc += weight
        targets.append(acc / total_w)
    src_words = [len(s.split()) for s in sources]
    total_src_words = sum(src_words) or 1
    expected = [count * n / total_src_words for count in src_words]
    bounds = [_source_boundary(sources[j], sources[j + 1]) for j in range(k - 1)]
    aligned: list[tuple[int, ...]] = [() for _ in range(k - 1)]
    if alignment is not None and len(alignment) == n:
        aligned = _alignment_cuts(alignment, src_words, n)

    # cut_cost[j][b]: the evidence of boundary j at word index b (both ends excluded).
    cut_cost = [[0.0] * (n + 1) for _ in range(k - 1)]
    for j in range(k - 1):
        for b in range(1, n):
            c = abs(cum[b] / total_c - targets[j])
            c += _unit_cost(words[b - 1], words[b], lang)
            c -= _clause_bonus(bounds[j], words, b)
            if b in aligned[j]:
                c -= _ALIGN_BONUS
            cut_cost[j][b] = c

    def part_cost(j: int, a: int, b: int) -> float:
        """Cost of fragment j showing words[a:b]."""
        if a == b:
            return _EMPTY_COST
        c = 0.0
        if b - a <= 2 and src_words[j] >= 4 and expected[j] >= 4:
            c += _SHORT_COST
        if j < len(durations_ms) and durations_ms[j] > 0:
            cps = (cum[b] - cum[a]) / (durations_ms[j] / 1000)
            c += _CPS_COST * min(1.0, max(0.0, cps / max_cps - 1))
        return c

    inf = float("inf")
    # best[j][b]: cost of fragments 0..j with fragment j ending at word b.
    best = [[inf] * (n + 1) for _ in range(k)]
    back = [[0] * (n + 1) for _ in range(k)]
    for b in range(1, n + 1):
        best[0][b] = part_cost(0, 0, b) + (cut_cost[0][b] if b < n else _EMPTY_COST)
    for j in range(1, k):
        for b in range(j + 1, n + 1):
            at_end = j == k - 1
            if at_end and b != n:
                continue
            here = 0.0 if at_end else (cut_cost[j][b] if b < n else _EMPTY_COST)
            for a in range(j, b):
                c = best[j - 1][a] + part_cost(j, a, b) + here
                if c < best[j][b]:
                    best[j][b], back[j][b] = c, a
    cuts = [n]
    for j in range(k - 1, 0, -1):
        cuts.append(back[j][cuts[-1]])
    cuts = [0, *reversed(cuts)]
    parts = tuple(" ".join(words[cuts[i] : cuts[i + 1]]) for i in range(k))
    evidence: list[Evidence] = []
    for j in range(k - 1):
        b = cuts[j + 1]
        if b in aligned[j]:
            evidence.append("alignment")
        elif 0 < b < n and _clause_bonus(bounds[j], words, b) > 0:
            evidence.append("punctuation")
        else:
            evidence.append("proportional")
    return Split(parts, tuple(evidence))
