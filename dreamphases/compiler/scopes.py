"""Scopes: how a name in a divert or a read count finds its knot, stitch or label.

inklecate's rule, kept in one place: search from the innermost flow outwards (labels of the stitch,
then the knot's labels and stitches, then the story's knots), then follow dotted components
downwards; as a last resort a label in a sibling stitch, or anywhere if the name is unambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dreamphases.compiler import ast as A
from dreamphases.compiler.resolved import Point

__all__ = ["Scopes"]


@dataclass(slots=True)
class Scopes:
    knots: dict[str, A.Flow] = field(default_factory=dict)
    #: id(flow) → label → the labelled choice or gather in that flow's weave
    labels: dict[int, dict[str, A.Choice | A.Gather]] = field(default_factory=dict)

    def lookup(self, path: str, chain: list[A.Flow]) -> Point | None:
        parts = path.split(".")
        first = parts[0]
        found: Point | None = None
        for flow in reversed(chain):
            table = self.labels.get(id(flow), {})
            if first in table:
                found = table[first]
                break
            if flow.kind != "root":
                if flow.name == first and flow.kind in ("knot", "function"):
                    found = flow
                    break
                child = next((c for c in flow.children if c.name == first), None)
                if child is not None:
                    found = child
                    break
            elif first in self.knots:
                found = self.knots[first]
                break
        if found is None and len(parts) == 1:
            found = self.deep_label(first, chain)
        if found is None:
            return None
        for part in parts[1:]:
            if not isinstance(found, A.Flow):
                return None
            child = next((c for c in found.children if c.name == part), None)
            if child is not None:
                found = child
                continue
            label = self.labels.get(id(found), {}).get(part)
            if label is None:
                return None
            found = label
        return found

    def deep_label(self, name: str, chain: list[A.Flow]) -> Point | None:
        """inklecate's last resort: a label in a sibling stitch, then anywhere if unambiguous."""
        if len(chain) > 1:
            for st in chain[1].children:
                label = self.labels.get(id(st), {}).get(name)
                if label is not None:
                    return label
        hits = [t[name] for t in self.labels.values() if name in t]
        return hits[0] if len(hits) == 1 else None

    def target_names(self, chain: list[A.Flow]) -> list[str]:
        names = list(self.knots)
        for flow in chain:
            names.extend(self.labels.get(id(flow), {}))
            names.extend(c.name for c in flow.children if flow.kind != "root")
        for k in self.knots.values():
            names.extend(f"{k.name}.{c.name}" for c in k.children)
        return names
