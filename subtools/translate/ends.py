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
# Matches start only where a run of marks starts, and never give back what they
# took: a long run of marks or spaces must cost its length, not its square.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'»”’)\]]*+(?=\s|$)")
_FIRST_WORD = re.compile(r"[^\W_]")
# A word character after a stretch of non-word characters (the stretch is where
# an end mark can stand), and the mark followed by a space inside such a stretch.
_GAP_THEN_WORD = re.compile(r"(\W++)(\w)")
_MARK_SPACE = re.compile(r"[.!?…][\"'»”’)\]]*+\s")
_LETTER = re.compile(r"[^\W\d_]")
# Only short words matter before a full stop (initials, titles, "г."), so the
# scan back from the stop is bounded and a long run of words costs no more.
_SHORT_WORD = 8
_SHORT_PREV = 64
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
    return any(
        m.group(2).isupper() and _LETTER.match(m.group(2)) and _MARK_SPACE.search(m.group(1))
        for m in _GAP_THEN_WORD.finditer(joined)
    )


def _last_word(text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """In ``text[lo:hi]``: the letters before a final single full stop (at most the
    last 8), and the word before them.

    The previous word is "" when there is none or it is longer than 64 characters
    (only its first character is used: a digit before "г." makes it "год").
    Indices, not a slice: a sentence that does not end yet grows with every mark.
    """
    end = hi - 1
    if end < lo + 1 or text[end] != ".":
        return None
    i = end
    while i > lo and end - i < _SHORT_WORD and _LETTER.match(text[i - 1]):
        i -= 1
    if i == end:
        return None
    word = text[i:end]
    j = i
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j in (i, lo):
        return word, ""
    k = j
    while k > lo and j - k < _SHORT_PREV and not text[k - 1].isspace():
        k -= 1
    prev = text[k:j] if k == lo or text[k - 1].isspace() else ""
    return word, prev


def _ends_sentence(
    text: str, lo: int, hi: int, first: re.Match[str] | None, after: str, cased: bool = True
) -> bool:
    """Whether the end mark closing ``text[lo:hi]`` ends the sentence, given what follows.

    ``first`` is the first letter or digit of what would continue the sentence
    (in ``after``, which starts there after spaces; None: nothing can, e.g. a
    dialogue dash or a long pause comes next). Russian and English
    sentences start with a capital, so a mark before a lowercase word is an
    abbreviation ("т. е.") or a pause ("Я думал… что"); a leading ellipsis
    continues a sentence; an initial ("В. В. Путин") or a title before a name
    does not end one either. ``cased``: the track writes sentences with
    capitals; if not, only the ellipsis continues a sentence.
    """
    if first is None:
        return True
    if after.startswith(ELLIPSES) or (cased and first.group().islower()):
        return False
    last = _last_word(text, lo, hi)
    if last is None or not first.group().isupper():
        return True
    word, prev = last
    if len(word) == 1 and word.isupper() and word not in _NOT_INITIALS:
        return False
    low = word.lower()
    return not (low in _TITLES or (low in _YEAR_ABBREVIATIONS and not prev[:1].isdigit()))


def split_piece(text: str, follow: str | None, cased: bool) -> list[tuple[int, int, bool]]:
    """(start, end, ends_sentence) parts of a piece's text; ``follow``: the next piece's."""
    parts: list[tuple[int, int, bool]] = []
    start = 0
    # The first letter or digit after a mark is found once for all the marks
    # before it (". . . . a" must not search the rest of the text per mark).
    first: re.Match[str] | None = None
    searched = False
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if end < len(text):
            if not searched or (first is not None and first.start() < end):
                first, searched = _FIRST_WORD.search(text, end), True
            nxt = first
            at = end
            while at < len(text) and text[at].isspace():
                at += 1
            after = text[at : at + 3]
        else:
            rest = (follow or "").lstrip()
            nxt, after = _FIRST_WORD.search(rest), rest[:3]
        if not _ends_sentence(text, start, end, nxt, after, cased):
            continue
        if text[start:end].strip():
            parts.append((start, end, True))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        parts.append((start, len(text), False))
    return parts
