"""``subtools --version --verbose``: the versions a bug report needs.

Versions of Python packages come from their installed metadata, so nothing
heavy (argostranslate imports torch) is imported to print them.
"""

from __future__ import annotations

import platform
from importlib import metadata

from ..burn import ffmpeg as ff
from ..burn.libass import libass_version
from ..errors import SubtoolsError

__all__ = ["backend_versions"]

PACKAGES = ("argostranslate", "ctranslate2", "stanza", "torch", "typer", "dask", "distributed")


def backend_versions() -> list[tuple[str, str]]:
    """(name, what is installed) for Python, the backend packages, ffmpeg and libass."""
    rows = [("python", platform.python_version())]
    for name in PACKAGES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    rows.append(("ffmpeg", _ffmpeg()))
    found = libass_version()
    rows.append(("libass", f"{found[0]} ({found[1]})" if found else "not found"))
    return rows


def _ffmpeg() -> str:
    try:
        tools = ff.find_toolchain()
        has_libass = "subtitles" in ff.filters(tools)
        return (
            f"{ff.version(tools)} at {tools.ffmpeg} (from {tools.origin}), "
            f"subtitles filter (libass): {'yes' if has_libass else 'no'}"
        )
    except SubtoolsError as exc:
        return f"not found ({exc})"
