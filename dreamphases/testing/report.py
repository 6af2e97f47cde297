"""Explorer reports: the JSON model (also the shard format), merging, coverage, rendering, specs.

A report is self-contained — it carries the coverage universe (nodes, choices, conditional edges) and
everything needed to merge — so `explore --merge` can combine shard reports on a machine that does
not have the story. `timing` is the only part that depends on the machine; everything else is the
same for the same story and options whatever `--jobs` or `--shard` were.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dreamphases.compiler.expr_tree import source
from dreamphases.compiler.graph import StoryGraph
from dreamphases.runtime.expectations import PREFIX as CONTINUITY
from dreamphases.testing.explorer import ExploreOptions, Finding, Outcome, Tally, Walker
from dreamphases.testing.spec import dump_spec
from dreamphases.testing.story import branch_id, choice_id, is_choice_id, is_node_id
from dreamphases.testing.trajectories import (
    Samples,
    TrajectoryReport,
    render_trajectories,
    resummarise,
    trajectory_report,
)

__all__ = ["ExploreReport", "MergeError", "build_report", "merge_reports", "finding_spec", "render_report"]



class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FindingModel(_Model):
    name: str
    count: int
    path: list[int]
    seed: int
    choices: list[str] = Field(default_factory=list)


class ChoiceModel(_Model):
    #: the choice's coverage id (`*<index>`): choices are told apart by where they lead in the
    #: compiled story, not by their text
    id: str = ""
    node: str
    text: str
    file: str
    line: int


class EdgeModel(_Model):
    source: str
    target: str
    conditions: list[str]
    file: str
    line: int


class Stats(_Model):
    walks: int = 0
    states: int = 0
    choices: int = 0
    truncated: int = 0
    frontier_left: int = 0
    #: exhaustive search: states merged with one already seen because they differed only in variables
    #: no later read can observe
    merged: int = 0


class MilestoneModel(_Model):
    """When a kind of coverage (endings, choices, branches, nodes) reached its final figure."""

    name: str
    covered: int
    total: int
    #: walks (random, guided) or states (exhaustive) played by then: the same on every machine
    work: int
    seconds: float


class Timing(_Model):
    seconds: float
    jobs: int
    states_per_second: float
    choices_per_second: float
    #: CPU time of the worker processes (on a busy machine, wall time says more about the others)
    cpu_seconds: float = 0.0
    choices_per_cpu_second: float = 0.0


class OptionsModel(_Model):
    mode: Literal["random", "exhaustive", "guided"]
    runs: int
    seed: int
    max_steps: int
    max_depth: int
    visit_bound: int
    max_lines: int
    untagged_ok: bool
    max_states: int
    until_covered: bool = False
    budget: float | None = None
    patience: int = 0
    walk_steps: int = 40
    liveness: bool = True


class BranchModel(_Model):
    id: str
    node: str
    file: str
    line: int
    condition: str


class ExploreReport(_Model):
    #: /2: choices are identified by coverage id (`taken` holds ids, not texts); /3: `stats` no longer
    #: counts lines (walks play a copy of the story without line breaks, see `Walker`)
    format: Literal["dreamphases-explore/3"] = "dreamphases-explore/3"
    story: str
    story_sha256: str
    options: OptionsModel
    #: [index, count] of each shard folded in; all of 1..count means the report is complete
    shards: list[list[int]]
    stats: Stats
    endings: list[FindingModel]
    errors: list[FindingModel]
    dead_ends: list[FindingModel]
    expected_endings: list[str] = Field(default_factory=list)
    #: every `# ending:` id in the source (from the story graph), so `--expect-endings all` also
    #: works when merging shards on a machine without the story
    declared_endings: list[str] = Field(default_factory=list)
    nodes: list[str]
    visited: list[str]
    graph_choices: list[ChoiceModel] = Field(default_factory=list)
    taken: list[str] = Field(default_factory=list)
    conditional_edges: list[EdgeModel] = Field(default_factory=list)
    #: every conditional branch in the source; `visited` holds the ids of those taken
    branches: list[BranchModel] = Field(default_factory=list)
    #: why the run stopped (runs done, search exhausted, a stopping rule)
    stop_reason: str = ""
    #: when each kind of coverage reached its final figure (one run; not kept by --merge)
    milestones: list[MilestoneModel] = Field(default_factory=list)
    timing: Timing | None = None
    #: stat trajectories over the random walks (schema `dreamphases.trajectories/1`), when recorded
    trajectories: TrajectoryReport | None = None

    # -- derived ----------------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        return _complete(self.shards)

    def unreached_nodes(self) -> list[str]:
        seen = set(self.visited)
        return [n for n in self.nodes if n not in seen]

    def untaken_choices(self) -> list[ChoiceModel]:
        taken = set(self.taken)
        return [c for c in self.graph_choices if c.id not in taken]

    def untaken_branches(self) -> list[BranchModel]:
        seen = set(self.visited)
        return [b for b in self.branches if b.id not in seen]

    def untaken_conditions(self) -> list[EdgeModel]:
        seen = set(self.visited)
        known = set(self.nodes)
        return [e for e in self.conditional_edges if e.target in known and e.target not in seen]

    def missing_endings(self) -> list[str]:
        reached = {f.name for f in self.endings}
        return [e for e in self.expected_endings if e not in reached]

    def failed(self) -> bool:
        return bool(self.errors or self.dead_ends or (self.complete and self.missing_endings()))

    def deterministic(self) -> dict[str, Any]:
        """Everything but the timing: what must be equal across --jobs and --shard."""
        data = self.model_dump(exclude={"timing"})
        for milestone in data["milestones"]:
            milestone.pop("seconds")
        return data

    def findings(self) -> dict[str, Any]:
        """What was found, without the run's timeline (stop reason, milestones): what merged shards
        must share with one whole run."""
        return self.model_dump(exclude={"timing", "milestones", "stop_reason"})


def _complete(shards: list[list[int]]) -> bool:
    counts = {count for _, count in shards}
    return len(counts) == 1 and sorted(i for i, _ in shards) == list(range(1, counts.pop() + 1))


def _findings(table: dict[str, Finding], walker: Walker | None,
              texts: dict[tuple[tuple[int, ...], int], list[str]] | None = None) -> list[FindingModel]:
    out = []
    for name, found in sorted(table.items(), key=lambda kv: (kv[1].key(), kv[0])):
        choices = (texts or {}).get((found.path, found.seed))
        if choices is None:
            choices = walker.replay(found.path, found.seed) if walker is not None else []
        out.append(FindingModel(name=name, count=found.count, path=list(found.path), seed=found.seed,
                                choices=choices))
    return out


def build_report(story: str, story_sha256: str, options: ExploreOptions, outcome: Outcome, walker: Walker,
                 graph: StoryGraph | None, shard: tuple[int, int], expected: list[str],
                 seconds: float, jobs: int) -> ExploreReport:
    tally = outcome.tally
    choices: list[ChoiceModel] = []
    edges: list[EdgeModel] = []
    branches: list[BranchModel] = []
    if graph is not None:
        branches = [BranchModel(id=branch_id(i), node=b.node, file=b.file, line=b.line, condition=source(b.condition))
                    for i, b in enumerate(graph.branches) if branch_id(i) in walker.node_paths]
        # a choice the runtime cannot count (no runtime path: not emitted) is not in the universe
        choices = [ChoiceModel(id=choice_id(i), node=c.node, text=" ".join(c.text.split()), file=c.file,
                               line=c.line)
                   for i, c in enumerate(graph.choices) if choice_id(i) in walker.node_paths]
        edges = [EdgeModel(source=e.source, target=e.target, conditions=[source(c) for c in e.conditions], file=e.file,
                           line=e.line)
                 for e in graph.edges if e.conditions and e.kind in ("divert", "tunnel", "thread")]
    report = ExploreReport(
        story=story, story_sha256=story_sha256,
        options=OptionsModel(**{k: getattr(options, k) for k in OptionsModel.model_fields}),
        shards=[list(shard)],
        stats=_stats(tally),
        endings=_findings(tally.endings, walker, outcome.texts), errors=_findings(tally.errors, walker, outcome.texts),
        dead_ends=_findings(tally.dead_ends, walker, outcome.texts), expected_endings=sorted(set(expected)),
        nodes=sorted(n for n in walker.node_paths if is_node_id(n)),
        visited=sorted(v for v in tally.visited if not is_choice_id(v)),
        graph_choices=choices, taken=sorted(v for v in tally.visited if is_choice_id(v)),
        conditional_edges=edges, branches=branches,
        declared_endings=sorted({e.id for e in graph.endings}) if graph is not None else [],
        stop_reason=outcome.stop_reason,
        milestones=[MilestoneModel(name=m.name, covered=m.covered, total=m.total, work=m.work,
                                   seconds=m.seconds) for m in outcome.milestones],
    )
    if options.track is not None:
        tags = outcome.global_tags if outcome.global_tags is not None else walker.engine.global_tags()
        report.trajectories = trajectory_report(tally.trajectories, tags,
                                                options.track, graph)
    report.timing = _timing(report.stats, seconds, jobs, outcome.cpu_seconds)
    return report


def _stats(tally: Tally) -> Stats:
    return Stats(walks=tally.walks, states=tally.states, choices=tally.choices,
                 truncated=tally.truncated, frontier_left=tally.frontier_left, merged=tally.merged)


def _timing(stats: Stats, seconds: float, jobs: int, cpu_seconds: float = 0.0) -> Timing:
    rate = 1 / seconds if seconds > 0 else 0.0
    return Timing(seconds=round(seconds, 4), jobs=jobs, states_per_second=round(stats.states * rate, 1),
                  choices_per_second=round(stats.choices * rate, 1), cpu_seconds=round(cpu_seconds, 4),
                  choices_per_cpu_second=round(stats.choices / cpu_seconds, 1) if cpu_seconds > 0 else 0.0)


class MergeError(Exception):
    pass


def _tally(report: ExploreReport) -> tuple[Tally, dict[tuple[tuple[int, ...], int], list[str]]]:
    tally = Tally(**report.stats.model_dump(), visited={*report.visited, *report.taken})
    texts: dict[tuple[tuple[int, ...], int], list[str]] = {}
    for table, items in ((tally.endings, report.endings), (tally.errors, report.errors),
                         (tally.dead_ends, report.dead_ends)):
        for item in items:
            table[item.name] = Finding(item.count, tuple(item.path), item.seed)
            texts[(tuple(item.path), item.seed)] = item.choices
    return tally, texts


def merge_reports(reports: list[ExploreReport]) -> ExploreReport:
    """Fold shard reports into one; refuses reports of different stories, options or overlapping shards."""
    if not reports:
        raise MergeError("nothing to merge")
    first = reports[0]
    shards: list[list[int]] = []
    for report in reports:
        if report.story_sha256 != first.story_sha256:
            raise MergeError(f"{report.story} is a different story (or version) than {first.story}")
        if report.options != first.options:
            raise MergeError("the reports were explored with different options")
        for shard in report.shards:
            if shards and shard[1] != shards[0][1] and not _complete([shard]):
                raise MergeError(f"shard {shard[0]}/{shard[1]} is from a split into {shard[1]}, "
                                 f"not {shards[0][1]}")
            if shard in shards:
                raise MergeError(f"shard {shard[0]}/{shard[1]} appears twice")
            shards.append(shard)
    total, texts = _tally(first)
    for report in reports[1:]:
        tally, more = _tally(report)
        total.merge(tally)
        texts.update(more)
    merged = first.model_copy(deep=True)
    # all the shards together are the whole run, and say so exactly as a one-machine report does
    merged.shards = [[1, 1]] if _complete(shards) else sorted(shards)
    merged.stats = _stats(total)
    # milestones are one run's timeline; shards' timelines do not add up to one
    merged.milestones = [] if len(reports) > 1 else merged.milestones
    if len(reports) > 1:
        merged.stop_reason = "; ".join(sorted({r.stop_reason for r in reports if r.stop_reason}))
    merged.endings = _findings(total.endings, None, texts)
    merged.errors = _findings(total.errors, None, texts)
    merged.dead_ends = _findings(total.dead_ends, None, texts)
    merged.visited = sorted(v for v in total.visited if not is_choice_id(v))
    merged.taken = sorted(v for v in total.visited if is_choice_id(v))
    merged.expected_endings = sorted({e for r in reports for e in r.expected_endings})
    parts = [r.trajectories for r in reports if r.trajectories is not None]
    if parts:
        samples = Samples()
        for part in parts:
            samples.merge(Samples.from_model(part.samples))
        merged.trajectories = resummarise(parts[0], samples)
    timings = [r.timing for r in reports if r.timing is not None]
    if timings:  # shards run side by side: the wall time is the slowest shard's
        merged.timing = _timing(merged.stats, max(t.seconds for t in timings), sum(t.jobs for t in timings),
                                sum(t.cpu_seconds for t in timings))
    return merged


def finding_spec(report: ExploreReport, finding: FindingModel, story_ref: str, kind: str = "ending") -> str:
    """A playthrough spec that replays the shortest path to a finding (choices chosen by text if unique)."""
    steps: list[dict[str, Any]] = [{"choose": text} for text in finding.choices]
    if kind == "ending":
        steps.append({"tags": [f"ending: {finding.name}"]})
    if not steps:
        steps.append({"end": True})
    comment = f"Shortest path to {kind} `{finding.name}` found by `dreamphases explore`."
    return dump_spec(story_ref, steps, name=f"{kind} {finding.name}"[:80], seed=finding.seed, comment=comment)


def render_report(report: ExploreReport, console: Any) -> None:
    """Rich tables for people; `--json` is for machines."""
    from rich.table import Table

    stats, timing = report.stats, report.timing
    head = Table(title=f"explore {report.story} ({report.options.mode})", show_header=False)
    head.add_row("walks / states", f"{stats.walks} / {stats.states}")
    head.add_row("choices made", str(stats.choices))
    if report.options.mode == "exhaustive":
        head.add_row("states left unexplored", f"{stats.frontier_left} (at --max-depth or --max-states)")
        if stats.truncated:
            head.add_row("stopped by --max-states", f"yes, in {stats.truncated} of the subtrees")
        if report.options.liveness:
            head.add_row("states merged by liveness", f"{stats.merged:,}")
    elif stats.truncated:
        head.add_row("walks cut at --max-steps", str(stats.truncated))
    if timing is not None:
        head.add_row("time", f"{timing.seconds:.2f} s with {timing.jobs} job(s): "
                     f"{timing.states_per_second:,.0f} states/s, {timing.choices_per_second:,.0f} choices/s")
    if report.stop_reason:
        head.add_row("stopped because", report.stop_reason)
    unit = "states" if report.options.mode == "exhaustive" else "walks"
    for m in report.milestones:
        if m.total:
            head.add_row(f"{m.name} {m.covered}/{m.total}", f"after {m.work:,} {unit} ({m.seconds:.2f} s)")
    if not report.complete:
        head.add_row("shards", f"partial report ({', '.join(f'{i}/{n}' for i, n in report.shards)})")
    console.print(head)

    def findings(title: str, items: list[Any], style: str) -> None:
        if not items:
            return
        table = Table(title=title, title_style=style)
        for column in ("", "times", "shortest path"):
            table.add_column(column)
        for item in items:
            shown = item.choices if len(item.choices) <= 6 else [*item.choices[:3], "…", *item.choices[-2:]]
            path = " → ".join(shown) if shown else "(at the start)"
            steps = len(item.path)
            table.add_row(item.name, str(item.count), f"{steps} choice{'s' if steps != 1 else ''}: {path}")
        console.print(table)

    findings("endings reached", report.endings, "green")
    findings("runtime errors", [e for e in report.errors if not e.name.startswith(CONTINUITY)], "red")
    findings("continuity violations (`expect` calls that failed)",
             [e for e in report.errors if e.name.startswith(CONTINUITY)], "red")
    findings("dead ends", report.dead_ends, "red")
    missing = report.missing_endings()
    if missing:
        console.print(f"[red]expected endings not reached:[/] {', '.join(missing)}")
    unreached = report.unreached_nodes()
    listed = f" — {', '.join(unreached[:30])}{' …' if len(unreached) > 30 else ''}" if unreached else ""
    console.print(f"knots/stitches/labels never reached: {len(unreached)} of {len(report.nodes)}{listed}")
    if report.graph_choices:
        untaken = report.untaken_choices()
        console.print(f"choices never taken: {len(untaken)} of {len(report.graph_choices)}")
        for c in untaken[:20]:
            console.print(f"  {c.file}:{c.line}: {c.text}")
    if report.branches:
        untaken_branches = report.untaken_branches()
        console.print(f"conditional branches never taken: {len(untaken_branches)} of {len(report.branches)}")
        for b in untaken_branches[:20]:
            console.print(f"  {b.file}:{b.line}: {{{b.condition}: …}} in {b.node or '(start)'}")
    conds = report.untaken_conditions()
    if conds:
        console.print(f"conditional diverts never taken: {len(conds)}")
        for e in conds[:20]:
            console.print(f"  {e.file}:{e.line}: {{{' and '.join(e.conditions)}}} -> {e.target}")
    if report.trajectories is not None:
        render_trajectories(report.trajectories, console)
    verdict = "[red]FAILED[/]" if report.failed() else "[green]ok[/]"
    broken = sum(1 for e in report.errors if e.name.startswith(CONTINUITY))
    console.print(f"{verdict}: {len(report.endings)} ending(s), {len(report.errors) - broken} error(s), "
                  f"{len(report.dead_ends)} dead end(s)"
                  + (f", {broken} continuity violation(s)" if broken else ""))
