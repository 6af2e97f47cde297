"""Differential fuzz campaign: how often ours and inkjs's compiler (a port of inklecate) agree.

Mutates the stories in ../shared (lines deleted, duplicated or swapped; characters inserted, deleted
or swapped; files cut short), compiles each mutant with both compilers, and compares the verdicts
(accept or reject) and, where both accept, the transcripts of both JSONs played on bink. Prints the
two agreement rates and every disagreement, with the mutant saved under --keep for replay.

    python bench/difffuzz.py [--count 2000] [--seed 1] [--keep DIR] [--quiet]
    python bench/difffuzz.py --whitespace [--count 1000] [--seed 1]

Targets (issue 11): verdicts agree on >= 99.5% of mutants, transcripts on >= 99% of those both accept.
`--whitespace` runs the whitespace campaign instead (tests/conformance/wsfuzz.py): spaces, tabs and
blank lines inserted or removed where inklecate's whitespace rules look; transcripts must be identical
byte for byte. Its figures come with a count of differences by the kind of change that made them.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conformance.difffuzz import Outcome, available, campaign  # noqa: E402
from tests.conformance.wsfuzz import ws_mutant, ws_sources  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first mutant index (to replay one: --start N --count 1)")
    ap.add_argument("--keep", type=Path, help="write each disagreeing mutant here as N.ink")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    ap.add_argument("--whitespace", action="store_true",
                    help="the whitespace campaign: spaces, tabs and blank lines moved, not other edits")
    args = ap.parse_args()
    why = available()
    if why:
        print(f"difffuzz: cannot run: {why}", file=sys.stderr)
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def report(o: Outcome) -> None:
        if o.verdicts_agree and o.same_transcript is not False:
            return
        kind = "verdict" if not o.verdicts_agree else "transcript"
        if args.keep:
            (args.keep / f"{o.mutant.index}.ink").write_text(o.mutant.text, encoding="utf-8")
        if args.quiet:
            return
        tag = f" [excluded: {o.excluded}]" if o.excluded else ""
        print(f"#{o.mutant.index} {o.mutant.origin} {'+'.join(o.mutant.mutations)}: {kind} differs{tag}")
        if kind == "verdict":
            print(f"  ours {'accepts' if o.ours_ok else 'rejects: ' + '; '.join(o.ours_errors[:2])}")
            print(f"  inkjs {'accepts' if o.theirs_ok else 'rejects: ' + '; '.join(o.theirs_errors[:2])}")
        else:
            print("  " + o.detail.replace("\n", "\n  ")[:1200])

    summary = (campaign(args.count, args.seed, args.start, report, ws_mutant, ws_sources()) if args.whitespace
               else campaign(args.count, args.seed, args.start, report))
    counted, both = summary.counted, summary.both_accept
    excluded = collections.Counter(o.excluded for o in summary.outcomes if o.excluded)
    kind = "whitespace mutants" if args.whitespace else "mutants"
    print(f"\n{kind}: {len(summary.outcomes)} (seed {args.seed}), {time.perf_counter() - started:.0f} s")
    print(f"excluded by rule: {sum(excluded.values())}")
    for reason, n in excluded.most_common():
        print(f"  {n:5}  {reason}")
    agree = sum(o.verdicts_agree for o in counted)
    print(f"accept/reject agreement: {agree}/{len(counted)} = {100 * summary.verdict_agreement:.2f}% (target 99.5%)")
    print(f"  we accept, inkjs rejects: {sum(o.ours_ok and not o.theirs_ok for o in counted)}")
    print(f"  we reject, inkjs accepts: {sum(o.theirs_ok and not o.ours_ok for o in counted)}")
    same = sum(bool(o.same_transcript) for o in both)
    print(f"identical transcripts where both accept: {same}/{len(both)} = "
          f"{100 * summary.transcript_agreement:.2f}% (target 99%)")
    differing = collections.Counter(
        m for o in counted if not o.verdicts_agree or o.same_transcript is False for m in set(o.mutant.mutations))
    if differing:
        print("changes in the mutants that differ:", ", ".join(f"{m} {n}" for m, n in differing.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
