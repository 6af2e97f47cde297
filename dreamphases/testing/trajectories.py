"""Stat trajectories: how each tracked variable is spread as the story goes on, over many random walks.

A stat that sits at its bound on most walks is a stat the player no longer plays, and no structural
check sees it. The explorer records, at every choice point of every random walk, where the story is
(its knot or knot.stitch) and the values of the tracked variables (every `# stat:` plus `--track`
names); this module turns those samples into per-scene and per-act spreads and finds where a stat
saturates.

The explorer only calls `Recorder` (three methods per walk). Everything the recorder keeps is a
`Samples`, whose `merge` is commutative and associative: counts of values, never a list of walks, so
`--jobs`, `--shard` and `--merge` give the same report as one process.

What is counted, per walk:

* **scene** (knot or knot.stitch): the value at the walk's *first* choice point there (what a reader
  arriving meets), so each walk counts once per scene it reaches;
* **act** (the INCLUDEd file a scene is written in): the value at the walk's *last* choice point in
  that act (what the act hands on);
* **end**: the value when the walk stops;
* **pushes**: each choice after which a stat moved onto one of its bounds from inside the range.

Scenes are ordered along the story by *progress*: the mean number of choices made before arriving.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from dreamphases.compiler.graph import StoryGraph
from dreamphases.statspec import StatSpec, stat_specs

if TYPE_CHECKING:
    from dreamphases.runtime.engine import Engine

__all__ = [
    "DEFAULT_SATURATION", "SCHEMA", "TrackConfig", "Samples", "Recorder", "Spread", "Saturation",
    "VariableTrajectory", "TrajectoryReport", "summarise", "render_trajectories", "tracked_specs",
    "trajectory_report", "resummarise", "trajectories_html",
]

SCHEMA: Literal["dreamphases.trajectories/1"] = "dreamphases.trajectories/1"
#: a stat at a bound on at least this share (percent) of walks from some scene on is saturated
DEFAULT_SATURATION = 60.0
#: scenes reached by fewer walks than this (and than 2% of walks) are too thin to call saturation on
_MIN_WALKS = 20

Number = int | float


@dataclass(frozen=True, slots=True)
class TrackConfig:
    """What to record: variable names, and which act (INCLUDEd file) each knot is written in."""

    variables: tuple[str, ...]
    #: knot name -> act name (a knot missing here has no act)
    acts: Mapping[str, str] = field(default_factory=dict)
    #: the `--track` names (the rest of `variables` are the story's declared stats)
    extra: tuple[str, ...] = ()
    saturation_pct: float = DEFAULT_SATURATION
    #: count only walks that end in one of these endings (all walks when empty)
    endings: tuple[str, ...] = ()

    @classmethod
    def for_story(cls, global_tags: Iterable[str], graph: StoryGraph | None, track: Sequence[str] = (),
                  saturation_pct: float = DEFAULT_SATURATION, endings: Sequence[str] = ()) -> TrackConfig:
        """Every declared stat plus `track`; acts are the files knots are written in (when the
        story has more than one file: one file is one act, and then not worth a table)."""
        specs = tracked_specs(global_tags, track)
        acts: dict[str, str] = {}
        if graph is not None and len(graph.files) > 1:
            acts = {n.id: n.file for n in graph.nodes.values() if n.kind == "knot"}
        known = {s.var for s in stat_specs(global_tags)}
        return cls(tuple(s.var for s in specs), acts, tuple(v for v in dict.fromkeys(track) if v not in known),
                   saturation_pct, tuple(endings))


@dataclass(slots=True)
class Samples:
    """Everything recorded; a sum of counts, so merging in any order gives the same result."""

    walks: int = 0
    #: (var, scene) -> value -> walks
    scenes: dict[tuple[str, str], Counter[Number]] = field(default_factory=dict)
    #: (var, act) -> value -> walks
    acts: dict[tuple[str, str], Counter[Number]] = field(default_factory=dict)
    #: var -> value -> walks
    ends: dict[str, Counter[Number]] = field(default_factory=dict)
    #: scene -> [sum of choices made before arriving, walks arriving]
    progress: dict[str, list[int]] = field(default_factory=dict)
    #: scene -> act
    scene_acts: dict[str, str] = field(default_factory=dict)
    #: (var, value reached, scene the choice was offered in, choice text) -> times
    pushes: Counter[tuple[str, Number, str, str]] = field(default_factory=Counter)
    #: (var, ending id) -> value at the end -> walks (every walk, whatever `TrackConfig.endings`)
    endings: dict[tuple[str, str], Counter[Number]] = field(default_factory=dict)

    def merge(self, other: Samples) -> None:
        self.walks += other.walks
        for mine, theirs in ((self.scenes, other.scenes), (self.acts, other.acts),
                             (self.endings, other.endings)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        for var, counts in other.ends.items():
            self.ends.setdefault(var, Counter()).update(counts)
        for scene, (steps, walks) in other.progress.items():
            entry = self.progress.setdefault(scene, [0, 0])
            entry[0] += steps
            entry[1] += walks
        self.scene_acts.update(other.scene_acts)
        self.pushes.update(other.pushes)

    # -- the JSON form (raw counts, so shard reports merge exactly) -------------------------------
    def to_model(self) -> SamplesModel:
        def table(data: Mapping[tuple[str, str], Counter[Number]]) -> list[CountsModel]:
            return [CountsModel(var=var, where=where, counts=sorted([v, n] for v, n in counts.items()))
                    for (var, where), counts in sorted(data.items())]

        return SamplesModel(
            walks=self.walks, scenes=table(self.scenes), acts=table(self.acts),
            ends=[CountsModel(var=var, where="", counts=sorted([v, n] for v, n in c.items()))
                  for var, c in sorted(self.ends.items())],
            progress=[[scene, steps, walks] for scene, (steps, walks) in sorted(self.progress.items())],
            scene_acts=dict(sorted(self.scene_acts.items())),
            pushes=sorted([var, value, scene, text, n] for (var, value, scene, text), n in self.pushes.items()),
            endings=table(self.endings),
        )

    @classmethod
    def from_model(cls, model: SamplesModel) -> Samples:
        def table(rows: list[CountsModel]) -> dict[tuple[str, str], Counter[Number]]:
            return {(r.var, r.where): Counter({_num(v): int(n) for v, n in r.counts}) for r in rows}

        return cls(
            walks=model.walks, scenes=table(model.scenes), acts=table(model.acts),
            ends={r.var: Counter({_num(v): int(n) for v, n in r.counts}) for r in model.ends},
            progress={str(s): [int(a), int(b)] for s, a, b in model.progress},
            scene_acts=dict(model.scene_acts),
            pushes=Counter({(str(v), _num(x), str(s), str(t)): int(n) for v, x, s, t, n in model.pushes}),
            endings=table(model.endings),
        )


def _num(value: object) -> Number:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else float(value)
    return float(str(value))


class Recorder:
    """Records one walk at a time into `samples`; the explorer calls `begin`, `sample`, `end`.

    A walk is kept aside until it ends, so `TrackConfig.endings` can keep only the walks that end
    where the writer asks (a careful player's route is a walk to the best ending)."""

    __slots__ = ("config", "samples", "_first", "_last_act", "_prev", "_scene", "_pushes", "_defaults")

    def __init__(self, config: TrackConfig, defaults: Mapping[str, object]) -> None:
        """`defaults`: each variable's initial value (the saved state omits unchanged ones)."""
        self.config = config
        self._defaults = defaults
        self.samples = Samples()
        self._first: dict[str, tuple[int, tuple[Number | None, ...]]] = {}
        self._last_act: dict[str, tuple[Number | None, ...]] = {}
        self._prev: tuple[Number | None, ...] = ()
        self._scene = ""
        self._pushes: list[tuple[str, Number, str, str]] = []

    @classmethod
    def for_engine(cls, config: TrackConfig, engine: Engine) -> Recorder:
        """A recorder for a freshly loaded engine (its variables still hold their initial values);
        a `# stat:` naming no variable (reported by `check`) is simply never sampled."""
        defaults: dict[str, object] = {}
        for name in config.variables:
            try:
                defaults[name] = engine.get_variable(name)
            except RuntimeError:
                defaults[name] = None
        return cls(config, defaults)

    def take(self) -> Samples:
        """What was recorded since the last call (the explorer files it in its tally)."""
        samples, self.samples = self.samples, Samples()
        return samples

    def begin(self) -> None:
        self._first = {}
        self._last_act = {}
        self._prev = ()
        self._scene = ""
        self._pushes = []

    def sample(self, engine: Engine, step: int, choice: str | None) -> None:
        """At a choice point (or the end), `step` choices into the walk, after taking `choice`."""
        scene, changed = engine.snapshot()
        values: list[Number | None] = []
        for var in self.config.variables:
            raw = changed.get(var, self._defaults.get(var))
            values.append(_num(raw) if isinstance(raw, int | float) else None)
        current = tuple(values)
        if choice is not None and self._prev:
            for var, before, after in zip(self.config.variables, self._prev, current, strict=True):
                if after is not None and before != after:  # kept if it lands on a bound (summarise)
                    self._pushes.append((var, after, self._scene, choice))
        # the runtime names the top of the story "" again once a walk has stopped: not a scene
        if scene not in self._first and (scene or step == 0):
            self._first[scene] = (step, current)
        act = self.config.acts.get(scene.split(".", 1)[0])
        if act is not None:
            self._last_act[act] = current
        self._prev = current
        self._scene = scene

    def end(self, endings: Sequence[str] = ()) -> None:
        """The walk stopped (in these endings, if tagged): file it, unless it is filtered out."""
        samples = self.samples
        names = self.config.variables
        for ending in endings:
            for var, value in zip(names, self._prev, strict=True):
                if value is not None:
                    samples.endings.setdefault((var, ending), Counter())[value] += 1
        if self.config.endings and not set(endings) & set(self.config.endings):
            return
        samples.walks += 1
        for scene, (step, values) in self._first.items():
            entry = samples.progress.setdefault(scene, [0, 0])
            entry[0] += step
            entry[1] += 1
            act = self.config.acts.get(scene.split(".", 1)[0])
            if act is not None:
                samples.scene_acts[scene] = act
            for var, value in zip(names, values, strict=True):
                if value is not None:
                    samples.scenes.setdefault((var, scene), Counter())[value] += 1
        for act, values in self._last_act.items():
            for var, value in zip(names, values, strict=True):
                if value is not None:
                    samples.acts.setdefault((var, act), Counter())[value] += 1
        for var, value in zip(names, self._prev, strict=True):
            if value is not None:
                samples.ends.setdefault(var, Counter())[value] += 1
        samples.pushes.update(self._pushes)


# -- the report (pydantic: part of `explore --json`; keys are stable, only ever added) -------------

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CountsModel(_Model):
    var: str
    where: str
    #: [value, walks] pairs, by value
    counts: list[list[float]]


class SamplesModel(_Model):
    """The raw counts behind the summary: what `explore --merge` adds up."""

    walks: int = 0
    scenes: list[CountsModel] = Field(default_factory=list)
    acts: list[CountsModel] = Field(default_factory=list)
    ends: list[CountsModel] = Field(default_factory=list)
    #: [scene, sum of choices made before arriving, walks arriving]
    progress: list[list[str | int]] = Field(default_factory=list)
    scene_acts: dict[str, str] = Field(default_factory=dict)
    #: [var, value reached, scene, choice text, times]
    pushes: list[list[str | float]] = Field(default_factory=list)
    #: where = the ending id
    endings: list[CountsModel] = Field(default_factory=list)


class Spread(_Model):
    """How one variable is spread over the walks at one place."""

    where: str
    #: the act (INCLUDEd file) the scene is written in; "" for acts themselves and unknown scenes
    act: str = ""
    #: mean number of choices made before arriving (scenes only)
    progress: float = 0.0
    walks: int
    min: float
    p10: float
    median: float
    p90: float
    max: float
    #: share (0..1) of those walks with the value at (or beyond) the declared lower / upper bound
    at_low: float | None = None
    at_high: float | None = None


class Push(_Model):
    choice: str
    scene: str
    times: int
    file: str | None = None
    line: int | None = None


class Saturation(_Model):
    bound: Literal["low", "high"]
    value: float
    #: the first scene (in story order) from which the stat sits at the bound on >= the threshold
    scene: str
    file: str | None = None
    line: int | None = None
    #: share at the bound in that scene, and over every scene from it on
    share: float
    share_after: float
    #: the choices that most often move the stat onto that bound
    pushed_by: list[Push] = Field(default_factory=list)


class VariableTrajectory(_Model):
    var: str
    label: str
    kind: str
    low: float | None = None
    high: float | None = None
    scenes: list[Spread]
    acts: list[Spread]
    end: Spread | None = None
    #: the value at the end of the walks reaching each ending (every walk, whatever the filter)
    endings: list[Spread] = Field(default_factory=list)
    saturation: list[Saturation] = Field(default_factory=list)


class TrajectoryReport(_Model):
    format: Literal["dreamphases.trajectories/1"] = SCHEMA
    saturation_pct: float = DEFAULT_SATURATION
    #: only walks ending in one of these endings were counted (all walks when empty)
    only_endings: list[str] = Field(default_factory=list)
    walks: int
    variables: list[VariableTrajectory]
    samples: SamplesModel
    #: scene -> [file, line], and [scene, choice text, file, line], from the story graph (for merging)
    scene_places: dict[str, tuple[str, int]] = Field(default_factory=dict)
    choice_places: list[tuple[str, str, str, int]] = Field(default_factory=list)



# -- summarising ------------------------------------------------------------------------------------

def tracked_specs(global_tags: Iterable[str], track: Sequence[str]) -> list[StatSpec]:
    """Every declared stat, then each `--track` name not declared (with no range)."""
    specs = stat_specs(global_tags)
    known = {s.var for s in specs}
    extra = [StatSpec(var, var, float("-inf"), float("inf"), "tracked")
             for var in dict.fromkeys(track) if var not in known]
    return specs + extra


def _percentile(ordered: list[tuple[Number, int]], total: int, q: float) -> float:
    """The nearest-rank percentile of a histogram sorted by value."""
    rank = max(1, -(-int(q * total * 1000) // 1000)) if q > 0 else 1
    seen = 0
    for value, count in ordered:
        seen += count
        if seen >= rank:
            return float(value)
    return float(ordered[-1][0])


def _spread(where: str, counts: Counter[Number], spec: StatSpec, act: str = "",
            progress: float = 0.0) -> Spread:
    ordered = sorted(counts.items())
    total = sum(counts.values())
    bounded = spec.low != float("-inf")
    return Spread(
        where=where, act=act, progress=round(progress, 2), walks=total,
        min=float(ordered[0][0]), p10=_percentile(ordered, total, 0.10),
        median=_percentile(ordered, total, 0.50), p90=_percentile(ordered, total, 0.90),
        max=float(ordered[-1][0]),
        at_low=round(sum(n for v, n in ordered if v <= spec.low) / total, 4) if bounded else None,
        at_high=round(sum(n for v, n in ordered if v >= spec.high) / total, 4) if bounded else None,
    )


def _saturation(var: str, spec: StatSpec, scenes: list[Spread], samples: Samples, pct: float,
                places: Mapping[str, tuple[str, int]],
                choices: Mapping[tuple[str, str], tuple[str, int]]) -> list[Saturation]:
    if spec.low == float("-inf"):
        return []
    threshold = pct / 100.0
    enough = max(1, min(_MIN_WALKS, int(samples.walks * 0.02)))
    solid = [s for s in scenes if s.walks >= enough]
    found: list[Saturation] = []
    for bound, value in (("low", spec.low), ("high", spec.high)):
        def at(s: Spread, bound: str = bound) -> float:
            return (s.at_low if bound == "low" else s.at_high) or 0.0

        for i, scene in enumerate(solid):
            if at(scene) < threshold:
                continue
            after = solid[i:]
            walks = sum(s.walks for s in after)
            share_after = sum(at(s) * s.walks for s in after) / walks
            if share_after < threshold:
                continue
            pushes = [(n, place, text) for (v, x, place, text), n in samples.pushes.items()
                      if v == var and (x <= spec.low if bound == "low" else x >= spec.high)]
            pushes.sort(key=lambda p: (-p[0], p[1], p[2]))
            file, line = places.get(scene.where, (None, None))
            found.append(Saturation(
                bound=bound, value=value, scene=scene.where, file=file, line=line,  # type: ignore[arg-type]
                share=round(at(scene), 4), share_after=round(share_after, 4),
                pushed_by=[Push(choice=text, scene=place, times=n,
                                file=choices.get((place, text), (None, None))[0],
                                line=choices.get((place, text), (None, None))[1])
                           for n, place, text in pushes[:3]],
            ))
            break
    return found


def summarise(samples: Samples, specs: Sequence[StatSpec], saturation_pct: float = DEFAULT_SATURATION,
              places: Mapping[str, tuple[str, int]] | None = None,
              choices: Mapping[tuple[str, str], tuple[str, int]] | None = None,
              only_endings: Sequence[str] = ()) -> TrajectoryReport:
    """The report for these samples. `places` maps a scene to its (file, line) and `choices` a
    (scene, choice text) to the choice's (file, line), when the story graph is at hand."""
    places = places or {}
    choices = choices or {}
    order = {scene: steps / walks for scene, (steps, walks) in samples.progress.items() if walks}
    act_rank: dict[str, float] = {}
    for scene, act in samples.scene_acts.items():
        act_rank[act] = min(act_rank.get(act, float("inf")), order.get(scene, 0.0))
    variables: list[VariableTrajectory] = []
    for spec in specs:
        scenes = sorted(
            (_spread(scene, counts, spec, samples.scene_acts.get(scene, ""), order.get(scene, 0.0))
             for (var, scene), counts in samples.scenes.items() if var == spec.var and counts),
            key=lambda s: (s.progress, s.where))
        acts = sorted((_spread(act, counts, spec) for (var, act), counts in samples.acts.items()
                       if var == spec.var and counts),
                      key=lambda s: (act_rank.get(s.where, 0.0), s.where))
        ends = samples.ends.get(spec.var)
        bounded = spec.low != float("-inf")
        variables.append(VariableTrajectory(
            var=spec.var, label=spec.label, kind=spec.kind,
            low=spec.low if bounded else None, high=spec.high if bounded else None,
            scenes=scenes, acts=acts, end=_spread("end", ends, spec) if ends else None,
            endings=[_spread(ending, counts, spec) for (var, ending), counts in sorted(samples.endings.items())
                     if var == spec.var and counts],
            saturation=_saturation(spec.var, spec, scenes, samples, saturation_pct, places, choices),
        ))
    return TrajectoryReport(format=SCHEMA, saturation_pct=saturation_pct, only_endings=list(only_endings),
                            walks=samples.walks,
                            variables=variables, samples=samples.to_model(),
                            scene_places={k: places[k] for k in sorted(places) if k in order},
                            choice_places=sorted((a, b, f, n) for (a, b), (f, n) in choices.items()
                                                 if a in order))


def trajectory_report(samples: Samples, global_tags: Iterable[str], config: TrackConfig,
                      graph: StoryGraph | None) -> TrajectoryReport:
    """The report for one exploration; places come from the graph when the story was .ink."""
    places: dict[str, tuple[str, int]] = {}
    choices: dict[tuple[str, str], tuple[str, int]] = {}
    if graph is not None:
        places = {n.id: (n.file, n.line) for n in graph.nodes.values() if n.kind in ("knot", "stitch", "root")}
        for choice in graph.choices:
            scene = _scene_of(graph, choice.node)
            text = " ".join(choice.text.replace("[", "").replace("]", "").split())
            choices.setdefault((scene, text), (choice.file, choice.line))
    return summarise(samples, tracked_specs(global_tags, config.extra), config.saturation_pct, places, choices,
                     config.endings)


def _scene_of(graph: StoryGraph, node_id: str) -> str:
    """The knot or stitch a node (maybe a label) is written in: how the runtime names where it is."""
    node = graph.nodes.get(node_id)
    while node is not None and node.kind == "label" and node.parent is not None:
        node = graph.nodes.get(node.parent)
    return node.id if node is not None else node_id


def resummarise(previous: TrajectoryReport, samples: Samples,
                saturation_pct: float | None = None) -> TrajectoryReport:
    """The report for merged samples, with the variables and places of a shard's report (and its
    saturation threshold, unless another is given: the raw counts allow any)."""
    specs = [StatSpec(v.var, v.label, v.low if v.low is not None else float("-inf"),
                      v.high if v.high is not None else float("inf"), v.kind) for v in previous.variables]
    choices = {(a, b): (f, n) for a, b, f, n in previous.choice_places}
    pct = previous.saturation_pct if saturation_pct is None else saturation_pct
    return summarise(samples, specs, pct, dict(previous.scene_places), choices, previous.only_endings)


# -- the terminal picture ---------------------------------------------------------------------------

_BARS = " ▁▂▃▄▅▆▇█"


def _columns(scenes: list[Spread], width: int) -> list[list[Spread]]:
    """Scenes in story order, cut into at most `width` columns of neighbours."""
    if not scenes:
        return []
    per = max(1, -(-len(scenes) // width))
    return [scenes[i:i + per] for i in range(0, len(scenes), per)]


def render_trajectories(report: TrajectoryReport, console: object, width: int | None = None) -> None:
    """One strip per variable along the story: bar height is the median, colour the share of walks
    at a bound (green under a third, yellow under the saturation threshold, red at or above it)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    assert isinstance(console, Console)
    width = width or max(16, min(80, console.width - 38))
    threshold = report.saturation_pct / 100.0
    only = f" ending in {', '.join(report.only_endings)}" if report.only_endings else ""
    console.print(Text(f"stat trajectories over {report.walks} walks{only} "
                       f"(bar: median; colour: share of walks at a bound; red ≥ {report.saturation_pct:g}%)",
                       style="bold"))
    for var in report.variables:
        columns = _columns(var.scenes, width)
        if not columns:
            continue
        low = var.low if var.low is not None else min(s.min for s in var.scenes)
        high = var.high if var.high is not None else max(s.max for s in var.scenes)
        span = (high - low) or 1.0
        strip = Text()
        marks = Text()
        saturated = {s.scene for s in var.saturation}
        for column in columns:
            walks = sum(s.walks for s in column) or 1
            median = sum(s.median * s.walks for s in column) / walks
            share = sum(max(s.at_low or 0.0, s.at_high or 0.0) * s.walks for s in column) / walks
            level = round((median - low) / span * (len(_BARS) - 2)) + 1
            style = "red" if share >= threshold else "yellow" if share >= 1 / 3 else "green"
            strip.append(_BARS[min(max(level, 1), len(_BARS) - 1)], style=style)
            marks.append("▲" if any(s.where in saturated for s in column) else " ", style="bold red")
        name = f"{var.label} ({var.var})" if var.label != var.var else var.var
        rng = f"{low:g}..{high:g}"
        console.print(Text(f"{name:<26} {rng:>9} ", style="bold") + strip)
        if var.saturation:
            console.print(Text(" " * 37) + marks)
        for sat in var.saturation:
            where = f" ({sat.file}:{sat.line})" if sat.file else ""
            console.print(Text(
                f"  saturated: at its {sat.bound} bound {sat.value:g} on {sat.share:.0%} of walks in "
                f"{sat.scene}{where}, and {sat.share_after:.0%} from there on", style="red"))
            for push in sat.pushed_by:
                at = f" ({push.file}:{push.line})" if push.file else ""
                console.print(f"    pushed there by “{push.choice}” in {push.scene}{at}: {push.times}×")
    # the acts side by side, then the endings
    for title, part in (("by act: value when the act is left", "acts"), ("by ending: value at the end", "endings")):
        headings = list(dict.fromkeys(s.where for v in report.variables for s in getattr(v, part)))
        if not headings:
            continue
        table = Table(title=Text(f"{title} (median [p10–p90], share of walks at a bound)"))
        table.add_column("stat")
        for heading in headings:
            table.add_column(heading)
        for var in report.variables:
            cells = {a.where: a for a in getattr(var, part)}
            row = [var.label]
            for heading in headings:
                a = cells.get(heading)
                if a is None:
                    row.append("")
                    continue
                bound = max(a.at_low or 0.0, a.at_high or 0.0)
                cell = f"{a.median:g} [{a.p10:g}–{a.p90:g}]"
                if a.at_low is not None:
                    cell += f" {bound:.0%}"
                row.append(f"[red]{cell}[/]" if bound >= threshold else cell)
            table.add_row(*row)
        console.print(table)


# -- the HTML section (`map --html … --explore REPORT.json`) -----------------------------------------

def _colour(share: float, threshold: float) -> str:
    return "#d9534f" if share >= threshold else "#f0ad4e" if share >= 1 / 3 else "#5cb85c"


def trajectories_html(report: TrajectoryReport) -> str:
    """The strips as inline SVG (one bar per scene: height the median, colour the share at a bound),
    with the saturation findings and a per-scene table; no outside resources."""
    import html

    esc = html.escape
    threshold = report.saturation_pct / 100.0
    only = f" ending in {esc(', '.join(report.only_endings))}" if report.only_endings else ""
    parts = [f"<h2>Stat trajectories</h2><p>Over {report.walks} random walks{only}. Each bar is a scene in "
             f"story order: its height is the median value on arriving, its colour the share of walks at "
             f"a bound (green under a third, amber, red at or above {report.saturation_pct:g}%).</p>"]
    for var in report.variables:
        if not var.scenes:
            continue
        low = var.low if var.low is not None else min(s.min for s in var.scenes)
        high = var.high if var.high is not None else max(s.max for s in var.scenes)
        span = (high - low) or 1.0
        width, height = 6, 60
        bars = []
        for i, scene in enumerate(var.scenes):
            share = max(scene.at_low or 0.0, scene.at_high or 0.0)
            h = max(2.0, (scene.median - low) / span * height)
            bars.append(f'<rect x="{i * width}" y="{height - h:.1f}" width="{width - 1}" height="{h:.1f}" '
                        f'fill="{_colour(share, threshold)}"><title>{esc(scene.where or "(start)")}: median '
                        f'{scene.median:g} [{scene.p10:g}–{scene.p90:g}], {share:.0%} at a bound, '
                        f'{scene.walks} walks</title></rect>')
        parts.append(f"<h3>{esc(var.label)} (<code>{esc(var.var)}</code>, {low:g}..{high:g})</h3>"
                     f'<svg width="{len(var.scenes) * width}" height="{height}" role="img">{"".join(bars)}</svg>')
        for sat in var.saturation:
            where = f" (<code>{esc(sat.file)}:{sat.line}</code>)" if sat.file else ""
            pushes = "".join(f"<li>“{esc(p.choice)}” in <code>{esc(p.scene)}</code>: {p.times}×</li>"
                             for p in sat.pushed_by)
            parts.append(f'<p class="note">Saturated: at its {sat.bound} bound {sat.value:g} on '
                         f"{sat.share:.0%} of walks in <code>{esc(sat.scene)}</code>{where}, and "
                         f"{sat.share_after:.0%} from there on. Pushed there by:</p><ul>{pushes}</ul>")
    return "\n".join(parts)
