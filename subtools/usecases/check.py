"""``check``, ``fix``, ``shift``, ``sync`` and ``rate``: read a caption file, run the
checks, fixes or retiming, write outputs atomically and return result values."""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from ..check import Change, Finding, FixOptions, Profile, fix_track, load_profile, run_checks
from ..check.explain import explain
from ..check.rules import LANGUAGE_RULES, ordered
from ..errors import InputError
from ..io import Notice, format_for, read_track, refuse_same_path, write_track
from ..lang import detect_track_language
from ..model import Track
from ..retime import Adjustment, RetimeResult, SyncPoint, rate, shift, sync

__all__ = [
    "CheckReport",
    "FixReport",
    "Remaining",
    "RetimeReport",
    "check_file",
    "check_track",
    "fix_file",
    "rate_file",
    "shift_file",
    "sync_file",
]

ProfileSpec = str | os.PathLike[str] | Profile


def _summary(findings: Sequence[Finding], cues: int) -> dict[str, Any]:
    return {
        "cues": cues,
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


@dataclass(frozen=True, slots=True)
class CheckReport:
    file: str
    profile: Profile
    findings: tuple[Finding, ...]
    track: Track
    language_checked: bool = True
    notices: tuple[Notice, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        summary = _summary(self.findings, len(self.track))
        summary["language"] = self.track.language
        summary["language_checked"] = self.language_checked
        return {
            "file": self.file,
            "profile": self.profile.name,
            "findings": [f.to_dict() for f in self.findings],
            "summary": summary,
            "warnings": [str(n) for n in self.notices],
        }


@dataclass(frozen=True, slots=True)
class Remaining:
    """A finding left after ``fix``: it needs a person, for the reason given."""

    finding: Finding
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.finding.to_dict(), "needs_person": self.reason}


@dataclass(frozen=True, slots=True)
class FixReport:
    file: str
    output: str
    profile: Profile
    changes: tuple[Change, ...]
    remaining: tuple[Remaining, ...]
    before: tuple[Finding, ...]
    track: Track
    cues_before: int
    notices: tuple[Notice, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What ``check`` finds on the output."""
        return tuple(r.finding for r in self.remaining)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "output": self.output,
            "profile": self.profile.name,
            "changes": [c.to_dict() for c in self.changes],
            "remaining": [r.to_dict() for r in self.remaining],
            "summary": {
                "before": _summary(self.before, self.cues_before),
                "changes": len(self.changes),
                "after": _summary(self.findings, len(self.track)),
            },
            "warnings": [str(n) for n in self.notices],
        }


@dataclass(frozen=True, slots=True)
class RetimeReport:
    file: str
    output: str
    cues: int
    adjustments: tuple[Adjustment, ...] = field(default=())
    notices: tuple[Notice, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "output": self.output,
            "cues": self.cues,
            "adjustments": [a.to_dict() for a in self.adjustments],
            "warnings": [str(n) for n in self.notices],
        }


def _read(
    path: str | os.PathLike[str], encoding: str | None, language: bool
) -> tuple[Track, tuple[Notice, ...]]:
    result = read_track(path, encoding=encoding)
    track = result.track
    if language and track.language is None:
        track = track.with_language(detect_track_language(track.text[:100_000]))
    return track, result.notices


def _profile(profile: ProfileSpec, fps: Fraction | None) -> Profile:
    return load_profile(profile).with_fps(fps)


def check_track(
    track: Track,
    profile: ProfileSpec = "netflix-en",
    *,
    fps: Fraction | None = None,
    language: bool = True,
) -> tuple[Finding, ...]:
    return run_checks(track, _profile(profile, fps), language=language)


def check_file(
    path: str | os.PathLike[str],
    profile: ProfileSpec = "netflix-en",
    *,
    fps: Fraction | None = None,
    language: bool = True,
    encoding: str | None = None,
) -> CheckReport:
    """Check a caption file against a profile (a shipped name, a TOML path or a Profile).

    ``language=False`` skips the langdetect-based rules (the slow part on big files).
    """
    prof = _profile(profile, fps)
    track, notices = _read(path, encoding, language)
    findings = run_checks(track, prof, language=language)
    return CheckReport(str(path), prof, findings, track, language, notices)


def fix_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    profile: ProfileSpec = "netflix-en",
    *,
    fps: Fraction | None = None,
    split_long: bool = False,
    merge_short: bool = False,
    language: bool = True,
    encoding: str | None = None,
) -> FixReport:
    """Fix what can be fixed without touching a word; write ``output``; list the rest."""
    refuse_same_path(source, output)
    format_for(output)
    prof = _profile(profile, fps)
    track, notices = _read(source, encoding, language)
    said = run_checks(track, prof, only=LANGUAGE_RULES) if language else ()
    before = ordered((*run_checks(track, prof, language=False), *said))
    options = FixOptions(split_long=split_long, merge_short=merge_short)
    result = fix_track(track, prof, options)
    write_track(result.track, output)
    after = run_checks(result.track, prof, language=False)
    if language and (split_long or merge_short):
        after = ordered((*after, *run_checks(result.track, prof, only=LANGUAGE_RULES)))
    elif language:
        after = ordered((*after, *_renumbered(said, result.changes)))
    remaining = tuple(Remaining(f, explain(f, result.track, prof, options)) for f in after)
    return FixReport(
        str(source),
        str(output),
        prof,
        result.changes,
        remaining,
        before,
        result.track,
        len(track),
        notices,
    )


def _renumbered(findings: Iterable[Finding], changes: Iterable[Change]) -> list[Finding]:
    """The language findings of the input, numbered as in the output of a fix that
    only dropped empty cues: fixes never change a word, so the verdicts stand
    (langdetect need not be asked twice)."""
    dropped = sorted(c.cue for c in changes if c.fix == "drop-empty")
    return [
        f if f.cue is None else replace(f, cue=f.cue - bisect.bisect_left(dropped, f.cue))
        for f in findings
    ]


def _retime(
    source: str | os.PathLike[str], output: str | os.PathLike[str], run: Any, encoding: str | None
) -> RetimeReport:
    refuse_same_path(source, output)
    format_for(output)
    read = read_track(source, encoding=encoding)
    result: RetimeResult = run(read.track)
    write_track(result.track, output)
    return RetimeReport(
        str(source), str(output), len(result.track), result.adjustments, read.notices
    )


def shift_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    by_ms: int,
    *,
    from_cue: int = 1,
    clip: bool = False,
    encoding: str | None = None,
) -> RetimeReport:
    def run(track: Track) -> RetimeResult:
        try:
            return shift(track, by_ms, from_cue=from_cue, clip=clip)
        except InputError as exc:  # about the file's cues: name the file
            raise exc.about(source) from None

    return _retime(source, output, run, encoding)


def sync_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    points: Sequence[SyncPoint],
    *,
    clip: bool = False,
    encoding: str | None = None,
) -> RetimeReport:
    return _retime(source, output, lambda t: sync(t, points, clip=clip), encoding)


def rate_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    from_fps: Fraction,
    to_fps: Fraction,
    *,
    encoding: str | None = None,
) -> RetimeReport:
    return _retime(source, output, lambda t: rate(t, from_fps, to_fps), encoding)
