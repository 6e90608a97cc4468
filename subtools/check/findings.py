"""What a check reports: findings are plain data, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["SEVERITIES", "Finding", "Severity", "Value"]

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")
Value = int | float | str | None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: ``cue`` is the 1-based cue number (None for the whole track)."""

    cue: int | None
    rule: str
    severity: Severity
    message: str
    value: Value = None
    limit: Value = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "value": self.value,
            "limit": self.limit,
        }
