"""Generated caption tracks for the benchmarks (deterministic)."""

from __future__ import annotations

import random

from subtools.timecode import format_srt

WORDS = [
    "we",
    "were",
    "sent",
    "to",
    "the",
    "front",
    "line",
    "without",
    "weapons",
    "and",
    "training",
    "the",
    "commander",
    "said",
    "attached",
    "assault",
    "unit",
    "contracts",
    "serve",
    "ammunition",
    "yesterday",
    "comrades",
    "killed",
]


def srt_text(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts, t = [], 0
    for i in range(1, n + 1):
        start = t + rng.randint(100, 800)
        end = start + rng.randint(900, 4000)
        words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
        half = len(words) // 2
        text = " ".join(words[:half]).capitalize() + "\n" + " ".join(words[half:]) + "."
        parts.append(f"{i}\n{format_srt(start)} --> {format_srt(end)}\n{text}\n")
        t = end
    return "\n".join(parts)
