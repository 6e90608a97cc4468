"""Balanced line breaking for captions.

Chooses where to break a cue's text into at most ``max_lines`` lines of at most
``max_chars`` visible characters. Among the breaks that fit, the best one is
balanced and falls after punctuation or before a conjunction, never right after
an article or preposition when another break fits. Words are never changed.
"""

from __future__ import annotations

from .tags import strip_tags

__all__ = ["GLUE_WORDS", "break_lines", "break_penalty"]

# Words that should stay on the line with the word after them (kept as data per language).
GLUE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "a",
            "an",
            "the",
            "of",
            "to",
            "in",
            "on",
            "at",
            "by",
            "for",
            "from",
            "with",
            "into",
            "onto",
            "about",
            "over",
            "under",
            "after",
            "before",
            "and",
            "or",
            "but",
            "nor",
            "so",
            "my",
            "your",
            "his",
            "her",
            "its",
            "our",
            "their",
            "this",
            "that",
            "these",
            "those",
        ]
    ),
    "ru": frozenset(
        [
            "в",
            "во",
            "на",
            "с",
            "со",
            "к",
            "ко",
            "о",
            "об",
            "от",
            "до",
            "по",
            "за",
            "из",
            "у",
            "и",
            "а",
            "но",
            "не",
            "ни",
            "же",
        ]
    ),
}
_CONJUNCTIONS = frozenset(
    [
        "and",
        "but",
        "or",
        "because",
        "which",
        "who",
        "that",
        "when",
        "while",
        "if",
        "so",
        "и",
        "но",
        "а",
        "или",
        "что",
    ]
)


def break_penalty(words: list[str], k: int, lang: str = "en") -> float:
    """Cost of breaking before ``words[k]`` for everything except balance."""
    prev = strip_tags(words[k - 1])
    nxt = strip_tags(words[k]).lower().strip("\"'«(")
    glue = GLUE_WORDS.get(lang, GLUE_WORDS["en"]) | GLUE_WORDS["en"]
    cost = 0.0
    if prev.rstrip("\"'»)").endswith((".", "!", "?", "…")):
        cost -= 14
    elif prev.rstrip("\"'»)").endswith((",", ";", ":", "—", "–")):
        cost -= 8
    elif nxt in _CONJUNCTIONS:
        cost -= 4
    if prev.lower().strip("\"'«(") in glue:
        cost += 20
    return cost


def _width(words: list[str]) -> int:
    return len(strip_tags(" ".join(words)))


def break_lines(text: str, max_chars: int = 42, max_lines: int = 2, lang: str = "en") -> str:
    """Re-break ``text``; dialogue lines (starting with '-') keep their own lines."""
    lines = text.split("\n")
    if len(lines) > 1 and all(line.lstrip().startswith(("-", "–", "—")) for line in lines):
        return text
    words = text.split()
    if not words:
        return text
    if _width(words) <= max_chars or max_lines < 2:
        return " ".join(words)
    best: tuple[float, int] | None = None
    for k in range(1, len(words)):
        top, bottom = _width(words[:k]), _width(words[k:])
        over = max(0, top - max_chars) + max(0, bottom - max_chars)
        # Overflow dominates; then punctuation/glue; then balance (bottom-heavy is
        # slightly preferred, as style guides ask for a pyramid shape).
        score = over * 100 + break_penalty(words, k, lang) + abs(top - bottom) * 0.5
        score += 0.2 if top > bottom else 0
        if best is None or score < best[0]:
            best = (score, k)
    assert best is not None
    k = best[1]
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])
