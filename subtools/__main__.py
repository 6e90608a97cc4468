"""``python -m subtools``: the same command line as ``subtools``."""

from __future__ import annotations

from cli import main

__all__: list[str] = []

# Guarded: worker processes started by "spawn" (Dask's, multiprocessing's)
# import the main module again under another name and must not rerun the CLI.
if __name__ == "__main__":
    main()
