"""Balanced line breaking for captions.

Chooses where to break a cue's text into at most ``max_lines`` lines of at most
``max_chars`` visible characters. Among the breaks that fit, the best one is
balanced and falls after punctuation or before a conjunction, never right after
an article or preposition when another break fits. Words are never changed.
"""

from __future__ import annotations

import functools
import re
from itertools import combinations, pairwise

from .tags import TAG, strip_tags

__all__ = [
    "BAD_LINE_ENDS",
    "GLUE_WORDS",
    "PREPOSITIONS",
    "break_lines",
    "break_penalty",
    "is_dialogue",
    "line_end_word",
    "speaker_turns",
    "split_words",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Articles and prepositions per language: a line must not end with one of these
# (Netflix TTSG line treatment: do not separate a noun from its article, break
# before prepositions). Russian has no articles; its prepositions, the conjunctions
# и/а and the particles не/ни must not hang at a line end either.
BAD_LINE_ENDS: dict[str, frozenset[str]] = {
    "en": _set(
        "a an the of to in on at by for from with into onto about over under "
        "after before through between against without within during towards "
        "toward upon"
    ),
    "ru": _set(
        "в во на с со к ко о об обо от до по за из у без для над под при про через и а не ни "
        "возле около после перед между среди вокруг вдоль мимо сквозь ради вместо кроме "
        "против насчёт насчет из-за из-под ото изо подо передо"
    ),
}

# Prepositions: a break just before one is a good break.
PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": BAD_LINE_ENDS["en"] - {"a", "an", "the"},
    "ru": BAD_LINE_ENDS["ru"] - {"и", "а", "не", "ни"},
}

# Words that should stay on the line with the word after them (kept as data per language).
GLUE_WORDS: dict[str, frozenset[str]] = {
    "en": BAD_LINE_ENDS["en"]
    | _set("and or but nor so my your his her its our their this that these those"),
    "ru": BAD_LINE_ENDS["ru"] | _set("но же"),
}
# English glue applies in every language: English words turn up in any caption.
_GLUE = {lang: words | GLUE_WORDS["en"] for lang, words in GLUE_WORDS.items()}
_CONJUNCTIONS = _set("and but or because which who that when while if so и но а или что")
_QUOTES_OPEN = "\"'«(„“"
_QUOTES_CLOSE = "\"'»)“”"
_DASHES = ("-", "–", "—")


# A word is a run of non-space characters and whole tags: a tag may hold a space
# (<font color="red">), and a line break inside it would show the tag as text.
_TOKEN = re.compile(rf"(?:{TAG.pattern}|\S)+")


def split_words(text: str) -> list[str]:
    """``text.split()``, except that a tag holding a space stays inside one word."""
    if "<" not in text and "{" not in text:
        return text.split()
    return _TOKEN.findall(text)


def _bare(word: str) -> str:
    if "<" in word or "{" in word:
        word = strip_tags(word)
    return word.lower().strip(_QUOTES_OPEN + _QUOTES_CLOSE)


def line_end_word(line: str) -> str:
    """The last word of ``line``, lower case, without tags or quotes ('' if none)."""
    words = line.split()
    return _bare(words[-1]) if words else ""


def is_dialogue(text: str) -> bool:
    """Two or more lines, each a speaker's turn starting with a dash."""
    lines = text.split("\n")
    return len(lines) > 1 and all(strip_tags(line).lstrip().startswith(_DASHES) for line in lines)


def speaker_turns(text: str) -> list[str]:
    """The text's lines grouped into turns: a line after the first that starts with a
    dash starts a new speaker's turn (one turn when no later line does)."""
    turns: list[list[str]] = []
    for k, line in enumerate(text.split("\n")):
        if k == 0 or strip_tags(line).lstrip().startswith(_DASHES):
            turns.append([line])
        else:
            turns[-1].append(line)
    return ["\n".join(t) for t in turns]


def _turn_per_line(turns: list[str], text: str, max_chars: int, max_lines: int) -> str:
    """Each speaker's turn on its own line when they all fit, else ``text`` untouched:
    a dash in mid-line would hide the change of speaker."""
    lines = [" ".join(split_words(t)) for t in turns]
    if len(lines) <= max_lines and all(len(strip_tags(x)) <= max_chars for x in lines):
        return "\n".join(lines)
    return text


def break_penalty(words: list[str], k: int, lang: str = "en") -> float:
    """Cost of breaking before ``words[k]`` for everything except balance."""
    prev = words[k - 1]
    if "<" in prev or "{" in prev:
        prev = strip_tags(prev)
    nxt = _bare(words[k])
    glue = _GLUE.get(lang, GLUE_WORDS["en"])
    cost = 0.0
    if prev.rstrip(_QUOTES_CLOSE).endswith((".", "!", "?", "…")):
        cost -= 14
    elif prev.rstrip(_QUOTES_CLOSE).endswith((",", ";", ":", "—", "–")):
        cost -= 8
    elif nxt in _CONJUNCTIONS or nxt in PREPOSITIONS.get(lang, PREPOSITIONS["en"]):
        cost -= 6
    if _bare(prev) in glue:
        cost += 20
    return cost


_JOINED_MEASURE_WORDS = 200


