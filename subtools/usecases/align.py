"""``align``: move a caption file onto the speech of an audio or video file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..align import Alignment, AlignOptions
from ..align.pipeline import Detector
from ..errors import InputError
from ..io import check_output, read_track, write_track
from ..io.files import output_folder, refuse_same_path

__all__ = ["AlignResult", "align_file"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class AlignResult:
    media: Path
    captions: Path
    output: Path | None  # None: not written (weak evidence without --force)
    alignment: Alignment
    seconds: float
    plot: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "media": str(self.media),
            "captions": str(self.captions),
            "output": None if self.output is None else str(self.output),
            "written": self.output is not None,
            **self.alignment.to_dict(),
            "plot": None if self.plot is None else str(self.plot),
            "seconds": round(self.seconds, 3),
        }


def align_file(
    media: Path,
    captions: Path,
    output: Path,
    *,
    options: AlignOptions | None = None,
    vad: Detector = "auto",
    force: bool = False,
    plot: Path | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> AlignResult:
    """Align ``captions`` to ``media``; write ``output`` only when confident (or ``force``)."""
    from ..align.audio import decode_audio
    from ..align.pipeline import align_samples

    began = time.perf_counter()
    check_output(captions, output)
    refuse_same_path(media, output)
    if plot is not None:
        if plot.suffix.lower() != ".png":
            raise InputError("the plot is a PNG picture: name it .png", path=plot)
        refuse_same_path(captions, plot)
        output_folder(plot)
    track = read_track(captions, encoding=encoding).track
    result = align_samples(decode_audio(media), track, options or AlignOptions(), vad, progress)
    if plot is not None:
        from ..align.plot import draw

        draw(track.sorted(), result, plot, title=captions.name)
    written = None
    if result.confident or force:
        write_track(result.track, output)
        written = output
    return AlignResult(media, captions, written, result, time.perf_counter() - began, plot)
