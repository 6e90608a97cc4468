"""The rule registry: every check is a small function over a track and a profile.

Rules are kept as data (name, function, default severity, whether ``fix`` can
repair it, where the limit comes from) so that profiles, the docs and the fixer
read the same table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Track
from . import language, layout, timing
from .findings import Finding, Severity
from .profiles import Profile

__all__ = ["LANGUAGE_RULES", "RULES", "Rule", "ordered", "run_checks"]

RuleFn = Callable[[Track, Profile, Severity], list[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    check: RuleFn
    severity: Severity
    fixable: bool  # fix has a repair for it (it may still be impossible on a given cue)
    summary: str
    uses_language: bool = False


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("empty", layout.empty, "error", True, "cue without visible text"),
        Rule("order", timing.cue_order, "error", False, "cue starts before the previous one"),
        Rule("overlap", timing.overlap, "error", True, "cue still shown when the next starts"),
        Rule("min-gap", timing.min_gap, "error", True, "gap to the next cue below N frames"),
        Rule("min-duration", timing.min_duration, "error", True, "cue shown too briefly"),
        Rule("max-duration", timing.max_duration, "error", True, "cue shown too long"),
        Rule(
            "reading-speed",
            timing.reading_speed,
            "error",
            True,
            "characters per second above the limit",
        ),
        Rule(
            "words-per-minute",
            timing.words_per_minute,
            "warning",
            True,
            "words per minute above the limit (profiles with max_wpm)",
        ),
        Rule("line-length", layout.line_length, "error", True, "line longer than the limit"),
        Rule("line-count", layout.line_count, "error", True, "more lines than the limit"),
        Rule(
            "line-break",
            layout.line_break,
            "warning",
            True,
            "line ends with an article or preposition where a better break exists",
        ),
        Rule("tags", layout.tags, "error", False, "unclosed, stray or crossing tags"),
        Rule(
            "untranslated",
            language.untranslated,
            "warning",
            False,
            "cue in another language than the track",
            uses_language=True,
        ),
        Rule(
            "track-language",
            language.track_language,
            "warning",
            False,
            "track in another language than the profile",
            uses_language=True,
        ),
    )
}
_ORDER = {name: i for i, name in enumerate(RULES)}
LANGUAGE_RULES = tuple(name for name, rule in RULES.items() if rule.uses_language)


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings ordered by cue then rule, as ``run_checks`` gives them."""
    return tuple(sorted(findings, key=lambda f: (f.cue or 0, _ORDER[f.rule])))


def run_checks(
    track: Track, profile: Profile, *, language: bool = True, only: Iterable[str] | None = None
) -> tuple[Finding, ...]:
    """All findings, ordered by cue then rule; ``language=False`` skips langdetect."""
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for rule in RULES.values():
        if (rule.uses_language and not language) or (
            wanted is not None and rule.name not in wanted
        ):
            continue
        severity = profile.severity(rule.name, rule.severity)
        if severity is not None:
            findings.extend(rule.check(track, profile, severity))
    return ordered(findings)
