"""pytest plugin: every `*.playthrough.yaml` file is a test.

Registered through the `pytest11` entry point, so a story project only needs `pip install dreamphases`
and its spec files. The patterns can be changed with the `playthrough_patterns` ini option. A failing
step is reported like an assertion: the spec's line, the transcript so far, the choices on offer.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dreamphases.testing.runner import StepFailure, run_spec
from dreamphases.testing.spec import LoadedSpec, SpecError, load_spec
from dreamphases.testing.story import StoryProblem

DEFAULT_PATTERNS = ["*.playthrough.yaml", "*.playthrough.yml"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("playthrough_patterns", "file name patterns collected as playthrough specs",
                  type="linelist", default=DEFAULT_PATTERNS)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    patterns = parent.config.getini("playthrough_patterns") or DEFAULT_PATTERNS
    if any(fnmatch.fnmatch(file_path.name, p) for p in patterns):
        return PlaythroughFile.from_parent(parent, path=file_path)
    return None


class PlaythroughFailed(Exception):
    def __init__(self, failure: StepFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class PlaythroughFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            loaded: LoadedSpec | SpecError = load_spec(self.path)
        except SpecError as exc:
            loaded = exc
        name = loaded.name if isinstance(loaded, LoadedSpec) else self.path.name.split(".")[0]
        yield PlaythroughItem.from_parent(self, name=name, loaded=loaded)


class PlaythroughItem(pytest.Item):
    def __init__(self, *, loaded: LoadedSpec | SpecError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loaded = loaded
        #: like a test function's: some plugins (pytest-lsp 1.0) assume every item has one, and break it
        #: when it is missing
        self.funcargs: dict[str, object] = {}

    def runtest(self) -> None:
        if isinstance(self.loaded, SpecError):
            raise self.loaded
        result = run_spec(self.loaded)
        if result.failure is not None:
            raise PlaythroughFailed(result.failure)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        error = excinfo.value
        if isinstance(error, PlaythroughFailed):
            return error.failure.render()
        if isinstance(error, SpecError | StoryProblem):
            return f"unusable spec: {error}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"playthrough: {self.name}"
