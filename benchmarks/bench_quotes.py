"""Quote matching speed: 100 quotes against a generated 2,000-cue track.

Compares subtools' matcher (rare-word anchors, then a small word-level
alignment per candidate) with a naive baseline in the same run: rapidfuzz
``partial_ratio`` of every quote against every window of 1-4 consecutive cues.
Then shows how the matcher's time grows with the track length. Times are CPU
time of this process (best of 5 for subtools, one run of the baseline), so
other jobs on the machine disturb them less.

Run: .venv/bin/python benchmarks/bench_quotes.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subtools.model import Cue, Track
from subtools.quotes.article import parse_article
from subtools.quotes.normalize import tokenize
from subtools.quotes.verify import verify_paragraphs

FUNCTION = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "we",
    "that",
    "it",
    "is",
    "was",
    "for",
    "on",
    "they",
    "with",
    "not",
    "our",
    "at",
    "be",
    "this",
    "have",
    "are",
    "by",
    "from",
    "had",
    "were",
    "but",
    "us",
    "all",
    "there",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "to",
    "vi",
    "de",
    "ba",
    "no",
    "ri",
    "te",
    "su",
    "ma",
    "go",
    "pe",
    "li",
    "zo",
    "fa",
]
MAX_WINDOW = 4  # cues per baseline window: the longest quote spans at most 4 cues


def make_vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_track(n_cues: int, seed: int = 7) -> Track:
    rng = random.Random(seed)
    vocab = make_vocabulary(random.Random(1))
    # Zipf-like content words: a few very frequent, a long tail of rare ones.
    weights = [1 / (k + 1) for k in range(len(vocab))]
    cues = []
    for i in range(n_cues):
        n = rng.randint(6, 10)
        words = [
            rng.choice(FUNCTION) if rng.random() < 0.45 else rng.choices(vocab, weights)[0]
            for _ in range(n)
        ]
        text = " ".join(words[: n // 2]) + "\n" + " ".join(words[n // 2 :]) + "."
        cues.append(Cue(i * 3000, i * 3000 + 2500, text))
    return Track(tuple(cues), language="en")


def make_article(
    track: Track, n_quotes: int, seed: int = 11, within: int | None = None
) -> tuple[str, list[int]]:
    """An article quoting ``track``: mostly verbatim, some changed, a few made up."""
    rng = random.Random(seed)
    words = [(w.text, ci) for ci, cue in enumerate(track.cues[:within]) for w in tokenize(cue.text)]
    paragraphs, truth = ["Generated Article for the Benchmark"], []
    for _ in range(n_quotes):
        length = rng.randint(5, 25)
        start = rng.randrange(0, len(words) - length)
        quote = [w for w, _ in words[start : start + length]]
        roll = rng.random()
        if roll < 0.15:
            quote[rng.randrange(length)] = "changed"
        elif roll < 0.25:
            del quote[rng.randrange(length)]
        elif roll < 0.30:
            quote = ["invented"] * length
        truth.append(words[start][1] if roll >= 0.30 or roll < 0.25 else -1)
        paragraphs.append(f'He said: "{" ".join(quote)}."')
    return "\n\n".join(paragraphs), truth


def run_subtools(article: str, track: Track) -> tuple[float, list[int]]:
    t0 = time.process_time()
    results = verify_paragraphs(parse_article(article), track)
    elapsed = time.process_time() - t0
    found = [r.match.cues[0].number - 1 if r.match else -1 for r in results]
    return elapsed, found


def run_baseline(article: str, track: Track) -> tuple[float, list[int]]:
    from rapidfuzz import fuzz

    t0 = time.process_time()
    quotes = [p.text.split('"')[1].lower() for p in parse_article(article)[1:]]
    texts = [" ".join(c.text.lower().split()) for c in track.cues]
    windows = [
        (i, " ".join(texts[i : i + k]))
        for k in range(1, MAX_WINDOW + 1)
        for i in range(len(texts) - k + 1)
    ]
    found = []
    for q in quotes:
        best, where = -1.0, -1
        for i, text in windows:
            score = fuzz.partial_ratio(q, text)
            if score > best:
                best, where = score, i
        found.append(where if best >= 90 else -1)
    return time.process_time() - t0, found


def located(found: list[int], truth: list[int]) -> int:
    return sum(1 for f, t in zip(found, truth, strict=True) if t >= 0 and abs(f - t) <= 1)


def main() -> None:
    track = make_track(2000)
    article, truth = make_article(track, 100)
    expected = sum(1 for t in truth if t >= 0)
    ours, found = run_subtools(article, track)
    ours = min(ours, *(run_subtools(article, track)[0] for _ in range(4)))
    print(f"100 quotes vs 2,000 cues ({sum(len(c.text.split()) for c in track.cues)} words)")
    print(
        f"  subtools matcher:             {ours:7.3f} s  located {located(found, truth)}/{expected}"
    )
    base, bfound = run_baseline(article, track)
    print(
        f"  rapidfuzz partial_ratio x every 1-{MAX_WINDOW} cue window: {base:7.3f} s  "
        f"located {located(bfound, truth)}/{expected}"
    )
    print(f"  speed-up: {base / ours:.0f}x")
    print("\ngrowth with track length (same 100 quotes, taken from the first 500 cues;")
    print("reading the track into words included):")
    article, _ = make_article(track, 100, within=500)
    previous = None
    for n in (1000, 2000, 4000, 8000, 16000):
        big = make_track(n)
        best = min(run_subtools(article, big)[0] for _ in range(5))
        ratio = f"  x{best / previous:.2f} for x2 cues" if previous else ""
        print(f"  {n:5d} cues: {best:6.3f} s  ({best / n * 1e6:6.1f} µs per cue){ratio}")
        previous = best


if __name__ == "__main__":
    main()