def _penalties(words: list[str], lang: str) -> list[float]:
    """``break_penalty(words, k, lang)`` for every k from 1, each word's parts computed once."""
    glue = _GLUE.get(lang, GLUE_WORDS["en"])
    good_next = _CONJUNCTIONS | PREPOSITIONS.get(lang, PREPOSITIONS["en"])
    shown = [strip_tags(w) if "<" in w or "{" in w else w for w in words]
    tails = [w.rstrip(_QUOTES_CLOSE) for w in shown]
    bare_next = [_bare(w) for w in words]
    bare_prev = [b if s is w else _bare(s) for b, s, w in zip(bare_next, shown, words, strict=True)]
    out = []
    for k in range(1, len(words)):
        tail = tails[k - 1]
        cost = 0.0
        if tail.endswith((".", "!", "?", "…")):
            cost -= 14
        elif tail.endswith((",", ";", ":", "—", "–")):
            cost -= 8
        elif bare_next[k] in good_next:
            cost -= 6
        if bare_prev[k - 1] in glue:
            cost += 20
        out.append(cost)
    return out


def _width(words: list[str]) -> int:
    return len(strip_tags(" ".join(words)))


class _Layout:
    """Widths of word runs and break costs of one text, computed once per text.

    A run's width is a prefix-sum difference of the words' visible widths (a
    tag, even one holding a space like ``<font color=red>``, is inside one word).
    Only if the words' tags do not add up to the joined text's (a broken tag
    read differently once joined) are the joined runs measured: that costs the
    square of the words, so it is done for short texts only.
    """

    def __init__(self, words: list[str], lang: str) -> None:
        self.words = words
        sizes = [len(strip_tags(w)) if "<" in w or "{" in w else len(w) for w in words]
        self.tagged = len(words) <= _JOINED_MEASURE_WORDS and sum(sizes) + len(words) - 1 != _width(
            words
        )
        self.prefix = [0]
        for size in sizes:
            self.prefix.append(self.prefix[-1] + size)
        self.penalty = [0.0, *_penalties(words, lang)]

    def width(self, a: int, b: int) -> int:
        if self.tagged:
            return _width(self.words[a:b])
        return self.prefix[b] - self.prefix[a] + (b - a - 1)


def _arrangement_cost(lay: _Layout, cuts: tuple[int, ...], max_chars: int) -> tuple[float, int]:
    bounds = (0, *cuts, len(lay.words))
    widths = [lay.width(a, b) for a, b in pairwise(bounds)]
    over = sum(max(0, w - max_chars) for w in widths)
    # Overflow dominates; then punctuation/glue; then balance (bottom-heavy is
    # slightly preferred, as style guides ask for a pyramid shape).
    score = over * 100 + sum(lay.penalty[k] for k in cuts)
    score += (max(widths) - min(widths)) * 0.5
    score += 0.2 if widths[0] > widths[-1] else 0
    return score, over


def _best(lay: _Layout, lines: int, max_chars: int) -> tuple[float, tuple[int, ...], int]:
    if lines == 2 and not lay.tagged:
        return _best_two(lay, max_chars)
    best: tuple[float, tuple[int, ...], int] | None = None
    for cuts in combinations(range(1, len(lay.words)), lines - 1):
        score, over = _arrangement_cost(lay, cuts, max_chars)
        if best is None or score < best[0]:
            best = (score, cuts, over)
    assert best is not None
    return best


def _best_two(lay: _Layout, max_chars: int) -> tuple[float, tuple[int, ...], int]:
    """``_best`` for two lines, inlined: the case of almost every cue."""
    n = len(lay.words)
    prefix, penalty = lay.prefix, lay.penalty
    total = prefix[n] + n - 1
    best: tuple[float, tuple[int, ...], int] | None = None
    for k in range(1, n):
        top = prefix[k] + k - 1
        bottom = total - top - 1
        over = max(0, top - max_chars) + max(0, bottom - max_chars)
        score = over * 100 + penalty[k] + abs(top - bottom) * 0.5 + (0.2 if top > bottom else 0)
        if best is None or score < best[0]:
            best = (score, (k,), over)
    assert best is not None
    return best


def break_lines(text: str, max_chars: int = 42, max_lines: int = 2, lang: str = "en") -> str:
    """Re-break ``text``; dialogue lines (starting with '-') keep their own lines.

    Uses as few lines as fit: one line when the text fits, else two, and more
    only when ``max_lines`` allows and fewer do not fit.
    """
    return _break_lines(text, max_chars, max_lines, lang)


# ``fix`` asks for the same text's breaks up to three times (the check before,
# the fix, the check after): on a 50,000-cue file that is most of its time.
@functools.lru_cache(maxsize=4096)
def _break_lines(text: str, max_chars: int, max_lines: int, lang: str) -> str:
    if is_dialogue(text):
        return text
    turns = speaker_turns(text)
    if len(turns) > 1:
        return _turn_per_line(turns, text, max_chars, max_lines)
    words = split_words(text)
    if not words:
        return text
    if len(words) < 2 or max_lines < 2 or _width(words) <= max_chars:
        return " ".join(words)
    # Three or more lines are tried only for short cues: the search is combinatorial.
    most = min(max_lines, len(words), 2 if len(words) > 40 else max_lines)
    chosen: tuple[float, tuple[int, ...], int] | None = None
    lay = _Layout(words, lang)
    for lines in range(2, most + 1):
        chosen = _best(lay, lines, max_chars)
        if chosen[2] == 0:
            break
    assert chosen is not None
    bounds = (0, *chosen[1], len(words))
    return "\n".join(" ".join(words[a:b]) for a, b in pairwise(bounds))
