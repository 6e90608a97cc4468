"""``subtools demo``: the whole job on the bundled samples, outputs in one folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .convert import convert, describe

__all__ = ["SAMPLES", "DemoResult", "DemoStep", "run_demo"]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@dataclass(frozen=True, slots=True)
class DemoStep:
    name: str
    ok: bool
    summary: str
    outputs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoResult:
    folder: str
    steps: tuple[DemoStep, ...] = field(default=())


def run_demo(
    out_dir: str | os.PathLike[str],
    samples: Path = SAMPLES,
    progress: Callable[[DemoStep], None] | None = None,
) -> DemoResult:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    steps: list[DemoStep] = []

    def record(step: DemoStep) -> None:
        steps.append(step)
        if progress:
            progress(step)

    for name in ("captions.ru.srt", "captions.en.srt"):
        info = describe(samples / name)
        record(
            DemoStep(
                f"read {name}",
                True,
                f"{info.cues} cues, {info.encoding}, language {info.language}, "
                f"{(info.end_ms - info.start_ms) / 1000:.1f} s",
            )
        )
    vtt = out / "captions.en.vtt"
    result = convert(samples / "captions.en.srt", vtt)
    record(DemoStep("convert to WebVTT", True, f"{result.cues} cues", (str(vtt),)))
    return DemoResult(str(out), tuple(steps))
