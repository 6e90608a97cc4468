"""Fixes that change the number of cues, run only when asked: ``--split-long`` and
``--merge-short``. Both keep every word in order; a split or merge is made only
when its result passes the timing rules it is meant to satisfy.
"""

from __future__ import annotations

from collections import Counter

from ..linebreak import (
    BAD_LINE_ENDS,
    break_lines,
    break_penalty,
    is_dialogue,
    line_end_word,
    split_words,
)
from ..model import Cue
from ..tags import POSITION_TAG
from .fix import Change, Item, Log, fits, needed_ms, overflow, span
from .layout import open_tags, tag_problem
from .profiles import Profile
from .text import char_count

__all__ = ["MAX_SPLIT_WORDS", "merge_short", "split_long", "split_refusal"]

_MAX_DEPTH = 6  # a cue is split into at most 2**6 parts


def _starts_with_dash(text: str) -> bool:
    return any(line.lstrip().startswith(("-", "–", "—")) for line in text.split("\n"))


def _too_long(cue: Cue, p: Profile) -> bool:
    long_time = p.severity("max-duration", "error") is not None and cue.duration > p.max_duration_ms
    return long_time or not fits(cue.text, p)


def split_long(items: list[Item], p: Profile, lang: str, log: Log) -> list[Item]:
    out: list[Item] = []
    for it in items:
        parts = _split(it.cue, p, lang, 0)
        if len(parts) > 1:
            log(
                Change(
                    it.origin,
                    "split",
                    f"split into {len(parts)} cues",
                    f"{span(it.cue)} {it.cue.text}",
                    " | ".join(f"{span(c)} {c.text}" for c in parts),
                )
            )
        out.extend(Item(it.origin, c) for c in parts)
    return out


# Past this many words a cue is not a caption (a pasted paragraph): trying every
# cut would cost the square of its length, and a person has to split it anyway.
MAX_SPLIT_WORDS = 400


def _split(cue: Cue, p: Profile, lang: str, depth: int) -> list[Cue]:
    if depth >= _MAX_DEPTH or not _too_long(cue, p) or _starts_with_dash(cue.text):
        return [cue]
    best, _ = _best_split(cue, p, lang)
    if best is None:
        return [cue]
    return _split(best[0], p, lang, depth + 1) + _split(best[1], p, lang, depth + 1)


def _stranded(text: str, glue: frozenset[str]) -> int:
    """Lines of ``text`` that end with an article or preposition."""
    return sum(line_end_word(line) in glue for line in text.split("\n"))


def _best_split(cue: Cue, p: Profile, lang: str) -> tuple[tuple[Cue, Cue] | None, Counter[str]]:
    """The best two-cue split of ``cue`` (None if there is none) and, per reason,
    how many cuts were rejected.

    A cut never leaves an article or preposition at the end of the first cue;
    one that leaves it at the end of a line costs more than any overflow.
    """
    words = split_words(cue.text)
    rejected: Counter[str] = Counter()
    if len(words) > MAX_SPLIT_WORDS:
        rejected["words"] += 1
        return None, rejected
    glue = BAD_LINE_ENDS.get(lang, BAD_LINE_ENDS["en"]) | BAD_LINE_ENDS["en"]
    gap = p.min_gap_ms
    best: tuple[float, Cue, Cue] | None = None
    balanced = tag_problem(cue.text) is None
    position = POSITION_TAG.search(cue.text)
    for k in range(1, len(words)):
        if line_end_word(words[k - 1]) in glue:
            rejected["glue"] += 1
            continue
        a_raw, b_raw = _cut_tags(" ".join(words[:k]), " ".join(words[k:]), balanced)
        if position and not POSITION_TAG.search(b_raw):
            b_raw = position.group() + b_raw  # both parts stay where the cue was placed
        if tag_problem(a_raw) or tag_problem(b_raw):
            rejected["tags"] += 1
            continue  # inside a tag, or the cue's own markup is broken: a person's call
        ca, cb = char_count(a_raw), char_count(b_raw)
        cut = cue.start + round(cue.duration * ca / (ca + cb))
        if cut - gap <= cue.start or cut >= cue.end:
            rejected["short"] += 1
            continue
        if cut - gap - cue.start < needed_ms(a_raw, p) or cue.end - cut < needed_ms(b_raw, p):
            rejected["fast"] += 1
            continue  # the split would only trade a long cue for a fast one
        a = Cue(cue.start, cut - gap, break_lines(a_raw, p.max_chars_per_line, p.max_lines, lang))
        b = Cue(cut, cue.end, break_lines(b_raw, p.max_chars_per_line, p.max_lines, lang))
        over = sum(overflow(a.text, p)) + sum(overflow(b.text, p))
        stranded = _stranded(a.text, glue) + _stranded(b.text, glue)
        score = stranded * 10_000 + over * 100 + break_penalty(words, k, lang)
        score += abs(ca - cb) * 0.2
        if best is None or score < best[0]:
            best = (score, a, b)
    return (None if best is None else (best[1], best[2])), rejected


