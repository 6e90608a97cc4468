"""Caption quality checks and word-preserving fixes, driven by style-guide profiles."""

from __future__ import annotations

from .findings import SEVERITIES, Finding, Severity
from .fix import Change, FixOptions, FixResult, fix_track
from .profiles import Profile, available_profiles, load_profile, parse_fps
from .rules import RULES, Rule, run_checks

__all__ = [
    "RULES",
    "SEVERITIES",
    "Change",
    "Finding",
    "FixOptions",
    "FixResult",
    "Profile",
    "Rule",
    "Severity",
    "available_profiles",
    "fix_track",
    "load_profile",
    "parse_fps",
    "run_checks",
]
