"""`dreamphases explore STORY` — random walks, a coverage-guided search or an exhaustive search; endings,
errors, dead ends, coverage.

One CI line: `dreamphases explore story.ink --exhaustive --expect-endings a,b,c` exits 1 when an
expected ending is unreached or any runtime error or dead end was found. Shards for CI matrices:
`--shard 2/4 --json -o part2.json` on each runner, then `dreamphases explore --merge part*.json`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dreamphases.seed import seed_argument

if TYPE_CHECKING:
    from dreamphases.runtime.engine import StoryLoadError
    from dreamphases.testing.report import ExploreReport
    from dreamphases.testing.story import LoadedStory

STRATEGIES = ("random", "exhaustive", "guided")
#: --runs when a stopping rule decides instead
UNLIMITED = 1 << 40


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explore", help="explore a story: endings reached, errors, dead ends, coverage",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("story", nargs="?", type=Path, help="the story (.ink or compiled .json)")
    p.add_argument("--strategy", choices=STRATEGIES, default=None,
                   help="random walks (default), exhaustive breadth-first search, or a coverage-guided "
                        "search from saved states")
    p.add_argument("--exhaustive", action="store_true", help="the same as --strategy exhaustive")
    p.add_argument("--runs", type=int, default=None,
                   help="walks at most (random: default 200; guided: default 2000; unlimited with "
                        "--until-covered or --budget)")
    p.add_argument("--until-covered", action="store_true",
                   help="stop once every knot, choice, conditional branch and declared ending is covered, "
                        "or once the second half of the work (at least a few hundred walks) found nothing new")
    p.add_argument("--budget", type=float, metavar="SECONDS",
                   help="stop after this many seconds (the report then depends on the machine)")
    p.add_argument("--walk-steps", type=int, default=40,
                   help="guided: choices per walk from a saved state (default 40)")
    p.add_argument("--no-liveness", action="store_true",
                   help="exhaustive: do not merge states that differ only in what no later read can "
                        "observe (variables and visit counts)")
    p.add_argument("--seed", type=seed_argument, default=1,
                   help="seed for the walks and the story's RANDOM (default 1)")
    p.add_argument("--max-steps", type=int, default=500, help="choices per random walk at most (default 500)")
    p.add_argument("--max-depth", type=int, default=40, help="choices deep for --exhaustive (default 40)")
    p.add_argument("--max-states", type=int, default=100_000,
                   help="--exhaustive stops after about this many states (default 100000)")
    p.add_argument("--visit-bound", type=int, default=3,
                   help="visit counts above this look alike to the search, so loops end (default 3)")
    p.add_argument("--max-lines", type=int, default=5000,
                   help="lines without a choice before a walk counts as an endless loop (default 5000)")
    p.add_argument("--expect-endings", metavar="A,B,..",
                   help="endings that must be reached (comma-separated; "
                        "`all` = every `# ending:` in the source)")
    p.add_argument("--untagged-ok", action="store_true",
                   help="a stop without an `# ending:` tag is not a dead end")
    p.add_argument("--jobs", type=int, default=1, help="processes (the report does not depend on it)")
    p.add_argument("--shard", metavar="I/N", help="explore only part I of N and write a partial report")
    p.add_argument("--merge", nargs="+", type=Path, metavar="REPORT.json", help="combine shard reports")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("-o", "--output", type=Path, help="also write the JSON report to this file")
    p.add_argument("--track", action="append", default=[], metavar="VAR",
                   help="also report the trajectory of this variable (repeatable; every `# stat:` is "
                        "reported already)")
    p.add_argument("--saturation", type=float, default=None, metavar="PCT",
                   help="flag a stat at a bound on at least PCT%% of walks from some scene on (default 60; "
                        "with --merge, judges the merged report again)")
    p.add_argument("--trajectories-for", metavar="ENDING[,ENDING]",
                   help="count only walks ending in these endings in the trajectories (a careful "
                        "player's route is a walk to the ending they set out to earn)")
    p.add_argument("--no-trajectories", action="store_true",
                   help="do not record stat trajectories (random walks run a little faster)")
    p.add_argument("--specs", type=Path, metavar="DIR",
                   help="write a playthrough spec replaying the shortest path to each ending into DIR")
    p.set_defaults(handler=run)


def _shard(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return (1, 1)
    try:
        index, count = (int(x) for x in text.split("/"))
    except ValueError:
        return None
    return (index, count) if 1 <= index <= count else None


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from dreamphases.fileio import write_atomic
    from dreamphases.testing.report import ExploreReport, MergeError, merge_reports

    if args.merge:
        reports = []
        for path in args.merge:
            text = ""
            try:
                text = path.read_text(encoding="utf-8")
                reports.append(ExploreReport.model_validate_json(text))
            except (OSError, ValueError, ValidationError) as exc:
                older = _report_format(text) if not isinstance(exc, OSError) else None
                wanted = ExploreReport.model_fields["format"].default
                if older is not None and older != wanted and older.startswith("dreamphases-explore/"):
                    print(f"error: {path} is a report in format {older}, and this version writes and merges "
                          f"{wanted}: explore that shard again", file=sys.stderr)
                    return 2
                first = str(exc).splitlines()[0]
                print(f"error: {path} is not an explore report: {first}", file=sys.stderr)
                return 2
        try:
            report = merge_reports(reports)
        except MergeError as exc:
            print(f"error: cannot merge: {exc}", file=sys.stderr)
            return 2
        wanted = _expected(args)
        if wanted == ["all"]:
            wanted = report.declared_endings
        report.expected_endings = sorted({*report.expected_endings, *wanted})
        if args.saturation is not None and report.trajectories is not None:
            from dreamphases.testing.trajectories import Samples, resummarise

            # the raw counts allow any threshold: judge saturation again without exploring again
            raw = Samples.from_model(report.trajectories.samples)
            report.trajectories = resummarise(report.trajectories, raw, args.saturation)
        return _finish(report, args)
    if args.story is None:
        print("error: give a story to explore (or --merge REPORT.json ...)", file=sys.stderr)
        return 2
    shard = _shard(args.shard)
    if shard is None:
        print(f"error: --shard wants I/N with 1 <= I <= N, not {args.shard!r}", file=sys.stderr)
        return 2
    if args.saturation is not None and not 0 < args.saturation <= 100:
        print("error: --saturation wants a percentage above 0 and at most 100", file=sys.stderr)
        return 2
    if (args.exhaustive or args.strategy not in (None, "random")) and (args.track or args.saturation is not None):
        print("error: --track and --saturation read random walks; use the random strategy", file=sys.stderr)
        return 2
    if args.exhaustive and args.strategy not in (None, "exhaustive"):
        print(f"error: --exhaustive contradicts --strategy {args.strategy}", file=sys.stderr)
        return 2
    if args.exhaustive and args.runs is not None:
        print("error: --runs counts walks; an exhaustive search has none (use --max-states)", file=sys.stderr)
        return 2
    if args.budget is not None and not args.budget > 0:
        print("error: --budget wants a number of seconds above 0", file=sys.stderr)
        return 2
    for name in ("runs", "max_steps", "max_depth", "visit_bound", "max_lines", "jobs", "max_states",
                 "walk_steps"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            print(f"error: --{name.replace('_', '-')} must be at least 1", file=sys.stderr)
            return 2
    report_or_status = _explore(args, shard)
    if isinstance(report_or_status, int):
        return report_or_status
    try:
        if args.output:
            write_atomic(args.output, report_or_status.model_dump_json(indent=1) + "\n")
        return _finish(report_or_status, args)
    except OSError as exc:  # a report or spec that cannot be written: a message and exit 2
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: cannot write {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


def _explore(args: argparse.Namespace, shard: tuple[int, int]) -> ExploreReport | int:
    from rich.console import Console

    from dreamphases.runtime.engine import StoryLoadError, story_hash
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore
    from dreamphases.testing.pool import warm_up
    from dreamphases.testing.report import build_report
    from dreamphases.testing.story import StoryProblem, load_story

    warm_up()  # the workers' fork server starts while the story compiles
    try:
        story = load_story(args.story)
    except StoryProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    mode = "exhaustive" if args.exhaustive else (args.strategy or "random")
    runs = args.runs
    if runs is None:
        runs = UNLIMITED if args.until_covered or args.budget else (2000 if mode == "guided" else 200)
    options = ExploreOptions(
        mode=mode, runs=runs, seed=args.seed,
        max_steps=args.max_steps, max_depth=args.max_depth, visit_bound=args.visit_bound,
        max_lines=args.max_lines, untagged_ok=args.untagged_ok, max_states=args.max_states,
        until_covered=args.until_covered, budget=args.budget, walk_steps=args.walk_steps,
        liveness=not args.no_liveness,
    )
    if mode == "random" and not args.no_trajectories:
        from dreamphases.testing.trajectories import DEFAULT_SATURATION, TrackConfig

        known = _globals(story, args.track)
        if isinstance(known, StoryLoadError):
            print(f"error: the runtime cannot load this story: {known}", file=sys.stderr)
            return 2
        tags, untracked = known
        if untracked is not None:
            print(f"error: --track {untracked}: the story has no global variable `{untracked}`", file=sys.stderr)
            return 2
        pct = DEFAULT_SATURATION if args.saturation is None else args.saturation
        only = [e.strip() for e in (args.trajectories_for or "").split(",") if e.strip()]
        declared = {e.id for e in story.graph.endings} if story.graph is not None else None
        unknown = [e for e in only if declared is not None and e not in declared]
        if unknown:
            print(f"error: --trajectories-for: the story tags no ending `{unknown[0]}` "
                  f"(its endings: {', '.join(sorted(declared or ())) or 'none'})", file=sys.stderr)
            return 2
        track = TrackConfig.for_story(tags, story.graph, args.track, pct, only)
        if track.variables:
            options.track = track
    expected = _expected(args)
    if expected == ["all"]:
        if story.graph is None:
            print("error: --expect-endings all needs the .ink source (it reads the `# ending:` tags)",
                  file=sys.stderr)
            return 2
        expected = sorted({e.id for e in story.graph.endings})
    walker = Walker(story.json_text, story.graph, options)
    try:
        if sys.stderr.isatty() and not args.json:
            from rich.progress import Progress

            with Progress(transient=True, console=Console(stderr=True)) as bar:
                job = bar.add_task(f"exploring {args.story}", total=None)
                outcome = explore(walker, jobs=args.jobs, shard=shard,
                                  progress=lambda done, total: bar.update(job, completed=done, total=total))
        else:
            outcome = explore(walker, jobs=args.jobs, shard=shard)
    except StoryLoadError as exc:  # met by the first worker to load the story
        print(f"error: the runtime cannot load this story: {exc}", file=sys.stderr)
        return 2
    return build_report(str(args.story), story_hash(story.json_text), options, outcome, walker, story.graph,
                        shard, expected, outcome.seconds, args.jobs)


def _globals(story: LoadedStory, names: list[str]) -> tuple[list[str], str | None] | StoryLoadError:
    """The story's global tags (trajectories read them), and the first of `names` that is not a
    global variable (None: all are).

    From the story graph when there is one: loading the runtime here would put a second copy of a big
    story in the process that writes the report (the workers load their own). A compiled .json story
    has no graph, so the runtime is asked, and let go before the walks start."""
    if story.graph is not None:
        variables = story.graph.variables
        unknown = (n for n in names if n not in variables or variables[n].kind == "const")
        return list(story.graph.global_tags), next(unknown, None)
    from dreamphases.runtime.engine import Engine, StoryLoadError

    try:
        probe = Engine(story.json_text)
    except StoryLoadError as exc:
        return exc
    try:
        for name in names:
            try:
                probe.get_variable(name)
            except RuntimeError:
                return probe.global_tags(), name
        return probe.global_tags(), None
    finally:
        probe.release()


def _expected(args: argparse.Namespace) -> list[str]:
    return [e.strip() for e in (args.expect_endings or "").split(",") if e.strip()]


def _finish(report: ExploreReport, args: argparse.Namespace) -> int:
    from rich.console import Console

    from dreamphases.fileio import write_atomic
    from dreamphases.testing.report import finding_spec, render_report

    if args.merge and args.output:
        write_atomic(args.output, report.model_dump_json(indent=1) + "\n")
    if args.json:
        print(report.model_dump_json(indent=1))
    else:
        render_report(report, Console())
    if args.specs:
        for finding in report.endings:
            safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in finding.name)
            target = args.specs / f"ending-{safe}.playthrough.yaml"
            # specs name their story relative to themselves, so the folder can move with the project
            ref = os.path.relpath(Path(report.story).resolve(), args.specs.resolve())
            write_atomic(target, finding_spec(report, finding, ref))
    return 1 if report.failed() else 0


def _report_format(text: str) -> str | None:
    """The `format` a JSON report says it has, if it says one."""
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    found = data.get("format") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None
