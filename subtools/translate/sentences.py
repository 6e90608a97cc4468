"""Sentence-aware translation layout: cues -> sentences -> cues.

Captions cut sentences at arbitrary points, and a translation model given a
fragment produces a fragment of nonsense. So the track is read as a stream of
sentences (across cue boundaries and line breaks; a dialogue dash starts a new
sentence), each sentence is translated whole, and its translation is cut back
into the cues it came from at the best word boundaries (``boundaries``:
alignment, clause punctuation, proportional share). Formatting spans and
position tags go back on their cue.

Pure functions over the model; no translation backend here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..linebreak import GLUE_WORDS, break_lines
from ..model import Cue, Track
from ..tags import TAG
from .boundaries import PROPORTIONAL, Alignment, Evidence, Split, Splitter, split_translation
from .ends import ELLIPSES, split_piece, uses_capitals
from .spans import Span, SpanRange, apply_spans, parse_tags

__all__ = [
    "MAX_GAP_MS",
    "MAX_SENTENCE_CHARS",
    "CueBoundary",
    "CueLayout",
    "Fragment",
    "Piece",
    "Plan",
    "Sentence",
    "assemble",
    "distribute",
    "has_letters",
    "plan_track",
    "proportional_split",
]

# A pause this long between cues ends a sentence even without punctuation
# (unpunctuated captions would otherwise merge into one endless "sentence").
MAX_GAP_MS = 2000
# Past this length a sentence is closed at the next cue boundary: models
# degrade on very long inputs, and unpunctuated tracks need some limit.
MAX_SENTENCE_CHARS = 400

_LETTER = re.compile(r"[^\W\d_]")
_DASH = re.compile(r"^([-–—])\s*")
# Leading music marks, and the captioners' "...": "гнётся..." / "...это" is one sentence.
_LEAD = re.compile(r"^(?:[♪♫#*\s]|\.{2,}|…)+")
_TRAIL_MARKS = frozenset("♪♫#*")
_PUNCT_END = tuple(",;:.!?…—–-")


def _trail_start(text: str) -> int:
    """Where the trailing music marks and spaces start (a scan from the end: a
    regex search for them would retry at every space of a long run)."""
    i = len(text)
    while i > 0 and (text[i - 1] in _TRAIL_MARKS or text[i - 1].isspace()):
        i -= 1
    return i


def has_letters(text: str) -> bool:
    return _LETTER.search(TAG.sub("", text)) is not None


@dataclass(frozen=True, slots=True)
class Piece:
    """One speaker turn of one cue: plain text to translate plus what to put back."""

    cue: int
    text: str
    dash: str = ""
    lead: str = ""
    trail: str = ""
    spans: tuple[Span, ...] = ()
    verbatim: str | None = None  # kept as written (no letters to translate)

    @property
    def continued(self) -> bool:
        """Starts with the captioners' continuation mark ("...это ещё не всё.")."""
        return self.lead.endswith(ELLIPSES)


@dataclass(frozen=True, slots=True)
class CueLayout:
    prefix: str  # ASS override / position tags such as {\an8}
    pieces: tuple[int, ...]
    skipped: bool  # nothing to translate: the cue is kept as it is


@dataclass(frozen=True, slots=True)
class Fragment:
    piece: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    fragments: tuple[Fragment, ...]


@dataclass(frozen=True, slots=True)
class CueBoundary:
    """Where a sentence crosses from one cue into the next, and what placed the cut."""

    cue: int  # 0-based: the cue that ends here
    next_cue: int
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Plan:
    track: Track
    cues: tuple[CueLayout, ...]
    pieces: tuple[Piece, ...]
    sentences: tuple[Sentence, ...]

    @property
    def skipped(self) -> tuple[int, ...]:
        """0-based indices of cues kept untranslated (only tags, symbols, numbers)."""
        return tuple(i for i, c in enumerate(self.cues) if c.skipped)

    def sentence_cues(self, index: int) -> tuple[int, ...]:
        """0-based cue indices that sentence ``index`` spans."""
        return tuple(sorted({self.pieces[f.piece].cue for f in self.sentences[index].fragments}))


