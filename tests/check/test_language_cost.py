"""The untranslated rule on big tracks: langdetect only where its verdict could count."""

from __future__ import annotations

import random

import pytest

from subtools.check import language as rule
from subtools.check import load_profile, run_checks
from subtools.model import Cue, Track

EN = load_profile("netflix-en")
VOCAB = [
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
    "mortar",
    "fire",
    "near",
    "zero",
    "line",
    "appealed",
    "military",
    "police",
    "recording",
    "video",
    "permanent",
    "base",
]
ROMANIAN = "Ne-au trimis pe linia frontului fără arme și fără pregătire, domnule comandant."


def _generated(n: int) -> list[Cue]:
    rng = random.Random(5)
    cues, t = [], 0
    for _ in range(n):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(2, 16))]
        cues.append(Cue(t, t + 3000, " ".join(words).capitalize() + "."))
        t += 3500
    return cues


def test_a_track_of_its_own_words_asks_langdetect_almost_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    real = rule.detect_language

    def counting(text: str, **kwargs: object) -> str | None:
        asked.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rule, "detect_language", counting)
    cues = _generated(2000)
    cues[700] = Cue(cues[700].start, cues[700].end, ROMANIAN)
    found = run_checks(Track(tuple(cues), language="en"), EN, only=("untranslated",))
    assert [(f.cue, f.value) for f in found] == [(701, "ro")]
    assert len(asked) < 20  # 2,000 cues, most of them 40+ letters without "the ... and"
