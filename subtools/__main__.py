"""``python -m subtools``: the same command line as ``subtools``."""

from __future__ import annotations

from cli import main

__all__: list[str] = []

main()
