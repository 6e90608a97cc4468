"""Small builders for crafted tracks (shared by the check tests)."""

from __future__ import annotations

from subtools.check import Finding, load_profile, run_checks
from subtools.model import Cue, Track

__all__ = ["findings", "rules_of", "track"]


def track(*cues: tuple[int, int, str], lang: str | None = "en") -> Track:
    return Track(tuple(Cue(s, e, t) for s, e, t in cues), language=lang)


def findings(t: Track, profile: str = "netflix-en", language: bool = False) -> list[Finding]:
    return list(run_checks(t, load_profile(profile), language=language))


def rules_of(found: list[Finding]) -> list[tuple[int | None, str]]:
    return [(f.cue, f.rule) for f in found]
