"""The pytest plugin: spec files are collected as tests and fail like assertions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.testing.support import STORIES

pytest_plugins = ["pytester"]

PASSING = """\
story: {story}
steps:
  - choose: Go home
  - tags: 'ending: home'
    end: true
"""

FAILING = """\
story: {story}
steps:
  - choose: Board
  - expect: The sea is blue
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    story = STORIES / "endings.ink"
    pytester.makefile(".playthrough.yaml", home=PASSING.format(story=story))
    pytester.makefile(".playthrough.yaml", sea=FAILING.format(story=story))
    return pytester


def test_spec_files_are_collected_as_tests(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("--collect-only", "-q")
    result.stdout.fnmatch_lines(["home.playthrough.yaml::home", "sea.playthrough.yaml::sea"])


def test_a_failing_spec_reports_line_transcript_and_choices(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("-q")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*sea.playthrough.yaml:4: step 2: expected 'The sea is blue'*",
        "transcript so far:",
        "*> Board the ferry",
        "*| The sea is grey.",
        "choices now:",
        "*1: Jump",
    ])
    assert "Traceback" not in result.stdout.str()


def test_an_unusable_spec_fails_with_its_line(pytester: pytest.Pytester) -> None:
    pytester.makefile(".playthrough.yaml", broken="story: x.ink\nsteps:\n  - chose: 1\n")
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*unusable spec: *broken.playthrough.yaml:3: steps.0: unknown key `chose`*"])


def test_the_file_patterns_can_be_configured(pytester: pytest.Pytester) -> None:
    story = Path(STORIES / "endings.ink")
    pytester.makeini("[pytest]\nplaythrough_patterns = *.story-test.yaml\n")
    pytester.makefile(".story-test.yaml", custom=PASSING.format(story=story))
    pytester.makefile(".playthrough.yaml", ignored=FAILING.format(story=story))
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=1)
