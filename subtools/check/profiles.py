"""Check profiles: the limits a style guide sets, shipped as TOML files or given by the user.

A profile file has top-level ``name``, ``description``, ``language``, ``sources``
and optionally ``extends`` (a shipped profile name or another file), a
``[limits]`` table and a ``[rules]`` table mapping a rule name to "error",
"warning" or "off".
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io.files import read_bytes
from .findings import SEVERITIES, Severity

__all__ = ["PROFILE_DIR", "Profile", "available_profiles", "load_profile", "parse_fps"]

PROFILE_DIR = Path(__file__).with_name("profiles")

# Film and NTSC rates are written as decimals but are exact fractions.
_NTSC = {
    "23.976": Fraction(24000, 1001),
    "23.98": Fraction(24000, 1001),
    "29.97": Fraction(30000, 1001),
    "47.952": Fraction(48000, 1001),
    "59.94": Fraction(60000, 1001),
    "119.88": Fraction(120000, 1001),
}

MAX_LINES = 4
_INT_LIMITS = ("max_chars_per_line", "max_lines", "min_duration_ms", "max_duration_ms")
_NUM_LIMITS = ("max_cps", "min_gap_frames", "max_wpm", "fps")
_TOP_KEYS = {"name", "description", "language", "sources", "extends", "limits", "rules"}


def parse_fps(text: str | float | int | Fraction) -> Fraction:
    """A frame rate: ``25``, ``23.976`` (read as 24000/1001), ``30000/1001``."""
    raw = str(text).strip()
    try:
        value = _NTSC.get(raw) or Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise InputError(
            "not a frame rate", value=raw, hint="use e.g. 25, 23.976 or 30000/1001"
        ) from None
    if not 1 <= value <= 1000:
        raise InputError("frame rate out of range (1-1000)", value=raw)
    return value


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    max_chars_per_line: int
    max_lines: int
    max_cps: float
    min_duration_ms: int
    max_duration_ms: int
    min_gap_frames: float
    fps: Fraction = Fraction(25)
    max_wpm: float | None = None
    language: str | None = None
    description: str = ""
    sources: tuple[str, ...] = ()
    # rule name -> "error" | "warning" | "off"; rules not named keep their default.
    severities: tuple[tuple[str, str], ...] = field(default=())

    @property
    def min_gap_ms(self) -> int:
        """The shortest gap in whole ms that can be ``min_gap_frames`` frames.

        Frame-accurate timing written to SRT/VTT rounds each time to the nearest ms,
        so an exact gap of N frames is written within 1 ms of N * 1000 / fps: at
        23.976 fps 2 frames (83.42 ms) are written as 83 or 84 ms. Rounding up would
        report half of a correctly timed file; the floor accepts both and nothing
        shorter (83 ms is 1.99 frames, the next frame count down is 41.7 ms).
        """
        return math.floor(Fraction(self.min_gap_frames) * 1000 / self.fps)

    def frames(self, ms: int) -> float:
        return round(float(Fraction(ms) * self.fps / 1000), 2)

    def severity(self, rule: str, default: Severity) -> Severity | None:
        """The severity a rule reports with under this profile, None when switched off."""
        for name, level in self.severities:
            if name == rule:
                return None if level == "off" else level  # type: ignore[return-value]
        return default

    def with_fps(self, fps: Fraction | None) -> Profile:
        return self if fps is None else replace(self, fps=fps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "language": self.language,
            "max_chars_per_line": self.max_chars_per_line,
            "max_lines": self.max_lines,
            "max_cps": self.max_cps,
            "max_wpm": self.max_wpm,
            "min_duration_ms": self.min_duration_ms,
            "max_duration_ms": self.max_duration_ms,
            "min_gap_frames": self.min_gap_frames,
            "fps": str(self.fps) if self.fps.denominator != 1 else int(self.fps),
            "rules": dict(self.severities),
        }


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def load_profile(spec: str | os.PathLike[str] | Profile) -> Profile:
    """A shipped profile by name (``netflix-en``) or a TOML file path."""
    if isinstance(spec, Profile):
        return spec
    return _load(spec, seen=())


def _resolve(spec: str | os.PathLike[str]) -> Path:
    text = str(spec)
    if text.endswith(".toml") or os.sep in text or "/" in text:
        path = Path(text)
        if not path.is_file():
            raise InputError("profile file not found", path=path)
        return path
    path = PROFILE_DIR / f"{text}.toml"
    if not path.is_file():
        raise InputError(
            "unknown profile",
            value=text,
            hint="use one of: " + ", ".join(available_profiles()) + ", or a .toml file",
        )
    return path


def _load(spec: str | os.PathLike[str], seen: tuple[Path, ...]) -> Profile:
    path = _resolve(spec)
    if path.resolve() in seen:
        raise InputError("profile extends itself", path=path)
    try:
        data = tomllib.loads(read_bytes(path).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"profile is not UTF-8 text (byte {exc.start})", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"bad TOML: {exc}", path=path) from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise InputError(
            "unknown profile key",
            path=path,
            value=sorted(unknown)[0],
            hint="allowed: " + ", ".join(sorted(_TOP_KEYS)),
        )
    base: dict[str, Any] = {}
    severities: dict[str, str] = {}
    if "extends" in data:
        parent_spec = str(data["extends"])
        if parent_spec.endswith(".toml") and not Path(parent_spec).is_absolute():
            parent_spec = str(path.parent / parent_spec)
        parent = _load(parent_spec, (*seen, path.resolve()))
        base = {k: getattr(parent, k) for k in Profile.__dataclass_fields__}
        severities = dict(parent.severities)
    base["name"] = str(data.get("name", path.stem))
    for key in ("description", "language"):
        if key in data:
            base[key] = data[key]
    if "sources" in data:
        base["sources"] = tuple(str(s) for s in data["sources"])
    base.update(_limits(data.get("limits", {}), path))
    severities.update(_rules(data.get("rules", {}), path))
    base["severities"] = tuple(sorted(severities.items()))
    missing = [k for k in (*_INT_LIMITS, "max_cps", "min_gap_frames") if k not in base]
    if missing:
        raise InputError(
            "profile lacks a limit",
            path=path,
            value=missing[0],
            hint='set it under [limits] or use extends = "netflix-en"',
        )
    if base["min_duration_ms"] > base["max_duration_ms"]:
        raise InputError(
            f"min_duration_ms ({base['min_duration_ms']}) is above max_duration_ms "
            f"({base['max_duration_ms']}): no cue could pass",
            path=path,
        )
    return Profile(**base)


def _limits(table: Any, path: Path) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise InputError("[limits] must be a table", path=path)
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key == "fps":
            out[key] = parse_fps(value)
        elif key in _INT_LIMITS:
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"limit {key} must be a positive integer", path=path, value=value)
            if key == "max_lines" and value > MAX_LINES:
                # No style guide allows more; the line breaker's search grows fast with it.
                raise InputError(
                    f"limit max_lines must be at most {MAX_LINES}", path=path, value=value
                )
            out[key] = value
        elif key in _NUM_LIMITS:
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not 0 <= value < math.inf  # also refuses nan
            ):
                raise InputError(
                    f"limit {key} must be a finite number >= 0", path=path, value=value
                )
            out[key] = float(value)
        else:
            raise InputError(
                "unknown limit",
                path=path,
                value=key,
                hint="allowed: " + ", ".join(_INT_LIMITS + _NUM_LIMITS),
            )
    return out


def _rules(table: Any, path: Path) -> dict[str, str]:
    from .rules import RULES

    if not isinstance(table, dict):
        raise InputError("[rules] must be a table", path=path)
    for rule, level in table.items():
        if rule not in RULES:
            raise InputError(
                "unknown rule", path=path, value=rule, hint="rules: " + ", ".join(RULES)
            )
        if level not in (*SEVERITIES, "off"):
            raise InputError(f"rule {rule} must be error, warning or off", path=path, value=level)
    return {str(k): str(v) for k, v in table.items()}
