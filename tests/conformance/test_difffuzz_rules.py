"""The differential fuzz's exclusion rules match the inkjs defect they name, and nothing else."""

from __future__ import annotations

from tests.conformance.difffuzz import _runs_out_only_in_theirs

RAN_OUT = "[error] RUNTIME ERROR: ran out of content. Do you need a '-> DONE' or '-> END'?\n"


def test_inkjs_running_out_where_ours_goes_on_is_the_dropped_loose_end() -> None:
    assert _runs_out_only_in_theirs(f"seed None:\nours:\nA\nDeep.\nEnd.\n\ntheirs:\nA\nDeep.\n{RAN_OUT}")


def test_a_different_line_before_running_out_is_not_excluded() -> None:
    assert not _runs_out_only_in_theirs(f"seed None:\nours:\nA\nOther.\n\ntheirs:\nA\nDeep.\n{RAN_OUT}")


def test_both_running_out_is_not_excluded() -> None:
    assert not _runs_out_only_in_theirs(f"seed 1:\nours:\nA\n{RAN_OUT}\ntheirs:\nA\nB\n{RAN_OUT}")


def test_ours_running_out_is_not_excluded() -> None:
    assert not _runs_out_only_in_theirs(f"seed 1:\nours:\nA\n{RAN_OUT}\ntheirs:\nA\nB\n")
