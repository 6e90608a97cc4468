"""From an alignment to differences with a severity, and a verdict per quote.

Minor: contractions (we'd / we had), articles and filler words, spelling
variants (UK/US, hyphenation), a number written as words vs digits when it is
the same number. Major: anything else, and always a changed negation, number,
person (we / they) or name, however similar the strings look.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .align import Alignment, Op, Pattern
from .normalize import (
    equivalent,
    is_abbreviation,
    numbers_in,
    same_numbers,
    without_numbers,
    word_set,
)
from .stream import CaptionStream

__all__ = [
    "CHANGED",
    "EXACT",
    "MINOR",
    "MISSING",
    "MISSING_BELOW",
    "Difference",
    "Verdict",
    "block_severity",
    "classify",
]

EXACT, MINOR, CHANGED, MISSING = "exact", "minor", "changed", "missing"
MISSING_BELOW = 0.5  # score under which the best place is only a candidate

FUNCTION_WORDS = word_set("a an the that and uh um er erm ah oh")
# English, plus the Russian and Ukrainian ones so that a check of a Russian
# article against Russian captions catches a lost "не" too.
NEGATIONS = word_set(
    "not no never nothing nobody none neither nor nowhere "
    "не ни нет никогда ничего ничем никто никого никаких нельзя ні ніколи нічого ніхто"
)
_PERSONS = {
    "1s": "i me my mine myself",
    "1p": "we us our ours ourselves",
    "2": "you your yours yourself yourselves",
    "3s": "he him his himself she her hers herself it its itself",
    "3p": "they them their theirs themselves",
}
PERSON_OF = {w: p for p, ws in _PERSONS.items() for w in ws.split()}


@dataclass(frozen=True, slots=True)
class Difference:
    # "replace" | "insert" (only in captions) | "delete" (only in the article) |
    # "cut" (a run of caption words the article dropped without an ellipsis)
    op: str
    article: str
    captions: str
    severity: str  # "minor" | "major"
    # contraction, article, spelling, number format, abbreviation, plural (terms),
    # negation, number, person, name, word, silent cut
    reason: str
    article_words: tuple[int, ...]  # pattern word indexes
    caption_words: tuple[int, ...]  # stream word indexes


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    differences: tuple[Difference, ...]


def block_severity(
    article: list[str], captions: list[str], pairs: list[tuple[str, str]], capitalised: bool
) -> tuple[str, str]:
    """(severity, reason) of one run of differing units.

    ``pairs`` are the substitutions the aligner made inside the run;
    ``capitalised`` says whether a word of the run is a name on either side.
    """
    if Counter(k for k in article if k in NEGATIONS) != Counter(
        k for k in captions if k in NEGATIONS
    ):
        return "major", "negation"
    nums_a = numbers_in(article)
    if not same_numbers(nums_a, numbers_in(captions)):
        return "major", "number"
    if Counter(PERSON_OF[k] for k in article if k in PERSON_OF) != Counter(
        PERSON_OF[k] for k in captions if k in PERSON_OF
    ):
        return "major", "person"
    if len(article) == len(captions) and pairs and all(equivalent(a, c) for a, c in pairs):
        if any(a.startswith("'") or c.startswith("'") for a, c in pairs) or any(
            a == c for a, c in pairs
        ):
            return "minor", "contraction"
        if nums_a:
            return "minor", "number format"
        return "minor", "spelling"
    if (
        article
        and captions
        and "".join(article) == "".join(captions)
        and not FUNCTION_WORDS.intersection(article + captions)
    ):
        return "minor", "spelling"  # front-line / frontline, but not "a part" / "apart"
    if nums_a and without_numbers(article) == without_numbers(captions):
        return "minor", "number format"
    content_a = [k for k in article if k not in FUNCTION_WORDS]
    content_c = [k for k in captions if k not in FUNCTION_WORDS]
    if content_a == content_c:
        return "minor", "article"
    if capitalised:
        return "major", "name"
    return "major", "word"


def _blocks(ops: tuple[Op, ...], pattern: Pattern, stream: CaptionStream) -> list[list[Op]]:
    """Runs of ops that are not clean matches; a word split into units stays in one run."""

    def clean(op: Op) -> bool:
        if op.q is None or op.c is None:
            return op.free
        qw, cw = pattern.units[op.q].word, stream.unit_word[op.c]
        return (
            pattern.units[op.q].key == stream.keys[op.c]
            and pattern.words[qw].norm == stream.words[cw].norm
        )

    dirty = [not clean(op) for op in ops]
    # A word whose units are partly dirty ("couldn't" vs "could") is dirty as a whole.
    for _ in range(2):
        bad_q = {
            pattern.units[op.q].word
            for op, d in zip(ops, dirty, strict=True)
            if d and op.q is not None
        }
        bad_c = {
            stream.unit_word[op.c]
            for op, d in zip(ops, dirty, strict=True)
            if d and op.c is not None
        }
        dirty = [
            d
            or (op.q is not None and pattern.units[op.q].word in bad_q)
            or (op.c is not None and stream.unit_word[op.c] in bad_c)
            for op, d in zip(ops, dirty, strict=True)
        ]
    blocks: list[list[Op]] = []
    current: list[Op] = []
    for op, d in zip(ops, dirty, strict=True):
        # A silent cut is a difference of its own, not part of a neighbouring word's.
        if current and d and op.cut != current[-1].cut:
            blocks.append(current)
            current = []
        if d:
            current.append(op)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_NAME = re.compile(r"^[A-ZА-ЯЁ]")


def _is_name(pattern: Pattern, wi: int) -> bool:
    """A capitalised word that does not start the quote or a sentence."""
    w = pattern.words[wi]
    if wi == 0 or not _NAME.match(w.text) or w.text in ("I", "I'm", "I've", "I'd", "I'll"):
        return False
    prev = pattern.words[wi - 1]
    if pattern.word_part[wi] != pattern.word_part[wi - 1]:
        return False
    between = pattern.parts[pattern.word_part[wi]].text[
        prev.end - pattern.parts[pattern.word_part[wi]].start : w.start
        - pattern.parts[pattern.word_part[wi]].start
    ]
    return not re.search(r"[.!?…:]", between)


def _article_text(pattern: Pattern, words: list[int]) -> str:
    """The words as written (with their hyphens and punctuation) when they are contiguous."""
    if not words:
        return ""
    first, last = words[0], words[-1]
    part = pattern.word_part[first]
    if last - first + 1 == len(words) and pattern.word_part[last] == part:
        p = pattern.parts[part]
        return p.text[pattern.words[first].start - p.start : pattern.words[last].end - p.start]
    return " ".join(pattern.words[wi].text for wi in words)


def _caption_text(stream: CaptionStream, words: list[int]) -> str:
    if words and words[-1] - words[0] + 1 == len(words):
        return stream.span_text(words[0], words[-1])
    return " ".join(stream.words[wi].text for wi in words)


def _difference(block: list[Op], pattern: Pattern, stream: CaptionStream) -> Difference:
    qs = [op.q for op in block if op.q is not None and not (op.free and op.c is None)]
    cs = [op.c for op in block if op.c is not None and not (op.free and op.q is None)]
    a_keys = [pattern.units[q].key for q in qs]
    c_keys = [stream.keys[c] for c in cs]
    pairs = [
        (pattern.units[op.q].key, stream.keys[op.c])
        for op in block
        if op.q is not None and op.c is not None
    ]
    a_words = sorted({pattern.units[q].word for q in qs})
    c_words = sorted({stream.unit_word[c] for c in cs})
    capitalised = any(_is_name(pattern, wi) for wi in a_words)
    if block[0].cut:
        # Words of the speech dropped from the middle of the quote without an ellipsis.
        severity, reason, op = "major", "silent cut", "cut"
    else:
        severity, reason = block_severity(a_keys, c_keys, pairs, capitalised)
        if reason == "contraction" and (
            any(is_abbreviation(pattern.words[wi].text, pattern.words[wi].norm) for wi in a_words)
            or any(is_abbreviation(stream.words[wi].text, stream.words[wi].norm) for wi in c_words)
        ):
            reason = "abbreviation"  # "U.S." / "United States", "Dr" / "Doctor"
        op = "replace" if a_words and c_words else ("delete" if a_words else "insert")
    return Difference(
        op,
        _article_text(pattern, a_words),
        _caption_text(stream, c_words),
        severity,
        reason,
        tuple(a_words),
        tuple(c_words),
    )


def _hidden_negations(
    ops: tuple[Op, ...], stream: CaptionStream, pattern: Pattern
) -> list[Difference]:
    """Caption words an ellipsis skips that hold a negation of the sentence the quote
    goes on with ("We did … abandon" for "We did not abandon"): the meaning turns.
    Not when the quote is negated right before the ellipsis ("we can not dedicate …
    this ground" skips "we can not consecrate"): the negation is kept."""
    runs: list[list[int]] = []  # stream units skipped at each ellipsis
    previous_free = False
    recent: list[str] = []  # the article's last units before the current op
    for op in ops:
        free = op.free and op.q is None and op.c is not None
        if free and op.c is not None:
            if not previous_free and not NEGATIONS.intersection(recent[-3:]):
                runs.append([])
            elif not previous_free:
                runs.append([-1])  # a run to ignore
            runs[-1].append(op.c)
        elif op.q is not None:
            recent.append(pattern.units[op.q].key)
        previous_free = free
    runs = [r for r in runs if r[0] != -1]
    diffs = []
    for units in runs:
        if not any(stream.keys[u] in NEGATIONS for u in units):
            continue
        first, last = stream.unit_word[units[0]], stream.unit_word[units[-1]]
        around = stream.span_text(max(0, first - 1), min(len(stream.words) - 1, last + 1))
        if re.search(r"[.!?…]", around):
            continue  # whole sentences left out: their negations are not the quote's
        words = tuple(range(first, last + 1))
        text = _caption_text(stream, list(words))
        diffs.append(Difference("insert", "…", text, "major", "negation", (), words))
    return diffs


def _plural(d: Difference) -> Difference:
    """A term's noun in the plural ("front lines" for the captions' "front line") names
    the same thing: minor."""
    a, c = d.article.lower(), d.captions.lower()
    one_word = d.reason == "word" and a and c and " " not in a + c
    if one_word and (a in (c + "s", c + "es") or c in (a + "s", a + "es")):
        return replace(d, severity="minor", reason="plural")
    return d


def classify(
    alignment: Alignment | None, pattern: Pattern, stream: CaptionStream, kind: str = "speech"
) -> Verdict:
    if alignment is None or alignment.score < MISSING_BELOW:
        return Verdict(MISSING, ())
    diffs = []
    for block in _blocks(alignment.ops, pattern, stream):
        d = _difference(block, pattern, stream)
        if d.article_words or d.caption_words:
            diffs.append(d)
    diffs.extend(_hidden_negations(alignment.ops, stream, pattern))
    if kind == "term":
        diffs = [_plural(d) for d in diffs]
    if not diffs:
        return Verdict(EXACT, ())
    if any(d.severity == "major" for d in diffs):
        # A scare-quoted term is a phrase: with a real change it is simply not there.
        return Verdict(MISSING if kind == "term" else CHANGED, tuple(diffs))
    return Verdict(MINOR, tuple(diffs))
