"""A picture of an alignment: speech activity, the captions before and after, the offsets.

matplotlib is imported here only, and only when a picture is asked for: it is
an optional extra (``subtools[align]``) and costs about a second to import.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import DependencyError
from ..io import atomic_output
from ..model import Track
from .core import Alignment
from .signal import FRAME_MS

__all__ = ["draw"]


def draw(before: Track, result: Alignment, path: Path, title: str = "") -> None:
    """Write the picture to ``path`` (PNG) atomically."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise DependencyError(
            "--plot needs matplotlib", hint="pip install 'subtools[align]'"
        ) from None
    activity = result.activity
    seconds = np.arange(activity.size) * FRAME_MS / 1000
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(12, 4.2), sharex=True, height_ratios=[1.1, 1], layout="constrained"
    )
    top.fill_between(seconds, activity, step="post", color="#4c72b0", linewidth=0)
    top.set_ylim(0, 1.05)
    top.set_ylabel("speech")
    top.set_yticks([0, 1])
    lanes = ((before, 1.0, "#c44e52", "captions before"), (result.track, 0.0, "#55a868", "after"))
    for track, y, colour, label in lanes:
        spans = [(c.start / 1000, c.duration / 1000) for c in track]
        bottom.broken_barh(spans, (y + 0.1, 0.8), facecolors=colour, label=label)
    for segment in result.segments:
        at = segment.start_ms / 1000
        bottom.axvline(at, color="black", linewidth=0.8, linestyle=":")
        bottom.annotate(
            f"{segment.offset_ms / 1000:+.2f} s",
            (at, 1.95),
            fontsize=8,
            va="top",
            xytext=(3, 0),
            textcoords="offset points",
        )
    bottom.set_yticks([0.5, 1.5], ["after", "before"])
    bottom.set_ylim(0, 2)
    bottom.set_xlabel("seconds")
    ratio = "" if result.ratio == 1 else f", speed ratio {result.ratio:.4f}"
    verdict = "confident" if result.confident else "WEAK EVIDENCE"
    top.set_title(
        f"{title}{' - ' if title else ''}{len(result.segments) - 1} split(s){ratio}, "
        f"speech under captions {result.lift:.2f}x the average, {verdict}",
        fontsize=10,
    )
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    plt.close(fig)
