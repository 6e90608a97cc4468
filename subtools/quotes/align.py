"""Word-level alignment of a quote against a caption stream.

Speed comes from not aligning against the whole track: the quote's rarest
words are looked up in the stream's index, each hit votes for the place where
the quote would start, and only the best few places get a dynamic-programming
alignment over a window a little wider than the quote. Work per quote is the
hits of a few rare words plus ``len(quote) x window``, so a whole article
costs time linear in the track length.

The alignment is semi-global: the whole quote against any stretch of the
window. Words inside the article's [brackets] may be dropped for free; caption
words may be skipped for free where the article has an ellipsis.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .extract import QuotePart
from .normalize import Unit, Word, canonical, tokenize, word_units
from .stream import CaptionStream

__all__ = ["Alignment", "Op", "Pattern", "align_quote", "build_pattern", "candidate_windows"]

_BRACKETS = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_AMBIGUOUS = frozenset({("'d", "had"), ("'d", "would"), ("'s", "is"), ("'s", "has"), ("'s", "us")})

EDGE_BONUS = 1.5  # reward for matching the quote's first or last word
SUB_EQUIVALENT = 0.2  # spelling/number/contraction variant: cheaper than any real change
GAP_WINDOW = 120  # caption units an ellipsis may stand for
# A silent cut (words dropped without an ellipsis) costs CUT_OPEN + CUT_EXTEND per
# caption unit skipped: one or two words are cheaper as plain insertions (1 each),
# a clause or a sentence costs little more than a changed word, so the quote is
# still found (and reported changed) instead of missing.
CUT_OPEN = 2.0
CUT_EXTEND = 0.05
CUT_WINDOW = 60  # caption units a silent cut may skip (a few sentences)
EDGE_ACROSS = 0.01
MAX_CANDIDATES = 3
MAX_ANCHORS = 6


@dataclass(frozen=True, slots=True)
class Pattern:
    """A quote as comparison units. Word offsets refer to the paragraph of ``word_part``."""

    parts: tuple[QuotePart, ...]
    words: tuple[Word, ...]
    word_part: tuple[int, ...]
    units: tuple[Unit, ...]
    canons: tuple[str, ...]
    optional: tuple[bool, ...]  # per unit: inside [brackets]
    gaps: frozenset[int]  # unit i has an ellipsis before it

    @property
    def required(self) -> int:
        return sum(1 for o in self.optional if not o)


def build_pattern(parts: Sequence[QuotePart]) -> Pattern:
    words: list[Word] = []
    word_part: list[int] = []
    units: list[Unit] = []
    optional: list[bool] = []
    gaps: set[int] = set()
    for pi, part in enumerate(parts):
        brackets = [
            (m.start() + part.start, m.end() + part.start) for m in _BRACKETS.finditer(part.text)
        ]
        ellipses = sorted(m.start() + part.start for m in _ELLIPSIS.finditer(part.text))
        for w in tokenize(part.text, offset=part.start):
            while ellipses and ellipses[0] < w.start:
                ellipses.pop(0)
                if units:
                    gaps.add(len(units))
            inside = any(a <= w.start < b for a, b in brackets)
            wi = len(words)
            words.append(w)
            word_part.append(pi)
            after = part.text[w.end - part.start : w.end - part.start + 3]
            for key in word_units(w.text, w.norm, after):
                units.append(Unit(key, wi))
                optional.append(inside)
    return Pattern(
        tuple(parts),
        tuple(words),
        tuple(word_part),
        tuple(units),
        tuple(canonical(u.key) for u in units),
        tuple(optional),
        frozenset(gaps),
    )


@dataclass(frozen=True, slots=True)
class Op:
    """One alignment step: quote unit ``q`` against stream unit ``c`` (either may be None).

    ``free`` marks steps that cost nothing by the article's conventions: a
    bracketed word left out, or caption words skipped at an ellipsis.
    """

    q: int | None
    c: int | None
    free: bool = False
    cut: bool = False  # a caption unit inside a silent cut (dropped without an ellipsis)


@dataclass(frozen=True, slots=True)
class Alignment:
    ops: tuple[Op, ...]
    cost: float
    score: float  # 1 - cost / required quote units, clipped to 0..1

    @property
    def stream_units(self) -> list[int]:
        return [op.c for op in self.ops if op.c is not None]


def candidate_windows(pattern: Pattern, stream: CaptionStream) -> list[tuple[int, int]]:
    """Up to ``MAX_CANDIDATES`` stream windows ``[lo, hi)`` where the quote may be."""
    m = len(pattern.units)
    n = len(stream)
    if not m or not n:
        return []
    seen: dict[str, int] = {}
    for j, canon in enumerate(pattern.canons):
        if not pattern.optional[j] and stream.frequency(canon) and canon not in seen:
            seen[canon] = j
    anchors = sorted(seen.items(), key=lambda kv: (stream.frequency(kv[0]), kv[1]))[:MAX_ANCHORS]
    if not anchors:
        return []
    # Beyond the three rarest, a word far more frequent than the rarest one adds
    # many hits and little evidence.
    limit = max(32, 8 * stream.frequency(anchors[0][0]))
    anchors = anchors[:3] + [a for a in anchors[3:] if stream.frequency(a[0]) <= limit]
    # Each hit votes for the stream position where the quote would start; votes
    # are pooled in buckets of ``slack`` units as bit masks of the anchors seen,
    # so a place scores by how many different rare words agree on it.
    slack = max(3, m // 3)
    votes: dict[int, int] = defaultdict(int)
    for bit, (canon, j) in enumerate(anchors):
        for p in stream.index[canon]:
            votes[(p - j) // slack] |= 1 << bit
    scored = [((mask | votes.get(b + 1, 0)).bit_count(), -b) for b, mask in votes.items()]
    windows: list[tuple[int, int]] = []
    gaps = len(pattern.gaps) * GAP_WINDOW  # an ellipsis may hide this many units either side
    for _, neg_b in heapq.nlargest(MAX_CANDIDATES, scored):
        start = -neg_b * slack
        windows.append((max(0, start - slack - gaps), min(n, start + 2 * slack + m + gaps)))
    return windows


def _align_window(
    pattern: Pattern, stream: CaptionStream, lo: int, hi: int, cuts: bool = False
) -> Alignment:
    qk = [u.key for u in pattern.units]
    qc = pattern.canons
    opt = pattern.optional
    gaps = pattern.gaps
    ck = stream.keys[lo:hi]
    cc = stream.canons[lo:hi]
    ends = stream.sentence_end[lo:hi]
    # A caption word that opens a sentence (the one before it closed one).
    opens = (stream.sentence_end[lo - 1] if lo else True, *ends[:-1])
    m, w = len(qk), len(ck)
    inf = float("inf")
    # cost[i][j]: best cost of quote[:i] against a stretch ending at window[j];
    # cut[i][j]: the same, ending in a silent cut (caption units skipped at the
    # affine price CUT_OPEN + CUT_EXTEND per unit instead of 1 per unit).
    prev = [0.0] * (w + 1)
    back: list[bytearray] = [bytearray(w + 1)]  # 0 diag, 1 skip quote unit, 2 skip caption unit
    cut_back: list[bytearray] = [bytearray(w + 1)]  # 3 the cut goes on, else it opens here
    for i in range(1, m + 1):
        key, canon = qk[i - 1], qc[i - 1]
        dcost = 0.0 if opt[i - 1] else 1.0
        free_gap = i in gaps and i < m
        icost = 0.0 if free_gap else 1.0
        # Silent cuts only inside the quote (the alignment may start and end anywhere).
        can_cut = cuts and not free_gap and i < m
        # Matching the quote's first or last word is rewarded, so that the
        # alignment does not trade caption words the article left out for a
        # cheaper substitution at the quote's edge.
        bonus = EDGE_BONUS if i in (1, m) else 0.0
        # A different word across a sentence boundary at the quote's edge ("training.
        # The commander said" for "As the regiment commander said") is the neighbouring
        # sentence, not the quote: leaving the article's word unmatched is cheaper.
        edge = 1 if i == 1 else 2 if i == m else 0
        row = [inf] * (w + 1)
        cut = [inf] * (w + 1)
        moves = bytearray(w + 1)
        cut_moves = bytearray(w + 1)
        row[0] = prev[0] + dcost
        moves[0] = 1
        for j in range(1, w + 1):
            c = ck[j - 1]
            if c == key:
                sub = -bonus
            elif cc[j - 1] == canon or (key, c) in _AMBIGUOUS or (c, key) in _AMBIGUOUS:
                sub = SUB_EQUIVALENT - bonus
            elif (edge == 1 and ends[j - 1]) or (edge == 2 and opens[j - 1]):
                sub = 1.0 + EDGE_ACROSS
            else:
                sub = 1.0
            best, move = prev[j - 1] + sub, 0
            t = prev[j] + dcost
            if t < best:
                best, move = t, 1
            t = row[j - 1] + icost
            if t < best:
                best, move = t, 2
            if can_cut:
                t, cmove = row[j - 1] + CUT_OPEN + CUT_EXTEND, 0
                if cut[j - 1] + CUT_EXTEND < t:
                    t, cmove = cut[j - 1] + CUT_EXTEND, 3
                cut[j] = t
                cut_moves[j] = cmove
                if t < best:
                    best, move = t, 3
            row[j] = best
            moves[j] = move
        prev = row
        back.append(moves)
        cut_back.append(cut_moves)
    # On a tie, the later end: the article's last word against the caption word in its
    # place ("1990s -> 1990") says more than the word deleted.
    end = min(range(w + 1), key=lambda j: (prev[j], -j))
    cost = 0.0  # the real cost, without edge rewards
    ops: list[Op] = []
    i, j = m, end
    while i > 0:
        move = back[i][j] if j > 0 else 1
        if move == 0:
            c = ck[j - 1]
            if c != qk[i - 1]:
                same = cc[j - 1] == qc[i - 1] or (qk[i - 1], c) in _AMBIGUOUS
                cost += SUB_EQUIVALENT if same or (c, qk[i - 1]) in _AMBIGUOUS else 1.0
            ops.append(Op(i - 1, lo + j - 1))
            i, j = i - 1, j - 1
        elif move == 1:
            cost += 0.0 if opt[i - 1] else 1.0
            ops.append(Op(i - 1, None, opt[i - 1]))
            i -= 1
        elif move == 3:
            # Walk the cut back to where it opened.
            cost += CUT_OPEN
            while True:
                cost += CUT_EXTEND
                ops.append(Op(None, lo + j - 1, cut=True))
                opened = cut_back[i][j] != 3
                j -= 1
                if opened:
                    break
        else:
            free = i in gaps and i < m
            cost += 0.0 if free else 1.0
            ops.append(Op(None, lo + j - 1, free))
            j -= 1
    ops.reverse()
    required = max(1, pattern.required)
    return Alignment(tuple(ops), cost, max(0.0, 1.0 - cost / required))


def _cost(ops: Sequence[Op], pattern: Pattern, stream: CaptionStream) -> float:
    cost, in_cut = 0.0, False
    for op in ops:
        if op.q is not None and op.c is not None:
            key, c = pattern.units[op.q].key, stream.keys[op.c]
            if key != c:
                same = pattern.canons[op.q] == stream.canons[op.c]
                same = same or (key, c) in _AMBIGUOUS or (c, key) in _AMBIGUOUS
                cost += SUB_EQUIVALENT if same else 1.0
        elif op.q is not None:
            cost += 0.0 if pattern.optional[op.q] else 1.0
        elif op.cut:
            cost += CUT_EXTEND + (0.0 if in_cut else CUT_OPEN)
        elif not op.free:
            cost += 1.0
        in_cut = op.cut
    return cost


def _matches(op: Op, pattern: Pattern, stream: CaptionStream) -> bool:
    return op.q is not None and op.c is not None and pattern.canons[op.q] == stream.canons[op.c]


def _trim_edges(found: Alignment, pattern: Pattern, stream: CaptionStream) -> Alignment:
    """Leave out a neighbouring sentence the alignment reached into at either edge.

    The ops are cut into pieces at the captions' sentence ends; an edge piece in
    which most of the article's words do not match ("We'd like to immediately
    announce that" against "we'd been attached to an assault unit.") is the article's
    own wording against the sentence next door: its words become deletions and
    the caption words drop out of the span.
    """
    ops = list(found.ops)
    pieces: list[list[Op]] = [[]]
    for op in ops:
        pieces[-1].append(op)
        if op.c is not None and stream.sentence_end[op.c]:
            pieces.append([])
    pieces = [p for p in pieces if p]

    def foreign(piece: list[Op]) -> bool:
        quoted = [op for op in piece if op.q is not None]
        matched = sum(_matches(op, pattern, stream) for op in quoted)
        return bool(quoted) and matched * 2 < len(quoted)

    def drop(piece: list[Op]) -> list[Op]:
        return [Op(op.q, None, op.free) for op in piece if op.q is not None]

    changed = False
    while len(pieces) > 1 and foreign(pieces[0]):
        pieces[1] = drop(pieces[0]) + pieces[1]
        pieces.pop(0)
        changed = True
    while len(pieces) > 1 and foreign(pieces[-1]):
        pieces[-2] = pieces[-2] + drop(pieces[-1])
        pieces.pop()
        changed = True
    if not changed:
        return found
    trimmed = tuple(op for piece in pieces for op in piece)
    cost = _cost(trimmed, pattern, stream)
    return Alignment(trimmed, cost, max(0.0, 1.0 - cost / max(1, pattern.required)))


def align_quote(pattern: Pattern, stream: CaptionStream) -> Alignment | None:
    """The best alignment over the candidate windows, or None when no word of the quote occurs.

    A quote that does not fit its window well may hide a silent cut: it is aligned
    again, silent cuts allowed, over windows ``CUT_WINDOW`` units wider on each
    side (only then, so the common, faithful quote costs no more than before).
    """
    best: Alignment | None = None
    windows = candidate_windows(pattern, stream)
    for lo, hi in windows:
        found = _align_window(pattern, stream, lo, hi)
        if best is None or found.cost < best.cost:
            best = found
    # Only a quote costing more than the cheapest cut can be bettered by one.
    if best is not None and best.cost > CUT_OPEN + CUT_EXTEND:
        n = len(stream)
        for lo, hi in windows:
            wide = (max(0, lo - CUT_WINDOW), min(n, hi + CUT_WINDOW))
            found = _align_window(pattern, stream, *wide, cuts=True)
            if found.cost < best.cost:
                best = found
    return None if best is None else _trim_edges(best, pattern, stream)
