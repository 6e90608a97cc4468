"""Inputs built to cost the square of their size: each case at sizes growing 10x.

Every parser, writer and regex must be linear (or bounded) in its input. Each
case below once took minutes on a hostile input (issue 15); the script runs it
at two or three sizes, each ten times the last, and prints the time ratio
between consecutive sizes: about 10x is linear, about 100x would be quadratic.
A ratio under 10x is fine (fixed costs dominate the small size).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subtools.check import FixOptions, fix_track, load_profile
from subtools.io.srt import parse_srt
from subtools.io.vtt import write_vtt
from subtools.linebreak import _break_lines, break_lines
from subtools.model import Cue, Track
from subtools.quotes.article import parse_article
from subtools.quotes.extract import extract_quotes
from subtools.translate.glossary import MAX_TERM_CHARS, GlossaryEntry, check_glossary
from subtools.translate.sentences import plan_track

ROUNDS = 3
# A ratio above this between two sizes 10x apart is reported as not linear.
LIMIT = 20.0


def best(fn: Callable[[], object]) -> float:
    """Best CPU seconds of ``ROUNDS`` runs: the steadier measure on a shared machine
    (line breaking's cache is emptied first: each run computes)."""
    times = []
    for _ in range(ROUNDS):
        _break_lines.cache_clear()
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def _one_cue(text: str) -> Track:
    return Track((Cue(0, 600_000, text),))


def _glossary(n: int) -> object:
    # A longest allowed term against a track of n characters in long words.
    term = "а" * MAX_TERM_CHARS
    track = Track((Cue(0, 600_000, ("б" * 1000 + " ") * (n // 1000)),))
    plan = plan_track(track)
    return check_glossary(plan, [s.text for s in plan.sentences], [GlossaryEntry(term, "x", 1)])


PROFILE = load_profile("netflix-en")

CASES: list[tuple[str, tuple[int, ...], Callable[[int], object]]] = [
    (
        "WebVTT write: '<' + n letters",
        (16_000, 160_000),
        lambda n: write_vtt([Cue(0, 1, "<" + "a" * n)]),
    ),
    (
        "quotes: Markdown '\"*a ' x n",
        (2_000, 20_000),
        lambda n: extract_quotes(parse_article('"' + "*a " * n + '"', "markdown")),
    ),
    (
        "quotes: Markdown '_a ' x n",
        (2_000, 20_000),
        lambda n: extract_quotes(parse_article('"' + "_a " * n + '"', "markdown")),
    ),
    ("glossary check: 200-letter term, n chars", (10_000, 100_000), _glossary),
    (
        "sentences: initials 'А. ' x n/3",
        (1_000, 10_000, 100_000),
        lambda n: plan_track(_one_cue("А. " * (n // 3))),
    ),
    (
        "sentences: 'a' + n spaces + 'b'",
        (1_000, 10_000, 100_000),
        lambda n: plan_track(_one_cue("a" + " " * n + "b")),
    ),
    (
        "sentences: 'a' + '♪ ' x n/2 + 'b'",
        (1_000, 10_000, 100_000),
        lambda n: plan_track(_one_cue("a" + "♪ " * (n // 2) + "b")),
    ),
    (
        "sentences: n dots then a letter",
        (1_000, 10_000, 100_000),
        lambda n: plan_track(_one_cue("." * n + "a")),
    ),
    ("line breaking: '<i>a ' x n/5", (2_000, 20_000), lambda n: break_lines("<i>a " * (n // 5))),
    (
        # Bounded, not linear: up to 400 words every cut is tried; past them, refused.
        "fix --split-long: <i>n/5 words</i>",
        (1_990, 19_900),
        lambda n: fix_track(
            _one_cue("<i>" + "word " * (n // 5) + "</i>"), PROFILE, FixOptions(split_long=True)
        ),
    ),
    (
        "SRT read: one cue of n chars",
        (100_000, 1_000_000),
        lambda n: parse_srt("1\n00:00:01,000 --> 00:00:02,000\n<" + "a " * (n // 2) + "\n"),
    ),
]


def main() -> None:
    worst = 0.0
    print(f"best CPU time of {ROUNDS}; ratio = time at 10x the size / time at the size")
    for name, sizes, fn in CASES:
        times = [best(lambda n=n, fn=fn: fn(n)) for n in sizes]
        ratios = [b / max(a, 1e-4) for a, b in pairwise(times)]
        worst = max(worst, *ratios)
        shown = "  ".join(f"n={n:,}: {t * 1000:8.1f} ms" for n, t in zip(sizes, times, strict=True))
        print(f"{name:<42} {shown}  ratio {' / '.join(f'{r:4.1f}x' for r in ratios)}")
    verdict = "linear" if worst <= LIMIT else "NOT LINEAR"
    print(f"worst ratio {worst:.1f}x per 10x input: {verdict}")


if __name__ == "__main__":
    main()
