"""Where a sentence ends in caption text.

A full stop, "!", "?" or an ellipsis (with closing quotes or brackets) before a
space or the end of the text ends a sentence, unless what follows says the
sentence goes on: a wrong end sends fragments ("В.", "е.", "...это ещё не
всё.") to the model, which translates each into nonsense, while a missed end
only makes one input a little longer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["ELLIPSES", "split_piece", "uses_capitals"]

ELLIPSES = ("...", "…")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s|$)")
_FIRST_WORD = re.compile(r"[^\W_]")
_MARK_THEN_LETTER = re.compile(r"[.!?…][\"'»”’)\]]*\s+[^\w]*?([^\W\d_])")
# The word before a final single full stop, and the word before that.
_LAST_WORD = re.compile(r"(?:(?P<prev>\S+)\s+)?(?P<word>[^\W\d_]+)\.$")
# A one-letter capital before a full stop and a capitalised word is an initial
# ("В. В. Путин"), except the pronoun "Я" ("Кто там? Я. Открывай.").
_NOT_INITIALS = frozenset({"Я"})
# Titles and abbreviations written before a name or a number.
_TITLES = frozenset(
    ["ул", "им", "св", "тов", "ген", "проф", "акад", "гр", "mr", "mrs", "ms", "dr", "st", "prof"]
)
# "г." is "город" before a name, "год" (may end a sentence) after a number.
_YEAR_ABBREVIATIONS = frozenset({"г", "гг"})


def uses_capitals(texts: Sequence[str]) -> bool:
    """Whether a text in ``texts``, or a word after an end mark, starts with a capital."""
    for text in texts:
        first = _FIRST_WORD.search(text)
        if first and first.group().isupper():
            return True
    joined = " ".join(texts)
    return any(m.group(1).isupper() for m in _MARK_THEN_LETTER.finditer(joined))


def _ends_sentence(before: str, after: str | None, cased: bool = True) -> bool:
    """Whether the end mark closing ``before`` ends the sentence, given what follows.

    ``after`` is the text that would continue the sentence (None: nothing can,
    e.g. a dialogue dash or a long pause comes next). Russian and English
    sentences start with a capital, so a mark before a lowercase word is an
    abbreviation ("т. е.") or a pause ("Я думал… что"); a leading ellipsis
    continues a sentence; an initial ("В. В. Путин") or a title before a name
    does not end one either. ``cased``: the track writes sentences with
    capitals; if not, only the ellipsis continues a sentence.
    """
    rest = (after or "").lstrip()
    first = _FIRST_WORD.search(rest)
    if first is None:
        return True
    if rest.startswith(ELLIPSES) or (cased and first.group().islower()):
        return False
    m = _LAST_WORD.search(before)
    if m is None or not first.group().isupper():
        return True
    word, prev = m.group("word"), m.group("prev") or ""
    if len(word) == 1 and word.isupper() and word not in _NOT_INITIALS:
        return False
    low = word.lower()
    return not (low in _TITLES or (low in _YEAR_ABBREVIATIONS and not prev[:1].isdigit()))


def split_piece(text: str, follow: str | None, cased: bool) -> list[tuple[int, int, bool]]:
    """(start, end, ends_sentence) parts of a piece's text; ``follow``: the next piece's."""
    parts: list[tuple[int, int, bool]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        rest = text[m.end() :] if m.end() < len(text) else follow
        if not _ends_sentence(text[start : m.end()], rest, cased):
            continue
        if text[start : m.end()].strip():
            parts.append((start, m.end(), True))
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        parts.append((start, len(text), False))
    return parts
