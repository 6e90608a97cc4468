"""Build hook: bundle the samples and the fixture model into the wheel.

Everything else about the package is declared in pyproject.toml. The demo's
inputs stay where a contributor looks for them (``samples/``,
``tests/fixtures/models/``) and are checked in once; the build copies them
into ``subtools/_data/`` of the built package, where subtools.resources finds
them with importlib.resources. MANIFEST.in puts the same files into the sdist,
so a wheel built from the sdist carries them too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
MODEL = "ru_en_tiny.argosmodel"
# destination below subtools/_data -> source in the repository
BUNDLED = {
    "samples": HERE / "samples",
    f"models/{MODEL}": HERE / "tests" / "fixtures" / "models" / MODEL,
}


class BuildPyWithData(build_py):  # type: ignore[misc]  # setuptools ships no stubs here
    def run(self) -> None:
        super().run()
        # An editable install runs from the checkout, where subtools.resources
        # falls back to the repository copies: nothing to copy.
        if getattr(self, "editable_mode", False):
            return
        data = Path(self.build_lib) / "subtools" / "_data"
        for dest, src in BUNDLED.items():
            target = data / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, target, dirs_exist_ok=True)
            else:
                shutil.copyfile(src, target)


setup(cmdclass={"build_py": BuildPyWithData})