def split_refusal(cue: Cue, p: Profile, lang: str) -> str | None:
    """Why ``--split-long`` leaves ``cue`` (too long) as it is; None if it can split it."""
    if not _too_long(cue, p):
        return None
    if _starts_with_dash(cue.text):
        return "not split: a dialogue cue keeps one speaker per line; split it by hand"
    words = split_words(cue.text)
    if len(words) < 2:
        return "not split: a single word"
    best, rejected = _best_split(cue, p, lang)
    if best is not None:
        return f"not split further: a cue is split into at most {2**_MAX_DEPTH} parts"
    if rejected["words"]:
        return f"not split: {len(words)} words, more than {MAX_SPLIT_WORDS}; split it by hand"
    if rejected["fast"]:
        need = needed_ms(cue.text, p)
        return (
            f"not split: two parts would be too fast to read ({char_count(cue.text)} "
            f"characters need {need} ms, plus {p.min_gap_ms} ms between the parts; "
            f"the cue lasts {cue.duration} ms); shorten the text or give it more time"
        )
    if rejected["short"]:
        return f"not split: {cue.duration} ms is too short for two cues and a gap"
    if rejected["tags"]:
        return "not split: every cut falls inside a tag or the markup is broken"
    return "not split: every cut would leave an article or preposition at a cue end"


def _cut_tags(a: str, b: str, balanced: bool) -> tuple[str, str]:
    """Close the tags open at the split point at the end of ``a`` and reopen them at
    the start of ``b`` (an italic cue split in two is two italic cues); only when the
    cue's markup is balanced, so that the guess cannot be wrong."""
    if not balanced or "<" not in a:
        return a, b
    still_open = open_tags(a)
    closers = "".join(f"</{name}>" for name, _ in reversed(still_open))
    return a + closers, "".join(tag for _, tag in still_open) + b


def merge_short(items: list[Item], p: Profile, lang: str, max_gap_ms: int, log: Log) -> list[Item]:
    out = list(items)
    i = 0
    while i < len(out):
        cue = out[i].cue
        if cue.duration >= needed_ms(cue.text, p):
            i += 1
            continue
        merged = _merge(out, i, i + 1, p, lang, max_gap_ms, log)
        if merged is None:
            merged = _merge(out, i - 1, i, p, lang, max_gap_ms, log)
        if merged is None:
            i += 1
        else:
            i = merged
    return out


def _merge(
    out: list[Item], a: int, b: int, p: Profile, lang: str, max_gap_ms: int, log: Log
) -> int | None:
    """Merge ``out[a]`` and ``out[b]`` in place when the result needs no more fixing;
    return the merged index, or None."""
    if a < 0 or b >= len(out):
        return None
    x, y = out[a].cue, out[b].cue
    if y.start < x.start or y.start - x.end > max_gap_ms:
        return None
    if _starts_with_dash(x.text) or _starts_with_dash(y.text) or is_dialogue(y.text):
        return None
    # Cues placed differently ({\an8} at the top) cannot share one place; cues placed
    # alike keep one position tag, at the front where renderers look for it.
    x_pos, y_pos = POSITION_TAG.findall(x.text), POSITION_TAG.findall(y.text)
    if x_pos != y_pos:
        return None
    y_text = POSITION_TAG.sub("", y.text, count=1) if y_pos else y.text
    text = break_lines(f"{x.text} {y_text}", p.max_chars_per_line, p.max_lines, lang)
    if not fits(text, p) or tag_problem(text):
        return None
    start, end = x.start, max(x.end, y.end)
    room = end
    if b + 1 < len(out):
        after = out[b + 1].cue
        if after.start < start:
            return None
        room = max(end, after.start - p.min_gap_ms)
    else:
        room = max(end, start + p.max_duration_ms)
    limit = start + p.max_duration_ms
    if end > limit or min(room, limit) - start < needed_ms(text, p):
        return None
    merged = Cue(start, end, text)
    log(
        Change(
            out[a].origin,
            "merge",
            f"merged with cue {out[b].origin}",
            f"{span(x)} {x.text} | {span(y)} {y.text}",
            f"{span(merged)} {text}",
        )
    )
    out[a : b + 1] = [Item(out[a].origin, merged)]
    return a
