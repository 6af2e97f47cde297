"""Scopes: how a name in a divert or a read count finds its knot, stitch or label.

inklecate's rule (its `Path.ResolveFromContext`), kept in one place. The first component is looked
for from the innermost flow outwards; at each flow: a label anywhere in that flow's weave, the flow's
own name, one of its stitches, and, at a knot only, a label anywhere in one of its stitches. At the
story: a top-level label, then a knot. Each further component looks one level down: in a knot, a
stitch first and then a label anywhere in the knot (`k.s` is stitch `s` even when `k` also has a
label `s`); in a stitch, one of its labels. A label in another knot is not found by its bare name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dreamphases.compiler import ast as A
from dreamphases.compiler.resolved import Point

__all__ = ["Scopes"]


@dataclass(slots=True)
class Scopes:
    """The knots and each flow's labels, for inklecate's lookup of a divert target from a place."""

    knots: dict[str, A.Flow] = field(default_factory=dict)
    #: id(flow) → label → the labelled choice or gather in that flow's weave
    labels: dict[int, dict[str, A.Choice | A.Gather]] = field(default_factory=dict)

    def lookup(self, path: str, chain: list[A.Flow]) -> Point | None:
        parts = path.split(".")
        found: Point | None = None
        for flow in reversed(chain):
            found = self._in_flow(parts[0], flow)
            if found is not None:
                break
        for part in parts[1:]:
            if not isinstance(found, A.Flow) or found.kind == "root":
                return None
            found = self._below(part, found)
        return found

    def _in_flow(self, name: str, flow: A.Flow) -> Point | None:
        """`name` as the first component, seen from inside `flow` (not searching further out)."""
        label = self.labels.get(id(flow), {}).get(name)
        if label is not None:
            return label
        if flow.kind == "root":
            return self.knots.get(name)
        if flow.name == name:
            return flow
        child = next((c for c in flow.children if c.name == name), None)
        if child is not None:
            return child
        return self._stitch_label(name, flow)

    def _below(self, name: str, flow: A.Flow) -> Point | None:
        """`name` as a further component after `flow`: a stitch of a knot first, then a label."""
        child = next((c for c in flow.children if c.name == name), None)
        if child is not None:
            return child
        label = self.labels.get(id(flow), {}).get(name)
        if label is not None:
            return label
        return self._stitch_label(name, flow)

    def _stitch_label(self, name: str, flow: A.Flow) -> Point | None:
        """A label in one of a knot's stitches (inklecate searches a knot deeply, a stitch not)."""
        for st in flow.children:
            label = self.labels.get(id(st), {}).get(name)
            if label is not None:
                return label
        return None

    def target_names(self, chain: list[A.Flow]) -> list[str]:
        names = list(self.knots)
        for flow in chain:
            names.extend(self.labels.get(id(flow), {}))
            names.extend(c.name for c in flow.children if flow.kind != "root")
        for k in self.knots.values():
            names.extend(f"{k.name}.{c.name}" for c in k.children)
        return names
