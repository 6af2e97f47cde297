"""Whitespace fuzz, bounded: stories with spaces, tabs and blank lines moved must play as inkjs's JSON does.

A fixed, seeded sample of `wsfuzz` mutants (the campaign is `bench/difffuzz.py --whitespace`): each
must get the same verdict from both compilers and, when both accept it, the same transcript on bink,
byte for byte. Skips where ../shared, node or inkjs is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.difffuzz import Fuzzer, Outcome, available
from tests.conformance.wsfuzz import ws_mutant, ws_sources

SEED = 7
COUNT = 40

_why_not = available()
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Outcome]:
    corpus = ws_sources()
    fuzzer = Fuzzer(Path(tmp_path_factory.mktemp("wsfuzz")))
    try:
        return {i: fuzzer.run(ws_mutant(i, SEED, corpus)) for i in range(COUNT)}
    finally:
        fuzzer.close()


@pytest.mark.parametrize("index", range(COUNT))
def test_whitespace_mutant_plays_as_inkjs_does(index: int, outcomes: dict[int, Outcome]) -> None:
    o = outcomes[index]
    if o.excluded:
        pytest.skip(o.excluded)
    assert o.verdicts_agree, (
        f"{o.mutant.origin} {'+'.join(o.mutant.mutations)}: ours {'accepts' if o.ours_ok else 'rejects'}"
        f" ({'; '.join(o.ours_errors[:2])}), inkjs {'accepts' if o.theirs_ok else 'rejects'}"
        f" ({'; '.join(o.theirs_errors[:2])})\n--- mutant:\n{o.mutant.text[:1500]}")
    assert o.same_transcript is not False, f"{o.mutant.origin} {'+'.join(o.mutant.mutations)}\n{o.detail}"
