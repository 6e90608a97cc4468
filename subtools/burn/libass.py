"""The system libass, asked for its version through ctypes (for bug reports only).

burn itself never loads libass: ffmpeg does. The version here is the shared
library a dynamically linked ffmpeg (Debian's) would load; imageio-ffmpeg's
static binary carries its own copy.
"""

from __future__ import annotations

import ctypes
import ctypes.util

__all__ = ["libass_version"]


def libass_version() -> tuple[str, str] | None:
    """(version, library file) of the system libass, or None when there is none."""
    name = ctypes.util.find_library("ass")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        number = int(lib.ass_library_version())
    except (OSError, AttributeError):
        return None
    return _decode(number), name


def _decode(number: int) -> str:
    """libass writes its version as hex digits M mm pp (0x01701000 is 0.17.1)."""
    digits = f"{number:08x}"
    return f"{int(digits[0])}.{int(digits[1:3])}.{int(digits[3:5])}"