def _turns(plain: str) -> list[tuple[int, int]]:
    """Character ranges of speaker turns: a line starting with a dash opens one."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in plain.split("\n"):
        end = pos + len(line)
        if not ranges or _DASH.match(line.lstrip()):
            ranges.append((pos, end))
        else:
            ranges[-1] = (ranges[-1][0], end)
        pos = end + 1
    return ranges


def _piece(cue: int, plain: str, lo: int, hi: int, spans: list[SpanRange]) -> Piece:
    raw = plain[lo:hi]
    body = raw.strip()
    cs = lo + (len(raw) - len(raw.lstrip()))
    dash = ""
    m = _DASH.match(body)
    if m:
        dash = m.group(1) + (" " if m.end() > 1 else "")
        body, cs = body[m.end() :], cs + m.end()
    lead_m = _LEAD.match(body)
    lead = lead_m.group() if lead_m else ""
    ts = _trail_start(body)
    trail = body[ts:] if ts >= len(lead) else ""
    core = body[len(lead) : len(body) - len(trail)]
    if not has_letters(core):
        return Piece(cue, "", verbatim=raw.strip())
    bs = cs
    cs += len(lead)
    ce = cs + len(core)
    be = ce + len(trail)
    kept: list[Span] = []
    for open_tag, close_tag, s, e in spans:
        s2, e2 = max(s, cs), min(e, ce)
        if s2 >= e2:
            continue
        whole = s <= cs and e >= ce
        outer = bool(lead or trail) and s <= bs and e >= be
        start, end = (s2 - cs) / len(core), (e2 - cs) / len(core)
        kept.append(Span(open_tag, close_tag, start, end, whole, outer))
    text = " ".join(core.split())
    return Piece(cue, text, dash, " ".join(lead.split()), " ".join(trail.split()), tuple(kept))


def plan_track(track: Track) -> Plan:
    """Cut ``track`` into pieces and sentences; nothing is translated here."""
    layouts: list[CueLayout] = []
    pieces: list[Piece] = []
    # Reading order: (cue, piece id), or (cue, None) for a cue kept as it is.
    order: list[tuple[int, int | None]] = []
    carried: dict[str, str] = {}
    for ci, cue in enumerate(track.cues):
        prefix, plain, spans, carried = parse_tags(cue.text, carried)
        own = [_piece(ci, plain, lo, hi, spans) for lo, hi in _turns(plain)]
        if not any(p.verbatim is None for p in own):
            layouts.append(CueLayout(prefix, (), True))
            order.append((ci, None))
            continue
        ids = tuple(range(len(pieces), len(pieces) + len(own)))
        pieces.extend(own)
        order.extend((ci, pid) for pid in ids)
        layouts.append(CueLayout(prefix, ids, False))

    def joins(at: int) -> bool:
        """Whether the piece at ``order[at]`` may continue the sentence before it."""
        ci, pid = order[at]
        if pid is None or pieces[pid].verbatim is not None or pieces[pid].dash:
            return False
        prev_ci, prev_pid = order[at - 1]
        if prev_ci == ci or prev_pid is None:
            return prev_pid is not None
        gap = track.cues[ci].start - track.cues[prev_ci].end
        return gap <= MAX_GAP_MS or pieces[pid].continued

    cased = uses_capitals([p.text for p in pieces])
    sentences: list[Sentence] = []
    current: list[Fragment] = []

    def close() -> None:
        if current:
            text = " ".join(pieces[f.piece].text[f.start : f.end].strip() for f in current)
            sentences.append(Sentence(text, tuple(current)))
            current.clear()

    for at, (ci, pid) in enumerate(order):
        if pid is None or pieces[pid].verbatim is not None:
            close()
            continue
        piece = pieces[pid]
        new_cue = at > 0 and order[at - 1][0] != ci
        too_long = new_cue and sum(f.end - f.start for f in current) > MAX_SENTENCE_CHARS
        if at == 0 or too_long or not joins(at):
            close()
        follow = None
        if at + 1 < len(order) and joins(at + 1):
            following = pieces[order[at + 1][1] or 0]
            follow = ("…" if following.continued else "") + following.text
        for s, e, ends in split_piece(piece.text, follow, cased):
            current.append(Fragment(pid, s, e))
            if ends:
                close()
    close()
    return Plan(track, tuple(layouts), tuple(pieces), tuple(sentences))


def distribute(
    translation: str, weights: Sequence[int], sources: Sequence[str] = (), lang: str = "en"
) -> list[str]:
    """Split ``translation`` at word boundaries into ``len(weights)`` parts (the older method).

    Kept as the baseline that ``boundaries.split_translation`` is measured
    against (benchmarks/bench_translate.py). Part sizes follow the weights
    (source characters per fragment); a break after punctuation where the
    source fragment also ends in punctuation is preferred, a break after an
    article or preposition is avoided. Parts are empty only when there are
    fewer words than parts.
    """
    words = translation.split()
    k, n = len(weights), len(words)
    if k == 0:
        return []
    if k == 1:
        return [" ".join(words)]
    if n < k:  # too short to spread: the words go first, later cues show nothing
        return words + [""] * (k - n)
    total_w = sum(weights) or k
    cum = [0]
    for word in words:
        cum.append(cum[-1] + len(word) + 1)
    total_c = max(cum[-1] - 1, 1)
    glue = GLUE_WORDS.get(lang, frozenset()) | GLUE_WORDS["en"]
    targets: list[float] = []
    acc = 0
    for weight in weights[:-1]:
        acc += weight
        targets.append(acc / total_w)

    def cost(j: int, b: int) -> float:
        c = abs(min(cum[b], total_c) / total_c - targets[j])
        if 0 < b < n:
            prev = words[b - 1]
            if (
                j < len(sources)
                and sources[j].rstrip().endswith(_PUNCT_END)
                and prev.endswith(_PUNCT_END)
            ):
                c -= 0.12
            if prev.lower().strip("\"'«(") in glue:
                c += 0.15
        return c

    empty = 10.0
    inf = float("inf")
    # best[j][b]: cost of placing boundaries 0..j with boundary j at word index b.
    best = [[inf] * (n + 1) for _ in range(k - 1)]
    back = [[0] * (n + 1) for _ in range(k - 1)]
    for b in range(n + 1):
        best[0][b] = cost(0, b) + (empty if b == 0 else 0)
    for j in range(1, k - 1):
        for b in range(n + 1):
            for a in range(b + 1):
                c = best[j - 1][a] + cost(j, b) + (empty if a == b else 0)
                if c < best[j][b]:
                    best[j][b], back[j][b] = c, a
    last, end = inf, 0
    for b in range(n + 1):
        c = best[k - 2][b] + (empty if b == n else 0)
        if c < last:
            last, end = c, b
    cuts = [end]
    for j in range(k - 2, 0, -1):
        cuts.append(back[j][cuts[-1]])
    cuts = [0, *reversed(cuts), n]
    return [" ".join(words[cuts[i] : cuts[i + 1]]) for i in range(k)]


def proportional_split(
    translation: str,
    sources: Sequence[str],
    *,
    alignment: Alignment | None = None,
    durations_ms: Sequence[int] = (),
    lang: str = "en",
    max_cps: float = 20.0,
) -> Split:
    """The older method (``distribute``) as a ``Splitter``: every boundary proportional."""
    parts = distribute(translation, [len(s) for s in sources], sources, lang)
    evidence: tuple[Evidence, ...] = (PROPORTIONAL,) * max(0, len(parts) - 1)
    return Split(tuple(parts), evidence)


def _dress(piece: Piece, text: str) -> str:
    """Put a piece's formatting spans, music marks and leading "..." on its translation."""
    text = apply_spans(text, [sp for sp in piece.spans if not sp.outer])
    lead = piece.lead
    if piece.continued and text.startswith(ELLIPSES):  # the model kept the mark itself
        lead = lead[: -len(next(e for e in ELLIPSES if lead.endswith(e)))].rstrip()
    text = " ".join(x for x in (lead, text, piece.trail) if x)
    if lead.endswith(ELLIPSES):  # "...and select": the mark sticks to its word
        text = lead + text[len(lead) + 1 :]
    outer = [sp for sp in piece.spans if sp.outer]
    return "".join(sp.open for sp in outer) + text + "".join(sp.close for sp in reversed(outer))


