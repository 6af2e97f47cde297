"""Packaging glue that pyproject.toml cannot say: the bundled story ships inside the package.

`story/` at the top of the repository stays the one source of the story (writers edit it there,
tests and CI read it there). Building a wheel copies its `.ink` files into `dreamphases/_story/`, so
`pip install .` followed by `dreamphases play` works from any folder. An editable install reads
`story/` in the checkout directly (see `dreamphases/bundled.py`).
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

STORY = Path(__file__).resolve().parent / "story"


class BuildWithStory(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's story/ is found in place
        target = Path(self.build_lib) / "dreamphases" / "_story"
        self.mkpath(str(target))
        for source in sorted(STORY.glob("*.ink")):
            self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildWithStory})
