"""subtools: offline toolkit for translated video quotes.

The public API: the caption model, the errors, and caption file I/O. Use-case
functions live in ``subtools.usecases.*`` and are imported on demand, so that
importing ``subtools`` never pulls in argostranslate, torch or ffmpeg.
"""

from __future__ import annotations

from .errors import DependencyError, ExternalToolError, InputError, InternalError, SubtoolsError
from .io import Notice, ReadResult, read_track, write_track
from .model import Cue, Track

__all__ = [
    "Cue",
    "DependencyError",
    "ExternalToolError",
    "InputError",
    "InternalError",
    "Notice",
    "ReadResult",
    "SubtoolsError",
    "Track",
    "read_track",
    "write_track",
]
__version__ = "0.1.0"