def assemble(
    plan: Plan,
    translations: Sequence[str],
    lang: str = "en",
    max_chars: int = 42,
    max_lines: int = 2,
    *,
    alignments: Sequence[Alignment | None] = (),
    max_cps: float = 20.0,
    split: Splitter = split_translation,
) -> tuple[Track, tuple[int, ...], tuple[CueBoundary, ...]]:
    """Put translated sentences back on the plan's cues.

    ``alignments``: per sentence, the backend's word alignment (or None).
    Returns the new track (same cues, same timings), the 0-based indices of
    cues whose share of a too-short translation was empty (they show "…"),
    and every cue boundary inside a sentence with the evidence that placed it.
    """
    if len(translations) != len(plan.sentences):
        raise ValueError("one translation per sentence is needed")
    parts: list[list[str]] = [[] for _ in plan.pieces]
    crossings: list[CueBoundary] = []
    cues_in = plan.track.cues
    for i, (sentence, translated) in enumerate(zip(plan.sentences, translations, strict=True)):
        frags = sentence.fragments
        sources = [plan.pieces[f.piece].text[f.start : f.end].strip() for f in frags]
        owners = [plan.pieces[f.piece].cue for f in frags]
        cut = split(
            translated,
            sources,
            alignment=alignments[i] if i < len(alignments) else None,
            durations_ms=[cues_in[c].end - cues_in[c].start for c in owners],
            lang=lang,
            max_cps=max_cps,
        )
        for frag, text in zip(frags, cut.parts, strict=True):
            if text:
                parts[frag.piece].append(text)
        for j, evidence in enumerate(cut.evidence):
            crossings.append(CueBoundary(owners[j], owners[j + 1], evidence))
    cues: list[Cue] = []
    filled: list[int] = []
    for ci, (cue, layout) in enumerate(zip(plan.track.cues, plan.cues, strict=True)):
        if layout.skipped:
            cues.append(cue)
            continue
        turns: list[str] = []
        dialogue = False
        for pid in layout.pieces:
            piece = plan.pieces[pid]
            if piece.verbatim is not None:
                turns.append(piece.verbatim)
                continue
            text = " ".join(parts[pid])
            if not text:
                text = "…"
                filled.append(ci)
            dialogue = dialogue or bool(piece.dash)
            turns.append(piece.dash + _dress(piece, text))
        if dialogue and len(turns) > 1:  # one line per speaker
            body = "\n".join(turns)
        elif len(" ".join(turns).split()) < 2:  # one long word (CJK, a URL): nothing to break
            body = " ".join(" ".join(turns).split())
        else:
            body = break_lines(" ".join(turns), max_chars=max_chars, max_lines=max_lines, lang=lang)
        cues.append(cue.with_text(layout.prefix + body))
    return plan.track.with_cues(cues), tuple(sorted(set(filled))), tuple(crossings)
