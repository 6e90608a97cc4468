"""Use-case functions: what the CLI (or a script) calls. Each reads its inputs,
runs the domain modules and writes outputs atomically, returning a result value.

Submodules are imported on demand so that light commands stay light.
"""

from __future__ import annotations

__all__: list[str] = []  # import the submodules themselves (see above)
